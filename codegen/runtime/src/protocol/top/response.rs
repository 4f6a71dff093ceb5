//! Reading a TOP response body: its envelope, the platform's error, and the response type (docs/wire-formats.md, TOP
//! response envelope and TOP error_response).

use std::fmt;

use codegen_wire::top;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::lenient::Lenient;
use super::xml_tree;
use super::{ResponseFormat, TopCode};
use crate::format::json;
use crate::problem::{Problem, Rejection, Stage};

pub use top::ERROR_RESPONSE;

/// A failure the platform or the business reported: the members `TaobaoResponse` maps.
///
/// Every TOP operation's platform failures arrive as this one type, so no schema declares the envelope. It
/// serializes as the members of an `error_response` object, in the form they arrived.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TopError {
    /// The platform code (`7` App Call Limited, `15` Remote Service Error, `50`, ...): JSON sends a number, XML
    /// and some servers a string, and [`TopCode`] keeps which.
    pub code: Option<TopCode>,
    /// The platform message, such as `Remote service error`.
    pub msg: Option<String>,
    /// The business code, such as `isv.invalid-parameter`; may be absent.
    pub sub_code: Option<String>,
    /// The business message, such as `非法参数`; may be absent.
    pub sub_msg: Option<String>,
    /// The id of the call, which the platform's support asks for; the seeds' samples leave it out.
    pub request_id: Option<String>,
}

impl TopError {
    /// The members of `envelope` if they report a failure: `TaobaoResponse.isSuccess` is false when `code` is
    /// present and neither empty nor `"0"`, or `sub_code` is present and not empty. An `error_response` envelope
    /// is a failure whatever its members say.
    fn from_envelope(name: Option<&str>, envelope: &Value) -> Option<TopError> {
        let member = |key: &str| envelope.get(key).and_then(text_of);
        let error = TopError {
            code: envelope.get(top::error::CODE).and_then(code_of),
            msg: member(top::error::MSG),
            sub_code: member(top::error::SUB_CODE),
            sub_msg: member(top::error::SUB_MSG),
            request_id: member(top::error::REQUEST_ID),
        };
        let code_failed = error.code.as_ref().is_some_and(|code| !code.is_success());
        let sub_code_failed = error.sub_code.as_deref().is_some_and(|sub| !sub.is_empty());
        (name == Some(ERROR_RESPONSE) || code_failed || sub_code_failed).then_some(error)
    }
}

impl fmt::Display for TopError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TOP error")?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if let Some(msg) = &self.msg {
            write!(f, ": {msg}")?;
        }
        if let Some(sub_code) = &self.sub_code {
            write!(f, " [{sub_code}]")?;
        }
        if let Some(sub_msg) = &self.sub_msg {
            write!(f, " {sub_msg}")?;
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " (request {request_id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for TopError {}

/// Why a response body gave no value of the response type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TopFailure {
    /// The body is a well-formed report of a failed call.
    Api(TopError),
    /// The body is not a TOP response of the expected type; the problem says where.
    Rejected(Rejection),
}

impl fmt::Display for TopFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TopFailure::Api(error) => error.fmt(f),
            TopFailure::Rejected(rejection) => rejection.fmt(f),
        }
    }
}

impl std::error::Error for TopFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TopFailure::Api(error) => Some(error),
            TopFailure::Rejected(rejection) => Some(rejection),
        }
    }
}

impl From<Rejection> for TopFailure {
    fn from(rejection: Rejection) -> TopFailure {
        TopFailure::Rejected(rejection)
    }
}

/// The JSON key and XML root of a successful response: the method without a leading `taobao.`, with `.` as `_`,
/// then `_response`.
///
/// `taobao.bus.agent.returnticket.confirm` answers `bus_agent_returnticket_confirm_response` (seed 004's sample),
/// `taobao.alitrip.car.order.accept` answers `alitrip_car_order_accept_response`, and
/// `alitrip.btrip.supplychain.train.callback.refund` keeps its first segment (seed 003's sample).
pub fn response_name(method: &str) -> String {
    let name = method.strip_prefix("taobao.").unwrap_or(method);
    format!("{}_response", name.replace('.', "_"))
}

/// Reads the response to a call of `method` asked for in `format`.
///
/// The envelope is found as the Java SDK finds it: the root element in XML; in wrapped JSON the entry named
/// [`response_name`], or else the first entry whose value is an object (`JsonConverter` takes that and never
/// checks the name); in simplified JSON the root itself unless it holds an `error_response` object. A failure
/// the envelope reports is a [`TopFailure::Api`]; otherwise the envelope's members are read into `T`, leniently
/// (a boolean or number may arrive as a string, a list wrapped), and `request_id` and other members `T` does not
/// name are ignored unless `T` refuses unknown fields.
pub fn decode_response<T: DeserializeOwned>(
    body: &str,
    format: ResponseFormat,
    method: &str,
) -> Result<T, TopFailure> {
    let envelope = envelope(body, format, method)?;
    serde_path_to_error::deserialize(Lenient(&envelope)).map_err(|error| read_error(&error))
}

