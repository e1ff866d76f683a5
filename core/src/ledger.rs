//! The ledger of decided verdicts: every journey (surface × merchant × instrument) on a grid of
//! days, and for each decided answer its verdict, its grounds (stated, or inferred with its rules
//! and the age of its evidence) and the events that decide it. `data/verdicts.tsv` is this ledger
//! for the embedded dataset, compared with the model by `core/tests/ledger.rs`, so that every data
//! or rule change shows its effect on the answers in review. The app's "What the sources decide"
//! reads the same rows.

use chrono::{Datelike, NaiveDate};

use crate::model::Dataset;
use crate::route::{Grounds, Journey, Model, Rule, Word};

/// The first and last year of the grid's 1 June days.
pub const YEARS: (i32, i32) = (2010, 2025);

/// One decided answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub day: NaiveDate,
    pub journey: Journey,
    pub word: Word,
    pub grounds: Grounds,
}

/// The grid: each year's 1 June from 2010 to 2025, and the day after every event's last possible
/// day (when its change is certain) up to the end of 2025, in order.
pub fn grid(data: &Dataset) -> Vec<NaiveDate> {
    let end = NaiveDate::from_ymd_opt(YEARS.1, 12, 31).expect("a valid day");
    let mut days: Vec<NaiveDate> = (YEARS.0..=YEARS.1).filter_map(|year| NaiveDate::from_ymd_opt(year, 6, 1)).collect();
    for event in &data.events {
        if let Some(next) = event.date.latest().and_then(|d| d.succ_opt()) {
            if next <= end && next.year() >= 2004 {
                days.push(next);
            }
        }
    }
    crate::sort::sort(&mut days);
    days.dedup();
    days
}

/// Every decided answer of the model on the given days, by day, then journey.
pub fn rows(model: &Model<'_>, days: &[NaiveDate]) -> Vec<Row> {
    let journeys = model.journeys();
    let plans: Vec<_> = journeys.iter().map(|j| model.plan(j)).collect();
    let mut out = Vec::new();
    for &day in days {
        for (journey, plan) in journeys.iter().zip(&plans) {
            let word = model.plan_verdict(plan, day).word();
            if word == Word::Undecided {
                continue;
            }
            let answer = model.answer(day, journey);
            let grounds = answer.grounds().expect("a decided answer has grounds");
            out.push(Row { day, journey: journey.clone(), word, grounds });
        }
    }
    out
}

/// The rows as tab-separated text with a header line: `day`, `surface`, `merchant`,
/// `instrument`, `verdict`, `grounds` (`stated` or `inferred`), `rules` (rule ids, comma-separated),
/// `last_confirmed` (for a verdict that persists), `events` (the deciding event ids).
pub fn tsv(data: &Dataset, rows: &[Row]) -> String {
    let mut out = String::from("day\tsurface\tmerchant\tinstrument\tverdict\tgrounds\trules\tlast_confirmed\tevents\n");
    for r in rows {
        let rules: Vec<&str> = r.grounds.rules.iter().map(Rule::id).collect();
        let events: Vec<&str> = r.grounds.events.iter().map(|&i| data.events[i].id.as_str()).collect();
        let confirmed = r.grounds.confirmed.map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.day,
            r.journey.surface,
            r.journey.merchant,
            r.journey.instrument,
            r.word.id(),
            r.grounds.id(),
            rules.join(","),
            confirmed,
            events.join(",")
        ));
    }
    out
}

/// How many decided answers, how many stated, and how many rest on each rule.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub decided: usize,
    pub stated: usize,
    /// For each rule of [`Rule::ALL`], the inferred answers that need it.
    pub by_rule: Vec<(Rule, usize)>,
}

pub fn counts(rows: &[Row]) -> Counts {
    let by_rule =
        Rule::ALL.iter().map(|&rule| (rule, rows.iter().filter(|r| r.grounds.rules.contains(rule)).count())).collect();
    Counts { decided: rows.len(), stated: rows.iter().filter(|r| r.grounds.stated()).count(), by_rule }
}
