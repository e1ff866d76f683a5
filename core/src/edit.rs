//! The event editor's model (issue 23, part 3). A draft is the form's fields as they are typed: the
//! events CSV row (`csv::EVENT_COLUMNS`) and, when the event cites a source the dataset lacks, that
//! source's reference row. It is checked by the importer itself (a merge of those two rows into the
//! dataset in use), so the editor can accept nothing an import would refuse, and each problem is
//! placed at its field by the cell the importer names. Also here: the quote check against a
//! pasted text, the changes between a base dataset and an edited one (a `hutong-changes` file to
//! import elsewhere, and a Markdown diff to read), and what an edit changes in the answers
//! ([`Compare`], stepped so a page never blocks).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::csv::{event_cells, write_rows, EVENT_COLUMNS, REFERENCE_COLUMNS};
use crate::decide;
use crate::load::{import, Diagnostic, Mode, SourceFile, CHANGES_FORMAT};
use crate::model::*;
use crate::route::{ChannelId, Grounds, Journey, Model, Off, Verdict};

/// The file name the draft's event row is checked under.
pub const EVENT_FILE: &str = "editor-event.csv";
/// The file name a new source's row is checked under.
pub const SOURCE_FILE: &str = "editor-source.csv";

/// The form's fields, kept as typed (nothing a reader typed is lost to a problem).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The event's cells, in the order of [`EVENT_COLUMNS`].
    pub event: Vec<String>,
    /// A new source's cells, in the order of [`REFERENCE_COLUMNS`] (`list` = `sources`), when the
    /// event cites a source that is not in the dataset yet.
    pub source: Option<Vec<String>>,
    /// The id of the event being edited; `None` for a new one. An edit that changes the id renames
    /// the event.
    pub editing: Option<String>,
}

impl Draft {
    /// A new event: every field blank but the status and kind, which have no blank.
    pub fn blank() -> Draft {
        let mut draft = Draft { event: vec![String::new(); EVENT_COLUMNS.len()], source: None, editing: None };
        draft.set("status", "effective");
        draft.set("kind", "launch");
        draft
    }

    /// The draft of an event of the dataset, to edit it.
    pub fn of(data: &Dataset, id: &str) -> Option<Draft> {
        let event = data.event(id)?;
        Some(Draft { event: event_cells(&event.record), source: None, editing: Some(id.to_string()) })
    }

    /// A new source's blank row, with its list filled in.
    pub fn blank_source() -> Vec<String> {
        let mut row = vec![String::new(); REFERENCE_COLUMNS.len()];
        row[0] = "sources".into();
        row
    }

    /// The cell of an events column (`""` for a name that is not one).
    pub fn get(&self, column: &str) -> &str {
        EVENT_COLUMNS.iter().position(|c| *c == column).map_or("", |i| &self.event[i])
    }

    pub fn set(&mut self, column: &str, value: &str) {
        if let Some(i) = EVENT_COLUMNS.iter().position(|c| *c == column) {
            self.event[i] = value.to_string();
        }
    }

    /// The cell of the new source's column.
    pub fn source_get(&self, column: &str) -> &str {
        let i = REFERENCE_COLUMNS.iter().position(|c| *c == column);
        self.source.as_ref().zip(i).map_or("", |(row, i)| &row[i])
    }

    pub fn source_set(&mut self, column: &str, value: &str) {
        if let (Some(row), Some(i)) = (self.source.as_mut(), REFERENCE_COLUMNS.iter().position(|c| *c == column)) {
            row[i] = value.to_string();
        }
    }

    /// The draft as the importer's files: the events row, and the source's row when there is one.
    fn files(&self) -> (String, Option<String>) {
        let events = write_rows(&EVENT_COLUMNS, std::iter::once(self.event.clone()));
        let source = self.source.as_ref().map(|row| write_rows(&REFERENCE_COLUMNS, std::iter::once(row.clone())));
        (events, source)
    }
}

/// One problem of a draft, at the form's field it belongs to: an events column (`date`,
/// `effects`, `title_zh`), `source.<column>` for the new source's row, or `None` when the problem
/// is in no field of the form (another event's `after` names a renamed one, for example).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    pub field: Option<String>,
    pub diagnostic: Diagnostic,
}

