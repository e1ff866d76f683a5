//! A compact binary form of a validated [`Dataset`], for the embedded data.
//!
//! The curated dataset is checked by the full loader when the crate is built (`build.rs` runs
//! `load` on `data/*.json` and fails the build on any problem) and shipped in this form, so the
//! app starts without parsing JSON and without the loader's code (serde, the schema's visitors,
//! the checks), which only an import needs.
//!
//! Layout: a magic tag, then each list in `Dataset` order. Strings are a LEB128 length and UTF-8
//! bytes, lists a LEB128 count and their items, enums one byte (their declaration order), options a
//! presence byte, `f64` eight little-endian bytes. Event dates are their text, parsed again when
//! read (so a date is never made more precise than its text). `decode(encode(d)) == d`.

use crate::date::DateSpec;
use crate::model::*;

const MAGIC: &[u8; 4] = b"HTC1";

/// Why bytes could not be read back (never for bytes made by [`encode`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "compact dataset: {}", self.0)
    }
}

/// Enums as one byte: their variants in declaration order.
macro_rules! byte_enum {
    ($t:ty, [$($v:ident),* $(,)?]) => {
        impl Code for $t {
            fn put(&self, w: &mut Vec<u8>) {
                const ALL: &[$t] = &[$(<$t>::$v),*];
                w.push(ALL.iter().position(|x| x == self).unwrap_or(0) as u8);
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt> {
                const ALL: &[$t] = &[$(<$t>::$v),*];
                ALL.get(r.byte()? as usize).copied().ok_or(Corrupt(stringify!($t)))
            }
        }
    };
}

trait Code: Sized {
    fn put(&self, w: &mut Vec<u8>);
    fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt>;
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, Corrupt> {
        let (&b, rest) = self.bytes.split_first().ok_or(Corrupt("truncated"))?;
        self.bytes = rest;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        if n > self.bytes.len() {
            return Err(Corrupt("truncated"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn len(&mut self) -> Result<usize, Corrupt> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Corrupt("length"))
    }
}

fn put_len(n: usize, w: &mut Vec<u8>) {
    let mut n = n;
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            w.push(b);
            return;
        }
        w.push(b | 0x80);
    }
}

impl Code for String {
    fn put(&self, w: &mut Vec<u8>) {
        put_len(self.len(), w);
        w.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let n = r.len()?;
        let bytes = r.take(n)?;
        std::str::from_utf8(bytes).map(str::to_owned).map_err(|_| Corrupt("utf-8"))
    }
}

impl Code for bool {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(u8::from(*self));
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt> {
        Ok(r.byte()? != 0)
    }
}

impl Code for f64 {
    fn put(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let mut b = [0u8; 8];
        b.copy_from_slice(r.take(8)?);
        Ok(f64::from_le_bytes(b))
    }
}

impl<T: Code> Code for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) {
        put_len(self.len(), w);
        self.iter().for_each(|x| x.put(w));
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let n = r.len()?;
        // Never trust a count with an allocation: each item takes at least one byte.
        let mut out = Vec::with_capacity(n.min(r.bytes.len()));
        for _ in 0..n {
            out.push(T::get(r)?);
        }
        Ok(out)
    }
}

impl<T: Code> Code for Option<T> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(x) => {
                w.push(1);
                x.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt> {
        Ok(if r.byte()? == 0 { None } else { Some(T::get(r)?) })
    }
}

/// Structs as their fields in order.
macro_rules! record {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Code for $t {
            fn put(&self, w: &mut Vec<u8>) {
                $(self.$f.put(w);)*
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt> {
                Ok($t { $($f: Code::get(r)?),* })
            }
        }
    };
}

byte_enum!(Status, [Effective, Announced, Inferred, Partial, Beta, Gradual]);
byte_enum!(Kind, [Block, Open, Partnership, Launch, Regulation, Policy, Metric, Statement]);
byte_enum!(Channel, [Link, Ad, MiniProgram, Qr, Pay, Interop, Account]);
byte_enum!(Change, [Open, Close, Partial, Workaround]);
byte_enum!(Direction, [Forward, Both, Unspecified]);
byte_enum!(
    Unit,
    [
        Users,
        Accounts,
        Merchants,
        Trips,
        AccountsPerDay,
        Yuan,
        Percent,
        Times,
        Followers,
        Companies,
        PersonTimes,
        Days,
        Months
    ]
);
byte_enum!(Bound, [Over, Under]);
byte_enum!(Prior, [Closed, Open]);

record!(Text { zh, en });
record!(Owner { id, name });
record!(Platform { id, owner, name });
record!(Node { id, platform, name, home, scan_to_pay });
record!(Source { id, seed, url, title, outlet, published, note });
record!(Effect { channel, from, to, change, via, direction });
record!(Citation { source, quote });
record!(Metric { value, unit, as_of, approx, bound, of });
record!(Before { state, source, quote });
record!(EventRecord {
    id,
    date,
    status,
    kind,
    actors,
    effects,
    title,
    summary,
    cite,
    before,
    after,
    uncertain,
    note,
    metric
});

impl Code for Event {
    fn put(&self, w: &mut Vec<u8>) {
        self.record.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let record = EventRecord::get(r)?;
        let date = record.date.parse::<DateSpec>().map_err(|_| Corrupt("date"))?;
        Ok(Event { record, date })
    }
}

record!(Dataset {
    version,
    licence,
    owners,
    platforms,
    surfaces,
    merchants,
    instruments,
    workarounds,
    sources,
    events
});

