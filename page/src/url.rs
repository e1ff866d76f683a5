//! The view a person shares is the query string. It is parsed into a typed [`ViewState`] (with a
//! notice for every value that could not be used) and written back when the view changes.
//!
//! Public contract, keep stable: `lang`, `actor`, `kind`, `event`, `date`, `from`, `shop`, `pay`,
//! `off`, the simulation's parameters (`SIM_PARAMS`, `demand`, `adopt`), `dataset`, `embed`,
//! `q`, `story`, `step`, `theme`, `questions`.

use chrono::NaiveDate;
use hutong_core::{Dataset, Kind, Lang};

use crate::decimal::{parse_f64, write_f64};
use crate::i18n::{kind_from_id, kind_id, ALL_KINDS};
use crate::theme::Theme;

#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    pub lang: Lang,
    /// An owner or platform id; `None` shows every actor.
    pub actor: Option<String>,
    /// The kinds shown, in [`ALL_KINDS`] order; all of them when the URL names none.
    pub kinds: Vec<Kind>,
    /// The event whose details are open.
    pub event: Option<String>,
    /// The journey: the day, where the offer is met, the merchant, the instrument.
    pub date: NaiveDate,
    pub from: String,
    pub shop: String,
    pub pay: String,
    /// Events switched off (a counterfactual), in dataset order.
    pub off: Vec<String>,
    /// The simulation's settings (only those that differ from the defaults go in the URL).
    pub sim: SimSettings,
    /// The fingerprint (`hutong_core::export::fingerprint`) of the dataset the view needs; `None`
    /// for the embedded one. Parsed from the URL, then set by the app to the dataset in use.
    pub dataset: Option<String>,
    /// `embed=1`: the compact view for an iframe.
    pub embed: bool,
    /// The search's query (`q`), as typed; empty when there is none. Any text is a valid query.
    pub q: String,
    /// The story being told (its id), if any. Only its form is checked here: the stories are read
    /// by the story bar (the shell part), which says when there is no such story (`story.rs`).
    pub story: Option<String>,
    /// The story's step, 1-based (1 when there is no story).
    pub step: usize,
    /// The theme picked (`auto` is not written).
    pub theme: Theme,
    /// `questions=YYYY`: the open questions (issue 23) shown, for 1 June of that year.
    pub questions: Option<i32>,
}

/// The years `questions=` takes: those of the dataset's span (the agenda is of 1 June).
pub const QUESTION_YEARS: std::ops::RangeInclusive<i32> = 2004..=2025;

/// The simulation parameters a person can set, with their URL names.
#[derive(Clone, Debug, PartialEq)]
pub struct SimSettings {
    pub seed: u64,
    pub population: u64,
    pub attempts_per_month: f64,
    pub replicates: u32,
    pub ordinary_loss: f64,
    pub workaround_loss: f64,
    pub new_account_loss: f64,
    pub partial_share: f64,
    /// The demand mix and the adoption curves (URL `demand`, `adopt` when changed).
    pub demand: Vec<hutong_core::sim::Demand>,
    pub adoption: Vec<hutong_core::sim::Adoption>,
}

impl Default for SimSettings {
    fn default() -> SimSettings {
        let p = hutong_core::sim::Params::default();
        SimSettings {
            seed: p.seed,
            population: p.population,
            attempts_per_month: p.attempts_per_month,
            replicates: p.replicates,
            ordinary_loss: p.ordinary_loss,
            workaround_loss: p.workaround_loss,
            new_account_loss: p.new_account_loss,
            partial_share: p.partial_share,
            demand: p.demand,
            adoption: p.adoption,
        }
    }
}

impl SimSettings {
    pub fn params(&self) -> hutong_core::sim::Params {
        hutong_core::sim::Params {
            seed: self.seed,
            population: self.population,
            attempts_per_month: self.attempts_per_month,
            replicates: self.replicates,
            ordinary_loss: self.ordinary_loss,
            workaround_loss: self.workaround_loss,
            new_account_loss: self.new_account_loss,
            partial_share: self.partial_share,
            demand: self.demand.clone(),
            adoption: self.adoption.clone(),
            ..hutong_core::sim::Params::default()
        }
    }
}