fn place(d: Diagnostic) -> FieldProblem {
    let column = |columns: &[&str]| d.field.as_ref().and(columns.get(d.column.wrapping_sub(1))).map(|c| c.to_string());
    let field = match d.file.as_str() {
        EVENT_FILE if d.csv => column(&EVENT_COLUMNS),
        SOURCE_FILE if d.csv => column(&REFERENCE_COLUMNS).map(|c| format!("source.{c}")),
        _ => None,
    };
    FieldProblem { field, diagnostic: d }
}

/// The version of an edited dataset: the base's, marked as edited once.
pub fn edited_version(base: &str) -> String {
    if base.ends_with("+edited") {
        base.to_string()
    } else {
        format!("{base}+edited")
    }
}

/// The dataset with the draft written in (merged, as an import), or every problem at its field.
/// The base is never changed.
pub fn apply(base: &Dataset, draft: &Draft) -> Result<Dataset, Vec<FieldProblem>> {
    let id = draft.get("id");
    let renamed = draft.editing.as_deref().filter(|old| *old != id);
    let without;
    let base = match renamed {
        Some(old) => {
            without = Dataset { events: base.events.iter().filter(|e| e.id != old).cloned().collect(), ..base.clone() };
            &without
        }
        None => base,
    };
    let (events, source) = draft.files();
    let mut files = vec![SourceFile { name: EVENT_FILE, text: &events }];
    if let Some(text) = &source {
        files.push(SourceFile { name: SOURCE_FILE, text });
    }
    // A new event's id must be new: the merge would otherwise replace the event of that id.
    if draft.editing.as_deref() != Some(id) && base.event(id).is_some() {
        let problem = crate::load::Problem::Taken { list: "events", id: id.to_string() };
        let d = Diagnostic {
            file: EVENT_FILE.into(),
            line: 2,
            column: 1,
            item: Some(id.to_string()),
            field: Some("id".into()),
            problem,
            csv: true,
        };
        return Err(vec![place(d)]);
    }
    match import(&files, base, Mode::Merge) {
        Ok((mut data, _)) => {
            data.version = edited_version(&base.version);
            Ok(data)
        }
        Err(problems) => Err(problems.into_iter().map(place).collect()),
    }
}

/// The dataset without one event, or the problems that leaves (another event's `after` names it).
pub fn remove(base: &Dataset, id: &str) -> Result<Dataset, Vec<FieldProblem>> {
    let without = Dataset { events: base.events.iter().filter(|e| e.id != id).cloned().collect(), ..base.clone() };
    match import(&[], &without, Mode::Merge) {
        Ok((mut data, _)) => {
            data.version = edited_version(&base.version);
            Ok(data)
        }
        Err(problems) => Err(problems.into_iter().map(place).collect()),
    }
}

/// Whether a quote is in a pasted text, word for word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteCheck {
    /// Nothing pasted, or no quote yet.
    Nothing,
    /// Found: where first (1-based line, and character in that line), and how many times.
    Found { line: usize, column: usize, count: usize },
    /// Not found. `spacing` when it is found once spaces and line breaks are ignored (copied
    /// across a line end, or with other spaces).
    NotFound { spacing: bool },
}

pub fn check_quote(text: &str, quote: &str) -> QuoteCheck {
    let quote = quote.trim();
    if text.trim().is_empty() || quote.is_empty() {
        return QuoteCheck::Nothing;
    }
    match text.find(quote) {
        Some(at) => {
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            QuoteCheck::Found { line, column, count: text.matches(quote).count() }
        }
        None => {
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            QuoteCheck::NotFound { spacing: squeeze(text).contains(&squeeze(quote)) }
        }
    }
}

/// What an edited dataset changes against a base: events by id, and reference items (a source the
/// editor added) that are new or differ.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// (list, id) of reference items that are new or differ.
    pub reference: Vec<(&'static str, String)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty() && self.reference.is_empty()
    }
}

fn new_or_changed<'a, T: PartialEq>(base: &[T], edited: &'a [T], id: impl Fn(&T) -> &str) -> Vec<&'a T> {
    let old: HashMap<&str, &T> = base.iter().map(|x| (id(x), x)).collect();
    edited.iter().filter(|x| old.get(id(x)).is_none_or(|o| *o != *x)).collect()
}

