//! The loader on bad data: each problem is found, placed at its file, line and field, and none hides
//! another.

use hutong_core::{load, Problem, SourceFile};
use proptest::prelude::*;

const REFERENCE: &str = r#"{
  "format": "hutong-dataset",
  "version": "test",
  "sources": [
    {"id": "src", "url": "https://example.org/a", "title": "T", "outlet": {"zh": "甲", "en": "A"}, "published": "2014-01-17"}
  ],
  "owners": [{"id": "acme", "name": {"zh": "甲", "en": "Acme"}}],
  "platforms": [{"id": "shopco", "owner": "acme", "name": {"zh": "店", "en": "Shop"}}],
  "surfaces": [{"id": "chat", "platform": "shopco", "name": {"zh": "聊", "en": "Chat"}}],
  "merchants": [{"id": "shop", "platform": "shopco", "name": {"zh": "店", "en": "Shop"}, "home": ["chat"]}],
  "instruments": [{"id": "coin", "platform": "shopco", "name": {"zh": "币", "en": "Coin"}}],
  "workarounds": [{"id": "token", "platform": "shopco", "name": {"zh": "口令", "en": "Token"}}]
}"#;

/// A valid event file; the cases below each replace one line of it.
const EVENTS: &str = r#"{
  "events": [
    {
      "id": "opening",
      "date": "2014-02-13",
      "status": "effective",
      "kind": "open",
      "actors": ["shopco"],
      "effects": [{"channel": "link", "from": "chat", "to": "shop", "change": "open"}],
      "title": {"zh": "开", "en": "Open"},
      "summary": {"zh": "开了", "en": "Opened"},
      "cite": {"source": "src", "quote": "a quote"}
    }
  ]
}"#;

fn load_events(events: &str) -> Result<hutong_core::Dataset, Vec<hutong_core::Diagnostic>> {
    load(&[SourceFile { name: "ref.json", text: REFERENCE }, SourceFile { name: "events.json", text: events }])
}