/// `surface:merchant:weight;…` — every entry must name known ids and a weight in 0–1000.
pub fn parse_demand(text: &str, data: &Dataset) -> Option<Vec<hutong_core::sim::Demand>> {
    text.split(';')
        .filter(|e| !e.trim().is_empty())
        .map(|entry| {
            let parts: Vec<&str> = entry.split(':').map(str::trim).collect();
            let [surface, merchant, weight] = parts.as_slice() else { return None };
            let weight = parse_f64(weight).filter(|w| w.is_finite() && (0.0..=1000.0).contains(w))?;
            (data.surfaces.iter().any(|n| n.id == *surface) && data.merchants.iter().any(|n| n.id == *merchant)).then(
                || hutong_core::sim::Demand { surface: surface.to_string(), merchant: merchant.to_string(), weight },
            )
        })
        .collect::<Option<Vec<_>>>()
        .filter(|v| !v.is_empty())
}

pub fn demand_to_text(demand: &[hutong_core::sim::Demand]) -> String {
    demand.iter().map(|d| format!("{}:{}:{}", d.surface, d.merchant, write_f64(d.weight))).collect::<Vec<_>>().join(";")
}

/// `instrument:ceiling:midpoint:rate;…` — known instruments, ceiling 0–1, midpoint 1990–2100,
/// rate 0–20. Entries replace the defaults of their instrument (keeping its basis).
pub fn parse_adoption(text: &str, data: &Dataset) -> Option<Vec<hutong_core::sim::Adoption>> {
    let mut out = SimSettings::default().adoption;
    for entry in text.split(';').filter(|e| !e.trim().is_empty()) {
        let parts: Vec<&str> = entry.split(':').map(str::trim).collect();
        let [id, ceiling, midpoint, rate] = parts.as_slice() else { return None };
        let num = |s: &str, lo: f64, hi: f64| parse_f64(s).filter(|v| v.is_finite() && *v >= lo && *v <= hi);
        let (ceiling, midpoint, rate) =
            (num(ceiling, 0.0, 1.0)?, num(midpoint, 1990.0, 2100.0)?, num(rate, 0.0, 20.0)?);
        if !data.instruments.iter().any(|n| n.id == *id) {
            return None;
        }
        match out.iter_mut().find(|a| a.instrument == *id) {
            Some(a) => (a.ceiling, a.midpoint, a.rate) = (ceiling, midpoint, rate),
            None => out.push(hutong_core::sim::Adoption {
                instrument: id.to_string(),
                ceiling,
                midpoint,
                rate,
                basis: hutong_core::sim::Basis::Assumed,
            }),
        }
    }
    Some(out)
}

/// Only the curves that differ from the defaults.
pub fn adoption_to_text(adoption: &[hutong_core::sim::Adoption]) -> String {
    let defaults = SimSettings::default().adoption;
    adoption
        .iter()
        .filter(|a| !defaults.contains(a))
        .map(|a| format!("{}:{}:{}:{}", a.instrument, write_f64(a.ceiling), write_f64(a.midpoint), write_f64(a.rate)))
        .collect::<Vec<_>>()
        .join(";")
}

/// A simulation parameter: its URL name, its allowed range, and how to read and write it.
pub struct SimParam {
    pub key: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub get: fn(&SimSettings) -> f64,
    pub set: fn(&mut SimSettings, f64),
}

