//! Derive macros for the types that travel to and from the refund providers.
//!
//! The generated crate puts these on its types, and hand-written types can use them the same way. Each derive
//! parses its attributes into a small model first and reports every misuse at once, then emits code: the
//! structure serde's own derive follows.

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
