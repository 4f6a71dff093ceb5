//! ASP.NET Web API Help Pages: the operation line (`POST api/...`), its description, URI and body parameters, the
//! response's resource description, and the samples under "Request Formats" and "Response Formats".

mod infer;
mod samples;
mod table;
mod types;

use std::sync::LazyLock;

use regex::Regex;

use super::draft::{
    Draft, Example, Field, FieldNames, Http, Operation, Protocol, Recorder, TypeDraft,
    UriParameter, camel, is_wire_name, snake,
};
use super::page::Page;
use crate::load::schema::NO_BODY;
use crate::names::{self, Case};
use table::Row;

static METHOD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\S+)$").expect("a valid regex")
});

const REQUEST: &str = "Request Information";
const URI: &str = "URI Parameters";
const BODY: &str = "Body Parameters";
const REQUEST_FORMATS: &str = "Request Formats";
const RESPONSE: &str = "Response Information";
const RESOURCE: &str = "Resource Description";
const RESPONSE_FORMATS: &str = "Response Formats";
/// What a Help Page names as a body that it does not describe.
/// The return types whose body the Help Page cannot describe ("Sample not available.").
const UNDESCRIBED_BODIES: [&str; 4] = ["IHttpActionResult", "HttpResponseMessage", "Task", "void"];
const HEADINGS: [&str; 7] = [
    REQUEST,
    URI,
    BODY,
    REQUEST_FORMATS,
    RESPONSE,
    RESOURCE,
    RESPONSE_FORMATS,
];

/// Where each heading is, and what lies between them.
struct Sections<'p, 'a> {
    page: &'p Page<'a>,
    at: Vec<(&'static str, usize)>,
}

impl Sections<'_, '_> {
    fn find(&self, heading: &str) -> Option<usize> {
        self.at.iter().find(|(h, _)| *h == heading).map(|(_, i)| *i)
    }

