//! The JSON Schema of the schema language (`schemas/schema-language.json`): a valid draft-07 schema, fresh, accepted
//! by every real schema, and refusing what the loader refuses for the same reason (an unknown key).

use std::fs;
use std::path::{Path, PathBuf};

use codegen::load::language::json_schema;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn schemas() -> PathBuf {
    root().join("schemas")
}

fn language_schema() -> Value {
    serde_json::from_str(&json_schema::render()).expect("the JSON Schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&language_schema()).unwrap_or_else(|error| panic!("{error}"))
}

/// A YAML schema as the JSON value an editor's YAML language server checks.
fn as_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn yaml_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// Every way `instance` breaks the JSON Schema, one line each.
fn problems(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

#[test]
fn it_is_a_valid_draft_07_schema() {
    jsonschema::draft7::meta::validate(&language_schema())
        .unwrap_or_else(|error| panic!("{error}"));
}

#[test]
fn the_committed_file_is_what_the_tables_give() {
    let committed = fs::read_to_string(schemas().join(json_schema::FILE_NAME)).unwrap();
    assert!(
        committed == json_schema::render(),
        "schemas/{} is stale; run `cargo run -p codegen -- generate`",
        json_schema::FILE_NAME
    );
}

#[test]
fn every_schema_validates_and_points_editors_at_it() {
    let validator = validator();
    let features = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/features");
    let mut files = yaml_files(&schemas());
    files.extend(yaml_files(&features));
    assert!(files.len() >= 7, "{files:?}");
    for path in files {
        let found = problems(&validator, &as_json(&path));
        assert!(
            found.is_empty(),
            "{}:\n{}",
            path.display(),
            found.join("\n")
        );
    }
    for path in yaml_files(&schemas()) {
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.lines().next(),
            Some("# yaml-language-server: $schema=./schema-language.json"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn an_unknown_key_fails_it() {
    let validator = validator();
    let mut schema = as_json(&schemas().join("ctt.yaml"));
    schema["types"]["TicketRefundRequest"]["fields"][0]["colour"] = Value::from("red");
    let found = problems(&validator, &schema);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("/types/TicketRefundRequest/fields/0:") && found[0].contains("colour"),
        "{found:?}"
    );

    let mut schema = as_json(&schemas().join("ctt.yaml"));
    schema["provider"]["titel"] = Value::from("x");
    assert!(!problems(&validator, &schema).is_empty());
}

/// The bad-schema corpus files whose loader error is an unknown key break the JSON Schema as well.
#[test]
fn the_corpus_of_unknown_keys_fails_it_too() {
    let validator = validator();
    let mut checked = 0;
    for path in yaml_files(&root().join("tests/bad_schemas")) {
        let text = fs::read_to_string(&path).unwrap();
        let header_says_unknown_key = text
            .lines()
            .take_while(|line| line.starts_with('#'))
            .any(|line| line.starts_with("# expect:") && line.contains(": unknown key `"));
        if !header_says_unknown_key {
            continue;
        }
        checked += 1;
        assert!(
            !problems(&validator, &as_json(&path)).is_empty(),
            "{} passes the JSON Schema",
            path.display()
        );
    }
    assert!(checked >= 3, "{checked} corpus files name an unknown key");
}
