//! Where OLD and NEW come from: a schema file or folder on disk, or the same path as committed in a git revision
//! (read with `git show REV:path`, so no git library is needed).

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::LoadedProvider;
use crate::error::Error;
use crate::load::{read_schema, schema_paths};
use crate::run::providers::{load_all, load_schema};

/// A set of schemas to compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A schema file, or a folder of `*.yaml` schemas.
    Path(PathBuf),
    /// `path` (a file or folder in a git work tree) as committed in revision `rev`.
    Git { rev: String, path: PathBuf },
}

/// Why a set of schemas could not be loaded.
#[derive(Debug)]
pub enum SourceError {
    /// Unreadable, or invalid: the loader's diagnostics.
    Load(Error),
    /// git is missing, or refused the revision or path.
    Git(String),
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Load(error) => write!(f, "{error}"),
            SourceError::Git(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for SourceError {}

impl From<Error> for SourceError {
    fn from(error: Error) -> SourceError {
        SourceError::Load(error)
    }
}

impl Source {
    /// Loads and checks every schema of the source; the problems of all files are reported together.
    pub fn load(&self) -> Result<Vec<LoadedProvider>, SourceError> {
        match self {
            Source::Path(path) => {
                let paths = schema_paths(path)?;
                Ok(load_all(&paths, |path| load(path, &read_schema(path)?))?)
            }
            Source::Git { rev, path } => {
                let files = git_files(rev, path)?;
                Ok(load_all(&files, |(label, bytes)| load(label, bytes))?)
            }
        }
    }
}

fn load(path: &Path, bytes: &[u8]) -> Result<LoadedProvider, Error> {
    load_schema(path, bytes)
        .map(|(schema, provider)| LoadedProvider { schema, provider })
        .map_err(Error::Schemas)
}

/// The schemas `path` holds in `rev`, each labelled `REV:path` for diagnostics and locations. A folder gives its
/// `*.yaml` files; a path the revision does not have gives nothing (every provider is then new).
fn git_files(rev: &str, path: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, SourceError> {
    let (dir, names): (&Path, Vec<String>) = if path.is_dir() {
        verify(rev, path)?;
        let listing = git_output(path, &["ls-tree", "--name-only", rev])?;
        let names = String::from_utf8_lossy(&listing)
            .lines()
            .filter(|name| name.ends_with(".yaml"))
            .map(str::to_owned)
            .collect();
        (path, names)
    } else {
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        verify(rev, dir)?;
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .ok_or_else(|| {
                SourceError::Git(format!("{} is not a file or folder", path.display()))
            })?;
        let listing = git_output(dir, &["ls-tree", "--name-only", rev, "--", &name])?;
        let present = String::from_utf8_lossy(&listing)
            .lines()
            .any(|line| line == name);
        (dir, if present { vec![name] } else { Vec::new() })
    };
    let mut names = names;
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes = git_output(dir, &["show", &format!("{rev}:./{name}")])?;
            let shown = if path.is_dir() {
                path.join(&name)
            } else {
                path.to_path_buf()
            };
            Ok((PathBuf::from(format!("{rev}:{}", shown.display())), bytes))
        })
        .collect()
}

/// Refuses what is not a commit before anything is read, so a typo is not mistaken for an empty revision.
fn verify(rev: &str, dir: &Path) -> Result<(), SourceError> {
    let spec = format!("{rev}^{{commit}}");
    match git(dir, &["rev-parse", "--verify", "--quiet", &spec])? {
        Ok(_) => Ok(()),
        Err(stderr) if stderr.is_empty() => Err(SourceError::Git(format!(
            "`{rev}` is not a commit of the git repository at {}",
            dir.display()
        ))),
        Err(stderr) => Err(SourceError::Git(format!(
            "cannot read revision `{rev}` at {}: {stderr}",
            dir.display()
        ))),
    }
}

/// Runs git in `dir`: its standard output, or what it wrote to standard error when it failed. A git that cannot
/// be run at all is an error of its own.
fn git(dir: &Path, args: &[&str]) -> Result<Result<Vec<u8>, String>, SourceError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|error| SourceError::Git(format!("cannot run git (is it installed?): {error}")))?;
    Ok(if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    })
}

/// Runs git in `dir`, whose failure is an error naming the command.
fn git_output(dir: &Path, args: &[&str]) -> Result<Vec<u8>, SourceError> {
    git(dir, args)?
        .map_err(|stderr| SourceError::Git(format!("`git {}` failed: {stderr}", args.join(" "))))
}

/// Loads OLD and NEW side by side; the errors of both are returned together.
pub fn load_both(
    old: &Source,
    new: &Source,
) -> Result<(Vec<LoadedProvider>, Vec<LoadedProvider>), Vec<SourceError>> {
    match rayon::join(|| old.load(), || new.load()) {
        (Ok(old), Ok(new)) => Ok((old, new)),
        (old, new) => Err([old.err(), new.err()].into_iter().flatten().collect()),
    }
}
