//! The page's start and its first screen, without Leptos (issue 14).
//!
//! `start` reads the URL and the dataset (embedded; the import saved in this browser; or
//! `?synthetic=N`), fills the store (`store.rs`), and draws the first screen with plain DOM calls:
//! the header, the journey explorer, then (a frame later) the platform network. Everything else is
//! Leptos and comes in the `shell` part (`lazy::shell`, `app::mount_parts`), fetched once the
//! network is drawn; it fills the [`Slots`] this module leaves for it: the copy-link button, the
//! URL's notices, the toolbar (stories, theme, print), "Cite this answer", the network's table,
//! what lies below (timeline, simulation, data panel) and the footer. The URL and `<html lang>`
//! follow the store from here, so they are right before the parts arrive.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use hutong_core::{Dataset, Lang};
use web_sys::Element;

use crate::html::{el, text_el};
use crate::i18n::strings;
use crate::loader::{load, Loading};
use crate::store::{self, Origin};
use crate::url::{self, Notice, NoticeKind};

/// The parts the first screen starts, which the crate above gives it (it cannot name them: they
/// are Leptos): the shell that fills the [`Slots`], the generator of `?synthetic=N`, the reader
/// of a saved import. Each is a part of the split build, fetched when asked for.
pub struct Entries {
    pub shell: fn() -> Loading<fn(Slots)>,
    pub synthetic: fn() -> Loading<fn(usize) -> Dataset>,
    /// Reads a saved import: the dataset and its fingerprint, or the first problem's text.
    pub read_saved: fn() -> Loading<fn(String) -> Result<(Dataset, String), String>>,
}

thread_local! {
    static ENTRIES: Cell<Option<&'static Entries>> = const { Cell::new(None) };
}

fn entries() -> &'static Entries {
    ENTRIES.get().expect("page::start or page::mount names the parts")
}

/// Where the parts (`app::mount_parts`) put what they draw.
pub struct Slots {
    /// What the page was drawn in (`<body>`, or a test's container).
    pub root: Element,
    /// Where the parts' root is mounted (after the URL's notices, which the first screen draws).
    pub notices: Element,
    pub toolbar: Element,
    /// "Cite this answer": the box whose first child is its button (the citation goes after it).
    pub cite: Element,
    pub network_table: Option<(Element, Element)>,
    pub below: Element,
    pub sim: Element,
    pub data: Element,
    pub footer: Element,
    /// An embedded view (`?embed=1`): only the notices and the footer.
    pub embed: bool,
    /// Built one after the other as the reader nears them (the site), or all at once (tests).
    pub staged: bool,
}

/// Reads the URL and draws the page on `<body>`, with `parts` for what is not the first screen.
pub fn start(parts: &'static Entries) {
    ENTRIES.set(Some(parts));
    let query = crate::html::window().location().search().unwrap_or_default();
    let body: Element = crate::html::document().body().expect("a body").into();
    let param = |name: &str| {
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v)
    };
    // `?synthetic=N` (1–20000) swaps in a generated dataset for scale tests (BENCHMARKS.md).
    let synthetic = param("synthetic").and_then(|v| v.parse::<usize>().ok()).filter(|n| (1..=20_000).contains(n));
    if param("reset-data").is_some() {
        crate::saved::set_aside();
    }
    let lang = param("lang").and_then(|l| Lang::from_code(&l)).unwrap_or_default();
    if let Some(n) = synthetic {
        // Made by a part of its own: the generator is not part of the first screen.
        let root = body.clone();
        load(
            entries().synthetic,
            ["生成的数据", "generated dataset"],
            lang,
            &body,
            Box::new(move |generate: fn(usize) -> Dataset| {
                open(&root, &query, Some(n), generate(n), Origin::Synthetic, None, None, true);
            }),
        );
        return;
    }
    let Some(text) = crate::saved::saved_text() else {
        // A task of its own: this one also finished compiling the module (issue 14).
        crate::html::timeout(
            0,
            Box::new(move || {
                let d = crate::texts::at_start();
                open(&body, &query, None, d, Origin::Embedded, None, None, true);
            }),
        );
        return;
    };
    // A saved import is read by the data part (the JSON reader is not part of the first screen).
    let root = body.clone();
    load(
        entries().read_saved,
        ["你导入的数据", "imported dataset"],
        lang,
        &body,
        Box::new(move |read: fn(String) -> Result<(Dataset, String), String>| match read(text) {
            Ok((data, fingerprint)) => open(&root, &query, None, data, Origin::Imported, None, Some(fingerprint), true),
            // The embedded dataset as the page starts with it (no texts fetched yet): not
            // `texts::embedded`, whose reader of the texts is not the first screen's.
            Err(problem) => {
                open(&root, &query, None, crate::texts::at_start(), Origin::Embedded, Some(problem), None, true)
            }
        }),
    );
}

