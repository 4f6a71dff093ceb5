//! The merge's edits made on the curated schema's text, in place. The YAML reader says where each node starts;
//! this module finds where an entry's lines end (the next line indented no deeper) and where a one-line value
//! ends, and splices the page's text in there, so every line the page did not change keeps its bytes, comments
//! and layout included.

use crate::diagnostic::Pos;
use crate::load::yaml::{Node, Value};

use super::super::yaml_out::quote;
use super::merge::{Edit, Entry};
use super::one_line::one_line;

/// A text as lines: byte offsets of line starts, and the columns the reader counts in characters.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .filter(|&at| at < text.len())
            .collect();
        Lines { text, starts }
    }

    /// Line `i` (0-based) without its line end.
    fn line(&self, i: usize) -> &'a str {
        let start = self.starts.get(i).copied().unwrap_or(self.text.len());
        let rest = &self.text[start..];
        rest.split('\n').next().unwrap_or("")
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    /// Where line `i` starts; the text's end past its last line.
    fn start(&self, i: usize) -> usize {
        self.starts.get(i).copied().unwrap_or(self.text.len())
    }

    /// Where the line after `i` starts.
    fn after(&self, i: usize) -> usize {
        self.start(i + 1)
    }

    /// The 0-based line and byte column of a reader position.
    fn at(&self, pos: Pos) -> (usize, usize) {
        let line = (pos.line as usize).saturating_sub(1);
        let text = self.line(line);
        let col = text
            .char_indices()
            .nth((pos.col as usize).saturating_sub(1))
            .map_or(text.len(), |(at, _)| at);
        (line, col)
    }

    fn offset(&self, pos: Pos) -> usize {
        let (line, col) = self.at(pos);
        self.start(line) + col
    }

    /// The last line of the entry or item that starts on `line` at byte column `col`: the lines after it indented
    /// deeper belong to it, blank lines at its end do not.
    fn last_line(&self, line: usize, col: usize) -> usize {
        let mut last = line;
        for i in line + 1..self.count() {
            let text = self.line(i);
            if text.trim().is_empty() {
                continue;
            }
            if indent(text) <= col {
                break;
            }
            last = i;
        }
        last
    }

    fn blank(&self, i: usize) -> bool {
        i < self.count() && self.line(i).trim().is_empty()
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where a value written on one line ends: a quoted scalar at its closing quote, a flow collection at its closing
/// bracket, a plain scalar before a comment, the line's end or (in a flow collection) the next `,` `]` `}`.
fn value_end(text: &str, start: usize, flow: bool) -> usize {
    let rest = &text[start..];
    let mut chars = rest.char_indices().peekable();
    match rest.chars().next() {
        Some('"') => {
            chars.next();
            while let Some((at, c)) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => return start + at + 1,
                    _ => {}
                }
            }
            text.len()
        }
        Some('\'') => {
            chars.next();
            while let Some((at, c)) = chars.next() {
                if c == '\'' {
                    if chars.peek().is_some_and(|(_, next)| *next == '\'') {
                        chars.next();
                    } else {
                        return start + at + 1;
                    }
                }
            }
            text.len()
        }
        Some('{' | '[') => {
            let mut depth = 0usize;
            let mut quote: Option<char> = None;
            while let Some((at, c)) = chars.next() {
                match (quote, c) {
                    (Some('"'), '\\') => {
                        chars.next();
                    }
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => quote = Some(c),
                    (None, '{' | '[') => depth += 1,
                    (None, '}' | ']') => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return start + at + 1;
                        }
                    }
                    _ => {}
                }
            }
            text.len()
        }
        _ => {
            let mut end = rest.len();
            let mut prev = ' ';
            for (at, c) in rest.char_indices() {
                if c == '\n' || (c == '#' && prev == ' ') || (flow && matches!(c, ',' | ']' | '}'))
                {
                    end = at;
                    break;
                }
                prev = c;
            }
            start + rest[..end].trim_end().len()
        }
    }
}

/// A mapping of one-line values as `key: value` lines in the file's plain style; `None` when a value needs more
/// than a line (a sample, a nested list), whose text is copied from the page's schema instead.
fn plain_block(map: &Node) -> Option<Vec<String>> {
    let Value::Map(entries) = &map.value else {
        return None;
    };
    entries
        .iter()
        .map(|(k, v)| match &v.value {
            Value::Str(s) if s.contains('\n') => None,
            Value::Seq(_) | Value::Map(_) => None,
            _ => Some(format!("{}: {}", one_line(k)?, one_line(v)?)),
        })
        .collect()
}

