//! Enums: their wire form, whether they are open, and their values, paired by value.

use super::context::{At, Comparison, Side, changed_texts};
use super::matching;
use super::rules::{self, Facts};
use crate::load::schema::{EnumLiteral, TypeBody};
use crate::model::{Enum, Repr, TypeId};

fn literal_text(literal: &EnumLiteral) -> String {
    match literal {
        EnumLiteral::Int(i) => i.to_string(),
        EnumLiteral::Str(text) => format!("{text:?}"),
    }
}

pub(super) fn compare(
    cmp: &mut Comparison<'_>,
    (old_id, old): (TypeId, &Enum),
    (new_id, new): (TypeId, &Enum),
) {
    let name = cmp.new.type_name(new_id);
    let at = At::New(cmp.new.type_pos(new_id));
    let direction = cmp.direction(old_id, new_id);
    if old.repr != new.repr {
        let repr_at = match cmp.new.type_decl(new_id).map(|d| &d.body) {
            Some(TypeBody::Enum(body)) => At::New(body.repr.pos),
            _ => at,
        };
        cmp.report(
            &rules::ENUM_REPR_CHANGED,
            repr_at,
            direction,
            Facts::RUST,
            format!(
                "{name}: repr changed from {} to {}",
                old.repr.name(),
                new.repr.name()
            ),
        );
        // Numbers and strings never pair: the repr change says it all.
        if (old.repr == Repr::String) != (new.repr == Repr::String) {
            return;
        }
    }
    match (old.open, new.open) {
        (false, true) => cmp.report(
            &rules::ENUM_OPENED,
            at,
            direction,
            Facts::NONE,
            format!("{name} is now open: values outside the list are accepted"),
        ),
        (true, false) => cmp.report(
            &rules::ENUM_CLOSED,
            at,
            direction,
            Facts::NONE,
            format!("{name} is now closed: values outside the list are refused"),
        ),
        _ => {}
    }
    let matching = matching::pair(
        old.values.iter().map(|v| &v.value),
        new.values.iter().map(|v| (&v.value, None)),
    );
    let value_pos = |side: &Side<'_>, id: TypeId, literal: &EnumLiteral| {
        side.value_decl(id, literal).map(|decl| decl.value.pos)
    };
    for index in &matching.removed {
        let value = &old.values[*index];
        let pos = value_pos(&cmp.old, old_id, &value.value).map_or(at, At::Old);
        cmp.report(
            &rules::ENUM_VALUE_REMOVED,
            pos,
            direction,
            Facts::RUST,
            format!(
                "{name}: value {} ({}) removed",
                literal_text(&value.value),
                value.rust_name.bare()
            ),
        );
    }
    for index in &matching.added {
        let value = &new.values[*index];
        let pos = value_pos(&cmp.new, new_id, &value.value).map_or(at, At::New);
        let facts = Facts {
            rust: true,
            closed: !new.open,
            ..Facts::NONE
        };
        cmp.report(
            &rules::ENUM_VALUE_ADDED,
            pos,
            direction,
            facts,
            format!(
                "{name}: value {} ({}) added",
                literal_text(&value.value),
                value.rust_name.bare()
            ),
        );
    }
    for (o, n, _) in matching.pairs {
        let (old_value, new_value) = (&old.values[o], &new.values[n]);
        let decl = cmp.new.value_decl(new_id, &new_value.value);
        let value_at = decl.map_or(at, |d| At::New(d.value.pos));
        let label = format!("{name} value {}", literal_text(&new_value.value));
        let rust_changed = old_value.rust_name.bare() != new_value.rust_name.bare();
        if old_value.name != new_value.name {
            let name_at = decl
                .and_then(|d| d.name.as_ref())
                .map_or(value_at, |n| At::New(n.pos));
            cmp.report(
                &rules::ENUM_VALUE_NAME_CHANGED,
                name_at,
                direction,
                Facts {
                    rust: rust_changed,
                    ..Facts::NONE
                },
                format!(
                    "{label}: member name changed from {} to {}",
                    old_value.name.as_deref().unwrap_or("none"),
                    new_value.name.as_deref().unwrap_or("none")
                ),
            );
        } else if rust_changed {
            let rust_at = decl
                .and_then(|d| d.rust_name.as_ref())
                .map_or(value_at, |n| At::New(n.pos));
            cmp.report(
                &rules::ENUM_VALUE_RUST_NAME_CHANGED,
                rust_at,
                direction,
                Facts::RUST,
                format!(
                    "{label}: Rust variant changed from {} to {}",
                    old_value.rust_name.bare(),
                    new_value.rust_name.bare()
                ),
            );
        }
        if let Some(texts) = changed_texts(&[
            ("doc", old_value.doc.as_deref(), new_value.doc.as_deref()),
            ("note", old_value.note.as_deref(), new_value.note.as_deref()),
        ]) {
            cmp.report(
                &rules::DOC_CHANGED,
                value_at,
                direction,
                Facts::NONE,
                format!("{label}: {texts} changed"),
            );
        }
    }
}
