//! Generated text onto disk: only files whose bytes change are written, each atomically, and files codegen wrote
//! earlier that are no longer produced are removed. `plan` says what would change without touching anything. It
//! compares and writes bytes; which files are codegen's own, the emitters say (a marker by kind of file).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::emit::Files;
use crate::error::WriteError;

/// What syncing a file would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Create {
        path: PathBuf,
        new: String,
    },
    Update {
        path: PathBuf,
        old: String,
        new: String,
    },
    /// A file codegen wrote once and no schema produces any more.
    Remove {
        path: PathBuf,
        old: String,
    },
}

impl Change {
    pub fn path(&self) -> &Path {
        match self {
            Change::Create { path, .. }
            | Change::Update { path, .. }
            | Change::Remove { path, .. } => path,
        }
    }

    /// A unified diff of the change, for `check`'s report.
    pub fn diff(&self) -> String {
        let (old, new) = match self {
            Change::Create { new, .. } => ("", new.as_str()),
            Change::Update { old, new, .. } => (old.as_str(), new.as_str()),
            Change::Remove { old, .. } => (old.as_str(), ""),
        };
        let path = self.path().display().to_string();
        similar::TextDiff::from_lines(old, new)
            .unified_diff()
            .context_radius(2)
            .header(&format!("a/{path}"), &format!("b/{path}"))
            .to_string()
    }
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError {
        path: path.to_path_buf(),
        source,
    }
}

/// The changes that would make `out` hold exactly `files` (paths relative to `out`). A file no longer produced is
/// removed when it starts with the marker `marker` gives for its path (relative to `out`): codegen wrote it.
pub fn plan(
    out: &Path,
    files: &Files,
    marker: impl Fn(&Path) -> Option<&'static str>,
) -> Result<Vec<Change>, WriteError> {
    let mut changes = plan_files(out, files)?;
    for stale in leftovers(out, files, &marker)? {
        let old = fs::read_to_string(&stale).map_err(at(&stale))?;
        changes.push(Change::Remove { path: stale, old });
    }
    Ok(changes)
}

/// The changes that would write `files` into `root`, leaving every other file there alone: for a folder codegen
/// shares, such as a build script's `OUT_DIR` or the schemas' folder.
pub fn plan_files(root: &Path, files: &Files) -> Result<Vec<Change>, WriteError> {
    let mut changes = Vec::new();
    for (relative, new) in files {
        let path = root.join(relative);
        match fs::read(&path) {
            Ok(old) if old == new.as_bytes() => {}
            Ok(old) => changes.push(Change::Update {
                path,
                old: String::from_utf8_lossy(&old).into_owned(),
                new: new.clone(),
            }),
            Err(error) if error.kind() == io::ErrorKind::NotFound => changes.push(Change::Create {
                path,
                new: new.clone(),
            }),
            Err(error) => return Err(at(&path)(error)),
        }
    }
    Ok(changes)
}

/// Files anywhere in `out` (but `target/` and hidden folders) that carry codegen's marker and are no longer produced.
fn leftovers(
    out: &Path,
    files: &Files,
    marker: &dyn Fn(&Path) -> Option<&'static str>,
) -> Result<Vec<PathBuf>, WriteError> {
    let mut stale = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let dir = out.join(&folder);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
            Err(error) => return Err(at(&dir)(error)),
        };
        for entry in entries {
            let entry = entry.map_err(at(&dir))?;
            let name = entry.file_name();
            let relative = folder.join(&name);
            let is_dir = entry.file_type().map_err(at(&dir))?.is_dir();
            if is_dir {
                if !name.to_string_lossy().starts_with('.') && name != "target" {
                    folders.push(relative);
                }
            } else if let Some(marker) = marker(&relative)
                && !files.contains_key(&relative)
                && fs::read_to_string(entry.path()).is_ok_and(|text| text.starts_with(marker))
            {
                stale.push(entry.path());
            }
        }
    }
    stale.sort();
    Ok(stale)
}

