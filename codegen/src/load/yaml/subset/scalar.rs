//! One-line scalars: what a plain scalar means, and the text of a quoted one.

use crate::load::yaml::{Value, saphyr};

/// Whether `c` may appear in a text the fast reader takes: a line break, printable ASCII, or printable non-ASCII.
/// Tabs, carriage returns, other control characters, the byte order mark and the Unicode line separators are left
/// to serde-saphyr, which knows where each is allowed.
pub(super) fn plain_char(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// The value of the plain scalar `text` (trimmed, one line), resolved as serde-saphyr resolves it with the options
/// `parse` gives it (YAML 1.2 core, strict booleans). `None` when `text` cannot start a plain scalar.
///
/// Text that may be a number or a special float (a digit, sign or `.` first) and is not a plain decimal integer is
/// resolved by serde-saphyr itself, as a document of its own: its number rules (underscores, radix prefixes,
/// leading zeros, overflow) are not worth copying for the few such values schemas hold.
pub(super) fn plain(text: &str) -> Option<Value> {
    let first = *text.as_bytes().first()?;
    if b"?:,[]{}#&*!|>'\"%@`".contains(&first) || text == "-" || text.starts_with("- ") {
        return None;
    }
    Some(match text {
        "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ if first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.') => match decimal(text) {
            Some(int) => Value::Int(int),
            None => resolved_by_saphyr(text)?,
        },
        _ => Value::Str(text.to_owned()),
    })
}

/// `text` as an integer when it is a plain decimal one (`0`, or digits not starting with `0`, with an optional
/// `-`) short enough to fit an `i64`.
fn decimal(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain = !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (!digits.starts_with('0') || text == "0");
    plain.then(|| text.parse().ok()).flatten()
}

/// What serde-saphyr makes of `text` alone. A text opening with `---` or `...` would read as a document marker
/// there, so it is not asked.
fn resolved_by_saphyr(text: &str) -> Option<Value> {
    if text.starts_with("---") || text.starts_with("...") {
        return None;
    }
    match saphyr::parse(text).ok()?.value {
        Value::Seq(_) | Value::Map(_) => None,
        scalar => Some(scalar),
    }
}

/// The text of the single- or double-quoted scalar `rest` starts with, and its length with the quotes; `None` when
/// it does not close on this line or uses an escape the reader does not know.
pub(super) fn quoted(rest: &str) -> Option<(String, usize)> {
    let quote = *rest.as_bytes().first()?;
    let double = quote == b'"';
    let mut text = String::new();
    let mut tail = rest.get(1..)?;
    loop {
        let stop = tail
            .bytes()
            .position(|b| b == quote || double && b == b'\\')?;
        text.push_str(tail.get(..stop)?);
        let mut after = tail.get(stop + 1..)?.chars();
        if tail.as_bytes().get(stop) == Some(&quote) {
            match after.as_str().strip_prefix('\'') {
                Some(rest_of_line) if !double => {
                    text.push('\'');
                    tail = rest_of_line;
                    continue;
                }
                _ => return Some((text, rest.len() - after.as_str().len())),
            }
        }
        text.push(match after.next()? {
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            't' => '\t',
            'n' => '\n',
            'v' => '\u{b}',
            'f' => '\u{c}',
            'r' => '\r',
            'e' => '\u{1b}',
            escape @ (' ' | '"' | '/' | '\\') => escape,
            'N' => '\u{85}',
            '_' => '\u{a0}',
            'L' => '\u{2028}',
            'P' => '\u{2029}',
            'x' => hex(&mut after, 2)?,
            'u' => hex(&mut after, 4)?,
            'U' => hex(&mut after, 8)?,
            _ => return None,
        });
        tail = after.as_str();
    }
}

/// The character whose code is the next `digits` hexadecimal digits.
fn hex(chars: &mut std::str::Chars<'_>, digits: usize) -> Option<char> {
    let mut code = 0;
    for _ in 0..digits {
        code = code * 16 + chars.next()?.to_digit(16)?;
    }
    char::from_u32(code)
}