    /// The lines after `heading` up to the next heading.
    fn range(&self, heading: &str) -> Option<(usize, usize)> {
        let start = self.find(heading)?;
        let end = self
            .at
            .iter()
            .map(|(_, i)| *i)
            .filter(|&i| i > start)
            .min()
            .unwrap_or(self.page.len());
        Some((start + 1, end))
    }
}

/// Whether the page is a Help Page: an operation line followed by the Help Page's request or response headings.
pub fn recognise(page: &Page<'_>) -> bool {
    let Some(method) = page.find(0, page.len(), |t| METHOD_LINE.is_match(t)) else {
        return false;
    };
    page.find(method, page.len(), |t| {
        t == REQUEST || t == BODY || t == RESPONSE
    })
    .is_some()
}

/// A body or resource as the page describes it.
struct Resource {
    at: usize,
    doc: Option<String>,
    /// The type word and its line.
    name: Option<(String, usize)>,
    rows: Option<Vec<Row>>,
}

/// The draft of one Help Page; `recognise` said it is one.
pub fn read(page: &Page<'_>, rec: &mut Recorder) -> Draft {
    let first_heading = page
        .find(0, page.len(), |t| HEADINGS.contains(&t))
        .unwrap_or(page.len());
    let method_at = (0..first_heading)
        .rev()
        .find(|&i| METHOD_LINE.is_match(page.text(i)))
        .unwrap_or(0);
    let caps = METHOD_LINE.captures(page.text(method_at));
    let (method, path) = caps
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .unwrap_or_default();
    let doc_lines: Vec<&str> = page
        .non_blank(method_at + 1, first_heading)
        .into_iter()
        .map(|i| page.text(i))
        .collect();
    let doc = (!doc_lines.is_empty()).then(|| doc_lines.join("\n"));
    let mut at = Vec::new();
    for i in method_at..page.len() {
        let text = page.text(i);
        if let Some(heading) = HEADINGS.iter().find(|h| **h == text)
            && !at.iter().any(|(h, _)| h == heading)
        {
            at.push((*heading, i));
        }
    }
    let sections = Sections { page, at };
    let op_name = operation_name(&path);
    let mut draft = Draft {
        id: String::new(),
        title: doc_lines
            .first()
            .map_or_else(|| format!("{method} {path}"), |l| (*l).to_owned()),
        protocol: Protocol::WebApi,
        formats: Vec::new(),
        source: String::new(),
        notes: vec![rec.todo(
            method_at,
            "the page does not name the provider; the title is the operation's description",
        )],
        operations: Vec::new(),
        types: Vec::new(),
        examples: Vec::new(),
    };
    let rows = sections
        .range(URI)
        .map(|(from, to)| uri_rows(page, from, to))
        .unwrap_or_default();
    let mut op_notes = Vec::new();
    let (path, parameters) = uri_parameters(&path, rows, method_at, rec, &mut op_notes);
    let request = sections
        .range(BODY)
        .and_then(|(from, to)| resource(page, from, to));
    let mut request_samples = sections
        .range(REQUEST_FORMATS)
        .map(|(from, to)| samples::read(page, from, to))
        .unwrap_or_default();
    let response = sections
        .range(RESOURCE)
        .or_else(|| sections.range(RESPONSE))
        .and_then(|(from, to)| resource(page, from, to));
    let mut response_samples = sections
        .range(RESPONSE_FORMATS)
        .map(|(from, to)| samples::read(page, from, to))
        .unwrap_or_default();
    cut_off(&sections, request.is_some(), rec, &mut draft.notes);
    // One formatter writes every XML sample of a page, so one sample in XmlSerializer's form tells for all.
    if let Some(foreign) = request_samples
        .iter()
        .chain(&response_samples)
        .find(|sample| samples::is_xml_serializer(sample))
    {
        draft.notes.push(rec.todo(
            foreign.at,
            "the XML samples are XmlSerializer's (the root declares the XSD namespace and no contract namespace), \
             not DataContractSerializer's, which the generator speaks; they are left out, and the provider is read \
             without XML",
        ));
        request_samples.retain(|sample| sample.format != Some("xml"));
        response_samples.retain(|sample| sample.format != Some("xml"));
    }

    let mut formats = Vec::new();
    for sample in request_samples.iter().chain(&response_samples) {
        match sample.format {
            Some(format) if !formats.contains(&format) => formats.push(format),
            Some(_) => {}
            None => draft.notes.push(rec.todo(
                sample.at,
                format!(
                    "the media type {} has no format in the schema language; left out",
                    sample.media
                ),
            )),
        }
    }
    if formats.is_empty() {
        formats.push("json");
        draft.notes.push(rec.todo(
            first_heading.min(page.len().saturating_sub(1)),
            "the page lists no request or response format; json assumed",
        ));
    }
    formats.sort_by_key(|f| ["json", "xml", "form", "bson"].iter().position(|x| x == f));
    draft.formats = formats;

    let request_key = body_type(
        &mut draft,
        rec,
        request,
        &request_samples,
        "Request Formats",
        &format!("{}Request", camel(&op_name)),
        "request",
    );
    let response_key = body_type(
        &mut draft,
        rec,
        response,
        &response_samples,
        "Response Formats",
        &format!("{}Response", camel(&op_name)),
        "response",
    );
    if draft.formats.contains(&"xml") {
        contract_namespaces(&mut draft, rec, first_heading);
    }
    draft.operations.push(Operation {
        name: op_name,
        doc,
        http: Some(Http {
            method,
            path,
            parameters,
        }),
        top: None,
        session: false,
        request: request_key,
        response: response_key,
        notes: op_notes,
    });
    draft
}

/// The operation's name: the path's last two segments without placeholders, in snake_case.
fn operation_name(path: &str) -> String {
    let segments: Vec<&str> = path
        .split(['/', '?'])
        .filter(|s| !s.is_empty() && !s.contains('{') && !s.contains('='))
        .collect();
    let tail = &segments[segments.len().saturating_sub(2)..];
    let name = snake(&tail.join("_"));
    if name == "op_" {
        "call".to_owned()
    } else {
        name
    }
}

/// The rows of the "URI Parameters" table; none for `None.`.
fn uri_rows(page: &Page<'_>, from: usize, to: usize) -> Vec<Row> {
    let lines = page.non_blank(from, to);
    if lines.iter().all(|&i| page.text(i) == "None.") {
        return Vec::new();
    }
    let start = lines
        .iter()
        .position(|&i| table::header_prefix(page.text(i)).is_some())
        .map_or(from, |k| lines[k] + 1);
    table::rows(table::cells(page, start, to))
}

/// Whether a name can be a URI parameter's: a wire name whose Rust name is not a reserved word.
fn usable(name: &str) -> bool {
    is_wire_name(name) && names::rust_name(name, None, Case::Field).is_ok()
}

/// The path without the query template a Help Page shows after `?` (`api/refund?orderId={orderId}`), and the
/// URI parameters: a row a `{name}` segment names is a path parameter, any other a query one. A placeholder of
/// the path that no row describes becomes a `string` path parameter, with a note. What the language cannot
/// say (a placeholder inside a segment, a name with no Rust spelling, one name twice) is left out with a note
/// in `notes`.
fn uri_parameters(
    shown: &str,
    rows: Vec<Row>,
    method_at: usize,
    rec: &mut Recorder,
    notes: &mut Vec<String>,
) -> (String, Vec<UriParameter>) {
    let shown_path = shown.split(['?', '#']).next().unwrap_or_default();
    let mut placeholders: Vec<String> = Vec::new();
    let mut segments: Vec<String> = Vec::new();
    for segment in shown_path.split('/') {
        if !segment.contains(['{', '}']) {
            segments.push(segment.to_owned());
            continue;
        }
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name)
                if usable(name) && !placeholders.iter().any(|p| p.eq_ignore_ascii_case(name)) =>
            {
                placeholders.push(name.to_owned());
                segments.push(segment.to_owned());
            }
            _ => {
                notes.push(rec.todo(
                    method_at,
                    format!(
                        "the path segment {segment} is not one whole {{name}} placeholder the schema language can say; its braces are left out"
                    ),
                ));
                segments.push(segment.replace(['{', '}'], ""));
            }
        }
    }
    let path = segments.join("/");
    let mut rust_names: Vec<String> = Vec::new();
    let mut kept: Vec<Row> = Vec::new();
    for row in rows {
        let rust = names::rust_name(&row.name, None, Case::Field)
            .map(|name| name.bare().to_owned())
            .unwrap_or_default();
        if !usable(&row.name)
            || kept.iter().any(|k| k.name.eq_ignore_ascii_case(&row.name))
            || rust_names.contains(&rust)
        {
            notes.push(rec.todo(
                row.at,
                format!(
                    "the URI parameter {:?} has a name the schema language cannot take here (not a wire name, or one \
                     already listed); left out",
                    row.name
                ),
            ));
            continue;
        }
        rust_names.push(rust);
        kept.push(row);
    }
    let mut parameters: Vec<UriParameter> = kept
        .into_iter()
        .map(|row| {
            let in_path = placeholders
                .iter()
                .find(|name| name.eq_ignore_ascii_case(&row.name));
            let mut notes = Vec::new();
            let ty = match &row.ty {
                Some(word) => {
                    let mapped = types::map(word);
                    if let Some(open) = mapped.open {
                        notes.push(rec.todo(row.at, open));
                    }
                    let list = mapped.expr.starts_with("list<");
                    if list && (in_path.is_some() || mapped.expr.starts_with("list<list<")) {
                        notes.push(rec.todo(
                            row.at,
                            format!(
                                "the page says \"{word}\": only a query parameter is a list (of scalars), its key \
                                 repeated; read as string"
                            ),
                        ));
                        "string".to_owned()
                    } else if mapped.named.is_some() {
                        notes.push(rec.todo(
                            row.at,
                            format!(
                                "the page says \"{word}\", a type it does not describe here; read as string \
                                 (declare the enum and name it, if it is one)"
                            ),
                        ));
                        "string".to_owned()
                    } else {
                        mapped.expr
                    }
                }
                None => {
                    notes.push(rec.todo(row.at, "the row has no type; read as string"));
                    "string".to_owned()
                }
            };
            for (at, annotation) in &row.annotations {
                if !matches!(annotation.as_str(), "None." | "Required") {
                    notes.push(rec.todo(
                        *at,
                        format!(
                            "{}: the annotation \"{annotation}\" is not carried into the schema",
                            row.name
                        ),
                    ));
                }
            }
            let marked = row.annotations.iter().any(|(_, a)| a == "Required");
            let list = ty.starts_with("list<");
            if marked && list {
                notes.push(rec.todo(
                    row.at,
                    "the page marks the list Required; a list is never absent, only empty, so the schema cannot say it",
                ));
            }
            let required = in_path.is_none() && !list && marked;
            UriParameter {
                // Routing matches names ignoring case; the template's spelling is the one the path shows.
                name: in_path.map_or(row.name, |name| (*name).to_owned()),
                place: if in_path.is_some() { "path" } else { "query" },
                ty,
                required,
                doc: row.doc,
                notes,
            }
        })
        .collect();
    for name in placeholders {
        if !parameters
            .iter()
            .any(|param| param.name.eq_ignore_ascii_case(&name))
        {
            let rust = names::rust_name(&name, None, Case::Field).map(|n| n.bare().to_owned());
            parameters.retain(|param| {
                names::rust_name(&param.name, None, Case::Field).map(|n| n.bare().to_owned())
                    != rust
            });
            let note = rec.todo(
                method_at,
                format!(
                    "the path has {{{name}}}, which the URI Parameters do not describe; read as string \
                     (a query parameter of the same Rust name is left out)"
                ),
            );
            parameters.push(UriParameter {
                name,
                place: "path",
                ty: "string".to_owned(),
                required: false,
                doc: None,
                notes: vec![note],
            });
        }
    }
    (path, parameters)
}

