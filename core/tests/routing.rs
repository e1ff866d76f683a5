//! Journeys read from the seeds, as a specification: on this day, from this surface to this merchant
//! paying with this instrument, the sources say this, because of these events.

use std::collections::BTreeSet;

use hutong_core::date::parse_day;
use hutong_core::embedded;
use hutong_core::route::{Journey, Level, Model, Off, Verdict, Word};

struct Case {
    date: &'static str,
    from: &'static str,
    shop: &'static str,
    pay: &'static str,
    word: Word,
    /// Events the answer must cite (the deciding quote is in each event).
    cites: &'static [&'static str],
    why: &'static str,
}

const fn case(
    date: &'static str,
    from: &'static str,
    shop: &'static str,
    pay: &'static str,
    word: Word,
    cites: &'static [&'static str],
    why: &'static str,
) -> Case {
    Case { date, from, shop, pay, word, cites, why }
}

use Word::*;

const CASES: &[Case] = &[
    // 2013–2014: the walls go up.
    case(
        "2012-06-01",
        "wechat-official-account",
        "taobao",
        "alipay",
        Undecided,
        &["wechat-accounts-linked-taobao-early"],
        "早期都是直接链接到淘宝卖货: undated, so 2012 may be before or after it",
    ),
    case(
        "2014-06-01",
        "wechat-official-account",
        "taobao",
        "alipay",
        Blocked,
        &["taobao-links-blocked-in-wechat"],
        "去年淘宝链接屏蔽微信; no workaround is recorded for official accounts",
    ),
    case(
        "2014-06-01",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-links-blocked-in-wechat"],
        "blocked since 2013, but 淘口令 and 店铺名片 are undated: between blocked and workaround",
    ),
    case(
        "2013-06-01",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Direct,
        &["alipay-bans-wechat-merchants", "third-party-alipay-bridge"],
        "signed merchants had Alipay before the ban; the third-party bridge is an extra, undated way",
    ),
    case(
        "2014-01-20",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Direct,
        &["alipay-bans-wechat-merchants"],
        "之前申请成功的商家: before 2014-02-13 WeChat merchants could sign up for Alipay",
    ),
    case(
        "2014-02-14",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Partial,
        &["alipay-bans-wechat-merchants"],
        "不新签、不续约、不合作; signed merchants 暂时还不受影响",
    ),
    case(
        "2014-06-01",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Partial,
        &["alipay-bans-wechat-merchants"],
        "很快也将不能继续使用 is announced, with no date: still partial",
    ),
    case(
        "2014-03-01",
        "wechat-official-account",
        "wechat-shop",
        "tenpay",
        Undecided,
        &["merchants-need-new-accounts"],
        "重新注册账号、绑定银行卡 is at least a workaround; whether Tenpay worked directly is not said",
    ),
    case(
        "2014-05-29",
        "wechat-official-account",
        "wechat-shop",
        "wechat-pay",
        Partial,
        &["wechat-shop-launch"],
        "凡是开通了微信支付功能的认证服务号皆可…申请“微信小店”",
    ),
    case(
        "2014-10-01",
        "wechat-official-account",
        "wechat-shop",
        "wechat-pay",
        Direct,
        &["wechat-pay-drops-deposit"],
        "取消2万支付保证金",
    ),
    case(
        "2014-07-01",
        "wechat-official-account",
        "wechat-shop",
        "wechat-pay",
        Undecided,
        &["wechat-pay-drops-deposit"],
        "the deposit removal is dated only 2014-05-30/2014-09-12",
    ),
    case(
        "2014-01-02",
        "wechat-wallet",
        "didi",
        "wechat-pay",
        Undecided,
        &[],
        "before 2014-01-03 the sources say nothing of Didi in WeChat",
    ),
    case(
        "2014-01-05",
        "wechat-wallet",
        "didi",
        "wechat-pay",
        Direct,
        &["didi-wechat-pay"],
        "在微信“我的银行卡”下增加嘀嘀入口,用户叫车成功后,可用微信支付",
    ),
    case(
        "2014-01-05",
        "alipay-app",
        "kuaidi",
        "alipay",
        Undecided,
        &["alipay-kuaidi-beijing"],
        "Kuaidi takes Alipay (Beijing taxis only) but no source says how Alipay's app reaches Kuaidi",
    ),
    case(
        "2014-01-10",
        "weibo",
        "weibo-shop",
        "alipay",
        Direct,
        &["weibo-pay-launch"],
        "新浪与支付宝宣布全面打通微博与支付宝账号,联手推出微博支付",
    ),
    case(
        "2014-01-06",
        "weibo",
        "weibo-shop",
        "alipay",
        Undecided,
        &[],
        "before Weibo Pay the sources do not say how Weibo merchants were paid",
    ),
    case(
        "2015-01-01",
        "weibo",
        "offline",
        "alipay",
        Announced,
        &["weibo-alipay-qr-interop"],
        "双方还将互通二维码: announced, and never said to take effect",
    ),
    case(
        "2014-06-01",
        "weibo",
        "dianping",
        "alipay",
        Undecided,
        &["dianping-to-join-weibo-pay"],
        "也将很快接入微博支付: the payment is announced, but no source says how Weibo reaches Dianping",
    ),
    case(
        "2014-06-01",
        "taobao-app",
        "taobao",
        "alipay",
        Direct,
        &["alipay-merchants-2014"],
        "除了淘宝和阿里巴巴外,有超过46万的商家…支持支付宝",
    ),
    case(
        "2010-06-01",
        "taobao-app",
        "taobao",
        "alipay",
        Undecided,
        &["alipay-merchants-2014"],
        "no source says since when Taobao took Alipay",
    ),
    case(
        "2016-01-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Blocked,
        &["taobao-without-wechat-pay"],
        "淘宝在多家支付工具基础上新增微信支付 (inferred: not before the 2022 beta)",
    ),
    // 2019–2024: the walls come down.
    case(
        "2020-01-01",
        "wechat-chat",
        "taobao",
        "alipay",
        Direct,
        &["wechat-one-to-one-links", "alipay-merchants-2014"],
        "包括抖音、淘宝等在内的外部链接在微信一对一聊天中均可以打开",
    ),
    case(
        "2019-08-01",
        "wechat-chat",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-links-blocked-in-wechat"],
        "still blocked, but the undated 淘口令 may already exist",
    ),
    case(
        "2020-06-01",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-links-blocked-in-wechat"],
        "group chats only open in 2021-11; until then blocked or a workaround",
    ),
    case(
        "2022-01-01",
        "wechat-group",
        "taobao",
        "alipay",
        Direct,
        &["wechat-group-chat-links"],
        "可在群聊场景开放淘宝等外部电商链接直接访问功能",
    ),
    case(
        "2021-11-15",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &["wechat-group-chat-links"],
        "2021年11月 has no day: mid-November may be before or after",
    ),
    case(
        "2023-01-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Partial,
        &["taobao-wechat-pay-beta"],
        "淘宝开放微信支付内测",
    ),
    case(
        "2024-03-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Partial,
        &["taobao-some-wechat-pay"],
        "淘宝开放部分微信支付渠道",
    ),
    case(
        "2024-09-08",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Partial,
        &["taobao-some-wechat-pay"],
        "the 2024-09-05 notice changes nothing yet",
    ),
    case(
        "2024-10-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Partial,
        &["taobao-wechat-pay-rollout"],
        "逐步向所有卖家开放: gradual, and no source says when it was complete",
    ),
    case(
        "2021-10-01",
        "eleme-app",
        "eleme",
        "wechat-pay",
        Direct,
        &["alibaba-apps-take-wechat-pay"],
        "饿了么、优酷、大麦、考拉海购、书旗等应用宣布接入微信支付",
    ),
    case(
        "2021-08-01",
        "eleme-app",
        "eleme",
        "wechat-pay",
        Blocked,
        &["alibaba-apps-take-wechat-pay"],
        "宣布接入微信支付: an opening implies it was not open before",
    ),
    case(
        "2012-06-01",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-links-blocked-in-wechat"],
        "links were blocked in 2013, so open before; but Taobao's Alipay is dated only ../2014-01-17",
    ),
    case(
        "2019-01-01",
        "wechat-moments-ad",
        "taobao",
        "alipay",
        Blocked,
        &["taobao-tmall-moments-ads"],
        "ads 已经打入微信朋友圈 after 2019-09: before that, not open",
    ),
    case(
        "2022-06-01",
        "taobao-app",
        "taobao",
        "unionpay",
        Direct,
        &["unionpay-on-taobao"],
        "2021年，银联云闪付已可以在淘宝消费使用",
    ),
    case(
        "2023-07-01",
        "wechat-moments-ad",
        "taobao",
        "alipay",
        Direct,
        &["moments-ads-jump-to-taobao"],
        "微信朋友圈广告可以跳转淘宝App",
    ),
    case(
        "2021-01-01",
        "wechat-moments-ad",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-tmall-moments-ads"],
        "淘宝和天猫的广告已经打入微信朋友圈: some time after 2019-09",
    ),
    case(
        "2024-12-01",
        "offline-qr",
        "offline",
        "hebao",
        Undecided,
        &[],
        "codes interoperate with WeChat Pay, but no source says offline shops take WeChat Pay",
    ),
    case(
        "2022-06-01",
        "kuaishou",
        "meituan",
        "alipay",
        Undecided,
        &["kuaishou-meituan-interop"],
        "the link is only announced (将…打通), and Meituan's payments are not in the sources",
    ),
    case(
        "2024-12-01",
        "alipay-app",
        "meituan",
        "alipay",
        Undecided,
        &["meituan-alipay-mini-programs"],
        "美团外卖、美团酒店…上线支付宝小程序, but Meituan's payment by Alipay is not stated",
    ),
];