pub fn changes(base: &Dataset, edited: &Dataset) -> Changes {
    let old: HashMap<&str, &EventRecord> = base.events.iter().map(|e| (e.id.as_str(), &e.record)).collect();
    let new: HashSet<&str> = edited.events.iter().map(|e| e.id.as_str()).collect();
    let mut out = Changes::default();
    for e in &edited.events {
        match old.get(e.id.as_str()) {
            None => out.added.push(e.id.clone()),
            Some(o) if **o != e.record => out.changed.push(e.id.clone()),
            Some(_) => {}
        }
    }
    out.removed = base.events.iter().filter(|e| !new.contains(e.id.as_str())).map(|e| e.id.clone()).collect();
    fn ids<T>(list: &'static str, items: Vec<&T>, id: impl Fn(&T) -> &str) -> Vec<(&'static str, String)> {
        items.into_iter().map(|x| (list, id(x).to_string())).collect()
    }
    out.reference.extend(ids("owners", new_or_changed(&base.owners, &edited.owners, |x| &x.id), |x| &x.id));
    out.reference.extend(ids("platforms", new_or_changed(&base.platforms, &edited.platforms, |x| &x.id), |x| &x.id));
    for (list, b, e) in [
        ("surfaces", &base.surfaces, &edited.surfaces),
        ("merchants", &base.merchants, &edited.merchants),
        ("instruments", &base.instruments, &edited.instruments),
        ("workarounds", &base.workarounds, &edited.workarounds),
    ] {
        out.reference.extend(ids(list, new_or_changed(b, e, |x| &x.id), |x| &x.id));
    }
    out.reference.extend(ids("sources", new_or_changed(&base.sources, &edited.sources, |x| &x.id), |x| &x.id));
    out
}

#[derive(Serialize)]
struct ChangesDoc<'a> {
    format: &'static str,
    base: &'a str,
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    licence: Option<&'a str>,
    owners: Vec<&'a Owner>,
    platforms: Vec<&'a Platform>,
    surfaces: Vec<&'a Node>,
    merchants: Vec<&'a Node>,
    instruments: Vec<&'a Node>,
    workarounds: Vec<&'a Node>,
    sources: Vec<&'a Source>,
    events: Vec<&'a EventRecord>,
    removed: &'a [String],
}

