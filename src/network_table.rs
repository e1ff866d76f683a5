//! The network's channel table (`hutong_page::network::table` has its rows), as Leptos in the
//! `shell` part: built only while the disclosure under the network (first screen) is open, so
//! that playback does not keep a closed table up to date.

use std::sync::Arc;

use hutong_core::route::Model;
use leptos::prelude::*;

use crate::i18n::table_strings;
use crate::network::layout::channel_timelines;
use crate::network::table::rows;
use crate::state::use_ctx;

/// What the disclosure under the network (drawn by `network::view`, on the first screen) holds:
/// mounted by the shell part in its slot, it builds the table only while the disclosure is open,
/// so playback does not keep a closed table up to date.
#[component]
pub fn NetworkTableSlot(details: web_sys::Element) -> impl IntoView {
    let open = RwSignal::new(details.has_attribute("open"));
    let watched = details.clone();
    crate::html::on(
        details.as_ref(),
        "toggle",
        Box::new(move |_| {
            let _ = open.try_set(watched.has_attribute("open"));
        }),
    );
    view! {
        <Show when=move || open.get()>
            <NetworkTable />
        </Show>
    }
}

/// The table.
#[component]
pub fn NetworkTable() -> impl IntoView {
    let ctx = use_ctx();
    // The channels' timelines, as the network draws them: the counterfactual's when events are
    // switched off.
    let off_ids = Memo::new(move |_| ctx.view.with(|v| v.off.clone()));
    let timelines = Memo::new(move |_| {
        let data = ctx.data.get();
        // Only the switched-off events matter here, not every change of the view.
        off_ids.track();
        let off = ctx.view.with_untracked(|v| v.off_set(&data));
        let model = ctx.actual.get().0;
        let channels = model.channels();
        let timelines = if off.is_empty() {
            channel_timelines(&model, &channels)
        } else {
            channel_timelines(&Model::new(&data, &off), &channels)
        };
        Arc::new(timelines)
    });
    // Rebuilt only when some channel's state changes, not at every step of playback.
    let rows = Memo::new(move |_| {
        let day = ctx.playhead.get();
        let data = ctx.data.get();
        timelines.with(|t| rows(&data, t, day, ctx.lang()))
    });
    view! {
        <table class="channel-table" data-testid="channel-table">
            <caption>{move || format!("{} {}", table_strings(ctx.lang()).caption(), crate::fmt::day(ctx.playhead.get(), ctx.lang()))}</caption>
            <thead>
                <tr>
                    {move || {
                        let t = table_strings(ctx.lang());
                        [t.from(), t.to(), t.channel(), t.verdict(), t.events()].map(|h| view! { <th scope="col">{h}</th> }).collect_view()
                    }}
                </tr>
            </thead>
            <tbody>
                {move || rows.get().into_iter().map(|r| view! {
                    <tr data-verdict=r.word.id() data-grounds=r.grounds>
                        <td>{r.from}</td>
                        <td>{r.to}</td>
                        <td>{r.channel}</td>
                        <td>{r.verdict}</td>
                        <td>
                            <ul>
                                {r.events.into_iter().map(|c| view! {
                                    <li data-ground=c.ground>{c.title}" ("<span class="ground-word">{c.how}</span>")"</li>
                                }).collect_view()}
                            </ul>
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
