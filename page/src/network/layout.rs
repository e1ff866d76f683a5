//! The platform network: where each platform sits (grouped by owner around a circle, the same for
//! every date), how the channels between them are drawn, and the words that describe a date's
//! state. Plain Rust, no Leptos.

use std::collections::HashMap;

use chrono::NaiveDate;
use hutong_core::route::{channel_grounds, Basis, ChannelId, Grounds, Verdict, Word};
use hutong_core::{Channel, Dataset, Lang};

#[derive(Clone, Debug, PartialEq)]
pub struct NodePos {
    pub platform: String,
    pub owner: String,
    /// Index of the owner in the dataset's list (for its colour).
    pub owner_index: usize,
    pub x: f64,
    pub y: f64,
    /// Where the label goes: to the right (true) or left of the node.
    pub label_right: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EdgePath {
    pub id: ChannelId,
    pub from_platform: String,
    pub to_platform: String,
    /// An SVG path (a quadratic curve, bent apart from its parallel edges), in whole pixels ([`px`]).
    pub d: String,
    /// The same curve's points: start, control, end.
    pub curve: [(f64, f64); 3],
}

pub const WIDTH: f64 = 760.0;
pub const HEIGHT: f64 = 600.0;

/// The drawing's `viewBox`: `WIDTH` by `HEIGHT` and 40 pixels below for the caption.
pub const VIEW_BOX: &str = "0 0 760 640";

/// A coordinate as the page writes it: whole pixels. Half a pixel of a 760-pixel drawing cannot
/// be seen, and integers are written without the float formatting code, which the first screen's
/// module then does not carry (BENCHMARKS.md, Release size). The geometry itself stays `f64`
/// (the preview image draws it as is).
pub fn px(v: f64) -> i32 {
    v.round() as i32
}

/// The owners' colours, by their index in the dataset (cycled). Shared by the page's drawing and
/// the build-time preview image (`preview.rs`).
pub const OWNER_COLOURS: [&str; 10] =
    ["#ff6a00", "#07c160", "#e6162d", "#2932e1", "#111111", "#ffc300", "#e1251b", "#0e7c86", "#7f8c8d", "#8e6c8a"];

/// The colour of a verdict, inline so that exported SVG keeps it.
pub fn verdict_colour(word: Word) -> &'static str {
    match word {
        Word::Direct => "#2e8b57",
        Word::Workaround => "#2f6db5",
        Word::Partial => "#c98a06",
        Word::Announced => "#7b4bb7",
        Word::Blocked => "#c0392b",
        Word::Undecided => "#9a9083",
    }
}

/// The dash pattern of a verdict's line (SVG `stroke-dasharray`): solid where it is known and open
/// or shut, dashed for a workaround, dotted for an announcement, broken where undecided.
pub fn dashes(word: Word) -> &'static str {
    match word {
        Word::Undecided => "2 3",
        Word::Workaround => "6 3",
        Word::Announced => "1 4",
        _ => "none",
    }
}

/// The platform of any node id (surface, merchant, instrument).
pub fn platform_of<'a>(data: &'a Dataset, id: &str) -> Option<&'a str> {
    [&data.surfaces, &data.merchants, &data.instruments]
        .into_iter()
        .flat_map(|l| l.iter())
        .find(|n| n.id == id)
        .map(|n| n.platform.as_str())
}

