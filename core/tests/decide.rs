//! What would decide an undecided answer (issue 23, part 1): each question names the fact the
//! sources leave open, and each answer to it, written into the data, gives the verdict it says.

use chrono::NaiveDate;
use hutong_core::date::parse_day;
use hutong_core::decide::{apply, questions, Field, Finding};
use hutong_core::embedded;
use hutong_core::route::{Journey, Level, Model, Off, Verdict, Word};

fn id_of<'a>(data: &'a hutong_core::Dataset, q: &hutong_core::decide::Question) -> &'a str {
    q.event.map_or("", |i| data.events[i].id.as_str())
}

#[test]
fn the_default_journey_asks_when_the_shop_cards_and_tokens_began() {
    let data = embedded::dataset();
    let day = parse_day("2020-06-01").unwrap();
    let journey = Journey::new("wechat-group", "taobao", "alipay");
    let qs = questions(&data, &Off::new(), day, &journey);
    for id in ["taobao-shop-card", "taobao-taokouling"] {
        let q = qs.iter().find(|q| id_of(&data, q) == id).unwrap_or_else(|| panic!("no question on {id}: {qs:#?}"));
        assert_eq!(q.field, Field::Date);
        assert_eq!(q.via.as_deref(), Some(if id == "taobao-shop-card" { "shop-card" } else { "taokouling" }));
        // Dated before 1 June 2020: a way round, so the journey is "workaround" …
        assert_eq!(q.outcomes[0], (Finding::ByTheDay, Verdict::exactly(Level::Workaround)));
        // … after it: still open, since the other one may apply.
        assert_eq!(q.outcomes[1], (Finding::AfterTheDay, Verdict { lo: Level::Blocked, hi: Level::Workaround }));
        assert!(q.decides());
    }
}

#[test]
fn a_decided_answer_asks_nothing() {
    let data = embedded::dataset();
    let day = parse_day("2022-06-01").unwrap();
    assert!(questions(&data, &Off::new(), day, &Journey::new("wechat-group", "taobao", "alipay")).is_empty());
}

#[test]
fn an_announced_end_asks_whether_it_took_effect() {
    let data = embedded::dataset();
    let day = parse_day("2016-01-01").unwrap();
    let qs = questions(&data, &Off::new(), day, &Journey::new("wechat-official-account", "wechat-shop", "alipay"));
    let q =
        qs.iter().find(|q| id_of(&data, q) == "alipay-existing-wechat-merchants-to-end").expect("the announced end");
    assert_eq!(q.field, Field::Status);
    assert_eq!(q.outcomes[0], (Finding::ByTheDay, Verdict::exactly(Level::Blocked)));
    assert_eq!(q.outcomes[1], (Finding::AfterTheDay, Verdict::exactly(Level::Partial)));
}

#[test]
fn a_silent_hop_asks_whether_the_channel_was_open() {
    let data = embedded::dataset();
    let day = parse_day("2016-01-01").unwrap();
    let qs = questions(&data, &Off::new(), day, &Journey::new("taobao-app", "taobao", "tenpay"));
    let q = qs.iter().find(|q| q.field == Field::Silent).expect("no source speaks of Taobao taking Tenpay");
    assert_eq!((q.from.as_str(), q.to.as_str()), ("taobao", "tenpay"));
    assert_eq!(
        q.outcomes,
        vec![(Finding::Open, Verdict::exactly(Level::Direct)), (Finding::Closed, Verdict::exactly(Level::Blocked))]
    );
}

/// Over the ledger's years: every undecided answer asks at least one question; every answer to a
/// question narrows the verdict, never contradicts it (each end stays within the interval); and
/// the question's step is in the answer (its verdicts come from `apply`, as the last check shows).
#[test]
fn every_undecided_answer_asks_and_every_answer_narrows() {
    let data = embedded::dataset();
    let off = Off::new();
    let model = Model::new(&data, &off);
    let days: Vec<NaiveDate> = ["2012-06-01", "2014-02-14", "2016-06-01", "2020-06-01", "2022-06-01", "2024-10-01"]
        .iter()
        .map(|d| parse_day(d).unwrap())
        .collect();
    let mut asked = 0;
    for journey in model.journeys().into_iter().step_by(13) {
        for &day in &days {
            let answer = model.answer(day, &journey);
            let qs = questions(&data, &off, day, &journey);
            if answer.verdict.word() != Word::Undecided {
                assert!(qs.is_empty());
                continue;
            }
            assert!(!qs.is_empty(), "{journey:?} on {day} is undecided and asks nothing");
            asked += qs.len();
            for q in &qs {
                for &(finding, v) in &q.outcomes {
                    // An announced opening not in effect by the day is written as one that came
                    // after it, which drops the day's "announced, not yet" reading to the state
                    // before it (see `decide::apply`).
                    let lo = if q.field == Field::Status
                        && finding == Finding::AfterTheDay
                        && answer.verdict.lo == Level::Announced
                    {
                        Level::Blocked
                    } else {
                        answer.verdict.lo
                    };
                    assert!(
                        lo <= v.lo && v.hi <= answer.verdict.hi,
                        "{journey:?} {day}: {:?} {} {finding:?} gives {v:?}, outside {:?}",
                        q.field,
                        id_of(&data, q),
                        answer.verdict
                    );
                }
            }
            // The plumbing: the question names a step of the answer, and its answer written in by the
            // public `apply` routes to the verdict it reports.
            let q = &qs[0];
            let step = [&answer.reach, &answer.pay]
                .into_iter()
                .flat_map(|h| &h.routes)
                .flat_map(|r| &r.steps)
                .find(|s| s.channel == q.channel && s.from == q.from && s.to == q.to && s.via == q.via)
                .expect("the question's step is in the answer");
            let (finding, v) = q.outcomes[0];
            let changed = apply(&data, day, q.field, q.event, step, finding);
            assert_eq!(Model::new(&changed, &off).verdict(day, &journey), v);
        }
    }
    assert!(asked > 100, "{asked} questions");
}

