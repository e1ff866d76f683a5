//! The split points: the parts of the page that are not the first screen, each loaded on demand.
//! This is the crate's top module: it names the parts and hands them down as function pointers
//! (`hutong_page::page::Entries` for the first screen, [`crate::parts::Parts`] for the Leptos
//! parts), so that nothing below imports it.
//!
//! The site's release build (`cfg(hutong_split)`, see split_cfg.rs and scripts/split.sh) splits the
//! wasm: the first screen (header, explorer, network) is the main module; `shell` (the Leptos
//! runtime and what fills the first screen's slots) comes right after it; `rest` (everything below
//! the first screen) when the first place that needs it nears the viewport; `editor` (the event
//! editor's form) when a reader opens it; `synthetic` only for `?synthetic=N`. Few parts, because every part boundary costs bytes (calls through the table,
//! no inlining across it, shared chunks): with the timeline, simulation, dataset panel and tools
//! as four parts the whole page was 624 KB gzip, as one 576 KB (BENCHMARKS.md). A chunk is entered through one function that hands
//! back plain function pointers into it (`fn() -> AnyView` and the like), which the page then calls
//! under its own reactive owner. A chunk that does not arrive is an `Err` (the fallible loader:
//! never a panic, and not cached, so a retry fetches again). Every other build (tests,
//! `trunk serve`) is one module: there the entries are ready at once.

use hutong_core::Dataset;
use hutong_page::loader::{ChunkError, Loading};
use hutong_page::page::{Entries, Slots};
use leptos::prelude::{AnyView, IntoAny};

use crate::parts::{DataChunk, Parts, ToolsChunk};

/// Declares a chunk's entry function: split into module `$module` in the split build, an
/// ordinary (immediately ready) async function otherwise.
macro_rules! entry {
    ($(#[$doc:meta])* $module:ident: fn $name:ident() -> $t:ty $body:block) => {
        $(#[$doc])*
        #[cfg(hutong_split)]
        #[leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split)]
        fn $name() -> Result<$t, Failed> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(hutong_split))]
        async fn $name() -> Result<$t, Failed> {
            Ok($body)
        }
    };
}

/// A chunk did not arrive (the split loader's error, which `hutong-page` cannot name).
struct Failed;

#[cfg(hutong_split)]
impl From<leptos::wasm_split::SplitLoaderError> for Failed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Failed {
        Failed
    }
}

/// An entry as a part on its way.
macro_rules! loading {
    ($f:ident) => {
        Box::pin(async { $f().await.map_err(|Failed| ChunkError) })
    };
}

entry! {
    /// Everything but the first screen: the Leptos runtime and the components that fill the first
    /// screen's slots (`app::mount_parts`), each of which loads its own part when needed.
    shell: fn shell_part() -> fn(Slots) {
        // The parts' entries are named here, in the shell part: named by `register`, their code
        // (and the long texts' reader) would be the first screen's.
        |slots| {
            crate::parts::set(&PARTS);
            crate::app::mount_parts(slots)
        }
    }
}

/// The parts below the first screen, in one chunk: its entry points.
#[derive(Clone, Copy)]
struct Rest {
    below: fn() -> AnyView,
    sim: fn() -> AnyView,
    data: DataChunk,
    tools: ToolsChunk,
}

entry! {
    /// Everything below the first screen: filters, timeline, details, the event list, what the
    /// sources decide; the simulation; the dataset panel (JSON, the loader, CSV, exports); the
    /// search and "Cite this".
    rest: fn rest_part() -> Rest {
        Rest {
            below: crate::app::below_view,
            sim: || leptos::view! { <crate::simpanel::SimPanel /> }.into_any(),
            data: DataChunk { panel: || leptos::view! { <crate::data::DataPanel /> }.into_any(), read_saved: crate::data::read_saved },
            tools: ToolsChunk {
                search: || leptos::view! { <crate::search::Search /> }.into_any(),
                cite_journey: || leptos::view! { <crate::cite::Cite subject=crate::cite::Subject::Journey panel_only=true /> }.into_any(),
                cite_view: || leptos::view! { <crate::cite::CiteView /> }.into_any(),
            },
        }
    }
}

entry! {
    /// The event editor's form (issue 23), when a reader first opens it: most never do, and it is
    /// about a fifth of the page's code.
    editor: fn editor_part() -> fn(Option<String>) -> AnyView {
        crate::editor::form
    }
}

entry! {
    /// The generator of `?synthetic=N`'s dataset (scale tests, BENCHMARKS.md).
    synthetic: fn synthetic_part() -> fn(usize) -> Dataset {
        |n| hutong_core::synthetic::generate(n, 50, 1)
    }
}

fn shell() -> Loading<fn(Slots)> {
    loading!(shell_part)
}

fn synthetic() -> Loading<fn(usize) -> Dataset> {
    loading!(synthetic_part)
}

fn editor() -> Loading<fn(Option<String>) -> AnyView> {
    loading!(editor_part)
}

type ReadSaved = fn(String) -> Result<(Dataset, String), String>;

/// The data chunk for reading a saved import only (an import carries its own texts).
fn read_saved() -> Loading<ReadSaved> {
    Box::pin(async {
        let rest: Result<Rest, ChunkError> = loading!(rest_part).await;
        rest.map(|r| r.data.read_saved)
    })
}

fn sim() -> Loading<fn() -> AnyView> {
    Box::pin(async {
        let rest: Result<Rest, ChunkError> = loading!(rest_part).await;
        rest.map(|r| r.sim)
    })
}

// The parts that show the events' long texts (the details, the search, the exports) are entered
// once the texts are here (`hutong_page::texts`; at once in a build that embeds them).

fn below() -> Loading<fn() -> AnyView> {
    Box::pin(async {
        hutong_page::texts::ensure().await?;
        let rest: Result<Rest, ChunkError> = loading!(rest_part).await;
        rest.map(|r| r.below)
    })
}

fn data() -> Loading<DataChunk> {
    Box::pin(async {
        hutong_page::texts::ensure().await?;
        let rest: Result<Rest, ChunkError> = loading!(rest_part).await;
        rest.map(|r| r.data)
    })
}

fn tools() -> Loading<ToolsChunk> {
    Box::pin(async {
        hutong_page::texts::ensure().await?;
        let rest: Result<Rest, ChunkError> = loading!(rest_part).await;
        rest.map(|r| r.tools)
    })
}

static ENTRIES: Entries = Entries { shell, synthetic, read_saved };
static PARTS: Parts = Parts { below, sim, data, tools, editor };

/// The parts the first screen enters (the shell names the others when it arrives).
pub fn register() -> &'static Entries {
    &ENTRIES
}
