//! What the URL asked for that could not be given, said politely, with a way to dismiss it: drawn
//! on the first screen from the store's notices, so that a reader sees them even when the parts
//! do not arrive. Public contract: `url-notice`, `data-notice="dataset"|"saved"`.

use hutong_core::Lang;
use web_sys::Element;

use crate::html::{clear, el, text_el};
use crate::i18n::strings;
use crate::store::{self, Origin};
use crate::url::{Notice, NoticeKind};

/// Draws the notices in `place`, and again whenever they, the language or the dataset change.
pub fn notices(slot: &Element) {
    let place = el("div", &[("class", "slot")], Some(slot));
    draw(&place);
    store::subscribe(move |changed| {
        if changed.notices || changed.data || changed.origin || (changed.view && lang_changed(&place)) {
            draw(&place);
        }
    });
}

/// Whether the notices were drawn in another language than the view's.
fn lang_changed(place: &Element) -> bool {
    place.get_attribute("data-lang").as_deref() != Some(store::lang().code())
}

fn draw(place: &Element) {
    clear(place);
    let (notices, lang, version, origin) =
        store::with(|s| (s.notices.clone(), s.view.lang, s.data.version.clone(), s.origin));
    crate::html::set(place, "data-lang", lang.code());
    if notices.is_empty() {
        return;
    }
    let div = el("div", &[("class", "notices"), ("role", "status"), ("data-testid", "url-notice")], Some(place));
    let list = el("ul", &[], Some(&div));
    for n in &notices {
        line(&list, n, lang, &version, origin);
    }
    let dismiss = text_el("button", &[], strings(lang).dismiss(), &div);
    crate::html::on(dismiss.as_ref(), "click", Box::new(|_| store::update(|s| s.notices.clear())));
}

fn line(list: &Element, n: &Notice, lang: Lang, version: &str, origin: Origin) {
    let s = strings(lang);
    let what = match n.kind {
        NoticeKind::Unknown => s.notice_unknown(),
        NoticeKind::Malformed => s.notice_malformed(),
        NoticeKind::OtherDataset if n.value.is_empty() => {
            let text = crate::i18n::strings(lang).notice_other_dataset_embedded().replace("{have}", version);
            text_el("li", &[("data-notice", "dataset")], &text, list);
            return;
        }
        NoticeKind::OtherDataset => {
            let have = if origin == Origin::Embedded { crate::i18n::strings(lang).embedded() } else { version };
            let text =
                crate::i18n::strings(lang).notice_other_dataset().replace("{want}", &n.value).replace("{have}", have);
            text_el("li", &[("data-notice", "dataset")], &text, list);
            return;
        }
        NoticeKind::SavedUnreadable => {
            let text = crate::i18n::strings(lang).notice_saved_unreadable().replace("{e}", &n.value);
            text_el("li", &[("data-notice", "saved")], &text, list);
            return;
        }
    };
    let li = text_el("li", &[], &format!("{what}: "), list);
    text_el("code", &[], &format!("{}={}", n.param, n.value), &li);
}
