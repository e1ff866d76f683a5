//! [`Dataset`] → the JSON schema `load` reads (one file), and the dataset's fingerprint.
//!
//! `load(&[to_json(d)]) == d` for every valid dataset (`core/tests/import.rs`), so an export can
//! always be imported again, and an import can be stored and restored.

use serde::Serialize;

use crate::model::*;

#[derive(Serialize)]
struct Doc<'a> {
    format: &'static str,
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    licence: Option<&'a str>,
    owners: &'a [Owner],
    platforms: &'a [Platform],
    surfaces: &'a [Node],
    merchants: &'a [Node],
    instruments: &'a [Node],
    workarounds: &'a [Node],
    sources: &'a [Source],
    events: Vec<&'a EventRecord>,
}

/// The whole dataset as one JSON document, indented (one field a line, so problems have lines).
pub fn to_json(d: &Dataset) -> String {
    let doc = Doc {
        format: "hutong-dataset",
        version: &d.version,
        licence: d.licence.as_deref(),
        owners: &d.owners,
        platforms: &d.platforms,
        surfaces: &d.surfaces,
        merchants: &d.merchants,
        instruments: &d.instruments,
        workarounds: &d.workarounds,
        sources: &d.sources,
        events: d.events.iter().map(|e| &e.record).collect(),
    };
    // Serializing plain structs of strings, numbers and vectors cannot fail; the fallback is for the
    // type checker, not for a real case.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A short name for exactly this content: `version~hash` (8 hex digits of FNV-1a over the JSON).
/// Links carry it (`?dataset=`) so a reader learns when they have another dataset loaded.
pub fn fingerprint(d: &Dataset) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in to_json(d).bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}~{:08x}", d.version, hash >> 32)
}
