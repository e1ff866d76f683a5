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

/// A figure as the text gives it: its qualifier ("over", "nearly", "about"), its unit or a word
/// that the text gives none, and what it is relative to. E.g. "近 6亿 用户" / "nearly 600 million
/// users"; "超过 75%（占手机支付市场）" / "over 75% (of the mobile payment market)".
pub fn metric(m: &Metric, lang: Lang) -> String {
    use hutong_core::Bound;
    let value = match lang {
        Lang::Zh => number_zh(m.value),
        Lang::En => number_en(m.value),
    };
    let unit = m.unit.map(|u| match (u, lang) {
        (Unit::Users, Lang::Zh) => "用户",
        (Unit::Users, Lang::En) => "users",
        (Unit::Accounts, Lang::Zh) => "个账号",
        (Unit::Accounts, Lang::En) => "accounts",
        (Unit::AccountsPerDay, Lang::Zh) => "个账号/天",
        (Unit::AccountsPerDay, Lang::En) => "accounts a day",
        (Unit::Merchants, Lang::Zh) => "家商家",
        (Unit::Merchants, Lang::En) => "merchants",
        (Unit::Trips, Lang::Zh) => "次行程",
        (Unit::Trips, Lang::En) => "trips",
        (Unit::Yuan, Lang::Zh) => "元",
        (Unit::Yuan, Lang::En) => "yuan",
        (Unit::Percent, _) => "%",
        (Unit::Times, Lang::Zh) => "倍",
        (Unit::Times, Lang::En) => "×",
        (Unit::Followers, Lang::Zh) => "粉丝",
        (Unit::Followers, Lang::En) => "followers",
        (Unit::Companies, Lang::Zh) => "家企业",
        (Unit::Companies, Lang::En) => "companies",
        (Unit::PersonTimes, Lang::Zh) => "人次",
        (Unit::PersonTimes, Lang::En) => "person-times (人次)",
        (Unit::Days, Lang::Zh) => "天",
        (Unit::Days, Lang::En) => "days",
        (Unit::Months, Lang::Zh) => "个月",
        (Unit::Months, Lang::En) => "months",
    });
    let qualifier = match (m.bound, m.approx, lang) {
        (Some(Bound::Over), _, Lang::Zh) => "超过 ",
        (Some(Bound::Over), _, Lang::En) => "over ",
        (Some(Bound::Under), _, Lang::Zh) => "近 ",
        (Some(Bound::Under), _, Lang::En) => "nearly ",
        (None, true, Lang::Zh) => "约 ",
        (None, true, Lang::En) => "about ",
        (None, false, _) => "",
    };
    let figure = match unit {
        Some(unit) => {
            let sep = if m.unit == Some(Unit::Percent) || (m.unit == Some(Unit::Times) && lang == Lang::En) {
                ""
            } else {
                " "
            };
            format!("{qualifier}{value}{sep}{unit}")
        }
        None => match lang {
            Lang::Zh => format!("{qualifier}{value}（原文无单位）"),
            Lang::En => format!("{qualifier}{value} (no unit in the text)"),
        },
    };
    match (&m.of, lang) {
        (None, _) => figure,
        (Some(of), Lang::Zh) => format!("{figure}（{}）", of.zh),
        (Some(of), Lang::En) => format!("{figure} ({})", of.en),
    }
}

fn trim(x: f64) -> String {
    // Three decimals keep the text's figures (1611.17亿 = 161.117 billion) without float noise.
    let s = format!("{x:.3}");
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
    fn figures_keep_their_qualifier_unit_and_base() {
        use hutong_core::{Bound, Text};
        let m = |value, unit, approx, bound| Metric { value, unit, as_of: "2014".into(), approx, bound, of: None };
        let nearly = m(6e8, Some(Unit::Users), false, Some(Bound::Under));
        assert_eq!(metric(&nearly, Lang::Zh), "近 6亿 用户");
        assert_eq!(metric(&nearly, Lang::En), "nearly 600 million users");
        let exact = m(161_117_000_000.0, Some(Unit::Yuan), false, None);
        assert_eq!(metric(&exact, Lang::Zh), "1611.17亿 元");
        assert_eq!(metric(&exact, Lang::En), "161.117 billion yuan");
        let over = Metric {
            of: Some(Text { zh: "占手机支付市场".into(), en: "of the mobile payment market".into() }),
            ..m(75.0, Some(Unit::Percent), false, Some(Bound::Over))
        };
        assert_eq!(metric(&over, Lang::Zh), "超过 75%（占手机支付市场）");
        assert_eq!(metric(&over, Lang::En), "over 75% (of the mobile payment market)");
        let about = m(460000.0, Some(Unit::Merchants), true, None);
        assert_eq!(metric(&about, Lang::En), "about 460,000 merchants");
        let bare = m(100000.0, None, true, None);
        assert_eq!(metric(&bare, Lang::Zh), "约 10万（原文无单位）");
        assert_eq!(metric(&bare, Lang::En), "about 100,000 (no unit in the text)");
        let fall = m(-9.4, Some(Unit::Percent), false, None);
        assert_eq!(metric(&fall, Lang::En), "-9.4%");
    }
}
