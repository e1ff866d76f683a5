//! One journey's answer for the embedded dataset, as a reader of the ledger would check it:
//! `cargo run -p hutong-core --example answer -- 2016-01-01 taobao-app taobao wechat-pay [off-id,…]`.
//! Prints the verdict, its grounds and every step with the events behind it and their rules, and,
//! for an undecided answer, what would decide it (`decide::questions`) and how long that took.

use hutong_core::date::parse_day;
use hutong_core::embedded;
use hutong_core::route::{Journey, Model, Off, Rule};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [day, from, shop, pay, rest @ ..] = args.as_slice() else {
        eprintln!("usage: answer DAY SURFACE MERCHANT INSTRUMENT [OFF,…]");
        std::process::exit(2)
    };
    let data = embedded::dataset();
    let off: Off =
        rest.iter().flat_map(|s| s.split(',')).filter_map(|id| data.events.iter().position(|e| e.id == id)).collect();
    let model = Model::new(&data, &off);
    let (day, journey) = (parse_day(day).expect("a day"), Journey::new(from, shop, pay));
    let answer = model.answer(day, &journey);
    let rules = |r: hutong_core::route::Rules| r.iter().map(Rule::id).collect::<Vec<_>>().join(",");
    println!("verdict {:?} ({:?}..{:?})", answer.verdict.word(), answer.verdict.lo, answer.verdict.hi);
    if let Some(g) = answer.grounds() {
        let events: Vec<&str> = g.events.iter().map(|&i| data.events[i].id.as_str()).collect();
        println!("grounds {} [{}] last confirmed {:?} events {events:?}", g.id(), rules(g.rules), g.confirmed);
    }
    for (name, hop) in [("reach", &answer.reach), ("pay", &answer.pay)] {
        println!("{name} {:?}..{:?}", hop.verdict.lo, hop.verdict.hi);
        for route in &hop.routes {
            for s in &route.steps {
                println!(
                    "  {:?} {} → {} via {:?}: {:?}..{:?} own={} silent={} [{}]",
                    s.channel,
                    s.from,
                    s.to,
                    s.via,
                    s.verdict.lo,
                    s.verdict.hi,
                    s.own_app,
                    s.silent,
                    rules(s.rules)
                );
                for b in &s.basis {
                    println!("    {} {:?} {:?} [{}]", data.events[b.event].id, b.role, b.level, rules(b.rules));
                }
            }
        }
    }
    let started = std::time::Instant::now();
    let questions = hutong_core::decide::questions(&data, &off, day, &journey);
    let took = started.elapsed();
    for q in &questions {
        let event = q.event.map_or("(no source)", |i| data.events[i].id.as_str());
        let outcomes: Vec<String> = q.outcomes.iter().map(|(f, v)| format!("{}: {:?}", f.id(), v.word())).collect();
        println!("question {} {event} {:?} {} → {}: {}", q.field.id(), q.channel, q.from, q.to, outcomes.join("; "));
    }
    if !questions.is_empty() {
        eprintln!("{} questions in {took:?}", questions.len());
    }
}
