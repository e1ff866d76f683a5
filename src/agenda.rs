//! Open questions (issue 23): every fact the sources leave open on 1 June of a year, over every
//! journey, ranked by how many answers one finding alone would decide (`hutong_core::decide::Agenda`,
//! counted a slice of journeys per task so that no frame waits for it), with a way to an answer
//! each question is asked of, and CSV and JSON exports that carry the dataset's version. Shown
//! while `questions=YYYY` is in the view (the link restores it); in the `rest` part.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use hutong_core::decide::{Agenda as Counting, OpenQuestion};
use hutong_core::route::Off;
use hutong_core::{Dataset, Lang};
use leptos::prelude::*;

use crate::decide::Wording;
use crate::i18n::agenda_strings;
use crate::state::use_ctx;

/// How long a task may count, in milliseconds, before it lets the page draw (a slow phone counts
/// fewer journeys in it).
const TASK_MS: f64 = 8.0;
/// Questions drawn at a time (a year's can be hundreds; the exports have all).
const PAGE: usize = 50;

#[derive(Clone)]
enum Counted {
    Counting {
        done: usize,
        total: usize,
    },
    /// The questions ranked, and how many answers were undecided.
    Ready(Arc<Vec<OpenQuestion>>, usize),
}

/// The day of a year the agenda is counted on.
fn day_of(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 6, 1).expect("1 June exists")
}

#[component]
pub fn Agenda() -> impl IntoView {
    let ctx = use_ctx();
    let year = Memo::new(move |_| ctx.view.with(|v| v.questions));
    let counted = RwSignal::new(None::<Counted>);
    let generation = Rc::new(std::cell::Cell::new(0u64));
    // A new count whenever the year or the dataset changes; an older count stops at its next task.
    {
        let generation = Rc::clone(&generation);
        Effect::new(move |_| {
            let data = ctx.data.get();
            let Some(y) = year.get() else {
                counted.set(None);
                return;
            };
            let gen = generation.get() + 1;
            generation.set(gen);
            let agenda = Counting::new(Arc::clone(&data), Off::new(), vec![day_of(y)]);
            counted.set(Some(Counted::Counting { done: 0, total: agenda.done().1 }));
            count(Rc::new(RefCell::new(agenda)), Rc::clone(&generation), gen, counted);
        });
    }
    let on_toggle = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
        if open != year.get_untracked().is_some() {
            ctx.update_view(|v| {
                v.questions = open.then(|| {
                    v.date.year().clamp(*crate::url::QUESTION_YEARS.start(), *crate::url::QUESTION_YEARS.end())
                });
            });
        }
    };
    let s = move || agenda_strings(ctx.lang());
    view! {
        <details class="agenda decided" data-testid="agenda" prop:open=move || year.get().is_some() on:toggle=on_toggle>
            <summary>{move || s().title()}</summary>
            <p class="muted">{move || s().intro()}</p>
            <div class="decided-filters">
                <label>
                    <span>{move || s().year()}</span>
                    <select data-testid="agenda-year" prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                                ctx.update_view(|v| v.questions = Some(y));
                            }
                        }>
                        {crate::url::QUESTION_YEARS.map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            {move || match (counted.get(), year.get()) {
                (Some(Counted::Counting { done, total }), _) => view! {
                    <p class="agenda-progress" role="status" data-testid="agenda-progress">
                        <progress max=total value=done></progress>" "
                        {s().computing().replace("{done}", &done.to_string()).replace("{total}", &total.to_string())}
                    </p>
                }.into_any(),
                (Some(Counted::Ready(list, undecided)), Some(y)) => ready(list, undecided, y, ctx.lang()).into_any(),
                _ => ().into_any(),
            }}
        </details>
    }
}

/// Counts a slice, then schedules the next (the page's one scheduler), until done or outdated.
fn count(
    agenda: Rc<RefCell<Counting>>,
    generation: Rc<std::cell::Cell<u64>>,
    gen: u64,
    counted: RwSignal<Option<Counted>>,
) {
    crate::store::in_turn(move || {
        if generation.get() != gen {
            return;
        }
        let started = js_sys::Date::now();
        let mut finished = false;
        while !finished && js_sys::Date::now() - started < TASK_MS {
            finished = agenda.borrow_mut().step(4);
        }
        let next = if finished {
            let agenda = agenda.borrow();
            Counted::Ready(Arc::new(agenda.ranked()), agenda.undecided())
        } else {
            let (done, total) = agenda.borrow().done();
            Counted::Counting { done, total }
        };
        // The panel may be gone (a new dataset rebuilds the page).
        if counted.try_set(Some(next)).is_none() && !finished {
            count(agenda, generation, gen, counted);
        }
    });
}

