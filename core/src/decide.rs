//! What would decide an undecided answer (issue 23, part 1): for each fact the sources leave open
//! behind it, the question a reader could go and answer, and the journey's verdict under each
//! answer. Computed from the routing model, never written per case: every event that may or may not
//! apply on the day says why (its date window contains the day, it was only announced, its
//! direction is not given), every channel whose state before its first event is unknown says so,
//! and every hop no source speaks of says that. Each answer is applied to a copy of the dataset and
//! the journey is routed again, so a question's verdicts are exactly what the app would show once
//! the fact is in the data.
//!
//! A single answer may leave the journey undecided when another fact is also open (two undated
//! workarounds: dating one before the day decides the journey, dating it after leaves the other);
//! the question says so by giving an undecided verdict for that answer.

use chrono::NaiveDate;

use crate::date::{DateSpec, Point};
use crate::model::{
    Before, Change, Channel, Citation, Dataset, Direction, Effect, Event, EventRecord, Prior, Status, Text,
};
use crate::route::{Journey, Model, Off, Role, Rule, Verdict, Word};

/// Which field of the data the question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// When the event happened: its window contains the day.
    Date,
    /// Whether an announced change took effect.
    Status,
    /// Which way an effect runs.
    Direction,
    /// What the channel was before its first event.
    Before,
    /// No source speaks of the channel at all.
    Silent,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Status => "status",
            Field::Direction => "direction",
            Field::Before => "before",
            Field::Silent => "silent",
        }
    }
}

/// One answer to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Finding {
    /// A source dates the event (or the announced change taking effect) on or before the day.
    ByTheDay,
    /// A source dates it after the day (or says it had not taken effect by then).
    AfterTheDay,
    /// A source says which way: the effect runs as recorded (`from` → `to`) …
    AsRecorded,
    /// … or the other way.
    Reversed,
    /// A source says the channel was open (before its first event, or, for a silent hop, on the
    /// day) …
    Open,
    /// … or closed.
    Closed,
}

impl Finding {
    pub fn id(self) -> &'static str {
        match self {
            Finding::ByTheDay => "by-the-day",
            Finding::AfterTheDay => "after-the-day",
            Finding::AsRecorded => "as-recorded",
            Finding::Reversed => "reversed",
            Finding::Open => "open",
            Finding::Closed => "closed",
        }
    }
}

/// A fact the sources leave open, on one channel, with the journey's verdict under each answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub field: Field,
    /// The event whose field is open; `None` for a silent hop.
    pub event: Option<usize>,
    pub channel: Channel,
    pub from: String,
    pub to: String,
    pub via: Option<String>,
    /// The journey's verdict under each answer, in the order of the answers.
    pub outcomes: Vec<(Finding, Verdict)>,
}

impl Question {
    /// True when some answer decides the journey by itself.
    pub fn decides(&self) -> bool {
        self.outcomes.iter().any(|(_, v)| v.word() != Word::Undecided)
    }
}

/// The questions behind an undecided answer, those whose answer alone decides it first; none when
/// the answer is decided.
pub fn questions(data: &Dataset, off: &Off, day: NaiveDate, journey: &Journey) -> Vec<Question> {
    let model = Model::new(data, off);
    questions_with(&model, day, journey, &mut |field, event, step, finding| {
        let changed = apply(data, day, field, event, step, finding);
        Model::new(&changed, off).verdict(day, journey)
    })
}

/// The verdict of the journey once an answer is written into the data (`apply`, then routing).
type Outcome<'o> = dyn FnMut(Field, Option<usize>, &crate::route::Step, Finding) -> Verdict + 'o;

