//! Where each event goes on the time axis: the date scale, the year ticks, and the lanes (one per
//! kind) in which overlapping marks are stacked into rows. Plain Rust, no Leptos: the component only
//! draws what this computes.

use chrono::{Datelike, NaiveDate};
use hutong_core::{date::day_number, DateSpec, Event, Kind};

/// Sizes of the drawing, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Config {
    /// Left edge of the axis (room for the lane labels) and its width.
    pub left: f64,
    pub width: f64,
    pub top: f64,
    pub row_height: f64,
    pub lane_gap: f64,
    /// Radius of a one-day mark; spans are never drawn narrower than a dot.
    pub radius: f64,
    /// How long the dashed tail of an open-ended date ("no later than X") is drawn.
    pub open_tail: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config { left: 104.0, width: 1080.0, top: 30.0, row_height: 14.0, lane_gap: 10.0, radius: 5.0, open_tail: 40.0 }
    }
}

/// Maps days to x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub x0: f64,
    pub x1: f64,
}

impl Scale {
    /// The default domain is 2004–2025; it widens to whole years to take in every dated event.
    pub fn for_events<'a>(events: impl IntoIterator<Item = &'a Event>, config: &Config) -> Scale {
        let (mut first, mut last) = (2004, 2025);
        for e in events {
            for d in [e.date.earliest(), e.date.latest()].into_iter().flatten() {
                first = first.min(d.year());
                last = last.max(d.year());
            }
        }
        Scale {
            start: NaiveDate::from_ymd_opt(first, 1, 1).expect("a valid year"),
            end: NaiveDate::from_ymd_opt(last, 12, 31).expect("a valid year"),
            x0: config.left,
            x1: config.left + config.width,
        }
    }

    pub fn x(&self, day: NaiveDate) -> f64 {
        let span = f64::from(day_number(self.end) + 1 - day_number(self.start));
        let t = f64::from(day_number(day) - day_number(self.start)) / span;
        self.x0 + t.clamp(0.0, 1.0) * (self.x1 - self.x0)
    }

    /// The day at x (for scrubbing and hit tests), clamped to the domain.
    pub fn day_at(&self, x: f64) -> NaiveDate {
        let t = ((x - self.x0) / (self.x1 - self.x0)).clamp(0.0, 1.0);
        let span = day_number(self.end) - day_number(self.start);
        self.start + chrono::Duration::days((t * f64::from(span)).round() as i64)
    }

    /// One tick per year at its 1 January, with a label every `label_every` years.
    pub fn year_ticks(&self, label_every: i32) -> Vec<Tick> {
        (self.start.year()..=self.end.year())
            .map(|year| Tick {
                x: self.x(NaiveDate::from_ymd_opt(year, 1, 1).expect("a valid year")),
                year,
                labelled: (year - self.start.year()) % label_every == 0,
            })
            .collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub year: i32,
    pub labelled: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Known to the day.
    Dot,
    /// A month, quarter, year or range.
    Span,
}

/// One event's mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into the events given to [`layout`].
    pub index: usize,
    pub id: String,
    pub shape: Shape,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// The start (or end) is not known: the mark runs to the axis edge, drawn dashed.
    pub open_start: bool,
    pub open_end: bool,
}

/// A lane: one kind, or the undated events (`kind` is `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub kind: Option<Kind>,
    pub y: f64,
    pub height: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub scale: Scale,
    pub lanes: Vec<Lane>,
    pub marks: Vec<Mark>,
    pub height: f64,
}

/// Lays the events out in one lane per kind of `kinds` (in that order; empty lanes are kept so
/// the picture does not jump when filters change), plus a lane for undated events if any.
pub fn layout(events: &[&Event], kinds: &[Kind], scale: Scale, config: &Config) -> Layout {
    let mut lanes = Vec::new();
    let mut marks = Vec::new();
    let mut y = config.top;
    let lane_keys: Vec<Option<Kind>> = kinds
        .iter()
        .copied()
        .map(Some)
        .chain(events.iter().any(|e| e.date == DateSpec::Undated).then_some(None))
        .collect();
    for key in lane_keys {
        let mut in_lane: Vec<(usize, Mark)> = events
            .iter()
            .enumerate()
            .filter(|(_, e)| match key {
                Some(kind) => e.kind == kind && e.date != DateSpec::Undated,
                None => e.date == DateSpec::Undated,
            })
            .map(|(i, e)| (i, mark_for(i, e, &scale, config)))
            .collect();
        if key.is_none() {
            // Undated events have no x: they are lined up from the left, in file order.
            for (n, (_, m)) in in_lane.iter_mut().enumerate() {
                m.x0 = scale.x0 + config.radius + n as f64 * config.radius * 3.0;
                m.x1 = m.x0;
            }
        }
        in_lane.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0).then(a.0.cmp(&b.0)));
        // Greedy stacking: each mark takes the first row whose last mark ends before it starts.
        let mut row_ends: Vec<f64> = Vec::new();
        for (_, mut mark) in in_lane {
            let (left, right) = extent(&mark, config);
            let row = match row_ends.iter().position(|&end| end + 2.0 < left) {
                Some(r) => r,
                None => {
                    row_ends.push(f64::NEG_INFINITY);
                    row_ends.len() - 1
                }
            };
            row_ends[row] = right;
            mark.y = y + config.row_height * (row as f64 + 0.5);
            marks.push(mark);
        }
        let height = config.row_height * row_ends.len().max(1) as f64;
        lanes.push(Lane { kind: key, y, height });
        y += height + config.lane_gap;
    }
    marks.sort_by_key(|m| m.index);
    Layout { scale, lanes, marks, height: y + 24.0 }
}

