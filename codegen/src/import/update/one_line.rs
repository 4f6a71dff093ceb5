//! A YAML value written on one line, in the curated files' plain style where that reads back the same: how the
//! merge writes a changed value into the curated text and shows an old reading in a note.

use crate::load::yaml::{Node, Value};

use super::super::yaml_out::quote;

/// A value as one line of YAML in the file's plain style where that reads back the same, quoted otherwise;
/// `None` for a collection holding collections.
pub fn one_line(node: &Node) -> Option<String> {
    Some(match &node.value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format!("{f:?}"),
        Value::Str(s) if plain(s) => s.clone(),
        Value::Str(s) => quote(s),
        Value::Seq(items) => {
            let items: Option<Vec<String>> = items.iter().map(scalar_line).collect();
            format!("[{}]", items?.join(", "))
        }
        Value::Map(entries) => {
            let entries: Option<Vec<String>> = entries
                .iter()
                .map(|(k, v)| Some(format!("{}: {}", scalar_line(k)?, scalar_line(v)?)))
                .collect();
            format!("{{ {} }}", entries?.join(", "))
        }
    })
}

fn scalar_line(node: &Node) -> Option<String> {
    match node.value {
        Value::Seq(_) | Value::Map(_) => None,
        _ => one_line(node),
    }
}

/// Whether a string reads back as itself unquoted: a name or type expression that is not one of YAML's words.
fn plain(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '<' | '>'))
        && !["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
            .contains(&s.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Pos;

    #[test]
    fn one_line_values_stay_plain_only_when_they_read_back() {
        let node = |value| Node {
            value,
            pos: Pos { line: 1, col: 1 },
        };
        assert_eq!(
            one_line(&node(Value::Str("list<Foo>".into()))).unwrap(),
            "list<Foo>"
        );
        assert_eq!(
            one_line(&node(Value::Str("yes".into()))).unwrap(),
            "\"yes\""
        );
        assert_eq!(
            one_line(&node(Value::Str("1.5".into()))).unwrap(),
            "\"1.5\""
        );
        assert_eq!(
            one_line(&node(Value::Str("a: b".into()))).unwrap(),
            "\"a: b\""
        );
        assert_eq!(one_line(&node(Value::Float(1.0))).unwrap(), "1.0");
    }
}
