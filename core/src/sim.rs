//! Monte Carlo simulation of shoppers through the routing model: what the walls cost.
//!
//! Each month, each demand channel (a surface where offers are met, and a merchant) gets its
//! purchase attempts; attempts are split by the shopper's main instrument; each group is routed
//! (`route::Model`) and ends completed (by instrument and merchant), lost to a wall (attributed to
//! the events that decide the journey), lost where the sources leave the route undecided, or lost
//! for ordinary reasons. Counts are sampled per group
//! (binomial splits), never per shopper, so the cost does not grow with the population.
//!
//! `undecided` verdicts are a range, not a guess: every run is made twice, once with the lower end
//! of each verdict (`Bound::Low`) and once with the upper end (`Bound::High`).
//!
//! Reproducibility: the PRNG is Xoshiro256++ from an explicit seed (integer-only, so as fast in wasm
//! as natively; ChaCha's SIMD made wasm 2.5× slower), and every transcendental function
//! comes from the `libm` crate (not the platform's), so the same seed and parameters give
//! bit-identical results natively and in wasm.

use chrono::{Datelike, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus as Prng;

use crate::model::Dataset;
use crate::route::{Journey, Level, Model, Off, Verdict};

/// Where a parameter's value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    /// Read from the sources: the event whose quote supports it.
    Sourced(&'static str),
    /// A plainly labelled assumption.
    Assumed,
}

/// One instrument's adoption: the share of shoppers holding it, a logistic curve over years.
#[derive(Clone, Debug, PartialEq)]
pub struct Adoption {
    pub instrument: String,
    /// The share it tends to, the year of half that share, and how fast (per year).
    pub ceiling: f64,
    pub midpoint: f64,
    pub rate: f64,
    pub basis: Basis,
}

impl Adoption {
    pub fn share(&self, year: f64) -> f64 {
        self.ceiling / (1.0 + libm::exp(-self.rate * (year - self.midpoint)))
    }
}

/// One place where shoppers meet offers for one merchant, and its weight in the demand.
#[derive(Clone, Debug, PartialEq)]
pub struct Demand {
    pub surface: String,
    pub merchant: String,
    pub weight: f64,
}

/// Every assumption of a run, with documented defaults ([`Params::default`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub seed: u64,
    pub population: u64,
    /// Purchase attempts per shopper per month.
    pub attempts_per_month: f64,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub replicates: u32,
    /// Share of completed attempts lost anyway (changed minds, stock-outs): no wall involved.
    pub ordinary_loss: f64,
    /// Share of shoppers who give up when only a workaround (a token, a QR code, a friend) works.
    pub workaround_loss: f64,
    /// Share who give up rather than register a new account and bind a card.
    pub new_account_loss: f64,
    /// Share of shoppers for whom a partial channel (a beta, a gradual roll-out) works.
    pub partial_share: f64,
    pub demand: Vec<Demand>,
    pub adoption: Vec<Adoption>,
}

/// The default demand mix: where an offer is met, the merchant, the weight.
const DEMAND: [(&str, &str, f64); 10] = [
    ("taobao-app", "taobao", 40.0),
    ("wechat-group", "taobao", 8.0),
    ("wechat-chat", "taobao", 6.0),
    ("wechat-moments-ad", "taobao", 4.0),
    ("wechat-official-account", "taobao", 4.0),
    ("wechat-official-account", "wechat-shop", 8.0),
    ("weibo", "weibo-shop", 4.0),
    ("offline-qr", "offline", 16.0),
    ("eleme-app", "eleme", 6.0),
    ("wechat-wallet", "didi", 4.0),
];

/// The default adoption curves: the instrument, its ceiling, midpoint and rate, and its basis.
const ADOPTION: [(&str, f64, f64, f64, Basis); 9] = [
    ("alipay", 0.85, 2012.5, 0.9, Basis::Sourced("alipay-mobile-share-2013q3")),
    ("wechat-pay", 0.9, 2015.5, 1.2, Basis::Sourced("wechat-registered-users-2014")),
    ("unionpay", 0.3, 2018.0, 0.8, Basis::Assumed),
    ("bank-card", 0.6, 2004.0, 5.0, Basis::Assumed),
    ("tenpay", 0.1, 2008.0, 1.0, Basis::Assumed),
    ("ecny", 0.1, 2022.0, 1.5, Basis::Assumed),
    ("jd-pay", 0.05, 2016.0, 1.0, Basis::Assumed),
    ("bestpay", 0.03, 2016.0, 1.0, Basis::Assumed),
    ("hebao", 0.03, 2016.0, 1.0, Basis::Assumed),
];

