//! The one error a call returns, whichever provider it went to, with a variant for each place it can fail.

use std::fmt;

use super::WireValue;
use crate::format::xml::XmlError;
use crate::format::{bson, form};
use crate::problem::Rejection;
use crate::protocol::operation::Format;
use crate::protocol::operation::uri::UriError;
use crate::protocol::sm4::Sm4Error;
use crate::protocol::top::{self, TopError};

/// Why a call gave no response value. No variant holds a secret, a session or a signature.
#[derive(Debug)]
pub enum CallError {
    /// The request breaks a rule of the provider's document; nothing was built or sent.
    Invalid(Rejection),
    /// The request could not be written as the provider reads it.
    Encode(EncodeError),
    /// Sending failed or the answer could not be received: connection, TLS, an oversized body (feature
    /// `transport`).
    Transport(Box<dyn std::error::Error + Send + Sync>),
    /// The server answered with a status other than 2xx.
    Http(HttpFailure),
    /// The body is not the operation's message in the format it claims (or, reading a request as its provider
    /// does, a parameter or signature is wrong).
    Decode(Rejection),
    /// The response parsed, and its outcome field says the call failed.
    Provider(ProviderFailure),
    /// The Taobao Open Platform answered with an `error_response`.
    Top(TopError),
    /// An SM4 field could not be decrypted: the key, mode or text encoding is not the sender's.
    Sm4(Sm4Error),
    /// The operation belongs to the other protocol: a Web API operation given to [`Top`](super::Top), or a TOP
    /// operation given to [`WebApi`](super::WebApi).
    WrongCodec { operation: &'static str },
    /// The operation's request has SM4-encrypted fields and the codec has no SM4 configuration, so it neither
    /// sends them as plain text nor reads ciphertext as if it were.
    Sm4Missing { operation: &'static str },
    /// The TOP operation acts for a user ("需要用户授权") and the codec's `top::Options` has no session, so the
    /// request is not built: the gateway would refuse it.
    SessionMissing { operation: &'static str },
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Invalid(rejection) => write!(f, "the request is invalid: {rejection}"),
            CallError::Encode(error) => write!(f, "the request cannot be written: {error}"),
            CallError::Transport(error) => write!(f, "the call did not complete: {error}"),
            CallError::Http(failure) => failure.fmt(f),
            CallError::Decode(rejection) => write!(f, "the answer cannot be read: {rejection}"),
            CallError::Provider(failure) => failure.fmt(f),
            CallError::Top(error) => error.fmt(f),
            CallError::Sm4(error) => write!(f, "an SM4 field cannot be decrypted: {error}"),
            CallError::WrongCodec { operation } => write!(
                f,
                "`{operation}` belongs to the other protocol: call it with the codec of its provider's protocol"
            ),
            CallError::Sm4Missing { operation } => write!(
                f,
                "`{operation}` has SM4-encrypted fields: give the codec an SM4 configuration (`Top::sm4`)"
            ),
            CallError::SessionMissing { operation } => write!(
                f,
                "`{operation}` needs a user's session (需要用户授权): set `session` in the codec's `top::Options`"
            ),
        }
    }
}

impl std::error::Error for CallError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CallError::Invalid(rejection) | CallError::Decode(rejection) => Some(rejection),
            CallError::Encode(error) => Some(error),
            CallError::Transport(error) => Some(error.as_ref()),
            CallError::Http(_)
            | CallError::Provider(_)
            | CallError::WrongCodec { .. }
            | CallError::Sm4Missing { .. }
            | CallError::SessionMissing { .. } => None,
            CallError::Top(error) => Some(error),
            CallError::Sm4(error) => Some(error),
        }
    }
}

impl From<EncodeError> for CallError {
    fn from(error: EncodeError) -> CallError {
        CallError::Encode(error)
    }
}

/// Why a valid request could not be written.
#[derive(Debug)]
pub enum EncodeError {
    /// The provider's server does not speak this format, or this operation's types do not travel in it.
    Unsupported {
        provider: &'static str,
        format: Format,
    },
    /// The base address or gateway and the operation's path make no URI.
    Uri(http::Error),
    /// A URI parameter's value cannot be carried in the path (empty, `.` or `..`) or written as text.
    UriParameter(UriError),
    Json(serde_json::Error),
    Xml(XmlError),
    Form(form::FormError),
    Bson(bson::BsonError),
    Top(top::EncodeError),
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::Unsupported { provider, format } => write!(
                f,
                "`{provider}` does not take this operation's request as {}",
                format.name()
            ),
            EncodeError::Uri(error) => write!(f, "no URI: {error}"),
            EncodeError::UriParameter(error) => error.fmt(f),
            EncodeError::Json(error) => error.fmt(f),
            EncodeError::Xml(error) => error.fmt(f),
            EncodeError::Form(error) => error.fmt(f),
            EncodeError::Bson(error) => error.fmt(f),
            EncodeError::Top(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EncodeError::Uri(error) => Some(error),
            EncodeError::UriParameter(error) => Some(error),
            EncodeError::Json(error) => Some(error),
            EncodeError::Xml(error) => Some(error),
            EncodeError::Form(error) => Some(error),
            EncodeError::Bson(error) => Some(error),
            EncodeError::Top(error) => Some(error),
            EncodeError::Unsupported { .. } => None,
        }
    }
}

/// A status other than 2xx, with what the server said.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpFailure {
    pub status: http::StatusCode,
    /// The body as text (invalid UTF-8 replaced), e.g. Web API's `{"Message":"The request is invalid.", ...}`.
    pub body: String,
}

impl fmt::Display for HttpFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 200;
        write!(f, "the server answered {}", self.status)?;
        match self.body.char_indices().nth(SHOWN) {
            Some((cut, _)) => write!(f, ": {}…", &self.body[..cut]),
            None if self.body.is_empty() => Ok(()),
            None => write!(f, ": {}", self.body),
        }
    }
}

impl fmt::Debug for HttpFailure {
    /// As `Display`, so a long body does not flood a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HttpFailure({self})")
    }
}

/// A failure the provider reported in a response that parsed, read by the operation's [`Outcome`](super::Outcome).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ProviderFailure {
    /// The response field that said so (wire name), e.g. `errcode`.
    pub field: &'static str,
    /// The provider's code: the outcome's `code` field when it names one, else the deciding field's value;
    /// `None` when that field is absent.
    pub code: Option<WireValue>,
    /// The provider's message, from the outcome's `message` field.
    pub message: Option<String>,
}

impl fmt::Display for ProviderFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the provider reports a failure")?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        write!(f, " (by `{}`)", self.field)
    }
}
