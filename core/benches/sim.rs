//! The simulation workload of BENCHMARKS.md: one replicate (both bounds) over 2004–2025, for 10
//! million and for 10 thousand shoppers: the cost must not depend on the population.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hutong_core::embedded;
use hutong_core::route::Off;
use hutong_core::sim::{self, Params};

fn simulation(c: &mut Criterion) {
    let data = embedded::dataset();
    for population in [10_000_000u64, 10_000] {
        let params = Params { population, replicates: 1, ..Params::default() };
        c.bench_function(&format!("sim/prepare + 1 replicate, {population} shoppers"), |b| {
            b.iter(|| sim::simulate(black_box(&data), &Off::new(), &params))
        });
    }
    let params = Params { replicates: 1, ..Params::default() };
    let prepared = sim::prepare(&data, &Off::new(), &params);
    c.bench_function("sim/1 replicate only (prepared), 10000000 shoppers", |b| {
        b.iter(|| sim::run(&prepared, &params, 0))
    });
}

criterion_group!(benches, simulation);
criterion_main!(benches);
