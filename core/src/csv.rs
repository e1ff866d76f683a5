//! The CSV form of a dataset, for spreadsheet users: one file of events (one row each) and one file
//! of reference items (one row each, the list named in the `list` column). docs/DATASET.md is the
//! user's description; this module is the only place that knows the columns.
//!
//! Reading turns every row into the JSON item the JSON loader reads, so both forms share one set of
//! checks; a problem is placed at the row's line and the cell's column.

use std::rc::Rc;

use serde_json::{json, Map, Value};

use crate::load::{line_starts, CsvRow, Diagnostic, Lists, Loader, Place, Problem, Raw, SourceFile};
use crate::model::*;

/// The events file's columns, in order. The first eleven are required.
pub const EVENT_COLUMNS: [&str; 26] = [
    "id",
    "date",
    "status",
    "kind",
    "actors",
    "title_zh",
    "title_en",
    "summary_zh",
    "summary_en",
    "source",
    "quote",
    "effects",
    "after",
    "uncertain",
    "note_zh",
    "note_en",
    "metric_value",
    "metric_unit",
    "metric_as_of",
    "metric_approx",
    "metric_bound",
    "metric_of_zh",
    "metric_of_en",
    "before_state",
    "before_source",
    "before_quote",
];
const EVENT_REQUIRED: usize = 11;

/// The reference file's columns, in order. `list` and `id` are required.
pub const REFERENCE_COLUMNS: [&str; 15] = [
    "list",
    "id",
    "parent",
    "name_zh",
    "name_en",
    "home",
    "scan_to_pay",
    "url",
    "title",
    "outlet_zh",
    "outlet_en",
    "published",
    "seed",
    "note_zh",
    "note_en",
];
const REFERENCE_REQUIRED: usize = 2;

/// The values of the reference file's `list` column.
pub const LISTS: [&str; 9] =
    ["version", "licence", "owners", "platforms", "surfaces", "merchants", "instruments", "workarounds", "sources"];

/// The 1-based column of an item's field path in a CSV header (`title.zh` → `title_zh`,
/// `effects[2].to` → `effects`, `cite.source` → `source`, `platform` → `parent`); 1 when the header
/// has no such column.
pub(crate) fn column_of(header: &[String], field: &str) -> usize {
    let path = field.split('[').next().unwrap_or(field);
    let path = path.strip_prefix("cite.").unwrap_or(path);
    let name = match path {
        "owner" | "platform" => "parent".to_string(),
        p => p.replace('.', "_"),
    };
    let find = |n: &str| header.iter().position(|h| h == n);
    find(&name).or_else(|| find(&format!("{name}_zh"))).map_or(1, |i| i + 1)
}

