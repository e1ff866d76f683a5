//! Text → [`Dataset`], listing every problem rather than stopping at the first.
//!
//! A dataset is one or more JSON documents of the same schema (the embedded one is split into
//! `data/reference.json` and `data/events.json`; an export is a single file). Each list item is read
//! on its own, so one bad event does not hide the next, and every problem carries the file, line,
//! column and field it was found at.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::date::{DateError, DateSpec};
use crate::model::*;

/// One input file: its name (shown in problems) and its text.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// One problem, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line and column of the item or field.
    pub line: usize,
    pub column: usize,
    /// The list the item is in (`events`, `platforms`, ...) and the item's id when it has one.
    pub item: Option<String>,
    /// The field, as a path inside the item (`date`, `effects[1].to`).
    pub field: Option<String>,
    pub problem: Problem,
}

/// What is wrong. The UI words these in both languages; `Display` gives the English.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The JSON itself does not parse.
    Syntax(String),
    /// The JSON parses but does not fit the schema (missing field, wrong type, unknown field).
    Schema(String),
    /// An id is not lower-case letters, digits and dashes.
    BadId(String),
    DuplicateId {
        id: String,
        first_line: usize,
    },
    /// An id that no list holds.
    UnknownId {
        list: &'static str,
        id: String,
    },
    BadDate(DateError),
    /// A required text is empty.
    Empty,
    /// `via` is missing on a workaround, or present on another change.
    Via,
    /// Only http(s) addresses are allowed.
    BadUrl(String),
    /// An entry of `uncertain` names no field that may be uncertain.
    BadUncertain(String),
    /// A dataset must have at least one event.
    NoEvents,
    /// The `after` lists (with the dates) put an event before itself.
    OrderCycle(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Syntax(m) => write!(f, "not valid JSON: {m}"),
            Problem::Schema(m) => write!(f, "does not fit the schema: {m}"),
            Problem::BadId(id) => write!(f, "`{id}` is not an id (lower-case letters, digits and dashes)"),
            Problem::DuplicateId { id, first_line } => {
                write!(f, "id `{id}` is used twice (first on line {first_line})")
            }
            Problem::UnknownId { list, id } => write!(f, "`{id}` is not in the {list} list"),
            Problem::BadDate(e) => write!(f, "{e}"),
            Problem::Empty => write!(f, "must not be empty"),
            Problem::Via => write!(f, "`via` is required on a workaround, allowed on a close, and nowhere else"),
            Problem::BadUrl(u) => write!(f, "`{u}` is not an http(s) address"),
            Problem::BadUncertain(s) => write!(f, "`{s}` is not a field that can be uncertain"),
            Problem::NoEvents => write!(f, "the dataset has no events"),
            Problem::OrderCycle(id) => write!(f, "`after` puts `{id}` before itself (a cycle, or against the dates)"),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)?;
        if let Some(item) = &self.item {
            write!(f, " {item}")?;
        }
        if let Some(field) = &self.field {
            write!(f, " `{field}`")?;
        }
        write!(f, ": {}", self.problem)
    }
}

/// The fields an event may mark as uncertain.
pub const UNCERTAIN_FIELDS: [&str; 5] = ["date", "actors", "direction", "status", "effects"];

