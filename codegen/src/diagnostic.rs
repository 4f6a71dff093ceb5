//! Problems found in schemas, each located at a `file:line:col` and carrying a hint.

use std::fmt;
use std::path::{Path, PathBuf};

/// A line and column in a schema file, both counted from 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// One problem in one schema file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub pos: Pos,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something to say.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file.display(),
            self.pos.line,
            self.pos.col,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The problems found in one file, in the order they were found; reported together.
#[derive(Debug)]
pub struct Diagnostics {
    file: PathBuf,
    found: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new(file: &Path) -> Self {
        Diagnostics {
            file: file.to_path_buf(),
            found: Vec::new(),
        }
    }

    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.push(pos, message.into(), None);
    }

    pub fn error_with_hint(
        &mut self,
        pos: Pos,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(pos, message.into(), Some(hint.into()));
    }

    fn push(&mut self, pos: Pos, message: String, hint: Option<String>) {
        self.found.push(Diagnostic {
            file: self.file.clone(),
            pos,
            message,
            hint,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The problems sorted by position, so output is stable whatever order the checks ran in.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.found.sort_by_key(|d| d.pos);
        self.found
    }
}

/// The closest of `candidates` to `word`, if one is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}
