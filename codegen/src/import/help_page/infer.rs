//! What the samples add to the tables: the members of types the page has no table for (from the JSON sample),
//! enum members (JSON number, XML name), DataContract names and namespaces, and members written in a base class's
//! namespace. Each such reading is a `TODO(import):` note.

use super::samples::Sample;
use crate::import::draft::{
    Body, Draft, EnumValue, Field, FieldNames, Recorder, TypeDraft, camel, is_wire_name,
    named_type, type_name_ok,
};
use crate::import::json::{Json as Value, first_value as first_json};
use crate::import::xml::{self, Element};

/// Checks each sample, reads what it says about the types under `root`, and returns the samples to keep as
/// examples with their text.
pub fn from_samples<'s>(
    draft: &mut Draft,
    rec: &mut Recorder,
    root: &str,
    members_from_sample: bool,
    nested: &[(String, String, usize)],
    samples: &'s [Sample],
) -> Vec<(&'s Sample, String)> {
    let (kept, json, xml_sample) = check(draft, rec, samples);
    let root_value = json.as_ref().map(|(v, _)| v);
    let json_at = json.as_ref().map_or(0, |(_, at)| *at);
    if members_from_sample {
        if let Some(Value::Object(members)) = root_value {
            let fields = fields_from_object(draft, rec, members, json_at);
            if let Some(ty) = draft.types.iter_mut().find(|t| t.name == root)
                && let Some(list) = ty.fields_mut()
            {
                *list = fields;
            }
        } else {
            let note = rec.todo(
                json_at,
                format!("{root}: neither a table nor a JSON object sample gives its members"),
            );
            push_note(draft, root, note);
        }
    }
    define_nested(draft, rec, root, root_value, nested, json_at);
    if let Some((elements, at)) = xml_sample {
        read_xml(draft, rec, root, &elements, at);
    }
    kept
}

fn push_note(draft: &mut Draft, ty: &str, note: String) {
    if let Some(ty) = draft.types.iter_mut().find(|t| t.name == ty) {
        ty.notes.push(note);
    }
}

/// The samples that parse, with their text, and the first JSON value and XML elements among them; a sample that
/// does not parse is left out with a note (the page is cut off inside it when it runs to the page's end).
#[allow(clippy::type_complexity)]
pub fn check<'s>(
    draft: &mut Draft,
    rec: &mut Recorder,
    samples: &'s [Sample],
) -> (
    Vec<(&'s Sample, String)>,
    Option<(Value, usize)>,
    Option<(Vec<Element>, usize)>,
) {
    let mut kept = Vec::new();
    let mut json: Option<(Value, usize)> = None;
    let mut xml_sample: Option<(Vec<Element>, usize)> = None;
    for sample in samples {
        let (Some(format), Some(text)) = (sample.format, &sample.text) else {
            continue;
        };
        let broken = |rec: &mut Recorder, what: &str| {
            let why = if sample.at_end {
                "the page ends inside it (cut off)"
            } else {
                "it does not parse"
            };
            rec.todo(
                sample.text_at,
                format!("the {} sample ({what}) is left out: {why}", sample.media),
            )
        };
        match format {
            "json" => match first_json(text) {
                Some((value, kept_text, trailing)) => {
                    if trailing {
                        let note = rec.todo(
                            sample.text_at,
                            format!("text after the {} sample is left out of it", sample.media),
                        );
                        draft.notes.push(note);
                    }
                    if json.is_none() {
                        json = Some((value, sample.text_at));
                    }
                    kept.push((sample, kept_text));
                }
                None => {
                    let note = broken(rec, "JSON");
                    draft.notes.push(note);
                }
            },
            "xml" => match xml::elements(text) {
                Some(elements) => {
                    if xml_sample.is_none() {
                        xml_sample = Some((elements, sample.text_at));
                    }
                    kept.push((sample, text.clone()));
                }
                None => {
                    let note = broken(rec, "XML");
                    draft.notes.push(note);
                }
            },
            _ => kept.push((sample, text.clone())),
        }
    }
    (kept, json, xml_sample)
}

/// The value standing for one item: a list's first item.
fn item(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.first().and_then(item),
        Value::Null => None,
        other => Some(other),
    }
}

