//! A synthetic dataset for scale tests: `n_events` events over `n_platforms` platforms, random but
//! reproducible from a seed. Used by `?synthetic=N` in the app and by the playback benchmark
//! (BENCHMARKS.md). Its text says plainly that it is synthetic.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use chrono::NaiveDate;

use crate::date::{DateSpec, Point};
use crate::model::*;

fn text(zh: String, en: String) -> Text {
    Text { zh, en }
}

pub fn generate(n_events: usize, n_platforms: usize, seed: u64) -> Dataset {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let owners: Vec<Owner> =
        ["alibaba", "tencent", "sina", "baidu", "bytedance", "meituan", "jd", "carriers", "regulators", "others"]
            .iter()
            .map(|id| Owner { id: id.to_string(), name: text(format!("所有者 {id}"), format!("Owner {id}")) })
            .collect();
    let platforms: Vec<Platform> = (0..n_platforms)
        .map(|i| Platform {
            id: format!("p{i}"),
            owner: owners[i % owners.len()].id.clone(),
            name: text(format!("平台{i}"), format!("Platform {i}")),
        })
        .collect();
    let node = |prefix: &str, i: usize, home: Vec<String>| Node {
        id: format!("{prefix}{i}"),
        platform: format!("p{}", i % n_platforms),
        name: text(format!("{prefix}{i}"), format!("{prefix}{i}")),
        home,
        scan_to_pay: false,
    };
    let surfaces: Vec<Node> = (0..n_platforms).map(|i| node("s", i, vec![])).collect();
    let merchants: Vec<Node> = (0..n_platforms).map(|i| node("m", i, vec![format!("s{i}")])).collect();
    let instruments: Vec<Node> = (0..10.min(n_platforms)).map(|i| node("i", i, vec![])).collect();
    let sources = vec![Source {
        id: "synthetic".into(),
        seed: None,
        url: None,
        title: "Synthetic data for scale tests".into(),
        outlet: text("合成数据".into(), "Synthetic".into()),
        published: "2025".into(),
        note: None,
    }];
    let kinds = [Kind::Block, Kind::Open, Kind::Partnership, Kind::Launch, Kind::Policy, Kind::Statement];
    let mut events: Vec<Event> = (0..n_events)
        .map(|i| {
            let year = rng.random_range(2004..=2025);
            let month = rng.random_range(1..=12u32);
            // Built as a value and written out once (formatting then parsing 10,000 dates cost
            // about 50 ms of the synthetic page's start).
            let point = match rng.random_range(0..4) {
                0 => Point::Year(year),
                1 => Point::Month { year, month },
                _ => Point::Day(
                    NaiveDate::from_ymd_opt(year, month, rng.random_range(1..=28))
                        .expect("days 1–28 exist in every month"),
                ),
            };
            let spec = DateSpec::At(point);
            let kind = kinds[rng.random_range(0..kinds.len())];
            let change = if kind == Kind::Block { Change::Close } else { Change::Open };
            let effect = if rng.random_bool(0.7) {
                let (a, b) = (rng.random_range(0..n_platforms), rng.random_range(0..n_platforms));
                Effect {
                    channel: Channel::Link,
                    from: format!("s{a}"),
                    to: format!("m{b}"),
                    change,
                    via: None,
                    direction: Direction::Forward,
                }
            } else {
                let (a, b) = (rng.random_range(0..n_platforms), rng.random_range(0..instruments.len()));
                Effect {
                    channel: Channel::Pay,
                    from: format!("m{a}"),
                    to: format!("i{b}"),
                    change,
                    via: None,
                    direction: Direction::Forward,
                }
            };
            let record = EventRecord {
                id: format!("synthetic-{i}"),
                date: spec.to_string(),
                status: Status::Effective,
                kind,
                actors: vec![platforms[rng.random_range(0..n_platforms)].id.clone()],
                effects: vec![effect],
                title: text(format!("合成事件 {i}"), format!("Synthetic event {i}")),
                summary: text("合成数据，仅用于性能测试。".into(), "Synthetic, for scale tests only.".into()),
                cite: Citation { source: "synthetic".into(), quote: "synthetic".into() },
                after: vec![],
                uncertain: vec![],
                note: None,
                metric: None,
                before: None,
            };
            Event { date: spec, record }
        })
        .collect();
    events.sort_by_cached_key(|e| e.date.sort_key());
    Dataset {
        licence: None,
        version: format!("synthetic-{n_events}-{n_platforms}-{seed}"),
        owners,
        platforms,
        surfaces,
        merchants,
        instruments,
        workarounds: vec![],
        sources,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_reproducible_and_valid_through_the_loader() {
        let a = generate(500, 50, 1);
        assert_eq!(a, generate(500, 50, 1));
        assert_eq!(a.events.len(), 500);
        assert_eq!(a.platforms.len(), 50);
        // The date text and the date value say the same (the loader reads the text).
        for e in &a.events {
            assert_eq!(e.record.date.parse::<DateSpec>(), Ok(e.date), "{}", e.record.id);
        }
        // What the generator makes, the loader accepts (the same rules as for curated data).
        let json = serde_json::json!({
            "format": "hutong-dataset",
            "sources": a.sources, "owners": a.owners, "platforms": a.platforms, "surfaces": a.surfaces,
            "merchants": a.merchants, "instruments": a.instruments,
            "events": a.events.iter().map(|e| &e.record).collect::<Vec<_>>(),
        });
        let text = serde_json::to_string(&json).unwrap();
        let loaded = crate::load(&[crate::SourceFile { name: "synthetic.json", text: &text }]).expect("valid");
        assert_eq!(loaded.events.len(), 500);
    }
}
