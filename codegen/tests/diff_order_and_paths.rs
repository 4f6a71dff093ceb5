//! `codegen diff` lists breaking changes first within each provider, and writes the paths of schemas on disk
//! relative to the repository (the current directory or `--root`), so GitHub annotations land on the files.

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::diff::{self, Severity};

fn golden() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff/golden")
}

#[test]
fn breaking_changes_come_first_within_each_provider() {
    let load = |side: &str| {
        diff::Source::Path(golden().join(side))
            .load()
            .expect("the golden schemas load")
    };
    let changes = diff::diff(&load("old"), &load("new"));
    let mut mixed = false;
    for pair in changes.windows(2) {
        if pair[0].provider == pair[1].provider {
            assert!(
                pair[0].severity >= pair[1].severity,
                "{} ({}) before {} ({})",
                pair[0].message,
                pair[0].severity,
                pair[1].message,
                pair[1].severity
            );
            mixed |=
                pair[0].severity == Severity::Breaking && pair[1].severity != Severity::Breaking;
        } else {
            assert!(pair[0].provider < pair[1].provider, "providers in order");
        }
    }
    assert!(
        mixed,
        "the golden schemas have a provider with breaking and other changes"
    );
}

/// The `file=` of every annotation `codegen diff --format github` writes for two absolute folders.
fn annotated_files(dir: &Path, extra: &[&str]) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .current_dir(dir)
        .arg("diff")
        .arg(golden().join("old"))
        .arg(golden().join("new"))
        .args(["--format", "github"])
        .args(extra)
        .output()
        .expect("codegen runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let files: Vec<String> = stdout
        .lines()
        .map(|line| {
            let file = line.split_once(" file=").expect("a file").1;
            file.split_once(',').expect("a line").0.to_owned()
        })
        .collect();
    assert!(!files.is_empty(), "{stdout}");
    files
}

#[test]
fn github_annotations_name_files_relative_to_the_repository() {
    for file in annotated_files(&golden(), &[]) {
        assert!(
            file.starts_with("old/") || file.starts_with("new/"),
            "relative to the current directory: {file}"
        );
    }
    let elsewhere = tempfile::tempdir().expect("a temporary folder");
    let root = golden().join("..");
    for file in annotated_files(elsewhere.path(), &["--root", root.to_str().expect("UTF-8")]) {
        assert!(
            file.starts_with("golden/old/") || file.starts_with("golden/new/"),
            "relative to --root: {file}"
        );
    }
    for file in annotated_files(elsewhere.path(), &[]) {
        assert!(
            Path::new(&file).is_absolute(),
            "outside the repository, kept: {file}"
        );
    }
}
