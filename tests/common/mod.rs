//! Helpers the browser test binaries share: mount the page with a URL's view, query and poke the DOM.
#![allow(dead_code)] // each test binary uses its own subset

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Mounts the page in a fresh container with the view a URL query would give.
pub fn mount(query: &str) -> Element {
    mount_with(hutong_core::embedded::dataset(), query)
}

/// Mounts the page over another dataset (a synthetic one, say): the first screen and every part,
/// at once (`page::mount`).
pub fn mount_with(data: hutong_core::Dataset, query: &str) -> Element {
    let document = document();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    hutong::mount(&container, data, query);
    container
}

pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub fn count_of(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

/// Dispatches a bubbling event of that type, as the browser does for a person's action.
pub fn fire(el: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

pub fn n_events() -> usize {
    hutong_core::embedded::dataset().events.len()
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Puts files in a file input as the picker would, and fires `change`.
pub fn choose_files(input: &Element, files: &[(&str, &str)]) {
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
pub async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        if let Some(el) = find(root, selector) {
            return el;
        }
        sleep(50).await;
    }
    panic!("{selector} never appeared");
}
