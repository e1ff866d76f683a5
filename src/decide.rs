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
use crate::i18n::{channel_name, in_lang};
use crate::{fmt, store};

/// Fills `place` with the questions behind the view's answer (from the store).
pub fn fill(place: &Element) {
    clear(place);
    let (data, view) = (store::data(), store::view());
    let off = view.off_set(&data);
    let list = questions(&data, &off, view.date, &view.journey());
    if list.is_empty() {
        return;
    }
    let lang = view.lang;
    text_el("h3", &[], in_lang(HEADING, lang), place);
    text_el("p", &[("class", "muted")], in_lang(INTRO, lang), place);
    let ol = el("ol", &[("class", "questions")], Some(place));
    for q in &list {
        question(&ol, q, &data, view.date, lang);
    }
}

fn question(parent: &Element, q: &Question, data: &Dataset, day: chrono::NaiveDate, lang: Lang) {
    let event = q.event.and_then(|i| data.events.get(i));
    let li = el("li", &[("data-testid", "question"), ("data-field", q.field.id())], Some(parent));
    if let Some(e) = event {
        crate::html::set(&li, "data-event", &e.id);
    }
    let fill = |template: &str| {
        template
            .replace("{event}", &event.map_or(String::new(), |e| e.title.get(lang).to_string()))
            .replace("{date}", &event.map_or(String::new(), |e| fmt::date(&e.date, lang)))
            .replace("{day}", &fmt::day(day, lang))
            .replace("{channel}", channel_name(q.channel, lang))
            .replace("{from}", &name(data, &q.from, lang))
            .replace("{to}", &name(data, &q.to, lang))
    };
    let asked = match q.field {
        Field::Date => ASK_DATE,
        Field::Status => ASK_STATUS,
        Field::Direction => ASK_DIRECTION,
        Field::Before => ASK_BEFORE,
        Field::Silent => ASK_SILENT,
    };
    text_el("p", &[("class", "question")], &fill(in_lang(asked, lang)), &li);
    let answers = el("ul", &[("class", "answers")], Some(&li));
    for &(finding, verdict) in &q.outcomes {
        answer(&answers, finding, verdict, &fill(in_lang(finding_words(q.field, finding), lang)), lang);
    }
}

fn answer(parent: &Element, finding: Finding, verdict: Verdict, words: &str, lang: Lang) {
    let word = verdict.word();
    let li = el("li", &[("data-finding", finding.id()), ("data-verdict", word.id())], Some(parent));
    text_el("span", &[], &format!("{words}{}", if lang == Lang::Zh { "：" } else { ": " }), &li);
    text_el("span", &[("class", &format!("badge small badge-{}", word.id()))], &verdict_text(verdict, lang), &li);
}

fn finding_words(field: Field, finding: Finding) -> [&'static str; 2] {
    match (field, finding) {
        (Field::Status, Finding::ByTheDay) => ["已生效", "It had taken effect by {day}"],
        (Field::Status, _) => ["尚未生效", "It had not yet"],
        (_, Finding::ByTheDay) => ["有来源表明发生在{day}或之前", "A source dating it on or before {day}"],
        (_, Finding::AfterTheDay) => ["有来源表明发生在{day}之后", "A source dating it after {day}"],
        (_, Finding::AsRecorded) => ["{from} → {to}", "{from} → {to}"],
        (_, Finding::Reversed) => ["{to} → {from}", "{to} → {from}"],
        (Field::Silent, Finding::Open) => ["有来源表明{day}时是开放的", "A source saying it was open on {day}"],
        (Field::Silent, _) => ["有来源表明{day}时是关闭的", "A source saying it was closed then"],
        (_, Finding::Open) => ["之前是开放的", "It was open before"],
        (_, Finding::Closed) => ["之前是关闭的", "It was closed before"],
    }
}

const HEADING: [&str; 2] = ["什么能定下结论", "What would decide it"];
const INTRO: [&str; 2] = [
    "来源没有说清的事实，以及每种答案会让这条路径得出的结论（由模型把答案写入数据后重新计算）：",
    "The facts the sources leave open, and the verdict each answer would give this journey (the model's, with the answer written into the data):",
];
const ASK_DATE: [&str; 2] =
    ["“{event}”发生于何时？来源给出的日期是{date}。", "When did “{event}” happen? Its source dates it {date}."];
const ASK_STATUS: [&str; 2] =
    ["“{event}”（{date}宣布）到{day}时是否已经生效？", "Had “{event}”, announced {date}, taken effect by {day}?"];
const ASK_DIRECTION: [&str; 2] =
    ["“{event}”的方向是哪一边？来源没有说明。", "Which way does “{event}” run? Its source does not say."];
const ASK_BEFORE: [&str; 2] = [
    "在“{event}”（{date}）之前，从{from}到{to}的{channel}是什么状态？",
    "What was the {channel} from {from} to {to} before “{event}” ({date})?",
];
const ASK_SILENT: [&str; 2] =
    ["没有任何来源提到从{from}到{to}的{channel}。", "No source speaks of the {channel} from {from} to {to}."];
