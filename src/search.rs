//! The search box and its results: events whose titles, summaries, quotes, notes, actors or sources
//! match the query (`hutong_core::search`, which matches Chinese on characters), each result with
//! the matched words marked. The box and the list follow the combobox + listbox pattern: ArrowUp
//! and ArrowDown move through the results (`aria-activedescendant`), Enter opens one, Escape
//! clears; a live line says how many matched. Opening a result selects its event: the details
//! open, the timeline marks it, and the journey's day (the playhead) moves to its date.
//!
//! The query is the URL's `q`, written shortly after typing stops, so a link restores the search.
//! Lives in the lazily loaded `rest` part.

use hutong_core::search::{pieces, search, Field, FieldMatch, Hit};
use hutong_core::Lang;
use leptos::prelude::*;

use crate::i18n::{field_name, tool_strings};
use crate::state::use_ctx;

/// At most this many results are listed (the count says how many matched).
pub const MAX_LISTED: usize = 50;
/// An excerpt of a long text is about this many characters.
const EXCERPT_CHARS: usize = 90;
/// How long typing must pause before the query goes into the URL.
const URL_DELAY_MS: u64 = 400;

/// The part of `text` around its first marked range, at most about `width` characters, with the
/// ranges moved into it and "…" where it was cut. A text short enough is returned whole.
pub fn excerpt(text: &str, ranges: &[(usize, usize)], width: usize) -> (String, Vec<(usize, usize)>) {
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    if n <= width {
        return (text.to_string(), ranges.to_vec());
    }
    let first = ranges.first().map_or(0, |r| r.0);
    let at = starts.partition_point(|&i| i < first);
    // A little context before the match, and the rest after it.
    let mut from = at.saturating_sub(width / 4);
    let to = (from + width).min(n);
    if to == n {
        from = n - width;
    }
    let (start, end) = (starts[from], if to == n { text.len() } else { starts[to] });
    let lead = if start > 0 { "…" } else { "" };
    let out = format!("{lead}{}{}", &text[start..end], if end < text.len() { "…" } else { "" });
    let shift = |i: usize| i - start + lead.len();
    let moved = ranges
        .iter()
        .filter(|&&(s, e)| s < end && e > start)
        .map(|&(s, e)| (shift(s.max(start)), shift(e.min(end))))
        .collect();
    (out, moved)
}

/// The matches a result shows beside its title: the title's own (in the page's language) is the
/// title itself; of the rest, those in the page's language (or in no particular one: the quote, an
/// article's title) first, then the other language's, at most `max`.
pub fn shown_matches(hit: &Hit, lang: Lang, max: usize) -> Vec<&FieldMatch> {
    let here = |f: &&FieldMatch| f.lang.is_none_or(|l| l == lang);
    let rest = || hit.fields.iter().filter(|f| !(f.field == Field::Title && f.lang == Some(lang)));
    rest().filter(here).chain(rest().filter(|f| !here(f))).take(max).collect()
}

