//! The calendar rules and fixed-width digit reading that every date and time type shares, and the one day count
//! between a date and the Unix epoch (BSON's dates, TOP's clock).
//!
//! Each wire format differs only in separators and suffixes, so the types compose `Ymd`, `Hms` and a `Cursor`
//! and never read digits or check a calendar themselves.

use std::fmt;

/// Reads a text left to right, one fixed-width field at a time.
///
/// Every method returns `None` instead of failing loudly, so a parser is a chain of `?` and one
/// `ScalarError` at the end.
pub(crate) struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Cursor {
            rest: text.as_bytes(),
        }
    }

    /// Exactly `width` ASCII digits (at most 9, so the value fits a `u32`).
    pub(crate) fn digits(&mut self, width: usize) -> Option<u32> {
        let (field, rest) = self.rest.split_at_checked(width)?;
        if width > 9 || !field.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.rest = rest;
        Some(
            field
                .iter()
                .fold(0, |value, digit| value * 10 + u32::from(digit - b'0')),
        )
    }

    /// One to `max` digits; gives the value and how many digits there were, so the text can be rebuilt.
    pub(crate) fn digit_run(&mut self, max: usize) -> Option<(u32, usize)> {
        let count = self
            .rest
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        if count == 0 || count > max {
            return None;
        }
        Some((self.digits(count)?, count))
    }

    /// Consumes `byte` if it comes next.
    pub(crate) fn eat(&mut self, byte: u8) -> bool {
        match self.rest.split_first() {
            Some((&first, rest)) if first == byte => {
                self.rest = rest;
                true
            }
            _ => false,
        }
    }

    /// Requires `byte` next.
    pub(crate) fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// Requires the text to be used up, so trailing junk is an error rather than ignored.
    pub(crate) fn finish(&self) -> Option<()> {
        self.rest.is_empty().then_some(())
    }
}

/// A calendar date in 1..=9999, the range .NET's `DateTime` and four-digit years allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Ymd {
    pub(crate) year: u16,
    pub(crate) month: u8,
    pub(crate) day: u8,
}

impl Ymd {
    pub(crate) fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Ymd { year, month, day })
    }

    /// `yyyy-MM-dd`.
    pub(crate) fn read(cursor: &mut Cursor<'_>) -> Option<Self> {
        let year = cursor.digits(4)?;
        cursor.expect(b'-')?;
        let month = cursor.digits(2)?;
        cursor.expect(b'-')?;
        let day = cursor.digits(2)?;
        Ymd::new(
            year.try_into().ok()?,
            month.try_into().ok()?,
            day.try_into().ok()?,
        )
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A time of day to the second; no leap second, as neither .NET nor Java's formatter writes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Hms {
    pub(crate) hour: u8,
    pub(crate) minute: u8,
    pub(crate) second: u8,
}

impl Hms {
    pub(crate) fn new(hour: u8, minute: u8, second: u8) -> Option<Self> {
        (hour < 24 && minute < 60 && second < 60).then_some(Hms {
            hour,
            minute,
            second,
        })
    }

    /// `HH:mm:ss`, 24-hour.
    pub(crate) fn read(cursor: &mut Cursor<'_>) -> Option<Self> {
        let hour = cursor.digits(2)?;
        cursor.expect(b':')?;
        let minute = cursor.digits(2)?;
        cursor.expect(b':')?;
        let second = cursor.digits(2)?;
        Hms::new(
            hour.try_into().ok()?,
            minute.try_into().ok()?,
            second.try_into().ok()?,
        )
    }
}

impl fmt::Display for Hms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}:{:02}", self.hour, self.minute, self.second)
    }
}

