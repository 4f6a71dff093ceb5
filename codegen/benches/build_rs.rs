//! The build script's common case, in process: `cargo bench -p codegen --bench build_rs`.
//!
//! `no_change`: `Config::generate` on the five schemas into an `OUT_DIR` that is already fresh: load, check, render
//! the include file, compare it with the one on disk, and write nothing. This is what every build pays once cargo
//! reruns the script; the target is under 50 ms.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas");

fn no_change(c: &mut Criterion) {
    let out_dir = tempfile::tempdir().expect("a temporary folder");
    let mut config = codegen::Config::new();
    config
        .schemas(SCHEMAS)
        .out_dir(out_dir.path())
        .rerun_if_changed(false);
    config.generate().unwrap_or_else(|error| panic!("{error}"));

    let mut group = c.benchmark_group("build_rs");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("no_change", |b| {
        b.iter(|| {
            let changes = black_box(&config).generate().unwrap();
            assert!(changes.is_empty(), "the file was written before measuring");
        })
    });
    group.finish();
}

criterion_group!(benches, no_change);
criterion_main!(benches);
