//! Doc comments for generated items: the document's own words first, then what the schema adds.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::facts::facts;
use crate::model::{Field, Outcome, Rule};

/// `#[doc]` attributes for paragraphs, skipping empty ones and separating the rest with a blank line.
pub fn doc_attrs<I, S>(paragraphs: I) -> TokenStream
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let lines = doc_lines(paragraphs);
    quote! { #(#[doc = #lines])* }
}

/// The same as `doc_attrs`, as inner attributes (`//!`) documenting the enclosing module.
pub fn inner_doc_attrs<I, S>(paragraphs: I) -> TokenStream
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let lines = doc_lines(paragraphs);
    quote! { #(#![doc = #lines])* }
}

fn doc_lines<I, S>(paragraphs: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut lines: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        let paragraph = paragraph.as_ref().trim();
        if paragraph.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(paragraph.lines().map(|line| match inert(line).trim_end() {
            "" => String::new(),
            text => format!(" {text}"),
        }));
    }
    lines
}

/// A line of a document's or a schema's text as doc text that stays text. Rustdoc would compile and run an
/// indented block or a fenced block as a doctest, so a line loses its indentation and a fence gets a backslash
/// before it; a bare carriage return (which ends a `///` comment) and the bidirectional controls rustc refuses in a
/// comment are written as their escapes (`\u{202e}`).
fn inert(line: &str) -> String {
    let line = line.trim_start();
    let mut text = String::with_capacity(line.len());
    if line.starts_with("```") || line.starts_with("~~~") {
        text.push('\\');
    }
    for c in line.chars() {
        match c {
            '\r' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
                text.push_str(&c.escape_unicode().to_string())
            }
            c => text.push(c),
        }
    }
    text
}

/// A note from the schema, marked as ours so a reader can tell it from the document's text.
pub fn note(note: Option<&str>) -> Option<String> {
    note.map(|text| format!("Note: {text}"))
}

/// The facts of a field beyond its type, one sentence each, as the Markdown reference words them too.
pub fn field_facts(field: &Field) -> String {
    let code = |text: &str| format!("`{text}`");
    facts(field)
        .iter()
        .map(|fact| fact.sentence(&code))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One paragraph per cross-field rule, with the code and message the provider reports it by.
pub fn rule_paragraphs(rules: &[Rule]) -> Vec<String> {
    rules
        .iter()
        .map(|rule| {
            let mut text = format!(
                "Rule `{}`: `{}` is required when `{}` is {} ({}).",
                rule.code,
                rule.require.bare(),
                rule.when.bare(),
                rule.equals,
                rule.message
            );
            if let Some(note) = note(rule.note.as_deref()) {
                text.push(' ');
                text.push_str(&note);
            }
            text
        })
        .collect()
}

/// How the operation's response tells success from the provider's failure, then the schema's note on the reading.
pub fn outcome_paragraphs(outcome: &Outcome) -> Vec<String> {
    let success = &outcome.success;
    let carried = match (&outcome.code, &outcome.message) {
        (Some(code), Some(message)) => {
            format!(" with the code in `{code}` and the message in `{message}`")
        }
        (Some(code), None) => format!(" with the code in `{code}`"),
        (None, Some(message)) => format!(" with the message in `{message}`"),
        (None, None) => String::new(),
    };
    let otherwise = success.failure();
    let reading = format!(
        "Succeeds when `{}` is {success}; {otherwise} is a \
         [`CallError::Provider`](codegen_runtime::client::CallError::Provider){carried}.",
        outcome.field
    );
    let note = outcome
        .note
        .as_ref()
        .map(|text| format!("Note on the outcome: {text}"));
    std::iter::once(reading).chain(note).collect()
}
