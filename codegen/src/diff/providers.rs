//! Providers, their operations and examples: the changes above the level of one type.

use super::context::{At, Comparison, FILE_START, changed_texts, judge};
use super::fields::{same_field_type, type_text};
use super::matching;
use super::rules::{self, Facts, Rule};
use super::{Change, Direction, LoadedProvider};
use crate::diagnostic::Pos;
use crate::load::schema::{NO_BODY, OperationDecl};
use crate::model::{Body, Endpoint, Format, Operation, Protocol, TopSession};
use codegen_wire::top::ERROR_RESPONSE;

/// A provider in OLD, NEW or both.
pub(super) enum ProviderPair<'a> {
    Removed(&'a LoadedProvider),
    Added(&'a LoadedProvider),
    Both(&'a LoadedProvider, &'a LoadedProvider),
}

/// Pairs providers by id.
pub(super) fn pair<'a>(
    old: &'a [LoadedProvider],
    new: &'a [LoadedProvider],
) -> Vec<ProviderPair<'a>> {
    let matching = matching::pair(
        old.iter().map(|p| p.provider.id.as_str()),
        new.iter().map(|p| (p.provider.id.as_str(), None)),
    );
    let removed = matching
        .removed
        .iter()
        .map(|i| ProviderPair::Removed(&old[*i]));
    let added = matching.added.iter().map(|i| ProviderPair::Added(&new[*i]));
    let both = matching
        .pairs
        .iter()
        .map(|(o, n, _)| ProviderPair::Both(&old[*o], &new[*n]));
    removed.chain(added).chain(both).collect()
}

impl ProviderPair<'_> {
    pub(super) fn compare(&self) -> Vec<Change> {
        match self {
            ProviderPair::Removed(old) => vec![whole(&rules::PROVIDER_REMOVED, old, "removed")],
            ProviderPair::Added(new) => vec![whole(&rules::PROVIDER_ADDED, new, "added")],
            ProviderPair::Both(old, new) => {
                let mut cmp = Comparison::new(old, new);
                provider(&mut cmp);
                super::types::compare(&mut cmp);
                operations(&mut cmp);
                examples(&mut cmp);
                cmp.into_changes()
            }
        }
    }
}

/// A provider added or removed as a whole, shown at its id.
fn whole(rule: &'static Rule, loaded: &LoadedProvider, what: &str) -> Change {
    let provider = &loaded.provider;
    let (severity, formats) = judge(rule, provider, Direction::BOTH, Facts::NONE, &[]);
    Change {
        rule,
        severity,
        direction: Direction::BOTH,
        formats,
        provider: provider.id.clone(),
        file: loaded.schema.file.clone(),
        pos: id_pos(loaded),
        message: format!("provider {} {what}", provider.id),
    }
}

fn id_pos(loaded: &LoadedProvider) -> Pos {
    loaded
        .schema
        .provider
        .as_ref()
        .map_or(FILE_START, |decl| decl.id.pos)
}

