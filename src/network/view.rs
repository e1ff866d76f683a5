use std::time::Duration;

use chrono::NaiveDate;
use hutong_core::route::{Model, Word};
use hutong_core::Lang;
use leptos::prelude::*;

use super::layout::{
    channel_id, channel_timelines, dashes, describe, layout, px, verdict_colour, HEIGHT, OWNER_COLOURS, VIEW_BOX, WIDTH,
};
use crate::explorer::{name, verdict_text};
use crate::export;
use crate::fmt;
use crate::i18n::{channel_name, word_name};
use crate::state::use_ctx;

fn strings(lang: Lang) -> [&'static str; 17] {
    match lang {
        Lang::Zh => [
            "平台网络随时间变化",
            "播放",
            "暂停",
            "速度",
            "每秒一个月",
            "每秒一个季度",
            "每秒一年",
            "每秒三年",
            "上一个事件",
            "下一个事件",
            "回到开头",
            "跳到结尾",
            "描述当前状态",
            "导出网络",
            "播放头日期",
            "通道（悬停或聚焦查看依据）",
            "将指针移到一条连线上（或用 Tab 键聚焦），可查看它的结论和决定它的事件。",
        ],
        Lang::En => [
            "The platform network over time",
            "Play",
            "Pause",
            "Speed",
            "a month a second",
            "a quarter a second",
            "a year a second",
            "three years a second",
            "Previous event",
            "Next event",
            "Jump to start",
            "Jump to end",
            "Describe this state",
            "Export network",
            "Playhead date",
            "Channels (hover or focus one for its deciding events)",
            "Point at a line (or Tab to it) to see its verdict and the events that decide it.",
        ],
    }
}

/// Past this many channels the edges are drawn as one path per verdict (see `group_d`).
const MANY: usize = 400;

/// The verdicts of the many-edges picture, bottom to top: walls and workarounds are drawn over the
/// open channels. Each is drawn twice: as it is, then as changed by a switched-off event.
const DRAW_ORDER: [Word; 6] =
    [Word::Direct, Word::Undecided, Word::Announced, Word::Partial, Word::Workaround, Word::Blocked];
const GROUPS: usize = 2 * DRAW_ORDER.len();

/// The group (index into the drawn paths) of a verdict, and whether a switched-off event changed it.
fn group_of(word: Word, marked: bool) -> usize {
    let k = DRAW_ORDER.iter().position(|&w| w == word).unwrap_or(0);
    if marked {
        DRAW_ORDER.len() + k
    } else {
        k
    }
}

/// The verdict a group draws, and whether it is the changed one.
fn group_word(group: usize) -> (Word, bool) {
    (DRAW_ORDER[group % DRAW_ORDER.len()], group >= DRAW_ORDER.len())
}

/// The word of an edge's state (undecided until it has one).
fn word_of(state: EdgeSignal) -> Word {
    state.with(|s| s.as_ref().map_or(Word::Undecided, |s| s.0.word()))
}

/// What an edge connects, in words: "WeChat group chat → Taobao (link)".
/// One event behind an edge, with how it is known: "title (stated)", "title (inferred: rule)".
fn basis_label(event: &hutong_core::Event, b: &hutong_core::route::Basis, lang: Lang) -> String {
    use hutong_core::route::Role;
    let s = crate::i18n::explorer_strings(lang);
    let title = event.title.get(lang);
    if b.role == Role::NotYet {
        return format!("{title} ({})", s.role_not_yet);
    }
    if b.stated() {
        return format!("{title} ({})", s.stated);
    }
    let prior = event.before.as_ref().map(|x| x.state);
    let why: Vec<&str> = b.rules.iter().map(|r| crate::i18n::rule_text(r, prior, lang)).collect();
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    format!("{title} ({}{sep}{})", s.inferred, why.join("; "))
}

fn edge_name(data: &hutong_core::Dataset, id: &hutong_core::route::ChannelId, lang: Lang) -> String {
    format!("{} → {} ({})", name(data, &id.from, lang), name(data, &id.to, lang), channel_name(id.channel, lang))
}

type EdgeSignal = RwSignal<Option<(hutong_core::route::Verdict, bool)>>;

/// The picture's edges and their state signals; equal when built from the same layout.
#[derive(Clone)]
struct Built {
    edges: std::sync::Arc<Vec<super::layout::EdgePath>>,
    signals: Vec<EdgeSignal>,
}

