//! Taobao Open Platform API pages: the API name and title, the description, the 请求参数 and 响应参数 tables, the
//! SDK request example, and the XML and JSON samples of the response and of `error_response`.

mod java;
mod table;

use std::collections::HashMap;
use std::sync::LazyLock;

use codegen_wire::case::java_property_name;
use codegen_wire::top::ERROR_RESPONSE;
use regex::Regex;

use super::draft::{
    DefaultValue, Draft, Example, Field, FieldNames, Operation, Protocol, Recorder, TypeDraft,
    camel, is_wire_name, snake, type_key,
};
use super::json;
use super::page::Page;
use super::xml;
use table::Row;

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([a-z][a-z0-9_]*(?:\.[a-z0-9_]+){2,})\s*(?:[(（](.*)[)）])?$")
        .expect("a valid regex")
});
static LIMIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^最大(?:列表)?长度[:：]\s*(\d{1,9})$").expect("a valid regex"));

const COMMON: &str = "公共参数";
const REQUEST: &str = "请求参数";
const RESPONSE: &str = "响应参数";
const REQUEST_EXAMPLE: &str = "请求示例";
const RESPONSE_EXAMPLE: &str = "响应示例";
const ERROR_EXAMPLE: &str = "异常示例";
const ERROR_CODES: &str = "错误码解释";
const HEADINGS: [&str; 7] = [
    COMMON,
    REQUEST,
    RESPONSE,
    REQUEST_EXAMPLE,
    RESPONSE_EXAMPLE,
    ERROR_EXAMPLE,
    ERROR_CODES,
];
/// Where a TOP page's content ends.
const FOOTER: [&str; 3] = ["API工具", "如何获得此API", "FAQ"];

/// Where the page's API name line is.
pub struct Found {
    title_at: usize,
}

/// A TOP page: an API name line (`taobao.x.y (标题)`) followed by a parameter table heading.
pub fn recognise(page: &Page<'_>) -> Option<Found> {
    let title_at = page.find(0, page.len(), |t| TITLE.is_match(t))?;
    page.find(title_at, page.len(), |t| t == REQUEST || t == RESPONSE)?;
    Some(Found { title_at })
}

