//! Types: pairing them, and what changes on a type as a whole (names, kind, base, XML naming, member order).
//! Fields are [`super::fields`]'s, enum values [`super::enums`]'.

use super::context::{At, Comparison, changed_texts};
use super::rules::{self, Facts};
use super::{matching, order};
use crate::load::schema::TypeBody;
use crate::model::{Format, Struct, Type, TypeId, TypeKind};

/// Pairs the types, reports those added, removed and renamed, and compares each pair.
pub(super) fn compare(cmp: &mut Comparison<'_>) {
    let (old_types, new_types) = (&cmp.old.provider().types, &cmp.new.provider().types);
    let new_side = &cmp.new;
    let matching = matching::pair(
        old_types.iter().map(|ty| ty.name.as_str()),
        new_types.iter().enumerate().map(|(id, ty)| {
            let renamed_from = new_side
                .type_decl(id)
                .and_then(|decl| decl.renamed_from.as_ref())
                .map(|name| name.value.as_str());
            (ty.name.as_str(), renamed_from)
        }),
    );
    for (old, new, _) in &matching.pairs {
        cmp.type_pairs[*old] = Some(*new);
    }
    for id in &matching.removed {
        let ty = &old_types[*id];
        let direction = cmp.old.usage.direction(*id);
        cmp.report(
            &rules::TYPE_REMOVED,
            At::Old(cmp.old.type_pos(*id)),
            direction,
            emitted(ty),
            format!("type {} removed", ty.name),
        );
    }
    for id in &matching.added {
        let ty = &new_types[*id];
        let direction = cmp.new.usage.direction(*id);
        cmp.report(
            &rules::TYPE_ADDED,
            At::New(cmp.new.type_pos(*id)),
            direction,
            emitted(ty),
            format!("type {} added", ty.name),
        );
    }
    for id in &matching.unmatched_renames {
        if let Some(source) = cmp.new.type_decl(*id).and_then(|d| d.renamed_from.as_ref()) {
            let direction = cmp.new.usage.direction(*id);
            cmp.report(
                &rules::RENAME_SOURCE_MISSING,
                At::New(source.pos),
                direction,
                Facts::NONE,
                format!(
                    "type {}: renamed_from {} names no type of OLD",
                    new_types[*id].name, source.value
                ),
            );
        }
    }
    for (old, new, renamed) in matching.pairs {
        compare_type(cmp, old, new, renamed);
    }
}

/// Whether a Rust type is emitted for it: every type but an abstract base.
fn emitted(ty: &Type) -> Facts {
    Facts {
        rust: !matches!(&ty.kind, TypeKind::Struct(s) if s.is_abstract),
        ..Facts::NONE
    }
}

fn compare_type(cmp: &mut Comparison<'_>, old_id: TypeId, new_id: TypeId, renamed: bool) {
    let (old, new) = (
        &cmp.old.provider().types[old_id],
        &cmp.new.provider().types[new_id],
    );
    let decl = cmp.new.type_decl(new_id);
    let at = At::New(cmp.new.type_pos(new_id));
    let direction = cmp.direction(old_id, new_id);
    let name = &new.name;
    if renamed {
        cmp.report(
            &rules::TYPE_RENAMED,
            at,
            direction,
            Facts::RUST,
            format!("type {} renamed to {name}", old.name),
        );
    } else if old.rust_name.bare() != new.rust_name.bare() {
        let pos = decl
            .and_then(|d| d.rust_name.as_ref())
            .map_or(at, |n| At::New(n.pos));
        cmp.report(
            &rules::TYPE_RUST_NAME_CHANGED,
            pos,
            direction,
            Facts::RUST,
            format!(
                "{name}: Rust name changed from {} to {}",
                old.rust_name.bare(),
                new.rust_name.bare()
            ),
        );
    }
    if old.full_name != new.full_name {
        cmp.report(
            &rules::TYPE_FULL_NAME_CHANGED,
            at,
            direction,
            Facts::RUST,
            format!(
                "{name}: full_name changed from {} to {}",
                old.full_name.as_deref().unwrap_or("none"),
                new.full_name.as_deref().unwrap_or("none")
            ),
        );
    }
    if let Some(texts) = changed_texts(&[
        ("doc", old.doc.as_deref(), new.doc.as_deref()),
        ("note", old.note.as_deref(), new.note.as_deref()),
    ]) {
        cmp.report(
            &rules::DOC_CHANGED,
            at,
            direction,
            Facts::NONE,
            format!("{name}: {texts} changed"),
        );
    }
    match (&old.kind, &new.kind) {
        (TypeKind::Struct(old_body), TypeKind::Struct(new_body)) => {
            compare_struct(cmp, (old_id, old_body), (new_id, new_body));
            super::fields::compare(cmp, (old_id, old_body), (new_id, new_body));
            super::cross_field::compare(cmp, old_id, new_id);
        }
        (TypeKind::Enum(old_body), TypeKind::Enum(new_body)) => {
            super::enums::compare(cmp, (old_id, old_body), (new_id, new_body));
        }
        (TypeKind::Struct(_), TypeKind::Enum(_)) | (TypeKind::Enum(_), TypeKind::Struct(_)) => {
            let kind = |kind: &TypeKind| match kind {
                TypeKind::Struct(_) => "a struct",
                TypeKind::Enum(_) => "an enum",
            };
            cmp.report(
                &rules::TYPE_KIND_CHANGED,
                at,
                direction,
                Facts::RUST,
                format!(
                    "{name} changed from {} to {}",
                    kind(&old.kind),
                    kind(&new.kind)
                ),
            );
        }
    }
}