/// The long texts of the events (summaries and notes, and the titles and quotes of events that
/// change no channel), which only the details, the timeline, the search and the exports show: the
/// site's first screen ships the dataset without them ([`without_texts`]) and fetches them
/// ([`encode_texts`]'s bytes, a file of their own) with the first part that needs them
/// ([`apply_texts`]). The first screen names and quotes only events that change a channel (the
/// explorer's answer, the network's edges and its playback).
struct LongText {
    summary: Text,
    note: Option<Text>,
    /// The title and quote of an event with no effects; `None` for the others, whose stay.
    context: Option<Context>,
}
record!(LongText { summary, note, context });

struct Context {
    title: Text,
    quote: String,
}
record!(Context { title, quote });

const TEXTS_MAGIC: &[u8; 4] = b"HTT2";

/// Which dataset a texts file belongs to: its version and a hash of its event ids, in order.
fn texts_key(d: &Dataset) -> (String, String) {
    // FNV-1a (64 bits) over the ids, each ended by a NUL.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for e in &d.events {
        for b in e.record.id.bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (d.version.clone(), format!("{h:016x}"))
}

/// The dataset with every summary empty, every note gone and the titles and quotes of events with no
/// effects empty (what the first screen needs).
pub fn without_texts(d: &Dataset) -> Dataset {
    let mut short = d.clone();
    for e in &mut short.events {
        e.record.summary = Text { zh: String::new(), en: String::new() };
        e.record.note = None;
        if e.record.effects.is_empty() {
            e.record.cite.quote = String::new();
            e.record.title = Text { zh: String::new(), en: String::new() };
        }
    }
    short
}

/// The events' summaries and notes, keyed to the dataset they belong to.
pub fn encode_texts(d: &Dataset) -> Vec<u8> {
    let mut w = TEXTS_MAGIC.to_vec();
    let (version, ids) = texts_key(d);
    version.put(&mut w);
    ids.put(&mut w);
    let context = |e: &crate::model::Event| {
        e.record
            .effects
            .is_empty()
            .then(|| Context { title: e.record.title.clone(), quote: e.record.cite.quote.clone() })
    };
    let texts: Vec<LongText> = d
        .events
        .iter()
        .map(|e| LongText { summary: e.record.summary.clone(), note: e.record.note.clone(), context: context(e) })
        .collect();
    texts.put(&mut w);
    w
}

/// Puts [`encode_texts`]'s summaries and notes back into the dataset they were taken from
/// (refused, with the dataset unchanged, for any other dataset or damaged bytes).
pub fn apply_texts(d: &mut Dataset, bytes: &[u8]) -> Result<(), Corrupt> {
    let mut r = Reader { bytes: bytes.strip_prefix(TEXTS_MAGIC).ok_or(Corrupt("not a texts file"))? };
    let key = (String::get(&mut r)?, String::get(&mut r)?);
    if key != texts_key(d) {
        return Err(Corrupt("texts of another dataset"));
    }
    let texts = Vec::<LongText>::get(&mut r)?;
    if !r.bytes.is_empty() {
        return Err(Corrupt("trailing bytes"));
    }
    if texts.len() != d.events.len() {
        return Err(Corrupt("texts of another dataset"));
    }
    for (e, t) in d.events.iter_mut().zip(texts) {
        e.record.summary = t.summary;
        e.record.note = t.note;
        if let Some(c) = t.context {
            e.record.title = c.title;
            e.record.cite.quote = c.quote;
        }
    }
    Ok(())
}

/// The dataset in the compact form.
pub fn encode(d: &Dataset) -> Vec<u8> {
    let mut w = MAGIC.to_vec();
    d.put(&mut w);
    w
}

/// The dataset back from [`encode`]'s bytes.
pub fn decode(bytes: &[u8]) -> Result<Dataset, Corrupt> {
    let mut r = Reader { bytes: bytes.strip_prefix(MAGIC).ok_or(Corrupt("not a compact dataset"))? };
    let d = Dataset::get(&mut r)?;
    if !r.bytes.is_empty() {
        return Err(Corrupt("trailing bytes"));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_synthetic_dataset_and_refuses_damage() {
        let d = crate::synthetic::generate(300, 12, 7);
        let bytes = encode(&d);
        assert_eq!(decode(&bytes), Ok(d));
        for cut in [0, 3, 4, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
    }

    #[test]
    fn the_texts_file_restores_the_dataset_it_was_taken_from_and_no_other() {
        let full = crate::synthetic::generate(300, 12, 7);
        let texts = encode_texts(&full);
        let mut short = without_texts(&full);
        assert!(short.events.iter().all(|e| e.record.summary.en.is_empty() && e.record.note.is_none()));
        // The short form is what the first screen ships: it reads back like any dataset.
        assert_eq!(decode(&encode(&short)).as_ref(), Ok(&short));
        apply_texts(&mut short, &texts).unwrap();
        assert_eq!(short, full);

        // Another dataset (another version, or other events) refuses them and stays as it was.
        for other in [
            Dataset { version: "other".into(), ..without_texts(&full) },
            without_texts(&crate::synthetic::generate(300, 12, 8)),
            without_texts(&crate::synthetic::generate(299, 12, 7)),
        ] {
            let mut d = other.clone();
            assert!(apply_texts(&mut d, &texts).is_err());
            assert_eq!(d, other);
        }
        let mut d = without_texts(&full);
        for cut in [0, 3, 4, 10, texts.len() / 2, texts.len() - 1] {
            assert!(apply_texts(&mut d, &texts[..cut]).is_err(), "cut at {cut}");
        }
    }
}
