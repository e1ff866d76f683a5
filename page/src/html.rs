//! Plain DOM building for the first screen (no Leptos: see `store.rs`). A few non-generic helpers,
//! so that each element costs a call or two, not a copy of a generic builder.
//!
//! Text goes in as text nodes (`set_text_content`, `append_with_str_1`), never as markup: a
//! dataset's titles and quotes can never become elements.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

pub const SVG: &str = "http://www.w3.org/2000/svg";

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

pub fn document() -> Document {
    window().document().expect("a document")
}

/// A new element with these attributes, appended to `parent` when there is one.
pub fn el(tag: &str, attrs: &[(&str, &str)], parent: Option<&Element>) -> Element {
    let e = document().create_element(tag).expect("an element");
    finish(e, attrs, parent)
}

/// The same for SVG.
pub fn svg(tag: &str, attrs: &[(&str, &str)], parent: Option<&Element>) -> Element {
    let e = document().create_element_ns(Some(SVG), tag).expect("an SVG element");
    finish(e, attrs, parent)
}

fn finish(e: Element, attrs: &[(&str, &str)], parent: Option<&Element>) -> Element {
    for (name, value) in attrs {
        let _ = e.set_attribute(name, value);
    }
    if let Some(p) = parent {
        let _ = p.append_child(&e);
    }
    e
}

/// A new element with these attributes and this text, appended to `parent`.
pub fn text_el(tag: &str, attrs: &[(&str, &str)], text: &str, parent: &Element) -> Element {
    let e = el(tag, attrs, Some(parent));
    e.set_text_content(Some(text));
    e
}

/// Appends a text node.
pub fn text(parent: &Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}

pub fn set(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Sets an attribute only when it differs (a write of the same value still costs a style pass).
pub fn set_if(e: &Element, name: &str, value: &str) {
    if e.get_attribute(name).as_deref() != Some(value) {
        let _ = e.set_attribute(name, value);
    }
}

/// Sets the text only when it differs.
pub fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

pub fn clear(e: &Element) {
    e.set_text_content(None);
}

/// Listens for `event` on `target` for the page's life.
pub fn on(target: &web_sys::EventTarget, event: &str, f: Box<dyn FnMut(Event)>) {
    let closure = Closure::wrap(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The element an event started on, or its nearest ancestor, matching `selector`.
pub fn closest(ev: &Event, selector: &str) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()?.closest(selector).ok().flatten()
}

/// The value of the input or select an event came from.
pub fn value_of(ev: &Event) -> String {
    let Some(target) = ev.target() else { return String::new() };
    if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    target.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// Sets an input's or a select's value (a property, not the attribute) when it differs.
pub fn set_value(control: &Element, value: &str) {
    if let Some(select) = control.dyn_ref::<web_sys::HtmlSelectElement>() {
        if select.value() != value {
            select.set_value(value);
        }
    } else if let Some(input) = control.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.value() != value {
            input.set_value(value);
        }
    }
}

/// Runs `f` after `ms` milliseconds.
pub fn timeout(ms: i32, f: Box<dyn FnOnce()>) {
    let closure = Closure::once_into_js(f);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms);
}

/// Runs `f` in a task of its own once the browser has rendered its next frame: work that can wait
/// never delays the page's first paint.
pub fn after_next_frame(f: Box<dyn FnOnce()>) {
    let frame = Closure::once_into_js(move || timeout(0, f));
    let _ = window().request_animation_frame(frame.unchecked_ref());
}

/// Calls `f` every `ms` milliseconds until it returns false.
pub fn every(ms: i32, mut f: Box<dyn FnMut() -> bool>) {
    timeout(
        ms,
        Box::new(move || {
            if f() {
                every(ms, f);
            }
        }),
    );
}

/// Writes `text` to the clipboard: the write's promise, or `None` where there is no clipboard or it
/// refuses at once. Called by name, so that no further web-sys bindings are needed.
pub fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok();
    clipboard
        .filter(|c| !c.is_undefined() && !c.is_null())
        .and_then(|c| js_sys::Reflect::get(&c, &"writeText".into()).ok().map(|f| (c, f)))
        .and_then(|(c, f)| f.dyn_into::<js_sys::Function>().ok().map(|f| (c, f)))
        .and_then(|(c, f)| f.call1(&c, &text.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
}

/// Sets the tooltip of an SVG element: its `<title>` child, made when it has none.
pub fn set_svg_title(element: &web_sys::Element, text: &str) {
    let title = match element.query_selector(":scope > title").ok().flatten() {
        Some(title) => title,
        None => {
            let title = svg("title", &[], None);
            let _ = element.prepend_with_node_1(&title);
            title
        }
    };
    title.set_text_content(Some(text));
}

/// Elements built in one task when a long list is built in slices (the network's hover layer, the
/// timeline's marks), so that no task builds thousands of them (BENCHMARKS.md, Playback).
pub const SLICE: usize = 500;