impl Default for Params {
    fn default() -> Params {
        Params {
            seed: 2014,
            population: 10_000_000,
            attempts_per_month: 2.0,
            start: NaiveDate::from_ymd_opt(2004, 1, 1).expect("valid"),
            end: NaiveDate::from_ymd_opt(2025, 12, 1).expect("valid"),
            replicates: 10,
            ordinary_loss: 0.05,
            workaround_loss: 0.5,
            new_account_loss: 0.9,
            partial_share: 0.5,
            // From tables, not one constructor call each: this is in the first screen's module
            // (the URL's defaults), where every byte counts.
            demand: DEMAND
                .iter()
                .map(|&(s, m, weight)| Demand { surface: s.into(), merchant: m.into(), weight })
                .collect(),
            adoption: ADOPTION
                .iter()
                .map(|(p, ceiling, midpoint, rate, basis)| Adoption {
                    instrument: (*p).into(),
                    ceiling: *ceiling,
                    midpoint: *midpoint,
                    rate: *rate,
                    basis: basis.clone(),
                })
                .collect(),
        }
    }
}

/// Which end of an `undecided` verdict a run takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Low,
    High,
}

/// One month of one run at one bound.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Month {
    pub attempts: u64,
    pub completed: u64,
    pub lost_wall: u64,
    /// Lost only because the sources do not settle the route (an `undecided` verdict at this bound):
    /// not counted as a wall, and attributed to no event.
    pub lost_undecided: u64,
    pub lost_ordinary: u64,
    /// Completed purchases by `[merchant][instrument]`, in the dataset's list order.
    pub by_merchant_instrument: Vec<Vec<u64>>,
}

/// One replicate: months at both bounds, and wall losses by event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub months: Vec<NaiveDate>,
    pub low: Vec<Month>,
    pub high: Vec<Month>,
    /// Wall losses attributed to each event (index into `Dataset::events`), `[low, high]`.
    pub lost_by_event: Vec<[u64; 2]>,
}

impl Run {
    pub fn totals(&self, bound: Bound) -> (u64, u64, u64) {
        let months = match bound {
            Bound::Low => &self.low,
            Bound::High => &self.high,
        };
        months.iter().fold((0, 0, 0), |(c, w, o), m| (c + m.completed, w + m.lost_wall, o + m.lost_ordinary))
    }

