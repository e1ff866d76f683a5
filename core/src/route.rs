//! Channel routing: on a given day, can a shopper who meets an offer on surface S reach merchant M
//! and pay with instrument P, and which events decide it?
//!
//! The rules (data/NOTES.md says the same in prose). Each rule that goes beyond what a quote says
//! has a name ([`Rule`]), and every step of an answer carries the rules it used, so a reader can
//! tell what is stated from what is inferred, and why.
//!
//! 1. **Channels.** Every effect asserts a state for one channel key `(channel, from, to, via)`:
//!    `close` → blocked; `open` → direct (partial if the event is a beta, partial or gradual);
//!    `partial` → partial; `workaround` → workaround. An event whose status is `announced` has not
//!    been seen to take effect, and may have on any later day (rule [`Rule::MayHaveTakenEffect`]):
//!    its change is *maybe* in effect from its date on, never certainly, and the state before it
//!    stays a candidate. An announced opening also says that on its date the channel is not yet
//!    open but announced: once it is certainly made, a blocked candidate reads `announced`. An
//!    announced closing changes nothing else: from its date the answer is undecided between the
//!    closed state and the state before.
//! 2. **Dates are windows.** An effect dated `[lo, hi]` is certainly in effect on day `d` when
//!    `hi ≤ d`, certainly not when `lo > d`, and *maybe* otherwise. An effect whose direction the text
//!    leaves open is always *maybe*. The state on `d` is that of the latest effect (a state lasts
//!    until an event changes it), but any effect that may be the latest counts: an effect is ruled
//!    out only when another effect certainly in effect certainly came after it: by date
//!    (`e.hi < f.lo`), or because the text says so (the event's `after` list), or through a chain of
//!    both. The order is known from all events, even those switched off: a counterfactual removes
//!    an event, not what the sources say of the others.
//!    2b. **Before the first event.** The state of a channel before the first event that changes it
//!    is **unknown**, unless that event's `before` says what it was, with a quote ("之前申请成功的
//!    商家", "此前…需要登录支付宝"): then it is that state ([`Rule::Before`]). An opening does not by
//!    itself imply a wall before it, nor a block an open road. When several events may be the
//!    first, the state before is the union of what each says (unknown if one says nothing). A
//!    `before` speaks of the channel itself, never of a workaround: a workaround does not exist
//!    before an event says so ([`Rule::NoWorkaroundYet`]). What an event says of the time before
//!    it stays true when it is switched off: switching off an opening leaves a stated wall standing.
//! 3. **Verdicts are intervals.** The candidates' levels give `[lo, hi]`; when they differ the verdict
//!    is `undecided` and both ends are reported. A channel the sources never mention is not a route;
//!    when a hop has no route the sources mention at all, it is undecided between blocked and direct.
//! 4. **Journeys.** A journey has two hops: reach (S → M: a link, ad, mini program or QR code, any
//!    workaround, or nothing when S is M's own app, [`Rule::OwnApp`]) and pay (M accepts P directly,
//!    by a workaround, or, where M is paid by scanning a code, through interoperability: M accepts Q
//!    and P's codes work where Q's do, [`Rule::Interop`]). A hop takes its best route (the interval
//!    maximum); the journey takes its weaker hop (the interval minimum).
//!
//! 5. **Persistence is an inference.** A state is stated only up to the last day the source that
//!    reports it can have been published (its `published` date's latest day: an article's quote
//!    speaks of its own time), or, for an event the text places before a day (dated `../D`: "此前",
//!    "2021年…已可以"), up to that day. After that day the state still holds until an event changes it
//!    (rule 2), but as an inference ([`Rule::Persists`]), and the answer says when the state was
//!    last confirmed. There is no horizon after which an old state widens to undecided: no text
//!    gives one, and any cut-off would be a number we invent; instead every such verdict says
//!    "inferred: persists, last confirmed <date>", so a reader sees the age of its evidence.
//! 6. **Broad targets are a reading.** An effect with `from` or `to` `*` reaches nodes its quote does
//!    not name ([`Rule::WideTarget`]); a node that another effect of the same event names itself is
//!    stated by that effect instead.
//! 7. **A verdict's grounds.** A decided verdict is *stated* when every step it rests on is said by
//!    a quote in effect on the day, and *inferred* otherwise, with the union of the rules its steps
//!    need ([`Answer::grounds`]). It rests on, for every hop, its least inferred route at least as
//!    good as the verdict, and, for the hop whose best is the verdict (unless that is `direct`),
//!    every route that might otherwise have been better (a route through a workaround cannot be
//!    better than a workaround, so at a workaround it is not among them). A step in effect rests on its least
//!    inferred event in effect; a step before any event rests on the state before and on every
//!    event that may apply. The merchant's own app is part of the question: it neither states nor
//!    infers, and decides nothing by itself (a decided verdict always names an event).
//!
//! Two readings of the data are also named where they are used: an event whose status is
//! `inferred` is the curators' reading of the text ([`Rule::Reading`], its note says why), and an
//! event marked `uncertain: effects` names channels the text does not spell out
//! ([`Rule::ChannelsRead`]).
//!
//! Laws (property-tested): switching off an opening event never improves a verdict; switching off a
//! closing one never worsens one; answers are pure functions of their inputs; every verdict other
//! than `undecided` rests on at least one event that cites a quote, every inferred step names its
//! rule, and a verdict marked stated needs no rule.

use std::collections::BTreeSet;

// Fx, not SipHash: hashing the string keys is a large part of building a model (10,000 synthetic
// events: 14–19 → 12 ms natively). The keys are dataset ids; an import that made them collide on
// purpose would only slow its own author's page.
use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;

use crate::model::{Change, Channel, Dataset, Direction, Prior, Status};

/// How open a channel is, from worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Blocked,
    Announced,
    Partial,
    Workaround,
    Direct,
}

