//! A struct's cross-field rules (`rules:`: a field required when another equals a value), paired by what they say
//! (the two fields, seen through renames, and the value); the provider's `code` and `message` are what they report.

use super::context::{At, Comparison, Side};
use super::matching;
use super::rules::{self, Facts};
use crate::load::schema::{RuleDecl, TypeBody};
use crate::model::TypeId;

pub(super) fn compare(cmp: &mut Comparison<'_>, old_id: TypeId, new_id: TypeId) {
    let (old_rules, new_rules) = (rules_of(&cmp.old, old_id), rules_of(&cmp.new, new_id));
    if old_rules.is_empty() && new_rules.is_empty() {
        return;
    }
    // NEW field names with the OLD names they were renamed from.
    let renames: Vec<(&str, &str)> = match cmp.new.type_decl(new_id).map(|d| &d.body) {
        Some(TypeBody::Struct(body)) => body
            .fields
            .iter()
            .filter_map(|f| {
                Some((
                    f.name.value.as_str(),
                    f.renamed_from.as_ref()?.value.as_str(),
                ))
            })
            .collect(),
        _ => Vec::new(),
    };
    let old_name = |name: &'_ str| -> String {
        renames
            .iter()
            .find(|(new, _)| *new == name)
            .map_or(name, |(_, old)| *old)
            .to_owned()
    };
    let matching = matching::pair(
        old_rules.iter().map(|r| key(r, str::to_owned)),
        new_rules.iter().map(|r| (key(r, old_name), None)),
    );
    let name = cmp.new.type_name(new_id);
    let direction = cmp.direction(old_id, new_id);
    for index in &matching.removed {
        let rule = &old_rules[*index];
        cmp.report(
            &rules::CROSS_FIELD_RULE_REMOVED,
            At::Old(rule.pos),
            direction,
            Facts::NONE,
            format!("{name}: rule {} removed", describe(rule)),
        );
    }
    for index in &matching.added {
        let rule = &new_rules[*index];
        cmp.report(
            &rules::CROSS_FIELD_RULE_ADDED,
            At::New(rule.pos),
            direction,
            Facts::NONE,
            format!("{name}: rule {} added", describe(rule)),
        );
    }
    for (o, n, _) in matching.pairs {
        let (old, new) = (&old_rules[o], &new_rules[n]);
        if old.code.value != new.code.value || old.message != new.message {
            cmp.report(
                &rules::CROSS_FIELD_RULE_CODE_CHANGED,
                At::New(new.code.pos),
                direction,
                Facts::RUST,
                format!(
                    "{name}: rule {} now reports {} ({}) instead of {} ({})",
                    describe(new),
                    new.code.value,
                    new.message,
                    old.code.value,
                    old.message
                ),
            );
        }
    }
}

fn rules_of<'a>(side: &Side<'a>, id: TypeId) -> &'a [RuleDecl] {
    match side.type_decl(id).map(|d| &d.body) {
        Some(TypeBody::Struct(body)) => &body.rules,
        _ => &[],
    }
}

/// What a rule says, with its field names as OLD spells them.
fn key(rule: &RuleDecl, old_name: impl Fn(&str) -> String) -> (String, String, String) {
    (
        old_name(&rule.when.value),
        rule.equals.value.to_string(),
        old_name(&rule.require.value),
    )
}

/// "`require` required when `when` = value".
fn describe(rule: &RuleDecl) -> String {
    format!(
        "{} required when {} = {}",
        rule.require.value, rule.when.value, rule.equals.value
    )
}
