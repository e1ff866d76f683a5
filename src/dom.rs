//! What Leptos views do not express: SVG elements made and changed after the fact.

/// A new SVG element (`desc`, `title`, …) of the document.
pub fn svg_element(name: &str) -> Option<web_sys::Element> {
    crate::html::document().create_element_ns(Some("http://www.w3.org/2000/svg"), name).ok()
}

/// Sets the tooltip of an SVG element: its `<title>` child, made when it has none.
pub fn set_svg_title(element: &web_sys::Element, text: &str) {
    let title = match element.query_selector(":scope > title").ok().flatten() {
        Some(title) => title,
        None => {
            let Some(title) = svg_element("title") else { return };
            let _ = element.prepend_with_node_1(&title);
            title
        }
    };
    title.set_text_content(Some(text));
}