impl PartialEq for Built {
    fn eq(&self, other: &Built) -> bool {
        std::sync::Arc::ptr_eq(&self.edges, &other.edges)
    }
}

/// The least time between two announcements of passed events while playing.
const ANNOUNCE_MS: f64 = 2000.0;

const START: &str = "2004-01-01";
const END: &str = "2025-12-31";

fn reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

#[component]
pub fn Network() -> impl IntoView {
    let ctx = use_ctx();
    let (start, end) =
        (hutong_core::date::parse_day(START).expect("valid"), hutong_core::date::parse_day(END).expect("valid"));
    let playhead = ctx.playhead;
    playhead.set(ctx.view.get_untracked().date.clamp(start, end));
    let playing = RwSignal::new(false);
    let speed = RwSignal::new(365.0f64);
    let announce = RwSignal::new(String::new());
    // Not playing: the playhead follows the journey date (the URL's `date`).
    Effect::new(move |_| {
        let date = ctx.view.with(|v| v.date);
        if !playing.get_untracked() {
            playhead.set(date.clamp(start, end));
        }
    });
    let pause = move || {
        playing.set(false);
        // The URL's date is written when playback pauses, not every frame.
        let at = playhead.get_untracked();
        ctx.view.update(|v| v.date = at);
    };
    // Summarise the events the playhead has just passed (the latest one), politely.
    // While playing, at most one announcement every ANNOUNCE_MS: with a dense dataset an event
    // passes at every step, and a screen reader would only queue them. A step or a jump says
    // where it landed at once.
    let last_announced = StoredValue::new(f64::NEG_INFINITY);
    let passed = move |from: NaiveDate, to: NaiveDate, while_playing: bool| {
        let now = js_sys::Date::now();
        if while_playing && now - last_announced.get_value() < ANNOUNCE_MS {
            return;
        }
        let data = ctx.data.get_untracked();
        let lang = ctx.lang();
        if let Some(e) = data.events.iter().rev().find(|e| e.date.earliest().is_some_and(|d| d > from && d <= to)) {
            announce.set(format!("{} — {}", fmt::date(&e.date, lang), e.title.get(lang)));
            last_announced.set_value(now);
        }
    };
    let handle = set_interval_with_handle(
        move || {
            if !playing.get_untracked() {
                return;
            }
            let now = playhead.get_untracked();
            let days = if reduced_motion() { 30 } else { (speed.get_untracked() / 10.0).round().max(1.0) as i64 };
            let next = (now + chrono::Duration::days(days)).min(end);
            passed(now, next, true);
            playhead.set(next);
            if next >= end {
                pause();
            }
        },
        // Reduced motion: a step a second instead of ten small ones.
        if reduced_motion() { Duration::from_millis(1000) } else { Duration::from_millis(100) },
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let jump = move |to: NaiveDate| {
        playing.set(false);
        let from = playhead.get_untracked();
        if to > from {
            passed(from, to, false);
        }
        playhead.set(to);
        ctx.view.update(|v| v.date = to);
    };
    let event_days = Memo::new(move |_| {
        let mut days: Vec<NaiveDate> = ctx.data.with(|d| d.events.iter().filter_map(|e| e.date.earliest()).collect());
        hutong_core::sort::sort(&mut days);
        days.dedup();
        days
    });
    let prev_event = move || {
        let now = playhead.get_untracked();
        if let Some(d) = event_days.with_untracked(|days| days.iter().rev().find(|d| **d < now).copied()) {
            jump(d);
        }
    };
    let next_event = move || {
        let now = playhead.get_untracked();
        if let Some(d) = event_days.with_untracked(|days| days.iter().find(|d| **d > now).copied()) {
            jump(d);
        }
    };
    let toggle = move || {
        if playing.get_untracked() {
            pause();
        } else {
            if playhead.get_untracked() >= end {
                playhead.set(start);
            }
            playing.set(true);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            " " => {
                toggle();
                true
            }
            "ArrowLeft" => {
                prev_event();
                true
            }
            "ArrowRight" => {
                next_event();
                true
            }
            "Home" => {
                jump(start);
                true
            }
            "End" => {
                jump(end);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    // The picture: positions from the dataset only; edge states from the playhead.
    // The actual model once per dataset: the picture and the timelines both read it.
    let actual = Memo::new(move |_| {
        let model = ctx.actual.get().0;
        let channels = model.channels();
        let timelines = std::sync::Arc::new(channel_timelines(&model, &channels));
        std::sync::Arc::new((channels, timelines))
    });
    let picture = Memo::new(move |_| {
        let data = ctx.data.get();
        actual.with(|a| layout(&data, &a.0))
    });
    // Channel timelines once per dataset and counterfactual; each frame only looks them up.
    let timelines = Memo::new(move |_| {
        let data = ctx.data.get();
        let off = ctx.view.with(|v| v.off_set(&data));
        let actual = actual.get();
        let cf = (!off.is_empty()).then(|| channel_timelines(&Model::new(&data, &off), &actual.0));
        std::sync::Arc::new((std::sync::Arc::clone(&actual.1), cf))
    });
    let states = Memo::new(move |_| {
        let day = playhead.get();
        let timelines = timelines.get();
        let (actual, cf) = &*timelines;
        actual
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (v, basis) = t.at(day);
                let events: Vec<usize> = basis.iter().map(|b| b.event).collect();
                (t.id.clone(), v, cf.as_ref().map(|c| c[i].at(day).0), events)
            })
            .collect::<Vec<_>>()
    });
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let describe_open = RwSignal::new(false);
    // The caption's date is drawn while the playhead stands still: a text in the SVG that changed on
    // every step cost a relayout of the page per step. The playhead above shows the date meanwhile,
    // and an export always carries it (`export_svg`).
    let still_day = Memo::new(move |_| (!playing.get()).then(|| playhead.get()));
    let caption = move |day: Option<NaiveDate>, lang: Lang| {
        let version = ctx.data.with_untracked(|d| d.version.clone());
        match day {
            Some(day) => format!("Hutong 互通 · {} · {version}", fmt::day(day, lang)),
            None => format!("Hutong 互通 · {version}"),
        }
    };
    // What is exported: a copy of the drawing with the caption at the playhead and the generated
    // description as its alt text (`<desc>`); the page's own drawing is not touched.
    let export_svg = move || -> Option<String> {
        use wasm_bindgen::JsCast;
        let el: web_sys::Element = svg_ref.get_untracked()?.unchecked_into();
        let copy: web_sys::Element = el.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        let lang = ctx.lang();
        if let Ok(Some(text)) = copy.query_selector("[data-caption]") {
            text.set_text_content(Some(&caption(Some(playhead.get_untracked()), lang)));
        }
        let data = ctx.data.get_untracked();
        let s: Vec<_> = states.get_untracked().into_iter().map(|(c, v, _, _)| (c, v)).collect();
        let desc = crate::dom::svg_element("desc")?;
        desc.set_text_content(Some(&describe(&data, &s, lang)));
        copy.prepend_with_node_1(&desc).ok()?;
        Some(copy.outer_html())
    };
    // Which edge was last hovered or focused (its index), and what it says at a day.
    let inspected = RwSignal::new(None::<usize>);
    let edge_label = move |i: usize, day: NaiveDate, lang: Lang| -> Option<String> {
        let data = ctx.data.get_untracked();
        timelines.with_untracked(|t| {
            let (actual, cf) = &**t;
            let timeline = actual.get(i)?;
            // The counterfactual's state and reasons when events are switched off.
            let (shown, basis) = cf.as_ref().map_or_else(|| timeline.at(day), |c| c[i].at(day));
            let cites: Vec<String> =
                basis.iter().filter_map(|b| data.events.get(b.event).map(|e| basis_label(e, b, lang))).collect();
            Some(format!(
                "{}: {}{}",
                edge_name(&data, &timeline.id, lang),
                verdict_text(shown, lang),
                if cites.is_empty() { String::new() } else { format!(" — {}", cites.join("; ")) }
            ))
        })
    };
    let inspect_target = move |target: Option<web_sys::EventTarget>| {
        use wasm_bindgen::JsCast;
        let Some(path) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(i) = path.get_attribute("data-index").and_then(|i| i.parse::<usize>().ok()) else { return };
        let Some(label) = edge_label(i, playhead.get_untracked(), ctx.lang()) else { return };
        // The accessible name and the mouse tooltip, for this edge, now.
        let _ = path.set_attribute("aria-label", &label);
        crate::dom::set_svg_title(&path, &label);
        inspected.set(Some(i));
    };
    // The edges, built once per dataset, each with its own signal of its state. One effect per step
    // sets only the signals whose state changed, so a step touches only those edges (a shared memo
    // read by thousands of edges made every step re-subscribe them all).
    let built = Memo::new(move |_| {
        let (_, edges) = picture.get();
        let signals = (0..edges.len()).map(|_| RwSignal::new(None)).collect();
        Built { edges: std::sync::Arc::new(edges), signals }
    });
    let many = Memo::new(move |_| built.with(|b| b.edges.len() > MANY));
    // Past MANY edges the picture draws one path per verdict (and counterfactual mark) instead of
    // one per edge: the browser's paint and layout walk every element of a changed drawing, so
    // 2,845 elements cost a long frame per step however few changed (BENCHMARKS.md, Playback).
    let group_d: [RwSignal<String>; GROUPS] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let update_edges = move || {
        let day = playhead.get_untracked();
        let timelines = timelines.get_untracked();
        let (actual, cf) = &*timelines;
        built.with_untracked(|b| {
            let mut changed = false;
            for (i, signal) in b.signals.iter().enumerate() {
                let Some(t) = actual.get(i) else { continue };
                let v = t.at(day).0;
                let w = cf.as_ref().map(|c| c[i].at(day).0);
                let next = Some((w.unwrap_or(v), w.is_some_and(|w| w != v)));
                if signal.get_untracked() != next {
                    signal.set(next);
                    changed = true;
                }
            }
            if changed && b.edges.len() > MANY {
                let mut ds: [String; GROUPS] = std::array::from_fn(|_| String::new());
                for (e, signal) in b.edges.iter().zip(&b.signals) {
                    if let Some((v, marked)) = signal.get_untracked() {
                        let d = &mut ds[group_of(v.word(), marked)];
                        d.push_str(&e.d);
                        d.push(' ');
                    }
                }
                for (signal, d) in group_d.iter().zip(ds) {
                    if signal.with_untracked(|old| *old != d) {
                        signal.set(d);
                    }
                }
            }
        });
    };
    Effect::new(move |_| {
        playhead.track();
        timelines.track();
        built.track();
        update_edges();
    });
    let total_days = (end - start).num_days();

    view! {
        <section class="network-panel" aria-labelledby="network-heading">
            <h2 id="network-heading">{move || strings(ctx.lang())[0]}</h2>
            <div class="playback" role="group" aria-label=move || strings(ctx.lang())[0] on:keydown=on_key>
                <button data-testid="play" aria-pressed=move || if playing.get() { "true" } else { "false" } on:click=move |_| toggle()>
                    {move || if playing.get() { strings(ctx.lang())[2] } else { strings(ctx.lang())[1] }}
                </button>
                <button aria-label=move || strings(ctx.lang())[10] on:click=move |_| jump(start)>"«"</button>
                <button data-testid="prev-event" aria-label=move || strings(ctx.lang())[8] on:click=move |_| prev_event()>"◀"</button>
                <button data-testid="next-event" aria-label=move || strings(ctx.lang())[9] on:click=move |_| next_event()>"▶"</button>
                <button aria-label=move || strings(ctx.lang())[11] on:click=move |_| jump(end)>"»"</button>
                <input type="range" class="scrub" data-testid="scrub" min="0" max=total_days
                    aria-label=move || strings(ctx.lang())[14]
                    aria-valuetext=move || fmt::day(playhead.get(), ctx.lang())
                    prop:value=move || (playhead.get() - start).num_days().to_string()
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<i64>() {
                            playing.set(false);
                            playhead.set(start + chrono::Duration::days(n));
                        }
                    }
                    on:change=move |_| { let at = playhead.get_untracked(); ctx.view.update(|v| v.date = at); }
                />
                <label class="speed">{move || strings(ctx.lang())[3]}" "
                    // Whole days per second, read and written as integers (no float parsing or
                    // formatting in the first screen).
                    <select data-testid="speed" on:change={move |ev| if let Ok(v) = event_target_value(&ev).parse::<u32>() { speed.set(f64::from(v)) }}>
                        {move || {
                            let s = strings(ctx.lang());
                            [(30u32, s[4]), (91, s[5]), (365, s[6]), (1095, s[7])].into_iter().map(|(v, label)| view! {
                                <option value=v selected=speed.get_untracked() == f64::from(v)>{label}</option>
                            }).collect_view()
                        }}
                    </select>
                </label>
                <span class="playhead" data-testid="playhead" data-date=move || fmt::iso(playhead.get())>{move || fmt::day(playhead.get(), ctx.lang())}</span>
            </div>
            <p class="sr-live" aria-live="polite" data-testid="passed-event">{move || announce.get()}</p>
            <div class="network-wrap">
                // Past a few hundred edges, animated transitions cost more than they show.
                <div class="network-canvas" data-testid="network">
                <svg node_ref=svg_ref class=move || if many.get() { "many" } else { "" }
                    xmlns="http://www.w3.org/2000/svg" viewBox=VIEW_BOX role="img"
                    aria-label=move || match still_day.get() {
                        Some(day) => format!("{} · {}", strings(ctx.lang())[0], fmt::day(day, ctx.lang())),
                        None => strings(ctx.lang())[0].to_string(),
                    } aria-describedby="network-description">
                    <rect x="0" y="0" width=px(WIDTH) height=px(HEIGHT + 40.0) fill="#ffffff" />
                    // What is seen (and exported). The edges to hover, focus and test are the
                    // layer above (`edge-hits`).
                    <g class="edges" aria-hidden="true">
                        {move || {
                            if many.get() {
                                return group_d.into_iter().enumerate().map(|(group, d)| {
                                    let (word, marked) = group_word(group);
                                    view! {
                                    <path class="edge-line" d=move || d.get() fill="none" stroke=verdict_colour(word)
                                        stroke-width=if marked { "2.5" } else { "1" } />
                                }}).collect_view().into_any();
                            }
                            let b = built.get();
                            b.edges.iter().zip(b.signals).map(|(e, state)| {
                                let word = move || word_of(state);
                                view! {
                                    <path class=move || if state.with(|s| s.as_ref().is_some_and(|s| s.1)) { "edge-line counterfactual" } else { "edge-line" }
                                        d=e.d.clone() fill="none"
                                        stroke=move || verdict_colour(word()) stroke-width=move || if word() == Word::Direct { "2.4" } else { "1.8" }
                                        stroke-dasharray=move || dashes(word()) stroke-opacity="0.85" />
                                }
                            }).collect_view().into_any()
                        }}
                    </g>
                    <g class="nodes">
                        {move || {
                            let lang = ctx.lang();
                            let data = ctx.data.get();
                            picture.get().0.into_iter().map(|n| {
                                let label = data.platform(&n.platform).map_or(n.platform.clone(), |p| p.name.get(lang).to_string());
                                let colour = OWNER_COLOURS[n.owner_index % OWNER_COLOURS.len()];
                                view! {
                                    <g class="node" data-platform=n.platform.clone()>
                                        <circle cx=px(n.x) cy=px(n.y) r="7" fill=colour stroke="#ffffff" stroke-width="2" />
                                        <text x=px(if n.label_right { n.x + 10.0 } else { n.x - 10.0 }) y=px(n.y + 4.0) font-size="11" fill="#1f1b16"
                                            text-anchor=if n.label_right { "start" } else { "end" }>{label}</text>
                                    </g>
                                }
                            }).collect_view()
                        }}
                    </g>
                    <text x="12" y=px(HEIGHT + 14.0) font-size="12" fill="#1f1b16" data-caption="">{move || caption(still_day.get(), ctx.lang())}</text>
                    <text x="12" y=px(HEIGHT + 30.0) font-size="9" fill="#6b6257">{move || ctx.data.with(|d| d.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>().join(" · "))}</text>
                </svg>
                // The edges as elements: one per channel, not painted, on top of the drawing. Only
                // their data attributes change with the playhead, so a step never repaints or lays
                // them out. An edge's label (its verdict and deciding events) is written when it is
                // hovered or focused, for that edge only.
                <svg class="edge-hits" viewBox=VIEW_BOX role="group"
                    aria-label=move || strings(ctx.lang())[15]
                    on:mouseover=move |ev| inspect_target(ev.target()) on:focusin=move |ev| inspect_target(ev.target())>
                    {move || {
                        // Until an edge is inspected its name says what it connects; a change of
                        // language rebuilds the edges (rare; a step never does).
                        let lang = ctx.lang();
                        let data = ctx.data.get_untracked();
                        // Past MANY they come in slices after the first paint (the drawing below
                        // is whole at once).
                        let b = built.get();
                        let ready = crate::slices::ready(b.edges.len(), MANY);
                        let n = b.edges.len();
                        (0..n.div_ceil(crate::slices::SLICE)).map(|k| {
                            let visible = Memo::new(move |_| ready.get() > k);
                            let (data, b) = (data.clone(), b.clone());
                            view! { <g>{move || visible.get().then(|| {
                                let slice = k * crate::slices::SLICE..((k + 1) * crate::slices::SLICE).min(n);
                                b.edges[slice.clone()].iter().zip(&b.signals[slice.clone()]).zip(slice).map(|((e, state), i)| {
                                    let state = *state;
                                    let word = move || word_of(state);
                                    view! {
                                        <path class="edge" d=e.d.clone()
                                            data-testid="edge" data-from=e.id.from.clone() data-to=e.id.to.clone() data-channel=channel_id(e.id.channel) data-verdict=move || word().id()
                                            data-index=i tabindex="0" role="img"
                                            aria-label=edge_name(&data, &e.id, lang) />
                                    }
                                }).collect_view()
                            })}</g> }
                        }).collect_view()
                    }}
                </svg>
                </div>
                <div class="network-side">
                {move || many.get().then(|| view! {
                    <p class="hint" data-testid="network-plain">{move || if ctx.lang() == hutong_core::Lang::Zh {
                        "通道超过 400 条：为保证播放流畅，连线画成细实线（不可行的在最上层），以颜色区分结论；悬停或聚焦一条连线可查看依据。"
                    } else {
                        "More than 400 channels: so that playback stays smooth, lines are drawn thin and without dashes (walls on top); the colour tells the verdict. Hover or focus a line for its events."
                    }}</p>
                })}
                <ul class="network-legend">
                    {move || {
                        let lang = ctx.lang();
                        [Word::Direct, Word::Workaround, Word::Partial, Word::Announced, Word::Blocked, Word::Undecided].into_iter().map(|w| view! {
                            <li><span class=format!("swatch swatch-{}", w.id())></span>{word_name(w, lang)}</li>
                        }).collect_view()
                    }}
                </ul>
                </div>
            </div>
            // The last edge hovered or focused, kept in step with the playhead.
            <p class="edge-info" class:hint=move || inspected.get().is_none() data-testid="edge-info">{move || {
                let Some(i) = inspected.get() else { return strings(ctx.lang())[16].to_string() };
                timelines.track();
                edge_label(i, playhead.get(), ctx.lang()).unwrap_or_default()
            }}</p>
            // The description is long; it is generated while someone reads it (the details are
            // open) or while playback is paused, never on every frame.
            <details class="describe" on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                describe_open.set(open);
            }>
                <summary>{move || strings(ctx.lang())[12]}</summary>
                <p id="network-description" data-testid="network-description">{move || {
                    // Past 400 channels the text is long (and costs a long frame to build and lay
                    // out), so it waits until someone opens it; exports always carry it.
                    if (playing.get() || many.get()) && !describe_open.get() {
                        return String::new();
                    }
                    let data = ctx.data.get();
                    let s: Vec<_> = states.get().into_iter().map(|(c, v, _, _)| (c, v)).collect();
                    describe(&data, &s, ctx.lang())
                }}</p>
            </details>
            <super::table::NetworkTableDisclosure />
            <p class="chart-actions">
                <button class="small" data-testid="export-network-svg" on:click=move |_| {
                    if let Some(svg) = export_svg() {
                        let name = format!("hutong-network-{}.svg", fmt::iso(playhead.get_untracked()));
                        let _ = export::download_text(&name, "image/svg+xml", &svg);
                    }
                }>{move || strings(ctx.lang())[13]}" (SVG)"</button>
                <button class="small" data-testid="export-network-png" on:click=move |_| {
                    if let Some(svg) = export_svg() {
                        let name = format!("hutong-network-{}.png", fmt::iso(playhead.get_untracked()));
                        let _ = export::download_png(&name, &svg, WIDTH, HEIGHT + 40.0);
                    }
                }>{move || strings(ctx.lang())[13]}" (PNG)"</button>
            </p>
        </section>
    }
}
