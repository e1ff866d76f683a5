//! Search inside the events, in Chinese and English: titles, summaries, quotes, notes, actors and
//! sources. Chinese has no spaces between words, so matching works on characters: a run of Chinese
//! characters matches where it appears whole, and otherwise where every pair of neighbouring
//! characters in it appears ("淘宝微信支付" finds an event that says "淘宝…微信支付"). Latin terms match
//! case-insensitively anywhere in a word, and rank higher at a word's start.
//!
//! A query is terms separated by spaces; an event matches when every term does (in any of its
//! fields). Each hit says where the terms matched (byte ranges per field), so a UI can mark them.

use crate::model::{Dataset, Event, Lang};

/// A searchable text of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Summary,
    Quote,
    Note,
    Actors,
    Source,
}

impl Field {
    pub const ALL: [Field; 6] = [Field::Title, Field::Summary, Field::Quote, Field::Note, Field::Actors, Field::Source];

    /// How much a match here weighs: a title says what the event is, a source only where it is told.
    fn weight(self) -> u32 {
        match self {
            Field::Title => 8,
            Field::Summary => 4,
            Field::Quote => 4,
            Field::Actors => 3,
            Field::Note => 2,
            Field::Source => 1,
        }
    }
}

/// Where the terms matched in one text of one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMatch {
    pub field: Field,
    /// The text's language; `None` for the quote (always Chinese) and other single texts.
    pub lang: Option<Lang>,
    /// The text as searched (what a UI shows with the ranges marked).
    pub text: String,
    /// Byte ranges in `text`, sorted and merged.
    pub ranges: Vec<(usize, usize)>,
}

/// One event that matches every term.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into `Dataset::events`.
    pub event: usize,
    pub score: u32,
    pub fields: Vec<FieldMatch>,
}

/// The longest query considered (characters); the rest is ignored, so a pasted essay stays cheap.
pub const MAX_QUERY_CHARS: usize = 80;

/// Every event matching every term of `query`, best first (then in dataset order). An empty query
/// matches nothing.
pub fn search(data: &Dataset, query: &str) -> Vec<Hit> {
    let terms = terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = data
        .events
        .iter()
        .enumerate()
        .filter_map(|(index, event)| {
            let texts = texts(data, event);
            let mut score = 0;
            let mut found: Vec<Vec<(usize, usize)>> = vec![Vec::new(); texts.len()];
            for term in &terms {
                let mut best = 0;
                for (i, (field, _, text)) in texts.iter().enumerate() {
                    if let Some((strength, ranges)) = term.find(text) {
                        best = best.max(strength * field.weight());
                        found[i].extend(ranges);
                    }
                }
                if best == 0 {
                    // A Chinese run found nowhere whole: its words, written without spaces.
                    let Term::Han(chars) = term else { return None };
                    let pieces = segment(chars, &texts)?;
                    let mut weighted = 0;
                    for piece in &pieces {
                        let mut piece_best = 0;
                        for (i, (field, _, text)) in texts.iter().enumerate() {
                            let at = occurrences(text, piece);
                            if !at.is_empty() {
                                piece_best = piece_best.max(field.weight());
                                found[i].extend(at);
                            }
                        }
                        weighted += piece_best * piece.chars().count() as u32;
                    }
                    // The weight of the fields its pieces were found in, averaged over the run's
                    // characters: "淘宝" and "微信支付" both in a title weigh as a title, the same
                    // characters scattered over an article's title hardly at all. Never above the
                    // field's own weight, so a run found whole (three times it) ranks first.
                    best = (weighted / chars.len() as u32).max(1);
                }
                score += best;
            }
            let fields = texts
                .into_iter()
                .zip(found)
                .filter(|(_, ranges)| !ranges.is_empty())
                .map(|((field, lang, text), ranges)| FieldMatch { field, lang, text, ranges: merge(ranges) })
                .collect();
            Some(Hit { event: index, score, fields })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.event.cmp(&b.event)));
    hits
}

