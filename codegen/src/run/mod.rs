//! One run of `generate` or `check`: load, render, compare, write. A caller that shows progress (the CLI on a
//! terminal) is told each step as it starts; the library itself prints nothing.

pub mod providers;

use std::path::{Path, PathBuf};

use crate::emit::{self, Files};
use crate::error::Error;
use crate::load::language::json_schema;
use crate::load::schema_paths;
use crate::model::Provider;
use crate::reference;
use crate::write::{self, Change};
use providers::{load, load_all, load_file};

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

/// A step of a run, with the amount of work it has before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Loading { schemas: usize },
    Rendering { providers: usize },
    Comparing { files: usize },
    Writing { changes: usize },
}

/// A run from a schema file or folder into a crate folder.
pub struct Run<'a> {
    schemas: &'a Path,
    out: &'a Path,
    language_schema: bool,
    on_phase: Option<&'a mut dyn FnMut(Phase)>,
}

impl<'a> Run<'a> {
    pub fn new(schemas: &'a Path, out: &'a Path) -> Self {
        Run {
            schemas,
            out,
            language_schema: false,
            on_phase: None,
        }
    }

    /// Also keeps the language's JSON Schema ([`json_schema::FILE_NAME`]) fresh beside the schemas, where their
    /// first line points editors at it. The CLI does; the plain library calls leave the schemas' folder alone.
    pub fn language_schema(mut self, keep: bool) -> Self {
        self.language_schema = keep;
        self
    }

    /// Calls `on_phase` as each step starts.
    pub fn on_phase(mut self, on_phase: &'a mut dyn FnMut(Phase)) -> Self {
        self.on_phase = Some(on_phase);
        self
    }

    /// The changes `generate` would make; empty when everything is fresh. Writes nothing.
    pub fn check(mut self) -> Result<Vec<Change>, Error> {
        self.plan()
    }

    /// Brings everything up to date; returns the changes made (none when it was already fresh).
    pub fn generate(mut self) -> Result<Vec<Change>, Error> {
        let changes = self.plan()?;
        if !changes.is_empty() {
            self.phase(Phase::Writing {
                changes: changes.len(),
            });
        }
        write::apply(&changes).map_err(Error::Write)?;
        Ok(changes)
    }

    fn plan(&mut self) -> Result<Vec<Change>, Error> {
        let paths = schema_paths(self.schemas)?;
        self.phase(Phase::Loading {
            schemas: paths.len(),
        });
        let providers = load_all(&paths, |path| load_file(path))?;
        self.phase(Phase::Rendering {
            providers: providers.len(),
        });
        let files = render_providers(&providers)?;
        let language = self.language_schema.then(|| {
            (
                language_schema_folder(self.schemas),
                language_schema_files(),
            )
        });
        self.phase(Phase::Comparing {
            files: files.len() + language.as_ref().map_or(0, |(_, files)| files.len()),
        });
        let mut changes = write::plan(self.out, &files).map_err(Error::Write)?;
        if let Some((folder, files)) = language {
            changes.extend(write::plan_files(&folder, &files).map_err(Error::Write)?);
        }
        Ok(changes)
    }

    fn phase(&mut self, phase: Phase) {
        if let Some(on_phase) = self.on_phase.as_mut() {
            on_phase(phase);
        }
    }
}

/// Where the language's JSON Schema goes: the schemas' folder, or the folder of the one schema named.
pub fn language_schema_folder(schemas: &Path) -> PathBuf {
    if schemas.is_dir() {
        return schemas.to_path_buf();
    }
    match schemas.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn language_schema_files() -> Files {
    Files::from([(PathBuf::from(json_schema::FILE_NAME), json_schema::render())])
}
