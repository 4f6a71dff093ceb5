//! The team's noise rule for a ratio, shared by the ratio benchmarks: both contenders in one process, in short
//! alternating batches (swapping which goes first each round), every batch timed whole, the fastest quarter of
//! each kept.

use std::time::{Duration, Instant};

/// Runs `rounds` batches of `batch` operations of each contender, alternating; the batch times of each.
pub fn interleave(
    ours: &mut dyn FnMut(u64),
    theirs: &mut dyn FnMut(u64),
    rounds: usize,
    batch: usize,
) -> [Vec<Duration>; 2] {
    let mut times = [Vec::with_capacity(rounds), Vec::with_capacity(rounds)];
    for round in 0..rounds {
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for which in order {
            let run: &mut dyn FnMut(u64) = if which == 0 { ours } else { theirs };
            let start = Instant::now();
            run(batch as u64);
            times[which].push(start.elapsed());
        }
    }
    times
}

/// The median of the fastest quarter of the timings (at least one is kept).
pub fn fastest_quarter(mut times: Vec<Duration>) -> Duration {
    times.sort();
    let kept = &times[..(times.len() / 4).max(1)];
    let middle = kept.len() / 2;
    if kept.len() % 2 == 1 {
        kept[middle]
    } else {
        (kept[middle - 1] + kept[middle]) / 2
    }
}

/// A batch's time per operation, in the unit that suits it.
pub fn per_operation(batch_time: Duration, batch: usize) -> String {
    let nanos = batch_time.as_secs_f64() * 1e9 / batch as f64;
    if nanos < 10_000.0 {
        format!("{nanos:.0} ns")
    } else {
        format!("{:.2} µs", nanos / 1000.0)
    }
}

/// A positive whole number from the environment, or `default`.
pub fn setting(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(text) => text
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .unwrap_or_else(|| panic!("{name} must be a positive whole number, found {text:?}")),
        Err(_) => default,
    }
}