/// A "Body Parameters" or "Resource Description" section: a description, the type, and its table if any.
fn resource(page: &Page<'_>, from: usize, to: usize) -> Option<Resource> {
    let lines = page.non_blank(from, to);
    if lines.is_empty() || (lines.len() == 1 && page.text(lines[0]) == "None.") {
        return None;
    }
    let header = lines
        .iter()
        .position(|&i| table::header_prefix(page.text(i)).is_some());
    let (name_index, rows) = match header {
        Some(k) => {
            let prefix = table::header_prefix(page.text(lines[k])).unwrap_or("");
            let rows = table::rows(table::cells(page, lines[k] + 1, to));
            if prefix.is_empty() {
                (k.checked_sub(1), Some(rows))
            } else {
                let doc = join(page, &lines[..k]);
                return Some(Resource {
                    at: lines[k],
                    doc,
                    name: Some((prefix.to_owned(), lines[k])),
                    rows: Some(rows),
                });
            }
        }
        None => {
            let kept = lines
                .iter()
                .rposition(|&i| !table::is_annotation(page.text(i)));
            (kept, None)
        }
    };
    let name = name_index.map(|k| {
        let text = page.text(lines[k]);
        let glued = text
            .strip_suffix("None.")
            .filter(|word| !word.is_empty() && !word.contains(' '));
        (glued.unwrap_or(text).to_owned(), lines[k])
    });
    let doc = join(page, &lines[..name_index.unwrap_or(0)]);
    Some(Resource {
        at: lines[0],
        doc,
        name,
        rows,
    })
}

