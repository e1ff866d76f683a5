//! The Leptos parts' view of the page's state (`store.rs`, the one source of truth): the dataset in
//! use and the view (which is also the URL), as read-only signals. Components get a small `Copy`
//! handle through context and change the page through the store; filtering is a plain function with
//! its own tests.

use std::sync::Arc;

use hutong_core::{Dataset, Event, Lang};
use leptos::prelude::*;

use hutong_page::url::{Notice, ViewState};

/// The Leptos parts' view of the store: read-only signals, set by one subscription to the store
/// (`from_store`), never written back. A part changes the page through the store, with the
/// methods below; each change is one store transaction, and every part and the first screen hear
/// of it once.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub data: ReadSignal<Arc<Dataset>>,
    /// The view; in a part out of view, a frame late ([`Ctx::following`]).
    pub view: ReadSignal<ViewState>,
    pub notices: ReadSignal<Vec<Notice>>,
    /// The playback's current day: it moves every frame while playing (the URL's `date` only when
    /// playback pauses); the network and the simulation's charts follow it.
    pub playhead: ReadSignal<chrono::NaiveDate>,
    /// Where the dataset in use came from.
    pub origin: ReadSignal<Origin>,
    /// The language alone, so the thousands of labels that read it are not woken by every other
    /// change of the view (a date written on pause re-subscribed each of them: 0.2 s of a frame).
    lang: Signal<Lang>,
    /// The routing model of the dataset in use with nothing switched off, built once per dataset
    /// and shared by the explorer and the network (with 10,000 events a build is a tenth of a second).
    pub actual: Memo<SharedModel>,
    /// The stories files the reader loaded in the dataset panel, `(file name, text)`: the story
    /// chunk reads them against the dataset in use, beside the embedded stories.
    pub story_files: ReadSignal<Vec<(String, String)>>,
    /// The view's write half, for the subscription alone (and [`Ctx::refresh_view`]).
    set_view: WriteSignal<ViewState>,
}

