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

use crate::error::{Error, WriteError};
use crate::run::Run;
use crate::write::Change;

/// The default name of the generated file.
pub const DEFAULT_FILE_NAME: &str = "refund_apis.rs";

/// What a build script generates, and where: the same [`Run`] the CLI drives, into one file for `include!`.
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
        let Some((first, more)) = self.inputs.split_first() else {
            return Err(Error::Config(
                "no schemas given: call `Config::schemas` with a file or folder".into(),
            ));
        };
        let mut rerun = |path: &Path| {
            writeln!(cargo, "cargo:rerun-if-changed={}", path.display()).map_err(|source| {
                Error::Write(WriteError {
                    path: PathBuf::from("<stdout>"),
                    source,
                })
            })
        };
        let mut run = Run::include(first, &out_dir, Path::new(&self.file_name));
        for input in more {
            run = run.schemas(input);
        }
        if self.rerun_if_changed {
            run = run.on_read(&mut rerun);
        }
        run.generate()
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
