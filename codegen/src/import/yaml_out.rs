//! The draft as YAML text. Every string that came from the page is written double-quoted with YAML's escapes (or,
//! for samples that allow it, as a literal block), so no page text can become YAML structure.

use std::fmt::Write;

use super::draft::{
    Body, DefaultValue, Draft, EnumValue, Example, Field, Operation, TypeDraft, UriParameter,
};

/// The schema text of a draft: the same draft always gives the same bytes.
pub fn write(draft: &Draft) -> String {
    let mut out = String::new();
    out.push_str("# yaml-language-server: $schema=./schema-language.json\n");
    let _ = writeln!(
        out,
        "# Imported by `codegen import` from {}: review every TODO(import) note.",
        comment_safe(&draft.source)
    );
    out.push_str("version: 1\nprovider:\n");
    let _ = writeln!(out, "  id: {}", quote(&draft.id));
    let _ = writeln!(out, "  title: {}", quote(&draft.title));
    let _ = writeln!(out, "  protocol: {}", draft.protocol.name());
    let _ = writeln!(out, "  formats: [{}]", draft.formats.join(", "));
    let _ = writeln!(out, "  source: {}", quote(&draft.source));
    notes(&mut out, "  ", &draft.notes);
    if !draft.operations.is_empty() {
        out.push_str("\noperations:\n");
        for op in &draft.operations {
            operation(&mut out, op);
        }
    }
    // Operations whose bodies are all scalars declare no type, and `types` is still required.
    out.push_str(if draft.types.is_empty() {
        "\ntypes: {}\n"
    } else {
        "\ntypes:\n"
    });
    for (i, ty) in draft.types.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        type_draft(&mut out, ty);
    }
    if !draft.examples.is_empty() {
        out.push_str("\nexamples:\n");
        for example in &draft.examples {
            example_entry(&mut out, example);
        }
    }
    out
}

fn operation(out: &mut String, op: &Operation) {
    let _ = writeln!(out, "  {}:", quote(&op.name));
    if let Some(doc) = &op.doc {
        let _ = writeln!(out, "    doc: {}", quote(doc));
    }
    if let Some(http) = &op.http {
        let (method, path) = (quote(&http.method), quote(&http.path));
        if http.parameters.is_empty() {
            let _ = writeln!(out, "    http: {{ method: {method}, path: {path} }}");
        } else {
            let _ = write!(
                out,
                "    http:\n      method: {method}\n      path: {path}\n      parameters:\n"
            );
            for parameter in &http.parameters {
                uri_parameter(out, parameter);
            }
        }
    }
    if let Some(method) = &op.top {
        let session = if op.session {
            ", session: required"
        } else {
            ""
        };
        let _ = writeln!(out, "    top: {{ method: {}{session} }}", quote(method));
    }
    let _ = writeln!(out, "    request: {}", quote(&op.request));
    let _ = writeln!(out, "    response: {}", quote(&op.response));
    notes(out, "    ", &op.notes);
}

fn uri_parameter(out: &mut String, parameter: &UriParameter) {
    let _ = writeln!(out, "        - name: {}", quote(&parameter.name));
    let _ = writeln!(out, "          in: {}", parameter.place);
    let _ = writeln!(out, "          type: {}", quote(&parameter.ty));
    if parameter.required {
        out.push_str("          required: true\n");
    }
    if let Some(doc) = &parameter.doc {
        let _ = writeln!(out, "          doc: {}", quote(doc));
    }
    notes(out, "          ", &parameter.notes);
}

fn type_draft(out: &mut String, ty: &TypeDraft) {
    let _ = writeln!(out, "  {}:", quote(&ty.name));
    if let Some(full_name) = &ty.full_name {
        let _ = writeln!(out, "    full_name: {}", quote(full_name));
    }
    if let Some(doc) = &ty.doc {
        let _ = writeln!(out, "    doc: {}", quote(doc));
    }
    match (&ty.xml_name, &ty.xml_namespace) {
        (None, None) => {}
        (name, namespace) => {
            let parts: Vec<String> = [("name", name), ("namespace", namespace)]
                .into_iter()
                .filter_map(|(key, value)| value.as_ref().map(|v| format!("{key}: {}", quote(v))))
                .collect();
            let _ = writeln!(out, "    xml: {{ {} }}", parts.join(", "));
        }
    }
    notes(out, "    ", &ty.notes);
    match &ty.body {
        Body::Struct {
            base,
            is_abstract,
            fields,
        } => {
            if *is_abstract {
                out.push_str("    abstract: true\n");
            }
            if let Some(base) = base {
                let _ = writeln!(out, "    base: {}", quote(base));
            }
            out.push_str(if fields.is_empty() {
                "    fields: []\n"
            } else {
                "    fields:\n"
            });
            for field in fields {
                field_entry(out, field);
            }
        }
        Body::Enum { repr, values } => {
            let _ = writeln!(out, "    repr: {repr}");
            out.push_str("    open: true\n    values:\n");
            for value in values {
                enum_value(out, value, repr);
            }
        }
    }
}

