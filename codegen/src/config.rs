//! Generation from a build script: [`Config`] turns schemas into one file in `OUT_DIR` that the crate pastes in with
//! `include!`, so the generated code is never committed.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), codegen::Error> {
//!     codegen::Config::new().schemas("../schemas").generate()?;
//!     Ok(())
//! }
//! ```
//!
//! ```ignore
//! // src/lib.rs
//! include!(concat!(env!("OUT_DIR"), "/refund_apis.rs"));
//! ```
//!
//! The file holds one inline `pub mod` per provider and the registry (`PROVIDERS`, `visit_type`); the crate depends
//! on `codegen-runtime`, `codegen-derive`, `serde` and `serde_with`, as the generated crate does.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Pos};
use crate::emit::{self, Files};
use crate::error::{Error, WriteError};
use crate::load::schema_paths;
use crate::run::providers::{load_all, load_file};
use crate::write::{self, Change};

/// The default name of the generated file.
pub const DEFAULT_FILE_NAME: &str = "refund_apis.rs";

/// What a build script generates, and where.
#[derive(Clone, Debug)]
pub struct Config {
    inputs: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    file_name: String,
    rerun_if_changed: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            inputs: Vec::new(),
            out_dir: None,
            file_name: DEFAULT_FILE_NAME.to_owned(),
            rerun_if_changed: true,
        }
    }
}

impl Config {
    pub fn new() -> Self {
        Config::default()
    }

    /// Adds a schema file, or a folder whose `*.yaml` files are all schemas; call it once per input.
    pub fn schemas(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.inputs.push(path.as_ref().to_path_buf());
        self
    }

    /// Where the file is written; by default `$OUT_DIR`, which cargo sets for build scripts.
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The file's name; by default [`DEFAULT_FILE_NAME`].
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = name.into();
        self
    }

    /// Whether to print a `cargo:rerun-if-changed` line per schema and folder read (the default), so cargo runs the
    /// build script again exactly when a schema changes or one is added. Nothing else is ever printed.
    pub fn rerun_if_changed(&mut self, print: bool) -> &mut Self {
        self.rerun_if_changed = print;
        self
    }

    /// Writes the file if its bytes change; returns the change made, none when it was fresh.
    pub fn generate(&self) -> Result<Vec<Change>, Error> {
        let stdout = std::io::stdout();
        self.generate_reporting(&mut stdout.lock())
    }

    /// [`Config::generate`], with the cargo lines written to `cargo`.
    fn generate_reporting(&self, cargo: &mut dyn Write) -> Result<Vec<Change>, Error> {
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| {
                    Error::Config(
                        "OUT_DIR is not set: run from a build script, or call `Config::out_dir`"
                            .into(),
                    )
                })?,
        };
        if self.inputs.is_empty() {
            return Err(Error::Config(
                "no schemas given: call `Config::schemas` with a file or folder".into(),
            ));
        }
        let mut paths: Vec<PathBuf> = Vec::new();
        for input in &self.inputs {
            // The input's own line comes first: cargo then reruns when a missing or empty folder gets a schema.
            self.rerun(cargo, input)?;
            for path in schema_paths(input)? {
                if !paths.contains(&path) {
                    if input.is_dir() {
                        self.rerun(cargo, &path)?;
                    }
                    paths.push(path);
                }
            }
        }
        let providers = load_all(&paths, |path| load_file(path))?;
        refuse_duplicate_ids(&paths, &providers)?;
        let source = self
            .inputs
            .iter()
            .map(|input| input.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let file = PathBuf::from(&self.file_name);
        let text = emit::render_include(&providers, &file, &source).map_err(Error::Emit)?;
        let changes =
            write::plan_files(&out_dir, &Files::from([(file, text)])).map_err(Error::Write)?;
        write::apply(&changes).map_err(Error::Write)?;
        Ok(changes)
    }

    fn rerun(&self, cargo: &mut dyn Write, path: &Path) -> Result<(), Error> {
        if !self.rerun_if_changed {
            return Ok(());
        }
        writeln!(cargo, "cargo:rerun-if-changed={}", path.display()).map_err(|source| {
            Error::Write(WriteError {
                path: PathBuf::from("<stdout>"),
                source,
            })
        })
    }
}

/// Two inputs holding a schema of the same provider would give two modules of one name.
fn refuse_duplicate_ids(
    paths: &[PathBuf],
    providers: &[crate::model::Provider],
) -> Result<(), Error> {
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
                hint: Some("give the Config each provider's schema once".to_owned()),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Schemas(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemas() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas")
    }

    #[test]
    fn prints_a_rerun_line_per_folder_and_schema_and_writes_once() {
        let out = tempfile::tempdir().unwrap();
        let mut config = Config::new();
        config.schemas(schemas()).out_dir(out.path());
        let mut cargo = Vec::new();
        let first = config.generate_reporting(&mut cargo).unwrap();
        assert_eq!(first.len(), 1);
        let lines = String::from_utf8(cargo).unwrap();
        let lines: Vec<&str> = lines.lines().collect();
        assert_eq!(
            lines[0],
            format!("cargo:rerun-if-changed={}", schemas().display())
        );
        assert!(lines.len() > 5, "{lines:?}");
        assert!(
            lines[1..].iter().all(|line| line.ends_with(".yaml")),
            "{lines:?}"
        );

        let mut quiet = Vec::new();
        let again = config
            .rerun_if_changed(false)
            .generate_reporting(&mut quiet)
            .unwrap();
        assert!(again.is_empty(), "nothing changed, nothing written");
        assert!(quiet.is_empty());
    }

    #[test]
    fn the_same_provider_twice_is_refused() {
        let out = tempfile::tempdir().unwrap();
        let error = Config::new()
            .schemas(schemas())
            .schemas(schemas().join("../schemas/ctt.yaml"))
            .out_dir(out.path())
            .rerun_if_changed(false)
            .generate()
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("error: provider `ctt` is also loaded from"),
            "{error}"
        );
    }
}
