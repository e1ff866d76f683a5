//! The routing workload of BENCHMARKS.md timed in headless Chromium (not a timed test: it asserts
//! nothing about speed and is ignored unless asked for). Run with:
//! `cargo test --profile bench --target wasm32-unknown-unknown --test bench_wasm -- --include-ignored`
#![cfg(target_arch = "wasm32")]

use hutong_core::route::{Model, Off};
use hutong_core::{date::parse_day, embedded};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[ignore]
fn route_every_journey_every_day() {
    let data = embedded::dataset();
    let (start, end) = (parse_day("2004-01-01").unwrap(), parse_day("2025-12-31").unwrap());
    let run = || {
        let model = Model::new(&data, &Off::new());
        model.journeys().iter().map(|j| model.timeline(j, start, end).len()).sum::<usize>()
    };
    run(); // warm-up
    let rounds = 50;
    let t0 = js_sys::Date::now();
    let mut runs = 0;
    for _ in 0..rounds {
        runs += run();
    }
    let ms = (js_sys::Date::now() - t0) / f64::from(rounds);
    console_log!("BENCH route/every journey every day: {ms:.3} ms per run ({} runs per pass)", runs / rounds as usize);
}

#[wasm_bindgen_test]
#[ignore]
fn sim_ten_million_and_ten_thousand() {
    use hutong_core::sim::{self, Params};
    let data = embedded::dataset();
    for population in [10_000_000u64, 10_000] {
        let params = Params { population, replicates: 1, ..Params::default() };
        sim::simulate(&data, &Off::new(), &params); // warm-up
        let rounds = 20;
        let t0 = js_sys::Date::now();
        for _ in 0..rounds {
            sim::simulate(&data, &Off::new(), &params);
        }
        let ms = (js_sys::Date::now() - t0) / f64::from(rounds);
        console_log!("BENCH sim/prepare + 1 replicate, {population} shoppers: {ms:.3} ms");
    }
}
