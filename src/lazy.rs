//! The parts of the page that are not the first screen, loaded on demand.
//!
//! The site's release build (`cfg(hutong_split)`, see build.rs and scripts/split.sh) splits the
//! wasm: the first screen (header, explorer, network) is the main module, and each part below is a
//! chunk fetched when the page first needs it. A chunk is entered through one function that hands
//! back plain function pointers into it (`fn() -> AnyView` and the like), which the page then calls
//! under its own reactive owner. [`Deferred`] shows a loading line while a chunk is on its way and,
//! if it does not arrive, a message with a retry button (never a panic: the loader is the fallible
//! one).
//!
//! Every other build (tests, `trunk serve`) is one module: there the entry functions are ready at
//! once and [`Deferred`] renders its part in the same pass, as if nothing were deferred.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use hutong_core::{Dataset, Lang};
use leptos::prelude::*;

/// A chunk did not arrive (offline, a failed request, a server that lost the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(hutong_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> ChunkError {
        ChunkError
    }
}

/// The data chunk's entry points.
#[derive(Clone, Copy)]
pub struct DataChunk {
    /// The dataset panel (import, export, reset).
    pub panel: fn() -> AnyView,
    /// Reads the import saved in this browser: the dataset and its fingerprint, or the first
    /// problem's text.
    pub read_saved: fn(String) -> Result<(Dataset, String), String>,
}

