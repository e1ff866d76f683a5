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

/// The same without the events' summaries, notes and context quotes (`compact::without_texts`), for a first
/// screen that fetches them later (`compact::apply_texts` with [`texts`]'s bytes).
pub const FIRST_SCREEN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/first-screen.bin"));

/// The embedded dataset. It was checked when the crate was built, so failing here is a build defect.
pub fn dataset() -> Dataset {
    match crate::compact::decode(COMPACT) {
        Ok(d) => d,
        Err(e) => panic!("the embedded dataset is invalid: {e}"),
    }
}

/// The embedded dataset without its events' summaries and notes, nor the titles and quotes of
/// events that change no channel (see [`FIRST_SCREEN`]). A build
/// that only calls this carries only that form.
pub fn first_screen() -> Dataset {
    match crate::compact::decode(FIRST_SCREEN) {
        Ok(d) => d,
        Err(e) => panic!("the embedded dataset is invalid: {e}"),
    }
}

/// The summaries and notes [`first_screen`] lacks, as the file the site serves (`texts.bin`).
pub fn texts() -> Vec<u8> {
    crate::compact::encode_texts(&dataset())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_screen_and_the_texts_make_the_whole_dataset() {
        let mut d = super::first_screen();
        assert_ne!(d, super::dataset());
        crate::compact::apply_texts(&mut d, &super::texts()).unwrap();
        assert_eq!(d, super::dataset());
    }
}
