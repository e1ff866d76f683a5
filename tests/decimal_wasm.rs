//! In the browser the URL's numbers are read and written by JavaScript's conversions
//! (`src/decimal.rs`): they must give exactly what Rust's `parse::<f64>` and `Display` give.
#![cfg(target_arch = "wasm32")]

use hutong::decimal::{parse_f64, write_f64};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The same number, NaN included, and the same sign of zero.
fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// A few hundred thousand numbers: random bits (every exponent), and the kinds of values the
/// simulation's parameters take (short decimals, whole numbers).
fn numbers() -> impl Iterator<Item = f64> {
    let mut bits = 0x2545_f491_4f6c_dd1du64;
    let random = (0..100_000).map(move |_| {
        bits ^= bits << 13;
        bits ^= bits >> 7;
        bits ^= bits << 17;
        f64::from_bits(bits)
    });
    let decimals = (0..=20_000).map(|k| f64::from(k) / 1000.0);
    let whole = (0..1000).map(|k| 4_294_967_295.0 - f64::from(k) * 4_000_037.0);
    let special =
        [0.0, -0.0, f64::MIN_POSITIVE, 5e-324, f64::MAX, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e21, 1e-7];
    random.chain(decimals).chain(whole).chain(special)
}

#[wasm_bindgen_test]
fn numbers_are_written_as_rust_writes_them_and_read_back() {
    for v in numbers() {
        let text = write_f64(v);
        assert_eq!(text, v.to_string(), "{:#x}", v.to_bits());
        assert!(same(parse_f64(&text), Some(v)), "{text}");
    }
}

#[wasm_bindgen_test]
fn texts_are_read_as_rust_reads_them() {
    let mut texts: Vec<String> = [
        "0",
        "-0",
        "+0",
        "1",
        "0.35",
        "1.",
        ".5",
        "-.5",
        "+.5e3",
        "1.e1",
        "1e5",
        "1E+5",
        "1e-5",
        "007",
        "1e308",
        "1e309",
        "1e-400",
        "2.4703282292062328e-324",
        "2.4703282292062327e-324",
        "9007199254740993",
        "0.1000000000000000055511151231257827",
        "123456789012345678901234567890",
        "inf",
        "-INF",
        "+Infinity",
        "NaN",
        "-nan",
        "",
        ".",
        "-",
        "e5",
        ".e5",
        "1e",
        "1e+",
        "1.5.2",
        " 1",
        "1 ",
        "1_0",
        "0x10",
        "1,5",
        "Infinity1",
        "1e99999999999999999999",
        "0e99999999999999999999",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Long mantissas near halfway points, and the texts of random numbers cut short.
    texts.push(format!("1.{}", "0".repeat(400) + "1"));
    texts.push(format!("0.{}5", "9".repeat(300)));
    for v in numbers().take(20_000) {
        let full = format!("{v:e}");
        texts.push(full.clone());
        texts.push(full.replacen('.', "", 1));
        if let Some(cut) = full.get(..full.len().min(8)) {
            texts.push(cut.to_string());
        }
    }
    for text in &texts {
        assert!(same(parse_f64(text), text.parse().ok()), "{text:?}");
    }
}
