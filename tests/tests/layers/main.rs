//! The runtime, the generator and the derives are built in layers that import only downward: a test fails when a lower module
//! uses a higher one, or when modules use each other in a circle. Each crate's table of layers lives beside this
//! file; a new module must be placed in one.

mod check;
mod derive;
mod generator;
mod runtime;

use std::fs;
use std::path::Path;

fn assert_layered(crate_dir: &str, layers: check::Layers<'_>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(crate_dir)
        .join("src");
    let problems = check::violations(&src, layers);
    assert!(
        problems.is_empty(),
        "{crate_dir} breaks its layers:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_runtime_imports_only_downward() {
    assert_layered("codegen/runtime", runtime::LAYERS);
}

#[test]
fn the_generator_imports_only_downward() {
    assert_layered("codegen", generator::LAYERS);
}

#[test]
fn the_derives_import_only_downward() {
    assert_layered("codegen/derive", derive::LAYERS);
}

/// The checker itself, on a small crate written for the purpose: it must see an upward import, a circle, an
/// unplaced module, and leave a parent and its children alone.
#[test]
fn the_checker_finds_upward_imports_circles_and_unplaced_modules() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    let write = |path: &str, text: &str| {
        let path = src.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write(
        "lib.rs",
        "mod low; mod high; mod a; mod b; mod stray; pub struct Root;",
    );
    write(
        "low/mod.rs",
        "mod inner; pub use inner::X; use crate::high::Y;",
    );
    write("low/inner.rs", "pub struct X; use super::Z;");
    write("high.rs", "pub struct Y; use crate::low::X;");
    write("a.rs", "use super::b::B; pub struct A;");
    write("b.rs", "pub struct B; fn f() { let _ = crate::a::A; }");
    write("stray.rs", "");
    write("high/top.rs", "fn f() -> crate::Root { crate::Root }");

    let layers: check::Layers<'_> = &[&["low"][..], &["high", "a", "b"]];
    let problems = check::violations(src, layers);
    let has = |line: &str| problems.iter().any(|p| p == line);
    assert!(
        has("low (layer 0) uses high (layer 1), a higher layer"),
        "{problems:#?}"
    );
    assert!(has("circle: a -> b -> a"), "{problems:#?}");
    assert!(has("circle: high -> low -> high"), "{problems:#?}");
    assert!(
        has(
            "high::top uses an item of the crate root, which should only declare modules and hand names on"
        ),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("stray (") && p.ends_with(") is in no layer")),
        "{problems:#?}"
    );
    // `low::inner` using its parent, and `low` handing on its child, are no problem.
    assert_eq!(problems.len(), 5, "{problems:#?}");
}
