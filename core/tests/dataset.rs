//! The embedded dataset: it loads, it covers the seeds, and every quote is in its article.

use std::path::PathBuf;

use hutong_core::{embedded, DateSpec, Status};

#[test]
fn embedded_dataset_loads_without_problems() {
    if let Err(problems) = hutong_core::load(&[embedded::REFERENCE, embedded::EVENTS]) {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("{} problems:\n{}", list.len(), list.join("\n"));
    }
}

/// The events the issue names, and the ones a reader of the four seeds would look for first.
const SEED_EVENTS: &[(&str, &str)] = &[
    ("alipay-independent-company", "2004"),
    ("jack-ma-2004-remark", "2004"),
    ("alipay-opens-to-all", "2008"),
    ("taobao-links-blocked-in-wechat", "2013"),
    ("alipay-mobile-share-2013q3", "2013-Q3"),
    ("double-eleven-2013-wechat-ads", "2013-11-11"),
    ("alipay-kuaidi-beijing", "2013-12"),
    ("didi-wechat-pay", "2014-01-03"),
    ("weibo-pay-launch", "2014-01-07"),
    ("weibo-alipay-qr-interop", "2014-01-07"),
    ("alipay-bans-wechat-merchants", "2014-02-13"),
    ("wechat-shop-launch", "2014-05-29"),
    ("wechat-official-accounts-july-2014", "2014-07"),
    ("wechat-pay-drops-deposit", "2014-05-30/2014-09-12"),
    ("miit-2019-campaign", "2019-07"),
    ("wechat-one-to-one-links", "2019-09"),
    ("wechat-pay-unionpay-quickpass", "2021"),
    ("unionpay-on-taobao", "2021"),
    ("miit-2021-link-rectification", "2021-09"),
    ("alibaba-apps-take-wechat-pay", "2021-09"),
    ("wechat-group-chat-links", "2021-11"),
    ("kuaishou-meituan-interop", "2021-12-27"),
    ("baidu-interop-alliance", "2022-01"),
    ("taobao-wechat-pay-beta", "2022-03"),
    ("moments-ads-jump-to-taobao", "2023-06"),
    ("wechat-taobao-ad-slots", "2023-11"),
    ("wechat-pay-carrier-interop", "2023-11"),
    ("taobao-some-wechat-pay", "2024-02"),
    ("wechat-pay-jd-pay-interop", "2024-05"),
    ("kuaishou-meituan-renewal", "2024-07"),
    ("meituan-alipay-mini-programs", "2024-09-04"),
    ("taobao-wechat-pay-notice", "2024-09-05"),
    ("taobao-wechat-pay-rollout", "2024-09-12"),
    ("taobao-taokouling", "../2024-09"),
];

#[test]
fn the_seed_events_are_there_with_their_dates() {
    let data = embedded::dataset();
    for (id, date) in SEED_EVENTS {
        let event = data.event(id).unwrap_or_else(|| panic!("missing event {id}"));
        assert_eq!(event.date.to_string(), *date, "date of {id}");
    }
    assert!(data.events.len() >= 70, "only {} events", data.events.len());
}

#[test]
fn every_numeric_fact_is_a_metric_with_an_as_of_date() {
    let data = embedded::dataset();
    let metrics: Vec<_> = data.events.iter().filter(|e| e.metric.is_some()).collect();
    assert!(metrics.len() >= 15, "only {} metrics", metrics.len());
    for e in metrics {
        let m = e.metric.as_ref().unwrap();
        assert!(m.as_of.parse::<DateSpec>().is_ok(), "{}", e.id);
    }
}

#[test]
fn announcements_and_vague_dates_are_marked_as_such() {
    let data = embedded::dataset();
    assert_eq!(data.event("taobao-wechat-pay-notice").unwrap().status, Status::Announced);
    assert_eq!(data.event("taobao-wechat-pay-rollout").unwrap().status, Status::Gradual);
    assert_eq!(data.event("taobao-wechat-pay-beta").unwrap().status, Status::Beta);
    // "最近", "此刻" and "曾多次" give no day: the data must not pretend they do.
    for id in ["wechat-pay-drops-deposit", "taobao-taokouling", "tencent-invests-dianping"] {
        let e = data.event(id).unwrap();
        assert!(!e.date.is_day(), "{id} claims a day");
        assert!(e.uncertain.iter().any(|f| f == "date"), "{id} does not mark its date uncertain");
    }
    // Who blocked whom in 2013 is disputed between the sources.
    assert!(data.event("taobao-links-blocked-in-wechat").unwrap().uncertain.iter().any(|f| f == "actors"));
}

#[test]
fn the_required_reference_ids_exist() {
    let data = embedded::dataset();
    let has = |list: &[hutong_core::Node], id: &str| list.iter().any(|n| n.id == id);
    for id in [
        "wechat-chat",
        "wechat-group",
        "wechat-moments",
        "wechat-moments-ad",
        "wechat-official-account",
        "weibo",
        "taobao-app",
        "alipay-app",
        "eleme-app",
        "offline-qr",
    ] {
        assert!(has(&data.surfaces, id), "surface {id}");
    }
    for id in ["taobao", "wechat-shop", "weibo-shop", "eleme", "meituan", "jd", "didi", "kuaidi", "offline"] {
        assert!(has(&data.merchants, id), "merchant {id}");
    }
    for id in ["alipay", "wechat-pay", "unionpay", "tenpay", "bank-card", "ecny", "bestpay", "hebao", "jd-pay"] {
        assert!(has(&data.instruments, id), "instrument {id}");
    }
    for id in ["alibaba", "tencent", "sina", "baidu", "bytedance", "meituan", "jd", "carriers", "regulators", "others"]
    {
        assert!(data.owner(id).is_some(), "owner {id}");
    }
}

fn seeds_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("HUTONG_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds"));
    dir.is_dir().then_some(dir)
}

#[test]
fn every_quote_appears_word_for_word_in_its_seed() {
    let Some(dir) = seeds_dir() else {
        eprintln!("seeds not found (set HUTONG_SEEDS): quote check skipped");
        return;
    };
    let data = embedded::dataset();
    let mut missing = Vec::new();
    for event in &data.events {
        let source = data.source(&event.cite.source).unwrap();
        let seed = source.seed.as_ref().expect("embedded sources are seeds");
        let text = std::fs::read_to_string(dir.join(seed)).unwrap();
        if !text.contains(&event.cite.quote) {
            missing.push(event.id.clone());
        }
        // The seed's own front matter names the article; the dataset must agree.
        if let Some(url) = &source.url {
            assert!(text.contains(url.as_str()), "{} does not contain {url}", seed);
        }
    }
    assert!(missing.is_empty(), "quotes not found in their seed: {missing:?}");
}
