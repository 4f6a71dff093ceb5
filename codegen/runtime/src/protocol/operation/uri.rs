//! What an operation's URI carries besides the body: path parameters, which fill the `{name}` segments of its
//! path, and query parameters. ASP.NET Web API binds simple types from there and complex ones from the body
//! (docs/wire-formats.md, URI parameter text and URI parameter escaping).
//!
//! A value is written in the text MVC model binding reads back, the same as a form body's (`true`, `4.10`,
//! `2024-05-01T08:30:00`, enum members by wire value); the path and the query then percent-encode it so that
//! nothing in it can end its segment or pair.

use std::fmt;

use serde::{Serialize, de::DeserializeOwned};

use crate::format::form;
use crate::problem::Rejection;

/// The URI parameters of one operation, as a struct whose serde names are the parameters' wire names; `()` for
/// an operation whose URI carries none. Generated code implements it.
pub trait UriParameters: Serialize + DeserializeOwned + fmt::Debug + Clone + 'static {
    /// The wire names of the parameters that fill the path's `{name}` segments.
    const PATH: &'static [&'static str];
    /// The wire names of the query's parameters.
    const QUERY: &'static [&'static str];
}

/// An operation whose path has no placeholder and which takes no query.
impl UriParameters for () {
    const PATH: &'static [&'static str] = &[];
    const QUERY: &'static [&'static str] = &[];
}

/// A parameter value the URI cannot carry, so no request is built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UriError(String);

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UriError {}

/// `template` (`api/orders/{orderId}/refund`) with `parameters` written in: each path value percent-encoded
/// into its segment, then the query's pairs after `?` in the struct's order, a `None` or an empty list leaving
/// its pair out and a list repeating its key (`ids=1&ids=2`), which model binding reads back as the list.
///
/// A path value that is empty, `.` or `..`, or that holds `/` or `\`, is refused: routing matches no empty
/// segment, URI normalization removes dot segments, and Web API decodes the path (a `%2F` included) before it
/// splits it into segments, so no escape keeps a `/` inside one. Every other byte but ASCII letters, digits and
/// `-._~` is a `%XX` escape of its UTF-8, in the path and the query alike, so `?`, `#`, `&`, `=`, `+` and `%`
/// arrive as data.
pub fn fill<U: UriParameters>(template: &str, parameters: &U) -> Result<String, UriError> {
    let pairs = if U::PATH.is_empty() && U::QUERY.is_empty() {
        Vec::new()
    } else {
        form::to_pairs(parameters).map_err(|error| UriError(error.to_string()))?
    };
    let mut path = String::with_capacity(template.len());
    for (at, segment) in template.split('/').enumerate() {
        if at > 0 {
            path.push('/');
        }
        let Some(name) = placeholder(segment) else {
            path.push_str(segment);
            continue;
        };
        let value = pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .ok_or_else(|| UriError(format!("the path parameter `{name}` has no value")))?;
        if matches!(value, "" | "." | "..") || value.contains(['/', '\\']) {
            return Err(UriError(format!(
                "the path parameter `{name}` is {value:?}, which no path segment can carry"
            )));
        }
        escape_into(&mut path, value);
    }
    let mut query = String::new();
    for (key, value) in pairs
        .iter()
        .filter(|(key, _)| !U::PATH.contains(&key.as_str()))
    {
        if !query.is_empty() {
            query.push('&');
        }
        // A list's items (`ids[0]`, `ids[1]`) are its key repeated.
        let key = key
            .split_once('[')
            .filter(|(name, _)| U::QUERY.contains(name))
            .map_or(key.as_str(), |(name, _)| name);
        escape_into(&mut query, key);
        query.push('=');
        escape_into(&mut query, value);
    }
    if !query.is_empty() {
        path.push('?');
        path.push_str(&query);
    }
    Ok(path)
}

/// Reads `U` from a request's `path` (relative to the provider's base address, without a leading `/`) and
/// `query`, as Web API's routing and model binding do: literal segments match ignoring ASCII case, a path value
/// is its segment percent-decoded, the query is decoded as a form (`+` is a space), names match ignoring ASCII
/// case, and an empty value binds as null.
///
/// A path that does not match `template`, an escape that does not decode to UTF-8 or decodes to a `/` (which
/// Web API's routing would see as two segments), and a query pair named after a path parameter (which would bind
/// in place of the route's value) are refused.
pub fn read<U: UriParameters>(
    template: &str,
    path: &str,
    query: Option<&str>,
) -> Result<U, Rejection> {
    let expected: Vec<&str> = template.split('/').collect();
    let given: Vec<&str> = path.split('/').collect();
    if expected.len() != given.len() {
        return Err(Rejection::unreadable(
            "uri_path",
            format!("the path {path:?} does not match {template:?}"),
        ));
    }
    let mut pairs = Vec::new();
    for (pattern, segment) in expected.iter().zip(&given) {
        match placeholder(pattern) {
            Some(name) => pairs.push((name.to_owned(), unescape(segment)?)),
            None if pattern.eq_ignore_ascii_case(segment) => {}
            None => {
                return Err(Rejection::unreadable(
                    "uri_path",
                    format!("the path {path:?} does not match {template:?}"),
                ));
            }
        }
    }
    for (name, value) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        if U::PATH.iter().any(|path| path.eq_ignore_ascii_case(&name)) {
            return Err(Rejection::unreadable(
                "uri_query",
                format!("the query names the path parameter `{name}`"),
            ));
        }
        pairs.push((name.into_owned(), value.into_owned()));
    }
    form::from_pairs(pairs)
}

/// The name of a `{name}` segment.
fn placeholder(segment: &str) -> Option<&str> {
    segment.strip_prefix('{')?.strip_suffix('}')
}

/// RFC 3986's unreserved characters as they are; every other byte of the UTF-8 as `%XX`.
fn escape_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

/// A path segment's `%XX` escapes decoded (a `+` stays a `+`); the bytes must be UTF-8, with no `/`.
fn unescape(segment: &str) -> Result<String, Rejection> {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte == b'%' {
            let digit = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
            let (Some(high), Some(low)) = (digit(at + 1), digit(at + 2)) else {
                return Err(Rejection::unreadable(
                    "uri_path",
                    format!("the segment {segment:?} has a `%` that is not a %XX escape"),
                ));
            };
            decoded.push((high << 4 | low) as u8);
            at += 3;
        } else {
            decoded.push(byte);
            at += 1;
        }
    }
    if decoded.contains(&b'/') {
        return Err(Rejection::unreadable(
            "uri_path",
            format!("the segment {segment:?} decodes to a `/`, which routing splits at"),
        ));
    }
    String::from_utf8(decoded).map_err(|_| {
        Rejection::unreadable(
            "uri_path",
            format!("the segment {segment:?} decodes to bytes that are not UTF-8"),
        )
    })
}

#[cfg(test)]
mod tests;