/// [`questions`] over a model already built, with the outcome of each answer given by `outcome`
/// (which [`open_questions`] caches across journeys).
fn questions_with(model: &Model<'_>, day: NaiveDate, journey: &Journey, outcome: &mut Outcome<'_>) -> Vec<Question> {
    let data = model.data();
    let answer = model.answer(day, journey);
    if answer.verdict.word() != Word::Undecided {
        return Vec::new();
    }
    let mut out: Vec<Question> = Vec::new();
    let mut ask = |field: Field, event: Option<usize>, step: &crate::route::Step, findings: &[Finding]| {
        let key = (field, event, step.channel, step.from.clone(), step.to.clone(), step.via.clone());
        if out.iter().any(|q| (q.field, q.event, q.channel, q.from.clone(), q.to.clone(), q.via.clone()) == key) {
            return;
        }
        let outcomes = findings.iter().map(|&finding| (finding, outcome(field, event, step, finding))).collect();
        out.push(Question {
            field,
            event,
            channel: step.channel,
            from: step.from.clone(),
            to: step.to.clone(),
            via: step.via.clone(),
            outcomes,
        });
    };
    for hop in [&answer.reach, &answer.pay] {
        if hop.verdict.word() != Word::Undecided {
            continue;
        }
        for route in &hop.routes {
            for step in route.steps.iter().filter(|s| s.verdict.word() == Word::Undecided) {
                if step.silent {
                    ask(Field::Silent, None, step, &[Finding::Open, Finding::Closed]);
                    continue;
                }
                for b in &step.basis {
                    let event = &data.events[b.event];
                    match b.role {
                        Role::Maybe if b.rules.contains(Rule::MayHaveTakenEffect) => {
                            ask(Field::Status, Some(b.event), step, &[Finding::ByTheDay, Finding::AfterTheDay]);
                        }
                        Role::Maybe if event.effects.iter().any(|f| f.direction == Direction::Unspecified) => {
                            ask(Field::Direction, Some(b.event), step, &[Finding::AsRecorded, Finding::Reversed]);
                        }
                        Role::Maybe => {
                            ask(Field::Date, Some(b.event), step, &[Finding::ByTheDay, Finding::AfterTheDay])
                        }
                        Role::NotYet if step.via.is_none() => {
                            ask(Field::Before, Some(b.event), step, &[Finding::Open, Finding::Closed]);
                        }
                        // A workaround that does not exist yet: when it began is its date's question.
                        Role::NotYet => {
                            ask(Field::Date, Some(b.event), step, &[Finding::ByTheDay, Finding::AfterTheDay])
                        }
                        Role::InEffect | Role::Before => {}
                    }
                }
            }
        }
    }
    crate::sort::sort_by(&mut out, |a, b| b.decides().cmp(&a.decides()));
    out
}

/// The dataset with one answer to a question written into it. A date found by the day narrows the
/// event's window to end on the day; after it, to start the day after. An announced change found
/// in effect by the day becomes `effective` in a window that ends on the day; found not yet in
/// effect, `effective` from the day after (so an announced opening's "announced, not yet" on the
/// day reads as the state before it: the model has no announcement that is known not to have
/// taken effect). A direction found is written as `forward`, either way round; a state before,
/// as the first event's `before`; a silent channel, as an event open or closed by the day.
pub fn apply(
    data: &Dataset,
    day: NaiveDate,
    field: Field,
    event: Option<usize>,
    step: &crate::route::Step,
    finding: Finding,
) -> Dataset {
    let mut d = data.clone();
    let next = day.succ_opt().unwrap_or(day);
    match (field, event) {
        (Field::Date | Field::Status, Some(i)) => {
            let e = &mut d.events[i];
            let (lo, hi) = (e.date.earliest(), e.date.latest());
            if field == Field::Status {
                e.record.status = Status::Effective;
            }
            e.date = match finding {
                // Certainly in effect by the day: the window ends on it (and starts no later).
                Finding::ByTheDay => match lo {
                    Some(lo) if lo <= day => DateSpec::Range(Point::Day(lo), Point::Day(day)),
                    _ => DateSpec::Before(Point::Day(day)),
                },
                // Not yet on the day: the window starts the day after (and ends no earlier).
                _ => match hi {
                    Some(hi) if hi > day && field == Field::Date => DateSpec::Range(Point::Day(next), Point::Day(hi)),
                    _ => DateSpec::After(Point::Day(next)),
                },
            };
            e.record.date = e.date.to_string();
        }
        (Field::Direction, Some(i)) => {
            for f in d.events[i].record.effects.iter_mut().filter(|f| f.direction == Direction::Unspecified) {
                f.direction = Direction::Forward;
                if finding == Finding::Reversed {
                    std::mem::swap(&mut f.from, &mut f.to);
                }
            }
        }
        (Field::Before, Some(i)) => {
            let e = &mut d.events[i];
            let state = if finding == Finding::Open { Prior::Open } else { Prior::Closed };
            e.record.before = Some(Before { state, source: e.record.cite.source.clone(), quote: String::new() });
        }
        _ => {
            // A silent hop: a source that says the channel was open (or closed) on the day.
            let change = if finding == Finding::Open { Change::Open } else { Change::Close };
            let source = d.sources.first().map(|s| s.id.clone()).unwrap_or_default();
            let text = || Text { zh: String::new(), en: String::new() };
            let date = DateSpec::Before(Point::Day(day));
            d.events.push(Event {
                record: EventRecord {
                    id: "what-would-decide-it".into(),
                    date: date.to_string(),
                    status: Status::Effective,
                    kind: crate::model::Kind::Statement,
                    actors: Vec::new(),
                    effects: vec![Effect {
                        channel: step.channel,
                        from: step.from.clone(),
                        to: step.to.clone(),
                        change,
                        via: None,
                        direction: Direction::Forward,
                    }],
                    title: text(),
                    summary: text(),
                    cite: Citation { source, quote: String::new() },
                    before: None,
                    after: Vec::new(),
                    uncertain: Vec::new(),
                    note: None,
                    metric: None,
                },
                date,
            });
        }
    }
    d
}