struct Sections {
    at: Vec<(&'static str, usize)>,
    end: usize,
}

impl Sections {
    fn range(&self, heading: &str) -> Option<(usize, usize)> {
        let start = self.at.iter().find(|(h, _)| *h == heading)?.1;
        let end = self
            .at
            .iter()
            .map(|(_, i)| *i)
            .filter(|&i| i > start)
            .min()
            .unwrap_or(self.end);
        Some((start + 1, end))
    }
}

/// The draft of one TOP page; `recognise` found its title.
pub fn read(page: &Page<'_>, found: Found, rec: &mut Recorder) -> Draft {
    let title_line = page.text(found.title_at);
    let caps = TITLE.captures(title_line);
    let method = caps.as_ref().map_or(String::new(), |c| c[1].to_owned());
    let end = page
        .find(found.title_at, page.len(), |t| FOOTER.contains(&t))
        .unwrap_or(page.len());
    let mut at = Vec::new();
    for i in found.title_at..end {
        if let Some(h) = HEADINGS.iter().find(|h| **h == page.text(i))
            && !at.iter().any(|(x, _)| x == h)
        {
            at.push((*h, i));
        }
    }
    let sections = Sections { at, end };
    let first_heading = sections.at.iter().map(|(_, i)| *i).min().unwrap_or(end);
    let doc_lines: Vec<&str> = page
        .non_blank(found.title_at + 1, first_heading)
        .into_iter()
        .map(|i| page.text(i))
        .collect();
    let mut notes = Vec::new();
    if let Some(crumbs) = (0..found.title_at)
        .map(|i| page.text(i))
        .find(|t| t.contains(" > "))
    {
        notes.push(format!("The page sits under \"{crumbs}\"."));
    }
    let wire_prefix = method
        .strip_prefix("taobao.")
        .unwrap_or(&method)
        .replace('.', "_");
    let java = sections
        .range(REQUEST_EXAMPLE)
        .and_then(|(from, to)| {
            let lines: Vec<(usize, &str)> = (from..to)
                .map(|i| (i, page.text(i)))
                .filter(|(_, t)| !t.is_empty() && table_bullet(t).is_none())
                .collect();
            java::read(&lines)
        })
        .unwrap_or_default();
    let request_key = java
        .request_class
        .clone()
        .unwrap_or_else(|| format!("{}Request", camel(&wire_prefix)));
    let response_key = java
        .response_class
        .clone()
        .unwrap_or_else(|| format!("{}Response", camel(&wire_prefix)));
    let mut draft = Draft {
        id: String::new(),
        title: title_line.to_owned(),
        protocol: Protocol::Top,
        formats: vec!["json", "xml"],
        source: String::new(),
        notes,
        operations: Vec::new(),
        types: Vec::new(),
        examples: Vec::new(),
    };
    if let Some(line) = java.qimen_at {
        let note = rec.todo(
            line,
            "the SDK example builds a QimenCloudClient: a Qimen API, read as TOP; its gateway, target_app_key and \
             customerId are the caller's (docs/wire-formats.md, Qimen variant)",
        );
        draft.notes.push(note);
    }
    let mut op_notes = Vec::new();
    if java.session
        && let Some(line) = java.execute_at
    {
        op_notes.push(format!(
            "The SDK example calls client.execute(req, sessionKey) (page line {}): the call acts for a user, so \
             it needs a session.",
            line + 1
        ));
    }
    let mut request = TypeDraft::structure(request_key.clone(), Vec::new());
    if java.request_class.is_some() {
        request
            .notes
            .push("The name is the Java SDK request class of the example.".to_owned());
    }
    draft.types.push(request);
    let mut response = TypeDraft::structure(response_key.clone(), Vec::new());
    response.xml_name = Some(format!("{wire_prefix}_response"));
    draft.types.push(response);
    match sections.range(REQUEST) {
        Some((from, to)) => {
            let rows = parameter_rows(page, from, to, true);
            build_tree(&mut draft, rec, &request_key, &rows, Some(&java));
        }
        None => draft.notes.push(rec.todo(
            end.saturating_sub(1),
            "the page has no 请求参数 table (cut off?)",
        )),
    }
    match sections.range(RESPONSE) {
        Some((from, to)) => {
            let rows = parameter_rows(page, from, to, false);
            build_tree(&mut draft, rec, &response_key, &rows, None);
        }
        None => draft.notes.push(rec.todo(
            end.saturating_sub(1),
            "the page ends before its 响应参数 table (cut off?)",
        )),
    }
    if let Some((from, to)) = sections.range(RESPONSE_EXAMPLE) {
        for sample in samples(page, from, to, rec, &mut draft.notes) {
            response_example(&mut draft, rec, &response_key, sample);
        }
    }
    if let Some((from, to)) = sections.range(ERROR_EXAMPLE) {
        for sample in samples(page, from, to, rec, &mut draft.notes) {
            error_example(&mut draft, sample);
        }
    }
    if let Some((from, to)) = sections.range(ERROR_CODES) {
        let codes: Vec<&str> = page
            .non_blank(from, to)
            .into_iter()
            .map(|i| page.text(i))
            .collect();
        if codes.len() > 1 {
            op_notes.push(format!(
                "The page's error codes: {}",
                codes[1..].join(" | ")
            ));
        }
    }
    if sections.range(RESPONSE_EXAMPLE).is_none() && end == page.len() {
        draft.notes.push(rec.todo(
            page.len().saturating_sub(1),
            "the page ends before its 响应示例 section (cut off?); the schema holds what came before",
        ));
    }
    let tail: Vec<&str> = method.rsplit('.').take(2).collect();
    draft.operations.push(Operation {
        name: snake(&format!(
            "{}_{}",
            tail.get(1).unwrap_or(&""),
            tail.first().unwrap_or(&"")
        )),
        doc: (!doc_lines.is_empty()).then(|| doc_lines.join("\n")),
        http: None,
        top: Some(method),
        session: java.session,
        request: request_key,
        response: response_key,
        notes: op_notes,
    });
    draft
}

fn table_bullet(line: &str) -> Option<&str> {
    ["•", "·", "●", "◦"]
        .iter()
        .find_map(|b| line.strip_prefix(b))
}

fn parameter_rows(page: &Page<'_>, from: usize, to: usize, with_required: bool) -> Vec<Row> {
    let header = page.find(from, to, |t| t.starts_with("名称"));
    let columns = header.map_or_else(
        || ["示例值".to_owned(), "描述".to_owned()].to_vec(),
        |h| table::columns(page.text(h)),
    );
    table::rows(
        page,
        header.map_or(from, |h| h + 1),
        to,
        &columns,
        with_required,
    )
}

/// A TOP type word as the language's type, with what the reading leaves open.
fn top_type(word: &str) -> (String, Option<String>, Option<String>) {
    let word = word.trim();
    if let Some(item) = word.strip_suffix("[]") {
        let (inner, named, open) = top_type(item);
        return (format!("list<{inner}>"), named, open);
    }
    match word {
        "String" => ("string".to_owned(), None, None),
        "Number" | "Long" | "Integer" => ("int64".to_owned(), None, None),
        "Boolean" => ("bool".to_owned(), None, None),
        "Date" => ("top_datetime".to_owned(), None, None),
        "Price" | "Byte" | "Field List" | "Json" | "FileItem" | "Object" => (
            "string".to_owned(),
            None,
            Some(format!(
                "the page's type {word} has no type in the schema language; kept as string"
            )),
        ),
        _ => {
            let key = type_key(word);
            (key.clone(), Some(key), None)
        }
    }
}

/// Places each row in a struct: top-level rows in `root`; a `└` row in the object row above it; a row the SDK
/// example sets on a declared object in that object's class. Each placement the page leaves open is a note.
fn build_tree(
    draft: &mut Draft,
    rec: &mut Recorder,
    root: &str,
    rows: &[Row],
    java: Option<&java::Example>,
) {
    let mut top_object: Option<String> = None;
    let mut last_object: Option<String> = None;
    let mut previous_parent: Option<String> = None;
    let mut cursor = 0;
    let flat = rows.iter().any(|r| !r.top_level && r.corners == 0);
    let mut taken: HashMap<String, FieldNames> = HashMap::new();
    for row in rows {
        if !is_wire_name(&row.name) {
            continue;
        }
        let (ty, named, open) = top_type(&row.ty);
        let naive = if row.top_level {
            root.to_owned()
        } else if row.corners > 0 {
            last_object.clone().unwrap_or_else(|| root.to_owned())
        } else {
            top_object.clone().unwrap_or_else(|| root.to_owned())
        };
        let mut notes = Vec::new();
        let mut parent = naive.clone();
        if !row.top_level
            && let Some(java) = java
        {
            let property = java_property_name(&row.name);
            let found = java.setters[cursor.min(java.setters.len())..]
                .iter()
                .position(|(_, _, p)| *p == property)
                .map(|k| k + cursor);
            match found.map(|k| (k, &java.setters[k])) {
                Some((k, (Some(class), receiver, _)))
                    if draft.types.iter().any(|t| t.name == *class) =>
                {
                    if named.is_none() {
                        cursor = k + 1;
                    }
                    if *class != naive && flat {
                        notes.push(rec.todo(row.at, format!("{}: the page's └ marks leave its object open; the SDK example sets it on {receiver}, a {class}", row.name)));
                    }
                    parent = class.clone();
                }
                Some((_, (_, receiver, _))) if flat => {
                    if let Some(prev) = &previous_parent {
                        parent = prev.clone();
                    }
                    notes.push(rec.todo(row.at, format!("{}: the page draws it without └ and the SDK example sets it on {receiver}, which it never declares; placed beside the row above, in {parent}", row.name)));
                }
                _ if flat => {
                    notes.push(rec.todo(row.at, format!("{}: the page's └ marks leave its object open and the SDK example does not settle it; placed in {parent}", row.name)));
                }
                _ => {}
            }
        } else if flat && !row.top_level {
            notes.push(rec.todo(
                row.at,
                format!(
                    "{}: the page's └ marks leave its object open; placed in {parent}",
                    row.name
                ),
            ));
        }
        if let Some(open) = open {
            notes.push(rec.todo(row.at, format!("{}: {open}", row.name)));
        }
        let mut field = Field {
            name: row.name.clone(),
            ty,
            required: row.required == Some(true),
            doc: row.doc.clone(),
            notes,
            ..Field::default()
        };
        read_description(&mut field, row.at, rec);
        if let Some(cell) = &row.default {
            field.default = default_value(&field.ty, cell);
            if field.default.is_none() {
                field.notes.push(rec.todo(
                    row.at,
                    format!(
                        "{}: the page gives the default value \"{cell}\", which is no {} value; not written as `default:`",
                        row.name, field.ty
                    ),
                ));
            }
        }
        if let Some(limit) = &row.limit {
            match LIMIT.captures(limit).and_then(|c| c[1].parse().ok()) {
                Some(n) => field.max_len = Some(n),
                None => field.notes.push(rec.todo(
                    row.at,
                    format!(
                        "{}: the page's limit \"{limit}\" is not carried into the schema",
                        row.name
                    ),
                )),
            }
        }
        if !row.unplaced.is_empty() {
            field.notes.push(rec.todo(
                row.at,
                format!(
                    "{}: cells whose column the page leaves open: {}",
                    row.name,
                    row.unplaced.join(" | ")
                ),
            ));
        }
        if let Some(key) = &named {
            if !draft.types.iter().any(|t| t.name == *key) {
                let mut ty = TypeDraft::structure(key.clone(), Vec::new());
                ty.doc = row.doc.clone();
                draft.types.push(ty);
            }
            last_object = Some(key.clone());
            if row.top_level {
                top_object = Some(key.clone());
            }
        }
        previous_parent = Some(parent.clone());
        if let Some(fields) = draft
            .types
            .iter_mut()
            .find(|t| t.name == parent)
            .and_then(TypeDraft::fields_mut)
        {
            match taken.entry(parent.clone()).or_default().claim(&field.name) {
                Ok(()) => fields.push(field),
                Err(problem) => {
                    rec.todo(
                        row.at,
                        format!("{:?} is left out of {parent}: {problem}", field.name),
                    );
                }
            }
        }
    }
}

/// One sample of a 响应示例 or 异常示例 section.
struct Sample {
    at: usize,
    format: &'static str,
    text: String,
}

/// The samples of lines `from..to`: an XML document runs to the line that closes its root, a JSON one to the end
/// of its value. A sample that does not end is left out with a note.
fn samples(
    page: &Page<'_>,
    from: usize,
    to: usize,
    rec: &mut Recorder,
    notes: &mut Vec<String>,
) -> Vec<Sample> {
    let lines: Vec<usize> = page
        .non_blank(from, to)
        .into_iter()
        .filter(|&i| table_bullet(page.text(i)).is_none())
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let start = lines[k];
        let first = page.text(start);
        let rest_text = |last: usize| -> String {
            let text: Vec<&str> = (start..=last).map(|i| page.raw(i).trim_end()).collect();
            format!("{}\n", text.join("\n"))
        };
        if first.starts_with('<') {
            let root = first
                .trim_start_matches("<?xml")
                .trim_start_matches('<')
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("")
                .to_owned();
            let close = format!("</{root}>");
            match lines[k..]
                .iter()
                .position(|&i| page.text(i).ends_with(&close))
            {
                Some(n) if !root.is_empty() => {
                    let text = rest_text(lines[k + n]);
                    if xml::elements(&text).is_some() {
                        out.push(Sample {
                            at: start,
                            format: "xml",
                            text,
                        });
                    } else {
                        notes.push(rec.todo(start, "an XML sample does not parse; left out"));
                    }
                    k += n + 1;
                }
                _ => {
                    notes.push(rec.todo(
                        start,
                        "an XML sample does not end (the page is cut off?); left out",
                    ));
                    break;
                }
            }
        } else if first.starts_with('{') {
            let text = rest_text(*lines.last().unwrap_or(&start));
            match json::first_value(&text) {
                Some((_, kept, _)) => {
                    let used = kept.lines().count();
                    out.push(Sample {
                        at: start,
                        format: "json",
                        text: kept,
                    });
                    k = lines
                        .iter()
                        .position(|&i| i >= start + used)
                        .unwrap_or(lines.len());
                }
                None => {
                    notes.push(rec.todo(start, "a JSON sample does not parse or does not end (the page is cut off?); left out"));
                    break;
                }
            }
        } else {
            k += 1;
        }
    }
    out
}

