//! Stories told step by step (`hutong_core::story`: a sequence of views, each with a caption), and
//! the toolbar under the header that offers them beside the theme switch and the evidence sheet's
//! print button. All of it is in the `shell` part (src/lazy.rs): the first screen carries none of it.
//!
//! A step is a view: applying it sets the journey's day, surface, merchant and instrument, the
//! events switched off and the event opened (`Ctx.view`, hence the URL), and moves the network's
//! playhead to its day. The URL names the story and the step (`story`, `step`, 1-based), so a link
//! restores both; an unknown story or a step past its end becomes a notice, and no story is told.

use std::sync::Arc;

use hutong_core::story::{load_stories, Story};
use leptos::prelude::*;

use crate::i18n::story_strings;
use crate::state::{use_ctx, Ctx};
use crate::url::{Notice, NoticeKind};

/// The `localStorage` key of the stories files the reader loaded: each file's name and text, all
/// separated by NUL characters (which neither a file name nor JSON text can hold), so that
/// keeping them needs no JSON writer.
pub const STORAGE_KEY: &str = "hutong.stories.v1";

/// The toolbar and the story being told (the chunk's entry).
pub fn bar() -> AnyView {
    view! { <StoryBar /> }.into_any()
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The stories files saved in this browser, `(name, text)`.
pub fn saved_files() -> Vec<(String, String)> {
    let text = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).unwrap_or_default();
    let parts: Vec<&str> = text.split('\0').collect();
    parts.chunks_exact(2).map(|p| (p[0].to_string(), p[1].to_string())).collect()
}

/// Keeps the reader's stories files in this browser (or forgets them, given none).
pub fn save_files(files: &[(String, String)]) -> Result<(), String> {
    let store = storage().ok_or_else(|| "no localStorage".to_string())?;
    if files.is_empty() {
        let _ = store.remove_item(STORAGE_KEY);
        return Ok(());
    }
    let text = files.iter().flat_map(|(name, text)| [name.as_str(), text.as_str()]).collect::<Vec<_>>().join("\0");
    store.set_item(STORAGE_KEY, &text).map_err(|e| e.as_string().unwrap_or_else(|| "localStorage refused".into()))
}

/// The stories that can be told over the dataset in use: the embedded ones, then those of the
/// files the reader loaded (a file that no longer fits the dataset is left out; the dataset panel
/// said what was wrong with it when it was loaded).
fn all_stories(ctx: Ctx) -> Memo<Arc<Vec<Story>>> {
    Memo::new(move |_| {
        let data = ctx.data.get();
        let mut stories = hutong_core::story::embedded(&data);
        ctx.story_files.with(|files| {
            for (name, text) in files {
                for story in load_stories(name, text, &data).unwrap_or_default() {
                    if !stories.iter().any(|s| s.id == story.id) {
                        stories.push(story);
                    }
                }
            }
        });
        Arc::new(stories)
    })
}

/// Shows step `step` (1-based) of the story: its view, and the playhead at its day.
fn go(ctx: Ctx, story: &Story, step: usize) {
    let Some(s) = story.steps.get(step.wrapping_sub(1)) else { return };
    let day = s.day();
    let data = ctx.data.get_untracked();
    let mut off: Vec<String> = s.off.clone();
    crate::url::in_event_order(&mut off, &data);
    // One transaction: the step's view and the playhead at its day.
    ctx.update(|state| {
        let v = &mut state.view;
        v.story = Some(story.id.clone());
        v.step = step;
        v.date = day;
        v.from = s.from.clone();
        v.shop = s.shop.clone();
        v.pay = s.pay.clone();
        v.off = off;
        v.event = s.event.clone();
        state.playhead = day;
    });
}

/// Whether the view's story and step exist; a notice and no story when they do not.
fn check(ctx: Ctx, stories: &[Story]) -> Option<usize> {
    let (id, step) = ctx.view.with_untracked(|v| (v.story.clone(), v.step));
    let id = id?;
    let (param, value) = match stories.iter().position(|s| s.id == id) {
        Some(i) if (1..=stories[i].steps.len()).contains(&step) => return Some(i),
        Some(_) => ("step", step.to_string()),
        None => ("story", id),
    };
    ctx.update(|s| {
        s.notices.push(Notice { param: param.into(), value, kind: NoticeKind::Unknown });
        s.view.story = None;
        s.view.step = 1;
    });
    None
}

#[component]
fn StoryBar() -> impl IntoView {
    let ctx = use_ctx();
    if ctx.story_files.with_untracked(Vec::is_empty) {
        let saved = saved_files();
        if !saved.is_empty() {
            ctx.update(|s| s.story_files = saved);
        }
    }
    let stories = all_stories(ctx);
    // The URL's story, now that the stories are known: shown at its step, or a notice. Checked
    // again when the dataset (or a loaded stories file) changes, without moving the view: a
    // listener of the store, as every change of the page is heard (no `Effect` writes the page).
    let list = stories.get_untracked();
    if let Some(i) = check(ctx, &list) {
        let step = ctx.view.with_untracked(|v| v.step);
        go(ctx, &list[i], step);
    }
    crate::store::subscribe(move |changed| {
        if changed.data || changed.story_files {
            // The bar may be gone (the page rebuilt): then so are its stories.
            if let Some(list) = stories.try_get_untracked() {
                check(ctx, &list);
            }
        }
    });
    let s = move || story_strings(ctx.lang());
    let current = Memo::new(move |_| ctx.view.with(|v| v.story.clone()));
    let printing = RwSignal::new(false);
    // Set when a story is started here: its panel then takes the focus.
    let focus = RwSignal::new(false);
    view! {
        <div class="toolbar-row">
            <span class="tool-label">{move || s().stories()}</span>
            // Rebuilt when the stories change; a new language rewrites each title in place.
            {move || {
                stories.get().iter().map(|story| {
                    let id = story.id.clone();
                    let pressed = { let id = id.clone(); move || current.with(|c| c.as_deref() == Some(id.as_str())) };
                    let start = {
                        let story = story.clone();
                        move |_| {
                            go(ctx, &story, 1);
                            // Into the story, where the arrow keys step it.
                            focus.set(true);
                        }
                    };
                    let title = story.title.clone();
                    view! {
                        <button class="small" data-testid="story-start" data-story=id
                            aria-pressed=move || if pressed() { "true" } else { "false" } on:click=start>
                            {move || title.get(ctx.lang()).to_string()}
                        </button>
                    }
                    .into_any()
                }).collect_view().into_any()
            }}
            <crate::theme::ThemeSelect />
            <crate::evidence::PrintButton printing=printing />
        </div>
        {move || {
            let id = current.get()?;
            let story = stories.with(|list| list.iter().find(|s| s.id == id).cloned())?;
            Some(view! { <StoryPanel story=story focus=focus /> })
        }}
        {move || printing.get().then(|| view! { <crate::evidence::EvidenceSheet /> })}
    }
}

