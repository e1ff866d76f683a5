//! Import and export: what comes out goes back in unchanged (JSON and CSV), imports replace or merge
//! as documented, and every limit and bad-input class gets its own clear problem.

use hutong_core::csv::{events_csv, reference_csv};
use hutong_core::export::{fingerprint, to_json};
use hutong_core::load::{MAX_DEPTH, MAX_EVENTS, MAX_FILE_BYTES};
use hutong_core::{decode, embedded, import, load, Mode, Normalized, Problem, SourceFile};

fn json(name: &str, text: &str) -> hutong_core::Dataset {
    load(&[SourceFile { name, text }]).unwrap_or_else(|p| panic!("{}", p[0]))
}

#[test]
fn the_json_export_loads_back_to_the_same_dataset() {
    let data = embedded::dataset();
    let text = to_json(&data);
    assert_eq!(json("export.json", &text), data);
    let synthetic = hutong_core::synthetic::generate(300, 20, 7);
    assert_eq!(json("s.json", &to_json(&synthetic)), synthetic);
}

#[test]
fn the_csv_export_loads_back_to_the_same_dataset() {
    let data = embedded::dataset();
    let (reference, events) = (reference_csv(&data), events_csv(&data));
    assert!(events.starts_with("id,date,status,kind,actors,title_zh"), "{}", &events[..80]);
    let back = load(&[
        SourceFile { name: "reference.csv", text: &reference },
        SourceFile { name: "events.csv", text: &events },
    ])
    .unwrap_or_else(|p| panic!("{}", p[0]));
    assert_eq!(back, data);
}

#[test]
fn the_fingerprint_names_the_content() {
    let data = embedded::dataset();
    let fp = fingerprint(&data);
    assert!(fp.starts_with(&format!("{}~", data.version)) && fp.len() == data.version.len() + 9, "{fp}");
    let mut changed = data.clone();
    changed.events[0].record.title.en.push('!');
    assert_ne!(fingerprint(&changed), fp);
    assert_eq!(fingerprint(&data.clone()), fp);
}

/// A small events file in CSV with one new event that uses the embedded reference lists.
fn one_event_csv(id: &str, title: &str) -> String {
    format!(
        "id,date,status,kind,actors,title_zh,title_en,summary_zh,summary_en,source,quote,effects\n\
         {id},2025-03-01,effective,open,taobao,{title},{title},摘要,Summary,huxiu-2014-02-18,微信,link wechat-group>taobao open\n"
    )
}

#[test]
fn replace_keeps_the_reference_lists_the_import_lacks() {
    let base = embedded::dataset();
    let csv = one_event_csv("new-event", "新");
    let (data, summary) = import(&[SourceFile { name: "mine.csv", text: &csv }], &base, Mode::Replace).unwrap();
    assert_eq!(data.events.len(), 1);
    assert_eq!(summary.added, 1);
    assert_eq!(summary.removed, base.events.len());
    assert!(summary.kept.contains(&"platforms") && summary.kept.contains(&"sources"));
    assert_eq!(data.platforms, base.platforms);
    assert_eq!(data.version, "imported");
}

#[test]
fn merge_adds_new_ids_and_replaces_same_ids() {
    let base = embedded::dataset();
    let first = base.events[0].id.clone();
    let csv = format!("{}{}", one_event_csv("new-event", "新"), one_event_csv(&first, "改").lines().nth(1).unwrap());
    let (data, summary) = import(&[SourceFile { name: "mine.csv", text: &csv }], &base, Mode::Merge).unwrap();
    assert_eq!(data.events.len(), base.events.len() + 1);
    assert_eq!((summary.added, summary.replaced, summary.removed), (1, 1, 0));
    assert_eq!(data.event(&first).unwrap().title.zh, "改");
    assert_eq!(data.version, format!("{}+imported", base.version));
    // A whole exported dataset merged into itself changes nothing but the version.
    let (same, s) = import(&[SourceFile { name: "x.json", text: &to_json(&base) }], &base, Mode::Merge).unwrap();
    assert_eq!((same.events, s.added, s.replaced), (base.events.clone(), 0, base.events.len()));
}

