//! Derive macros for the types that travel to and from the refund providers.
//!
//! The generated crate puts these on its types, and hand-written types can use them the same way. Each derive
//! parses its attributes into a small model first and reports every misuse at once, then emits code: the
//! structure serde's own derive follows.

mod data_contract;
mod errors;
mod wire_enum;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Writes an enum the way a provider's server writes it, and keeps values the schema does not list.
///
/// ```ignore
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, WireEnum)]
/// #[wire(repr = "i32")]
/// pub enum Terminal {
///     #[wire(value = 1, name = "WEBPAGEEnum")]
///     WebpageEnum,
///     #[wire(other)]
///     Other(i32),
/// }
/// ```
///
/// `repr` is `i32` or `i64` (written as a JSON number, read from a number, a numeric string or a member name, as
/// Json.NET reads enums) or `string` (written and read as a string; its `other` variant holds a `String`). Each
/// unit variant gives its wire `value` and optionally its member `name` (the text DataContract XML uses). Exactly
/// one tuple variant marked `#[wire(other)]` holds any other value, so an unknown value round-trips unchanged.
///
/// The derive implements `serde::Serialize` and `serde::Deserialize` through `codegen_runtime::serde`, and the
/// inherent methods `wire_value`, `from_wire_value`, `member_name`, `from_member_name` and `is_known`.
#[proc_macro_derive(WireEnum, attributes(wire))]
pub fn derive_wire_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    wire_enum::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Writes and reads a struct as ASP.NET Web API's DataContractSerializer does (section A of the wire-format notes).
///
/// ```ignore
/// #[derive(DataContract)]
/// #[data_contract(name = "ApiResultOfstring", namespace = "http://schemas.datacontract.org/2004/07/Ctt.Models")]
/// pub struct ApiResultOfString {
///     pub code: i32,
///     pub message: Option<String>,
///     #[data_member(inherited = 1, namespace = "http://schemas.datacontract.org/2004/07/Ctt.Base")]
///     pub sign: Option<String>,
/// }
/// ```
///
/// `name` (default: the type's name) and `namespace` (required) make the contract: the root element and the namespace
/// of the type's own members. Each field is a data member written as an element of its name: `#[data_member(name =
/// "...")]`, else serde's `rename` or `rename_all` (one rename serves JSON and XML, as a CLR name serves Json.NET and
/// DataContractSerializer), else the field's own name. A member a base type declares says how many levels up with `inherited = N` and
/// gives that type's `namespace`. Members are written base first, then by `order = N` if given, then by the ordinal
/// order of their names, as DataContractSerializer writes them; `#[data_member(skip)]` leaves a field out (it is
/// `Default` on read). Every field's type implements `codegen_runtime::xml::XmlValue`: the scalars, `Option`, `Box`,
/// `Vec`, other `DataContract` structs and `WireEnum` enums do.
///
/// The derive implements `codegen_runtime::xml::DataContract` and `XmlValue`; `codegen_runtime::xml::to_string`
/// and `from_str` write and read documents.
#[proc_macro_derive(DataContract, attributes(data_contract, data_member))]
pub fn derive_data_contract(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    data_contract::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