/// What the sources allow: the state lies between `lo` and `hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Verdict {
    pub lo: Level,
    pub hi: Level,
}

/// The six answers the app shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Word {
    Direct,
    Workaround,
    Partial,
    Announced,
    Blocked,
    Undecided,
}

impl Word {
    pub fn id(self) -> &'static str {
        match self {
            Word::Direct => "direct",
            Word::Workaround => "workaround",
            Word::Partial => "partial",
            Word::Announced => "announced",
            Word::Blocked => "blocked",
            Word::Undecided => "undecided",
        }
    }
}

impl Verdict {
    pub const UNKNOWN: Verdict = Verdict { lo: Level::Blocked, hi: Level::Direct };

    pub fn exactly(level: Level) -> Verdict {
        Verdict { lo: level, hi: level }
    }

    pub fn word(self) -> Word {
        if self.lo != self.hi {
            return Word::Undecided;
        }
        match self.lo {
            Level::Direct => Word::Direct,
            Level::Workaround => Word::Workaround,
            Level::Partial => Word::Partial,
            Level::Announced => Word::Announced,
            Level::Blocked => Word::Blocked,
        }
    }

    /// The better of two routes.
    pub fn max(self, other: Verdict) -> Verdict {
        Verdict { lo: self.lo.max(other.lo), hi: self.hi.max(other.hi) }
    }

    /// A journey is as open as its weaker hop.
    pub fn min(self, other: Verdict) -> Verdict {
        Verdict { lo: self.lo.min(other.lo), hi: self.hi.min(other.hi) }
    }

    /// True when no end of `self` is above the same end of `other` (the order the laws use).
    pub fn at_most(self, other: Verdict) -> bool {
        self.lo <= other.lo && self.hi <= other.hi
    }
}

/// One journey: where the offer is met, the merchant, the instrument.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Journey {
    pub surface: String,
    pub merchant: String,
    pub instrument: String,
}

impl Journey {
    pub fn new(surface: &str, merchant: &str, instrument: &str) -> Journey {
        Journey { surface: surface.into(), merchant: merchant.into(), instrument: instrument.into() }
    }
}

/// Why an event counts for a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Certainly in effect on the day, and not certainly superseded.
    InEffect,
    /// Its date window contains the day, its direction is not given, or it was announced and may
    /// since have taken effect: it may or may not apply.
    Maybe,
    /// Not yet in effect, but its `before` says the state before it (rule 2b).
    Before,
    /// Not yet in effect, and it says nothing of the time before it: why the state is unknown.
    NotYet,
}

/// A step of reasoning that goes beyond what a quote says, named so the app can show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The state before an event, from the quote in its `before` (rule 2b).
    Before,
    /// A workaround does not exist before an event says so (rule 2b).
    NoWorkaroundYet,
    /// An announced change may have taken effect on any day after its announcement (rule 1).
    MayHaveTakenEffect,
    /// The event is the curators' reading of the text (status `inferred`; its note says why).
    Reading,
    /// Which channels the event changes is the curators' reading (`uncertain: effects`).
    ChannelsRead,
    /// The merchant is reached from its own app, with no channel (rule 4).
    OwnApp,
    /// The merchant takes another instrument whose codes this one's work with (rule 4).
    Interop,
    /// The state is carried past the day its source last reported it (rule 5): the event is in
    /// effect, but the day is after the publication of the article that cites it.
    Persists,
    /// The effect names every node of a kind (`*`): a target wider than its quote, the curators'
    /// reading (rule 6).
    WideTarget,
}

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::Before,
        Rule::NoWorkaroundYet,
        Rule::MayHaveTakenEffect,
        Rule::Reading,
        Rule::ChannelsRead,
        Rule::OwnApp,
        Rule::Interop,
        Rule::Persists,
        Rule::WideTarget,
    ];

    /// A stable id, for hooks and exports.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Before => "before",
            Rule::NoWorkaroundYet => "no-workaround-yet",
            Rule::MayHaveTakenEffect => "may-have-taken-effect",
            Rule::Reading => "reading",
            Rule::ChannelsRead => "channels-read",
            Rule::OwnApp => "own-app",
            Rule::Interop => "interop",
            Rule::Persists => "persists",
            Rule::WideTarget => "wide-target",
        }
    }
}

/// A set of [`Rule`]s (a bit set: answers are built per step of playback, so this stays `Copy`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rules(u16);

impl Rules {
    pub const NONE: Rules = Rules(0);

    pub fn of(rule: Rule) -> Rules {
        Rules(1 << rule as u8)
    }

    pub fn with(self, rule: Rule) -> Rules {
        Rules(self.0 | Rules::of(rule).0)
    }

    pub fn union(self, other: Rules) -> Rules {
        Rules(self.0 | other.0)
    }

    pub fn without(self, rule: Rule) -> Rules {
        Rules(self.0 & !Rules::of(rule).0)
    }

    pub fn contains(self, rule: Rule) -> bool {
        self.0 & Rules::of(rule).0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.into_iter().filter(move |r| self.contains(*r))
    }
}

/// One event behind a step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Basis {
    /// Index into `Dataset::events`.
    pub event: usize,
    pub role: Role,
    /// The level this event asserts.
    pub level: Level,
    /// The rules this use of the event rests on; none when its quote states it. For
    /// [`Role::Before`] the quote is the event's `before`, otherwise its `cite`.
    pub rules: Rules,
    /// The last day the event's source can have reported it: the latest day of its publication
    /// date (`None` when the dataset gives none). After it, an event in effect persists
    /// ([`Rule::Persists`]).
    pub confirmed: Option<NaiveDate>,
}

impl Basis {
    /// True when the event's own quote states what this basis says.
    pub fn stated(&self) -> bool {
        self.rules.is_empty()
    }
}

