//! "What the walls cost": the simulation's parameters, its run (in slices, so no frame is blocked),
//! and its charts with exports. The core simulates; this schedules and draws.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use hutong_core::sim::{self, Band, Params, Prepared, Run, Summary};
use hutong_core::{Dataset, Lang};
use leptos::prelude::*;

use crate::i18n::sim_strings;

use crate::chart::{self, Linear};
use crate::export;
use crate::state::use_ctx;
use crate::url::{SimSettings, SIM_PARAMS};

/// The state of the simulation, for the UI and the `sim-result` hook.
#[derive(Clone, Debug, PartialEq)]
pub enum SimRun {
    Running { done: u32, total: u32 },
    Done(Arc<SimOutput>),
}

#[derive(Debug, PartialEq)]
pub struct SimOutput {
    pub actual: Summary,
    pub counterfactual: Option<Summary>,
}

struct Job {
    generation: u64,
    params: Params,
    actual: Prepared,
    counterfactual: Option<Prepared>,
    runs: (Vec<Run>, Vec<Run>),
    /// The replicate being run (the actual history's, then the counterfactual's), a few months
    /// at a time.
    current: Option<sim::Replicate>,
}

/// Label, explanation and basis of each parameter, in `SIM_PARAMS` order. A basis is an event id
/// (sourced) or `None` (assumed).
fn param_text(key: &str, lang: Lang) -> (&'static str, &'static str, Option<&'static str>) {
    let w = sim_strings(lang);
    match key {
        "seed" => (w.seed_label(), w.seed_note(), None),
        "pop" => (w.pop_label(), w.pop_note(), None),
        "freq" => (w.freq_label(), w.freq_note(), None),
        "reps" => (w.reps_label(), w.reps_note(), None),
        "loss" => (w.loss_label(), w.loss_note(), None),
        "wloss" => (w.wloss_label(), w.wloss_note(), Some("taobao-shop-left-wechat")),
        "aloss" => (w.aloss_label(), w.aloss_note(), Some("merchants-need-new-accounts")),
        "pshare" => (w.pshare_label(), w.pshare_note(), None),
        _ => ("", "", None),
    }
}

