use std::sync::Arc;

use hutong_core::{Dataset, Lang};
use leptos::prelude::*;

use crate::details::Details;
use crate::explorer::Explorer;
use crate::filters::Filters;
use crate::i18n::strings;
use crate::network::Network;
use crate::simpanel::SimPanel;
use crate::state::{shown_events, use_ctx, Ctx};
use crate::timeline::Timeline;
use crate::url::{self, NoticeKind};

/// The whole page. It reads the view from the URL once, then keeps the URL in step with the view.
#[component]
pub fn App() -> impl IntoView {
    let query = window().location().search().unwrap_or_default();
    // `?synthetic=N` (1–20000) swaps in a generated dataset for scale tests (BENCHMARKS.md).
    let synthetic = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == "synthetic")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .filter(|n| (1..=20_000).contains(n));
    let data = Arc::new(match synthetic {
        Some(n) => hutong_core::synthetic::generate(n, 50, 1),
        None => hutong_core::embedded::dataset(),
    });
    let (view, notices) = url::parse(&query, &data);
    let ctx = Ctx::new(data, view, notices);
    provide_context(ctx);

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
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", if view.lang == Lang::Zh { "zh-CN" } else { "en" });
        }
    });

    view! { <Page /> }
}

/// The page's parts, under an already provided [`Ctx`] (tests mount this directly).
#[component]
pub fn Page() -> impl IntoView {
    let ctx = use_ctx();
    let s = move || strings(ctx.lang());
    let toggle_lang = move |_| ctx.view.update(|v| v.lang = if v.lang == Lang::Zh { Lang::En } else { Lang::Zh });
    view! {
        <header class="top">
            <div>
                <h1>{move || s().app_title}</h1>
                <p class="tagline">{move || s().tagline}</p>
            </div>
            <button class="lang" data-testid="lang-toggle" on:click=toggle_lang aria-label=move || s().language>
                {move || s().other_lang_label}
            </button>
        </header>
        <Notices />
        <main>
            <Explorer />
            <Network />
            <Filters />
            <div class="stage">
                <Timeline />
                <Details />
            </div>
            <EventList />
            <SimPanel />
        </main>
        <Footer />
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
                        ctx.notices.get().into_iter().map(|n| {
                            let what = match n.kind {
                                NoticeKind::Unknown => s.notice_unknown,
                                NoticeKind::Malformed => s.notice_malformed,
                            };
                            view! { <li>{what}": "<code>{format!("{}={}", n.param, n.value)}</code></li> }
                        }).collect_view()
                    }}
                </ul>
                <button on:click=move |_| ctx.notices.set(Vec::new())>{move || strings(ctx.lang()).dismiss}</button>
            </div>
        </Show>
    }
}

/// The shown events as a plain list: the same content as the timeline for screen readers and small
/// screens.
#[component]
fn EventList() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <details class="event-list">
            <summary>{move || strings(ctx.lang()).event_list}</summary>
            <ol>
                {move || {
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
                    }).collect_view()
                }}
            </ol>
        </details>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <footer>
            <p>
                {move || strings(ctx.lang()).dataset_version}": "
                <span data-testid="dataset-version">{move || ctx.data.with(|d: &Arc<Dataset>| d.version.clone())}</span>
            </p>
        </footer>
    }
}
