//! `codegen`: regenerate the provider crate from its schemas, or check that it is fresh.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
    }
}

fn fail(error: &codegen::Error) -> ExitCode {
    eprintln!("{error}");
    ExitCode::FAILURE
}