/// A text with its marked ranges as `<mark>`.
fn marked(text: &str, ranges: &[(usize, usize)]) -> impl IntoView {
    pieces(text, ranges)
        .into_iter()
        .map(|(piece, mark)| {
            let piece = piece.to_string();
            if mark {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}

/// The search box and the list of results.
#[component]
pub fn Search() -> impl IntoView {
    let ctx = use_ctx();
    let query = RwSignal::new(ctx.view.with_untracked(|v| v.q.clone()));
    // The highlighted result (an index into the listed results), moved by the arrow keys.
    let active = RwSignal::new(None::<usize>);
    let hits = Memo::new(move |_| query.with(|q| ctx.data.with(|d| search(d, q))));
    let n_listed = move || hits.with(|h| h.len().min(MAX_LISTED));
    let expanded = move || query.with(|q| !q.trim().is_empty()) && n_listed() > 0;

    // The URL follows the query once typing pauses (every keystroke would rewrite the view).
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let write_url = move |now: bool| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let write = move || {
            if let Some(q) = query.try_get_untracked() {
                let q = q.trim().to_string();
                if ctx.view.with_untracked(|v| v.q != q) {
                    ctx.update_view(|v| v.q = q);
                }
            }
        };
        if now {
            write();
        } else {
            // Boxed: the timer's JS closure is then one shared type, not one made for this
            // closure, which wasm-split would have to keep in the main module.
            let write: Box<dyn FnOnce()> = Box::new(write);
            pending.set_value(set_timeout_with_handle(write, std::time::Duration::from_millis(URL_DELAY_MS)).ok());
        }
    };
    on_cleanup(move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    });

    let open = move |i: usize| {
        let Some(index) = hits.with_untracked(|h| h.get(i).map(|h| h.event)) else { return };
        let data = ctx.data.get_untracked();
        let event = &data.events[index];
        let (id, day) = (event.id.clone(), event.date.earliest());
        active.set(Some(i));
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let q = query.get_untracked().trim().to_string();
        // One change of the view: the event, its day (where the playhead goes), the query.
        ctx.update_view(|v| {
            v.event = Some(id.clone());
            if let Some(day) = day {
                v.date = day;
            }
            v.q = q;
        });
        // Once the details show it and the page has painted the choice, bring them (and its mark
        // on the timeline) into view. Scrolling lays out what comes into view; in the frame of the
        // key press that kept its paint waiting (27 ms at 4x; issue 24).
        let reveal: Box<dyn FnOnce()> = Box::new(move || {
            let document = document();
            let selector = format!("[data-testid=event][data-event-id=\"{id}\"]");
            if let Ok(Some(mark)) = document.query_selector(&selector) {
                scroll_to(&mark, "nearest", "center");
            }
            if let Ok(Some(details)) = document.query_selector("[data-testid=details]") {
                scroll_to(&details, "start", "nearest");
            }
        });
        crate::html::after_next_frame(reveal);
    };

    let on_text = move |text: String| {
        if query.with_untracked(|q| *q != text) {
            query.set(text);
            active.set(None);
            write_url(false);
        }
    };

    // The highlighted option is marked in place: moving through the results rebuilds none of them.
    let list = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        let at = active.get();
        hits.track();
        let Some(list) = list.get() else { return };
        let list: &web_sys::Element = &list;
        if let Ok(Some(old)) = list.query_selector(".search-result.active") {
            let _ = old.class_list().remove_1("active");
            let _ = old.set_attribute("aria-selected", "false");
        }
        if let Some(option) = at.and_then(|i| list.query_selector(&format!("#search-option-{i}")).ok().flatten()) {
            let _ = option.class_list().add_1("active");
            let _ = option.set_attribute("aria-selected", "true");
            scroll_to(&option, "nearest", "nearest");
        }
    });

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = hits.with_untracked(|h| h.len().min(MAX_LISTED));
        let next = match ev.key().as_str() {
            "ArrowDown" if n > 0 => Some(active.get_untracked().map_or(0, |i| (i + 1) % n)),
            "ArrowUp" if n > 0 => Some(active.get_untracked().map_or(n - 1, |i| (i + n - 1) % n)),
            "Home" | "End" if n > 0 && active.get_untracked().is_some() => {
                Some(if ev.key() == "Home" { 0 } else { n - 1 })
            }
            "Enter" if n > 0 => {
                ev.prevent_default();
                open(active.get_untracked().unwrap_or(0));
                return;
            }
            "Escape" => {
                ev.prevent_default();
                query.set(String::new());
                active.set(None);
                write_url(true);
                return;
            }
            _ => None,
        };
        if let Some(i) = next {
            ev.prevent_default();
            active.set(Some(i));
        }
    };

    let s = move || tool_strings(ctx.lang());
    view! {
        <section class="search-panel" data-testid="search" aria-labelledby="search-heading">
            <h2 id="search-heading"><label for="search-input">{move || s().search_heading()}</label></h2>
            <input
                id="search-input"
                type="search"
                data-testid="search-input"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-describedby="search-hint"
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("search-option-{i}"))
                placeholder=move || s().search_placeholder()
                prop:value=move || query.get()
                on:input=move |ev| {
                    // While an input method composes (pinyin on the way to 淘宝), wait for its text.
                    if !is_composing(&ev) {
                        on_text(event_target_value(&ev));
                    }
                }
                on:compositionend=move |ev| on_text(event_target_value(&ev))
                on:keydown=on_key
            />
            <p class="search-hint muted" id="search-hint">{move || s().search_hint()}</p>
            <p class="search-count" role="status" data-testid="search-count">
                {move || {
                    if query.with(|q| q.trim().is_empty()) {
                        return String::new();
                    }
                    let t = s();
                    match hits.with(|h| h.len()) {
                        0 => t.search_none().to_string(),
                        1 => t.search_count_one().to_string(),
                        n if n > MAX_LISTED => format!(
                            "{}{}{}",
                            t.search_count().replace("{n}", &n.to_string()),
                            crate::i18n::strings(ctx.lang()).clause_sep(),
                            t.search_more().replace("{n}", &MAX_LISTED.to_string())
                        ),
                        n => t.search_count().replace("{n}", &n.to_string()),
                    }
                }}
            </p>
            <ul
                id="search-results"
                class="search-results"
                role="listbox"
                data-testid="search-results"
                aria-label=move || s().search_results()
                hidden=move || !expanded()
                node_ref=list
                // One handler for all the options (event delegation); a press keeps the focus in
                // the box.
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |ev| {
                    if let Some(i) = option_index(ev.target()) {
                        open(i)
                    }
                }
            >
                {move || {
                    if !expanded() {
                        return Vec::new();
                    }
                    let lang = ctx.lang();
                    let data = ctx.data.get();
                    hits.with(|hits| {
                        hits.iter().take(MAX_LISTED).enumerate().map(|(i, hit)| {
                            let event = &data.events[hit.event];
                            let title = match hit.fields.iter().find(|f| f.field == Field::Title && f.lang == Some(lang)) {
                                Some(f) => marked(&f.text, &f.ranges).into_any(),
                                None => event.title.get(lang).to_string().into_any(),
                            };
                            let more = shown_matches(hit, lang, 2).into_iter().map(|f| {
                                let (text, ranges) = excerpt(&f.text, &f.ranges, EXCERPT_CHARS);
                                let quoted = f.field == Field::Quote;
                                view! {
                                    <span class="search-match">
                                        <span class="search-field">{field_name(f.field, lang)}</span>" "
                                        <span lang=if quoted || f.lang == Some(Lang::Zh) { Some("zh") } else { f.lang.map(|_| "en") }>
                                            {marked(&text, &ranges)}
                                        </span>
                                    </span>
                                }
                            }).collect_view();
                            view! {
                                <li
                                    id=format!("search-option-{i}")
                                    role="option"
                                    class="search-result"
                                    aria-selected="false"
                                    data-index=i
                                    data-testid="search-result"
                                    data-event-id=event.id.clone()
                                >
                                    <span class="search-date">{crate::fmt::date(&event.date, lang)}</span>
                                    <span class="search-title">{title}</span>
                                    {more}
                                </li>
                            }
                        }).collect::<Vec<_>>()
                    })
                }}
            </ul>
        </section>
    }
}

