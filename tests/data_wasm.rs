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