/// A small world with two journeys whose open questions are counted by hand: Taobao takes Alipay
/// (2013); group chats open Taobao links some day of 2014; shop cards are an undated way round.
#[test]
fn open_questions_are_counted_and_ranked_on_a_world_known_by_hand() {
    use hutong_core::decide::{open_questions, OpenQuestion};
    use hutong_core::{Change, Channel, Citation, DateSpec, Direction, Effect, Event, EventRecord, Kind, Status, Text};
    let mut data = embedded::dataset();
    data.surfaces.retain(|n| n.id == "wechat-group" || n.id == "taobao-app");
    data.merchants.retain(|n| n.id == "taobao");
    data.instruments.retain(|n| n.id == "alipay");
    data.events.clear();
    let event = |id: &str, date: &str, channel: Channel, from: &str, to: &str, change: Change, via: Option<&str>| {
        let text = Text { zh: "x".into(), en: "x".into() };
        Event {
            record: EventRecord {
                id: id.into(),
                date: date.into(),
                status: Status::Effective,
                kind: Kind::Open,
                actors: vec![],
                effects: vec![Effect {
                    channel,
                    from: from.into(),
                    to: to.into(),
                    change,
                    via: via.map(Into::into),
                    direction: Direction::Forward,
                }],
                title: text.clone(),
                summary: text,
                cite: Citation { source: "huxiu-2014-02-18".into(), quote: "x".into() },
                before: None,
                after: vec![],
                uncertain: vec![],
                note: None,
                metric: None,
            },
            date: date.parse::<DateSpec>().unwrap(),
        }
    };
    data.events.push(event("takes-alipay", "2013-05-01", Channel::Pay, "taobao", "alipay", Change::Open, None));
    data.events.push(event("group-links", "2014", Channel::Link, "wechat-group", "taobao", Change::Open, None));
    data.events.push(event(
        "shop-cards",
        "undated",
        Channel::Link,
        "wechat-group",
        "taobao",
        Change::Workaround,
        Some("shop-card"),
    ));
    let days: Vec<NaiveDate> =
        ["2012-06-01", "2014-06-01", "2015-06-01"].iter().map(|d| parse_day(d).unwrap()).collect();
    let open = open_questions(&data, &Off::new(), &days);
    let row = |q: &OpenQuestion| (q.field, q.event.map(|i| data.events[i].id.as_str()), q.open, q.decides);
    // 2012-06-01: nothing has happened yet. Both journeys wait on what Taobao took before 2013: a
    // source saying it did not take Alipay decides both (blocked). For the group chat, what came
    // before the 2014 opening only narrows it (the payment is still open), and so do the shop cards.
    // 2014-06-01: the Taobao app is decided; the group chat waits on the opening's day (by then:
    // direct), and the shop cards only narrow it. 2015-06-01: the opening is certain, all decided.
    assert_eq!(
        open.iter().map(row).collect::<Vec<_>>(),
        [
            (Field::Before, Some("takes-alipay"), 2, 2),
            (Field::Date, Some("group-links"), 1, 1),
            (Field::Date, Some("shop-cards"), 2, 0),
            (Field::Before, Some("group-links"), 1, 0),
        ]
    );
}

/// `open_questions` reuses one routed model per answer across journeys; counted the slow way, one
/// journey at a time with `questions` (every answer routed afresh), the counts are the same.
#[test]
fn open_questions_count_what_each_journey_asks() {
    use hutong_core::decide::open_questions;
    use std::collections::BTreeMap;
    let mut data = embedded::dataset();
    data.surfaces.retain(|n| ["wechat-group", "wechat-chat", "taobao-app"].contains(&n.id.as_str()));
    data.merchants.retain(|n| ["taobao", "wechat-shop", "ubox"].contains(&n.id.as_str()));
    data.instruments.retain(|n| ["alipay", "wechat-pay", "jd-pay"].contains(&n.id.as_str()));
    let off = Off::new();
    let days: Vec<NaiveDate> =
        ["2013-06-01", "2014-02-14", "2020-06-01", "2024-06-01"].iter().map(|d| parse_day(d).unwrap()).collect();
    type Key = (Field, Option<usize>, Option<(hutong_core::Channel, String, String)>);
    let mut slow: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let model = Model::new(&data, &off);
    for &day in &days {
        for journey in model.journeys() {
            let mut asked: Vec<(Key, bool)> = Vec::new();
            for q in questions(&data, &off, day, &journey) {
                let key: Key = (q.field, q.event, q.event.is_none().then(|| (q.channel, q.from.clone(), q.to.clone())));
                match asked.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, d)) => *d |= q.decides(),
                    None => asked.push((key, q.decides())),
                }
            }
            for (key, decides) in asked {
                let e = slow.entry(format!("{key:?}")).or_default();
                e.0 += 1;
                e.1 += usize::from(decides);
            }
        }
    }
    let fast: BTreeMap<String, (usize, usize)> = open_questions(&data, &off, &days)
        .into_iter()
        .map(|q| (format!("{:?}", (q.field, q.event, q.channel)), (q.open, q.decides)))
        .collect();
    assert!(!fast.is_empty());
    assert_eq!(fast, slow);
}

