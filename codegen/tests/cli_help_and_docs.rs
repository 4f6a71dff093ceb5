//! The command line a new user meets first: the top-level help shows an example of every command, and
//! `codegen docs ID` finds the provider in the default schemas folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn codegen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("codegen runs")
}

#[test]
fn the_top_level_help_has_an_example_of_every_command() {
    let out = codegen(&root(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).expect("UTF-8");
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    assert!(!commands.is_empty(), "{help}");
    let examples: Vec<&str> = help
        .lines()
        .skip_while(|line| *line != "Examples:")
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .collect();
    for command in commands {
        assert!(
            examples.iter().any(|line| line
                .trim_start()
                .starts_with(&format!("codegen {command} "))),
            "no example of `{command}`:\n{help}"
        );
    }
}

#[test]
fn docs_takes_a_provider_id_alone() {
    let first = codegen::schema_paths(&root().join("schemas")).expect("schemas")[0].clone();
    let id = first.file_stem().and_then(|s| s.to_str()).expect("an id");
    let alone = codegen(&root(), &["docs", id]);
    assert_eq!(
        alone.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&alone.stderr)
    );
    let with_folder = codegen(&root(), &["docs", "schemas", id]);
    assert_eq!(alone.stdout, with_folder.stdout);
    assert!(!alone.stdout.is_empty());

    let elsewhere = tempfile::tempdir().expect("a temporary folder");
    let lost = codegen(elsewhere.path(), &["docs", id]);
    assert_eq!(lost.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&lost.stderr);
    assert!(
        stderr.contains(&format!("give the folder first: codegen docs SCHEMAS {id}")),
        "{stderr}"
    );
}
