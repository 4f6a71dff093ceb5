//! The escapes of the two JSON writers the providers use. Values are the same; a few characters are not.
//!
//! Json.NET (Web API) escapes what serde_json escapes plus U+0085, U+2028 and U+2029. TOP's Java `JSONWriter`
//! writes `/` as `\/`, and every ISO control character (U+0000–U+001F, U+007F–U+009F) without a short escape as
//! `\uXXXX` in uppercase hex.

use std::io::{self, Write};

use serde_json::ser::{CharEscape, Formatter};

/// Json.NET's `StringEscapeHandling.Default`.
pub struct JsonNet;

/// TOP's official Java SDK, `JSONWriter(false, true)`.
pub struct TopSdk;

impl Formatter for JsonNet {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_escaping(
            writer,
            fragment,
            |c| matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'),
            false,
        )
    }
}

impl Formatter for TopSdk {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_escaping(
            writer,
            fragment,
            |c| c == '/' || ('\u{7f}'..='\u{9f}').contains(&c),
            true,
        )
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        match escape {
            CharEscape::AsciiControl(byte) => write!(writer, "\\u{byte:04X}"),
            other => serde_json::ser::CompactFormatter.write_char_escape(writer, other),
        }
    }
}

/// Writes `fragment`, escaping the characters `escape` picks: `/` as `\/`, the others as `\uXXXX`.
fn write_escaping<W: ?Sized + Write>(
    writer: &mut W,
    fragment: &str,
    escape: impl Fn(char) -> bool,
    uppercase: bool,
) -> io::Result<()> {
    let mut start = 0;
    for (index, ch) in fragment.char_indices().filter(|(_, c)| escape(*c)) {
        writer.write_all(&fragment.as_bytes()[start..index])?;
        match (ch, uppercase) {
            ('/', _) => writer.write_all(b"\\/")?,
            (_, true) => write!(writer, "\\u{:04X}", u32::from(ch))?,
            (_, false) => write!(writer, "\\u{:04x}", u32::from(ch))?,
        }
        start = index + ch.len_utf8();
    }
    writer.write_all(&fragment.as_bytes()[start..])
}