/// Reads a response as [`decode_response`] does, and lists the members `T` has no field for, as paths
/// (`$.result.extra`); the envelope's `request_id`, which the platform adds to every answer, is not one of them.
///
/// `decode_response` skips such members, as the SDKs do, so a provider may add some. A document's own sample has
/// none: its generated test reads it with this, which finds a misspelled or undocumented member.
pub fn decode_response_listing_unread<T: DeserializeOwned>(
    body: &str,
    format: ResponseFormat,
    method: &str,
) -> Result<(T, Vec<String>), TopFailure> {
    let envelope = envelope(body, format, method)?;
    let request_id = format!("$.{}", top::error::REQUEST_ID);
    let mut unread = Vec::new();
    let mut note = |path: serde_ignored::Path| {
        let path = unread_path(&path);
        if path != request_id {
            unread.push(path);
        }
    };
    let listing = serde_ignored::Deserializer::new(Lenient(&envelope), &mut note);
    let value = serde_path_to_error::deserialize(listing).map_err(|error| read_error(&error))?;
    Ok((value, unread))
}

/// The members of a successful response's envelope; a failure the envelope reports is a [`TopFailure::Api`].
fn envelope(body: &str, format: ResponseFormat, method: &str) -> Result<Value, TopFailure> {
    let (name, envelope) = match format {
        ResponseFormat::Xml => {
            let (name, content) = xml_tree::read(body)?;
            (Some(name), content)
        }
        ResponseFormat::Json => wrapped(json::from_str::<Root>(body)?, &response_name(method))?,
        ResponseFormat::SimplifiedJson => simplified(json::from_str::<Root>(body)?),
    };
    match TopError::from_envelope(name.as_deref(), &envelope) {
        Some(error) => Err(TopFailure::Api(error)),
        None => Ok(envelope),
    }
}

/// A member's path as validation writes paths (`$.items[0].name`): an `Option` or newtype adds no step.
fn unread_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => "$".to_owned(),
        Path::Seq { parent, index } => format!("{}[{index}]", unread_path(parent)),
        Path::Map { parent, key } => format!("{}.{key}", unread_path(parent)),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => unread_path(parent),
    }
}

/// A response type's refusal of the envelope's members, at the path where it refused.
fn read_error<E: std::fmt::Display>(error: &serde_path_to_error::Error<E>) -> TopFailure {
    let path = json_path(&error.path().to_string());
    TopFailure::Rejected(data_rejection(path, error.inner().to_string()))
}

/// The entries of a JSON root object, in document order (a `serde_json::Map` would sort them).
struct Root(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Root {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Root, D::Error> {
        struct RootVisitor;

        impl<'de> Visitor<'de> for RootVisitor {
            type Value = Root;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a TOP response object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Root, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(1));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Root(entries))
            }
        }

        deserializer.deserialize_map(RootVisitor)
    }
}

fn wrapped(root: Root, expected: &str) -> Result<(Option<String>, Value), Rejection> {
    let mut entries = root.0;
    let position = entries
        .iter()
        .position(|(name, value)| name == expected && value.is_object())
        .or_else(|| entries.iter().position(|(_, value)| value.is_object()));
    match position {
        Some(position) => {
            let (name, envelope) = entries.swap_remove(position);
            Ok((Some(name), envelope))
        }
        None => Err(Rejection::unreadable(
            "missing_envelope",
            format!("no `{expected}` or `{ERROR_RESPONSE}` object at the root of the response"),
        )),
    }
}

fn simplified(root: Root) -> (Option<String>, Value) {
    let mut members: Map<String, Value> = root.0.into_iter().collect();
    match members.remove(ERROR_RESPONSE) {
        Some(error @ Value::Object(_)) => (Some(ERROR_RESPONSE.to_owned()), error),
        Some(other) => {
            members.insert(ERROR_RESPONSE.to_owned(), other);
            (None, Value::Object(members))
        }
        None => (None, Value::Object(members)),
    }
}

/// A member's text as Java's `String` setter takes it: a string as is, a number or boolean as its literal, an
/// object or list as its JSON; nothing for null.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

/// A code as it arrived: an integer JSON number as a number, any other value as its text; nothing for null.
fn code_of(value: &Value) -> Option<TopCode> {
    match value {
        Value::Number(number) => Some(
            number
                .as_i64()
                .map_or_else(|| TopCode::Str(number.to_string()), TopCode::Int),
        ),
        other => text_of(other).map(TopCode::Str),
    }
}

/// `$` plus serde_path_to_error's path, which is `.` at the root and has no leading dot before a key.
pub(super) fn json_path(tracked: &str) -> String {
    match tracked {
        "." => "$".to_owned(),
        _ if tracked.starts_with('[') => format!("${tracked}"),
        _ => format!("$.{tracked}"),
    }
}

/// A data error of the response type, coded by serde's fixed message prefixes as `json::from_str` codes them.
pub(super) fn data_rejection(path: String, message: String) -> Rejection {
    const CODES: [(&str, &str); 5] = [
        ("missing field", "missing_field"),
        ("unknown variant", "unknown_variant"),
        ("invalid type", "invalid_type"),
        ("invalid value", "invalid_value"),
        ("invalid length", "invalid_length"),
    ];
    let code = CODES
        .iter()
        .find(|(prefix, _)| message.starts_with(prefix))
        .map_or("invalid_value", |&(_, code)| code);
    Rejection::new(
        Stage::Parse,
        vec![Problem {
            path,
            code,
            message,
        }],
    )
}
