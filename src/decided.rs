//! "What the sources decide": the ledger of decided verdicts (`hutong_core::ledger`) for the dataset
//! in use, a year at a time, filterable by surface, merchant and instrument. Each row says its
//! verdict with how it is known (the words of `i18n::grounds_text`, as everywhere else) and its
//! deciding events, and opens its journey in the explorer.
//!
//! Built only while open (it routes every journey on the year's days of the grid), in the `below`
//! part. The core decides every row; this view only filters and draws them.

use chrono::{Datelike, NaiveDate};
use hutong_core::ledger;
use leptos::prelude::*;

use crate::i18n::{decided_strings, grounds_text};
use crate::state::use_ctx;

/// The ledger for a reader: its rows, a year at a time.
#[component]
pub fn Decided() -> impl IntoView {
    let ctx = use_ctx();
    let open = RwSignal::new(false);
    // `None`: the explorer's year; `Some(0)`: every year of the grid.
    let year = RwSignal::new(None::<i32>);
    let surface = RwSignal::new(String::new());
    let merchant = RwSignal::new(String::new());
    let instrument = RwSignal::new(String::new());
    let shown_year = move || year.get().unwrap_or_else(|| ctx.view.with(|v| v.date.year()));
    let grid = Memo::new(move |_| ctx.actual.with(|m| ledger::grid(m.0.data())));
    let rows = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let y = shown_year();
        let days: Vec<NaiveDate> = grid.get().into_iter().filter(|d| y == 0 || d.year() == y).collect();
        ctx.actual.with(|m| ledger::rows(&m.0, &days))
    });
    let years = move || {
        let mut out: Vec<i32> = grid.get().iter().map(|d| d.year()).collect();
        out.dedup();
        out
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let is_open =
            ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
        open.set(is_open);
    };
    let node_select = move |testid: &'static str, which: RwSignal<String>, kind: usize| {
        view! {
            <select data-testid=testid on:change=move |ev| which.set(event_target_value(&ev)) prop:value=move || which.get()>
                <option value="">{move || decided_strings(ctx.lang()).any()}</option>
                {move || {
                    let lang = ctx.lang();
                    ctx.actual.with(|m| {
                        let d = m.0.data();
                        let nodes = [&d.surfaces, &d.merchants, &d.instruments][kind];
                        nodes.iter().map(|n| view! { <option value=n.id.clone()>{n.name.get(lang).to_string()}</option> }).collect_view()
                    })
                }}
            </select>
        }
    };
    let open_journey = move |day: NaiveDate, from: String, shop: String, pay: String| {
        ctx.update_view(|v| {
            v.date = day;
            v.from = from;
            v.shop = shop;
            v.pay = pay;
        });
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=verdict]").ok().flatten())
        {
            el.scroll_into_view();
        }
    };
    view! {
        <details class="decided" data-testid="decided" on:toggle=on_toggle>
            <summary>{move || decided_strings(ctx.lang()).title()}</summary>
            <p class="muted">{move || decided_strings(ctx.lang()).intro()}</p>
            <div class="decided-filters">
                <label>
                    <span>{move || decided_strings(ctx.lang()).year()}</span>
                    <select data-testid="decided-year" on:change=move |ev| year.set(event_target_value(&ev).parse().ok()) prop:value=move || shown_year().to_string()>
                        <option value="0">{move || decided_strings(ctx.lang()).every_year()}</option>
                        {move || years().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                    </select>
                </label>
                <label><span>{move || decided_strings(ctx.lang()).surface()}</span>{node_select("decided-surface", surface, 0)}</label>
                <label><span>{move || decided_strings(ctx.lang()).merchant()}</span>{node_select("decided-merchant", merchant, 1)}</label>
                <label><span>{move || decided_strings(ctx.lang()).instrument()}</span>{node_select("decided-instrument", instrument, 2)}</label>
            </div>
            {move || {
                if !open.get() {
                    return ().into_any();
                }
                let lang = ctx.lang();
                let s = decided_strings(lang);
                let (sf, mf, pf) = (surface.get(), merchant.get(), instrument.get());
                let all = rows.get();
                let shown: Vec<&ledger::Row> = all
                    .iter()
                    .filter(|r| (sf.is_empty() || r.journey.surface == sf) && (mf.is_empty() || r.journey.merchant == mf) && (pf.is_empty() || r.journey.instrument == pf))
                    .collect();
                let stated = shown.iter().filter(|r| r.grounds.stated()).count();
                let count = s.count().replace("{n}", &shown.len().to_string()).replace("{stated}", &stated.to_string()).replace("{inferred}", &(shown.len() - stated).to_string());
                if shown.is_empty() {
                    return view! { <p data-testid="decided-count" aria-live="polite">{s.none()}</p> }.into_any();
                }
                let body = ctx.actual.with(|m| {
                    let d = m.0.data();
                    let name = |id: &str| d.name(id).map_or_else(|| id.to_string(), |t| t.get(lang).to_string());
                    shown.iter().map(|r| {
                        let j = &r.journey;
                        let journey = format!("{} → {} · {}", name(&j.surface), name(&j.merchant), name(&j.instrument));
                        let events: Vec<String> = r.grounds.events.iter().map(|&i| d.events[i].title.get(lang).to_string()).collect();
                        let (day, from, shop, pay) = (r.day, j.surface.clone(), j.merchant.clone(), j.instrument.clone());
                        view! {
                            <tr data-testid="decided-row" data-verdict=r.word.id() data-grounds=r.grounds.id() data-date=r.day.to_string()
                                data-from=j.surface.clone() data-shop=j.merchant.clone() data-pay=j.instrument.clone()>
                                <td>{crate::fmt::day(r.day, lang)}</td>
                                <td>{journey}</td>
                                <td class=format!("grounds-{}", r.grounds.id())>{grounds_text(&r.grounds, r.word, lang)}</td>
                                <td>{events.join("; ")}</td>
                                <td><button class="link" data-testid="decided-open" on:click=move |_| open_journey(day, from.clone(), shop.clone(), pay.clone())>{s.open()}</button></td>
                            </tr>
                        }
                    }).collect_view()
                });
                view! {
                    <p data-testid="decided-count" aria-live="polite">{count}</p>
                    <div class="decided-scroll" tabindex="0" role="region" aria-label=s.title()>
                        <table class="decided-table">
                            <thead><tr><th>{s.day()}</th><th>{s.journey()}</th><th>{s.answer()}</th><th>{s.events()}</th><th>{s.open_col()}</th></tr></thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </details>
    }
}