/// One channel crossed by a route.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub channel: Channel,
    pub from: String,
    pub to: String,
    pub via: Option<String>,
    pub verdict: Verdict,
    /// True when the surface is the merchant's own app: no channel, nothing to cite.
    pub own_app: bool,
    /// True when no event speaks of this hop at all.
    pub silent: bool,
    pub basis: Vec<Basis>,
    /// Rules the step rests on that no single event carries: its own app, interoperability, a
    /// workaround that does not exist yet.
    pub rules: Rules,
}

impl Step {
    /// Every rule the step rests on, its own and its events'.
    pub fn all_rules(&self) -> Rules {
        self.basis.iter().fold(self.rules, |acc, b| acc.union(b.rules))
    }

    /// True when the step rests on no rule: every event behind it states what it is used for.
    pub fn stated(&self) -> bool {
        self.all_rules().is_empty()
    }
}

/// One way to cross a hop (one step, or two through interoperability).
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    pub verdict: Verdict,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hop {
    pub verdict: Verdict,
    /// Best first.
    pub routes: Vec<Route>,
}

/// The answer to a journey on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub verdict: Verdict,
    pub reach: Hop,
    pub pay: Hop,
}

impl Answer {
    /// Every event cited by any route of either hop, in dataset order.
    pub fn cited(&self) -> Vec<usize> {
        let mut out = BTreeSet::new();
        for hop in [&self.reach, &self.pay] {
            for route in &hop.routes {
                for step in &route.steps {
                    out.extend(step.basis.iter().map(|b| b.event));
                }
            }
        }
        out.into_iter().collect()
    }
}

/// How a decided verdict is known: stated, when every step it rests on is said by a quote in
/// effect on the day, or inferred, with every rule it needs (rule 7 of the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grounds {
    /// The rules the verdict rests on; none when it is stated.
    pub rules: Rules,
    /// The events that decide it, in dataset order.
    pub events: Vec<usize>,
    /// When the verdict persists ([`Rule::Persists`]): the oldest "last confirmed" day among the
    /// states it carries forward.
    pub confirmed: Option<NaiveDate>,
}

impl Grounds {
    pub fn stated(&self) -> bool {
        self.rules.is_empty()
    }

    /// `stated` or `inferred`: the value of the app's `data-grounds` hooks and the ledger.
    pub fn id(&self) -> &'static str {
        if self.stated() {
            "stated"
        } else {
            "inferred"
        }
    }
}

impl Answer {
    /// How the verdict is known, or `None` when it is undecided (rule 7).
    pub fn grounds(&self) -> Option<Grounds> {
        if self.verdict.word() == Word::Undecided {
            return None;
        }
        let level = self.verdict.lo;
        let mut out = Grounds { rules: Rules::NONE, events: Vec::new(), confirmed: None };
        for hop in [&self.reach, &self.pay] {
            for route in deciding_routes(hop, level) {
                for step in &route.steps {
                    step_grounds(step, &mut out);
                }
            }
        }
        crate::sort::sort(&mut out.events);
        out.events.dedup();
        Some(out)
    }
}

/// The routes of a hop that a decided journey verdict `level` rests on. The journey is at least
/// `level` because every hop has a route at least that good: the least inferred such route. It is
/// at most `level` (unless that is `direct`, the top) because of the hop whose best is exactly
/// `level`: every one of its routes that might otherwise have been better (not a route through a
/// workaround when `level` is a workaround: it can be no better).
fn deciding_routes(hop: &Hop, level: Level) -> Vec<&Route> {
    let cost = |r: &Route| {
        let mut g = Grounds { rules: Rules::NONE, events: Vec::new(), confirmed: None };
        r.steps.iter().for_each(|s| step_grounds(s, &mut g));
        (g.rules.len(), std::cmp::Reverse(g.confirmed))
    };
    // The least inferred route at least `level`: what the lower end rests on.
    let lower = hop.routes.iter().filter(|r| r.verdict.lo >= level).min_by_key(|r| cost(r));
    if hop.verdict.hi == level && level != Level::Direct {
        // A route through a workaround is at most a workaround whatever its events say: at a
        // workaround it is not why the journey is no better, and its events and rules ("no
        // workaround yet" above all, which only lowers its lower end) do not decide the verdict.
        let capped = |r: &Route| level >= Level::Workaround && r.steps.iter().any(|s| s.via.is_some());
        return hop.routes.iter().filter(|r| !capped(r) || lower.is_some_and(|l| std::ptr::eq(l, *r))).collect();
    }
    if level == Level::Blocked {
        // Every route is at least blocked: this hop says nothing of the verdict.
        return Vec::new();
    }
    lower.into_iter().collect()
}

/// Adds what one step rests on. A step decided by events in effect is stated by its least inferred
/// event in effect at the step's level; otherwise (its lower end is an event that may apply, or the
/// state before, rule 2b) it rests on every event behind it.
fn step_grounds(step: &Step, out: &mut Grounds) {
    // The merchant's own app is part of the question, not a claim about the sources: it neither
    // states nor infers anything, and decides nothing by itself.
    out.rules = out.rules.union(step.rules.without(Rule::OwnApp));
    basis_grounds(step.verdict, &step.basis, out);
}

/// How a channel's decided state is known, from the events behind it (as
/// [`Model::channel_at`] gives them): the network's edges and table. `None` when undecided.
pub fn channel_grounds(verdict: Verdict, basis: &[Basis]) -> Option<Grounds> {
    if verdict.word() == Word::Undecided {
        return None;
    }
    let mut out = Grounds { rules: Rules::NONE, events: Vec::new(), confirmed: None };
    basis_grounds(verdict, basis, &mut out);
    Some(out)
}