fn join(page: &Page<'_>, lines: &[usize]) -> Option<String> {
    (!lines.is_empty()).then(|| {
        lines
            .iter()
            .map(|&i| page.text(i))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// A page that stops before the sections a Help Page always has is cut off: say where.
fn cut_off(
    sections: &Sections<'_, '_>,
    has_body: bool,
    rec: &mut Recorder,
    notes: &mut Vec<String>,
) {
    let expected: &[&str] = if has_body {
        &[BODY, REQUEST_FORMATS, RESPONSE, RESPONSE_FORMATS]
    } else {
        &[BODY, RESPONSE, RESPONSE_FORMATS]
    };
    if let Some(missing) = expected.iter().find(|h| sections.find(h).is_none()) {
        let last = sections.page.len().saturating_sub(1);
        notes.push(rec.todo(
            last,
            format!(
                "the page ends before its \"{missing}\" section (cut off?); the schema holds what came before"
            ),
        ));
    }
}

/// Builds the type of a request body or response resource, with its samples as examples, and returns its key.
fn body_type(
    draft: &mut Draft,
    rec: &mut Recorder,
    resource: Option<Resource>,
    samples: &[samples::Sample],
    source: &str,
    fallback: &str,
    what: &str,
) -> String {
    let Some(resource) = resource else {
        let mut ty = TypeDraft::structure(fallback.to_owned(), Vec::new());
        let at = samples.first().map_or(0, |s| s.at);
        ty.notes.push(rec.todo(
            at,
            format!("the page shows no {what} body (or is cut off before it); the schema language needs a type here, so this one is empty"),
        ));
        draft.types.push(ty);
        return fallback.to_owned();
    };
    let Some((word, word_at)) = resource.name.clone() else {
        let mut ty = TypeDraft::structure(fallback.to_owned(), Vec::new());
        ty.notes
            .push(rec.todo(resource.at, format!("the {what} section names no type")));
        draft.types.push(ty);
        return fallback.to_owned();
    };
    if UNDESCRIBED_BODIES.contains(&word.as_str()) {
        if what == "response" {
            return NO_BODY.to_owned();
        }
        let mut ty = TypeDraft::structure(fallback.to_owned(), Vec::new());
        ty.notes.push(rec.todo(
            word_at,
            format!("the {what} is {word}: the page describes no body, which only a response can say (`none`); this empty struct stands in for it"),
        ));
        draft.types.push(ty);
        return fallback.to_owned();
    }
    let mapped = types::map(&word);
    if mapped.named.is_none() {
        // A bare primitive or a list of them: the body is that type itself, and the page's samples show it.
        if let Some(open) = &mapped.open {
            draft
                .notes
                .push(rec.todo(word_at, format!("the {what} body: {open}")));
        }
        let (kept, _, _) = infer::check(draft, rec, samples);
        push_examples(draft, &mapped.expr, source, kept);
        return mapped.expr;
    }
    if mapped.expr.starts_with("list<") {
        if let (Some((key, spelled)), Some(rows)) = (&mapped.named, &resource.rows)
            && !draft.types.iter().any(|t| t.name == *key)
        {
            let mut item = TypeDraft::structure(key.clone(), Vec::new());
            if spelled != key {
                item.full_name = Some(spelled.clone());
            }
            let mut nested = Vec::new();
            let fields = fields_of(rows, rec, &mut item.notes, &mut nested);
            if let Some(list) = item.fields_mut() {
                *list = fields;
            }
            draft.types.push(item);
        }
        let mut ty = TypeDraft::structure(
            fallback.to_owned(),
            vec![Field {
                name: "value".to_owned(),
                ty: mapped.expr.clone(),
                doc: resource.doc.clone(),
                ..Field::default()
            }],
        );
        infer::check(draft, rec, samples);
        ty.notes.push(rec.todo(
            word_at,
            format!(
                "the {what} body is a bare \"{word}\", a list of structs, which the schema language cannot express as a whole body yet; this struct with one member stands in for it, and its samples are left out"
            ),
        ));
        draft.types.push(ty);
        if let Some((key, _)) = &mapped.named
            && !draft.types.iter().any(|t| t.name == *key)
        {
            let mut item = TypeDraft::structure(key.clone(), Vec::new());
            item.notes.push(rec.todo(
                word_at,
                format!("the page has no member table for {key}; it is empty"),
            ));
            draft.types.push(item);
        }
        return fallback.to_owned();
    }
    let Some((key, spelled)) = mapped.named.clone() else {
        return fallback.to_owned();
    };
    let existing = draft.types.iter().any(|t| t.name == key);
    let mut nested = Vec::new();
    if !existing {
        let mut ty = TypeDraft::structure(key.clone(), Vec::new());
        if spelled != key {
            ty.full_name = Some(spelled);
        }
        ty.doc = resource.doc.clone();
        match &resource.rows {
            Some(rows) => {
                let fields = fields_of(rows, rec, &mut ty.notes, &mut nested);
                if let Some(list) = ty.fields_mut() {
                    *list = fields;
                }
            }
            None => ty.notes.push(rec.todo(
                word_at,
                format!(
                    "the page has no member table for {word}; members are taken from the samples"
                ),
            )),
        }
        draft.types.push(ty);
    }
    let members_from_sample = resource.rows.is_none() && !existing;
    let examples = infer::from_samples(draft, rec, &key, members_from_sample, &nested, samples);
    push_examples(draft, &key, source, examples);
    key
}

/// The samples kept for a body, each an example of its type, named by the heading and media type it is under.
fn push_examples<'s>(
    draft: &mut Draft,
    ty: &str,
    source: &str,
    samples: impl IntoIterator<Item = (&'s samples::Sample, String)>,
) {
    for (sample, text) in samples {
        let media = sample.media.split(',').next().unwrap_or("").trim();
        draft.examples.push(Example::new(
            ty,
            format!("{source}, {media}"),
            sample.format.unwrap_or("json"),
            text,
        ));
    }
}
/// The fields of a member table; types it names are collected in `nested` with the row's line.
fn fields_of(
    rows: &[Row],
    rec: &mut Recorder,
    notes: &mut Vec<String>,
    nested: &mut Vec<(String, String, usize)>,
) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    let mut taken = FieldNames::default();
    for row in rows {
        let claimed = if is_wire_name(&row.name) {
            taken.claim(&row.name)
        } else {
            Err("it is not a member name".to_owned())
        };
        if let Err(problem) = claimed {
            notes.push(rec.todo(
                row.at,
                format!(
                    "a table row starts with {:?}, left out: {problem}",
                    row.name
                ),
            ));
            continue;
        }
        let mut field = Field {
            name: row.name.clone(),
            doc: row.doc.clone(),
            ..Field::default()
        };
        match &row.ty {
            Some(word) => {
                let mapped = types::map(word);
                field.ty = mapped.expr;
                if let Some(open) = mapped.open {
                    field
                        .notes
                        .push(rec.todo(row.at, format!("{}: {open}", row.name)));
                }
                if let Some((key, spelled)) = mapped.named {
                    nested.push((key, spelled, row.at));
                }
            }
            None => {
                field.ty = "string".to_owned();
                field.notes.push(rec.todo(
                    row.at,
                    format!(
                        "the row of {} ends before its type (cut off?); kept as string",
                        row.name
                    ),
                ));
            }
        }
        for (at, annotation) in &row.annotations {
            annotate(&mut field, *at, annotation, rec);
        }
        fields.push(field);
    }
    fields
}

/// One "Additional information" line.
fn annotate(field: &mut Field, at: usize, text: &str, rec: &mut Recorder) {
    let number = |s: &str| s.trim().parse::<u64>().ok();
    let between = |rest: &str| -> Option<(String, String)> {
        let rest = rest.trim().strip_prefix("inclusive between ")?;
        let (low, high) = rest.split_once(" and ")?;
        Some((low.trim().to_owned(), high.trim().to_owned()))
    };
    let ok = match text {
        "None." => true,
        "Required" => {
            field.required = true;
            true
        }
        _ => {
            let measured = field.ty == "string" || field.ty.starts_with("list<");
            if !measured
                && (text.contains("length:")
                    || text.starts_with("Max length")
                    || text.starts_with("Min length"))
            {
                false
            } else if let Some(n) = text.strip_prefix("Max length:").and_then(number) {
                field.max_len = Some(n);
                true
            } else if let Some(n) = text.strip_prefix("Min length:").and_then(number) {
                field.min_len = Some(n);
                true
            } else if let Some((low, high)) = text.strip_prefix("String length:").and_then(between)
            {
                match (number(&low), number(&high)) {
                    (Some(low), Some(high)) if low <= high => {
                        field.min_len = Some(low);
                        field.max_len = Some(high);
                        true
                    }
                    _ => false,
                }
            } else if let Some((low, high)) = text.strip_prefix("Range:").and_then(between) {
                range(field, &low, &high)
            } else if let Some(pattern) = text.strip_prefix("Matching regular expression pattern:")
            {
                let pattern = pattern.trim();
                let valid = Regex::new(pattern).is_ok() && field.ty == "string";
                if valid {
                    field.pattern = Some(pattern.to_owned());
                }
                valid
            } else {
                false
            }
        }
    };
    if !ok {
        field.notes.push(rec.todo(
            at,
            format!(
                "{}: the annotation \"{text}\" is not carried into the schema",
                field.name
            ),
        ));
    }
}

/// A `Range` annotation, kept when both bounds are numbers the field's type takes.
fn range(field: &mut Field, low: &str, high: &str) -> bool {
    let whole = matches!(field.ty.as_str(), "int32" | "int64");
    let numeric = matches!(field.ty.as_str(), "int32" | "int64" | "double" | "decimal");
    let parse = |s: &str| -> Option<f64> {
        let v: f64 = s.parse().ok()?;
        (v.is_finite() && (!whole || (v.fract() == 0.0 && v.abs() < 9.0e15))).then_some(v)
    };
    match (parse(low), parse(high)) {
        (Some(l), Some(h)) if numeric && l <= h => {
            field.min = Some(low.to_owned());
            field.max = Some(high.to_owned());
            true
        }
        _ => false,
    }
}

/// DataContract XML needs every struct's namespace. A struct the samples gave none gets the DataContract default
/// for its CLR name (`http://schemas.datacontract.org/2004/07/` and the CLR namespace), said in a note.
fn contract_namespaces(draft: &mut Draft, rec: &mut Recorder, at: usize) {
    for ty in &mut draft.types {
        if ty.xml_namespace.is_some() || !matches!(ty.body, super::draft::Body::Struct { .. }) {
            continue;
        }
        let clr = ty
            .full_name
            .as_deref()
            .and_then(|full| full.rsplit_once('.'))
            .map_or("", |(namespace, _)| namespace);
        let namespace = format!("http://schemas.datacontract.org/2004/07/{clr}");
        ty.notes.push(rec.todo(
            at,
            format!("no XML sample shows the namespace of {}; {namespace} is DataContract's default for its CLR name", ty.name),
        ));
        ty.xml_namespace = Some(namespace);
    }
}