/// Defines the named types the fields of `owner` refer to that have no table, from the sample value of `owner`.
fn define_nested(
    draft: &mut Draft,
    rec: &mut Recorder,
    owner: &str,
    owner_value: Option<&Value>,
    nested: &[(String, String, usize)],
    at: usize,
) {
    let fields: Vec<(String, String)> = draft
        .types
        .iter()
        .find(|t| t.name == owner)
        .map(|t| {
            t.fields()
                .iter()
                .map(|f| (f.name.clone(), f.ty.clone()))
                .collect()
        })
        .unwrap_or_default();
    for (name, ty) in fields {
        let Some(key) = named_type(&ty) else { continue };
        if draft.types.iter().any(|t| t.name == key) {
            continue;
        }
        let key = key.to_owned();
        let spelled = nested.iter().find(|(k, _, _)| *k == key);
        let line = spelled.map_or(at, |(_, _, line)| *line);
        let value = owner_value.and_then(|v| v.get(&name)).and_then(item);
        let mut ty = match value {
            Some(Value::Object(members)) => {
                let note = rec.todo(line, format!("the page has no table for {key}; its members, their order and types are read from the JSON sample"));
                let fields = fields_from_object(draft, rec, members, at);
                let mut ty = TypeDraft::structure(key.clone(), fields);
                ty.notes.push(note);
                ty
            }
            Some(Value::Number(n, true)) if n.abs() < 2.0e9 => {
                let n = *n as i64;
                let note = rec.todo(line, format!("the page has no table for {key}; the JSON sample writes a number, so it is read as an enum of which only that value is known"));
                let mut ty = TypeDraft::new(
                    key.clone(),
                    Body::Enum {
                        repr: "int32",
                        values: vec![EnumValue {
                            value: n.to_string(),
                            name: format!("Value{}", n.to_string().replace('-', "Minus")),
                            doc: None,
                        }],
                    },
                );
                ty.notes.push(note);
                ty
            }
            _ => {
                let note = rec.todo(line, format!("the page has no table for {key} and no sample shows its members; it is empty"));
                let mut ty = TypeDraft::structure(key.clone(), Vec::new());
                ty.notes.push(note);
                ty
            }
        };
        if let Some((_, spelled, _)) = spelled
            && *spelled != key
        {
            ty.full_name = Some(spelled.clone());
        }
        draft.types.push(ty);
        define_nested(draft, rec, &key, value, nested, at);
    }
}

/// Fields read from a JSON sample object, in its order.
fn fields_from_object(
    draft: &mut Draft,
    rec: &mut Recorder,
    members: &[(String, Value)],
    at: usize,
) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut taken = FieldNames::default();
    for (name, value) in members {
        if !is_wire_name(name) || taken.claim(name).is_err() {
            fields_left_out(rec, at, name);
            continue;
        }
        let (ty, open) = json_type(name, value);
        if let Some(Value::Object(inner)) = item(value)
            && let Some(key) = named_type(&ty)
            && !draft.types.iter().any(|t| t.name == key)
        {
            let key = key.to_owned();
            let placeholder = TypeDraft::structure(key.clone(), Vec::new());
            draft.types.push(placeholder);
            let nested_fields = fields_from_object(draft, rec, inner, at);
            if let Some(ty) = draft.types.iter_mut().find(|t| t.name == key)
                && let Some(list) = ty.fields_mut()
            {
                *list = nested_fields;
            }
        }
        let mut field = Field {
            name: name.clone(),
            ty,
            ..Field::default()
        };
        if let Some(open) = open {
            field.notes.push(rec.todo(at, format!("{name}: {open}")));
        }
        fields.push(field);
    }
    fields
}

/// The type a sample value suggests.
fn json_type(name: &str, value: &Value) -> (String, Option<String>) {
    match value {
        Value::Bool(_) => ("bool".to_owned(), None),
        Value::Number(_, true) => (
            "int32".to_owned(),
            Some("an integer in the sample; read as int32".to_owned()),
        ),
        Value::Number(_, false) => (
            "double".to_owned(),
            Some("a fraction in the sample; read as double".to_owned()),
        ),
        Value::String(s) if is_guid(s) => ("guid".to_owned(), None),
        Value::String(s) if is_datetime(s) => ("datetime".to_owned(), None),
        Value::String(_) => ("string".to_owned(), None),
        Value::Array(items) => match items.first() {
            Some(first) => {
                let (inner, open) = json_type(name, first);
                (format!("list<{inner}>"), open)
            }
            None => (
                "list<string>".to_owned(),
                Some("an empty list in the sample; items read as string".to_owned()),
            ),
        },
        Value::Object(_) => (
            camel(name),
            Some(format!(
                "an object in the sample; its type is named {} here",
                camel(name)
            )),
        ),
        Value::Null => (
            "string".to_owned(),
            Some("null in the sample; read as string".to_owned()),
        ),
    }
}

fn is_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 19
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[..4]
            .iter()
            .chain(&b[5..7])
            .chain(&b[8..10])
            .all(u8::is_ascii_digit)
}

