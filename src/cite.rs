//! "Cite this": an event, the journey answer the explorer shows, or the current view, as BibTeX,
//! CSL-JSON and RIS (`hutong_core::cite`), each with a Copy button. Every citation is pinned to the
//! dataset version, its licence, the permalink (the address the page writes for the view) and the
//! day it was read (today, from the browser's clock: the core never reads one).
//!
//! The words of a journey's title and note are built here from the model's answer
//! ([`journey_work`]); the model decides the verdict, this only says it. Lives in the lazily loaded
//! parts (the `rest` part: the search, the details, the footer).

use chrono::NaiveDate;
use hutong_core::cite::{self as core_cite, Pin, Work};
use hutong_core::route::{Answer, Model};
use hutong_core::{Dataset, Lang};
use leptos::prelude::*;

use crate::explorer::{answer_text, journey_question, journey_words};
use crate::fmt;
use crate::i18n::{explorer_strings, tool_strings};
use crate::state::{use_ctx, Ctx};
use crate::url::{self, ViewState};

/// What a "Cite this" button cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The event whose details are open.
    Event,
    /// The journey answer the explorer shows (with its switched-off events, if any).
    Journey,
    /// The whole view: the page as its link restores it.
    View,
}

impl Subject {
    /// The `data-testid` of its button and the `data-cite` of its panel.
    pub fn id(self) -> &'static str {
        match self {
            Subject::Event => "event",
            Subject::Journey => "journey",
            Subject::View => "view",
        }
    }
}

/// The three forms, in the order they are shown: name, `data-testid` of the text, and the writer.
const FORMATS: [(&str, &str, fn(&Work, &Pin) -> String); 3] = [
    ("BibTeX", "cite-bibtex", core_cite::bibtex),
    ("CSL-JSON", "cite-csl", core_cite::csl_json),
    ("RIS", "cite-ris", core_cite::ris),
];

/// "Dataset version 2026.12.1 · licence CC-BY-4.0": the citation line of exports and panels.
pub fn dataset_line(data: &Dataset, lang: Lang) -> String {
    let t = tool_strings(lang);
    let mut line = format!("{} {}", t.dataset_version(), data.version);
    if let Some(licence) = &data.licence {
        line.push_str(&format!(" · {} {licence}", t.licence()));
    }
    line
}

/// The journey's answer as a work: the explorer's question and the verdict's words (with how a
/// decided one is known: stated, or inferred and by which rules) as its title, the events that
/// decide its best route as the note.
pub fn journey_work(data: &Dataset, view: &ViewState, answer: &Answer, lang: Lang) -> Work {
    let t = tool_strings(lang);
    let e = explorer_strings(lang);
    let mut title = journey_question(data, view, lang);
    title.push_str(&format!(
        "{}{}{}",
        crate::i18n::strings(lang).word_space(),
        e.verdict(),
        crate::i18n::strings(lang).colon()
    ));
    title.push_str(&answer_text(answer.verdict, answer.grounds().as_ref(), lang));
    if !view.off.is_empty() {
        let off: Vec<String> =
            view.off.iter().map(|id| data.event(id).map_or(id.clone(), |ev| ev.title.get(lang).to_string())).collect();
        title.push_str(&t.journey_off().replace("{events}", &off.join(crate::i18n::strings(lang).list_sep())));
    }
    // The best route of each hop, as the explorer shows it first: its steps' events, in order.
    let mut deciding: Vec<usize> = Vec::new();
    for hop in [&answer.reach, &answer.pay] {
        for step in hop.routes.first().iter().flat_map(|r| &r.steps) {
            for basis in &step.basis {
                if !deciding.contains(&basis.event) {
                    deciding.push(basis.event);
                }
            }
        }
    }
    let events: Vec<String> = deciding
        .iter()
        .filter_map(|&i| data.events.get(i))
        .map(|ev| {
            let outlet = data.source(&ev.cite.source).map(|s| format!(" ({})", s.outlet.get(lang))).unwrap_or_default();
            format!("{} {}{outlet}", fmt::date(&ev.date, lang), ev.title.get(lang))
        })
        .collect();
    let note =
        if events.is_empty() { t.no_deciding().to_string() } else { format!("{}{}", t.deciding(), events.join("; ")) };
    Work {
        key: key(&format!("hutong-journey-{}-{}-{}-{}", view.from, view.shop, view.pay, fmt::iso(view.date))),
        title,
        note: Some(note),
    }
}

