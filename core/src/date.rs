//! Dates as the sources give them: a day, a month, a quarter, a year, a range, an open-ended bound, or
//! nothing at all. A [`DateSpec`] never claims more precision than its text; it answers questions with
//! the window `[earliest, latest]` of days it may stand for.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// The years a dataset may speak of. Anything outside is almost surely a typo (2104 for 2014).
pub const MIN_YEAR: i32 = 1990;
pub const MAX_YEAR: i32 = 2100;

/// One point with its precision: the building block of a [`DateSpec`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Point {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Year(i32),
}

/// A date as written in the sources. Text forms (EDTF-like, see data/NOTES.md):
/// `2014-02-13`, `2014-05`, `2013-Q3`, `2013`, `2020/2021-06` (a range), `../2014-09-12` (on or before),
/// `2014-02-13/..` (on or after), and `undated`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateSpec {
    At(Point),
    Range(Point, Point),
    Before(Point),
    After(Point),
    Undated,
}

/// How precise a date is, for display and for the time axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Year,
    Range,
    Before,
    After,
    Undated,
}

/// Why a date text was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date; write 2014-02-13, 2014-05, 2013-Q3, 2013, A/B, ../B, A/.. or undated")]
    Syntax(String),
    #[error("`{0}` is not a day of the calendar")]
    Impossible(String),
    #[error("year {0} is outside {MIN_YEAR}–{MAX_YEAR}")]
    OutOfRange(i32),
    #[error("the range `{0}` ends before it starts")]
    Reversed(String),
}

impl Point {
    /// The first day the point may stand for.
    pub fn first_day(self) -> NaiveDate {
        match self {
            Point::Day(d) => d,
            Point::Month { year, month } => ymd(year, month, 1),
            Point::Quarter { year, quarter } => ymd(year, quarter * 3 - 2, 1),
            Point::Year(year) => ymd(year, 1, 1),
        }
    }

    /// The last day the point may stand for.
    pub fn last_day(self) -> NaiveDate {
        match self {
            Point::Day(d) => d,
            Point::Month { year, month } => last_of_month(year, month),
            Point::Quarter { year, quarter } => last_of_month(year, quarter * 3),
            Point::Year(year) => ymd(year, 12, 31),
        }
    }

    fn precision(self) -> Precision {
        match self {
            Point::Day(_) => Precision::Day,
            Point::Month { .. } => Precision::Month,
            Point::Quarter { .. } => Precision::Quarter,
            Point::Year(_) => Precision::Year,
        }
    }

