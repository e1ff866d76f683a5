//! The journey explorer: pick a day, a surface, a merchant and an instrument; see the verdict, the
//! route hop by hop with the events that decide each hop, every instrument at once, and what
//! changes when events are switched off. The model answers; this only draws.
//!
//! Drawn with plain DOM calls from the store (`store.rs`, `html.rs`): it is the first screen, and
//! the Leptos runtime is not part of the first load. The form's controls are built once; what the
//! model answers is drawn anew when the dataset, the language, the journey or the switched-off
//! events change (never while playback moves the playhead). One listener per kind of event on the
//! section (delegation): the buttons say what they do in `data-act`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use hutong_core::route::{differences, Answer, Basis, Grounds, Model, Role, Route, Rule, Rules, Step, Verdict, Word};
use hutong_core::{Dataset, Lang};
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::html::{el, text, text_el};
use crate::i18n::{
    channel_name, explorer_strings, grounds_how, grounds_text, level_name, rule_text, word_name, GROUNDS_SEP,
};
use crate::{fmt, store};

/// The verdict in words: the word, and for `undecided` both ends.
pub fn verdict_text(v: Verdict, lang: Lang) -> String {
    let s = explorer_strings(lang);
    match v.word() {
        Word::Undecided => format!(
            "{} ({} {} {} {})",
            word_name(Word::Undecided, lang),
            s.between(),
            level_name(v.lo, lang),
            s.and(),
            level_name(v.hi, lang)
        ),
        w => word_name(w, lang).to_string(),
    }
}

/// A verdict in words with how it is known, when it is decided ("direct — stated", "blocked —
/// inferred: persists; last confirmed …"); an undecided one as [`verdict_text`] says it.
pub fn answer_text(v: Verdict, grounds: Option<&Grounds>, lang: Lang) -> String {
    match grounds {
        Some(g) if v.word() != Word::Undecided => grounds_text(g, v.word(), lang),
        _ => verdict_text(v, lang),
    }
}

/// An element with attributes and, for a decided verdict, the hooks of its grounds: `data-grounds`
/// (`stated` or `inferred`) and `data-rules` (the rules' ids). An undecided one has neither.
fn el_with_grounds(tag: &str, attrs: &[(&str, &str)], grounds: Option<&Grounds>, parent: &Element) -> Element {
    let e = el(tag, attrs, Some(parent));
    if let Some(g) = grounds {
        crate::html::set(&e, "data-grounds", g.id());
        crate::html::set(&e, "data-rules", &rule_ids(g.rules));
    }
    e
}

/// After a decided verdict's badge, how it is known: " — stated", " — inferred: …".
fn grounds_after(parent: &Element, grounds: Option<&Grounds>, lang: Lang) {
    if let Some(g) = grounds {
        let class = if g.stated() { "verdict-grounds grounds-stated" } else { "verdict-grounds grounds-inferred" };
        let mut words = String::from(GROUNDS_SEP);
        words.push_str(&grounds_how(g, lang));
        text_el("span", &[("class", class)], &words, parent);
    }
}

/// A node's name in the language, or its id when the dataset has no name for it.
pub fn name(data: &Dataset, id: &str, lang: Lang) -> String {
    data.name(id).map_or(id.to_string(), |t| t.get(lang).to_string())
}

/// The journey of `view` written into `template` (`{date}`, `{from}`, `{shop}`, `{pay}`): the one
/// place a journey becomes a sentence.
pub fn journey_words(template: &str, data: &Dataset, view: &crate::url::ViewState, lang: Lang) -> String {
    template
        .replace("{date}", &crate::fmt::day(view.date, lang))
        .replace("{from}", &name(data, &view.from, lang))
        .replace("{shop}", &name(data, &view.shop, lang))
        .replace("{pay}", &name(data, &view.pay, lang))
}

/// The journey of `view` as a question ("On 1 Jun 2014, can a shopper who meets an offer on …").
pub fn journey_question(data: &Dataset, view: &crate::url::ViewState, lang: Lang) -> String {
    journey_words(crate::i18n::strings(lang).journey_question(), data, view, lang)
}

/// Switches an event off (a counterfactual), or back on.
pub fn toggle_off(id: String) {
    let data = store::data();
    store::update_view(|v| {
        if let Some(i) = v.off.iter().position(|o| *o == id) {
            v.off.remove(i);
        } else {
            v.off.push(id);
            crate::url::in_event_order(&mut v.off, &data);
        }
    });
}

