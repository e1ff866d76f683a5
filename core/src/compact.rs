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
byte_enum!(Unit, [Users, Accounts, Merchants, Trips, AccountsPerDay, Yuan, Percent, Times, Followers, Companies]);
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
}