    fn parse(text: &str) -> Result<Point, DateError> {
        let syntax = || DateError::Syntax(text.to_string());
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let parts: Vec<&str> = text.split('-').collect();
        let year_of = |s: &str| -> Result<i32, DateError> {
            if !digits(s, 4) {
                return Err(syntax());
            }
            let year: i32 = s.parse().map_err(|_| syntax())?;
            if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
                return Err(DateError::OutOfRange(year));
            }
            Ok(year)
        };
        match parts.as_slice() {
            [y] => Ok(Point::Year(year_of(y)?)),
            [y, q] if q.len() == 2 && q.starts_with('Q') => {
                let year = year_of(y)?;
                match q.as_bytes()[1] {
                    b @ b'1'..=b'4' => Ok(Point::Quarter { year, quarter: u32::from(b - b'0') }),
                    _ => Err(syntax()),
                }
            }
            [y, m] if digits(m, 2) => {
                let year = year_of(y)?;
                let month: u32 = m.parse().map_err(|_| syntax())?;
                if !(1..=12).contains(&month) {
                    return Err(DateError::Impossible(text.to_string()));
                }
                Ok(Point::Month { year, month })
            }
            [y, m, d] if digits(m, 2) && digits(d, 2) => {
                let year = year_of(y)?;
                let month: u32 = m.parse().map_err(|_| syntax())?;
                let day: u32 = d.parse().map_err(|_| syntax())?;
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(Point::Day)
                    .ok_or_else(|| DateError::Impossible(text.to_string()))
            }
            _ => Err(syntax()),
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            // Not `d.format(..)`: chrono's strftime engine would add tens of KB to the wasm.
            Point::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Point::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Point::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl DateSpec {
    /// The first day this date may stand for; `None` when it has no lower bound.
    pub fn earliest(&self) -> Option<NaiveDate> {
        match *self {
            DateSpec::At(p) | DateSpec::Range(p, _) | DateSpec::After(p) => Some(p.first_day()),
            DateSpec::Before(_) | DateSpec::Undated => None,
        }
    }

    /// The last day this date may stand for; `None` when it has no upper bound.
    pub fn latest(&self) -> Option<NaiveDate> {
        match *self {
            DateSpec::At(p) | DateSpec::Range(_, p) | DateSpec::Before(p) => Some(p.last_day()),
            DateSpec::After(_) | DateSpec::Undated => None,
        }
    }

    pub fn precision(&self) -> Precision {
        match *self {
            DateSpec::At(p) => p.precision(),
            DateSpec::Range(..) => Precision::Range,
            DateSpec::Before(_) => Precision::Before,
            DateSpec::After(_) => Precision::After,
            DateSpec::Undated => Precision::Undated,
        }
    }

    /// True when the text names exactly one day.
    pub fn is_day(&self) -> bool {
        self.precision() == Precision::Day
    }

    /// A day to sort by: the earliest day, else the latest, else the end of time (undated last).
    pub fn sort_key(&self) -> NaiveDate {
        self.earliest().or_else(|| self.latest()).unwrap_or(NaiveDate::MAX)
    }
}

impl FromStr for DateSpec {
    type Err = DateError;

    fn from_str(text: &str) -> Result<DateSpec, DateError> {
        let text = text.trim();
        if text == "undated" {
            return Ok(DateSpec::Undated);
        }
        match text.split_once('/') {
            None => Ok(DateSpec::At(Point::parse(text)?)),
            Some(("..", "..")) => Err(DateError::Syntax(text.to_string())),
            Some(("..", end)) => Ok(DateSpec::Before(Point::parse(end)?)),
            Some((start, "..")) => Ok(DateSpec::After(Point::parse(start)?)),
            Some((start, end)) => {
                let (start, end) = (Point::parse(start)?, Point::parse(end)?);
                if end.last_day() < start.first_day() {
                    return Err(DateError::Reversed(text.to_string()));
                }
                Ok(DateSpec::Range(start, end))
            }
        }
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSpec::At(p) => write!(f, "{p}"),
            DateSpec::Range(a, b) => write!(f, "{a}/{b}"),
            DateSpec::Before(p) => write!(f, "../{p}"),
            DateSpec::After(p) => write!(f, "{p}/.."),
            DateSpec::Undated => write!(f, "undated"),
        }
    }
}

/// Parses a plain `YYYY-MM-DD` day within the supported years (for URLs and user input).
pub fn parse_day(text: &str) -> Result<NaiveDate, DateError> {
    match DateSpec::from_str(text)? {
        DateSpec::At(Point::Day(d)) => Ok(d),
        _ => Err(DateError::Syntax(text.to_string())),
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("caller passes a valid calendar day")
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    ymd(ny, nm, 1).pred_opt().expect("a day before the first of a month exists")
}

/// Days since 1970-01-01, a compact key for scales and comparisons.
pub fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce() - 719_163
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_form_parses_and_prints_back() {
        for text in
            ["2014-02-13", "2014-05", "2013-Q3", "2013", "2020/2021-06", "../2014-09-12", "2014-02-13/..", "undated"]
        {
            let spec: DateSpec = text.parse().unwrap();
            assert_eq!(spec.to_string(), text);
        }
    }

    #[test]
    fn windows_cover_exactly_what_the_text_allows() {
        let cases = [
            ("2014-02-13", Some("2014-02-13"), Some("2014-02-13")),
            ("2024-02", Some("2024-02-01"), Some("2024-02-29")),
            ("2013-Q3", Some("2013-07-01"), Some("2013-09-30")),
            ("2013-Q4", Some("2013-10-01"), Some("2013-12-31")),
            ("2013", Some("2013-01-01"), Some("2013-12-31")),
            ("2023/2024", Some("2023-01-01"), Some("2024-12-31")),
            ("../2014-09-12", None, Some("2014-09-12")),
            ("2020/..", Some("2020-01-01"), None),
            ("undated", None, None),
        ];
        for (text, lo, hi) in cases {
            let spec: DateSpec = text.parse().unwrap();
            assert_eq!(spec.earliest(), lo.map(d), "earliest of {text}");
            assert_eq!(spec.latest(), hi.map(d), "latest of {text}");
        }
    }

    #[test]
    fn bad_dates_say_what_is_wrong() {
        assert_eq!("2014-02-30".parse::<DateSpec>(), Err(DateError::Impossible("2014-02-30".into())));
        assert_eq!("2014-13".parse::<DateSpec>(), Err(DateError::Impossible("2014-13".into())));
        assert_eq!("2104-01-01".parse::<DateSpec>(), Err(DateError::OutOfRange(2104)));
        assert_eq!("2015/2014".parse::<DateSpec>(), Err(DateError::Reversed("2015/2014".into())));
        for bad in ["", "14-02-13", "2014-2-13", "2014-Q5", "../..", "soon", "2014/02/13/x", "２０１４"] {
            assert!(matches!(bad.parse::<DateSpec>(), Err(DateError::Syntax(_))), "{bad:?}");
        }
    }

    #[test]
    fn parse_day_takes_only_days() {
        assert_eq!(parse_day("2020-06-01"), Ok(d("2020-06-01")));
        assert!(parse_day("2020-06").is_err());
    }
}
