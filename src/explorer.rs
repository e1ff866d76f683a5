//! The journey explorer: pick a day, a surface, a merchant and an instrument; see the verdict, the
//! route hop by hop with the events that decide each hop, every instrument at once, and what
//! changes when events are switched off. The model answers; this only draws.

use hutong_core::route::{differences, Answer, Model, Role, Route, Rule, Rules, Step, Verdict, Word};
use hutong_core::{Dataset, Lang};
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{channel_name, explorer_strings, level_name, rule_text, word_name};
use crate::state::{use_ctx, Ctx, SharedModel};
use crate::url::ViewState;

/// The verdict in words: the word, and for `undecided` both ends.
pub fn verdict_text(v: Verdict, lang: Lang) -> String {
    let s = explorer_strings(lang);
    match v.word() {
        Word::Undecided => format!(
            "{} ({} {} {} {})",
            word_name(Word::Undecided, lang),
            s.between,
            level_name(v.lo, lang),
            s.and,
            level_name(v.hi, lang)
        ),
        w => word_name(w, lang).to_string(),
    }
}

/// A node's name in the language, or its id when the dataset has no name for it.
pub fn name(data: &Dataset, id: &str, lang: Lang) -> String {
    data.name(id).map_or(id.to_string(), |t| t.get(lang).to_string())
}

/// Switches an event off (a counterfactual), or back on.
pub fn toggle_off(ctx: Ctx, id: String) {
    ctx.view.update(|v| {
        if let Some(i) = v.off.iter().position(|o| *o == id) {
            v.off.remove(i);
        } else {
            v.off.push(id);
            crate::url::in_event_order(&mut v.off, &ctx.data.get_untracked());
        }
    });
}

