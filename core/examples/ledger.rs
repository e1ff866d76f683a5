//! The ledger of decided verdicts for any dataset's files, as tab-separated text on stdout, and its
//! counts on stderr: `cargo run -p hutong-core --example ledger -- reference.json events.json`.
//! Without arguments it reads the embedded dataset. Compare two datasets (or the dataset before and
//! after a change) by diffing two runs; `data/verdicts.tsv` is the embedded dataset's.

use hutong_core::route::{Model, Off};
use hutong_core::{embedded, ledger, load, SourceFile};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let data = if paths.is_empty() {
        embedded::dataset()
    } else {
        let texts: Vec<String> =
            paths.iter().map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"))).collect();
        let files: Vec<SourceFile<'_>> =
            paths.iter().zip(&texts).map(|(name, text)| SourceFile { name, text }).collect();
        load(&files).unwrap_or_else(|problems| {
            for p in &problems {
                eprintln!("{p}");
            }
            std::process::exit(1)
        })
    };
    let model = Model::new(&data, &Off::new());
    let rows = ledger::rows(&model, &ledger::grid(&data));
    print!("{}", ledger::tsv(&data, &rows));
    let counts = ledger::counts(&rows);
    eprintln!("decided {}, stated {}, inferred {}", counts.decided, counts.stated, counts.decided - counts.stated);
    for (rule, n) in counts.by_rule {
        eprintln!("  {}: {n}", rule.id());
    }
}