/// One replacement of `start..end` by `text`; `order` keeps inserts at one place in the merge's order.
struct Splice {
    start: usize,
    end: usize,
    text: String,
    order: usize,
}

/// The curated text with the edits made; an edit the text's layout does not allow is an error, and nothing is
/// changed.
pub fn apply(curated: &str, page: &str, edits: &[Edit<'_>]) -> Result<String, String> {
    let cur = Lines::new(curated);
    let page = Lines::new(page);
    let mut splices = Vec::new();
    for (order, edit) in edits.iter().enumerate() {
        let (start, end, text) = splice(&cur, &page, edit)?;
        splices.push(Splice {
            start,
            end,
            text,
            order,
        });
    }
    splices.sort_by(|a, b| {
        b.start
            .cmp(&a.start)
            .then((b.end > b.start).cmp(&(a.end > a.start)))
            .then(b.order.cmp(&a.order))
    });
    let mut out = curated.to_owned();
    let mut limit = curated.len();
    for splice in &splices {
        if splice.end > limit {
            return Err("two of the page's changes touch the same lines".to_owned());
        }
        out.replace_range(splice.start..splice.end, &splice.text);
        limit = splice.start;
    }
    Ok(out)
}

fn entries(map: &Node) -> &[(Node, Node)] {
    match &map.value {
        Value::Map(entries) => entries,
        _ => &[],
    }
}

fn find<'n>(map: &'n Node, key: &str) -> Option<(usize, &'n (Node, Node))> {
    entries(map)
        .iter()
        .enumerate()
        .find(|(_, (k, _))| matches!(&k.value, Value::Str(s) if s == key))
}

fn is_flow(lines: &Lines<'_>, node: &Node) -> bool {
    lines.text[lines.offset(node.pos)..].starts_with(['{', '['])
}

/// Whether a block mapping keeps a blank line between its entries, as the curated `types:` does.
fn spaced(lines: &Lines<'_>, map: &Node) -> bool {
    entries(map)
        .get(1)
        .is_some_and(|(k, _)| lines.blank(lines.at(k.pos).0.wrapping_sub(1)))
}

/// The page's entry as text at byte column `col`: its first line from the key on, the lines after it shifted to
/// keep their depth relative to the key.
fn page_entry(page: &Lines<'_>, key: &Node, col: usize) -> String {
    let (line, from) = page.at(key.pos);
    let last = page.last_line(line, from);
    let mut text = page.line(line)[from..].to_owned();
    for i in line + 1..=last {
        text.push('\n');
        let l = page.line(i);
        if l.len() > from {
            text.push_str(&" ".repeat(col));
            text.push_str(&l[from..]);
        }
    }
    text
}

/// The column of the `-` before a sequence item, which must open its line.
fn dash(lines: &Lines<'_>, item: &Node) -> Result<(usize, usize), String> {
    let (line, col) = lines.at(item.pos);
    let text = lines.line(line);
    let before = text[..col].trim_end();
    match before.strip_suffix('-') {
        Some(lead) if lead.trim().is_empty() => Ok((line, lead.len())),
        _ => Err(format!(
            "line {}: the item does not open its line with `-`",
            line + 1
        )),
    }
}

