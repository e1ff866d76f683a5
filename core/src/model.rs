//! The dataset's types: reference lists (owners, platforms, surfaces, merchants, instruments,
//! workarounds, sources) and the events with their typed channel effects. These are the validated
//! forms; `load` turns text into them and `export` turns them back into the same JSON schema.

use serde::{Deserialize, Serialize};

use crate::date::DateSpec;

/// A pair of texts, Chinese and English. Both are required: Hutong is bilingual throughout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// The two languages of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A company or authority that owns platforms (Alibaba, Tencent, the MIIT, ...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    pub id: String,
    pub name: Text,
}

/// A platform: a product people use (Taobao, WeChat, Alipay, Weibo, ...), owned by an [`Owner`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: String,
    pub owner: String,
    pub name: Text,
}

/// A surface, merchant platform, payment instrument or workaround: each belongs to a platform.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    pub platform: String,
    pub name: Text,
    /// For merchants: the surfaces that are the merchant's own app (reached with no channel).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub home: Vec<String>,
    /// For merchants: paid by scanning a payment code, so code interoperability applies.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub scan_to_pay: bool,
}

/// A cited article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The seed file the text was read from, when it is one of the project's seeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// The article's address; `None` where the article gives none.
    pub url: Option<String>,
    pub title: String,
    pub outlet: Text,
    /// When it was published, as precise as the article says (a [`DateSpec`] text).
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// How sure the sources are that the event happened as dated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// In effect from its date.
    Effective,
    /// Announced at its date; the sources do not (yet) say it took effect.
    Announced,
    /// Not said outright; read from the text by the curators (data/NOTES.md says how).
    Inferred,
    /// In effect for some users, merchants or channels only.
    Partial,
    /// A test (内测) open to some only.
    Beta,
    /// Rolled out step by step (逐步).
    Gradual,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Block,
    Open,
    Partnership,
    Launch,
    Regulation,
    Policy,
    Metric,
    Statement,
}

/// A kind of channel between two nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// A surface opens a merchant's links (surface → merchant).
    Link,
    /// An ad on a surface jumps to the merchant (surface → merchant).
    Ad,
    /// A mini program of the merchant inside the surface (surface → merchant).
    MiniProgram,
    /// The surface scans the merchant's QR codes (surface → merchant).
    Qr,
    /// The merchant accepts the instrument (merchant → instrument).
    Pay,
    /// One instrument's codes are accepted where the other's are (instrument → instrument).
    Interop,
    /// A surface's accounts are bound to an instrument's (surface → instrument).
    Account,
}

/// What an effect does to its channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Open,
    Close,
    Partial,
    Workaround,
}

/// Which way an effect runs between `from` and `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// From `from` to `to`, as the channel reads.
    #[default]
    Forward,
    Both,
    /// The text does not say which way.
    Unspecified,
}

/// One typed change to one channel, read by the routing model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    pub channel: Channel,
    /// A node id, or `*` for all nodes of the channel's source kind.
    pub from: String,
    /// A node id, or `*` for all nodes of the channel's target kind.
    pub to: String,
    pub change: Change,
    /// The workaround's id when `change` is `workaround`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    #[serde(default, skip_serializing_if = "is_forward")]
    pub direction: Direction,
}

fn is_forward(d: &Direction) -> bool {
    *d == Direction::Forward
}

/// The citation of one event: which source, and a short quote found word for word in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: String,
    pub quote: String,
}

/// A number the sources give, with its as-of date, kept as the text gives it: its unit (or none),
/// whether it is "about" a value or a bound ("over", "nearly"), and what it is relative to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub value: f64,
    /// The unit the text gives; `None` where it gives none ("每个月的平均流水在10万上下", "50亿电商").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// When the figure holds (a [`DateSpec`] text).
    pub as_of: String,
    /// The text says "about" (约, 左右, 上下, 差不多): the figure is not exact.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
    /// The text gives a bound, not a count: "over" (超过, 多, 以上, 过, 高于) or "under" (近).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// What the figure is relative to, where the text says ("year on year", "of the accounts it
    /// serves", "of the mobile payment market").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<Text>,
}

/// Which side of the figure the true value lies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    /// More than the figure (超过, 多, 以上, 过, 高于).
    Over,
    /// Just under the figure (近, "nearly").
    Under,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Users,
    Accounts,
    Merchants,
    Trips,
    AccountsPerDay,
    Yuan,
    Percent,
    Times,
    Followers,
    Companies,
    /// 人次: uses or visits, counted per person each time ("超过5万人次体验").
    PersonTimes,
    Days,
    Months,
}

/// What a channel was before an event changed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Prior {
    Closed,
    Open,
}

/// The state of an event's channels before it, set only where the text says it ("首次",
/// "开始允许", "此前…", "之前申请成功的商家"), with the quote that says it. Without it the state
/// before an event is unknown: an opening does not imply a wall, nor a block an open road.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Before {
    pub state: Prior,
    pub source: String,
    pub quote: String,
}

/// One dated (or honestly undated) event with its citation and effects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    pub id: String,
    pub date: String,
    pub status: Status,
    pub kind: Kind,
    pub actors: Vec<String>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    pub title: Text,
    pub summary: Text,
    pub cite: Citation,
    /// What the event's channels were before it, where the text says so (routing rule 2b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Before>,
    /// Events this one certainly came after, where the text orders them but the dates cannot
    /// ("淘宝链接被屏蔽后…" = after the block).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    /// Fields whose value the sources leave open (`date`, `actors`, `direction`, `status`, `effects`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
}

/// A validated event: the record plus its parsed date.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub record: EventRecord,
    pub date: DateSpec,
}

impl std::ops::Deref for Event {
    type Target = EventRecord;
    fn deref(&self) -> &EventRecord {
        &self.record
    }
}

/// The whole validated dataset. Lists keep their file order; events are sorted by date.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub version: String,
    /// The dataset's licence (an SPDX id such as `CC-BY-4.0`), where its files state one.
    pub licence: Option<String>,
    pub owners: Vec<Owner>,
    pub platforms: Vec<Platform>,
    pub surfaces: Vec<Node>,
    pub merchants: Vec<Node>,
    pub instruments: Vec<Node>,
    pub workarounds: Vec<Node>,
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
}

impl Dataset {
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.id == id)
    }

    pub fn owner(&self, id: &str) -> Option<&Owner> {
        self.owners.iter().find(|o| o.id == id)
    }

    /// The owner of an actor (a platform or an owner id itself).
    pub fn owner_of(&self, actor: &str) -> Option<&Owner> {
        self.platform(actor).and_then(|p| self.owner(&p.owner)).or_else(|| self.owner(actor))
    }

    /// The display name of any id in the reference lists.
    pub fn name(&self, id: &str) -> Option<&Text> {
        let nodes = [&self.surfaces, &self.merchants, &self.instruments, &self.workarounds];
        self.platforms
            .iter()
            .find(|p| p.id == id)
            .map(|p| &p.name)
            .or_else(|| nodes.iter().flat_map(|l| l.iter()).find(|n| n.id == id).map(|n| &n.name))
            .or_else(|| self.owner(id).map(|o| &o.name))
    }
}
