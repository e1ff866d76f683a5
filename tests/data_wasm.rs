//! The dataset panel in headless Chromium: a bad import changes nothing, a good one is used, saved
//! in localStorage and reset. Its own test binary (a page of its own): rebuilding a whole page on
//! a new dataset is heavy in a debug build, and the other component tests share one page.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{choose_files, count_of, find, mount, n_events, text, wait_for};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_import_with_problems_changes_nothing_and_a_good_one_is_used_saved_and_reset() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item(hutong::data::STORAGE_KEY).unwrap();
    let root = mount("?lang=en");
    tick().await;
    let input = find(&root, "[data-testid=import]").expect("file input");
    let header = "id,date,status,kind,actors,title_zh,title_en,summary_zh,summary_en,source,quote";
    choose_files(&input, &[("bad.csv", &format!("{header}\nx,2014-02-30,effective,open,taobao,t,t,s,s,nowhere,q\n"))]);
    let error = wait_for(&root, "[data-testid=import-error]").await;
    let said = error.text_content().unwrap();
    assert!(said.contains("bad.csv, row 2, column B, item x, field date"), "{said}");
    assert!(said.contains("`nowhere` is not in the sources list"), "{said}");
    assert_eq!(text(&root, "[data-testid=event-count]"), n_events().to_string());
    assert!(storage.get_item(hutong::data::STORAGE_KEY).unwrap().is_none());

    choose_files(
        &input,
        &[("good.csv", &format!("{header}\nx,2014-02-20,effective,open,taobao,t,t,s,s,huxiu-2014-02-18,q\n"))],
    );
    wait_for(&root, "[data-testid=import-status]").await;
    assert_eq!(text(&root, "[data-testid=event-count]"), "1");
    assert_eq!(count_of(&root, "[data-testid=event]"), 1);
    let saved = storage.get_item(hutong::data::STORAGE_KEY).unwrap().expect("saved");
    assert!(saved.contains("\"id\": \"x\""));

    let reset: HtmlElement = find(&root, "[data-testid=reset-dataset]").unwrap().unchecked_into();
    reset.click();
    tick().await;
    assert_eq!(text(&root, "[data-testid=event-count]"), n_events().to_string());
    assert!(storage.get_item(hutong::data::STORAGE_KEY).unwrap().is_none());
    assert!(reset.unchecked_ref::<web_sys::HtmlButtonElement>().disabled());
}

/// The editor (issue 23) opened on an event from its details: every column of the format has its
/// control, filled with the event's value; a bad date is shown at its field and blocks saving; put
/// right, the form checks clean.
#[wasm_bindgen_test]
async fn the_editor_has_every_field_of_the_format_and_places_a_problem_at_its_field() {
    use hutong_core::csv::EVENT_COLUMNS;
    use web_sys::{HtmlButtonElement, HtmlInputElement};
    let root = mount("?lang=en&event=taobao-shop-card");
    tick().await;
    let edit: HtmlElement = wait_for(&root, "[data-testid=details-edit]").await.unchecked_into();
    edit.click();
    wait_for(&root, "[data-testid=editor]").await;
    let data = hutong_core::embedded::dataset();
    let draft = hutong_core::edit::Draft::of(&data, "taobao-shop-card").unwrap();
    for column in EVENT_COLUMNS {
        let selector = match column {
            "effects" => "[data-testid=edit-effect-from]".to_string(),
            "uncertain" => "[data-testid=edit-uncertain]".to_string(),
            c => format!("[data-testid=edit-{c}]"),
        };
        let control = find(&root, &selector).unwrap_or_else(|| panic!("{column} has no control"));
        if !matches!(column, "effects" | "uncertain") {
            let value = js_sys::Reflect::get(&control, &"value".into()).unwrap().as_string().unwrap_or_default();
            assert_eq!(value, draft.get(column), "{column}");
        }
    }
    assert_eq!(count_of(&root, "[data-testid=edit-effect]"), 2, "one row per effect");
    let checked: Vec<String> = (0..count_of(&root, "[data-testid=edit-uncertain]"))
        .filter_map(|i| {
            let el: HtmlInputElement =
                root.query_selector_all("[data-testid=edit-uncertain]").unwrap().item(i)?.unchecked_into();
            el.checked().then(|| el.get_attribute("data-field").unwrap())
        })
        .collect();
    assert_eq!(checked, ["date", "effects"]);

    let date: HtmlInputElement = find(&root, "[data-testid=edit-date]").unwrap().unchecked_into();
    date.set_value("2019-13");
    common::fire(&date, "input");
    let line = wait_for(&root, "[data-testid=problem-date]:not([hidden])").await;
    assert!(line.text_content().unwrap().contains("2019-13"), "{:?}", line.text_content());
    assert_eq!(date.get_attribute("aria-invalid").as_deref(), Some("true"));
    let save: HtmlButtonElement = find(&root, "[data-testid=editor-save]").unwrap().unchecked_into();
    assert!(save.disabled());
    date.set_value("2019-03");
    common::fire(&date, "input");
    wait_for(&root, "[data-testid=editor-problems][data-count='0']").await;
    assert!(!save.disabled());
    assert!(find(&root, "[data-testid=problem-date][hidden]").is_some());
}