/// Places the platforms that take part in some channel. Owners get arcs in dataset order, sized by
/// their number of platforms; nothing depends on the date, so nothing jumps during playback.
pub fn layout(data: &Dataset, channels: &[ChannelId]) -> (Vec<NodePos>, Vec<EdgePath>) {
    let mut used: Vec<&str> = Vec::new();
    for c in channels {
        for id in [&c.from, &c.to] {
            if let Some(p) = platform_of(data, id) {
                if !used.contains(&p) {
                    used.push(p);
                }
            }
        }
    }
    // Dataset order within each owner, owners in dataset order.
    let mut ordered: Vec<(usize, &str)> = Vec::new();
    for (oi, owner) in data.owners.iter().enumerate() {
        for p in data.platforms.iter().filter(|p| p.owner == owner.id && used.contains(&p.id.as_str())) {
            ordered.push((oi, &p.id));
        }
    }
    // The owners come in order, so counting them needs no set (a sort's code in the first screen).
    let mut owners: Vec<usize> = ordered.iter().map(|(oi, _)| *oi).collect();
    owners.dedup();
    let groups = owners.len();
    let slots = ordered.len() + groups; // one empty slot between owners
    let (cx, cy, r) = (WIDTH / 2.0, HEIGHT / 2.0, 230.0);
    let mut nodes = Vec::new();
    let mut slot = 0usize;
    let mut last_owner = None;
    for (oi, p) in &ordered {
        if last_owner.is_some_and(|o| o != *oi) {
            slot += 1;
        }
        last_owner = Some(*oi);
        let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * (slot as f64 + 0.5) / slots.max(1) as f64;
        let (cos, sin) = cos_sin(angle);
        let (x, y) = (cx + r * cos, cy + r * sin);
        nodes.push(NodePos {
            platform: p.to_string(),
            owner: data.owners[*oi].id.clone(),
            owner_index: *oi,
            x,
            y,
            label_right: x >= cx,
        });
        slot += 1;
    }
    let pos: HashMap<&str, (f64, f64)> = nodes.iter().map(|n| (n.platform.as_str(), (n.x, n.y))).collect();
    // Parallel edges between the same two platforms are bent apart, each by its rank.
    let mut rank: HashMap<(String, String), usize> = HashMap::new();
    let mut edges = Vec::new();
    for c in channels {
        let (Some(a), Some(b)) = (platform_of(data, &c.from), platform_of(data, &c.to)) else { continue };
        let (Some(&(x1, y1)), Some(&(x2, y2))) = (pos.get(a), pos.get(b)) else { continue };
        let pair = if a <= b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) };
        let k = *rank.entry(pair.clone()).and_modify(|k| *k += 1).or_insert(0);
        let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
        // Pull toward the centre a little (so chords stay inside), then fan out by rank.
        let (nx, ny) = (-(y2 - y1), x2 - x1);
        let len = (nx * nx + ny * ny).sqrt().max(1.0);
        let sign = if a <= b { 1.0 } else { -1.0 };
        let fan = sign * (k as f64 - 0.0) * 9.0 + if a == b { 40.0 } else { 0.0 };
        let (qx, qy) = (mx + (cx - mx) * 0.25 + nx / len * fan, my + (cy - my) * 0.25 + ny / len * fan);
        edges.push(EdgePath {
            id: c.clone(),
            from_platform: a.to_string(),
            to_platform: b.to_string(),
            d: format!("M{},{}Q{},{} {},{}", px(x1), px(y1), px(qx), px(qy), px(x2), px(y2)),
            curve: [(x1, y1), (qx, qy), (x2, y2)],
        });
    }
    (nodes, edges)
}

/// The cosine and sine of an angle, by their series: the places on the circle need no more than
/// that, and `f64::cos`/`sin` would bring their argument reduction for any angle (about 8 KB of
/// code and tables) into the first screen's module. Only `+ - * /`, so the page and the preview
/// image get the same places on every platform. Within 1e-14 of `cos`/`sin` (tested).
pub fn cos_sin(angle: f64) -> (f64, f64) {
    use std::f64::consts::TAU;
    let x = angle - TAU * (angle / TAU).round(); // in [-π, π]
    let x2 = x * x;
    let (mut cos, mut sin) = (1.0, x);
    let (mut c, mut s) = (1.0, x);
    for k in 1..=14 {
        let k = f64::from(k);
        c *= -x2 / ((2.0 * k - 1.0) * (2.0 * k));
        s *= -x2 / ((2.0 * k) * (2.0 * k + 1.0));
        cos += c;
        sin += s;
    }
    (cos, sin)
}

/// One channel's states over time, from `NaiveDate::MIN`: a new run wherever its verdict, the
/// events behind it or how they are known change.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelTimeline {
    pub id: ChannelId,
    pub runs: Vec<Run>,
}

/// A channel's state from a day until the next run.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub start: NaiveDate,
    pub verdict: Verdict,
    /// The events behind it, and how each is known.
    pub basis: Vec<Basis>,
    /// How a decided verdict is known (`route::channel_grounds`); `None` when undecided.
    pub grounds: Option<Grounds>,
}

impl ChannelTimeline {
    /// The state on a day: a binary search, cheap enough for every frame of playback.
    pub fn at(&self, day: NaiveDate) -> &Run {
        let i = self.runs.partition_point(|r| r.start <= day).max(1) - 1;
        &self.runs[i]
    }
}

