//! Runtime support for the code `codegen` generates.
//!
//! The generated crate stays short because the rules that do not depend on a schema live here, in layers that
//! use only the layers below them (`tests/tests/layers/runtime.rs` holds the table):
//!
//! | layer | holds |
//! |---|---|
//! | `problem` | [`Problem`], [`Rejection`], [`Stage`]: how every format and validation reports a payload it refuses |
//! | `scalar` | .NET's `double`, `decimal`, `Guid` and `DateTime`, dates, TOP's date-time, fen, on one calendar |
//! | `format` | [`json`], [`xml`], [`form`], [`bson`], each as the provider's server writes and reads it |
//! | [`validate`] | checking a parsed value against its document's limits |
//! | `protocol` | [`sm4`] field encryption, what an [`Operation`] states, the [`top`] protocol |
//! | [`client`] | the sans-IO clients, and their optional transport |
//! | `registry` | the visitors through which tools reach a generated type or operation by name |
//!
//! This root only declares the layers and hands their public names on, under the paths generated code and users
//! have always named (`codegen_runtime::json`, `codegen_runtime::DotNetDateTime`).

pub mod client;
mod format;
mod problem;
mod protocol;
mod registry;
mod scalar;
pub mod validate;

pub use format::{bson, form, json, xml};
pub use problem::{Problem, Rejection, Stage};
pub use protocol::operation::{
    Endpoint, Format, Model, Operation, Protocol, ProviderInfo, TopSession, UriParameters,
};
pub use protocol::{sm4, top};
pub use registry::{ModelVisitor, OperationVisitor};
pub use scalar::{
    Date, Delimited, DotNetDateTime, DotNetDecimal, DotNetDouble, DotNetGuid, DotNetNumber, Fen,
    Offset, ScalarError, TopDateTime,
};
pub use top::TopCode;
pub use validate::Validate;

/// Re-exported so generated code names one dependency for its wire types.
pub use {rust_decimal::Decimal, serde, serde_with, uuid::Uuid};

/// Re-exported for derive expansions and generated code: `regex` behind `#[validate(pattern)]`, `bon` for request
/// builders (`#[builder(crate = ::codegen_runtime::bon)]`).
pub use {bon, regex};
