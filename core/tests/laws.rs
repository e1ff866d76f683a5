//! The routing laws, for all inputs: on random datasets built from the real reference lists and on
//! the embedded dataset with random events switched off.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use hutong_core::route::{Answer, Journey, Level, Model, Off, Role, Rule, Word};
use hutong_core::{
    embedded, Before, Change, Channel, Citation, Dataset, DateSpec, Direction, Effect, Event, EventRecord, Kind, Prior,
    Status, Text,
};
use proptest::prelude::*;

fn text() -> Text {
    Text { zh: "x".into(), en: "x".into() }
}

/// A small world: 3 surfaces, 3 merchants, 3 instruments from the real lists.
fn world() -> Dataset {
    let mut d = embedded::dataset();
    d.surfaces.retain(|n| ["wechat-chat", "wechat-group", "taobao-app"].contains(&n.id.as_str()));
    d.merchants.retain(|n| ["taobao", "offline", "wechat-shop"].contains(&n.id.as_str()));
    d.instruments.retain(|n| ["alipay", "wechat-pay", "unionpay"].contains(&n.id.as_str()));
    d.events.clear();
    d
}

const DATES: [&str; 9] = [
    "2013",
    "2013-06",
    "2014-02-13",
    "../2014-06",
    "2014-01/2014-12",
    "2015-Q2",
    "2016-03-01/..",
    "2014-06-01",
    "undated",
];

fn arb_effect() -> impl Strategy<Value = Effect> {
    let reach = (0..3usize, 0..3usize, 0..4usize).prop_map(|(s, m, c)| {
        let s = ["wechat-chat", "wechat-group", "taobao-app"][s];
        let m = ["taobao", "offline", "wechat-shop"][m];
        let c = [Channel::Link, Channel::Ad, Channel::Qr, Channel::MiniProgram][c];
        (c, s.to_string(), m.to_string())
    });
    let pay = (0..3usize, 0..3usize).prop_map(|(m, p)| {
        (
            Channel::Pay,
            ["taobao", "offline", "wechat-shop"][m].to_string(),
            ["alipay", "wechat-pay", "unionpay"][p].to_string(),
        )
    });
    let interop = (0..3usize, 0..3usize).prop_map(|(a, b)| {
        (
            Channel::Interop,
            ["alipay", "wechat-pay", "unionpay"][a].to_string(),
            ["alipay", "wechat-pay", "unionpay"][b].to_string(),
        )
    });
    (prop_oneof![reach, pay, interop], 0..4usize, 0..3usize, any::<bool>()).prop_map(
        |((channel, from, to), change, dir, via)| {
            let change = [Change::Open, Change::Close, Change::Partial, Change::Workaround][change];
            let via =
                (change == Change::Workaround || (via && change == Change::Close)).then(|| "taokouling".to_string());
            let direction = [Direction::Forward, Direction::Both, Direction::Unspecified][dir];
            Effect { channel, from, to, change, via, direction }
        },
    )
}

type ArbEvent = (usize, usize, usize, Vec<Effect>, Option<usize>, Option<Prior>, bool);

fn arb_event() -> impl Strategy<Value = ArbEvent> {
    (
        0..DATES.len(),
        0..6usize,
        0..4usize,
        prop::collection::vec(arb_effect(), 1..3),
        prop::option::of(0..12usize),
        prop::option::of(prop_oneof![Just(Prior::Closed), Just(Prior::Open)]),
        any::<bool>(),
    )
}

fn build(events: Vec<ArbEvent>) -> Dataset {
    let mut d = world();
    let n = events.len();
    for (i, (date, status, kind, effects, after, before, read)) in events.into_iter().enumerate() {
        let status =
            [Status::Effective, Status::Announced, Status::Inferred, Status::Partial, Status::Beta, Status::Gradual]
                [status];
        let kind = [Kind::Open, Kind::Block, Kind::Statement, Kind::Partnership][kind];
        let after = after.filter(|&a| a < n && a != i).map(|a| format!("e{a}")).into_iter().collect();
        d.events.push(Event {
            date: DATES[date].parse::<DateSpec>().unwrap(),
            record: EventRecord {
                id: format!("e{i}"),
                date: DATES[date].into(),
                status,
                kind,
                actors: vec!["taobao".into()],
                effects,
                title: text(),
                summary: text(),
                cite: Citation { source: "huxiu-2014-02-18".into(), quote: "q".into() },
                after,
                uncertain: if read { vec!["effects".into()] } else { vec![] },
                note: None,
                metric: None,
                before: before.map(|state| Before { state, source: "huxiu-2014-02-18".into(), quote: "q".into() }),
            },
        });
    }
    d
}