fn provider(cmp: &mut Comparison<'_>) {
    let (old, new) = (cmp.old.provider(), cmp.new.provider());
    let (old_decl, new_decl) = (&cmp.old.schema().provider, &cmp.new.schema().provider);
    let id_at = At::New(id_pos(cmp.new.loaded));
    if old.protocol != new.protocol {
        let pos = new_decl.as_ref().map(|d| d.protocol.pos);
        cmp.report(
            &rules::PROVIDER_PROTOCOL_CHANGED,
            pos.map_or(id_at, At::New),
            Direction::BOTH,
            Facts::NONE,
            format!(
                "provider {}: protocol changed from {} to {}",
                new.id,
                old.protocol.name(),
                new.protocol.name()
            ),
        );
    }
    let format_pos = |decl: &Option<crate::load::schema::ProviderDecl>, format: Format| {
        decl.as_ref()
            .and_then(|d| d.formats.iter().find(|f| f.value == format))
            .map(|f| f.pos)
    };
    for format in new.formats.iter().filter(|f| !old.formats.contains(f)) {
        let at = format_pos(new_decl, *format).map_or(id_at, At::New);
        cmp.report_formats(
            &rules::PROVIDER_FORMAT_ADDED,
            at,
            Direction::BOTH,
            Facts::NONE,
            &[*format],
            format!("provider {}: format {} added", new.id, format.name()),
        );
    }
    for format in old.formats.iter().filter(|f| !new.formats.contains(f)) {
        let at = format_pos(old_decl, *format).map_or(id_at, At::Old);
        cmp.report_formats(
            &rules::PROVIDER_FORMAT_REMOVED,
            at,
            Direction::BOTH,
            Facts::NONE,
            &[*format],
            format!("provider {}: format {} removed", new.id, format.name()),
        );
    }
    if let Some(texts) = changed_texts(&[
        ("title", Some(&old.title), Some(&new.title)),
        ("source", Some(&old.source), Some(&new.source)),
        ("doc", old.doc.as_deref(), new.doc.as_deref()),
        ("note", old.note.as_deref(), new.note.as_deref()),
    ]) {
        cmp.report(
            &rules::DOC_CHANGED,
            id_at,
            Direction::BOTH,
            Facts::NONE,
            format!("provider {}: {texts} changed", new.id),
        );
    }
}

fn operation_decl<'a>(decls: &'a [OperationDecl], op: &Operation) -> Option<&'a OperationDecl> {
    decls.iter().find(|decl| decl.name.value == op.name)
}

fn operations(cmp: &mut Comparison<'_>) {
    let (old_ops, new_ops) = (
        &cmp.old.provider().operations,
        &cmp.new.provider().operations,
    );
    let (old_decls, new_decls) = (&cmp.old.schema().operations, &cmp.new.schema().operations);
    let matching = matching::pair(
        old_ops.iter().map(|op| op.name.as_str()),
        new_ops.iter().map(|op| {
            let renamed_from = operation_decl(new_decls, op)
                .and_then(|decl| decl.renamed_from.as_ref())
                .map(|name| name.value.as_str());
            (op.name.as_str(), renamed_from)
        }),
    );
    let name_pos = |decls, op| operation_decl(decls, op).map_or(FILE_START, |d| d.name.pos);
    for index in &matching.removed {
        let op = &old_ops[*index];
        cmp.report(
            &rules::OPERATION_REMOVED,
            At::Old(name_pos(old_decls, op)),
            Direction::BOTH,
            Facts::NONE,
            format!("operation {} removed", op.name),
        );
    }
    for index in &matching.added {
        let op = &new_ops[*index];
        cmp.report(
            &rules::OPERATION_ADDED,
            At::New(name_pos(new_decls, op)),
            Direction::BOTH,
            Facts::NONE,
            format!("operation {} added", op.name),
        );
    }
    for index in &matching.unmatched_renames {
        let op = &new_ops[*index];
        if let Some(source) = operation_decl(new_decls, op).and_then(|d| d.renamed_from.as_ref()) {
            cmp.report(
                &rules::RENAME_SOURCE_MISSING,
                At::New(source.pos),
                Direction::BOTH,
                Facts::NONE,
                format!(
                    "operation {}: renamed_from {} names no operation of OLD",
                    op.name, source.value
                ),
            );
        }
    }
    for (o, n, renamed) in &matching.pairs {
        let (old_op, new_op) = (&old_ops[*o], &new_ops[*n]);
        if let Some(decl) = operation_decl(new_decls, new_op) {
            operation(cmp, old_op, new_op, decl, *renamed);
        }
    }
}

fn endpoint_text(endpoint: &Endpoint) -> String {
    match endpoint {
        Endpoint::Http { method, path } => format!("{method} {path}"),
        Endpoint::Top { method, .. } => method.clone(),
    }
}

