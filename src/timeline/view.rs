use leptos::prelude::*;

use super::layout::{layout, Config, Mark, Scale, Shape};
use crate::i18n::{kind_id, kind_name, strings};
use crate::state::{shown_events, use_ctx};

/// The events on a time axis, one lane per kind, each mark focusable and clickable.
#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = use_ctx();
    let config = Config::default();
    // The scale spans the whole dataset, so filtering never moves a mark.
    let scale = Memo::new(move |_| ctx.data.with(|d| Scale::for_events(d.events.iter(), &config)));
    // Narrow memos: a change of the journey's date must not redraw every mark.
    let filters = Memo::new(move |_| ctx.view.with(|v| (v.kinds.clone(), v.actor.clone())));
    let selected_event = Memo::new(move |_| ctx.view.with(|v| v.event.clone()));
    let off_events = Memo::new(move |_| ctx.view.with(|v| v.off.clone()));
    let drawn = Memo::new(move |_| {
        let data = ctx.data.get();
        let (kinds, actor) = filters.get();
        let view = crate::url::ViewState { kinds, actor, ..ctx.view.get_untracked() };
        let shown = shown_events(&data, &view);
        let events: Vec<_> = shown.iter().map(|&i| &data.events[i]).collect();
        let l = layout(&events, &view.kinds, scale.get(), &config);
        (shown, l)
    });
    let select = move |id: String| ctx.update_view(|v| v.event = Some(id));
    // The selected mark is marked in place: a click no longer rebuilds every mark (10,000 of them
    // with a large dataset).
    let marks_ref = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        let selected = selected_event.get();
        drawn.track();
        let Some(marks) = marks_ref.get() else { return };
        let marks: &web_sys::Element = &marks;
        if let Ok(Some(old)) = marks.query_selector(".mark.selected") {
            let _ = old.class_list().remove_1("selected");
        }
        if let Some(id) = selected {
            if let Ok(Some(mark)) = marks.query_selector(&format!("[data-event-id=\"{}\"]", css_string(&id))) {
                let _ = mark.class_list().add_1("selected");
            }
        }
    });
    // The switched-off events are marked in place too: a "what if" rebuilt every mark.
    Effect::new(move |_| {
        let off = off_events.get();
        drawn.track();
        let Some(marks) = marks_ref.get() else { return };
        let marks: &web_sys::Element = &marks;
        let Ok(list) = marks.query_selector_all("[data-event-id]") else { return };
        for k in 0..list.length() {
            use wasm_bindgen::JsCast;
            let Some(mark) = list.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let is_off = mark.get_attribute("data-event-id").is_some_and(|id| off.contains(&id));
            let _ = mark.class_list().toggle_with_force("off", is_off);
        }
    });
    // A new language rewrites the marks' labels in place (issue 24: rebuilding every mark was most
    // of a language switch's work).
    Effect::new(move |built: Option<hutong_core::Lang>| {
        let lang = ctx.lang();
        if built.is_some_and(|b| b != lang) {
            relabel(marks_ref.get_untracked().as_deref(), &ctx.data.get_untracked(), lang);
        }
        lang
    });
    let width = config.left + config.width + 16.0;
    let day = Memo::new(move |_| ctx.view.with(|v| v.date));
    let cursor = move || drawn.with(|(_, l)| l.scale.x(day.get()));
    // Where the drawing is wider than its box (a phone), the box is scrolled to the opened event's
    // mark, or else to the day's cursor, when that is out of sight: a story's step or a link to an
    // event in 2020 no longer shows 2004. After the paint, when the layout is there to read.
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (selected, day) = (selected_event.get(), day.get());
        let (x0, x1) = drawn.with(|(_, l)| {
            let mark = selected.as_ref().and_then(|id| l.marks.iter().find(|m| &m.id == id));
            mark.map_or_else(|| (l.scale.x(day), l.scale.x(day)), |m| (m.x0, m.x1))
        });
        let Some(scroll) = scroll_ref.get_untracked() else { return };
        let scroll: web_sys::Element = scroll.into();
        crate::store::after_paint(move || show_in_box(&scroll, x0 / width, x1 / width));
    });

    view! {
        <figure class="timeline">
            <div class="timeline-scroll" node_ref=scroll_ref>
                <svg
                    class="timeline-svg"
                    role="group"
                    aria-label=move || strings(ctx.lang()).timeline()
                    viewBox=move || format!("0 0 {width} {}", drawn.with(|(_, l)| l.height))
                    data-testid="timeline"
                >
                    {move || {
                        let lang = ctx.lang();
                        let (_, l) = drawn.get();
                        let bottom = l.height - 20.0;
                        let ticks = l.scale.year_ticks(2).into_iter().map(|t| view! {
                            <line class="tick" x1=t.x x2=t.x y1=18.0 y2=bottom />
                            {t.labelled.then(|| view! { <text class="tick-label" x=t.x y=14.0>{t.year}</text> })}
                        }).collect_view();
                        let lanes = l.lanes.iter().map(|lane| {
                            let label = match lane.kind {
                                Some(k) => kind_name(k, lang),
                                None => strings(lang).undated(),
                            };
                            let class = format!("lane lane-{}", lane.kind.map_or("undated", kind_id));
                            view! {
                                <rect class=class x=0.0 y=lane.y - 3.0 width=width height=lane.height + 6.0 />
                                <text class="lane-label" x=6.0 y=lane.y + 11.0>{label}</text>
                            }
                        }).collect_view();
                        view! {
                            <g class="axis">{ticks}</g>
                            <g class="lanes">{lanes}</g>
                        }
                    }}
                    // The day's cursor moves alone: the axis and the lanes (text to shape) are not
                    // redrawn at a change of the view (a day, a journey, an event opened).
                    <line class="date-cursor" x1=cursor x2=cursor y1=16.0 y2=move || drawn.with(|(_, l)| l.height - 20.0) />
                    // One click and one key handler for all marks (event delegation): with thousands of
                    // events, two closures a mark cost more to build than the marks themselves.
                    <g class="marks" node_ref=marks_ref on:mouseover=move |ev| title_on_hover(ev.target()) on:click=move |ev| {
                        if let Some(id) = mark_id(ev.target()) { select(id) }
                    } on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            if let Some(id) = mark_id(ev.target()) {
                                ev.prevent_default();
                                select(id);
                            }
                        }
                    }>
                        {move || {
                            // Built in the language of the moment, not rebuilt when it changes: the
                            // labels are rewritten in place then (below).
                            let lang = ctx.lang_untracked();
                            let data = ctx.data.get();
                            // Marked as built; a change of the switched-off events is marked in place (below).
                            let off_ids = off_events.get_untracked();
                            let (shown, l) = drawn.get();
                            // Up to a thousand marks are built at once; more are built in slices, one
                            // slice a task after the first paint, so that a dataset of 10,000 events
                            // shows its page (and plays) without waiting for every mark.
                            let ready = crate::slices::ready(l.marks.len(), 1000);
                            let slices: Vec<Vec<Mark>> = l.marks.chunks(crate::slices::SLICE).map(|c| c.to_vec()).collect();
                            let shown = std::sync::Arc::new(shown);
                            slices.into_iter().enumerate().map(|(k, slice)| {
                                let data = data.clone();
                                let off_ids = off_ids.clone();
                                let shown = shown.clone();
                                let visible = Memo::new(move |_| ready.get() > k);
                                view! {
                                    <g>{move || visible.get().then(|| {
                                        slice.iter().map(|m| {
                                            let event = &data.events[shown[m.index]];
                                            let label = format!("{} — {}", crate::fmt::date(&event.date, lang), event.title.get(lang));
                                            // Selected when built; later selections are marked in place (the effect above).
                                            let selected = selected_event.with_untracked(|s| s.as_deref() == Some(m.id.as_str()));
                                            let class = format!(
                                                "mark kind-{}{}{}{}{}",
                                                kind_id(event.kind),
                                                if off_ids.contains(&event.id) { " off" } else { "" },
                                                if m.open_start { " open-start" } else { "" },
                                                if m.open_end { " open-end" } else { "" },
                                                if selected { " selected" } else { "" },
                                            );
                                            let shape = match m.shape {
                                                Shape::Dot => view! { <circle cx=m.x0 cy=m.y r=config.radius /> }.into_any(),
                                                Shape::Span => view! {
                                                    <rect x=m.x0 y=m.y - 4.0 width=m.x1 - m.x0 height=8.0 rx=3.0 />
                                                }.into_any(),
                                            };
                                            view! {
                                                <g
                                                    class=class
                                                    data-testid="event"
                                                    data-event-id=m.id.clone()
                                                    role="button"
                                                    tabindex="0"
                                                    aria-label=label
                                                >
                                                    {shape}
                                                </g>
                                            }
                                        }).collect_view()
                                    })}</g>
                                }
                            }).collect_view()
                        }}
                    </g>
                </svg>
            </div>
            <figcaption class="legend">
                <span class="legend-dot"></span>{move || strings(ctx.lang()).legend_point()}
                <span class="legend-span"></span>{move || strings(ctx.lang()).legend_span()}
                <span class="legend-open"></span>{move || strings(ctx.lang()).legend_open()}
            </figcaption>
        </figure>
    }
}

