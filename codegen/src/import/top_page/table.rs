//! The 请求参数 and 响应参数 tables of a TOP page. A top-level row is one line of cells separated by blanks; the
//! rows below an object parameter are bullet lists, one cell a line, their names marked `└` (not always: some
//! pages draw nested rows without it). Empty cells vanish in both renderings, so a row is found by its shape: a
//! name, a type, and for requests 必须/可选; the header says which columns the remaining cells fill.

use std::sync::LazyLock;

use regex::Regex;

use crate::import::page::Page;

static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:└\s*)*)([A-Za-z_][A-Za-z0-9_]*)$").expect("a valid regex"));
static TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Field List|Byte\[\]|[A-Z][A-Za-z0-9]*(?:\s*\[\])?)$").expect("a valid regex")
});

/// One row of a parameter table.
#[derive(Debug)]
pub struct Row {
    pub at: usize,
    /// A top-level row (one line) rather than a bullet row.
    pub top_level: bool,
    /// How many `└` mark the name.
    pub corners: usize,
    pub name: String,
    pub ty: String,
    pub required: Option<bool>,
    pub example: Option<String>,
    pub default: Option<String>,
    pub limit: Option<String>,
    pub doc: Option<String>,
    /// Cells the columns could not be told for.
    pub unplaced: Vec<String>,
}

impl Row {
    /// A row with its name, type and requirement read; the other columns are filled as they are told.
    fn new(
        at: usize,
        top_level: bool,
        corners: usize,
        name: String,
        ty: String,
        required: Option<bool>,
    ) -> Row {
        Row {
            at,
            top_level,
            corners,
            name,
            ty,
            required,
            example: None,
            default: None,
            limit: None,
            doc: None,
            unplaced: Vec::new(),
        }
    }
}

fn required_word(cell: &str) -> Option<bool> {
    match cell {
        "必须" | "必填" | "是" => Some(true),
        "可选" | "选填" | "否" => Some(false),
        _ => None,
    }
}

/// The bullet a browser copy puts before each cell of a nested row.
fn bullet(line: &str) -> Option<&str> {
    ["•", "·", "●", "◦"]
        .iter()
        .find_map(|b| line.strip_prefix(b))
        .map(str::trim)
}

/// The columns after name, type and (for requests) 是否必须, from the header line.
pub fn columns(header: &str) -> Vec<String> {
    header
        .split_whitespace()
        .filter(|c| !matches!(*c, "名称" | "类型" | "是否必须"))
        .map(str::to_owned)
        .collect()
}

/// The rows of lines `from..to`; `with_required` for the request table.
pub fn rows(
    page: &Page<'_>,
    from: usize,
    to: usize,
    columns: &[String],
    with_required: bool,
) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut bullets: Vec<(usize, String)> = Vec::new();
    for i in from..to.min(page.len()) {
        let line = page.text(i);
        if line.is_empty() {
            continue;
        }
        if let Some(cell) = bullet(line) {
            bullets.push((i, cell.to_owned()));
            continue;
        }
        rows.extend(bullet_rows(
            std::mem::take(&mut bullets),
            columns,
            with_required,
        ));
        if let Some(row) = line_row(i, line, columns, with_required) {
            rows.push(row);
        }
    }
    rows.extend(bullet_rows(bullets, columns, with_required));
    rows
}

/// Whether the cells at `k` start a row.
fn starts_row(cells: &[(usize, String)], k: usize, with_required: bool) -> bool {
    NAME.is_match(&cells[k].1)
        && cells.get(k + 1).is_some_and(|(_, t)| TYPE.is_match(t))
        && (!with_required
            || cells
                .get(k + 2)
                .is_some_and(|(_, r)| required_word(r).is_some()))
}

fn bullet_rows(cells: Vec<(usize, String)>, columns: &[String], with_required: bool) -> Vec<Row> {
    let starts: Vec<usize> = (0..cells.len())
        .filter(|&k| starts_row(&cells, k, with_required))
        .collect();
    let mut rows = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(cells.len());
        let fixed = if with_required { 3 } else { 2 };
        let rest: Vec<String> = cells[start + fixed..end]
            .iter()
            .map(|(_, c)| c.clone())
            .collect();
        let caps = NAME.captures(&cells[start].1);
        let (corners, name) = caps.map_or((0, String::new()), |c| {
            (c[1].matches('└').count(), c[2].to_owned())
        });
        let required = with_required
            .then(|| required_word(&cells[start + 2].1))
            .flatten();
        let mut row = Row::new(
            cells[start].0,
            false,
            corners,
            name,
            cells[start + 1].1.clone(),
            required,
        );
        fill(&mut row, rest, columns);
        rows.push(row);
    }
    rows
}

/// A one-line row: cells separated by blanks; a type may be written `Foo []`.
fn line_row(at: usize, line: &str, columns: &[String], with_required: bool) -> Option<Row> {
    let mut tokens: Vec<String> = Vec::new();
    for token in line.split_whitespace() {
        if token == "[]" && tokens.len() == 2 {
            tokens[1].push_str(" []");
        } else {
            tokens.push(token.to_owned());
        }
    }
    let cells: Vec<(usize, String)> = tokens.iter().map(|t| (at, t.clone())).collect();
    if cells.is_empty() || !starts_row(&cells, 0, with_required) {
        return None;
    }
    let fixed = if with_required { 3 } else { 2 };
    let mut rest: Vec<String> = tokens[fixed..].to_vec();
    if rest.len() > columns.len() && !columns.is_empty() {
        let tail = rest.split_off(columns.len() - 1).join(" ");
        rest.push(tail);
    }
    let required = with_required.then(|| required_word(&tokens[2])).flatten();
    let mut row = Row::new(at, true, 0, tokens[0].clone(), tokens[1].clone(), required);
    fill(&mut row, rest, columns);
    Some(row)
}

/// Puts the remaining cells in their columns: all of them when every column has a cell; else the last is the
/// description and, with two or more, the first the example, and the others are unplaced.
fn fill(row: &mut Row, mut rest: Vec<String>, columns: &[String]) {
    if rest.len() == columns.len() {
        for (column, cell) in columns.iter().zip(rest) {
            match column.as_str() {
                "示例值" => row.example = Some(cell),
                "默认值" => row.default = Some(cell),
                "更多限制" => row.limit = Some(cell),
                _ => row.doc = Some(cell),
            }
        }
        return;
    }
    row.doc = rest.pop();
    if !rest.is_empty() {
        row.example = Some(rest.remove(0));
    }
    row.unplaced = rest;
}
