//! The Taobao Open Platform (TOP) protocol, without I/O: a call becomes a signed form body, and a response body
//! becomes the response type or the platform's error (docs/wire-formats.md, TOP protocol).
//!
//! ```
//! use codegen_runtime::top::{self, Credentials, Options, ResponseFormat};
//!
//! #[derive(serde::Serialize)]
//! struct ItemRequest {
//!     fields: &'static str,
//! }
//!
//! let credentials = Credentials::new("12345678", "helloworld");
//! let options = Options {
//!     timestamp: Some("2016-01-01 12:00:00".parse()?),
//!     ..Options::default()
//! };
//! let method = "taobao.item.seller.get";
//! let request = top::encode_request(method, &ItemRequest { fields: "nick" }, &credentials, &options)?;
//! // POST request.body to top::GATEWAY with the header Content-Type: request.content_type.
//! assert!(request.body.starts_with(
//!     "method=taobao.item.seller.get&app_key=12345678&timestamp=2016-01-01+12%3A00%3A00&"
//! ));
//!
//! #[derive(Debug, serde::Deserialize)]
//! struct ItemResponse {
//!     is_success: Option<bool>,
//! }
//!
//! let body = r#"{"item_seller_get_response":{"is_success":"true","request_id":"abc"}}"#;
//! let response: ItemResponse = top::decode_response(body, ResponseFormat::Json, method)?;
//! assert_eq!(response.is_success, Some(true));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod clock;
mod code;
mod incoming;
mod lenient;
mod params;
mod request;
mod response;
#[cfg(test)]
mod seed_samples;
mod sign;
#[cfg(test)]
mod tests;
mod xml_tree;

pub use code::TopCode;
pub use incoming::{decode_params, verify_request};
pub use params::application_params;
pub use request::{
    Credentials, EncodeError, FORM_CONTENT_TYPE, Options, SYSTEM_PARAMS, TopRequest, encode_request,
};
pub use response::{
    ERROR_RESPONSE, TopError, TopFailure, decode_response, decode_response_listing_unread,
    response_name,
};
pub use sign::{SignMethod, sign};

use crate::protocol::operation::{Endpoint, Operation, TopSession};

/// The HTTPS gateway of the documentation; `http://gw.api.taobao.com/router/rest` and
/// `https://gw.api.taobao.com/router/rest` serve the same API, and the sandbox is `gw.api.tbsandbox.com`.
pub const GATEWAY: &str = "https://eco.taobao.com/router/rest";

/// What the response body is: the `format` system parameter and, for JSON, `simplify`.
///
/// One enum rather than two settings, because `simplify` exists only for JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResponseFormat {
    /// `format=json`: the response object under its [`response_name`] key, lists wrapped.
    Json,
    /// `format=json&simplify=true`: the response object at the root, lists plain.
    SimplifiedJson,
    /// `format=xml`: the response as the root element named [`response_name`], lists wrapped.
    Xml,
}

/// The signed request for the TOP operation `O`; [`EncodeError::Missing`]`("session")` when `O` needs a user's
/// session ([`TopSession::Required`]) and `options` has none.
///
/// `O::ENDPOINT` must be [`Endpoint::Top`]; using this for any other operation fails to compile:
///
/// ```compile_fail
/// use codegen_runtime::{Endpoint, Format, Operation, Protocol, ProviderInfo, top};
///
/// struct Refund;
///
/// impl Operation for Refund {
///     type Request = serde_json::Value;
///     type Response = serde_json::Value;
///     type Uri = ();
///     const NAME: &'static str = "refund";
///     const PROVIDER: ProviderInfo =
///         ProviderInfo { id: "p", title: "p", protocol: Protocol::WebApi, formats: &[Format::Json] };
///     const ENDPOINT: Endpoint = Endpoint::Http { method: "POST", path: "api/refund" };
/// }
///
/// let request = serde_json::json!({});
/// let _ = top::encode::<Refund>(&request, &top::Credentials::new("k", "s"), &top::Options::default());
/// ```
pub fn encode<O: Operation>(
    request: &O::Request,
    credentials: &Credentials,
    options: &Options,
) -> Result<TopRequest, EncodeError> {
    if needs_session(O::ENDPOINT) && !options.has_session() {
        return Err(EncodeError::Missing(codegen_wire::top::SESSION));
    }
    encode_request(
        const { top_method(O::ENDPOINT) },
        request,
        credentials,
        options,
    )
}

/// The response of the TOP operation `O`, read from `body` in the `format` the request asked for.
///
/// `O::ENDPOINT` must be [`Endpoint::Top`]; using this for any other operation fails to compile.
pub fn decode<O: Operation>(body: &str, format: ResponseFormat) -> Result<O::Response, TopFailure> {
    decode_response(body, format, const { top_method(O::ENDPOINT) })
}

/// The response of the TOP operation `O` as [`decode`] reads it, with the members its type has no field for (see
/// [`decode_response_listing_unread`]); the generated tests of a document's response samples use it.
pub fn decode_listing_unread<O: Operation>(
    body: &str,
    format: ResponseFormat,
) -> Result<(O::Response, Vec<String>), TopFailure> {
    decode_response_listing_unread(body, format, const { top_method(O::ENDPOINT) })
}

/// Whether the operation acts for a user, so that a call without a session is not built.
pub fn needs_session(endpoint: Endpoint) -> bool {
    matches!(
        endpoint,
        Endpoint::Top {
            session: TopSession::Required,
            ..
        }
    )
}

/// The API method of a TOP endpoint; evaluated at compile time, so an HTTP endpoint is a build error.
const fn top_method(endpoint: Endpoint) -> &'static str {
    match endpoint {
        Endpoint::Top { method, .. } => method,
        Endpoint::Http { .. } => panic!("not a TOP operation: its endpoint is Endpoint::Http"),
    }
}