#[component]
pub fn Explorer() -> impl IntoView {
    let ctx = use_ctx();
    // The routing models depend only on the dataset and the switched-off events, so a new date or
    // journey (a pause of playback writes the date) only asks them, never rebuilds them.
    let off_ids = Memo::new(move |_| ctx.view.with(|v| v.off.clone()));
    let model = Memo::new(move |_| {
        let data = ctx.data.get();
        // Read, not just tracked: a memo that has never run has no sources and would never wake.
        let ids = off_ids.get();
        let off = ViewState { off: ids, ..ctx.view.get_untracked() }.off_set(&data);
        if off.is_empty() {
            return ctx.actual.get();
        }
        SharedModel(std::sync::Arc::new(Model::shared(data, &off)))
    });
    let actual_model = ctx.actual;
    // One answer per change of dataset, journey, date or counterfactual.
    let answers = Memo::new(move |_| {
        let data = ctx.data.get();
        let view = ctx.view.get();
        let off = view.off_set(&data);
        let journey = view.journey();
        let model = model.get().0;
        let answer = model.answer(view.date, &journey);
        let per_instrument: Vec<(String, Verdict)> = data
            .instruments
            .iter()
            .map(|p| {
                let j = hutong_core::route::Journey::new(&view.from, &view.shop, &p.id);
                (p.id.clone(), model.verdict(view.date, &j))
            })
            .collect();
        let actual = (!off.is_empty()).then(|| actual_model.get().0.verdict(view.date, &journey));
        let made_difference = if off.is_empty() { vec![] } else { differences(&data, &off, view.date, &journey) };
        (answer, per_instrument, actual, made_difference)
    });

    view! {
        <section class="explorer" data-testid="explorer" aria-labelledby="explorer-heading">
            <h2 id="explorer-heading">{move || explorer_strings(ctx.lang()).heading}</h2>
            <p class="hint">{move || explorer_strings(ctx.lang()).intro}</p>
            <JourneyForm />
            <div class="verdict-row">
                {move || {
                    let lang = ctx.lang();
                    let data = ctx.data.get();
                    let (answer, _, actual, _) = answers.get();
                    view! {
                        <VerdictView answer=answer data=data.clone() lang=lang />
                        {actual.map(|v| {
                            let s = explorer_strings(lang);
                            view! {
                                <p class="actual" data-testid="verdict-actual" data-verdict=v.word().id()>
                                    {s.actual}": "<span class=format!("badge badge-{}", v.word().id())>{verdict_text(v, lang)}</span>
                                </p>
                            }
                        })}
                    }
                }}
            </div>
            <OffList made_difference=Signal::derive(move || answers.with(|a| a.3.clone())) />
            <div class="instruments">
                <h3>{move || explorer_strings(ctx.lang()).all_instruments}</h3>
                <ul>
                    {move || {
                        let lang = ctx.lang();
                        let data = ctx.data.get();
                        let current = ctx.view.with(|v| v.pay.clone());
                        answers.get().1.into_iter().map(|(id, v)| {
                            let label = name(&data, &id, lang);
                            let pick = id.clone();
                            view! {
                                <li>
                                    <button
                                        class=format!("instrument badge-{}{}", v.word().id(), if id == current { " current" } else { "" })
                                        data-testid="instrument-verdict"
                                        data-pay=id.clone()
                                        data-verdict=v.word().id()
                                        aria-pressed=if id == current { "true" } else { "false" }
                                        on:click=move |_| ctx.view.update(|s| s.pay = pick.clone())
                                    >
                                        <span class="instrument-name">{label}</span>
                                        <span class="instrument-word">{verdict_text(v, lang)}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </div>
        </section>
    }
}

#[component]
fn JourneyForm() -> impl IntoView {
    let ctx = use_ctx();
    let select = move |label: fn(Lang) -> &'static str,
                       testid: &'static str,
                       list: fn(&Dataset) -> &Vec<hutong_core::Node>,
                       get: fn(&crate::url::ViewState) -> String,
                       set: fn(&mut crate::url::ViewState, String)| {
        view! {
            <label>
                <span>{move || label(ctx.lang())}</span>
                <select
                    data-testid=testid
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        ctx.view.update(|v| set(v, value));
                    }
                >
                    {move || {
                        let lang = ctx.lang();
                        let data = ctx.data.get();
                        let current = ctx.view.with(get);
                        list(&data).iter().map(|n| view! {
                            <option value=n.id.clone() selected=n.id == current>{n.name.get(lang).to_string()}</option>
                        }).collect_view()
                    }}
                </select>
            </label>
        }
    };
    let on_date = move |ev| {
        // A malformed or out-of-range day is ignored: the input keeps showing the last good one.
        if let Ok(day) = hutong_core::date::parse_day(&event_target_value(&ev)) {
            ctx.view.update(|v| v.date = day);
        }
    };
    view! {
        <div class="journey-form">
            <label>
                <span>{move || explorer_strings(ctx.lang()).date}</span>
                <input
                    type="date"
                    data-testid="date-input"
                    min="2004-01-01"
                    max="2025-12-31"
                    prop:value=move || fmt::iso(ctx.view.with(|v| v.date))
                    on:change=on_date
                />
            </label>
            {select(|l| explorer_strings(l).from, "from-select", |d| &d.surfaces, |v| v.from.clone(), |v, x| v.from = x)}
            {select(|l| explorer_strings(l).shop, "shop-select", |d| &d.merchants, |v| v.shop.clone(), |v, x| v.shop = x)}
            {select(|l| explorer_strings(l).pay, "pay-select", |d| &d.instruments, |v| v.pay.clone(), |v, x| v.pay = x)}
        </div>
    }
}

/// The verdict badge and the route hop by hop. Public contract: `data-testid="verdict"` with
/// `data-verdict`, and each cited event inside it with `data-event-id`.
#[component]
fn VerdictView(answer: Answer, data: std::sync::Arc<Dataset>, lang: Lang) -> impl IntoView {
    let s = explorer_strings(lang);
    let word = answer.verdict.word();
    let hop = |title: &'static str, routes: &[Route]| {
        let best = routes.first().cloned();
        let others: Vec<Route> = routes.iter().skip(1).cloned().collect();
        let data = data.clone();
        let data2 = data.clone();
        view! {
            <li class="hop">
                <h3>{title}</h3>
                {best.map(|r| route_view(&r, &data, lang))}
                {(!others.is_empty()).then(|| view! {
                    <details class="alternatives">
                        <summary>{s.alternatives}" ("{others.len()}")"</summary>
                        {others.iter().map(|r| route_view(r, &data2, lang)).collect_view()}
                    </details>
                })}
            </li>
        }
    };
    view! {
        <div class="verdict" data-testid="verdict" data-verdict=word.id() aria-live="polite">
            <p class="verdict-head">
                <span class="label">{s.verdict}": "</span>
                <span class=format!("badge badge-{}", word.id())>{verdict_text(answer.verdict, lang)}</span>
            </p>
            <p class="ground-legend muted" data-testid="ground-legend">
                {ground_tag(true, lang)}" "{s.stated_hint}" · "{ground_tag(false, lang)}" "{s.inferred_hint}
            </p>
            <ol class="hops">
                {hop(s.reach, &answer.reach.routes)}
                {hop(s.payment, &answer.pay.routes)}
            </ol>
        </div>
    }
}

fn route_view(route: &Route, data: &std::sync::Arc<Dataset>, lang: Lang) -> impl IntoView {
    let steps = route.steps.iter().map(|step| step_view(step, data, lang)).collect_view();
    view! { <ul class="route">{steps}</ul> }
}

/// How a step or a basis is known, as the `data-ground` hook and its tag: `stated` (its quotes say
/// it), `inferred` (a named rule goes beyond them), `silent` (no source speaks of it).
fn ground_tag(stated: bool, lang: Lang) -> impl IntoView {
    let s = explorer_strings(lang);
    let (class, word, hint) =
        if stated { ("stated", s.stated, s.stated_hint) } else { ("inferred", s.inferred, s.inferred_hint) };
    view! { <span class=format!("ground ground-{class}") title=hint>{word}</span> }
}

/// A hop as the reader sees it: "from → to · channel · via …" (no channel for the merchant's own
/// app or a hop no source speaks of). The explorer and the evidence sheet both write it.
pub fn step_head(step: &Step, data: &Dataset, lang: Lang) -> String {
    let s = explorer_strings(lang);
    let channel =
        if step.own_app || step.silent { String::new() } else { format!(" · {}", channel_name(step.channel, lang)) };
    let via = step.via.as_ref().map(|v| format!(" · {} {}", s.via, name(data, v, lang))).unwrap_or_default();
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

pub fn rule_ids(rules: Rules) -> String {
    rules.iter().map(Rule::id).collect::<Vec<_>>().join(" ")
}

fn step_view(step: &Step, data: &std::sync::Arc<Dataset>, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let s = explorer_strings(lang);
    let head = step_head(step, data, lang);
    let note = step.silent.then_some(s.silent);
    let ground = ground_of(step);
    // The step's own rules (its own app, interoperability, a workaround not yet in existence).
    let own_rules = step
        .rules
        .iter()
        .map(|r| view! { <li class="rule" data-rule=r.id()>"↳ "{rule_text(r, None, lang)}</li> })
        .collect_view();
    let cites = step
        .basis
        .iter()
        .map(|b| {
            let event = &data.events[b.event];
            let id = event.id.clone();
            let (open_id, off_id) = (id.clone(), id.clone());
            let role = match b.role {
                Role::Maybe if b.rules.contains(Rule::MayHaveTakenEffect) => s.role_announced,
                Role::InEffect => s.role_in_effect,
                Role::Maybe => s.role_maybe,
                Role::Before => s.role_before,
                Role::NotYet => s.role_not_yet,
            };
            // A `before` is cited by its own quote; everything else by the event's.
            let (quote, source_id, summary) = match (&event.before, b.role) {
                (Some(before), Role::Before) => (before.quote.clone(), before.source.clone(), s.before_quote),
                _ => (event.cite.quote.clone(), event.cite.source.clone(), s.show_quote),
            };
            let source = data.source(&source_id).map(|src| src.outlet.get(lang).to_string()).unwrap_or_default();
            let prior = event.before.as_ref().map(|x| x.state);
            let rules = b
                .rules
                .iter()
                .map(|r| view! { <span class="rule" data-rule=r.id()>{rule_text(r, prior, lang)}</span> })
                .collect_view();
            let ground = if b.stated() { "stated" } else { "inferred" };
            view! {
                <li class="cite" data-event-id=id.clone() data-ground=ground data-rules=rule_ids(b.rules)>
                    {(b.role != Role::NotYet).then(|| ground_tag(b.stated(), lang))}" "
                    <button class="link" on:click=move |_| ctx.view.update(|v| v.event = Some(open_id.clone()))>
                        {event.title.get(lang).to_string()}
                    </button>
                    " "<span class="muted">{format!("({}; {})", fmt::date(&event.date, lang), role)}</span>
                    {(!b.stated()).then(|| view! { <span class="rules">" — "{rules}</span> })}
                    <details>
                        <summary>{summary}</summary>
                        <blockquote lang="zh">{quote}</blockquote>
                        <p class="muted">{source}</p>
                    </details>
                    <button class="small" data-testid="switch-off" on:click=move |_| toggle_off(ctx, off_id.clone())>{s.switch_off}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class=format!("step badge-edge-{}", step.verdict.word().id()) data-testid="step" data-ground=ground data-rules=rule_ids(step.all_rules())>
            <span class="step-head">{head}</span>" "
            <span class=format!("badge small badge-{}", step.verdict.word().id())>{verdict_text(step.verdict, lang)}</span>
            " "{(!step.silent).then(|| ground_tag(step.stated(), lang))}
            {note.map(|n| view! { <span class="muted">" — "{n}</span> })}
            <ul class="rules">{own_rules}</ul>
            <ul class="cites">{cites}</ul>
        </li>
    }
}

/// The switched-off events, each with a way back, marking those that made the difference.
#[component]
fn OffList(made_difference: Signal<Vec<usize>>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="off-list" data-testid="off-list">
            <h3>{move || explorer_strings(ctx.lang()).switched_off}</h3>
            {move || {
                let lang = ctx.lang();
                let s = explorer_strings(lang);
                let data = ctx.data.get();
                let off = ctx.view.with(|v| v.off.clone());
                if off.is_empty() {
                    return view! { <p class="muted">{s.none_off}</p> }.into_any();
                }
                let made = made_difference.get();
                let items = off.into_iter().map(|id| {
                    let index = data.events.iter().position(|e| e.id == id);
                    let title = index.map(|i| data.events[i].title.get(lang).to_string()).unwrap_or(id.clone());
                    let decisive = index.is_some_and(|i| made.contains(&i));
                    let back = id.clone();
                    view! {
                        <li data-event-id=id.clone() data-decisive=if decisive { "true" } else { "false" }>
                            {title}
                            {decisive.then(|| view! { " " <strong class="decisive">{s.made_difference}</strong> })}
                            " "<button class="small" on:click=move |_| toggle_off(ctx, back.clone())>{s.switch_on}</button>
                        </li>
                    }
                }).collect_view();
                view! {
                    <ul>{items}</ul>
                    <button class="small" on:click=move |_| ctx.view.update(|v| v.off.clear())>{s.reset_off}</button>
                }.into_any()
            }}
        </div>
    }
}