/// Gregorian leap years, which .NET and Java both use for every year in range.
fn is_leap(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The Julian day number of 1970-01-01, from which the day counts are taken.
const UNIX_EPOCH_JULIAN_DAY: i32 = 2_440_588;

/// Days from 1970-01-01 to `date` in the proleptic Gregorian calendar, which .NET's `DateTime` uses for every year.
///
/// The `time` crate counts them, faster than the hand-written count it replaced (docs/performance.md, Libraries
/// taken).
pub(crate) fn days_from_civil(date: Ymd) -> i64 {
    // A `Ymd` is checked against the calendar when made, so `time` takes every one.
    let month = time::Month::try_from(date.month).expect("a Ymd's month is 1 to 12");
    let day = time::Date::from_calendar_date(i32::from(date.year), month, date.day)
        .expect("a Ymd is a valid date");
    i64::from(day.to_julian_day() - UNIX_EPOCH_JULIAN_DAY)
}

/// The date `days` after 1970-01-01; `None` outside the years 1 to 9999.
pub(crate) fn civil_from_days(days: i64) -> Option<Ymd> {
    let julian = i32::try_from(days.checked_add(i64::from(UNIX_EPOCH_JULIAN_DAY))?).ok()?;
    let (year, month, day) = time::Date::from_julian_day(julian).ok()?.to_calendar_date();
    Ymd::new(u16::try_from(year).ok()?, month.into(), day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str) -> Option<Ymd> {
        let mut cursor = Cursor::new(text);
        let date = Ymd::read(&mut cursor)?;
        cursor.finish()?;
        Some(date)
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(ymd("2024-02-29").is_some());
        assert!(ymd("2000-02-29").is_some());
        assert!(ymd("1900-02-29").is_none());
        assert!(ymd("2025-02-29").is_none());
    }

    #[test]
    fn month_lengths_and_ranges_are_checked() {
        assert!(ymd("2025-04-30").is_some());
        assert!(ymd("2025-04-31").is_none());
        assert!(ymd("2025-12-31").is_some());
        assert!(ymd("2025-13-01").is_none());
        assert!(ymd("2025-00-01").is_none());
        assert!(ymd("2025-01-00").is_none());
        assert!(ymd("0000-01-01").is_none());
        assert!(ymd("9999-12-31").is_some());
    }

    #[test]
    fn digits_must_be_ascii_and_exact_width() {
        assert!(ymd("2025-1-01").is_none());
        assert!(ymd("+025-01-01").is_none());
        assert!(ymd("２０２５-01-01").is_none());
        assert!(ymd("2025-01-01x").is_none());
        assert!(ymd("").is_none());
    }

    #[test]
    fn times_reject_out_of_range_fields() {
        let hms = |text: &str| Hms::read(&mut Cursor::new(text));
        assert_eq!(hms("23:59:59"), Hms::new(23, 59, 59));
        assert!(hms("24:00:00").is_none());
        assert!(hms("12:60:00").is_none());
        assert!(hms("12:00:60").is_none());
        assert!(hms("12-00-00").is_none());
    }

    #[test]
    fn digit_runs_report_their_length() {
        let mut cursor = Cursor::new("0500Z");
        assert_eq!(cursor.digit_run(7), Some((500, 4)));
        assert!(cursor.eat(b'Z'));
        assert!(cursor.finish().is_some());
        assert_eq!(Cursor::new("12345678").digit_run(7), None);
        assert_eq!(Cursor::new("Z").digit_run(7), None);
    }

    #[test]
    fn day_counts_run_both_ways_over_the_whole_range() {
        let first = Ymd::new(1, 1, 1).unwrap();
        let last = Ymd::new(9999, 12, 31).unwrap();
        assert_eq!(days_from_civil(first), -719_162);
        assert_eq!(days_from_civil(Ymd::new(1970, 1, 1).unwrap()), 0);
        assert_eq!(days_from_civil(Ymd::new(2000, 3, 1).unwrap()), 11_017);
        assert_eq!(days_from_civil(last), 2_932_896);
        for days in days_from_civil(first)..=days_from_civil(last) {
            let date = civil_from_days(days).unwrap();
            assert_eq!(days_from_civil(date), days);
        }
        assert_eq!(civil_from_days(days_from_civil(first) - 1), None);
        assert_eq!(civil_from_days(days_from_civil(last) + 1), None);
        assert_eq!(civil_from_days(i64::MAX), None);
        assert_eq!(civil_from_days(i64::MIN), None);
    }

    #[test]
    fn display_pads_every_field() {
        assert_eq!(
            Ymd::new(1, 2, 3).map(|d| d.to_string()).as_deref(),
            Some("0001-02-03")
        );
        assert_eq!(
            Hms::new(4, 5, 6).map(|t| t.to_string()).as_deref(),
            Some("04:05:06")
        );
    }
}
