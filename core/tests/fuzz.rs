//! Fuzzing the importer: random edits of valid JSON and CSV datasets, and random bytes, go through
//! `decode`, `load` and `import` (both modes). Any panic fails the test; every input must give either
//! a dataset or problems.
//!
//! CI runs a few thousand cases. The million-case run (BENCHMARKS.md has its figures):
//!
//! ```sh
//! HUTONG_FUZZ_CASES=1000000 cargo test --release -p hutong-core --test fuzz -- --nocapture
//! ```

use std::sync::OnceLock;

use hutong_core::csv::{events_csv, reference_csv};
use hutong_core::export::to_json;
use hutong_core::{decode, import, load, Dataset, Mode, SourceFile};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("HUTONG_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3_000)
}

struct Seeds {
    base: Dataset,
    texts: Vec<(&'static str, String)>,
}

/// Small valid files to mutate: a synthetic dataset as JSON, its events and reference CSVs.
fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let small = hutong_core::synthetic::generate(6, 4, 3);
        let texts = vec![("d.json", to_json(&small)), ("e.csv", events_csv(&small)), ("r.csv", reference_csv(&small))];
        Seeds { base: small, texts }
    })
}

/// One edit: at a fraction of the text, delete some bytes, insert some, or repeat a slice.
#[derive(Clone, Debug)]
enum Edit {
    Delete(f64, usize),
    Insert(f64, Vec<u8>),
    Repeat(f64, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that matter to JSON, CSV, dates, ids and UTF-8 (including invalid sequences).
    let alphabet = prop::sample::select(
        b"{}[]\",:;>\\\n\r -./0123456789eE+aztrufnl\xef\xbb\xbf\xff\xc3\xa9\xe4\xb8\xad=Q*".to_vec(),
    );
    prop_oneof![
        (0.0..1.0, 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0.0..1.0, prop::collection::vec(alphabet, 1..12)).prop_map(|(at, b)| Edit::Insert(at, b)),
        (0.0..1.0, 1usize..200, 1usize..4).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
        match e {
            Edit::Delete(f, n) => {
                let i = at(*f, bytes.len());
                let end = (i + n).min(bytes.len());
                bytes.drain(i..end);
            }
            Edit::Insert(f, b) => {
                let i = at(*f, bytes.len());
                bytes.splice(i..i, b.iter().copied());
            }
            Edit::Repeat(f, n, k) => {
                let i = at(*f, bytes.len());
                let slice = bytes[i..(i + n).min(bytes.len())].to_vec();
                for _ in 0..*k {
                    bytes.splice(i..i, slice.iter().copied());
                }
            }
        }
    }
    bytes
}

/// Everything a user's file goes through in the app.
fn run(name: &str, bytes: &[u8]) {
    let Ok((text, _notes)) = decode(name, bytes) else { return };
    let file = SourceFile { name, text: &text };
    let _ = load(&[file]);
    let base = &seeds().base;
    let _ = import(&[file], base, Mode::Replace);
    if let Ok((merged, _)) = import(&[file], base, Mode::Merge) {
        // What was accepted can be exported and read again.
        assert!(load(&[SourceFile { name: "again.json", text: &to_json(&merged) }]).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn edited_files_never_panic(which in 0usize..3, edits in prop::collection::vec(edit(), 1..6)) {
        let (name, text) = &seeds().texts[which];
        run(name, &apply(text, &edits));
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), csv in any::<bool>()) {
        run(if csv { "x.csv" } else { "x.json" }, &bytes);
    }
}