/// What the answer depends on: when it is the same, nothing is redrawn.
#[derive(PartialEq)]
struct Key {
    data: usize,
    lang: Lang,
    journey: (chrono::NaiveDate, String, String, String),
    off: Vec<String>,
}

fn key() -> Key {
    store::with(|s| Key {
        data: Arc::as_ptr(&s.data) as usize,
        lang: s.view.lang,
        journey: (s.view.date, s.view.from.clone(), s.view.shop.clone(), s.view.pay.clone()),
        off: s.view.off.clone(),
    })
}

/// The explorer's section, drawn from the store and kept in step with it.
pub fn explorer(parent: &Element) -> Element {
    let (section, answer) = explorer_form(parent);
    answer();
    section
}

/// The explorer's heading and form, with the journey's values; the function returned draws the
/// answer below them (a task later on the site: issue 14) and keeps both in step with the store.
pub fn explorer_form(parent: &Element) -> (Element, Box<dyn FnOnce()>) {
    let section = el(
        "section",
        &[("class", "explorer"), ("data-testid", "explorer"), ("aria-labelledby", "explorer-heading")],
        Some(parent),
    );
    let heading = el("h2", &[("id", "explorer-heading")], Some(&section));
    let intro = el("p", &[("class", "hint")], Some(&section));
    let form = el("div", &[("class", "journey-form")], Some(&section));
    let label = el("label", &[], Some(&form));
    let date_label = el("span", &[], Some(&label));
    let date = el(
        "input",
        &[("type", "date"), ("data-testid", "date-input"), ("min", "2004-01-01"), ("max", "2025-12-31")],
        Some(&label),
    );
    let selects: Vec<(Element, Element)> = ["from-select", "shop-select", "pay-select"]
        .iter()
        .map(|testid| {
            let label = el("label", &[], Some(&form));
            (el("span", &[], Some(&label)), el("select", &[("data-testid", testid)], Some(&label)))
        })
        .collect();
    let verdict_row = el("div", &[("class", "verdict-row")], Some(&section));
    let off_list = el("div", &[("class", "off-list"), ("data-testid", "off-list")], Some(&section));
    let instruments = el("div", &[("class", "instruments")], Some(&section));

    // The controls' labels and options: once per dataset and language.
    let labels = {
        let (heading, intro, date_label, selects) = (heading, intro, date_label, selects.clone());
        move || {
            let lang = store::lang();
            let s = explorer_strings(lang);
            heading.set_text_content(Some(s.heading()));
            intro.set_text_content(Some(s.intro()));
            date_label.set_text_content(Some(s.date()));
            let data = store::data();
            let lists: [(&str, &Vec<hutong_core::Node>); 3] =
                [(s.from(), &data.surfaces), (s.shop(), &data.merchants), (s.pay(), &data.instruments)];
            for ((span, select), (name, list)) in selects.iter().zip(lists) {
                span.set_text_content(Some(name));
                crate::html::clear(select);
                for n in list {
                    text_el("option", &[("value", &n.id)], n.name.get(lang), select);
                }
            }
        }
    };
    // The controls' values: whenever the view changes.
    let values = {
        let (date, selects) = (date.clone(), selects.clone());
        move || {
            let v = store::view();
            crate::html::set_value(&date, &fmt::iso(v.date));
            for ((_, select), value) in selects.iter().zip([&v.from, &v.shop, &v.pay]) {
                crate::html::set_value(select, value);
            }
        }
    };
    let cache: Rc<RefCell<Option<(Vec<String>, usize, Arc<Model<'static>>)>>> = Rc::default();
    // A copy of what was last drawn in each of the answer's three places.
    let drawn: Rc<RefCell<[Option<web_sys::Node>; 3]>> = Rc::default();
    let places = [verdict_row, off_list, instruments];
    let draw = Rc::new(move || {
        // Each place says the language it is drawn in: a new language reaches the explorer's
        // heading and form at once and the answer after the paint (below), and until then the
        // places' own `lang` keeps the browser from laying their old words out again for it.
        let lang = store::lang();
        for place in &places {
            crate::html::set_if(place, "lang", crate::i18n::lang_tag(lang));
        }
        let aside: [Element; 3] =
            places.each_ref().map(|p| p.clone_node().map_or_else(|_| p.clone(), |n| n.unchecked_into()));
        // Drawn aside first, then compared with what was last drawn (`isEqualNode`): a place that
        // would look the same is left as it is (another day of a scrub or a step that changes
        // nothing there: no layout, and the reader's open details stay open).
        let [verdict_row, off_list, instruments] = aside.each_ref();
        let data = store::data();
        let view = store::view();
        let s = explorer_strings(lang);
        let off = view.off_set(&data);
        let journey = view.journey();
        let actual = store::actual();
        // The counterfactual model, kept while the switched-off events and the dataset stay.
        let model = if off.is_empty() {
            actual.clone()
        } else {
            let mut c = cache.borrow_mut();
            let ptr = Arc::as_ptr(&data) as usize;
            match &*c {
                Some((ids, p, m)) if *ids == view.off && *p == ptr => m.clone(),
                _ => {
                    let m = Arc::new(Model::shared(Arc::clone(&data), &off));
                    *c = Some((view.off.clone(), ptr, m.clone()));
                    m
                }
            }
        };
        let answer = model.answer(view.date, &journey);

        crate::html::clear(&verdict_row);
        verdict_view(&verdict_row, &answer, &data, lang);
        if !off.is_empty() {
            let v = actual.verdict(view.date, &journey);
            let grounds = (v.word() != Word::Undecided).then(|| actual.answer(view.date, &journey).grounds()).flatten();
            let p = el_with_grounds(
                "p",
                &[("class", "actual"), ("data-testid", "verdict-actual"), ("data-verdict", v.word().id())],
                grounds.as_ref(),
                &verdict_row,
            );
            text(&p, &format!("{}: ", s.actual()));
            text_el("span", &[("class", &format!("badge badge-{}", v.word().id()))], &verdict_text(v, lang), &p);
            grounds_after(&p, grounds.as_ref(), lang);
        }

        crate::html::clear(&off_list);
        text_el("h3", &[], s.switched_off(), &off_list);
        if view.off.is_empty() {
            text_el("p", &[("class", "muted")], s.none_off(), &off_list);
        } else {
            let made = differences(&data, &off, view.date, &journey);
            let ul = el("ul", &[], Some(&off_list));
            for id in &view.off {
                let index = data.events.iter().position(|e| e.id == *id);
                // An event that changes no channel has no title on the first screen until its
                // texts arrive: its id stands for it.
                let title = index.map(|i| data.events[i].title.get(lang)).filter(|t| !t.is_empty()).unwrap_or(id);
                let decisive = index.is_some_and(|i| made.contains(&i));
                let li = el(
                    "li",
                    &[("data-event-id", id), ("data-decisive", if decisive { "true" } else { "false" })],
                    Some(&ul),
                );
                text(&li, title);
                if decisive {
                    text(&li, " ");
                    text_el("strong", &[("class", "decisive")], s.made_difference(), &li);
                }
                text(&li, " ");
                text_el("button", &[("class", "small"), ("data-act", "off"), ("data-id", id)], s.switch_on(), &li);
            }
            text_el("button", &[("class", "small"), ("data-act", "reset-off")], s.reset_off(), &off_list);
        }

        crate::html::clear(&instruments);
        text_el("h3", &[], s.all_instruments(), &instruments);
        let ul = el("ul", &[], Some(&instruments));
        for p in &data.instruments {
            let journey = hutong_core::route::Journey::new(&view.from, &view.shop, &p.id);
            let v = model.verdict(view.date, &journey);
            // How it is known, asked only of a decided verdict.
            let grounds = (v.word() != Word::Undecided).then(|| model.answer(view.date, &journey).grounds()).flatten();
            let current = p.id == view.pay;
            let li = el("li", &[], Some(&ul));
            let button = el_with_grounds(
                "button",
                &[
                    ("class", &format!("instrument badge-{}{}", v.word().id(), if current { " current" } else { "" })),
                    ("data-testid", "instrument-verdict"),
                    ("data-pay", &p.id),
                    ("data-verdict", v.word().id()),
                    ("aria-pressed", if current { "true" } else { "false" }),
                    ("data-act", "pay"),
                ],
                grounds.as_ref(),
                &li,
            );
            text_el("span", &[("class", "instrument-name")], &name(&data, &p.id, lang), &button);
            let word = text_el("span", &[("class", "instrument-word")], &verdict_text(v, lang), &button);
            if let Some(g) = &grounds {
                let mut marker = String::from(" · ");
                marker.push_str(if g.stated() { s.stated() } else { s.inferred() });
                text_el("span", &[("class", "instrument-ground")], &marker, &word);
            }
        }

        let mut last = drawn.borrow_mut();
        let mut kept = [false; 3];
        for (i, (place, new)) in places.iter().zip(&aside).enumerate() {
            if last[i].as_ref().is_some_and(|l| new.is_equal_node(Some(l))) {
                kept[i] = true;
                continue;
            }
            last[i] = new.clone_node_with_deep(true).ok();
            crate::html::clear(place);
            while let Some(child) = new.first_child() {
                let _ = place.append_child(&child);
            }
        }
        // The same undecided answer on another day: what would decide it is asked of the new day.
        if kept[0] && answer.verdict.word() == Word::Undecided {
            if let (Some(fill), Ok(Some(place))) = (DECIDER.get(), places[0].query_selector("[data-testid=decide]")) {
                fill(&place);
            }
        }
    });

    labels();
    values();
    // The answer, and from then on both kept in step with the store (the labels again if the
    // language or the dataset changed in between).
    let labelled = (store::lang(), Arc::as_ptr(&store::data()) as usize);
    let answer = Box::new(move || {
        if (store::lang(), Arc::as_ptr(&store::data()) as usize) != labelled {
            labels();
        }
        values();
        draw();
        let last = RefCell::new((key(), Arc::as_ptr(&store::data()) as usize, store::lang()));
        store::subscribe(move |changed| {
            if !(changed.data || changed.view) {
                return;
            }
            let now = key();
            let mut last = last.borrow_mut();
            if changed.data || now.lang != last.2 || now.data != last.1 {
                labels();
            }
            values();
            if now != last.0 {
                if now.lang != last.2 {
                    // A new language: the answer, redrawn whole, comes after the paint that shows
                    // the rest of the first screen in it (issue 24: 30–40 ms of a phone's click).
                    let draw = Rc::clone(&draw);
                    store::after_paint(move || draw());
                } else {
                    draw();
                }
            }
            *last = (Key { ..now }, Arc::as_ptr(&store::data()) as usize, store::lang());
        });
    });

    let target: &web_sys::EventTarget = section.as_ref();
    crate::html::on(
        target,
        "click",
        Box::new(|ev| {
            let Some(button) = crate::html::closest(&ev, "[data-act]") else { return };
            let id = button.get_attribute("data-id").unwrap_or_default();
            match button.get_attribute("data-act").as_deref() {
                Some("open") => store::update_view(|v| v.event = Some(id)),
                Some("off") => toggle_off(id),
                Some("reset-off") => store::update_view(|v| v.off.clear()),
                Some("pay") => {
                    let pay = button.get_attribute("data-pay").unwrap_or_default();
                    store::update_view(|v| v.pay = pay);
                }
                _ => {}
            }
        }),
    );
    crate::html::on(
        target,
        "change",
        Box::new(|ev| {
            let Some(control) = crate::html::closest(&ev, "[data-testid]") else { return };
            let value = crate::html::value_of(&ev);
            match control.get_attribute("data-testid").as_deref() {
                // A malformed or out-of-range day is ignored: the input keeps showing the last good one.
                Some("date-input") => {
                    if let Ok(day) = hutong_core::date::parse_day(&value) {
                        store::update_view(|v| v.date = day);
                    }
                }
                Some("from-select") => store::update_view(|v| v.from = value),
                Some("shop-select") => store::update_view(|v| v.shop = value),
                Some("pay-select") => store::update_view(|v| v.pay = value),
                _ => {}
            }
        }),
    );
    (section, answer)
}

thread_local! {
    static DECIDER: std::cell::Cell<Option<fn(&Element)>> = const { std::cell::Cell::new(None) };
}

/// Lets the parts say what would decide an undecided answer (`hutong::decide`, issue 23) in the box
/// the explorer leaves under such a verdict (`data-testid="decide"`), from the store: now in the
/// boxes already drawn, and in every box drawn from then on. The questions are the model's
/// (`hutong_core::decide`), which the first screen does not carry.
pub fn install_decider(fill: fn(&Element)) {
    DECIDER.set(Some(fill));
    if let Ok(boxes) = crate::html::document().query_selector_all("[data-testid=decide]") {
        for k in 0..boxes.length() {
            if let Some(place) = boxes.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                fill(&place);
            }
        }
    }
}

