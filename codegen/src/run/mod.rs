//! The one pipeline: schema paths -> loaded and checked providers -> rendered files -> the changes that make the
//! output hold them -> written. The CLI, [`generate`], [`check`] and a build script's [`Config`](crate::Config)
//! all drive a [`Run`], so what one refuses (two schemas of one provider) every one refuses. A caller that shows
//! progress (the CLI on a terminal) is told each step as it starts; the library itself prints nothing.

pub mod providers;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Pos};
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

/// Told of each path a run reads, before it reads it; an error it returns stops the run.
pub type OnRead<'a> = &'a mut dyn FnMut(&Path) -> Result<(), Error>;

/// What a run writes.
enum Output {
    /// A crate folder: the modules and the reference; files codegen wrote there earlier and no longer produces go.
    Crate(PathBuf),
    /// One file of every provider, for `include!`, in a folder codegen shares (a build script's `OUT_DIR`), where
    /// nothing else is touched.
    Include { dir: PathBuf, file: PathBuf },
}

/// A run from schema files or folders into a crate folder, or into one file for `include!`.
pub struct Run<'a> {
    inputs: Vec<PathBuf>,
    output: Output,
    language_schema: bool,
    on_phase: Option<&'a mut dyn FnMut(Phase)>,
    on_read: Option<OnRead<'a>>,
}

impl<'a> Run<'a> {
    /// Generates the crate folder `out` from `schemas`, a schema file or a folder of `*.yaml` schemas.
    pub fn new(schemas: &Path, out: &Path) -> Self {
        Run::with_output(schemas, Output::Crate(out.to_path_buf()))
    }

    /// Generates the one file `dir/file` for `include!` from `schemas`, leaving everything else in `dir` alone.
    pub fn include(schemas: &Path, dir: &Path, file: &Path) -> Self {
        Run::with_output(
            schemas,
            Output::Include {
                dir: dir.to_path_buf(),
                file: file.to_path_buf(),
            },
        )
    }

    fn with_output(schemas: &Path, output: Output) -> Self {
        Run {
            inputs: vec![schemas.to_path_buf()],
            output,
            language_schema: false,
            on_phase: None,
            on_read: None,
        }
    }

    /// Adds another schema file or folder; a schema named twice is read once, two schemas of one provider are
    /// refused.
    pub fn schemas(mut self, path: &Path) -> Self {
        self.inputs.push(path.to_path_buf());
        self
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

    /// Calls `on_read` with each input, then with each schema found in an input folder, before loading: what a
    /// build script tells cargo to watch. An error it returns stops the run.
    pub fn on_read(mut self, on_read: OnRead<'a>) -> Self {
        self.on_read = Some(on_read);
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
        let paths = self.schema_paths()?;
        self.phase(Phase::Loading {
            schemas: paths.len(),
        });
        let providers = load_all(&paths, |path| load_file(path))?;
        refuse_duplicate_ids(&paths, &providers)?;
        self.phase(Phase::Rendering {
            providers: providers.len(),
        });
        let files = self.render(&providers)?;
        let language = if self.language_schema {
            self.language_schema_folders()
        } else {
            Vec::new()
        };
        self.phase(Phase::Comparing {
            files: files.len() + language.len(),
        });
        let mut changes = match &self.output {
            Output::Crate(out) => write::plan(out, &files, emit::marker),
            Output::Include { dir, .. } => write::plan_files(dir, &files),
        }
        .map_err(Error::Write)?;
        let language_files =
            Files::from([(PathBuf::from(json_schema::FILE_NAME), json_schema::render())]);
        for folder in language {
            changes.extend(write::plan_files(&folder, &language_files).map_err(Error::Write)?);
        }
        Ok(changes)
    }

    /// Every input's schemas in order, each read once; `on_read` hears of each input before its listing, so a
    /// build script reruns when a missing or empty folder gets a schema.
    fn schema_paths(&mut self) -> Result<Vec<PathBuf>, Error> {
        let mut paths: Vec<PathBuf> = Vec::new();
        for input in &self.inputs {
            if let Some(on_read) = self.on_read.as_mut() {
                on_read(input)?;
            }
            for path in schema_paths(input)? {
                if !paths.contains(&path) {
                    if input.is_dir()
                        && let Some(on_read) = self.on_read.as_mut()
                    {
                        on_read(&path)?;
                    }
                    paths.push(path);
                }
            }
        }
        Ok(paths)
    }

    fn render(&self, providers: &[Provider]) -> Result<Files, Error> {
        match &self.output {
            Output::Crate(_) => render_providers(providers),
            Output::Include { file, .. } => {
                let source = self
                    .inputs
                    .iter()
                    .map(|input| input.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                let text = emit::render_include(providers, file, &source).map_err(Error::Emit)?;
                Ok(Files::from([(file.clone(), text)]))
            }
        }
    }

    /// Where the language's JSON Schema goes: each input folder, or the folder of an input file.
    fn language_schema_folders(&self) -> Vec<PathBuf> {
        let mut folders: Vec<PathBuf> = Vec::new();
        for input in &self.inputs {
            let folder = language_schema_folder(input);
            if !folders.contains(&folder) {
                folders.push(folder);
            }
        }
        folders
    }

    fn phase(&mut self, phase: Phase) {
        if let Some(on_phase) = self.on_phase.as_mut() {
            on_phase(phase);
        }
    }
}

fn language_schema_folder(schemas: &Path) -> PathBuf {
    if schemas.is_dir() {
        return schemas.to_path_buf();
    }
    match schemas.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Two inputs holding a schema of the same provider would give two modules of one name.
fn refuse_duplicate_ids(paths: &[PathBuf], providers: &[Provider]) -> Result<(), Error> {
    let mut problems = Vec::new();
    for (index, provider) in providers.iter().enumerate() {
        if let Some(first) = providers[..index].iter().position(|p| p.id == provider.id) {
            problems.push(Diagnostic {
                file: paths[index].clone(),
                pos: Pos { line: 1, col: 1 },
                message: format!(
                    "provider `{}` is also loaded from {}",
                    provider.id,
                    paths[first].display()
                ),
                hint: Some("give each provider's schema once".to_owned()),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Schemas(problems))
    }
}
