//! .NET `DateTime` as Json.NET writes it (`IsoDateFormat`, `RoundtripKind`).

use std::fmt;
use std::str::FromStr;

use super::calendar::{Cursor, Hms, Ymd};
use super::marker::DATE_TIME;
use super::text::{ScalarError, deserialize_from_str};

const EXPECTED: &str = "a .NET date-time such as 2025-09-14T16:35:25.9025678+08:00";
/// 100 ns ticks in a second: .NET's resolution, hence at most seven fraction digits.
const TICKS_PER_SECOND: u32 = 10_000_000;
const MAX_FRACTION_DIGITS: usize = 7;
/// .NET rejects offsets beyond ±14 hours.
const MAX_OFFSET_MINUTES: i16 = 14 * 60;

/// How a .NET `DateTime` ends, which encodes its `Kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Offset {
    /// Nothing after the time: `Kind=Unspecified`, typical of a value loaded from a database.
    Unspecified,
    /// `Z`: `Kind=Utc`.
    Utc,
    /// `+hh:mm` or `-hh:mm` minutes east of UTC: `Kind=Local` on a server in that zone.
    Minutes(i16),
}

impl Offset {
    fn is_valid(self) -> bool {
        match self {
            Offset::Minutes(minutes) => minutes.unsigned_abs() <= MAX_OFFSET_MINUTES.unsigned_abs(),
            Offset::Unspecified | Offset::Utc => true,
        }
    }

    fn read(cursor: &mut Cursor<'_>) -> Option<Offset> {
        if cursor.eat(b'Z') {
            return Some(Offset::Utc);
        }
        let sign = if cursor.eat(b'+') {
            1
        } else if cursor.eat(b'-') {
            -1
        } else {
            return Some(Offset::Unspecified);
        };
        let hours = cursor.digits(2)?;
        cursor.expect(b':')?;
        let minutes = cursor.digits(2)?;
        let total = i16::try_from(hours * 60 + minutes).ok()?;
        // `-00:00` is not something .NET writes, and it could not be written back.
        let valid = minutes < 60 && total <= MAX_OFFSET_MINUTES && (sign > 0 || total > 0);
        valid.then_some(Offset::Minutes(sign * total))
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Offset::Unspecified => Ok(()),
            Offset::Utc => f.write_str("Z"),
            Offset::Minutes(minutes) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let abs = minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
            }
        }
    }
}

/// A .NET `DateTime` kept exactly as its text was, so a value read from a server is written back byte for byte.
///
/// The number of fraction digits and the offset form are part of the value: `…:25.50Z` and `…:25.5Z` are the
/// same instant but different texts, and compare unequal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DotNetDateTime {
    date: Ymd,
    time: Hms,
    ticks: u32,
    fraction_digits: u8,
    offset: Offset,
}

impl DotNetDateTime {
    /// A whole-second value with no offset, checked against the calendar.
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
                &format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"),
            )
        };
        Ok(DotNetDateTime {
            date: Ymd::new(year, month, day).ok_or_else(invalid)?,
            time: Hms::new(hour, minute, second).ok_or_else(invalid)?,
            ticks: 0,
            fraction_digits: 0,
            offset: Offset::Unspecified,
        })
    }

    /// Sets the fraction of a second (0..10,000,000 ticks of 100 ns), written as Json.NET writes a new value:
    /// trailing zeros trimmed.
    pub fn with_ticks(self, ticks: u32) -> Result<Self, ScalarError> {
        if ticks >= TICKS_PER_SECOND {
            return Err(ScalarError::new(
                "a fraction of a second in 100 ns ticks, below 10000000",
                &ticks.to_string(),
            ));
        }
        let fraction_digits = match ticks {
            0 => 0,
            _ => MAX_FRACTION_DIGITS as u8 - trailing_decimal_zeros(ticks),
        };
        Ok(DotNetDateTime {
            ticks,
            fraction_digits,
            ..self
        })
    }

    /// Sets the offset; minutes must be within ±14:00, as in .NET.
    pub fn with_offset(self, offset: Offset) -> Result<Self, ScalarError> {
        if !offset.is_valid() {
            return Err(ScalarError::new(
                "an offset within ±14:00",
                &offset.to_string(),
            ));
        }
        Ok(DotNetDateTime { offset, ..self })
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

    /// The fraction of a second in 100 ns ticks, .NET's unit.
    pub fn ticks(&self) -> u32 {
        self.ticks
    }

    /// How many fraction digits the text has (0-7), kept so the text round-trips.
    pub fn fraction_digits(&self) -> u8 {
        self.fraction_digits
    }

    pub fn offset(&self) -> Offset {
        self.offset
    }

    /// The calendar date, for day arithmetic.
    pub(crate) fn date(&self) -> Ymd {
        self.date
    }

    fn read(text: &str) -> Option<Self> {
        let mut cursor = Cursor::new(text);
        let date = Ymd::read(&mut cursor)?;
        cursor.expect(b'T')?;
        let time = Hms::read(&mut cursor)?;
        let (ticks, fraction_digits) = if cursor.eat(b'.') {
            let (value, digits) = cursor.digit_run(MAX_FRACTION_DIGITS)?;
            (
                value * 10u32.pow((MAX_FRACTION_DIGITS - digits) as u32),
                digits as u8,
            )
        } else {
            (0, 0)
        };
        let offset = Offset::read(&mut cursor)?;
        cursor.finish()?;
        Some(DotNetDateTime {
            date,
            time,
            ticks,
            fraction_digits,
            offset,
        })
    }
}

/// How many of a 7-digit fraction's last digits are zero (at most 7).
fn trailing_decimal_zeros(mut ticks: u32) -> u8 {
    let mut zeros = 0;
    while zeros < MAX_FRACTION_DIGITS as u8 && ticks % 10 == 0 {
        ticks /= 10;
        zeros += 1;
    }
    zeros
}

