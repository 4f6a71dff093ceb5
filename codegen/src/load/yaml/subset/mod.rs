//! A fast reader for the YAML that schemas are written in, tried before serde-saphyr.
//!
//! serde-saphyr takes about 2.4 ms for a 29 KB schema, most of a large `codegen diff`. Schemas use a small part of
//! YAML: block mappings and sequences, one-line scalars and flow collections, `|` and `>` block scalars, comments.
//! This reader reads that part line by line and gives the tree serde-saphyr would give, values and positions alike.
//! It never reports an error: at anything else (anchors, tags, multi-line plain or quoted scalars, tabs, document
//! markers, syntax errors, a budget nearly used up) it answers `None` and serde-saphyr reads the text, so what the
//! user sees about a broken or unusual file is serde-saphyr's alone.
//!
//! serde-saphyr's positions, which the tree must match: a scalar or flow collection is where its first character
//! is, a quoted one at its quote; a block mapping is where its first key is; a block sequence is at its first `-`,
//! except one written at its key's own indentation, which is where its first item starts (or at the end of the `-`
//! line when that item starts on the next); a block scalar is at the first character of its first content line; an
//! empty value is at its key's `:`. Columns count characters.

mod flow;
mod scalar;

use super::{MAX_DEPTH, MAX_NODES, Node, Value};
use crate::diagnostic::Pos;