/// The changes as a `hutong-changes` file: the dataset format with only the new and changed items,
/// the base's version and the removed events' ids. Importing it into the base gives the edited
/// dataset back (`core/tests/edit.rs`).
pub fn changes_json(base: &Dataset, edited: &Dataset) -> String {
    let c = changes(base, edited);
    let changed: HashSet<&str> = c.added.iter().chain(&c.changed).map(String::as_str).collect();
    let doc = ChangesDoc {
        format: CHANGES_FORMAT,
        base: &base.version,
        version: &edited.version,
        licence: edited.licence.as_deref(),
        owners: new_or_changed(&base.owners, &edited.owners, |x| &x.id),
        platforms: new_or_changed(&base.platforms, &edited.platforms, |x| &x.id),
        surfaces: new_or_changed(&base.surfaces, &edited.surfaces, |x| &x.id),
        merchants: new_or_changed(&base.merchants, &edited.merchants, |x| &x.id),
        instruments: new_or_changed(&base.instruments, &edited.instruments, |x| &x.id),
        workarounds: new_or_changed(&base.workarounds, &edited.workarounds, |x| &x.id),
        sources: new_or_changed(&base.sources, &edited.sources, |x| &x.id),
        events: edited.events.iter().filter(|e| changed.contains(e.id.as_str())).map(|e| &e.record).collect(),
        removed: &c.removed,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A Markdown table cell: one line, with `|` escaped.
fn cell(s: &str) -> String {
    let s = s.replace('|', "\\|").replace(['\n', '\r'], " ");
    if s.is_empty() {
        "—".into()
    } else {
        s
    }
}

/// The changes as Markdown a person can read and attach to a correction request: each added
/// event's fields, each changed event's fields before and after, each removed event, and the new or
/// changed sources.
pub fn changes_markdown(base: &Dataset, edited: &Dataset) -> String {
    let c = changes(base, edited);
    let mut md = format!(
        "# Changes to the Hutong dataset\n\nBase: `{}` · edited: `{}` · {} added, {} changed, {} removed\n",
        base.version,
        edited.version,
        c.added.len(),
        c.changed.len(),
        c.removed.len()
    );
    let title = |e: &Event| format!("{} / {}", e.title.en, e.title.zh);
    for id in &c.added {
        let Some(e) = edited.event(id) else { continue };
        md.push_str(&format!("\n## Added: `{id}` — {}\n\n| field | value |\n| --- | --- |\n", cell(&title(e))));
        for (column, value) in EVENT_COLUMNS.iter().zip(event_cells(&e.record)) {
            if !value.is_empty() {
                md.push_str(&format!("| {column} | {} |\n", cell(&value)));
            }
        }
    }
    for id in &c.changed {
        let (Some(old), Some(new)) = (base.event(id), edited.event(id)) else { continue };
        md.push_str(&format!(
            "\n## Changed: `{id}` — {}\n\n| field | before | after |\n| --- | --- | --- |\n",
            cell(&title(new))
        ));
        for ((column, a), b) in EVENT_COLUMNS.iter().zip(event_cells(&old.record)).zip(event_cells(&new.record)) {
            if a != b {
                md.push_str(&format!("| {column} | {} | {} |\n", cell(&a), cell(&b)));
            }
        }
    }
    for id in &c.removed {
        let Some(e) = base.event(id) else { continue };
        md.push_str(&format!("\n## Removed: `{id}` — {}\n\nQuote: {}\n", cell(&title(e)), cell(&e.cite.quote)));
    }
    let sources: Vec<&Source> = new_or_changed(&base.sources, &edited.sources, |x| &x.id);
    if !sources.is_empty() {
        md.push_str("\n## Sources added or changed\n\n| id | title | outlet | published | url |\n| --- | --- | --- | --- | --- |\n");
        for s in sources {
            md.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                s.id,
                cell(&s.title),
                cell(&format!("{} / {}", s.outlet.en, s.outlet.zh)),
                cell(&s.published),
                cell(s.url.as_deref().unwrap_or(""))
            ));
        }
    }
    let other = c.reference.iter().filter(|(list, _)| *list != "sources").count();
    if other > 0 {
        md.push_str(&format!("\n{other} other reference items (owners, platforms, nodes) are new or changed; the JSON file holds them.\n"));
    }
    md
}

/// One answer an edit changes.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictChange {
    pub day: NaiveDate,
    pub journey: Journey,
    pub before: Verdict,
    pub after: Verdict,
}

