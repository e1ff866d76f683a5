//! Text → [`Dataset`], listing every problem rather than stopping at the first.
//!
//! A dataset is one or more JSON documents of the same schema (the embedded one is split into
//! `data/reference.json` and `data/events.json`; an export is a single file). Each list item is read
//! on its own, so one bad event does not hide the next, and every problem carries the file, line,
//! column and field it was found at.
//!
//! A file may also be CSV (one row per event, or one row per reference item; see `csv.rs` and
//! docs/DATASET.md): each row is turned into the same JSON item and read by the same code, and its
//! problems are placed at the row and the cell.
//!
//! Limits ([`MAX_FILE_BYTES`], [`MAX_EVENTS`], [`MAX_DEPTH`]) are checked before anything is built,
//! so no input can make the loader slow, deep or large; nothing here panics on any input
//! (`core/tests/fuzz.rs`).

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
    /// The file is CSV: `line` is the row's line and `column` the cell's number (A = 1).
    pub csv: bool,
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
    /// A new item's id is already an item's of that list (the event editor: a new event would
    /// replace the one it names).
    Taken {
        list: &'static str,
        id: String,
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
    /// An entry of `uncertain` names no field that may be uncertain.
    BadUncertain(String),
    /// A dataset must have at least one event.
    NoEvents,
    /// The `after` lists (with the dates) put an event before itself.
    OrderCycle(String),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The dataset has more than [`MAX_EVENTS`] events.
    TooManyEvents {
        count: usize,
        limit: usize,
    },
    /// Brackets nest deeper than [`MAX_DEPTH`] (the schema needs 5).
    TooDeep {
        limit: usize,
    },
    /// The bytes are not UTF-8.
    NotUtf8,
    /// A CSV header names a column the format does not have, or lacks a required one.
    Column(String),
    /// A CSV row has another number of cells than the header.
    Cells {
        found: usize,
        expected: usize,
    },
    /// A cell of a CSV row cannot be read (an effect, a number, a list name).
    Cell(String),
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
            Problem::Taken { list, id } => {
                write!(f, "`{id}` is already the id of an item of the {list} list: a new one needs its own")
            }
            Problem::BadDate(e) => write!(f, "{e}"),
            Problem::Empty => write!(f, "must not be empty"),
            Problem::Via => write!(f, "`via` is required on a workaround, allowed on a close, and nowhere else"),
            Problem::BadUncertain(s) => write!(f, "`{s}` is not a field that can be uncertain"),
            Problem::NoEvents => write!(f, "the dataset has no events"),
            Problem::OrderCycle(id) => write!(f, "`after` puts `{id}` before itself (a cycle, or against the dates)"),
            Problem::TooLarge { bytes, limit } => {
                write!(f, "the file has {bytes} bytes; the limit is {limit} bytes")
            }
            Problem::TooManyEvents { count, limit } => {
                write!(f, "the dataset has {count} events; the limit is {limit}")
            }
            Problem::TooDeep { limit } => write!(f, "brackets nest deeper than {limit} levels"),
            Problem::NotUtf8 => write!(f, "the file is not UTF-8 text"),
            Problem::Column(m) => write!(f, "{m}"),
            Problem::Cells { found, expected } => {
                write!(f, "the row has {found} cells; the header has {expected}")
            }
            Problem::Cell(m) => write!(f, "{m}"),
        }
    }
}

