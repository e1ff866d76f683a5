//! Checks the curated dataset when the crate is built and ships it compact.
//!
//! `data/*.json` are read by the crate's own loader (the same code an import runs, included here
//! by path); any problem fails the build with every problem listed. The validated dataset is
//! written in the compact form (`src/compact.rs`) to `$OUT_DIR/embedded.bin`, which
//! `embedded::dataset()` reads: the app starts without parsing JSON or carrying the loader; and
//! without the events' summaries and notes, nor the titles and quotes of events that change no channel, to `$OUT_DIR/first-screen.bin` (`embedded::first_screen`).

#![allow(dead_code)]

#[path = "src/compact.rs"]
mod compact;
#[path = "src/csv.rs"]
mod csv;
#[path = "src/date.rs"]
mod date;
#[path = "src/export.rs"]
mod export;
#[path = "src/load.rs"]
mod load;
#[path = "src/model.rs"]
mod model;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for path in ["data/reference.json", "data/events.json"] {
        println!("cargo::rerun-if-changed={}", root.join(path).display());
    }
    for path in
        ["build.rs", "src/compact.rs", "src/csv.rs", "src/date.rs", "src/export.rs", "src/load.rs", "src/model.rs"]
    {
        println!("cargo::rerun-if-changed={path}");
    }
    let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (reference, events) = (read("data/reference.json"), read("data/events.json"));
    let files = [
        load::SourceFile { name: "data/reference.json", text: &reference },
        load::SourceFile { name: "data/events.json", text: &events },
    ];
    let data = match load::load(&files) {
        Ok(d) => d,
        Err(problems) => {
            for p in &problems {
                println!("cargo::warning={p}");
            }
            panic!("the embedded dataset has {} problem(s); the first: {}", problems.len(), problems[0]);
        }
    };
    let bytes = compact::encode(&data);
    assert_eq!(compact::decode(&bytes).as_ref(), Ok(&data), "the compact form must read back the same dataset");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("embedded.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    // The same without the long texts, for the site's first screen (`embedded::first_screen`).
    let out = out.with_file_name("first-screen.bin");
    std::fs::write(&out, compact::encode(&compact::without_texts(&data)))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
