//! Character data as a reader must hand it on: references resolved (XML's five entities and character
//! references; any other entity is refused, never expanded), line ends normalised, and the characters XML 1.0
//! forbids refused. Text with nothing to change is borrowed from the document.

use std::borrow::Cow;

use super::scan::{self, below, equal};

/// Why text could not be decoded, at a byte offset of the raw text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TextError {
    pub at: usize,
    /// `xml_entity` for an entity other than the five, else `xml_syntax`.
    pub code: &'static str,
    pub message: String,
}

/// What kind of raw text is decoded.
#[derive(Clone, Copy)]
enum Kind {
    /// Element content: references resolved, `\r\n` and `\r` read as `\n`.
    Text,
    /// A CDATA section: `&` is itself, line ends as in text.
    CData,
    /// An attribute value: references resolved, each line end, tab or newline read as a space.
    Attribute,
}

/// Element content between two tags.
pub(crate) fn text(raw: &str) -> Result<Cow<'_, str>, TextError> {
    decode(raw, Kind::Text, &TEXT_SPECIAL, |word| {
        below(word, 0x20) | equal(word, b'&') | equal(word, 0xEF) != 0
    })
}

/// The content of a CDATA section.
pub(crate) fn cdata(raw: &str) -> Result<Cow<'_, str>, TextError> {
    decode(raw, Kind::CData, &CDATA_SPECIAL, |word| {
        below(word, 0x20) | equal(word, 0xEF) != 0
    })
}

/// An attribute value between its quotes.
pub(crate) fn attribute(raw: &str) -> Result<Cow<'_, str>, TextError> {
    decode(raw, Kind::Attribute, &ATTRIBUTE_SPECIAL, |word| {
        attribute_word(word) != 0
    })
}

/// Where the text that starts at `at` ends (at the next `<`, or at the end of `bytes`), and whether it is plain:
/// nothing in it to resolve, normalise or refuse, so that it needs no [`text`]. One scan finds both.
#[inline]
pub(super) fn text_extent(bytes: &[u8], at: usize) -> (usize, bool) {
    let mut at = at;
    loop {
        at = scan::find(bytes, at, &TEXT_OR_LESS_THAN, |word| {
            below(word, 0x20) | equal(word, b'&') | equal(word, b'<') | equal(word, 0xEF) != 0
        });
        match bytes.get(at) {
            Some(b'<') | None => return (at, true),
            Some(0xEF) if !is_forbidden(bytes, at) => at += 1,
            Some(_) => {
                let end = memchr::memchr(b'<', &bytes[at..]).map_or(bytes.len(), |n| at + n);
                return (end, false);
            }
        }
    }
}

/// Whether the `0xEF` at `at` begins U+FFFE or U+FFFF.
fn is_forbidden(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at + 1..at + 3), Some([0xBF, 0xBE | 0xBF]))
}

/// Where the attribute value that starts at `at` ends (at its closing `quote`, or at the end of `bytes` when it
/// has none), and whether it is plain: nothing in it to resolve, normalise or refuse, so that it needs no
/// [`attribute`]. One scan finds both, where a namespace URI would otherwise be scanned twice.
#[inline]
pub(super) fn attribute_extent(bytes: &[u8], at: usize, quote: u8) -> (usize, bool) {
    let table = if quote == b'"' {
        &ATTRIBUTE_OR_DOUBLE_QUOTE
    } else {
        &ATTRIBUTE_OR_SINGLE_QUOTE
    };
    // Both quotes, `&` and the control characters are below `(`, which no namespace URI holds: one test for
    // them all, and the table sorts out the rare word that holds a space or a `%`.
    let mut at = at;
    loop {
        at = scan::find(bytes, at, table, |word| {
            below(word, b'(') | equal(word, b'<') | equal(word, 0xEF) != 0
        });
        match bytes.get(at) {
            Some(&byte) if byte == quote => return (at, true),
            Some(0xEF) if !is_forbidden(bytes, at) => at += 1,
            Some(_) => {
                let end = memchr::memchr(quote, &bytes[at..]).map_or(bytes.len(), |n| at + n);
                return (end, false);
            }
            None => return (at, false),
        }
    }
}

/// The word test for [`ATTRIBUTE_SPECIAL`].
#[inline]
fn attribute_word(word: u64) -> u64 {
    below(word, 0x20) | equal(word, b'&') | equal(word, b'<') | equal(word, 0xEF)
}

/// Marks the bytes that may need work: control characters other than those `white_space` lets through, `&`
/// where references are read, and `0xEF`, the lead byte of the forbidden U+FFFE and U+FFFF.
const fn special(ampersand: bool, white_space: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    let mut at = 0;
    while at < white_space.len() {
        table[white_space[at] as usize] = false;
        at += 1;
    }
    table[b'&' as usize] = ampersand;
    table[0xEF] = true;
    table
}

