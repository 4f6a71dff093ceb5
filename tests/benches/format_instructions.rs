//! The format contests counted in instructions rather than timed: a measure the machine's noise cannot move.
//!
//! On operations of 70 to 300 ns, a timing here moves by up to 10% with where the hot code happens to land: two
//! wrappers around `serde_json::from_str` that execute the same instructions (within 0.6%) measured 0.93 and 1.10
//! of serde_json's time in one process, interleaved. Counting the instructions each contender executes, under
//! valgrind's callgrind, tells the work a contender adds apart from the placement it gets. The ratio is
//! ours / theirs, as in `format_ratios.rs`. Instructions are not time, and the targets are in time: an XML read
//! of ours executes about half of quick-xml's instructions and takes 0.36 to 0.46 of its time.
//!
//! `cargo bench -p conformance --bench format_instructions` (valgrind must be installed; about three minutes).
//! `FORMAT_ONLY` keeps the contests whose name contains it. Each contender runs in a child process of this same
//! binary under callgrind, once with `SHORT` operations and once with `LONG`; the difference of the two counts,
//! divided by the difference of the operations, is the cost of one operation with every set-up cost cancelled.
//! Without `--bench` (as `cargo test --benches` runs it) it only checks that the contests build.

mod contenders;

use std::process::Command;

use contenders::Contest;

const SHORT: u64 = 1_000;
const LONG: u64 = 3_000;
/// The argument that makes this binary the measured child: `--child CONTEST ours|theirs OPERATIONS`.
const CHILD: &str = "--child";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|arg| arg == CHILD) {
        return child(&args[at + 1..]);
    }
    let mut contests = contenders::all();
    if let Ok(only) = std::env::var("FORMAT_ONLY") {
        contests.retain(|contest| contest.name().contains(&only));
    }
    if !args.iter().any(|arg| arg == "--bench") {
        println!("{} contests build (counting needs --bench)", contests.len());
        return;
    }
    let program = std::env::current_exe().expect("the path of this benchmark");
    println!("instructions per operation under callgrind; ours / theirs");
    println!(
        "{:<30} {:<6} {:<9} {:>9} {:>9} {:>7}",
        "type", "format", "direction", "ours", "theirs", "ratio"
    );
    for contest in &contests {
        let name = contest.name();
        let [ours, theirs] = ["ours", "theirs"].map(|side| per_operation(&program, &name, side));
        println!(
            "{:<30} {:<6} {:<9} {:>9.0} {:>9.0} {:>7.3}",
            contest.payload,
            contest.format_label(),
            contest.direction_label(),
            ours,
            theirs,
            ours / theirs,
        );
    }
}

/// The instructions one operation of `side` of the contest `name` executes.
fn per_operation(program: &std::path::Path, name: &str, side: &str) -> f64 {
    let [short, long] = [SHORT, LONG].map(|operations| {
        let output = Command::new("valgrind")
            .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
            .arg(program)
            .args([CHILD, name, side, &operations.to_string()])
            .output()
            .unwrap_or_else(|error| panic!("cannot run valgrind (is it installed?): {error}"));
        let log = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name} {side} failed:\n{log}");
        collected(&log).unwrap_or_else(|| panic!("no instruction count in callgrind's log:\n{log}"))
    });
    (long - short) as f64 / (LONG - SHORT) as f64
}

/// Callgrind's closing `==pid== Collected : N`.
fn collected(log: &str) -> Option<u64> {
    log.lines()
        .find_map(|line| line.split("Collected :").nth(1))
        .and_then(|count| count.trim().parse().ok())
}

/// Runs one contender of one contest `operations` times, in one batch.
fn child(args: &[String]) {
    let [name, side, operations] = args else {
        panic!("usage: {CHILD} CONTEST ours|theirs OPERATIONS");
    };
    let operations: u64 = operations.parse().expect("a number of operations");
    let mut contest: Contest = contenders::all()
        .into_iter()
        .find(|contest| contest.name() == *name)
        .unwrap_or_else(|| panic!("no contest {name}"));
    match side.as_str() {
        "ours" => (contest.ours)(operations),
        "theirs" => (contest.theirs)(operations),
        other => panic!("a side is ours or theirs, not {other}"),
    }
}