/// A response sample as an example of the response type: XML as it is; JSON's `{"..._response": {...}}` wrapper
/// is unwrapped to the verbatim text of the object inside.
fn response_example(draft: &mut Draft, rec: &mut Recorder, response: &str, sample: Sample) {
    match sample.format {
        "xml" => {
            if let Some(root) = xml::elements(&sample.text).and_then(|e| e.into_iter().next())
                && let Some(ty) = draft.types.iter_mut().find(|t| t.name == response)
            {
                ty.xml_name = Some(root.name);
            }
            draft.examples.push(Example::new(
                response,
                "响应示例, XML示例",
                "xml",
                sample.text,
            ));
        }
        _ => match unwrap_json(&sample.text) {
            Some(inner) => draft.examples.push(Example::new(
                response,
                "响应示例, JSON示例 (the object inside its wrapper)",
                "json",
                inner,
            )),
            None => {
                let note = rec.todo(sample.at, "the JSON response sample is not wrapped in one member as TOP writes it; left out");
                draft.notes.push(note);
            }
        },
    }
}

/// The text of the value of a JSON object's only member: `{"x": {...}}` gives `{...}`, verbatim.
fn unwrap_json(text: &str) -> Option<String> {
    let (value, _, _) = json::first_value(text)?;
    let json::Json::Object(members) = &value else {
        return None;
    };
    if members.len() != 1 {
        return None;
    }
    let body = text.trim();
    let inner = body.strip_prefix('{')?.strip_suffix('}')?;
    let colon = inner.find(':')?;
    let candidate = inner[colon + 1..].trim();
    let (_, kept, trailing) = json::first_value(candidate)?;
    (!trailing).then_some(kept)
}

