//! The app's shared state: the dataset in use and the view (which is also the URL). Components get a
//! small `Copy` handle through context; filtering is a plain function with its own tests.

use std::sync::Arc;

use hutong_core::{Dataset, Event, Lang};
use leptos::prelude::*;

use crate::url::{Notice, ViewState};

#[derive(Clone, Copy)]
pub struct Ctx {
    pub data: RwSignal<Arc<Dataset>>,
    pub view: RwSignal<ViewState>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The playback's current day: it moves every frame while playing (the URL's `date` only when
    /// playback pauses); the network and the simulation's charts follow it.
    pub playhead: RwSignal<chrono::NaiveDate>,
    /// Where the dataset in use came from.
    pub origin: RwSignal<Origin>,
    /// The language alone, so the thousands of labels that read it are not woken by every other
    /// change of the view (a date written on pause re-subscribed each of them: 0.2 s of a frame).
    lang: Memo<Lang>,
    /// The routing model of the dataset in use with nothing switched off, built once per dataset
    /// and shared by the explorer and the network (with 10,000 events a build is a tenth of a second).
    pub actual: Memo<SharedModel>,
    /// The stories files the reader loaded in the dataset panel, `(file name, text)`: the story
    /// chunk reads them against the dataset in use, beside the embedded stories.
    pub story_files: RwSignal<Vec<(String, String)>>,
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

pub use crate::store::Origin;

impl Ctx {
    /// Starts a page's store over `data` and `view` (`store::init`) and gives its `Ctx` (tests
    /// that mount a component on its own).
    pub fn new(data: Arc<Dataset>, view: ViewState, notices: Vec<Notice>) -> Ctx {
        crate::store::init(data, view, Origin::Embedded);
        Ctx::from_store(notices)
    }

    /// The `Ctx` of the page in the store, kept in step with it both ways: a change of the store
    /// (the first screen's controls, playback) sets the signals, and a change of a signal (a part's
    /// controls, an import, a story) is written to the store. Each side writes only what differs,
    /// so a change goes round once.
    pub fn from_store(notices: Vec<Notice>) -> Ctx {
        use crate::store;
        let (d, v, p, o) = store::with(|s| (Arc::clone(&s.data), s.view.clone(), s.playhead, s.origin));
        let data = RwSignal::new(d);
        let view = RwSignal::new(v);
        let playhead = RwSignal::new(p);
        let origin = RwSignal::new(o);
        store::subscribe(move |changed| {
            if changed.data {
                let d = store::data();
                if data.try_with_untracked(|x| !Arc::ptr_eq(x, &d)) == Some(true) {
                    data.set(d);
                }
            }
            if changed.view {
                let v = store::view();
                if view.try_with_untracked(|x| *x != v) == Some(true) {
                    view.set(v);
                }
            }
            if changed.playhead {
                let p = store::playhead();
                if playhead.try_get_untracked().is_some_and(|x| x != p) {
                    playhead.set(p);
                }
            }
        });
        Effect::new(move |_| store::set_data(data.get()));
        Effect::new(move |_| store::set_view(view.get()));
        Effect::new(move |_| store::set_playhead(playhead.get()));
        Effect::new(move |_| store::set_origin(origin.get()));
        Ctx {
            data,
            view,
            notices: RwSignal::new(notices),
            playhead,
            origin,
            lang: Memo::new(move |_| view.with(|v| v.lang)),
            // The store's model when it is the store's dataset (it is built once, for the first
            // screen); another only for a dataset the store does not have yet.
            actual: Memo::new(move |_| SharedModel(store::actual_for(&data.get()))),
            story_files: RwSignal::new(Vec::new()),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
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