pub const SIM_PARAMS: [SimParam; 8] = [
    SimParam {
        key: "seed",
        min: 0.0,
        max: 4_294_967_295.0,
        step: 1.0,
        get: |s| s.seed as f64,
        set: |s, v| s.seed = v as u64,
    },
    SimParam {
        key: "pop",
        min: 1.0,
        max: 1_000_000_000.0,
        step: 1.0,
        get: |s| s.population as f64,
        set: |s, v| s.population = v as u64,
    },
    SimParam {
        key: "freq",
        min: 0.0,
        max: 100.0,
        step: 0.1,
        get: |s| s.attempts_per_month,
        set: |s, v| s.attempts_per_month = v,
    },
    SimParam {
        key: "reps",
        min: 1.0,
        max: 200.0,
        step: 1.0,
        get: |s| f64::from(s.replicates),
        set: |s, v| s.replicates = v as u32,
    },
    SimParam { key: "loss", min: 0.0, max: 1.0, step: 0.01, get: |s| s.ordinary_loss, set: |s, v| s.ordinary_loss = v },
    SimParam {
        key: "wloss",
        min: 0.0,
        max: 1.0,
        step: 0.01,
        get: |s| s.workaround_loss,
        set: |s, v| s.workaround_loss = v,
    },
    SimParam {
        key: "aloss",
        min: 0.0,
        max: 1.0,
        step: 0.01,
        get: |s| s.new_account_loss,
        set: |s, v| s.new_account_loss = v,
    },
    SimParam {
        key: "pshare",
        min: 0.0,
        max: 1.0,
        step: 0.01,
        get: |s| s.partial_share,
        set: |s, v| s.partial_share = v,
    },
];

impl SimParam {
    /// Parses a value of this parameter; `None` when it is not a number in range (or not whole
    /// where it must be).
    pub fn parse(&self, text: &str) -> Option<f64> {
        let v = parse_f64(text.trim())?;
        let whole = self.step >= 1.0;
        (v.is_finite() && v >= self.min && v <= self.max && (!whole || v.fract() == 0.0)).then_some(v)
    }
}

/// The most steps a story link may name.
pub const MAX_STEP: usize = 1000;

/// The journey a link without one shows: the one the issue tracker's example uses.
pub const DEFAULT_DATE: &str = "2020-06-01";
pub const DEFAULT_FROM: &str = "wechat-group";
pub const DEFAULT_SHOP: &str = "taobao";
pub const DEFAULT_PAY: &str = "alipay";

impl ViewState {
    /// The default view for a dataset (its first ids where the usual ones are missing).
    pub fn default_for(data: &Dataset) -> ViewState {
        let pick = |list: &[hutong_core::Node], id: &str| {
            if list.iter().any(|n| n.id == id) {
                id.to_string()
            } else {
                list.first().map(|n| n.id.clone()).unwrap_or_default()
            }
        };
        ViewState {
            lang: Lang::Zh,
            actor: None,
            kinds: ALL_KINDS.to_vec(),
            event: None,
            date: hutong_core::date::parse_day(DEFAULT_DATE).expect("a valid default day"),
            from: pick(&data.surfaces, DEFAULT_FROM),
            shop: pick(&data.merchants, DEFAULT_SHOP),
            pay: pick(&data.instruments, DEFAULT_PAY),
            off: Vec::new(),
            sim: SimSettings::default(),
            dataset: None,
            embed: false,
            q: String::new(),
            story: None,
            step: 1,
            theme: Theme::Auto,
            questions: None,
        }
    }

    pub fn journey(&self) -> hutong_core::route::Journey {
        hutong_core::route::Journey::new(&self.from, &self.shop, &self.pay)
    }

    /// The switched-off events as indices into `data.events`.
    pub fn off_set(&self, data: &Dataset) -> hutong_core::route::Off {
        // Inserted one by one: collecting a `BTreeSet` sorts first, and every sort is a copy of
        // the sorting code in the first screen's module (BENCHMARKS.md, Release size).
        let mut set = hutong_core::route::Off::new();
        for id in &self.off {
            if let Some(i) = data.events.iter().position(|e| &e.id == id) {
                set.insert(i);
            }
        }
        set
    }
}

