//! The `codegen` binary is a thin shell over the library: exit codes, a diff on stale output, errors on stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas")
}

fn codegen(args: &[&Path], command: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg(command)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn check_fails_with_a_diff_until_generate_runs() {
    let out = tempfile::tempdir().unwrap();
    let paths = [schemas(), out.path().to_path_buf()];
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();

    let check = codegen(&paths, "check");
    assert_eq!(check.status.code(), Some(1), "an empty folder is stale");
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("+++ b/"),
        "a diff on stdout"
    );
    assert!(String::from_utf8_lossy(&check.stderr).contains("is stale"));

    let generate = codegen(&paths, "generate");
    assert_eq!(generate.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&generate.stderr).contains("created "));

    let again = codegen(&paths, "generate");
    assert!(String::from_utf8_lossy(&again.stderr).contains("is up to date"));
    assert_eq!(codegen(&paths, "check").status.code(), Some(0));
}

#[test]
fn schema_errors_go_to_stderr_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("broken.yaml");
    std::fs::write(&schema, "version: 1\nprovider:\n  id: broken\n  titel: x\n").unwrap();
    let out = codegen(&[&schema, dir.path()], "generate");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.yaml:4:3: error: unknown key `titel` in `provider`"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: did you mean `title`?"), "{stderr}");
    assert!(stderr.contains("problems found"), "{stderr}");
}

#[test]
fn bad_command_lines_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("gennerate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let missing = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(["check", "/nonexistent/schemas"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/schemas"));
}
