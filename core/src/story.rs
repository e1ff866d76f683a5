//! Stories: guided tours through the dataset, each a sequence of views (a day, a journey, events
//! switched off, an event opened) with a caption in both languages. Stories are data
//! (`data/stories.json`), checked against a dataset like events are, so a reader can write one; a
//! problem is reported with its file, line, story and field, every problem at once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::load::{is_id, Diagnostic, Problem};
use crate::model::{Dataset, Text};

/// One view of a story, and what to read there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The journey's day, `YYYY-MM-DD`.
    pub date: String,
    /// Surface, merchant and instrument ids.
    pub from: String,
    pub shop: String,
    pub pay: String,
    /// Events switched off at this step (a counterfactual).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub off: Vec<String>,
    /// The event whose details are open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    pub caption: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub id: String,
    pub title: Text,
    pub steps: Vec<Step>,
}

impl Step {
    /// The step's day (checked when the story was loaded).
    pub fn day(&self) -> NaiveDate {
        crate::date::parse_day(&self.date).unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct RawStories<'a> {
    #[serde(borrow)]
    stories: Vec<&'a RawValue>,
}

/// Reads a stories file and checks every story against `data`: ids that exist, days that parse,
/// texts in both languages, at least one step.
pub fn load_stories(name: &str, text: &str, data: &Dataset) -> Result<Vec<Story>, Vec<Diagnostic>> {
    let at = |offset: usize, item: Option<&str>, field: Option<String>, problem: Problem| {
        let line = text[..offset.min(text.len())].matches('\n').count() + 1;
        let column = offset - text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1) + 1;
        Diagnostic { file: name.into(), line, column, item: item.map(str::to_string), field, problem, csv: false }
    };
    let raw: RawStories<'_> = serde_json::from_str(text).map_err(|e| {
        vec![Diagnostic {
            file: name.into(),
            line: e.line().max(1),
            column: e.column().max(1),
            item: None,
            field: None,
            problem: if e.is_syntax() || e.is_eof() {
                Problem::Syntax(e.to_string())
            } else {
                Problem::Schema(e.to_string())
            },
            csv: false,
        }]
    })?;
    let ids = |list: &[crate::model::Node]| list.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    let (surfaces, merchants, instruments) = (ids(&data.surfaces), ids(&data.merchants), ids(&data.instruments));
    let mut problems = Vec::new();
    let mut stories = Vec::new();
    for item in raw.stories {
        let start = item.get().as_ptr() as usize - text.as_ptr() as usize;
        let story: Story = match serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(item.get())) {
            Ok(s) => s,
            Err(e) => {
                let field = e.path().to_string();
                problems.push(at(start, None, Some(field), Problem::Schema(e.inner().to_string())));
                continue;
            }
        };
        // The offset of a value inside this story's text, for the line of a problem.
        let find = |needle: &str| start + item.get().find(&format!("\"{needle}\"")).unwrap_or(0);
        let mut report = |offset: usize, field: String, problem: Problem| {
            problems.push(at(offset, Some(&story.id), Some(field), problem));
        };
        if !is_id(&story.id) {
            report(start, "id".into(), Problem::BadId(story.id.clone()));
        }
        if stories.iter().any(|s: &Story| s.id == story.id) {
            report(start, "id".into(), Problem::DuplicateId { id: story.id.clone(), first_line: 0 });
        }
        for (lang, t) in [("zh", &story.title.zh), ("en", &story.title.en)] {
            if t.trim().is_empty() {
                report(start, format!("title.{lang}"), Problem::Empty);
            }
        }
        if story.steps.is_empty() {
            report(start, "steps".into(), Problem::Empty);
        }
        for (i, step) in story.steps.iter().enumerate() {
            if let Err(e) = crate::date::parse_day(&step.date) {
                report(find(&step.date), format!("steps[{i}].date"), Problem::BadDate(e));
            }
            for (field, id, list, known) in [
                ("from", &step.from, "surfaces", &surfaces),
                ("shop", &step.shop, "merchants", &merchants),
                ("pay", &step.pay, "instruments", &instruments),
            ] {
                if !known.contains(id) {
                    report(find(id), format!("steps[{i}].{field}"), Problem::UnknownId { list, id: id.clone() });
                }
            }
            for id in step.off.iter().chain(&step.event) {
                if data.event(id).is_none() {
                    report(find(id), format!("steps[{i}]"), Problem::UnknownId { list: "events", id: id.clone() });
                }
            }
            for (lang, t) in [("zh", &step.caption.zh), ("en", &step.caption.en)] {
                if t.trim().is_empty() {
                    report(start, format!("steps[{i}].caption.{lang}"), Problem::Empty);
                }
            }
        }
        stories.push(story);
    }
    if problems.is_empty() {
        Ok(stories)
    } else {
        Err(problems)
    }
}

