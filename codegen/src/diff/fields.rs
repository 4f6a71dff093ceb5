//! Fields: paired by wire name within the struct that declares them (an inherited field is its base's), then by
//! `renamed_from`.

use super::Direction;
use super::context::{At, Comparison, Side, changed_texts};
use super::matching;
use super::rules::{self, Facts, Rule};
use crate::diagnostic::Pos;
use crate::load::schema::{FieldDecl, Spanned, TextFormat};
use crate::model::{Bound, DefaultValue, Field, FieldType, Scalar, Struct, TypeId};

/// Compares the fields two paired structs declare themselves.
pub(super) fn compare(
    cmp: &mut Comparison<'_>,
    (old_id, old): (TypeId, &Struct),
    (new_id, new): (TypeId, &Struct),
) {
    let (old_fields, new_fields) = (own_fields(old), own_fields(new));
    let new_side = &cmp.new;
    let matching = matching::pair(
        old_fields.iter().map(|f| f.wire_name.as_str()),
        new_fields
            .iter()
            .map(|f| (f.wire_name.as_str(), renamed_from(new_side.field_decl(f)))),
    );
    let owner = cmp.new.type_name(new_id);
    let direction = cmp.direction(old_id, new_id);
    for index in &matching.removed {
        let field = old_fields[*index];
        cmp.report(
            &rules::FIELD_REMOVED,
            At::Old(field.pos),
            direction,
            Facts::RUST,
            format!("{owner}.{} removed", field.wire_name),
        );
    }
    for index in &matching.added {
        let field = new_fields[*index];
        // `rust`: the builder makes callers set a field that is not an `Option`.
        let facts = Facts {
            rust: !field.optional,
            required: field.required,
            ..Facts::NONE
        };
        let required = if field.required { " (required)" } else { "" };
        cmp.report(
            &rules::FIELD_ADDED,
            At::New(field.pos),
            direction,
            facts,
            format!("{owner}.{} added{required}", field.wire_name),
        );
    }
    for index in &matching.unmatched_renames {
        let field = new_fields[*index];
        if let Some(source) = cmp
            .new
            .field_decl(field)
            .and_then(|d| d.renamed_from.as_ref())
        {
            cmp.report(
                &rules::RENAME_SOURCE_MISSING,
                At::New(source.pos),
                direction,
                Facts::NONE,
                format!(
                    "{owner}.{}: renamed_from {} names no field of OLD",
                    field.wire_name, source.value
                ),
            );
        }
    }
    let top_parameters = cmp.new.usage.is_top_parameters(new_id);
    let context = FieldContext {
        owner,
        direction,
        top_parameters,
    };
    for (o, n, renamed) in matching.pairs {
        compare_field(cmp, &context, old_fields[o], new_fields[n], renamed);
    }
}

/// The fields a struct declares itself, not those it inherits.
fn own_fields(body: &Struct) -> Vec<&Field> {
    body.fields.iter().filter(|f| f.inherited == 0).collect()
}

/// The wire name a field declares it was renamed from.
pub(super) fn renamed_from(decl: Option<&FieldDecl>) -> Option<&str> {
    decl.and_then(|d| d.renamed_from.as_ref())
        .map(|name| name.value.as_str())
}

/// What every change of one struct's fields shares.
struct FieldContext<'a> {
    owner: &'a str,
    direction: Direction,
    /// The struct is a TOP request: its fields are application parameters.
    top_parameters: bool,
}

/// Reports a change of one field, at the span of the key that changed when NEW has it, else at the field's name.
fn report(
    cmp: &mut Comparison<'_>,
    context: &FieldContext<'_>,
    field: &Field,
    rule: &'static Rule,
    span: Option<Pos>,
    facts: Facts,
    what: String,
) {
    cmp.report(
        rule,
        At::New(span.unwrap_or(field.pos)),
        context.direction,
        facts,
        format!("{}.{}: {what}", context.owner, field.wire_name),
    );
}

/// A delimiter added, removed or changed: the list's wire form changes either way.
fn compare_delimiter(
    cmp: &mut Comparison<'_>,
    context: &FieldContext<'_>,
    old: &Field,
    new: &Field,
    span: Option<Pos>,
) {
    let (rule, what) = match (old.delimiter, new.delimiter) {
        (None, Some(delimiter)) => (
            &rules::FIELD_DELIMITER_ADDED,
            format!("now carried in one string, its items separated by {delimiter:?}"),
        ),
        (Some(_), None) => (
            &rules::FIELD_DELIMITER_REMOVED,
            "no longer carried in one delimited string".to_owned(),
        ),
        (Some(before), Some(after)) if before != after => (
            &rules::FIELD_DELIMITER_CHANGED,
            format!("items now separated by {after:?} (were {before:?})"),
        ),
        _ => return,
    };
    report(cmp, context, new, rule, span, Facts::NONE, what);
}

