//! `codegen`: regenerate the provider crate from its schemas, check that it is fresh, or report what a schema
//! change breaks.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use codegen::diff::{self, Source};
use codegen::write::Change;

/// Generates Rust models of provider refund APIs from YAML schemas.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate OUT from SCHEMAS, writing only the files that change.
    #[command(
        after_help = "Example:\n  codegen generate                     # schemas/ -> generated/\n  codegen generate my/schemas out/crate"
    )]
    Generate(Paths),
    /// Exit 1 with a diff when OUT is not what SCHEMAS generate; writes nothing.
    #[command(
        after_help = "Example:\n  codegen check                        # is generated/ fresh?"
    )]
    Check(Paths),
    /// Report the semantic changes from OLD to NEW schemas: what breaks, for requests or responses, in which format.
    #[command(
        after_help = "Examples:\n  codegen diff old/schemas schemas                    # two folders, or two files\n  codegen diff --base origin/main                     # schemas/ against its committed state\n  codegen diff --base HEAD~1 schemas/ctt.yaml --format markdown\n  codegen diff --base origin/main --format github --fail-on warning\n\nExit status: 0 when no change reaches --fail-on, 1 when one does, 2 on an error."
    )]
    Diff(DiffArgs),
}

#[derive(clap::Args)]
struct Paths {
    /// A folder of `*.yaml` schemas, or one schema file.
    #[arg(default_value = "schemas")]
    schemas: PathBuf,
    /// The generated crate's folder.
    #[arg(default_value = "generated")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct DiffArgs {
    /// OLD then NEW, each a schema file or folder; with --base, NEW alone (default `schemas`).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Compare NEW with the same path as committed in this git revision.
    #[arg(long, value_name = "REV")]
    base: Option<String>,
    /// Output: text, markdown, json or github (workflow annotations).
    #[arg(long, default_value = "text")]
    format: diff::OutputFormat,
    /// The least severity that makes the exit status 1: breaking, warning or info.
    #[arg(long, value_name = "SEVERITY", default_value = "breaking")]
    fail_on: diff::Severity,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Generate(paths) => match codegen::generate(&paths.schemas, &paths.out) {
            Ok(changes) if changes.is_empty() => {
                eprintln!("{} is up to date", paths.out.display());
                ExitCode::SUCCESS
            }
            Ok(changes) => {
                for change in &changes {
                    let verb = match change {
                        Change::Create { .. } => "created",
                        Change::Update { .. } => "updated",
                        Change::Remove { .. } => "removed",
                    };
                    eprintln!("{verb} {}", change.path().display());
                }
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error),
        },
        Command::Check(paths) => match codegen::check(&paths.schemas, &paths.out) {
            Ok(changes) if changes.is_empty() => ExitCode::SUCCESS,
            Ok(changes) => {
                for change in &changes {
                    print!("{}", change.diff());
                }
                eprintln!(
                    "{} is stale: {} file(s) differ from what the schemas generate; run `cargo run -p codegen -- generate`",
                    paths.out.display(),
                    changes.len()
                );
                ExitCode::FAILURE
            }
            Err(error) => fail(&error),
        },
        Command::Diff(args) => run_diff(args),
    }
}

fn run_diff(args: DiffArgs) -> ExitCode {
    let (old, new) = match (args.base, args.paths.as_slice()) {
        (None, [old, new]) => (Source::Path(old.clone()), Source::Path(new.clone())),
        (Some(rev), [] | [_]) => {
            let path = args
                .paths
                .first()
                .cloned()
                .unwrap_or_else(|| "schemas".into());
            (
                Source::Git {
                    rev,
                    path: path.clone(),
                },
                Source::Path(path),
            )
        }
        (None, _) => usage_error("diff takes OLD and NEW, or --base REV and at most NEW"),
        (Some(_), _) => usage_error("with --base, diff takes at most one path: NEW"),
    };
    match diff::source::load_both(&old, &new) {
        Ok((old, new)) => {
            let changes = diff::diff(&old, &new);
            print!("{}", diff::render(&changes, args.format));
            if diff::reaches(&changes, args.fail_on) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            ExitCode::from(2)
        }
    }
}

/// Exits 2 with the message and the usage, as clap does for the command lines it refuses itself.
fn usage_error(message: &str) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::WrongNumberOfValues, message)
        .exit()
}

fn fail(error: &codegen::Error) -> ExitCode {
    eprintln!("{error}");
    ExitCode::FAILURE
}
