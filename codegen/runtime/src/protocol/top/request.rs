//! A signed TOP request: the system parameters, the application parameters, the signature and the form body they travel
//! in (docs/wire-formats.md: TOP system parameters, TOP object parameters, TOP signature, TOP endpoint and transport).

use std::fmt;

use codegen_wire::top;
use serde::Serialize;

use super::sign::{is_blank, sign};
use super::{ResponseFormat, SignMethod, application_params, clock};
use crate::scalar::TopDateTime;

/// The `Content-Type` of the body the official SDK posts.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded;charset=utf-8";

pub use codegen_wire::top::SYSTEM_PARAMS;

/// An application's identity on TOP.
///
/// `Debug` shows the app key and never the secret, so credentials can sit in logged structures.
#[derive(Clone)]
pub struct Credentials {
    pub app_key: String,
    pub(super) secret: String,
}

impl Credentials {
    pub fn new(app_key: impl Into<String>, secret: impl Into<String>) -> Credentials {
        Credentials {
            app_key: app_key.into(),
            secret: secret.into(),
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("app_key", &self.app_key)
            .field("secret", &Redacted)
            .finish()
    }
}

/// The system parameters a caller chooses; `method`, `app_key`, `v` and `sign` come from elsewhere.
#[derive(Clone)]
pub struct Options {
    /// `session`: the user's authorization token, for an API that needs one ("需要授权"). `Debug` hides it.
    pub session: Option<String>,
    /// `timestamp`; `None` reads the system clock in GMT+8 when the request is encoded. Set it to make a request
    /// reproducible (tests, the conformance runner); the server accepts ±10 minutes.
    pub timestamp: Option<TopDateTime>,
    /// `format` and `simplify`.
    pub format: ResponseFormat,
    /// `sign_method`.
    pub sign_method: SignMethod,
    /// `partner_id`: signed like any other parameter.
    pub partner_id: Option<String>,
    /// `target_app_key`: only for APIs a third-party ISV provides.
    pub target_app_key: Option<String>,
}

impl Options {
    /// Whether a session will be sent: one that is blank is left out, as any blank parameter is.
    pub fn has_session(&self) -> bool {
        self.session
            .as_deref()
            .is_some_and(|session| !session.trim().is_empty())
    }
}

impl Default for Options {
    /// No session, the clock's time, JSON with the `_response` wrapper, and `hmac-sha256`, the strongest method.
    fn default() -> Options {
        Options {
            session: None,
            timestamp: None,
            format: ResponseFormat::Json,
            sign_method: SignMethod::HmacSha256,
            partner_id: None,
            target_app_key: None,
        }
    }
}

impl fmt::Debug for Options {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("session", &self.session.as_ref().map(|_| Redacted))
            .field("timestamp", &self.timestamp)
            .field("format", &self.format)
            .field("sign_method", &self.sign_method)
            .field("partner_id", &self.partner_id)
            .field("target_app_key", &self.target_app_key)
            .finish()
    }
}

/// A request ready to post to a gateway such as [`GATEWAY`](super::GATEWAY).
#[derive(Clone, PartialEq, Eq)]
pub struct TopRequest {
    /// Every parameter sent, `sign` last: system parameters in the documentation's order, then the application
    /// parameters by name. Blank values are not among them (the SDK never sends those).
    pub params: Vec<(String, String)>,
    /// `params` form-urlencoded: UTF-8, space as `+`, the bytes Java's `URLEncoder` leaves alone left alone.
    pub body: String,
    /// [`FORM_CONTENT_TYPE`].
    pub content_type: &'static str,
}

