//! The rule catalogue: every kind of change `codegen diff` reports, with its stable id, what it detects and how
//! severe it is, in one table. The comparison finds a change and states the facts; the rule alone judges it.
//!
//! A rule judges each direction the item travels in. A request is written by the caller and read by the provider,
//! so tightening it breaks callers; a response is written by the provider and read by the caller, so loosening it
//! breaks readers. Changes to the shape of a generated Rust item (a field gone, an `Option` added) break callers'
//! code whatever the direction.

use super::Severity;

/// What the comparison knows about one change beyond its direction.
#[derive(Clone, Copy, Debug)]
pub struct Facts {
    /// The generated Rust item changes in a way code using it notices.
    pub rust: bool,
    /// An added field is required.
    pub required: bool,
    /// The enum lists every value (`open: false`).
    pub closed: bool,
    /// The type is an operation's request, response or error: the root element of an XML document.
    pub root: bool,
    /// A scalar change that keeps every old wire value valid: the new type reads all the old one wrote.
    pub widened: bool,
    /// A scalar change whose new wire values are all valid old ones.
    pub narrowed: bool,
}

impl Facts {
    pub const NONE: Facts = Facts {
        rust: false,
        required: false,
        closed: false,
        root: false,
        widened: false,
        narrowed: false,
    };
    /// Only that the generated Rust item changes.
    pub const RUST: Facts = Facts {
        rust: true,
        ..Facts::NONE
    };
}

/// A rule's verdict for one direction: how severe, and whether the Rust API and the wire are what it touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effect {
    pub severity: Severity,
    pub rust: bool,
    pub wire: bool,
}

impl Effect {
    const fn new(severity: Severity) -> Effect {
        Effect {
            severity,
            rust: false,
            wire: false,
        }
    }

    const fn rust(self) -> Effect {
        self.rust_if(true)
    }

    const fn wire(self) -> Effect {
        self.wire_if(true)
    }

    const fn rust_if(mut self, rust: bool) -> Effect {
        self.rust |= rust;
        self
    }

    const fn wire_if(mut self, wire: bool) -> Effect {
        self.wire |= wire;
        self
    }
}

const BREAKING: Effect = Effect::new(Severity::Breaking);
const WARNING: Effect = Effect::new(Severity::Warning);
const INFO: Effect = Effect::new(Severity::Info);

/// Which of a direction's wire formats a rule can touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wire {
    /// Every format the provider speaks in that direction.
    All,
    /// JSON only.
    Json,
    /// XML only: DataContract documents and TOP's XML responses.
    Xml,
    /// XML of DataContract providers only (namespaces, member order, enum member names).
    DataContract,
    /// The formats the comparison names (a format added to the provider, the formats of changed samples).
    Given,
}

/// One kind of change.
#[derive(Debug)]
pub struct Rule {
    /// Stable: scripts and CI configurations match on it.
    pub id: &'static str,
    /// What it detects.
    pub what: &'static str,
    /// The severity logic of `request` and `response`, in words, for docs/diff.md.
    pub severity: &'static str,
    pub wire: Wire,
    /// The verdict when the item travels in requests.
    pub request: fn(Facts) -> Effect,
    /// The verdict when the item travels in responses.
    pub response: fn(Facts) -> Effect,
}

/// A provider's tightening: breaks requests, harmless in responses.
fn tightened(request: bool) -> Effect {
    if request {
        BREAKING.wire()
    } else {
        INFO.wire()
    }
}

/// A provider's loosening: harmless in requests, breaks readers of responses.
fn loosened(request: bool) -> Effect {
    tightened(!request)
}

