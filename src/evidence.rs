//! The evidence sheet: the current journey on one or two printed pages — the question, the
//! verdict, the route hop by hop, every deciding event with its quote, source and date, whether
//! each step is stated or inferred (and by which rule), and the permalink. It is written from the
//! model's answer (`route::Model::answer`), the same one the explorer draws, never read off the
//! page. The print button builds it, marks `<html data-print="evidence">` so that the print
//! stylesheet shows the sheet alone, and prints; `afterprint` takes it away again.

use std::collections::HashSet;
use std::sync::Arc;

use hutong_core::route::{Answer, Basis, Model, Role, Route, Step, Word};
use hutong_core::{Dataset, Lang};
use leptos::prelude::*;

use crate::explorer::{answer_text, cited, ground_of, role_word, rule_ids, step_head, verdict_text};
use crate::fmt;
use crate::i18n::{explorer_strings, grounds_how, rule_text, story_strings, strings, GROUNDS_SEP};
use crate::state::use_ctx;

/// The print button. `printing` is set while the sheet is in the page, to be printed (the
/// toolbar shows the [`EvidenceSheet`] then, outside the row of controls that print hides).
#[component]
pub fn PrintButton(printing: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let done = move || {
        if let Some(root) = document().document_element() {
            let _ = root.remove_attribute("data-print");
        }
        let _ = printing.try_set(false);
    };
    let handle = window_event_listener_untyped("afterprint", move |_| done());
    on_cleanup(move || handle.remove());
    let print = move |_| {
        printing.set(true);
        // After the sheet is in the page (the view updates before the next frame).
        request_animation_frame(move || {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-print", "evidence");
            }
            let _ = window().print();
        });
    };
    let s = move || story_strings(ctx.lang());
    view! {
        <button class="small" data-testid="print-evidence" title=move || s().print_hint() on:click=print>
            {move || s().print()}
        </button>
    }
}

/// The sheet for the view as it is now (it is built for one printing).
#[component]
pub fn EvidenceSheet() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let data = ctx.data.get_untracked();
    let view = ctx.view.get_untracked();
    let journey = view.journey();
    let off = view.off_set(&data);
    let actual = ctx.actual.get_untracked().0;
    let answer = if off.is_empty() {
        actual.answer(view.date, &journey)
    } else {
        Model::shared(Arc::clone(&data), &off).answer(view.date, &journey)
    };
    // The actual verdict beside a counterfactual, with how it is known when it is decided.
    let counterfactual = (!off.is_empty()).then(|| {
        let v = actual.verdict(view.date, &journey);
        let grounds = (v.word() != Word::Undecided).then(|| actual.answer(view.date, &journey).grounds()).flatten();
        answer_text(v, grounds.as_ref(), lang)
    });
    let permalink = crate::cite::permalink(&view);
    let printed = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .map(|t| fmt::iso(t.date_naive()))
        .unwrap_or_default();
    let sheet = Sheet { data: &data, lang, quoted: Default::default() };
    let (s, e) = (story_strings(lang), explorer_strings(lang));
    let question = crate::explorer::journey_question(&data, &view, lang);
    let word = answer.verdict.word();
    let grounds = answer.grounds();
    let grounds_id = grounds.as_ref().map(|g| g.id());
    let grounds_rules = grounds.as_ref().map(|g| rule_ids(g.rules));
    let grounds_words = grounds.as_ref().map(|g| {
        view! { <span class=format!("verdict-grounds grounds-{}", g.id())>{GROUNDS_SEP}{grounds_how(g, lang)}</span> }
    });
    let (colon, stop) = (strings(lang).colon(), strings(lang).stop());
    let off_line = counterfactual.map(|actual| {
        let titles: Vec<String> =
            view.off.iter().map(|id| data.event(id).map_or(id.clone(), |ev| ev.title.get(lang).to_string())).collect();
        view! {
            <p class="sheet-off" data-testid="sheet-off">
                <strong>{e.counterfactual()}{colon}</strong>{e.switched_off()}{colon}{titles.join(strings(lang).list_sep())}{stop}
                {e.actual()}{colon}{actual}{stop}
            </p>
        }
    });
    let hops = sheet.hops(&answer);
    view! {
        <article class="evidence-sheet" data-testid="evidence-sheet" lang=crate::i18n::lang_tag(lang)>
            <p class="sheet-kind">{strings(lang).app_title()}" · "{s.sheet()}</p>
            <h1 class="sheet-question">{question}</h1>
            <p class="sheet-verdict" data-testid="sheet-verdict" data-verdict=word.id() data-grounds=grounds_id data-rules=grounds_rules>
                <strong>{e.verdict()}": "</strong>
                <span class=format!("badge badge-{}", word.id())>{verdict_text(answer.verdict, lang)}</span>
                {grounds_words}
            </p>
            {off_line}
            <p class="sheet-ground">{s.ground()}</p>
            <h2>{s.route()}</h2>
            {hops}
            <footer class="sheet-foot">
                <p>{s.permalink()}": "<a href=permalink.clone() data-testid="sheet-permalink">{permalink.clone()}</a></p>
                <p>{s.dataset()}": "{data.version.clone()}" · "{s.printed()}": "{printed}</p>
            </footer>
        </article>
    }
}