impl Diagnostic {
    /// A problem of a whole file, placed at its start.
    pub fn at_start(file: &str, problem: Problem) -> Diagnostic {
        Diagnostic { file: file.to_string(), line: 1, column: 1, item: None, field: None, problem, csv: false }
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

/// The largest file the loader reads (8 MiB; the embedded dataset is about 0.2 MiB).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// The most events a dataset may have (the scale tests use 10,000).
pub const MAX_EVENTS: usize = 20_000;
/// The deepest bracket nesting a JSON file may have (the schema needs 5).
pub const MAX_DEPTH: usize = 16;

/// The fields an event may mark as uncertain.
pub const UNCERTAIN_FIELDS: [&str; 5] = ["date", "actors", "direction", "status", "effects"];

/// Reads and validates the files as one dataset. Either the whole dataset, or every problem found.
pub fn load(files: &[SourceFile<'_>]) -> Result<Dataset, Vec<Diagnostic>> {
    let mut cx = Loader::default();
    let mut raw = Raw::default();
    for file in files {
        cx.read_file(*file, &mut raw);
    }
    if raw.changes {
        let problem =
            Problem::Schema(format!("a changes file (`{CHANGES_FORMAT}`) is imported into a dataset, not read alone"));
        cx.push(Diagnostic::at_start(files.first().map_or("", |f| f.name), problem));
    }
    let dataset = cx.validate(raw);
    cx.finish(dataset)
}

/// The `format` of a changes file: added and changed items, and removed event ids, against a base
/// dataset (`edit::changes_json`). Importing one merges it into the dataset in use.
pub const CHANGES_FORMAT: &str = "hutong-changes";

/// How an import meets the dataset in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// The imported events replace all events; reference lists the import leaves empty are kept.
    #[default]
    Replace,
    /// Every list is the union; an imported item replaces the item in use with the same id.
    Merge,
}

/// What an import did, for the message the user reads.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Events that were not in use before.
    pub added: usize,
    /// Events in use that an imported event of the same id replaced (merge).
    pub replaced: usize,
    /// Events in use that are gone (replace).
    pub removed: usize,
    /// Reference lists taken from the dataset in use because the import has none.
    pub kept: Vec<&'static str>,
}

/// The name problems in the dataset in use are reported under (they can only come from the import,
/// for example an imported platform that drops an owner the old events need).
pub const IN_USE: &str = "(dataset in use)";

/// Reads the files as an import into `base`. Either the new dataset and what changed, or every
/// problem; the base is never changed.
pub fn import(
    files: &[SourceFile<'_>],
    base: &Dataset,
    mode: Mode,
) -> Result<(Dataset, ImportSummary), Vec<Diagnostic>> {
    let mut cx = Loader::default();
    let mut new = Raw::default();
    for file in files {
        cx.read_file(*file, &mut new);
    }
    let base_text = crate::export::to_json(base);
    let mut old = Raw::default();
    cx.read_file(SourceFile { name: IN_USE, text: &base_text }, &mut old);

    // A changes file is merged whatever the mode: it holds only what changed.
    let mode = if new.changes { Mode::Merge } else { mode };
    let mut summary = ImportSummary::default();
    let version = new.version.take().unwrap_or_else(|| match mode {
        Mode::Replace => "imported".to_string(),
        Mode::Merge => format!("{}+imported", base.version),
    });
    let old_events: HashSet<String> = old.events.iter().map(|(e, _)| e.id.clone()).collect();
    let new_events: HashSet<String> = new.events.iter().map(|(e, _)| e.id.clone()).collect();
    summary.added = new_events.difference(&old_events).count();
    fn list<T: HasId>(
        kept: &mut Vec<&'static str>,
        mode: Mode,
        name: &'static str,
        old: Vec<(T, Place)>,
        new: Vec<(T, Place)>,
    ) -> Vec<(T, Place)> {
        match mode {
            Mode::Replace if new.is_empty() && !old.is_empty() => {
                kept.push(name);
                old
            }
            Mode::Replace => new,
            Mode::Merge => union(old, new),
        }
    }
    // The licence travels with the data: an import's own, else (merging) the base's.
    let licence = match mode {
        Mode::Replace => new.licence.take(),
        Mode::Merge => new.licence.take().or(old.licence.take()),
    };
    let k = &mut summary.kept;
    let raw = Raw {
        version: Some(version),
        licence,
        owners: list(k, mode, "owners", old.owners, new.owners),
        platforms: list(k, mode, "platforms", old.platforms, new.platforms),
        surfaces: list(k, mode, "surfaces", old.surfaces, new.surfaces),
        merchants: list(k, mode, "merchants", old.merchants, new.merchants),
        instruments: list(k, mode, "instruments", old.instruments, new.instruments),
        workarounds: list(k, mode, "workarounds", old.workarounds, new.workarounds),
        sources: list(k, mode, "sources", old.sources, new.sources),
        events: match mode {
            Mode::Replace => {
                summary.removed = old_events.difference(&new_events).count();
                new.events
            }
            Mode::Merge => {
                summary.replaced = old_events.intersection(&new_events).count();
                let mut events = union(old.events, new.events);
                for (id, place) in &new.removed {
                    if new_events.contains(id) {
                        let problem = Problem::Schema(format!("`{id}` is both in `events` and in `removed`"));
                        cx.report(place, Some(id), Some("removed"), problem);
                    } else if !old_events.contains(id) {
                        cx.report(
                            place,
                            Some(id),
                            Some("removed"),
                            Problem::UnknownId { list: "events", id: id.clone() },
                        );
                    }
                }
                let before = events.len();
                events.retain(|(e, _)| !new.removed.iter().any(|(id, _)| *id == e.id));
                summary.removed = before - events.len();
                events
            }
        },
        ..Raw::default()
    };
    let dataset = cx.validate(raw);
    cx.finish(dataset).map(|d| (d, summary))
}

/// Items with an id, so lists can be merged.
trait HasId {
    fn id(&self) -> &str;
}
macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.id } })* };
}
has_id!(Owner, Platform, Node, Source, EventRecord);

