//! "Cite this": a reference to an event, a journey's answer or a view of Hutong, as BibTeX, CSL-JSON
//! and RIS, pinned to the dataset version and a permalink. The caller gives the permalink and the
//! day it was accessed (the core reads no clock); the words of a title come from the UI or from
//! the dataset's own texts.

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use crate::model::{Dataset, Event, Lang};

/// The project's name as an author: the dataset is a collective work.
pub const AUTHOR: &str = "Hutong (互通) contributors";
pub const PUBLISHER: &str = "Hutong (互通)";

/// What is cited.
#[derive(Clone, Debug, PartialEq)]
pub struct Work {
    /// A citation key: ASCII letters, digits and dashes.
    pub key: String,
    pub title: String,
    /// What a reader should know beside the title: the source article and its quote, the verdict.
    pub note: Option<String>,
}

/// Where and as of what the work is cited.
#[derive(Clone, Debug, PartialEq)]
pub struct Pin {
    pub version: String,
    pub licence: Option<String>,
    pub permalink: String,
    pub accessed: NaiveDate,
}

impl Pin {
    pub fn of(data: &Dataset, permalink: &str, accessed: NaiveDate) -> Pin {
        Pin { version: data.version.clone(), licence: data.licence.clone(), permalink: permalink.into(), accessed }
    }

    /// The year the version names (`2026.12.1` → 2026), else the year of access.
    fn year(&self) -> i32 {
        self.version.get(..4).and_then(|y| y.parse().ok()).unwrap_or(self.accessed.year())
    }
}

/// An event as a record of the dataset, with its source article and quote in the note.
pub fn event_work(data: &Dataset, event: &Event, lang: Lang) -> Work {
    let source = data.source(&event.cite.source);
    let article = source.map(|s| format!("{}, “{}”, {}", s.outlet.get(lang), s.title, s.published));
    let said = match lang {
        Lang::Zh => "原文",
        Lang::En => "quoted",
    };
    let note = match article {
        Some(article) => format!("{article}; {said}: “{}”", event.cite.quote),
        None => format!("{said}: “{}”", event.cite.quote),
    };
    Work { key: format!("hutong-{}", event.id), title: event.title.get(lang).to_string(), note: Some(note) }
}

/// BibTeX (`@misc`, which every style knows), with the version, permalink and access date.
pub fn bibtex(work: &Work, pin: &Pin) -> String {
    let mut fields = vec![
        ("author", format!("{{{}}}", escape_tex(AUTHOR))),
        ("title", format!("{{{}}}", escape_tex(&work.title))),
        ("year", pin.year().to_string()),
        ("publisher", format!("{{{}}}", escape_tex(PUBLISHER))),
        ("version", escape_tex(&pin.version)),
        ("howpublished", format!("\\url{{{}}}", pin.permalink)),
        ("url", pin.permalink.clone()),
        ("urldate", pin.accessed.to_string()),
    ];
    let mut note = format!("Dataset version {}", pin.version);
    if let Some(licence) = &pin.licence {
        note.push_str(&format!("; licence {licence}"));
    }
    if let Some(more) = &work.note {
        note.push_str(&format!("; {more}"));
    }
    fields.push(("note", escape_tex(&note)));
    let body: Vec<String> = fields.into_iter().map(|(k, v)| format!("  {k} = {{{v}}}")).collect();
    format!("@misc{{{}-{},\n{}\n}}\n", work.key, key_part(&pin.version), body.join(",\n"))
}