fn basis_grounds(verdict: Verdict, basis: &[Basis], out: &mut Grounds) {
    let in_effect = basis.iter().filter(|b| b.role == Role::InEffect && b.level == verdict.lo);
    let best = in_effect.min_by_key(|b| (b.rules.len(), std::cmp::Reverse(b.confirmed)));
    let chosen: Vec<&Basis> = match best {
        Some(b) => vec![b],
        None => basis.iter().collect(),
    };
    for b in chosen {
        out.rules = out.rules.union(b.rules);
        out.events.push(b.event);
        if b.rules.contains(Rule::Persists) {
            out.confirmed = match (out.confirmed, b.confirmed) {
                (Some(a), Some(c)) => Some(a.min(c)),
                (a, c) => a.or(c),
            };
        }
    }
}

/// A set of events switched off, by index into `Dataset::events`.
pub type Off = BTreeSet<usize>;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    channel: Channel,
    from: String,
    to: String,
    via: Option<String>,
}

/// What an assertion is: a change of state, or the marker of an announced opening.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Claim {
    /// The channel is in `level` from the event on.
    Change,
    /// An announced change: maybe in effect from its date on, never certainly (`hi` is `None`).
    MayTakeEffect,
    /// An announced opening: once certainly made, a blocked candidate reads `announced`.
    Announcement,
}

/// One effect, as it bears on one channel key.
#[derive(Clone, Copy, Debug)]
struct Assertion {
    event: usize,
    lo: Option<NaiveDate>,
    hi: Option<NaiveDate>,
    level: Level,
    claim: Claim,
    direction_known: bool,
    /// False when the event is switched off: it still tells the order of the others.
    enabled: bool,
    /// True when the effect named both ends (not `*`): the network draws only such channels.
    explicit: bool,
    rules: Rules,
    /// The last day the event's source can have reported it (see [`Basis::confirmed`]).
    confirmed: Option<NaiveDate>,
}

/// The assertions on one channel key, and which of them certainly came before which.
struct Channelled {
    assertions: Vec<Assertion>,
    /// `before[i][j]`: assertion i certainly came before assertion j.
    before: Vec<Vec<bool>>,
    /// The state before the first event, and the events whose `before` says it (rule 2b).
    base: Verdict,
    base_events: Vec<usize>,
    /// True for a workaround key: its state before the first event is "does not exist yet".
    via: bool,
    /// The first changes on the key, with the level each asserts (what comes next, before it).
    first: Vec<(usize, Level)>,
    /// The state on every day, as runs `(first day, verdict)` from `NaiveDate::MIN`: what the fast
    /// path (`verdict`, `timeline`) reads instead of evaluating.
    runs: Vec<(NaiveDate, Verdict)>,
}

impl Channelled {
    fn state(&self, day: NaiveDate) -> Verdict {
        let i = self.runs.partition_point(|(start, _)| *start <= day);
        self.runs[i.max(1) - 1].1
    }
}

/// The channel keys a journey's routes cross, looked up once (see [`Model::plan`]).
pub struct Plan<'m> {
    reach: Vec<Vec<&'m Channelled>>,
    pay: Vec<Vec<&'m Channelled>>,
    own_app: bool,
    reach_main: bool,
    pay_main: bool,
}

impl Default for Channelled {
    fn default() -> Channelled {
        Channelled {
            assertions: Vec::new(),
            before: Vec::new(),
            base: Verdict::UNKNOWN,
            base_events: Vec::new(),
            via: false,
            first: Vec::new(),
            runs: Vec::new(),
        }
    }
}

/// The dataset indexed by channel, with a set of events switched off. Build once per dataset and
/// counterfactual; answering is then cheap.
pub struct Model<'a> {
    data: Data<'a>,
    keys: HashMap<Key, Channelled>,
    /// For each (channel, from, to), the workaround ids that exist on it.
    vias: HashMap<(Channel, String, String), BTreeSet<String>>,
}

const REACH: [Channel; 4] = [Channel::Link, Channel::Ad, Channel::MiniProgram, Channel::Qr];

/// The dataset a model reads: borrowed, or shared (so a model can outlive the borrow, for example
/// in a UI's cache that keeps it across dates).
enum Data<'a> {
    Borrowed(&'a Dataset),
    Shared(std::sync::Arc<Dataset>),
}

impl std::ops::Deref for Data<'_> {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        match self {
            Data::Borrowed(d) => d,
            Data::Shared(d) => d,
        }
    }
}

impl Model<'static> {
    /// A model that owns a share of its dataset. It answers exactly as [`Model::new`] does.
    pub fn shared(data: std::sync::Arc<Dataset>, off: &Off) -> Model<'static> {
        Model::build(Data::Shared(data), off)
    }
}