impl fmt::Display for DotNetDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date, self.time)?;
        if self.fraction_digits > 0 {
            let digits = usize::from(self.fraction_digits);
            let shown = self.ticks / 10u32.pow((MAX_FRACTION_DIGITS - digits) as u32);
            write!(f, ".{shown:0digits$}")?;
        }
        write!(f, "{}", self.offset)
    }
}

impl FromStr for DotNetDateTime {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        DotNetDateTime::read(text).ok_or_else(|| ScalarError::new(EXPECTED, text))
    }
}

/// The text, under a newtype name ([`DATE_TIME`]) that only the BSON writer acts on: JSON gets the string, BSON a
/// date.
impl serde::Serialize for DotNetDateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(DATE_TIME, &self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for DotNetDateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_from_str(deserializer, EXPECTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) {
        let value: DotNetDateTime = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(value.to_string(), text);
    }

    #[test]
    fn texts_round_trip_exactly() {
        for text in [
            "2025-09-14T16:35:25.9025678+08:00",
            "2025-09-14T16:35:25.9025678",
            "2025-09-14T16:35:25Z",
            "2025-09-14T16:35:25",
            "2025-09-14T16:35:25.5Z",
            "2025-09-14T16:35:25.50Z",
            "2025-09-14T16:35:25.0000000-05:30",
            "2025-09-14T16:35:25.0",
            "2024-02-29T00:00:00+14:00",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59.9999999-14:00",
            "2025-09-14T16:35:25+00:00",
        ] {
            round_trip(text);
        }
    }

    #[test]
    fn parsing_fills_fields_and_scales_the_fraction_to_ticks() {
        let value: DotNetDateTime = "2025-09-14T16:35:25.90+08:00".parse().unwrap();
        assert_eq!((value.year(), value.month(), value.day()), (2025, 9, 14));
        assert_eq!((value.hour(), value.minute(), value.second()), (16, 35, 25));
        assert_eq!(value.ticks(), 9_000_000);
        assert_eq!(value.fraction_digits(), 2);
        assert_eq!(value.offset(), Offset::Minutes(480));
    }

    #[test]
    fn bad_texts_are_rejected() {
        for text in [
            "",
            "2025-09-14",
            "2025-09-14 16:35:25",
            "2025-09-14t16:35:25",
            "2025-02-29T00:00:00",
            "2025-09-14T24:00:00",
            "2025-09-14T16:35:25.",
            "2025-09-14T16:35:25.12345678",
            "2025-09-14T16:35:25z",
            "2025-09-14T16:35:25+8:00",
            "2025-09-14T16:35:25+0800",
            "2025-09-14T16:35:25+14:01",
            "2025-09-14T16:35:25+08:60",
            "2025-09-14T16:35:25-00:00",
            "2025-09-14T16:35:25Z ",
            "2025-09-14T16:35:25+08:00Z",
        ] {
            let error = text.parse::<DotNetDateTime>().expect_err(text);
            assert_eq!(error.expected, EXPECTED);
        }
    }

    #[test]
    fn constructors_check_the_calendar_and_write_the_trimmed_fraction() {
        assert!(DotNetDateTime::new(2025, 2, 29, 0, 0, 0).is_err());
        assert!(DotNetDateTime::new(0, 1, 1, 0, 0, 0).is_err());
        assert!(DotNetDateTime::new(2025, 1, 1, 0, 0, 60).is_err());
        let base = DotNetDateTime::new(2025, 9, 14, 16, 35, 25).unwrap();
        assert_eq!(base.to_string(), "2025-09-14T16:35:25");
        let value = base
            .with_ticks(9_000_000)
            .unwrap()
            .with_offset(Offset::Minutes(480))
            .unwrap();
        assert_eq!(value.to_string(), "2025-09-14T16:35:25.9+08:00");
        assert_eq!(
            base.with_ticks(9_025_678).unwrap().to_string(),
            "2025-09-14T16:35:25.9025678"
        );
        assert_eq!(
            base.with_ticks(1).unwrap().to_string(),
            "2025-09-14T16:35:25.0000001"
        );
        assert_eq!(
            base.with_ticks(0).unwrap().to_string(),
            "2025-09-14T16:35:25"
        );
        assert!(base.with_ticks(10_000_000).is_err());
        assert_eq!(
            base.with_offset(Offset::Utc).unwrap().to_string(),
            "2025-09-14T16:35:25Z"
        );
        assert_eq!(
            base.with_offset(Offset::Minutes(-330)).unwrap().to_string(),
            "2025-09-14T16:35:25-05:30"
        );
        assert!(base.with_offset(Offset::Minutes(841)).is_err());
        assert!(base.with_offset(Offset::Minutes(i16::MIN)).is_err());
    }

    #[test]
    fn serde_uses_the_string_form() {
        let value: DotNetDateTime =
            serde_json::from_str("\"2025-09-14T16:35:25.9025678+08:00\"").unwrap();
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            "\"2025-09-14T16:35:25.9025678+08:00\""
        );
        let error = serde_json::from_str::<DotNetDateTime>("\"2025-13-01T00:00:00\"").unwrap_err();
        assert!(
            error.to_string().starts_with("expected a .NET date-time"),
            "{error}"
        );
        let error = serde_json::from_str::<DotNetDateTime>("20250914").unwrap_err();
        assert!(
            error.to_string().starts_with("invalid type: integer"),
            "{error}"
        );
    }

    #[test]
    fn long_rejected_texts_are_cut_in_the_error() {
        let text = "x".repeat(100);
        let error = text.parse::<DotNetDateTime>().unwrap_err();
        assert!(error.found.chars().count() <= 41);
    }
}
