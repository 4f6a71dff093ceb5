//! From body text to a tree of values, the way Web API turns a form body into MVC keys (docs/wire-formats.md, Form
//! binding keys).

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::problem::Problem;

/// Web API's default `MediaTypeFormatter.MaxHttpCollectionKeys`: the server refuses a body with more pairs.
pub(super) const MAX_PAIRS: usize = 1000;
/// How many segments a key may have (`a.b[0].c` has four); deeper keys are refused before any node is made.
pub(super) const MAX_DEPTH: usize = 32;

/// The values given for one key path, and the keys below it.
#[derive(Debug, Default)]
pub(super) struct Node {
    /// One entry per pair with exactly this key, in body order; repeated keys make a list of scalars.
    pub(super) values: Vec<String>,
    /// `.name` children in first-seen order, one per name ignoring ASCII case.
    pub(super) fields: Vec<(String, Node)>,
    /// `[n]` children.
    pub(super) items: BTreeMap<usize, Node>,
}

impl Node {
    /// The child called `name`, matched as `StringComparer.OrdinalIgnoreCase` matches ASCII names.
    pub(super) fn field(&self, name: &str) -> Option<&Node> {
        self.fields
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, node)| node)
    }

    fn field_mut(&mut self, name: &str) -> &mut Node {
        let at = match self
            .fields
            .iter()
            .position(|(key, _)| key.eq_ignore_ascii_case(name))
        {
            Some(at) => at,
            None => {
                self.fields.push((name.to_owned(), Node::default()));
                self.fields.len() - 1
            }
        };
        &mut self.fields[at].1
    }

    fn insert(&mut self, segments: &[Segment<'_>], value: String) {
        let mut node = self;
        for segment in segments {
            node = match *segment {
                Segment::Name(name) => node.field_mut(name),
                Segment::Index(index) => node.items.entry(index).or_default(),
            };
        }
        node.values.push(value);
    }
}

/// One step of an MVC key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Segment<'k> {
    Name(&'k str),
    Index(usize),
}

/// Splits, decodes and files every pair.
///
/// As `FormUrlEncodedParser` does, pairs are separated by `&` only, the first `=` ends the name, a pair
/// without `=` has an empty value, and every `&` starts a pair (so `a&&b` is three pairs, the middle one
/// with an empty name) which counts towards [`MAX_PAIRS`]. Keys that can never reach a property (an empty
/// name, `a[01]`, `a[0]x`) are dropped, as the server drops them.
pub(super) fn parse(text: &str) -> Result<Node, Problem> {
    let mut root = Node::default();
    if text.is_empty() {
        return Ok(root);
    }
    for (at, pair) in text.split('&').enumerate() {
        if at == MAX_PAIRS {
            return Err(problem(
                "form_limit",
                format!("the body has more than {MAX_PAIRS} pairs, the server's limit"),
            ));
        }
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let number = at + 1;
        let name = decode(name, || format!("the name of pair {number}"))?;
        let value = decode(value, || format!("the value of {name:?}"))?;
        let key = normalize_jquery(&name).ok_or_else(|| {
            problem(
                "form_syntax",
                format!("the key {name:?} has a `[` without a closing `]`"),
            )
        })?;
        if let Some(segments) = mvc_segments(&key)? {
            root.insert(&segments, value.into_owned());
        }
    }
    Ok(root)
}

/// The tree of pairs already decoded whose names are whole keys, as a URI's route values and query pairs bind
/// a simple-typed parameter: by its name alone, ignoring ASCII case, a repeated name giving several values.
pub(super) fn flat(pairs: impl IntoIterator<Item = (String, String)>) -> Node {
    let mut root = Node::default();
    for (name, value) in pairs {
        if !name.is_empty() {
            root.field_mut(&name).values.push(value);
        }
    }
    root
}

fn problem(code: &'static str, message: String) -> Problem {
    Problem {
        path: "$".to_owned(),
        code,
        message,
    }
}

/// `+` is a space and `%XX` a byte; the bytes must then be UTF-8.
///
/// The server is more lenient (it keeps a bad escape as text and turns bad UTF-8 into U+FFFD), but either
/// means the sender encoded the body wrongly, and a reader that guessed would hide that.
fn decode<'t>(raw: &'t str, what: impl Fn() -> String) -> Result<Cow<'t, str>, Problem> {
    if !raw.contains(['%', '+']) {
        return Ok(Cow::Borrowed(raw));
    }
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'+' => decoded.push(b' '),
            b'%' => {
                let digit = |at: usize| char::from(*bytes.get(at)?).to_digit(16);
                let escape = digit(at + 1).zip(digit(at + 2));
                let Some(escaped) =
                    escape.and_then(|(high, low)| u8::try_from(high << 4 | low).ok())
                else {
                    let shown: String = raw[at..].chars().take(3).collect();
                    return Err(problem(
                        "form_syntax",
                        format!("{} has {shown:?}, which is not a %XX escape", what()),
                    ));
                };
                decoded.push(escaped);
                at += 2;
            }
            _ => decoded.push(byte),
        }
        at += 1;
    }
    String::from_utf8(decoded).map(Cow::Owned).map_err(|_| {
        problem(
            "form_syntax",
            format!("{} decodes to bytes that are not UTF-8", what()),
        )
    })
}