macro_rules! rules {
    ($($name:ident = $id:literal, $wire:ident, $what:literal, $severity:literal,
        request: $request:expr, response: $response:expr;)*) => {
        $(
            pub static $name: Rule = Rule {
                id: $id,
                what: $what,
                severity: $severity,
                wire: Wire::$wire,
                request: $request,
                response: $response,
            };
        )*
        /// Every rule, in the order docs/diff.md lists them.
        pub static CATALOGUE: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    PROVIDER_ADDED = "provider-added", All,
        "a provider (schema file) is new",
        "info",
        request: |_| INFO.rust().wire(), response: |_| INFO.rust().wire();
    PROVIDER_REMOVED = "provider-removed", All,
        "a provider is gone: its module and every operation with it",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    PROVIDER_FORMAT_ADDED = "provider-format-added", Given,
        "the provider speaks a new format",
        "info",
        request: |_| INFO.wire(), response: |_| INFO.wire();
    PROVIDER_FORMAT_REMOVED = "provider-format-removed", Given,
        "the provider no longer speaks a format",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    PROVIDER_PROTOCOL_CHANGED = "provider-protocol-changed", All,
        "the protocol changed (webapi, top): every payload and the Rust API change",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();

    OPERATION_ADDED = "operation-added", All,
        "an operation is new",
        "info",
        request: |_| INFO.rust().wire(), response: |_| INFO.rust().wire();
    OPERATION_REMOVED = "operation-removed", All,
        "an operation is gone",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    OPERATION_RENAMED = "operation-renamed", All,
        "an operation declares `renamed_from`: its Rust item is renamed; the endpoint says where it is sent",
        "breaking (Rust API only)",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    OPERATION_HTTP_CHANGED = "operation-http-changed", All,
        "a Web API operation's HTTP method or path changed",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    OPERATION_TOP_METHOD_CHANGED = "operation-top-method-changed", All,
        "a TOP operation's API method changed: the signed `method` parameter and the `<method>_response` envelope",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    OPERATION_SESSION_REQUIRED = "operation-session-required", All,
        "a TOP operation now needs a user's session (`session: required`)",
        "breaking (Rust API): a codec without a session is refused the call",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    OPERATION_SESSION_NO_LONGER_REQUIRED = "operation-session-no-longer-required", All,
        "a TOP operation no longer needs a user's session",
        "info",
        request: |_| INFO.rust(), response: |_| INFO.rust();
    OPERATION_REQUEST_CHANGED = "operation-request-changed", All,
        "an operation sends another type",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    OPERATION_RESPONSE_CHANGED = "operation-response-changed", All,
        "an operation returns another type",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    OPERATION_ERROR_ADDED = "operation-error-added", All,
        "a Web API operation's failures are now described by an error type (a TOP operation's are always `TopError`)",
        "info",
        request: |_| INFO.wire(), response: |_| INFO.wire();
    OPERATION_ERROR_REMOVED = "operation-error-removed", All,
        "a Web API operation no longer names an error type",
        "warning: failures are no longer read into a type",
        request: |_| WARNING.wire(), response: |_| WARNING.wire();
    OPERATION_ERROR_CHANGED = "operation-error-changed", All,
        "a Web API operation's failures arrive as another type",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    OPERATION_OUTCOME_ADDED = "operation-outcome-added", All,
        "an operation's responses are now read for the provider's failure (`outcome`)",
        "warning (Rust API): a response the client returned may now be a `CallError::Provider`",
        request: |_| WARNING.rust(), response: |_| WARNING.rust();
    OPERATION_OUTCOME_REMOVED = "operation-outcome-removed", All,
        "an operation no longer has an `outcome`",
        "warning (Rust API): failures the provider reports are returned as responses",
        request: |_| WARNING.rust(), response: |_| WARNING.rust();
    OPERATION_OUTCOME_CHANGED = "operation-outcome-changed", All,
        "an operation's `outcome` reads another field, other success values or absence (`success_when`)",
        "breaking (Rust API): a response that succeeded may now fail, or the reverse",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    OPERATION_OUTCOME_REPORT_CHANGED = "operation-outcome-report-changed", All,
        "an operation's `outcome` takes a failure's code or message from another field",
        "warning (Rust API): code matching `ProviderFailure.code` or `message` must follow",
        request: |_| WARNING.rust(), response: |_| WARNING.rust();
    URI_PARAMETER_ADDED = "uri-parameter-added", All,
        "a Web API operation takes a new URI parameter (path or query)",
        "breaking when it is required (callers must send it) or the operation had none (its `…Uri` struct is new: \
         `encode` becomes `encode_with_uri`); otherwise warning (Rust API: struct literals must name it)",
        request: |f| if f.required { BREAKING.rust().wire() } else if f.rust { BREAKING.rust() } else { WARNING.rust() },
        response: |f| if f.required { BREAKING.rust().wire() } else if f.rust { BREAKING.rust() } else { WARNING.rust() };
    URI_PARAMETER_REMOVED = "uri-parameter-removed", All,
        "a URI parameter is no longer declared",
        "breaking (Rust API): its field is gone",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    URI_PARAMETER_MOVED = "uri-parameter-moved", All,
        "a URI parameter moved between the path and the query",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    URI_PARAMETER_TYPE_CHANGED = "uri-parameter-type-changed", All,
        "a URI parameter's type changed",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    URI_PARAMETER_BECAME_REQUIRED = "uri-parameter-became-required", All,
        "a query parameter became `required`",
        "breaking: the server refuses calls without it, and its field is no longer an `Option`",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    URI_PARAMETER_BECAME_OPTIONAL = "uri-parameter-became-optional", All,
        "a query parameter is no longer `required`",
        "breaking (Rust API): its field becomes an `Option`",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();

    TYPE_ADDED = "type-added", All,
        "a type is new; where it is used is reported as its own change",
        "info",
        request: |f| INFO.rust_if(f.rust), response: |f| INFO.rust_if(f.rust);
    TYPE_REMOVED = "type-removed", All,
        "a type is gone",
        "breaking when a Rust type was emitted for it; info for an abstract base",
        request: |f| if f.rust { BREAKING.rust() } else { INFO },
        response: |f| if f.rust { BREAKING.rust() } else { INFO };
    TYPE_RENAMED = "type-renamed", All,
        "a type declares `renamed_from`: the Rust type and the name `visit_type` knows it by change",
        "breaking (Rust API)",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    TYPE_RUST_NAME_CHANGED = "type-rust-name-changed", All,
        "a type's Rust name changed, its document name did not",
        "breaking (Rust API only)",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    TYPE_FULL_NAME_CHANGED = "type-full-name-changed", All,
        "a type's `full_name`, which `visit_type` also accepts, changed",
        "warning (Rust API: lookups by the old full name fail)",
        request: |_| WARNING.rust(), response: |_| WARNING.rust();
    TYPE_KIND_CHANGED = "type-kind-changed", All,
        "a struct became an enum or an enum a struct",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    TYPE_BASE_CHANGED = "type-base-changed", All,
        "a struct inherits from another base (or none): inherited members and their XML layout change",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    TYPE_BECAME_ABSTRACT = "type-became-abstract", All,
        "a struct became `abstract`: no Rust type is emitted for it any more",
        "breaking (Rust API)",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    TYPE_BECAME_CONCRETE = "type-became-concrete", All,
        "an abstract struct is no longer abstract: a Rust type is emitted for it",
        "info",
        request: |_| INFO.rust(), response: |_| INFO.rust();
    XML_NAMESPACE_CHANGED = "xml-namespace-changed", DataContract,
        "a DataContract namespace changed; readers match members by namespace",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    XML_NAME_CHANGED = "xml-name-changed", Xml,
        "a struct's XML name (DataContract name, TOP element) changed",
        "breaking for an operation's message, whose root element it names; info for a nested type, whose element \
         is named by the member",
        request: |f| if f.root { BREAKING.wire() } else { INFO.wire() },
        response: |f| if f.root { BREAKING.wire() } else { INFO.wire() };
    XML_MEMBER_ORDER_CHANGED = "xml-member-order-changed", DataContract,
        "DataContract member order changed (base members first, then by ordinal name: a rename or a new base moves \
         members)",
        "request: breaking (the provider's DataContractSerializer skips members out of order); response: warning \
         (the generated reader takes any order; written bytes change)",
        request: |_| BREAKING.wire(), response: |_| WARNING.wire();
    JSON_MEMBER_ORDER_CHANGED = "json-member-order-changed", Json,
        "the order JSON writes a struct's members in changed",
        "info: JSON readers take any order; written bytes change",
        request: |_| INFO.wire(), response: |_| INFO.wire();

    FIELD_ADDED = "field-added", All,
        "a struct has a new field",
        "request: breaking when callers must set it (required on the wire, or not an `Option`, which the builder \
         demands); otherwise warning (struct literals must name it, `builder()` callers are unaffected). Response: \
         info",
        request: |f| if f.required || f.rust { BREAKING.rust().wire_if(f.required) } else { WARNING.rust() },
        response: |_| INFO.rust().wire();
    FIELD_REMOVED = "field-removed", All,
        "a field is no longer declared",
        "breaking. Request: the Rust API (the provider ignores a member it does not read). Response: the Rust API \
         and the wire (readers lose the value)",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust().wire();
    FIELD_RENAMED = "field-renamed", All,
        "a field's wire name changed (it declares `renamed_from`)",
        "breaking on the wire, and in Rust when the Rust name follows",
        request: |f| BREAKING.rust_if(f.rust).wire(), response: |f| BREAKING.rust_if(f.rust).wire();
    TOP_PARAMETER_RENAMED = "top-parameter-renamed", All,
        "a TOP application parameter (a field of an operation's request type) changed its name (`renamed_from`)",
        "breaking on the wire, and in Rust when the Rust name follows",
        request: |f| BREAKING.rust_if(f.rust).wire(), response: |f| BREAKING.rust_if(f.rust).wire();
    FIELD_RUST_NAME_CHANGED = "field-rust-name-changed", All,
        "a field's Rust name changed, its wire name did not",
        "breaking (Rust API only)",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    FIELD_TYPE_CHANGED = "field-type-changed", All,
        "a field's type changed from one scalar to another, or between a scalar and a declared type",
        "breaking (Rust API); on the wire unless the change widens a request or narrows a response (int32 to \
         int64, fen to string)",
        request: |f| BREAKING.rust().wire_if(!f.widened),
        response: |f| BREAKING.rust().wire_if(!f.narrowed);
    FIELD_LIST_CHANGED = "field-list-changed", All,
        "a field became a list, or stopped being one",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    FIELD_NAMED_TYPE_CHANGED = "field-named-type-changed", All,
        "a field refers to another declared type (a declared type rename is not a change here)",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    FIELD_BECAME_REQUIRED = "field-became-required", All,
        "a field became `required`",
        "request: breaking (the provider refuses payloads without it). Response: breaking in Rust when the \
         `Option` goes; otherwise info (readers always get it now)",
        request: |f| BREAKING.rust_if(f.rust).wire(),
        response: |f| if f.rust { BREAKING.rust() } else { INFO.wire() };
    FIELD_BECAME_OPTIONAL = "field-became-optional", All,
        "a field is no longer `required`",
        "response: breaking (readers may not get it). Request: breaking in Rust when it becomes an `Option`; \
         otherwise info",
        request: |f| if f.rust { BREAKING.rust() } else { INFO.wire() },
        response: |f| BREAKING.rust_if(f.rust).wire();
    FIELD_BECAME_NULLABLE = "field-became-nullable", All,
        "a field that is not required became an `Option` (`nullable`, or a type that is nullable by default)",
        "breaking: the Rust type changes; in responses readers may also get null",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust().wire();
    FIELD_BECAME_NON_NULLABLE = "field-became-non-nullable", All,
        "a field that is not required stopped being an `Option`",
        "breaking: the Rust type changes; in requests the provider may also refuse null",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust();
    FIELD_MAX_LEN_TIGHTENED = "field-max-len-tightened", All,
        "`max_len` added or lowered",
        "request: breaking; response: info",
        request: |_| tightened(true), response: |_| tightened(false);
    FIELD_MAX_LEN_LOOSENED = "field-max-len-loosened", All,
        "`max_len` removed or raised",
        "request: info; response: breaking (readers sized for the old limit)",
        request: |_| loosened(true), response: |_| loosened(false);
    FIELD_MIN_LEN_TIGHTENED = "field-min-len-tightened", All,
        "`min_len` added or raised",
        "request: breaking; response: info",
        request: |_| tightened(true), response: |_| tightened(false);
    FIELD_MIN_LEN_LOOSENED = "field-min-len-loosened", All,
        "`min_len` removed or lowered",
        "request: info; response: breaking",
        request: |_| loosened(true), response: |_| loosened(false);
    FIELD_MIN_TIGHTENED = "field-min-tightened", All,
        "a number's `min` added or raised",
        "request: breaking; response: info",
        request: |_| tightened(true), response: |_| tightened(false);
    FIELD_MIN_LOOSENED = "field-min-loosened", All,
        "a number's `min` removed or lowered",
        "request: info; response: breaking",
        request: |_| loosened(true), response: |_| loosened(false);
    FIELD_MAX_TIGHTENED = "field-max-tightened", All,
        "a number's `max` added or lowered",
        "request: breaking; response: info",
        request: |_| tightened(true), response: |_| tightened(false);
    FIELD_MAX_LOOSENED = "field-max-loosened", All,
        "a number's `max` removed or raised",
        "request: info; response: breaking",
        request: |_| loosened(true), response: |_| loosened(false);
    FIELD_PATTERN_ADDED = "field-pattern-added", All,
        "a field gained a `pattern`",
        "request: breaking; response: info",
        request: |_| tightened(true), response: |_| tightened(false);
    FIELD_PATTERN_REMOVED = "field-pattern-removed", All,
        "a field's `pattern` is gone",
        "request: info; response: breaking",
        request: |_| loosened(true), response: |_| loosened(false);
    FIELD_PATTERN_CHANGED = "field-pattern-changed", All,
        "a field's `pattern` changed; whether it tightens cannot be told",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    FIELD_FORMAT_ADDED = "field-format-added", All,
        "a text field gained a `format` (date, datetime, ...)",
        "request: breaking; response: info",
        request: |_| tightened(true), response: |_| tightened(false);
    FIELD_FORMAT_REMOVED = "field-format-removed", All,
        "a text field's `format` is gone",
        "request: info; response: breaking",
        request: |_| loosened(true), response: |_| loosened(false);
    FIELD_FORMAT_CHANGED = "field-format-changed", All,
        "a text field's `format` changed",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    FIELD_ENCRYPTION_ADDED = "field-encryption-added", All,
        "a field is now encrypted on the wire",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    FIELD_ENCRYPTION_REMOVED = "field-encryption-removed", All,
        "a field is no longer encrypted on the wire",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    FIELD_DEFAULT_CHANGED = "field-default-changed", All,
        "the default the document says the server applies to a field left out was added, removed or changed",
        "request: warning; response: info",
        request: |_| WARNING.wire(), response: |_| INFO.wire();
    FIELD_DELIMITER_ADDED = "field-delimiter-added", All,
        "a list is now carried in one delimited string",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    FIELD_DELIMITER_REMOVED = "field-delimiter-removed", All,
        "a list is no longer carried in one delimited string",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    FIELD_DELIMITER_CHANGED = "field-delimiter-changed", All,
        "a delimited list's items are separated by another character",
        "breaking",
        request: |_| BREAKING.wire(), response: |_| BREAKING.wire();
    FIELD_SENSITIVE_ADDED = "field-sensitive-added", All,
        "a field became `sensitive`: redacted from `Debug` and error messages",
        "info",
        request: |_| INFO.rust(), response: |_| INFO.rust();
    FIELD_SENSITIVE_REMOVED = "field-sensitive-removed", All,
        "a field is no longer `sensitive`: its value shows in `Debug` output and error messages",
        "warning: logs may now hold the value",
        request: |_| WARNING.rust(), response: |_| WARNING.rust();
    CROSS_FIELD_RULE_ADDED = "cross-field-rule-added", All,
        "a struct has a new `rules` entry (a field required when another equals a value)",
        "request: breaking; response: info",
        request: |_| tightened(true), response: |_| tightened(false);
    CROSS_FIELD_RULE_REMOVED = "cross-field-rule-removed", All,
        "a struct's `rules` entry is gone",
        "request: info; response: breaking",
        request: |_| loosened(true), response: |_| loosened(false);
    CROSS_FIELD_RULE_CODE_CHANGED = "cross-field-rule-code-changed", All,
        "a `rules` entry reports another `code` or `message`",
        "warning: code matching the provider's error code or message must follow",
        request: |_| WARNING.rust(), response: |_| WARNING.rust();

    ENUM_VALUE_ADDED = "enum-value-added", All,
        "an enum has a new value",
        "response of a closed enum: breaking (readers refuse it). Otherwise warning: Rust matches that list every \
         variant stop compiling, and a value read as `Other` now reads as the new variant",
        request: |_| WARNING.rust(),
        response: |f| if f.closed { BREAKING.rust().wire() } else { WARNING.rust() };
    ENUM_VALUE_REMOVED = "enum-value-removed", All,
        "an enum value is gone",
        "breaking: the Rust variant goes; in requests the provider may also refuse the value",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust();
    ENUM_VALUE_NAME_CHANGED = "enum-value-name-changed", DataContract,
        "an enum value's member name changed: the XML text of DataContract enums, and the Rust variant unless \
         `rust_name` pins it",
        "breaking where it shows (DataContract XML, the Rust variant); info otherwise",
        request: |f| BREAKING.rust_if(f.rust).wire(), response: |f| BREAKING.rust_if(f.rust).wire();
    ENUM_VALUE_RUST_NAME_CHANGED = "enum-value-rust-name-changed", All,
        "an enum value's Rust variant changed, its member name did not",
        "breaking (Rust API only)",
        request: |_| BREAKING.rust(), response: |_| BREAKING.rust();
    ENUM_REPR_CHANGED = "enum-repr-changed", All,
        "an enum's wire form (`repr`) changed",
        "breaking",
        request: |_| BREAKING.rust().wire(), response: |_| BREAKING.rust().wire();
    ENUM_OPENED = "enum-opened", All,
        "an enum became open: unlisted values are accepted",
        "request: info; response: breaking (readers may get values outside the list)",
        request: |_| loosened(true), response: |_| loosened(false);
    ENUM_CLOSED = "enum-closed", All,
        "an enum became closed: unlisted values are refused",
        "request: breaking; response: info",
        request: |_| tightened(true), response: |_| tightened(false);

    DOC_CHANGED = "doc-changed", All,
        "a description changed: `doc`, `note`, a provider's `title` or `source`; generated doc comments change",
        "info",
        request: |_| INFO.rust(), response: |_| INFO.rust();
    EXAMPLES_CHANGED = "examples-changed", Given,
        "a type's examples, or a TOP provider's `error_response` samples, changed; they are tests of the generated crate",
        "info",
        request: |_| INFO.rust().wire(), response: |_| INFO.rust().wire();
    RENAME_SOURCE_MISSING = "rename-source-missing", All,
        "a `renamed_from` names nothing in OLD, so the item is reported as added",
        "warning",
        request: |_| WARNING, response: |_| WARNING;
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().copied().find(|rule| rule.id == id)
}

/// The catalogue as a Markdown table, as docs/diff.md lists it.
pub fn catalogue_markdown() -> String {
    let mut table = String::from("| rule | detects | severity |\n|---|---|---|\n");
    for rule in CATALOGUE {
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id, rule.what, rule.severity
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        for (i, rule) in CATALOGUE.iter().enumerate() {
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.id
            );
            assert!(
                CATALOGUE[..i].iter().all(|other| other.id != rule.id),
                "{} twice",
                rule.id
            );
        }
    }
}