/// The verdict badge and the route hop by hop. Public contract: `data-testid="verdict"` with
/// `data-verdict`, and each cited event inside it with `data-event-id`.
fn verdict_view(parent: &Element, answer: &Answer, data: &Dataset, lang: Lang) {
    let s = explorer_strings(lang);
    let word = answer.verdict.word();
    let grounds = answer.grounds();
    let verdict = el_with_grounds(
        "div",
        &[("class", "verdict"), ("data-testid", "verdict"), ("data-verdict", word.id()), ("aria-live", "polite")],
        grounds.as_ref(),
        parent,
    );
    let head = el("p", &[("class", "verdict-head")], Some(&verdict));
    text_el("span", &[("class", "label")], &format!("{}: ", s.verdict()), &head);
    text_el("span", &[("class", &format!("badge badge-{}", word.id()))], &verdict_text(answer.verdict, lang), &head);
    grounds_after(&head, grounds.as_ref(), lang);
    let legend = el("p", &[("class", "ground-legend muted"), ("data-testid", "ground-legend")], Some(&verdict));
    ground_tag(&legend, true, lang);
    text(&legend, &format!(" {} · ", s.stated_hint()));
    ground_tag(&legend, false, lang);
    text(&legend, &format!(" {}", s.inferred_hint()));
    let hops = el("ol", &[("class", "hops")], Some(&verdict));
    for (title, routes) in [(s.reach(), &answer.reach.routes), (s.payment(), &answer.pay.routes)] {
        let li = el("li", &[("class", "hop")], Some(&hops));
        text_el("h3", &[], title, &li);
        if let Some(best) = routes.first() {
            route_view(&li, best, data, lang);
        }
        if routes.len() > 1 {
            let details = el("details", &[("class", "alternatives")], Some(&li));
            text_el("summary", &[], &format!("{} ({})", s.alternatives(), routes.len() - 1), &details);
            for r in &routes[1..] {
                route_view(&details, r, data, lang);
            }
        }
    }
    if word == Word::Undecided {
        // What would decide it (issue 23), after the route and outside the live verdict (it is
        // long): the parts write it here (`install_decider`).
        let place = el("div", &[("class", "decide"), ("data-testid", "decide")], Some(parent));
        if let Some(fill) = DECIDER.get() {
            fill(&place);
        }
    }
}