/// Reads a CSV file (events or reference, told by its header) into `raw`, reporting into `cx`.
pub(crate) fn read(cx: &mut Loader, file: SourceFile<'_>, raw: &mut Raw) {
    let diag = |line: usize, column: usize, field: Option<&str>, problem| Diagnostic {
        file: file.name.to_string(),
        line,
        column,
        item: None,
        field: field.map(str::to_string),
        problem,
        csv: true,
    };
    let mut reader = ::csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(file.text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => return cx.push(diag(1, 1, None, Problem::Cell(e.to_string()))),
    };
    let (columns, required): (&[&str], usize) = if header.first().is_some_and(|h| h == "list") {
        (&REFERENCE_COLUMNS, REFERENCE_REQUIRED)
    } else {
        (&EVENT_COLUMNS, EVENT_REQUIRED)
    };
    let mut header_ok = true;
    for (i, name) in header.iter().enumerate() {
        if !columns.contains(&name.as_str()) {
            header_ok = false;
            let problem = Problem::Column(format!(
                "`{name}` is not a column of this file; the columns are {}",
                columns.join(", ")
            ));
            cx.push(diag(1, i + 1, None, problem));
        } else if header[..i].contains(name) {
            header_ok = false;
            cx.push(diag(1, i + 1, None, Problem::Column(format!("the column `{name}` appears twice"))));
        }
    }
    for name in &columns[..required] {
        if !header.iter().any(|h| h == name) {
            header_ok = false;
            cx.push(diag(1, 1, None, Problem::Column(format!("the required column `{name}` is missing"))));
        }
    }
    if !header_ok {
        return;
    }
    let header = Rc::new(header);
    let is_events = columns.len() == EVENT_COLUMNS.len();
    let starts = line_starts(file.text);
    let mut lists = Lists::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                cx.push(diag(line, 1, None, Problem::Cell(e.to_string())));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        if record.len() != header.len() {
            let problem = Problem::Cells { found: record.len(), expected: header.len() };
            cx.push(diag(line, record.len().min(header.len()).max(1), None, problem));
            continue;
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // spreadsheets leave blank rows
        }
        let row = Row { header: &header, record: &record };
        let cell = |name: &str| row.get(name);
        let place = |value: &Value| Place {
            file: file.name.to_string(),
            text: value.to_string(),
            offset: 0,
            line_starts: starts.clone(),
            csv: Some(CsvRow { line, header: header.clone() }),
        };
        let at = |name: &str, problem| Diagnostic {
            item: Some(cell("id").to_string()).filter(|s| !s.is_empty()),
            field: Some(name.to_string()),
            column: header.iter().position(|h| h == name).map_or(1, |i| i + 1),
            ..diag(line, 1, None, problem)
        };
        if is_events {
            // Cells that cannot be read are reported and left out; the rest of the row is still
            // checked, so one bad cell hides no other problem.
            let (value, problems) = event_item(&row);
            for (column, problem) in problems {
                cx.push(at(column, problem));
            }
            lists.events.push(place(&value));
            continue;
        }
        let list = cell("list");
        let value = match list {
            "version" => {
                raw.version = Some(cell("id").to_string());
                continue;
            }
            "licence" => {
                raw.licence = Some(cell("id").to_string());
                continue;
            }
            "owners" => json!({ "id": cell("id"), "name": text(&row, "name") }),
            "platforms" => json!({ "id": cell("id"), "owner": cell("parent"), "name": text(&row, "name") }),
            "surfaces" | "merchants" | "instruments" | "workarounds" => {
                let mut node = json!({ "id": cell("id"), "platform": cell("parent"), "name": text(&row, "name") });
                let home = ids(cell("home"));
                if !home.is_empty() {
                    node["home"] = json!(home);
                }
                match flag(cell("scan_to_pay")) {
                    Some(true) => node["scan_to_pay"] = json!(true),
                    Some(false) => {}
                    None => {
                        cx.push(at(
                            "scan_to_pay",
                            Problem::Cell(format!("`{}` is not yes or no", cell("scan_to_pay"))),
                        ));
                        continue;
                    }
                }
                node
            }
            "sources" => {
                let mut source = json!({
                    "id": cell("id"),
                    "url": Some(cell("url")).filter(|u| !u.is_empty()),
                    "title": cell("title"),
                    "outlet": text(&row, "outlet"),
                    "published": cell("published"),
                });
                if !cell("seed").is_empty() {
                    source["seed"] = json!(cell("seed"));
                }
                if let Some(note) = optional_text(&row, "note") {
                    source["note"] = note;
                }
                source
            }
            other => {
                let problem = Problem::Cell(format!("`{other}` is not a list; write one of {}", LISTS.join(", ")));
                cx.push(at("list", problem));
                continue;
            }
        };
        let target = match list {
            "owners" => &mut lists.owners,
            "platforms" => &mut lists.platforms,
            "surfaces" => &mut lists.surfaces,
            "merchants" => &mut lists.merchants,
            "instruments" => &mut lists.instruments,
            "workarounds" => &mut lists.workarounds,
            _ => &mut lists.sources,
        };
        target.push(place(&value));
    }
    cx.typed_lists(lists, raw);
}

/// One row's cells by column name; a column the header lacks reads as blank.
struct Row<'r> {
    header: &'r [String],
    record: &'r ::csv::StringRecord,
}

impl<'r> Row<'r> {
    fn get(&self, name: &str) -> &'r str {
        self.header.iter().position(|h| h == name).and_then(|i| self.record.get(i)).map_or("", str::trim)
    }
}

