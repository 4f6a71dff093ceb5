//! A date without a time, `yyyy-MM-dd`.

use std::fmt;
use std::str::FromStr;

use super::calendar::{Cursor, Ymd};
use super::text::{ScalarError, serde_as_text};

const EXPECTED: &str = "a date such as 2025-09-14";

/// A calendar date for fields that documents give as a day only (a departure date, a birth date), where a
/// date-time type would invent a time and a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date(Ymd);

impl Date {
    /// A date checked against the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, ScalarError> {
        Ymd::new(year, month, day)
            .map(Date)
            .ok_or_else(|| ScalarError::new(EXPECTED, &format!("{year:04}-{month:02}-{day:02}")))
    }

    pub fn year(&self) -> u16 {
        self.0.year
    }

    pub fn month(&self) -> u8 {
        self.0.month
    }

    pub fn day(&self) -> u8 {
        self.0.day
    }

    fn read(text: &str) -> Option<Self> {
        let mut cursor = Cursor::new(text);
        let date = Ymd::read(&mut cursor)?;
        cursor.finish()?;
        Some(Date(date))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Date {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        Date::read(text).ok_or_else(|| ScalarError::new(EXPECTED, text))
    }
}

serde_as_text!(Date, EXPECTED);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_round_trip_exactly() {
        for text in ["2025-09-14", "2024-02-29", "0001-01-01", "9999-12-31"] {
            let value: Date = text.parse().unwrap();
            assert_eq!(value.to_string(), text);
        }
    }

    #[test]
    fn constructor_and_accessors_agree_with_parsing() {
        let value = Date::new(2025, 9, 4).unwrap();
        assert_eq!((value.year(), value.month(), value.day()), (2025, 9, 4));
        assert_eq!(value.to_string(), "2025-09-04");
        assert_eq!("2025-09-04".parse(), Ok(value));
        let error = Date::new(2025, 2, 29).unwrap_err();
        assert_eq!(error.found, "2025-02-29");
    }

    #[test]
    fn bad_texts_are_rejected() {
        for text in [
            "",
            "2025-9-14",
            "2025-09-14T00:00:00",
            "2025-09-31",
            "20250914",
            " 2025-09-14",
        ] {
            assert_eq!(text.parse::<Date>().expect_err(text).expected, EXPECTED);
        }
    }

    #[test]
    fn serde_uses_the_string_form() {
        let value: Date = serde_json::from_str("\"2025-09-14\"").unwrap();
        assert_eq!(serde_json::to_string(&value).unwrap(), "\"2025-09-14\"");
        assert!(serde_json::from_str::<Date>("20250914").is_err());
    }
}