fn route_view(parent: &Element, route: &Route, data: &Dataset, lang: Lang) {
    let ul = el("ul", &[("class", "route")], Some(parent));
    for step in &route.steps {
        step_view(&ul, step, data, lang);
    }
}

/// How a step or a basis is known, as the `data-ground` hook and its tag: `stated` (its quotes say
/// it), `inferred` (a named rule goes beyond them), `silent` (no source speaks of it).
fn ground_tag(parent: &Element, stated: bool, lang: Lang) {
    let s = explorer_strings(lang);
    let (class, word, hint) =
        if stated { ("stated", s.stated(), s.stated_hint()) } else { ("inferred", s.inferred(), s.inferred_hint()) };
    text_el("span", &[("class", &format!("ground ground-{class}")), ("title", hint)], word, parent);
}

/// A hop as the reader sees it: "from → to · channel · via …" (no channel for the merchant's own
/// app or a hop no source speaks of). The explorer and the evidence sheet both write it.
pub fn step_head(step: &Step, data: &Dataset, lang: Lang) -> String {
    let s = explorer_strings(lang);
    let channel =
        if step.own_app || step.silent { String::new() } else { format!(" · {}", channel_name(step.channel, lang)) };
    let via = step.via.as_ref().map(|v| format!(" · {} {}", s.via(), name(data, v, lang))).unwrap_or_default();
    format!("{} → {}{channel}{via}", name(data, &step.from, lang), name(data, &step.to, lang))
}