    /// A digest of every count, to pin reproducibility in tests (FNV-1a over the integers).
    pub fn checksum(&self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |x: u64| {
            for b in x.to_le_bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for m in self.low.iter().chain(&self.high) {
            for x in [m.attempts, m.completed, m.lost_wall, m.lost_undecided, m.lost_ordinary] {
                eat(x);
            }
            m.by_merchant_instrument.iter().flatten().for_each(|&x| eat(x));
        }
        self.lost_by_event.iter().flatten().for_each(|&x| eat(x));
        h
    }
}

/// First days of the months from `start` to `end`.
pub fn months(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let (mut y, mut m) = (start.year(), start.month());
    while let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
        if d > end {
            break;
        }
        out.push(d);
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

fn fractional_year(d: NaiveDate) -> f64 {
    f64::from(d.year()) + f64::from(d.ordinal0()) / 365.25
}

fn level(v: Verdict, bound: Bound) -> Level {
    match bound {
        Bound::Low => v.lo,
        Bound::High => v.hi,
    }
}

/// The routing answers a run needs, computed once per dataset and counterfactual.
pub struct Prepared {
    months: Vec<NaiveDate>,
    /// For each demand channel, instrument and month: the verdict of the journey.
    verdicts: Vec<Vec<Vec<Verdict>>>,
    /// For each demand channel, instrument and month: the events the answer cites.
    cited: Vec<Vec<Vec<std::rc::Rc<[u32]>>>>,
    /// For each demand channel: the merchant's index, or `None` if it is not in the dataset.
    merchant: Vec<Option<usize>>,
    /// For each month and instrument: the share of shoppers holding it.
    held: Vec<Vec<f64>>,
    n_merchants: usize,
    n_instruments: usize,
    n_events: usize,
}

/// Routes every demand channel × instrument × month once (cheap: verdicts come from runs).
pub fn prepare(data: &Dataset, off: &Off, params: &Params) -> Prepared {
    prepare_with(data, off, params, true)
}

/// [`prepare`] with or without the events each answer cites (a run attributes wall losses to them;
/// [`expected_silent`] needs only the verdicts, and explaining answers is most of the cost).
pub fn prepare_with(data: &Dataset, off: &Off, params: &Params, cite: bool) -> Prepared {
    let model = Model::new(data, off);
    let months = months(params.start, params.end);
    let mid = |d: NaiveDate| d.with_day(15).expect("every month has a 15th");
    let mut verdicts = Vec::new();
    let mut cited = Vec::new();
    for demand in &params.demand {
        let mut per_instrument = Vec::new();
        let mut cited_per_instrument = Vec::new();
        for p in &data.instruments {
            let journey = Journey::new(&demand.surface, &demand.merchant, &p.id);
            let plan = model.plan(&journey);
            let mut last: Option<(Verdict, std::rc::Rc<[u32]>)> = None;
            let mut vs = Vec::with_capacity(months.len());
            let mut cs = Vec::with_capacity(months.len());
            for &m in &months {
                let v = model.plan_verdict(&plan, mid(m));
                // The citations change only when the verdict does (or rarely in between); ask the
                // explained answer only then.
                let c = match &last {
                    _ if !cite => std::rc::Rc::from(Vec::new()),
                    Some((lv, lc)) if *lv == v => lc.clone(),
                    _ => {
                        let ids: std::rc::Rc<[u32]> =
                            model.answer(mid(m), &journey).cited().into_iter().map(|i| i as u32).collect();
                        last = Some((v, ids.clone()));
                        ids
                    }
                };
                vs.push(v);
                cs.push(c);
            }
            per_instrument.push(vs);
            cited_per_instrument.push(cs);
        }
        verdicts.push(per_instrument);
        cited.push(cited_per_instrument);
    }
    let held = months
        .iter()
        .map(|&m| {
            let year = fractional_year(m);
            data.instruments
                .iter()
                .map(|p| params.adoption.iter().find(|a| a.instrument == p.id).map_or(0.0, |a| a.share(year)))
                .collect()
        })
        .collect();
    Prepared {
        merchant: params.demand.iter().map(|d| data.merchants.iter().position(|m| m.id == d.merchant)).collect(),
        months,
        verdicts,
        cited,
        held,
        n_merchants: data.merchants.len(),
        n_instruments: data.instruments.len(),
        n_events: data.events.len(),
    }
}

/// The chance that an attempt with an instrument at this level completes through the channel.
fn pass(level: Level, params: &Params) -> f64 {
    match level {
        Level::Direct => 1.0,
        Level::Workaround => 1.0 - params.workaround_loss,
        Level::Partial => params.partial_share,
        Level::Announced | Level::Blocked => 0.0,
    }
}

/// One replicate with its own seed.
pub fn run(prepared: &Prepared, params: &Params, replicate: u32) -> Run {
    let mut replicate = Replicate::new(prepared, params, replicate);
    loop {
        if let Some(run) = replicate.step(prepared, params, usize::MAX) {
            return run;
        }
    }
}

/// One replicate run a few months at a time ([`Replicate::step`]), so that a page can run it
/// without a long task: the same draws in the same order as [`run`], so the same `Run`.
pub struct Replicate {
    rng: Prng,
    lost_by_event: Vec<[u64; 2]>,
    low: Vec<Month>,
    high: Vec<Month>,
}

impl Replicate {
    pub fn new(prepared: &Prepared, params: &Params, replicate: u32) -> Replicate {
        // Each replicate takes its own stretch of the sequence: 2^128 draws apart.
        let mut rng = Prng::seed_from_u64(params.seed);
        for _ in 0..replicate {
            rng.jump();
        }
        Replicate { rng, lost_by_event: vec![[0u64; 2]; prepared.n_events], low: Vec::new(), high: Vec::new() }
    }

    /// Runs up to `months` more months (every month at the low end, then at the high end); the
    /// replicate once every month is run.
    pub fn step(&mut self, prepared: &Prepared, params: &Params, months: usize) -> Option<Run> {
        let n = prepared.months.len();
        for _ in 0..months {
            let (bound, t) = if self.low.len() < n {
                (Bound::Low, self.low.len())
            } else if self.high.len() < n {
                (Bound::High, self.high.len())
            } else {
                break;
            };
            let month = month(prepared, params, bound, t, &mut self.rng, &mut self.lost_by_event);
            if bound == Bound::Low {
                self.low.push(month);
            } else {
                self.high.push(month);
            }
        }
        (self.high.len() == n).then(|| Run {
            months: prepared.months.clone(),
            low: std::mem::take(&mut self.low),
            high: std::mem::take(&mut self.high),
            lost_by_event: std::mem::take(&mut self.lost_by_event),
        })
    }
}

/// Month `t` of a replicate at one end of the undecided verdicts.
fn month(
    prepared: &Prepared,
    params: &Params,
    bound: Bound,
    t: usize,
    rng: &mut Prng,
    lost_by_event: &mut [[u64; 2]],
) -> Month {
    let slot = if bound == Bound::Low { 0 } else { 1 };
    let total_weight: f64 = params.demand.iter().map(|d| d.weight).sum();
    let mut month = Month {
        by_merchant_instrument: vec![vec![0; prepared.n_instruments]; prepared.n_merchants],
        ..Month::default()
    };
    let held = &prepared.held[t];
    let held_total: f64 = held.iter().sum();
    for (c, demand) in params.demand.iter().enumerate() {
        let Some(merchant) = prepared.merchant[c] else { continue };
        let n = libm::round(params.population as f64 * params.attempts_per_month * demand.weight / total_weight) as u64;
        month.attempts += n;
        if held_total <= 0.0 {
            month.lost_wall += n;
            continue;
        }
        // The best instrument for this channel this month, for those who switch.
        let pass_of = |p: usize| pass(level(prepared.verdicts[c][p][t], bound), params);
        let best = (0..prepared.n_instruments).max_by(|&a, &b| pass_of(a).total_cmp(&pass_of(b)).then(b.cmp(&a)));
        // Split the attempts by main instrument (a multinomial, as sequential binomials).
        let mut left = n;
        let mut share_left = held_total;
        for p in 0..prepared.n_instruments {
            if left == 0 {
                break;
            }
            let n_p = if share_left <= held[p] { left } else { binomial(rng, left, held[p] / share_left) };
            left -= n_p;
            share_left -= held[p];
            if n_p == 0 {
                continue;
            }
            let through = binomial(rng, n_p, pass_of(p));
            let mut completed = vec![(p, through)];
            let mut failed = n_p - through;
            if let Some(q) = best.filter(|&q| q != p && failed > 0) {
                // Those who hold the better instrument switch; others may register.
                let switch = binomial(rng, failed, held[q].min(1.0) * pass_of(q));
                failed -= switch;
                let register = binomial(rng, failed, (1.0 - params.new_account_loss) * pass_of(q));
                failed -= register;
                completed.push((q, switch + register));
            }
            for (instrument, k) in completed {
                let kept = binomial(rng, k, 1.0 - params.ordinary_loss);
                month.completed += kept;
                month.lost_ordinary += k - kept;
                month.by_merchant_instrument[merchant][instrument] += kept;
            }
            if prepared.verdicts[c][p][t].lo != prepared.verdicts[c][p][t].hi {
                month.lost_undecided += failed;
                continue;
            }
            month.lost_wall += failed;
            let cited = &prepared.cited[c][p][t];
            if failed > 0 && !cited.is_empty() {
                let share = failed / cited.len() as u64;
                let rest = failed % cited.len() as u64;
                for (i, &e) in cited.iter().enumerate() {
                    lost_by_event[e as usize][slot] += share + u64::from((i as u64) < rest);
                }
            }
        }
    }
    month
}

/// The expected attempts lost where the sources are silent over the whole run, at the low and the
/// high end of the undecided verdicts (`[low, high]`, as `Summary::total_lost_undecided`):
/// [`month`]'s arithmetic with every draw replaced by its mean. Two datasets are compared with it
/// without Monte Carlo noise: what answering an open question is worth (`decide::worth`).
pub fn expected_silent(prepared: &Prepared, params: &Params) -> [f64; 2] {
    let total_weight: f64 = params.demand.iter().map(|d| d.weight).sum();
    let mut out = [0.0; 2];
    for (slot, bound) in [Bound::Low, Bound::High].into_iter().enumerate() {
        for (t, held) in prepared.held.iter().enumerate() {
            let held_total: f64 = held.iter().sum();
            if held_total <= 0.0 {
                continue;
            }
            for (c, demand) in params.demand.iter().enumerate() {
                if prepared.merchant[c].is_none() {
                    continue;
                }
                let n =
                    libm::round(params.population as f64 * params.attempts_per_month * demand.weight / total_weight);
                let pass_of = |p: usize| pass(level(prepared.verdicts[c][p][t], bound), params);
                let best =
                    (0..prepared.n_instruments).max_by(|&a, &b| pass_of(a).total_cmp(&pass_of(b)).then(b.cmp(&a)));
                for (p, &share) in held.iter().enumerate() {
                    let v = prepared.verdicts[c][p][t];
                    if v.lo == v.hi {
                        continue;
                    }
                    // The multinomial split's mean, then the same steps as a draw.
                    let mut failed = n * share / held_total * (1.0 - pass_of(p));
                    if let Some(q) = best.filter(|&q| q != p) {
                        failed -= failed * held[q].min(1.0) * pass_of(q);
                        failed -= failed * (1.0 - params.new_account_loss) * pass_of(q);
                    }
                    out[slot] += failed;
                }
            }
        }
    }
    out
}

/// Binomial(n, p) from the generator, with `libm` only. Exact (inversion) when the smaller tail's
/// mean is under 30; above, the normal approximation with continuity rounding, whose error is
/// far below the Monte Carlo spread at those sizes.
pub fn binomial(rng: &mut Prng, n: u64, p: f64) -> u64 {
    if n == 0 || p <= 0.0 || p.is_nan() {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    let flip = p > 0.5;
    let q = if flip { 1.0 - p } else { p };
    let mean = n as f64 * q;
    let k = if mean < 30.0 {
        // BINV: walk up the distribution from 0.
        let s = q / (1.0 - q);
        let a = (n as f64 + 1.0) * s;
        let mut r = libm::pow(1.0 - q, n as f64);
        let mut u: f64 = rng.random();
        let mut x: u64 = 0;
        while u > r && x < n {
            u -= r;
            x += 1;
            r *= a / x as f64 - s;
        }
        x
    } else {
        let sd = libm::sqrt(mean * (1.0 - q));
        // Box–Muller with libm: the same bits everywhere.
        let u1: f64 = 1.0 - rng.random::<f64>();
        let u2: f64 = rng.random();
        let z = libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * std::f64::consts::PI * u2);
        libm::round(mean + sd * z).clamp(0.0, n as f64) as u64
    };
    if flip {
        n - k
    } else {
        k
    }
}

/// Summary of replicates: the mean and a 90% interval (5th to 95th percentile) of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub mean: Vec<f64>,
    pub p05: Vec<f64>,
    pub p95: Vec<f64>,
}

/// Bands of a per-month quantity over replicates.
pub fn band(runs: &[Run], f: impl Fn(&Run, usize) -> f64) -> Band {
    let n_months = runs.first().map_or(0, |r| r.months.len());
    let mut band = Band { mean: Vec::new(), p05: Vec::new(), p95: Vec::new() };
    for t in 0..n_months {
        let mut xs: Vec<f64> = runs.iter().map(|r| f(r, t)).collect();
        xs.sort_by(f64::total_cmp);
        let q = |p: f64| xs[((xs.len() - 1) as f64 * p).round() as usize];
        band.mean.push(xs.iter().sum::<f64>() / xs.len() as f64);
        band.p05.push(q(0.05));
        band.p95.push(q(0.95));
    }
    band
}

/// All replicates of a scenario.
pub fn simulate(data: &Dataset, off: &Off, params: &Params) -> Vec<Run> {
    let prepared = prepare(data, off, params);
    (0..params.replicates).map(|r| run(&prepared, params, r)).collect()
}

/// What the app shows of a set of replicates.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub months: Vec<NaiveDate>,
    /// Completed purchases and wall losses per month, at each bound, over replicates.
    pub completed: [Band; 2],
    pub lost_wall: [Band; 2],
    /// Totals over the whole run (mean over replicates), at each bound.
    pub total_completed: [f64; 2],
    pub total_lost: [f64; 2],
    pub total_lost_wall: [f64; 2],
    pub total_lost_undecided: [f64; 2],
    pub lost_undecided: [Band; 2],
    /// Mean completed purchases `[merchant][instrument][month]`, upper bound (where the sources are
    /// silent, the lower bound completes nothing and has no shares to show).
    pub by_merchant_instrument: Vec<Vec<Vec<f64>>>,
    /// Mean wall losses per event (index into `Dataset::events`), lower and upper bound.
    pub lost_by_event: Vec<[f64; 2]>,
}

