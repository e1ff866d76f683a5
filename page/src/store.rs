//! The page's state without Leptos: the dataset in use, the view (which is also the URL) and the
//! playhead, with listeners told what changed.
//!
//! The first screen (header, explorer, network: `page.rs`) is drawn with plain DOM calls from this
//! store, so that the Leptos runtime is not part of the first load (issue 14). The parts loaded
//! later are Leptos components over a [`crate::state::Ctx`], whose signals are a read-only
//! projection of this store, set by one subscription (`Ctx::from_store`); a part changes the page
//! only through the store ([`update`] and the setters below). Everything the page holds is here:
//! the dataset and its origin, the view, the playhead, the URL's notices and the stories files a
//! reader loaded. There is one page per document: [`init`] replaces the state and forgets every
//! listener (a test that mounts a new page leaves the old one inert).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use chrono::NaiveDate;
use hutong_core::route::Model;
use hutong_core::{Dataset, Lang};

use crate::url::{Notice, ViewState};

/// Where the dataset in use came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    /// Imported by the user (and saved in this browser).
    Imported,
    /// `?synthetic=N`, for scale tests.
    Synthetic,
}

pub struct State {
    pub data: Arc<Dataset>,
    pub view: ViewState,
    /// The playback's current day: it moves every step while playing (the view's `date` only when
    /// playback pauses); the network and the simulation's charts follow it.
    pub playhead: NaiveDate,
    /// The routing model of `data` with nothing switched off, built once per dataset and shared by
    /// the explorer, the network and (through `Ctx::actual`) the parts.
    pub actual: Arc<Model<'static>>,
    pub origin: Origin,
    /// What the URL asked for that could not be given (shown until dismissed).
    pub notices: Vec<Notice>,
    /// The stories files the reader loaded in the dataset panel, `(file name, text)`: the story
    /// part reads them against the dataset in use, beside the embedded stories.
    pub story_files: Vec<(String, String)>,
}

/// What a change touched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    pub data: bool,
    pub view: bool,
    pub playhead: bool,
    pub origin: bool,
    pub notices: bool,
    pub story_files: bool,
    /// The dataset was completed by texts nothing drawn so far shows ([`complete_texts`]): the
    /// first screen ignores it; the parts' projection takes the completed dataset without waking
    /// anything.
    pub texts: bool,
}

impl Changed {
    pub fn any(self) -> bool {
        self.data || self.view || self.playhead || self.origin || self.notices || self.story_files || self.texts
    }
}

type Listener = Rc<dyn Fn(Changed)>;

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
    static PAGE: Cell<u32> = const { Cell::new(0) };
    static SEEN: Cell<Option<fn(&web_sys::Element) -> bool>> = const { Cell::new(None) };
}

/// Whether `e` is in the viewport, as far as the page knows. The parts install the watcher (an
/// `IntersectionObserver`: `hutong::state::install_seen`), which the first screen does not carry;
/// until then, everything is.
pub fn in_view(e: &web_sys::Element) -> bool {
    SEEN.get().is_none_or(|seen| seen(e))
}

/// Like [`subscribe`], for a listener that draws `e`: while `e` is out of the viewport, it hears of
/// a change after the page has painted, in a task of its own, once a frame (told that the view
/// and the playhead changed: it compares what it drew with the store). A new dataset at once.
pub fn subscribe_seen(e: Option<web_sys::Element>, f: impl Fn(Changed) + 'static) {
    let f = Rc::new(f);
    let due = Rc::new(Cell::new(false));
    subscribe(move |changed| {
        if changed.data || e.as_ref().is_none_or(in_view) {
            f(changed);
        } else if (changed.view || changed.playhead) && !due.replace(true) {
            let (f, due) = (Rc::clone(&f), Rc::clone(&due));
            after_paint(move || {
                due.set(false);
                f(Changed { view: true, playhead: true, ..Changed::default() });
            });
        }
    });
}

/// Lets the parts say what is in the viewport ([`in_view`]).
pub fn install_seen(seen: fn(&web_sys::Element) -> bool) {
    SEEN.set(Some(seen));
}

/// Starts a page over `data` and `view`: the state is replaced and earlier listeners are dropped.
pub fn init(data: Arc<Dataset>, view: ViewState, origin: Origin) {
    let actual = Arc::new(Model::shared(Arc::clone(&data), &Default::default()));
    let playhead = view.date;
    let (notices, story_files) = (Vec::new(), Vec::new());
    STATE.set(Some(State { data, view, playhead, actual, origin, notices, story_files }));
    LISTENERS.with_borrow_mut(Vec::clear);
    PAGE.set(PAGE.get() + 1);
}

/// Which page this is (counts [`init`]s): a timer of an older page stops when it differs.
pub fn page() -> u32 {
    PAGE.get()
}

/// Runs `f` in a task of its own (a long task blocks a slow phone: issue 14), unless another page
/// has been started by then.
pub fn in_turn(f: impl FnOnce() + 'static) {
    let page = page();
    crate::html::timeout(
        0,
        Box::new(move || {
            if PAGE.get() == page {
                f();
            }
        }),
    );
}

/// Runs `f` in a task of its own after the page has painted (what an interaction shows first
/// is not kept waiting for it), unless another page has been started by then.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let page = page();
    crate::html::after_next_frame(Box::new(move || {
        if PAGE.get() == page {
            f();
        }
    }));
}

/// Reads the state. Panics before [`init`] (a build defect: nothing is drawn before it).
pub fn with<R>(f: impl FnOnce(&State) -> R) -> R {
    STATE.with_borrow(|s| f(s.as_ref().expect("store::init runs before the page is drawn")))
}

pub fn data() -> Arc<Dataset> {
    with(|s| Arc::clone(&s.data))
}

