//! Downloads made in the browser: a text file (CSV, SVG) or a PNG drawn from an SVG. An SVG (and
//! so a PNG) is drawn in the colours of the theme in use (`theme::recolour`).

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Offers `text` as a file download named `name`.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let text = if mime == "image/svg+xml" { crate::theme::recolour(text) } else { text.into() };
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(name, &blob)
}

fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = crate::html::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Draws the SVG text on a canvas at twice its size and offers it as a PNG.
pub fn download_png(name: &str, svg: &str, width: f64, height: f64) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(&crate::theme::recolour(svg)));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let img = web_sys::HtmlImageElement::new()?;
    let name = name.to_string();
    let img2 = img.clone();
    let url2 = url.clone();
    let onload = Closure::once(move || {
        let result = (|| -> Result<(), JsValue> {
            let document = crate::html::document();
            let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
            canvas.set_width((width * 2.0) as u32);
            canvas.set_height((height * 2.0) as u32);
            let cx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
            cx.set_fill_style_str("#ffffff");
            cx.fill_rect(0.0, 0.0, width * 2.0, height * 2.0);
            cx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, width * 2.0, height * 2.0)?;
            let data_url = canvas.to_data_url_with_type("image/png")?;
            let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
            a.set_href(&data_url);
            a.set_download(&name);
            a.click();
            web_sys::Url::revoke_object_url(&url2)?;
            Ok(())
        })();
        if let Err(e) = result {
            web_sys::console::error_1(&e);
        }
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&url);
    Ok(())
}

/// A safe file-name part from a title.
pub fn slug(text: &str) -> String {
    let s: String =
        text.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}
