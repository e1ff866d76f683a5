//! The event editor's place in the dataset panel (issue 23): which event it edits, the last save's
//! note, and the form, fetched from the editor's own part when a reader first opens it (the form is
//! about a fifth of the page's code, and most readers never edit). `editor.rs` is the form.

use leptos::prelude::*;

use crate::deferred::Deferred;

/// What the editor edits: `None` when closed, `Some(None)` for a new event, `Some(Some(id))` for an
/// event of the dataset in use.
pub type Target = Option<Option<String>>;

// Reference-counted signals, not arena ones: an arena signal belongs to the component that first
// made it and dies with it, and these outlive every component (the details' "Edit" sets them).
thread_local! {
    static TARGET: ArcRwSignal<Target> = ArcRwSignal::new(None);
    /// The last save's or removal's message, shown where the form was.
    static NOTE: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

pub fn target() -> ArcRwSignal<Target> {
    TARGET.with(Clone::clone)
}

pub fn note() -> ArcRwSignal<Option<String>> {
    NOTE.with(Clone::clone)
}

/// Says what a save or a removal did, where the form was, and moves the focus there (the form,
/// which had it, is gone).
pub fn done(text: String) {
    target().set(None);
    note().set(Some(text));
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if let Some(el) =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("editor-status"))
        {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Opens the editor on an event of the dataset in use (or on a new one) and brings it into view
/// with the focus on its first field. The dataset panel may not be drawn yet (it is drawn when the
/// reader nears it), nor the form's part here: scrolling to the panel's place draws it, and the
/// focus follows once the form is there.
pub fn open(id: Option<String>) {
    note().set(None);
    target().set(Some(id));
    focus_when_drawn(300);
}

fn focus_when_drawn(frames: u32) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        match doc.get_element_by_id("edit-id") {
            Some(first) => {
                if let Some(form) = doc.get_element_by_id("editor") {
                    form.scroll_into_view();
                }
                let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            None if frames > 0 => {
                if doc.get_element_by_id("editor").is_none() {
                    if let Some(place) =
                        doc.get_element_by_id("editor-place").or_else(|| doc.get_element_by_id("data-slot"))
                    {
                        place.scroll_into_view();
                    }
                }
                focus_when_drawn(frames - 1);
            }
            None => {}
        }
    });
}

/// The editor's place: the last save's note, and the form while it is open (its part loaded the
/// first time).
#[component]
pub fn Editor() -> impl IntoView {
    view! {
        <div id="editor-place">
            {move || note().get().map(|n| view! { <p class="import-status" role="status" tabindex="-1" id="editor-status" data-testid="editor-status">{n}</p> })}
            {move || target().get().map(|id| {
                let render = move |form: fn(Option<String>) -> AnyView| form(id.clone());
                view! { <Deferred load=crate::parts::editor what=["编辑器", "event editor"] render /> }
            })}
        </div>
    }
}