/// Mounts a page over `data` with the view a URL query gives, in `root`, everything at once (the
/// component tests).
pub fn mount(root: &Element, data: Dataset, query: &str, parts: &'static Entries) {
    ENTRIES.set(Some(parts));
    open(root, query, None, data, Origin::Embedded, None, None, false);
}

/// The page over its dataset: the view read from the URL, the store, the first screen, then the
/// parts. `fingerprint` is the imported dataset's; `saved_problem` says why a saved import could
/// not be read. On the site (`staged`) this is a chain of short tasks, each drawing a piece of the
/// first screen below the last (a long one blocks a slow phone: issue 14); tests have it at once.
#[allow(clippy::too_many_arguments)]
fn open(
    root: &Element,
    query: &str,
    synthetic: Option<usize>,
    data: Dataset,
    origin: Origin,
    saved_problem: Option<String>,
    fingerprint: Option<String>,
    staged: bool,
) {
    let (root, query) = (root.clone(), query.to_owned());
    in_turn(staged, move || {
        let (mut view, mut notices) = url::parse(&query, &data);
        // The link says which dataset it needs; tell the reader when it is not the one in use.
        // Only an import is named by its fingerprint (a synthetic dataset by its size in the URL).
        let have = fingerprint.filter(|_| origin == Origin::Imported);
        // A bare address (no view in it) was not made with any dataset: no notice then.
        let bare = query.trim_start_matches('?').is_empty();
        if origin != Origin::Synthetic && !bare && view.dataset != have {
            let value = view.dataset.clone().unwrap_or_default();
            notices.push(Notice { param: "dataset".into(), value, kind: NoticeKind::OtherDataset });
        }
        if let Some(problem) = saved_problem {
            notices.push(Notice { param: String::new(), value: problem, kind: NoticeKind::SavedUnreadable });
        }
        view.dataset = have;
        store::init(Arc::new(data), view, origin);
        // The notices are the page's from the start (no listener yet): they are in the store even
        // if the part that shows them does not arrive.
        store::update(move |s| s.notices = notices);
        // Sync outward only: the document's language and theme follow the view, and on the site
        // the URL too (from the first frame on: writing the URL is a few milliseconds the first
        // paint need not wait for).
        set_document();
        if staged {
            crate::html::after_next_frame(Box::new(move || follow_url(synthetic)));
        }
        store::subscribe(move |changed| {
            if changed.view {
                if staged {
                    follow_url_later(synthetic);
                }
                set_document();
            }
        });
        if form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).any(|(k, _)| k == "debug-panic") {
            // For the end-to-end test of the crash message (crash.rs): a panic after the page is
            // up and its address written (registered after `follow_url`, so it runs after it).
            crate::html::after_next_frame(Box::new(|| panic!("debug-panic was asked for in the URL")));
        }
        in_turn(staged, move || draw(&root, staged));
    });
}