impl<'a> Model<'a> {
    pub fn new(data: &'a Dataset, off: &Off) -> Model<'a> {
        Model::build(Data::Borrowed(data), off)
    }

    fn build(owner: Data<'a>, off: &Off) -> Model<'a> {
        let data: &Dataset = &owner;
        let mut keys: HashMap<Key, Channelled> = HashMap::default();
        let ids = |list: &[crate::model::Node]| list.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
        let (surfaces, merchants, instruments) = (ids(&data.surfaces), ids(&data.merchants), ids(&data.instruments));
        // Rule 5: the last day each source can have reported what it says.
        let published: HashMap<&str, Option<NaiveDate>> = data
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.published.parse::<crate::DateSpec>().ok().and_then(|d| d.latest())))
            .collect();
        for (index, event) in data.events.iter().enumerate() {
            let confirmed = published.get(event.cite.source.as_str()).copied().flatten();
            // A state the text places before a day ("此前", "2021年…已可以": dated `../D`, D before
            // the article) is confirmed up to that day, not up to the article's.
            let confirmed = match event.date {
                crate::DateSpec::Before(_) => match (confirmed, event.date.latest()) {
                    (Some(published), Some(by)) => Some(published.min(by)),
                    (published, by) => published.or(by),
                },
                _ => confirmed,
            };
            let enabled = !off.contains(&index);
            let reading = if event.status == Status::Inferred { Rules::of(Rule::Reading) } else { Rules::NONE };
            let reading =
                if event.uncertain.iter().any(|f| f == "effects") { reading.with(Rule::ChannelsRead) } else { reading };
            let (lo, hi) = (event.date.earliest(), event.date.latest());
            for effect in &event.effects {
                // Rule 1: what the effect claims, and from when.
                let mut claims: Vec<(Claim, Level, Option<NaiveDate>, Rules)> = Vec::with_capacity(2);
                if event.status == Status::Announced {
                    let level = level_of(effect.change, Status::Effective);
                    claims.push((Claim::MayTakeEffect, level, None, reading.with(Rule::MayHaveTakenEffect)));
                    if effect.change != Change::Close {
                        claims.push((Claim::Announcement, Level::Announced, hi, reading));
                    }
                } else {
                    claims.push((Claim::Change, level_of(effect.change, event.status), hi, reading));
                }
                let (from_all, to_all) = match effect.channel {
                    Channel::Link | Channel::Ad | Channel::MiniProgram | Channel::Qr => (&surfaces, &merchants),
                    Channel::Pay => (&merchants, &instruments),
                    Channel::Interop => (&instruments, &instruments),
                    Channel::Account => (&surfaces, &instruments),
                };
                let expand = |id: &String, all: &Vec<String>| -> Vec<String> {
                    if id == "*" {
                        all.clone()
                    } else {
                        vec![id.clone()]
                    }
                };
                let explicit = effect.from != "*" && effect.to != "*";
                // Rule 6: a `*` reaches nodes its quote does not name, unless another effect of the
                // same event names the node itself ("淘宝等外部电商链接" names Taobao).
                let named = |from: &str, to: &str| {
                    event
                        .effects
                        .iter()
                        .any(|f| f.channel == effect.channel && f.via == effect.via && f.from == from && f.to == to)
                };
                let mut add = |from: &String, to: &String, direction_known: bool| {
                    let rules = if explicit { Rules::NONE } else { Rules::of(Rule::WideTarget) };
                    let key =
                        Key { channel: effect.channel, from: from.clone(), to: to.clone(), via: effect.via.clone() };
                    let channelled = keys.entry(key).or_default();
                    for &(claim, level, hi, own) in &claims {
                        channelled.assertions.push(Assertion {
                            event: index,
                            lo,
                            hi,
                            level,
                            claim,
                            direction_known,
                            enabled,
                            explicit,
                            rules: own.union(rules),
                            confirmed,
                        });
                    }
                };
                for from in expand(&effect.from, from_all) {
                    for to in expand(&effect.to, to_all) {
                        if !explicit && named(&from, &to) {
                            continue;
                        }
                        match effect.direction {
                            Direction::Forward => add(&from, &to, true),
                            Direction::Both => {
                                add(&from, &to, true);
                                add(&to, &from, true);
                            }
                            Direction::Unspecified => {
                                add(&from, &to, false);
                                add(&to, &from, false);
                            }
                        }
                    }
                }
            }
        }
        let position: HashMap<&str, usize> = data.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        for (key, channelled) in keys.iter_mut() {
            channelled.before = order(&channelled.assertions, data, &position);
            channelled.via = key.via.is_some();
            if channelled.via {
                channelled.base = Verdict::exactly(Level::Blocked);
            } else {
                // Rule 2b. The first events: changes no other change on the key certainly precedes
                // (an announcement's marker is not a change). The state before them is what their
                // `before` says; one that says nothing makes it unknown.
                let n = channelled.assertions.len();
                let changes = |i: &usize| channelled.assertions[*i].claim != Claim::Announcement;
                let first =
                    (0..n).filter(changes).filter(|&i| (0..n).filter(changes).all(|j| !channelled.before[j][i]));
                let mut base: Option<Verdict> = None;
                for i in first {
                    let event = channelled.assertions[i].event;
                    channelled.first.push((event, channelled.assertions[i].level));
                    let stated = match data.events[event].before.as_ref().map(|b| b.state) {
                        Some(Prior::Closed) => Verdict::exactly(Level::Blocked),
                        Some(Prior::Open) => Verdict::exactly(Level::Direct),
                        None => Verdict::UNKNOWN,
                    };
                    if data.events[event].before.is_some() {
                        channelled.base_events.push(event);
                    }
                    base = Some(base.map_or(stated, |b| Verdict { lo: b.lo.min(stated.lo), hi: b.hi.max(stated.hi) }));
                }
                channelled.base = base.unwrap_or(Verdict::UNKNOWN);
                if channelled.base == Verdict::UNKNOWN {
                    channelled.base_events.clear();
                }
                crate::sort::sort(&mut channelled.base_events);
                channelled.base_events.dedup();
            }
            let mut days: Vec<NaiveDate> = vec![NaiveDate::MIN];
            for a in channelled.assertions.iter().filter(|a| a.enabled) {
                days.extend(a.lo);
                // Certain from `hi` on (`hi ≤ day`): the state changes on `hi` itself.
                days.extend(a.hi);
            }
            crate::sort::sort(&mut days);
            days.dedup();
            for day in days {
                let v = evaluate(day, channelled).0;
                if channelled.runs.last().is_none_or(|(_, last)| *last != v) {
                    channelled.runs.push((day, v));
                }
            }
        }
        let mut vias: HashMap<(Channel, String, String), BTreeSet<String>> = HashMap::default();
        for key in keys.keys() {
            if let Some(via) = &key.via {
                vias.entry((key.channel, key.from.clone(), key.to.clone())).or_default().insert(via.clone());
            }
        }
        Model { data: owner, keys, vias }
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The answer for a journey on a day.
    pub fn answer(&self, day: NaiveDate, journey: &Journey) -> Answer {
        let reach = self.reach(day, &journey.surface, &journey.merchant);
        let pay = self.pay(day, &journey.merchant, &journey.instrument);
        Answer { verdict: reach.verdict.min(pay.verdict), reach, pay }
    }

    /// Only the verdict (no reasons): what the timeline and the simulation need. Equal to
    /// `answer(day, journey).verdict`, read from precomputed runs.
    pub fn verdict(&self, day: NaiveDate, journey: &Journey) -> Verdict {
        self.plan_verdict(&self.plan(journey), day)
    }

    /// Looks up the channel keys of a journey's routes once, for many days.
    pub fn plan(&self, journey: &Journey) -> Plan<'_> {
        let (surface, merchant, instrument) = (&journey.surface, &journey.merchant, &journey.instrument);
        let own_app = self.data.merchants.iter().any(|m| &m.id == merchant && m.home.iter().any(|h| h == surface));
        let mut reach = Vec::new();
        let mut reach_main = own_app;
        for channel in REACH {
            for (c, main) in self.keys_between(channel, surface, merchant) {
                reach_main |= main;
                reach.push(vec![c]);
            }
        }
        let mut pay = Vec::new();
        let mut pay_main = false;
        for (c, main) in self.keys_between(Channel::Pay, merchant, instrument) {
            pay_main |= main;
            pay.push(vec![c]);
        }
        let scans = self.data.merchants.iter().any(|m| &m.id == merchant && m.scan_to_pay);
        for other in self.data.instruments.iter().filter(|o| scans && &o.id != instrument) {
            let key = Key { channel: Channel::Interop, from: instrument.clone(), to: other.id.clone(), via: None };
            let Some(interop) = self.keys.get(&key) else { continue };
            for (accept, main) in self.keys_between(Channel::Pay, merchant, &other.id) {
                pay_main |= main;
                pay.push(vec![accept, interop]);
            }
        }
        Plan { reach, pay, own_app, reach_main, pay_main }
    }