/// The `error_response` sample, kept whole as an example of the platform's error envelope, which the generator
/// knows; a sample of anything else under the heading is not one and is left out.
fn error_example(draft: &mut Draft, sample: Sample) {
    let is_envelope = match sample.format {
        "xml" => xml::elements(&sample.text)
            .unwrap_or_default()
            .first()
            .is_some_and(|root| root.name == ERROR_RESPONSE),
        _ => matches!(
            json::first_value(&sample.text),
            Some((json::Json::Object(outer), _, _))
                if matches!(outer.first(), Some((key, json::Json::Object(_))) if key == ERROR_RESPONSE)
        ),
    };
    if is_envelope {
        let source = match sample.format {
            "xml" => "异常示例, XML示例",
            _ => "异常示例, JSON示例",
        };
        draft.examples.push(Example::new(
            ERROR_RESPONSE,
            source,
            sample.format,
            sample.text,
        ));
    }
}

/// What a string field's description states about its value: SM4 encryption (`SM4加密`), an amount in fen
/// (`单位分`), a date or date-time form.
fn read_description(field: &mut Field, at: usize, rec: &mut Recorder) {
    let Some(doc) = field.doc.clone() else { return };
    if field.ty != "string" {
        return;
    }
    field.sm4 = doc.contains("SM4加密");
    if doc.contains("单位分") && !field.sm4 {
        field.ty = "fen".to_owned();
    } else if doc.contains("yyyy-MM-dd HH:mm:ss") {
        field.format = Some("datetime");
    } else if doc.contains("yyyy-MM-dd hh:mm:ss") {
        field.format = Some("datetime");
        field.notes.push(rec.todo(at, format!("{}: the page writes hh (12-hour) in yyyy-MM-dd hh:mm:ss; read as the 24-hour TOP form", field.name)));
    } else if doc.contains("yyyy-MM-dd") {
        field.format = Some("date");
    }
}

/// A 默认值 cell as a `default:` of type `ty`; `None` for a cell the type cannot hold, or a type (a list, a struct, a
/// date) that takes no default.
fn default_value(ty: &str, cell: &str) -> Option<DefaultValue> {
    let cell = cell.trim();
    let number = |fits: bool| fits.then(|| DefaultValue::Number(cell.to_owned()));
    match ty {
        "int32" => number(cell.parse::<i32>().is_ok()),
        "int64" => number(cell.parse::<i64>().is_ok()),
        "double" | "decimal" => number(cell.parse::<f64>().is_ok_and(f64::is_finite)),
        "bool" => cell.parse::<bool>().ok().map(DefaultValue::Bool),
        "string" | "fen" => Some(DefaultValue::Text(cell.to_owned())),
        _ => None,
    }
}
