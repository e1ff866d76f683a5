//! The parts' entries, as the Leptos parts reach them: each a function that gives a part's entry
//! once its chunk is here (`hutong_page::loader::Loading`). The registry that makes them
//! (`lazy.rs`, the split points) is the crate's top module and names the parts; the parts name
//! only this, so nothing imports upward.

use std::cell::Cell;

use hutong_core::Dataset;
use hutong_page::loader::Loading;
use leptos::prelude::AnyView;

/// The data chunk's entry points.
#[derive(Clone, Copy)]
pub struct DataChunk {
    /// The dataset panel (import, export, reset).
    pub panel: fn() -> AnyView,
    /// Reads the import saved in this browser: the dataset and its fingerprint, or the first
    /// problem's text.
    pub read_saved: fn(String) -> Result<(Dataset, String), String>,
}

/// The tools chunk's entry points (issue 15): the search, and "Cite this" for the journey answer
/// and for the view.
#[derive(Clone, Copy)]
pub struct ToolsChunk {
    pub search: fn() -> AnyView,
    pub cite_journey: fn() -> AnyView,
    pub cite_view: fn() -> AnyView,
}

/// The parts the Leptos parts enter.
pub struct Parts {
    /// Filters, timeline, details, the event list and what the sources decide (with the long
    /// texts).
    pub below: fn() -> Loading<fn() -> AnyView>,
    /// The simulation panel.
    pub sim: fn() -> Loading<fn() -> AnyView>,
    /// The dataset panel (with the long texts).
    pub data: fn() -> Loading<DataChunk>,
    /// The search and "Cite this" (with the long texts).
    pub tools: fn() -> Loading<ToolsChunk>,
    /// The event editor's form, on an event of that id or a new one.
    pub editor: fn() -> Loading<fn(Option<String>) -> AnyView>,
}

thread_local! {
    static PARTS: Cell<Option<&'static Parts>> = const { Cell::new(None) };
}

/// Names the parts (`lazy::register`, before anything is mounted).
pub fn set(parts: &'static Parts) {
    PARTS.set(Some(parts));
}

pub fn get() -> &'static Parts {
    PARTS.get().expect("lazy::register names the parts before the page is mounted")
}

/// The parts' entries as `Deferred` loads them.
pub fn below() -> Loading<fn() -> AnyView> {
    (get().below)()
}

pub fn sim() -> Loading<fn() -> AnyView> {
    (get().sim)()
}

pub fn data() -> Loading<DataChunk> {
    (get().data)()
}

pub fn tools() -> Loading<ToolsChunk> {
    (get().tools)()
}

pub fn editor() -> Loading<fn(Option<String>) -> AnyView> {
    (get().editor)()
}