/// The view as a work: the site's title, and what the view shows as the note.
pub fn view_work(data: &Dataset, view: &ViewState, lang: Lang) -> Work {
    let t = tool_strings(lang);
    let mut parts = vec![journey_words(t.view_journey(), data, view, lang)];
    if let Some(event) = view.event.as_deref().and_then(|id| data.event(id)) {
        parts.push(format!("{}{}{}", t.view_event(), crate::i18n::strings(lang).colon(), event.title.get(lang)));
    }
    if !view.q.is_empty() {
        parts.push(format!("{}{}“{}”", t.view_search(), crate::i18n::strings(lang).colon(), view.q));
    }
    Work {
        key: key(&format!("hutong-view-{}", fmt::iso(view.date))),
        title: t.view_title().to_string(),
        note: Some(parts.join("; ")),
    }
}

/// A citation key: ASCII letters, digits and dashes only.
fn key(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

/// Today in the reader's time zone (the access date of a citation).
pub fn today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}

/// The address of a view: this page with the query the app writes for it, which is what
/// `location.href` is once the URL has followed the view (`page.rs`, `follow_url`), read here without
/// depending on which of the two updates runs first. `synthetic`, written beside the view, is kept.
pub fn permalink(view: &ViewState) -> String {
    let location = window().location();
    let mut address = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        url::to_query(view)
    );
    let search = location.search().unwrap_or_default();
    if let Some((_, n)) =
        form_urlencoded::parse(search.trim_start_matches('?').as_bytes()).find(|(k, _)| k == "synthetic")
    {
        address.push_str(&format!("&synthetic={n}"));
    }
    address
}

/// The work a subject cites in the current view; `None` when there is nothing to cite (no event
/// open).
fn work_of(ctx: Ctx, subject: Subject, data: &Dataset, view: &ViewState, lang: Lang) -> Option<Work> {
    match subject {
        Subject::Event => {
            view.event.as_deref().and_then(|id| data.event(id)).map(|e| core_cite::event_work(data, e, lang))
        }
        Subject::Journey => {
            let off = view.off_set(data);
            let answer = if off.is_empty() {
                ctx.actual.get().0.answer(view.date, &view.journey())
            } else {
                Model::new(data, &off).answer(view.date, &view.journey())
            };
            Some(journey_work(data, view, &answer, lang))
        }
        Subject::View => Some(view_work(data, view, lang)),
    }
}

/// The view's "Cite this", with the dataset's licence beside it (the page's footer).
#[component]
pub fn CiteView() -> impl IntoView {
    let ctx = use_ctx();
    let licence = move || {
        let t = tool_strings(ctx.lang());
        ctx.data.with(|d| d.licence.as_ref().map(|l| format!("{}{l}", t.licence_label())))
    };
    view! {
        <p class="muted" data-testid="licence">{licence}</p>
        <Cite subject=Subject::View />
    }
}

