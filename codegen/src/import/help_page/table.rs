//! A Help Page's member table in any of its three renderings, read as one list of cells: plain blocks (one cell a
//! line), `| Name |` pipe tables and compact `Name | ... |` tables (cells end at `|`, and may span lines). A row is
//! the name, the description and the type, then the "Additional information" annotations, which are recognisable
//! by their fixed wording; that is what splits rows, even when a description is missing.

use crate::import::page::Page;

/// One cell and the page line (0-based) where it starts.
pub struct Cell {
    pub text: String,
    pub at: usize,
}

/// One row of a member table.
pub struct Row {
    pub at: usize,
    pub name: String,
    pub doc: Option<String>,
    /// `None` when the row stops before its type (a cut-off page).
    pub ty: Option<String>,
    pub annotations: Vec<(usize, String)>,
}

/// Whether a line is a table's header: `Name`, `Description`, `Type`, `Additional information`, with or without
/// pipes and spaces. Returns the text before the header on the same line (a pipe table's type name).
pub fn header_prefix(line: &str) -> Option<&str> {
    let squeezed: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '|')
        .collect();
    if !squeezed.ends_with("NameDescriptionTypeAdditionalinformation") {
        return None;
    }
    let prefix = &line[..line.rfind("Name")?];
    Some(prefix.trim().trim_end_matches('|').trim())
}

/// The openings of the Help Page's annotations ("Additional information").
const ANNOTATIONS: [&str; 9] = [
    "None.",
    "Required",
    "Default value is",
    "Max length:",
    "Min length:",
    "String length:",
    "Range:",
    "Data type:",
    "Matching regular expression pattern:",
];

/// A cell's annotations, when it holds only annotations: a compact table puts several in one cell
/// ("Required String length: inclusive between 0 and 100").
pub fn annotations(text: &str) -> Option<Vec<String>> {
    let starts_at = |at: usize| {
        ANNOTATIONS.iter().find(|a| {
            text[at..].starts_with(**a)
                && (!a.ends_with(['.', 'd'])
                    || text[at + a.len()..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace))
        })
    };
    starts_at(0)?;
    let mut cuts = vec![0];
    let mut in_pattern = text.starts_with("Matching regular expression pattern:");
    for (at, _) in text.char_indices().filter(|(at, c)| *at > 0 && *c == ' ') {
        if let Some(found) = starts_at(at + 1)
            && (!in_pattern || found.ends_with(':'))
        {
            cuts.push(at + 1);
            in_pattern = *found == "Matching regular expression pattern:";
        }
    }
    cuts.push(text.len());
    Some(
        cuts.windows(2)
            .map(|w| text[w[0]..w[1]].trim().to_owned())
            .collect(),
    )
}

/// Whether a cell holds annotations only.
pub fn is_annotation(text: &str) -> bool {
    annotations(text).is_some()
}

/// A line with the `|` inside a regular expression annotation hidden, so the pattern stays one cell: it runs to
/// the line's end, or in a pipe table to the `|` that ends the line.
fn protect_pattern(line: &str) -> String {
    let Some(m) = line.find("Matching regular expression pattern:") else {
        return line.to_owned();
    };
    let end = if line.ends_with('|') {
        line.len() - 1
    } else {
        line.len()
    };
    format!(
        "{}{}{}",
        &line[..m],
        line[m..end].replace('|', "\u{1}"),
        &line[end..]
    )
}

/// The cells of lines `from..to`; pipe-separated when any line holds a `|`.
pub fn cells(page: &Page<'_>, from: usize, to: usize) -> Vec<Cell> {
    let piped = (from..to).any(|i| protect_pattern(page.text(i)).contains('|'));
    let mut cells = Vec::new();
    let mut push = |text: &str, at: usize| {
        let text = text.replace('\u{1}', "|");
        let text = text.trim();
        if !text.is_empty() && !text.chars().all(|c| matches!(c, '-' | ':' | ' ')) {
            cells.push(Cell {
                text: text.to_owned(),
                at,
            });
        }
    };
    if !piped {
        for i in from..to {
            push(page.text(i), i);
        }
        return cells;
    }
    let mut current = String::new();
    let mut start = from;
    for i in from..to {
        let line = protect_pattern(page.text(i));
        let mut parts = line.split('|').peekable();
        while let Some(part) = parts.next() {
            if current.trim().is_empty() {
                start = i;
            } else {
                current.push('\n');
            }
            current.push_str(part.trim());
            if parts.peek().is_some() {
                push(&current, start);
                current.clear();
            }
        }
    }
    push(&current, start);
    cells
}

/// Rows from cells: the non-annotation cells before a run of annotations are one row's name, description and type.
pub fn rows(cells: Vec<Cell>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut head: Vec<Cell> = Vec::new();
    let mut annotations: Vec<(usize, String)> = Vec::new();
    for cell in cells {
        if let Some(found) = self::annotations(&cell.text) {
            annotations.extend(found.into_iter().map(|a| (cell.at, a)));
        } else {
            if !annotations.is_empty() {
                rows.extend(row(
                    std::mem::take(&mut head),
                    std::mem::take(&mut annotations),
                ));
            }
            head.push(cell);
        }
    }
    rows.extend(row(head, annotations));
    rows
}

fn row(mut head: Vec<Cell>, annotations: Vec<(usize, String)>) -> Option<Row> {
    if head.is_empty() {
        return None;
    }
    let name = head.remove(0);
    let ty = if head.is_empty() { None } else { head.pop() };
    let doc = (!head.is_empty()).then(|| {
        head.iter()
            .map(|cell| cell.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    });
    Some(Row {
        at: name.at,
        name: name.text,
        doc,
        ty: ty.map(|cell| cell.text),
        annotations,
    })
}
