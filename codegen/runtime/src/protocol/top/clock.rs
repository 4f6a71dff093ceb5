//! The `timestamp` system parameter's "now": the system clock read in GMT+8, the zone TOP means (docs/wire-formats.md,
//! TOP dates).
//!
//! GMT+8 has no daylight saving, so the conversion is a fixed offset plus the calendar's day count.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::scalar::TopDateTime;
use crate::scalar::calendar;

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
    let date = calendar::civil_from_days(i64::try_from(days).ok()?)?;
    // Each part is below 24, 60 and 60, so the casts cannot truncate.
    let (hour, minute, second) = (
        (second_of_day / 3600) as u8,
        (second_of_day % 3600 / 60) as u8,
        (second_of_day % 60) as u8,
    );
    TopDateTime::new(date.year, date.month, date.day, hour, minute, second).ok()
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