/// Scrolls `scroll` so that the span from `a` to `b` (fractions of its content's width) is in
/// sight, centred, unless it is already (with a little room) or the box does not scroll.
fn show_in_box(scroll: &web_sys::Element, a: f64, b: f64) {
    let (shown, total) = (f64::from(scroll.client_width()), f64::from(scroll.scroll_width()));
    if shown <= 0.0 || total <= shown {
        return;
    }
    let (a, b, left) = (a * total, b * total, f64::from(scroll.scroll_left()));
    const ROOM: f64 = 24.0;
    if a >= left + ROOM && b <= left + shown - ROOM {
        return;
    }
    scroll.set_scroll_left(((a + b - shown) / 2.0).round() as i32);
}

/// A mark's tooltip is written when the pointer first comes to it: its name is already the label.
/// Writes every drawn mark's label in `lang` (a mark's tooltip follows its label on the next hover).
fn relabel(marks: Option<&web_sys::Element>, data: &hutong_core::Dataset, lang: hutong_core::Lang) {
    let Some(list) = marks.and_then(|m| m.query_selector_all("[data-event-id]").ok()) else { return };
    for k in 0..list.length() {
        use wasm_bindgen::JsCast;
        let Some(mark) = list.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let id = mark.get_attribute("data-event-id").unwrap_or_default();
        if let Some(event) = data.event(&id) {
            let label = format!("{} — {}", crate::fmt::date(&event.date, lang), event.title.get(lang));
            let _ = mark.set_attribute("aria-label", &label);
        }
    }
}

fn title_on_hover(target: Option<web_sys::EventTarget>) {
    use wasm_bindgen::JsCast;
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Ok(Some(mark)) = element.closest("[data-event-id]") else { return };
    if let Some(label) = mark.get_attribute("aria-label") {
        crate::html::set_svg_title(&mark, &label);
    }
}

/// An id quoted for a CSS attribute selector.
fn css_string(id: &str) -> String {
    id.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The event id of the mark an event happened in (the mark itself or its shape).
fn mark_id(target: Option<web_sys::EventTarget>) -> Option<String> {
    use wasm_bindgen::JsCast;
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    element.closest("[data-event-id]").ok()??.get_attribute("data-event-id")
}
