//! The platform network and its playback, drawn with plain DOM calls from the store (`store.rs`):
//! it is on the first screen, and the Leptos runtime is not part of the first load.
//!
//! The drawing's positions come from the dataset only (`layout`), the edges' states from the
//! playhead: a step of playback looks each channel's state up in its timeline and writes only the
//! attributes that changed.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use chrono::NaiveDate;
use hutong_core::route::{ChannelId, Model, Verdict, Word};
use hutong_core::{Dataset, Lang};
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::layout::{
    channel_id, channel_timelines, dashes, describe, layout, px, verdict_colour, ChannelTimeline, EdgePath, HEIGHT,
    OWNER_COLOURS, VIEW_BOX, WIDTH,
};
use crate::explorer::{answer_text, name};
use crate::html::{el, set, set_if, set_text, svg, text_el};
use crate::i18n::{channel_name, network_strings, word_name};
use crate::{export, fmt, store};

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

/// One event behind an edge, with how it is known: "title (stated)", "title (inferred: rule)".
fn basis_label(event: &hutong_core::Event, b: &hutong_core::route::Basis, lang: Lang) -> String {
    use hutong_core::route::Role;
    let s = crate::i18n::explorer_strings(lang);
    let title = event.title.get(lang);
    if b.role == Role::NotYet {
        return format!("{title} ({})", s.role_not_yet());
    }
    if b.stated() {
        return format!("{title} ({})", s.stated());
    }
    let prior = event.before.as_ref().map(|x| x.state);
    let why: Vec<&str> = b.rules.iter().map(|r| crate::i18n::rule_text(r, prior, lang)).collect();
    format!("{title} ({}{}{})", s.inferred(), crate::i18n::strings(lang).colon(), why.join("; "))
}

/// What an edge connects, in words: "WeChat group chat → Taobao (link)".
fn edge_name(data: &hutong_core::Dataset, id: &hutong_core::route::ChannelId, lang: Lang) -> String {
    format!("{} → {} ({})", name(data, &id.from, lang), name(data, &id.to, lang), channel_name(id.channel, lang))
}

/// The least time between two announcements of passed events while playing.
const ANNOUNCE_MS: f64 = 2000.0;

const START: &str = "2004-01-01";
const END: &str = "2025-12-31";