/// The `data-ground` of a step: `silent`, `stated` or `inferred`.
pub fn ground_of(step: &Step) -> &'static str {
    if step.silent {
        "silent"
    } else if step.stated() {
        "stated"
    } else {
        "inferred"
    }
}

/// How an event bears on its step, in words ("announced" for one that may have taken effect).
/// The explorer and the evidence sheet both write it.
pub fn role_word(b: &Basis, lang: Lang) -> &'static str {
    let s = explorer_strings(lang);
    match b.role {
        Role::Maybe if b.rules.contains(Rule::MayHaveTakenEffect) => s.role_announced(),
        Role::InEffect => s.role_in_effect(),
        Role::Maybe => s.role_maybe(),
        Role::Before => s.role_before(),
        Role::NotYet => s.role_not_yet(),
    }
}

/// The quote an event is cited by for a step, and its source's id: a `before` by its own quote,
/// everything else by the event's.
pub fn cited(event: &hutong_core::Event, role: Role) -> (&str, &str) {
    match (&event.before, role) {
        (Some(before), Role::Before) => (&before.quote, &before.source),
        _ => (&event.cite.quote, &event.cite.source),
    }
}

pub fn rule_ids(rules: Rules) -> String {
    rules.iter().map(Rule::id).collect::<Vec<_>>().join(" ")
}

