//! The reader of any YAML: serde-saphyr parses and enforces budgets (alias bombs, nesting depth), and every
//! diagnostic about YAML syntax comes from here.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options, Spanned};

use super::{MAX_DEPTH, MAX_NODES, Node, ParseError, Value};
use crate::diagnostic::Pos;

/// Parses `text` with serde-saphyr; the caller has refused oversized input.
pub fn parse(text: &str) -> Result<Node, ParseError> {
    let mut budget = Budget::default();
    budget.max_nodes = MAX_NODES;
    budget.max_depth = MAX_DEPTH;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    options.strict_booleans = true;
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(root) => Ok(root.into()),
        Err(error) => {
            let pos = error
                .location()
                .map(|at| pos_of(&at))
                .unwrap_or(Pos { line: 1, col: 1 });
            if let Some(message) = limit_message(&error) {
                return Err(ParseError {
                    pos,
                    message,
                    hint: "schemas need neither deep nesting nor large aliases; is the file generated or hostile?".to_owned(),
                });
            }
            if let Some(bracket) = unclosed_bracket(text, pos) {
                return Err(bracket);
            }
            Err(ParseError {
                pos,
                message: plain_message(&error.without_snippet().to_string()),
                hint: "fix the YAML syntax first; the other checks run once the file parses"
                    .to_owned(),
            })
        }
    }
}

/// A plain sentence for a breached parse budget, which serde-saphyr reports in its own debug form.
fn limit_message(error: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::Error;
    use serde_saphyr::budget::BudgetBreach;
    let mut inner = error;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = inner {
        inner = error;
    }
    match inner {
        Error::Budget { breach, .. } => Some(match breach {
            BudgetBreach::Depth { .. } => format!("the YAML nests deeper than {MAX_DEPTH} levels"),
            BudgetBreach::Nodes { .. } => format!(
                "the YAML expands to more than {MAX_NODES} nodes through its aliases (an alias bomb?)"
            ),
            _ => "the YAML exceeds the parser's limits on size, aliases or anchors".to_owned(),
        }),
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Some(format!(
            "the YAML expands to more than {MAX_NODES} nodes through its aliases (an alias bomb?)"
        )),
        _ => None,
    }
}

/// A `[` or `{` left open makes the parser stumble later, at a place that says nothing of the bracket. When a flow
/// collection opened on an earlier line is still open where parsing failed, the bracket is the place to point at.
fn unclosed_bracket(text: &str, failed_at: Pos) -> Option<ParseError> {
    let mut open: Vec<(char, Pos)> = Vec::new();
    for (index, line) in text.lines().enumerate().take(failed_at.line as usize) {
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        for (col, ch) in line.chars().enumerate() {
            let col = u32::try_from(col + 1).unwrap_or(u32::MAX);
            if line_no == failed_at.line && col >= failed_at.col {
                break;
            }
            match (quote, ch) {
                (Some(q), _) if ch == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if matches!(previous, ' ' | '[' | '{' | ',' | ':') => {
                    quote = Some(ch)
                }
                (None, '#') if previous.is_whitespace() => break,
                (None, '[' | '{') => open.push((ch, Pos { line: line_no, col })),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            previous = ch;
        }
    }
    let (bracket, at) = *open.first()?;
    let closing = if bracket == '[' { ']' } else { '}' };
    (at.line < failed_at.line).then(|| ParseError {
        pos: at,
        message: format!("unclosed bracket '{bracket}'"),
        hint: format!("close it with '{closing}' before the next key"),
    })
}

/// serde-saphyr starts messages with "line L column C: " and may end them with " at line L, column C"; the
/// position is reported separately.
fn plain_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or(rendered);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let first = match first.find(": ") {
        Some(at) if first.starts_with("line ") => &first[at + 2..],
        _ => first,
    };
    match first.rfind(" at line ") {
        Some(at) => first[..at].to_owned(),
        None => first.to_owned(),
    }
}

fn pos_of(location: &serde_saphyr::Location) -> Pos {
    let clamp = |n: u64| u32::try_from(n.max(1)).unwrap_or(u32::MAX);
    Pos {
        line: clamp(location.line()),
        col: clamp(location.column()),
    }
}

/// The shape serde-saphyr fills; children carry their own spans.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl From<Spanned<Raw>> for Node {
    fn from(spanned: Spanned<Raw>) -> Node {
        let pos = pos_of(&spanned.referenced);
        let value = match spanned.value {
            Raw::Null => Value::Null,
            Raw::Bool(b) => Value::Bool(b),
            Raw::Int(i) => Value::Int(i),
            Raw::Float(f) => Value::Float(f),
            Raw::Str(s) => Value::Str(s),
            Raw::Seq(items) => Value::Seq(items.into_iter().map(Node::from).collect()),
            Raw::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (Node::from(k), Node::from(v)))
                    .collect(),
            ),
        };
        Node { value, pos }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Raw::Map(entries))
    }
}
