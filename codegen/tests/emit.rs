//! The emitter on schemas that use every construct: names, boxing, adapters, enums, TOP null handling
//! (`features.yaml`), DataContract bases, namespaces and collections (`contracts.yaml`). The output is checked as
//! text and compiled, and the compiled crate runs the tests generated from the schemas' samples.

use std::path::{Path, PathBuf};
use std::process::Command;

fn features() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/features")
}

fn rendered(file: &str) -> String {
    let files = codegen::render(&features()).unwrap_or_else(|e| panic!("{e}"));
    files[Path::new(file)].clone()
}

fn module() -> String {
    rendered("src/features.rs")
}

#[test]
fn data_contracts_name_their_bases_and_inherited_members() {
    let module = rendered("src/contracts.rs");
    assert!(
        module.contains(
            "    DataContract,\n    Validate,\n    Builder,\n)]\n#[data_contract(\n    name = \"OrderOfstring\",\n    namespace = \"http://schemas.datacontract.org/2004/07/Shop.Orders\",\n    base_namespaces = [\"http://schemas.datacontract.org/2004/07/Shop.Base\",\n    \"http://schemas.datacontract.org/2004/07/Shop.Root\"]\n)]"
        ),
        "{module}"
    );
    assert!(
        module.contains("#[serde(rename = \"Id\")]\n    #[serde_as(as = \"DotNetGuid\")]\n    #[data_member(inherited = 2)]\n    pub id: Uuid,"),
        "{module}"
    );
    assert!(
        module.contains("    #[data_member(inherited = 1)]\n    pub r#type: Option<String>,"),
        "{module}"
    );
    assert!(
        !module.contains("data_member(name"),
        "element names come from serde's renames"
    );
    assert!(
        module.contains("\"Order\" => visitor.visit_contract::<Order>(),")
            && module.contains("\"Channel\" => visitor.visit::<Channel>(),"),
        "structs are visited as contracts, enums as plain models: {module}"
    );
}

#[test]
fn an_operation_says_what_its_failures_arrive_as() {
    let top = module();
    assert!(
        top.contains("/// Platform failures arrive as [`TopError`](codegen_runtime::top::TopError).\npub struct SendTree;"),
        "{top}"
    );
    let web_api = rendered("src/contracts.rs");
    assert!(
        web_api.contains("/// Failures arrive as [`Order`].\npub struct Submit;"),
        "{web_api}"
    );
}

#[test]
fn keywords_become_raw_identifiers_without_a_rename() {
    let module = module();
    assert!(module.contains("    pub r#type: String,"), "{module}");
    assert!(
        !module.contains("rename = \"type\""),
        "serde strips r# by itself"
    );
}

#[test]
fn recursive_fields_are_boxed_and_lists_are_not() {
    let module = module();
    assert!(
        module.contains("pub parent: Option<Box<Tree>>,"),
        "{module}"
    );
    assert!(
        module.contains("pub children: Option<Vec<Tree>>,"),
        "{module}"
    );
    assert!(module.contains("pub back: Option<Box<Tree>>,"), "{module}");
    assert!(
        module.contains("pub left: Option<Box<Branch>>,"),
        "{module}"
    );
}

#[test]
fn outcomes_are_const_readings_of_one_value_several_or_absence() {
    let module = rendered("src/outcomes.rs");
    for reading in [
        "success: Success::OneOf(&[Literal::Int(0), Literal::Int(200)]),",
        "success: Success::Absent,",
        "success: Success::Equals(Literal::Str(\"absent\")),",
    ] {
        assert!(module.contains(reading), "{reading} in {module}");
    }
    assert!(
        module.contains("/// Succeeds when `error` is absent, null or empty; any value in it is a"),
        "{module}"
    );
}

#[test]
fn a_delimited_list_is_a_vec_with_the_delimited_adapter() {
    let module = rendered("src/delimited.rs");
    for field in [
        "    /// 订单号，多个用逗号分隔\n    ///\n    /// Required. Carried as one string, its items separated by `,`.\n    #[serde_as(as = \"Delimited<','>\")]\n    pub order_ids: Vec<i64>,",
        "    #[serde_as(as = \"Option<Delimited<'|'>>\")]\n    pub amounts: Option<Vec<Fen>>,",
    ] {
        assert!(module.contains(field), "{field}\nin\n{module}");
    }
}

