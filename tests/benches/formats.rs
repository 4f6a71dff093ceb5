//! Criterion benchmarks of the formats of issue 3: `cargo bench -p conformance --bench formats`.
//!
//! One group per format, direction and payload (`xml_write/TicketRefundRequest`, `json_read/OrderTicketRefundParm_50_ids`,
//! ...), each holding both contenders: `ours`, the generated code through `codegen_runtime::xml` or
//! `codegen_runtime::json`, and plain `#[derive(Serialize, Deserialize)]` mirror structs through quick-xml's serde
//! support (`quick_xml_serde`) or serde_json (`serde_json`). The payloads and the checks that both contenders carry
//! the same data are in `contenders/mod.rs`; `format_ratios.rs` measures the ratios the issue sets as targets.

mod contenders;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

fn formats(c: &mut Criterion) {
    for mut contest in contenders::all() {
        let mut group = c.benchmark_group(contest.name());
        group
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(2));
        let theirs_name = contest.theirs_name();
        for (name, run) in [
            ("ours", &mut contest.ours),
            (theirs_name, &mut contest.theirs),
        ] {
            group.bench_function(name, |b| {
                b.iter_custom(|iterations| {
                    let start = Instant::now();
                    run(iterations);
                    start.elapsed()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, formats);
criterion_main!(benches);
