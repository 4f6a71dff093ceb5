//! The rules `#[derive(Validate)]` calls for a field's declared limits, each as `(value, path, report, limit)`.
//!
//! Each rule checks one thing and records at most one problem. An absent `Option` is left to `required` by every
//! other rule, and an empty text by `pattern` and `format`, as ASP.NET's validation attributes leave them.
//! Messages name the limit and what was measured, never the value itself, so a secret never reaches a log.

use std::cmp::Ordering;
use std::fmt;

use super::{Path, Report, TextFormat};
use rust_decimal::Decimal;

pub use super::literal::WireLiteral;
pub use super::measure::{Measure, Unit, utf16_len};
pub use super::number::{Comparison, Number};
pub use super::presence::{Absence, Presence};
pub use super::text::{Pattern, Text};

/// A required value is absent, empty or blank.
pub const REQUIRED: &str = "required";
/// A string or list is shorter than `min_len`.
pub const MIN_LEN: &str = "min_len";
/// A string or list is longer than `max_len`.
pub const MAX_LEN: &str = "max_len";
/// A number is outside `min`..=`max`.
pub const RANGE: &str = "range";
/// A text does not match its `pattern`.
pub const PATTERN: &str = "pattern";
/// A text does not have its `format`.
pub const FORMAT: &str = "format";
/// A [`Fen`](crate::scalar::Fen) is not plain digits that fit a `u64`.
pub const FEN: &str = "fen";
/// A closed enum holds a value its document does not list.
pub const ENUM_VALUE: &str = "enum_value";

/// The value must be present: `Some`, and a string not blank, a list not empty.
pub fn required<T: Presence + ?Sized>(value: &T, path: &Path<'_>, report: &mut Report) {
    if let Some(absence) = value.absence() {
        report.push(path, REQUIRED, absence.message());
    }
}

/// The value must be present, reported with a provider's own code and message: the consequence of a conditional
/// rule (`agent_ticket_id` is required when `agent_return_ticket_type` is 0).
pub fn required_by_rule<T: Presence + ?Sized>(
    value: &T,
    path: &Path<'_>,
    report: &mut Report,
    code: &'static str,
    message: &'static str,
) {
    if !value.is_present() {
        report.push(path, code, message);
    }
}

/// At least `min` UTF-16 code units (text) or items (list).
pub fn min_len<T: Measure + ?Sized>(value: &T, path: &Path<'_>, report: &mut Report, min: usize) {
    if let Some(length) = value.measure().filter(|&length| length < min) {
        let message = LengthMessage {
            unit: T::UNIT,
            length,
            bound: "at least",
            limit: min,
        };
        report.push(path, MIN_LEN, message);
    }
}

/// At most `max` UTF-16 code units (text) or items (list).
pub fn max_len<T: Measure + ?Sized>(value: &T, path: &Path<'_>, report: &mut Report, max: usize) {
    if let Some(length) = value.measure().filter(|&length| length > max) {
        let message = LengthMessage {
            unit: T::UNIT,
            length,
            bound: "at most",
            limit: max,
        };
        report.push(path, MAX_LEN, message);
    }
}

/// `is 21 UTF-16 code units long; at most 20 allowed`, `has 0 items; at least 1 allowed`.
struct LengthMessage {
    unit: Unit,
    length: usize,
    bound: &'static str,
    limit: usize,
}

impl fmt::Display for LengthMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let LengthMessage {
            unit,
            length,
            bound,
            limit,
        } = self;
        match unit {
            Unit::Utf16 => write!(f, "is {length} UTF-16 code units long")?,
            Unit::Items if *length == 1 => f.write_str("has 1 item")?,
            Unit::Items => write!(f, "has {length} items")?,
        }
        write!(f, "; {bound} {limit} allowed")
    }
}

/// Within `min..=max`; either bound may be absent. NaN is within no range.
pub fn range<T: Number + ?Sized>(
    value: &T,
    path: &Path<'_>,
    report: &mut Report,
    min: Option<Decimal>,
    max: Option<Decimal>,
) {
    let found = min
        .and_then(|min| breach(value.compare(min), Ordering::Less, Breach::Below(min)))
        .or_else(|| {
            max.and_then(|max| breach(value.compare(max), Ordering::Greater, Breach::Above(max)))
        });
    if let Some(breach) = found {
        report.push(path, RANGE, RangeMessage { breach, min, max });
    }
}

/// How a number fell outside its range.
enum Breach {
    Below(Decimal),
    Above(Decimal),
    NotANumber,
}

fn breach(comparison: Comparison, outside: Ordering, beyond: Breach) -> Option<Breach> {
    match comparison {
        Comparison::Ordered(ordering) if ordering == outside => Some(beyond),
        Comparison::Unordered => Some(Breach::NotANumber),
        _ => None,
    }
}

