//! Compiled into the rendered `features` crate by `emit.rs`: what a user does with generated request types.

use codegen_runtime::Validate;
use features::features::{Branch, Kind, Tree};

fn leaf() -> Tree {
    Tree::builder().r#type("leaf").kind(Kind::Leaf).zeroth(0).build()
}

#[test]
fn a_builder_takes_the_required_fields_and_the_value_validates() {
    let tree = leaf();
    assert_eq!(tree.r#type, "leaf");
    assert_eq!(tree.left, None);
    assert_eq!(tree.validate(), Ok(()));
}

#[test]
fn validation_reports_every_broken_rule_with_its_path_and_code() {
    let tree = Tree::builder()
        .r#type(" ")
        .kind(Kind::Inner)
        .zeroth(7)
        .code("ab1")
        .count(10)
        .children(vec![leaf(), Tree { kind: Kind::Other("9".into()), ..leaf() }])
        .left(Branch::builder().back(leaf()).build())
        .build();
    let rejection = tree.validate().unwrap_err();
    let found: Vec<(&str, &str)> = rejection
        .errors()
        .iter()
        .map(|problem| (problem.path.as_str(), problem.code))
        .collect();
    assert_eq!(
        found,
        [
            ("$.children[1].kind", "enum_value"),
            ("$.code", "pattern"),
            ("$.count", "range"),
            ("$.day", "DAY_MISSING"),
            ("$.type", "required"),
        ]
    );
}

#[test]
fn debug_redacts_sensitive_fields() {
    let tree = Tree {
        secret: Some("hunter2".into()),
        ..leaf()
    };
    let shown = format!("{tree:?}");
    assert!(shown.contains("secret: Some(<redacted>)"), "{shown}");
    assert!(!shown.contains("hunter2"), "{shown}");
}

/// A rule declared on a base type binds every type derived from it.
#[test]
fn a_derived_type_keeps_the_rules_of_its_base() {
    let order = |auditor: &str| {
        let json = format!(
            r#"{{"Paid":true,"Price":1,"Ratio":1,"Channel":1,"Count":1,"Created":"2025-09-14T16:35:25","type":"audit","Auditor":{auditor},"Id":"2f1c5e0a-7f43-4a1c-9d5e-0c4d1e2f3a4b"}}"#
        );
        codegen_runtime::json::from_str::<features::contracts::Order>(&json).unwrap()
    };
    assert_eq!(order(r#""Ann""#).validate(), Ok(()));
    let rejection = order("null").validate().unwrap_err();
    let found: Vec<(&str, &str)> = rejection
        .errors()
        .iter()
        .map(|problem| (problem.path.as_str(), problem.code))
        .collect();
    assert_eq!(found, [("$.Auditor", "AUDITOR_MISSING")]);
}