    /// The main key and the workaround keys between two nodes, each with "is main".
    fn keys_between(&self, channel: Channel, from: &str, to: &str) -> Vec<(&Channelled, bool)> {
        let mut out = Vec::new();
        let main = Key { channel, from: from.to_string(), to: to.to_string(), via: None };
        if let Some(c) = self.keys.get(&main) {
            out.push((c, true));
        }
        if let Some(vias) = self.vias.get(&(channel, from.to_string(), to.to_string())) {
            for via in vias {
                let key = Key { channel, from: from.to_string(), to: to.to_string(), via: Some(via.clone()) };
                if let Some(c) = self.keys.get(&key) {
                    out.push((c, false));
                }
            }
        }
        out
    }

    /// Rule 4 over precomputed channel states.
    pub fn plan_verdict(&self, plan: &Plan<'_>, day: NaiveDate) -> Verdict {
        let hop = |routes: &[Vec<&Channelled>], main: bool, own: bool| {
            let mut v = if main { Verdict::exactly(Level::Blocked) } else { Verdict::UNKNOWN };
            if own {
                v = Verdict::exactly(Level::Direct);
            }
            for route in routes {
                let r = route.iter().fold(Verdict::exactly(Level::Direct), |acc, c| acc.min(c.state(day)));
                v = v.max(r);
            }
            v
        };
        hop(&plan.reach, plan.reach_main, plan.own_app).min(hop(&plan.pay, plan.pay_main, false))
    }

    fn reach(&self, day: NaiveDate, surface: &str, merchant: &str) -> Hop {
        let own = self.data.merchants.iter().any(|m| m.id == merchant && m.home.iter().any(|h| h == surface));
        let mut routes = Vec::new();
        if own {
            routes.push(Route {
                verdict: Verdict::exactly(Level::Direct),
                steps: vec![Step {
                    channel: Channel::Link,
                    from: surface.into(),
                    to: merchant.into(),
                    via: None,
                    verdict: Verdict::exactly(Level::Direct),
                    own_app: true,
                    silent: false,
                    basis: vec![],
                    rules: Rules::of(Rule::OwnApp),
                }],
            });
        }
        for channel in REACH {
            routes.extend(self.channel_routes(day, channel, surface, merchant));
        }
        hop(routes, Channel::Link, surface, merchant)
    }

    fn pay(&self, day: NaiveDate, merchant: &str, instrument: &str) -> Hop {
        let mut routes = self.channel_routes(day, Channel::Pay, merchant, instrument);
        // Interoperability: the merchant takes Q, and P's codes work where Q's do.
        // Codes are scanned only at merchants marked `scan_to_pay` (offline shops, vending machines).
        let scans = self.data.merchants.iter().any(|m| m.id == merchant && m.scan_to_pay);
        for other in self.data.instruments.iter().filter(|_| scans) {
            if other.id == instrument {
                continue;
            }
            let Some(mut interop) = self.step(day, Channel::Interop, instrument, &other.id, None) else { continue };
            interop.rules = interop.rules.with(Rule::Interop);
            for accept in self.channel_routes(day, Channel::Pay, merchant, &other.id) {
                let mut steps = accept.steps;
                let verdict = accept.verdict.min(interop.verdict);
                steps.push(interop.clone());
                routes.push(Route { verdict, steps });
            }
        }
        hop(routes, Channel::Pay, merchant, instrument)
    }

    /// The direct route and each workaround route on one channel between two nodes.
    fn channel_routes(&self, day: NaiveDate, channel: Channel, from: &str, to: &str) -> Vec<Route> {
        let mut routes = Vec::new();
        if let Some(step) = self.step(day, channel, from, to, None) {
            routes.push(Route { verdict: step.verdict, steps: vec![step] });
        }
        if let Some(vias) = self.vias.get(&(channel, from.to_string(), to.to_string())) {
            for via in vias {
                if let Some(step) = self.step(day, channel, from, to, Some(via)) {
                    routes.push(Route { verdict: step.verdict, steps: vec![step] });
                }
            }
        }
        routes
    }