/// Replaces the line that starts (after indentation) with `prefix`.
fn with_line(prefix: &str, replacement: &str) -> String {
    let mut found = false;
    let out: Vec<String> = EVENTS
        .lines()
        .map(|l| {
            if !found && l.trim_start().starts_with(prefix) {
                found = true;
                format!("      {replacement}")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(found, "no line starts with {prefix}");
    out.join("\n")
}

#[test]
fn the_valid_base_loads() {
    let data = load_events(EVENTS).unwrap();
    assert_eq!(data.events.len(), 1);
    assert_eq!(data.version, "test");
}

#[test]
fn each_kind_of_bad_data_is_reported_where_it_is() {
    // (line prefix to replace, replacement, expected line, expected field, problem check)
    type Check = fn(&Problem) -> bool;
    let cases: &[(&str, &str, usize, &str, Check)] = &[
        ("\"date\"", r#""date": "2014-02-30","#, 5, "date", |p| {
            matches!(p, Problem::BadDate(hutong_core::date::DateError::Impossible(_)))
        }),
        ("\"date\"", r#""date": "Feb 2014","#, 5, "date", |p| {
            matches!(p, Problem::BadDate(hutong_core::date::DateError::Syntax(_)))
        }),
        ("\"date\"", r#""date": "2015/2014","#, 5, "date", |p| {
            matches!(p, Problem::BadDate(hutong_core::date::DateError::Reversed(_)))
        }),
        ("\"date\"", r#""date": "2140","#, 5, "date", |p| {
            matches!(p, Problem::BadDate(hutong_core::date::DateError::OutOfRange(2140)))
        }),
        ("\"actors\"", r#""actors": ["nobody"],"#, 8, "actors", |p| {
            matches!(p, Problem::UnknownId { list: "platforms", .. })
        }),
        (
            "\"effects\"",
            r#""effects": [{"channel": "link", "from": "chat", "to": "mars", "change": "open"}],"#,
            9,
            "effects[0].to",
            |p| matches!(p, Problem::UnknownId { list: "merchants", .. }),
        ),
        (
            "\"effects\"",
            r#""effects": [{"channel": "pay", "from": "chat", "to": "coin", "change": "open"}],"#,
            9,
            "effects[0].from",
            |p| matches!(p, Problem::UnknownId { list: "merchants", .. }),
        ),
        (
            "\"effects\"",
            r#""effects": [{"channel": "link", "from": "chat", "to": "shop", "change": "workaround"}],"#,
            9,
            "effects[0].via",
            |p| *p == Problem::Via,
        ),
        (
            "\"effects\"",
            r#""effects": [{"channel": "link", "from": "chat", "to": "shop", "change": "opens"}],"#,
            9,
            "effects[0].change",
            |p| matches!(p, Problem::Schema(_)),
        ),
        ("\"cite\"", r#""cite": {"source": "src", "quote": " "}"#, 12, "cite.quote", |p| *p == Problem::Empty),
        ("\"cite\"", r#""cite": {"source": "elsewhere", "quote": "q"}"#, 12, "cite.source", |p| {
            matches!(p, Problem::UnknownId { list: "sources", .. })
        }),
        (
            "\"cite\"",
            r#""cite": {"source": "src"}"#,
            12,
            "cite",
            |p| matches!(p, Problem::Schema(m) if m.contains("quote")),
        ),
        (
            "\"cite\"",
            r#""cite": {"source": "src", "quote": "q"}, "before": {"state": "closed", "source": "nowhere", "quote": "q"}"#,
            12,
            "before.source",
            |p| matches!(p, Problem::UnknownId { list: "sources", .. }),
        ),
        (
            "\"cite\"",
            r#""cite": {"source": "src", "quote": "q"}, "before": {"state": "closed", "source": "src", "quote": ""}"#,
            12,
            "before.quote",
            |p| *p == Problem::Empty,
        ),
        (
            "\"cite\"",
            r#""cite": {"source": "src", "quote": "q"}, "before": {"state": "shut", "source": "src", "quote": "q"}"#,
            12,
            "before.state",
            |p| matches!(p, Problem::Schema(_)),
        ),
        ("\"title\"", r#""title": {"zh": "开", "en": ""},"#, 10, "title.en", |p| *p == Problem::Empty),
        ("\"id\"", r#""id": "Opening!","#, 4, "id", |p| matches!(p, Problem::BadId(_))),
        ("\"status\"", r#""status": "rumoured","#, 6, "status", |p| matches!(p, Problem::Schema(_))),
        (
            "\"kind\"",
            r#""kind": "open", "colour": "red","#,
            7,
            "colour",
            |p| matches!(p, Problem::Schema(m) if m.contains("unknown field")),
        ),
    ];
    for (prefix, replacement, line, field, check) in cases {
        let text = with_line(prefix, replacement);
        let problems = load_events(&text).expect_err(replacement);
        let p = problems
            .iter()
            .find(|p| p.field.as_deref() == Some(field))
            .unwrap_or_else(|| panic!("{replacement}: no problem at `{field}` in {problems:?}"));
        assert_eq!(p.file, "events.json", "{replacement}");
        assert_eq!(p.line, *line, "{replacement}: {p}");
        assert!(check(&p.problem), "{replacement}: unexpected {p}");
    }
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let text = EVENTS
        .replace(r#""2014-02-13""#, r#""2014-13""#)
        .replace(r#"["shopco"]"#, r#"["ghost"]"#)
        .replace(r#""quote": "a quote""#, r#""quote": """#);
    let problems = load_events(&text).unwrap_err();
    let fields: Vec<_> = problems.iter().filter_map(|p| p.field.clone()).collect();
    assert_eq!(fields, ["date", "actors", "cite.quote"], "{problems:?}");
}

#[test]
fn duplicate_ids_name_the_first_line() {
    let event = &EVENTS[EVENTS.find("    {").unwrap()..EVENTS.rfind("    }").unwrap() + 5];
    let text = format!("{{\n  \"events\": [\n{event},\n{event}\n  ]\n}}");
    let problems = load_events(&text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].problem, Problem::DuplicateId { id: "opening".into(), first_line: 4 });
    assert_eq!(problems[0].line, 15);
}

#[test]
fn broken_json_gives_its_line_and_column() {
    let text = EVENTS.replace(r#""kind": "open","#, r#""kind": "open""#);
    let problems = load_events(&text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(matches!(problems[0].problem, Problem::Syntax(_)), "{:?}", problems[0]);
    assert_eq!((problems[0].file.as_str(), problems[0].line), ("events.json", 8));
}

#[test]
fn one_bad_item_does_not_hide_a_bad_reference_list() {
    let reference = REFERENCE.replace(r#""owner": "acme""#, r#""owner": "nobody""#);
    let events = EVENTS.replace("2014-02-13", "2014-02-31");
    let problems =
        load(&[SourceFile { name: "ref.json", text: &reference }, SourceFile { name: "events.json", text: &events }])
            .unwrap_err();
    let files: Vec<_> = problems.iter().map(|p| (p.file.as_str(), p.line)).collect();
    assert_eq!(files, [("ref.json", 8), ("events.json", 5)]);
}

#[test]
fn only_http_sources_are_links() {
    for (url, ok) in [
        ("https://www.huxiu.com/article/27988", true),
        ("http://a.b/c", true),
        ("javascript:alert(1)", false),
        ("https://", false),
        ("ftp://x", false),
        ("https://a b", false),
    ] {
        assert_eq!(hutong_core::load::is_http_url(url), ok, "{url}");
    }
    // Any other address loads (a DOI, an archive reference) and is shown as text, never linked.
    let reference = REFERENCE.replace("https://example.org/a", "javascript:alert(1)");
    let data = load(&[SourceFile { name: "r", text: &reference }, SourceFile { name: "e", text: EVENTS }]).unwrap();
    assert_eq!(data.sources[0].url.as_deref(), Some("javascript:alert(1)"));
    // The curated sources are all web addresses.
    let embedded = hutong_core::embedded::dataset();
    assert!(embedded.sources.iter().filter_map(|s| s.url.as_deref()).all(hutong_core::load::is_http_url));
}

#[test]
fn an_empty_dataset_is_refused() {
    let problems = load(&[SourceFile { name: "r", text: REFERENCE }]).unwrap_err();
    assert_eq!(problems[0].problem, Problem::NoEvents);
}

proptest! {
    #[test]
    fn the_loader_never_panics_on_any_text(text in "\\PC{0,400}") {
        let _ = load(&[SourceFile { name: "x", text: &text }]);
    }

    #[test]
    fn the_loader_never_panics_on_mangled_events(cut in 0usize..EVENTS.len(), insert in "[\\[\\]{}\":,a-z0-9 ]{0,8}") {
        let mut text = EVENTS.to_string();
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        text.insert_str(cut, &insert);
        let _ = load_events(&text);
    }
}

#[test]
fn an_event_cannot_come_after_itself() {
    let text = EVENTS.replace(r#""kind": "open","#, r#""kind": "open", "after": ["opening"],"#);
    let problems = load_events(&text).unwrap_err();
    assert!(problems.iter().any(|p| p.field.as_deref() == Some("after")), "{problems:?}");
}