fn ready(list: Arc<Vec<OpenQuestion>>, undecided: usize, year: i32, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let data = ctx.data.get_untracked();
    let s = agenda_strings(lang);
    let day = day_of(year);
    if list.is_empty() {
        return view! { <p data-testid="agenda-count">{s.none().replace("{day}", &crate::fmt::day(day, lang))}</p> }
            .into_any();
    }
    let count = s
        .count()
        .replace("{day}", &crate::fmt::day(day, lang))
        .replace("{n}", &list.len().to_string())
        .replace("{open}", &undecided.to_string());
    // A page of questions at a time: a year's can be hundreds, too many to draw in one frame.
    let shown = RwSignal::new(PAGE);
    let rows = {
        let (list, data) = (Arc::clone(&list), Arc::clone(&data));
        move || list.iter().take(shown.get()).map(|q| row(&data, q, day, lang)).collect_view()
    };
    let more = {
        let left = list.len();
        move || {
            let n = left.saturating_sub(shown.get()).min(PAGE);
            (n > 0).then(|| {
                view! {
                    <button class="small" data-testid="agenda-more" on:click=move |_| shown.update(|k| *k += PAGE)>
                        {s.more().replace("{n}", &n.to_string())}
                    </button>
                }
            })
        }
    };
    let slug = format!("hutong-open-questions-{year}-{}", crate::export::slug(&data.version));
    // Written when asked for: the words of every question.
    let download = move |json: bool| {
        let text = exports(&data, &list, day, lang, json);
        let (name, mime) = if json {
            (format!("{slug}.json"), "application/json")
        } else {
            (format!("{slug}.csv"), "text/csv;charset=utf-8")
        };
        let _ = crate::export::download_text(&name, mime, &text);
    };
    let download_json = download.clone();
    view! {
        <p data-testid="agenda-count" aria-live="polite">{count}</p>
        <ol class="agenda-list">{rows}</ol>
        <p>{more}</p>
        <p class="chart-actions">
            <button class="small" data-testid="agenda-csv" on:click=move |_| download(false)>{s.export_csv()}</button>
            <button class="small" data-testid="agenda-json" on:click=move |_| download_json(true)>{s.export_json()}</button>
        </p>
    }
    .into_any()
}

/// One question: its words, its counts, and a way to an answer it is asked of.
fn row(data: &Dataset, q: &OpenQuestion, day: NaiveDate, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let s = agenda_strings(lang);
    // Worded on the channel it is asked on.
    let (channel, from, to) = q.asked_on.clone();
    let words = Wording { data, event: q.event, channel, from: &from, to: &to, day, lang }.asked(q.field);
    let counts = if q.decides > 0 {
        s.decides().replace("{decides}", &q.decides.to_string()).replace("{open}", &q.open.to_string())
    } else {
        s.asked_only().replace("{open}", &q.open.to_string())
    };
    let (journey, at, decided) = q.first.clone();
    let event_id = q.event.and_then(|i| data.events.get(i)).map(|e| e.id.clone());
    let label = if decided { s.open_decided() } else { s.open_asked() };
    view! {
        <li data-testid="agenda-row" data-field=q.field.id() data-event=event_id data-open=q.open data-decides=q.decides>
            <p class="question">{words}</p>
            <p class="muted agenda-counts">{counts}</p>
            <button class="link" data-testid="agenda-open" on:click=move |_| {
                let journey = journey.clone();
                ctx.update_view(|v| {
                    v.date = at;
                    v.from = journey.surface;
                    v.shop = journey.merchant;
                    v.pay = journey.instrument;
                });
                if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("[data-testid=verdict]").ok().flatten()) {
                    el.scroll_into_view();
                }
            }>{label}</button>
        </li>
    }
}

/// The agenda as CSV or JSON: every question with its counts and words, the day and the dataset's
/// version on every row (CSV) or once (JSON).
fn exports(data: &Dataset, list: &[OpenQuestion], day: NaiveDate, lang: Lang, json: bool) -> String {
    let rows: Vec<[String; 10]> = list
        .iter()
        .enumerate()
        .map(|(i, q)| {
            // Worded on the channel it is asked on.
            let (channel, from, to) = q.asked_on.clone();
            let words = Wording { data, event: q.event, channel, from: &from, to: &to, day, lang }.asked(q.field);
            let event = q.event.and_then(|i| data.events.get(i)).map_or(String::new(), |e| e.id.clone());
            let (j, at, _) = &q.first;
            [
                (i + 1).to_string(),
                q.field.id().to_string(),
                event,
                q.channel.as_ref().map_or(String::new(), |(c, f, t)| {
                    format!("{} {f} -> {t}", crate::i18n::channel_name(*c, Lang::En))
                }),
                q.open.to_string(),
                q.decides.to_string(),
                words,
                format!("{} {} {}", j.surface, j.merchant, j.instrument),
                crate::fmt::iso(*at),
                crate::fmt::iso(day),
            ]
        })
        .collect();
    const HEAD: [&str; 10] = [
        "rank",
        "field",
        "event",
        "silent_channel",
        "open",
        "decides",
        "question",
        "first_journey",
        "first_day",
        "day",
    ];
    if json {
        let questions: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::Value::Object(HEAD.iter().zip(r).map(|(k, v)| (k.to_string(), v.clone().into())).collect())
            })
            .collect();
        let doc = serde_json::json!({
            "format": "hutong-open-questions",
            "dataset_version": data.version,
            "day": crate::fmt::iso(day),
            "questions": questions,
        });
        return serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
    }
    // The project's one CSV writer; the dataset's version on every row.
    let header: Vec<String> = HEAD.iter().map(|h| h.to_string()).chain(["dataset_version".to_string()]).collect();
    let rows: Vec<Vec<String>> =
        rows.into_iter().map(|r| r.into_iter().chain([data.version.clone()]).collect()).collect();
    crate::chart::csv(&[], &header, &rows)
}
