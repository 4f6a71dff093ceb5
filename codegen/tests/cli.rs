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

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_command_explains_itself_with_examples_and_exit_status() {
    let top = run(&["--help"]);
    assert_eq!(top.status.code(), Some(0));
    let top = text(&top.stdout);
    for word in ["--quiet", "--verbose", "Exit status", "NO_COLOR"] {
        assert!(top.contains(word), "{word}: {top}");
    }
    for command in ["generate", "check", "diff", "docs"] {
        let help = run(&[command, "--help"]);
        assert_eq!(help.status.code(), Some(0), "{command}");
        let help = text(&help.stdout);
        assert!(help.contains("Example"), "{command}: {help}");
        assert!(help.contains("Exit status"), "{command}: {help}");
        assert!(
            help.contains(&format!("codegen {command}")),
            "{command}: {help}"
        );
    }
}

/// A copy of the real schemas, so a run may write the language's JSON Schema beside them.
fn schemas_copy(dir: &Path) -> PathBuf {
    let copy = dir.join("schemas");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(schemas()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            std::fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
        }
    }
    copy
}

#[test]
fn quiet_prints_nothing_but_the_exit_status_and_verbose_prints_each_step() {
    let dir = tempfile::tempdir().unwrap();
    let schemas = schemas_copy(dir.path());
    let out = dir.path().join("out");
    let (schemas, out) = (schemas.to_str().unwrap(), out.to_str().unwrap());

    let stale = run(&["--quiet", "check", schemas, out]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(
        stale.stdout.is_empty() && stale.stderr.is_empty(),
        "{stale:?}"
    );

    let generate = run(&["generate", "-q", schemas, out]);
    assert_eq!(generate.status.code(), Some(0));
    assert!(
        generate.stdout.is_empty() && generate.stderr.is_empty(),
        "{generate:?}"
    );

    let verbose = run(&["-v", "check", schemas, out]);
    assert_eq!(verbose.status.code(), Some(0));
    let steps = text(&verbose.stderr);
    let count = codegen::schema_paths(Path::new(schemas)).unwrap().len();
    for step in [
        format!("loading {count} schema(s)"),
        format!("rendering {count} provider(s)"),
        "comparing ".to_owned(),
    ] {
        assert!(steps.contains(&step), "{step}: {steps}");
    }
    assert!(!steps.contains('\x1b'), "no colour off a terminal: {steps}");

    let both = run(&["-q", "-v", "check"]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "--quiet and --verbose conflict"
    );
}

#[test]
fn check_reports_a_stale_reference_page_and_a_missing_json_schema() {
    let dir = tempfile::tempdir().unwrap();
    let schemas = schemas_copy(dir.path());
    let out = dir.path().join("out");
    let generate = run(&["generate", schemas.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(generate.status.code(), Some(0));
    let created = text(&generate.stderr);
    assert!(
        created.contains("created ") && created.contains("schema-language.json"),
        "{created}"
    );
    assert_eq!(
        run(&["check", schemas.to_str().unwrap(), out.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );

    let page = out.join("docs/speedpower.md");
    let edited = std::fs::read_to_string(&page)
        .unwrap()
        .replace("## Types", "## Typos");
    std::fs::write(&page, edited).unwrap();
    std::fs::remove_file(schemas.join("schema-language.json")).unwrap();
    let check = run(&["check", schemas.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    let diff = text(&check.stdout);
    assert!(diff.contains("-## Typos\n+## Types"), "{diff}");
    assert!(diff.contains("schema-language.json"), "{diff}");
    assert!(
        text(&check.stderr).contains("2 file(s) differ"),
        "{}",
        text(&check.stderr)
    );
}

#[test]
fn docs_prints_a_page_or_the_index_and_refuses_an_unknown_provider() {
    let schemas = schemas();
    let schemas = schemas.to_str().unwrap();
    let page = run(&["docs", schemas, "ctt"]);
    assert_eq!(page.status.code(), Some(0));
    assert!(text(&page.stdout).contains("\n# ChinaTrainTickets (CTT) 火车票\n"));

    let index = run(&["docs", schemas]);
    assert_eq!(index.status.code(), Some(0));
    assert!(text(&index.stdout).contains("| [`ctt`](ctt.md) |"));

    let unknown = run(&["docs", schemas, "nobody"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("no provider `nobody`"),
        "{}",
        text(&unknown.stderr)
    );
}