/// `FormDataCollectionExtensions.NormalizeJQueryToMvc`: `a[b]` → `a.b` when `b` does not start with a digit,
/// `a[0]` unchanged, `a[]` → `a`; `None` for a `[` with no `]` after it, which the server refuses.
///
/// The server asks `Char.IsDigit`, which also takes non-ASCII digits; a key such as `a[٣]` reaches no
/// property either way.
fn normalize_jquery(key: &str) -> Option<Cow<'_, str>> {
    if !key.contains('[') {
        return Some(Cow::Borrowed(key));
    }
    let mut normalized = String::with_capacity(key.len());
    let mut rest = key;
    while let Some(open) = rest.find('[') {
        normalized.push_str(&rest[..open]);
        let close = open + rest[open..].find(']')?;
        let inside = &rest[open + 1..close];
        if inside.starts_with(|c: char| c.is_ascii_digit()) {
            normalized.push_str(&rest[open..=close]);
        } else if !inside.is_empty() {
            normalized.push('.');
            normalized.push_str(inside);
        }
        rest = &rest[close + 1..];
    }
    normalized.push_str(rest);
    Some(Cow::Owned(normalized))
}

/// The segments of an MVC key, or `None` when no model binder would ever ask for it: MVC looks keys up by
/// exact text (`a[1]`, never `a[01]`), and a child key must continue with `.` or `[` after its parent.
fn mvc_segments(key: &str) -> Result<Option<Vec<Segment<'_>>>, Problem> {
    let too_deep = || {
        problem(
            "form_limit",
            format!("a key has more than {MAX_DEPTH} segments, the nesting limit"),
        )
    };
    let mut segments = Vec::new();
    let mut rest = key;
    loop {
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        let name = &rest[..end];
        if name.is_empty() {
            return Ok(None);
        }
        segments.push(Segment::Name(name));
        rest = &rest[end..];
        while let Some(inner) = rest.strip_prefix('[') {
            let Some((digits, after)) = inner.split_once(']') else {
                return Ok(None);
            };
            let Some(index) = index(digits)? else {
                return Ok(None);
            };
            segments.push(Segment::Index(index));
            if segments.len() > MAX_DEPTH {
                return Err(too_deep());
            }
            rest = after;
        }
        if segments.len() > MAX_DEPTH {
            return Err(too_deep());
        }
        match rest.strip_prefix('.') {
            Some(after) => rest = after,
            None if rest.is_empty() => return Ok(Some(segments)),
            None => return Ok(None),
        }
    }
}

/// A list index as MVC writes it (`0`, `17`); one that no list within [`MAX_PAIRS`] pairs can reach is an
/// error, so a hostile index never costs more than this check.
fn index(digits: &str) -> Result<Option<usize>, Problem> {
    let canonical = !digits.is_empty()
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if !canonical {
        return Ok(None);
    }
    match digits.parse::<usize>() {
        Ok(index) if index < MAX_PAIRS => Ok(Some(index)),
        _ => Err(problem(
            "form_limit",
            format!(
                "the list index {digits} is beyond the {MAX_PAIRS} items a body can hold; items are read from [0] up to the first gap"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_normalise_as_the_server_does() {
        for (key, normalized) in [
            ("a", "a"),
            ("a[b]", "a.b"),
            ("a[b][c]", "a.b.c"),
            ("a[0]", "a[0]"),
            ("a[0][name]", "a[0].name"),
            ("a[]", "a"),
            ("a[b][]", "a.b"),
            ("a[b]c", "a.bc"),
            ("a[b[c]]", "a.b[c]"),
            ("[x]", ".x"),
            ("a]", "a]"),
        ] {
            assert_eq!(normalize_jquery(key).as_deref(), Some(normalized), "{key}");
        }
        assert_eq!(normalize_jquery("a[b"), None);
        assert_eq!(normalize_jquery("a[0]["), None);
    }

    #[test]
    fn only_keys_a_binder_asks_for_have_segments() {
        use Segment::{Index, Name};
        assert_eq!(
            mvc_segments("a.b[0][12].c").unwrap(),
            Some(vec![Name("a"), Name("b"), Index(0), Index(12), Name("c")])
        );
        for key in [
            "", ".a", "a.", "a..b", "a[01]", "a[0]x", "a[1a]", "[0]", "a[0", "a[-1]",
        ] {
            assert_eq!(mvc_segments(key).unwrap(), None, "{key}");
        }
        assert_eq!(
            mvc_segments("a[999]").unwrap(),
            Some(vec![Name("a"), Index(999)])
        );
        for key in ["a[1000]", "a[99999999999999999999999]"] {
            assert_eq!(mvc_segments(key).unwrap_err().code, "form_limit", "{key}");
        }
    }

    #[test]
    fn decoding_is_strict() {
        assert_eq!(
            decode("a+b%2B%25%e5%BC%a0", String::new).unwrap(),
            "a b+%张"
        );
        assert!(matches!(
            decode("plain", String::new),
            Ok(Cow::Borrowed("plain"))
        ));
        for raw in [
            "%",
            "%4",
            "%zz",
            "%+1",
            "a%g0",
            "%%41",
            "%C3%28",
            "%FF",
            "%ED%A0%80",
        ] {
            assert_eq!(
                decode(raw, String::new).unwrap_err().code,
                "form_syntax",
                "{raw}"
            );
        }
    }
}
