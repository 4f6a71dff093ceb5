//! `codegen diff`: one test per rule of the catalogue (rule id, severity, direction and the exact location), golden
//! files of the four outputs, the binary's exit codes, and `--base` on a temporary git repository.
//!
//! Rule tests edit one of two small schemas (a Web API provider speaking json, xml and form, and a TOP one) and
//! compare them in memory. A location is written as the schema text around it with `^` where the column points.
//! `BLESS=1 cargo test -p codegen --test diff` rewrites the golden files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::diff::{self, Change, LoadedProvider, OutputFormat, Severity, rules};

/// A Web API provider: `RefundRequest` travels in requests, `RefundResult` in responses, `Line` and `Status` both
/// ways, `Unused` neither.
const WEB: &str = r#"version: 1
provider:
  id: shop
  title: Shop
  protocol: webapi
  formats: [json, xml, form]
  source: shop.txt
operations:
  refund:
    doc: Refund tickets
    http: { method: POST, path: api/refund }
    request: RefundRequest
    response: RefundResult
types:
  RefundRequest:
    doc: What the caller sends
    base: SignedBase
    xml: { namespace: "http://example.com/shop" }
    fields:
      - { name: order_id, type: string, required: true, min_len: 2, max_len: 20 }
      - { name: reason, type: string, pattern: "^[a-z ]*$" }
      - { name: day, type: string, format: date }
      - { name: amount, type: int32, min: 1, max: 1000 }
      - { name: tags, type: "list<string>" }
      - { name: status, type: Status }
      - { name: line, type: Line }
      - { name: secret, type: string, encryption: sm4 }
    rules:
      - when: { field: status, equals: 2 }
        require: reason
        code: REASON_MISSING
        message: a failed refund needs a reason
  SignedBase:
    abstract: true
    xml: { namespace: "http://example.com/shop/base" }
    fields:
      - { name: sign, type: string, sensitive: true }
  RefundResult:
    xml: { name: RefundResultOfString, namespace: "http://example.com/shop" }
    fields:
      - { name: code, type: int32 }
      - { name: message, type: string, max_len: 50 }
      - { name: detail, type: Line }
      - { name: state, type: Status }
  Line:
    doc: One ticket
    xml: { namespace: "http://example.com/shop/line" }
    fields:
      - { name: id, type: string, required: true }
      - { name: qty, type: int32 }
  Status:
    repr: int32
    open: false
    values:
      - { value: 1, name: Done }
      - { value: 2, name: Failed }
  Unused:
    xml: { namespace: "http://example.com/shop/unused" }
    fields:
      - { name: spare, type: string }
examples:
  - type: RefundResult
    json: |
      {"code":0,"message":"ok","detail":null,"state":1}
"#;

/// A Taobao Open Platform provider: `ConfirmRequest`'s fields are the TOP parameters.
const TOP: &str = r#"version: 1
provider:
  id: bus
  title: Bus
  protocol: top
  formats: [json, xml]
  source: bus.txt
operations:
  confirm:
    top: { method: taobao.bus.confirm }
    request: ConfirmRequest
    response: ConfirmResponse
types:
  ConfirmRequest:
    fields:
      - { name: order_id, type: string, required: true }
  ConfirmResponse:
    xml: { name: bus_confirm_response }
    fields:
      - { name: success, type: bool }
      - { name: note, type: string }
examples:
  - type: error_response
    xml: |
      <error_response><code>50</code><msg>Remote service error</msg></error_response>
"#;

/// A provider without operations, valid under either protocol.
const BARE: &str = r#"version: 1
provider:
  id: bare
  title: Bare
  protocol: webapi
  formats: [json]
  source: bare.txt
types:
  Thing:
    fields:
      - { name: name, type: string }
"#;

/// `base` with each `(from, to)` applied; `from` must occur exactly once, so an edit never lands by accident.
fn edit(base: &str, edits: &[(&str, &str)]) -> String {
    let mut text = base.to_owned();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
        text = text.replacen(from, to, 1);
    }
    text
}

fn web(edits: &[(&str, &str)]) -> String {
    edit(WEB, edits)
}

fn top(edits: &[(&str, &str)]) -> String {
    edit(TOP, edits)
}

fn bare(edits: &[(&str, &str)]) -> String {
    edit(BARE, edits)
}

/// Loads a schema held in memory; `label` names it (`old/shop.yaml`), and its stem is the provider id.
fn load(label: &str, text: &str) -> LoadedProvider {
    let (schema, provider) = codegen::load_schema(Path::new(label), text.as_bytes())
        .unwrap_or_else(|problems| panic!("{label} does not load: {problems:#?}\n{text}"));
    LoadedProvider { schema, provider }
}

fn id_of(text: &str) -> &str {
    text.lines()
        .find_map(|line| line.trim().strip_prefix("id: "))
        .expect("an id")
}

/// The changes from OLD to NEW, each side one schema, or none when its text is empty.
fn changes(old: &str, new: &str) -> Vec<Change> {
    providers(&[old], &[new])
}