/// Every drawn channel's timeline, computed once per dataset and counterfactual (not per frame):
/// the model is asked about each day on which its answer for the channel may change
/// (`Model::channel_answer_changes`: its verdict, and also the events behind it and how each is
/// known, such as a source's last day), and the days it says the same of are one run.
pub fn channel_timelines(model: &hutong_core::route::Model<'_>, channels: &[ChannelId]) -> Vec<ChannelTimeline> {
    channels
        .iter()
        .map(|id| {
            let days = std::iter::once(NaiveDate::MIN).chain(model.channel_answer_changes(id));
            let mut runs: Vec<Run> = Vec::new();
            for day in days {
                let Some((verdict, basis)) = model.channel_at(id, day) else { continue };
                if runs.last().is_some_and(|r| r.verdict == verdict && r.basis == basis) {
                    continue;
                }
                let grounds = channel_grounds(verdict, &basis);
                runs.push(Run { start: day, verdict, basis, grounds });
            }
            ChannelTimeline { id: id.clone(), runs }
        })
        .collect()
}

/// The channel kind's id as the `data-channel` hook gives it.
pub fn channel_id(c: Channel) -> &'static str {
    match c {
        Channel::Link => "link",
        Channel::Ad => "ad",
        Channel::MiniProgram => "mini-program",
        Channel::Qr => "qr",
        Channel::Pay => "pay",
        Channel::Interop => "interop",
        Channel::Account => "account",
    }
}