impl TopRequest {
    /// The value of the parameter `name`, if it is sent.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

impl fmt::Debug for TopRequest {
    /// The session token is a credential: it is hidden in `params`, and the body, which holds it encoded, is
    /// shown by length only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params = self.params.iter().map(|(name, value)| {
            let value: &dyn fmt::Debug = if name == "session" { &Redacted } else { value };
            (name, value)
        });
        f.debug_struct("TopRequest")
            .field("params", &DebugList(params))
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// Why a request could not be encoded. It never holds a credential.
#[derive(Debug)]
pub enum EncodeError {
    /// The request did not serialize to JSON.
    Serialize(serde_json::Error),
    /// The request is not a struct (or map): its top-level fields are what become parameters.
    NotAnObject,
    /// An application parameter has the name of a system parameter.
    ReservedName(String),
    /// A required system parameter (`method`, `app_key`, and `session` for an operation that acts for a user) is
    /// absent, empty or white space only.
    Missing(&'static str),
    /// The system clock is before 1970 or past year 9999, so there is no `timestamp` to send.
    Clock,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::Serialize(error) => write!(f, "the request did not serialize: {error}"),
            EncodeError::NotAnObject => {
                f.write_str("a TOP request must serialize as an object of parameters")
            }
            EncodeError::ReservedName(name) => write!(
                f,
                "the application parameter `{name}` has the name of a system parameter"
            ),
            EncodeError::Missing(name) => write!(f, "the system parameter `{name}` is empty"),
            EncodeError::Clock => f.write_str("the system clock has no GMT+8 date in 1970..=9999"),
        }
    }
}

impl std::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EncodeError::Serialize(error) => Some(error),
            _ => None,
        }
    }
}

/// Builds the signed request calling the API `method` with `request`'s fields as application parameters.
///
/// The signature is computed over exactly the parameters in the body, after blank ones are dropped, so what
/// the server re-signs is what was signed.
pub fn encode_request<T: Serialize>(
    method: &str,
    request: &T,
    credentials: &Credentials,
    options: &Options,
) -> Result<TopRequest, EncodeError> {
    if is_blank(method) {
        return Err(EncodeError::Missing(top::METHOD));
    }
    if is_blank(&credentials.app_key) {
        return Err(EncodeError::Missing(top::APP_KEY));
    }
    let application = application_params(request)?;
    if let Some((name, _)) = application
        .iter()
        .find(|(name, _)| SYSTEM_PARAMS.contains(&name.as_str()))
    {
        return Err(EncodeError::ReservedName(name.clone()));
    }
    let timestamp = match options.timestamp {
        Some(timestamp) => timestamp,
        None => clock::now_gmt8().ok_or(EncodeError::Clock)?,
    };
    let timestamp = timestamp.to_string();
    let (format, simplify) = match options.format {
        ResponseFormat::Json => ("json", None),
        ResponseFormat::SimplifiedJson => ("json", Some("true")),
        ResponseFormat::Xml => ("xml", None),
    };
    let system = [
        (top::METHOD, Some(method)),
        (top::APP_KEY, Some(credentials.app_key.as_str())),
        (top::SESSION, options.session.as_deref()),
        (top::TIMESTAMP, Some(timestamp.as_str())),
        (top::V, Some(top::API_VERSION)),
        (top::FORMAT, Some(format)),
        (top::SIGN_METHOD, Some(options.sign_method.name())),
        (top::PARTNER_ID, options.partner_id.as_deref()),
        (top::TARGET_APP_KEY, options.target_app_key.as_deref()),
        (top::SIMPLIFY, simplify),
    ];
    let mut params: Vec<(String, String)> = system
        .into_iter()
        .filter_map(|(name, value)| Some((name.to_owned(), value?.to_owned())))
        .chain(application)
        .filter(|(name, value)| !is_blank(name) && !is_blank(value))
        .collect();
    let signature = sign(
        &credentials.secret,
        params
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str())),
        options.sign_method,
    );
    params.push((top::SIGN.to_owned(), signature));
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&params)
        .finish();
    Ok(TopRequest {
        params,
        body,
        content_type: FORM_CONTENT_TYPE,
    })
}

/// Stands for a credential in `Debug` output.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Debugs the pairs of an iterator as a list, without collecting them.
struct DebugList<I>(I);

impl<I, A, B> fmt::Debug for DebugList<I>
where
    I: Iterator<Item = (A, B)> + Clone,
    A: fmt::Debug,
    B: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.clone()).finish()
    }
}