/// One events row as the JSON item, and the column and problem of each cell that cannot be read.
fn event_item(row: &Row<'_>) -> (Value, Vec<(&'static str, Problem)>) {
    let cell = |name: &str| row.get(name);
    let mut problems = Vec::new();
    let mut item = Map::new();
    for key in ["id", "date", "status", "kind"] {
        item.insert(key.into(), json!(cell(key)));
    }
    item.insert("actors".into(), json!(ids(cell("actors"))));
    let mut effects = Vec::new();
    for (i, spec) in cell("effects").split(';').map(str::trim).filter(|e| !e.is_empty()).enumerate() {
        match parse_effect(spec) {
            Ok(effect) => effects.push(effect),
            Err(m) => problems.push(("effects", Problem::Cell(format!("effect {}: {m}", i + 1)))),
        }
    }
    item.insert("effects".into(), json!(effects));
    item.insert("title".into(), text(row, "title"));
    item.insert("summary".into(), text(row, "summary"));
    item.insert("cite".into(), json!({ "source": cell("source"), "quote": cell("quote") }));
    for key in ["after", "uncertain"] {
        let list = ids(cell(key));
        if !list.is_empty() {
            item.insert(key.into(), json!(list));
        }
    }
    if let Some(note) = optional_text(row, "note") {
        item.insert("note".into(), note);
    }
    let value = cell("metric_value");
    if !value.is_empty() {
        let number = value.parse::<f64>().ok().filter(|v| v.is_finite());
        let approx = flag(cell("metric_approx"));
        if number.is_none() {
            problems.push(("metric_value", Problem::Cell(format!("`{value}` is not a number"))));
        }
        if approx.is_none() {
            problems.push(("metric_approx", Problem::Cell(format!("`{}` is not yes or no", cell("metric_approx")))));
        }
        let mut metric = json!({ "value": number.unwrap_or(0.0), "as_of": cell("metric_as_of") });
        // A blank unit is a figure the text gives without one.
        if !cell("metric_unit").is_empty() {
            metric["unit"] = json!(cell("metric_unit"));
        }
        if approx == Some(true) {
            metric["approx"] = json!(true);
        }
        if !cell("metric_bound").is_empty() {
            metric["bound"] = json!(cell("metric_bound"));
        }
        if let Some(of) = optional_text(row, "metric_of") {
            metric["of"] = of;
        }
        item.insert("metric".into(), metric);
    } else if ["metric_unit", "metric_as_of", "metric_bound"].iter().any(|c| !cell(c).is_empty()) {
        problems.push(("metric_value", Problem::Cell("a metric needs a value".into())));
    }
    let state = cell("before_state");
    if !state.is_empty() || !cell("before_quote").is_empty() {
        let before = json!({ "state": state, "source": cell("before_source"), "quote": cell("before_quote") });
        item.insert("before".into(), before);
    }
    (Value::Object(item), problems)
}

/// `channel from>to change [via=id] [both|unspecified]`, e.g. `link wechat-group>taobao close`.
fn parse_effect(spec: &str) -> Result<Value, String> {
    let expected = "write `channel from>to change`, then optionally `via=id` and `both` or `unspecified`";
    let words: Vec<&str> = spec.split_whitespace().collect();
    let [channel, route, change, rest @ ..] = words.as_slice() else {
        return Err(format!("`{spec}`: {expected}"));
    };
    let Some((from, to)) = route.split_once('>') else {
        return Err(format!("`{route}` is not `from>to`; {expected}"));
    };
    let mut effect = json!({ "channel": channel, "from": from, "to": to, "change": change });
    for word in rest {
        match word.split_once('=') {
            Some(("via", via)) => effect["via"] = json!(via),
            None if matches!(*word, "both" | "unspecified" | "forward") => effect["direction"] = json!(word),
            _ => return Err(format!("`{word}` is not understood; {expected}")),
        }
    }
    Ok(effect)
}

fn text(row: &Row<'_>, name: &str) -> Value {
    json!({ "zh": row.get(&format!("{name}_zh")), "en": row.get(&format!("{name}_en")) })
}

fn optional_text(row: &Row<'_>, name: &str) -> Option<Value> {
    let (zh, en) = (row.get(&format!("{name}_zh")), row.get(&format!("{name}_en")));
    (!zh.is_empty() || !en.is_empty()).then(|| json!({ "zh": zh, "en": en }))
}