/// A TOP operation that comes to need a user's session, or no longer does.
fn session(cmp: &mut Comparison<'_>, old: &Operation, new: &Operation, decl: &OperationDecl) {
    let required = |op: &Operation| {
        matches!(
            op.endpoint,
            Endpoint::Top {
                session: TopSession::Required,
                ..
            }
        )
    };
    let (rule, what) = match (required(old), required(new)) {
        (false, true) => (&rules::OPERATION_SESSION_REQUIRED, "now needs"),
        (true, false) => (
            &rules::OPERATION_SESSION_NO_LONGER_REQUIRED,
            "no longer needs",
        ),
        _ => return,
    };
    cmp.report(
        rule,
        At::New(decl.endpoint.pos),
        Direction::REQUEST,
        Facts::RUST,
        format!("operation {}: {what} a user's session", new.name),
    );
}

fn operation(
    cmp: &mut Comparison<'_>,
    old: &Operation,
    new: &Operation,
    decl: &OperationDecl,
    renamed: bool,
) {
    let name = &new.name;
    let facts = Facts::RUST;
    if renamed {
        cmp.report(
            &rules::OPERATION_RENAMED,
            At::New(decl.name.pos),
            Direction::BOTH,
            facts,
            format!("operation {} renamed to {name}", old.name),
        );
    }
    let (old_endpoint, new_endpoint) = (endpoint_text(&old.endpoint), endpoint_text(&new.endpoint));
    if old_endpoint != new_endpoint {
        let rule = match new.endpoint {
            Endpoint::Http { .. } => &rules::OPERATION_HTTP_CHANGED,
            Endpoint::Top { .. } => &rules::OPERATION_TOP_METHOD_CHANGED,
        };
        cmp.report(
            rule,
            At::New(decl.endpoint.pos),
            Direction::BOTH,
            facts,
            format!("operation {name}: endpoint changed from {old_endpoint} to {new_endpoint}"),
        );
    }
    session(cmp, old, new, decl);
    for (rule, old_body, new_body, pos, direction, what) in [
        (
            &rules::OPERATION_REQUEST_CHANGED,
            &Body::Value(old.request.clone()),
            &Body::Value(new.request.clone()),
            decl.request.pos,
            Direction::REQUEST,
            "request",
        ),
        (
            &rules::OPERATION_RESPONSE_CHANGED,
            &old.response,
            &new.response,
            decl.response.pos,
            Direction::RESPONSE,
            "response",
        ),
    ] {
        let same = match (old_body, new_body) {
            (Body::Raw, Body::Raw) => true,
            (Body::Value(old_ty), Body::Value(new_ty)) => same_field_type(cmp, old_ty, new_ty),
            (Body::Raw, Body::Value(_)) | (Body::Value(_), Body::Raw) => false,
        };
        if !same {
            let text = |side, body: &Body| match body {
                Body::Value(ty) => type_text(side, ty),
                Body::Raw => NO_BODY.to_owned(),
            };
            let message = format!(
                "operation {name}: {what} type changed from {} to {}",
                text(&cmp.old, old_body),
                text(&cmp.new, new_body)
            );
            cmp.report(rule, At::New(pos), direction, facts, message);
        }
    }
    let error_at = decl.error.as_ref().map_or(decl.name.pos, |e| e.pos);
    let error_change = match (old.error, new.error) {
        (None, Some(ty)) => Some((
            &rules::OPERATION_ERROR_ADDED,
            format!(
                "operation {name}: error type {} added",
                cmp.new.type_name(ty)
            ),
        )),
        (Some(ty), None) => Some((
            &rules::OPERATION_ERROR_REMOVED,
            format!(
                "operation {name}: error type {} removed",
                cmp.old.type_name(ty)
            ),
        )),
        (Some(old_ty), Some(new_ty)) if !cmp.same_type(old_ty, new_ty) => Some((
            &rules::OPERATION_ERROR_CHANGED,
            format!(
                "operation {name}: error type changed from {} to {}",
                cmp.old.type_name(old_ty),
                cmp.new.type_name(new_ty)
            ),
        )),
        _ => None,
    };
    if let Some((rule, message)) = error_change {
        cmp.report(
            rule,
            At::New(error_at),
            Direction::RESPONSE,
            Facts::NONE,
            message,
        );
    }
    super::uri::compare(cmp, old, new, decl);
    super::outcome::compare(cmp, old, new, decl);
    if let Some(texts) = changed_texts(&[
        ("doc", old.doc.as_deref(), new.doc.as_deref()),
        ("note", old.note.as_deref(), new.note.as_deref()),
    ]) {
        cmp.report(
            &rules::DOC_CHANGED,
            At::New(decl.name.pos),
            Direction::BOTH,
            Facts::NONE,
            format!("operation {name}: {texts} changed"),
        );
    }
}

