//! The writer's escaping, as .NET's `XmlEncodedRawTextWriter` does it with `CheckCharacters = false` and
//! `NewLineHandling.Replace`. Text is scanned eight bytes at a time for anything to escape and copied in runs,
//! so the common case (nothing to escape) is one quick scan and one copy.

use memchr::memchr3;

use super::scan::{self, below, equal, splat};

/// Bytes that may begin something text does not copy as it is: control characters but tab, `&`, `<`, `>`,
/// and `0xEF`, the lead byte of U+FFFE and U+FFFF (and of other characters, which are copied).
const TEXT_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = byte != b'\t' as usize;
        byte += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[0xEF] = true;
    table
};

/// Appends text content: `&`, `<` and `>` as entities, every line break (`\r\n`, `\r`, `\n`) as `\r\n` (a
/// Windows server's `NewLineChars`), and the characters XML cannot hold as `&#xN;` references.
pub(super) fn push_text(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    loop {
        at = scan::find(bytes, at, &TEXT_SPECIAL, |word| {
            // `<` and `>` differ in one bit only.
            below(word, 0x20)
                | equal(word, b'&')
                | equal(word | splat(0x02), b'>')
                | equal(word, 0xEF)
                != 0
        });
        if at == bytes.len() {
            break;
        }
        let (replacement, len): (&str, usize) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'\n' => ("\r\n", 1),
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => ("\r\n", 2),
            b'\r' => ("\r\n", 1),
            0xEF => match bytes.get(at + 1..at + 3) {
                Some([0xBF, 0xBE]) => ("&#xFFFE;", 3),
                Some([0xBF, 0xBF]) => ("&#xFFFF;", 3),
                _ => {
                    at += 1;
                    continue;
                }
            },
            control => (CONTROL_REFERENCES[usize::from(control)], 1),
        };
        out.push_str(&text[copied..at]);
        out.push_str(replacement);
        at += len;
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// `&#xN;` for each control character, in .NET's upper-case hexadecimal without leading zeros.
const CONTROL_REFERENCES: [&str; 0x20] = [
    "&#x0;", "&#x1;", "&#x2;", "&#x3;", "&#x4;", "&#x5;", "&#x6;", "&#x7;", "&#x8;", "&#x9;",
    "&#xA;", "&#xB;", "&#xC;", "&#xD;", "&#xE;", "&#xF;", "&#x10;", "&#x11;", "&#x12;", "&#x13;",
    "&#x14;", "&#x15;", "&#x16;", "&#x17;", "&#x18;", "&#x19;", "&#x1A;", "&#x1B;", "&#x1C;",
    "&#x1D;", "&#x1E;", "&#x1F;",
];

/// Appends an attribute value between double quotes: `&`, `<` and `"` as entities. A namespace URI has none
/// of them, so it is found clean by one vectorised scan and copied whole.
pub(super) fn push_attribute_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = memchr3(b'&', b'<', b'"', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// Appends the decimal digits of an integer, without `fmt`, which costs more than the digits; digits need no
/// escaping.
pub(super) fn push_integer(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let mut rest = value.unsigned_abs();
    if rest < 10 {
        out.push(char::from(b'0' + rest as u8));
        return;
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while rest > 0 {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping rules one character at a time: the definition the fast path must agree with.
    fn reference_text(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(ch) = chars.next() {
            match ch {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\n' => out.push_str("\r\n"),
                '\r' => {
                    chars.next_if_eq(&'\n');
                    out.push_str("\r\n");
                }
                ch if (ch < ' ' && ch != '\t') || matches!(ch, '\u{FFFE}' | '\u{FFFF}') => {
                    out.push_str(&format!("&#x{:X};", u32::from(ch)));
                }
                ch => out.push(ch),
            }
        }
        out
    }

    fn text(text: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, text);
        out
    }

    #[test]
    fn text_escapes_markup_line_breaks_and_characters_xml_cannot_hold() {
        assert_eq!(text(""), "");
        assert_eq!(text("sample string 1"), "sample string 1");
        assert_eq!(
            text("a<b>&\"c' \u{1}\t\nd\r\ne\rf"),
            "a&lt;b&gt;&amp;\"c' &#x1;\t\r\nd\r\ne\r\nf"
        );
        assert_eq!(text("\0\u{1F}"), "&#x0;&#x1F;");
        assert_eq!(text("\u{FFFE}x\u{FFFF}"), "&#xFFFE;x&#xFFFF;");
        assert_eq!(text("（全角）\u{FFFD}，"), "（全角）\u{FFFD}，");
        assert_eq!(text("\r\r\n\n"), "\r\n\r\n\r\n");
    }

    #[test]
    fn the_fast_escaper_agrees_with_the_reference_on_many_strings() {
        // Pieces that meet at every boundary: ASCII runs, multi-byte characters, the U+EFxx..U+FFFF lead byte
        // with and without the two special characters, and each escaped character.
        const PIECES: [&str; 22] = [
            "a",
            "sample ",
            "成人票",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "\r",
            "\n",
            "\t",
            "\0",
            "\u{1}",
            "\u{1F}",
            "\u{FFFE}",
            "\u{FFFF}",
            "\u{FFFD}",
            "\u{FF0C}",
            "\u{F000}",
            "é",
            "😀",
            "\u{7F}",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut sample = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut pick = state;
            for _ in 0..(pick % 12) {
                pick = pick.rotate_left(5).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                sample.push_str(PIECES[(pick >> 40) as usize % PIECES.len()]);
            }
            assert_eq!(text(&sample), reference_text(&sample), "{sample:?}");
        }
        for code in (0..=0x3000_u32).chain(0xE000..=0x10FFFF) {
            if let Some(ch) = char::from_u32(code) {
                let sample = format!("x{ch}y{ch}");
                assert_eq!(text(&sample), reference_text(&sample), "U+{code:04X}");
            }
        }
    }

    #[test]
    fn integers_are_their_decimal_text() {
        for n in [
            0,
            1,
            -1,
            9,
            10,
            -10,
            12345,
            i64::from(i32::MIN),
            i64::MAX,
            i64::MIN,
        ] {
            let mut out = String::from("n");
            push_integer(&mut out, n);
            assert_eq!(out, format!("n{n}"));
        }
    }

    #[test]
    fn attribute_text_is_copied_whole_or_escaped() {
        let mut out = String::new();
        push_attribute_text(&mut out, "http://schemas.datacontract.org/2004/07/A.B");
        assert_eq!(out, "http://schemas.datacontract.org/2004/07/A.B");
        out.clear();
        push_attribute_text(&mut out, "urn:a&b<c\"d>'");
        assert_eq!(out, "urn:a&amp;b&lt;c&quot;d>'");
    }
}