/// The first screen over the store, then the parts.
fn draw(root: &Element, staged: bool) {
    // The parts come once the first screen is drawn, a frame after its network.
    let done: Box<dyn FnOnce(Slots)> = if staged {
        Box::new(|slots| crate::html::after_next_frame(Box::new(move || mount_parts(slots))))
    } else {
        Box::new(mount_parts)
    };
    if store::with(|s| s.view.embed) {
        done(embedded(root, staged));
    } else {
        page(root, staged, done);
    }
    // The page's own header replaces the static introduction of index.html in the same task, so
    // that no frame shows both (the page would jump up when it went).
    if staged {
        if let Some(intro) = crate::html::document().get_element_by_id("intro") {
            intro.remove();
        }
    }
}

/// Runs `f` in a task of its own on the site (`staged`, [`store::in_turn`]), at once in the tests.
fn in_turn(staged: bool, f: impl FnOnce() + 'static) {
    if staged {
        store::in_turn(f);
    } else {
        f();
    }
}

thread_local! {
    /// A URL to write for the view (`Some(synthetic)`) after the page has painted.
    static URL_DUE: Cell<Option<Option<usize>>> = const { Cell::new(None) };
}

/// Writes the view into the URL after the page has painted, once for every change of the frame:
/// `history.replaceState` was 10 ms of a step on the scrubber at 4x (issue 24).
fn follow_url_later(synthetic: Option<usize>) {
    if URL_DUE.replace(Some(synthetic)).is_none() {
        crate::html::after_next_frame(Box::new(flush_url));
    }
}

/// Writes the URL now if the view has changed since it was written (before reading
/// `location.href`).
fn flush_url() {
    if let Some(synthetic) = URL_DUE.take() {
        follow_url(synthetic);
    }
}

/// The page's address, written for the view in use.
fn address() -> String {
    flush_url();
    crate::html::window().location().href().unwrap_or_default()
}

/// Writes the view into the URL.
fn follow_url(synthetic: Option<usize>) {
    let view = store::view();
    let mut query = url::to_query(&view);
    if let Some(n) = synthetic {
        query.push_str(&format!("&synthetic={n}"));
    }
    let window = crate::html::window();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query));
    }
}

/// Writes the view's language into `<html lang>` and its theme into `data-theme`.
fn set_document() {
    let view = store::view();
    crate::theme::show(view.theme);
    // Only when it changes: writing `lang` on <html> makes the browser restyle and lay out the
    // whole page (thousands of marks and edges with a large dataset), even when the value is the
    // same. So what the reader sees first, each of the first screen's regions, is tagged at once,
    // and <html> (with the parts below, `data-late`, which follow a frame late) after the page
    // has painted: at 4x that was 50 ms of the language switch (issue 24).
    let document = crate::html::document();
    let lang = crate::i18n::lang_tag(view.lang);
    let Some(root) = document.document_element() else { return };
    if root.get_attribute("lang").as_deref() == Some(lang) {
        return;
    }
    let Ok(regions) = document.query_selector_all("body > :not([data-late],main), main > :not([data-late])") else {
        return;
    };
    for region in (0..regions.length()).filter_map(|i| regions.item(i)) {
        crate::html::set(wasm_bindgen::JsCast::unchecked_ref(&region), "lang", lang);
    }
    crate::html::after_next_frame(Box::new(move || {
        if crate::i18n::lang_tag(store::lang()) == lang {
            crate::html::set(&root, "lang", lang);
        }
    }));
}

/// Fetches the parts and lets them fill the slots; says so, with a retry, if they do not arrive.
fn mount_parts(mut slots: Slots) {
    if slots.network_table.is_none() {
        slots.network_table = table_slot(&slots.root);
    }
    let place = slots.toolbar.clone();
    // The parts' stylesheets are fetched alongside the shell part; the parts are drawn once both
    // are here (drawn unstyled they would jump when their rules came).
    let styled = if slots.staged { add_stylesheets() } else { Rc::new(RefCell::new(Styled::Ready)) };
    load(
        entries().shell,
        ["页面其余部分", "rest of the page"],
        store::lang(),
        &place,
        Box::new(move |mount: fn(Slots)| when_styled(&styled, Box::new(move || mount(slots)))),
    );
}

