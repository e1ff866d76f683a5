//! The curated dataset, compiled in. Its files live in `data/` at the repository root.

use crate::load::{load, SourceFile};
use crate::model::Dataset;

pub const REFERENCE: SourceFile<'static> =
    SourceFile { name: "data/reference.json", text: include_str!("../../data/reference.json") };
pub const EVENTS: SourceFile<'static> =
    SourceFile { name: "data/events.json", text: include_str!("../../data/events.json") };

/// The embedded dataset. It is checked by the test suite, so failing here is a build defect.
pub fn dataset() -> Dataset {
    match load(&[REFERENCE, EVENTS]) {
        Ok(d) => d,
        Err(problems) => panic!("the embedded dataset is invalid: {}", problems[0]),
    }
}
