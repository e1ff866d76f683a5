use std::sync::Arc;

use hutong_core::Dataset;
use leptos::prelude::*;

use crate::deferred::{Deferred, WhenNear};
use crate::details::Details;
use crate::filters::Filters;
use crate::i18n::strings;
use crate::page::Slots;
use crate::parts::{DataChunk, ToolsChunk};
use crate::state::{shown_events, use_ctx, Ctx};
use crate::timeline::Timeline;

/// The parts of the page that are not its first screen, in the slots the first screen left for
/// them (`hutong_page::page`): this is the `shell` part's entry (`lazy.rs`), so that the Leptos runtime
/// and every component are not part of the first load. They share one [`Ctx`], a read-only
/// projection of the store (`Ctx::from_store`).
pub fn mount_parts(slots: Slots) {
    // What would decide an undecided answer, under the explorer's verdict (issue 23).
    crate::explorer::install_decider(crate::decide::fill);
    // What is in the viewport: the first screen draws what is out of it after the paint.
    crate::state::install_seen();
    // The first mount starts Leptos (its executor) and owns the others, so that they share its
    // context.
    let notices = slots.notices.clone();
    mount(&notices, move || {
        let ctx = Ctx::from_store();
        provide_context(ctx);
        let now = !slots.staged;
        if now {
            mount_toolbar(&slots);
            mount_others(&slots, ctx, now);
        } else {
            // On the site, in tasks of their own: the toolbar, then the rest (one task for all of
            // it is a long task on a slow phone; they share this owner and so the context).
            let owner = Owner::current().expect("mounted under an owner");
            crate::store::in_turn(move || {
                owner.with(|| mount_toolbar(&slots));
                crate::store::in_turn(move || owner.with(|| mount_others(&slots, ctx, now)));
            });
        }
    });
}

/// The toolbar: stories, the theme switch, the evidence sheet.
fn mount_toolbar(slots: &Slots) {
    if !slots.embed {
        // In the shell part itself (as a part of its own it was another fetch, and another set of
        // chunks for the code it shares with the other parts).
        mount(&slots.toolbar, crate::story::bar);
    }
}

/// Everything but the notices and the toolbar.
fn mount_others(slots: &Slots, ctx: Ctx, now: bool) {
    {
        mount(&slots.footer, move || view! { <Footer now=now /> });
        if let Some((details, slot)) = &slots.network_table {
            let details = details.clone();
            mount(slot, move || view! { <crate::network_table::NetworkTableSlot details=details /> });
        }
        if slots.embed {
            parts_in(slots);
            return;
        }
        if let Ok(Some(button)) = slots.cite.query_selector("button") {
            mount(&slots.cite, move || view! { <CiteJourney button=button /> });
        }
        // Each part is fetched and built when its place nears the viewport (or a link opens an
        // event or a search, which the timeline's part shows): a reader who never scrolls to the
        // simulation never downloads or runs it. Built anew when the dataset changes (an import or
        // a reset).
        mount_below(&slots.below, ctx, move || {
            move || {
                ctx.data.track();
                view! {
                    <WhenNear key="below" now=now min_height="40rem" wanted=Signal::derive(move || ctx.view.with(|v| v.event.is_some() || !v.q.is_empty() || v.questions.is_some()))>
                        <Deferred load=crate::parts::below what=["时间轴与事件", "timeline and events"] render=call />
                    </WhenNear>
                }
            }
        });
        mount_below(&slots.sim, ctx, move || {
            move || {
                ctx.data.track();
                view! {
                    <WhenNear key="sim" now=now min_height="40rem">
                        <Deferred load=crate::parts::sim what=["模拟", "simulation"] render=call />
                    </WhenNear>
                }
            }
        });
        mount_below(&slots.data, ctx, move || {
            view! {
                <WhenNear key="data" now=now min_height="12rem">
                    <Deferred load=crate::parts::data what=["数据面板", "dataset panel"] render=data_panel />
                </WhenNear>
            }
        });
        parts_in(slots);
    }
}

/// Says on the page's root that every slot has its part (`data-parts="in"`; each part may still be
/// waiting for its place to near the viewport): what a script that reads through the page waits
/// for first (tests/e2e/harness.mjs).
fn parts_in(slots: &Slots) {
    let _ = slots.root.set_attribute("data-parts", "in");
}

/// Mounts a view at the end of a slot, for the page's life.
fn mount<V: IntoView + 'static>(slot: &web_sys::Element, view: impl FnOnce() -> V + 'static) {
    use wasm_bindgen::JsCast;
    leptos::mount::mount_to(slot.clone().unchecked_into(), view).forget();
}

/// Mounts a part below the first screen (a slot `page.rs` marks `data-late`): out of view and out
/// of focus, it follows a change of the view after the page has painted (`Ctx::following`).
fn mount_below<V: IntoView + 'static>(slot: &web_sys::Element, ctx: Ctx, view: impl FnOnce() -> V + 'static) {
    let place = slot.clone();
    mount(slot, move || {
        provide_context(ctx.following(place));
        view()
    });
}

/// Draws a part whose entry is its view.
pub fn call(view: fn() -> AnyView) -> AnyView {
    view()
}

fn data_panel(chunk: DataChunk) -> AnyView {
    (chunk.panel)()
}

/// A part of the tools chunk (issue 15). One type for all three, so the page has one `Deferred` for
/// them.
type ToolPart = fn(ToolsChunk) -> AnyView;

fn search(tools: ToolsChunk) -> AnyView {
    (tools.search)()
}

/// The citation of "Cite this answer" (the first screen's button, `aria-expanded`): while the
/// button says open, the citation from the tools chunk, which is fetched when the button is
/// first pressed (a reader who never cites downloads nothing).
#[component]
fn CiteJourney(button: web_sys::Element) -> impl IntoView {
    let is_open = |b: &web_sys::Element| b.get_attribute("aria-expanded").as_deref() == Some("true");
    let open = RwSignal::new(is_open(&button));
    let watched = button.clone();
    // After the first screen's own listener, which turned the attribute.
    crate::html::on(
        button.as_ref(),
        "click",
        Box::new(move |_| {
            let _ = open.try_set(is_open(&watched));
        }),
    );
    view! {
        <Show when=move || open.get()>
            <Deferred load=crate::parts::tools what=["引用", "citation"] render=cite_journey as ToolPart />
        </Show>
    }
}

fn cite_journey(tools: ToolsChunk) -> AnyView {
    (tools.cite_journey)()
}

fn cite_view(tools: ToolsChunk) -> AnyView {
    (tools.cite_view)()
}

/// What lies below the first screen in `<main>` (in the `rest` part): filters, the timeline with the
/// details beside it, the event list, and what the sources decide (`decided.rs`).
pub fn below_view() -> AnyView {
    view! {
        <Deferred load=crate::parts::tools what=["搜索", "search"] render=search as ToolPart />
        <Filters />
        <div class="stage">
            <Timeline />
            <Details />
        </div>
        <EventList />
        <crate::decided::Decided />
        <crate::agenda::Agenda />
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
            <summary>{move || strings(ctx.lang()).event_list()}</summary>
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
                                <button class="link" on:click=move |_| ctx.update_view(|v| v.event = Some(id.clone()))>
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
                {move || strings(ctx.lang()).dataset_version()}": "
                <span data-testid="dataset-version">{move || ctx.data.with(|d: &Arc<Dataset>| d.version.clone())}</span>
            </p>
            <WhenNear key="cite-view" now=now min_height="2rem">
                <Deferred load=crate::parts::tools what=["引用", "citation"] render=cite_view as ToolPart />
            </WhenNear>
        </footer>
    }
}