fn reduced_motion() -> bool {
    crate::html::window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

/// The elements the network changes after it is built.
struct Els {
    heading: Element,
    playback: Element,
    play: Element,
    jump_start: Element,
    prev: Element,
    next: Element,
    jump_end: Element,
    scrub: Element,
    speed_label: web_sys::Text,
    speed: Element,
    playhead: Element,
    live: Element,
    svg: Element,
    lines: Element,
    nodes: Element,
    caption: Element,
    sources: Element,
    hits: Element,
    side_hint: Element,
    swipe: Element,
    /// The box that scrolls sideways on a phone.
    scroll: Element,
    legend: Element,
    info: Element,
    describe_summary: Element,
    description: Element,
    table_summary: Element,
    export_svg: Element,
    export_png: Element,
}

/// What the network knows of the dataset in use, the switched-off events and the playback.
struct Net {
    els: Els,
    data: Arc<Dataset>,
    edges: Vec<EdgePath>,
    /// Each channel's states over time, as it is and (events switched off) as it would be.
    actual: Arc<Vec<ChannelTimeline>>,
    cf: Option<Vec<ChannelTimeline>>,
    off: Vec<String>,
    lang: Lang,
    /// Each edge's drawn state: its verdict, whether a switched-off event changed it, and how a
    /// decided one is known (`stated`, `inferred`).
    states: Vec<Option<(Verdict, bool, Option<&'static str>)>>,
    /// The drawn edges (one per channel; twelve paths, one per verdict and mark, past `MANY`).
    lines: Vec<Element>,
    /// The edges to hover, focus and test, built in slices past `MANY`.
    hits: Vec<Option<Element>>,
    many: bool,
    /// Each drawn platform's x in the view box (`layout`), to scroll a phone's box to it.
    node_x: Vec<(String, f64)>,
    event_days: Vec<NaiveDate>,
    playing: bool,
    /// Which run of the playback loop is current (a new play starts a new one).
    run: u32,
    speed: u32,
    last_announced: f64,
    inspected: Option<usize>,
    describe_open: bool,
    /// The hover layer's slices still to build (the next one last).
    pending: Vec<(usize, Element)>,
}

type Shared = Rc<RefCell<Net>>;

fn start_day() -> NaiveDate {
    hutong_core::date::parse_day(START).expect("valid")
}

fn end_day() -> NaiveDate {
    hutong_core::date::parse_day(END).expect("valid")
}

/// The network's section, drawn from the store and kept in step with it. `table` is where the
/// parts (`app.rs`) put the network's table when its disclosure is opened.
pub fn network(parent: &Element) -> Element {
    let (section, net, describe_box) = build(parent);
    draw_channels(&net);
    draw_at_playhead(&net);
    wire(&net, &describe_box);
    section
}

/// The network as [`network`] draws it, in three tasks (its elements; the channels' timelines and
/// drawing; the labels, the playhead and the listeners), off the page until `done` puts it there:
/// on a slow phone each is a short task where the whole was one long one (issue 14).
pub fn network_in_turn(done: Box<dyn FnOnce(Element)>) {
    let (section, net, describe_box) = build(&el("div", &[], None));
    store::in_turn(move || {
        draw_channels(&net);
        store::in_turn(move || {
            draw_at_playhead(&net);
            wire(&net, &describe_box);
            done(section);
        });
    });
}

/// The section's elements and the network's state, nothing drawn in them yet.
fn build(parent: &Element) -> (Element, Shared, Element) {
    let total_days = (end_day() - start_day()).num_days().to_string();
    let section = el("section", &[("class", "network-panel"), ("aria-labelledby", "network-heading")], Some(parent));
    let heading = el("h2", &[("id", "network-heading")], Some(&section));
    let playback = el("div", &[("class", "playback"), ("role", "group")], Some(&section));
    let play = el("button", &[("data-testid", "play"), ("aria-pressed", "false")], Some(&playback));
    let jump_start = text_el("button", &[], "«", &playback);
    let prev = text_el("button", &[("data-testid", "prev-event")], "◀", &playback);
    let next = text_el("button", &[("data-testid", "next-event")], "▶", &playback);
    let jump_end = text_el("button", &[], "»", &playback);
    let scrub = el(
        "input",
        &[("type", "range"), ("class", "scrub"), ("data-testid", "scrub"), ("min", "0"), ("max", &total_days)],
        Some(&playback),
    );
    let speed_box = el("label", &[("class", "speed")], Some(&playback));
    let speed_label = crate::html::document().create_text_node("");
    let _ = speed_box.append_child(&speed_label);
    // Whole days per second, read and written as integers (no float parsing or formatting in the
    // first screen).
    let speed = el("select", &[("data-testid", "speed")], Some(&speed_box));
    for v in ["30", "91", "365", "1095"] {
        el("option", &[("value", v)], Some(&speed));
    }
    crate::html::set_value(&speed, "365");
    let playhead = el("span", &[("class", "playhead"), ("data-testid", "playhead")], Some(&playback));
    let live =
        el("p", &[("class", "sr-live"), ("aria-live", "polite"), ("data-testid", "passed-event")], Some(&section));
    let wrap = el("div", &[("class", "network-wrap")], Some(&section));
    // On a phone the drawing keeps the scale at which its labels and edges can be read and
    // touched (style/main.css), and this box scrolls sideways (its edges are focusable, so the
    // keyboard reaches every part of it).
    let swipe = el("p", &[("class", "hint network-swipe"), ("data-testid", "network-swipe")], Some(&wrap));
    let scroll = el("div", &[("class", "network-scroll")], Some(&wrap));
    let canvas = el("div", &[("class", "network-canvas"), ("data-testid", "network")], Some(&scroll));
    let picture = svg(
        "svg",
        &[("viewBox", VIEW_BOX), ("role", "img"), ("aria-describedby", "network-description")],
        Some(&canvas),
    );
    let (w, h) = (px(WIDTH).to_string(), px(HEIGHT + 40.0).to_string());
    svg("rect", &[("x", "0"), ("y", "0"), ("width", &w), ("height", &h), ("fill", "#ffffff")], Some(&picture));
    // What is seen (and exported). The edges to hover, focus and test are the layer above.
    let lines = svg("g", &[("class", "edges"), ("aria-hidden", "true")], Some(&picture));
    let nodes = svg("g", &[("class", "nodes")], Some(&picture));
    let caption = svg(
        "text",
        &[
            ("x", "12"),
            ("y", &px(HEIGHT + 14.0).to_string()),
            ("font-size", "12"),
            ("fill", "#1f1b16"),
            ("data-caption", ""),
        ],
        Some(&picture),
    );
    let sources = svg(
        "text",
        &[("x", "12"), ("y", &px(HEIGHT + 32.0).to_string()), ("font-size", "11"), ("fill", "#6b6257")],
        Some(&picture),
    );
    // The edges as elements: one per channel, not painted, on top of the drawing. Only their data
    // attributes change with the playhead, so a step never repaints or lays them out. An edge's
    // label (its verdict and deciding events) is written when it is hovered or focused.
    let hits = svg("svg", &[("class", "edge-hits"), ("viewBox", VIEW_BOX), ("role", "group")], Some(&canvas));
    let side = el("div", &[("class", "network-side")], Some(&wrap));
    let side_hint = el("p", &[("class", "hint"), ("data-testid", "network-plain"), ("hidden", "")], Some(&side));
    let legend = el("ul", &[("class", "network-legend")], Some(&side));
    // The last edge hovered or focused, kept in step with the playhead.
    let info = el("p", &[("class", "edge-info hint"), ("data-testid", "edge-info")], Some(&section));
    // The description is long; it is generated while someone reads it (the details are open) or
    // while playback is paused, never on every frame.
    let describe_box = el("details", &[("class", "describe")], Some(&section));
    let describe_summary = el("summary", &[], Some(&describe_box));
    let description =
        el("p", &[("id", "network-description"), ("data-testid", "network-description")], Some(&describe_box));
    // The channel table: its disclosure is here; the table comes with the shell part (`app.rs`
    // mounts it in the slot, and it is built while the disclosure is open).
    let table = el("details", &[("class", "network-table"), ("data-testid", "network-table")], Some(&section));
    let table_summary = el("summary", &[], Some(&table));
    el("div", &[("data-slot", "network-table")], Some(&table));
    let actions = el("p", &[("class", "chart-actions")], Some(&section));
    let export_svg = el("button", &[("class", "small"), ("data-testid", "export-network-svg")], Some(&actions));
    let export_png = el("button", &[("class", "small"), ("data-testid", "export-network-png")], Some(&actions));

    let els = Els {
        heading,
        playback,
        play,
        jump_start,
        prev,
        next,
        jump_end,
        scrub,
        speed_label,
        speed,
        playhead,
        live,
        svg: picture,
        lines,
        nodes,
        caption,
        sources,
        hits,
        side_hint,
        swipe,
        scroll,
        legend,
        info,
        describe_summary,
        description,
        table_summary,
        export_svg,
        export_png,
    };
    let net: Shared = Rc::new(RefCell::new(Net {
        els,
        data: store::data(),
        edges: Vec::new(),
        actual: Arc::default(),
        cf: None,
        off: Vec::new(),
        lang: store::lang(),
        states: Vec::new(),
        lines: Vec::new(),
        hits: Vec::new(),
        many: false,
        node_x: Vec::new(),
        event_days: Vec::new(),
        playing: false,
        run: 0,
        speed: 365,
        last_announced: f64::NEG_INFINITY,
        inspected: None,
        describe_open: false,
        pending: Vec::new(),
    }));
    (section, net, describe_box)
}

/// The channels' timelines and drawing, for the dataset in use (which may have changed since
/// [`build`], a task earlier on the site).
fn draw_channels(net: &Shared) {
    let mut n = net.borrow_mut();
    n.data = store::data();
    n.rebuild();
}

/// The playhead at the journey's date, and the labels, verdicts and colours at it, in the language
/// in use.
fn draw_at_playhead(net: &Shared) {
    store::set_playhead(store::view().date.clamp(start_day(), end_day()));
    let mut n = net.borrow_mut();
    n.lang = store::lang();
    n.relabel();
    n.retime();
    n.update();
}

/// The hover layer's slices, the listeners, and the network kept in step with the store.
fn wire(net: &Shared, describe_box: &Element) {
    slice_in(net);
    listen(net, describe_box);
    centre_when_shown(net);
    let last = RefCell::new(store::view());
    let net2 = Rc::clone(net);
    // Out of the viewport, the drawing follows after the page has painted (a language switch's
    // paint waited 5 ms at 4x for labels nobody could see; issue 24).
    let section = net.borrow().els.scroll.closest("section").ok().flatten();
    store::subscribe_seen(section, move |changed| {
        if changed.playhead {
            net2.borrow_mut().update();
        }
        if !(changed.data || changed.view) {
            // A step of playback: nothing of the view to compare (and no copy of it made).
            return;
        }
        // No borrow is held across a change of the store: a listener may be called again from
        // inside (the playhead set here tells every listener, this one too).
        let view = store::view();
        let (lang_changed, off_changed, date_changed) = {
            let mut last = last.borrow_mut();
            let diff = (view.lang != last.lang, view.off != last.off, view.date != last.date);
            *last = view.clone();
            diff
        };
        if changed.data {
            let mut n = net2.borrow_mut();
            n.data = store::data();
            n.lang = view.lang;
            n.rebuild();
            n.relabel();
            n.retime();
            n.update();
            drop(n);
            slice_in(&net2);
        } else if changed.view {
            let mut n = net2.borrow_mut();
            if lang_changed {
                n.lang = view.lang;
                n.relabel();
            }
            if off_changed {
                n.retime();
                n.update();
            }
        }
        if changed.view && date_changed && !net2.borrow().playing {
            // Not playing: the playhead follows the journey date (the URL's `date`).
            store::set_playhead(view.date.clamp(start_day(), end_day()));
        }
    });
}

/// On a phone, where the drawing is wider than its box, scrolls the box once to the journey's
/// platforms (between where its offer is met and its merchant), when the network is first laid
/// out: now if it is, else when it nears the viewport (it waits until then: `content-visibility`).
fn centre_when_shown(net: &Shared) {
    let done = Rc::new(std::cell::Cell::new(false));
    let try_centre: Rc<dyn Fn()> = {
        let (net, done) = (Rc::clone(net), Rc::clone(&done));
        Rc::new(move || {
            if !done.get() {
                done.set(net.borrow().centre_on_journey());
            }
        })
    };
    let later = Rc::clone(&try_centre);
    crate::html::after_next_frame(Box::new(move || later()));
    let section = net.borrow().els.scroll.closest("section").ok().flatten();
    if let Some(section) = section {
        crate::html::on(section.as_ref(), "contentvisibilityautostatechange", Box::new(move |_| try_centre()));
    }
}

/// The section's listeners: the controls, the keyboard, hovering and focusing edges, the
/// description's disclosure and the exports.
fn listen(net: &Shared, describe_box: &Element) {
    let n = net.borrow();
    let on = |target: &Element, event: &str, f: fn(&Shared, &web_sys::Event)| {
        let net = Rc::clone(net);
        crate::html::on(target.as_ref(), event, Box::new(move |ev| f(&net, &ev)));
    };
    on(&n.els.play, "click", |net, _| toggle(net));
    on(&n.els.jump_start, "click", |net, _| jump(net, start_day()));
    on(&n.els.prev, "click", |net, _| prev_event(net));
    on(&n.els.next, "click", |net, _| next_event(net));
    on(&n.els.jump_end, "click", |net, _| jump(net, end_day()));
    on(&n.els.playback, "keydown", |net, ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        match ev.key().as_str() {
            " " => toggle(net),
            "ArrowLeft" => prev_event(net),
            "ArrowRight" => next_event(net),
            "Home" => jump(net, start_day()),
            "End" => jump(net, end_day()),
            _ => return,
        }
        ev.prevent_default();
    });
    on(&n.els.scrub, "input", |net, ev| {
        if let Ok(days) = crate::html::value_of(ev).parse::<i64>() {
            net.borrow_mut().set_playing(false);
            store::set_playhead(start_day() + chrono::Duration::days(days));
        }
    });
    on(&n.els.scrub, "change", |_, _| write_date());
    on(&n.els.speed, "change", |net, ev| {
        if let Ok(v) = crate::html::value_of(ev).parse::<u32>() {
            net.borrow_mut().speed = v;
        }
    });
    // The accessible name and the mouse tooltip of an edge, written when it is pointed at.
    let inspect = |net: &Shared, ev: &web_sys::Event| {
        let Some(path) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(i) = path.get_attribute("data-index").and_then(|i| i.parse::<usize>().ok()) else { return };
        let mut n = net.borrow_mut();
        let Some(label) = n.edge_label(i) else { return };
        set(&path, "aria-label", &label);
        crate::html::set_svg_title(&path, &label);
        n.inspected = Some(i);
        n.show_info();
    };
    on(&n.els.hits, "mouseover", inspect);
    on(&n.els.hits, "focusin", inspect);
    on(describe_box, "toggle", |net, ev| {
        let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
        let mut n = net.borrow_mut();
        n.describe_open = open;
        n.show_description();
    });
    on(&n.els.export_svg, "click", |net, _| {
        if let Some(svg) = net.borrow().export_svg() {
            let name = format!("hutong-network-{}.svg", fmt::iso(store::playhead()));
            let _ = export::download_text(&name, "image/svg+xml", &svg);
        }
    });
    on(&n.els.export_png, "click", |net, _| {
        if let Some(svg) = net.borrow().export_svg() {
            let name = format!("hutong-network-{}.png", fmt::iso(store::playhead()));
            let _ = export::download_png(&name, &svg, WIDTH, HEIGHT + 40.0);
        }
    });
}

/// The URL's date is written when playback pauses or a jump lands, not every step.
fn write_date() {
    let at = store::playhead();
    store::update_view(|v| v.date = at);
}

fn pause(net: &Shared) {
    net.borrow_mut().set_playing(false);
    write_date();
}

fn toggle(net: &Shared) {
    if net.borrow().playing {
        pause(net);
        return;
    }
    if store::playhead() >= end_day() {
        store::set_playhead(start_day());
    }
    let run = {
        let mut n = net.borrow_mut();
        n.set_playing(true);
        n.run += 1;
        n.run
    };
    // Reduced motion: a step a second instead of ten small ones.
    let reduced = reduced_motion();
    let page = store::page();
    let net = Rc::clone(net);
    crate::html::every(
        if reduced { 1000 } else { 100 },
        Box::new(move || {
            let (playing, current, speed) = {
                let n = net.borrow();
                (n.playing, n.run == run, n.speed)
            };
            if !playing || !current || store::page() != page {
                return false;
            }
            let now = store::playhead();
            let days = if reduced { 30 } else { i64::from(speed.div_ceil(10).max(1)) };
            let next = (now + chrono::Duration::days(days)).min(end_day());
            net.borrow_mut().passed(now, next, true);
            store::set_playhead(next);
            if next >= end_day() {
                pause(&net);
                return false;
            }
            true
        }),
    );
}

fn jump(net: &Shared, to: NaiveDate) {
    let from = store::playhead();
    {
        let mut n = net.borrow_mut();
        n.set_playing(false);
        if to > from {
            n.passed(from, to, false);
        }
    }
    store::set_playhead(to);
    store::update_view(|v| v.date = to);
}

fn prev_event(net: &Shared) {
    let now = store::playhead();
    let day = net.borrow().event_days.iter().rev().find(|d| **d < now).copied();
    if let Some(d) = day {
        jump(net, d);
    }
}

fn next_event(net: &Shared) {
    let now = store::playhead();
    let day = net.borrow().event_days.iter().find(|d| **d > now).copied();
    if let Some(d) = day {
        jump(net, d);
    }
}

impl Net {
    /// Scrolls the phone's network box to the journey's platforms; false when the box has not
    /// been laid out yet (or does not scroll: then there is nothing to do).
    fn centre_on_journey(&self) -> bool {
        let scroll = &self.els.scroll;
        let (width, shown) = (scroll.scroll_width(), scroll.client_width());
        if shown == 0 {
            return false;
        }
        if width <= shown {
            return true;
        }
        let view = store::view();
        let xs: Vec<f64> = [&view.from, &view.shop]
            .into_iter()
            .filter_map(|id| super::layout::platform_of(&self.data, id))
            .filter_map(|p| self.node_x.iter().find(|(q, _)| q == p).map(|(_, x)| *x))
            .collect();
        // Both ends when they fit in the box (with room for their labels), else where the offer is met.
        let x = match xs[..] {
            [] => WIDTH / 2.0,
            [from, shop] if (from - shop).abs() + 160.0 <= f64::from(shown) => (from + shop) / 2.0,
            [from, ..] => from,
        };
        // The drawing is at its own scale here (one unit a pixel).
        scroll.set_scroll_left((x as i32) - shown / 2);
        true
    }

    /// The picture for the dataset in use: positions, edges, nodes, the hover layer.
    fn rebuild(&mut self) {
        let data = Arc::clone(&self.data);
        let model = store::actual_for(&data);
        let channels = model.channels();
        self.actual = Arc::new(channel_timelines(&model, &channels));
        let (nodes, edges) = layout(&data, &channels);
        self.node_x = nodes.iter().map(|n| (n.platform.clone(), n.x)).collect();
        self.many = edges.len() > MANY;
        set(&self.els.svg, "class", if self.many { "many" } else { "" });
        if self.many {
            let _ = self.els.side_hint.remove_attribute("hidden");
        } else {
            set(&self.els.side_hint, "hidden", "");
        }
        // The playback steps to, and announces, the events that change a channel: the ones the
        // network draws (the others, figures and statements, have no title on the first screen).
        let mut days: Vec<NaiveDate> =
            data.events.iter().filter(|e| !e.effects.is_empty()).filter_map(|e| e.date.earliest()).collect();
        hutong_core::sort::sort(&mut days);
        days.dedup();
        self.event_days = days;

        crate::html::clear(&self.els.lines);
        self.lines = if self.many {
            (0..GROUPS)
                .map(|group| {
                    let (word, marked) = group_word(group);
                    svg(
                        "path",
                        &[
                            ("class", "edge-line"),
                            ("d", ""),
                            ("fill", "none"),
                            ("stroke", verdict_colour(word)),
                            ("stroke-width", if marked { "2.5" } else { "1" }),
                        ],
                        Some(&self.els.lines),
                    )
                })
                .collect()
        } else {
            edges
                .iter()
                .map(|e| {
                    svg(
                        "path",
                        &[("class", "edge-line"), ("d", &e.d), ("fill", "none"), ("stroke-opacity", "0.85")],
                        Some(&self.els.lines),
                    )
                })
                .collect()
        };
        crate::html::clear(&self.els.nodes);
        for n in &nodes {
            let g = svg("g", &[("class", "node"), ("data-platform", &n.platform)], Some(&self.els.nodes));
            let colour = OWNER_COLOURS[n.owner_index % OWNER_COLOURS.len()];
            let (x, y) = (px(n.x).to_string(), px(n.y).to_string());
            svg(
                "circle",
                &[("cx", &x), ("cy", &y), ("r", "7"), ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "2")],
                Some(&g),
            );
            let lx = px(if n.label_right { n.x + 10.0 } else { n.x - 10.0 }).to_string();
            svg(
                "text",
                &[
                    ("x", &lx),
                    ("y", &px(n.y + 4.0).to_string()),
                    ("font-size", "11"),
                    ("fill", "#1f1b16"),
                    ("text-anchor", if n.label_right { "start" } else { "end" }),
                ],
                Some(&g),
            );
        }
        let ids: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
        set_text(&self.els.sources, &ids.join(" · "));

        crate::html::clear(&self.els.hits);
        self.states = vec![None; edges.len()];
        self.hits = vec![None; edges.len()];
        self.inspected = None;
        self.edges = edges;
        // Past MANY the hover layer comes in slices after the first paint (the drawing is whole at
        // once); each slice a group of its own.
        let n = self.edges.len();
        let slices = n.div_ceil(crate::html::SLICE);
        let groups: Vec<Element> = (0..slices).map(|_| svg("g", &[], Some(&self.els.hits))).collect();
        self.pending.clear();
        for (k, g) in groups.into_iter().enumerate().rev() {
            if n <= MANY {
                self.build_hits(k, &g);
            } else {
                self.pending.push((k, g));
            }
        }
    }

    /// The hover layer's edges of slice `k`.
    fn build_hits(&mut self, k: usize, g: &Element) {
        let lang = self.lang;
        let range = k * crate::html::SLICE..((k + 1) * crate::html::SLICE).min(self.edges.len());
        for i in range {
            let e = &self.edges[i];
            let (word, grounds) = self.states[i].map_or((Word::Undecided, None), |s| (s.0.word(), s.2));
            let path = svg(
                "path",
                &[
                    ("class", "edge"),
                    ("d", &e.d),
                    ("data-testid", "edge"),
                    ("data-from", &e.id.from),
                    ("data-to", &e.id.to),
                    ("data-channel", channel_id(e.id.channel)),
                    ("data-verdict", word.id()),
                    ("data-index", &i.to_string()),
                    ("tabindex", "0"),
                    ("role", "img"),
                    ("aria-label", &edge_name(&self.data, &e.id, lang)),
                ],
                Some(g),
            );
            if let Some(grounds) = grounds {
                set(&path, "data-grounds", grounds);
            }
            self.hits[i] = Some(path);
        }
    }

    /// The words of the section in the language in use.
    fn relabel(&mut self) {
        let lang = self.lang;
        let s = network_strings(lang);
        let e = &self.els;
        set_text(&e.heading, s.heading());
        set(&e.playback, "aria-label", s.heading());
        set(&e.jump_start, "aria-label", s.jump_start());
        set(&e.prev, "aria-label", s.previous_event());
        set(&e.next, "aria-label", s.next_event());
        set(&e.jump_end, "aria-label", s.jump_end());
        set(&e.scrub, "aria-label", s.playhead_date());
        e.speed_label.set_data(&format!("{} ", s.speed()));
        let options = e.speed.children();
        for (k, label) in [s.month_a_second(), s.quarter_a_second(), s.year_a_second(), s.three_years_a_second()]
            .into_iter()
            .enumerate()
        {
            if let Some(o) = options.item(k as u32) {
                set_text(&o, label);
            }
        }
        set(&e.hits, "aria-label", s.channels());
        set_text(&e.swipe, s.swipe());
        set_text(&e.side_hint, s.many_channels());
        crate::html::clear(&e.legend);
        for w in [Word::Direct, Word::Workaround, Word::Partial, Word::Announced, Word::Blocked, Word::Undecided] {
            let li = el("li", &[], Some(&e.legend));
            el("span", &[("class", &format!("swatch swatch-{}", w.id()))], Some(&li));
            crate::html::text(&li, word_name(w, lang));
        }
        set_text(&e.describe_summary, s.describe());
        set_text(&e.table_summary, crate::i18n::table_strings(lang).summary());
        set_text(&e.export_svg, &format!("{} (SVG)", s.export()));
        set_text(&e.export_png, &format!("{} (PNG)", s.export()));
        // The platforms' names, and the edges' names until one is inspected again.
        let groups = e.nodes.children();
        for k in 0..groups.length() {
            let Some(g) = groups.item(k) else { continue };
            let id = g.get_attribute("data-platform").unwrap_or_default();
            let name = self.data.platform(&id).map_or(id.as_str(), |p| p.name.get(lang));
            if let Some(t) = g.last_element_child() {
                set_text(&t, name);
            }
        }
        for (path, e) in self.hits.iter().zip(&self.edges) {
            if let Some(path) = path {
                set(path, "aria-label", &edge_name(&self.data, &e.id, lang));
            }
        }
        self.show_playhead();
        self.show_info();
        self.show_description();
    }

    /// The counterfactual's timelines, when events are switched off.
    fn retime(&mut self) {
        let view = store::view();
        self.off = view.off.clone();
        let off = view.off_set(&self.data);
        self.cf = (!off.is_empty()).then(|| {
            let channels: Vec<ChannelId> = self.actual.iter().map(|t| t.id.clone()).collect();
            channel_timelines(&Model::new(&self.data, &off), &channels)
        });
    }

    /// The edges at the playhead: only the attributes that changed are written.
    fn update(&mut self) {
        let day = store::playhead();
        let mut changed = false;
        for i in 0..self.edges.len() {
            let Some(t) = self.actual.get(i) else { continue };
            let run = t.at(day);
            let cf = self.cf.as_ref().map(|c| c[i].at(day));
            let v = run.verdict;
            let w = cf.map(|r| r.verdict);
            let grounds = cf.unwrap_or(run).grounds.as_ref().map(|g| g.id());
            let (verdict, marked) = (w.unwrap_or(v), w.is_some_and(|w| w != v));
            let next = Some((verdict, marked, grounds));
            if self.states[i] == next {
                continue;
            }
            self.states[i] = next;
            changed = true;
            let word = verdict.word();
            if !self.many {
                let line = &self.lines[i];
                set_if(line, "class", if marked { "edge-line counterfactual" } else { "edge-line" });
                set_if(line, "stroke", verdict_colour(word));
                set_if(line, "stroke-width", if word == Word::Direct { "2.4" } else { "1.8" });
                set_if(line, "stroke-dasharray", dashes(word));
            }
            if let Some(hit) = &self.hits[i] {
                set_if(hit, "data-verdict", word.id());
                match grounds {
                    Some(grounds) => set_if(hit, "data-grounds", grounds),
                    None => {
                        let _ = hit.remove_attribute("data-grounds");
                    }
                }
            }
        }
        if changed && self.many {
            let mut ds: [String; GROUPS] = std::array::from_fn(|_| String::new());
            for (e, state) in self.edges.iter().zip(&self.states) {
                if let Some((v, marked, _)) = state {
                    let d = &mut ds[group_of(v.word(), *marked)];
                    d.push_str(&e.d);
                    d.push(' ');
                }
            }
            for (line, d) in self.lines.iter().zip(ds) {
                set_if(line, "d", &d);
            }
        }
        self.show_playhead();
        self.show_info();
        self.show_description();
    }

    fn set_playing(&mut self, playing: bool) {
        if self.playing == playing {
            return;
        }
        self.playing = playing;
        self.show_playhead();
        self.show_description();
    }

    /// The playhead's date, the scrubber, the play button, the caption.
    fn show_playhead(&self) {
        let day = store::playhead();
        let lang = self.lang;
        let s = network_strings(lang);
        let e = &self.els;
        set_if(&e.play, "aria-pressed", if self.playing { "true" } else { "false" });
        set_text(&e.play, if self.playing { s.pause() } else { s.play() });
        set_if(&e.playhead, "data-date", &fmt::iso(day));
        set_text(&e.playhead, &fmt::day(day, lang));
        set_if(&e.scrub, "aria-valuetext", &fmt::day(day, lang));
        crate::html::set_value(&e.scrub, &(day - start_day()).num_days().to_string());
        // The caption's date is drawn while the playhead stands still: a text in the SVG that
        // changed on every step cost a relayout of the page per step. The playhead above shows the
        // date meanwhile, and an export always carries it.
        let still = (!self.playing).then_some(day);
        set_text(&e.caption, &self.caption(still));
        set_if(
            &e.svg,
            "aria-label",
            &match still {
                Some(day) => format!("{} · {}", s.heading(), fmt::day(day, lang)),
                None => s.heading().to_string(),
            },
        );
    }

    fn caption(&self, day: Option<NaiveDate>) -> String {
        let version = &self.data.version;
        match day {
            Some(day) => format!("Hutong 互通 · {} · {version}", fmt::day(day, self.lang)),
            None => format!("Hutong 互通 · {version}"),
        }
    }

    /// The last edge hovered or focused, at the playhead.
    fn show_info(&self) {
        let e = &self.els.info;
        match self.inspected.and_then(|i| self.edge_label(i)) {
            Some(label) => {
                set_if(e, "class", "edge-info");
                set_text(e, &label);
            }
            None => {
                set_if(e, "class", "edge-info hint");
                set_text(e, network_strings(self.lang).point_hint());
            }
        }
    }

    /// Past 400 channels the text is long (and costs a long frame to build and lay out), so it
    /// waits until someone opens it; exports always carry it.
    fn show_description(&self) {
        let text = if (self.playing || self.many) && !self.describe_open {
            String::new()
        } else {
            describe(&self.data, &self.shown_states(), self.lang)
        };
        set_text(&self.els.description, &text);
    }

    fn shown_states(&self) -> Vec<(ChannelId, Verdict, bool)> {
        let day = store::playhead();
        self.actual
            .iter()
            .map(|t| {
                let run = t.at(day);
                (t.id.clone(), run.verdict, run.grounds.as_ref().is_some_and(|g| g.stated()))
            })
            .collect()
    }

    /// What an edge says at the playhead: its verdict (the counterfactual's when events are switched
    /// off) and the events behind it.
    fn edge_label(&self, i: usize) -> Option<String> {
        let day = store::playhead();
        let timeline = self.actual.get(i)?;
        let run = self.cf.as_ref().map_or_else(|| timeline.at(day), |c| c[i].at(day));
        let cites: Vec<String> = run
            .basis
            .iter()
            .filter_map(|b| self.data.events.get(b.event).map(|e| basis_label(e, b, self.lang)))
            .collect();
        Some(format!(
            "{}: {}{}",
            edge_name(&self.data, &timeline.id, self.lang),
            answer_text(run.verdict, run.grounds.as_ref(), self.lang),
            if cites.is_empty() { String::new() } else { format!(" — {}", cites.join("; ")) }
        ))
    }

    /// Summarises the events the playhead has just passed (the latest one), politely. While
    /// playing, at most one announcement every ANNOUNCE_MS: with a dense dataset an event passes
    /// at every step, and a screen reader would only queue them. A step or a jump says where it
    /// landed at once.
    fn passed(&mut self, from: NaiveDate, to: NaiveDate, while_playing: bool) {
        let now = js_sys::Date::now();
        if while_playing && now - self.last_announced < ANNOUNCE_MS {
            return;
        }
        let lang = self.lang;
        let changes = |e: &&hutong_core::Event| !e.effects.is_empty();
        if let Some(e) = self
            .data
            .events
            .iter()
            .rev()
            .filter(changes)
            .find(|e| e.date.earliest().is_some_and(|d| d > from && d <= to))
        {
            set_text(&self.els.live, &format!("{} — {}", fmt::date(&e.date, lang), e.title.get(lang)));
            self.last_announced = now;
        }
    }

    /// A copy of the drawing with the caption at the playhead and the generated description as its
    /// alt text (`<desc>`); the page's own drawing is not touched.
    fn export_svg(&self) -> Option<String> {
        let copy: Element = self.els.svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        if let Ok(Some(text)) = copy.query_selector("[data-caption]") {
            text.set_text_content(Some(&self.caption(Some(store::playhead()))));
        }
        let desc = svg("desc", &[], None);
        desc.set_text_content(Some(&describe(&self.data, &self.shown_states(), self.lang)));
        copy.prepend_with_node_1(&desc).ok()?;
        Some(copy.outer_html())
    }
}

/// Builds the hover layer's remaining slices, one task each, after the first paint (past `MANY`
/// edges the drawing is whole at once and the elements to hover come after).
fn slice_in(net: &Shared) {
    let page = store::page();
    let net = Rc::clone(net);
    crate::html::after_next_frame(Box::new(move || {
        crate::html::every(
            0,
            Box::new(move || {
                if store::page() != page {
                    return false;
                }
                let mut n = net.borrow_mut();
                let Some((k, g)) = n.pending.pop() else { return false };
                n.build_hits(k, &g);
                !n.pending.is_empty()
            }),
        );
    }));
}