fn providers(old: &[&str], new: &[&str]) -> Vec<Change> {
    let load_all = |dir: &str, texts: &[&str]| -> Vec<LoadedProvider> {
        texts
            .iter()
            .filter(|text| !text.is_empty())
            .map(|text| load(&format!("{dir}/{}.yaml", id_of(text)), text))
            .collect()
    };
    diff::diff(&load_all("old", old), &load_all("new", new))
}

/// Where a change is expected: the text around it in OLD or NEW, `^` marking the column.
enum At {
    Old(&'static str),
    New(&'static str),
}

/// The `(line, column)` of the `^` in `needle`, found once in `text`.
fn locate(text: &str, needle: &str) -> (u32, u32) {
    let (before, after) = needle.split_once('^').expect("a ^ in the location");
    let plain = format!("{before}{after}");
    assert_eq!(
        text.matches(&plain).count(),
        1,
        "`{plain}` must occur once in\n{text}"
    );
    let offset = text.find(&plain).unwrap_or(0) + before.len();
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[..offset]
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        + 1;
    (line as u32, col as u32)
}

/// Asserts that exactly one change of `rule` is found, with this severity, direction and location.
fn expect(old: &str, new: &str, rule: &str, severity: Severity, direction: &str, at: At) {
    assert!(
        rules::find(rule).is_some(),
        "{rule} is not in the catalogue"
    );
    let all = changes(old, new);
    let found: Vec<&Change> = all.iter().filter(|c| c.rule.id == rule).collect();
    assert_eq!(found.len(), 1, "one {rule} expected among {all:#?}");
    let change = found[0];
    let (dir, text, needle) = match at {
        At::Old(needle) => ("old", old, needle),
        At::New(needle) => ("new", new, needle),
    };
    let (line, col) = locate(text, needle);
    let expected = format!("{dir}/{}.yaml:{line}:{col}", id_of(text));
    let actual = format!(
        "{}:{}:{}",
        change.file.display(),
        change.pos.line,
        change.pos.col
    );
    assert_eq!(
        (change.severity, change.direction.name(), actual.as_str()),
        (severity, direction, expected.as_str()),
        "{change:#?}"
    );
}

macro_rules! rule_tests {
    ($($test:ident: $rule:literal, $old:expr => $new:expr, $severity:ident, $direction:literal, $at:expr;)*) => {
        $(
            #[test]
            fn $test() {
                expect(&$old, &$new, $rule, Severity::$severity, $direction, $at);
            }
        )*

        #[test]
        fn every_rule_has_a_test() {
            let tested = [$($rule),*];
            for rule in rules::CATALOGUE {
                assert!(tested.contains(&rule.id), "no test of {}", rule.id);
            }
        }
    };
}

/// Where `OUTCOME` goes in `TOP`: after the operation's response type.
const OUTCOME_AT: &str = "    response: ConfirmResponse\n";
const OUTCOME: &str =
    "    response: ConfirmResponse\n    outcome:\n      field: success\n      success: true\n";
/// `TOP`'s response field `note`, as a list and as a delimited list.
const NOTE: &str = "{ name: note, type: string }";
const LISTED_NOTES: &str = "{ name: note, type: \"list<string>\" }";
const DELIMITED_NOTES: &str = "{ name: note, type: \"list<string>\", delimiter: \",\" }";
/// An error type for `WEB`'s operation: only a Web API operation names one.
const ERROR_AT: &str = "    response: RefundResult\n";
const ERROR: &str = "    response: RefundResult\n    error: Line\n";
/// Where `URI` goes in `WEB`: its operation's `http`, then with a path parameter and a query parameter.
const URI_AT: &str = "    http: { method: POST, path: api/refund }\n";
const URI: &str = "    http:\n      method: POST\n      path: \"api/orders/{orderId}/refund\"\n      parameters:\n        - { name: orderId, in: path, type: string }\n        - { name: force, in: query, type: bool }\n";
const FORCE: &str = "        - { name: force, in: query, type: bool }\n";
const RULES: &str = "    rules:\n      - when: { field: status, equals: 2 }\n        require: reason\n        code: REASON_MISSING\n        message: a failed refund needs a reason\n";
const NEW_OP: &str = "  cancel:\n    http: { method: POST, path: api/cancel }\n    request: RefundRequest\n    response: RefundResult\ntypes:\n";
const EXTRA_TYPE: &str = "  Extra:\n    xml: { namespace: \"http://example.com/shop/extra\" }\n    fields:\n      - { name: a, type: string }\n  Unused:\n";
const UNUSED_ENUM: &str =
    "  Unused:\n    repr: string\n    values:\n      - { value: a }\nexamples:\n";
const UNUSED_STRUCT: &str = "  Unused:\n    xml: { namespace: \"http://example.com/shop/unused\" }\n    fields:\n      - { name: spare, type: string }\nexamples:\n";

rule_tests! {
    provider_format_added: "provider-format-added",
        WEB => web(&[("form]", "form, bson]")]), Info, "both", At::New("form, ^bson]");
    provider_format_removed: "provider-format-removed",
        WEB => web(&[("xml, form]", "xml]")]), Breaking, "both", At::Old("xml, ^form]");
    provider_protocol_changed: "provider-protocol-changed",
        BARE => bare(&[("protocol: webapi", "protocol: top")]), Breaking, "both", At::New("protocol: ^top");
    provider_added: "provider-added",
        "" => WEB, Info, "both", At::New("id: ^shop");
    provider_removed: "provider-removed",
        WEB => "", Breaking, "both", At::Old("id: ^shop");

    operation_added: "operation-added",
        WEB => web(&[("types:\n", NEW_OP)]), Info, "both", At::New("  ^cancel:");
    operation_removed: "operation-removed",
        web(&[("types:\n", NEW_OP)]) => WEB, Breaking, "both", At::Old("  ^cancel:");
    operation_renamed: "operation-renamed",
        WEB => web(&[("  refund:\n", "  refund_tickets:\n    renamed_from: refund\n")]), Breaking, "both",
        At::New("  ^refund_tickets:");
    operation_http_changed: "operation-http-changed",
        WEB => web(&[("path: api/refund", "path: api/refunds")]), Breaking, "both", At::New("http: ^{ method: POST");
    operation_top_method_changed: "operation-top-method-changed",
        TOP => top(&[("taobao.bus.confirm", "taobao.bus.confirmed")]), Breaking, "both", At::New("top: ^{");
    operation_session_required: "operation-session-required",
        TOP => top(&[("taobao.bus.confirm }", "taobao.bus.confirm, session: required }")]), Breaking, "request",
        At::New("top: ^{");
    operation_session_no_longer_required: "operation-session-no-longer-required",
        top(&[("taobao.bus.confirm }", "taobao.bus.confirm, session: required }")]) =>
        top(&[("taobao.bus.confirm }", "taobao.bus.confirm, session: optional }")]), Info, "request", At::New("top: ^{");
    operation_request_changed: "operation-request-changed",
        WEB => web(&[("request: RefundRequest", "request: Line")]), Breaking, "request", At::New("request: ^Line");
    operation_response_changed: "operation-response-changed",
        WEB => web(&[("response: RefundResult", "response: Line")]), Breaking, "response", At::New("response: ^Line");
    operation_response_scalar_became_struct: "operation-response-changed",
        web(&[("response: RefundResult", "response: int32")]) => WEB, Breaking, "response",
        At::New("response: ^RefundResult");
    operation_response_became_none: "operation-response-changed",
        WEB => web(&[("response: RefundResult", "response: none")]), Breaking, "response", At::New("response: ^none");
    operation_request_list_item_changed: "operation-request-changed",
        web(&[("request: RefundRequest", "request: list<int32>")]) => web(&[("request: RefundRequest", "request: list<int64>")]),
        Breaking, "request", At::New("request: ^list<int64>");
    operation_error_added: "operation-error-added",
        WEB => web(&[(ERROR_AT, ERROR)]), Info, "response", At::New("error: ^Line");
    operation_error_removed: "operation-error-removed",
        web(&[(ERROR_AT, ERROR)]) => WEB, Warning, "response", At::New("  ^refund:");
    operation_error_changed: "operation-error-changed",
        web(&[(ERROR_AT, ERROR)]) => web(&[(ERROR_AT, &ERROR.replace("error: Line", "error: RefundResult"))]),
        Breaking, "response", At::New("error: ^RefundResult");
    operation_outcome_added: "operation-outcome-added",
        TOP => top(&[(OUTCOME_AT, OUTCOME)]), Warning, "response", At::New("field: ^success");
    operation_outcome_removed: "operation-outcome-removed",
        top(&[(OUTCOME_AT, OUTCOME)]) => TOP, Warning, "response", At::New("  ^confirm:");
    operation_outcome_changed: "operation-outcome-changed",
        top(&[(OUTCOME_AT, OUTCOME)]) => top(&[(OUTCOME_AT, &OUTCOME.replace("success: true", "success: false"))]),
        Breaking, "response", At::New("success: ^false");
    operation_outcome_changed_to_several_values: "operation-outcome-changed",
        top(&[(OUTCOME_AT, OUTCOME)]) => top(&[(OUTCOME_AT, &OUTCOME.replace("success: true", "success: [true, false]"))]),
        Breaking, "response", At::New("success: ^[true");
    operation_outcome_changed_to_absence: "operation-outcome-changed",
        top(&[(OUTCOME_AT, OUTCOME)]) => top(&[(OUTCOME_AT, &OUTCOME.replace("field: success\n      success: true", "field: note\n      success_when: absent"))]),
        Breaking, "response", At::New("success_when: ^absent");
    operation_outcome_report_changed: "operation-outcome-report-changed",
        top(&[(OUTCOME_AT, OUTCOME)]) => top(&[(OUTCOME_AT, &OUTCOME.replace("      field: success\n", "      field: success\n      message: note\n"))]),
        Warning, "response", At::New("field: ^success");

    uri_parameter_added: "uri-parameter-added",
        web(&[(URI_AT, URI)]) => web(&[(URI_AT, &format!("{URI}        - {{ name: channel, in: query, type: int32, required: true }}\n"))]),
        Breaking, "request", At::New("- { name: ^channel");
    uri_parameter_added_optional: "uri-parameter-added",
        web(&[(URI_AT, URI)]) => web(&[(URI_AT, &format!("{URI}        - {{ name: channel, in: query, type: int32 }}\n"))]),
        Warning, "request", At::New("- { name: ^channel");
    uri_parameter_added_first: "uri-parameter-added",
        WEB => web(&[(URI_AT, "    http:\n      method: POST\n      path: api/refund\n      parameters:\n        - { name: force, in: query, type: bool }\n")]),
        Breaking, "request", At::New("- { name: ^force");
    uri_parameter_removed: "uri-parameter-removed",
        web(&[(URI_AT, URI)]) => web(&[(URI_AT, URI), (FORCE, "")]),
        Breaking, "request", At::New("path: ^\"api/orders");
    uri_parameter_moved: "uri-parameter-moved",
        web(&[(URI_AT, URI)]) => web(&[(URI_AT, URI), ("{orderId}/refund", "refund"), ("orderId, in: path", "orderId, in: query")]),
        Breaking, "request", At::New("- { name: ^orderId");
    uri_parameter_type_changed: "uri-parameter-type-changed",
        web(&[(URI_AT, URI)]) => web(&[(URI_AT, URI), ("force, in: query, type: bool", "force, in: query, type: int32")]),
        Breaking, "request", At::New("- { name: ^force");
    uri_parameter_became_required: "uri-parameter-became-required",
        web(&[(URI_AT, URI)]) => web(&[(URI_AT, URI), ("type: bool }", "type: bool, required: true }")]),
        Breaking, "request", At::New("- { name: ^force");
    uri_parameter_became_optional: "uri-parameter-became-optional",
        web(&[(URI_AT, URI), ("type: bool }", "type: bool, required: true }")]) => web(&[(URI_AT, URI)]),
        Breaking, "request", At::New("- { name: ^force");

    type_added: "type-added",
        WEB => web(&[("  Unused:\n", EXTRA_TYPE)]), Info, "none", At::New("  ^Extra:");
    type_removed: "type-removed",
        web(&[("  Unused:\n", EXTRA_TYPE)]) => WEB, Breaking, "none", At::Old("  ^Extra:");
    type_removed_abstract: "type-removed",
        WEB => web(&[("    base: SignedBase\n", ""), ("  SignedBase:\n    abstract: true\n    xml: { namespace: \"http://example.com/shop/base\" }\n    fields:\n      - { name: sign, type: string, sensitive: true }\n", "")]),
        Info, "request", At::Old("  ^SignedBase:");
    type_renamed: "type-renamed",
        WEB => web(&[("  Unused:\n", "  Spare:\n    renamed_from: Unused\n")]), Breaking, "none", At::New("  ^Spare:");
    type_rust_name_changed: "type-rust-name-changed",
        WEB => web(&[("  Unused:\n", "  Unused:\n    rust_name: SpareType\n")]), Breaking, "none",
        At::New("rust_name: ^SpareType");
    type_full_name_changed: "type-full-name-changed",
        WEB => web(&[("  Unused:\n", "  Unused:\n    full_name: Shop.Models.Unused\n")]), Warning, "none",
        At::New("  ^Unused:");
    type_kind_changed: "type-kind-changed",
        WEB => web(&[(UNUSED_STRUCT, UNUSED_ENUM)]), Breaking, "none", At::New("  ^Unused:");
    type_base_changed: "type-base-changed",
        WEB => web(&[("    base: SignedBase\n", "")]), Breaking, "request", At::New("  ^RefundRequest:");
    type_became_abstract: "type-became-abstract",
        WEB => web(&[("  Unused:\n", "  Unused:\n    abstract: true\n")]), Breaking, "none", At::New("  ^Unused:");
    type_became_concrete: "type-became-concrete",
        WEB => web(&[("    abstract: true\n", "")]), Info, "request", At::New("  ^SignedBase:");
    xml_namespace_changed: "xml-namespace-changed",
        WEB => web(&[("shop/line\"", "shop/lines\"")]), Breaking, "both", At::New("  ^Line:");
    xml_name_changed_on_a_root: "xml-name-changed",
        WEB => web(&[("name: RefundResultOfString", "name: RefundResultOfstring")]), Breaking, "response",
        At::New("  ^RefundResult:");
    xml_name_changed_on_a_nested_type: "xml-name-changed",
        WEB => web(&[("{ namespace: \"http://example.com/shop/line\" }", "{ name: TicketLine, namespace: \"http://example.com/shop/line\" }")]),
        Info, "both", At::New("  ^Line:");
    xml_member_order_changed: "xml-member-order-changed",
        WEB => web(&[("{ name: amount,", "{ name: zamount, renamed_from: amount,")]),
        Breaking, "request", At::New("  ^RefundRequest:");
    json_member_order_changed: "json-member-order-changed",
        WEB => web(&[("      - { name: id, type: string, required: true }\n      - { name: qty, type: int32 }\n", "      - { name: qty, type: int32 }\n      - { name: id, type: string, required: true }\n")]),
        Info, "both", At::New("  ^Line:");

    field_added_to_a_request: "field-added",
        WEB => web(&[("      - { name: sign, type: string, sensitive: true }\n", "      - { name: sign, type: string, sensitive: true }\n      - { name: nonce, type: string }\n")]),
        Warning, "request", At::New("name: ^nonce");
    field_added_to_a_request_that_callers_must_set: "field-added",
        WEB => web(&[("      - { name: sign, type: string, sensitive: true }\n", "      - { name: sign, type: string, sensitive: true }\n      - { name: nonce, type: int32 }\n")]),
        Breaking, "request", At::New("name: ^nonce");
    field_added_to_a_response: "field-added",
        WEB => web(&[("      - { name: code, type: int32 }\n", "      - { name: code, type: int32 }\n      - { name: hint, type: string }\n")]),
        Info, "response", At::New("name: ^hint");
    field_removed: "field-removed",
        WEB => web(&[("      - { name: tags, type: \"list<string>\" }\n", "")]), Breaking, "request",
        At::Old("name: ^tags");
    field_renamed: "field-renamed",
        WEB => web(&[("{ name: message,", "{ name: msg, renamed_from: message,")]), Breaking, "response",
        At::New("name: ^msg");
    top_parameter_renamed: "top-parameter-renamed",
        TOP => top(&[("{ name: order_id,", "{ name: order_no, renamed_from: order_id,")]), Breaking, "request",
        At::New("name: ^order_no");
    field_rust_name_changed: "field-rust-name-changed",
        WEB => web(&[("{ name: id, type: string", "{ name: id, rust_name: line_id, type: string")]), Breaking, "both",
        At::New("rust_name: ^line_id");
    field_type_changed: "field-type-changed",
        WEB => web(&[("{ name: qty, type: int32 }", "{ name: qty, type: int64 }")]), Breaking, "both",
        At::New("qty, type: ^int64");
    field_list_changed: "field-list-changed",
        WEB => web(&[("{ name: tags, type: \"list<string>\" }", "{ name: tags, type: string }")]), Breaking, "request",
        At::New("tags, type: ^string");
    field_named_type_changed: "field-named-type-changed",
        WEB => web(&[("{ name: line, type: Line }", "{ name: line, type: Unused }")]), Breaking, "request",
        At::New("line, type: ^Unused");
    field_became_required: "field-became-required",
        WEB => web(&[("{ name: reason, type: string,", "{ name: reason, type: string, required: true,")]),
        Breaking, "request", At::New("name: ^reason");
    field_became_required_in_a_response_without_a_rust_change: "field-became-required",
        WEB => web(&[("{ name: code, type: int32 }", "{ name: code, type: int32, required: true }")]),
        Info, "response", At::New("name: ^code");
    field_became_optional: "field-became-optional",
        WEB => web(&[("{ name: id, type: string, required: true }", "{ name: id, type: string }")]),
        Breaking, "both", At::New("name: ^id");
    field_became_nullable: "field-became-nullable",
        WEB => web(&[("{ name: amount, type: int32,", "{ name: amount, type: int32, nullable: true,")]),
        Breaking, "request", At::New("name: ^amount");
    field_became_non_nullable: "field-became-non-nullable",
        WEB => web(&[("{ name: message, type: string,", "{ name: message, type: string, nullable: false,")]),
        Breaking, "response", At::New("name: ^message");
    field_max_len_tightened: "field-max-len-tightened",
        WEB => web(&[("max_len: 20", "max_len: 10")]), Breaking, "request", At::New("max_len: ^10");
    field_max_len_tightened_in_a_response: "field-max-len-tightened",
        WEB => web(&[("max_len: 50", "max_len: 40")]), Info, "response", At::New("max_len: ^40");
    field_max_len_loosened: "field-max-len-loosened",
        WEB => web(&[("max_len: 50", "max_len: 60")]), Breaking, "response", At::New("max_len: ^60");
    field_max_len_loosened_in_a_request: "field-max-len-loosened",
        WEB => web(&[(", max_len: 20", "")]), Info, "request", At::New("name: ^order_id");
    field_min_len_tightened: "field-min-len-tightened",
        WEB => web(&[("min_len: 2", "min_len: 3")]), Breaking, "request", At::New("min_len: ^3");
    field_min_len_loosened: "field-min-len-loosened",
        WEB => web(&[(" min_len: 2,", "")]), Info, "request", At::New("name: ^order_id");
    field_pattern_added: "field-pattern-added",
        WEB => web(&[("{ name: id, type: string", "{ name: id, pattern: \"^[0-9]+$\", type: string")]), Breaking, "both",
        At::New("pattern: ^\"^[0-9]");
    field_pattern_removed: "field-pattern-removed",
        WEB => web(&[(", pattern: \"^[a-z ]*$\"", "")]), Info, "request", At::New("name: ^reason");
    field_pattern_changed: "field-pattern-changed",
        WEB => web(&[("\"^[a-z ]*$\"", "\"^[a-z]*$\"")]), Breaking, "request", At::New("pattern: ^\"^[a-z]");
    field_format_added: "field-format-added",
        WEB => web(&[("{ name: id, type: string", "{ name: id, format: digits, type: string")]), Breaking, "both",
        At::New("format: ^digits");
    field_format_removed: "field-format-removed",
        WEB => web(&[(", format: date", "")]), Info, "request", At::New("name: ^day");
    field_format_changed: "field-format-changed",
        WEB => web(&[("format: date", "format: datetime")]), Breaking, "request", At::New("format: ^datetime");
    field_min_tightened: "field-min-tightened",
        WEB => web(&[("min: 1,", "min: 5,")]), Breaking, "request", At::New("min: ^5");
    field_min_loosened: "field-min-loosened",
        WEB => web(&[(" min: 1,", "")]), Info, "request", At::New("name: ^amount");
    field_max_tightened: "field-max-tightened",
        WEB => web(&[("max: 1000", "max: 500")]), Breaking, "request", At::New("max: ^500");
    field_max_loosened: "field-max-loosened",
        WEB => web(&[("max: 1000", "max: 2000")]), Info, "request", At::New("max: ^2000");
    field_sensitive_added: "field-sensitive-added",
        WEB => web(&[("format: date", "format: date, sensitive: true")]), Info, "request", At::New("name: ^day");
    field_sensitive_removed: "field-sensitive-removed",
        WEB => web(&[(", sensitive: true", "")]), Warning, "request", At::New("name: ^sign");
    cross_field_rule_added: "cross-field-rule-added",
        web(&[(RULES, "")]) => WEB, Breaking, "request", At::New("      - ^when:");
    cross_field_rule_removed: "cross-field-rule-removed",
        WEB => web(&[(RULES, "")]), Info, "request", At::Old("      - ^when:");
    cross_field_rule_code_changed: "cross-field-rule-code-changed",
        WEB => web(&[("code: REASON_MISSING", "code: NO_REASON")]), Warning, "request", At::New("code: ^NO_REASON");
    cross_field_rule_follows_a_renamed_field: "cross-field-rule-code-changed",
        WEB => web(&[("{ name: reason,", "{ name: why, renamed_from: reason,"), ("require: reason", "require: why"), ("message: a failed", "message: A failed")]),
        Warning, "request", At::New("code: ^REASON_MISSING");
    field_default_changed: "field-default-changed",
        WEB => web(&[("{ name: amount, type: int32,", "{ name: amount, type: int32, default: 10,")]), Warning, "request",
        At::New("default: ^10");
    field_default_changed_in_a_response: "field-default-changed",
        top(&[(NOTE, "{ name: note, type: string, default: none }")]) => top(&[(NOTE, "{ name: note, type: string, default: nil }")]),
        Info, "response", At::New("default: ^nil");
    field_delimiter_added: "field-delimiter-added",
        top(&[(NOTE, LISTED_NOTES)]) => top(&[(NOTE, DELIMITED_NOTES)]), Breaking, "response",
        At::New("delimiter: ^\",\"");
    field_delimiter_removed: "field-delimiter-removed",
        top(&[(NOTE, DELIMITED_NOTES)]) => top(&[(NOTE, LISTED_NOTES)]), Breaking, "response", At::New("name: ^note");
    field_delimiter_changed: "field-delimiter-changed",
        top(&[(NOTE, DELIMITED_NOTES)]) => top(&[(NOTE, &DELIMITED_NOTES.replace("\",\"", "\";\""))]), Breaking, "response",
        At::New("delimiter: ^\";\"");
    field_encryption_added: "field-encryption-added",
        WEB => web(&[("{ name: message, type: string,", "{ name: message, type: string, encryption: sm4,")]),
        Breaking, "response", At::New("name: ^message");
    field_encryption_removed: "field-encryption-removed",
        WEB => web(&[(", encryption: sm4", "")]), Breaking, "request", At::New("name: ^secret");

    enum_value_added: "enum-value-added",
        WEB => web(&[("      - { value: 2, name: Failed }\n", "      - { value: 2, name: Failed }\n      - { value: 3, name: Pending }\n")]),
        Breaking, "both", At::New("value: ^3");
    enum_value_added_to_an_open_enum: "enum-value-added",
        web(&[("open: false", "open: true")]) => web(&[("open: false", "open: true"), ("      - { value: 2, name: Failed }\n", "      - { value: 2, name: Failed }\n      - { value: 3, name: Pending }\n")]),
        Warning, "both", At::New("value: ^3");
    enum_value_removed: "enum-value-removed",
        WEB => web(&[("      - { value: 1, name: Done }\n", "")]), Breaking, "both", At::Old("value: ^1");
    enum_value_name_changed: "enum-value-name-changed",
        WEB => web(&[("name: Done", "name: Completed")]), Breaking, "both", At::New("name: ^Completed");
    enum_value_rust_name_changed: "enum-value-rust-name-changed",
        WEB => web(&[("{ value: 1, name: Done }", "{ value: 1, name: Done, rust_name: Finished }")]), Breaking, "both",
        At::New("rust_name: ^Finished");
    enum_repr_changed: "enum-repr-changed",
        WEB => web(&[("repr: int32", "repr: int64")]), Breaking, "both", At::New("repr: ^int64");
    enum_opened: "enum-opened",
        WEB => web(&[("open: false", "open: true")]), Breaking, "both", At::New("  ^Status:");
    enum_closed: "enum-closed",
        web(&[("open: false", "open: true")]) => WEB, Breaking, "both", At::New("  ^Status:");

    doc_changed: "doc-changed",
        WEB => web(&[("doc: One ticket", "doc: One ticket of the order")]), Info, "both", At::New("  ^Line:");
    examples_changed: "examples-changed",
        WEB => web(&[("\"message\":\"ok\"", "\"message\":\"done\"")]), Info, "response",
        At::New("type: ^RefundResult");
    examples_changed_error_response: "examples-changed",
        TOP => top(&[("<code>50</code>", "<code>7</code>")]), Info, "response", At::New("type: ^error_response");
    rename_source_missing: "rename-source-missing",
        WEB => web(&[("{ name: qty, type: int32 }", "{ name: quantity, renamed_from: count, type: int32 }")]),
        Warning, "both", At::New("renamed_from: ^count");
}

#[test]
fn identical_schemas_have_no_changes() {
    for text in [WEB, TOP, BARE] {
        assert!(changes(text, text).is_empty());
    }
}

#[test]
fn providers_pair_by_id() {
    let found = providers(&[WEB, TOP], &[TOP, BARE]);
    let rules: Vec<&str> = found.iter().map(|c| c.rule.id).collect();
    assert_eq!(rules, ["provider-added", "provider-removed"], "{found:#?}");
}

#[test]
fn a_rename_reports_neither_removal_nor_addition() {
    let new = web(&[("{ name: message,", "{ name: msg, renamed_from: message,")]);
    let found = changes(WEB, &new);
    assert!(
        found
            .iter()
            .all(|c| c.rule.id != "field-removed" && c.rule.id != "field-added"),
        "{found:#?}"
    );
}

#[test]
fn a_renamed_type_is_the_same_type_for_the_fields_that_use_it() {
    let new = web(&[
        ("  Line:\n", "  TicketLine:\n    renamed_from: Line\n"),
        (
            "{ name: line, type: Line }",
            "{ name: line, type: TicketLine }",
        ),
        (
            "{ name: detail, type: Line }",
            "{ name: detail, type: TicketLine }",
        ),
    ]);
    let rules: Vec<&str> = changes(WEB, &new).iter().map(|c| c.rule.id).collect();
    assert!(rules.contains(&"type-renamed"), "{rules:?}");
    assert!(!rules.contains(&"field-named-type-changed"), "{rules:?}");
}

#[test]
fn a_rust_name_only_change_breaks_only_the_rust_api() {
    let new = web(&[(
        "{ name: id, type: string",
        "{ name: id, rust_name: line_id, type: string",
    )]);
    let found = changes(WEB, &new);
    let formats: Vec<&str> = found[0].formats.iter().map(|f| f.name()).collect();
    assert_eq!(formats, ["rust"]);
}

#[test]
fn formats_are_those_the_provider_speaks_in_the_direction() {
    // Web API requests travel in every format, responses in all but form; TOP requests are TOP parameters.
    let request = changes(WEB, &web(&[("max_len: 20", "max_len: 10")]));
    let response = changes(WEB, &web(&[("max_len: 50", "max_len: 60")]));
    let top_request = changes(
        TOP,
        &top(&[(
            "{ name: order_id, type: string, required: true }",
            "{ name: order_id, type: string, required: true, max_len: 9 }",
        )]),
    );
    let names = |c: &[Change]| -> Vec<&str> { c[0].formats.iter().map(|f| f.name()).collect() };
    assert_eq!(names(&request), ["json", "xml", "form"]);
    assert_eq!(names(&response), ["json", "xml"]);
    assert_eq!(names(&top_request), ["top"]);
}

#[test]
fn the_loader_refuses_a_rename_from_a_name_still_declared() {
    let text = web(&[("{ name: qty,", "{ name: quantity, renamed_from: id,")]);
    let problems =
        codegen::load_schema(Path::new("new/shop.yaml"), text.as_bytes()).expect_err("refused");
    assert!(
        problems[0]
            .message
            .contains("`renamed_from: id` names a field that is still declared"),
        "{problems:#?}"
    );
}

#[test]
fn the_diff_page_lists_every_rule() {
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/diff.md"))
            .expect("docs/diff.md");
    let table = rules::catalogue_markdown();
    if std::env::var_os("BLESS").is_some() && !page.contains(&table) {
        panic!("paste this table into docs/diff.md:\n{table}");
    }
    assert!(
        page.contains(&table),
        "the rule table of docs/diff.md is stale:\n{table}"
    );
}

// Golden outputs of one multi-change fixture.

fn golden() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff/golden")
}

fn codegen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .current_dir(dir)
        .arg("diff")
        .args(args)
        .output()
        .expect("codegen runs")
}