    /// The state of one channel key on one day; `None` when no event speaks of it.
    fn step(&self, day: NaiveDate, channel: Channel, from: &str, to: &str, via: Option<&str>) -> Option<Step> {
        let key = Key { channel, from: from.to_string(), to: to.to_string(), via: via.map(str::to_string) };
        let channelled = self.keys.get(&key)?;
        let (verdict, basis, base_used) = evaluate(day, channelled);
        let rules = if channelled.via && base_used { Rules::of(Rule::NoWorkaroundYet) } else { Rules::NONE };
        Some(Step {
            channel,
            from: from.into(),
            to: to.into(),
            via: via.map(str::to_string),
            verdict,
            own_app: false,
            silent: false,
            basis,
            rules,
        })
    }

    /// A journey's verdict on every day from `start` to `end`, as runs `(first day, verdict)`: the
    /// verdict is constant between the run starts of the channels its routes cross.
    pub fn timeline(&self, journey: &Journey, start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, Verdict)> {
        let plan = self.plan(journey);
        let mut days: Vec<NaiveDate> = vec![start];
        for route in plan.reach.iter().chain(&plan.pay) {
            for c in route {
                days.extend(c.runs.iter().map(|(d, _)| *d).filter(|d| *d > start && *d <= end));
            }
        }
        crate::sort::sort(&mut days);
        days.dedup();
        let mut runs: Vec<(NaiveDate, Verdict)> = Vec::new();
        for day in days {
            let v = self.plan_verdict(&plan, day);
            if runs.last().is_none_or(|(_, last)| *last != v) {
                runs.push((day, v));
            }
        }
        runs
    }

    /// Every journey (surface × merchant × instrument) of the dataset.
    pub fn journeys(&self) -> Vec<Journey> {
        let d: &Dataset = &self.data;
        let mut out = Vec::with_capacity(d.surfaces.len() * d.merchants.len() * d.instruments.len());
        for s in &d.surfaces {
            for m in &d.merchants {
                for p in &d.instruments {
                    out.push(Journey::new(&s.id, &m.id, &p.id));
                }
            }
        }
        out
    }
}

fn level_of(change: Change, status: Status) -> Level {
    let limited = matches!(status, Status::Beta | Status::Partial | Status::Gradual);
    match change {
        Change::Open | Change::Partial | Change::Workaround if status == Status::Announced => Level::Announced,
        Change::Close => Level::Blocked,
        Change::Partial => Level::Partial,
        Change::Open if limited => Level::Partial,
        Change::Open => Level::Direct,
        Change::Workaround if limited => Level::Partial,
        Change::Workaround => Level::Workaround,
    }
}

/// Which assertions of one key certainly came before which: by date, by the events' `after` lists,
/// and through chains of both (a transitive closure; keys hold a handful of assertions).
fn order(assertions: &[Assertion], data: &Dataset, position: &HashMap<&str, usize>) -> Vec<Vec<bool>> {
    let n = assertions.len();
    let mut before = vec![vec![false; n]; n];
    for (i, a) in assertions.iter().enumerate() {
        for (j, b) in assertions.iter().enumerate() {
            let by_date = matches!((a.hi, b.lo), (Some(hi), Some(lo)) if hi < lo);
            let by_text = data.events[b.event].after.iter().any(|id| position.get(id.as_str()) == Some(&a.event));
            // An announced change may take effect on any later day: nothing certainly follows it.
            let open_ended = a.claim == Claim::MayTakeEffect;
            before[i][j] = i != j && !open_ended && (by_date || by_text);
        }
    }
    for k in 0..n {
        for i in 0..n {
            if before[i][k] {
                for j in 0..n {
                    if before[k][j] {
                        before[i][j] = true;
                    }
                }
            }
        }
    }
    // Contradictions (a cycle of `after`, or `after` against the dates) order nothing. The loader
    // refuses them; a model built from unchecked data must still answer.
    for i in 0..n {
        for j in 0..n {
            if before[i][j] && before[j][i] {
                before[i][j] = false;
                before[j][i] = false;
            }
        }
    }
    before
}

/// Rules 1 to 3 of the module docs, for one channel key: the verdict, the events behind it, and
/// whether the state before the first event was used.
fn evaluate(day: NaiveDate, channelled: &Channelled) -> (Verdict, Vec<Basis>, bool) {
    let assertions = &channelled.assertions;
    let certain = |a: &Assertion| a.direction_known && a.hi.is_some_and(|hi| hi <= day);
    let possible = |a: &Assertion| a.enabled && a.lo.is_none_or(|lo| lo <= day);
    let change = |a: &Assertion| a.claim != Claim::Announcement;
    let in_effect: Vec<usize> = (0..assertions.len())
        .filter(|&i| change(&assertions[i]) && possible(&assertions[i]) && certain(&assertions[i]))
        .collect();
    let superseded = |i: usize| in_effect.iter().any(|&f| channelled.before[i][f]);
    let mut lo = Level::Direct;
    let mut hi = Level::Blocked;
    let mut basis = Vec::new();
    let base_used = in_effect.is_empty();
    if base_used {
        // Nothing is certainly in effect yet, so the state before the first event is a candidate.
        (lo, hi) = (channelled.base.lo, channelled.base.hi);
        for &event in &channelled.base_events {
            let rules = Rules::of(Rule::Before);
            basis.push(Basis { event, role: Role::Before, level: channelled.base.lo, rules, confirmed: None });
        }
        if channelled.base == Verdict::UNKNOWN {
            // Say why it is unknown: the first events to come say nothing of the time before them.
            for &(event, level) in &channelled.first {
                if assertions.iter().any(|a| a.event == event && a.lo.is_some_and(|lo| lo > day)) {
                    basis.push(Basis { event, role: Role::NotYet, level, rules: Rules::NONE, confirmed: None });
                }
            }
        }
    }
    let mut announced = false;
    for (i, a) in assertions.iter().enumerate() {
        if !possible(a) || superseded(i) {
            continue;
        }
        let role = if certain(a) { Role::InEffect } else { Role::Maybe };
        // Rule 5: in effect, but after the last day its source can have reported it.
        let persists = role == Role::InEffect && a.confirmed.is_some_and(|c| c < day);
        let rules = if persists { a.rules.with(Rule::Persists) } else { a.rules };
        let confirmed = a.confirmed;
        if a.claim == Claim::Announcement {
            // Only an announcement certainly made says "not yet, but announced".
            if role == Role::InEffect {
                announced = true;
                basis.push(Basis { event: a.event, role, level: a.level, rules, confirmed });
            }
            continue;
        }
        lo = lo.min(a.level);
        hi = hi.max(a.level);
        basis.push(Basis { event: a.event, role, level: a.level, rules, confirmed });
    }
    if announced {
        lo = lo.max(Level::Announced);
        hi = hi.max(Level::Announced);
    }
    crate::sort::sort_by(&mut basis, |a, b| (a.event, a.role as u8).cmp(&(b.event, b.role as u8)));
    basis.dedup_by_key(|b| (b.event, b.role));
    (Verdict { lo, hi }, basis, base_used)
}

