//! Chart maths: scales, ticks, paths and CSV. Plain Rust, no Leptos (the components draw it).

/// Maps `[d0, d1]` onto `[r0, r1]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.r0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × 10^k, about `n` of them.
pub fn ticks(max: f64, n: usize) -> Vec<f64> {
    ticks_between(0.0, max, n)
}

/// Round tick values covering `[min, max]` (which includes 0 when the data does).
pub fn ticks_between(min: f64, max: f64, n: usize) -> Vec<f64> {
    let (min, max) = (min.min(0.0), max.max(0.0));
    if !(max - min > 0.0) || !(max - min).is_finite() {
        return vec![0.0, 1.0];
    }
    let raw = (max - min) / n.max(1) as f64;
    let mag = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let first = (min / step).floor() as i64;
    let last = (max / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// An SVG path through the points (`M x,y L x,y …`), one decimal.
pub fn line(xs: &[f64], ys: &[f64]) -> String {
    let mut out = String::new();
    for (i, (x, y)) in xs.iter().zip(ys).enumerate() {
        out.push_str(if i == 0 { "M" } else { "L" });
        out.push_str(&format!("{x:.1},{y:.1}"));
    }
    out
}

/// A closed SVG path for the band between `lo` and `hi`.
pub fn band(xs: &[f64], lo: &[f64], hi: &[f64]) -> String {
    if xs.is_empty() {
        return String::new();
    }
    let mut out = line(xs, hi);
    for (x, y) in xs.iter().zip(lo).rev() {
        out.push_str(&format!("L{x:.1},{y:.1}"));
    }
    out.push('Z');
    out
}

/// A short number for axes: 1.2k, 3.4M, 5B.
pub fn short(v: f64) -> String {
    let (d, s) = if v.abs() >= 1e9 {
        (1e9, "B")
    } else if v.abs() >= 1e6 {
        (1e6, "M")
    } else if v.abs() >= 1e3 {
        (1e3, "k")
    } else {
        (1.0, "")
    };
    let x = v / d;
    let t = if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.1}") };
    format!("{t}{s}")
}

/// A CSV document: `#` comment lines (title, citation), a header, rows. Fields with commas, quotes
/// or line breaks are quoted.
pub fn csv(comments: &[String], header: &[String], rows: &[Vec<String>]) -> String {
    let field = |f: &String| {
        if f.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.clone()
        }
    };
    let mut out = String::new();
    for c in comments {
        out.push_str("# ");
        out.push_str(&c.replace(['\n', '\r'], " "));
        out.push('\n');
    }
    let mut push = |cells: &[String]| {
        out.push_str(&cells.iter().map(field).collect::<Vec<_>>().join(","));
        out.push('\n');
    };
    push(header);
    for r in rows {
        push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(ticks(95.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(ticks(1.0, 4), vec![0.0, 0.5, 1.0]);
        let t = ticks(3.7e7, 4);
        assert!(t.last().unwrap() >= &3.7e7 && t.len() <= 6, "{t:?}");
        assert_eq!(ticks(0.0, 4), vec![0.0, 1.0]);
        assert_eq!(ticks_between(-30.0, 45.0, 3), vec![-50.0, 0.0, 50.0]);
    }

    #[test]
    fn scales_and_paths() {
        let s = Linear { d0: 0.0, d1: 10.0, r0: 100.0, r1: 0.0 };
        assert_eq!(s.map(5.0), 50.0);
        assert_eq!(line(&[0.0, 1.0], &[2.0, 3.0]), "M0.0,2.0L1.0,3.0");
        assert_eq!(band(&[0.0, 1.0], &[0.0, 0.0], &[2.0, 3.0]), "M0.0,2.0L1.0,3.0L1.0,0.0L0.0,0.0Z");
        assert_eq!(short(1_500_000.0), "1.5M");
        assert_eq!(short(20_000.0), "20k");
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let doc = csv(
            &["Hutong, test".into()],
            &["month".into(), "a,b".into()],
            &[vec!["2014-01".into(), "say \"hi\"".into()]],
        );
        assert_eq!(doc, "# Hutong, test\nmonth,\"a,b\"\n2014-01,\"say \"\"hi\"\"\"\n");
    }
}