/// Puts switched-off event ids in the dataset's order of events (ids it does not have first, as
/// they were), as `off` is kept. Without a sort: every sort is a copy of the sorting code in the
/// first screen's module.
pub fn in_event_order(ids: &mut Vec<String>, data: &Dataset) {
    let mut ordered: Vec<String> = ids.iter().filter(|id| data.event(id).is_none()).cloned().collect();
    ordered.extend(data.events.iter().filter(|e| ids.contains(&e.id)).map(|e| e.id.clone()));
    *ids = ordered;
}

/// A URL value that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub kind: NoticeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Well formed, but no such id (or language) exists.
    Unknown,
    /// Not of the parameter's form.
    Malformed,
    /// The link names another dataset than the one in use (`value` is the wanted fingerprint, empty
    /// for the embedded dataset).
    OtherDataset,
    /// The imported dataset saved in this browser cannot be read (`value` is the first problem).
    SavedUnreadable,
}

impl ViewState {
    pub fn all_kinds(&self) -> bool {
        self.kinds.len() == ALL_KINDS.len()
    }
}

/// Reads a query string (with or without the leading `?`). Never fails: what cannot be used becomes
/// a notice and the default.
pub fn parse(query: &str, data: &Dataset) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState::default_for(data);
    let mut notices = Vec::new();
    let mut note = |param: &str, value: &str, kind| {
        notices.push(Notice { param: param.to_string(), value: value.to_string(), kind })
    };
    let query = query.strip_prefix('?').unwrap_or(query);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = value.trim();
        match key.as_ref() {
            "lang" => match Lang::from_code(value) {
                Some(lang) => state.lang = lang,
                None => note("lang", value, NoticeKind::Unknown),
            },
            "actor" if value.is_empty() => {}
            "actor" => {
                if !hutong_core::load::is_id(value) {
                    note("actor", value, NoticeKind::Malformed)
                } else if data.owner(value).is_some() || data.platform(value).is_some() {
                    state.actor = Some(value.to_string())
                } else {
                    note("actor", value, NoticeKind::Unknown)
                }
            }
            "kind" => {
                let mut kinds = Vec::new();
                for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    match kind_from_id(part) {
                        Some(k) => kinds.push(k),
                        None => note("kind", part, NoticeKind::Unknown),
                    }
                }
                if !kinds.is_empty() {
                    state.kinds = ALL_KINDS.into_iter().filter(|k| kinds.contains(k)).collect();
                }
            }
            "event" if value.is_empty() => {}
            "event" => {
                if !hutong_core::load::is_id(value) {
                    note("event", value, NoticeKind::Malformed)
                } else if data.event(value).is_some() {
                    state.event = Some(value.to_string())
                } else {
                    note("event", value, NoticeKind::Unknown)
                }
            }
            "date" => match hutong_core::date::parse_day(value) {
                Ok(day) => state.date = day,
                Err(_) => note("date", value, NoticeKind::Malformed),
            },
            "from" | "shop" | "pay" => {
                let (list, slot) = match key.as_ref() {
                    "from" => (&data.surfaces, &mut state.from),
                    "shop" => (&data.merchants, &mut state.shop),
                    _ => (&data.instruments, &mut state.pay),
                };
                if !hutong_core::load::is_id(value) {
                    note(&key, value, NoticeKind::Malformed)
                } else if list.iter().any(|n| n.id == value) {
                    *slot = value.to_string()
                } else {
                    note(&key, value, NoticeKind::Unknown)
                }
            }
            "off" => {
                for id in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    if !hutong_core::load::is_id(id) {
                        note("off", id, NoticeKind::Malformed)
                    } else if data.event(id).is_some() {
                        if !state.off.iter().any(|o| o == id) {
                            state.off.push(id.to_string());
                        }
                    } else {
                        note("off", id, NoticeKind::Unknown)
                    }
                }
                in_event_order(&mut state.off, data);
            }
            "demand" => match parse_demand(value, data) {
                Some(d) => state.sim.demand = d,
                None => note("demand", value, NoticeKind::Malformed),
            },
            "adopt" => match parse_adoption(value, data) {
                Some(a) => state.sim.adoption = a,
                None => note("adopt", value, NoticeKind::Malformed),
            },
            "dataset" if value.is_empty() => {}
            "dataset" => {
                if value.len() <= 120 && !value.chars().any(char::is_control) {
                    state.dataset = Some(value.to_string())
                } else {
                    note("dataset", value, NoticeKind::Malformed)
                }
            }
            "story" if value.is_empty() => {}
            "story" if hutong_core::load::is_id(value) => state.story = Some(value.to_string()),
            "story" => note("story", value, NoticeKind::Malformed),
            "step" => match value.parse::<usize>() {
                Ok(n) if (1..=MAX_STEP).contains(&n) && !value.starts_with('+') => state.step = n,
                _ => note("step", value, NoticeKind::Malformed),
            },
            "theme" => match Theme::from_id(value) {
                Some(theme) => state.theme = theme,
                None => note("theme", value, NoticeKind::Unknown),
            },
            "embed" => match value {
                "1" | "true" => state.embed = true,
                "0" | "false" | "" => state.embed = false,
                _ => note("embed", value, NoticeKind::Malformed),
            },
            "q" => state.q = value.to_string(),
            "questions" => match value.parse::<i32>() {
                Ok(year) if QUESTION_YEARS.contains(&year) && !value.starts_with('+') => state.questions = Some(year),
                _ => note("questions", value, NoticeKind::Malformed),
            },
            key if SIM_PARAMS.iter().any(|p| p.key == key) => {
                let param = SIM_PARAMS.iter().find(|p| p.key == key).expect("checked");
                match param.parse(value) {
                    Some(v) => (param.set)(&mut state.sim, v),
                    None => note(key, value, NoticeKind::Malformed),
                }
            }
            // Parameters of later features or other tools are left alone, not reported.
            _ => {}
        }
    }
    if state.story.is_none() {
        state.step = 1;
    }
    (state, notices)
}