fn field_entry(out: &mut String, field: &Field) {
    let _ = writeln!(out, "      - name: {}", quote(&field.name));
    let _ = writeln!(out, "        type: {}", quote(&field.ty));
    if field.required {
        out.push_str("        required: true\n");
    }
    if let Some(n) = field.min_len {
        let _ = writeln!(out, "        min_len: {n}");
    }
    if let Some(n) = field.max_len {
        let _ = writeln!(out, "        max_len: {n}");
    }
    if let Some(n) = &field.min {
        let _ = writeln!(out, "        min: {n}");
    }
    if let Some(n) = &field.max {
        let _ = writeln!(out, "        max: {n}");
    }
    if let Some(pattern) = &field.pattern {
        let _ = writeln!(out, "        pattern: {}", quote(pattern));
    }
    if let Some(format) = field.format {
        let _ = writeln!(out, "        format: {format}");
    }
    if field.sm4 {
        out.push_str("        encryption: sm4\n");
    }
    match &field.default {
        Some(DefaultValue::Number(number)) => {
            let _ = writeln!(out, "        default: {number}");
        }
        Some(DefaultValue::Bool(flag)) => {
            let _ = writeln!(out, "        default: {flag}");
        }
        Some(DefaultValue::Text(text)) => {
            let _ = writeln!(out, "        default: {}", quote(text));
        }
        None => {}
    }
    if let Some(doc) = &field.doc {
        let _ = writeln!(out, "        doc: {}", quote(doc));
    }
    notes(out, "        ", &field.notes);
}

fn enum_value(out: &mut String, value: &EnumValue, repr: &str) {
    let wire = if repr == "string" {
        quote(&value.value)
    } else {
        value.value.clone()
    };
    let _ = write!(
        out,
        "      - {{ value: {wire}, name: {}",
        quote(&value.name)
    );
    if let Some(doc) = &value.doc {
        let _ = write!(out, ", doc: {}", quote(doc));
    }
    out.push_str(" }\n");
}

fn example_entry(out: &mut String, example: &Example) {
    let _ = writeln!(out, "  - type: {}", quote(&example.ty));
    let _ = writeln!(out, "    source: {}", quote(&example.source));
    if !example.breaks.is_empty() {
        let _ = writeln!(
            out,
            "    note: {}",
            quote(
                "The page's own sample breaks limits the page states (a Help Page makes its samples without them)."
            )
        );
        let _ = writeln!(out, "    breaks: [{}]", example.breaks.join(", "));
    }
    match literal_block(&example.text, "      ") {
        Some(block) => {
            let _ = write!(out, "    {}: |\n{block}", example.format);
        }
        None => {
            let _ = writeln!(out, "    {}: {}", example.format, quote(&example.text));
        }
    }
}

/// Notes joined into one `note:`, as the language has one per mapping.
fn notes(out: &mut String, indent: &str, notes: &[String]) {
    if !notes.is_empty() {
        let _ = writeln!(out, "{indent}note: {}", quote(&notes.join("\n")));
    }
}

/// A literal block that reads back as exactly `text` (which ends with one line break), or `None` when the text
/// needs escapes: a character YAML cannot carry raw, a first line starting with blanks (it would set the
/// indentation), or a line of blanks only (read as an empty line).
fn literal_block(text: &str, indent: &str) -> Option<String> {
    let body = text.strip_suffix('\n')?;
    if body.is_empty()
        || body.ends_with('\n')
        || body.starts_with([' ', '\t'])
        || body.chars().any(|c| c != '\n' && needs_escape(c))
    {
        return None;
    }
    let mut block = String::with_capacity(text.len() + text.lines().count() * indent.len());
    for line in body.split('\n') {
        if !line.is_empty() && line.trim().is_empty() {
            return None;
        }
        if !line.is_empty() {
            block.push_str(indent);
        }
        block.push_str(line);
        block.push('\n');
    }
    Some(block)
}

/// Characters a double-quoted scalar writes as an escape: YAML's non-printable set, its line breaks, and the
/// byte-order mark; the tab too, so a quoted scalar is always one line.
fn needs_escape(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// A double-quoted YAML scalar holding exactly `text`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a comment line: one line, without characters YAML cannot carry.
fn comment_safe(text: &str) -> String {
    text.chars()
        .map(|c| if needs_escape(c) { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_structure_and_controls() {
        assert_eq!(quote("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(quote("\u{2028}\u{7}"), r#""\u2028\u0007""#);
        assert_eq!(quote("key: [x]"), "\"key: [x]\"");
    }

    #[test]
    fn literal_blocks_only_when_exact() {
        assert_eq!(
            literal_block("{\n  \"a\": 1\n}\n", "  ").as_deref(),
            Some("  {\n    \"a\": 1\n  }\n")
        );
        assert_eq!(literal_block(" x\n", "  "), None);
        assert_eq!(literal_block("x\n  \ny\n", "  "), None);
        assert_eq!(literal_block("x\u{85}\n", "  "), None);
    }
}
