//! The synthetic schemas the benches measure are valid schemas, in every shape the benches and the example write.

use std::path::Path;

use codegen::model::{Protocol, TypeKind};

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

fn load(dir: &Path) -> Vec<codegen::model::Provider> {
    codegen::load(dir).unwrap_or_else(|error| panic!("a synthetic set does not load:\n{error}"))
}

#[test]
fn a_synthetic_set_loads_without_errors_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    synthetic::write_set(dir.path(), 4, synthetic::TYPES, synthetic::FIELDS).unwrap();
    let providers = load(dir.path());

    let ids: Vec<&str> = providers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p0000", "p0001", "p0002", "p0003"]);
    let protocols: Vec<Protocol> = providers.iter().map(|p| p.protocol).collect();
    assert_eq!(
        protocols,
        [
            Protocol::WebApi,
            Protocol::Top,
            Protocol::WebApi,
            Protocol::Top
        ]
    );
    for provider in &providers {
        let structs = provider
            .types
            .iter()
            .filter(|t| matches!(t.kind, TypeKind::Struct(_)))
            .count();
        let enums = provider
            .types
            .iter()
            .filter(|t| matches!(t.kind, TypeKind::Enum(_)))
            .count();
        assert_eq!((structs, enums), (synthetic::TYPES, 1), "{}", provider.id);
        assert_eq!(provider.operations.len(), 1);
        assert_eq!(provider.examples.len(), 1);
    }

    let files = codegen::render(dir.path()).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        files.len(),
        2 * 4 + 3,
        "a module and a reference page per provider, lib.rs, the example tests and the reference's index"
    );
}

#[test]
fn odd_shapes_load_too() {
    for (types, fields) in [(1, 1), (1, 0), (2, 3), (3, 40)] {
        let dir = tempfile::tempdir().unwrap();
        synthetic::write_set(dir.path(), 2, types, fields).unwrap();
        let providers = load(dir.path());
        assert_eq!(
            providers[0].types.len(),
            types + 1,
            "{types} types of {fields} fields"
        );
    }
}

#[test]
fn the_same_arguments_write_the_same_bytes() {
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&first, &second] {
        synthetic::write_set(dir.path(), 3, 5, 7).unwrap();
    }
    for id in ["p0000", "p0001", "p0002"] {
        let name = format!("{id}.yaml");
        let read = |dir: &tempfile::TempDir| std::fs::read(dir.path().join(&name)).unwrap();
        assert_eq!(read(&first), read(&second), "{name}");
    }
}
