//! The curated dataset, compiled in. Its files live in `data/` at the repository root; `build.rs`
//! checks them with the loader when the crate is built and ships them in the compact form
//! (`compact.rs`), so reading them here needs neither JSON nor the loader.

use crate::load::SourceFile;
use crate::model::Dataset;

/// The JSON texts (the source of the compact form; for tests and the example files).
pub const REFERENCE: SourceFile<'static> =
    SourceFile { name: "data/reference.json", text: include_str!("../../data/reference.json") };
pub const EVENTS: SourceFile<'static> =
    SourceFile { name: "data/events.json", text: include_str!("../../data/events.json") };

/// The dataset as `build.rs` checked and wrote it.
pub const COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.bin"));

/// The embedded dataset. It was checked when the crate was built, so failing here is a build defect.
pub fn dataset() -> Dataset {
    match crate::compact::decode(COMPACT) {
        Ok(d) => d,
        Err(e) => panic!("the embedded dataset is invalid: {e}"),
    }
}
