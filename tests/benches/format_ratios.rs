//! The format targets as ratios, measured by the team's noise rule (as `codegen/benches/scaling.rs`): both
//! contenders of a contest in one process, in short alternating batches, every batch timed, the fastest quarter of
//! each kept; the whole measurement runs twice, so a ratio that moves between the two runs shows how much noise is
//! left. The ratio is ours / theirs: DataContract XML must be at most 0.5 (twice as fast as quick-xml's serde
//! support), JSON at most 1.05 (within 5% of plain serde_json).
//!
//! `cargo bench -p conformance --bench format_ratios` (about a minute and a half on two cores). `FORMAT_ROUNDS`
//! (default 300) sets how many batches of each contender a contest takes, `FORMAT_BATCH` (default 200) how many
//! operations a batch holds, `FORMAT_ONLY` keeps the contests whose name contains it (`json_read`,
//! `xml_write/TicketRefund`), to profile one. Without `--bench` (as `cargo test --benches` runs it) it checks the
//! contests and runs each a few times, quickly.

mod contenders;
mod interleave;

use interleave::{fastest_quarter, interleave, per_operation, setting};

fn main() {
    let measuring = std::env::args().any(|arg| arg == "--bench");
    let rounds = setting("FORMAT_ROUNDS", if measuring { 300 } else { 2 });
    let batch = setting("FORMAT_BATCH", if measuring { 200 } else { 2 });

    // Building the contests checks that both contenders carry the same data.
    let mut contests = contenders::all();
    if let Ok(only) = std::env::var("FORMAT_ONLY") {
        contests.retain(|contest| contest.name().contains(&only));
    }
    // One untimed batch of each, so that neither contender pays for a cold cache or a first allocation.
    for contest in &mut contests {
        (contest.ours)(batch as u64);
        (contest.theirs)(batch as u64);
    }

    println!(
        "ours / theirs, interleaved: {rounds} batches of {batch} operations each, fastest quarter kept; times per operation"
    );
    let mut missed = Vec::new();
    for run in 1..=2 {
        println!("\nrun {run}");
        println!(
            "{:<30} {:<6} {:<9} {:>11} {:>11} {:>7} {:>8}  result",
            "type", "format", "direction", "ours", "theirs", "ratio", "target"
        );
        for contest in &mut contests {
            let [ours, theirs] = interleave(&mut contest.ours, &mut contest.theirs, rounds, batch);
            let (ours, theirs) = (fastest_quarter(ours), fastest_quarter(theirs));
            let ratio = ours.as_secs_f64() / theirs.as_secs_f64();
            let met = ratio <= contest.target();
            // A self-check's debug build with batches of two says nothing about the targets.
            let verdict = match (measuring, met) {
                (false, _) => "(self-check)",
                (true, true) => "met",
                (true, false) => "NOT MET",
            };
            if measuring && !met {
                missed.push(contest.name());
            }
            println!(
                "{:<30} {:<6} {:<9} {:>11} {:>11} {:>7.3} {:>8}  {}",
                contest.payload,
                contest.format_label(),
                contest.direction_label(),
                per_operation(ours, batch),
                per_operation(theirs, batch),
                ratio,
                format!("<= {}", contest.target()),
                verdict,
            );
        }
    }
    if measuring {
        missed.sort();
        missed.dedup();
        if missed.is_empty() {
            println!("\nevery target met in both runs");
        } else {
            println!("\nnot met in at least one run: {}", missed.join(", "));
        }
    }
}