/// The stories shipped with the app, checked against the embedded dataset.
pub const STORIES: &str = include_str!("../../data/stories.json");

/// The embedded stories. They are checked by the test suite, so failing here is a build defect.
pub fn embedded(data: &Dataset) -> Vec<Story> {
    load_stories("data/stories.json", STORIES, data).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    #[test]
    fn the_shipped_story_loads_and_each_step_cites_an_event() {
        let data = embedded::dataset();
        let stories = load_stories("data/stories.json", STORIES, &data).unwrap_or_else(|p| {
            panic!("{}", p.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"));
        });
        let story = stories.iter().find(|s| s.id == "walls-and-reconnection").expect("the seeds' story");
        assert!(story.steps.len() >= 6);
        for step in &story.steps {
            assert!(step.event.is_some(), "every step opens the event it is about");
        }
        // In time order, 2013 to 2024.
        let days: Vec<NaiveDate> = story.steps.iter().map(Step::day).collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(days.first().map(|d| chrono::Datelike::year(d)), Some(2013));
        assert_eq!(days.last().map(|d| chrono::Datelike::year(d)), Some(2024));
    }

    /// The captions say what the app will show: the verdict of each step, as the model gives it.
    #[test]
    fn each_caption_matches_the_verdict_its_step_shows() {
        use crate::route::{Journey, Model, Word};
        let data = embedded::dataset();
        let story = embedded(&data).into_iter().next().unwrap();
        let verdicts: Vec<_> = story
            .steps
            .iter()
            .map(|s| {
                let off = s.off.iter().filter_map(|id| data.events.iter().position(|e| &e.id == id)).collect();
                Model::new(&data, &off).verdict(s.day(), &Journey::new(&s.from, &s.shop, &s.pay))
            })
            .collect();
        let words: Vec<Word> = verdicts.iter().map(|v| v.word()).collect();
        use Word::*;
        assert_eq!(words, [Undecided, Direct, Undecided, Partial, Undecided, Direct, Direct, Undecided, Partial]);
        // "between blocked and workaround", "between partial and blocked", "back between blocked and workaround"
        use crate::route::Level;
        let ends = |i: usize| (verdicts[i].lo, verdicts[i].hi);
        assert_eq!(ends(0), (Level::Blocked, Level::Workaround));
        assert_eq!(ends(2), (Level::Blocked, Level::Partial));
        assert_eq!(ends(7), (Level::Blocked, Level::Workaround));
    }

    #[test]
    fn every_problem_in_a_story_is_reported_where_it_is() {
        let data = embedded::dataset();
        let text = r#"{"stories": [
  {"id": "mine", "title": {"zh": "我的", "en": ""}, "steps": [
    {"date": "2014-13-01", "from": "wechat-group", "shop": "mars", "pay": "alipay", "event": "no-such-event",
     "caption": {"zh": "一", "en": "one"}}
  ]}
]}"#;
        let problems = load_stories("mine.json", text, &data).unwrap_err();
        let fields: Vec<&str> = problems.iter().filter_map(|p| p.field.as_deref()).collect();
        assert_eq!(fields, ["title.en", "steps[0].date", "steps[0].shop", "steps[0]"], "{problems:?}");
        assert!(problems.iter().all(|p| p.item.as_deref() == Some("mine")));
        assert_eq!(problems[2].line, 3, "the unknown merchant is on line 3");
        let bad = load_stories("bad.json", r#"{"stories": [{"id": "x", "title": 3}]}"#, &data).unwrap_err();
        assert_eq!(bad[0].field.as_deref(), Some("title"));
        assert!(load_stories("bad.json", "{", &data).is_err());
    }
}
