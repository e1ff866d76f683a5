//! Themes: the page follows the system's light or dark scheme (and Windows high contrast, through
//! `forced-colors`), or a theme a person picks: `theme=auto|light|dark|contrast` in the URL.
//!
//! The colours live in `style/main.css` as custom properties, one set per theme, chosen by the
//! `data-theme` attribute of `<html>` (absent for auto; `web/boot.js` sets it from the URL before
//! the wasm starts, so the first paint already has it). The drawings (the network, the charts)
//! write their colours as SVG attributes, the light theme's, so that an exported file is
//! complete; the stylesheet recolours them on screen by attribute (`svg [stroke="#2e8b57"]`), and
//! an export has them replaced by the theme's own values ([`themed_svg`]), read from the page.
//!
//! The theme switch (`hutong::theme::ThemeSelect`) and [`themed_svg`] come with the `shell` part;
//! the first screen's exports reach [`themed_svg`] through [`recolour`], a function pointer the
//! part sets when it arrives ([`install`]), so the first screen does not carry it.

/// The theme a person picked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// The system's: light or dark (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
    /// Light text and bright colours on black.
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Contrast];

    /// The URL value (and the `data-theme` attribute, which auto leaves absent).
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }

    pub fn from_id(id: &str) -> Option<Theme> {
        match id {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "contrast" => Some(Theme::Contrast),
            _ => None,
        }
    }
}

/// The colours the drawings are written with, each with the custom property that holds its value
/// in the theme in use: `(attribute, colour as written, property)`. The stylesheet has one rule
/// per entry (`svg [fill="#ffffff"] { fill: var(--card) }`); a test checks that they agree.
pub const INKS: [(&str, &str, &str); 13] = [
    // Verdicts (network edges; `network::view::verdict_colour`).
    ("stroke", "#2e8b57", "--v-direct"),
    ("stroke", "#2f6db5", "--v-workaround"),
    ("stroke", "#c98a06", "--v-partial"),
    ("stroke", "#7b4bb7", "--v-announced"),
    ("stroke", "#c0392b", "--v-blocked"),
    ("stroke", "#9a9083", "--v-undecided"),
    // The drawing's ground, its text and lines (network and charts).
    ("fill", "#ffffff", "--card"),
    ("stroke", "#ffffff", "--node-ring"),
    ("fill", "#1f1b16", "--ink"),
    ("fill", "#6b6257", "--muted"),
    ("stroke", "#6b6257", "--muted"),
    ("stroke", "#e3dccf", "--line"),
    ("stroke", "#7a2e1f", "--accent"),
];

static RECOLOUR: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

/// The SVG text in the theme's colours ([`themed_svg`]) once the shell part is here; as drawn
/// before that (which is the light theme's).
pub fn recolour(svg: &str) -> std::borrow::Cow<'_, str> {
    match RECOLOUR.get() {
        Some(themed) => std::borrow::Cow::Owned(themed(svg)),
        None => std::borrow::Cow::Borrowed(svg),
    }
}

/// Lets [`recolour`] use [`themed_svg`] (called by the shell part when it arrives).
pub fn install() {
    let _ = RECOLOUR.set(themed_svg);
}

/// The SVG text with its colours as the theme in use draws them: each of [`INKS`] replaced by the
/// computed value of its custom property (`rgb(…)`), so that an export looks like the screen.
pub fn themed_svg(svg: &str) -> String {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let document = crate::html::document();
    let (Some(body), Ok(probe)) = (document.body(), document.create_element("i")) else { return svg.to_string() };
    let probe: web_sys::HtmlElement = probe.unchecked_into();
    let style = probe.style();
    // Windows high contrast would force the probe's own colour; the property's value is wanted.
    let _ = style.set_property("forced-color-adjust", "none");
    if body.append_child(&probe).is_err() {
        return svg.to_string();
    }
    // getComputedStyle, called by name: each web API the parts use is an import of the first
    // screen's module, and this one is used nowhere else.
    let window = crate::html::window();
    let computed = Reflect::get(&window, &"getComputedStyle".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&window, &probe).ok())
        .unwrap_or(JsValue::NULL);
    let mut out = svg.to_string();
    for (attr, written, property) in INKS {
        let _ = style.set_property("color", &format!("var({property})"));
        let value = Reflect::get(&computed, &"color".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        if !value.is_empty() {
            out = out.replace(&format!("{attr}=\"{written}\""), &format!("{attr}=\"{value}\""));
        }
    }
    probe.remove();
    out
}

/// Writes the theme into `<html data-theme>` (absent for auto), when it differs: the page follows
/// the view's theme from its store (`page.rs`), as it does its language.
pub fn show(theme: Theme) {
    if let Some(root) = crate::html::document().document_element() {
        let want = (theme != Theme::Auto).then(|| theme.id());
        if root.get_attribute("data-theme").as_deref() != want {
            let _ = match want {
                None => root.remove_attribute("data-theme"),
                Some(id) => root.set_attribute("data-theme", id),
            };
        }
    }
}