fn compare_field(
    cmp: &mut Comparison<'_>,
    context: &FieldContext<'_>,
    old: &Field,
    new: &Field,
    renamed: bool,
) {
    let decl = cmp.new.field_decl(new);
    let span = |key: fn(&FieldDecl) -> Option<Pos>| decl.and_then(key);
    let rust_changed = old.rust_name.bare() != new.rust_name.bare();
    if renamed {
        let rule = if context.top_parameters {
            &rules::TOP_PARAMETER_RENAMED
        } else {
            &rules::FIELD_RENAMED
        };
        let facts = Facts {
            rust: rust_changed,
            ..Facts::NONE
        };
        cmp.report(
            rule,
            At::New(new.pos),
            context.direction,
            facts,
            format!(
                "{owner}.{} renamed to {owner}.{}",
                old.wire_name,
                new.wire_name,
                owner = context.owner
            ),
        );
    } else if rust_changed {
        report(
            cmp,
            context,
            new,
            &rules::FIELD_RUST_NAME_CHANGED,
            span(|d| d.rust_name.as_ref().map(|n| n.pos)),
            Facts::RUST,
            format!(
                "Rust name changed from {} to {}",
                old.rust_name.bare(),
                new.rust_name.bare()
            ),
        );
    }
    compare_type(cmp, context, old, new, span(|d| Some(d.ty.pos)));
    compare_presence(cmp, context, old, new);
    compare_limits(cmp, context, old, new, span);
    if old.sensitive != new.sensitive {
        let (rule, what) = if new.sensitive {
            (&rules::FIELD_SENSITIVE_ADDED, "now redacted (sensitive)")
        } else {
            (
                &rules::FIELD_SENSITIVE_REMOVED,
                "no longer redacted (sensitive)",
            )
        };
        report(cmp, context, new, rule, None, Facts::NONE, what.to_owned());
    }
    if old.encryption != new.encryption {
        let (rule, what) = if new.encryption.is_some() {
            (
                &rules::FIELD_ENCRYPTION_ADDED,
                "now SM4-encrypted on the wire",
            )
        } else {
            (
                &rules::FIELD_ENCRYPTION_REMOVED,
                "no longer encrypted on the wire",
            )
        };
        report(cmp, context, new, rule, None, Facts::NONE, what.to_owned());
    }
    compare_delimiter(
        cmp,
        context,
        old,
        new,
        span(|d| d.delimiter.as_ref().map(|d| d.pos)),
    );
    if old.default != new.default {
        let text = |value: &Option<DefaultValue>| {
            value
                .as_ref()
                .map_or_else(|| "none".to_owned(), ToString::to_string)
        };
        let what = format!(
            "default changed from {} to {}",
            text(&old.default),
            text(&new.default)
        );
        let at = span(|d| d.default.as_ref().map(|d| d.pos));
        report(
            cmp,
            context,
            new,
            &rules::FIELD_DEFAULT_CHANGED,
            at,
            Facts::NONE,
            what,
        );
    }
    if let Some(texts) = changed_texts(&[
        ("doc", old.doc.as_deref(), new.doc.as_deref()),
        ("note", old.note.as_deref(), new.note.as_deref()),
    ]) {
        report(
            cmp,
            context,
            new,
            &rules::DOC_CHANGED,
            None,
            Facts::NONE,
            format!("{texts} changed"),
        );
    }
}

/// How a field's type changed, seen through the pairing of types: a declared type that was renamed is the same.
enum TypeChange {
    Same,
    Scalar { widened: bool, narrowed: bool },
    ListNess,
    Named,
}