/// Whether parts.css has arrived (or failed: the parts are then drawn without it rather than not
/// at all), and what waits for it.
enum Styled {
    Waiting(Option<Box<dyn FnOnce()>>),
    Ready,
}

/// Adds parts.css and print.css (`media="print"`) to `<head>`: they are not part of the first load.
fn add_stylesheets() -> Rc<RefCell<Styled>> {
    let styled = Rc::new(RefCell::new(Styled::Waiting(None)));
    let document = crate::html::document();
    let Some(head) = document.head() else { return Rc::new(RefCell::new(Styled::Ready)) };
    let head: Element = head.into();
    let parts = el("link", &[("rel", "stylesheet"), ("href", "parts.css")], Some(&head));
    el("link", &[("rel", "stylesheet"), ("href", "print.css"), ("media", "print")], Some(&head));
    for event in ["load", "error"] {
        let styled = styled.clone();
        crate::html::on(
            &parts,
            event,
            Box::new(move |_| {
                let waiting = std::mem::replace(&mut *styled.borrow_mut(), Styled::Ready);
                if let Styled::Waiting(Some(then)) = waiting {
                    then();
                }
            }),
        );
    }
    styled
}

/// Runs `then` now if parts.css is here, or when it arrives.
fn when_styled(styled: &Rc<RefCell<Styled>>, then: Box<dyn FnOnce()>) {
    let mut state = styled.borrow_mut();
    match &mut *state {
        Styled::Ready => {
            drop(state);
            then();
        }
        Styled::Waiting(slot) => *slot = Some(then),
    }
}

/// The whole page: header, toolbar, explorer, network and the slots for the parts, then `done`
/// with the slots. On the site, in turns: the header; the explorer's form; the answer and what
/// lies below it; the network (three tasks of its own, a frame later).
fn page(root: &Element, staged: bool, done: Box<dyn FnOnce(Slots)>) {
    let header = el("header", &[("class", "top")], Some(root));
    let titles = el("div", &[], Some(&header));
    let h1 = el("h1", &[], Some(&titles));
    let tagline = el("p", &[("class", "tagline")], Some(&titles));
    let controls = el("div", &[("class", "top-controls")], Some(&header));
    copy_link(&controls);
    // Its accessible name is the word it shows (the other language, in that language).
    let toggle = el("button", &[("class", "lang"), ("data-testid", "lang-toggle")], Some(&controls));
    crate::html::on(
        toggle.as_ref(),
        "click",
        Box::new(|_| store::update_view(|v| v.lang = if v.lang == Lang::Zh { Lang::En } else { Lang::Zh })),
    );
    let notices = el("div", &[("class", "slot")], Some(root));
    crate::notices::notices(&notices);
    // Stories, the theme switch and printing (the `story` part), in a slot that keeps its height
    // from the first frame so that nothing below moves when they arrive. A region of its own
    // (every part of the page is in a landmark).
    let toolbar = el("div", &[("class", "toolbar"), ("data-testid", "toolbar"), ("role", "region")], Some(root));
    let main = el("main", &[], Some(root));
    {
        let toolbar = toolbar.clone();
        words(move |lang| {
            let s = strings(lang);
            h1.set_text_content(Some(s.app_title()));
            tagline.set_text_content(Some(s.tagline()));
            toggle.set_text_content(Some(s.other_lang_label()));
            crate::html::set(&toolbar, "aria-label", crate::i18n::strings(lang).toolbar());
        });
    }
    let root = root.clone();
    in_turn(staged, move || {
        let (_, answer) = crate::explorer::explorer_form(&main);
        in_turn(staged, move || answer_and_below(root, main, notices, toolbar, staged, answer, done));
    });
}

