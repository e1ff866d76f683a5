//! What would decide an undecided answer (issue 23): under the explorer's undecided verdict, each
//! fact the sources leave open behind it, as a question a person could go and answer, with what
//! the journey's verdict would be under each answer. The questions and their verdicts are the
//! model's (`hutong_core::decide::questions`: each answer is written into a copy of the data and
//! the journey routed again); this only words them. In the `shell` part, installed into the first
//! screen's explorer (`explorer::install_decider`); plain DOM, as the explorer is.

use hutong_core::decide::{questions, Field, Finding, Question};
use hutong_core::route::Verdict;
use hutong_core::{Dataset, Lang};
use web_sys::Element;

use crate::explorer::{name, verdict_text};
use crate::html::{clear, el, text_el};
use crate::i18n::{channel_name, decide_strings, DecideStrings};
use crate::{fmt, store};

/// Fills `place` with the questions behind the view's answer (from the store), in a task of its
/// own after the page has painted: the explorer's answer is drawn (and the interaction that asked
/// for it answered) first. (In a task of its own before the paint, it still kept the paint
/// waiting: 7 ms of a step on the scrubber at 4x.)
pub fn fill(place: &Element) {
    let place = place.clone();
    store::after_paint(move || {
        // Redrawn meanwhile (another journey, another day): that drawing has its own box.
        if place.is_connected() {
            fill_now(&place);
        }
    });
}

fn fill_now(place: &Element) {
    clear(place);
    let (data, view) = (store::data(), store::view());
    let off = view.off_set(&data);
    let list = questions(&data, &off, view.date, &view.journey());
    if list.is_empty() {
        return;
    }
    let lang = view.lang;
    let w = decide_strings(lang);
    text_el("h3", &[], w.heading(), place);
    text_el("p", &[("class", "muted")], w.intro(), place);
    let ol = el("ol", &[("class", "questions")], Some(place));
    for q in &list {
        question(&ol, q, &data, view.date, lang);
    }
}

fn question(parent: &Element, q: &Question, data: &Dataset, day: chrono::NaiveDate, lang: Lang) {
    let li = el("li", &[("data-testid", "question"), ("data-field", q.field.id())], Some(parent));
    if let Some(e) = q.event.and_then(|i| data.events.get(i)) {
        crate::html::set(&li, "data-event", &e.id);
    }
    let words = Wording { data, event: q.event, channel: q.channel, from: &q.from, to: &q.to, day, lang };
    text_el("p", &[("class", "question")], &words.asked(q.field), &li);
    let answers = el("ul", &[("class", "answers")], Some(&li));
    for &(finding, verdict) in &q.outcomes {
        answer(&answers, finding, verdict, &words.fill(finding_words(q.field, finding, decide_strings(lang))), lang);
    }
}

/// What a question is about, for its words: the event (or none, for a channel no source speaks
/// of), the channel and its ends, the day.
pub struct Wording<'a> {
    pub data: &'a Dataset,
    pub event: Option<usize>,
    pub channel: hutong_core::Channel,
    pub from: &'a str,
    pub to: &'a str,
    pub day: chrono::NaiveDate,
    pub lang: Lang,
}

impl Wording<'_> {
    /// The question, in words a person could go and answer.
    pub fn asked(&self, field: Field) -> String {
        let w = decide_strings(self.lang);
        self.fill(match field {
            Field::Date => w.ask_date(),
            Field::Status => w.ask_status(),
            Field::Direction => w.ask_direction(),
            Field::Before => w.ask_before(),
            Field::Silent => w.ask_silent(),
        })
    }

    /// One answer to the question, in words ("A source dating it on or before 1 Jun 2020").
    pub fn answer(&self, field: Field, finding: Finding) -> String {
        self.fill(finding_words(field, finding, decide_strings(self.lang)))
    }

    fn fill(&self, template: &str) -> String {
        let (data, lang) = (self.data, self.lang);
        let event = self.event.and_then(|i| data.events.get(i));
        template
            .replace("{event}", &event.map_or(String::new(), |e| e.title.get(lang).to_string()))
            .replace("{date}", &event.map_or(String::new(), |e| fmt::date(&e.date, lang)))
            .replace("{day}", &fmt::day(self.day, lang))
            .replace("{channel}", channel_name(self.channel, lang))
            .replace("{from}", &name(data, self.from, lang))
            .replace("{to}", &name(data, self.to, lang))
    }
}

fn answer(parent: &Element, finding: Finding, verdict: Verdict, words: &str, lang: Lang) {
    let word = verdict.word();
    let li = el("li", &[("data-finding", finding.id()), ("data-verdict", word.id())], Some(parent));
    text_el("span", &[], &format!("{words}{}", crate::i18n::strings(lang).colon()), &li);
    text_el("span", &[("class", &format!("badge small badge-{}", word.id()))], &verdict_text(verdict, lang), &li);
}

fn finding_words(field: Field, finding: Finding, w: DecideStrings) -> &'static str {
    match (field, finding) {
        (Field::Status, Finding::ByTheDay) => w.took_effect(),
        (Field::Status, _) => w.not_yet(),
        (_, Finding::ByTheDay) => w.by_the_day(),
        (_, Finding::AfterTheDay) => w.after_the_day(),
        (_, Finding::AsRecorded) => w.as_recorded(),
        (_, Finding::Reversed) => w.reversed(),
        (Field::Silent, Finding::Open) => w.open_then(),
        (Field::Silent, _) => w.closed_then(),
        (_, Finding::Open) => w.open_before(),
        (_, Finding::Closed) => w.closed_before(),
    }
}
