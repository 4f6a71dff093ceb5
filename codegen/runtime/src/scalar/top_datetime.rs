//! TOP's `Date` type: `yyyy-MM-dd HH:mm:ss`, 24-hour, in GMT+8 without saying so.

use std::fmt;
use std::str::FromStr;

use super::calendar::{Cursor, Hms, Ymd};
use super::text::{ScalarError, serde_as_text};

const EXPECTED: &str = "a TOP date-time such as 2016-01-01 12:00:00";

/// A TOP date-time, used for the `timestamp` system parameter and `Date` fields.
///
/// The zone is not part of the text (TOP always means GMT+8), so none is stored: converting to an instant is
/// the caller's business, and the text round-trips as it came.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TopDateTime {
    date: Ymd,
    time: Hms,
}

impl TopDateTime {
    /// A value checked against the calendar.
    pub fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
    ) -> Result<Self, ScalarError> {
        let invalid = || {
            ScalarError::new(
                EXPECTED,
                &format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}"),
            )
        };
        Ok(TopDateTime {
            date: Ymd::new(year, month, day).ok_or_else(invalid)?,
            time: Hms::new(hour, minute, second).ok_or_else(invalid)?,
        })
    }

    pub fn year(&self) -> u16 {
        self.date.year
    }

    pub fn month(&self) -> u8 {
        self.date.month
    }

    pub fn day(&self) -> u8 {
        self.date.day
    }

    pub fn hour(&self) -> u8 {
        self.time.hour
    }

    pub fn minute(&self) -> u8 {
        self.time.minute
    }

    pub fn second(&self) -> u8 {
        self.time.second
    }

    fn read(text: &str) -> Option<Self> {
        let mut cursor = Cursor::new(text);
        let date = Ymd::read(&mut cursor)?;
        cursor.expect(b' ')?;
        let time = Hms::read(&mut cursor)?;
        cursor.finish()?;
        Some(TopDateTime { date, time })
    }
}

impl fmt::Display for TopDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.date, self.time)
    }
}

impl FromStr for TopDateTime {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        TopDateTime::read(text).ok_or_else(|| ScalarError::new(EXPECTED, text))
    }
}

serde_as_text!(TopDateTime, EXPECTED);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_round_trip_exactly() {
        for text in [
            "2016-01-01 12:00:00",
            "2018-07-01 07:07:07",
            "2024-02-29 23:59:59",
            "0001-01-01 00:00:00",
        ] {
            let value: TopDateTime = text.parse().unwrap();
            assert_eq!(value.to_string(), text);
        }
    }

    #[test]
    fn parsing_fills_fields() {
        let value: TopDateTime = "2018-07-01 19:08:09".parse().unwrap();
        assert_eq!((value.year(), value.month(), value.day()), (2018, 7, 1));
        assert_eq!((value.hour(), value.minute(), value.second()), (19, 8, 9));
        assert_eq!(TopDateTime::new(2018, 7, 1, 19, 8, 9), Ok(value));
    }

    #[test]
    fn bad_texts_are_rejected() {
        for text in [
            "",
            "2016-01-01T12:00:00",
            "2016-01-01  12:00:00",
            "2016-01-01 12:00",
            "2016-01-01 12:00:00.0",
            "2016-01-01 12:00:00+08:00",
            "2016-01-01 24:00:00",
            "2016-1-1 12:00:00",
            "2023-02-29 12:00:00",
        ] {
            assert_eq!(
                text.parse::<TopDateTime>().expect_err(text).expected,
                EXPECTED
            );
        }
        assert!(TopDateTime::new(2016, 1, 32, 0, 0, 0).is_err());
        assert!(TopDateTime::new(2016, 1, 1, 12, 60, 0).is_err());
    }

    #[test]
    fn serde_uses_the_string_form() {
        let value: TopDateTime = serde_json::from_str("\"2016-01-01 12:00:00\"").unwrap();
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            "\"2016-01-01 12:00:00\""
        );
        assert!(serde_json::from_str::<TopDateTime>("\"2016-01-01\"").is_err());
        assert!(serde_json::from_str::<TopDateTime>("null").is_err());
    }
}