/// A fact the sources leave open, over many journeys and days: the research agenda's unit.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenQuestion {
    pub field: Field,
    /// The event whose field is open; `None` for a silent channel.
    pub event: Option<usize>,
    /// For a silent channel, which one (`channel`, `from`, `to`); the event's otherwise.
    pub channel: Option<(Channel, String, String)>,
    /// How many (journey, day) answers it is a question of.
    pub open: usize,
    /// How many of them one answer to it alone would decide.
    pub decides: usize,
    /// Where a reader can see the question asked: the first answer (in the order of the days, then
    /// of the journeys) that one finding alone would decide, else the first it is a question of;
    /// and whether it is one that a finding decides.
    pub first: (Journey, NaiveDate, bool),
    /// The channel and its ends the question is asked on in that first answer (an event with
    /// several effects, or a `*` target, is asked on the one the journey takes).
    pub asked_on: (Channel, String, String),
}

/// Every question the dataset leaves open on the given days, over every journey, ranked by how
/// many answers one finding would decide, then by how many it is a question of. An event's
/// question is one entry whatever channel it is asked on; a silent channel's is one per channel.
pub fn open_questions(data: &Dataset, off: &Off, days: &[NaiveDate]) -> Vec<OpenQuestion> {
    let mut agenda = Agenda::new(std::sync::Arc::new(data.clone()), off.clone(), days.to_vec());
    while !agenda.step(usize::MAX) {}
    agenda.ranked()
}

type AnswerKey = (Field, Option<usize>, Option<(Channel, String, String)>, Finding);

/// [`open_questions`] a slice at a time, so that a page can compute it without blocking
/// (`step(n)` asks `n` journeys on the current day; `done` counts them all).
pub struct Agenda {
    data: std::sync::Arc<Dataset>,
    off: Off,
    days: Vec<NaiveDate>,
    model: Model<'static>,
    journeys: Vec<Journey>,
    /// Where the next step starts: a day's index and a journey's.
    at: (usize, usize),
    /// The data with one answer written in, routed once and asked for every journey: an answer
    /// about the state before or a direction is the same on every day; one about a day is kept
    /// for that day only.
    lasting: std::collections::HashMap<AnswerKey, Model<'static>>,
    daily: std::collections::HashMap<AnswerKey, Model<'static>>,
    out: Vec<OpenQuestion>,
    /// How many of the answers asked so far are undecided.
    undecided: usize,
}

impl Agenda {
    pub fn new(data: std::sync::Arc<Dataset>, off: Off, days: Vec<NaiveDate>) -> Agenda {
        let model = Model::shared(std::sync::Arc::clone(&data), &off);
        let journeys = model.journeys();
        let (lasting, daily) = Default::default();
        Agenda { data, off, days, model, journeys, at: (0, 0), lasting, daily, out: Vec::new(), undecided: 0 }
    }

    /// How many of the answers asked so far are undecided (each has at least one question).
    pub fn undecided(&self) -> usize {
        self.undecided
    }

    /// How many (journey, day) answers have been asked, of how many.
    pub fn done(&self) -> (usize, usize) {
        let n = self.journeys.len();
        ((self.at.0 * n + self.at.1).min(self.days.len() * n), self.days.len() * n)
    }

    /// Asks up to `n` more journeys; true when every answer has been asked.
    pub fn step(&mut self, n: usize) -> bool {
        let mut left = n;
        while left > 0 && self.at.0 < self.days.len() {
            let day = self.days[self.at.0];
            let end = self.journeys.len().min(self.at.1.saturating_add(left));
            for j in self.at.1..end {
                self.ask(day, j);
            }
            left -= end - self.at.1;
            self.at.1 = end;
            if self.at.1 == self.journeys.len() {
                self.at = (self.at.0 + 1, 0);
                self.daily.clear();
            }
        }
        self.at.0 >= self.days.len()
    }