/// CSL-JSON (one item in an array), the form Zotero and citeproc read.
pub fn csl_json(work: &Work, pin: &Pin) -> String {
    let date = |d: NaiveDate| json!({ "date-parts": [[d.year(), d.month(), d.day()]] });
    let mut item = json!({
        "id": format!("{}-{}", work.key, key_part(&pin.version)),
        "type": "dataset",
        "title": work.title,
        "author": [{ "literal": AUTHOR }],
        "publisher": PUBLISHER,
        "version": pin.version,
        "URL": pin.permalink,
        "accessed": date(pin.accessed),
        "issued": { "date-parts": [[pin.year()]] },
    });
    let mut note = Vec::new();
    if let Some(licence) = &pin.licence {
        note.push(format!("Licence: {licence}"));
    }
    if let Some(more) = &work.note {
        note.push(more.clone());
    }
    if !note.is_empty() {
        item["note"] = json!(note.join("; "));
    }
    serde_json::to_string_pretty(&json!([item])).unwrap_or_default()
}

/// RIS (`TY  - DATA`), for reference managers that import it.
pub fn ris(work: &Work, pin: &Pin) -> String {
    let mut lines = vec![
        ("TY", "DATA".to_string()),
        ("ID", format!("{}-{}", work.key, key_part(&pin.version))),
        ("TI", one_line(&work.title)),
        ("AU", AUTHOR.to_string()),
        ("PB", PUBLISHER.to_string()),
        ("PY", pin.year().to_string()),
        ("ET", pin.version.clone()),
        ("UR", pin.permalink.clone()),
        ("Y2", format!("{:04}/{:02}/{:02}", pin.accessed.year(), pin.accessed.month(), pin.accessed.day())),
    ];
    if let Some(licence) = &pin.licence {
        lines.push(("N1", format!("Licence: {licence}")));
    }
    if let Some(note) = &work.note {
        lines.push(("N1", one_line(note)));
    }
    lines.push(("ER", String::new()));
    lines.into_iter().map(|(tag, value)| format!("{tag}  - {value}").trim_end().to_string() + "\n").collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A version as part of a key: `2026.12.1` → `2026-12-1`.
fn key_part(version: &str) -> String {
    version.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

/// BibTeX's special characters, escaped; braces kept balanced whatever the text holds.
fn escape_tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    fn pin() -> Pin {
        Pin {
            version: "2026.12.1".into(),
            licence: Some("CC-BY-4.0".into()),
            permalink: "https://example.org/hutong/?event=alipay-bans-wechat-merchants".into(),
            accessed: "2026-12-03".parse().unwrap(),
        }
    }

    #[test]
    fn an_event_cites_its_article_and_quote_pinned_to_the_version() {
        let data = embedded::dataset();
        let work = event_work(&data, data.event("alipay-bans-wechat-merchants").unwrap(), Lang::En);
        let bib = bibtex(&work, &pin());
        assert!(bib.starts_with("@misc{hutong-alipay-bans-wechat-merchants-2026-12-1,\n"), "{bib}");
        assert!(bib.contains("version = {2026.12.1}"));
        assert!(bib.contains("urldate = {2026-12-03}"));
        assert!(bib.contains("不新签、不续约、不合作"), "the quote is in the note");
        assert!(bib.contains("licence CC-BY-4.0"));
        let bare = bib.replace("\\{", "").replace("\\}", "");
        assert_eq!(bare.matches('{').count(), bare.matches('}').count(), "braces balance");
        let csl: serde_json::Value = serde_json::from_str(&csl_json(&work, &pin())).unwrap();
        assert_eq!(csl[0]["type"], "dataset");
        assert_eq!(csl[0]["version"], "2026.12.1");
        assert_eq!(csl[0]["accessed"]["date-parts"][0][2], 3);
        let ris = ris(&work, &pin());
        assert!(ris.starts_with("TY  - DATA\n") && ris.ends_with("ER  -\n"), "{ris}");
        assert!(ris.contains("Y2  - 2026/12/03\n"));
    }

    #[test]
    fn tex_specials_in_a_title_are_escaped() {
        let work = Work { key: "k".into(), title: "50% & {more} #1 a_b \\ ~^$".into(), note: None };
        let bib = bibtex(&work, &pin());
        assert!(bib.contains("title = {{50\\% \\& \\{more\\} \\#1 a\\_b \\textbackslash{} \\~{}\\^{}\\$}}"), "{bib}");
    }
}