/// Writes the state as a query string (with `?`). The journey is always written, so a link names
/// it even if the defaults change; filters are left out when they show everything.
pub fn to_query(state: &ViewState) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("date", &crate::fmt::iso(state.date));
    out.append_pair("from", &state.from);
    out.append_pair("shop", &state.shop);
    out.append_pair("pay", &state.pay);
    if !state.off.is_empty() {
        out.append_pair("off", &state.off.join(","));
    }
    out.append_pair("lang", state.lang.code());
    if let Some(actor) = &state.actor {
        out.append_pair("actor", actor);
    }
    if !state.all_kinds() {
        let kinds: Vec<&str> = state.kinds.iter().map(|k| kind_id(*k)).collect();
        out.append_pair("kind", &kinds.join(","));
    }
    if let Some(event) = &state.event {
        out.append_pair("event", event);
    }
    if !state.q.is_empty() {
        out.append_pair("q", &state.q);
    }
    if let Some(dataset) = &state.dataset {
        out.append_pair("dataset", dataset);
    }
    if state.embed {
        out.append_pair("embed", "1");
    }
    if let Some(story) = &state.story {
        out.append_pair("story", story);
        out.append_pair("step", &state.step.to_string());
    }
    if state.theme != Theme::Auto {
        out.append_pair("theme", state.theme.id());
    }
    if let Some(year) = state.questions {
        out.append_pair("questions", &year.to_string());
    }
    let defaults = SimSettings::default();
    for p in &SIM_PARAMS {
        let v = (p.get)(&state.sim);
        if v != (p.get)(&defaults) {
            out.append_pair(p.key, &write_f64(v));
        }
    }
    if state.sim.demand != defaults.demand {
        out.append_pair("demand", &demand_to_text(&state.sim.demand));
    }
    if state.sim.adoption != defaults.adoption {
        out.append_pair("adopt", &adoption_to_text(&state.sim.adoption));
    }
    format!("?{}", out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        hutong_core::embedded::dataset()
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // the standard sort is the reference here
    fn switched_off_events_are_kept_in_the_datasets_order() {
        let data = data();
        let ids = |k: &[usize]| k.iter().map(|&i| data.events[i].id.clone()).collect::<Vec<_>>();
        let mut off = ids(&[7, 2, 40, 3]);
        off.insert(2, "no-such-event".to_string());
        let mut sorted = off.clone();
        sorted.sort_by_key(|o| data.events.iter().position(|e| &e.id == o));
        in_event_order(&mut off, &data);
        assert_eq!(off, sorted);
        let state = ViewState { off: off.clone(), ..ViewState::default_for(&data) };
        assert_eq!(state.off_set(&data), [2, 3, 7, 40].into_iter().collect());
    }

    #[test]
    fn a_shared_view_round_trips() {
        let data = data();
        let state = ViewState {
            lang: Lang::En,
            actor: Some("alibaba".into()),
            kinds: vec![Kind::Block, Kind::Open],
            event: Some("alipay-bans-wechat-merchants".into()),
            date: hutong_core::date::parse_day("2014-06-01").unwrap(),
            from: "wechat-chat".into(),
            shop: "wechat-shop".into(),
            pay: "wechat-pay".into(),
            off: vec!["wechat-shop-launch".into(), "wechat-pay-drops-deposit".into()],
            sim: SimSettings { seed: 7, workaround_loss: 0.25, ..SimSettings::default() },
            dataset: Some("mine~0a1b2c3d".into()),
            embed: true,
            q: "淘宝微信支付 & 50%".into(),
            story: Some("walls-and-reconnection".into()),
            step: 3,
            theme: Theme::Contrast,
            questions: Some(2016),
        };
        let query = to_query(&state);
        assert_eq!(
            query,
            "?date=2014-06-01&from=wechat-chat&shop=wechat-shop&pay=wechat-pay&off=wechat-shop-launch%2Cwechat-pay-drops-deposit&lang=en&actor=alibaba&kind=block%2Copen&event=alipay-bans-wechat-merchants&q=%E6%B7%98%E5%AE%9D%E5%BE%AE%E4%BF%A1%E6%94%AF%E4%BB%98+%26+50%25&dataset=mine%7E0a1b2c3d&embed=1&story=walls-and-reconnection&step=3&theme=contrast&questions=2016&seed=7&wloss=0.25"
        );
        assert_eq!(parse(&query, &data), (state, vec![]));
    }

    #[test]
    fn bad_values_become_notices_and_defaults() {
        let data = data();
        let (state, notices) =
            parse("?lang=fr&actor=nobody&kind=block,riot&event=<script>&date=2014-02-30&from=mars&pay=&off=ghost,weibo-pay-launch&wloss=2&reps=1.5", &data);
        assert_eq!(state.sim, SimSettings::default());
        assert_eq!(state.date, hutong_core::date::parse_day(DEFAULT_DATE).unwrap());
        assert_eq!((state.from.as_str(), state.pay.as_str()), (DEFAULT_FROM, DEFAULT_PAY));
        assert_eq!(state.off, vec!["weibo-pay-launch".to_string()]);
        assert_eq!(state.lang, Lang::Zh);
        assert_eq!(state.actor, None);
        assert_eq!(state.kinds, vec![Kind::Block]);
        assert_eq!(state.event, None);
        let kinds: Vec<_> = notices.iter().map(|n| (n.param.as_str(), n.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("lang", NoticeKind::Unknown),
                ("actor", NoticeKind::Unknown),
                ("kind", NoticeKind::Unknown),
                ("event", NoticeKind::Malformed),
                ("date", NoticeKind::Malformed),
                ("from", NoticeKind::Unknown),
                ("pay", NoticeKind::Malformed),
                ("off", NoticeKind::Unknown),
                ("wloss", NoticeKind::Malformed),
                ("reps", NoticeKind::Malformed)
            ]
        );
    }

    #[test]
    fn demand_and_adoption_round_trip_and_refuse_bad_entries() {
        let data = data();
        let mut state = ViewState::default_for(&data);
        state.sim.demand =
            vec![hutong_core::sim::Demand { surface: "wechat-group".into(), merchant: "taobao".into(), weight: 3.5 }];
        state.sim.adoption[1].ceiling = 0.4;
        let query = to_query(&state);
        assert!(query.contains("demand=wechat-group%3Ataobao%3A3.5"), "{query}");
        assert!(query.contains("adopt=wechat-pay%3A0.4%3A2015.5%3A1.2"), "{query}");
        assert_eq!(parse(&query, &data), (state, vec![]));
        for bad in
            ["demand=mars:taobao:1", "demand=wechat-group:taobao:-1", "adopt=alipay:2:2014:1", "adopt=alipay:0.5"]
        {
            let (s, notices) = parse(bad, &data);
            assert_eq!(s.sim, SimSettings::default(), "{bad}");
            assert_eq!(notices.len(), 1, "{bad}");
        }
    }

    #[test]
    fn any_search_text_is_a_query_and_an_empty_one_is_left_out() {
        let data = data();
        for text in ["淘宝微信支付", "Alipay weibo", "<script>alert(1)</script>", "a=b&c", "  spaced  "] {
            let state = ViewState { q: text.trim().into(), ..ViewState::default_for(&data) };
            let (back, notices) = parse(&to_query(&state), &data);
            assert_eq!((back.q.as_str(), notices.len()), (text.trim(), 0), "{text}");
        }
        let (state, notices) = parse("?q=", &data);
        assert!(state.q.is_empty() && notices.is_empty());
        assert!(!to_query(&state).contains("q="));
    }

    #[test]
    fn story_step_and_theme_are_read_politely() {
        let data = data();
        let (state, notices) = parse("?story=walls-and-reconnection&step=4&theme=dark", &data);
        assert_eq!((state.story.as_deref(), state.step, state.theme), (Some("walls-and-reconnection"), 4, Theme::Dark));
        assert!(notices.is_empty());
        // A story without a step starts at its first; a step without a story means nothing.
        assert_eq!(parse("?story=walls-and-reconnection", &data).0.step, 1);
        assert_eq!(parse("?step=5", &data).0, ViewState::default_for(&data));
        // Only the story's form is checked here (the story bar knows which stories exist).
        assert_eq!(parse("?story=no-such-story", &data).0.story.as_deref(), Some("no-such-story"));
        let (state, notices) = parse("?story=<b>&step=0&theme=pink", &data);
        assert_eq!((state.story, state.step, state.theme), (None, 1, Theme::Auto));
        let kinds: Vec<_> = notices.iter().map(|n| (n.param.as_str(), n.kind)).collect();
        assert_eq!(
            kinds,
            [("story", NoticeKind::Malformed), ("step", NoticeKind::Malformed), ("theme", NoticeKind::Unknown)]
        );
        for bad in ["-1", "%2B2", "2.5", "1001", "x"] {
            let (_, notices) = parse(&format!("?story=s&step={bad}"), &data);
            assert_eq!(notices.len(), 1, "step={bad}");
        }
        // Auto is the default and is not written.
        assert!(!to_query(&ViewState::default_for(&data)).contains("theme"));
    }

    #[test]
    fn the_open_questions_year_is_read_politely() {
        let data = data();
        assert_eq!(parse("?questions=2016", &data).0.questions, Some(2016));
        assert!(!to_query(&ViewState::default_for(&data)).contains("questions"));
        for bad in ["1999", "2031", "%2B2016", "2016.5", "x", ""] {
            let (state, notices) = parse(&format!("?questions={bad}"), &data);
            assert_eq!(state.questions, None, "questions={bad}");
            assert_eq!(notices.len(), 1, "questions={bad}");
            assert_eq!(notices[0].kind, NoticeKind::Malformed);
        }
    }

    #[test]
    fn an_empty_query_is_the_default_view() {
        let (state, notices) = parse("", &data());
        assert_eq!(state.lang, Lang::Zh);
        assert!(state.all_kinds());
        assert!(notices.is_empty());
        assert_eq!(to_query(&state), "?date=2020-06-01&from=wechat-group&shop=taobao&pay=alipay&lang=zh");
    }
}
