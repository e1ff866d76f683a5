//! Decimal numbers as the URL writes them (the simulation's parameters, the demand mix, the
//! adoption curves): read as Rust's `str::parse::<f64>` reads them and written as `f64`'s
//! `Display` writes them.
//!
//! In the browser both go through JavaScript's own number conversions (`Number.parseFloat` on a
//! text whose form Rust's grammar was checked first; `toString` for the number of digits and
//! `toExponential` for the digits Rust picks, written without an exponent as `Display` writes). The URL is read and written by the first screen, and
//! Rust's own conversions would put their code and tables (about 10 KB of powers of five, high in
//! entropy) in the first screen's module; the parts that compute with numbers (the simulation, the
//! data panel) keep Rust's. Both conversions are correctly rounded and shortest, so they give the
//! same numbers and the same texts (tested in the browser against Rust's, `tests/decimal_wasm.rs`).
//! Natively (the unit tests, the fuzzing, the preview) Rust's own are used.

/// The number `text` stands for, exactly as `text.parse::<f64>().ok()` gives it.
pub fn parse_f64(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        match form(text)? {
            Form::Decimal => Some(js_sys::Number::parse_float(text)),
            Form::Infinite { negative } => Some(if negative { f64::NEG_INFINITY } else { f64::INFINITY }),
            Form::NaN => Some(f64::NAN),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

/// The text `v.to_string()` gives (shortest digits that read back to `v`, never an exponent).
pub fn write_f64(v: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if v.is_nan() {
            return "NaN".to_string();
        }
        let sign = if v.is_sign_negative() { "-" } else { "" };
        if v.is_infinite() {
            return format!("{sign}inf");
        }
        if v == 0.0 {
            return format!("{sign}0");
        }
        // JavaScript's shortest text has as many digits as Rust's; of the texts with that many
        // digits that read back to `v`, Rust writes the closest, and of two equally close the
        // larger (JavaScript the even one). `toExponential` gives the closest (the larger of
        // two); when that does not read back (only beside a power of two, where the interval
        // that reads back to `v` is narrower below it) the one on the other side of `v` does.
        let a = v.abs();
        let number = js_sys::Number::from(a);
        let shortest = number.to_string_with_radix(10).map(String::from).unwrap_or_default();
        let digits = significant_digits(&shortest).clamp(1, 17);
        let closest = number.to_exponential(digits as u8 - 1).map(String::from).unwrap_or_default();
        let value = js_sys::Number::parse_float(&closest);
        let text = if value == a {
            closest
        } else {
            let other = neighbour(&closest, value < a);
            if js_sys::Number::parse_float(&other) == a {
                other
            } else {
                shortest
            }
        };
        format!("{sign}{}", positional(&text))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        v.to_string()
    }
}

/// What Rust's `f64` grammar makes of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Digits, a point, an exponent: `[+-]digits[.digits][(e|E)[+-]digits]` with at least one
    /// digit before or after the point. Every such text is also a JavaScript decimal literal of
    /// the same value.
    Decimal,
    /// `inf` or `infinity`, any case.
    Infinite { negative: bool },
    /// `nan`, any case.
    NaN,
}

/// The form of `text` in Rust's `f64` grammar, `None` when `text.parse::<f64>()` fails.
pub fn form(text: &str) -> Option<Form> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if rest.eq_ignore_ascii_case("inf") || rest.eq_ignore_ascii_case("infinity") {
        return Some(Form::Infinite { negative });
    }
    if rest.eq_ignore_ascii_case("nan") {
        return Some(Form::NaN);
    }
    let b = rest.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let whole = digits(0);
    let mut i = whole;
    let mut fraction = 0;
    if b.get(i) == Some(&b'.') {
        fraction = digits(i + 1);
        i += 1 + fraction;
    }
    if whole + fraction == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return None;
        }
        i += exponent;
    }
    (i == b.len()).then_some(Form::Decimal)
}

/// JavaScript's text of a positive finite number (`1.5e-7`, `1e+21`, `123.45`) without the
/// exponent, as Rust's `Display` writes it (`0.00000015`, `1000000000000000000000`, `123.45`).
pub fn positional(js: &str) -> String {
    let Some((mantissa, exponent)) = js.split_once(['e', 'E']) else { return js.to_string() };
    let exponent: i32 = exponent.trim_start_matches('+').parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    // Where the point goes, counted in digits from the left.
    let point = whole.len() as i32 + exponent;
    if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    }
}