#[test]
fn journeys_from_the_seeds() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let mut failures = Vec::new();
    for c in CASES {
        let journey = Journey::new(c.from, c.shop, c.pay);
        let answer = model.answer(parse_day(c.date).unwrap(), &journey);
        let cited: BTreeSet<&str> = answer.cited().iter().map(|&i| data.events[i].id.as_str()).collect();
        let missing: Vec<_> = c.cites.iter().filter(|id| !cited.contains(**id)).collect();
        if answer.verdict.word() != c.word || !missing.is_empty() {
            failures.push(format!(
                "{} {} → {} / {}: got {:?} {:?} citing {:?}, expected {:?} citing {:?} ({})",
                c.date,
                c.from,
                c.shop,
                c.pay,
                answer.verdict.word(),
                answer.verdict,
                cited,
                c.word,
                c.cites,
                c.why
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} journeys differ:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn every_verdict_but_undecided_cites_an_event() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let days: Vec<_> = ["2012-01-01", "2014-03-01", "2016-01-01", "2020-01-01", "2022-06-01", "2024-12-01"]
        .iter()
        .map(|d| parse_day(d).unwrap())
        .collect();
    for journey in model.journeys() {
        for &day in &days {
            let answer = model.answer(day, &journey);
            if answer.verdict.word() != Word::Undecided {
                assert!(!answer.cited().is_empty(), "{journey:?} on {day}: {:?} cites nothing", answer.verdict);
            }
        }
    }
}

#[test]
fn undecided_reports_both_ends() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let v = model.verdict(parse_day("2014-06-01").unwrap(), &Journey::new("wechat-group", "taobao", "alipay"));
    assert_eq!(v, Verdict { lo: Level::Blocked, hi: Level::Workaround });
}

#[test]
fn switching_off_the_2021_group_opening_keeps_the_wall() {
    let data = embedded::dataset();
    let idx = data.events.iter().position(|e| e.id == "wechat-group-chat-links").unwrap();
    let off: Off = [idx].into();
    let journey = Journey::new("wechat-group", "taobao", "alipay");
    let day = parse_day("2022-06-01").unwrap();
    assert_eq!(Model::new(&data, &Off::new()).verdict(day, &journey).word(), Word::Direct);
    let counterfactual = Model::new(&data, &off).verdict(day, &journey);
    assert_eq!(counterfactual, Verdict { lo: Level::Blocked, hi: Level::Workaround });
}

#[test]
fn timelines_cover_every_day_with_runs() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let (start, end) = (parse_day("2004-01-01").unwrap(), parse_day("2025-12-31").unwrap());
    let journey = Journey::new("wechat-group", "taobao", "alipay");
    let runs = model.timeline(&journey, start, end);
    assert_eq!(runs[0].0, start);
    // The runs agree with asking day by day.
    for day in start.iter_days().step_by(97).take_while(|d| *d <= end) {
        let run = runs.iter().rev().find(|(s, _)| *s <= day).unwrap();
        assert_eq!(run.1, model.verdict(day, &journey), "{day}");
    }
    let words: Vec<Word> = runs.iter().map(|r| r.1.word()).collect();
    assert!(words.ends_with(&[Word::Undecided, Word::Direct]), "{words:?}");
}

#[test]
fn the_fast_verdict_equals_the_explained_one() {
    let data = embedded::dataset();
    let off: Off = [3, 17, 40].into();
    for off in [Off::new(), off] {
        let model = Model::new(&data, &off);
        let days: Vec<_> = parse_day("2004-01-01").unwrap().iter_days().step_by(151).take(53).collect();
        for journey in model.journeys().iter().step_by(3) {
            for &day in &days {
                assert_eq!(model.verdict(day, journey), model.answer(day, journey).verdict, "{journey:?} {day}");
            }
        }
    }
}

#[test]
fn a_shared_model_answers_as_a_borrowed_one() {
    let data = hutong_core::embedded::dataset();
    let shared = hutong_core::route::Model::shared(std::sync::Arc::new(data.clone()), &Default::default());
    let borrowed = hutong_core::route::Model::new(&data, &Default::default());
    for journey in borrowed.journeys().iter().step_by(7) {
        for day in ["2013-06-01", "2014-02-14", "2021-12-01", "2024-10-01"] {
            let day = hutong_core::date::parse_day(day).unwrap();
            assert_eq!(shared.verdict(day, journey), borrowed.verdict(day, journey));
        }
    }
}