/// A "Cite this" button and, when open, the citation in three forms with a Copy button each and a
/// status line. Public hooks: the button's `data-testid` is `cite-<subject>`; the panel is
/// `data-testid="cite-panel"` with `data-cite`, its texts `cite-bibtex`, `cite-csl`, `cite-ris`, the
/// Copy buttons `cite-copy` (with `data-format`), the status line `cite-status`.
#[component]
pub fn Cite(
    subject: Subject,
    /// The panel alone, open: its button is the first screen's (the journey's "Cite this answer",
    /// which opens and closes it and fetches this chunk only when first pressed).
    #[prop(optional)]
    panel_only: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let open = RwSignal::new(panel_only);
    // What the last Copy did: the format's name and whether the clipboard took it.
    let status = RwSignal::new(None::<(&'static str, bool)>);
    let panel_id = format!("cite-panel-{}", subject.id());
    // Built only while open, and again when the view or the language changes meanwhile.
    let texts = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let lang = ctx.lang();
        let data = ctx.data.get();
        let view = ctx.view.get();
        let work = work_of(ctx, subject, &data, &view, lang)?;
        let pin = Pin::of(&data, &permalink(&view), today()?);
        Some((FORMATS.map(|(_, _, write)| write(&work, &pin)), pin.accessed))
    });
    let label = move || {
        let t = tool_strings(ctx.lang());
        match subject {
            Subject::Event => t.cite_event(),
            Subject::Journey => t.cite_journey(),
            Subject::View => t.cite_view(),
        }
    };
    let panel_for_button = panel_id.clone();
    let button = (!panel_only).then(|| {
        view! {
            <button
                class="small cite-button"
                data-testid=format!("cite-{}", subject.id())
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=panel_for_button
                on:click=move |_| {
                    status.set(None);
                    open.update(|o| *o = !*o);
                }
            >
                "❝ "{label}
            </button>
        }
    });
    // The panel alone goes into the first screen's citation box, after its button.
    let class = if panel_only { "slot".to_string() } else { format!("citation citation-{}", subject.id()) };
    view! {
        <div class=class>
            {button}
            <Show when=move || open.get()>
                <div class="cite-panel" id=panel_id.clone() data-testid="cite-panel" data-cite=subject.id() role="group" aria-label=label>
                    {move || {
                        let lang = ctx.lang();
                        let t = tool_strings(lang);
                        let Some((texts, accessed)) = texts.get() else {
                            return view! { <p class="muted">{t.nothing_to_cite()}</p> }.into_any();
                        };
                        // Each part of the line on one line of its own: "CC-BY-4.0" is not cut at its dashes.
                        let mut parts = ctx.data.with(|d| dataset_line(d, lang)).split(" · ").map(str::to_string).collect::<Vec<_>>();
                        parts.push(format!("{} {}", t.accessed(), fmt::iso(accessed)));
                        let line = parts.into_iter().enumerate().map(|(i, part)| view! {
                            {(i > 0).then_some(" · ")}<span class="nowrap">{part}</span>
                        }).collect_view();
                        let forms = FORMATS.iter().zip(texts).map(|(&(format, testid, _), text)| {
                            let pre = NodeRef::<leptos::html::Pre>::new();
                            let copied = text.clone();
                            view! {
                                <div class="cite-format">
                                    <div class="cite-format-head">
                                        <span class="cite-format-name">{format}</span>
                                        <button class="small" data-testid="cite-copy" data-format=testid.trim_start_matches("cite-")
                                            on:click=move |_| copy(copied.clone(), pre, format, status)>
                                            {t.copy()}" "{format}
                                        </button>
                                    </div>
                                    <pre data-testid=testid node_ref=pre tabindex="0" aria-label=format>{text}</pre>
                                </div>
                            }
                        }).collect_view();
                        view! {
                            <p class="cite-pin muted" data-testid="cite-pin">
                                {line}
                            </p>
                            {forms}
                        }.into_any()
                    }}
                    <p class=move || if status.get().is_some_and(|s| !s.1) { "cite-status fallback" } else { "cite-status" } role="status" data-testid="cite-status">
                        {move || {
                            let t = tool_strings(ctx.lang());
                            status.get().map(|(format, ok)| {
                                if ok { t.copied().replace("{f}", format) } else { t.copy_fallback().replace("{f}", format) }
                            })
                        }}
                    </p>
                </div>
            </Show>
        </div>
    }
}

/// Copies `text` to the clipboard; where the clipboard is missing or refuses, selects the text in
/// `pre` so that Ctrl+C (⌘C) copies it, and says so.
fn copy(
    text: String,
    pre: NodeRef<leptos::html::Pre>,
    format: &'static str,
    status: RwSignal<Option<(&'static str, bool)>>,
) {
    let fallback = move || {
        if let Some(pre) = pre.get_untracked() {
            select_contents(&pre);
        }
        let _ = status.try_set(Some((format, false)));
    };
    match crate::html::clipboard_write(&text) {
        Some(promise) => leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                let _ = status.try_set(Some((format, true)));
            } else {
                fallback();
            }
        }),
        None => fallback(),
    }
}

