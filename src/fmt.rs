//! Dates and numbers for people, in either language.

use chrono::{Datelike, NaiveDate};
use hutong_core::{date::Point, DateSpec, Lang, Metric, Unit};

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `YYYY-MM-DD`, for URLs and inputs.
pub fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn day(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[d.month0() as usize], d.year()),
    }
}

fn point(p: Point, lang: Lang) -> String {
    match (p, lang) {
        (Point::Day(d), _) => day(d, lang),
        (Point::Month { year, month }, Lang::Zh) => format!("{year}年{month}月"),
        (Point::Month { year, month }, Lang::En) => format!("{} {year}", MONTHS_EN[month as usize - 1]),
        (Point::Quarter { year, quarter }, Lang::Zh) => {
            format!("{year}年第{}季度", ["一", "二", "三", "四"][quarter as usize - 1])
        }
        (Point::Quarter { year, quarter }, Lang::En) => format!("Q{quarter} {year}"),
        (Point::Year(year), Lang::Zh) => format!("{year}年"),
        (Point::Year(year), Lang::En) => year.to_string(),
    }
}

/// A date as precise as its text and no more.
pub fn date(spec: &DateSpec, lang: Lang) -> String {
    match (spec, lang) {
        (DateSpec::At(p), _) => point(*p, lang),
        (DateSpec::Range(a, b), Lang::Zh) => format!("{}至{}", point(*a, lang), point(*b, lang)),
        (DateSpec::Range(a, b), Lang::En) => format!("{} – {}", point(*a, lang), point(*b, lang)),
        (DateSpec::Before(p), Lang::Zh) => format!("不晚于{}", point(*p, lang)),
        (DateSpec::Before(p), Lang::En) => format!("on or before {}", point(*p, lang)),
        (DateSpec::After(p), Lang::Zh) => format!("不早于{}", point(*p, lang)),
        (DateSpec::After(p), Lang::En) => format!("on or after {}", point(*p, lang)),
        (DateSpec::Undated, Lang::Zh) => "无日期".into(),
        (DateSpec::Undated, Lang::En) => "undated".into(),
    }
}

/// A figure with its unit, e.g. "近 6亿 用户" / "about 600 million users".
pub fn metric(m: &Metric, lang: Lang) -> String {
    let value = match lang {
        Lang::Zh => number_zh(m.value),
        Lang::En => number_en(m.value),
    };
    let unit = match (m.unit, lang) {
        (Unit::Users, Lang::Zh) => "用户",
        (Unit::Users, Lang::En) => "users",
        (Unit::Accounts, Lang::Zh) => "个账号",
        (Unit::Accounts, Lang::En) => "accounts",
        (Unit::AccountsPerDay, Lang::Zh) => "个账号/天",
        (Unit::AccountsPerDay, Lang::En) => "accounts a day",
        (Unit::Merchants, Lang::Zh) => "家商家",
        (Unit::Merchants, Lang::En) => "merchants",
        (Unit::Trips, Lang::Zh) => "人次",
        (Unit::Trips, Lang::En) => "rides",
        (Unit::Yuan, Lang::Zh) => "元",
        (Unit::Yuan, Lang::En) => "yuan",
        (Unit::Percent, _) => "%",
        (Unit::Times, Lang::Zh) => "倍",
        (Unit::Times, Lang::En) => "×",
    };
    let approx = match (m.approx, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "约 ",
        (true, Lang::En) => "about ",
    };
    let sep = if m.unit == Unit::Percent || (m.unit == Unit::Times && lang == Lang::En) { "" } else { " " };
    format!("{approx}{value}{sep}{unit}")
}

fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn number_zh(v: f64) -> String {
    if v >= 1e8 {
        format!("{}亿", trim(v / 1e8))
    } else if v >= 1e4 {
        format!("{}万", trim(v / 1e4))
    } else {
        trim(v)
    }
}

fn number_en(v: f64) -> String {
    if v >= 1e9 {
        format!("{} billion", trim(v / 1e9))
    } else if v >= 1e6 {
        format!("{} million", trim(v / 1e6))
    } else if v >= 1e4 {
        format!("{},{:03}", (v / 1000.0).floor() as u64, (v % 1000.0) as u64)
    } else {
        trim(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_precisely_as_they_are_known() {
        let cases = [
            ("2014-02-13", "2014年2月13日", "13 Feb 2014"),
            ("2014-05", "2014年5月", "May 2014"),
            ("2013-Q3", "2013年第三季度", "Q3 2013"),
            ("2013", "2013年", "2013"),
            ("2019-09/2024-09", "2019年9月至2024年9月", "Sep 2019 – Sep 2024"),
            ("../2014-09-12", "不晚于2014年9月12日", "on or before 12 Sep 2014"),
            ("undated", "无日期", "undated"),
        ];
        for (text, zh, en) in cases {
            let spec: DateSpec = text.parse().unwrap();
            assert_eq!(date(&spec, Lang::Zh), zh);
            assert_eq!(date(&spec, Lang::En), en);
        }
    }

    #[test]
    fn figures_keep_their_approximation() {
        let m = Metric { value: 6e8, unit: Unit::Users, as_of: "2014".into(), approx: true };
        assert_eq!(metric(&m, Lang::Zh), "约 6亿 用户");
        assert_eq!(metric(&m, Lang::En), "about 600 million users");
        let m = Metric { value: 161_117_000_000.0, unit: Unit::Yuan, as_of: "2024-Q2".into(), approx: false };
        assert_eq!(metric(&m, Lang::Zh), "1611.17亿 元");
        assert_eq!(metric(&m, Lang::En), "161.12 billion yuan");
        let m = Metric { value: 75.0, unit: Unit::Percent, as_of: "2013-Q3".into(), approx: true };
        assert_eq!(metric(&m, Lang::En), "about 75%");
        let m = Metric { value: 460000.0, unit: Unit::Merchants, as_of: "2014".into(), approx: true };
        assert_eq!(metric(&m, Lang::En), "about 460,000 merchants");
    }
}
