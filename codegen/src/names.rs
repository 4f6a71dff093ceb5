//! The one place where Rust names are made from wire names.
//!
//! Wire names are data (`refund_passanger_ids`, `RefundExpands`, `WEBPAGEEnum`); Rust names are derived from them
//! with heck, keywords become raw identifiers where Rust allows it, and anything that cannot become an identifier
//! is refused with the reason, so the schema can give a `rust_name`.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords that can be used as raw identifiers (`r#type`).
const RAW_OK: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be identifiers at all, not even raw.
const NEVER: &[&str] = &["self", "Self", "super", "crate", "_"];

/// The generated crate's own files beside one module per provider (`src/lib.rs`, `src/examples.rs`): a provider id
/// may not take their names, or its module would overwrite one.
pub const CRATE_FILES: [&str; 2] = ["lib", "examples"];

/// Names the generated modules already use for types they name; a schema type may not take them.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Serialize",
    "Deserialize",
    "WireEnum",
    "Date",
    "DotNetDateTime",
    "TopDateTime",
    "Fen",
    "Uuid",
    "Decimal",
    "DotNetDouble",
    "DotNetDecimal",
    "Endpoint",
    "Format",
    "Model",
    "ModelVisitor",
    "Operation",
    "Protocol",
    "ProviderInfo",
];

/// Why a name cannot be used in Rust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameProblem(pub String);

/// A Rust identifier, written as it will appear in code (`r#type` for a raw one).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RustName(String);

impl RustName {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name without a raw prefix: what serde reports and what collisions compare.
    pub fn bare(&self) -> &str {
        self.0.strip_prefix("r#").unwrap_or(&self.0)
    }

    pub fn ident(&self) -> proc_macro2::Ident {
        match self.0.strip_prefix("r#") {
            Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
            None => proc_macro2::Ident::new(&self.0, proc_macro2::Span::call_site()),
        }
    }
}

/// The kind of item a name is for, which decides its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Structs, enums, variants, operations: `UpperCamelCase`.
    Type,
    /// Fields: `snake_case`.
    Field,
}

/// Derives the Rust name for `wire` (or takes `explicit`, the schema's `rust_name`, as written).
pub fn rust_name(wire: &str, explicit: Option<&str>, case: Case) -> Result<RustName, NameProblem> {
    let converted = match (explicit, case) {
        (Some(explicit), _) => explicit.to_owned(),
        (None, Case::Type) => wire.to_upper_camel_case(),
        (None, Case::Field) => wire.to_snake_case(),
    };
    let from = explicit.map_or("derived", |_| "given");
    if converted.is_empty() {
        return Err(NameProblem(format!(
            "the {from} Rust name of `{wire}` is empty"
        )));
    }
    if !is_identifier(&converted) {
        return Err(NameProblem(format!(
            "the {from} Rust name `{converted}` is not an identifier (ASCII letters, digits and `_`, not starting with a digit)"
        )));
    }
    if NEVER.contains(&converted.as_str()) {
        return Err(NameProblem(format!(
            "the {from} Rust name `{converted}` is a Rust keyword that cannot be used as a name, even raw"
        )));
    }
    if RAW_OK.contains(&converted.as_str()) {
        return Ok(RustName(format!("r#{converted}")));
    }
    Ok(RustName(converted))
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(wire: &str) -> Result<String, NameProblem> {
        rust_name(wire, None, Case::Field).map(|n| n.as_str().to_owned())
    }

    fn ty(wire: &str) -> Result<String, NameProblem> {
        rust_name(wire, None, Case::Type).map(|n| n.as_str().to_owned())
    }

    #[test]
    fn fields_are_snake_case_from_the_wire_name() {
        assert_eq!(field("RefundExpands").unwrap(), "refund_expands");
        assert_eq!(
            field("refund_passanger_ids").unwrap(),
            "refund_passanger_ids"
        );
        assert_eq!(
            field("param_agent_confirm_return_r_q").unwrap(),
            "param_agent_confirm_return_r_q"
        );
        assert_eq!(field("OrderId").unwrap(), "order_id");
    }

    #[test]
    fn types_and_variants_are_upper_camel_case() {
        assert_eq!(ty("ApiResultOfString").unwrap(), "ApiResultOfString");
        assert_eq!(ty("WEBPAGEEnum").unwrap(), "WebpageEnum");
        assert_eq!(ty("refund_ticket").unwrap(), "RefundTicket");
    }

    #[test]
    fn keywords_become_raw_or_are_refused() {
        assert_eq!(field("type").unwrap(), "r#type");
        assert_eq!(field("match").unwrap(), "r#match");
        assert!(field("self").is_err());
        assert!(ty("self").is_err(), "`self` becomes `Self`");
        assert!(rust_name("x", Some("super"), Case::Field).is_err());
    }

    #[test]
    fn non_identifiers_are_refused() {
        assert!(field("1st").is_err());
        assert!(field("乘客").is_err());
        assert!(field("").is_err());
        assert!(rust_name("x", Some("a-b"), Case::Field).is_err());
    }

    #[test]
    fn raw_names_compare_bare() {
        let name = rust_name("type", None, Case::Field).unwrap();
        assert_eq!(name.bare(), "type");
        assert_eq!(name.ident().to_string(), "r#type");
    }
}
