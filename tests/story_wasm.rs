//! Stories, the theme switch and the evidence sheet in headless Chromium: a story link opens its
//! step and the view with it, the buttons and the arrow keys step it, a bad link gives a notice and
//! no story; the theme switch sets `<html data-theme>`; the sheet says what the model says.
#![cfg(target_arch = "wasm32")]

mod common;

use std::sync::Arc;

use common::{choose_files, count_of, find, fire, mount, sleep, text, wait_for};
use hutong::state::Ctx;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn key(el: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

fn click(root: &Element, selector: &str) {
    find(root, selector).unwrap_or_else(|| panic!("no {selector}")).unchecked_into::<HtmlElement>().click();
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    find(root, selector).and_then(|e| e.get_attribute(name))
}

/// The view as the page shows it: the story's step, the journey's day, the open event, the
/// playhead.
fn shown(root: &Element) -> (String, String, String, String) {
    let date: HtmlInputElement = find(root, "[data-testid=date-input]").unwrap().unchecked_into();
    (
        attr(root, "[data-testid=story]", "data-step").unwrap_or_default(),
        date.value(),
        attr(root, "[data-testid=event-details]", "data-event-id").unwrap_or_default(),
        attr(root, "[data-testid=playhead]", "data-date").unwrap_or_default(),
    )
}

/// [`shown`] once it is `want`, or after 2 s: the event's details and the network's playhead out
/// of view follow a change after the page has painted (`Ctx::following`, `store::subscribe_seen`),
/// which a loaded machine may take longer than `settle` to reach.
async fn shown_as(root: &Element, want: (&str, &str, &str, &str)) -> (String, String, String, String) {
    let want = (want.0.to_string(), want.1.to_string(), want.2.to_string(), want.3.to_string());
    for _ in 0..100 {
        if shown(root) == want {
            break;
        }
        sleep(20).await;
    }
    shown(root)
}

async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
    sleep(20).await;
}

#[wasm_bindgen_test]
async fn a_story_link_opens_its_step_and_the_buttons_and_arrow_keys_step_it() {
    let root = mount("?lang=en&story=walls-and-reconnection&step=3");
    settle().await;
    let want = ("3", "2014-02-18", "alipay-bans-wechat-merchants", "2014-02-18");
    let got = shown_as(&root, want).await;
    assert_eq!((got.0.as_str(), got.1.as_str(), got.2.as_str(), got.3.as_str()), want);
    assert_eq!(text(&root, "[data-testid=story-position]"), "Step 3 of 9");
    assert!(text(&root, "[data-testid=story-caption]").starts_with("13 February 2014: the payment war."));
    assert!(text(&root, "[data-testid=story]").contains("From walls to reconnection, 2013–2024"));
    // The step's journey is the explorer's.
    assert_eq!(attr(&root, "[data-testid=verdict]", "data-verdict").as_deref(), Some("undecided"));

    click(&root, "[data-testid=story-next]");
    settle().await;
    let want = ("4", "2014-10-01", "wechat-pay-drops-deposit", "2014-10-01");
    let got = shown_as(&root, want).await;
    assert_eq!((got.0.as_str(), got.1.as_str(), got.2.as_str(), got.3.as_str()), want);

    // The arrow keys, with the focus in the story.
    let next: HtmlElement = find(&root, "[data-testid=story-next]").unwrap().unchecked_into();
    next.focus().unwrap();
    key(&next, "ArrowRight");
    settle().await;
    assert_eq!(shown(&root).0, "5");
    key(&next, "ArrowLeft");
    key(&next, "ArrowLeft");
    settle().await;
    assert_eq!(shown(&root).0, "3");
    // Outside the story the arrow keys are the playback's, not the story's.
    key(&find(&root, "[data-testid=play]").unwrap(), "ArrowRight");
    settle().await;
    assert_eq!(shown(&root).0, "3");

    // Step 8 is a counterfactual: its event is switched off.
    for _ in 0..5 {
        key(&next, "ArrowRight");
    }
    settle().await;
    assert_eq!(shown(&root).0, "8");
    assert_eq!(attr(&root, "[data-testid=off-list] li", "data-event-id").as_deref(), Some("wechat-group-chat-links"));
    // The last step: Next does nothing (and keeps the focus, so the keys still work).
    key(&next, "ArrowRight");
    key(&next, "ArrowRight");
    settle().await;
    assert_eq!(shown(&root).0, "9");
    assert_eq!(attr(&root, "[data-testid=story-next]", "aria-disabled").as_deref(), Some("true"));
    assert!(find(&root, "[data-testid=off-list] li").is_none(), "step 9 switches nothing off");

    click(&root, "[data-testid=story-leave]");
    settle().await;
    assert!(find(&root, "[data-testid=story]").is_none());
    // Leaving keeps the view it was at.
    assert_eq!(shown(&root).1, "2024-10-01");
}

