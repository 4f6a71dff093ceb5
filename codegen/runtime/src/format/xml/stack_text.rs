//! Short text built on the stack: decimals, GUIDs, dates and prefixed element names are written without a
//! `String` each.

use std::fmt::{self, Display, Write as _};

/// A short text formatted into a fixed buffer; `None` from [`StackText::display`] when it does not fit.
pub(super) struct StackText {
    bytes: [u8; 64],
    len: usize,
}

impl StackText {
    pub(super) fn new() -> StackText {
        StackText {
            bytes: [0; 64],
            len: 0,
        }
    }

    /// `value`'s `Display` text, or `None` when it is longer than the buffer.
    pub(super) fn display(value: &impl Display) -> Option<StackText> {
        let mut text = StackText::new();
        write!(text, "{value}").ok()?;
        Some(text)
    }

    /// The length of the text so far.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    pub(super) fn as_str(&self) -> &str {
        // Only whole `str`s are ever copied in, so this never fails.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        let end = self.len + piece.len();
        let target = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        target.copy_from_slice(piece.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_text_fits_or_is_refused() {
        assert_eq!(
            StackText::display(&"成人票-20250615").map(|t| t.as_str().to_owned()),
            Some("成人票-20250615".to_owned())
        );
        assert!(StackText::display(&"x".repeat(64)).is_some());
        assert!(StackText::display(&"x".repeat(65)).is_none());
    }
}
