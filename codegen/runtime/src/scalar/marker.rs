//! The newtype names under which scalars announce themselves to a serializer.
//!
//! Serde cannot tell a date, a Guid or a number's exact text from a string, so these scalars serialize through a
//! newtype with one of these names. JSON ignores the name; a format with a form of its own for the scalar (BSON's
//! date and binary elements, a form's bare number text) recognises it here, below every format, so no scalar
//! imports a format.

/// The name under which serde_json serializes (as a struct) and deserializes (as a newtype) a `RawValue`; serde_json
/// does not export it. [`DotNetDouble`](super::DotNetDouble) and [`DotNetDecimal`](super::DotNetDecimal) hand their
/// number text over as a `RawValue`, so the form and BSON serializers recognise it by this name.
pub(crate) const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// The newtype name [`DotNetDateTime`](super::DotNetDateTime) serializes its text under: BSON writes a date element.
pub(crate) const DATE_TIME: &str = "$codegen_runtime::DotNetDateTime";

/// The newtype name [`DotNetGuid`](super::DotNetGuid) serializes its text under: BSON writes a binary Guid.
pub(crate) const GUID: &str = "$codegen_runtime::DotNetGuid";