/// `is greater than 100; must be between 1 and 100`.
struct RangeMessage {
    breach: Breach,
    min: Option<Decimal>,
    max: Option<Decimal>,
}

impl fmt::Display for RangeMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.breach {
            Breach::Below(min) => write!(f, "is less than {min}")?,
            Breach::Above(max) => write!(f, "is greater than {max}")?,
            Breach::NotANumber => f.write_str("is not a number")?,
        }
        match (self.min, self.max) {
            (Some(min), Some(max)) => write!(f, "; must be between {min} and {max}"),
            (Some(min), None) => write!(f, "; must be at least {min}"),
            (None, Some(max)) => write!(f, "; must be at most {max}"),
            (None, None) => Ok(()),
        }
    }
}

/// The whole text matches `pattern`; an empty text is left to `required`.
pub fn pattern<T: Text + ?Sized>(
    value: &T,
    path: &Path<'_>,
    report: &mut Report,
    pattern: &Pattern,
) {
    let Some(text) = value.text().filter(|text| !text.is_empty()) else {
        return;
    };
    match pattern.is_match(text) {
        Some(true) => {}
        Some(false) => report.push(
            path,
            PATTERN,
            format_args!("does not match the pattern `{}`", pattern.source()),
        ),
        None => report.push(
            path,
            PATTERN,
            format_args!(
                "cannot be checked: the pattern `{}` does not compile",
                pattern.source()
            ),
        ),
    }
}

/// The text has `format`; an empty text is left to `required`.
pub fn format<T: Text + ?Sized>(
    value: &T,
    path: &Path<'_>,
    report: &mut Report,
    format: TextFormat,
) {
    let Some(text) = value.text().filter(|text| !text.is_empty()) else {
        return;
    };
    if !format.matches(text) {
        report.push(path, FORMAT, format_args!("is not {}", format.expected()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(check: impl FnOnce(&Path<'_>, &mut Report)) -> Vec<(String, &'static str, String)> {
        let mut report = Report::new();
        let root = Path::Root;
        check(&root.field("f"), &mut report);
        report
            .into_problems()
            .into_iter()
            .map(|p| (p.path, p.code, p.message))
            .collect()
    }

    fn one(code: &'static str, message: &str) -> Vec<(String, &'static str, String)> {
        vec![("$.f".to_owned(), code, message.to_owned())]
    }

    #[test]
    fn required_by_rule_carries_the_providers_code() {
        let found =
            run(|path, report| required_by_rule(&None::<String>, path, report, "LACK", "缺少"));
        assert_eq!(found, one("LACK", "缺少"));
        assert!(
            run(|path, report| required_by_rule(&Some(1), path, report, "LACK", "m")).is_empty()
        );
    }

    #[test]
    fn lengths_name_their_unit() {
        let found = run(|path, report| min_len(&vec![1], path, report, 2));
        assert_eq!(found, one(MIN_LEN, "has 1 item; at least 2 allowed"));
        let found = run(|path, report| max_len("𠀀", path, report, 1));
        assert_eq!(
            found,
            one(MAX_LEN, "is 2 UTF-16 code units long; at most 1 allowed")
        );
        assert!(run(|path, report| max_len(&None::<Vec<u8>>, path, report, 0)).is_empty());
    }

    #[test]
    fn ranges_with_one_bound_or_none() {
        let found = run(|path, report| range(&5_i32, path, report, Some(Decimal::TEN), None));
        assert_eq!(found, one(RANGE, "is less than 10; must be at least 10"));
        let found =
            run(|path, report| range(&5_i32, path, report, Some(Decimal::TEN), Some(Decimal::TEN)));
        assert_eq!(
            found,
            one(RANGE, "is less than 10; must be between 10 and 10")
        );
        assert!(run(|path, report| range(&5_i32, path, report, None, None)).is_empty());
    }

    #[test]
    fn a_pattern_that_does_not_compile_is_reported_not_passed() {
        static BROKEN: Pattern = Pattern::new("(");
        let found = run(|path, report| pattern("x", path, report, &BROKEN));
        assert_eq!(
            found,
            one(
                PATTERN,
                "cannot be checked: the pattern `(` does not compile"
            )
        );
        assert!(run(|path, report| pattern("", path, report, &BROKEN)).is_empty());
    }

    #[test]
    fn format_leaves_absent_and_empty_text_to_required() {
        assert!(
            run(|path, report| format(&None::<String>, path, report, TextFormat::DATE)).is_empty()
        );
        assert!(run(|path, report| format("", path, report, TextFormat::DATE)).is_empty());
        let found = run(|path, report| format("x", path, report, TextFormat::DATE));
        assert_eq!(found, one(FORMAT, "is not a date in the form yyyy-MM-dd"));
    }
}
