//! Clients without I/O: each generated operation becomes an `http::Request<Vec<u8>>` to send, and the
//! `http::Response<Vec<u8>>` that comes back becomes the operation's response or one [`CallError`].
//!
//! Two [`Codec`]s cover the five providers: [`WebApi`] posts the request in the format the caller picks among
//! those the provider speaks (JSON, DataContract XML, form, BSON) to a path under the caller's base address, and
//! [`Top`] posts a signed form to the Taobao Open Platform gateway, with the request's SM4 fields encrypted. Both
//! validate a request before building it unless told not to, and both read a response in three steps, each with
//! its own error: the HTTP status ([`CallError::Http`]), the body ([`CallError::Decode`], or
//! [`CallError::Top`] for TOP's `error_response`), and the operation's documented [`Outcome`]
//! ([`CallError::Provider`]). An operation whose `Response` is [`RawResponse`] (its document describes no body)
//! gets a 2xx answer whole: status, content type and bytes, unparsed.
//!
//! ```
//! use codegen_runtime::client::{CallError, Codec, Literal, Outcome, Success, WebApi};
//! use codegen_runtime::{Endpoint, Format, Operation, Protocol, ProviderInfo};
//!
//! #[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
//! struct Refund {
//!     order: String,
//! }
//!
//! #[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
//! struct Answer {
//!     errcode: i32,
//!     errmsg: Option<String>,
//! }
//! # impl codegen_runtime::Validate for Refund {
//! #     fn validate_into(&self, _: &codegen_runtime::validate::Path<'_>, _: &mut codegen_runtime::validate::Report) {}
//! # }
//! # impl codegen_runtime::Validate for Answer {
//! #     fn validate_into(&self, _: &codegen_runtime::validate::Path<'_>, _: &mut codegen_runtime::validate::Report) {}
//! # }
//!
//! struct RefundTickets;
//!
//! impl Operation for RefundTickets {
//!     type Request = Refund;
//!     type Response = Answer;
//!     type Uri = ();
//!     const NAME: &'static str = "refund_tickets";
//!     const PROVIDER: ProviderInfo =
//!         ProviderInfo { id: "shop", title: "Shop", protocol: Protocol::WebApi, formats: &[Format::Json] };
//!     const ENDPOINT: Endpoint = Endpoint::Http { method: "POST", path: "api/refund" };
//!     const OUTCOME: Option<Outcome> = Some(Outcome {
//!         field: "errcode",
//!         success: Success::Equals(Literal::Int(0)),
//!         code: None,
//!         message: Some("errmsg"),
//!     });
//! }
//!
//! let client = WebApi::new("https://shop.example/v5/".parse()?);
//! let request = client.encode::<RefundTickets>(&Refund { order: "A1".into() })?;
//! assert_eq!(request.uri(), "https://shop.example/v5/api/refund");
//! assert_eq!(request.body(), br#"{"order":"A1"}"#);
//!
//! let answer = http::Response::builder()
//!     .header("content-type", "application/json; charset=utf-8")
//!     .body(br#"{"errcode":7,"errmsg":"sold out"}"#.to_vec())?;
//! match client.decode::<RefundTickets>(&answer) {
//!     Err(CallError::Provider(failure)) => assert_eq!(failure.message.as_deref(), Some("sold out")),
//!     other => panic!("{other:?}"),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod outcome;
mod top;
#[cfg(feature = "transport")]
mod transport;
mod webapi;

pub use crate::protocol::operation::{
    Literal, Outcome, RawResponse, Sm4Codec, Success, WireValue, XmlCodec, XmlMessage,
};
pub use error::{CallError, EncodeError, HttpFailure, ProviderFailure};
pub use top::Top;
#[cfg(feature = "transport")]
pub use transport::{MAX_ANSWER_BYTES, Transport};
pub use webapi::WebApi;

use std::borrow::Cow;

use crate::protocol::operation::Operation;
use crate::protocol::sm4::Sm4Config;
use crate::validate::Validate;

