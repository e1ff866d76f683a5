//! The dataset panel in headless Chromium: a bad import changes nothing, a good one is used, saved
//! in localStorage and reset. Its own test binary (a page of its own): rebuilding a whole page on
//! a new dataset is heavy in a debug build, and the other component tests share one page.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{count_of, find, fire, mount, n_events, sleep, text};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Puts files in a file input as the picker would, and fires `change`.
fn choose_files(input: &Element, files: &[(&str, &str)]) {
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&window(), &"DataTransfer".into()).unwrap().unchecked_into();
    let transfer = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).unwrap();
    let items = js_sys::Reflect::get(&transfer, &"items".into()).unwrap();
    let add: js_sys::Function = js_sys::Reflect::get(&items, &"add".into()).unwrap().unchecked_into();
    for (name, text) in files {
        let file = web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&(*text).into()), name).unwrap();
        add.call1(&items, &file).unwrap();
    }
    let list = js_sys::Reflect::get(&transfer, &"files".into()).unwrap();
    js_sys::Reflect::set(input, &"files".into(), &list).unwrap();
    fire(input, "change");
}

/// Waits (up to 5 s) until the selector matches.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        if let Some(el) = find(root, selector) {
            return el;
        }
        sleep(50).await;
    }
    panic!("{selector} never appeared");
}

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
