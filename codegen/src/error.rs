//! The errors of a run, below every stage that raises them: loading, rendering and writing all report through
//! [`Error`], and the CLI and build scripts print it the same way.

use std::fmt;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Why a run of the generator failed. `Debug` prints what `Display` does, so a build script's
/// `fn main() -> Result<(), codegen::Error>` shows cargo the same `file:line:col: error: ...` lines the CLI prints.
pub enum Error {
    /// The schemas have problems; every one found, sorted by file and position.
    Schemas(Vec<Diagnostic>),
    /// A schema file or folder could not be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The folder holds no `.yaml` schema.
    NoSchemas(PathBuf),
    Write(WriteError),
    Emit(EmitError),
    /// A [`Config`](crate::Config) that cannot run: no schemas given, or no `OUT_DIR`.
    Config(String),
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Schemas(diagnostics) => {
                for diagnostic in diagnostics {
                    writeln!(f, "{diagnostic}")?;
                }
                let count = diagnostics.len();
                write!(
                    f,
                    "{count} problem{} found",
                    if count == 1 { "" } else { "s" }
                )
            }
            Error::Read { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::NoSchemas(path) => write!(f, "no `.yaml` schema in {}", path.display()),
            Error::Write(error) => write!(f, "cannot write {error}"),
            Error::Emit(error) => write!(
                f,
                "internal error: codegen could not render {} ({}); please report it",
                error.file.display(),
                error.message
            ),
            Error::Config(message) => write!(f, "codegen::Config: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// An I/O failure, with the path it happened on.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

/// A generated file did not format: a bug in the emitter, reported rather than panicking.
#[derive(Debug)]
pub struct EmitError {
    pub file: PathBuf,
    pub message: String,
}