/// The explorer's answer, what lies below it, and the network (see [`page`]).
#[allow(clippy::too_many_arguments)]
fn answer_and_below(
    root: Element,
    main: Element,
    notices: Element,
    toolbar: Element,
    staged: bool,
    answer: Box<dyn FnOnce()>,
    done: Box<dyn FnOnce(Slots)>,
) {
    answer();
    // "Cite this answer": the button is the first screen's, and opens and closes the citation
    // (`aria-expanded`); the citation itself is the parts' (`app::CiteJourney`, in this box after
    // the button), which read the button's state when they arrive, so a press meanwhile counts.
    let cite = el("div", &[("class", "citation citation-journey")], Some(&main));
    let cite_button = el(
        "button",
        &[
            ("class", "small cite-button"),
            ("data-testid", "cite-journey"),
            ("aria-expanded", "false"),
            ("aria-controls", "cite-panel-journey"),
        ],
        Some(&cite),
    );
    {
        let button = cite_button.clone();
        crate::html::on(
            cite_button.as_ref(),
            "click",
            Box::new(move |_| {
                let open = button.get_attribute("aria-expanded").as_deref() == Some("true");
                crate::html::set(&button, "aria-expanded", if open { "false" } else { "true" });
            }),
        );
    }
    words(move |lang| {
        cite_button.set_text_content(Some(&format!("❝ {}", crate::i18n::strings(lang).cite_answer())));
    });
    let placeholder = el("div", &[("class", "network-placeholder")], Some(&main));
    // The parts below the first screen take a new language a frame late (`set_document`).
    let below = el("div", &[("class", "slot"), ("data-late", "")], Some(&main));
    let sim = el("div", &[("class", "slot"), ("data-late", "")], Some(&main));
    let data = el("div", &[("class", "slot"), ("id", "data-slot"), ("data-late", "")], Some(&root));
    let footer = el("div", &[("class", "slot")], Some(&root));
    let mut slots = Slots {
        root: root.clone(),
        notices,
        toolbar,
        cite,
        network_table: None,
        below,
        sim,
        data,
        footer,
        embed: false,
        staged,
    };
    if !staged {
        let network = crate::network::network(&main);
        let _ = main.replace_child(&network, &placeholder);
        slots.network_table = table_slot(&network);
        done(slots);
        return;
    }
    crate::html::after_next_frame(Box::new(move || {
        crate::network::network_in_turn(Box::new(move |network| {
            let _ = main.replace_child(&network, &placeholder);
            done(slots);
        }));
    }));
}

/// Writes a piece of the page's words now and whenever the language changes.
fn words(write: impl Fn(Lang) + 'static) {
    let lang = std::cell::Cell::new(store::lang());
    write(lang.get());
    store::subscribe(move |changed| {
        if changed.view && store::lang() != lang.get() {
            lang.set(store::lang());
            write(lang.get());
        }
    });
}

