//! An operation's `outcome:`: which responses a client returns as the provider's failure.

use super::Direction;
use super::context::{At, Comparison};
use super::rules::{self, Facts};
use crate::load::schema::OperationDecl;
use crate::model::{Operation, Outcome};

/// Reports an outcome added, removed, reading another field or value, or reporting from other fields.
pub(super) fn compare(
    cmp: &mut Comparison<'_>,
    old: &Operation,
    new: &Operation,
    decl: &OperationDecl,
) {
    let name = &new.name;
    let (rule, at, message) = match (&old.outcome, &new.outcome, &decl.outcome) {
        (None, Some(outcome), Some(written)) => (
            &rules::OPERATION_OUTCOME_ADDED,
            At::New(written.field.pos),
            format!("operation {name}: outcome {} added", reading(outcome)),
        ),
        (Some(outcome), None, _) => (
            &rules::OPERATION_OUTCOME_REMOVED,
            At::New(decl.name.pos),
            format!("operation {name}: outcome {} removed", reading(outcome)),
        ),
        (Some(before), Some(after), Some(written))
            if before.field != after.field || before.success != after.success =>
        {
            (
                &rules::OPERATION_OUTCOME_CHANGED,
                At::New(written.success.pos),
                format!(
                    "operation {name}: outcome changed from {} to {}",
                    reading(before),
                    reading(after)
                ),
            )
        }
        (Some(before), Some(after), Some(written))
            if before.code != after.code || before.message != after.message =>
        {
            (
                &rules::OPERATION_OUTCOME_REPORT_CHANGED,
                At::New(written.field.pos),
                format!(
                    "operation {name}: a failure's code and message now come from {} (were {})",
                    report(after),
                    report(before)
                ),
            )
        }
        _ => return,
    };
    cmp.report(rule, at, Direction::RESPONSE, Facts::RUST, message);
}

/// `errcode = 0`.
fn reading(outcome: &Outcome) -> String {
    format!("{} = {}", outcome.field, outcome.success)
}

/// `code result_code, message result_msg`.
fn report(outcome: &Outcome) -> String {
    format!(
        "code {}, message {}",
        outcome.code.as_deref().unwrap_or(&outcome.field),
        outcome.message.as_deref().unwrap_or("none")
    )
}