/// The agenda computed a slice at a time (as the page does, so that no frame waits for it) is the
/// agenda computed at once, whatever the slices; `done` counts up to every answer; each question's
/// first answer is one it is asked of, and decided by a finding when it says so.
#[test]
fn the_agenda_in_slices_is_the_agenda_at_once() {
    use hutong_core::decide::{open_questions, Agenda};
    let mut data = embedded::dataset();
    data.surfaces.retain(|n| ["wechat-group", "wechat-chat", "taobao-app"].contains(&n.id.as_str()));
    data.merchants.retain(|n| ["taobao", "wechat-shop"].contains(&n.id.as_str()));
    let days: Vec<NaiveDate> = ["2014-02-14", "2020-06-01"].iter().map(|d| parse_day(d).unwrap()).collect();
    let whole = open_questions(&data, &Off::new(), &days);
    assert!(!whole.is_empty());
    for slice in [1, 7, 1000] {
        let mut agenda = Agenda::new(std::sync::Arc::new(data.clone()), Off::new(), days.clone());
        let total = agenda.done().1;
        let mut steps = 0;
        while !agenda.step(slice) {
            steps += 1;
            assert!(agenda.done().0 < total);
        }
        assert_eq!(agenda.done(), (total, total));
        assert!(slice > total || steps > 0);
        assert_eq!(agenda.ranked(), whole, "slices of {slice}");
        // Every undecided answer is counted once, and asks something.
        let model = Model::new(&data, &Off::new());
        let undecided = days
            .iter()
            .flat_map(|&d| model.journeys().into_iter().map(move |j| (d, j)))
            .filter(|(d, j)| model.verdict(*d, j).word() == Word::Undecided)
            .count();
        assert_eq!(agenda.undecided(), undecided);
        assert!(whole.iter().map(|q| q.open).max().unwrap() <= undecided);
    }
    for q in &whole {
        let (journey, day, decided) = &q.first;
        let asked = questions(&data, &Off::new(), *day, journey);
        let mine: Vec<_> = asked
            .iter()
            .filter(|a| a.field == q.field && a.event == q.event)
            .filter(|a| q.event.is_some() || q.channel == Some((a.channel, a.from.clone(), a.to.clone())))
            .collect();
        // It is asked on the channel it names.
        assert!(mine.iter().any(|a| q.asked_on == (a.channel, a.from.clone(), a.to.clone())), "{q:?}");
        assert!(!mine.is_empty(), "{q:?} is not asked of its first answer");
        assert_eq!(*decided, mine.iter().any(|a| a.decides()), "{q:?}");
    }
}

/// What answering a question is worth to the simulation: the default journey's question (when did
/// the shop cards begin?) narrows the silent range when they are found by the day, and found after
/// it leaves the range as it is (the tokens, 淘口令, are still undated: the journeys stay open).
#[test]
fn answering_the_shop_cards_question_narrows_the_simulations_silent_range() {
    use hutong_core::decide::{findings, open_questions, worth, Field};
    use hutong_core::sim::{expected_silent, prepare, Params};
    let data = hutong_core::embedded::dataset();
    let day: chrono::NaiveDate = "2020-06-01".parse().unwrap();
    let list = open_questions(&data, &Off::new(), &[day]);
    let shop = data.events.iter().position(|e| e.id == "taobao-shop-card").unwrap();
    let q = list.iter().find(|q| q.field == Field::Date && q.event == Some(shop)).expect("the question is open");
    let params = Params::default();
    let base = expected_silent(&prepare(&data, &Off::new(), &params), &params);
    let w = worth(&data, day, q, &params);
    assert_eq!(w.iter().map(|(f, _)| *f).collect::<Vec<_>>(), findings(Field::Date));
    let width = |s: [f64; 2]| s[0] - s[1];
    assert!(width(w[0].1) < width(base), "{:?} against {base:?}", w[0]);
    assert_eq!(w[1].1, base);
    // A question about a channel no journey of the simulation's demand crosses is worth nothing.
    let none = list.iter().find(|q| worth(&data, day, q, &params).iter().all(|(_, s)| *s == base));
    assert!(none.is_some(), "some open question does not touch the simulated demand");
}