/// The samples of each type present on both sides, and of TOP's `error_response` envelope when both sides are TOP
/// providers, with the validation codes each is documented to break, compared as sets.
fn examples(cmp: &mut Comparison<'_>) {
    let pairs: Vec<(usize, usize)> = cmp
        .type_pairs
        .iter()
        .enumerate()
        .filter_map(|(old, new)| Some((old, (*new)?)))
        .collect();
    for (old_id, new_id) in pairs {
        let (old_name, new_name) = (cmp.old.type_name(old_id), cmp.new.type_name(new_id));
        let direction = cmp.direction(old_id, new_id);
        let missing_at = At::New(cmp.new.type_pos(new_id));
        examples_of(cmp, old_name, new_name, direction, missing_at);
    }
    let both_top = [cmp.old.provider(), cmp.new.provider()]
        .iter()
        .all(|provider| provider.protocol == Protocol::Top);
    if both_top {
        examples_of(
            cmp,
            ERROR_RESPONSE,
            ERROR_RESPONSE,
            Direction::RESPONSE,
            At::New(FILE_START),
        );
    }
}

/// Reports `examples-changed` when the samples OLD names `old_name` differ from those NEW names `new_name`; the
/// change is shown at NEW's first such example, else OLD's, else `missing_at`.
fn examples_of(
    cmp: &mut Comparison<'_>,
    old_name: &str,
    new_name: &str,
    direction: Direction,
    missing_at: At,
) {
    let (old_examples, new_examples) = (&cmp.old.schema().examples, &cmp.new.schema().examples);
    let samples = |examples: &'_ [crate::load::schema::ExampleDecl], name: &str| {
        let mut samples: Vec<(Format, String, Vec<String>)> = examples
            .iter()
            .filter(|e| e.ty.value == name)
            .flat_map(|e| {
                let breaks: Vec<String> = e.breaks.iter().map(|b| b.value.clone()).collect();
                e.samples
                    .iter()
                    .map(move |(f, text)| (*f, text.value.clone(), breaks.clone()))
            })
            .collect();
        samples.sort();
        samples
    };
    let (old_samples, new_samples) = (
        samples(old_examples, old_name),
        samples(new_examples, new_name),
    );
    if old_samples == new_samples {
        return;
    }
    let mut formats: Vec<Format> = old_samples
        .iter()
        .filter(|s| !new_samples.contains(s))
        .chain(new_samples.iter().filter(|s| !old_samples.contains(s)))
        .map(|(format, _, _)| *format)
        .collect();
    formats.sort();
    formats.dedup();
    let at = match new_examples.iter().find(|e| e.ty.value == new_name) {
        Some(example) => At::New(example.ty.pos),
        None => old_examples
            .iter()
            .find(|e| e.ty.value == old_name)
            .map_or(missing_at, |e| At::Old(e.ty.pos)),
    };
    let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
    cmp.report_formats(
        &rules::EXAMPLES_CHANGED,
        at,
        direction,
        Facts::NONE,
        &formats,
        format!("{new_name}: {} examples changed", names.join(", ")),
    );
}