/// Reads and validates the files as one dataset. Either the whole dataset, or every problem found.
pub fn load(files: &[SourceFile<'_>]) -> Result<Dataset, Vec<Diagnostic>> {
    let mut cx = Loader::default();
    let mut raw = Raw::default();
    for file in files {
        cx.read_file(*file, &mut raw);
    }
    let dataset = cx.validate(raw);
    if cx.problems.is_empty() {
        Ok(dataset)
    } else {
        Err(cx.problems)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc<'a> {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<String>,
    #[serde(borrow, default)]
    owners: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    platforms: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    surfaces: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    merchants: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    instruments: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    workarounds: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    sources: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
}

/// Where an item came from, to place its problems.
#[derive(Clone, Debug)]
struct Place {
    file: String,
    /// The item's text and its byte offset in the file's text.
    text: String,
    offset: usize,
    line_starts: std::rc::Rc<Vec<usize>>,
}

impl Place {
    fn line_col(&self, offset_in_item: usize) -> (usize, usize) {
        let at = self.offset + offset_in_item;
        let line = self.line_starts.partition_point(|&s| s <= at);
        let col = at - self.line_starts[line - 1] + 1;
        (line, col)
    }

    /// The offset in the item of a key path such as `date` or `effects[1].to`; as near as it can get
    /// when a key is missing. Items are flat (effects hold only ids and words, no braces), so a text
    /// search is exact for the schema's own keys.
    fn find(&self, path: &str) -> usize {
        let text = self.text.as_str();
        let mut at = 0;
        for segment in path.split('.') {
            let (key, index) = match segment.split_once('[') {
                Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (segment, None),
            };
            let Some(found) = text[at..].find(&format!("\"{key}\"")) else { return at };
            at += found;
            if let Some(i) = index {
                match text[at..].match_indices('{').nth(i) {
                    Some((p, _)) => at += p,
                    None => return at,
                }
            }
        }
        at
    }
}

#[derive(Default)]
struct Raw {
    version: Option<String>,
    owners: Vec<(Owner, Place)>,
    platforms: Vec<(Platform, Place)>,
    surfaces: Vec<(Node, Place)>,
    merchants: Vec<(Node, Place)>,
    instruments: Vec<(Node, Place)>,
    workarounds: Vec<(Node, Place)>,
    sources: Vec<(Source, Place)>,
    events: Vec<(EventRecord, Place)>,
}

#[derive(Default)]
struct Loader {
    problems: Vec<Diagnostic>,
}

impl Loader {
    fn report(&mut self, place: &Place, item: Option<&str>, field: Option<&str>, problem: Problem) {
        let offset = field.map_or(0, |f| place.find(f));
        let (line, column) = place.line_col(offset);
        self.problems.push(Diagnostic {
            file: place.file.clone(),
            line,
            column,
            item: item.map(str::to_string),
            field: field.map(str::to_string),
            problem,
        });
    }

    fn read_file(&mut self, file: SourceFile<'_>, raw: &mut Raw) {
        let line_starts: Vec<usize> =
            std::iter::once(0).chain(file.text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let line_starts = std::rc::Rc::new(line_starts);
        let doc: RawDoc<'_> = match serde_json::from_str(file.text) {
            Ok(doc) => doc,
            Err(e) => {
                let problem = if e.is_syntax() || e.is_eof() {
                    Problem::Syntax(strip_position(&e.to_string()))
                } else {
                    Problem::Schema(strip_position(&e.to_string()))
                };
                self.problems.push(Diagnostic {
                    file: file.name.to_string(),
                    line: e.line().max(1),
                    column: e.column().max(1),
                    item: None,
                    field: None,
                    problem,
                });
                return;
            }
        };
        if let Some(format) = &doc.format {
            if format != "hutong-dataset" {
                let place =
                    Place { file: file.name.into(), text: String::new(), offset: 0, line_starts: line_starts.clone() };
                self.report(
                    &place,
                    None,
                    None,
                    Problem::Schema(format!("`format` is `{format}`, expected `hutong-dataset`")),
                );
            }
        }
        if doc.version.is_some() {
            raw.version = doc.version.clone();
        }
        // Each item keeps its own text and offset: RawValue borrows from the file's text.
        let place = |item: &&RawValue| {
            let text = item.get();
            let offset = text.as_ptr() as usize - file.text.as_ptr() as usize;
            Place { file: file.name.to_string(), text: text.to_string(), offset, line_starts: line_starts.clone() }
        };
        let places = |items: &[&RawValue]| items.iter().map(place).collect::<Vec<_>>();
        self.typed(places(&doc.owners), &mut raw.owners);
        self.typed(places(&doc.platforms), &mut raw.platforms);
        self.typed(places(&doc.surfaces), &mut raw.surfaces);
        self.typed(places(&doc.merchants), &mut raw.merchants);
        self.typed(places(&doc.instruments), &mut raw.instruments);
        self.typed(places(&doc.workarounds), &mut raw.workarounds);
        self.typed(places(&doc.sources), &mut raw.sources);
        self.typed(places(&doc.events), &mut raw.events);
    }

    /// Reads each item into its type, reporting schema problems at the field serde names.
    fn typed<T: serde::de::DeserializeOwned>(&mut self, items: Vec<Place>, out: &mut Vec<(T, Place)>) {
        for place in items {
            let mut de = serde_json::Deserializer::from_str(&place.text);
            match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Ok(value) => out.push((value, place)),
                Err(e) => {
                    let path = e.path().to_string();
                    let inner = e.into_inner();
                    let id = serde_json::from_str::<serde_json::Value>(&place.text)
                        .ok()
                        .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_string));
                    let field = (path != "." && !path.is_empty()).then_some(path);
                    let problem = Problem::Schema(strip_position(&inner.to_string()));
                    // serde's position is exact for syntax and type errors; the key search is the
                    // fallback for "missing field" (reported at the item's end).
                    let (line, column) = match &field {
                        Some(f) => place.line_col(place.find(f)),
                        None => place.line_col(0),
                    };
                    self.problems.push(Diagnostic { file: place.file.clone(), line, column, item: id, field, problem });
                }
            }
        }
    }

    fn validate(&mut self, raw: Raw) -> Dataset {
        let owner_ids = self.ids(raw.owners.iter().map(|(o, p)| (o.id.as_str(), p)));
        let platform_ids = self.ids(raw.platforms.iter().map(|(x, p)| (x.id.as_str(), p)));
        let surface_ids = self.ids(raw.surfaces.iter().map(|(x, p)| (x.id.as_str(), p)));
        let merchant_ids = self.ids(raw.merchants.iter().map(|(x, p)| (x.id.as_str(), p)));
        let instrument_ids = self.ids(raw.instruments.iter().map(|(x, p)| (x.id.as_str(), p)));
        let workaround_ids = self.ids(raw.workarounds.iter().map(|(x, p)| (x.id.as_str(), p)));
        let source_ids = self.ids(raw.sources.iter().map(|(x, p)| (x.id.as_str(), p)));
        let event_ids = self.ids(raw.events.iter().map(|(x, p)| (x.id.as_str(), p)));

        for (owner, place) in &raw.owners {
            self.text(place, &owner.id, "name", &owner.name);
        }
        for (platform, place) in &raw.platforms {
            self.known(place, &platform.id, "owner", &platform.owner, "owners", &owner_ids);
            self.text(place, &platform.id, "name", &platform.name);
        }
        for list in [&raw.surfaces, &raw.merchants, &raw.instruments, &raw.workarounds] {
            for (node, place) in list {
                self.known(place, &node.id, "platform", &node.platform, "platforms", &platform_ids);
                self.text(place, &node.id, "name", &node.name);
                for home in &node.home {
                    self.known(place, &node.id, "home", home, "surfaces", &surface_ids);
                }
            }
        }
        for (source, place) in &raw.sources {
            if let Some(url) = &source.url {
                if !is_http_url(url) {
                    self.report(place, Some(&source.id), Some("url"), Problem::BadUrl(url.clone()));
                }
            }
            if source.title.trim().is_empty() {
                self.report(place, Some(&source.id), Some("title"), Problem::Empty);
            }
            self.text(place, &source.id, "outlet", &source.outlet);
            if let Err(e) = source.published.parse::<DateSpec>() {
                self.report(place, Some(&source.id), Some("published"), Problem::BadDate(e));
            }
        }

        let mut events = Vec::with_capacity(raw.events.len());
        let mut event_places = Vec::with_capacity(raw.events.len());
        for (record, place) in raw.events {
            let id = record.id.clone();
            let date = match record.date.parse::<DateSpec>() {
                Ok(d) => Some(d),
                Err(e) => {
                    self.report(&place, Some(&id), Some("date"), Problem::BadDate(e));
                    None
                }
            };
            for actor in &record.actors {
                if !platform_ids.contains(actor.as_str()) && !owner_ids.contains(actor.as_str()) {
                    self.report(
                        &place,
                        Some(&id),
                        Some("actors"),
                        Problem::UnknownId { list: "platforms", id: actor.clone() },
                    );
                }
            }
            if record.actors.is_empty() {
                self.report(&place, Some(&id), Some("actors"), Problem::Empty);
            }
            for (i, effect) in record.effects.iter().enumerate() {
                let (from_list, from_ids, to_list, to_ids) = match effect.channel {
                    Channel::Link | Channel::Ad | Channel::MiniProgram | Channel::Qr => {
                        ("surfaces", &surface_ids, "merchants", &merchant_ids)
                    }
                    Channel::Pay => ("merchants", &merchant_ids, "instruments", &instrument_ids),
                    Channel::Interop => ("instruments", &instrument_ids, "instruments", &instrument_ids),
                    Channel::Account => ("surfaces", &surface_ids, "instruments", &instrument_ids),
                };
                if effect.from != "*" {
                    self.known(&place, &id, &format!("effects[{i}].from"), &effect.from, from_list, from_ids);
                }
                if effect.to != "*" {
                    self.known(&place, &id, &format!("effects[{i}].to"), &effect.to, to_list, to_ids);
                }
                // `via` names the workaround channel: required to open one, allowed to close one.
                match (&effect.via, effect.change) {
                    (Some(via), Change::Workaround | Change::Close) => {
                        self.known(&place, &id, &format!("effects[{i}].via"), via, "workarounds", &workaround_ids)
                    }
                    (None, Change::Workaround) | (Some(_), _) => {
                        self.report(&place, Some(&id), Some(&format!("effects[{i}].via")), Problem::Via)
                    }
                    (None, _) => {}
                }
            }
            for earlier in &record.after {
                if earlier == &id {
                    self.report(
                        &place,
                        Some(&id),
                        Some("after"),
                        Problem::UnknownId { list: "other events", id: earlier.clone() },
                    );
                } else {
                    self.known(&place, &id, "after", earlier, "events", &event_ids);
                }
            }
            self.text(&place, &id, "title", &record.title);
            self.text(&place, &id, "summary", &record.summary);
            self.known(&place, &id, "cite.source", &record.cite.source, "sources", &source_ids);
            if record.cite.quote.trim().is_empty() {
                self.report(&place, Some(&id), Some("cite.quote"), Problem::Empty);
            }
            for field in &record.uncertain {
                if !UNCERTAIN_FIELDS.contains(&field.as_str()) {
                    self.report(&place, Some(&id), Some("uncertain"), Problem::BadUncertain(field.clone()));
                }
            }
            if let Some(metric) = &record.metric {
                if let Err(e) = metric.as_of.parse::<DateSpec>() {
                    self.report(&place, Some(&id), Some("metric.as_of"), Problem::BadDate(e));
                }
                if !metric.value.is_finite() {
                    self.report(&place, Some(&id), Some("metric.value"), Problem::Schema("not a finite number".into()));
                }
            }
            if let Some(date) = date {
                events.push(Event { record, date });
                event_places.push(place);
            }
        }
        self.check_order(&events, &event_places);
        if events.is_empty() && self.problems.is_empty() {
            self.problems.push(Diagnostic {
                file: String::new(),
                line: 1,
                column: 1,
                item: None,
                field: Some("events".into()),
                problem: Problem::NoEvents,
            });
        }
        // Stable sort: events on the same day keep their file order.
        events.sort_by_key(|e| e.date.sort_key());

        let strip = |v: Vec<(Node, Place)>| v.into_iter().map(|(n, _)| n).collect();
        Dataset {
            version: raw.version.unwrap_or_else(|| "unversioned".into()),
            owners: raw.owners.into_iter().map(|(x, _)| x).collect(),
            platforms: raw.platforms.into_iter().map(|(x, _)| x).collect(),
            surfaces: strip(raw.surfaces),
            merchants: strip(raw.merchants),
            instruments: strip(raw.instruments),
            workarounds: strip(raw.workarounds),
            sources: raw.sources.into_iter().map(|(x, _)| x).collect(),
            events,
        }
    }

    /// `after` must not contradict itself or the dates: an event may not end up before itself.
    fn check_order(&mut self, events: &[Event], places: &[Place]) {
        let index: HashMap<&str, usize> = events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        for (start, event) in events.iter().enumerate() {
            if event.after.is_empty() {
                continue;
            }
            // Walk "must come before" edges from `start`; reaching `start` again is a cycle.
            let mut stack: Vec<usize> = event.after.iter().filter_map(|id| index.get(id.as_str()).copied()).collect();
            let mut seen = vec![false; events.len()];
            let mut cycle = false;
            while let Some(i) = stack.pop() {
                if std::mem::replace(&mut seen[i], true) {
                    continue;
                }
                // `i` comes before `start`; so `start` must not certainly come before `i`.
                if i == start
                    || matches!((event.date.latest(), events[i].date.earliest()), (Some(hi), Some(lo)) if hi < lo)
                {
                    cycle = true;
                    break;
                }
                stack.extend(events[i].after.iter().filter_map(|id| index.get(id.as_str()).copied()));
            }
            if cycle {
                self.report(&places[start], Some(&event.id), Some("after"), Problem::OrderCycle(event.id.clone()));
            }
        }
    }

    /// Checks the ids of one list (form and uniqueness) and returns the set of them.
    fn ids<'a>(&mut self, items: impl Iterator<Item = (&'a str, &'a Place)>) -> HashSet<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (id, place) in items {
            if !is_id(id) {
                self.report(place, Some(id), Some("id"), Problem::BadId(id.to_string()));
            }
            let line = place.line_col(place.find("id")).0;
            if let Some(&first_line) = seen.get(id) {
                self.report(place, Some(id), Some("id"), Problem::DuplicateId { id: id.to_string(), first_line });
            } else {
                seen.insert(id, line);
            }
        }
        seen.into_keys().map(str::to_string).collect()
    }

    fn known(&mut self, place: &Place, item: &str, field: &str, id: &str, list: &'static str, ids: &HashSet<String>) {
        if !ids.contains(id) {
            self.report(place, Some(item), Some(field), Problem::UnknownId { list, id: id.to_string() });
        }
    }

    fn text(&mut self, place: &Place, item: &str, field: &str, text: &Text) {
        if text.zh.trim().is_empty() {
            self.report(place, Some(item), Some(&format!("{field}.zh")), Problem::Empty);
        }
        if text.en.trim().is_empty() {
            self.report(place, Some(item), Some(&format!("{field}.en")), Problem::Empty);
        }
    }
}

/// Ids are what URLs carry: lower-case ASCII letters, digits and single dashes, at most 80 long.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// True for an absolute http or https address with a host; the only links the app will make.
pub fn is_http_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        }
        None => false,
    }
}

/// serde_json appends " at line L column C"; the diagnostic carries the position itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