/// Reads `text` when it keeps to the subset; `None` when it does not, or when the reader is not sure.
pub fn parse(text: &str) -> Option<Node> {
    let ascii = text.is_ascii();
    let printable = if ascii {
        text.bytes()
            .all(|b| b == b'\n' || (b' '..=b'~').contains(&b))
    } else {
        text.chars().all(scalar::plain_char)
    };
    if !printable {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    // A line opening with `---`, `...` or `%` may be a document marker or directive.
    if lines
        .iter()
        .any(|line| line.starts_with("---") || line.starts_with("...") || line.starts_with('%'))
    {
        return None;
    }
    let mut reader = Reader {
        lines,
        ascii,
        last_col: (0, 0, 0),
        row: 0,
        nodes: 0,
        depth: 0,
    };
    reader.skip();
    if indent_of(reader.line()?) != 0 {
        return None;
    }
    let root = reader.block_node(0)?;
    reader.skip();
    reader.line().is_none().then_some(root)
}

/// Well below serde-saphyr's budgets, so a text near them is serde-saphyr's to judge.
const NODE_LIMIT: usize = MAX_NODES / 2;
const DEPTH_LIMIT: usize = MAX_DEPTH / 2;
/// serde-saphyr refuses an implicit key longer than 1024 characters; the fast reader takes only far shorter ones.
const KEY_LIMIT: usize = 256;

/// A cursor over the lines of the text: `row` is the line being read.
struct Reader<'a> {
    lines: Vec<&'a str>,
    /// Whether the text is ASCII, where a column is a byte offset plus one.
    ascii: bool,
    /// The last column counted on a non-ASCII text: its row, byte and character offsets.
    last_col: (usize, usize, usize),
    row: usize,
    nodes: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn line(&self) -> Option<&'a str> {
        self.lines.get(self.row).copied()
    }

    /// Moves past blank and comment-only lines.
    fn skip(&mut self) {
        while self.line().is_some_and(|line| {
            let content = line.trim_start_matches(' ');
            content.is_empty() || content.starts_with('#')
        }) {
            self.row += 1;
        }
    }

    /// The position of byte `at` of the current line. On a non-ASCII text the characters before it are counted
    /// on from the last position taken on the same line, so a long line costs no more than once over.
    fn pos(&mut self, at: usize) -> Pos {
        let col = if self.ascii {
            at
        } else {
            let (row, byte, col) = match self.last_col {
                (row, byte, col) if row == self.row && byte <= at => (row, byte, col),
                _ => (self.row, 0, 0),
            };
            let counted = self.line().and_then(|line| line.get(byte..at));
            let col = counted.map_or(at, |between| col + between.chars().count());
            self.last_col = (row, at, col);
            col
        };
        position(self.row, col)
    }

    /// Counts a node against the budget.
    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= NODE_LIMIT).then_some(())
    }

    /// Enters a collection, counting it and its depth against the budget.
    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        self.count()?;
        (self.depth <= DEPTH_LIMIT).then_some(())
    }

    /// A block sequence or mapping whose first entry starts at byte `indent` of the current line.
    fn block_node(&mut self, indent: usize) -> Option<Node> {
        if is_entry(self.line()?.get(indent..)?) {
            self.block_seq(indent, false)
        } else {
            self.block_map(indent)
        }
    }

    /// The entries of a block mapping at `indent`, the first on the current line.
    fn block_map(&mut self, indent: usize) -> Option<Node> {
        self.enter()?;
        let mut entries = Vec::new();
        loop {
            let (key, after) = self.key(indent)?;
            let value = self.map_value(indent, after)?;
            entries.push((key, value));
            self.skip();
            match self.line().map(indent_of) {
                Some(next) if next == indent => {}
                Some(next) if next > indent => return None,
                _ => break,
            }
        }
        self.depth -= 1;
        let pos = entries.first()?.0.pos;
        Some(Node {
            value: Value::Map(entries),
            pos,
        })
    }

    /// The key of the entry starting at byte `start` of the current line, and the byte just past its `:`.
    fn key(&mut self, start: usize) -> Option<(Node, usize)> {
        let line = self.line()?;
        let colon = start + key_colon(line.get(start..)?)?;
        let text = line.get(start..colon)?.trim_end_matches(' ');
        if text.len() > KEY_LIMIT {
            return None;
        }
        let value = if text.starts_with(['"', '\'']) {
            let (value, len) = scalar::quoted(text)?;
            (len == text.len()).then_some(Value::Str(value))?
        } else {
            scalar::plain(text)?
        };
        self.count()?;
        let key = Node {
            value,
            pos: self.pos(start),
        };
        simple_key(&key).then_some((key, colon + 1))
    }

    /// The value of a mapping entry at `indent` whose `:` ends just before byte `after` of the current line.
    fn map_value(&mut self, indent: usize, after: usize) -> Option<Node> {
        let line = self.line()?;
        let start = skip_spaces(line, after);
        let rest = line.get(start..)?;
        if !(rest.is_empty() || rest.starts_with('#')) {
            return self.inline_value(indent, start);
        }
        let colon = self.pos(after - 1);
        self.row += 1;
        self.skip();
        match self.line() {
            Some(next) if indent_of(next) > indent => self.block_node(indent_of(next)),
            Some(next) if indent_of(next) == indent && is_entry(next.get(indent..)?) => {
                self.block_seq(indent, true)
            }
            _ => {
                self.count()?;
                Some(Node {
                    value: Value::Null,
                    pos: colon,
                })
            }
        }
    }

    /// The items of a block sequence whose first `-` is at byte `indent` of the current line. `indentless` is a
    /// sequence at the indentation of the key it is the value of: it ends at the next line there that is no item.
    fn block_seq(&mut self, indent: usize, indentless: bool) -> Option<Node> {
        self.enter()?;
        let mut items = Vec::new();
        let mut pos = None;
        loop {
            let line = self.line()?;
            let start = skip_spaces(line, indent + 1);
            let empty = line
                .get(start..)
                .is_none_or(|rest| rest.is_empty() || rest.starts_with('#'));
            pos.get_or_insert(self.pos(match (indentless, empty) {
                (false, _) => indent,
                (true, false) => start,
                (true, true) => line.len(),
            }));
            items.push(self.seq_item(indent, start)?);
            self.skip();
            match self.line() {
                Some(next) if indent_of(next) == indent && is_entry(next.get(indent..)?) => {}
                Some(next) if indent_of(next) == indent && indentless => break,
                Some(next) if indent_of(next) >= indent => return None,
                _ => break,
            }
        }
        self.depth -= 1;
        Some(Node {
            value: Value::Seq(items),
            pos: pos?,
        })
    }

    /// The item of a sequence at `indent` whose content starts at byte `start` of the current line.
    fn seq_item(&mut self, indent: usize, start: usize) -> Option<Node> {
        let rest = self.line()?.get(start..)?;
        if rest.is_empty() || rest.starts_with('#') {
            self.row += 1;
            self.skip();
            let next = indent_of(self.line()?);
            return if next > indent {
                self.block_node(next)
            } else {
                None
            };
        }
        if is_entry(rest) {
            self.block_seq(start, false)
        } else if key_colon(rest).is_some() {
            self.block_map(start)
        } else {
            self.inline_value(indent, start)
        }
    }

    /// A value starting at byte `start` of the current line that is not a block collection: a block scalar, or a
    /// scalar or flow collection that ends on this line. `indent` is that of the collection holding it.
    fn inline_value(&mut self, indent: usize, start: usize) -> Option<Node> {
        let line = self.line()?;
        let rest = line.get(start..)?;
        if rest.starts_with(['|', '>']) {
            return self.block_scalar(indent, rest);
        }
        let (node, end) = if rest.starts_with(['[', '{']) {
            self.flow(start)?
        } else if rest.starts_with(['"', '\'']) {
            let (value, len) = scalar::quoted(rest)?;
            let node = Node {
                value: Value::Str(value),
                pos: self.pos(start),
            };
            (node, start + len)
        } else {
            if key_colon(rest).is_some() {
                return None;
            }
            let text = rest.get(..comment_start(rest))?.trim_end_matches(' ');
            let node = Node {
                value: scalar::plain(text)?,
                pos: self.pos(start),
            };
            (node, start + text.len())
        };
        let after = line.get(end..)?;
        let trailing = after.trim_start_matches(' ');
        if !(trailing.is_empty() || trailing.starts_with('#') && trailing.len() < after.len()) {
            return None;
        }
        if !matches!(node.value, Value::Seq(_) | Value::Map(_)) {
            self.count()?;
        }
        self.row += 1;
        Some(node)
    }

    /// A `|` or `>` block scalar whose header is `header`, the rest of the current line; its content is indented
    /// more than `indent`. Keep chomping (`+`), indentation indicators, leading blank lines and, in a folded
    /// scalar, more-indented lines are left to serde-saphyr.
    fn block_scalar(&mut self, indent: usize, header: &str) -> Option<Node> {
        let folded = header.starts_with('>');
        let indicators = header.get(1..)?;
        let strip = indicators.starts_with('-');
        let after = indicators.strip_prefix('-').unwrap_or(indicators);
        let comment = after.trim_start_matches(' ');
        if !(comment.is_empty() || comment.starts_with('#') && comment.len() < after.len()) {
            return None;
        }
        let first = self.row + 1;
        let content = indent_of(self.lines.get(first)?);
        if content <= indent || content == self.lines.get(first)?.len() {
            return None;
        }
        let mut value = String::new();
        let mut blanks = 0;
        let mut row = first;
        let mut end = first;
        while let Some(line) = self.lines.get(row) {
            let spaces = indent_of(line);
            if spaces == line.len() {
                if spaces > content {
                    return None;
                }
                blanks += 1;
            } else if spaces >= content {
                let text = line.get(content..)?;
                if folded && text.starts_with(' ') {
                    return None;
                }
                if row > first {
                    if folded && blanks == 0 {
                        value.push(' ');
                    } else {
                        let breaks = if folded { blanks } else { blanks + 1 };
                        value.extend(std::iter::repeat_n('\n', breaks));
                    }
                }
                value.push_str(text);
                blanks = 0;
                end = row + 1;
            } else {
                break;
            }
            row += 1;
        }
        if !strip {
            value.push('\n');
        }
        self.count()?;
        self.row = end;
        Some(Node {
            value: Value::Str(value),
            pos: position(first, content),
        })
    }
}