/// Builds the HTTP request of an operation and reads its response; [`WebApi`] and [`Top`] are the two.
///
/// A codec holds no connection, so it is cheap to share; [`Transport`] (feature `transport`) sends what it builds.
pub trait Codec {
    /// The request to send for `request`, checked first unless the codec was told not to. For an operation
    /// whose URI carries parameters, [`encode_with_uri`](Codec::encode_with_uri) takes them too.
    fn encode<O: Operation<Uri = ()>>(
        &self,
        request: &O::Request,
    ) -> Result<http::Request<Vec<u8>>, CallError> {
        self.encode_with_uri::<O>(&(), request)
    }

    /// The request to send to `O` with the values of its URI's path and query parameters: `uri` is the
    /// operation's generated `…Uri` struct.
    fn encode_with_uri<O: Operation>(
        &self,
        uri: &O::Uri,
        request: &O::Request,
    ) -> Result<http::Request<Vec<u8>>, CallError>;

    /// The operation's response read from what the server answered.
    fn decode<O: Operation>(
        &self,
        response: &http::Response<Vec<u8>>,
    ) -> Result<O::Response, CallError> {
        let content_type = response
            .headers()
            .get(http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok());
        self.read::<O>(response.status(), content_type, response.body())
    }

    /// The same as [`decode`](Codec::decode), from the parts of a response a transport hands over.
    fn read<O: Operation>(
        &self,
        status: http::StatusCode,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<O::Response, CallError>;
}

/// What both codecs do around a call whatever the protocol: validate requests (unless told not to), encrypt and
/// decrypt SM4 fields, and read outcomes, the caller's in place of the schema's where given.
#[derive(Clone, Debug)]
struct Settings {
    validate: bool,
    sm4: Option<Sm4Config>,
    /// By provider id and operation name.
    outcomes: Vec<((&'static str, &'static str), Option<Outcome>)>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            validate: true,
            sm4: None,
            outcomes: Vec::new(),
        }
    }
}

impl Settings {
    /// The request as it is written: validated as the caller wrote it (the plain text is what the document's
    /// limits describe), then with its SM4 fields encrypted.
    fn prepare<'r, O: Operation>(
        &self,
        request: &'r O::Request,
    ) -> Result<Cow<'r, O::Request>, CallError> {
        if self.validate {
            Validate::validate(request).map_err(CallError::Invalid)?;
        }
        let Some(codec) = O::SM4 else {
            return Ok(Cow::Borrowed(request));
        };
        let mut encrypted = request.clone();
        (codec.encrypt)(&mut encrypted, self.sm4_config::<O>()?);
        Ok(Cow::Owned(encrypted))
    }

    /// A request read as its receiver reads it: SM4 fields decrypted, then validated unless told not to.
    fn receive<O: Operation>(&self, mut request: O::Request) -> Result<O::Request, CallError> {
        if let Some(codec) = O::SM4 {
            (codec.decrypt)(&mut request, self.sm4_config::<O>()?).map_err(CallError::Sm4)?;
        }
        if self.validate {
            Validate::validate(&request).map_err(CallError::Invalid)?;
        }
        Ok(request)
    }

    fn sm4_config<O: Operation>(&self) -> Result<&Sm4Config, CallError> {
        self.sm4
            .as_ref()
            .ok_or(CallError::Sm4Missing { operation: O::NAME })
    }

    fn set_outcome<O: Operation>(&mut self, outcome: Option<Outcome>) {
        let key = (O::PROVIDER.id, O::NAME);
        self.outcomes.retain(|(other, _)| *other != key);
        self.outcomes.push((key, outcome));
    }

    fn outcome<O: Operation>(&self) -> Option<Outcome> {
        let key = (O::PROVIDER.id, O::NAME);
        self.outcomes
            .iter()
            .find(|(other, _)| *other == key)
            .map_or(O::OUTCOME, |(_, outcome)| *outcome)
    }

    /// The response, unless the operation's outcome says the call failed.
    fn judge<O: Operation>(&self, response: O::Response) -> Result<O::Response, CallError> {
        match self.outcome::<O>() {
            Some(outcome) => outcome.judge(&response).map(|()| response),
            None => Ok(response),
        }
    }
}

/// The media type of a `Content-Type` value: what comes before any parameter, lowercased.
fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}
