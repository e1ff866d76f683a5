//! The simulation in the browser gives the same bits as natively (core/tests/sim.rs pins the same
//! checksum for the same seed and parameters).
#![cfg(target_arch = "wasm32")]

use hutong_core::route::Off;
use hutong_core::sim::{self, Params};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_checksum_equals_the_native_one() {
    let data = hutong_core::embedded::dataset();
    let params = Params {
        replicates: 4,
        start: "2012-01-01".parse().unwrap(),
        end: "2016-12-01".parse().unwrap(),
        ..Params::default()
    };
    let runs = sim::simulate(&data, &Off::new(), &params);
    assert_eq!(runs[0].checksum(), 13_276_579_029_289_119_842);
}