#[component]
pub fn SimPanel() -> impl IntoView {
    let ctx = use_ctx();
    let state = RwSignal::new(SimRun::Running { done: 0, total: 1 });
    let generation = StoredValue::new(0u64);
    let inputs = Memo::new(move |_| ctx.view.with(|v| (v.sim.clone(), v.off.clone())));
    let job: Rc<RefCell<Option<Job>>> = Rc::new(RefCell::new(None));

    // A new run whenever the dataset, the parameters or the switched-off events change. Work is
    // done in slices (one replicate each, well under 50 ms) so that no frame is blocked; a newer
    // run makes older slices stop.
    let job_for_effect = job.clone();
    Effect::new(move |_| {
        let data = ctx.data.get();
        // `inputs` tracks the parameters and the switched-off events; the latter are read as indices.
        let (settings, _) = inputs.get();
        let gen = generation.get_value() + 1;
        generation.set_value(gen);
        let params = settings.params();
        state.set(SimRun::Running { done: 0, total: params.replicates });
        let job = job_for_effect.clone();
        let off = ctx.view.with_untracked(|v| v.off_set(&data));
        // After the next frame: the page is drawn before the simulation starts.
        crate::html::after_next_frame(Box::new(move || {
            // The panel may be gone (a new dataset rebuilds the page): then its values are too.
            if generation.try_get_value() != Some(gen) {
                return;
            }
            let actual = sim::prepare(&data, &Default::default(), &params);
            // The counterfactual's routing in a task of its own (each is a few tens of
            // milliseconds on a slow phone).
            crate::store::in_turn(move || {
                if generation.try_get_value() != Some(gen) {
                    return;
                }
                let counterfactual = (!off.is_empty()).then(|| sim::prepare(&data, &off, &params));
                *job.borrow_mut() = Some(Job {
                    generation: gen,
                    params,
                    actual,
                    counterfactual,
                    runs: (vec![], vec![]),
                    current: None,
                });
                step(job, state, generation);
            });
        }));
    });

    let lang = move || ctx.lang();
    let reset = move |_| ctx.update_view(|v| v.sim = SimSettings::default());
    view! {
        <section class="sim" data-testid="sim-panel" aria-labelledby="sim-heading">
            <h2 id="sim-heading">{move || sim_strings(lang()).heading()}</h2>
            <p class="hint">{move || sim_strings(lang()).intro()}</p>
            <details class="params" open>
                <summary>{move || sim_strings(lang()).parameters()}</summary>
                <div class="param-grid">
                    {SIM_PARAMS.iter().map(|p| {
                        let key = p.key;
                        let on_change = move |ev| {
                            let text = event_target_value(&ev);
                            let param = SIM_PARAMS.iter().find(|q| q.key == key).expect("known");
                            // Out-of-range or malformed input is not applied; the field shows the
                            // value in use again.
                            match param.parse(&text) {
                                Some(v) => ctx.update_view(|s| (param.set)(&mut s.sim, v)),
                                None => ctx.refresh_view(),
                            }
                        };
                        view! {
                            <label class="param">
                                <span class="param-name">{move || param_text(key, lang()).0}</span>
                                <input type="number" data-testid="sim-param" data-param=key
                                    min=p.min max=p.max step=p.step
                                    prop:value=move || ctx.view.with(|v| (p.get)(&v.sim)).to_string()
                                    on:change=on_change />
                                <span class="param-note">
                                    {move || {
                                        let (_, note, basis) = param_text(key, lang());
                                        let w = sim_strings(lang());
                                        let data = ctx.data.get();
                                        let tag = match basis.and_then(|id| data.event(id)) {
                                            Some(e) => view! {
                                                <span class="basis sourced" title=e.cite.quote.clone()>{w.sourced()}": "{e.title.get(lang()).to_string()}</span>
                                            }.into_any(),
                                            None => view! { <span class="basis assumed">{w.assumed()}</span> }.into_any(),
                                        };
                                        view! { {note}" "{tag} }
                                    }}
                                </span>
                            </label>
                        }
                    }).collect_view()}
                </div>
                <AssumptionTables />
                <button class="small" data-testid="sim-reset" on:click=reset>{move || sim_strings(lang()).reset()}</button>
            </details>
            {move || {
                let w = sim_strings(lang());
                match state.get() {
                    SimRun::Running { done, total } => view! {
                        <div data-testid="sim-result" data-state="running" class="sim-status" role="status">
                            <progress max=total value=done></progress>" "{w.running()}" "{done}"/"{total}
                        </div>
                    }.into_any(),
                    SimRun::Done(out) => {
                        let a = &out.actual;
                        view! {
                            <div data-testid="sim-result" data-state="done" class="sim-status" role="status"
                                data-completed=format!("{:.0}", a.total_completed[0])
                                data-lost=format!("{:.0}", a.total_lost[0])
                                data-completed-high=format!("{:.0}", a.total_completed[1])
                                data-lost-high=format!("{:.0}", a.total_lost[1])>
                                <strong>{w.done()}</strong>" · "{w.completed()}": "{chart::short(a.total_completed[0])}" – "{chart::short(a.total_completed[1])}
                                " · "{w.lost_wall()}": "{chart::short(a.total_lost_wall[1])}" – "{chart::short(a.total_lost_wall[0])}
                                " · "{sim_strings(lang()).lost_undecided()}": "{chart::short(a.total_lost_undecided[1])}" – "{chart::short(a.total_lost_undecided[0])}
                            </div>
                            <SimCharts out=out.clone() />
                        }.into_any()
                    }
                }
            }}
        </section>
    }
}

/// How long a task may run the simulation, in milliseconds, before it lets the page draw.
const TASK_MS: f64 = 8.0;

