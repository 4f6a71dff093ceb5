//! The four ways `codegen diff` writes its changes: text for a terminal, Markdown for a pull-request comment, JSON
//! for tools, and GitHub workflow commands that annotate the pull request's files.
//!
//! The JSON output is an array with one object per change, in the order the changes are sorted (provider, breaking
//! first, file, position), each with exactly these members: `rule` (the rule id), `severity` (`breaking`, `warning`, `info`),
//! `direction` (`request`, `response`, `both`, `none`), `formats` (an array of `rust`, `json`, `xml`, `form`,
//! `bson`, `top`), `provider`, `file`, `line`, `column` (from 1) and `message`.

use std::fmt::Write;
use std::str::FromStr;

use serde::Serialize;

use super::{Change, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Markdown,
    Json,
    Github,
}

impl OutputFormat {
    pub const ALL: [(&'static str, OutputFormat); 4] = [
        ("text", OutputFormat::Text),
        ("markdown", OutputFormat::Markdown),
        ("json", OutputFormat::Json),
        ("github", OutputFormat::Github),
    ];
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        OutputFormat::ALL
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, format)| *format)
            .ok_or_else(|| {
                format!("`{text}` is not an output format; expected text, markdown, json or github")
            })
    }
}

/// The changes written in `format`, ending with a newline.
pub fn render(changes: &[Change], format: OutputFormat) -> String {
    match format {
        OutputFormat::Text => text(changes),
        OutputFormat::Markdown => markdown(changes),
        OutputFormat::Json => json(changes),
        OutputFormat::Github => github(changes),
    }
}

fn formats(change: &Change, separator: &str) -> String {
    let names: Vec<&str> = change.formats.iter().map(|f| f.name()).collect();
    names.join(separator)
}

/// "3 changes: 1 breaking, 1 warning, 1 info", or "no changes".
fn summary(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no changes".to_owned();
    }
    let count = |severity| changes.iter().filter(|c| c.severity == severity).count();
    let warnings = count(Severity::Warning);
    format!(
        "{} change{}: {} breaking, {warnings} warning{}, {} info",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
        count(Severity::Breaking),
        if warnings == 1 { "" } else { "s" },
        count(Severity::Info)
    )
}

/// `file:line:col: breaking[field-removed] request rust,json: Type.field removed`, then the summary.
fn text(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let formats = formats(change, ",");
        let formats = if formats.is_empty() {
            "-".to_owned()
        } else {
            formats
        };
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {} {formats}: {}",
            change.file.display(),
            change.pos.line,
            change.pos.col,
            change.severity,
            change.rule.id,
            change.direction,
            change.message
        );
    }
    out.push_str(&summary(changes));
    out.push('\n');
    out
}

/// Text safe in a Markdown table cell: no column breaks, no HTML (`list<string>`).
fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// A pull-request comment: the summary, then one table per provider.
fn markdown(changes: &[Change]) -> String {
    let mut out = String::from("## Schema changes\n\n");
    if changes.is_empty() {
        out.push_str("No semantic changes.\n");
        return out;
    }
    let _ = writeln!(out, "{}\n", summary(changes));
    let mut providers: Vec<&str> = changes.iter().map(|c| c.provider.as_str()).collect();
    providers.dedup();
    for provider in providers {
        let _ = writeln!(out, "### `{provider}`\n");
        out.push_str("| severity | rule | direction | formats | where | change |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for change in changes.iter().filter(|c| c.provider == provider) {
            let severity = match change.severity {
                Severity::Breaking => "**breaking**".to_owned(),
                other => other.to_string(),
            };
            let _ = writeln!(
                out,
                "| {severity} | `{}` | {} | {} | `{}:{}:{}` | {} |",
                change.rule.id,
                change.direction,
                formats(change, ", "),
                cell(&change.file.display().to_string()),
                change.pos.line,
                change.pos.col,
                cell(&change.message)
            );
        }
        out.push('\n');
    }
    out
}

/// One change as the JSON output writes it; the field order is the documented one.
#[derive(Serialize)]
struct JsonChange<'a> {
    rule: &'a str,
    severity: &'a str,
    direction: &'a str,
    formats: Vec<&'a str>,
    provider: &'a str,
    file: String,
    line: u32,
    column: u32,
    message: &'a str,
}

fn json(changes: &[Change]) -> String {
    let rows: Vec<JsonChange<'_>> = changes
        .iter()
        .map(|change| JsonChange {
            rule: change.rule.id,
            severity: change.severity.name(),
            direction: change.direction.name(),
            formats: change.formats.iter().map(|f| f.name()).collect(),
            provider: &change.provider,
            file: change.file.display().to_string(),
            line: change.pos.line,
            column: change.pos.col,
            message: &change.message,
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}

/// GitHub's escaping of a workflow command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `::error file=...,line=...,col=...,title=...::message` per change (`::warning`, `::notice` for the others).
fn github(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let command = match change.severity {
            Severity::Breaking => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let formats = formats(change, ", ");
        let formats = if formats.is_empty() {
            String::new()
        } else {
            format!(" ({formats})")
        };
        let message = format!(
            "{} {}{formats}: {}",
            change.severity, change.direction, change.message
        );
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            escape_property(&change.file.display().to_string()),
            change.pos.line,
            change.pos.col,
            escape_property(change.rule.id),
            escape_data(&message)
        );
    }
    out
}