#[test]
fn an_import_with_problems_returns_them_all() {
    let base = embedded::dataset();
    let csv = "id,date,status,kind,actors,title_zh,title_en,summary_zh,summary_en,source,quote\n\
               a,2014-02-31,effective,open,taobao,t,t,s,s,huxiu-2014-02-18,q\n\
               b,2014-02-01,effective,open,nobody,t,t,s,s,huxiu-2014-02-18,q\n\
               b,2014-02-01,effective,open,taobao,t,t,s,s,huxiu-2014-02-18,q\n\
               c,2014-02-01,sure,open,taobao,t,t,s,s,huxiu-2014-02-18,q\n";
    let problems = import(&[SourceFile { name: "bad.csv", text: csv }], &base, Mode::Merge).unwrap_err();
    let has = |line: usize, column: usize, f: &dyn Fn(&Problem) -> bool| {
        problems.iter().any(|d| d.line == line && d.column == column && d.csv && d.file == "bad.csv" && f(&d.problem))
    };
    assert!(has(2, 2, &|p| matches!(p, Problem::BadDate(_))), "{problems:#?}");
    assert!(has(3, 5, &|p| matches!(p, Problem::UnknownId { id, .. } if id == "nobody")), "{problems:#?}");
    assert!(has(5, 3, &|p| matches!(p, Problem::Schema(m) if m.contains("sure"))), "{problems:#?}");
    assert!(has(4, 1, &|p| matches!(p, Problem::DuplicateId { id, first_line: 3 } if id == "b")), "{problems:#?}");
}

#[test]
fn csv_headers_and_cells_are_checked() {
    let check = |text: &str, want: &dyn Fn(&Problem) -> bool| {
        let problems = load(&[SourceFile { name: "e.csv", text }]).unwrap_err();
        assert!(problems.iter().any(|d| want(&d.problem)), "{text}\n{problems:#?}");
    };
    check(
        "id,date,status,kind,actors,title_zh,title_en,summary_zh,summary_en,source,quote,colour\n",
        &|p| matches!(p, Problem::Column(m) if m.contains("colour")),
    );
    check("id,date\n", &|p| matches!(p, Problem::Column(m) if m.contains("`status` is missing")));
    let header = "id,date,status,kind,actors,title_zh,title_en,summary_zh,summary_en,source,quote,effects";
    check(
        &format!("{header}\na,2014,effective,open,x,t,t,s,s,src,q,link chat shop open\n"),
        &|p| matches!(p, Problem::Cell(m) if m.contains("effect 1") && m.contains("from>to")),
    );
    check(&format!("{header}\na,2014,effective\n"), &|p| matches!(p, Problem::Cells { found: 3, expected: 12 }));
    check("list,id\nbooks,x\n", &|p| matches!(p, Problem::Cell(m) if m.contains("`books` is not a list")));
}

#[test]
fn limits_have_their_own_messages() {
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    let p = load(&[SourceFile { name: "big.json", text: &big }]).unwrap_err();
    assert!(matches!(p[0].problem, Problem::TooLarge { .. }), "{p:?}");
    assert!(matches!(decode("big.json", big.as_bytes()).unwrap_err().problem, Problem::TooLarge { .. }));

    let deep = format!("{{\"events\": {}{}}}", "[".repeat(MAX_DEPTH + 5), "]".repeat(MAX_DEPTH + 5));
    let p = load(&[SourceFile { name: "deep.json", text: &deep }]).unwrap_err();
    assert!(matches!(p[0].problem, Problem::TooDeep { .. }) && p[0].line == 1, "{p:?}");
    // Brackets inside strings are text, not nesting.
    let data = embedded::dataset();
    let mut quoted = data.clone();
    quoted.events[0].record.title.en = "[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{{{{{{{".into();
    assert_eq!(json("q.json", &to_json(&quoted)), quoted);

    let event = |i| {
        format!(
            r#"{{"id":"e{i}","date":"2014","status":"effective","kind":"open","actors":["taobao"],"title":{{"zh":"t","en":"t"}},"summary":{{"zh":"s","en":"s"}},"cite":{{"source":"huxiu-2014-02-18","quote":"q"}}}}"#
        )
    };
    let many = format!("{{\"events\": [{}]}}", (0..=MAX_EVENTS).map(event).collect::<Vec<_>>().join(",\n"));
    assert!(many.len() < MAX_FILE_BYTES);
    let p = import(&[SourceFile { name: "many.json", text: &many }], &data, Mode::Replace).unwrap_err();
    assert!(p.iter().any(|d| matches!(d.problem, Problem::TooManyEvents { count, .. } if count == MAX_EVENTS + 1)));

    let mut far = data.clone();
    far.events[0].record.date = "1850-01-01".into();
    let p = load(&[SourceFile { name: "far.json", text: &to_json(&far) }]).unwrap_err();
    assert!(p.iter().any(|d| d.problem.to_string().contains("outside 1990–2100")), "{p:?}");
}

