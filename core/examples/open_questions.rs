//! The research agenda of the embedded dataset: every fact the sources leave open on the ledger's
//! days, ranked by how many journey × day answers one finding would decide (issue 23):
//! `cargo run --release -p hutong-core --example open_questions [N]` prints the first N (20).

use hutong_core::decide::open_questions;
use hutong_core::route::Off;
use hutong_core::{embedded, ledger};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let data = embedded::dataset();
    let days = ledger::grid(&data);
    let started = std::time::Instant::now();
    let open = open_questions(&data, &Off::new(), &days);
    let took = started.elapsed();
    println!("rank\tdecides\topen\tfield\tevent or channel");
    for (i, q) in open.iter().take(n).enumerate() {
        let what = match (q.event, &q.channel) {
            (Some(e), _) => data.events[e].id.clone(),
            (None, Some((c, from, to))) => format!("{c:?} {from} → {to} (no source)"),
            (None, None) => String::new(),
        };
        println!("{}\t{}\t{}\t{}\t{what}", i + 1, q.decides, q.open, q.field.id());
    }
    eprintln!(
        "{} open questions over {} days × {} journeys in {took:?}",
        open.len(),
        days.len(),
        data.surfaces.len() * data.merchants.len() * data.instruments.len()
    );
}