/// The best routes first; the hop's verdict is their maximum. Workarounds are extra ways round a
/// channel, not the channel: when no event speaks of the channel itself, it is a silent route,
/// unknown between blocked and direct.
fn hop(mut routes: Vec<Route>, channel: Channel, from: &str, to: &str) -> Hop {
    if !routes.iter().any(|r| r.steps.iter().all(|s| s.via.is_none())) {
        routes.push(Route {
            verdict: Verdict::UNKNOWN,
            steps: vec![Step {
                channel,
                from: from.into(),
                to: to.into(),
                via: None,
                verdict: Verdict::UNKNOWN,
                own_app: false,
                silent: true,
                basis: vec![],
                rules: Rules::NONE,
            }],
        });
    }
    let verdict = routes.iter().fold(Verdict::exactly(Level::Blocked), |acc, r| acc.max(r.verdict));
    // Best first: by the lower end, then the upper end, then fewer steps and no workaround.
    crate::sort::sort_by(&mut routes, |a, b| {
        (b.verdict.lo, b.verdict.hi)
            .cmp(&(a.verdict.lo, a.verdict.hi))
            .then(a.steps.len().cmp(&b.steps.len()))
            .then(a.steps.iter().any(|s| s.via.is_some()).cmp(&b.steps.iter().any(|s| s.via.is_some())))
    });
    Hop { verdict, routes }
}

/// Of the switched-off events, those whose return alone would change the journey's verdict: the
/// ones that "made the difference" in a counterfactual.
pub fn differences(data: &Dataset, off: &Off, day: NaiveDate, journey: &Journey) -> Vec<usize> {
    let counterfactual = Model::new(data, off).verdict(day, journey);
    off.iter()
        .copied()
        .filter(|&event| {
            let mut fewer = off.clone();
            fewer.remove(&event);
            Model::new(data, &fewer).verdict(day, journey) != counterfactual
        })
        .collect()
}

/// One channel between two nodes (no workaround), as the network view draws it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChannelId {
    pub channel: Channel,
    pub from: String,
    pub to: String,
}

impl Model<'_> {
    /// Every main channel some event names by both ends (not only through `*`), in a stable order.
    pub fn channels(&self) -> Vec<ChannelId> {
        let mut out: Vec<ChannelId> = self
            .keys
            .iter()
            .filter(|(k, c)| k.via.is_none() && c.assertions.iter().any(|a| a.explicit))
            .map(|(k, _)| k)
            .map(|k| ChannelId { channel: k.channel, from: k.from.clone(), to: k.to.clone() })
            .collect();
        crate::sort::sort(&mut out);
        out
    }

    /// A channel's state on a day, with the events behind it.
    pub fn channel_at(&self, id: &ChannelId, day: NaiveDate) -> Option<(Verdict, Vec<Basis>)> {
        let key = Key { channel: id.channel, from: id.from.clone(), to: id.to.clone(), via: None };
        self.keys.get(&key).map(|c| {
            let (verdict, basis, _) = evaluate(day, c);
            (verdict, basis)
        })
    }

    /// The days on which a channel's state changes (run starts after `NaiveDate::MIN`).
    pub fn channel_changes(&self, id: &ChannelId) -> Vec<NaiveDate> {
        let key = Key { channel: id.channel, from: id.from.clone(), to: id.to.clone(), via: None };
        self.keys.get(&key).map_or_else(Vec::new, |c| c.runs.iter().skip(1).map(|(d, _)| *d).collect())
    }

    /// The days, in order, on which what [`Model::channel_at`] says of a channel may change: its
    /// verdict, and also the events behind it and how each is known (an event becomes possible,
    /// certain, or persists past its source's last day). Between two of them, and before the
    /// first, `channel_at` says the same on every day.
    pub fn channel_answer_changes(&self, id: &ChannelId) -> Vec<NaiveDate> {
        let key = Key { channel: id.channel, from: id.from.clone(), to: id.to.clone(), via: None };
        let Some(c) = self.keys.get(&key) else { return Vec::new() };
        let mut days: Vec<NaiveDate> = Vec::with_capacity(c.assertions.len() * 3);
        for a in &c.assertions {
            days.extend(a.lo);
            days.extend(a.hi);
            days.extend(a.confirmed.and_then(|d| d.succ_opt()));
        }
        crate::sort::sort(&mut days);
        days.dedup();
        days
    }
}
