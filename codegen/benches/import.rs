//! Criterion benchmark of `codegen import`: `cargo bench -p codegen --bench import`.
//!
//! `import/largest_seed`: importing the largest seed page (`seeds/003_9e446777e3e6e98b.txt`, a TOP page with a
//! nested parameter tree and a Java example) into schema text, what `codegen import PAGE` costs beyond reading
//! the file. The target is under 20 ms.

use std::hint::black_box;
use std::path::Path;

use codegen::import::{Options, PageInput, import};
use criterion::{Criterion, criterion_group, criterion_main};

fn largest_seed(c: &mut Criterion) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let mut pages: Vec<_> = std::fs::read_dir(&seeds)
        .expect("the seeds")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    pages.sort_by_key(|path| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0));
    let largest = pages.last().expect("a seed page");
    let bytes = std::fs::read(largest).expect("the page");
    let name = largest
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("page");
    let options = Options {
        id: Some("bench".to_owned()),
    };
    c.bench_function("import/largest_seed", |b| {
        b.iter(|| {
            let imported = import(
                &[PageInput {
                    name,
                    bytes: black_box(&bytes),
                }],
                &options,
            )
            .expect("imports");
            black_box(imported.yaml.len())
        })
    });
}

criterion_group!(benches, largest_seed);
criterion_main!(benches);
