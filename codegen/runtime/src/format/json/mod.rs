//! JSON in and out for generated types, with a failed parse reported as a located [`Problem`].

mod dialect;

use serde::Serialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::error::Category;

use codegen_wire::Protocol;

use crate::problem::{self, Problem, Rejection, Stage};
use dialect::{JsonNet, TopSdk};
use serde_json::Serializer;
use serde_json::ser::Formatter;

/// Parses a payload; on failure the one [`Problem`] says where (`$.refundparm.ticketids[1]`) and what kind of
/// failure it was, so a caller can point at the field instead of at a line and column.
///
/// A payload that parses is read by serde_json alone: tracking the path wraps every deserializer and visitor, which
/// made a good parse about twice as slow as serde_json's (`tests/benches/format_ratios.rs`). Only a failed parse is
/// read again with tracking, so a failure is reported exactly as when every parse was tracked.
#[inline]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Rejection> {
    serde_json::from_str(text).map_err(|error| locate::<T>(text, error))
}

/// Reads a payload that failed to parse again, with the path tracked, to say where it failed.
///
/// Out of line and returning the rejection alone, so that the good parse's value goes from serde_json to the
/// caller as it is: returning a whole `Result` from here cost the smallest messages 8% again.
#[cold]
#[inline(never)]
fn locate<T: DeserializeOwned>(text: &str, error: serde_json::Error) -> Rejection {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(tracked) => rejection(json_path(&tracked.path().to_string()), tracked.into_inner()),
        // Text after the value (`{} x`) is a syntax error of the whole payload; the first error stands for a
        // second read that somehow succeeded.
        Ok(_) => rejection("$".to_owned(), deserializer.end().err().unwrap_or(error)),
    }
}

/// Serializes as the provider's own JSON writer does: no whitespace (Json.NET's `Formatting.None`, TOP's
/// `JSONWriter`), and the escapes of Json.NET for Web API or of the TOP Java SDK for TOP.
///
/// For Web API, serde_json's own writer writes first: its output differs from Json.NET's only where a string holds
/// U+0085, U+2028 or U+2029, which Json.NET escapes. Writing through [`JsonNet`] every time took 1.4 to 1.7 times
/// serde_json's time, 2.2 times on non-ASCII text (`tests/benches/format_ratios.rs`): the formatter tests every
/// string fragment, and a `Vec<u8>` written through a formatter must have its UTF-8 checked again to become a
/// `String`. Here only the output is scanned, once and quickly; the rare output that holds one of the three
/// characters is written again with [`JsonNet`].
#[inline(always)]
pub fn to_string<T: Serialize>(value: &T, protocol: Protocol) -> Result<String, serde_json::Error> {
    match protocol {
        Protocol::WebApi => {
            let text = serde_json::to_string(value)?;
            if has_json_net_escape(&text) {
                write_json_net(value)
            } else {
                Ok(text)
            }
        }
        Protocol::Top => write_with(value, TopSdk),
    }
}

/// The rare Web API output that holds a character Json.NET escapes, written again.
#[cold]
fn write_json_net<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    write_with(value, JsonNet)
}

/// Kept out of line: inlined into [`to_string`], its serializer made the common Web API path slower.
#[inline(never)]
fn write_with<T: Serialize, F: Formatter>(
    value: &T,
    formatter: F,
) -> Result<String, serde_json::Error> {
    let mut out = Vec::with_capacity(256);
    value.serialize(&mut Serializer::with_formatter(&mut out, formatter))?;
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// Whether `text` holds U+0085 (C2 85 in UTF-8), U+2028 or U+2029 (E2 80 A8, E2 80 A9).
///
/// Nearly every output has neither lead byte, which blocks with no early exit inside them find out in vector
/// compares (a last short block is read again as the last sixteen bytes, overlapping the one before); only then is
/// the text looked at closely.
#[inline(always)]
fn has_json_net_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut blocks = bytes.chunks_exact(64);
    let lead = blocks.by_ref().any(has_lead_byte) || {
        let rest = blocks.remainder();
        let mut sixteens = rest.chunks_exact(16);
        sixteens.by_ref().any(has_lead_byte)
            || match (sixteens.remainder().len(), bytes.len()) {
                (0, _) => false,
                (_, 16..) => has_lead_byte(&bytes[bytes.len() - 16..]),
                _ => has_lead_byte(bytes),
            }
    };
    lead && has_json_net_escape_exactly(bytes)
}

#[inline]
fn has_lead_byte(block: &[u8]) -> bool {
    // 0xC2 and 0xE2 differ only in bit 5.
    block
        .iter()
        .fold(false, |found, &byte| found | (byte & 0xDF == 0xC2))
}