/// The story being told: its title, the step's caption, where it is, and the ways on and out.
#[component]
fn StoryPanel(story: Story, focus: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let next_ref = NodeRef::<leptos::html::Button>::new();
    // Takes the focus when asked (a story started from the toolbar, this one included), once the
    // step is on the screen: moving the focus lays the page out, and before the paint that was a
    // second layout of the whole changed page (27 ms of a story's start at 4x; issue 24).
    Effect::new(move |_| {
        if let (true, Some(next)) = (focus.get(), next_ref.get()) {
            focus.set(false);
            crate::html::after_next_frame(Box::new(move || {
                if next.is_connected() {
                    let _ = next.focus();
                }
            }));
        }
    });
    let story = Arc::new(story);
    let n = story.steps.len();
    let step = Memo::new(move |_| ctx.view.with(|v| v.step).clamp(1, n.max(1)));
    let s = move || story_strings(ctx.lang());
    let to = {
        let story = story.clone();
        move |k: usize| {
            if (1..=n).contains(&k) && k != step.get_untracked() {
                go(ctx, &story, k);
            }
        }
    };
    let (prev, next) = (to.clone(), to.clone());
    // The arrow keys step the story while the focus is in it, and only there: the network's
    // playback keeps its own arrow keys.
    let on_key = {
        let to = to.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            use wasm_bindgen::JsCast;
            let in_field = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| e.closest("input, select, textarea").ok().flatten().is_some());
            // Alt+← is the browser's Back, and so on: keys with a modifier are left alone. (Read
            // by name: each web API the parts use is an import of the first screen's module.)
            let held = ["altKey", "ctrlKey", "metaKey"]
                .into_iter()
                .any(|m| js_sys::Reflect::get(&ev, &m.into()).ok().and_then(|v| v.as_bool()).unwrap_or(false));
            if in_field || held {
                return;
            }
            let k = step.get_untracked();
            match ev.key().as_str() {
                "ArrowLeft" => to(k.saturating_sub(1)),
                "ArrowRight" => to(k + 1),
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let title = {
        let story = story.clone();
        move || story.title.get(ctx.lang()).to_string()
    };
    let caption = {
        let story = story.clone();
        move || story.steps.get(step.get() - 1).map(|st| st.caption.get(ctx.lang()).to_string())
    };
    let position = move || s().step_of().replace("{k}", &step.get().to_string()).replace("{n}", &n.to_string());
    let leave = move |_| {
        ctx.update_view(|v| {
            v.story = None;
            v.step = 1;
        })
    };
    // Not `disabled` at either end: a disabled button loses the focus, and with it the arrow keys.
    let at = move |end: usize| if step.get() == end { "true" } else { "false" };
    view! {
        <section class="story" data-testid="story" data-story=story.id.clone() data-step=move || step.get()
            aria-labelledby="story-title" on:keydown=on_key>
            <div class="story-head">
                <h2 id="story-title"><span class="muted">{move || s().story()}": "</span>{title}</h2>
                <span class="story-position" data-testid="story-position">{position}</span>
            </div>
            <p class="story-caption" data-testid="story-caption" aria-live="polite"
                lang=move || crate::i18n::lang_tag(ctx.lang())>{caption}</p>
            <div class="story-nav">
                <button data-testid="story-prev" aria-disabled=move || at(1) on:click=move |_| prev(step.get_untracked() - 1)>
                    "← "{move || s().prev()}
                </button>
                <button node_ref=next_ref data-testid="story-next" aria-disabled=move || at(n) on:click=move |_| next(step.get_untracked() + 1)>
                    {move || s().next()}" →"
                </button>
                <button class="story-leave" data-testid="story-leave" on:click=leave>{move || s().leave()}</button>
                <span class="hint">{move || s().keys()}</span>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    /// The example in docs/dataset/DATASET.md is a stories file the app accepts.
    #[test]
    fn the_documented_example_loads() {
        let doc = include_str!("../docs/dataset/DATASET.md");
        let section = &doc[doc.find("## Stories").expect("a Stories section")..];
        let start = section.find("```json\n").expect("an example") + 8;
        let example = &section[start..start + section[start..].find("```").expect("closed")];
        let data = hutong_core::embedded::dataset();
        let stories = hutong_core::story::load_stories("example.json", example, &data)
            .unwrap_or_else(|p| panic!("{}", p.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")));
        assert_eq!(stories[0].steps.len(), 2);
    }
}