#[test]
fn outputs_match_their_golden_files() {
    let dir = golden();
    for (format, file) in [
        ("text", "expected.txt"),
        ("markdown", "expected.md"),
        ("json", "expected.json"),
        ("github", "expected.github"),
    ] {
        let out = codegen(&dir, &["old", "new", "--format", format]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = dir.join(file);
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&path, &out.stdout).expect("the golden file is written");
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "{format} differs from {file}; BLESS=1 rewrites it"
        );
    }
}

#[test]
fn library_and_binary_agree() {
    let dir = golden();
    let old = diff::Source::Path(dir.join("old"))
        .load()
        .expect("OLD loads");
    let new = diff::Source::Path(dir.join("new"))
        .load()
        .expect("NEW loads");
    let changes = diff::diff(&old, &new);
    let json: serde_json::Value =
        serde_json::from_str(&diff::render(&changes, OutputFormat::Json)).expect("JSON");
    let golden: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).unwrap_or_default(),
    )
    .expect("golden JSON");
    let rules = |value: &serde_json::Value| -> Vec<String> {
        value
            .as_array()
            .map(|rows| rows.iter().map(|row| row["rule"].to_string()).collect())
            .unwrap_or_default()
    };
    assert_eq!(rules(&json), rules(&golden));
}

// Exit codes.