/// The old list with each item replaced by the new ones of its id, then the new ids appended.
/// Duplicates inside `new` are all kept, so validation still reports them.
fn union<T: HasId>(old: Vec<(T, Place)>, new: Vec<(T, Place)>) -> Vec<(T, Place)> {
    let mut by_id: HashMap<String, Vec<(T, Place)>> = HashMap::new();
    let mut order = Vec::new();
    for (item, place) in new {
        let id = item.id().to_string();
        if !by_id.contains_key(&id) {
            order.push(id.clone());
        }
        by_id.entry(id).or_default().push((item, place));
    }
    let mut out = Vec::with_capacity(old.len() + order.len());
    for (item, place) in old {
        match by_id.remove(item.id()) {
            Some(replacements) => out.extend(replacements),
            None => out.push((item, place)),
        }
    }
    for id in order {
        if let Some(items) = by_id.remove(&id) {
            out.extend(items);
        }
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc<'a> {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    licence: Option<String>,
    /// A changes file's base: the version of the dataset its changes were made against.
    #[serde(default)]
    base: Option<String>,
    /// A changes file's removed events, by id.
    #[serde(borrow, default)]
    removed: Vec<&'a RawValue>,
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
pub(crate) struct Place {
    pub(crate) file: String,
    /// The item's text (JSON, also for a CSV row) and its byte offset in the file's text.
    pub(crate) text: String,
    pub(crate) offset: usize,
    pub(crate) line_starts: std::rc::Rc<Vec<usize>>,
    /// For a CSV row: its line and the file's header.
    pub(crate) csv: Option<CsvRow>,
}

#[derive(Clone, Debug)]
pub(crate) struct CsvRow {
    pub(crate) line: usize,
    pub(crate) header: std::rc::Rc<Vec<String>>,
}

impl Place {
    /// Line and column of a field of the item (of the item itself when `field` is `None`).
    fn locate(&self, field: Option<&str>) -> (usize, usize) {
        match &self.csv {
            Some(row) => (row.line, field.map_or(1, |f| crate::csv::column_of(&row.header, f))),
            None => self.line_col(field.map_or(0, |f| self.find(f))),
        }
    }

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

/// The items of one file, by list, before they are typed.
#[derive(Default)]
pub(crate) struct Lists {
    pub(crate) owners: Vec<Place>,
    pub(crate) platforms: Vec<Place>,
    pub(crate) surfaces: Vec<Place>,
    pub(crate) merchants: Vec<Place>,
    pub(crate) instruments: Vec<Place>,
    pub(crate) workarounds: Vec<Place>,
    pub(crate) sources: Vec<Place>,
    pub(crate) events: Vec<Place>,
}

#[derive(Default)]
pub(crate) struct Raw {
    pub(crate) version: Option<String>,
    pub(crate) licence: Option<String>,
    /// The file is a changes file (`hutong-changes`, `edit::changes_json`): it is merged, and the
    /// events it names in `removed` go.
    changes: bool,
    removed: Vec<(String, Place)>,
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
pub(crate) struct Loader {
    problems: Vec<Diagnostic>,
}

impl Loader {
    fn report(&mut self, place: &Place, item: Option<&str>, field: Option<&str>, problem: Problem) {
        let (line, column) = place.locate(field);
        self.push(Diagnostic {
            file: place.file.clone(),
            line,
            column,
            item: item.map(str::to_string),
            field: field.map(str::to_string),
            problem,
            csv: place.csv.is_some(),
        });
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.problems.push(diagnostic);
    }

    /// The dataset, or the problems in reading order: by file (as first met), line and column.
    fn finish(mut self, dataset: Dataset) -> Result<Dataset, Vec<Diagnostic>> {
        if self.problems.is_empty() {
            return Ok(dataset);
        }
        let mut files: Vec<String> = Vec::new();
        for d in &self.problems {
            if !files.contains(&d.file) {
                files.push(d.file.clone());
            }
        }
        self.problems.sort_by_key(|d| (files.iter().position(|f| f == &d.file), d.line, d.column));
        Err(self.problems)
    }

    fn read_file(&mut self, file: SourceFile<'_>, raw: &mut Raw) {
        let at_start = |problem| Diagnostic::at_start(file.name, problem);
        if file.text.len() > MAX_FILE_BYTES {
            let problem = Problem::TooLarge { bytes: file.text.len(), limit: MAX_FILE_BYTES };
            return self.push(at_start(problem));
        }
        let lower = file.name.to_ascii_lowercase();
        let is_csv =
            lower.ends_with(".csv") || (!lower.ends_with(".json") && !file.text.trim_start().starts_with(['{', '[']));
        if is_csv {
            return crate::csv::read(self, file, raw);
        }
        if let Some(offset) = too_deep(file.text) {
            let line_starts = line_starts(file.text);
            let place = Place { file: file.name.into(), text: String::new(), offset, line_starts, csv: None };
            return self.report(&place, None, None, Problem::TooDeep { limit: MAX_DEPTH });
        }
        let line_starts = line_starts(file.text);
        let doc: RawDoc<'_> = match serde_json::from_str(file.text) {
            Ok(doc) => doc,
            Err(e) => {
                let problem = if e.is_syntax() || e.is_eof() {
                    Problem::Syntax(strip_position(&e.to_string()))
                } else {
                    Problem::Schema(strip_position(&e.to_string()))
                };
                self.push(Diagnostic {
                    file: file.name.to_string(),
                    line: e.line().max(1),
                    column: e.column().max(1),
                    item: None,
                    field: None,
                    problem,
                    csv: false,
                });
                return;
            }
        };
        let file_place = Place {
            file: file.name.into(),
            text: String::new(),
            offset: 0,
            line_starts: line_starts.clone(),
            csv: None,
        };
        match doc.format.as_deref() {
            None | Some("hutong-dataset") => {
                if !doc.removed.is_empty() || doc.base.is_some() {
                    let problem = Problem::Schema(format!(
                        "`removed` and `base` belong to a changes file (`\"format\": \"{CHANGES_FORMAT}\"`)"
                    ));
                    self.report(&file_place, None, None, problem);
                }
            }
            Some(CHANGES_FORMAT) => raw.changes = true,
            Some(format) => {
                let problem =
                    Problem::Schema(format!("`format` is `{format}`, expected `hutong-dataset` or `{CHANGES_FORMAT}`"));
                self.report(&file_place, None, None, problem);
            }
        }
        if doc.version.is_some() {
            raw.version = doc.version.clone();
        }
        if doc.licence.is_some() {
            raw.licence = doc.licence.clone();
        }
        // Each item keeps its own text and offset: RawValue borrows from the file's text.
        let place = |item: &&RawValue| {
            let text = item.get();
            let offset = text.as_ptr() as usize - file.text.as_ptr() as usize;
            Place {
                file: file.name.to_string(),
                text: text.to_string(),
                offset,
                line_starts: line_starts.clone(),
                csv: None,
            }
        };
        let places = |items: &[&RawValue]| items.iter().map(place).collect::<Vec<_>>();
        for item in &doc.removed {
            let at = place(item);
            match serde_json::from_str::<String>(item.get()) {
                Ok(id) => raw.removed.push((id, at)),
                Err(_) => self.report(&at, None, Some("removed"), Problem::Schema("`removed` lists event ids".into())),
            }
        }
        let lists = Lists {
            owners: places(&doc.owners),
            platforms: places(&doc.platforms),
            surfaces: places(&doc.surfaces),
            merchants: places(&doc.merchants),
            instruments: places(&doc.instruments),
            workarounds: places(&doc.workarounds),
            sources: places(&doc.sources),
            events: places(&doc.events),
        };
        self.typed_lists(lists, raw);
    }

    pub(crate) fn typed_lists(&mut self, lists: Lists, raw: &mut Raw) {
        self.typed(lists.owners, &mut raw.owners);
        self.typed(lists.platforms, &mut raw.platforms);
        self.typed(lists.surfaces, &mut raw.surfaces);
        self.typed(lists.merchants, &mut raw.merchants);
        self.typed(lists.instruments, &mut raw.instruments);
        self.typed(lists.workarounds, &mut raw.workarounds);
        self.typed(lists.sources, &mut raw.sources);
        self.typed(lists.events, &mut raw.events);
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
                    let (line, column) = place.locate(field.as_deref());
                    let csv = place.csv.is_some();
                    self.push(Diagnostic { file: place.file.clone(), line, column, item: id, field, problem, csv });
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
        if raw.events.len() > MAX_EVENTS {
            let place = &raw.events[MAX_EVENTS].1;
            self.report(place, None, None, Problem::TooManyEvents { count: raw.events.len(), limit: MAX_EVENTS });
        }

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
        // A `url` may be anything (a DOI, an archive reference): the app links only http(s)
        // addresses (`is_http_url`) and shows anything else as text.
        for (source, place) in &raw.sources {
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
            if let Some(before) = &record.before {
                self.known(&place, &id, "before.source", &before.source, "sources", &source_ids);
                if before.quote.trim().is_empty() {
                    self.report(&place, Some(&id), Some("before.quote"), Problem::Empty);
                }
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
            self.push(Diagnostic {
                file: String::new(),
                line: 1,
                column: 1,
                item: None,
                field: Some("events".into()),
                problem: Problem::NoEvents,
                csv: false,
            });
        }
        // Stable sort: events on the same day keep their file order.
        events.sort_by_cached_key(|e| e.date.sort_key());

        let strip = |v: Vec<(Node, Place)>| v.into_iter().map(|(n, _)| n).collect();
        Dataset {
            version: raw.version.unwrap_or_else(|| "unversioned".into()),
            licence: raw.licence,
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
            let line = place.locate(Some("id")).0;
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

/// Byte offsets where lines start.
pub(crate) fn line_starts(text: &str) -> std::rc::Rc<Vec<usize>> {
    std::rc::Rc::new(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
}

/// The offset of the first bracket nested deeper than [`MAX_DEPTH`], if any. Brackets inside
/// strings do not count.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// File bytes → text: UTF-8 only; a byte-order mark is dropped and CRLF line ends become LF (both
/// are what spreadsheet programs write), and each is reported as a [`Normalized`] note.
#[allow(clippy::result_large_err)] // once per file; a box would only move the allocation
pub fn decode(name: &str, bytes: &[u8]) -> Result<(String, Vec<Normalized>), Diagnostic> {
    let at = |line, column, problem| Diagnostic {
        file: name.to_string(),
        line,
        column,
        item: None,
        field: None,
        problem,
        csv: false,
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(at(1, 1, Problem::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES }));
    }
    let mut notes = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            return Err(at(line, column, Problem::NotUtf8));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            notes.push(Normalized::Bom);
            rest
        }
        None => text,
    };
    let text = if text.contains("\r\n") {
        notes.push(Normalized::Crlf);
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    };
    Ok((text, notes))
}

/// What [`decode`] changed in a file's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Normalized {
    /// A byte-order mark at the start was removed.
    Bom,
    /// Windows line ends (CRLF) were read as LF.
    Crlf,
}

/// serde_json appends " at line L column C"; the diagnostic carries the position itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
