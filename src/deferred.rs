//! Parts drawn later: [`Deferred`] draws a part once its chunk is here (the loader's lines
//! meanwhile, and its message with Retry if the chunk does not arrive), [`WhenNear`] once its place
//! nears the viewport.

use std::sync::Arc;

use hutong_core::Lang;
use hutong_page::loader::{now, Loading};
use leptos::prelude::*;

#[derive(Clone, Copy)]
enum State<T> {
    Loading,
    Failed,
    Ready(T),
}

/// Shows `render(entry)` once the chunk's `load` has given its entry; a loading line until then,
/// and a message with a retry button if it fails. `what` names the part in those lines (Chinese,
/// English).
#[component]
pub fn Deferred<T, V>(
    load: fn() -> Loading<T>,
    render: impl Fn(T) -> V + Send + 'static,
    what: [&'static str; 2],
    /// The language of the lines, when there is no `Ctx` yet (the saved import's loading).
    #[prop(optional)]
    lang: Option<Lang>,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = RwSignal::new(State::Loading);
    let attempt = move || {
        let mut fut = load();
        match now(fut.as_mut()) {
            Some(Ok(entry)) => state.set(State::Ready(entry)),
            Some(Err(_)) => state.set(State::Failed),
            None => {
                state.set(State::Loading);
                leptos::task::spawn_local(async move {
                    let next = match fut.await {
                        Ok(entry) => State::Ready(entry),
                        Err(_) => State::Failed,
                    };
                    // The page may have been rebuilt meanwhile: then this part is gone.
                    let _ = state.try_set(next);
                });
            }
        }
    };
    attempt();
    let lang = part_lang(lang);
    // Only the loading itself depends on the chunk: the lines around it are built by one function
    // that every `Deferred` shares (generic, they were a copy of their views per chunk in the
    // first screen's module).
    let retry: Arc<dyn Fn() + Send + Sync> = Arc::new(attempt);
    move || match state.get() {
        State::Ready(entry) => untrack(|| render(entry)).into_any(),
        State::Loading => status_view(false, what, lang, retry.clone()),
        State::Failed => status_view(true, what, lang, retry.clone()),
    }
}

/// The language of a part's lines: the one given, else the page's.
fn part_lang(lang: Option<Lang>) -> Signal<Lang> {
    Signal::derive(move || lang.or_else(|| use_context::<crate::state::Ctx>().map(|c| c.lang())).unwrap_or_default())
}

/// The line shown while a part is on its way, or (`failed`) the message with a retry button:
/// the first screen's own lines (`hutong_page::loader::status_line`), in the page's language.
fn status_view(
    failed: bool,
    what: [&'static str; 2],
    lang: Signal<Lang>,
    retry: Arc<dyn Fn() + Send + Sync>,
) -> AnyView {
    let place = NodeRef::<leptos::html::Div>::new();
    // Drawing into an element of this view (not page state): again when the language changes.
    Effect::new(move |_| {
        let lang = lang.get();
        let Some(place) = place.get() else { return };
        hutong_page::loader::status_line(&place, failed, what, lang);
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if hutong_page::html::closest(&ev, "[data-testid=chunk-retry]").is_some() {
            retry();
        }
    };
    view! { <div class="slot" node_ref=place on:click=on_click></div> }.into_any()
}

/// Renders `children` once its place on the page comes near the viewport (within a screen's
/// height), or at once when `now` is true (an unstaged page: the component tests) or `wanted`
/// becomes true (a link that opens an event needs the part that shows it). Until then an empty
/// placeholder of `min_height` holds the place, so what is below does not jump when it arrives.
///
/// This is what "loaded when first needed" means for the parts below the first screen: a reader who
/// never scrolls to the simulation never downloads or runs it.
///
/// A part once shown stays shown when the page is rebuilt (an import replaces the dataset): its
/// code is already here, and the reader was already reading it.
#[component]
pub fn WhenNear(
    /// Which part: remembers that it has been shown.
    key: &'static str,
    now: bool,
    #[prop(optional, into)] wanted: Option<Signal<bool>>,
    /// The placeholder's CSS min-height, e.g. `"40rem"`.
    min_height: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    thread_local! {
        static SHOWN: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let near = RwSignal::new(now || SHOWN.with(|s| s.borrow().contains(&key)));
    Effect::new(move |_| {
        if near.get() {
            SHOWN.with(|s| s.borrow_mut().push(key));
        }
    });
    if let Some(wanted) = wanted {
        Effect::new(move |_| {
            // Only a change: setting `near` again re-runs the view below and rebuilds the whole
            // part (a click on a timeline mark rebuilt the timeline and lost the keyboard focus).
            if wanted.get() && !near.get_untracked() {
                near.set(true);
            }
        });
    }
    let placeholder = NodeRef::<leptos::html::Div>::new();
    // Observe the placeholder; disconnect once it has been seen (or the part is gone).
    Effect::new(move |_| {
        use wasm_bindgen::{closure::Closure, JsCast};
        if near.get_untracked() {
            return;
        }
        let Some(el) = placeholder.get() else { return };
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let seen =
                    entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                if seen {
                    observer.disconnect();
                    let _ = near.try_set(true);
                }
            },
        );
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin("100% 0px");
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
        {
            // It disconnects itself once the place is seen; a place removed unseen (the page rebuilt
            // for another dataset) is never intersecting again, so its callback stays idle.
            observer.observe(&el);
        } else {
            near.set(true); // no IntersectionObserver: load now
        }
        callback.forget();
    });
    move || {
        if near.get() {
            children().into_any()
        } else {
            view! { <div class="near-placeholder" node_ref=placeholder style:min-height=min_height></div> }.into_any()
        }
    }
}
