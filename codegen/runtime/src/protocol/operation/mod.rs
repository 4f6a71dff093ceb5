//! What a generated operation states about itself, as data: where it is sent, the provider that serves it, how
//! its answer tells success from failure, and how its messages travel as DataContract XML and with SM4 fields.
//! A message is a struct, a scalar or a list of scalars; a response without a described body is a
//! [`RawResponse`].
//! The TOP protocol and the clients are generic over [`Operation`]; the registry visits operations by it.

mod codecs;
mod outcome;
mod raw;
pub mod uri;

pub use codecs::{Sm4Codec, XmlCodec, XmlMessage};
pub use outcome::{Literal, Outcome, Success, WireValue};
pub use raw::RawResponse;
pub use uri::UriParameters;

use serde::{Serialize, de::DeserializeOwned};

use crate::validate::Validate;

/// The wire formats and protocols, shared with the generator that writes them into `ProviderInfo`.
pub use codegen_wire::{Format, Protocol};

/// What a provider is, as its schema describes it.
#[derive(Clone, Copy, Debug)]
pub struct ProviderInfo {
    pub id: &'static str,
    pub title: &'static str,
    pub protocol: Protocol,
    pub formats: &'static [Format],
}

impl ProviderInfo {
    /// Whether the provider's server speaks `format`.
    pub fn speaks(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }
}

/// Where an operation is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// An HTTP method and a path relative to the provider's base address.
    Http {
        method: &'static str,
        path: &'static str,
    },
    /// A TOP API method name, sent to the TOP gateway, and whether it acts for a user.
    Top {
        method: &'static str,
        session: TopSession,
    },
}

/// Whether a TOP API acts for a user, whose authorization travels as the `session` system parameter: its page says
/// "需要用户授权" (and its Java example calls `client.execute(req, sessionKey)`), "可选", or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopSession {
    /// The document does not say; a configured session is sent.
    Unstated,
    /// The API takes a session when there is one; a configured session is sent.
    Optional,
    /// The API needs one: the client refuses to build a request without it.
    Required,
}

/// One documented call of a provider: where it goes, which types travel, and how its answer tells success from
/// failure. The clients of `codegen_runtime::client` are generic over it, so a generated operation states only facts.
pub trait Operation {
    type Request: Model;
    type Response: Model;
    /// The values its URI carries (path `{name}` segments and query parameters), `()` when it carries none; a
    /// Web API client then takes them beside the request.
    type Uri: UriParameters;
    /// The operation's name in its schema, such as `refund_ticket`.
    const NAME: &'static str;
    /// The provider that serves it, with the formats its server speaks.
    const PROVIDER: ProviderInfo;
    const ENDPOINT: Endpoint;
    /// How a response that parsed says whether the call succeeded; `None` when parsing is success enough (a TOP
    /// platform error is an envelope of its own, read before this).
    const OUTCOME: Option<Outcome> = None;
    /// How the request and response travel as DataContract XML, for a Web API provider that speaks it.
    const XML: Option<XmlCodec<Self::Request, Self::Response>> = None;
    /// How the request's SM4 fields are encrypted and decrypted, when it has any (`encryption: sm4`).
    const SM4: Option<Sm4Codec<Self::Request>> = None;
}

/// What a tool needs of a type to move it between formats and check it; every generated type has it.
pub trait Model:
    Serialize + DeserializeOwned + Validate + std::fmt::Debug + Clone + 'static
{
}

impl<T: Serialize + DeserializeOwned + Validate + std::fmt::Debug + Clone + 'static> Model for T {}
