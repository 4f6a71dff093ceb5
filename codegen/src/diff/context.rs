//! The comparison of one provider in OLD and NEW: both sides, how their types pair, and the changes found so far,
//! each judged by its rule as it is reported.

use super::rules::{Facts, Rule, Wire};
use super::usage::{Usage, wire_formats};
use super::{Change, Direction, LoadedProvider, Severity, Surface};
use crate::diagnostic::Pos;
use crate::load::schema::{EnumLiteral, EnumValueDecl, FieldDecl, Schema, TypeBody, TypeDecl};
use crate::model::{Field, Format, Provider, TypeId};

/// Where a change is shown when the schema does not say where its item is.
pub(super) const FILE_START: Pos = Pos { line: 1, col: 1 };

/// One version of a provider, with the usage of its types.
pub(super) struct Side<'a> {
    pub loaded: &'a LoadedProvider,
    pub usage: Usage,
}

impl<'a> Side<'a> {
    pub(super) fn new(loaded: &'a LoadedProvider) -> Side<'a> {
        Side {
            loaded,
            usage: Usage::of(&loaded.provider),
        }
    }

    pub(super) fn provider(&self) -> &'a Provider {
        &self.loaded.provider
    }

    pub(super) fn schema(&self) -> &'a Schema {
        &self.loaded.schema
    }

    /// The declaration of a checked type: the checker keeps the schema's order, so ids index both.
    pub(super) fn type_decl(&self, id: TypeId) -> Option<&'a TypeDecl> {
        let decl = self.schema().types.get(id)?;
        let ty = self.provider().types.get(id)?;
        (decl.name.value == ty.name).then_some(decl)
    }

    pub(super) fn field_decl(&self, field: &Field) -> Option<&'a FieldDecl> {
        match &self.type_decl(field.declared_by)?.body {
            TypeBody::Struct(body) => body
                .fields
                .iter()
                .find(|decl| decl.name.value == field.wire_name),
            TypeBody::Enum(_) => None,
        }
    }

    pub(super) fn value_decl(&self, id: TypeId, value: &EnumLiteral) -> Option<&'a EnumValueDecl> {
        match &self.type_decl(id)?.body {
            TypeBody::Enum(body) => body.values.value.iter().find(|v| v.value.value == *value),
            TypeBody::Struct(_) => None,
        }
    }

    /// Where the schema names a type; the top of the file when it cannot be found.
    pub(super) fn type_pos(&self, id: TypeId) -> Pos {
        self.type_decl(id).map_or(FILE_START, |decl| decl.name.pos)
    }

    pub(super) fn type_name(&self, id: TypeId) -> &'a str {
        self.provider()
            .types
            .get(id)
            .map_or("?", |ty| ty.name.as_str())
    }
}

/// Where a change is shown: in NEW, or in OLD for something NEW no longer has.
#[derive(Clone, Copy, Debug)]
pub(super) enum At {
    Old(Pos),
    New(Pos),
}

/// How a rule judges a change to an item of `provider` travelling in `direction`: the worst verdict of the
/// directions it travels in (both for an item no operation reaches), and the Rust API and the formats it touches.
/// A change that would break the Rust API or the wire but shows in neither (an XML rule on a provider without XML)
/// is only information.
pub(super) fn judge(
    rule: &Rule,
    provider: &Provider,
    direction: Direction,
    facts: Facts,
    given: &[Format],
) -> (Severity, Vec<Surface>) {
    let judged = if direction == Direction::default() {
        Direction::BOTH
    } else {
        direction
    };
    let mut severity = Severity::Info;
    let mut touches = false;
    let mut surfaces: Vec<Surface> = Vec::new();
    for (travels, request) in [(judged.request, true), (judged.response, false)] {
        if !travels {
            continue;
        }
        let effect = if request {
            (rule.request)(facts)
        } else {
            (rule.response)(facts)
        };
        severity = severity.max(effect.severity);
        touches |= effect.rust || effect.wire;
        if effect.rust {
            surfaces.push(Surface::Rust);
        }
        if effect.wire {
            surfaces.extend(
                wire_formats(provider, request)
                    .into_iter()
                    .filter(|surface| match rule.wire {
                        Wire::All => true,
                        Wire::Json => *surface == Surface::Json,
                        Wire::Xml => *surface == Surface::Xml,
                        Wire::DataContract => {
                            *surface == Surface::Xml && provider.uses_data_contract()
                        }
                        Wire::Given => given
                            .iter()
                            .any(|format| Surface::from(*format) == *surface),
                    }),
            );
        }
    }
    surfaces.sort_unstable();
    surfaces.dedup();
    if touches && surfaces.is_empty() {
        severity = Severity::Info;
    }
    (severity, surfaces)
}

/// One provider present in both OLD and NEW, being compared.
pub(super) struct Comparison<'a> {
    pub old: Side<'a>,
    pub new: Side<'a>,
    /// For each OLD type, the NEW type it pairs with.
    pub type_pairs: Vec<Option<TypeId>>,
    changes: Vec<Change>,
}

impl<'a> Comparison<'a> {
    pub(super) fn new(old: &'a LoadedProvider, new: &'a LoadedProvider) -> Comparison<'a> {
        Comparison {
            type_pairs: vec![None; old.provider.types.len()],
            old: Side::new(old),
            new: Side::new(new),
            changes: Vec::new(),
        }
    }

    /// Whether an OLD type and a NEW type are the same type, renamed or not.
    pub(super) fn same_type(&self, old: TypeId, new: TypeId) -> bool {
        self.type_pairs.get(old).copied().flatten() == Some(new)
    }

    /// The direction of a type present on both sides: whoever used it before or uses it now is affected.
    pub(super) fn direction(&self, old: TypeId, new: TypeId) -> Direction {
        self.old
            .usage
            .direction(old)
            .union(self.new.usage.direction(new))
    }

    pub(super) fn report(
        &mut self,
        rule: &'static Rule,
        at: At,
        direction: Direction,
        facts: Facts,
        message: String,
    ) {
        self.report_formats(rule, at, direction, facts, &[], message);
    }

    /// Reports a change of a [`Wire::Given`] rule, which touches the formats named.
    pub(super) fn report_formats(
        &mut self,
        rule: &'static Rule,
        at: At,
        direction: Direction,
        facts: Facts,
        given: &[Format],
        message: String,
    ) {
        let (side, pos) = match at {
            At::Old(pos) => (&self.old, pos),
            At::New(pos) => (&self.new, pos),
        };
        let (severity, formats) = judge(rule, side.provider(), direction, facts, given);
        self.changes.push(Change {
            rule,
            severity,
            direction,
            formats,
            provider: side.provider().id.clone(),
            file: side.schema().file.clone(),
            pos,
            message,
        });
    }

    pub(super) fn into_changes(self) -> Vec<Change> {
        self.changes
    }
}

/// Which of an item's descriptions differ, named for a `doc-changed` message ("doc", "doc and note"); `None`
/// when they are all the same.
pub(super) fn changed_texts(texts: &[(&str, Option<&str>, Option<&str>)]) -> Option<String> {
    let changed: Vec<&str> = texts
        .iter()
        .filter(|(_, old, new)| old != new)
        .map(|(name, _, _)| *name)
        .collect();
    match changed.split_last() {
        None => None,
        Some((last, [])) => Some((*last).to_owned()),
        Some((last, rest)) => Some(format!("{} and {last}", rest.join(", "))),
    }
}