#[test]
fn a_default_is_documented_and_changes_nothing_on_the_wire() {
    let module = rendered("src/defaults.rs");
    let field = "    /// 每页条数\n    ///\n    /// From 1 to 100. Defaults to `20` on the server when left out.\n    #[validate(min = 1, max = 100)]\n    pub page_size: Option<i64>,";
    assert!(module.contains(field), "{field}\nin\n{module}");
    assert!(
        module.contains(
            "/// Defaults to `\"asc\"` on the server when left out.\n    pub order: Option<Order>,"
        ),
        "{module}"
    );
    assert!(!module.contains("serde(default"), "{module}");
}

#[test]
fn number_adapters_follow_the_field_shape() {
    let module = module();
    assert!(
        module.contains("#[serde_as(as = \"Option<Vec<DotNetDecimal>>\")]"),
        "{module}"
    );
    assert!(
        module.contains("#[serde_as(as = \"Option<DotNetDouble>\")]"),
        "{module}"
    );
}

#[test]
fn top_structs_skip_absent_values_and_sort_request_objects_by_java_name() {
    let module = module();
    assert!(
        module.contains("#[serde_with::skip_serializing_none]"),
        "{module}"
    );
    let tree = &module[module.find("pub struct Tree").unwrap()..];
    let order: Vec<&str> = [
        "amounts", "children", "kind", "left", "parent", "ratio", "size", "r#type", "zeroth",
    ]
    .into_iter()
    .map(|name| {
        let at = tree
            .find(&format!("pub {name}:"))
            .unwrap_or_else(|| panic!("{name} in {tree}"));
        (at, name)
    })
    .collect::<std::collections::BTreeMap<_, _>>()
    .into_values()
    .collect();
    assert_eq!(
        order,
        [
            "amounts", "children", "kind", "left", "parent", "ratio", "size", "r#type", "zeroth"
        ]
    );
}

#[test]
fn fields_carry_their_validation_rules_and_structs_their_cross_field_rules() {
    let module = module();
    for expected in [
        "    #[validate(max_len = 6, pattern = \"[A-Z]{2}[0-9]+\")]\n    pub code: Option<String>,",
        "    #[validate(min = 1, max = 9)]\n    pub count: Option<i32>,",
        "    #[validate(min_len = 1, format = \"decimal\")]\n    pub yuan: Option<String>,",
        "    #[validate(required)]\n    pub r#type: String,",
        "    #[sensitive]\n    pub secret: Option<String>,",
        "        when(field = \"kind\", equals = \"1\"),\n        require = \"left\",\n        code = \"LEFT_MISSING\",",
        "        when(field = \"zeroth\", equals = 7),",
    ] {
        assert!(
            module.contains(expected),
            "missing {expected:?} in {module}"
        );
    }
    assert!(
        module.contains("#[derive(Clone, RedactedDebug, PartialEq, Serialize, Deserialize, Validate, Builder)]\n#[validate(\n    rule("),
        "a struct with a sensitive field derives RedactedDebug, and a request-side one a builder: {module}"
    );
    assert!(
        module.contains("#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate, Builder)]\n#[builder(crate = ::codegen_runtime::bon, on(String, into), on(Box<_>, into))]\npub struct Branch {"),
        "{module}"
    );
}

#[test]
fn enums_carry_their_repr_and_an_other_variant() {
    let module = module();
    assert!(
        module.contains("#[wire(repr = \"string\", closed)]\npub enum Kind {"),
        "{module}"
    );
    assert!(
        module.contains("#[wire(value = 10000000000)]\n    Value10000000000,"),
        "{module}"
    );
    assert!(
        module.contains("#[wire(value = -1)]\n    Minus1,"),
        "{module}"
    );
    assert!(module.contains("Other(String),"), "{module}");
}

