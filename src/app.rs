use std::sync::Arc;

use hutong_core::{Dataset, Lang};
use leptos::prelude::*;

use crate::data::CopyLink;
use crate::details::Details;
use crate::explorer::Explorer;
use crate::filters::Filters;
use crate::i18n::strings;
use crate::lazy::{Deferred, WhenNear};
use crate::network::Network;
use crate::state::{shown_events, use_ctx, Ctx, Origin};
use crate::timeline::Timeline;
use crate::url::{self, NoticeKind};

/// The whole page. It reads the view from the URL once, then keeps the URL in step with the view.
#[component]
pub fn App() -> impl IntoView {
    let query = window().location().search().unwrap_or_default();
    let param = |name: &str| {
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v)
    };
    // `?synthetic=N` (1–20000) swaps in a generated dataset for scale tests (BENCHMARKS.md).
    let synthetic = param("synthetic").and_then(|v| v.parse::<usize>().ok()).filter(|n| (1..=20_000).contains(n));
    if param("reset-data").is_some() {
        crate::data::set_aside();
    }
    let lang = param("lang").and_then(|l| Lang::from_code(&l));
    // The dataset: synthetic when asked for, else the import saved in this browser, else embedded.
    if let Some(n) = synthetic {
        // Made by a chunk of its own: the generator is not part of the first screen.
        return view! {
            <Deferred load=crate::lazy::synthetic what=["生成的数据", "generated dataset"] lang=lang.unwrap_or_default()
                render={move |generate: fn(usize) -> hutong_core::Dataset|
                    start(query.clone(), synthetic, generate(n), Origin::Synthetic, None, None)} />
        }
        .into_any();
    }
    let Some(text) = crate::data::saved_text() else {
        return start(query, None, crate::texts::embedded(), Origin::Embedded, None, None);
    };
    // A saved import is read by the data chunk (the JSON reader is not part of the first screen).
    view! {
        <Deferred load=crate::lazy::data_for_saved what=["你导入的数据", "imported dataset"] lang=lang.unwrap_or_default()
            render={move |chunk: crate::lazy::DataChunk| match (chunk.read_saved)(text.clone()) {
                Ok((data, fingerprint)) => start(query.clone(), None, data, Origin::Imported, None, Some(fingerprint)),
                Err(problem) => start(query.clone(), None, crate::texts::embedded(), Origin::Embedded, Some(problem), None),
            }} />
    }
    .into_any()
}

/// The page over its dataset: the view read from the URL, the shared [`Ctx`], and the URL and
/// `<html lang>` kept in step. `fingerprint` is the imported dataset's; `saved_problem` says why a
/// saved import could not be read.
fn start(
    query: String,
    synthetic: Option<usize>,
    data: Dataset,
    origin: Origin,
    saved_problem: Option<String>,
    fingerprint: Option<String>,
) -> AnyView {
    let param = |name: &str| {
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v)
    };
    let (mut view, mut notices) = url::parse(&query, &data);
    // The link says which dataset it needs; tell the reader when it is not the one in use.
    // Only an import is named by its fingerprint (a synthetic dataset by its size in the URL).
    let have = fingerprint.filter(|_| origin == Origin::Imported);
    // A bare address (no view in it) was not made with any dataset: no notice then.
    let bare = query.trim_start_matches('?').is_empty();
    if origin != Origin::Synthetic && !bare && view.dataset != have {
        let value = view.dataset.clone().unwrap_or_default();
        notices.push(url::Notice { param: "dataset".into(), value, kind: NoticeKind::OtherDataset });
    }
    if let Some(problem) = saved_problem {
        notices.push(url::Notice { param: String::new(), value: problem, kind: NoticeKind::SavedUnreadable });
    }
    view.dataset = have;
    let ctx = Ctx::new(Arc::new(data), view, notices);
    ctx.origin.set(origin);
    crate::texts::watch(ctx.data, ctx.origin);
    provide_context(ctx);
    if param("debug-panic").is_some() {
        // For the end-to-end test of the crash message (crash.rs): a panic after the page is up.
        request_animation_frame(|| panic!("debug-panic was asked for in the URL"));
    }

    // Sync outward only: the URL and the document language follow the view.
    Effect::new(move |_| {
        let view = ctx.view.get();
        let mut query = url::to_query(&view);
        if let Some(n) = synthetic {
            query.push_str(&format!("&synthetic={n}"));
        }
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query));
        }
        // Only when it changes: writing `lang` on <html> makes the browser restyle the whole page
        // (thousands of marks and edges with a large dataset), even when the value is the same.
        if let Some(root) = document().document_element() {
            let lang = if view.lang == Lang::Zh { "zh-CN" } else { "en" };
            if root.get_attribute("lang").as_deref() != Some(lang) {
                let _ = root.set_attribute("lang", lang);
            }
        }
    });

    // The page's own header replaces the static introduction of index.html once it is drawn.
    request_animation_frame(|| {
        if let Some(intro) = document().get_element_by_id("intro") {
            intro.remove();
        }
    });
    view! { <Page staged=true /> }.into_any()
}

