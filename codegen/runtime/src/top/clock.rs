//! The `timestamp` system parameter's "now": the system clock read in GMT+8, the zone TOP means (docs/wire-formats.md,
//! TOP dates).
//!
//! GMT+8 has no daylight saving, so the conversion is a fixed offset plus the proleptic Gregorian calendar, and
//! no date crate is needed.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::TopDateTime;

const GMT8_SECONDS: u64 = 8 * 3600;
const SECONDS_PER_DAY: u64 = 86_400;

/// The current time in GMT+8; `None` for a clock set before 1970 or past year 9999.
pub(crate) fn now_gmt8() -> Option<TopDateTime> {
    let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
    gmt8_from_unix(since_epoch.as_secs())
}

/// The GMT+8 wall time of a Unix time in seconds.
fn gmt8_from_unix(seconds: u64) -> Option<TopDateTime> {
    let local = seconds.checked_add(GMT8_SECONDS)?;
    let (days, second_of_day) = (local / SECONDS_PER_DAY, local % SECONDS_PER_DAY);
    let (year, month, day) = civil_from_days(days)?;
    // Each part is below 24, 60 and 60, so the casts cannot truncate.
    let (hour, minute, second) = (
        (second_of_day / 3600) as u8,
        (second_of_day % 3600 / 60) as u8,
        (second_of_day % 60) as u8,
    );
    TopDateTime::new(year, month, day, hour, minute, second).ok()
}

/// Howard Hinnant's `civil_from_days` for days since 1970-01-01 (non-negative, so unsigned arithmetic).
fn civil_from_days(days: u64) -> Option<(u16, u8, u8)> {
    let shifted = days + 719_468;
    let era = shifted / 146_097;
    let day_of_era = shifted % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    Some((
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unix times checked with Python's `datetime.fromtimestamp(t, timezone(timedelta(hours=8)))`.
    #[test]
    fn unix_times_become_gmt8_wall_times() {
        for (seconds, text) in [
            (0, "1970-01-01 08:00:00"),
            (1_451_620_800, "2016-01-01 12:00:00"),
            (951_782_400, "2000-02-29 08:00:00"),
            (1_709_222_399, "2024-02-29 23:59:59"),
            (1_709_222_400, "2024-03-01 00:00:00"),
            (1_530_400_027, "2018-07-01 07:07:07"),
            (4_102_415_999, "2099-12-31 23:59:59"),
            (253_402_271_999, "9999-12-31 23:59:59"),
        ] {
            assert_eq!(
                gmt8_from_unix(seconds).map(|t| t.to_string()).as_deref(),
                Some(text),
                "{seconds}"
            );
        }
        assert_eq!(gmt8_from_unix(253_402_272_000), None);
        assert_eq!(gmt8_from_unix(u64::MAX), None);
    }

    #[test]
    fn now_is_a_plausible_time() {
        let now = now_gmt8().expect("the test machine's clock is after 1970");
        assert!(now.year() >= 2024, "{now}");
    }
}