fn step_view(parent: &Element, step: &Step, data: &Dataset, lang: Lang) {
    let s = explorer_strings(lang);
    let word = step.verdict.word().id();
    let li = el(
        "li",
        &[
            ("class", &format!("step badge-edge-{word}")),
            ("data-testid", "step"),
            ("data-ground", ground_of(step)),
            ("data-rules", &rule_ids(step.all_rules())),
        ],
        Some(parent),
    );
    text_el("span", &[("class", "step-head")], &step_head(step, data, lang), &li);
    text(&li, " ");
    text_el("span", &[("class", &format!("badge small badge-{word}"))], &verdict_text(step.verdict, lang), &li);
    text(&li, " ");
    if step.silent {
        text_el("span", &[("class", "muted")], &format!(" — {}", s.silent()), &li);
    } else {
        ground_tag(&li, step.stated(), lang);
    }
    // The step's own rules (its own app, interoperability, a workaround not yet in existence).
    let rules = el("ul", &[("class", "rules")], Some(&li));
    for r in step.rules.iter() {
        text_el("li", &[("class", "rule"), ("data-rule", r.id())], &format!("↳ {}", rule_text(r, None, lang)), &rules);
    }
    let cites = el("ul", &[("class", "cites")], Some(&li));
    for b in &step.basis {
        let event = &data.events[b.event];
        let role = role_word(b, lang);
        let (quote, source_id) = cited(event, b.role);
        let summary = if b.role == Role::Before && event.before.is_some() { s.before_quote() } else { s.show_quote() };
        let source = data.source(source_id).map(|src| src.outlet.get(lang)).unwrap_or_default();
        let prior = event.before.as_ref().map(|x| x.state);
        let stated = b.stated();
        let li = el(
            "li",
            &[
                ("class", "cite"),
                ("data-event-id", &event.id),
                ("data-ground", if stated { "stated" } else { "inferred" }),
                ("data-rules", &rule_ids(b.rules)),
            ],
            Some(&cites),
        );
        if b.role != Role::NotYet {
            ground_tag(&li, stated, lang);
        }
        text(&li, " ");
        text_el(
            "button",
            &[("class", "link"), ("data-act", "open"), ("data-id", &event.id)],
            event.title.get(lang),
            &li,
        );
        text(&li, " ");
        text_el("span", &[("class", "muted")], &format!("({}; {})", fmt::date(&event.date, lang), role), &li);
        if !stated {
            let why = el("span", &[("class", "rules")], Some(&li));
            text(&why, " — ");
            for r in b.rules.iter() {
                text_el("span", &[("class", "rule"), ("data-rule", r.id())], rule_text(r, prior, lang), &why);
            }
        }
        let details = el("details", &[], Some(&li));
        text_el("summary", &[], summary, &details);
        text_el("blockquote", &[("lang", "zh")], quote, &details);
        text_el("p", &[("class", "muted")], source, &details);
        text_el(
            "button",
            &[("class", "small"), ("data-testid", "switch-off"), ("data-act", "off"), ("data-id", &event.id)],
            s.switch_off(),
            &li,
        );
    }
}
