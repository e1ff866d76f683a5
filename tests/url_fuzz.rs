//! Fuzzing the URL parser: any query string gives a view and notices, never a panic; and the query
//! the app writes for that view reads back to the same view with no notice.
//!
//! CI runs a few thousand cases. The million-case run (BENCHMARKS.md has its figures):
//!
//! ```sh
//! HUTONG_FUZZ_CASES=1000000 cargo test --release -p hutong --test url_fuzz -- --nocapture
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use hutong::url::{parse, to_query};
use hutong_core::Dataset;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("HUTONG_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3_000)
}

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(hutong_core::embedded::dataset)
}

/// Keys the app reads (and a few it does not), values made of the characters that matter.
fn query() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "lang",
        "actor",
        "kind",
        "event",
        "date",
        "from",
        "shop",
        "pay",
        "off",
        "seed",
        "pop",
        "freq",
        "reps",
        "loss",
        "wloss",
        "aloss",
        "pshare",
        "demand",
        "adopt",
        "dataset",
        "embed",
        "q",
        "story",
        "step",
        "theme",
        "questions",
        "synthetic",
        "x",
        "",
    ]);
    let value = prop_oneof![
        "[a-z0-9,;:.%+&=?#<>\"' -]{0,30}",
        prop::sample::select(vec![
            "en",
            "zh",
            "alibaba",
            "taobao",
            "wechat-group",
            "alipay",
            "2014-02-13",
            "2021-11-30",
            "9999-99-99",
            "block,open",
            "1e308",
            "-0",
            "NaN",
            "inf",
            "%ff%fe",
            "%E4%B8%AD",
            "wechat-group:taobao:5",
            "alipay:0.9:2012:0.8",
            "walls-and-reconnection",
            "dark",
            "contrast",
            "1",
            "0",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ];
    prop::collection::vec((key, value), 0..8).prop_map(|pairs| {
        let body: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("?{}", body.join("&"))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_query_gives_a_view_that_round_trips(q in query()) {
        let (state, _notices) = parse(&q, data());
        let written = to_query(&state);
        let (again, notices) = parse(&written, data());
        prop_assert!(notices.is_empty(), "{written}: {notices:?}");
        prop_assert_eq!(again, state);
    }
}