#[test]
fn exit_0_without_changes_1_at_the_threshold_2_on_errors() {
    let dir = golden();
    let same = codegen(&dir, &["new", "new"]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&same.stdout), "no changes\n");

    assert_eq!(codegen(&dir, &["old", "new"]).status.code(), Some(1));
    assert_eq!(
        codegen(&dir, &["old", "new", "--fail-on", "info"])
            .status
            .code(),
        Some(1)
    );
    // Only information and warnings in the TOP provider: below the default threshold.
    let bus = codegen(&dir, &["old/bus.yaml", "new/bus.yaml"]);
    assert_eq!(
        bus.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&bus.stdout)
    );
    assert_eq!(
        codegen(
            &dir,
            &["old/bus.yaml", "new/bus.yaml", "--fail-on", "warning"]
        )
        .status
        .code(),
        Some(1)
    );

    let missing = codegen(&dir, &["old", "nowhere"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nowhere"));
    for args in [
        &["old"][..],
        &["old", "new", "new"],
        &["old", "new", "--format", "yaml"],
        &["old", "new", "--fail-on", "fatal"],
    ] {
        assert_eq!(codegen(&dir, args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn an_invalid_schema_exits_2_with_the_loader_diagnostics() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "version: 1\nprovider:\n  id: broken\n  titel: x\n").expect("written");
    let out = codegen(dir.path(), &["broken.yaml", "broken.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.yaml:4:3: error: unknown key `titel` in `provider`"),
        "{stderr}"
    );
}

// `--base REV` on a temporary git repository.

fn git(dir: &Path, args: &[&str]) -> bool {
    Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .is_ok_and(|out| out.status.success())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a fixture folder").flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copied");
    }
}

#[test]
fn base_compares_the_schemas_folder_with_a_git_revision() {
    let repo = tempfile::tempdir().expect("a temporary folder");
    if !git(repo.path(), &["init", "-q"]) {
        eprintln!("git is not available; skipped");
        return;
    }
    let schemas = repo.path().join("schemas");
    copy_dir(&golden().join("old"), &schemas);
    assert!(git(repo.path(), &["add", "."]));
    assert!(git(repo.path(), &["commit", "-q", "-m", "old"]));
    std::fs::remove_dir_all(&schemas).expect("removed");
    copy_dir(&golden().join("new"), &schemas);

    let out = codegen(repo.path(), &["--base", "HEAD"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let via_git = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(via_git.contains("HEAD:schemas/gone.yaml:"), "{via_git}");
    // The same changes as two folders, OLD named by its revision.
    let folders = codegen(&golden(), &["old", "new"]);
    let expected = String::from_utf8_lossy(&folders.stdout)
        .replace("old/", "HEAD:schemas/")
        .replace("new/", "schemas/");
    let sorted = |text: &str| {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        lines.sort();
        lines
    };
    assert_eq!(sorted(&via_git), sorted(&expected));

    let one_file = codegen(repo.path(), &["--base", "HEAD", "schemas/bus.yaml"]);
    assert_eq!(
        one_file.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one_file.stderr)
    );

    let bad = codegen(repo.path(), &["--base", "no-such-rev"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("`no-such-rev` is not a commit"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

#[test]
fn base_outside_a_git_repository_is_an_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("bare.yaml"), BARE).expect("written");
    let out = codegen(dir.path(), &["--base", "HEAD", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());
}
