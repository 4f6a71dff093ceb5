//! The 1000/500 ratio of `codegen::render` on synthetic sets, measured by the team's noise rule: both sizes in one
//! process, in short alternating batches, every run timed, the fastest quarter of each size kept; the whole
//! measurement runs twice, so a ratio that moves between the two runs shows how much noise is left.
//!
//! `cargo bench -p codegen --bench scaling` (about two minutes on two cores). `SCALING_ROUNDS` (default 8) sets
//! how many batches of each size a run takes, `SCALING_BATCH` (default 1) how many renders a batch holds. Without
//! `--bench` (as `cargo test --benches` runs it) it checks itself on tiny sets.

mod synthetic;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// The target: twice the input costs at most 2.2 times the time.
const TARGET: f64 = 2.2;

fn main() {
    let measuring = std::env::args().any(|arg| arg == "--bench");
    let (small, large) = if measuring { (500, 1000) } else { (5, 10) };
    let rounds = setting("SCALING_ROUNDS", if measuring { 8 } else { 2 });
    let batch = setting("SCALING_BATCH", 1);

    let dir = tempfile::tempdir().expect("a temporary folder");
    let sets = [small, large].map(|providers| {
        let set = dir.path().join(providers.to_string());
        synthetic::write_set(&set, providers, synthetic::TYPES, synthetic::FIELDS)
            .expect("the synthetic set is written");
        set
    });
    // One untimed render of each, so that neither size pays for a cold cache.
    for set in &sets {
        render(set);
    }

    println!(
        "render of {small} and {large} providers, interleaved: {rounds} batches of {batch} of each, fastest quarter kept"
    );
    for run in 1..=2 {
        let [small_times, large_times] = interleave(&sets, rounds, batch);
        let (small_time, large_time) = (fastest_quarter(small_times), fastest_quarter(large_times));
        let ratio = large_time.as_secs_f64() / small_time.as_secs_f64();
        println!(
            "run {run}: {small} providers {:.3} s, {large} providers {:.3} s, ratio {ratio:.3} (target <= {TARGET})",
            small_time.as_secs_f64(),
            large_time.as_secs_f64(),
        );
    }
}

/// Alternates batches of the two sets, swapping which goes first each round; every render is timed on its own.
fn interleave(sets: &[std::path::PathBuf; 2], rounds: usize, batch: usize) -> [Vec<Duration>; 2] {
    let mut times = [Vec::new(), Vec::new()];
    for round in 0..rounds {
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for which in order {
            for _ in 0..batch {
                times[which].push(render(&sets[which]));
            }
        }
    }
    times
}

fn render(set: &Path) -> Duration {
    let start = Instant::now();
    black_box(codegen::render(black_box(set)).unwrap_or_else(|error| panic!("{error}")));
    start.elapsed()
}

/// The median of the fastest quarter of the timings (at least one is kept).
fn fastest_quarter(mut times: Vec<Duration>) -> Duration {
    times.sort();
    let kept = &times[..(times.len() / 4).max(1)];
    let middle = kept.len() / 2;
    if kept.len() % 2 == 1 {
        kept[middle]
    } else {
        (kept[middle - 1] + kept[middle]) / 2
    }
}

fn setting(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(text) => text
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .unwrap_or_else(|| panic!("{name} must be a positive whole number, found {text:?}")),
        Err(_) => default,
    }
}