/// Names and namespaces from the XML sample.
fn read_xml(draft: &mut Draft, rec: &mut Recorder, root: &str, elements: &[Element], at: usize) {
    let Some(first) = elements.first() else {
        return;
    };
    let root_ns = first.default_ns.clone();
    if let Some(ty) = draft.types.iter_mut().find(|t| t.name == root) {
        if first.name != root {
            ty.xml_name = Some(first.name.clone());
        }
        ty.xml_namespace = root_ns.clone();
    }
    let mut foreign: Vec<(String, String)> = Vec::new();
    walk(draft, root, elements, 0, &mut |element| {
        if element.depth == 1
            && let (Some(ns), Some(root_ns)) = (&element.default_ns, &root_ns)
            && ns != root_ns
        {
            foreign.push((element.name.clone(), ns.clone()));
        }
    });
    base_class(draft, rec, root, &foreign, at);
}

/// Visits the children of `elements[index]` as members of type `owner`: sets nested contracts' namespaces and
/// enum member names, and hands every child to `visit`.
fn walk(
    draft: &mut Draft,
    owner: &str,
    elements: &[Element],
    index: usize,
    visit: &mut dyn FnMut(&Element),
) {
    let depth = elements[index].depth;
    let mut child = index + 1;
    while child < elements.len() && elements[child].depth > depth {
        if elements[child].depth == depth + 1 {
            let element = &elements[child];
            visit(element);
            let target = draft
                .types
                .iter()
                .find(|t| t.name == owner)
                .and_then(|t| t.fields().iter().find(|f| f.name == element.name))
                .and_then(|f| named_type(&f.ty).map(str::to_owned));
            let owner_ns = draft
                .types
                .iter()
                .find(|t| t.name == owner)
                .and_then(|t| t.xml_namespace.clone());
            if let Some(target) = target
                && let Some(ty) = draft.types.iter_mut().find(|t| t.name == target)
            {
                match &mut ty.body {
                    Body::Struct { .. } => {
                        if ty.xml_namespace.is_none() {
                            ty.xml_namespace = xml::member_namespace(element)
                                .map(str::to_owned)
                                .or(owner_ns);
                        }
                        if !target.eq(owner) {
                            walk(draft, &target, elements, child, visit);
                        }
                    }
                    Body::Enum { values, .. } => {
                        if let (Some(text), [only]) = (&element.text, values.as_mut_slice())
                            && is_wire_name(text)
                            && type_name_ok(text)
                            && only.name.starts_with("Value")
                        {
                            only.name = text.clone();
                        }
                    }
                }
            }
        }
        child += 1;
    }
}

/// Members the XML sample writes in another namespace than their type's, at the end of the table, are a base
/// class's (DataContractSerializer writes a base's members first, in its own namespace). The page never names the
/// base, so the name is a guess, and said so.
fn base_class(
    draft: &mut Draft,
    rec: &mut Recorder,
    root: &str,
    foreign: &[(String, String)],
    at: usize,
) {
    let Some((_, ns)) = foreign.first() else {
        return;
    };
    if foreign.iter().any(|(_, other)| other != ns) {
        return;
    }
    let Some(index) = draft.types.iter().position(|t| t.name == root) else {
        return;
    };
    let fields = draft.types[index].fields();
    let split = fields.len().saturating_sub(foreign.len());
    let tail_matches = fields[split..]
        .iter()
        .all(|f| foreign.iter().any(|(name, _)| *name == f.name));
    if foreign.len() >= fields.len() || !tail_matches {
        let note = rec.todo(at, format!("the XML sample writes members {} in the namespace {ns}, as a base class's; the schema keeps them in {root}", names(foreign)));
        draft.types[index].notes.push(note);
        return;
    }
    let base_key = format!("{root}Base");
    if draft.types.iter().any(|t| t.name == base_key) {
        return;
    }
    let note = rec.todo(at, format!("the XML sample writes {} in the namespace {ns} before the other members, as DataContractSerializer writes a base class's members; the page never names the base class, so {base_key} is a guessed name", names(foreign)));
    let ty = &mut draft.types[index];
    let moved = match &mut ty.body {
        Body::Struct { fields, base, .. } => {
            *base = Some(base_key.clone());
            fields.split_off(split)
        }
        Body::Enum { .. } => return,
    };
    let mut base = TypeDraft::new(
        base_key,
        Body::Struct {
            base: None,
            is_abstract: true,
            fields: moved,
        },
    );
    base.xml_namespace = Some(ns.clone());
    base.notes.push(note);
    draft.types.insert(index + 1, base);
}

fn names(members: &[(String, String)]) -> String {
    members
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn fields_left_out(rec: &mut Recorder, at: usize, name: &str) {
    rec.todo(
        at,
        format!("the sample's member {name:?} cannot be a field name; left out"),
    );
}