/// An entry's text and where it goes, the byte range it replaces (empty for an insert).
fn splice(
    cur: &Lines<'_>,
    page: &Lines<'_>,
    edit: &Edit<'_>,
) -> Result<(usize, usize, String), String> {
    match edit {
        Edit::Set {
            map,
            key,
            after,
            page: entry,
        } => set(cur, page, map, key, *after, entry),
        Edit::Remove { map, key } => remove(cur, map, key),
        Edit::AddItem {
            seq,
            after,
            page: item,
        } => {
            let items = match &seq.value {
                Value::Seq(items) if !is_flow(cur, seq) && !items.is_empty() => items,
                _ => return Err("the schema's list is empty or written on one line".to_owned()),
            };
            let (col, at) = match after {
                Some(prev) => {
                    let (line, col) = dash(cur, prev)?;
                    (col, cur.after(cur.last_line(line, col)))
                }
                None => {
                    let (line, col) = dash(cur, &items[0])?;
                    (col, cur.start(line))
                }
            };
            let mut text = String::new();
            if at == cur.text.len() && !cur.text.ends_with('\n') {
                text.push('\n');
            }
            if is_flow(page, item) {
                let line = one_line(item).ok_or("a nested one-line item")?;
                text.push_str(&format!("{}- {line}\n", " ".repeat(col)));
                return Ok((at, at, text));
            }
            if let Some(lines) = plain_block(item) {
                for (k, line) in lines.iter().enumerate() {
                    let lead = if k == 0 { "- " } else { "  " };
                    text.push_str(&format!("{}{lead}{line}\n", " ".repeat(col)));
                }
                return Ok((at, at, text));
            }
            let (page_line, page_col) = dash(page, item)?;
            let last = page.last_line(page_line, page_col);
            for i in page_line..=last {
                let l = page.line(i);
                if l.len() > page_col {
                    text.push_str(&" ".repeat(col));
                    text.push_str(&l[page_col..]);
                }
                text.push('\n');
            }
            Ok((at, at, text))
        }
        Edit::RemoveItem { item } => {
            let (line, col) = dash(cur, item)?;
            let last = cur.last_line(line, col);
            Ok((cur.start(line), cur.after(last), String::new()))
        }
        Edit::Note { map, lines } => note(cur, map, lines),
    }
}

fn set(
    cur: &Lines<'_>,
    page: &Lines<'_>,
    map: &Node,
    key: &str,
    after: Option<&str>,
    entry: &Entry<'_>,
) -> Result<(usize, usize, String), String> {
    let flow = is_flow(cur, map);
    let line_value = one_line(entry.value)
        .filter(|_| !matches!(&entry.value.value, Value::Str(s) if s.contains('\n') && !flow));
    match find(map, key) {
        Some((_, (k, v))) => {
            let one_line_now = !matches!(v.value, Value::Null)
                && cur.at(v.pos).0 == cur.at(k.pos).0
                && !cur.text[cur.offset(v.pos)..].starts_with(['|', '>']);
            match line_value {
                Some(text) if flow || one_line_now => {
                    let start = cur.offset(v.pos);
                    Ok((start, value_end(cur.text, start, flow), text))
                }
                _ if flow => Err(format!(
                    "`{key}` is in a one-line mapping and its new value is not"
                )),
                _ => {
                    let (line, col) = cur.at(k.pos);
                    let last = cur.last_line(line, col);
                    let end = cur.start(last) + cur.line(last).len();
                    let text = page_entry(page, entry.key, col);
                    Ok((cur.offset(k.pos), end, text))
                }
            }
        }
        None if flow => {
            let text = line_value.ok_or_else(|| {
                format!("`{key}` would go into a one-line mapping and its value is not")
            })?;
            match after.and_then(|a| find(map, a)) {
                Some((_, (_, v))) => {
                    let at = value_end(cur.text, cur.offset(v.pos), true);
                    Ok((at, at, format!(", {key}: {text}")))
                }
                None => {
                    let open = cur.offset(map.pos) + 1;
                    let at = open + (cur.text[open..].len() - cur.text[open..].trim_start().len());
                    Ok((at, at, format!("{key}: {text}, ")))
                }
            }
        }
        None => {
            let first = entries(map)
                .first()
                .ok_or("the schema's mapping is empty")?;
            let (first_line, col) = cur.at(first.0.pos);
            let body = match &line_value {
                Some(text) => format!("{key}: {text}"),
                None => page_entry(page, entry.key, col),
            };
            let block = format!("{}{body}\n", " ".repeat(col));
            match after.and_then(|a| find(map, a)) {
                Some((_, (k, _))) => {
                    let (line, col) = cur.at(k.pos);
                    let at = cur.after(cur.last_line(line, col));
                    let lead = if at == cur.text.len() && !cur.text.ends_with('\n') {
                        "\n"
                    } else {
                        ""
                    };
                    let gap = if spaced(cur, map) { "\n" } else { "" };
                    Ok((at, at, format!("{lead}{gap}{block}")))
                }
                None if indent(cur.line(first_line)) == col => {
                    let at = cur.start(first_line);
                    let gap = if spaced(cur, map) { "\n" } else { "" };
                    Ok((at, at, format!("{block}{gap}")))
                }
                None => Err(format!(
                    "line {}: `{key}` would go before a key that does not open its line",
                    first_line + 1
                )),
            }
        }
    }
}