/// Declares a chunk's entry function: split into module `$module` in the split build, an
/// ordinary (immediately ready) async function otherwise.
macro_rules! entry {
    ($(#[$doc:meta])* $module:ident: fn $name:ident() -> $t:ty $body:block) => {
        $(#[$doc])*
        #[cfg(hutong_split)]
        #[leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name() -> Result<$t, ChunkError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(hutong_split))]
        pub async fn $name() -> Result<$t, ChunkError> {
            Ok($body)
        }
    };
}

entry! {
    /// Everything but the first screen: the Leptos runtime and the components that fill the first
    /// screen's slots (`app::mount_parts`), each of which loads its own part when needed.
    shell: fn shell() -> fn(crate::page::Slots) {
        crate::app::mount_parts
    }
}

entry! {
    /// Filters, timeline, details and the event list.
    below: fn below_part() -> fn() -> AnyView {
        crate::app::below_view
    }
}

entry! {
    /// The simulation panel with its charts and exports.
    sim: fn sim() -> fn() -> AnyView {
        || leptos::view! { <crate::simpanel::SimPanel /> }.into_any()
    }
}

entry! {
    /// The dataset panel and the reading of a saved import (JSON, the loader, CSV, exports).
    data: fn data_part() -> DataChunk {
        DataChunk { panel: || leptos::view! { <crate::data::DataPanel /> }.into_any(), read_saved: crate::data::read_saved }
    }
}

/// The tools chunk's entry points (issue 15): the search, and "Cite this" for the journey answer
/// and for the view.
#[derive(Clone, Copy)]
pub struct ToolsChunk {
    pub search: fn() -> AnyView,
    pub cite_journey: fn() -> AnyView,
    pub cite_view: fn() -> AnyView,
}

entry! {
    /// The search box and its results, and "Cite this" for the journey answer and the view.
    tools: fn tools_part() -> ToolsChunk {
        ToolsChunk {
            search: || leptos::view! { <crate::search::Search /> }.into_any(),
            cite_journey: || leptos::view! { <crate::cite::Cite subject=crate::cite::Subject::Journey open=true /> }.into_any(),
            cite_view: || leptos::view! { <crate::cite::CiteView /> }.into_any(),
        }
    }
}

entry! {
    /// The generator of `?synthetic=N`'s dataset (scale tests, BENCHMARKS.md).
    synthetic: fn synthetic() -> fn(usize) -> Dataset {
        |n| hutong_core::synthetic::generate(n, 50, 1)
    }
}

// The parts that show the events' long texts (the details, the search, the exports) are entered
// once the texts are here (`texts.rs`; at once in a build that embeds them).

/// Filters, timeline, details and the event list, with the long texts.
pub async fn below() -> Result<fn() -> AnyView, ChunkError> {
    crate::texts::ensure().await?;
    below_part().await
}

/// The dataset panel, with the long texts (its exports and its reset carry them).
pub async fn data() -> Result<DataChunk, ChunkError> {
    crate::texts::ensure().await?;
    data_part().await
}

/// The data chunk for reading a saved import only (an import carries its own texts).
pub async fn data_for_saved() -> Result<DataChunk, ChunkError> {
    data_part().await
}

/// The search and "Cite this", with the long texts (the search reads them).
pub async fn tools() -> Result<ToolsChunk, ChunkError> {
    crate::texts::ensure().await?;
    tools_part().await
}

/// Polls a future once: its value if it is ready now.
fn now<F: Future>(f: Pin<&mut F>) -> Option<F::Output> {
    match f.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

#[derive(Clone, Copy)]
enum State<T> {
    Loading,
    Failed,
    Ready(T),
}

/// Shows `render(entry)` once the chunk's `load` has given its entry; a loading line until then,
/// and a message with a retry button if it fails. `what` names the part in those lines (Chinese,
/// English).
#[component]
pub fn Deferred<T, Fut, V>(
    load: fn() -> Fut,
    render: impl Fn(T) -> V + Send + 'static,
    what: [&'static str; 2],
    /// The language of the lines, when there is no `Ctx` yet (the saved import's loading).
    #[prop(optional)]
    lang: Option<Lang>,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ChunkError>> + 'static,
    V: IntoView + 'static,
{
    let state = RwSignal::new(State::Loading);
    let attempt = move || {
        let mut fut = Box::pin(load());
        match now(fut.as_mut()) {
            Some(Ok(entry)) => state.set(State::Ready(entry)),
            Some(Err(_)) => state.set(State::Failed),
            None => {
                state.set(State::Loading);
                leptos::task::spawn_local(async move {
                    let next = match fut.await {
                        Ok(entry) => State::Ready(entry),
                        Err(_) => State::Failed,
                    };
                    // The page may have been rebuilt meanwhile: then this part is gone.
                    let _ = state.try_set(next);
                });
            }
        }
    };
    attempt();
    let lang = part_lang(lang);
    // Only the loading itself depends on the chunk: the lines around it are built by one function
    // that every `Deferred` shares (generic, they were a copy of their views per chunk in the
    // first screen's module).
    let retry: Arc<dyn Fn() + Send + Sync> = Arc::new(attempt);
    move || match state.get() {
        State::Ready(entry) => untrack(|| render(entry)).into_any(),
        State::Loading => status_view(false, what, lang, retry.clone()),
        State::Failed => status_view(true, what, lang, retry.clone()),
    }
}

/// The language of a part's lines: the one given, else the page's.
fn part_lang(lang: Option<Lang>) -> Signal<Lang> {
    Signal::derive(move || lang.or_else(|| use_context::<crate::state::Ctx>().map(|c| c.lang())).unwrap_or_default())
}

/// The line shown while a part is on its way, or (`failed`) the message with a retry button.
fn status_view(
    failed: bool,
    what: [&'static str; 2],
    lang: Signal<Lang>,
    retry: Arc<dyn Fn() + Send + Sync>,
) -> AnyView {
    if !failed {
        let text = move || match lang.get() {
            Lang::Zh => format!("正在载入{}…", what[0]),
            Lang::En => format!("Loading {}…", what[1]),
        };
        return view! { <p class="chunk-loading" role="status" data-testid="chunk-loading" data-part=what[1]>{text}</p> }
            .into_any();
    }
    let text = move || match lang.get() {
        Lang::Zh => format!("{}未能载入（网络中断或文件缺失）。页面其他部分不受影响。", what[0]),
        Lang::En => format!(
            "The {} could not be loaded (the network failed or a file is missing). The rest of the page still works.",
            what[1]
        ),
    };
    let label = move || if lang.get() == Lang::Zh { "重试" } else { "Retry" };
    view! {
        <div class="chunk-error" role="alert" data-testid="chunk-error" data-part=what[1]>
            <p>{text}</p>
            <button class="small" data-testid="chunk-retry" on:click=move |_| retry()>{label}</button>
        </div>
    }
    .into_any()
}

/// Renders `children` once its place on the page comes near the viewport (within a screen's
/// height), or at once when `now` is true (an unstaged page: the component tests) or `wanted`
/// becomes true (a link that opens an event needs the part that shows it). Until then an empty
/// placeholder of `min_height` holds the place, so what is below does not jump when it arrives.
///
/// This is what "loaded when first needed" means for the parts below the first screen: a reader who
/// never scrolls to the simulation never downloads or runs it.
///
/// A part once shown stays shown when the page is rebuilt (an import replaces the dataset): its
/// code is already here, and the reader was already reading it.
#[component]
pub fn WhenNear(
    /// Which part: remembers that it has been shown.
    key: &'static str,
    now: bool,
    #[prop(optional, into)] wanted: Option<Signal<bool>>,
    /// The placeholder's CSS min-height, e.g. `"40rem"`.
    min_height: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    thread_local! {
        static SHOWN: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let near = RwSignal::new(now || SHOWN.with(|s| s.borrow().contains(&key)));
    Effect::new(move |_| {
        if near.get() {
            SHOWN.with(|s| s.borrow_mut().push(key));
        }
    });
    if let Some(wanted) = wanted {
        Effect::new(move |_| {
            // Only a change: setting `near` again re-runs the view below and rebuilds the whole
            // part (a click on a timeline mark rebuilt the timeline and lost the keyboard focus).
            if wanted.get() && !near.get_untracked() {
                near.set(true);
            }
        });
    }
    let placeholder = NodeRef::<leptos::html::Div>::new();
    // Observe the placeholder; disconnect once it has been seen (or the part is gone).
    Effect::new(move |_| {
        use wasm_bindgen::{closure::Closure, JsCast};
        if near.get_untracked() {
            return;
        }
        let Some(el) = placeholder.get() else { return };
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let seen =
                    entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                if seen {
                    observer.disconnect();
                    let _ = near.try_set(true);
                }
            },
        );
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin("100% 0px");
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
        {
            // It disconnects itself once the place is seen; a place removed unseen (the page rebuilt
            // for another dataset) is never intersecting again, so its callback stays idle.
            observer.observe(&el);
        } else {
            near.set(true); // no IntersectionObserver: load now
        }
        callback.forget();
    });
    move || {
        if near.get() {
            children().into_any()
        } else {
            view! { <div class="near-placeholder" node_ref=placeholder style:min-height=min_height></div> }.into_any()
        }
    }
}
