//! Criterion benchmarks of the generator, in process: `cargo bench -p codegen --bench generate`.
//!
//! - `five_schemas/render`: load, check, emit and format the real schemas, writing nothing.
//! - `five_schemas/generate_fresh`: `generate` into a folder that is already fresh, the common no-change case.
//! - `synthetic/500`, `synthetic/1000`: `render` of synthetic sets of 500 and 1000 providers of 20 structs of 15
//!   fields (`synthetic/mod.rs`), written once to temporary folders before measuring.
//!
//! `benches/scaling.rs` measures the 1000/500 ratio interleaved; `benches/measure.sh` measures whole processes and
//! the compile time of the generated crate.

mod synthetic;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas");

fn five_schemas(c: &mut Criterion) {
    let schemas = Path::new(SCHEMAS);
    let out = tempfile::tempdir().expect("a temporary folder");
    codegen::generate(schemas, out.path()).unwrap_or_else(|error| panic!("{error}"));

    let mut group = c.benchmark_group("five_schemas");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("render", |b| {
        b.iter(|| codegen::render(black_box(schemas)).unwrap())
    });
    group.bench_function("generate_fresh", |b| {
        b.iter(|| {
            let changes = codegen::generate(black_box(schemas), out.path()).unwrap();
            assert!(
                changes.is_empty(),
                "the folder was generated before measuring"
            );
        })
    });
    group.finish();
}

fn synthetic_sets(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic");
    // A render takes seconds: ten samples of one run each, the fewest criterion takes.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    for providers in [500, 1000] {
        let set = tempfile::tempdir().expect("a temporary folder");
        synthetic::write_set(set.path(), providers, synthetic::TYPES, synthetic::FIELDS)
            .expect("the synthetic set is written");
        group.throughput(Throughput::Elements(providers as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(providers),
            set.path(),
            |b, set| b.iter(|| codegen::render(set).unwrap()),
        );
    }
    group.finish();
}

criterion_group!(benches, five_schemas, synthetic_sets);
criterion_main!(benches);