/// An opening event: every effect opens fully. A closing one: every effect closes.
fn class(event: &Event) -> Option<bool> {
    let full = |e: &Effect| e.change == Change::Open && matches!(event.status, Status::Effective | Status::Inferred);
    if event.effects.iter().all(full) {
        Some(true)
    } else if event.effects.iter().all(|e| e.change == Change::Close && event.status != Status::Announced) {
        Some(false)
    } else {
        None
    }
}

fn days() -> Vec<NaiveDate> {
    ["2012-06-01", "2013-06-15", "2014-02-13", "2014-06-01", "2014-12-31", "2015-05-01", "2017-01-01"]
        .iter()
        .map(|d| hutong_core::date::parse_day(d).unwrap())
        .collect()
}

fn check_laws(data: &Dataset, off: &Off) -> Result<(), TestCaseError> {
    let base = Model::new(data, off);
    let journeys = base.journeys();
    for (index, event) in data.events.iter().enumerate() {
        let Some(opens) = class(event) else { continue };
        if off.contains(&index) {
            continue;
        }
        let mut more = off.clone();
        more.insert(index);
        let without = Model::new(data, &more);
        for journey in &journeys {
            for day in days() {
                let (before, after) = (base.verdict(day, journey), without.verdict(day, journey));
                if opens {
                    prop_assert!(
                        after.at_most(before),
                        "switching off opening {} improved {journey:?} on {day}: {before:?} → {after:?}",
                        event.id
                    );
                } else {
                    prop_assert!(
                        before.at_most(after),
                        "switching off closing {} worsened {journey:?} on {day}: {before:?} → {after:?}",
                        event.id
                    );
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn switching_off_events_obeys_the_laws(events in prop::collection::vec(arb_event(), 1..8)) {
        let data = build(events);
        check_laws(&data, &Off::new())?;
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn answers_are_pure_and_cite_events(events in prop::collection::vec(arb_event(), 1..8), day in 0usize..7) {
        let data = build(events);
        let day = days()[day];
        let (a, b) = (Model::new(&data, &Off::new()), Model::new(&data, &Off::new()));
        for journey in a.journeys() {
            let answer = a.answer(day, &journey);
            prop_assert_eq!(&answer, &b.answer(day, &journey));
            if answer.verdict.word() != Word::Undecided {
                prop_assert!(!answer.cited().is_empty(), "{journey:?}: {:?} cites nothing", answer.verdict);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    #[test]
    fn the_embedded_dataset_obeys_the_laws_under_counterfactuals(off in prop::collection::btree_set(0usize..120, 0..6)) {
        let data = embedded::dataset();
        let off: BTreeSet<usize> = off.into_iter().filter(|&i| i < data.events.len()).collect();
        let model = Model::new(&data, &off);
        // A sample of journeys, not all 2,772, to keep the run short.
        let journeys: Vec<Journey> = model.journeys().into_iter().step_by(11).collect();
        for (index, event) in data.events.iter().enumerate().filter(|(i, e)| !off.contains(i) && class(e).is_some()) {
            let mut more = off.clone();
            more.insert(index);
            let without = Model::new(&data, &more);
            for journey in &journeys {
                for day in days() {
                    let (before, after) = (model.verdict(day, journey), without.verdict(day, journey));
                    if class(event) == Some(true) {
                        prop_assert!(after.at_most(before), "{}: {journey:?} {day}", event.id);
                    } else {
                        prop_assert!(before.at_most(after), "{}: {journey:?} {day}", event.id);
                    }
                }
            }
        }
    }
}

/// What the issue asks of every answer: a verdict other than `undecided` rests on a step that cites a
/// quote (or on the merchant's own app), and every step that goes beyond a quote names its rule, each
/// rule where it applies and nowhere else.
fn check_grounds(data: &Dataset, answer: &Answer) -> Result<(), TestCaseError> {
    let mut quoted = false;
    for hop in [&answer.reach, &answer.pay] {
        for route in &hop.routes {
            for step in &route.steps {
                if step.own_app {
                    prop_assert!(step.rules.contains(Rule::OwnApp), "own app without its rule: {step:?}");
                    quoted = true;
                }
                if step.silent {
                    prop_assert!(step.basis.is_empty() && step.verdict == hutong_core::route::Verdict::UNKNOWN);
                }
                for b in &step.basis {
                    let event = &data.events[b.event];
                    // Every basis cites a quote: the event's, or for a `before` the before's.
                    let quote = if b.role == Role::Before {
                        event.before.as_ref().map(|x| &x.quote)
                    } else {
                        Some(&event.cite.quote)
                    };
                    prop_assert!(quote.is_some_and(|q| !q.is_empty()), "{} cites no quote as {:?}", event.id, b.role);
                    quoted |= b.role != Role::NotYet;
                    prop_assert_eq!(b.role == Role::Before, b.rules.contains(Rule::Before), "{}", &event.id);
                    let announced_change = event.status == Status::Announced && b.level != Level::Announced;
                    prop_assert_eq!(
                        b.rules.contains(Rule::MayHaveTakenEffect),
                        announced_change && b.role == Role::Maybe,
                        "{} as {:?}",
                        &event.id,
                        b.role
                    );
                    if b.role != Role::Before && b.role != Role::NotYet {
                        prop_assert_eq!(
                            b.rules.contains(Rule::Reading),
                            event.status == Status::Inferred,
                            "{}",
                            &event.id
                        );
                        let read = event.uncertain.iter().any(|f| f == "effects");
                        prop_assert_eq!(b.rules.contains(Rule::ChannelsRead), read, "{}", &event.id);
                    }
                    prop_assert!(b.role != Role::NotYet || b.stated(), "a NotYet basis claims nothing");
                }
                // A step whose verdict is decided is either stated by one of its events' levels or
                // says which rule made it.
                if step.verdict.word() != Word::Undecided && !step.own_app {
                    let level = step.verdict.lo;
                    let said = step.basis.iter().any(|b| b.role != Role::NotYet && b.level == level);
                    prop_assert!(said || step.rules.contains(Rule::NoWorkaroundYet), "{step:?} decided by nothing");
                }
                prop_assert_eq!(step.stated(), step.all_rules().is_empty());
            }
        }
    }
    if answer.verdict.word() != Word::Undecided {
        prop_assert!(quoted, "{:?} rests on no quoted step: {answer:?}", answer.verdict);
    }
    check_verdict_grounds(answer)
}

/// Rule 7, strictly: a decided verdict says how it is known. It names at least one deciding event
/// (the merchant's own app decides nothing by itself); every rule it names is a rule of one of its
/// steps; it persists exactly when it says when it was last confirmed; and a verdict marked stated
/// rests on events each of which, on that day, is in effect (or, at a lower end, may be) and said by
/// its own quote, with no rule.
fn check_verdict_grounds(answer: &Answer) -> Result<(), TestCaseError> {
    let steps: Vec<&hutong_core::route::Step> =
        [&answer.reach, &answer.pay].into_iter().flat_map(|h| &h.routes).flat_map(|r| &r.steps).collect();
    let Some(g) = answer.grounds() else {
        prop_assert_eq!(answer.verdict.word(), Word::Undecided);
        return Ok(());
    };
    prop_assert!(answer.verdict.word() != Word::Undecided);
    prop_assert!(!g.events.is_empty(), "{:?} is decided by no event: {answer:?}", answer.verdict);
    prop_assert!(!g.rules.contains(Rule::OwnApp), "the own app is no inference");
    prop_assert_eq!(g.confirmed.is_some(), g.rules.contains(Rule::Persists));
    let all = steps.iter().fold(hutong_core::route::Rules::NONE, |acc, s| acc.union(s.all_rules()));
    prop_assert_eq!(g.rules.union(all), all, "a verdict's rule that no step carries");
    prop_assert!(g.stated() == (g.id() == "stated") && g.stated() == g.rules.is_empty());
    if g.stated() {
        for &event in &g.events {
            let said = steps.iter().any(|s| {
                s.basis.iter().any(|b| {
                    b.event == event && matches!(b.role, Role::InEffect | Role::Maybe) && b.stated() && !s.own_app
                })
            });
            prop_assert!(said, "stated, yet event {event} is not in effect and said by its quote: {answer:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn every_step_says_whether_it_is_stated_or_inferred(events in prop::collection::vec(arb_event(), 1..8), day in 0usize..7) {
        let data = build(events);
        let model = Model::new(&data, &Off::new());
        for journey in model.journeys() {
            check_grounds(&data, &model.answer(days()[day], &journey))?;
        }
    }
}

#[test]
fn every_step_of_the_embedded_dataset_says_whether_it_is_stated_or_inferred() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let days: Vec<NaiveDate> = [
        "2012-06-01",
        "2013-11-11",
        "2014-01-06",
        "2014-02-14",
        "2016-01-01",
        "2020-06-01",
        "2021-10-01",
        "2024-10-01",
    ]
    .iter()
    .map(|d| hutong_core::date::parse_day(d).unwrap())
    .collect();
    for journey in model.journeys() {
        for &day in &days {
            if let Err(e) = check_grounds(&data, &model.answer(day, &journey)) {
                panic!("{journey:?} on {day}: {e}");
            }
        }
    }
}

/// The words a quote may use for each node: a stated step's quote must name both ends of its
/// channel. A quote about another channel ("阿里的通道已经对微信全部关闭" for Taobao taking WeChat
/// Pay) names one end at most, so it cannot state a step; such a step must carry a rule.
const NAMES: &[(&str, &[&str])] = &[
    ("wechat-chat", &["一对一聊天"]),
    ("wechat-group", &["群聊"]),
    ("wechat-moments", &["朋友圈"]),
    ("wechat-moments-ad", &["朋友圈广告", "朋友圈"]),
    ("wechat-official-account", &["公众号", "公众账号"]),
    ("wechat-wallet", &["我的银行卡"]),
    ("weibo", &["微博"]),
    ("taobao-app", &["淘宝"]),
    ("alipay-app", &["支付宝钱包", "支付宝"]),
    ("eleme-app", &["饿了么"]),
    ("offline-qr", &["二维码"]),
    ("bilibili", &["B站"]),
    ("kuaishou", &["快手"]),
    ("douyin", &["抖音"]),
    ("taobao", &["淘宝"]),
    ("tmall", &["天猫"]),
    ("wechat-shop", &["微信商家", "微信小店", "微信电商"]),
    ("weibo-shop", &["微博"]),
    ("eleme", &["饿了么"]),
    ("meituan", &["美团"]),
    ("jd", &["京东"]),
    ("didi", &["嘀嘀", "滴滴"]),
    ("kuaidi", &["快的"]),
    ("offline", &["线下商家", "线下店面"]),
    ("youku", &["优酷"]),
    ("damai", &["大麦"]),
    ("kaola", &["考拉"]),
    ("shuqi", &["书旗"]),
    ("xianyu", &["闲鱼"]),
    ("dianping", &["大众点评"]),
    ("ubox", &["友宝"]),
    ("pinduoduo", &["拼多多"]),
    ("alipay", &["支付宝"]),
    ("wechat-pay", &["微信支付"]),
    ("unionpay", &["银联", "云闪付"]),
    ("tenpay", &["财付通"]),
    ("bank-card", &["银行卡", "网银"]),
    ("ecny", &["数字人民币"]),
    ("bestpay", &["翼支付", "中国电信"]),
    ("hebao", &["和包", "中国移动"]),
    ("unicom-pay", &["中国联通"]),
    ("jd-pay", &["京东支付"]),
    ("kuaiqian", &["快钱"]),
];

/// Quotes that name one end only because the sentence before names the other: each with the
/// words that do, so a reader can check it against the seed.
const NAMED_BEFORE: &[(&str, &str)] = &[
    (
        "third-party-alipay-bridge",
        "幸好大部分商家依然选择留下，因为谁都清楚微信平台的价值 (the merchants are WeChat's)",
    ),
    (
        "third-party-alipay-bridge-shut",
        "其服务的6万多个公众号里差不多有10%左右是做微信电商的 (they are WeChat merchants)",
    ),
];

#[test]
fn every_stated_step_quotes_both_ends_of_its_channel() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let names = |id: &str| NAMES.iter().find(|(n, _)| *n == id).map(|(_, words)| *words);
    let mut failures = BTreeSet::new();
    // The ledger's days, and the last day of every event's window (the last day its source may
    // state it, for events dated by their article).
    let mut days: BTreeSet<NaiveDate> = hutong_core::ledger::grid(&data).into_iter().collect();
    days.extend(data.events.iter().filter_map(|e| e.date.latest()));
    for day in days {
        for journey in model.journeys() {
            let answer = model.answer(day, &journey);
            for step in [&answer.reach, &answer.pay].into_iter().flat_map(|h| &h.routes).flat_map(|r| &r.steps) {
                for b in step.basis.iter().filter(|b| b.role == Role::InEffect && b.stated()) {
                    let event = &data.events[b.event];
                    if NAMED_BEFORE.iter().any(|(id, _)| *id == event.id) {
                        continue;
                    }
                    for end in [&step.from, &step.to] {
                        let words = names(end).unwrap_or_else(|| panic!("no names for {end}: add it to NAMES"));
                        if !words.iter().any(|w| event.cite.quote.contains(w)) {
                            failures.insert(format!(
                                "{} states {:?} {} → {} without naming {end}",
                                event.id, step.channel, step.from, step.to
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "stated by a quote about another channel:\n{}",
        failures.into_iter().collect::<Vec<_>>().join("\n")
    );
}