/// Whether `key` is one the reader takes: a scalar other than `<<`, which serde-saphyr may take for a merge key.
fn simple_key(key: &Node) -> bool {
    match &key.value {
        Value::Str(text) => text != "<<",
        Value::Seq(_) | Value::Map(_) => false,
        _ => true,
    }
}

/// The 1-based position of character `col` (0-based) of line `row` (0-based).
fn position(row: usize, col: usize) -> Pos {
    let clamp = |n: usize| u32::try_from(n + 1).unwrap_or(u32::MAX);
    Pos {
        line: clamp(row),
        col: clamp(col),
    }
}

/// The number of spaces a line starts with.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The first byte at or after `at` that is not a space.
fn skip_spaces(line: &str, at: usize) -> usize {
    line.get(at..).map_or(at, |rest| at + indent_of(rest))
}

/// Whether `rest` starts a block sequence item: `-` followed by a space or nothing.
fn is_entry(rest: &str) -> bool {
    rest == "-" || rest.starts_with("- ")
}

/// Where a comment starts in a plain scalar's line (a `#` after a space), or its length.
fn comment_start(rest: &str) -> usize {
    rest.find(" #").unwrap_or(rest.len())
}

/// The byte of the `:` that makes `rest` a `key: value` entry, or `None` when it is none: a quoted key followed by
/// `:`, or the first `:` followed by a space or the end of the line before any comment. A flow collection is never
/// taken for a key: one that is (`[a, b]: c`) is left to serde-saphyr by what follows it.
fn key_colon(rest: &str) -> Option<usize> {
    if rest.starts_with(['[', '{']) {
        return None;
    }
    if rest.starts_with(['"', '\'']) {
        let (_, len) = scalar::quoted(rest)?;
        let colon = skip_spaces(rest, len);
        let after = rest.get(colon..)?;
        return (after == ":" || after.starts_with(": ")).then_some(colon);
    }
    let bytes = rest.as_bytes();
    let end = comment_start(rest);
    (0..end)
        .find(|&at| bytes.get(at) == Some(&b':') && matches!(bytes.get(at + 1), None | Some(b' ')))
}