    /// The questions counted so far, ranked.
    pub fn ranked(&self) -> Vec<OpenQuestion> {
        let mut out = self.out.clone();
        crate::sort::sort_by(&mut out, |a, b| (b.decides, b.open).cmp(&(a.decides, a.open)));
        out
    }

    fn ask(&mut self, day: NaiveDate, j: usize) {
        let journey = &self.journeys[j];
        let plan = self.model.plan(journey);
        if self.model.plan_verdict(&plan, day).word() != Word::Undecided {
            return;
        }
        self.undecided += 1;
        let (data, off, lasting, daily) = (&self.data, &self.off, &mut self.lasting, &mut self.daily);
        // One count per answer, however many of its steps ask the same; it decides the answer if
        // its answer on any of them does.
        type Key = (Field, Option<usize>, Option<(Channel, String, String)>);
        let mut asked: Vec<(Key, bool, (Channel, String, String))> = Vec::new();
        let mut outcome = |field: Field, event: Option<usize>, step: &crate::route::Step, finding: Finding| {
            let silent = event.is_none().then(|| (step.channel, step.from.clone(), step.to.clone()));
            let cache = if matches!(field, Field::Before | Field::Direction) { &mut *lasting } else { &mut *daily };
            cache
                .entry((field, event, silent, finding))
                .or_insert_with(|| {
                    let changed = apply(data, day, field, event, step, finding);
                    Model::shared(std::sync::Arc::new(changed), off)
                })
                .verdict(day, journey)
        };
        for q in questions_with(&self.model, day, journey, &mut outcome) {
            let channel = q.event.is_none().then(|| (q.channel, q.from.clone(), q.to.clone()));
            let key = (q.field, q.event, channel);
            let on = (q.channel, q.from.clone(), q.to.clone());
            match asked.iter_mut().find(|(k, _, _)| *k == key) {
                // The channel of its first deciding step, else of its first step.
                Some((_, decides, at)) => {
                    if q.decides() && !*decides {
                        *at = on;
                    }
                    *decides |= q.decides();
                }
                None => asked.push((key, q.decides(), on)),
            }
        }
        for ((field, event, channel), decides, on) in asked {
            match self.out.iter_mut().find(|o| o.field == field && o.event == event && o.channel == channel) {
                Some(o) => {
                    o.open += 1;
                    o.decides += usize::from(decides);
                    if decides && !o.first.2 {
                        o.first = (journey.clone(), day, true);
                        o.asked_on = on;
                    }
                }
                None => self.out.push(OpenQuestion {
                    field,
                    event,
                    channel,
                    open: 1,
                    decides: usize::from(decides),
                    first: (journey.clone(), day, decides),
                    asked_on: on,
                }),
            }
        }
    }
}

/// The answers a question of this field has, in the order `questions` gives them.
pub fn findings(field: Field) -> [Finding; 2] {
    match field {
        Field::Date | Field::Status => [Finding::ByTheDay, Finding::AfterTheDay],
        Field::Direction => [Finding::AsRecorded, Finding::Reversed],
        Field::Before | Field::Silent => [Finding::Open, Finding::Closed],
    }
}

/// What answering an open question on `day` is worth to the simulation (issue 23): the expected
/// purchases lost where the sources are silent (`sim::expected_silent`, `[low, high]` ends of the
/// undecided verdicts) with each answer written into the data, in the order of [`findings`]. The
/// data as it is gives the baseline (`sim::expected_silent` of `sim::prepare` on it).
pub fn worth(
    data: &Dataset,
    day: NaiveDate,
    q: &OpenQuestion,
    params: &crate::sim::Params,
) -> Vec<(Finding, [f64; 2])> {
    findings(q.field).into_iter().map(|finding| (finding, worth_of(data, day, q, finding, params))).collect()
}

/// [`worth`] for one answer (a page weighs one answer per step).
pub fn worth_of(
    data: &Dataset,
    day: NaiveDate,
    q: &OpenQuestion,
    finding: Finding,
    params: &crate::sim::Params,
) -> [f64; 2] {
    let (channel, from, to) = q.channel.clone().unwrap_or_else(|| q.asked_on.clone());
    // A silent channel's answer is written as an event on that channel; the others need no step.
    let step = crate::route::Step {
        channel,
        from,
        to,
        via: None,
        verdict: Verdict::UNKNOWN,
        own_app: false,
        silent: q.event.is_none(),
        basis: Vec::new(),
        rules: crate::route::Rules::NONE,
    };
    let changed = apply(data, day, q.field, q.event, &step, finding);
    let prepared = crate::sim::prepare_with(&changed, &Off::new(), params, false);
    crate::sim::expected_silent(&prepared, params)
}