/// Applies `changes`: each write goes to a temporary file in the same folder and is renamed over the target, so
/// a reader never sees half a file and an interrupted run leaves the old file intact.
pub fn apply(changes: &[Change]) -> Result<(), WriteError> {
    for change in changes {
        match change {
            Change::Create { path, new } | Change::Update { path, new, .. } => {
                write_atomically(path, new.as_bytes())?
            }
            Change::Remove { path, .. } => fs::remove_file(path).map_err(at(path))?,
        }
    }
    Ok(())
}

/// The new file keeps the mode of the one it replaces; a created one gets the mode `fs::write` would give it
/// (read-write for all, less the umask), not a temporary file's owner-only mode.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(at(dir))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".codegen-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(dir).map_err(at(dir))?;
    if let Ok(existing) = fs::metadata(path) {
        temp.as_file()
            .set_permissions(existing.permissions())
            .map_err(at(path))?;
    }
    temp.write_all(bytes).map_err(at(path))?;
    temp.as_file().sync_all().map_err(at(path))?;
    temp.persist(path).map_err(|error| WriteError {
        path: path.to_path_buf(),
        source: error.error,
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(path: &Path) -> Option<&'static str> {
        path.extension()
            .is_some_and(|ext| ext == "rs")
            .then_some("// @generated by codegen")
    }

    fn files(entries: &[(&str, &str)]) -> Files {
        entries
            .iter()
            .map(|(p, t)| (PathBuf::from(p), (*t).to_owned()))
            .collect()
    }

    #[test]
    fn writes_only_what_changed_and_removes_own_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let first = files(&[
            ("src/a.rs", "// @generated by codegen a\n"),
            ("src/b.rs", "// @generated by codegen b\n"),
        ]);
        apply(&plan(out, &first, marker).unwrap()).unwrap();
        fs::write(out.join("src/hand.rs"), "// written by a person\n").unwrap();
        let b_modified = fs::metadata(out.join("src/b.rs"))
            .unwrap()
            .modified()
            .unwrap();

        let second = files(&[
            ("src/b.rs", "// @generated by codegen b\n"),
            ("src/c.rs", "// @generated by codegen c\n"),
        ]);
        let changes = plan(out, &second, marker).unwrap();
        let kinds: Vec<(&str, String)> = changes
            .iter()
            .map(|c| {
                let kind = match c {
                    Change::Create { .. } => "create",
                    Change::Update { .. } => "update",
                    Change::Remove { .. } => "remove",
                };
                (
                    kind,
                    c.path().strip_prefix(out).unwrap().display().to_string(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("create", "src/c.rs".to_owned()),
                ("remove", "src/a.rs".to_owned())
            ]
        );
        apply(&changes).unwrap();
        assert!(!out.join("src/a.rs").exists());
        assert!(
            out.join("src/hand.rs").exists(),
            "files without the marker are never touched"
        );
        assert_eq!(
            fs::metadata(out.join("src/b.rs"))
                .unwrap()
                .modified()
                .unwrap(),
            b_modified
        );
        assert!(plan(out, &second, marker).unwrap().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_created_one_is_not_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("kept.rs");
        fs::write(&kept, "old").unwrap();
        fs::set_permissions(&kept, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&kept, b"new").unwrap();
        assert_eq!(fs::read_to_string(&kept).unwrap(), "new");
        assert_eq!(
            fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
            0o640
        );
        let created = dir.path().join("created.rs");
        write_atomically(&created, b"new").unwrap();
        let plain = dir.path().join("plain.rs");
        fs::write(&plain, "new").unwrap();
        assert_eq!(
            fs::metadata(&created).unwrap().permissions().mode() & 0o777,
            fs::metadata(&plain).unwrap().permissions().mode() & 0o777,
            "as fs::write creates it"
        );
    }

    #[test]
    fn diff_names_the_file_and_the_lines() {
        let change = Change::Update {
            path: PathBuf::from("src/x.rs"),
            old: "a\nb\n".into(),
            new: "a\nc\n".into(),
        };
        let diff = change.diff();
        assert!(diff.contains("--- a/src/x.rs"), "{diff}");
        assert!(diff.contains("-b\n+c\n"), "{diff}");
    }
}