fn type_change(cmp: &Comparison<'_>, old: &FieldType, new: &FieldType) -> TypeChange {
    match (old, new) {
        (FieldType::List(old), FieldType::List(new)) => type_change(cmp, old, new),
        (FieldType::List(_), _) | (_, FieldType::List(_)) => TypeChange::ListNess,
        (FieldType::Scalar(old), FieldType::Scalar(new)) if old == new => TypeChange::Same,
        (FieldType::Scalar(old), FieldType::Scalar(new)) => TypeChange::Scalar {
            widened: holds_all(*new, *old),
            narrowed: holds_all(*old, *new),
        },
        (FieldType::Named(old), FieldType::Named(new)) if cmp.same_type(*old, *new) => {
            TypeChange::Same
        }
        (FieldType::Named(_), FieldType::Named(_)) => TypeChange::Named,
        (FieldType::Scalar(_), FieldType::Named(_))
        | (FieldType::Named(_), FieldType::Scalar(_)) => TypeChange::Scalar {
            widened: false,
            narrowed: false,
        },
    }
}

/// Whether two field or body types are the same, a renamed declared type being the same.
pub(super) fn same_field_type(cmp: &Comparison<'_>, old: &FieldType, new: &FieldType) -> bool {
    matches!(type_change(cmp, old, new), TypeChange::Same)
}

/// Whether every wire value of `narrow` is a valid `wide` in every format: `int32` in `int64`, `fen` (digits in a
/// string) in `string`.
fn holds_all(wide: Scalar, narrow: Scalar) -> bool {
    matches!(
        (wide, narrow),
        (Scalar::Int64, Scalar::Int32) | (Scalar::String, Scalar::Fen)
    )
}

/// A field or body type as the schema writes it.
pub(super) fn type_text(side: &Side<'_>, ty: &FieldType) -> String {
    match ty {
        FieldType::Scalar(scalar) => Scalar::ALL
            .iter()
            .find(|(_, s)| s == scalar)
            .map_or("?", |(name, _)| name)
            .to_owned(),
        FieldType::Named(id) => side.type_name(*id).to_owned(),
        FieldType::List(item) => format!("list<{}>", type_text(side, item)),
    }
}

fn compare_type(
    cmp: &mut Comparison<'_>,
    context: &FieldContext<'_>,
    old: &Field,
    new: &Field,
    span: Option<Pos>,
) {
    let (rule, facts) = match type_change(cmp, &old.ty, &new.ty) {
        TypeChange::Same => return,
        TypeChange::Scalar { widened, narrowed } => (
            &rules::FIELD_TYPE_CHANGED,
            Facts {
                rust: true,
                widened,
                narrowed,
                ..Facts::NONE
            },
        ),
        TypeChange::ListNess => (&rules::FIELD_LIST_CHANGED, Facts::RUST),
        TypeChange::Named => (&rules::FIELD_NAMED_TYPE_CHANGED, Facts::RUST),
    };
    let what = format!(
        "type changed from {} to {}",
        type_text(&cmp.old, &old.ty),
        type_text(&cmp.new, &new.ty)
    );
    report(cmp, context, new, rule, span, facts, what);
}

/// `required`, and whether the Rust field is an `Option`.
fn compare_presence(
    cmp: &mut Comparison<'_>,
    context: &FieldContext<'_>,
    old: &Field,
    new: &Field,
) {
    let facts = Facts {
        rust: old.optional != new.optional,
        ..Facts::NONE
    };
    let (rule, what) = match (old.required, new.required, old.optional, new.optional) {
        (false, true, ..) => (&rules::FIELD_BECAME_REQUIRED, "became required"),
        (true, false, ..) => (&rules::FIELD_BECAME_OPTIONAL, "is no longer required"),
        (_, _, false, true) => (&rules::FIELD_BECAME_NULLABLE, "became an Option (nullable)"),
        (_, _, true, false) => (
            &rules::FIELD_BECAME_NON_NULLABLE,
            "is no longer an Option (not nullable)",
        ),
        _ => return,
    };
    report(cmp, context, new, rule, None, facts, what.to_owned());
}

