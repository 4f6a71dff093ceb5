//! Text into Markdown that renders as written: table cells that a `|` or a line break cannot split, code spans and
//! fenced blocks that backticks in the text cannot close, and the heading anchors GitHub derives.

use std::collections::BTreeMap;

/// Prose in a table cell: a `|` would end the cell and a line break the row, and `<` could open an HTML tag.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.trim().lines().enumerate() {
        if index > 0 {
            out.push_str("<br>");
        }
        for c in line.trim_end().chars() {
            match c {
                '|' => out.push_str("\\|"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                _ => out.push(c),
            }
        }
    }
    out
}

/// An inline code span around `text`, fenced with more backticks than any run inside it.
pub fn code(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let ticks = "`".repeat(longest_run(&text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// An inline code span in a table cell: GitHub splits cells at a `|` even inside code, unless it is escaped.
pub fn cell_code(text: &str) -> String {
    code(text).replace('|', "\\|")
}

/// A fenced code block holding `text` verbatim, fenced with more backticks than any run inside it.
pub fn fence(text: &str, language: &str) -> String {
    let fence = "`".repeat((longest_run(text, '`') + 1).max(3));
    let body = text.strip_suffix('\n').unwrap_or(text);
    format!("{fence}{language}\n{body}\n{fence}")
}

/// Every line of `text` quoted, so a note of several lines stays one block quote.
pub fn quote(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| match line.trim_end() {
            "" => ">".to_owned(),
            line => format!("> {line}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn longest_run(text: &str, of: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// The anchors of a page's headings, as GitHub derives them: lower case, punctuation dropped, spaces as hyphens,
/// and `-1`, `-2` after a repeated one.
#[derive(Default)]
pub struct Anchors {
    used: BTreeMap<String, usize>,
}

impl Anchors {
    /// The anchor of the next heading whose text is `heading`.
    pub fn reserve(&mut self, heading: &str) -> String {
        let slug: String = heading
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let count = self.used.entry(slug.clone()).or_insert(0);
        let anchor = match *count {
            0 => slug,
            n => format!("{slug}-{n}"),
        };
        *count += 1;
        anchor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_pipes_and_line_breaks_inside() {
        assert_eq!(cell("a | b\nc <d>"), "a \\| b<br>c &lt;d&gt;");
        assert_eq!(cell_code("^(a|b)$"), "`^(a\\|b)$`");
    }

    #[test]
    fn code_outlasts_the_backticks_inside() {
        assert_eq!(code("plain"), "`plain`");
        assert_eq!(code("a `b` c"), "``a `b` c``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(fence("```\nx\n", "text"), "````text\n```\nx\n````");
    }

    #[test]
    fn anchors_follow_github() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.reserve("Types"), "types");
        assert_eq!(
            anchors.reserve("TicketRefundRequest"),
            "ticketrefundrequest"
        );
        assert_eq!(anchors.reserve("types"), "types-1");
        assert_eq!(
            anchors.reserve("淘宝汽车票API (taobao.bus, 退票)"),
            "淘宝汽车票api-taobaobus-退票"
        );
    }
}
