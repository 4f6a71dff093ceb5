//! Validation: checking a parsed value against the limits its provider's document gives.
//!
//! Parsing keeps whatever the wire carried, so a value that breaks a documented limit can still be read, logged
//! and written back; whether it is acceptable is this separate, explicit step. One pass reports every problem, in
//! field declaration order, depth first, each at the JSON path of its wire names. A valid value costs no
//! allocation: paths are chains of stack frames ([`Path`]) rendered only when a problem is recorded.
//!
//! `#[derive(Validate)]` (in `codegen-derive`) implements [`Validate`] for a struct by calling the functions of
//! [`rules`] for each field's declared rules and then [`Validate::validate_into`] on the field itself.

mod format;
mod literal;
mod measure;
mod number;
mod path;
mod presence;
mod report;
pub mod rules;
mod text;

pub use format::TextFormat;
pub use path::Path;
pub use report::Report;
pub use rules::{Absence, Comparison, Measure, Number, Pattern, Presence, Text, Unit, WireLiteral};

use rust_decimal::Decimal;
use uuid::Uuid;

use crate::problem::Rejection;
use crate::scalar::{
    Date, DotNetDateTime, DotNetDecimal, DotNetDouble, DotNetGuid, DotNetNumber, Fen, Offset,
    TopDateTime,
};
use rules::FEN;

/// A value that can check itself against the rules of its provider's document.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`",
    note = "derive it with `#[derive(codegen_derive::Validate)]` on a struct, or `WireEnum` on an enum"
)]
pub trait Validate {
    /// Records every problem of this value, located under `path`, into `report`.
    fn validate_into(&self, path: &Path<'_>, report: &mut Report);

    /// Every problem of the whole value, as a rejection of the validate stage.
    fn validate(&self) -> Result<(), Rejection> {
        let mut report = Report::new();
        self.validate_into(&Path::Root, &mut report);
        report.into_result()
    }
}

/// Scalars carry no rule of their own: a field's limits are declared on the field.
macro_rules! no_rules {
    ($($type:ty),* $(,)?) => {
        $(
            impl Validate for $type {
                fn validate_into(&self, _: &Path<'_>, _: &mut Report) {}
            }
        )*
    };
}

no_rules!(
    String,
    str,
    bool,
    char,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    f32,
    f64,
    Decimal,
    DotNetDecimal,
    DotNetDouble,
    DotNetGuid,
    Uuid,
    Date,
    DotNetDateTime,
    Offset,
    TopDateTime,
    serde_json::Value,
);

/// An amount in fen must be plain digits that fit a `u64`; an empty text is left to `required`.
impl Validate for Fen {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        let text = self.as_str();
        if text.is_empty() || self.to_fen().is_some() {
            return;
        }
        if text.bytes().all(|byte| byte.is_ascii_digit()) {
            report.push(
                path,
                FEN,
                format_args!("is too large for an amount in fen; at most {}", u64::MAX),
            );
        } else {
            report.push(
                path,
                FEN,
                "is not an amount in fen: only the digits 0-9 are allowed, without sign, spaces or decimal point",
            );
        }
    }
}

impl<T: Validate> Validate for DotNetNumber<T> {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        self.0.validate_into(path, report);
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.validate_into(path, report);
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(path, report);
    }
}

impl<T: Validate> Validate for [T] {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        for (index, item) in self.iter().enumerate() {
            item.validate_into(&Path::Index(path, index), report);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        self.as_slice().validate_into(path, report);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Stage;

    #[test]
    fn scalars_and_containers_of_them_are_valid() {
        assert_eq!("x".to_owned().validate(), Ok(()));
        assert_eq!(Some(vec![Box::new(1_i32)]).validate(), Ok(()));
        assert_eq!(serde_json::Value::Null.validate(), Ok(()));
    }

    #[test]
    fn fen_accepts_digits_and_leaves_empty_to_required() {
        for text in ["", "0", "007", "18446744073709551615"] {
            assert_eq!(Fen::new(text).validate(), Ok(()), "{text:?}");
        }
    }

    #[test]
    fn fen_rejects_other_text_at_each_item() {
        let amounts = vec![
            Fen::new("1"),
            Fen::new("10.0"),
            Fen::new("18446744073709551616"),
        ];
        let rejection = amounts.validate().unwrap_err();
        assert_eq!(rejection.stage(), Stage::Validate);
        let found: Vec<_> = rejection
            .errors()
            .iter()
            .map(|problem| (problem.path.as_str(), problem.code))
            .collect();
        assert_eq!(found, [("$[1]", "fen"), ("$[2]", "fen")]);
        assert!(rejection.errors()[0].message.contains("only the digits"));
        assert!(rejection.errors()[1].message.contains("too large"));
        assert!(!rejection.errors()[0].message.contains("10.0"));
    }
}
