//! Flow collections written on one line: `[json, xml]`, `{ name: id, type: "string", required: true }`.
//!
//! Inside them a plain scalar ends at any of `,[]{}:`; an entry's `:` must be followed by a space, and a `:` left
//! anywhere else (`{a:b}`, a URL written plain), an empty entry, a trailing comma, a comment or a collection left
//! open at the end of the line is left to serde-saphyr.

use super::{KEY_LIMIT, Reader, scalar, simple_key, skip_spaces};
use crate::load::yaml::{Node, Value};

impl Reader<'_> {
    /// The flow collection whose bracket is at byte `start` of the current line, and the byte past its closing
    /// bracket.
    pub(super) fn flow(&mut self, start: usize) -> Option<(Node, usize)> {
        let line = self.line()?;
        let is_map = line.get(start..)?.starts_with('{');
        let close = if is_map { b'}' } else { b']' };
        let pos = self.pos(start);
        self.enter()?;
        let mut items = Vec::new();
        let mut entries = Vec::new();
        let mut at = skip_spaces(line, start + 1);
        if line.as_bytes().get(at) != Some(&close) {
            loop {
                if is_map {
                    let (key, end) = self.flow_node(at)?;
                    if !simple_key(&key)
                        || end - at > KEY_LIMIT
                        || !line.get(skip_spaces(line, end)..)?.starts_with(": ")
                    {
                        return None;
                    }
                    let (value, end) =
                        self.flow_node(skip_spaces(line, skip_spaces(line, end) + 2))?;
                    entries.push((key, value));
                    at = skip_spaces(line, end);
                } else {
                    let (item, end) = self.flow_node(at)?;
                    items.push(item);
                    at = skip_spaces(line, end);
                }
                match line.as_bytes().get(at) {
                    Some(b',') => at = skip_spaces(line, at + 1),
                    Some(&b) if b == close => break,
                    _ => return None,
                }
                if line.as_bytes().get(at) == Some(&close) {
                    return None;
                }
            }
        }
        self.depth -= 1;
        let value = if is_map {
            Value::Map(entries)
        } else {
            Value::Seq(items)
        };
        Some((Node { value, pos }, at + 1))
    }

    /// The scalar or collection starting at byte `start` of the current line inside a flow collection, and the
    /// byte past it.
    fn flow_node(&mut self, start: usize) -> Option<(Node, usize)> {
        let line = self.line()?;
        let rest = line.get(start..)?;
        if rest.starts_with(['[', '{']) {
            return self.flow(start);
        }
        self.count()?;
        let pos = self.pos(start);
        if rest.starts_with(['"', '\'']) {
            let (text, len) = scalar::quoted(rest)?;
            let node = Node {
                value: Value::Str(text),
                pos,
            };
            return Some((node, start + len));
        }
        let len = rest
            .bytes()
            .position(|b| matches!(b, b',' | b'[' | b']' | b'{' | b'}' | b':'))
            .unwrap_or(rest.len());
        let text = rest.get(..len)?;
        if text.contains(" #") {
            return None;
        }
        let text = text.trim_end_matches(' ');
        let node = Node {
            value: scalar::plain(text)?,
            pos,
        };
        Some((node, start + text.len()))
    }
}