/// The page's parts, under an already provided [`Ctx`] (tests mount this directly).
///
/// `staged`: the first screen (the explorer and the network) is built and shown first, and what
/// lies below it (filters, timeline, event list, simulation, data panel, footer) in a task after
/// that first frame: the curated page's first frame comes nearly a third sooner (BENCHMARKS.md,
/// Load). Without it, everything is built at once (the component tests, which assert right after
/// mounting).
#[component]
pub fn Page(#[prop(optional)] staged: bool) -> impl IntoView {
    let ctx = use_ctx();
    // Staged: the explorer in the first task; the network in a task after that frame (its channel
    // timelines and drawing were half of one long start task on a slow phone); then what lies
    // below, each part when its place nears the viewport.
    let network = RwSignal::new(!staged);
    let below = RwSignal::new(!staged);
    if staged {
        crate::slices::after_next_frame(move || {
            network.set(true);
            crate::slices::after_next_frame(move || below.set(true));
        });
    }
    let s = move || strings(ctx.lang());
    let toggle_lang = move |_| ctx.view.update(|v| v.lang = if v.lang == Lang::Zh { Lang::En } else { Lang::Zh });
    let embed = ctx.view.with_untracked(|v| v.embed);
    if embed {
        return view! { <Embedded /> }.into_any();
    }
    view! {
        <header class="top">
            <div>
                <h1>{move || s().app_title}</h1>
                <p class="tagline">{move || s().tagline}</p>
            </div>
            <div class="top-controls">
                <CopyLink />
                // Its accessible name is the word it shows (the other language, in that language).
                <button class="lang" data-testid="lang-toggle" on:click=toggle_lang>
                    {move || s().other_lang_label}
                </button>
            </div>
        </header>
        <Notices />
        // Stories, the theme switch and printing (the `story` chunk), in a slot that keeps its
        // height from the first frame so that nothing below moves when they arrive.
        // A region of its own (every part of the page is in a landmark).
        <div class="toolbar" data-testid="toolbar" role="region" aria-label=move || crate::i18n::story_strings(ctx.lang()).toolbar>
            {move || below.get().then(|| view! { <Deferred load=crate::lazy::story what=["导览", "stories"] render=call /> })}
        </div>
        // Everything below is built anew when the dataset changes (an import or a reset).
        {move || {
            ctx.data.track();
            view! {
                <main>
                    <Explorer />
                    <Show when=move || below.get()>
                        <CiteJourney />
                    </Show>
                    <Show when=move || network.get() fallback=|| view! { <div class="network-placeholder"></div> }>
                        <Network />
                    </Show>
                    <Show when=move || below.get()>
                        // Each part is fetched and built when its place nears the viewport (or a
                        // link opens an event or a search, which the timeline's part shows): a
                        // reader who never scrolls to the simulation never downloads or runs it.
                        <WhenNear key="below" now=!staged min_height="40rem" wanted=Signal::derive(move || ctx.view.with(|v| v.event.is_some() || !v.q.is_empty()))>
                            <Deferred load=crate::lazy::below what=["时间轴与事件", "timeline and events"] render=call />
                        </WhenNear>
                        <WhenNear key="sim" now=!staged min_height="40rem">
                            <Deferred load=crate::lazy::sim what=["模拟", "simulation"] render=call />
                        </WhenNear>
                    </Show>
                </main>
            }
        }}
        <Show when=move || below.get()>
            <WhenNear key="data" now=!staged min_height="12rem">
                <Deferred load=crate::lazy::data what=["数据面板", "dataset panel"] render=data_panel />
            </WhenNear>
            <Footer now=!staged />
        </Show>
    }
    .into_any()
}

/// `?embed=1`: the explorer's answer and the network, for an iframe, with a way to the full view.
#[component]
fn Embedded() -> impl IntoView {
    let ctx = use_ctx();
    let full = move || {
        let view = url::ViewState { embed: false, ..ctx.view.get() };
        let href = window().location();
        format!("{}{}", href.pathname().unwrap_or_default(), url::to_query(&view))
    };
    view! {
        <div class="embedded" data-testid="embed">
            <header class="top compact">
                <h1>{move || strings(ctx.lang()).app_title}</h1>
                <a data-testid="embed-link" href=full target="_blank" rel="noopener">
                    {move || crate::i18n::data_strings(ctx.lang()).open_full}" ↗"
                </a>
            </header>
            <Notices />
            <main>
                <Network />
                <Explorer />
            </main>
            <Footer />
        </div>
    }
}