fn remove(cur: &Lines<'_>, map: &Node, key: &str) -> Result<(usize, usize, String), String> {
    let (index, (k, v)) = find(map, key).ok_or_else(|| format!("no `{key}` to remove"))?;
    if is_flow(cur, map) {
        let all = entries(map);
        let start = match index.checked_sub(1).and_then(|i| all.get(i)) {
            Some((_, prev)) => value_end(cur.text, cur.offset(prev.pos), true),
            None => cur.offset(k.pos),
        };
        let end = match (index, all.get(index + 1)) {
            (0, Some((next, _))) => cur.offset(next.pos),
            (0, None) => return Err(format!("`{key}` is the only entry of a one-line mapping")),
            _ => value_end(cur.text, cur.offset(v.pos), true),
        };
        return Ok((start, end, String::new()));
    }
    let (line, col) = cur.at(k.pos);
    if indent(cur.line(line)) != col {
        return Err(format!("line {}: `{key}` does not open its line", line + 1));
    }
    let last = cur.last_line(line, col);
    let mut start = cur.start(line);
    let mut end = cur.after(last);
    if spaced(cur, map) {
        if index > 0 && cur.blank(line.wrapping_sub(1)) {
            start = cur.start(line - 1);
        } else if index == 0 && cur.blank(last + 1) {
            end = cur.after(last + 1);
        }
    }
    Ok((start, end, String::new()))
}

/// The notes for a curated mapping: added to its `note:`, or a `note:` after its last entry.
fn note(cur: &Lines<'_>, map: &Node, lines: &[String]) -> Result<(usize, usize, String), String> {
    let flow = is_flow(cur, map);
    match find(map, "note") {
        Some((_, (k, v))) => {
            let old = match &v.value {
                Value::Str(s) => s.trim_end().to_owned(),
                _ => return Err("its `note:` is not text".to_owned()),
            };
            let text = quote(&format!("{old}\n{}", lines.join("\n")));
            if flow {
                let start = cur.offset(v.pos);
                return Ok((start, value_end(cur.text, start, true), text));
            }
            let (line, col) = cur.at(k.pos);
            let last = cur.last_line(line, col);
            let end = cur.start(last) + cur.line(last).len();
            Ok((cur.offset(k.pos), end, format!("note: {text}")))
        }
        None => {
            let text = quote(&lines.join("\n"));
            let (k, v) = entries(map).last().ok_or("the schema's mapping is empty")?;
            if flow {
                let at = value_end(cur.text, cur.offset(v.pos), true);
                return Ok((at, at, format!(", note: {text}")));
            }
            let (first_line, col) = cur.at(entries(map)[0].0.pos);
            let col = if indent(cur.line(first_line)) == col || entries(map).len() < 2 {
                col
            } else {
                cur.at(entries(map)[1].0.pos).1
            };
            let (line, kcol) = cur.at(k.pos);
            let at = cur.after(cur.last_line(line, kcol));
            let lead = if at == cur.text.len() && !cur.text.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            Ok((at, at, format!("{lead}{}note: {text}\n", " ".repeat(col))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_end_where_yaml_ends_them() {
        let text = r#"a: "x\"y" # c"#;
        assert_eq!(&text[3..value_end(text, 3, false)], r#""x\"y""#);
        let text = "{ a: 1, b: [x, \"]\"], c: plain words }";
        let at = text.find('[').unwrap();
        assert_eq!(&text[at..value_end(text, at, true)], "[x, \"]\"]");
        let at = text.find("plain").unwrap();
        assert_eq!(&text[at..value_end(text, at, true)], "plain words");
        let text = "s: a, b # note";
        assert_eq!(&text[3..value_end(text, 3, false)], "a, b");
        let text = "s: 'it''s'";
        assert_eq!(&text[3..value_end(text, 3, false)], "'it''s'");
    }

    #[test]
    fn entries_end_at_the_next_line_no_deeper() {
        let lines = Lines::new("a:\n  b: 1\n\n  c: |\n    x\n\n    y\n\nd: 2\n");
        assert_eq!(lines.last_line(0, 0), 6);
        assert_eq!(lines.last_line(3, 2), 6);
        assert_eq!(lines.last_line(1, 2), 1);
    }
}
