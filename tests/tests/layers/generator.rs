//! The generator's layers, lowest first: the pipeline's stages in the order data flows through them (import ->
//! load -> check -> emit -> write), with what they all share below and what drives them above.
//!
//! The `codegen` binary lives in `src/bin/codegen/`, not `src/main.rs`: the checker names both `lib.rs` and
//! `main.rs` as the crate root, so the binary's own modules would pass for the library's. Under `bin` they form
//! the top layer, above everything they drive.

use super::check::Layers;

pub const LAYERS: Layers<'static> = &[
    // Where a problem is and how it reads, and the naming rules every stage applies.
    &["diagnostic", "names"],
    // The errors a run can end in, raised by every stage above.
    &["error"],
    // The schema model whose every value keeps its position, and the language's tables of its words and keys.
    &["load::schema"],
    &["load::language"],
    // YAML text into located nodes, then decoded into the schema model; `load` itself reads the files.
    &["load::yaml"],
    &["load::decode", "load"],
    // A provider's document page into schema text in the language's words, which `load` then reads.
    &["import"],
    // The checked model, and the checks that produce it.
    &["model"],
    &["check"],
    // The model into Rust files, and into the Markdown reference.
    &["emit"],
    &["reference"],
    // Bytes onto disk, only when they change.
    &["write"],
    // The one pipeline over the stages.
    &["run"],
    // What drives it: a build script's configuration, and the comparison of two sets of schemas.
    &["config", "diff"],
    // A changed page merged into a curated schema: imported, merged, loaded, diffed and written.
    &["import::update"],
    // The command line.
    &["bin"],
];
