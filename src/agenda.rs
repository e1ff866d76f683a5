//! Open questions (issue 23): every fact the sources leave open on 1 June of a year, over every
//! journey, ranked by how many answers one finding alone would decide (`hutong_core::decide::Agenda`,
//! counted a slice of journeys per task so that no frame waits for it), with a way to an answer
//! each question is asked of, and CSV and JSON exports that carry the dataset's version. Shown
//! while `questions=YYYY` is in the view (the link restores it); in the `rest` part.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use hutong_core::decide::{findings, worth_of, Agenda as Counting, Finding, OpenQuestion};
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

/// What each question's answers are worth to the simulation (`decide::worth`), filled in a slice
/// of questions per task once they are ranked.
#[derive(Clone, Default, PartialEq)]
struct Priced {
    /// The expected silent loss `[low, high]` with the data as it is.
    now: [f64; 2],
    /// Each question's, in the list's order, with each answer written in.
    of: Vec<Option<Vec<(Finding, [f64; 2])>>>,
    done: usize,
}

impl Priced {
    /// How much the question narrows the silent range (low − high) whatever its answer: the smaller
    /// of its answers' narrowings.
    fn narrows(&self, i: usize) -> Option<f64> {
        let width = |s: [f64; 2]| s[0] - s[1];
        let w = self.answers(i)?;
        w.iter().map(|(_, s)| width(self.now) - width(*s)).reduce(f64::min)
    }

    /// A question's answers once both are weighed.
    fn answers(&self, i: usize) -> Option<&Vec<(Finding, [f64; 2])>> {
        self.of.get(i)?.as_ref().filter(|w| w.len() == 2)
    }
}

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
    let priced = RwSignal::new(Priced::default());
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
            priced.set(Priced::default());
            let job = Job { generation: Rc::clone(&generation), gen, data, day: day_of(y) };
            count(Rc::new(RefCell::new(agenda)), job, counted, priced);
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
                (Some(Counted::Ready(list, undecided)), Some(y)) => ready(list, undecided, y, ctx.lang(), priced).into_any(),
                _ => ().into_any(),
            }}
        </details>
    }
}

/// One count of the agenda: which it is (an older one stops at its next task), its data and day.
#[derive(Clone)]
struct Job {
    generation: Rc<std::cell::Cell<u64>>,
    gen: u64,
    data: Arc<Dataset>,
    day: NaiveDate,
}

impl Job {
    fn current(&self) -> bool {
        self.generation.get() == self.gen
    }
}

/// Counts a slice, then schedules the next (the page's one scheduler), until done or outdated;
/// then weighs the questions against the simulation.
fn count(agenda: Rc<RefCell<Counting>>, job: Job, counted: RwSignal<Option<Counted>>, priced: RwSignal<Priced>) {
    crate::store::in_turn(move || {
        if !job.current() {
            return;
        }
        let started = js_sys::Date::now();
        let mut finished = false;
        while !finished && js_sys::Date::now() - started < TASK_MS {
            finished = agenda.borrow_mut().step(4);
        }
        let (next, list) = if finished {
            let agenda = agenda.borrow();
            let list = Arc::new(agenda.ranked());
            (Counted::Ready(Arc::clone(&list), agenda.undecided()), Some(list))
        } else {
            let (done, total) = agenda.borrow().done();
            (Counted::Counting { done, total }, None)
        };
        // The panel may be gone (a new dataset rebuilds the page).
        if counted.try_set(Some(next)).is_some() {
            return;
        }
        match list {
            Some(list) => price(list, job, priced, 0),
            None => count(agenda, job, counted, priced),
        }
    });
}

