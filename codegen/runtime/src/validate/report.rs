//! The problems one validation pass found.

use std::fmt;

use super::Path;
use crate::problem::{Problem, Rejection, Stage};

/// Collects problems in the order they are found; empty, it holds no allocation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    problems: Vec<Problem>,
}

impl Report {
    pub const fn new() -> Report {
        Report {
            problems: Vec::new(),
        }
    }

    /// Records a problem; the path and message are rendered to text only here.
    pub fn push(&mut self, path: &Path<'_>, code: &'static str, message: impl fmt::Display) {
        self.problems.push(Problem {
            path: path.to_string(),
            code,
            message: message.to_string(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    /// `Ok` when nothing was recorded, else every problem as a rejection of the validate stage.
    pub fn into_result(self) -> Result<(), Rejection> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(Rejection::new(Stage::Validate, self.problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_report_is_ok_and_holds_no_buffer() {
        let report = Report::new();
        assert!(report.is_empty());
        assert_eq!(report.problems.capacity(), 0);
        assert_eq!(report.into_result(), Ok(()));
    }

    #[test]
    fn problems_keep_their_order() {
        let mut report = Report::new();
        let root = Path::Root;
        report.push(&root.field("b"), "required", "is required");
        report.push(&root.index(0), "max_len", format_args!("at most {}", 3));
        assert_eq!(report.problems().len(), 2);
        let rejection = report.into_result().unwrap_err();
        assert_eq!(rejection.stage(), Stage::Validate);
        assert_eq!(rejection.errors()[0].path, "$.b");
        assert_eq!(rejection.errors()[1].path, "$[0]");
        assert_eq!(rejection.errors()[1].message, "at most 3");
    }
}
