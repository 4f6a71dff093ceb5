//! The text forms a document can require of a string field, checked without allocating.

use std::fmt;

use codegen_wire::text_format::{DATE_LAYOUT, DATETIME_LAYOUT, TIME_LAYOUT, TextFormat as Form};

use crate::scalar::calendar::{Cursor, Hms, Ymd};

/// A text form a string field must have; `#[validate(format = "...")]` names it by [`TextFormat::name`].
///
/// The forms are constants rather than enum variants so that names like `Date` and `Decimal` stay unique to
/// their types in compiler messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TextFormat(Form);

impl TextFormat {
    /// `yyyy-MM-dd`, a real calendar day.
    pub const DATE: TextFormat = TextFormat(Form::Date);
    /// `yyyy-MM-dd HH:mm:ss`, 24-hour: what TOP and most Chinese providers write.
    pub const DATETIME: TextFormat = TextFormat(Form::DateTime);
    /// `HH:mm:ss`, 24-hour.
    pub const TIME: TextFormat = TextFormat(Form::Time);
    /// One or more ASCII digits: ids, phone and ticket numbers carried as text.
    pub const DIGITS: TextFormat = TextFormat(Form::Digits);
    /// A plain decimal number: an optional `-`, digits, and optionally `.` and digits (`10.0`), as amounts in
    /// yuan travel as text.
    pub const DECIMAL: TextFormat = TextFormat(Form::Decimal);

    /// The name the attribute uses.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// What the text should look like, for messages.
    pub fn expected(self) -> impl fmt::Display {
        Expected(self.0)
    }

    /// Whether `text` has this form.
    pub fn matches(self, text: &str) -> bool {
        let mut cursor = Cursor::new(text);
        let read = match self.0 {
            Form::Date => Ymd::read(&mut cursor).is_some(),
            Form::DateTime => {
                Ymd::read(&mut cursor).is_some()
                    && cursor.eat(b' ')
                    && Hms::read(&mut cursor).is_some()
            }
            Form::Time => Hms::read(&mut cursor).is_some(),
            Form::Digits => return is_digits(text),
            Form::Decimal => return is_decimal(text),
        };
        read && cursor.finish().is_some()
    }
}

/// [`TextFormat::expected`]: the date and time forms quote their layout.
struct Expected(Form);

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Form::Date => write!(f, "a date in the form {DATE_LAYOUT}"),
            Form::DateTime => {
                write!(f, "a date and time in the form {DATETIME_LAYOUT}")
            }
            Form::Time => write!(f, "a time in the form {TIME_LAYOUT}"),
            Form::Digits => f.write_str("only the digits 0-9"),
            Form::Decimal => f.write_str("a decimal number such as 10.00"),
        }
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

fn is_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    match unsigned.split_once('.') {
        Some((whole, fraction)) => is_digits(whole) && is_digits(fraction),
        None => is_digits(unsigned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_quote_the_layout() {
        assert_eq!(
            TextFormat::DATETIME.expected().to_string(),
            "a date and time in the form yyyy-MM-dd HH:mm:ss"
        );
        assert_eq!(
            TextFormat::DIGITS.expected().to_string(),
            "only the digits 0-9"
        );
    }

    #[test]
    fn each_format_accepts_its_form_only() {
        let cases: [(TextFormat, &[&str], &[&str]); 5] = [
            (
                TextFormat::DATE,
                &["2025-09-14", "2024-02-29"],
                &[
                    "2025-02-29",
                    "2025-9-14",
                    "2025-09-14 ",
                    "20250914",
                    "2025-09-14T00:00:00",
                ],
            ),
            (
                TextFormat::DATETIME,
                &["2018-07-01 07:07:07", "2024-02-29 23:59:59"],
                &[
                    "2018-07-01T07:07:07",
                    "2018-07-01 24:00:00",
                    "2018-07-01 07:07",
                    "2018-07-01",
                ],
            ),
            (
                TextFormat::TIME,
                &["00:00:00", "23:59:59"],
                &["24:00:00", "7:07:07", "07:07:07.5"],
            ),
            (
                TextFormat::DIGITS,
                &["0", "0123456789"],
                &["-1", "1.0", " 1", "١٢", "x"],
            ),
            (
                TextFormat::DECIMAL,
                &["10", "10.0", "-0.25", "007"],
                &["10.", ".5", "+1", "1e3", "1,0", "--1", "-"],
            ),
        ];
        for (format, good, bad) in cases {
            for text in good {
                assert!(format.matches(text), "{} {text:?}", format.name());
            }
            for text in bad {
                assert!(!format.matches(text), "{} {text:?}", format.name());
            }
        }
    }
}