/// The close look, block by block, for text with lead bytes of other characters (Chinese punctuation such as
/// `“`, `”`, `—` and `…` starts with 0xE2).
#[cold]
fn has_json_net_escape_exactly(bytes: &[u8]) -> bool {
    let escaped_at = |at: usize| match bytes[at] {
        0xC2 => bytes.get(at + 1) == Some(&0x85),
        0xE2 => matches!(bytes.get(at + 1..at + 3), Some([0x80, 0xA8 | 0xA9])),
        _ => false,
    };
    let mut blocks = bytes.chunks_exact(16);
    let mut start = 0;
    for block in blocks.by_ref() {
        if has_lead_byte(block) && (start..start + 16).any(escaped_at) {
            return true;
        }
        start += 16;
    }
    (start..bytes.len()).any(escaped_at)
}

/// Removes the whitespace between tokens and nothing else.
///
/// Re-serializing would rewrite `4.10` as `4.1`, `1E+20` as `1e20` and `\u00e9` as `é`; a payload that is
/// signed or compared byte for byte must keep every token as it was, so this only drops whitespace outside
/// string literals, after checking the text is JSON.
pub fn compact(text: &str) -> Result<String, serde_json::Error> {
    serde_json::from_str::<IgnoredAny>(text)?;
    let mut compacted = String::with_capacity(text.len());
    let mut run_start = 0;
    let (mut in_string, mut escaped) = (false, false);
    for (index, ch) in text.char_indices() {
        if in_string {
            match ch {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if ch == '"' {
            in_string = true;
        } else if matches!(ch, ' ' | '\t' | '\n' | '\r') {
            compacted.push_str(&text[run_start..index]);
            run_start = index + 1;
        }
    }
    compacted.push_str(&text[run_start..]);
    Ok(compacted)
}

/// `$` plus serde_path_to_error's path, which is `.` at the root and has no leading dot before a key.
fn json_path(tracked: &str) -> String {
    match tracked {
        "." => "$".to_owned(),
        _ if tracked.starts_with('[') => format!("${tracked}"),
        _ => format!("$.{tracked}"),
    }
}

fn rejection(path: String, error: serde_json::Error) -> Rejection {
    let full = error.to_string();
    let (code, message) = match error.classify() {
        // Line and column are the only location a syntax error has, so they stay.
        Category::Syntax | Category::Io => ("json_syntax", full),
        Category::Eof => ("json_eof", full),
        Category::Data => {
            let location = format!(" at line {} column {}", error.line(), error.column());
            let message = full.strip_suffix(&location).unwrap_or(&full);
            (data_code(message), problem::without_value(message))
        }
    };
    Rejection::new(
        Stage::Parse,
        vec![Problem {
            path,
            code,
            message,
        }],
    )
}

/// serde's own data errors start with a fixed phrase; anything else (a scalar's own check) is a bad value.
fn data_code(message: &str) -> &'static str {
    const CODES: [(&str, &str); 5] = [
        ("missing field", "missing_field"),
        ("unknown variant", "unknown_variant"),
        ("invalid type", "invalid_type"),
        ("invalid value", "invalid_value"),
        ("invalid length", "invalid_length"),
    ];
    CODES
        .iter()
        .find(|(prefix, _)| message.starts_with(prefix))
        .map_or("invalid_value", |&(_, code)| code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Request {
        refundparm: RefundParm,
    }

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct RefundParm {
        ticketids: Vec<u32>,
        #[serde(default)]
        kind: Option<Kind>,
        #[serde(default)]
        pair: Option<(u8, u8)>,
        #[serde(default)]
        created: Option<crate::DotNetDateTime>,
    }

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    enum Kind {
        Full,
        Partial,
    }

    fn problem<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> Problem {
        let rejection = from_str::<T>(text).expect_err(text);
        assert_eq!(rejection.stage(), Stage::Parse);
        assert_eq!(rejection.errors().len(), 1);
        rejection.into_errors().into_iter().next().unwrap()
    }

    fn located(text: &str) -> (String, &'static str, String) {
        let problem = problem::<Request>(text);
        (problem.path, problem.code, problem.message)
    }

    #[test]
    fn a_valid_payload_parses() {
        let request: Request = from_str(r#"{"refundparm":{"ticketids":[1,2]}}"#).unwrap();
        assert_eq!(request.refundparm.ticketids, [1, 2]);
    }

    #[test]
    fn data_errors_are_located_by_path_without_line_and_column() {
        assert_eq!(
            located(r#"{"refundparm":{"ticketids":[1,"x"]}}"#),
            (
                "$.refundparm.ticketids[1]".into(),
                "invalid_type",
                "invalid type: string, expected u32".into()
            )
        );
        assert_eq!(
            located(r#"{"refundparm":{}}"#),
            (
                "$.refundparm".into(),
                "missing_field",
                "missing field `ticketids`".into()
            )
        );
        let (path, code, message) = located("\"x\"");
        assert_eq!((path.as_str(), code), ("$", "invalid_type"));
        assert_eq!(message, "invalid type: string, expected struct Request");
    }

    #[test]
    fn each_serde_error_kind_has_its_code() {
        let code = |body: &str| located(&format!(r#"{{"refundparm":{{"ticketids":[],{body}}}}}"#));
        let (path, kind, message) = code(r#""kind":"Other""#);
        assert_eq!(
            (path.as_str(), kind),
            ("$.refundparm.kind", "unknown_variant")
        );
        assert!(message.starts_with("unknown variant `Other`"), "{message}");
        assert_eq!(code(r#""pair":[1]"#).1, "invalid_length");
        assert_eq!(code(r#""pair":[1,300]"#).1, "invalid_value");
        let (path, kind, message) = code(r#""created":"2025-02-30T00:00:00""#);
        assert_eq!(
            (path.as_str(), kind),
            ("$.refundparm.created", "invalid_value")
        );
        assert!(
            message.starts_with("expected a .NET date-time"),
            "{message}"
        );
    }

    #[test]
    fn paths_into_a_top_level_array_start_with_an_index() {
        let problem = problem::<Vec<RefundParm>>(r#"[{"ticketids":[]},{"ticketids":true}]"#);
        assert_eq!(problem.path, "$[1].ticketids");
    }

    #[test]
    fn syntax_errors_keep_line_and_column() {
        let (_, code, message) = located("{\"refundparm\":\n{\"ticketids\" [1]}}");
        assert_eq!(code, "json_syntax");
        assert!(message.ends_with("at line 2 column 14"), "{message}");
        let (_, code, message) = located(r#"{"refundparm":"#);
        assert_eq!(code, "json_eof");
        assert!(message.contains("line 1 column 14"), "{message}");
        assert_eq!(located("").1, "json_eof");
    }

    #[test]
    fn trailing_text_is_a_syntax_error_of_the_whole_payload() {
        let (path, code, message) = located(r#"{"refundparm":{"ticketids":[]}} x"#);
        assert_eq!((path.as_str(), code), ("$", "json_syntax"));
        assert!(message.starts_with("trailing characters"), "{message}");
    }

    #[test]
    fn to_string_is_compact() {
        let request = Request {
            refundparm: RefundParm {
                ticketids: vec![7],
                kind: Some(Kind::Full),
                pair: None,
                created: None,
            },
        };
        assert_eq!(
            to_string(&request, Protocol::WebApi).unwrap(),
            r#"{"refundparm":{"ticketids":[7],"kind":"Full","pair":null,"created":null}}"#
        );
    }

    /// Checked against Json.NET 6 (the Mono oracle) and TOP's `JSONWriter` rules.
    #[test]
    fn each_protocol_escapes_as_its_own_writer() {
        let text = "a/b\u{1}\u{1f}\t\u{7f}\u{85}\u{9f}\u{2028}\u{2029}é😀\"\\";
        assert_eq!(
            to_string(&text, Protocol::WebApi).unwrap(),
            "\"a/b\\u0001\\u001f\\t\u{7f}\\u0085\u{9f}\\u2028\\u2029é😀\\\"\\\\\""
        );
        assert_eq!(
            to_string(&text, Protocol::Top).unwrap(),
            "\"a\\/b\\u0001\\u001F\\t\\u007F\\u0085\\u009F\u{2028}\u{2029}é😀\\\"\\\\\""
        );
    }

    /// Web API output is serde_json's unless it holds a character Json.NET escapes: one is found wherever it stands
    /// across the scan's blocks, and Chinese punctuation, whose UTF-8 also starts with 0xE2, is not taken for one.
    #[test]
    fn json_net_escapes_are_found_wherever_they_stand() {
        for escaped in ['\u{85}', '\u{2028}', '\u{2029}'] {
            for before in 0..140 {
                for after in ["", "“—…”", "x"] {
                    let text = format!("{}{escaped}{after}", "a".repeat(before));
                    let expected = write_with(&text, JsonNet).unwrap();
                    assert!(expected.contains("\\u"), "{expected}");
                    assert_eq!(to_string(&text, Protocol::WebApi).unwrap(), expected);
                }
            }
        }
        for length in 0..140 {
            let text: String = "“—…”é张".chars().cycle().take(length).collect();
            assert_eq!(
                to_string(&text, Protocol::WebApi).unwrap(),
                format!("\"{text}\"")
            );
        }
    }

    #[test]
    fn compact_drops_only_whitespace_between_tokens() {
        let text = "{\n  \"a b\" : [ 4.10 , 1E+20 ,\t-0.0 ],\r\n  \"q\": \"say \\\"hi\\\" \\\\\",\n  \"e\": \"\\u00e9 é 张三 \\/\" , \"n\" : null }\n";
        assert_eq!(
            compact(text).unwrap(),
            r#"{"a b":[4.10,1E+20,-0.0],"q":"say \"hi\" \\","e":"\u00e9 é 张三 \/","n":null}"#
        );
        assert_eq!(compact(" 5 ").unwrap(), "5");
        assert_eq!(compact(r#""\\""#).unwrap(), r#""\\""#);
    }

    #[test]
    fn compact_is_idempotent_and_refuses_non_json() {
        let once = compact("[ {\"k\" : \" v \"} ]").unwrap();
        assert_eq!(compact(&once).unwrap(), once);
        for text in ["", "{", "[1,]", "{\"a\":1} x", "\"unterminated", "{'a':1}"] {
            assert!(compact(text).is_err(), "{text:?}");
        }
    }
}