const TEXT_SPECIAL: [bool; 256] = special(true, b"\t\n");
const CDATA_SPECIAL: [bool; 256] = special(false, b"\t\n");
/// An attribute value also may not hold `<`.
const ATTRIBUTE_SPECIAL: [bool; 256] = {
    let mut table = special(true, b"");
    table[b'<' as usize] = true;
    table
};

const TEXT_OR_LESS_THAN: [bool; 256] = {
    let mut table = TEXT_SPECIAL;
    table[b'<' as usize] = true;
    table
};
const ATTRIBUTE_OR_DOUBLE_QUOTE: [bool; 256] = {
    let mut table = ATTRIBUTE_SPECIAL;
    table[b'"' as usize] = true;
    table
};
const ATTRIBUTE_OR_SINGLE_QUOTE: [bool; 256] = {
    let mut table = ATTRIBUTE_SPECIAL;
    table[b'\'' as usize] = true;
    table
};

/// Copies `raw` with each special byte handled, or borrows it when nothing needs handling; `may_hold` is the
/// word test of [`scan::find`] for `special`.
#[inline]
fn decode<'a>(
    raw: &'a str,
    kind: Kind,
    special: &[bool; 256],
    may_hold: impl Fn(u64) -> bool + Copy,
) -> Result<Cow<'a, str>, TextError> {
    let bytes = raw.as_bytes();
    let mut decoded = String::new();
    let mut copied = 0;
    let mut at = 0;
    loop {
        at = scan::find(bytes, at, special, may_hold);
        if at == bytes.len() {
            break;
        }
        let (replacement, len) = match bytes[at] {
            b'&' => {
                let Some(end) = memchr::memchr(b';', &bytes[at..]) else {
                    return Err(syntax(
                        at,
                        "a `&` without the `;` that ends its reference".to_owned(),
                    ));
                };
                (reference(&raw[at + 1..at + end], at)?, end + 1)
            }
            b'\r' => {
                let ch = if matches!(kind, Kind::Attribute) {
                    ' '
                } else {
                    '\n'
                };
                (
                    ch,
                    if bytes.get(at + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    },
                )
            }
            b'\t' | b'\n' => (' ', 1),
            b'<' => return Err(syntax(at, "`<` in an attribute value".to_owned())),
            0xEF if is_forbidden(bytes, at) => return Err(forbidden(raw, at)),
            0xEF => {
                at += 1;
                continue;
            }
            _ => return Err(forbidden(raw, at)),
        };
        if decoded.capacity() == 0 {
            decoded.reserve(raw.len());
        }
        decoded.push_str(&raw[copied..at]);
        decoded.push(replacement);
        at += len;
        copied = at;
    }
    if copied == 0 {
        return Ok(Cow::Borrowed(raw));
    }
    decoded.push_str(&raw[copied..]);
    Ok(Cow::Owned(decoded))
}

/// The character a reference names: `amp`, `lt`, `gt`, `quot`, `apos`, `#65` or `#x41`.
fn reference(name: &str, at: usize) -> Result<char, TextError> {
    Ok(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => match name.strip_prefix('#') {
            Some(number) => character_reference(number)
                .ok_or_else(|| syntax(at, format!("`&{name};` is not a character XML allows")))?,
            None => {
                return Err(TextError {
                    at,
                    code: "xml_entity",
                    message: format!(
                        "the entity `&{name};` is not one of XML's five: entities are never expanded"
                    ),
                });
            }
        },
    })
}

/// `65` or `x41`: digits only (no sign), naming a character other than NUL.
fn character_reference(number: &str) -> Option<char> {
    let (digits, radix) = match number.strip_prefix('x') {
        Some(hex) => (hex, 16),
        None => (number, 10),
    };
    if digits.is_empty() || !digits.chars().all(|ch| ch.is_digit(radix)) {
        return None;
    }
    let code = u32::from_str_radix(digits, radix).ok()?;
    char::from_u32(code).filter(|&ch| ch != '\0')
}

fn forbidden(raw: &str, at: usize) -> TextError {
    let ch = raw[at..].chars().next().unwrap_or_default();
    syntax(
        at,
        format!(
            "the character U+{:04X} is not allowed in XML text",
            u32::from(ch)
        ),
    )
}

