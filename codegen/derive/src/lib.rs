//! Derive macros for the types that travel to and from the refund providers.
//!
//! The generated crate puts these on its types, and hand-written types can use them the same way. Every derive
//! reads its input into one model in `internals` (the container, its fields or variants, and their parsed
//! attributes), reporting every misuse at once, and its own file then only emits code from that model: the
//! structure serde's own derive follows.

mod data_contract;
mod internals;
mod redacted_debug;
mod sm4_fields;
mod validate;
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
/// `#[wire(repr = "i64", closed)]` says the document lists every value: validation then reports the `other`
/// variant as `enum_value` (parsing still keeps it).
///
/// The derive implements `serde::Serialize` and `serde::Deserialize` through `codegen_runtime::serde`, the
/// inherent methods `wire_value`, `from_wire_value`, `member_name`, `from_member_name` and `is_known`, and
/// `codegen_runtime::validate`'s `Validate`, `Presence` and `WireLiteral` (`i128` for numbers, `&str` for strings).
#[proc_macro_derive(WireEnum, attributes(wire))]
pub fn derive_wire_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    wire_enum::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Writes and reads a struct as ASP.NET Web API's DataContractSerializer does (docs/wire-formats.md, DataContract XML).
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
/// `Vec`, other `DataContract` structs and `WireEnum` enums do. A list the document carries in one string says
/// `delimiter = ','`: its type (`Vec<T>` or `Option<Vec<T>>`) implements `codegen_runtime::xml::DelimitedMember`,
/// and the member is written and read as that one string.
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

/// Checks a struct against its provider's documented limits, reporting every problem at once.
///
/// ```ignore
/// #[derive(Validate)]
/// #[validate(rule(
///     when(field = "agent_return_ticket_type", equals = 0),
///     require = "agent_ticket_id",
///     code = "PARAM_CHECK_LACK_TICKET_ID",
///     message = "按票退款缺少票号",
/// ))]
/// pub struct AgentConfirmReturnRq {
///     #[validate(required, max_len = 64)]
///     pub agent_order_id: String,
///     pub agent_return_ticket_type: AgentReturnTicketType,
///     pub agent_ticket_id: Option<String>,
///     #[validate(min = 0, max = 99999.99)]
///     pub refund_amount: Option<Decimal>,
///     #[validate(format = "datetime")]
///     pub success_time: Option<String>,
///     #[validate(pattern = "[0-9]{1,3}[A-F]")]
///     pub seat_no: Option<String>,
/// }
/// ```
///
/// Field rules, in any combination: `required` (present: `Some`, a string not blank, a list not empty), `min_len`
/// and `max_len` (UTF-16 code units of a string, as .NET and Java count; items of a list), `min` and `max` (a
/// number, compared exactly as a decimal), `pattern` (a regex the whole text must match, checked when the macro
/// expands and compiled once at run time) and `format` (`date`: yyyy-MM-dd, `datetime`: yyyy-MM-dd HH:mm:ss,
/// `time`: HH:mm:ss, `digits`, `decimal`). An absent `Option` is left to `required` by every other rule, and an
/// empty text by `pattern` and `format`. Codes: `required`, `min_len`, `max_len`, `range`, `pattern`, `format`; nested values add `fen` and
/// `enum_value`. The container's repeatable `rule(...)` requires the field `require` when the field `field`
/// equals the wire literal `equals` (an integer, string or bool), reported with the provider's own `code` and
/// `message`; both name Rust fields.
///
/// Every field is then validated itself (`Option`, `Box` and `Vec` items too), at the path of its serde wire
/// name (`rename`, `rename_all`; a `flatten` field stays at its parent's path), so problems come in declaration
/// order, depth first: `$.trains[0].tickets[1].seat_no`. The derive implements
/// `codegen_runtime::validate::Validate` and `Presence` (a struct is always present).
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    validate::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// `Debug` that hides the fields marked `#[sensitive]`, so a value can be logged whole.
///
/// ```ignore
/// #[derive(RedactedDebug)]
/// pub struct Credentials {
///     pub app_key: String,
///     #[sensitive]
///     pub secret: String,
///     #[sensitive]
///     pub id_card_no: Option<String>,
/// }
/// // Credentials { app_key: "12345", secret: <redacted>, id_card_no: Some(<redacted>) }
/// ```
///
/// Written as `#[derive(Debug)]` writes a struct with named fields; a sensitive field prints `<redacted>`, and a
/// sensitive `Option` prints `None` or `Some(<redacted>)`. Validation messages never quote a value, so a
/// sensitive field is safe there too.
#[proc_macro_derive(RedactedDebug, attributes(sensitive))]
pub fn derive_redacted_debug(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    redacted_debug::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Encrypts and decrypts a struct's SM4 fields in place: `codegen_runtime::sm4::Sm4Fields`.
///
/// ```ignore
/// #[derive(Sm4Fields)]
/// pub struct PassengerInfo {
///     #[sm4]
///     pub passenger_name: String,
///     #[sm4]
///     pub country_code: Option<String>,
///     pub seat_no: String,
/// }
///
/// #[derive(Sm4Fields)]
/// pub struct RefundTicketDetail {
///     #[sm4]
///     pub passenger_info: PassengerInfo,
/// }
/// ```
///
/// Mark each field that travels as SM4 text (`String`, `Option<String>`) and each field whose type holds such
/// fields (a struct deriving `Sm4Fields`, an `Option`, `Box` or `Vec` of one): both are passed to their own
/// `Sm4Fields`, in declaration order. A decryption error names the field's wire name (serde's `rename` and
/// `rename_all`), so it reads `refund_ticket_details[0].passenger_info.passenger_name: ...`.
#[proc_macro_derive(Sm4Fields, attributes(sm4))]
pub fn derive_sm4_fields(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    sm4_fields::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