fn compare_struct(
    cmp: &mut Comparison<'_>,
    (old_id, old): (TypeId, &Struct),
    (new_id, new): (TypeId, &Struct),
) {
    let name = cmp.new.type_name(new_id);
    let at = At::New(cmp.new.type_pos(new_id));
    let direction = cmp.direction(old_id, new_id);
    match (old.is_abstract, new.is_abstract) {
        (false, true) => cmp.report(
            &rules::TYPE_BECAME_ABSTRACT,
            at,
            direction,
            Facts::RUST,
            format!("{name} became abstract"),
        ),
        (true, false) => cmp.report(
            &rules::TYPE_BECAME_CONCRETE,
            at,
            direction,
            Facts::RUST,
            format!("{name} is no longer abstract"),
        ),
        _ => {}
    }
    let (old_base, new_base) = (old.bases.first().copied(), new.bases.first().copied());
    let base_same = match (old_base, new_base) {
        (Some(o), Some(n)) => cmp.same_type(o, n),
        (None, None) => true,
        _ => false,
    };
    if !base_same {
        let base_name = |side: &super::context::Side<'_>, id: Option<TypeId>| {
            id.map_or_else(|| "none".to_owned(), |id| side.type_name(id).to_owned())
        };
        let base_at = match cmp.new.type_decl(new_id).map(|d| &d.body) {
            Some(TypeBody::Struct(body)) => body.base.as_ref().map_or(at, |b| At::New(b.pos)),
            _ => at,
        };
        let message = format!(
            "{name}: base changed from {} to {}",
            base_name(&cmp.old, old_base),
            base_name(&cmp.new, new_base)
        );
        cmp.report(
            &rules::TYPE_BASE_CHANGED,
            base_at,
            direction,
            Facts::RUST,
            message,
        );
    }
    let provider = cmp.new.provider();
    if provider.uses_data_contract() && old.xml_namespace != new.xml_namespace {
        cmp.report(
            &rules::XML_NAMESPACE_CHANGED,
            at,
            direction,
            Facts::NONE,
            format!(
                "{name}: XML namespace changed from {} to {}",
                old.xml_namespace.as_deref().unwrap_or("none"),
                new.xml_namespace.as_deref().unwrap_or("none")
            ),
        );
    }
    if provider.formats.contains(&Format::Xml) && old.xml_name != new.xml_name {
        let facts = Facts {
            root: cmp.old.usage.is_root(old_id) || cmp.new.usage.is_root(new_id),
            ..Facts::NONE
        };
        cmp.report(
            &rules::XML_NAME_CHANGED,
            at,
            direction,
            facts,
            format!(
                "{name}: XML name changed from {} to {}",
                old.xml_name, new.xml_name
            ),
        );
    }
    if new.is_abstract || old.is_abstract {
        return;
    }
    if provider.uses_data_contract()
        && let Some(moved) = order::change(cmp, old, new, order::data_contract)
    {
        cmp.report(
            &rules::XML_MEMBER_ORDER_CHANGED,
            at,
            direction,
            Facts::NONE,
            format!("{name}: in XML, {moved}"),
        );
    }
    if provider.formats.contains(&Format::Json)
        && let Some(moved) = order::change(cmp, old, new, order::json)
    {
        cmp.report(
            &rules::JSON_MEMBER_ORDER_CHANGED,
            at,
            direction,
            Facts::NONE,
            format!("{name}: in JSON, {moved}"),
        );
    }
}
