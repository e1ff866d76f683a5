//! If anything panics, the page says so and offers a way on, instead of freezing silently.
//!
//! The release build aborts on panic, so the message is built with plain DOM calls (no Leptos, no
//! Rust callbacks afterwards): a reload link, and a link that reloads with the saved imported
//! dataset set aside (`?reset-data=1`), since a bad saved dataset is the one thing that would make
//! the same panic come back.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = show(&info.to_string());
    }));
}

fn show(detail: &str) -> Result<(), wasm_bindgen::JsValue> {
    let document = crate::html::document();
    let body = document.body().ok_or("no body")?;
    if document.query_selector("[data-testid=crash]")?.is_some() {
        return Ok(());
    }
    let zh = document.document_element().and_then(|e| e.get_attribute("lang")).is_some_and(|l| l.starts_with("zh"));
    let (title, what, reload, reset) = if zh {
        (
            "出错了",
            "页面遇到内部错误，已停止运行。你导入的数据保存在本机，不会因此丢失。请重新载入；若问题再次出现，可暂时不载入保存的导入数据。",
            "重新载入",
            "不载入保存的导入数据并重新载入",
        )
    } else {
        (
            "Something went wrong",
            "The page hit an internal error and stopped. Your imported data is saved in this browser and is not lost. Reload; if it happens again, reload without the saved import.",
            "Reload",
            "Reload without the saved import",
        )
    };
    let panel = document.create_element("div")?;
    panel.set_class_name("crash");
    panel.set_attribute("role", "alert")?;
    panel.set_attribute("data-testid", "crash")?;
    let add = |tag: &str, text: &str| -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let el = document.create_element(tag)?;
        el.set_text_content(Some(text));
        panel.append_child(&el)?;
        Ok(el)
    };
    add("h2", title)?;
    add("p", what)?;
    let location = crate::html::window().location();
    let href = location.href()?;
    let a = add("a", reload)?;
    a.set_attribute("href", &href)?;
    a.set_attribute("data-testid", "crash-reload")?;
    add("span", " · ")?;
    let a = add("a", reset)?;
    a.set_attribute("href", &format!("{}?reset-data=1", location.pathname()?))?;
    let details = add("details", "")?;
    let summary = document.create_element("summary")?;
    summary.set_text_content(Some(if zh { "技术细节" } else { "Technical details" }));
    details.append_child(&summary)?;
    let pre = document.create_element("pre")?;
    pre.set_text_content(Some(detail));
    details.append_child(&pre)?;
    body.insert_before(&panel, body.first_child().as_ref())?;
    let _ = panel.dyn_ref::<web_sys::HtmlElement>().map(|p| p.focus());
    Ok(())
}