/// What the URL asked for that could not be given, said politely, with a way to dismiss it.
#[component]
fn Notices() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <Show when=move || ctx.notices.with(|n| !n.is_empty())>
            <div class="notices" role="status" data-testid="url-notice">
                <ul>
                    {move || {
                        let s = strings(ctx.lang());
                        let w = crate::i18n::data_strings(ctx.lang());
                        let have = ctx.data.with(|d| d.version.clone());
                        ctx.notices.get().into_iter().map(|n| {
                            let what = match n.kind {
                                NoticeKind::Unknown => s.notice_unknown,
                                NoticeKind::Malformed => s.notice_malformed,
                                NoticeKind::OtherDataset if n.value.is_empty() => {
                                    return view! { <li data-notice="dataset">{w.other_dataset_embedded.replace("{have}", &have)}</li> }.into_any();
                                }
                                NoticeKind::OtherDataset => {
                                    let have = if ctx.origin.get() == Origin::Embedded { w.embedded.to_string() } else { have.clone() };
                                    let text = w.other_dataset.replace("{want}", &n.value).replace("{have}", &have);
                                    return view! { <li data-notice="dataset">{text}</li> }.into_any();
                                }
                                NoticeKind::SavedUnreadable => {
                                    return view! { <li data-notice="saved">{w.saved_unreadable.replace("{e}", &n.value)}</li> }.into_any();
                                }
                            };
                            view! { <li>{what}": "<code>{format!("{}={}", n.param, n.value)}</code></li> }.into_any()
                        }).collect_view()
                    }}
                </ul>
                <button on:click=move |_| ctx.notices.set(Vec::new())>{move || strings(ctx.lang()).dismiss}</button>
            </div>
        </Show>
    }
}

/// Draws a part whose entry is its view.
pub fn call(view: fn() -> AnyView) -> AnyView {
    view()
}

fn data_panel(chunk: crate::lazy::DataChunk) -> AnyView {
    (chunk.panel)()
}

/// A part of the tools chunk (issue 15). One type for all three, so the page has one `Deferred` for
/// them.
type ToolPart = fn(crate::lazy::ToolsChunk) -> AnyView;

fn search(tools: crate::lazy::ToolsChunk) -> AnyView {
    (tools.search)()
}

/// "Cite this answer", after the explorer: a button that fetches the tools chunk when pressed (a
/// reader who never cites downloads nothing), then the citation from that chunk, open.
#[component]
fn CiteJourney() -> impl IntoView {
    let ctx = use_ctx();
    let asked = RwSignal::new(false);
    move || {
        if asked.get() {
            return view! { <Deferred load=crate::lazy::tools what=["引用", "citation"] render=cite_journey as ToolPart /> }
                .into_any();
        }
        let label = move || if ctx.lang() == Lang::Zh { "引用这个回答" } else { "Cite this answer" };
        view! {
            <div class="citation citation-journey">
                <button class="small cite-button" data-testid="cite-journey" aria-expanded="false" on:click=move |_| asked.set(true)>
                    "❝ "{label}
                </button>
            </div>
        }
        .into_any()
    }
}

fn cite_journey(tools: crate::lazy::ToolsChunk) -> AnyView {
    (tools.cite_journey)()
}

fn cite_view(tools: crate::lazy::ToolsChunk) -> AnyView {
    (tools.cite_view)()
}

/// What lies below the first screen in `<main>` (the `below` chunk): filters, the timeline with the
/// details beside it, and the event list.
pub fn below_view() -> AnyView {
    view! {
        <Deferred load=crate::lazy::tools what=["搜索", "search"] render=search as ToolPart />
        <Filters />
        <div class="stage">
            <Timeline />
            <Details />
        </div>
        <EventList />
    }
    .into_any()
}

/// The shown events as a plain list: the same content as the timeline for screen readers and small
/// screens.
#[component]
fn EventList() -> impl IntoView {
    let ctx = use_ctx();
    // Built only while open: with a large imported dataset, thousands of hidden rows would slow
    // the page's start for nothing.
    let open = RwSignal::new(false);
    view! {
        <details class="event-list" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let is_open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
            open.set(is_open);
        }>
            <summary>{move || strings(ctx.lang()).event_list}</summary>
            <ol>
                {move || {
                    if !open.get() {
                        return Vec::new();
                    }
                    let lang = ctx.lang();
                    let data = ctx.data.get();
                    let view = ctx.view.get();
                    shown_events(&data, &view).into_iter().map(|i| {
                        let e = &data.events[i];
                        let id = e.id.clone();
                        view! {
                            <li>
                                <button class="link" on:click=move |_| ctx.view.update(|v| v.event = Some(id.clone()))>
                                    <span class="list-date">{crate::fmt::date(&e.date, lang)}</span>" "
                                    {e.title.get(lang).to_string()}
                                </button>
                            </li>
                        }
                    }).collect::<Vec<_>>()
                }}
            </ol>
        </details>
    }
}

#[component]
fn Footer(
    /// The view's citation at once (an unstaged page), not when the footer nears the viewport.
    #[prop(optional)]
    now: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <footer>
            <p>
                {move || strings(ctx.lang()).dataset_version}": "
                <span data-testid="dataset-version">{move || ctx.data.with(|d: &Arc<Dataset>| d.version.clone())}</span>
            </p>
            <WhenNear key="cite-view" now=now min_height="2rem">
                <Deferred load=crate::lazy::tools what=["引用", "citation"] render=cite_view as ToolPart />
            </WhenNear>
        </footer>
    }
}