/// Weighs the ranked questions against the simulation (`decide::worth_of`, with the simulation's
/// default assumptions), one answer a step and as many steps per task as fit in its time, from the
/// top of the list. `at` is the next answer: question `at / 2`, its answer `at % 2`.
fn price(list: Arc<Vec<OpenQuestion>>, job: Job, priced: RwSignal<Priced>, at: usize) {
    crate::store::in_turn(move || {
        if !job.current() {
            return;
        }
        let params = hutong_core::sim::Params::default();
        let started = js_sys::Date::now();
        if at == 0 {
            let prepared = hutong_core::sim::prepare_with(&job.data, &Off::new(), &params, false);
            let now = hutong_core::sim::expected_silent(&prepared, &params);
            if priced.try_set(Priced { now, of: vec![None; list.len()], done: 0 }).is_some() {
                return;
            }
        }
        let mut found: Vec<(usize, Finding, [f64; 2])> = Vec::new();
        let mut next = at;
        while next < 2 * list.len() && (next == at || js_sys::Date::now() - started < TASK_MS) {
            let q = &list[next / 2];
            let finding = findings(q.field)[next % 2];
            found.push((next / 2, finding, worth_of(&job.data, job.day, q, finding, &params)));
            next += 1;
        }
        let kept = priced
            .try_update(|p| {
                for (i, finding, silent) in found {
                    p.of[i].get_or_insert_with(Vec::new).push((finding, silent));
                }
                p.done = next / 2;
            })
            .is_some();
        if kept && next < 2 * list.len() {
            price(list, job, priced, next);
        }
    });
}

fn ready(
    list: Arc<Vec<OpenQuestion>>,
    undecided: usize,
    year: i32,
    lang: Lang,
    priced: RwSignal<Priced>,
) -> impl IntoView {
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
    // Ranked by what one finding decides (the model's order), or, once every question is weighed,
    // by how much of the simulation's silent range it narrows whatever its answer.
    let by_worth = RwSignal::new(false);
    let weighed = move || priced.with(|p| p.done == p.of.len() && !p.of.is_empty());
    let rows = {
        let (list, data) = (Arc::clone(&list), Arc::clone(&data));
        move || {
            let mut order: Vec<usize> = (0..list.len()).collect();
            if by_worth.get() && weighed() {
                let narrows: Vec<f64> =
                    priced.with_untracked(|p| order.iter().map(|&i| p.narrows(i).unwrap_or(0.0)).collect());
                order.sort_by(|&a, &b| narrows[b].total_cmp(&narrows[a]));
            }
            order.into_iter().take(shown.get()).map(|i| row(&data, &list[i], i, day, lang, priced)).collect_view()
        }
    };
    let progress = move || {
        priced.with(|p| {
            (p.done < p.of.len()).then(|| {
                let text = s.pricing().replace("{done}", &p.done.to_string()).replace("{total}", &p.of.len().to_string());
                view! { <p class="agenda-progress" role="status" data-testid="agenda-worth-progress"><progress max=p.of.len() value=p.done></progress>" "{text}</p> }
            })
        })
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
        let text = priced.with_untracked(|p| exports(&data, &list, day, lang, json, p));
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
        <label class="agenda-rank">
            <span>{s.rank()}</span>" "
            <select data-testid="agenda-rank" on:change=move |ev| by_worth.set(event_target_value(&ev) == "worth")
                prop:value=move || if by_worth.get() { "worth" } else { "decides" }>
                <option value="decides">{s.rank_decides()}</option>
                <option value="worth" disabled=move || !weighed()>{s.rank_worth()}</option>
            </select>
        </label>
        {progress}
        <ol class="agenda-list" data-testid="agenda-list" data-weighed=move || weighed().to_string()>{rows}</ol>
        <p>{more}</p>
        <p class="chart-actions">
            <button class="small" data-testid="agenda-csv" on:click=move |_| download(false)>{s.export_csv()}</button>
            <button class="small" data-testid="agenda-json" on:click=move |_| download_json(true)>{s.export_json()}</button>
        </p>
    }
    .into_any()
}