thread_local! {
    /// `navigator.scheduling` and its `isInputPending`, where the browser has them (Chromium).
    static SCHEDULING: Option<(wasm_bindgen::JsValue, js_sys::Function)> = {
        use wasm_bindgen::JsCast;
        let scheduling = js_sys::Reflect::get(&window().navigator(), &"scheduling".into()).ok()
            .filter(|s| s.is_object());
        scheduling.and_then(|s| {
            let f = js_sys::Reflect::get(&s, &"isInputPending".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            Some((s, f))
        })
    };
}

/// Whether a person's input is waiting for the page: the slice then ends at once, so that a click
/// made while the simulation runs waits for one step of it, not a whole slice (issue 24: a
/// language switch's input delay was the slices', 14 ms at 4x).
fn input_pending() -> bool {
    SCHEDULING.with(|s| s.as_ref().is_some_and(|(s, f)| f.call0(s).ok().and_then(|v| v.as_bool()).unwrap_or(false)))
}

/// Runs the job for a task's worth of months, then schedules the rest (the page's one scheduler),
/// until done or outdated.
fn step(job: Rc<RefCell<Option<Job>>>, state: RwSignal<SimRun>, generation: StoredValue<u64>) {
    let started = js_sys::Date::now();
    let finished = {
        let mut slot = job.borrow_mut();
        let Some(j) = slot.as_mut() else { return };
        if generation.try_get_value() != Some(j.generation) {
            *slot = None;
            return;
        }
        loop {
            let reps = j.params.replicates as usize;
            let has_cf = j.counterfactual.is_some();
            if j.runs.0.len() >= reps && (!has_cf || j.runs.1.len() >= reps) {
                let out = SimOutput {
                    actual: Summary::of(&j.runs.0),
                    counterfactual: j.counterfactual.as_ref().map(|_| Summary::of(&j.runs.1)),
                };
                let _ = state.try_set(SimRun::Done(Arc::new(out)));
                *slot = None;
                break true;
            }
            // The actual history's replicate r, then (when there is one) the counterfactual's.
            let counterfactual = has_cf && j.runs.1.len() < j.runs.0.len();
            let (prepared, index) = match (&j.counterfactual, counterfactual) {
                (Some(cf), true) => (cf, j.runs.1.len()),
                _ => (&j.actual, j.runs.0.len()),
            };
            let replicate = j.current.get_or_insert_with(|| sim::Replicate::new(prepared, &j.params, index as u32));
            if let Some(run) = replicate.step(prepared, &j.params, 6) {
                j.current = None;
                if counterfactual {
                    j.runs.1.push(run);
                } else {
                    j.runs.0.push(run);
                }
                let done = if has_cf { j.runs.1.len() } else { j.runs.0.len() } as u32;
                if state.try_set(SimRun::Running { done, total: j.params.replicates }).is_some() {
                    break true;
                }
            }
            if js_sys::Date::now() - started >= TASK_MS || input_pending() {
                break false;
            }
        }
    };
    if !finished {
        crate::store::in_turn(move || step(job, state, generation));
    }
}

/// The demand mix and adoption curves: visible, editable, each with its basis.
#[component]
fn AssumptionTables() -> impl IntoView {
    let ctx = use_ctx();
    // A number from an input, or `None` (the edit is not applied) when malformed or out of range.
    let number = |ev: &leptos::ev::Event, lo: f64, hi: f64| {
        event_target_value(ev).trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= lo && *v <= hi)
    };
    // The settings alone: the tables are rebuilt when they change, not at every change of the view.
    let sim = Memo::new(move |_| ctx.view.with(|v| v.sim.clone()));
    view! {
        {move || {
            let lang = ctx.lang();
            let data = ctx.data.get();
            let settings = sim.get();
            let name = |id: &str| data.name(id).map_or(id.to_string(), |t| t.get(lang).to_string());
            let demand = settings.demand.iter().enumerate().map(|(i, d)| view! {
                <tr>
                    <td>{name(&d.surface)}</td>
                    <td>{name(&d.merchant)}</td>
                    <td><input type="number" data-testid="demand-weight" min="0" max="1000" step="1" prop:value=d.weight.to_string()
                        on:change=move |ev| match number(&ev, 0.0, 1000.0) {
                            Some(w) => ctx.update_view(|v| v.sim.demand[i].weight = w),
                            None => ctx.refresh_view(),
                        } /></td>
                </tr>
            }).collect_view();
            let adoption = settings.adoption.iter().enumerate().map(|(i, a)| {
                let basis = match &a.basis {
                    sim::Basis::Sourced(id) => data.event(id).map_or(String::new(), |e| format!("{}: {}", sim_strings(lang).sourced(), e.title.get(lang))),
                    sim::Basis::Assumed => sim_strings(lang).assumed().to_string(),
                };
                let field = move |value: f64, lo: f64, hi: f64, step: &'static str, set: fn(&mut sim::Adoption, f64)| view! {
                    <input type="number" min=lo max=hi step=step prop:value=value.to_string()
                        on:change=move |ev| match number(&ev, lo, hi) {
                            Some(x) => ctx.update_view(|v| set(&mut v.sim.adoption[i], x)),
                            None => ctx.refresh_view(),
                        } />
                };
                view! {
                    <tr data-testid="adoption-row" data-instrument=a.instrument.clone()>
                        <td>{name(&a.instrument)}</td>
                        <td>{field(a.ceiling, 0.0, 1.0, "0.01", |a, x| a.ceiling = x)}</td>
                        <td>{field(a.midpoint, 1990.0, 2100.0, "0.5", |a, x| a.midpoint = x)}</td>
                        <td>{field(a.rate, 0.0, 20.0, "0.1", |a, x| a.rate = x)}</td>
                        <td>{basis}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <details class="assumptions">
                    <summary>{sim_strings(lang).demand_mix_and_adoption()}</summary>
                    <table>
                        <thead><tr><th>{sim_strings(lang).offer_seen_on()}</th><th>{sim_strings(lang).merchant()}</th><th>{sim_strings(lang).weight_assumed()}</th></tr></thead>
                        <tbody>{demand}</tbody>
                    </table>
                    <table>
                        <thead><tr><th>{sim_strings(lang).instrument()}</th><th>{sim_strings(lang).ceiling_share()}</th><th>{sim_strings(lang).year_of_half()}</th><th>{sim_strings(lang).rate_per_year()}</th><th>{sim_strings(lang).basis()}</th></tr></thead>
                        <tbody>{adoption}</tbody>
                    </table>
                </details>
            }
        }}
    }
}

/// One line (with an optional band) on a chart.
#[derive(Clone)]
pub struct Series {
    pub label: String,
    pub color: &'static str,
    pub values: Vec<f64>,
    pub band: Option<(Vec<f64>, Vec<f64>)>,
    pub dashed: bool,
}

fn band_series(label: String, color: &'static str, b: &Band, dashed: bool, with_band: bool) -> Series {
    Series { label, color, values: b.mean.clone(), band: with_band.then(|| (b.p05.clone(), b.p95.clone())), dashed }
}

/// The lines' colours, in every theme: each of middling lightness, so that it keeps 3:1 against
/// the light card, the dark one and the high-contrast black (tested in `theme.rs`).
pub const PALETTE: [&str; 11] = [
    "#1677ff", "#1a9950", "#d4380d", "#9254de", "#8c8c8c", "#d6338f", "#109090", "#b87600", "#389e0d", "#c04a64",
    "#e8590c",
];

#[component]
fn SimCharts(out: Arc<SimOutput>) -> impl IntoView {
    let ctx = use_ctx();
    let merchant = RwSignal::new("taobao".to_string());
    let out2 = out.clone();
    let out3 = out.clone();
    let out4 = out.clone();
    view! {
        {move || {
            let lang = ctx.lang();
            let w = sim_strings(lang);
            let a = &out.actual;
            let series = vec![
                band_series(format!("{} ({})", w.completed(), w.most_closed()), "#1a9950", &a.completed[0], false, true),
                band_series(format!("{} ({})", w.completed(), w.most_open()), "#1a9950", &a.completed[1], true, false),
                band_series(format!("{} ({})", w.lost_wall(), w.most_closed()), "#d4380d", &a.lost_wall[0], false, true),
                band_series(format!("{} ({})", w.lost_wall(), w.most_open()), "#d4380d", &a.lost_wall[1], true, false),
                band_series(format!("{} ({})", sim_strings(lang).lost_undecided(), w.most_closed()), "#8c8c8c", &a.lost_undecided[0], false, false),
            ];
            view! { <Chart title=w.per_month().to_string() testid="chart-purchases" months=a.months.clone() series=series /> }
        }}
        {move || {
            let lang = ctx.lang();
            let w = sim_strings(lang);
            let data = ctx.data.get();
            let a = &out2.actual;
            let Some(mi) = data.merchants.iter().position(|m| m.id == merchant.get()) else { return ().into_any() };
            let shares = a.shares(mi);
            let series: Vec<Series> = data.instruments.iter().enumerate().filter(|(pi, _)| shares[*pi].iter().any(|v| *v > 0.0)).map(|(pi, p)| Series {
                label: p.name.get(lang).to_string(),
                color: PALETTE[pi % PALETTE.len()],
                values: shares[pi].clone(),
                band: None,
                dashed: false,
            }).collect();
            let merchant_name = data.merchants[mi].name.get(lang).to_string();
            let options = out2.actual.by_merchant_instrument.iter().enumerate()
                .filter(|(_, rows)| rows.iter().flatten().any(|v| *v > 0.0))
                .map(|(i, _)| {
                    let m = &data.merchants[i];
                    view! { <option value=m.id.clone() selected=m.id == merchant.get_untracked()>{m.name.get(lang).to_string()}</option> }
                })
                .collect_view();
            view! {
                <label class="chart-select">{w.shares_at()}
                    <select data-testid="share-merchant" on:change=move |ev| merchant.set(event_target_value(&ev))>{options}</select>
                </label>
                <Chart title=format!("{}{} (%, {})", w.shares_at(), merchant_name, w.most_open()) testid="chart-shares" months=a.months.clone() series=series />
            }.into_any()
        }}
        {move || {
            let lang = ctx.lang();
            let w = sim_strings(lang);
            out3.counterfactual.as_ref().map(|cf| {
                let a = &out3.actual;
                let series = vec![
                    band_series(format!("{} ({})", w.actual(), w.most_closed()), "#1677ff", &a.completed[0], false, true),
                    band_series(format!("{} ({})", w.counterfactual(), w.most_closed()), "#9254de", &cf.completed[0], false, true),
                    band_series(format!("{} ({})", w.counterfactual(), w.most_open()), "#9254de", &cf.completed[1], true, false),
                ];
                // The difference month by month: purchases gained (+) or lost (−) against history,
                // paired replicate by replicate (same seed), at both ends.
                let diff = |b: usize| -> Vec<f64> { cf.completed[b].mean.iter().zip(&a.completed[b].mean).map(|(c, h)| c - h).collect() };
                let gained = vec![
                    Series { label: w.most_closed().to_string(), color: "#9254de", values: diff(0), band: None, dashed: false },
                    Series { label: w.most_open().to_string(), color: "#9254de", values: diff(1), band: None, dashed: true },
                ];
                // The payment-share shift at the chosen merchant, in percentage points.
                let data = ctx.data.get();
                let shift = data.merchants.iter().position(|m| m.id == merchant.get()).map(|mi| {
                    let (before, after) = (a.shares(mi), cf.shares(mi));
                    let series: Vec<Series> = data.instruments.iter().enumerate()
                        .filter(|(pi, _)| before[*pi].iter().chain(&after[*pi]).any(|v| *v > 0.0))
                        .map(|(pi, p)| Series {
                            label: p.name.get(lang).to_string(),
                            color: PALETTE[pi % PALETTE.len()],
                            values: after[pi].iter().zip(&before[pi]).map(|(c, h)| c - h).collect(),
                            band: None,
                            dashed: false,
                        })
                        .collect();
                    let title = format!("{}{} ({})", sim_strings(lang).shift(), data.merchants[mi].name.get(lang), w.most_open());
                    view! { <Chart title=title testid="chart-share-shift" months=a.months.clone() series=series /> }
                });
                view! {
                    <Chart title=w.actual_vs_counterfactual().to_string() testid="chart-counterfactual" months=a.months.clone() series=series />
                    <Chart title=sim_strings(lang).gain().to_string() testid="chart-difference" months=a.months.clone() series=gained />
                    {shift}
                }
            })
        }}
        {move || {
            let lang = ctx.lang();
            let w = sim_strings(lang);
            let data = ctx.data.get();
            let mut costly: Vec<(usize, [f64; 2])> = out4.actual.lost_by_event.iter().copied().enumerate().filter(|(_, v)| v[0] > 0.0 || v[1] > 0.0).collect();
            costly.sort_by(|a, b| b.1[0].total_cmp(&a.1[0]));
            costly.truncate(6);
            let rows = costly.into_iter().filter(|(i, _)| *i < data.events.len()).map(|(i, v)| {
                let e = &data.events[i];
                view! { <li data-event-id=e.id.clone()>{e.title.get(lang).to_string()}": "{chart::short(v[1])}" – "{chart::short(v[0])}</li> }
            }).collect_view();
            view! { <h3 class="costly-heading">{w.costliest()}</h3><ol class="costly">{rows}</ol> }
        }}
    }
}

fn month_label(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// An SVG line chart with axes, legend and caption inside the SVG (so exports are complete), and
/// CSV/SVG/PNG exports that carry the dataset version and the sources.
#[component]
fn Chart(title: String, testid: &'static str, months: Vec<NaiveDate>, series: Vec<Series>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let w = sim_strings(lang);
    let data: Arc<Dataset> = ctx.data.get_untracked();
    let (width, plot_h, left, top) = (760.0, 220.0, 60.0, 28.0);
    let legend_rows = series.len().div_ceil(2) as f64;
    let height = top + plot_h + 30.0 + legend_rows * 16.0 + 46.0;
    let n = months.len().max(2);
    let x = Linear { d0: 0.0, d1: (n - 1) as f64, r0: left, r1: width - 16.0 };
    let all =
        || series.iter().flat_map(|s| s.values.iter().chain(s.band.iter().flat_map(|b| b.0.iter().chain(b.1.iter()))));
    let max = all().fold(0.0f64, |m, v| m.max(*v));
    let min = all().fold(0.0f64, |m, v| m.min(*v));
    let ticks = chart::ticks_between(min, max, 4);
    let y = Linear { d0: *ticks.first().unwrap_or(&0.0), d1: *ticks.last().unwrap_or(&1.0), r0: top + plot_h, r1: top };
    let xs: Vec<f64> = (0..months.len()).map(|i| x.map(i as f64)).collect();
    let ys = |v: &[f64]| v.iter().map(|v| y.map(*v)).collect::<Vec<_>>();
    let sources: Vec<String> = data
        .sources
        .iter()
        .map(|s| {
            format!("{} {} {}", s.outlet.get(lang), s.published, s.url.clone().unwrap_or_else(|| "(no URL)".into()))
        })
        .collect();
    let caption = format!("Hutong 互通 · {}", crate::cite::dataset_line(&data, lang));
    // Short source ids keep the caption on one line; the CSV carries the full citations.
    let caption2 = data.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>().join(" · ");
    let y_grid = ticks.iter().map(|t| view! {
        <line x1=left x2=width - 16.0 y1=y.map(*t) y2=y.map(*t) stroke="#e3dccf" />
        <text x=left - 6.0 y=y.map(*t) + 4.0 text-anchor="end" font-size="11" fill="#6b6257">{chart::short(*t)}</text>
    }).collect_view();
    let x_ticks = months
        .iter()
        .enumerate()
        .filter(|(_, d)| d.month() == 1 && d.year() % 2 == 0)
        .map(|(i, d)| {
            view! {
                <line x1=xs[i] x2=xs[i] y1=top + plot_h y2=top + plot_h + 4.0 stroke="#6b6257" />
                <text x=xs[i] y=top + plot_h + 16.0 text-anchor="middle" font-size="11" fill="#6b6257">{d.year()}</text>
            }
        })
        .collect_view();
    let paths = series.iter().map(|s| {
        let band = s.band.as_ref().map(|(lo, hi)| view! { <path d=chart::band(&xs, &ys(lo), &ys(hi)) fill=s.color fill-opacity="0.15" stroke="none" /> });
        view! {
            {band}
            <path d=chart::line(&xs, &ys(&s.values)) fill="none" stroke=s.color stroke-width="1.6" stroke-dasharray=if s.dashed { "5 3" } else { "none" } />
        }
    }).collect_view();
    let legend = series.iter().enumerate().map(|(i, s)| {
        let lx = left + (i % 2) as f64 * 340.0;
        let ly = top + plot_h + 34.0 + (i / 2) as f64 * 16.0;
        view! {
            <line x1=lx x2=lx + 22.0 y1=ly - 4.0 y2=ly - 4.0 stroke=s.color stroke-width="2.5" stroke-dasharray=if s.dashed { "5 3" } else { "none" } />
            <text x=lx + 28.0 y=ly font-size="12" fill="#1f1b16">{s.label.clone()}</text>
        }
    }).collect_view();
    // Charts in step with playback: a cursor at the playhead's month, with the values read out.
    let playhead = ctx.playhead;
    let month_index = {
        let months = months.clone();
        move || {
            let day = playhead.get();
            months.iter().rposition(|m| *m <= day)
        }
    };
    let cursor_x = {
        let xs = xs.clone();
        let month_index = month_index.clone();
        move || month_index().map_or(-100.0, |i| xs[i])
    };
    let readout = {
        let series = series.clone();
        let months = months.clone();
        move || {
            month_index().map_or(String::new(), |i| {
                let values: Vec<String> =
                    series.iter().map(|s| format!("{}: {}", s.label, chart::short(s.values[i]))).collect();
                format!("{} — {}", month_label(months[i]), values.join(" · "))
            })
        }
    };
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let file = export::slug(&format!("hutong {testid} {}", data.version));
    let csv_doc = {
        let mut header = vec!["month".to_string()];
        let mut cols: Vec<&Vec<f64>> = Vec::new();
        for s in &series {
            header.push(s.label.clone());
            cols.push(&s.values);
            if let Some((lo, hi)) = &s.band {
                header.push(format!("{} p05", s.label));
                header.push(format!("{} p95", s.label));
                cols.push(lo);
                cols.push(hi);
            }
        }
        let rows: Vec<Vec<String>> = months
            .iter()
            .enumerate()
            .map(|(t, d)| std::iter::once(month_label(*d)).chain(cols.iter().map(|c| format!("{:.2}", c[t]))).collect())
            .collect();
        let mut comments = vec![format!("Hutong — {title}"), crate::cite::dataset_line(&data, lang)];
        comments.extend(sources.iter().map(|s| format!("source: {s}")));
        comments.push(format!("parameters: {}", crate::url::to_query(&ctx.view.get_untracked())));
        chart::csv(&comments, &header, &rows)
    };
    let (file_csv, file_svg, file_png) = (format!("{file}.csv"), format!("{file}.svg"), format!("{file}.png"));
    let svg_text = move || {
        svg_ref.get().map(|el| {
            use wasm_bindgen::JsCast;
            el.unchecked_ref::<web_sys::Element>().outer_html()
        })
    };
    view! {
        <figure class="chart" data-testid=testid>
            <svg node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {width} {height}") width=width height=height role="img" aria-label=title.clone()>
                <rect x=0 y=0 width=width height=height fill="#ffffff" />
                <text x=left y=18.0 font-size="14" font-weight="600" fill="#1f1b16">{title.clone()}</text>
                {y_grid}
                {x_ticks}
                {paths}
                <line class="cursor" x1=cursor_x.clone() x2=cursor_x y1=top y2=top + plot_h stroke="#7a2e1f" stroke-width="1.2" stroke-dasharray="3 3" />
                {legend}
                <text x=left y=height - 20.0 font-size="10" fill="#6b6257">{caption.clone()}</text>
                <text x=left y=height - 7.0 font-size="9" fill="#6b6257">{caption2.clone()}</text>
            </svg>
            <p class="readout" data-testid="chart-readout" aria-live="off">{readout}</p>
            <figcaption class="chart-actions">
                <button class="small" data-testid="export-csv" on:click=move |_| { let _ = export::download_text(&file_csv, "text/csv;charset=utf-8", &csv_doc); }>{w.export_csv()}</button>
                <button class="small" data-testid="export-svg" on:click=move |_| { if let Some(t) = svg_text() { let _ = export::download_text(&file_svg, "image/svg+xml", &t); } }>{w.export_svg()}</button>
                <button class="small" data-testid="export-png" on:click=move |_| { if let Some(t) = svg_text() { let _ = export::download_png(&file_png, &t, width, height); } }>{w.export_png()}</button>
            </figcaption>
        </figure>
    }
}