/// Length limits, `pattern` and `format`: what the provider accepts or promises.
fn compare_limits(
    cmp: &mut Comparison<'_>,
    context: &FieldContext<'_>,
    old: &Field,
    new: &Field,
    span: impl Fn(fn(&FieldDecl) -> Option<Pos>) -> Option<Pos>,
) {
    let limit = |value: Option<u32>| value.map_or_else(|| "none".to_owned(), |n| n.to_string());
    // No maximum is the loosest; no minimum is a minimum of 0.
    let max_len = |value: Option<u32>| value.unwrap_or(u32::MAX);
    if old.max_len != new.max_len {
        let rule = if max_len(new.max_len) < max_len(old.max_len) {
            &rules::FIELD_MAX_LEN_TIGHTENED
        } else {
            &rules::FIELD_MAX_LEN_LOOSENED
        };
        let what = format!(
            "max_len changed from {} to {}",
            limit(old.max_len),
            limit(new.max_len)
        );
        let at = span(|d| d.max_len.as_ref().map(pos_of));
        report(cmp, context, new, rule, at, Facts::NONE, what);
    }
    if old.min_len.unwrap_or(0) != new.min_len.unwrap_or(0) {
        let rule = if new.min_len.unwrap_or(0) > old.min_len.unwrap_or(0) {
            &rules::FIELD_MIN_LEN_TIGHTENED
        } else {
            &rules::FIELD_MIN_LEN_LOOSENED
        };
        let what = format!(
            "min_len changed from {} to {}",
            limit(old.min_len),
            limit(new.min_len)
        );
        let at = span(|d| d.min_len.as_ref().map(pos_of));
        report(cmp, context, new, rule, at, Facts::NONE, what);
    }
    compare_bounds(cmp, context, old, new, &span);
    let text = |value: Option<&str>| value.map_or_else(|| "none".to_owned(), |v| format!("{v:?}"));
    let pattern = constraint_rule(
        old.pattern.as_deref(),
        new.pattern.as_deref(),
        [
            &rules::FIELD_PATTERN_ADDED,
            &rules::FIELD_PATTERN_REMOVED,
            &rules::FIELD_PATTERN_CHANGED,
        ],
    );
    if let Some(rule) = pattern {
        let what = format!(
            "pattern changed from {} to {}",
            text(old.pattern.as_deref()),
            text(new.pattern.as_deref())
        );
        let at = span(|d| d.pattern.as_ref().map(pos_of));
        report(cmp, context, new, rule, at, Facts::NONE, what);
    }
    let format = constraint_rule(
        old.format.map(TextFormat::name),
        new.format.map(TextFormat::name),
        [
            &rules::FIELD_FORMAT_ADDED,
            &rules::FIELD_FORMAT_REMOVED,
            &rules::FIELD_FORMAT_CHANGED,
        ],
    );
    if let Some(rule) = format {
        let what = format!(
            "format changed from {} to {}",
            old.format.map_or("none", TextFormat::name),
            new.format.map_or("none", TextFormat::name)
        );
        let at = span(|d| d.format.as_ref().map(pos_of));
        report(cmp, context, new, rule, at, Facts::NONE, what);
    }
}

/// A number's `min` and `max`. No bound is the loosest.
fn compare_bounds(
    cmp: &mut Comparison<'_>,
    context: &FieldContext<'_>,
    old: &Field,
    new: &Field,
    span: &impl Fn(fn(&FieldDecl) -> Option<Pos>) -> Option<Pos>,
) {
    let text = |bound: Option<Bound>| bound.map_or_else(|| "none".to_owned(), |b| b.to_string());
    let value = |bound: Option<Bound>, none: f64| bound.map_or(none, Bound::as_f64);
    if old.min != new.min {
        let raised = value(new.min, f64::NEG_INFINITY) > value(old.min, f64::NEG_INFINITY);
        let rule = if raised {
            &rules::FIELD_MIN_TIGHTENED
        } else {
            &rules::FIELD_MIN_LOOSENED
        };
        let what = format!("min changed from {} to {}", text(old.min), text(new.min));
        let at = span(|d| d.min.as_ref().map(pos_of));
        report(cmp, context, new, rule, at, Facts::NONE, what);
    }
    if old.max != new.max {
        let lowered = value(new.max, f64::INFINITY) < value(old.max, f64::INFINITY);
        let rule = if lowered {
            &rules::FIELD_MAX_TIGHTENED
        } else {
            &rules::FIELD_MAX_LOOSENED
        };
        let what = format!("max changed from {} to {}", text(old.max), text(new.max));
        let at = span(|d| d.max.as_ref().map(pos_of));
        report(cmp, context, new, rule, at, Facts::NONE, what);
    }
}

fn pos_of<T>(spanned: &Spanned<T>) -> Pos {
    spanned.pos
}

/// The rule of an optional constraint going from `old` to `new`: `[added, removed, changed]`.
fn constraint_rule<T: PartialEq>(
    old: Option<T>,
    new: Option<T>,
    [added, removed, changed]: [&'static Rule; 3],
) -> Option<&'static Rule> {
    match (old, new) {
        (None, Some(_)) => Some(added),
        (Some(_), None) => Some(removed),
        (Some(old), Some(new)) if old != new => Some(changed),
        _ => None,
    }
}