/// How many significant digits a number's text has (`0.00120` and `1.2e-3` have two).
pub fn significant_digits(text: &str) -> usize {
    let mantissa = text.split(['e', 'E']).next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

/// The next number up (or down) with as many digits as `text`, an exponent form such as
/// `1.25e+3` (`1.26e+3`; up from `9.99e+4` is `1.00e+5`, down from `1.00e+5` is `9.99e+4`).
pub fn neighbour(text: &str, up: bool) -> String {
    let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let mut exponent: i32 = exponent.trim_start_matches('+').parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len() as u32;
    let mut m: u64 = digits.parse().unwrap_or(0);
    if up {
        m += 1;
        if m == 10u64.pow(n) {
            m /= 10;
            exponent += 1;
        }
    } else {
        m = m.saturating_sub(1);
        if m < 10u64.pow(n - 1) {
            m = 10u64.pow(n) - 1;
            exponent -= 1;
        }
    }
    let m = m.to_string();
    let (first, rest) = m.split_at(1);
    let point = if rest.is_empty() { "" } else { "." };
    format!("{first}{point}{rest}e{}{exponent}", if exponent >= 0 { "+" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_is_rusts() {
        for text in [
            "0",
            "1",
            "-1",
            "+1",
            "1.",
            ".5",
            "-.5",
            "+.5e3",
            "1.e1",
            "1e5",
            "1E+5",
            "1e-5",
            "007",
            "0.35",
            "1e308",
            "1e400",
            "-0",
            "inf",
            "-INF",
            "+Infinity",
            "NaN",
            "nan",
            "-nan",
            "",
            ".",
            "-",
            "+",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e-",
            "1.5.2",
            "1e5e5",
            " 1",
            "1 ",
            "1_0",
            "0x10",
            "1,5",
            "١",
            "infinit",
            "infinityy",
            "na",
            "--1",
            "+-1",
            "1e+-5",
            "12345678901234567890123456789",
            "0.000000000000000000000000000000000001",
        ] {
            assert_eq!(form(text).is_some(), text.parse::<f64>().is_ok(), "{text:?}");
        }
        assert_eq!(form("-inf"), Some(Form::Infinite { negative: true }));
        assert_eq!(form("1.5e3"), Some(Form::Decimal));
    }

    #[test]
    fn javascripts_exponents_are_written_out_as_rust_writes_them() {
        for (js, value) in [
            ("123.45", 123.45),
            ("1", 1.0),
            ("0.000001", 1e-6),
            ("1e-7", 1e-7),
            ("1.5e-7", 1.5e-7),
            ("1e+21", 1e21),
            ("1.5e+21", 1.5e21),
            ("5e-324", 5e-324),
            ("1.7976931348623157e+308", f64::MAX),
        ] {
            assert_eq!(positional(js), value.to_string(), "{js}");
        }
        // JavaScript's exponent form is Rust's `{:e}` (the same shortest digits) with a `+` on a
        // positive exponent: every positive finite number, written out, is `Display`'s text.
        let mut bits = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            let v = f64::from_bits(bits >> 1);
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let e = format!("{v:e}");
            let js = if e.contains("e-") { e } else { e.replace('e', "e+") };
            assert_eq!(positional(&js), v.to_string(), "{js}");
        }
    }

    #[test]
    fn digits_are_counted_and_stepped() {
        for (text, n) in [("1000", 1), ("0.00012", 2), ("1.5e-7", 2), ("123.45", 5), ("1e+21", 1), ("0.00120", 2)] {
            assert_eq!(significant_digits(text), n, "{text}");
        }
        for (text, up, next) in [
            ("1.25e+3", true, "1.26e+3"),
            ("1.25e+3", false, "1.24e+3"),
            ("9.99e+4", true, "1.00e+5"),
            ("1.00e+5", false, "9.99e+4"),
            ("1e-7", true, "2e-7"),
            ("1e-7", false, "9e-8"),
            ("9e+0", true, "1e+1"),
        ] {
            assert_eq!(neighbour(text, up), next, "{text} {up}");
        }
    }

    #[test]
    fn natively_the_numbers_are_rusts() {
        for v in [0.0, -0.0, 0.35, 1e-7, 1e21, f64::INFINITY, f64::NEG_INFINITY, 4_294_967_295.0] {
            assert_eq!(write_f64(v), v.to_string());
            assert_eq!(parse_f64(&write_f64(v)), Some(v));
        }
        assert!(parse_f64("nan").is_some_and(f64::is_nan));
        assert_eq!(parse_f64("1e"), None);
    }
}