/// "Copy link": the page's address (which is the view) to the clipboard, or, where the clipboard
/// cannot be written, the address selected in a box to copy by hand. Public contract:
/// `copy-link`, `copy-link-status`, `copy-link-url`.
fn copy_link(parent: &Element) -> Element {
    use std::cell::Cell;
    use wasm_bindgen::JsCast;
    let wrap = el("span", &[("class", "copy-link")], Some(parent));
    let button = el("button", &[("class", "small"), ("data-testid", "copy-link")], Some(&wrap));
    let status = el("span", &[("role", "status"), ("data-testid", "copy-link-status")], Some(&wrap));
    // What the status says: nothing yet, copied, or copy by hand.
    let state: Rc<Cell<Option<bool>>> = Rc::default();
    // `show(false)` keeps a box to copy by hand that is there (and its selection), with the address
    // brought up to date; `show(true)` writes everything anew (a new language).
    let show: Rc<dyn Fn(bool)> = {
        let (button, status, state) = (button.clone(), status.clone(), Rc::clone(&state));
        Rc::new(move |anew: bool| {
            let lang = store::lang();
            // Only what changed: a view's change (a step of a story) rewrote both with the same words.
            crate::html::set_text(&button, crate::i18n::strings(lang).copy_link());
            match state.get() {
                None => crate::html::set_text(&status, ""),
                Some(true) => status.set_text_content(Some(crate::i18n::strings(lang).copied())),
                Some(false) => {
                    if let (false, Ok(Some(input))) = (anew, status.query_selector("input")) {
                        crate::html::set_value(&input, &address());
                        return;
                    }
                    let span = el("span", &[], None);
                    crate::html::text(&span, &format!("{} ", crate::i18n::strings(lang).copy_fallback()));
                    let input = el(
                        "input",
                        &[("readonly", ""), ("class", "copy-url"), ("data-testid", "copy-link-url")],
                        Some(&span),
                    );
                    crate::html::set_value(&input, &address());
                    crate::html::on(
                        input.as_ref(),
                        "focus",
                        Box::new(|ev| {
                            if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                i.select();
                            }
                        }),
                    );
                    crate::html::clear(&status);
                    let _ = status.append_child(&span);
                }
            }
        })
    };
    show(true);
    {
        let show = Rc::clone(&show);
        let lang = Cell::new(store::lang());
        store::subscribe(move |changed| {
            if changed.view {
                // A new language rewrites the words; a new view, the address to copy by hand.
                let anew = store::lang() != lang.get();
                lang.set(store::lang());
                show(anew);
            }
        });
    }
    crate::html::on(
        button.as_ref(),
        "click",
        Box::new(move |_| {
            let href = address();
            let (show, state) = (Rc::clone(&show), Rc::clone(&state));
            match crate::html::clipboard_write(&href) {
                Some(promise) => wasm_bindgen_futures::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    state.set(Some(ok));
                    show(true);
                }),
                None => {
                    state.set(Some(false));
                    show(true);
                }
            }
        }),
    );
    wrap
}

/// The network's table disclosure and its slot, once the network is drawn.
fn table_slot(network: &Element) -> Option<(Element, Element)> {
    let details = network.query_selector("[data-testid=network-table]").ok()??;
    let slot = details.query_selector("[data-slot]").ok()??;
    Some((details, slot))
}

/// `?embed=1`: the network and the explorer's answer, for an iframe, with a way to the full view.
fn embedded(root: &Element, staged: bool) -> Slots {
    let frame = el("div", &[("class", "embedded"), ("data-testid", "embed")], Some(root));
    let header = el("header", &[("class", "top compact")], Some(&frame));
    let lang = store::lang();
    text_el("h1", &[], strings(lang).app_title(), &header);
    let full = {
        let view = url::ViewState { embed: false, ..store::view() };
        let path = crate::html::window().location().pathname().unwrap_or_default();
        format!("{path}{}", url::to_query(&view))
    };
    let link = el(
        "a",
        &[("data-testid", "embed-link"), ("href", &full), ("target", "_blank"), ("rel", "noopener")],
        Some(&header),
    );
    link.set_text_content(Some(&format!("{} ↗", crate::i18n::strings(lang).open_full())));
    let notices = el("div", &[("class", "slot")], Some(&frame));
    crate::notices::notices(&notices);
    let main = el("main", &[], Some(&frame));
    let network = crate::network::network(&main);
    crate::explorer::explorer(&main);
    let footer = el("div", &[("class", "slot")], Some(&frame));
    let unused = || el("div", &[], None);
    Slots {
        root: root.clone(),
        notices,
        toolbar: unused(),
        cite: unused(),
        network_table: table_slot(&network),
        below: unused(),
        sim: unused(),
        data: unused(),
        footer,
        embed: true,
        staged,
    }
}
