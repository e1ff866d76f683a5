//! The platform network at the playhead as a table: one row per channel (from, to, channel,
//! verdict, and the events that decide it, each stated or inferred), for screen-reader users and
//! anyone who reads rows more easily than a drawing. It follows the playhead and the switched-off
//! events as the drawing does.
//!
//! The rows are plain Rust (`rows`, tested natively). The disclosure that holds the table is on the
//! first screen; the table itself is drawn by the Leptos parts (`hutong::network_table`), built
//! only while the disclosure is open.

use chrono::NaiveDate;
use hutong_core::route::{Role, Word};
use hutong_core::{Dataset, Lang};

use super::layout::{platform_of, ChannelTimeline};
use crate::explorer::{answer_text, name};
use crate::i18n::{channel_name, explorer_strings, rule_text, strings};

/// One channel at a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub from: String,
    pub to: String,
    pub channel: &'static str,
    pub word: Word,
    /// `stated` or `inferred` for a decided verdict (`route::channel_grounds`), `None` when
    /// undecided.
    pub grounds: Option<&'static str>,
    /// The verdict in words, with how a decided one is known.
    pub verdict: String,
    pub events: Vec<Cite>,
}

/// One event behind a channel's verdict, and how it is known.
#[derive(Clone, Debug, PartialEq)]
pub struct Cite {
    pub title: String,
    /// `stated` (its quote says it), `inferred` (a named rule goes beyond the quote) or `not-yet`
    /// (an event that has not happened yet, cited for what it will change).
    pub ground: &'static str,
    /// The ground in words, with the rules of an inferred one.
    pub how: String,
}

/// The rows of the table on `day`: every drawn channel (both ends on a platform), in the network's
/// order.
pub fn rows(data: &Dataset, timelines: &[ChannelTimeline], day: NaiveDate, lang: Lang) -> Vec<Row> {
    let s = explorer_strings(lang);
    timelines
        .iter()
        .filter(|t| platform_of(data, &t.id.from).is_some() && platform_of(data, &t.id.to).is_some())
        .map(|t| {
            let run = t.at(day);
            let events = run
                .basis
                .iter()
                .filter_map(|b| {
                    let event = data.events.get(b.event)?;
                    let (ground, how) = if b.role == Role::NotYet {
                        ("not-yet", s.role_not_yet().to_string())
                    } else if b.stated() {
                        ("stated", s.stated().to_string())
                    } else {
                        let prior = event.before.as_ref().map(|x| x.state);
                        let why: Vec<&str> = b.rules.iter().map(|r| rule_text(r, prior, lang)).collect();
                        ("inferred", format!("{}{}{}", s.inferred(), strings(lang).colon(), why.join("; ")))
                    };
                    Some(Cite { title: event.title.get(lang).to_string(), ground, how })
                })
                .collect();
            Row {
                from: name(data, &t.id.from, lang),
                to: name(data, &t.id.to, lang),
                channel: channel_name(t.id.channel, lang),
                word: run.verdict.word(),
                grounds: run.grounds.as_ref().map(|g| g.id()),
                verdict: answer_text(run.verdict, run.grounds.as_ref(), lang),
                events,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::layout::channel_timelines;
    use hutong_core::date::parse_day;
    use hutong_core::route::{Model, Off};

    #[test]
    fn a_row_per_drawn_channel_with_its_verdict_and_grounds() {
        let data = hutong_core::embedded::dataset();
        let model = Model::new(&data, &Off::new());
        let channels = model.channels();
        let timelines = channel_timelines(&model, &channels);
        let (_, edges) = super::super::layout::layout(&data, &channels);
        let day = parse_day("2016-01-01").unwrap();
        let table = rows(&data, &timelines, day, Lang::En);
        assert_eq!(table.len(), edges.len(), "one row per edge of the drawing");
        let row = table.iter().find(|r| r.from == "WeChat group chat" && r.to == "Taobao" && r.channel == "link");
        let row = row.expect("the group chat → Taobao link");
        assert_eq!(row.word, Word::Blocked);
        assert!(!row.events.is_empty(), "a decided verdict names its events");
        assert_eq!(row.grounds, Some("inferred"), "{row:?}");
        assert!(row.verdict.starts_with("blocked — inferred: "), "{row:?}");
        for r in &table {
            assert_eq!(r.grounds.is_none(), r.word == Word::Undecided, "{r:?}");
            if let Some(grounds) = r.grounds {
                assert!(r.verdict.contains(&format!(" — {grounds}")), "{r:?}");
            }
            for c in &r.events {
                assert!(["stated", "inferred", "not-yet"].contains(&c.ground), "{c:?}");
                assert!(c.ground != "inferred" || c.how.starts_with("inferred: "), "{c:?}");
            }
        }
        // In Chinese too, and the same verdicts.
        let zh = rows(&data, &timelines, day, Lang::Zh);
        assert_eq!(zh.iter().map(|r| r.word).collect::<Vec<_>>(), table.iter().map(|r| r.word).collect::<Vec<_>>());
        assert!(zh.iter().any(|r| r.from == "微信群聊"));
    }
}
