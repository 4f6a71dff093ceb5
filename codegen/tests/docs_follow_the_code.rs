//! The documentation follows the code: docs/schema-language.md names every key of the language's tables (as
//! `key`, or inside a one-line mapping it shows), so a key the loader reads is never one a schema author cannot
//! find; and the pages that tell a user how to depend on the generated code name the `http` crate the clients'
//! codecs take, in the version the runtime uses.

use std::path::{Path, PathBuf};

use codegen::load::language::MAPPINGS;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_key_of_the_language_is_documented() {
    let page = read("docs/schema-language.md");
    let missing: Vec<String> = MAPPINGS
        .iter()
        .flat_map(|mapping| {
            mapping
                .keys
                .iter()
                .filter(|key| {
                    let name = key.name;
                    ![
                        format!("`{name}`"),
                        format!("{{ {name}: "),
                        format!(", {name}: "),
                        format!("{{ {name}, "),
                        format!(", {name}, "),
                        format!(", {name} }}"),
                    ]
                    .iter()
                    .any(|shown| page.contains(shown))
                })
                .map(|key| format!("{}: `{}`", mapping.what, key.name))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "keys docs/schema-language.md does not name:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_http_dependency_is_documented_in_the_runtime_s_version() {
    let manifest = read("Cargo.toml");
    let line = manifest
        .lines()
        .find(|line| line.starts_with("http = "))
        .expect("the workspace names its http version");
    for page in ["README.md", "docs/library-and-build-rs.md"] {
        assert!(read(page).contains(line), "{page} does not say `{line}`");
    }
}
