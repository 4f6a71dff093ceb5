//! Issue 4's target: validating a valid `RefundCallBackParam` of 10 trains of 5 tickets each costs less than 25% of
//! parsing it from JSON. `cargo bench -p conformance --bench validation` runs criterion's groups, then prints the
//! ratio by the team's noise rule (interleaved batches, fastest quarter, two runs). Without `--bench` (as
//! `cargo test --benches` runs it) it checks the payload and runs each a few times, quickly.

mod interleave;

use std::hint::black_box;
use std::time::Duration;

use codegen_runtime::{Validate, json};
use criterion::Criterion;
use interleave::{fastest_quarter, interleave, per_operation, setting};
use refund_apis::alitrip_btrip::RefundCallBackParam;

const TARGET: f64 = 0.25;

fn main() {
    let measuring = std::env::args().any(|arg| arg == "--bench");
    let payload = conformance::samples::refund_callback(10, 5).to_string();
    let value: RefundCallBackParam = json::from_str(&payload).expect("the payload parses");
    assert_eq!(
        value.validate(),
        Ok(()),
        "the benchmark validates a valid value"
    );

    let mut parse = |n: u64| {
        for _ in 0..n {
            let parsed: RefundCallBackParam = json::from_str(black_box(&payload)).unwrap();
            black_box(parsed);
        }
    };
    let mut validate = |n: u64| {
        for _ in 0..n {
            black_box(black_box(&value).validate()).unwrap();
        }
    };

    if measuring {
        let mut criterion = Criterion::default()
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
        let mut group = criterion.benchmark_group("refund_callback_10x5");
        group.bench_function("parse_json", |b| b.iter(|| parse(1)));
        group.bench_function("validate", |b| b.iter(|| validate(1)));
        group.finish();
    }

    let rounds = setting("VALIDATION_ROUNDS", if measuring { 400 } else { 2 });
    let batch = setting("VALIDATION_BATCH", if measuring { 20 } else { 1 });
    println!(
        "\nvalidate / parse, interleaved: {rounds} batches of {batch} each, fastest quarter kept; payload {} bytes",
        payload.len()
    );
    for run in 1..=2 {
        let [validated, parsed] = interleave(&mut validate, &mut parse, rounds, batch);
        let (validated, parsed) = (fastest_quarter(validated), fastest_quarter(parsed));
        let ratio = validated.as_secs_f64() / parsed.as_secs_f64();
        let verdict = match (measuring, ratio < TARGET) {
            (false, _) => "(self-check)",
            (true, true) => "met",
            (true, false) => "NOT MET",
        };
        println!(
            "run {run}: validate {} parse {} ratio {ratio:.4} (target < {TARGET}) {verdict}",
            per_operation(validated, batch),
            per_operation(parsed, batch)
        );
    }
}