/// A list cell: ids separated by `;`, `,` or spaces.
fn ids(cell: &str) -> Vec<&str> {
    cell.split([';', ',', ' ']).map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// A yes/no cell; blank is no.
fn flag(cell: &str) -> Option<bool> {
    match cell.to_ascii_lowercase().as_str() {
        "" | "no" | "false" | "0" => Some(false),
        "yes" | "true" | "1" => Some(true),
        _ => None,
    }
}

/// The serde name of an enum value (`mini-program`, `effective`).
fn word<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Rows under a header, written as CSV (quoted where needed).
pub fn write_rows(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    writer.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}

/// The events as CSV (the columns of [`EVENT_COLUMNS`]).
pub fn events_csv(d: &Dataset) -> String {
    write_rows(&EVENT_COLUMNS, d.events.iter().map(|e| event_cells(&e.record)))
}

/// One effect as the `effects` cell writes it: `channel from>to change`, then `via=id` and the
/// direction when it is not `forward` (the editor writes its rows with it too).
pub fn effect_spec(channel: &str, from: &str, to: &str, change: &str, via: Option<&str>, direction: &str) -> String {
    let mut s = format!("{channel} {from}>{to} {change}");
    if let Some(via) = via.filter(|v| !v.is_empty()) {
        s.push_str(&format!(" via={via}"));
    }
    if !direction.is_empty() && direction != "forward" {
        s.push_str(&format!(" {direction}"));
    }
    s
}

/// One event's cells, in the order of [`EVENT_COLUMNS`]: the row `events_csv` writes and the event
/// editor's fields (`edit::Draft`).
pub fn event_cells(e: &EventRecord) -> Vec<String> {
    let effects = e
        .effects
        .iter()
        .map(|f| {
            effect_spec(&word(&f.channel), &f.from, &f.to, &word(&f.change), f.via.as_deref(), &word(&f.direction))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let note = |lang| e.note.as_ref().map_or(String::new(), |n| n.get(lang).to_string());
    let metric = e.metric.as_ref();
    vec![
        e.id.clone(),
        e.date.clone(),
        word(&e.status),
        word(&e.kind),
        e.actors.join(" "),
        e.title.zh.clone(),
        e.title.en.clone(),
        e.summary.zh.clone(),
        e.summary.en.clone(),
        e.cite.source.clone(),
        e.cite.quote.clone(),
        effects,
        e.after.join(" "),
        e.uncertain.join(" "),
        note(Lang::Zh),
        note(Lang::En),
        metric.map_or(String::new(), |m| m.value.to_string()),
        metric.and_then(|m| m.unit.as_ref()).map_or(String::new(), word),
        metric.map_or(String::new(), |m| m.as_of.clone()),
        metric.map_or(String::new(), |m| if m.approx { "yes".into() } else { String::new() }),
        metric.and_then(|m| m.bound.as_ref()).map_or(String::new(), word),
        metric.and_then(|m| m.of.as_ref()).map_or(String::new(), |t| t.zh.clone()),
        metric.and_then(|m| m.of.as_ref()).map_or(String::new(), |t| t.en.clone()),
        e.before.as_ref().map_or(String::new(), |b| word(&b.state)),
        e.before.as_ref().map_or(String::new(), |b| b.source.clone()),
        e.before.as_ref().map_or(String::new(), |b| b.quote.clone()),
    ]
}

/// The version and every reference list as CSV (the columns of [`REFERENCE_COLUMNS`]).
pub fn reference_csv(d: &Dataset) -> String {
    let row = |list: &str, id: &str, parent: &str, name: Option<&Text>| {
        let mut r = vec![String::new(); REFERENCE_COLUMNS.len()];
        r[0] = list.to_string();
        r[1] = id.to_string();
        r[2] = parent.to_string();
        if let Some(name) = name {
            r[3] = name.zh.clone();
            r[4] = name.en.clone();
        }
        r
    };
    let mut rows = vec![row("version", &d.version, "", None)];
    if let Some(licence) = &d.licence {
        rows.push(row("licence", licence, "", None));
    }
    rows.extend(d.owners.iter().map(|o| row("owners", &o.id, "", Some(&o.name))));
    rows.extend(d.platforms.iter().map(|p| row("platforms", &p.id, &p.owner, Some(&p.name))));
    for (list, nodes) in [
        ("surfaces", &d.surfaces),
        ("merchants", &d.merchants),
        ("instruments", &d.instruments),
        ("workarounds", &d.workarounds),
    ] {
        rows.extend(nodes.iter().map(|n| {
            let mut r = row(list, &n.id, &n.platform, Some(&n.name));
            r[5] = n.home.join(" ");
            r[6] = if n.scan_to_pay { "yes".into() } else { String::new() };
            r
        }));
    }
    rows.extend(d.sources.iter().map(|s| {
        let mut r = row("sources", &s.id, "", None);
        r[7] = s.url.clone().unwrap_or_default();
        r[8] = s.title.clone();
        r[9] = s.outlet.zh.clone();
        r[10] = s.outlet.en.clone();
        r[11] = s.published.clone();
        r[12] = s.seed.clone().unwrap_or_default();
        if let Some(note) = &s.note {
            r[13] = note.zh.clone();
            r[14] = note.en.clone();
        }
        r
    }));
    write_rows(&REFERENCE_COLUMNS, rows.into_iter())
}