/// A text description of the network on a date, generated from the edge states (for screen
/// readers and as the alt text of exports). Each state says whether a decided verdict is stated
/// (`channel_grounds`: every event it rests on says so in its quote) or inferred.
pub fn describe(data: &Dataset, states: &[(ChannelId, Verdict, bool)], lang: Lang) -> String {
    let name = |id: &str| data.name(id).map_or(id.to_string(), |t| t.get(lang).to_string());
    let list = |word: Word| {
        let items: Vec<String> = states
            .iter()
            .filter(|(_, v, _)| v.word() == word)
            .map(|(c, _, _)| format!("{} → {}", name(&c.from), name(&c.to)))
            .collect();
        items
    };
    let walls = list(Word::Blocked);
    let open = list(Word::Direct);
    let partial: Vec<String> = [Word::Partial, Word::Workaround, Word::Announced].into_iter().flat_map(list).collect();
    let undecided = states.iter().filter(|(_, v, _)| v.word() == Word::Undecided).count();
    let decided = states.len() - undecided;
    let stated = states.iter().filter(|(_, v, stated)| *stated && v.word() != Word::Undecided).count();
    let join = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join(crate::i18n::strings(lang).list_sep())
        }
    };
    let n = |k: usize| k.to_string();
    crate::i18n::network_strings(lang)
        .description()
        .replace("{walls}", &n(walls.len()))
        .replace("{wall_list}", &join(&walls))
        .replace("{open}", &n(open.len()))
        .replace("{open_list}", &join(&open))
        .replace("{partial}", &n(partial.len()))
        .replace("{partial_list}", &join(&partial))
        .replace("{undecided}", &n(undecided))
        .replace("{decided}", &n(decided))
        .replace("{stated}", &n(stated))
        .replace("{inferred}", &n(decided - stated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hutong_core::date::parse_day;
    use hutong_core::route::{Model, Off};

    #[test]
    #[allow(clippy::disallowed_methods)] // the standard functions are the reference here
    fn the_series_give_cosine_and_sine() {
        for k in -2000..=2000 {
            let angle = f64::from(k) * 0.00523;
            let (cos, sin) = cos_sin(angle);
            assert!((cos - angle.cos()).abs() < 1e-14 && (sin - angle.sin()).abs() < 1e-14, "{angle}");
        }
    }

    #[test]
    fn the_layout_is_stable_and_inside_the_picture() {
        let data = hutong_core::embedded::dataset();
        let model = Model::new(&data, &Off::new());
        let channels = model.channels();
        let (nodes, edges) = layout(&data, &channels);
        assert_eq!(layout(&data, &channels), (nodes.clone(), edges.clone()), "same input, same picture");
        assert!(nodes.len() >= 15);
        for n in &nodes {
            assert!(n.x > 0.0 && n.x < WIDTH && n.y > 0.0 && n.y < HEIGHT, "{n:?}");
        }
        for a in &nodes {
            for b in &nodes {
                if a.platform != b.platform {
                    assert!((a.x - b.x).hypot(a.y - b.y) > 20.0, "{} and {} overlap", a.platform, b.platform);
                }
            }
        }
        assert_eq!(edges.len(), channels.iter().filter(|c| platform_of(&data, &c.from).is_some()).count());
        // The paths are the curves in whole pixels.
        for e in &edges {
            let [(x1, y1), (qx, qy), (x2, y2)] = e.curve.map(|(x, y)| (px(x), px(y)));
            assert_eq!(e.d, format!("M{x1},{y1}Q{qx},{qy} {x2},{y2}"));
        }
        assert_eq!(VIEW_BOX, format!("0 0 {} {}", px(WIDTH), px(HEIGHT + 40.0)));
        // Owners sit together: all Tencent platforms are consecutive.
        let owners: Vec<&str> = nodes.iter().map(|n| n.owner.as_str()).collect();
        let first = owners.iter().position(|o| *o == "tencent").unwrap();
        let last = owners.iter().rposition(|o| *o == "tencent").unwrap();
        assert!(owners[first..=last].iter().all(|o| *o == "tencent"));
    }

    #[test]
    fn the_group_chat_edge_opens_in_november_2021() {
        let data = hutong_core::embedded::dataset();
        let model = Model::new(&data, &Off::new());
        let id = ChannelId { channel: Channel::Link, from: "wechat-group".into(), to: "taobao".into() };
        let at = |d: &str| model.channel_at(&id, parse_day(d).unwrap()).unwrap().0.word();
        assert_eq!(at("2021-10-01"), Word::Blocked);
        assert_eq!(at("2021-11-15"), Word::Undecided);
        // "2021年11月": certainly in effect from the month's last day.
        assert_eq!(at("2021-11-29"), Word::Undecided);
        assert_eq!(at("2021-11-30"), Word::Direct);
        assert!(model.channel_changes(&id).contains(&parse_day("2021-11-30").unwrap()));
        // The precomputed timeline agrees with asking the model, day by day: the verdict, the events
        // behind it, how each is known, and so the grounds.
        let timelines = channel_timelines(&model, &model.channels());
        for t in &timelines {
            for day in parse_day("2004-01-01").unwrap().iter_days().step_by(17).take(472) {
                let (verdict, basis) = model.channel_at(&t.id, day).unwrap();
                let run = t.at(day);
                assert_eq!((run.verdict, &run.basis), (verdict, &basis), "{:?} {day}", t.id);
                assert_eq!(run.grounds, hutong_core::route::channel_grounds(verdict, &basis), "{:?} {day}", t.id);
            }
        }
        // A state carried past its source's last day is inferred from the day after it.
        let persisting = timelines.iter().flat_map(|t| &t.runs).find_map(|r| {
            let g = r.grounds.as_ref()?;
            g.rules.contains(hutong_core::route::Rule::Persists).then_some((r.start, g.confirmed?))
        });
        let (start, confirmed) = persisting.expect("some channel's state persists past its source");
        assert!(confirmed < start, "{confirmed} {start}");
    }

    #[test]
    fn the_description_names_walls_and_bridges() {
        let data = hutong_core::embedded::dataset();
        let model = Model::new(&data, &Off::new());
        let day = parse_day("2016-01-01").unwrap();
        let states: Vec<_> = model
            .channels()
            .into_iter()
            .map(|c| {
                let (v, basis) = model.channel_at(&c, day).unwrap();
                let stated = hutong_core::route::channel_grounds(v, &basis).is_some_and(|g| g.stated());
                (c, v, stated)
            })
            .collect();
        let en = describe(&data, &states, Lang::En);
        assert!(en.contains("WeChat group chat → Taobao"), "{en}");
        assert!(
            en.starts_with(&format!("{} walls stand", states.iter().filter(|s| s.1.word() == Word::Blocked).count()))
        );
        assert!(describe(&data, &states, Lang::Zh).contains("微信群聊 → 淘宝"));
        let decided = states.iter().filter(|s| s.1.word() != Word::Undecided).count();
        let stated = states.iter().filter(|s| s.2 && s.1.word() != Word::Undecided).count();
        assert!(
            en.ends_with(&format!(
                "Of the {decided} decided, {stated} are stated by their sources and {} inferred.",
                decided - stated
            )),
            "{en}"
        );
        assert!(describe(&data, &states, Lang::Zh).contains("原文所述"));
    }
}