/// The texts of an event that are searched, with their field and language.
fn texts(data: &Dataset, event: &Event) -> Vec<(Field, Option<Lang>, String)> {
    let mut out = Vec::with_capacity(12);
    for lang in [Lang::Zh, Lang::En] {
        out.push((Field::Title, Some(lang), event.title.get(lang).to_string()));
        out.push((Field::Summary, Some(lang), event.summary.get(lang).to_string()));
        if let Some(note) = &event.note {
            out.push((Field::Note, Some(lang), note.get(lang).to_string()));
        }
        let names: Vec<String> =
            event.actors.iter().map(|a| data.name(a).map_or(a.clone(), |n| n.get(lang).to_string())).collect();
        out.push((Field::Actors, Some(lang), names.join(", ")));
        if let Some(source) = data.source(&event.cite.source) {
            out.push((Field::Source, Some(lang), source.outlet.get(lang).to_string()));
        }
    }
    out.push((Field::Quote, None, event.cite.quote.clone()));
    if let Some(source) = data.source(&event.cite.source) {
        out.push((Field::Source, None, source.title.clone()));
    }
    out
}

/// One term of a query, normalised.
#[derive(Clone, Debug, PartialEq)]
enum Term {
    /// Chinese (Han) characters: whole, or failing that every neighbouring pair.
    Han(Vec<char>),
    /// Anything else, lower-cased.
    Latin(String),
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Full-width ASCII (Ｔａｏｂａｏ, １２) read as ASCII; everything lower-cased.
fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

/// Splits a query into terms: at spaces and punctuation, and between Han and other characters
/// ("微信pay" is two terms).
fn terms(query: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut han = Vec::new();
    let mut latin = String::new();
    let flush = |han: &mut Vec<char>, latin: &mut String, out: &mut Vec<Term>| {
        if !han.is_empty() {
            out.push(Term::Han(std::mem::take(han)));
        }
        if !latin.is_empty() {
            out.push(Term::Latin(std::mem::take(latin)));
        }
    };
    for c in query.chars().take(MAX_QUERY_CHARS).map(fold) {
        if is_han(c) {
            if !latin.is_empty() {
                flush(&mut Vec::new(), &mut latin, &mut out);
            }
            han.push(c);
        } else if c.is_alphanumeric() || c == '-' || c == '.' || c == '%' {
            if !han.is_empty() {
                flush(&mut han, &mut String::new(), &mut out);
            }
            latin.push(c);
        } else {
            flush(&mut han, &mut latin, &mut out);
        }
    }
    flush(&mut han, &mut latin, &mut out);
    out.dedup();
    out
}

impl Term {
    /// How strongly the term matches `text` (0 = not at all) and where.
    fn find(&self, text: &str) -> Option<(u32, Vec<(usize, usize)>)> {
        match self {
            Term::Han(chars) => {
                let needle: String = chars.iter().collect();
                let whole = occurrences(text, &needle);
                (!whole.is_empty()).then_some((3, whole))
            }
            Term::Latin(word) => {
                let folded: String = text.chars().map(fold).collect();
                // Folding keeps each character's byte length for everything a text here holds
                // except full-width ASCII; search the folded text and map positions back.
                let map = byte_map(text, &folded);
                let at = occurrences(&folded, word);
                if at.is_empty() {
                    return None;
                }
                let starts_word =
                    at.iter().any(|&(s, _)| folded[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
                let ranges = at.into_iter().map(|(s, e)| (map(s), map(e))).collect();
                Some((if starts_word { 3 } else { 2 }, ranges))
            }
        }
    }
}

/// A run of Chinese characters cut into the longest pieces that each appear in one of the texts,
/// left to right; a single character only where no longer piece appears. `None` when some
/// character appears nowhere.
fn segment(chars: &[char], texts: &[(Field, Option<Lang>, String)]) -> Option<Vec<String>> {
    let appears = |piece: &str| texts.iter().any(|(_, _, t)| t.contains(piece));
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let end = (i + 1..=chars.len()).rev().find(|&j| appears(&chars[i..j].iter().collect::<String>()))?;
        out.push(chars[i..end].iter().collect());
        i = end;
    }
    Some(out)
}

/// Byte ranges of every (non-overlapping) occurrence of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle).map(|(i, m)| (i, i + m.len())).collect()
}

/// Maps a byte offset in `folded` to the same character's offset in `text` (they have the same
/// characters, possibly of other byte lengths).
fn byte_map<'a>(text: &'a str, folded: &'a str) -> impl Fn(usize) -> usize + 'a {
    move |offset: usize| {
        let n = folded[..offset].chars().count();
        text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
    }
}

fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Splits a text into pieces, each marked or not, by the ranges of a [`FieldMatch`]: what a UI
/// draws (`<mark>` around the marked pieces).
pub fn pieces<'t>(text: &'t str, ranges: &[(usize, usize)]) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            out.push((&text[at..s], false));
        }
        out.push((&text[s..e], true));
        at = e;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    fn ids(data: &Dataset, query: &str) -> Vec<String> {
        search(data, query).into_iter().map(|h| data.events[h.event].id.clone()).collect()
    }

    #[test]
    fn chinese_matches_on_characters_not_words() {
        let data = embedded::dataset();
        // A whole run: "微信支付" appears in many events.
        assert!(ids(&data, "微信支付").contains(&"taobao-wechat-pay-rollout".to_string()));
        // Written without a space, the words still find the events that have both.
        let both = ids(&data, "淘宝微信支付");
        assert!(both.contains(&"taobao-wechat-pay-beta".to_string()), "{both:?}");
        let hit = search(&data, "阿里巴巴淘宝天猫").into_iter().next();
        assert!(hit.is_none() || hit.unwrap().fields.iter().all(|f| !f.ranges.is_empty()));
        // A run that is not in the text at all finds nothing.
        assert!(ids(&data, "拼多多外卖").is_empty());
    }

    #[test]
    fn a_run_without_spaces_ranks_its_words_above_its_characters_scattered() {
        let data = embedded::dataset();
        let found = ids(&data, "淘宝微信支付");
        let at = |id: &str| found.iter().position(|f| f == id).unwrap_or_else(|| panic!("{id} in {found:?}"));
        // Both words in the title, against "淘宝" in the title and "微信", "支付" only in the source's.
        assert!(at("taobao-wechat-pay-beta") < at("jack-ma-2004-remark"), "{found:?}");
        assert!(at("taobao-wechat-pay-rollout") < at("jack-ma-2004-remark"), "{found:?}");
        assert!(found[..3].contains(&"taobao-wechat-pay-beta".to_string()), "{found:?}");
    }

    #[test]
    fn english_is_case_insensitive_and_terms_are_anded() {
        let data = embedded::dataset();
        let found = ids(&data, "ALIPAY weibo");
        assert!(found.contains(&"weibo-pay-launch".to_string()), "{found:?}");
        for id in &found {
            let e = data.event(id).unwrap();
            let all = format!("{:?}", e).to_lowercase();
            assert!(all.contains("alipay") || all.contains("支付宝"), "{id}");
        }
        assert!(ids(&data, "   ").is_empty());
    }

    #[test]
    fn a_title_match_ranks_above_a_mention_in_the_notes() {
        let data = embedded::dataset();
        let hits = search(&data, "Kuaishou");
        let first = &data.events[hits[0].event];
        assert!(first.title.en.contains("Kuaishou"), "{}", first.id);
    }

    #[test]
    fn ranges_mark_what_matched_even_in_full_width_text() {
        let data = embedded::dataset();
        let hit = &search(&data, "ｔａｏｂａｏ links")[0];
        let title = hit.fields.iter().find(|f| f.field == Field::Title && f.lang == Some(Lang::En)).unwrap();
        let marked: Vec<&str> = pieces(&title.text, &title.ranges).into_iter().filter(|p| p.1).map(|p| p.0).collect();
        assert!(marked.iter().any(|m| m.eq_ignore_ascii_case("taobao")), "{marked:?}");
        assert_eq!(pieces("淘宝微信", &[(0, 6)]), vec![("淘宝", true), ("微信", false)]);
        // Ranges that do not fall on characters are skipped, never a panic.
        assert_eq!(pieces("淘宝", &[(1, 2)]), vec![("淘宝", false)]);
    }

    #[test]
    fn terms_split_at_spaces_punctuation_and_script_changes() {
        assert_eq!(
            terms("微信pay，淘宝 Alipay"),
            vec![
                Term::Han(vec!['微', '信']),
                Term::Latin("pay".into()),
                Term::Han(vec!['淘', '宝']),
                Term::Latin("alipay".into())
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]
        #[test]
        fn any_query_is_safe_and_its_ranges_fall_on_characters(query in "\\PC{0,30}") {
            let data = embedded::dataset();
            for hit in search(&data, &query) {
                for f in &hit.fields {
                    for &(s, e) in &f.ranges {
                        proptest::prop_assert!(s < e && f.text.is_char_boundary(s) && f.text.is_char_boundary(e));
                    }
                }
            }
        }
    }
}
