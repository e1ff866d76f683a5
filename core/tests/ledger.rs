//! The ledger of decided verdicts (`data/verdicts.tsv`) is what the model answers now: a snapshot
//! test, so that every data or rule change shows its effect on the answers as a diff in review.
//!
//! Regenerate it after a deliberate change with
//! `HUTONG_BLESS=1 cargo test -p hutong-core --test ledger`, then read the diff.

use std::path::PathBuf;

use hutong_core::embedded;
use hutong_core::ledger;
use hutong_core::route::{Model, Off};

fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/verdicts.tsv")
}

#[test]
fn the_ledger_of_decided_verdicts_is_what_the_model_answers() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let rows = ledger::rows(&model, &ledger::grid(&data));
    let now = ledger::tsv(&data, &rows);
    let counts = ledger::counts(&rows);
    eprintln!("decided {}, stated {}, by rule {:?}", counts.decided, counts.stated, counts.by_rule);
    if std::env::var_os("HUTONG_BLESS").is_some() {
        std::fs::write(path(), &now).expect("write data/verdicts.tsv");
        return;
    }
    let committed = std::fs::read_to_string(path()).unwrap_or_default();
    if committed != now {
        let (old, new): (Vec<&str>, Vec<&str>) = (committed.lines().collect(), now.lines().collect());
        let gone: Vec<&&str> = old.iter().filter(|l| !new.contains(l)).take(10).collect();
        let came: Vec<&&str> = new.iter().filter(|l| !old.contains(l)).take(10).collect();
        panic!(
            "data/verdicts.tsv is not what the model answers ({} rows committed, {} now).\n\
             Rows gone (first 10):\n{}\nRows new (first 10):\n{}\n\
             If the change is meant, run HUTONG_BLESS=1 cargo test -p hutong-core --test ledger and read the diff.",
            old.len().saturating_sub(1),
            new.len().saturating_sub(1),
            gone.iter().map(|l| format!("  - {l}")).collect::<Vec<_>>().join("\n"),
            came.iter().map(|l| format!("  + {l}")).collect::<Vec<_>>().join("\n"),
        );
    }
}

#[test]
fn the_grid_has_every_first_of_june_and_the_day_after_every_dated_event() {
    let data = embedded::dataset();
    let days = ledger::grid(&data);
    for year in ledger::YEARS.0..=ledger::YEARS.1 {
        assert!(days.contains(&chrono::NaiveDate::from_ymd_opt(year, 6, 1).unwrap()), "{year}");
    }
    let rollout = data.event("taobao-wechat-pay-rollout").unwrap();
    assert!(days.contains(&rollout.date.latest().unwrap().succ_opt().unwrap()));
    assert!(days.windows(2).all(|w| w[0] < w[1]), "in order, once each");
}