/// A routing model shared between memo runs and components; two are equal when they are the same
/// model.
#[derive(Clone)]
pub struct SharedModel(pub Arc<hutong_core::route::Model<'static>>);

impl PartialEq for SharedModel {
    fn eq(&self, other: &SharedModel) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

pub use hutong_page::store::Origin;

impl Ctx {
    /// Starts a page's store over `data` and `view` (`store::init`) and gives its `Ctx` (tests
    /// that mount a component on its own).
    pub fn new(data: Arc<Dataset>, view: ViewState, notices: Vec<Notice>) -> Ctx {
        hutong_page::store::init(data, view, Origin::Embedded);
        hutong_page::store::update(|s| s.notices = notices);
        Ctx::from_store()
    }

    /// The `Ctx` of the page in the store: its signals start as the store is and follow it, one
    /// subscription setting each signal whose part of the store changed (all of one transaction
    /// before any effect runs, so nothing sees a new dataset with an old view).
    pub fn from_store() -> Ctx {
        use hutong_page::store;
        let (d, v, p, o, n, f) = store::with(|s| {
            (Arc::clone(&s.data), s.view.clone(), s.playhead, s.origin, s.notices.clone(), s.story_files.clone())
        });
        let (data, set_data) = signal(d);
        let (view, set_view) = signal(v);
        let (playhead, set_playhead) = signal(p);
        let (origin, set_origin) = signal(o);
        let (notices, set_notices) = signal(n);
        let (story_files, set_story_files) = signal(f);
        store::subscribe(move |changed| {
            if changed.data {
                set_data.try_set(store::data());
            }
            if changed.texts {
                // Texts nothing built so far shows: the parts built after read them.
                set_data.try_update_untracked(|d| *d = store::data());
            }
            if changed.origin {
                set_origin.try_set(store::with(|s| s.origin));
            }
            if changed.notices {
                set_notices.try_set(store::with(|s| s.notices.clone()));
            }
            if changed.story_files {
                set_story_files.try_set(store::with(|s| s.story_files.clone()));
            }
            if changed.view {
                set_view.try_set(store::view());
            }
            if changed.playhead {
                set_playhead.try_set(store::playhead());
            }
        });
        Ctx {
            data,
            view,
            notices,
            playhead,
            origin,
            lang: Memo::new(move |_| view.with(|v| v.lang)).into(),
            // The store's model when it is the store's dataset (it is built once, for the first
            // screen); another only for a dataset the store does not have yet.
            actual: Memo::new(move |_| SharedModel(store::actual_for(&data.get()))),
            story_files,
            set_view,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The language, read without following it.
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// This `Ctx` for a part of the page in `place` (a slot): while none of the slot is in the
    /// viewport and the focus is not in it, the part follows a change of the view (the
    /// language, the journey, the event opened…) after the page has painted, in a task of its
    /// own, so that a change rewrites what the reader sees first and the parts below it later
    /// (issue 24: at 4x, a language switch's parts were 150 ms of its 260, and a story's start
    /// rebuilt the timeline's, the details' and the lists' views before its paint). A part in
    /// view follows at once.
    pub fn following(self, place: web_sys::Element) -> Ctx {
        let source = self.view;
        let view = RwSignal::new(source.get_untracked());
        let seen = Seen::watch(&place);
        Effect::new(move |_| {
            source.track();
            if seen.any() {
                let next = source.get_untracked();
                if view.with_untracked(|v| *v != next) {
                    view.set(next);
                }
            } else {
                hutong_page::html::after_next_frame(Box::new(move || {
                    // The latest view then: the changes of one frame are one update.
                    if let Some(next) = source.try_get_untracked() {
                        if view.try_with_untracked(|v| *v != next) == Some(true) {
                            let _ = view.try_set(next);
                        }
                    }
                }));
            }
        });
        let (read, write) = view.split();
        Ctx { view: read, lang: Memo::new(move |_| read.with(|v| v.lang)).into(), set_view: write, ..self }
    }

    /// Changes the view (one store transaction).
    pub fn update_view(self, f: impl FnOnce(&mut ViewState)) {
        hutong_page::store::update_view(f);
    }

    /// Any change to the page, as one store transaction.
    pub fn update(self, f: impl FnOnce(&mut crate::store::State)) {
        hutong_page::store::update(f);
    }

    pub fn set_playhead(self, day: chrono::NaiveDate) {
        hutong_page::store::set_playhead(day);
    }

    /// Draws the view again as it is (a field whose input was refused shows the view's value).
    pub fn refresh_view(self) {
        self.set_view.try_set(crate::store::view());
    }
}

/// Which elements are in the viewport: one `IntersectionObserver` for the page, which writes on
/// each element it watches what it last said of it (a property of the element, `hutongSeen`:
/// asking is one read, and the element takes its answer with it when it goes). Asked at a change
/// of the view, it reads no layout (a `getBoundingClientRect` there forced one, on content the
/// browser was skipping). An element it has not reported on yet counts as in view.
const SEEN: &str = "hutongSeen";

thread_local! {
    static WATCH: Option<web_sys::IntersectionObserver> = {
        use wasm_bindgen::{closure::Closure, JsCast};
        let on_view = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
            for entry in entries.iter().map(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>()) {
                let _ = js_sys::Reflect::set(&entry.target(), &SEEN.into(), &entry.is_intersecting().into());
            }
        });
        let observer = web_sys::IntersectionObserver::new(on_view.as_ref().unchecked_ref()).ok();
        on_view.forget();
        observer
    };
}

/// What the observer last said of `e`: `None` before it watches it.
fn said(e: &web_sys::Element) -> Option<bool> {
    js_sys::Reflect::get(e, &SEEN.into()).ok().and_then(|v| v.as_bool())
}

/// Watches `e` (once).
fn watch(e: &web_sys::Element) {
    if said(e).is_none() {
        WATCH.with(|w| {
            if let Some(observer) = w {
                observer.observe(e);
                let _ = js_sys::Reflect::set(e, &SEEN.into(), &true.into());
            }
        });
    }
}

/// Whether `e` is in the viewport (watched from now on), or holds the focus: a key pressed there
/// acts on what it shows, which must be the store's.
fn in_view(e: &web_sys::Element) -> bool {
    match said(e) {
        Some(false) => holds_focus(e),
        Some(true) => true,
        None => {
            watch(e);
            true
        }
    }
}

/// Whether the focus is inside `e` (`:focus-within`, which the browser keeps on the focused
/// element's ancestors; a `:focus` query walked the whole of a large part: 2–3 ms of a language
/// switch at 4x).
fn holds_focus(e: &web_sys::Element) -> bool {
    e.matches(":focus-within").unwrap_or(false)
}

/// Lets the first screen ask what is in the viewport (`store::in_view`): its regions are watched
/// from now on, so that the first change of the view already knows which are out of it.
pub fn install_seen() {
    if let Ok(regions) = hutong_page::html::document().query_selector_all("body > *, main > *") {
        for region in (0..regions.length()).filter_map(|i| regions.item(i)) {
            watch(wasm_bindgen::JsCast::unchecked_ref(&region));
        }
    }
    hutong_page::store::install_seen(in_view);
}

/// Whether any of a slot's elements is in the viewport or holds the focus ([`in_view`]; the slot
/// itself is `display: contents`, with no box to observe). Each element the slot holds is
/// watched, those a part adds later too (a `MutationObserver`).
struct Seen(web_sys::Element);

impl Seen {
    fn watch(slot: &web_sys::Element) -> Seen {
        use wasm_bindgen::{closure::Closure, JsCast};
        let observe = |slot: &web_sys::Element| {
            let children = slot.children();
            for child in (0..children.length()).filter_map(|i| children.item(i)) {
                watch(&child);
            }
        };
        observe(slot);
        let watched = slot.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || observe(&watched));
        if let Ok(mutations) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
            let init = web_sys::MutationObserverInit::new();
            init.set_child_list(true);
            let _ = mutations.observe_with_options(slot, &init);
        }
        on_change.forget();
        Seen(slot.clone())
    }

    fn any(&self) -> bool {
        let children = self.0.children();
        (0..children.length()).filter_map(|i| children.item(i)).any(|child| said(&child) != Some(false))
            || holds_focus(&self.0)
    }
}

pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("Ctx is provided by App (or by the test that mounts a component)")
}

/// True when the event has the actor: the platform itself, or any platform of that owner.
pub fn has_actor(data: &Dataset, event: &Event, actor: &str) -> bool {
    event.actors.iter().any(|a| a == actor || data.owner_of(a).is_some_and(|o| o.id == actor))
}

/// Indices (into `data.events`) of the events the view shows.
pub fn shown_events(data: &Dataset, view: &ViewState) -> Vec<usize> {
    data.events
        .iter()
        .enumerate()
        .filter(|(_, e)| view.kinds.contains(&e.kind))
        .filter(|(_, e)| view.actor.as_deref().is_none_or(|a| has_actor(data, e, a)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hutong_core::Kind;

    #[test]
    fn filters_by_owner_platform_and_kind() {
        let data = hutong_core::embedded::dataset();
        let all = ViewState::default_for(&data);
        assert_eq!(shown_events(&data, &all).len(), data.events.len());

        let alipay = ViewState { actor: Some("alipay".into()), ..all.clone() };
        let alibaba = ViewState { actor: Some("alibaba".into()), ..all.clone() };
        let (n_alipay, n_alibaba) = (shown_events(&data, &alipay).len(), shown_events(&data, &alibaba).len());
        assert!(n_alipay > 5 && n_alibaba > n_alipay, "{n_alipay} {n_alibaba}");

        let blocks = ViewState { kinds: vec![Kind::Block], ..all };
        let ids: Vec<&str> = shown_events(&data, &blocks).iter().map(|&i| data.events[i].id.as_str()).collect();
        assert!(ids.contains(&"alipay-bans-wechat-merchants") && ids.contains(&"taobao-links-blocked-in-wechat"));
        assert!(ids.iter().all(|id| data.event(id).unwrap().kind == Kind::Block));
    }
}
