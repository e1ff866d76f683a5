//! Loading a part of the page that is not here yet (a chunk of the split build, `texts.bin`): the
//! one loader UI of the page. While it is on its way a line says so; if it does not arrive, a
//! message with a Retry button (never a panic). The first screen uses [`load`]; the Leptos parts'
//! `Deferred` draws its lines with [`status_line`], so the sentences and the test ids
//! (`chunk-loading`, `chunk-error`, `chunk-retry`, `data-part`) are written once.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use hutong_core::Lang;
use web_sys::Element;

use crate::html::{el, text_el};
use crate::i18n::strings;

/// A part did not arrive (offline, a failed request, a server that lost the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

/// A part on its way: its entry once it is here.
pub type Loading<T> = Pin<Box<dyn Future<Output = Result<T, ChunkError>>>>;

/// Polls a future once: its value if it is ready now (a build that is not split has every part
/// at once).
pub fn now<F: Future + ?Sized>(f: Pin<&mut F>) -> Option<F::Output> {
    match f.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

/// Runs `ready` with a part's entry once `load` has given it: at once when it is already here (a
/// build that is not split), else when it arrives, with a line in `place` meanwhile and, if it
/// does not arrive, a message with a retry button (the parts' `Deferred` draws the same lines).
pub fn load<T: 'static>(
    load: fn() -> Loading<T>,
    what: [&'static str; 2],
    lang: Lang,
    place: &Element,
    ready: Box<dyn FnOnce(T)>,
) {
    let mut fut = load();
    let status = el("div", &[], Some(place));
    match now(fut.as_mut()) {
        Some(Ok(entry)) => {
            status.remove();
            ready(entry);
        }
        Some(Err(ChunkError)) => failed(status, load, what, lang, place, ready),
        None => {
            status_line(&status, false, what, lang);
            let place = place.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match fut.await {
                    Ok(entry) => {
                        status.remove();
                        ready(entry);
                    }
                    Err(ChunkError) => failed(status, load, what, lang, &place, ready),
                }
            });
        }
    }
}

/// The failure message in `status`, whose Retry loads the part again.
fn failed<T: 'static>(
    status: Element,
    load: fn() -> Loading<T>,
    what: [&'static str; 2],
    lang: Lang,
    place: &Element,
    ready: Box<dyn FnOnce(T)>,
) {
    status_line(&status, true, what, lang);
    let Some(retry) = status.query_selector("[data-testid=chunk-retry]").ok().flatten() else { return };
    let once = std::cell::Cell::new(Some(ready));
    let place = place.clone();
    crate::html::on(
        retry.as_ref(),
        "click",
        Box::new(move |_| {
            if let Some(ready) = once.take() {
                status.remove();
                self::load(load, what, lang, &place, ready);
            }
        }),
    );
}

/// The line shown while a part is on its way, or (`failed`) the message with a retry button.
pub fn status_line(status: &Element, failed: bool, what: [&'static str; 2], lang: Lang) {
    crate::html::clear(status);
    let part = what[1];
    let (s, name) = (strings(lang), crate::i18n::in_lang(what, lang));
    if !failed {
        let text = s.loading().replace("{part}", name);
        text_el(
            "p",
            &[("class", "chunk-loading"), ("role", "status"), ("data-testid", "chunk-loading"), ("data-part", part)],
            &text,
            status,
        );
        return;
    }
    let (text, label) = (s.load_failed().replace("{part}", name), s.retry());
    let div = el(
        "div",
        &[("class", "chunk-error"), ("role", "alert"), ("data-testid", "chunk-error"), ("data-part", part)],
        Some(status),
    );
    text_el("p", &[], &text, &div);
    text_el("button", &[("class", "small"), ("data-testid", "chunk-retry")], label, &div);
}