fn mark_for(index: usize, event: &Event, scale: &Scale, config: &Config) -> Mark {
    let (lo, hi) = (event.date.earliest(), event.date.latest());
    // An open side is drawn as a short dashed tail from the known bound, not to the axis edge: a
    // bar to 2004 would claim a span the sources never gave.
    let x1 = hi.map(|d| scale.x(d + chrono::Duration::days(1)));
    let x0 = lo.map(|d| scale.x(d));
    let (x0, x1) = match (x0, x1) {
        (Some(a), Some(b)) => (a, b),
        (None, Some(b)) => ((b - config.open_tail).max(scale.x0), b),
        (Some(a), None) => (a, (a + config.open_tail).min(scale.x1)),
        (None, None) => (scale.x0, scale.x0),
    };
    let shape = if event.date.is_day() { Shape::Dot } else { Shape::Span };
    let (x0, x1) = match shape {
        Shape::Dot => {
            let x = scale.x(lo.expect("a day has a date"));
            (x, x)
        }
        Shape::Span => (x0, x1.max(x0 + config.radius)),
    };
    Mark {
        index,
        id: event.id.clone(),
        shape,
        x0,
        x1,
        y: 0.0,
        open_start: lo.is_none() && event.date != DateSpec::Undated,
        open_end: hi.is_none() && event.date != DateSpec::Undated,
    }
}

fn extent(mark: &Mark, config: &Config) -> (f64, f64) {
    match mark.shape {
        Shape::Dot => (mark.x0 - config.radius, mark.x0 + config.radius),
        Shape::Span => (mark.x0, mark.x1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hutong_core::embedded;

    fn d(s: &str) -> NaiveDate {
        hutong_core::date::parse_day(s).unwrap()
    }

    #[test]
    fn the_scale_maps_the_domain_onto_the_axis() {
        let config = Config::default();
        let scale = Scale::for_events(std::iter::empty(), &config);
        assert_eq!((scale.start, scale.end), (d("2004-01-01"), d("2025-12-31")));
        assert_eq!(scale.x(d("2004-01-01")), config.left);
        assert!((scale.x(d("2015-01-01")) - (config.left + config.width / 2.0)).abs() < 1.0);
        assert_eq!(scale.x(d("2030-01-01")), config.left + config.width, "clamped");
        assert_eq!(scale.day_at(scale.x(d("2014-02-13"))), d("2014-02-13"));
        let ticks = scale.year_ticks(2);
        assert_eq!(ticks.len(), 22);
        assert!(ticks[0].labelled && !ticks[1].labelled && ticks[2].labelled);
    }

    #[test]
    fn precision_is_visible_in_the_shape() {
        let data = embedded::dataset();
        let events: Vec<&Event> = data.events.iter().collect();
        let config = Config::default();
        let scale = Scale::for_events(events.iter().copied(), &config);
        let kinds = crate::i18n::ALL_KINDS;
        let l = layout(&events, &kinds, scale, &config);
        let mark = |id: &str| l.marks.iter().find(|m| m.id == id).unwrap().clone();
        let day = mark("alipay-bans-wechat-merchants");
        assert_eq!(day.shape, Shape::Dot);
        let month = mark("wechat-group-chat-links");
        assert_eq!(month.shape, Shape::Span);
        assert!(month.x1 - month.x0 >= config.radius);
        let year = mark("taobao-links-blocked-in-wechat");
        assert!(year.x1 - year.x0 > 40.0, "a year is wide: {year:?}");
        let before = mark("taobao-taokouling");
        assert!(before.open_start && !before.open_end);
        assert_eq!(before.x1, scale.x(d("2024-10-01")), "ends at the bound the text gives");
        assert_eq!(before.x1 - before.x0, config.open_tail, "a short tail, not a bar back to 2004");
    }

    #[test]
    fn marks_in_a_lane_never_overlap() {
        let data = embedded::dataset();
        let events: Vec<&Event> = data.events.iter().collect();
        let config = Config::default();
        let scale = Scale::for_events(events.iter().copied(), &config);
        let l = layout(&events, &crate::i18n::ALL_KINDS, scale, &config);
        assert_eq!(l.marks.len(), events.len());
        for a in &l.marks {
            for b in &l.marks {
                if a.index < b.index && a.y == b.y {
                    let (al, ar) = extent(a, &config);
                    let (bl, br) = extent(b, &config);
                    assert!(ar < bl || br < al, "{} overlaps {}", a.id, b.id);
                }
            }
        }
        // Lanes follow each other without overlap, in the order given.
        for pair in l.lanes.windows(2) {
            assert!(pair[0].y + pair[0].height <= pair[1].y);
        }
    }
}