fn syntax(at: usize, message: String) -> TextError {
    TextError {
        at,
        code: "xml_syntax",
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        for raw in [
            "",
            "sample string 1",
            "成人票-20250615-000001",
            "tab\tand\nnewline",
            "（，）",
        ] {
            assert!(
                matches!(text(raw), Ok(Cow::Borrowed(t)) if t == raw),
                "{raw:?}"
            );
        }
        assert!(matches!(cdata("a & b"), Ok(Cow::Borrowed("a & b"))));
        assert!(matches!(attribute("urn:a"), Ok(Cow::Borrowed("urn:a"))));
    }

    #[test]
    fn references_and_line_ends_are_resolved() {
        assert_eq!(
            text("a&lt;b&gt;&amp;&quot;&apos;&#65;&#x42;&#x1;\r\nc\rd\n").unwrap(),
            "a<b>&\"'AB\u{1}\nc\nd\n"
        );
        assert_eq!(text("&#x10FFFF;&#xFFFE;").unwrap(), "\u{10FFFF}\u{FFFE}");
        assert_eq!(cdata("&amp;\r\n\r").unwrap(), "&amp;\n\n");
        assert_eq!(
            attribute(" a\tb\nc\r\nd&#10;&amp; ").unwrap(),
            " a b c d\n& "
        );
        assert_eq!(attribute("&lt;>").unwrap(), "<>");
        assert_eq!(attribute("a<b").unwrap_err().at, 1);
        assert_eq!(text("a<b").unwrap(), "a<b");
    }

    #[test]
    fn text_is_found_whole_and_plain_only_when_nothing_needs_decoding() {
        for (text, end, plain) in [
            ("", 0, true),
            ("sample string 1</x>", 15, true),
            ("成人票-20250615-000001<", 25, true),
            ("a\n\tb", 4, true),
            ("a&amp;b<c>", 7, false),
            ("a\r\nb<", 4, false),
            ("a\u{1}b", 3, false),
            ("\u{FFFE}<", 3, false),
            ("（，）<", 9, true),
        ] {
            assert_eq!(text_extent(text.as_bytes(), 0), (end, plain), "{text:?}");
            let raw = &text[..end];
            assert_eq!(
                plain,
                matches!(super::text(raw), Ok(Cow::Borrowed(_))),
                "{text:?}"
            );
        }
    }

    #[test]
    fn an_attribute_value_is_found_whole_and_plain_only_when_nothing_needs_decoding() {
        let text = br#"x="http://schemas.datacontract.org/2004/07/A.B" y='a"b' z="a&amp;b" w="a'b<c" v="open"#;
        let extent = |at: usize, quote| attribute_extent(text, at, quote);
        assert_eq!(extent(3, b'"'), (46, true));
        assert_eq!(extent(51, b'\''), (54, true));
        assert_eq!(extent(59, b'"'), (66, false));
        assert_eq!(extent(71, b'"'), (76, false));
        assert_eq!(extent(81, b'"'), (text.len(), false));
        let unclosed = br#"a="open&"#;
        assert_eq!(attribute_extent(unclosed, 3, b'"'), (unclosed.len(), false));
        for raw in ["plain", "tab\there", "a\u{1}", "\u{FFFF}", "\u{FF0C}"] {
            let quoted = format!("{raw}\"");
            let (end, plain) = attribute_extent(quoted.as_bytes(), 0, b'"');
            assert_eq!(end, raw.len());
            assert_eq!(
                plain,
                matches!(attribute(raw), Ok(Cow::Borrowed(_))),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn entities_are_refused_and_bad_references_are_errors() {
        let entity = text("x&bogus;").unwrap_err();
        assert_eq!((entity.at, entity.code), (1, "xml_entity"));
        for (raw, at) in [
            ("&", 0),
            ("ab&amp", 2),
            ("&#;", 0),
            ("&#x;", 0),
            ("&#0;", 0),
            ("&#x0;", 0),
            ("&#xD800;", 0),
            ("&#x110000;", 0),
            ("&#-1;", 0),
            ("&#+1;", 0),
            ("&#X41;", 0),
            ("&#99999999999;", 0),
            ("&;", 0),
        ] {
            let error = text(raw).unwrap_err();
            assert_eq!(error.at, at, "{raw}");
            let expected = if raw == "&;" {
                "xml_entity"
            } else {
                "xml_syntax"
            };
            assert_eq!(error.code, expected, "{raw}");
        }
    }

    #[test]
    fn characters_xml_forbids_are_refused_where_written_as_they_are() {
        for raw in ["a\u{0}", "a\u{1}", "a\u{1F}", "a\u{FFFE}", "a\u{FFFF}"] {
            let error = text(raw).unwrap_err();
            assert_eq!((error.at, error.code), (1, "xml_syntax"), "{raw:?}");
            assert!(cdata(raw).is_err());
            assert!(attribute(raw).is_err());
        }
        assert!(text("\u{FFFD}\u{EFFF}\u{F000}").is_ok());
    }
}