/// A question's identity across two datasets (event indices differ, ids do not): its field, the
/// event's id (none for a silent channel), the channel and its ends.
pub type QuestionKey = (&'static str, String, Channel, String, String);

/// Every answer (journey × day, on the ledger's grid of both datasets) on which an edited dataset
/// says something else than its base, with every event on; then, over the first
/// [`Compare::ASKED`] of them, the questions the edit closes and opens. A step at a time, so a page
/// can run it in slices.
pub struct Compare {
    before: Model<'static>,
    after: Model<'static>,
    journeys: Vec<Journey>,
    days: Vec<NaiveDate>,
    next: usize,
    changes: Vec<VerdictChange>,
    asked: usize,
    closed: BTreeMap<QuestionKey, NaiveDate>,
    opened: BTreeMap<QuestionKey, NaiveDate>,
}

impl Compare {
    /// How many changed answers are asked for their questions (each asks the model many times).
    pub const ASKED: usize = 40;

    pub fn new(base: Arc<Dataset>, edited: Arc<Dataset>) -> Compare {
        let off = Off::new();
        let before = Model::shared(Arc::clone(&base), &off);
        let after = Model::shared(Arc::clone(&edited), &off);
        let known: HashSet<Journey> = before.journeys().into_iter().collect();
        let journeys = after.journeys().into_iter().filter(|j| known.contains(j)).collect();
        let mut days = crate::ledger::grid(&base);
        days.extend(crate::ledger::grid(&edited));
        crate::sort::sort(&mut days);
        days.dedup();
        Compare {
            before,
            after,
            journeys,
            days,
            next: 0,
            changes: Vec::new(),
            asked: 0,
            closed: BTreeMap::new(),
            opened: BTreeMap::new(),
        }
    }

    /// Work done and to do, in steps.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.journeys.len() + self.changes.len().min(Self::ASKED);
        (self.next + self.asked, total.max(self.next + self.asked))
    }

    /// Compares the next `n` journeys on every day; once all are compared, asks one changed
    /// answer's questions a step. True when all is done.
    pub fn step(&mut self, n: usize) -> bool {
        let end = (self.next + n).min(self.journeys.len());
        for journey in &self.journeys[self.next..end] {
            let (pb, pa) = (self.before.plan(journey), self.after.plan(journey));
            for &day in &self.days {
                let (before, after) = (self.before.plan_verdict(&pb, day), self.after.plan_verdict(&pa, day));
                if before != after {
                    self.changes.push(VerdictChange { day, journey: journey.clone(), before, after });
                }
            }
        }
        self.next = end;
        if self.next < self.journeys.len() {
            return false;
        }
        if self.asked == 0 {
            // By day, then journey, as the ledger reads.
            self.changes.sort_by_key(|c| c.day); // stable: journeys stay in their order
        }
        // One answer's questions a step: each asks the model again for every open fact.
        let limit = self.changes.len().min(Self::ASKED);
        let stop = (self.asked + 1).min(limit);
        for i in self.asked..stop {
            let VerdictChange { day, journey, .. } = self.changes[i].clone();
            let keys = |model: &Model<'_>| -> std::collections::BTreeSet<QuestionKey> {
                let data = model.data();
                decide::questions(data, &Off::new(), day, &journey)
                    .into_iter()
                    .map(|q| {
                        let event = q.event.map_or(String::new(), |i| data.events[i].id.clone());
                        (q.field.id(), event, q.channel, q.from, q.to)
                    })
                    .collect()
            };
            let (before, after) = (keys(&self.before), keys(&self.after));
            for key in before.difference(&after) {
                self.closed.entry(key.clone()).or_insert(day);
            }
            for key in after.difference(&before) {
                self.opened.entry(key.clone()).or_insert(day);
            }
        }
        self.asked = stop;
        self.asked >= limit
    }

    /// The changed answers, by day then journey (in that order once all journeys are compared).
    pub fn changes(&self) -> &[VerdictChange] {
        &self.changes
    }

    /// The questions the changed answers asked before the edit and no longer ask, and those they
    /// ask only after it (over the first [`Compare::ASKED`] changed answers), each with the first
    /// day it was asked on.
    pub fn questions(&self) -> (&BTreeMap<QuestionKey, NaiveDate>, &BTreeMap<QuestionKey, NaiveDate>) {
        (&self.closed, &self.opened)
    }

    /// The datasets compared: the base, and the edited one.
    pub fn data(&self) -> (&Dataset, &Dataset) {
        (self.before.data(), self.after.data())
    }

    /// How each side of a changed answer is known (`None` where it is undecided).
    pub fn grounds(&self, c: &VerdictChange) -> (Option<Grounds>, Option<Grounds>) {
        let side = |m: &Model<'_>| m.answer(c.day, &c.journey).grounds();
        (side(&self.before), side(&self.after))
    }

    /// The channels (drawn in the network) whose state on `day` differs: each with its state before
    /// and after (`None` where the dataset has no such channel).
    pub fn network(&self, day: NaiveDate) -> Vec<(ChannelId, Option<Verdict>, Option<Verdict>)> {
        let mut ids = self.before.channels();
        ids.extend(self.after.channels());
        crate::sort::sort(&mut ids);
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| {
                let b = self.before.channel_at(&id, day).map(|(v, _)| v);
                let a = self.after.channel_at(&id, day).map(|(v, _)| v);
                (b != a).then_some((id, b, a))
            })
            .collect()
    }
}

/// The day an event's change is certain: the day after its last possible day (its first, when it
/// has no last); `None` when it is undated.
pub fn event_day(event: &Event) -> Option<NaiveDate> {
    event.date.latest().and_then(|d| d.succ_opt()).or_else(|| event.date.earliest())
}