/// The index of the option an event happened in.
fn option_index(target: Option<web_sys::EventTarget>) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    element.closest("[role=option]").ok()??.get_attribute("data-index")?.parse().ok()
}

/// True while an input method is composing the text of an input event (`InputEvent.isComposing`).
fn is_composing(ev: &web_sys::Event) -> bool {
    js_sys::Reflect::get(ev, &"isComposing".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// `element.scrollIntoView({ block, inline })`, called by name so that no further web-sys bindings
/// are needed.
fn scroll_to(element: &web_sys::Element, block: &str, inline: &str) {
    use wasm_bindgen::JsCast;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &block.into());
    let _ = js_sys::Reflect::set(&options, &"inline".into(), &inline.into());
    if let Ok(f) = js_sys::Reflect::get(element, &"scrollIntoView".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call1(element, &options);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_keeps_the_match_and_its_marks() {
        // Short texts are whole.
        assert_eq!(excerpt("淘宝微信", &[(0, 6)], 10), ("淘宝微信".to_string(), vec![(0, 6)]));
        // A long text is cut around its first match, with "…" where it was cut.
        let text = format!("{}淘宝{}", "甲".repeat(100), "乙".repeat(100));
        let at = text.find("淘宝").unwrap();
        let (cut, ranges) = excerpt(&text, &[(at, at + 6)], 20);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert_eq!(cut.chars().count(), 22);
        assert_eq!(&cut[ranges[0].0..ranges[0].1], "淘宝");
        // A match near the end: the excerpt ends with the text.
        let text = format!("ab{}xyz", "c".repeat(200));
        let (cut, ranges) = excerpt(&text, &[(202, 205)], 30);
        assert!(cut.starts_with('…') && cut.ends_with("xyz") && cut.chars().count() == 31, "{cut}");
        assert_eq!(&cut[ranges[0].0..ranges[0].1], "xyz");
        // Around the first match; marks outside the excerpt are dropped.
        let (cut, ranges) = excerpt(&text, &[(0, 2), (202, 205)], 30);
        assert!(cut.starts_with("ab") && cut.ends_with('…'), "{cut}");
        assert_eq!(ranges, [(0, 2)]);
    }

    #[test]
    fn a_result_shows_matches_in_the_page_language_first() {
        let data = hutong_core::embedded::dataset();
        let hits = search(&data, "不新签");
        let hit = hits.iter().find(|h| data.events[h.event].id == "alipay-bans-wechat-merchants").expect("found");
        let shown = shown_matches(hit, Lang::En, 2);
        assert!(!shown.is_empty());
        assert_eq!(shown[0].lang, None, "the quote (no language) before any Chinese field: {shown:?}");
        assert!(shown.iter().all(|f| !(f.field == Field::Title && f.lang == Some(Lang::En))));
    }
}
