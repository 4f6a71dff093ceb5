//! The text forms a document can require of a string field: the schema's `format: date`, the derive's
//! `#[validate(format = "date")]` and the runtime's `TextFormat::DATE` are the same five words, and the date and
//! time forms follow the .NET layouts quoted here, which the rustdoc, the Markdown reference and validation
//! messages all print.

/// `yyyy-MM-dd`, the layout of [`TextFormat::Date`].
pub const DATE_LAYOUT: &str = "yyyy-MM-dd";
/// `yyyy-MM-dd HH:mm:ss` (24-hour), the layout of [`TextFormat::DateTime`]: what TOP and most Chinese providers
/// write.
pub const DATETIME_LAYOUT: &str = "yyyy-MM-dd HH:mm:ss";
/// `HH:mm:ss` (24-hour), the layout of [`TextFormat::Time`].
pub const TIME_LAYOUT: &str = "HH:mm:ss";

spelled! {
    /// The documented text form of a string field, checked by validation rather than by parsing.
    pub enum TextFormat {
        /// A real calendar day, [`DATE_LAYOUT`].
        Date = "date",
        /// [`DATETIME_LAYOUT`].
        DateTime = "datetime",
        /// [`TIME_LAYOUT`].
        Time = "time",
        /// One or more ASCII digits: ids, phone and ticket numbers carried as text.
        Digits = "digits",
        /// A plain decimal number: an optional `-`, digits, and optionally `.` and digits, as amounts in yuan
        /// travel as text.
        Decimal = "decimal",
    }
}

impl TextFormat {
    /// The .NET custom format string the form follows, for the date and time forms; `None` for the others,
    /// which have no layout to quote.
    pub const fn layout(self) -> Option<&'static str> {
        match self {
            TextFormat::Date => Some(DATE_LAYOUT),
            TextFormat::DateTime => Some(DATETIME_LAYOUT),
            TextFormat::Time => Some(TIME_LAYOUT),
            TextFormat::Digits | TextFormat::Decimal => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip_and_are_distinct() {
        for format in TextFormat::ALL {
            assert_eq!(TextFormat::from_name(format.name()), Some(format));
        }
        assert_eq!(
            TextFormat::ALL.map(TextFormat::name),
            ["date", "datetime", "time", "digits", "decimal"]
        );
        assert_eq!(TextFormat::from_name("Date"), None);
    }

    #[test]
    fn only_dates_and_times_have_a_layout() {
        assert_eq!(TextFormat::DateTime.layout(), Some("yyyy-MM-dd HH:mm:ss"));
        assert_eq!(TextFormat::Digits.layout(), None);
        assert_eq!(TextFormat::Decimal.layout(), None);
    }
}
