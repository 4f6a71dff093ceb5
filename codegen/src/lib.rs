//! A schema-driven code generator for the refund APIs of travel providers.
//!
//! Data flows one way: YAML text ([`yaml`]) -> schema model with positions ([`decode`], [`schema`]) -> checked
//! model ([`check`], [`model`]) -> Rust tokens and formatted text ([`emit`]) -> files written only when changed
//! ([`write`]). The `codegen` binary and `build.rs` users call the same functions: [`generate`] and [`check`], or
//! [`Config`] from a build script. Beside the code, [`reference`] renders each provider's Markdown reference and
//! [`language`] the JSON Schema of the schema language.

pub mod check;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod language;
pub mod model;
pub mod names;
pub mod reference;
pub mod run;
pub mod schema;
pub mod write;
pub mod yaml;

use std::fmt;

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use diagnostic::{Diagnostic, Diagnostics, Pos};
use emit::{EmitError, Files};
use model::Provider;
use write::{Change, WriteError};

pub use config::Config;
pub use run::{Phase, Run};

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
    /// A [`Config`] that cannot run: no schemas given, or no `OUT_DIR`.
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

/// Loads and checks one schema file; every problem in it is reported. An oversized file is refused by its size,
/// before it is read.
pub fn load_file(path: &Path) -> Result<Provider, Error> {
    let bytes = read_schema(path)?;
    load_bytes(path, &bytes).map_err(Error::Schemas)
}

/// Reads a schema file's bytes, refusing an oversized one by its size before reading it.
pub fn read_schema(path: &Path) -> Result<Vec<u8>, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let len = std::fs::metadata(path).map_err(read_error)?.len();
    if let Err(too_large) = yaml::ParseError::check_size(len) {
        let mut diags = Diagnostics::new(path);
        diags.error_with_hint(too_large.pos, too_large.message, too_large.hint);
        return Err(Error::Schemas(diags.into_sorted()));
    }
    std::fs::read(path).map_err(read_error)
}

/// Loads and checks a schema from its bytes; `path` names it in diagnostics and gives the provider id.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Provider, Vec<Diagnostic>> {
    load_schema(path, bytes).map(|(_, provider)| provider)
}

/// Loads and checks a schema from its bytes, keeping the decoded schema, where every name has its position, beside
/// the checked model: `codegen diff` compares the model and points at the schema.
pub fn load_schema(
    path: &Path,
    bytes: &[u8],
) -> Result<(schema::Schema, Provider), Vec<Diagnostic>> {
    let mut diags = Diagnostics::new(path);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let col = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            diags.error_with_hint(
                Pos {
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                    col: u32::try_from(col).unwrap_or(u32::MAX),
                },
                "the file is not UTF-8 text",
                "schemas are UTF-8 YAML; is this the right file?",
            );
            return Err(diags.into_sorted());
        }
    };
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err(error) => {
            diags.error_with_hint(error.pos, error.message, error.hint);
            return Err(diags.into_sorted());
        }
    };
    let loaded = decode::decode(path, &root, &mut diags).and_then(|schema| {
        let provider = check::check(&schema, &mut diags)?;
        Some((schema, provider))
    });
    match loaded {
        Some(loaded) if diags.is_empty() => Ok(loaded),
        _ => Err(diags.into_sorted()),
    }
}

/// Loads every `*.yaml` schema of a folder (or one file), reporting the problems of all of them together.
pub fn load(schemas: &Path) -> Result<Vec<Provider>, Error> {
    load_all(&schema_paths(schemas)?, |path| load_file(path))
}

/// Loads independent schemas in parallel and takes the results in the given order; the schema problems of all of
/// them are reported together, any other error stops the run.
pub fn load_all<I: Sync, T: Send>(
    items: &[I],
    load: impl Fn(&I) -> Result<T, Error> + Sync + Send,
) -> Result<Vec<T>, Error> {
    let loaded: Vec<Result<T, Error>> = items.par_iter().map(load).collect();
    let mut providers = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    for result in loaded {
        match result {
            Ok(provider) => providers.push(provider),
            Err(Error::Schemas(found)) => problems.extend(found),
            Err(other) => return Err(other),
        }
    }
    if problems.is_empty() {
        Ok(providers)
    } else {
        Err(Error::Schemas(problems))
    }
}

/// The `*.yaml` schemas of a folder in path order, or the one file named.
pub fn schema_paths(schemas: &Path) -> Result<Vec<PathBuf>, Error> {
    let read_error = |source| Error::Read {
        path: schemas.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = if schemas.is_dir() {
        std::fs::read_dir(schemas)
            .map_err(read_error)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
            .collect()
    } else {
        std::fs::metadata(schemas).map_err(read_error)?;
        vec![schemas.to_path_buf()]
    };
    paths.sort();
    if paths.is_empty() {
        return Err(Error::NoSchemas(schemas.to_path_buf()));
    }
    Ok(paths)
}

/// The files the schemas produce, without touching the disk.
pub fn render(schemas: &Path) -> Result<Files, Error> {
    render_providers(&load(schemas)?)
}

/// The output crate's files for checked providers: the modules, and the reference pages under `docs/`.
pub fn render_providers(providers: &[Provider]) -> Result<Files, Error> {
    let mut files = emit::render(providers).map_err(Error::Emit)?;
    files.extend(reference::render(providers).map_err(Error::Emit)?);
    Ok(files)
}

/// Regenerates `out` from `schemas`; returns the changes made (none when it was already fresh).
pub fn generate(schemas: &Path, out: &Path) -> Result<Vec<Change>, Error> {
    Run::new(schemas, out).generate()
}

/// The changes `generate` would make; empty when `out` is fresh. Writes nothing.
pub fn check(schemas: &Path, out: &Path) -> Result<Vec<Change>, Error> {
    Run::new(schemas, out).check()
}