/// Writes the sheet's parts; an event's quote is printed once, where it first decides a step.
struct Sheet<'a> {
    data: &'a Arc<Dataset>,
    lang: Lang,
    quoted: std::cell::RefCell<HashSet<(usize, bool)>>,
}

impl Sheet<'_> {
    fn hops(&self, answer: &Answer) -> AnyView {
        let e = explorer_strings(self.lang);
        [(e.reach(), &answer.reach), (e.payment(), &answer.pay)]
            .into_iter()
            .map(|(title, hop)| {
                let best = hop.routes.first().map(|r| self.route(r));
                let others = hop.routes.len().saturating_sub(1);
                let s = story_strings(self.lang);
                view! {
                    <section class="sheet-hop">
                        <h3>{title}": "{verdict_text(hop.verdict, self.lang)}</h3>
                        {match best {
                            Some(route) => route,
                            None => view! { <p>{s.no_route()}</p> }.into_any(),
                        }}
                        {(others > 0).then(|| view! { <p class="muted">{s.other_routes().replace("{n}", &others.to_string())}</p> })}
                    </section>
                }
                .into_any()
            })
            .collect_view()
            .into_any()
    }

    fn route(&self, route: &Route) -> AnyView {
        let steps = route.steps.iter().map(|step| self.step(step)).collect_view();
        view! { <ol class="sheet-route">{steps}</ol> }.into_any()
    }

    fn ground(&self, stated: bool) -> AnyView {
        let e = explorer_strings(self.lang);
        let (class, word) = if stated { ("stated", e.stated()) } else { ("inferred", e.inferred()) };
        view! { <span class=format!("ground ground-{class}")>{word}</span> }.into_any()
    }

    fn step(&self, step: &Step) -> AnyView {
        let (data, lang) = (self.data, self.lang);
        let e = explorer_strings(lang);
        let s = story_strings(lang);
        let head = step_head(step, data, lang);
        let ground = ground_of(step);
        let own_rules: Vec<&str> = step.rules.iter().map(|r| rule_text(r, None, lang)).collect();
        let events = if step.basis.is_empty() {
            view! { <p class="muted">{if step.silent { e.silent() } else { s.none_deciding() }}</p> }.into_any()
        } else {
            let items = step.basis.iter().map(|b| self.basis(b)).collect_view();
            view! { <ul class="sheet-events">{items}</ul> }.into_any()
        };
        view! {
            <li class="sheet-step" data-ground=ground data-rules=rule_ids(step.all_rules())>
                <p class="sheet-step-head">
                    <strong>{head}</strong>" — "{verdict_text(step.verdict, lang)}" "
                    {(!step.silent).then(|| self.ground(step.stated()))}
                    {(!own_rules.is_empty()).then(|| format!(" ({})", own_rules.join("; ")))}
                </p>
                {events}
            </li>
        }
        .into_any()
    }

    fn basis(&self, b: &Basis) -> AnyView {
        let (data, lang) = (self.data, self.lang);
        let t = strings(lang);
        let event = &data.events[b.event];
        let role = role_word(b, lang);
        let (quote, source_id) = cited(event, b.role);
        let quote = quote.to_string();
        let first = self.quoted.borrow_mut().insert((b.event, b.role == Role::Before));
        let prior = event.before.as_ref().map(|x| x.state);
        let rules: Vec<&str> = b.rules.iter().map(|r| rule_text(r, prior, lang)).collect();
        let source = data.source(&source_id).map(|src| {
            let published = src.published.parse().map(|d| fmt::date(&d, lang)).unwrap_or(src.published.clone());
            let url = src.url.clone().unwrap_or_else(|| format!("({})", t.no_url()));
            format!("{}: {}, {published} — “{}” — {url}", t.source(), src.outlet.get(lang), src.title)
        });
        let stated = b.stated();
        view! {
            <li class="sheet-event" data-event-id=event.id.clone() data-ground=if stated { "stated" } else { "inferred" }
                data-rules=rule_ids(b.rules)>
                <p>
                    {(b.role != Role::NotYet).then(|| self.ground(stated))}" "
                    <strong>{event.title.get(lang).to_string()}</strong>
                    " ("{fmt::date(&event.date, lang)}"; "{role}")"
                    {(!stated && !rules.is_empty()).then(|| format!(" — {}", rules.join("; ")))}
                </p>
                {if first {
                    view! {
                        <blockquote class="sheet-quote" lang="zh" data-testid="sheet-quote">{quote}</blockquote>
                        <p class="sheet-source">{source}</p>
                    }.into_any()
                } else {
                    view! { <p class="sheet-source muted">{story_strings(lang).quoted_above()}</p> }.into_any()
                }}
            </li>
        }
        .into_any()
    }
}