#[wasm_bindgen_test]
async fn a_story_is_started_from_the_toolbar_at_its_first_step() {
    let root = mount("?lang=zh");
    settle().await;
    assert!(find(&root, "[data-testid=story]").is_none());
    click(&root, "[data-testid=story-start][data-story=walls-and-reconnection]");
    settle().await;
    assert_eq!(shown(&root).0, "1");
    assert_eq!(text(&root, "[data-testid=story-position]"), "第 1 步，共 9 步");
    assert_eq!(attr(&root, "[data-testid=story-prev]", "aria-disabled").as_deref(), Some("true"));
    click(&root, "[data-testid=story-prev]");
    settle().await;
    assert_eq!(shown(&root).0, "1");
}

#[wasm_bindgen_test]
async fn an_unknown_story_or_a_step_past_the_end_gives_a_notice_and_no_story() {
    for (query, said) in [
        ("?lang=en&story=no-such-story&step=2", "story=no-such-story"),
        ("?lang=en&story=walls-and-reconnection&step=99", "step=99"),
    ] {
        let root = mount(query);
        settle().await;
        assert!(find(&root, "[data-testid=story]").is_none(), "{query}");
        assert!(text(&root, "[data-testid=url-notice]").contains(said), "{query}");
        // The page is there, at the link's (default) view.
        assert_eq!(shown(&root).1, "2020-06-01");
    }
}

#[wasm_bindgen_test]
async fn the_theme_switch_sets_the_theme_on_the_page() {
    let root = mount("?lang=en&theme=dark");
    settle().await;
    let html = document().document_element().unwrap();
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));
    let select: web_sys::HtmlSelectElement = find(&root, "[data-testid=theme-select]").unwrap().unchecked_into();
    assert_eq!(select.value(), "dark");
    select.set_value("contrast");
    fire(&select, "change");
    settle().await;
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("contrast"));
    select.set_value("auto");
    fire(&select, "change");
    settle().await;
    assert_eq!(html.get_attribute("data-theme"), None);
}

/// The sheet, mounted on its own over a view: it says what the model answers.
fn sheet(query: &str) -> Element {
    let document = document();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let data = Arc::new(hutong_core::embedded::dataset());
    let (view, notices) = hutong::url::parse(query, &data);
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        provide_context(Ctx::new(data, view, notices));
        view! { <hutong::evidence::EvidenceSheet /> }
    });
    handle.forget();
    container
}

#[wasm_bindgen_test]
async fn the_evidence_sheet_says_what_the_model_answers() {
    let query = "?lang=en&date=2016-01-01&from=wechat-group&shop=taobao&pay=alipay";
    let root = sheet(query);
    tick().await;
    let data = hutong_core::embedded::dataset();
    let (view, _) = hutong::url::parse(query, &data);
    let answer = hutong_core::route::Model::new(&data, &Default::default()).answer(view.date, &view.journey());
    assert!(text(&root, ".sheet-question").starts_with(
        "On 1 Jan 2016, can a shopper who meets an offer on WeChat group chat reach Taobao and pay with Alipay?"
    ));
    assert_eq!(attr(&root, "[data-testid=sheet-verdict]", "data-verdict").as_deref(), Some(answer.verdict.word().id()));
    // Every step of the best routes, each stated or inferred, and every event that decides them,
    // quoted (once) with its source and date.
    let best: Vec<_> =
        [&answer.reach, &answer.pay].iter().filter_map(|h| h.routes.first()).flat_map(|r| r.steps.clone()).collect();
    assert_eq!(count_of(&root, ".sheet-step") as usize, best.len());
    for (i, step) in best.iter().enumerate() {
        let el = root.query_selector_all(".sheet-step").unwrap().item(i as u32).unwrap().unchecked_into::<Element>();
        let ground = if step.stated() { "stated" } else { "inferred" };
        assert_eq!(el.get_attribute("data-ground").as_deref(), Some(ground));
        for b in &step.basis {
            let event = &data.events[b.event];
            let cited =
                el.query_selector(&format!("[data-event-id={}]", event.id)).unwrap().expect("each deciding event");
            assert!(cited.text_content().unwrap().contains(event.title.en.as_str()));
        }
    }
    let quotes = text(&root, ".evidence-sheet");
    for b in best.iter().flat_map(|s| &s.basis) {
        let event = &data.events[b.event];
        let quote = match (&event.before, b.role) {
            (Some(before), hutong_core::route::Role::Before) => &before.quote,
            _ => &event.cite.quote,
        };
        assert!(quotes.contains(quote.as_str()), "the quote of {}", event.id);
    }
    assert!(quotes.contains("Source: "));
    assert!(find(&root, "[data-testid=sheet-permalink]").is_some());
    assert!(text(&root, ".sheet-foot").contains(&data.version));
}

