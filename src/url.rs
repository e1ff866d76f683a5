//! The view a person shares is the query string. It is parsed into a typed [`ViewState`] (with a
//! notice for every value that could not be used) and written back when the view changes.
//!
//! Public contract, keep stable: `lang`, `actor`, `kind`, `event`.

use hutong_core::{Dataset, Kind, Lang};

use crate::i18n::{kind_from_id, kind_id, ALL_KINDS};

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewState {
    pub lang: Lang,
    /// An owner or platform id; `None` shows every actor.
    pub actor: Option<String>,
    /// The kinds shown, in [`ALL_KINDS`] order; all of them when the URL names none.
    pub kinds: Vec<Kind>,
    /// The event whose details are open.
    pub event: Option<String>,
}

/// A URL value that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub kind: NoticeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Well formed, but no such id (or language) exists.
    Unknown,
    /// Not of the parameter's form.
    Malformed,
}

impl ViewState {
    pub fn all_kinds(&self) -> bool {
        self.kinds.len() == ALL_KINDS.len()
    }
}

/// Reads a query string (with or without the leading `?`). Never fails: what cannot be used becomes
/// a notice and the default.
pub fn parse(query: &str, data: &Dataset) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState { kinds: ALL_KINDS.to_vec(), ..ViewState::default() };
    let mut notices = Vec::new();
    let mut note = |param: &str, value: &str, kind| {
        notices.push(Notice { param: param.to_string(), value: value.to_string(), kind })
    };
    let query = query.strip_prefix('?').unwrap_or(query);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = value.trim();
        match key.as_ref() {
            "lang" => match Lang::from_code(value) {
                Some(lang) => state.lang = lang,
                None => note("lang", value, NoticeKind::Unknown),
            },
            "actor" if value.is_empty() => {}
            "actor" => {
                if !hutong_core::load::is_id(value) {
                    note("actor", value, NoticeKind::Malformed)
                } else if data.owner(value).is_some() || data.platform(value).is_some() {
                    state.actor = Some(value.to_string())
                } else {
                    note("actor", value, NoticeKind::Unknown)
                }
            }
            "kind" => {
                let mut kinds = Vec::new();
                for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    match kind_from_id(part) {
                        Some(k) => kinds.push(k),
                        None => note("kind", part, NoticeKind::Unknown),
                    }
                }
                if !kinds.is_empty() {
                    state.kinds = ALL_KINDS.into_iter().filter(|k| kinds.contains(k)).collect();
                }
            }
            "event" if value.is_empty() => {}
            "event" => {
                if !hutong_core::load::is_id(value) {
                    note("event", value, NoticeKind::Malformed)
                } else if data.event(value).is_some() {
                    state.event = Some(value.to_string())
                } else {
                    note("event", value, NoticeKind::Unknown)
                }
            }
            // Parameters of later features or other tools are left alone, not reported.
            _ => {}
        }
    }
    (state, notices)
}

/// Writes the state as a query string (with `?`), leaving out what equals the default.
pub fn to_query(state: &ViewState) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("lang", state.lang.code());
    if let Some(actor) = &state.actor {
        out.append_pair("actor", actor);
    }
    if !state.all_kinds() {
        let kinds: Vec<&str> = state.kinds.iter().map(|k| kind_id(*k)).collect();
        out.append_pair("kind", &kinds.join(","));
    }
    if let Some(event) = &state.event {
        out.append_pair("event", event);
    }
    format!("?{}", out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        hutong_core::embedded::dataset()
    }

    #[test]
    fn a_shared_view_round_trips() {
        let data = data();
        let state = ViewState {
            lang: Lang::En,
            actor: Some("alibaba".into()),
            kinds: vec![Kind::Block, Kind::Open],
            event: Some("alipay-bans-wechat-merchants".into()),
        };
        let query = to_query(&state);
        assert_eq!(query, "?lang=en&actor=alibaba&kind=block%2Copen&event=alipay-bans-wechat-merchants");
        assert_eq!(parse(&query, &data), (state, vec![]));
    }

    #[test]
    fn bad_values_become_notices_and_defaults() {
        let data = data();
        let (state, notices) = parse("?lang=fr&actor=nobody&kind=block,riot&event=<script>", &data);
        assert_eq!(state.lang, Lang::Zh);
        assert_eq!(state.actor, None);
        assert_eq!(state.kinds, vec![Kind::Block]);
        assert_eq!(state.event, None);
        let kinds: Vec<_> = notices.iter().map(|n| (n.param.as_str(), n.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("lang", NoticeKind::Unknown),
                ("actor", NoticeKind::Unknown),
                ("kind", NoticeKind::Unknown),
                ("event", NoticeKind::Malformed)
            ]
        );
    }

    #[test]
    fn an_empty_query_is_the_default_view() {
        let (state, notices) = parse("", &data());
        assert_eq!(state.lang, Lang::Zh);
        assert!(state.all_kinds());
        assert!(notices.is_empty());
        assert_eq!(to_query(&state), "?lang=zh");
    }
}
