//! The answer of an operation whose document describes no body (`response: none` in a schema: an action that
//! returns `IHttpActionResult` or `HttpResponseMessage`, "Sample not available."): the status, the content type and
//! the bytes, as the server sent them, for the caller to read.

use std::any::{Any, TypeId};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{Path, Report, Validate};

/// What the server answered to an operation whose `Response` is this type: a codec hands a 2xx answer over
/// whole, without parsing it, and reports any other status as `CallError::Http`, as for every operation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawResponse {
    #[serde(with = "status_code")]
    pub status: http::StatusCode,
    /// The `Content-Type` header, when the answer had one.
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl RawResponse {
    /// The body as text, when it is UTF-8 (a byte order mark removed).
    pub fn text(&self) -> Option<&str> {
        let body = self
            .body
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&self.body);
        std::str::from_utf8(body).ok()
    }

    /// The answer as `R`, when `R` is `RawResponse`: how a codec, generic over operations, hands the answer of an
    /// operation without a described body to its caller. `None` for any other `R`, which the codec parses.
    pub(crate) fn answer<R: 'static>(
        status: http::StatusCode,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Option<R> {
        if TypeId::of::<R>() != TypeId::of::<RawResponse>() {
            return None;
        }
        let raw: Box<dyn Any> = Box::new(RawResponse {
            status,
            content_type: content_type.map(str::to_owned),
            body: body.to_vec(),
        });
        raw.downcast::<R>().ok().map(|answer| *answer)
    }
}

/// The document states nothing about the body, so there is nothing to check.
impl Validate for RawResponse {
    fn validate_into(&self, _: &Path<'_>, _: &mut Report) {}
}

/// The status as its number, which is how tools that move a value between formats see it.
mod status_code {
    use super::*;

    pub fn serialize<S: Serializer>(
        status: &http::StatusCode,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        status.as_u16().serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<http::StatusCode, D::Error> {
        let code = u16::deserialize(deserializer)?;
        http::StatusCode::from_u16(code).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_raw_response_is_handed_over_unparsed() {
        let status = http::StatusCode::ACCEPTED;
        let raw = RawResponse::answer::<RawResponse>(status, Some("text/plain"), b"\xEF\xBB\xBFok")
            .expect("a raw response");
        assert_eq!(raw.status, status);
        assert_eq!(raw.content_type.as_deref(), Some("text/plain"));
        assert_eq!(raw.text(), Some("ok"));
        assert_eq!(RawResponse::answer::<i32>(status, None, b"1"), None);
        assert_eq!(
            RawResponse::answer::<RawResponse>(status, None, b"\xFF")
                .and_then(|raw| raw.text().map(str::to_owned)),
            None
        );
    }

    #[test]
    fn a_raw_response_moves_through_json_with_its_status_as_a_number() {
        let raw = RawResponse {
            status: http::StatusCode::NO_CONTENT,
            content_type: None,
            body: Vec::new(),
        };
        let json = serde_json::to_string(&raw).expect("serializes");
        assert_eq!(json, r#"{"status":204,"content_type":null,"body":[]}"#);
        assert_eq!(
            serde_json::from_str::<RawResponse>(&json).expect("reads"),
            raw
        );
        assert!(
            serde_json::from_str::<RawResponse>(r#"{"status":99,"content_type":null,"body":[]}"#)
                .is_err()
        );
    }
}