/// Selects everything inside an element (`getSelection().selectAllChildren(el)`), called by name
/// so that no further web-sys bindings are needed.
fn select_contents(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(selection) = js_sys::Reflect::get(&window(), &"getSelection".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>().map_err(Into::into))
        .and_then(|f| f.call0(&window()))
    else {
        return;
    };
    if let Ok(select) = js_sys::Reflect::get(&selection, &"selectAllChildren".into()) {
        if let Ok(select) = select.dyn_into::<js_sys::Function>() {
            let _ = select.call1(&selection, el);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journey_is_titled_by_its_question_and_verdict_and_noted_by_its_deciding_events() {
        let data = hutong_core::embedded::dataset();
        let mut view = ViewState::default_for(&data);
        view.date = hutong_core::date::parse_day("2014-06-01").unwrap();
        view.from = "wechat-group".into();
        view.shop = "taobao".into();
        view.pay = "alipay".into();
        let model = Model::new(&data, &Default::default());
        let answer = model.answer(view.date, &view.journey());
        let work = journey_work(&data, &view, &answer, Lang::En);
        assert!(work.title.starts_with("On 1 Jun 2014, can a shopper who meets an offer on "), "{}", work.title);
        assert!(
            work.title.ends_with(&answer_text(answer.verdict, answer.grounds().as_ref(), Lang::En)),
            "{}",
            work.title
        );
        let note = work.note.unwrap();
        assert!(note.starts_with("Deciding events: "), "{note}");
        for i in answer.reach.routes[0].steps.iter().flat_map(|s| s.basis.iter().map(|b| b.event)) {
            assert!(note.contains(data.events[i].title.en.as_str()), "{note}");
        }
        assert_eq!(work.key, "hutong-journey-wechat-group-taobao-alipay-2014-06-01");
        // A counterfactual says so in its title.
        view.off = vec!["taobao-links-blocked-in-wechat".into()];
        let answer = Model::new(&data, &view.off_set(&data)).answer(view.date, &view.journey());
        let zh = journey_work(&data, &view, &answer, Lang::Zh);
        assert!(zh.title.contains("反事实"), "{}", zh.title);
    }

    #[test]
    fn a_decided_journey_says_how_it_is_known_in_its_title() {
        let data = hutong_core::embedded::dataset();
        let model = Model::new(&data, &Default::default());
        let mut view = ViewState::default_for(&data);
        // The first stated answer, and the first inferred one that persists, on a 1 June.
        let find = |stated: bool| {
            (2010..2026)
                .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, 6, 1))
                .flat_map(|day| model.journeys().into_iter().map(move |j| (day, j)))
                .find_map(|(day, j)| {
                    let answer = model.answer(day, &j);
                    let g = answer.grounds()?;
                    (g.stated() == stated && (stated || g.confirmed.is_some())).then_some((day, j, answer))
                })
        };
        for stated in [true, false] {
            let (day, journey, answer) = find(stated).expect("such an answer");
            view.date = day;
            (view.from, view.shop, view.pay) = (journey.surface, journey.merchant, journey.instrument);
            let en = journey_work(&data, &view, &answer, Lang::En).title;
            let zh = journey_work(&data, &view, &answer, Lang::Zh).title;
            if stated {
                assert!(en.ends_with(" — stated"), "{en}");
                assert!(zh.ends_with(" — 原文所述"), "{zh}");
            } else {
                assert!(en.contains(" — inferred: ") && en.contains("persists; last confirmed "), "{en}");
                assert!(zh.contains(" — 推断：") && zh.contains("延续；最后证实于"), "{zh}");
            }
        }
    }

    #[test]
    fn a_view_names_its_journey_event_and_search() {
        let data = hutong_core::embedded::dataset();
        let view = ViewState {
            event: Some("alipay-bans-wechat-merchants".into()),
            q: "淘宝".into(),
            ..ViewState::default_for(&data)
        };
        let work = view_work(&data, &view, Lang::En);
        let note = work.note.unwrap();
        assert!(note.contains("1 Jun 2020") && note.contains("“淘宝”"), "{note}");
        assert!(note.contains(data.event("alipay-bans-wechat-merchants").unwrap().title.en.as_str()), "{note}");
        assert!(work.key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'), "{}", work.key);
    }

    #[test]
    fn the_dataset_line_carries_version_and_licence() {
        let data = hutong_core::embedded::dataset();
        let line = dataset_line(&data, Lang::En);
        assert_eq!(line, format!("Dataset version {} · licence CC-BY-4.0", data.version));
        assert!(dataset_line(&data, Lang::Zh).contains("许可 CC-BY-4.0"));
        let unlicensed = Dataset { licence: None, ..data };
        assert!(!dataset_line(&unlicensed, Lang::En).contains("licence"));
    }
}