pub fn view() -> ViewState {
    with(|s| s.view.clone())
}

pub fn lang() -> Lang {
    with(|s| s.view.lang)
}

pub fn playhead() -> NaiveDate {
    with(|s| s.playhead)
}

pub fn actual() -> Arc<Model<'static>> {
    with(|s| Arc::clone(&s.actual))
}

/// The model with nothing switched off for `data`: the store's when it is the dataset in use.
pub fn actual_for(data: &Arc<Dataset>) -> Arc<Model<'static>> {
    let mine = STATE.with_borrow(|s| s.as_ref().filter(|s| Arc::ptr_eq(&s.data, data)).map(|s| Arc::clone(&s.actual)));
    mine.unwrap_or_else(|| Arc::new(Model::shared(Arc::clone(data), &Default::default())))
}

/// Calls `f` after every change, until the next [`init`].
pub fn subscribe(f: impl Fn(Changed) + 'static) {
    LISTENERS.with_borrow_mut(|l| l.push(Rc::new(f)));
}

fn notify(changed: Changed) {
    // A copy of the list: a listener may change the store again (and so notify) or subscribe.
    let listeners: Vec<Listener> = LISTENERS.with_borrow(|l| l.clone());
    for f in listeners {
        f(changed);
    }
}

/// One transaction: `f` changes any part of the state (a dataset with the view that fits it, a
/// story's step with its playhead, an import with its notices), then the listeners are told once
/// what changed, and not at all when nothing did. A new dataset gets its model here (whatever `f`
/// did to `actual`, which is the store's to set).
pub fn update(f: impl FnOnce(&mut State)) {
    let changed = STATE.with_borrow_mut(|s| {
        let s = s.as_mut().expect("store::init runs first");
        let data = Arc::clone(&s.data);
        let (view, playhead, origin) = (s.view.clone(), s.playhead, s.origin);
        let (notices, story_files) = (s.notices.clone(), s.story_files.clone());
        f(s);
        let changed = Changed {
            data: !Arc::ptr_eq(&data, &s.data),
            view: s.view != view,
            playhead: s.playhead != playhead,
            origin: s.origin != origin,
            notices: s.notices != notices,
            story_files: s.story_files != story_files,
            texts: false,
        };
        if changed.data {
            s.actual = Arc::new(Model::shared(Arc::clone(&s.data), &Default::default()));
        }
        changed
    });
    if changed.any() {
        notify(changed);
    }
}

/// Changes the view; listeners hear of it only if it changed. (The playback's path: it compares
/// only the view.)
pub fn update_view(f: impl FnOnce(&mut ViewState)) {
    let changed = STATE.with_borrow_mut(|s| {
        let s = s.as_mut().expect("store::init runs first");
        let before = s.view.clone();
        f(&mut s.view);
        s.view != before
    });
    if changed {
        notify(Changed { view: true, ..Changed::default() });
    }
}

pub fn set_view(view: ViewState) {
    update_view(|v| *v = view);
}

/// Replaces the dataset; nothing happens when it is the same one.
pub fn set_data(data: Arc<Dataset>) {
    update(|s| s.data = data);
}

/// Replaces the dataset with the same one completed by texts nothing drawn so far shows (the
/// events' summaries and notes, `texts.rs`): listeners hear only `texts`, the model stays.
pub fn complete_texts(data: Arc<Dataset>) {
    let done = STATE.with_borrow_mut(|s| s.as_mut().map(|s| s.data = data).is_some());
    if done {
        notify(Changed { texts: true, ..Changed::default() });
    }
}

/// Moves the playhead (every step of playback: it compares only the day).
pub fn set_playhead(day: NaiveDate) {
    let changed = STATE.with_borrow_mut(|s| {
        let s = s.as_mut().expect("store::init runs first");
        let changed = s.playhead != day;
        s.playhead = day;
        changed
    });
    if changed {
        notify(Changed { playhead: true, ..Changed::default() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 22: a dataset swapped with a view whose ids exist only in the new dataset is one
    /// transaction: the listeners are told once, and what they read is never the new dataset with
    /// the old view (or the other way round).
    #[test]
    fn a_dataset_swap_with_its_view_is_told_once_and_whole() {
        let old = Arc::new(hutong_core::embedded::dataset());
        let (view, _) = crate::url::parse("?from=wechat-group&shop=taobao&pay=alipay", &old);
        init(Arc::clone(&old), view, Origin::Embedded);
        let new = Arc::new(hutong_core::synthetic::generate(50, 6, 1));
        let (new_view, notices) = crate::url::parse("", &new);
        assert!(
            old.merchants.iter().all(|m| m.id != new_view.shop),
            "the new view's merchant is the new dataset's only"
        );
        let heard = Rc::new(RefCell::new(Vec::new()));
        let log = Rc::clone(&heard);
        subscribe(move |changed| {
            // What a listener reads: the view's ids exist in the dataset in use.
            let fits = with(|s| s.data.merchants.iter().any(|m| m.id == s.view.shop));
            log.borrow_mut().push((changed, fits));
        });
        let data = Arc::clone(&new);
        update(move |s| {
            s.data = data;
            s.view = new_view;
            s.origin = Origin::Synthetic;
            s.notices = notices;
        });
        assert_eq!(heard.borrow().len(), 1, "told once: {:?}", heard.borrow());
        let (changed, fits) = heard.borrow()[0];
        assert!(changed.data && changed.view && changed.origin && fits, "{changed:?}");
        // The model is the new dataset's.
        assert_eq!(with(|s| s.actual.data().events.len()), new.events.len());
        // Nothing changed: nobody is told.
        update(|_| {});
        assert_eq!(heard.borrow().len(), 1);
    }
}
