//! docs/schema-language.md names every key of the language's tables (as `key`, or inside a one-line mapping it
//! shows), so a key the loader reads is never one a schema author cannot find.

use codegen::load::language::MAPPINGS;

#[test]
fn every_key_of_the_language_is_documented() {
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/schema-language.md"),
    )
    .expect("docs/schema-language.md");
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
