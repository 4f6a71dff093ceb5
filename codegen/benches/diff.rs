//! Criterion benchmarks of `codegen diff`: `cargo bench -p codegen --bench diff`.
//!
//! Two synthetic sets of 500 providers of 20 structs of 15 fields (`synthetic/mod.rs`), NEW differing from OLD in 1%
//! of the fields (`mutate`), written once to temporary folders before measuring:
//! - `diff/compare_500`: the comparison of the loaded sets, what the library's `diff` costs;
//! - `diff/load_and_compare_500`: loading both folders and comparing them, what `codegen diff OLD NEW` does.

mod synthetic;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use codegen::diff::{self, Source};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

const PROVIDERS: usize = 500;
/// One field in this many is changed.
const EVERY: usize = 100;

/// Changes every `EVERY`-th field of the set in `dir`, counted across files in name order, cycling through a doc
/// change, `required` toggled, a type change and a wire-name change. Returns how many fields changed.
fn mutate(dir: &Path) -> usize {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the synthetic set")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    let mut seen = 0;
    let mut changed = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a schema");
        let lines: Vec<String> = text
            .lines()
            .map(|line| {
                if !line.starts_with("      - { name: ") {
                    return line.to_owned();
                }
                seen += 1;
                if seen % EVERY != 0 {
                    return line.to_owned();
                }
                changed += 1;
                match changed % 4 {
                    0 => line.replacen("doc: \"", "doc: \"Changed. ", 1),
                    1 if line.contains(", required: true") => {
                        line.replacen(", required: true", "", 1)
                    }
                    1 => line.replacen(", doc:", ", required: true, doc:", 1),
                    2 => {
                        let start = line.find("type: \"").map_or(0, |at| at + 7);
                        let end = line[start..].find('"').map_or(start, |len| start + len);
                        format!("{}string{}", &line[..start], &line[end..])
                    }
                    _ => line.replacen(", type:", "Renamed, type:", 1),
                }
            })
            .collect();
        std::fs::write(&path, lines.join("\n") + "\n").expect("the schema is written");
    }
    changed
}

fn diff_500(c: &mut Criterion) {
    let old_dir = tempfile::tempdir().expect("a temporary folder");
    let new_dir = tempfile::tempdir().expect("a temporary folder");
    for dir in [&old_dir, &new_dir] {
        synthetic::write_set(dir.path(), PROVIDERS, synthetic::TYPES, synthetic::FIELDS)
            .expect("the synthetic set is written");
    }
    let mutated = mutate(new_dir.path());
    let (old_source, new_source) = (
        Source::Path(old_dir.path().to_path_buf()),
        Source::Path(new_dir.path().to_path_buf()),
    );
    let (old, new) = diff::source::load_both(&old_source, &new_source)
        .unwrap_or_else(|errors| panic!("the sets load: {}", errors[0]));
    let changes = diff::diff(&old, &new);
    assert!(
        changes.len() >= mutated,
        "{mutated} fields changed, {} changes found",
        changes.len()
    );
    eprintln!(
        "{mutated} of {} fields changed: {} changes",
        PROVIDERS * synthetic::TYPES * synthetic::FIELDS,
        changes.len()
    );

    let mut group = c.benchmark_group("diff");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("compare_500", |b| {
        b.iter(|| diff::diff(black_box(&old), black_box(&new)))
    });
    group.bench_function("load_and_compare_500", |b| {
        b.iter(|| {
            let (old, new) = diff::source::load_both(&old_source, &new_source)
                .unwrap_or_else(|errors| panic!("the sets load: {}", errors[0]));
            diff::diff(&old, &new)
        })
    });
    group.finish();
}

criterion_group!(benches, diff_500);
criterion_main!(benches);