/// The rendered crate compiles and its example test passes; slow (a separate build), so it runs once.
#[test]
fn the_rendered_crate_compiles_and_round_trips_its_example() {
    let dir = tempfile::tempdir().unwrap();
    codegen::generate(&features(), dir.path()).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let runtime = root.join("codegen/runtime");
    let derive = root.join("codegen/derive");
    std::fs::write(
        dir.path().join("Cargo.toml"),
        format!(
            "[package]\nname = \"features\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[workspace]\n\n[dependencies]\n\
             codegen-runtime = {{ path = {runtime:?} }}\ncodegen-derive = {{ path = {derive:?} }}\n\
             serde = {{ version = \"1\", features = [\"derive\"] }}\nserde_with = {{ version = \"3\", default-features = false, features = [\"macros\"] }}\nhttp = \"1\"\n"
        ),
    )
    .unwrap();
    let uses = dir.path().join("tests");
    std::fs::create_dir(&uses).unwrap();
    let mut use_tests = 0;
    for file in std::fs::read_dir(features().join("uses")).unwrap() {
        let file = file.unwrap().path();
        use_tests += test_count(&std::fs::read_to_string(&file).unwrap());
        std::fs::copy(&file, uses.join(file.file_name().unwrap())).unwrap();
    }
    let library_tests: usize = codegen::render(&features())
        .unwrap()
        .values()
        .map(|text| test_count(text))
        .sum();
    let lock = root.join("Cargo.lock");
    std::fs::copy(&lock, dir.path().join("Cargo.lock")).unwrap();
    // Beside the workspace's own builds, wherever they are, so a rerun builds only what changed.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
        .join("features-crate");
    let test = Command::new(env!("CARGO"))
        .args(["test", "--offline", "--quiet"])
        .current_dir(dir.path())
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    assert!(
        test.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&test.stdout),
        String::from_utf8_lossy(&test.stderr)
    );
    let stdout = String::from_utf8_lossy(&test.stdout);
    let passed: usize = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("test result: ok. "))
        .filter_map(|rest| rest.split(" passed").next()?.parse::<usize>().ok())
        .sum();
    // The library's tests (the examples of every features schema), then `features/uses/`; no doc test runs.
    assert_eq!(passed, library_tests + use_tests, "{stdout}");
    assert!(library_tests > 0 && use_tests > 0, "{stdout}");
}

/// The `#[test]` functions in a Rust file.
fn test_count(source: &str) -> usize {
    source.matches("#[test]").count()
}

#[test]
fn uri_parameters_become_a_typed_struct_and_other_operations_say_unit() {
    let module = rendered("src/uri_parameters.rs");
    assert!(
        module.contains("    type Uri = RefundOrderUri;\n"),
        "{module}"
    );
    assert!(
        module.contains("    #[serde(rename = \"orderId\")]\n    pub order_id: String,\n"),
        "{module}"
    );
    assert!(module.contains("    pub force: bool,\n"), "{module}");
    assert!(
        module.contains("    pub channel: Option<Channel>,\n"),
        "{module}"
    );
    assert!(
        module.contains("    const PATH: &'static [&'static str] = &[\"orderId\", \"line\"];\n"),
        "{module}"
    );
    assert!(module.contains("    type Uri = ();\n"), "{module}");
}

/// A type key that is no Rust identifier, renamed with `rust_name`, names its example tests by its Rust name.
#[test]
fn example_tests_are_named_by_the_rust_name() {
    let schema = "version: 1\nprovider:\n  id: digits\n  title: t\n  protocol: webapi\n  formats: [json]\n  source: s\n\
                  types:\n  1a:\n    rust_name: OneA\n    fields:\n      - { name: id, type: int32 }\n\
                  examples:\n  - type: 1a\n    json: '{\"id\":1}'\n";
    let provider = codegen::load_bytes(Path::new("digits.yaml"), schema.as_bytes())
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    let files = codegen::emit::render(&[provider]).unwrap_or_else(|error| panic!("{error:?}"));
    let examples = &files[Path::new("src/examples.rs")];
    assert!(examples.contains("fn one_a_json()"), "{examples}");
}

/// A provider without operations still compiles warning-free: its operation visitor names no unused variable.
#[test]
fn a_provider_without_operations_leaves_no_unused_visitor() {
    let schema = "version: 1\nprovider:\n  id: bare\n  title: t\n  protocol: webapi\n  formats: [json]\n  source: s\n\
                  types:\n  Refund:\n    fields:\n      - { name: id, type: int32 }\n";
    let provider = codegen::load_bytes(Path::new("bare.yaml"), schema.as_bytes())
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    let files = codegen::emit::render(&[provider]).unwrap_or_else(|error| panic!("{error:?}"));
    let module = &files[Path::new("src/bare.rs")];
    assert!(
        module.contains("pub fn visit_operations<V: OperationVisitor>(_visitor: &mut V) {}"),
        "{module}"
    );
}
