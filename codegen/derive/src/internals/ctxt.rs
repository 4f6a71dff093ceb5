//! The one place a derive reports misuse: every error found in an input is collected here, so one compile shows
//! them all, in the order they were found.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::Span;

/// The errors of one input. Shared by reference, so the attribute parsers' closures can report into it while
/// they parse.
#[derive(Default)]
pub(crate) struct Ctxt {
    errors: RefCell<Option<syn::Error>>,
}

impl Ctxt {
    /// Reports `message` at `span`.
    pub(crate) fn error(&self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Reports an error syn made, such as a malformed attribute.
    pub(crate) fn push(&self, error: syn::Error) {
        let mut errors = self.errors.borrow_mut();
        match &mut *errors {
            Some(all) => all.combine(error),
            None => *errors = Some(error),
        }
    }

    /// Every error reported, combined into one, or `Ok` when the input is sound.
    pub(crate) fn check(self) -> syn::Result<()> {
        self.errors.into_inner().map_or(Ok(()), Err)
    }
}
