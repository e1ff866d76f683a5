//! The routing workload of BENCHMARKS.md: the verdict of every journey on every day from
//! 2004-01-01 to 2025-12-31, as runs per journey (the verdict is constant between run starts).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hutong_core::route::{Model, Off};
use hutong_core::{date::parse_day, embedded};

fn every_journey_every_day(c: &mut Criterion) {
    let data = embedded::dataset();
    let (start, end) = (parse_day("2004-01-01").unwrap(), parse_day("2025-12-31").unwrap());
    c.bench_function("route/every journey every day (model + timelines)", |b| {
        b.iter(|| {
            let model = Model::new(&data, &Off::new());
            let mut runs = 0;
            for journey in model.journeys() {
                runs += model.timeline(black_box(&journey), start, end).len();
            }
            runs
        })
    });
    c.bench_function("route/one explained answer", |b| {
        let model = Model::new(&data, &Off::new());
        let journey = hutong_core::route::Journey::new("wechat-group", "taobao", "alipay");
        let day = parse_day("2020-06-01").unwrap();
        b.iter(|| model.answer(black_box(day), &journey))
    });
    c.bench_function("route/model build", |b| b.iter(|| Model::new(black_box(&data), &Off::new())));
}

criterion_group!(benches, every_journey_every_day);
criterion_main!(benches);