#[wasm_bindgen_test]
async fn the_sheet_says_how_a_decided_verdict_is_known() {
    let data = hutong_core::embedded::dataset();
    let model = hutong_core::route::Model::new(&data, &Default::default());
    for (query, ground, words) in [
        ("?lang=en&date=2022-04-01&from=taobao-app&shop=taobao&pay=wechat-pay", "stated", "Verdict: partly — stated"),
        ("?lang=zh&date=2022-04-01&from=wechat-group&shop=taobao&pay=alipay", "inferred", "结论: 直接可行 — 推断："),
    ] {
        let root = sheet(query);
        tick().await;
        let (view, _) = hutong::url::parse(query, &data);
        let grounds = model.answer(view.date, &view.journey()).grounds().expect("decided");
        assert_eq!(grounds.id(), ground, "the model says so");
        let line = find(&root, "[data-testid=sheet-verdict]").unwrap();
        assert_eq!(line.get_attribute("data-grounds").as_deref(), Some(ground));
        let said = line.text_content().unwrap();
        assert!(said.starts_with(words), "{said}");
        assert!(said.ends_with(&hutong::i18n::grounds_how(&grounds, view.lang)), "{said}");
        if ground == "inferred" {
            assert!(said.contains("延续") && said.contains("最后证实于"), "{said}");
        }
    }
    // Undecided: none.
    let root = sheet("?lang=en&date=2016-01-01&from=wechat-official-account&shop=wechat-shop&pay=alipay");
    tick().await;
    assert_eq!(find(&root, "[data-testid=sheet-verdict]").unwrap().get_attribute("data-grounds"), None);
}

#[wasm_bindgen_test]
async fn a_counterfactual_sheet_names_the_events_switched_off_and_the_actual_verdict() {
    let root = sheet("?lang=zh&date=2022-06-01&from=wechat-group&shop=taobao&pay=alipay&off=wechat-group-chat-links");
    tick().await;
    let off = text(&root, "[data-testid=sheet-off]");
    assert!(off.contains("微信群聊可直接打开淘宝等电商链接"), "{off}");
    assert!(off.contains("真实历史"), "{off}");
    // The actual history is decided: it says how it is known.
    assert!(off.contains("真实历史：直接可行 — 推断："), "{off}");
    assert_eq!(attr(&root, "[data-testid=sheet-verdict]", "data-verdict").as_deref(), Some("undecided"));
}

#[wasm_bindgen_test]
async fn a_reader_writes_a_story_its_problems_are_listed_where_they_are_and_a_good_one_is_told() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item(hutong::story::STORAGE_KEY).unwrap();
    let root = mount("?lang=en");
    settle().await;
    let input = find(&root, "[data-testid=import]").expect("file input");
    let bad = r#"{"stories": [
  {"id": "mine", "title": {"zh": "我的", "en": "Mine"}, "steps": [
    {"date": "2014-02-14", "from": "wechat-group", "shop": "mars", "pay": "alipay",
     "caption": {"zh": "一", "en": "one"}}
  ]}
]}"#;
    choose_files(&input, &[("mine.json", bad)]);
    let error = wait_for(&root, "[data-testid=import-error]").await;
    let said = error.text_content().unwrap();
    assert!(said.contains("mine.json, line 3"), "{said}");
    assert!(said.contains("item mine, field steps[0].shop"), "{said}");
    assert!(find(&root, "[data-testid=story-start][data-story=mine]").is_none());

    let good = bad.replace("\"mars\"", "\"taobao\"");
    choose_files(&input, &[("mine.json", &good)]);
    let status = wait_for(&root, "[data-testid=import-status][data-stories]").await;
    assert_eq!(status.get_attribute("data-stories").as_deref(), Some("1"));
    assert!(storage.get_item(hutong::story::STORAGE_KEY).unwrap().unwrap().contains("mine.json"));
    settle().await;
    click(&root, "[data-testid=story-start][data-story=mine]");
    settle().await;
    assert_eq!(text(&root, "[data-testid=story-caption]"), "one");
    assert_eq!(shown(&root).1, "2014-02-14");

    // Reset forgets it.
    click(&root, "[data-testid=reset-dataset]");
    settle().await;
    assert!(find(&root, "[data-testid=story-start][data-story=mine]").is_none());
    assert!(storage.get_item(hutong::story::STORAGE_KEY).unwrap().is_none());
}