impl Summary {
    pub fn of(runs: &[Run]) -> Summary {
        let n = runs.len().max(1) as f64;
        let months = runs.first().map_or_else(Vec::new, |r| r.months.clone());
        fn pick(r: &Run, b: usize) -> &[Month] {
            if b == 0 {
                &r.low
            } else {
                &r.high
            }
        }
        let completed = [0, 1].map(|b| band(runs, |r, t| pick(r, b)[t].completed as f64));
        let lost_wall = [0, 1].map(|b| band(runs, |r, t| pick(r, b)[t].lost_wall as f64));
        let total = |f: &dyn Fn(&Month) -> u64, b: usize| {
            runs.iter().map(|r| pick(r, b).iter().map(f).sum::<u64>() as f64).sum::<f64>() / n
        };
        let total_completed = [0, 1].map(|b| total(&|m| m.completed, b));
        let total_lost = [0, 1].map(|b| total(&|m| m.lost_wall + m.lost_undecided + m.lost_ordinary, b));
        let total_lost_undecided = [0, 1].map(|b| total(&|m| m.lost_undecided, b));
        let lost_undecided = [0, 1].map(|b| band(runs, |r, t| pick(r, b)[t].lost_undecided as f64));
        let total_lost_wall = [0, 1].map(|b| total(&|m| m.lost_wall, b));
        let (n_m, n_p) = runs
            .first()
            .and_then(|r| r.low.first())
            .map_or((0, 0), |m| (m.by_merchant_instrument.len(), m.by_merchant_instrument.first().map_or(0, Vec::len)));
        let by_merchant_instrument = (0..n_m)
            .map(|mi| {
                (0..n_p)
                    .map(|pi| {
                        (0..months.len())
                            .map(|t| {
                                runs.iter().map(|r| r.high[t].by_merchant_instrument[mi][pi] as f64).sum::<f64>() / n
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let n_events = runs.first().map_or(0, |r| r.lost_by_event.len());
        let lost_by_event = (0..n_events)
            .map(|e| [0, 1].map(|b| runs.iter().map(|r| r.lost_by_event[e][b] as f64).sum::<f64>() / n))
            .collect();
        Summary {
            months,
            completed,
            lost_wall,
            total_completed,
            total_lost,
            total_lost_wall,
            total_lost_undecided,
            lost_undecided,
            by_merchant_instrument,
            lost_by_event,
        }
    }
}

impl Summary {
    /// Each instrument's share (percent) of the purchases completed at a merchant, per month (upper
    /// end, see `by_merchant_instrument`); 0 in months with no purchase there.
    pub fn shares(&self, merchant: usize) -> Vec<Vec<f64>> {
        let Some(rows) = self.by_merchant_instrument.get(merchant) else { return Vec::new() };
        let totals: Vec<f64> = (0..self.months.len()).map(|t| rows.iter().map(|r| r[t]).sum()).collect();
        rows.iter()
            .map(|r| r.iter().zip(&totals).map(|(v, t)| if *t > 0.0 { 100.0 * v / t } else { 0.0 }).collect())
            .collect()
    }
}
