//! A list a DataContract member carries as one delimited string: the `DataContract` derive writes the joined text
//! as the member's `string` and splits what it reads, with the rules of `codegen_runtime::Delimited`.

use std::fmt::Display;
use std::str::FromStr;

use super::{Member, XmlError, XmlValue};
use crate::scalar::delimited::{join, split};

/// A field type a delimited member may have: a list, or an optional one, of scalars with one text form.
pub trait DelimitedMember<const DELIMITER: char>: Sized {
    /// What travels: `String`, or `Option<String>` for an optional list.
    type Text: XmlValue;

    /// The text written for the member.
    fn join(&self, member: &Member) -> Result<Self::Text, XmlError>;

    /// The list read from the member's text.
    fn split(text: Self::Text, member: &Member) -> Result<Self, XmlError>;
}

impl<T, const DELIMITER: char> DelimitedMember<DELIMITER> for Vec<T>
where
    T: Display + FromStr,
    T::Err: Display,
{
    type Text = String;

    fn join(&self, member: &Member) -> Result<String, XmlError> {
        join(self, DELIMITER).map_err(|message| invalid(message, member))
    }

    fn split(text: String, member: &Member) -> Result<Vec<T>, XmlError> {
        split(&text, DELIMITER).map_err(|message| invalid(message, member))
    }
}

impl<T, const DELIMITER: char> DelimitedMember<DELIMITER> for Option<Vec<T>>
where
    T: Display + FromStr,
    T::Err: Display,
{
    type Text = Option<String>;

    fn join(&self, member: &Member) -> Result<Option<String>, XmlError> {
        self.as_deref()
            .map(|items| join(items, DELIMITER).map_err(|message| invalid(message, member)))
            .transpose()
    }

    fn split(text: Option<String>, member: &Member) -> Result<Option<Vec<T>>, XmlError> {
        text.map(|text| split(&text, DELIMITER).map_err(|message| invalid(message, member)))
            .transpose()
    }
}

fn invalid(message: String, member: &Member) -> XmlError {
    XmlError::at("$", "invalid_value", message).within_member(member.name)
}