/// One question: its words, its counts, and a way to an answer it is asked of.
fn row(
    data: &Dataset,
    q: &OpenQuestion,
    i: usize,
    day: NaiveDate,
    lang: Lang,
    priced: RwSignal<Priced>,
) -> impl IntoView {
    let ctx = use_ctx();
    let s = agenda_strings(lang);
    // Worded on the channel it is asked on.
    let (channel, from, to) = q.asked_on.clone();
    let wording = Wording { data, event: q.event, channel, from: &from, to: &to, day, lang };
    let words = wording.asked(q.field);
    let answers: Vec<String> =
        hutong_core::decide::findings(q.field).iter().map(|&f| wording.answer(q.field, f)).collect();
    // Its own memo: a row is redrawn when its question is weighed, not at every step of the others.
    let mine =
        Memo::new(move |_| priced.with(|p| p.answers(i).map(|w| (p.now, w.clone(), p.narrows(i).unwrap_or(0.0)))));
    let worth_line = move || {
        mine.get().map(|(now, w, narrows)| {
            view! {
                <p class="muted agenda-worth" data-testid="agenda-worth" data-narrows=narrows.round() as i64>
                    {worth_text(now, &w, &answers, lang)}
                </p>
            }
        })
    };
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
            {worth_line}
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

/// The simulation's silent range as a reader reads it: high end – low end ("110 M – 3.76 B").
fn range(s: [f64; 2]) -> String {
    format!("{} – {}", crate::chart::short(s[1]), crate::chart::short(s[0]))
}

/// What each answer does to the simulation's silent loss, in words.
fn worth_text(now: [f64; 2], w: &[(Finding, [f64; 2])], answers: &[String], lang: Lang) -> String {
    let s = agenda_strings(lang);
    let strings = crate::i18n::strings(lang);
    if w.iter().all(|(_, x)| *x == now) {
        return s.no_worth().to_string();
    }
    let mut parts = vec![s.worth().replace("{now}", &range(now))];
    for ((_, after), words) in w.iter().zip(answers) {
        let after = if *after == now { s.unchanged().to_string() } else { range(*after) };
        parts.push(format!("{words}{}{after}", strings.colon()));
    }
    (parts.join(strings.clause_sep()) + strings.stop()).trim_end().to_string()
}

/// The agenda as CSV or JSON: every question with its counts and words, the day and the dataset's
/// version on every row (CSV) or once (JSON).
fn exports(data: &Dataset, list: &[OpenQuestion], day: NaiveDate, lang: Lang, json: bool, priced: &Priced) -> String {
    // What each question's answers do to the simulation's silent loss, where weighed: the answer's
    // id, then the low and high ends, as whole purchases.
    let whole = |x: f64| format!("{}", x.round() as i64);
    let worth_cells = |i: usize| -> Vec<String> {
        let Some(w) = priced.answers(i) else { return vec![String::new(); 8] };
        let mut cells = vec![whole(priced.now[0]), whole(priced.now[1])];
        for (finding, silent) in w {
            cells.extend([finding.id().to_string(), whole(silent[0]), whole(silent[1])]);
        }
        cells.resize(8, String::new());
        cells
    };
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
            .enumerate()
            .map(|(i, r)| {
                let mut q: serde_json::Map<String, serde_json::Value> =
                    HEAD.iter().zip(r).map(|(k, v)| (k.to_string(), v.clone().into())).collect();
                let answers = priced.answers(i).map(|w| {
                    w.iter()
                        .map(|(f, s)| serde_json::json!({ "answer": f.id(), "silent": [s[0].round(), s[1].round()] }))
                        .collect::<Vec<_>>()
                });
                q.insert("simulation".into(), answers.map_or(serde_json::Value::Null, serde_json::Value::from));
                serde_json::Value::Object(q)
            })
            .collect();
        let doc = serde_json::json!({
            "format": "hutong-open-questions",
            "dataset_version": data.version,
            "day": crate::fmt::iso(day),
            "simulation": {
                "what": "expected purchases lost where the sources are silent, [low, high] ends of the undecided verdicts, the simulation's default assumptions; each question's with each answer written into the data",
                "now": [priced.now[0].round(), priced.now[1].round()],
            },
            "questions": questions,
        });
        return serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
    }
    // The project's one CSV writer; the dataset's version on every row.
    const WORTH: [&str; 8] = [
        "silent_low_now",
        "silent_high_now",
        "answer_1",
        "silent_low_1",
        "silent_high_1",
        "answer_2",
        "silent_low_2",
        "silent_high_2",
    ];
    let header: Vec<String> =
        HEAD.iter().chain(&["dataset_version"]).chain(WORTH.iter()).map(|h| h.to_string()).collect();
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.into_iter().chain([data.version.clone()]).chain(worth_cells(i)).collect())
        .collect();
    crate::chart::csv(&[], &header, &rows)
}