#[test]
fn bytes_must_be_utf8_and_spreadsheet_habits_are_forgiven() {
    let err = decode("x.csv", b"id,date\nab\xffc\n").unwrap_err();
    assert_eq!((err.line, err.column, err.problem), (2, 3, Problem::NotUtf8));

    let data = embedded::dataset();
    let text = events_csv(&data).replace('\n', "\r\n");
    let bytes = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
    let (clean, notes) = decode("events.csv", &bytes).unwrap();
    assert_eq!(notes, vec![Normalized::Bom, Normalized::Crlf]);
    let reference = reference_csv(&data);
    let back = load(&[SourceFile { name: "r.csv", text: &reference }, SourceFile { name: "events.csv", text: &clean }]);
    assert_eq!(back.unwrap(), data);
    // Line numbers after the normalisation are the editor's: a bad date on line 3 is on line 3.
    let (i, day) = data.events.iter().enumerate().find(|(_, e)| e.record.date.len() == 10).unwrap();
    let bad = clean.replacen(&format!(",{},", day.record.date), ",2014-13,", 1);
    let p = load(&[SourceFile { name: "r.csv", text: &reference }, SourceFile { name: "events.csv", text: &bad }]);
    let p = p.unwrap_err();
    assert_eq!((p[0].line, p[0].column, p[0].field.as_deref()), (i + 2, 2, Some("date")), "{p:?}");
}

#[test]
fn markup_in_texts_is_kept_as_text() {
    let mut data = embedded::dataset();
    let evil = "<img src=x onerror=alert(1)><script>alert(2)</script>\"'&amp;";
    data.events[0].record.title.en = evil.into();
    data.events[0].record.cite.quote = evil.into();
    let back = json("evil.json", &to_json(&data));
    assert_eq!(back.events[0].title.en, evil);
    let csv = load(&[
        SourceFile { name: "r.csv", text: &reference_csv(&data) },
        SourceFile { name: "e.csv", text: &events_csv(&data) },
    ])
    .unwrap();
    assert_eq!(csv.events[0].cite.quote, evil);
}

/// The example files offered in the app (`docs/dataset/`, copied to the site's `dataset/`): the
/// embedded dataset's 2014 events, as one JSON file and as the two CSVs. They are made from the
/// embedded data by this test, so they cannot drift; `HUTONG_WRITE_EXAMPLES=1` rewrites them.
#[test]
fn the_example_files_are_the_embedded_2014_events() {
    let data = embedded::dataset();
    let mut example = data.clone();
    example.version = "example-2014".into();
    example.events.retain(|e| e.date.earliest().is_some_and(|d| d.format("%Y").to_string() == "2014"));
    let ids: Vec<String> = example.events.iter().map(|e| e.id.clone()).collect();
    example.events.retain(|e| e.after.iter().all(|a| ids.contains(a)));
    assert!(example.events.len() > 10, "{}", example.events.len());
    let files = [
        ("dataset.json", to_json(&example)),
        ("events.csv", events_csv(&example)),
        ("reference.csv", reference_csv(&example)),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/dataset");
    for (name, text) in &files {
        let path = dir.join(name);
        if std::env::var_os("HUTONG_WRITE_EXAMPLES").is_some() {
            std::fs::write(&path, text).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            &on_disk == text,
            "{} is out of date: HUTONG_WRITE_EXAMPLES=1 cargo test --test import",
            path.display()
        );
    }
    // Each form loads to the same dataset; the events CSV merges into the embedded one unchanged.
    assert_eq!(json("dataset.json", &files[0].1), example);
    let (merged, summary) =
        import(&[SourceFile { name: "events.csv", text: &files[1].1 }], &data, Mode::Merge).unwrap();
    assert_eq!((merged.events, summary.added), (data.events.clone(), 0));
}
