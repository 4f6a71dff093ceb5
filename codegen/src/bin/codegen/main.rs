//! `codegen`: regenerate the provider crate from its schemas, check that it is fresh, report what a schema
//! change breaks, or print a provider's reference.

mod console;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use codegen::Run;
use codegen::diff::{self, Source};
use console::{Console, Verbosity};

/// Generates Rust models of provider refund APIs from YAML schemas.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Examples:\n  codegen generate                                    # schemas/ -> generated/\n  codegen check                                       # exit 1 with a diff when generated/ is stale\n  codegen diff --base origin/main                     # what a schema change breaks, for whom\n  codegen docs ctt                                    # one provider's reference, as Markdown\n  codegen import page.txt --id acme --out schemas     # draft schemas/acme.yaml from a page\n  codegen import new.txt --update schemas/acme.yaml   # merge a changed page, print the diff\n\n`codegen help COMMAND` gives each command's own examples.\n\nExit status: 0 success (or fresh), 1 schema problems, I/O errors, stale output or a breaking diff,\n2 a bad command line or a diff that cannot load its schemas.\nColour only on a terminal, never with NO_COLOR set."
)]
struct Cli {
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print each step of a run, with the time it started.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate OUT from SCHEMAS, writing only the files that change: the modules, the reference under
    /// OUT/docs/, and the language's JSON Schema beside the schemas.
    #[command(
        after_help = "Examples:\n  codegen generate                     # schemas/ -> generated/\n  codegen generate my/schemas out/crate\n  codegen -q generate                  # print nothing but errors\n\nExit status: 0 when OUT is up to date, 1 on schema problems or an I/O error."
    )]
    Generate(Paths),
    /// Exit 1 with a diff when OUT (or the JSON Schema beside SCHEMAS) is not what SCHEMAS generate; writes nothing.
    #[command(
        after_help = "Examples:\n  codegen check                        # is generated/ fresh?\n  codegen check --quiet                # the exit status alone\n\nExit status: 0 when fresh, 1 when stale (a diff on stdout) or on schema problems."
    )]
    Check(Paths),
    /// Report the semantic changes from OLD to NEW schemas: what breaks, for requests or responses, in which format.
    #[command(
        after_help = "Examples:\n  codegen diff old/schemas schemas                    # two folders, or two files\n  codegen diff --base origin/main                     # schemas/ against its committed state\n  codegen diff --base HEAD~1 schemas/ctt.yaml --format markdown\n  codegen diff --base origin/main --format github --fail-on warning\n\nExit status: 0 when no change reaches --fail-on, 1 when one does, 2 on an error."
    )]
    Diff(DiffArgs),
    /// Print the Markdown reference of one provider, or the index of all of them, to stdout.
    #[command(
        after_help = "Examples:\n  codegen docs                         # the index of schemas/\n  codegen docs ctt > ctt.md            # one provider's page, from schemas/\n  codegen docs my/schemas ctt          # from another folder\n\n`codegen generate` writes the same pages under generated/docs/.\nExit status: 0 on success, 1 on schema problems, 2 for a provider the schemas do not have."
    )]
    Docs(DocsArgs),
    /// Draft a schema from provider document pages (ASP.NET Help Pages, Taobao Open Platform pages) saved as text.
    #[command(
        after_help = "Examples:\n  codegen import page.txt                         # the schema on stdout\n  codegen import page.txt --id acme --out schemas  # writes schemas/acme.yaml\n  codegen import a.txt b.txt --id acme --out schemas --force\n  codegen import new-page.txt --update schemas/acme.yaml   # merge a changed page\n\nWhat the page leaves open is a `TODO(import):` note in the schema and a warning naming the page line.\nExit status: 0 when a schema was written (warnings included), 1 when the text is not a provider page, a file\ncannot be read or written, the schema exists without --force, or (--update) the schema does not load or the page\nis another provider's; the schema is then untouched."
    )]
    Import(ImportArgs),
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The page files, one provider's; each operation's page once.
    #[arg(value_name = "PAGE", required = true)]
    pages: Vec<PathBuf>,
    /// The provider id (default: a TOP API name's first two words, or the first page's file name).
    #[arg(long)]
    id: Option<String>,
    /// Write OUT/<id>.yaml instead of printing the schema.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace OUT/<id>.yaml if it exists.
    #[arg(long, requires = "out")]
    force: bool,
    /// Merge what the pages changed into this curated schema, keeping its curation, and print the diff.
    #[arg(long, value_name = "SCHEMA", conflicts_with = "out")]
    update: Option<PathBuf>,
    /// With --update: the page the schema was imported from (default: seeds/<its provider.source>).
    #[arg(long, value_name = "PAGE", requires = "update")]
    was: Vec<PathBuf>,
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

/// The schemas folder the commands read when none is given.
const DEFAULT_SCHEMAS: &str = "schemas";

#[derive(clap::Args)]
struct DocsArgs {
    /// A folder of `*.yaml` schemas, or one schema file; a provider id alone is looked up in `schemas`.
    #[arg(default_value = DEFAULT_SCHEMAS)]
    schemas: PathBuf,
    /// The provider id; without it, the index.
    provider: Option<String>,
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
    /// The repository the reported paths are relative to (default: the current directory).
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (_, true) => Verbosity::Verbose,
        _ => Verbosity::Normal,
    };
    let console = Console::new(verbosity);
    match cli.command {
        Command::Generate(paths) => {
            let mut progress = console.progress();
            let run = Run::new(&paths.schemas, &paths.out)
                .language_schema(true)
                .on_phase(&mut progress);
            match run.generate() {
                Ok(changes) if changes.is_empty() => {
                    console.up_to_date(&paths.out);
                    ExitCode::SUCCESS
                }
                Ok(changes) => {
                    console.changes(&changes);
                    ExitCode::SUCCESS
                }
                Err(error) => fail(&console, &error),
            }
        }
        Command::Check(paths) => {
            let mut progress = console.progress();
            let run = Run::new(&paths.schemas, &paths.out)
                .language_schema(true)
                .on_phase(&mut progress);
            match run.check() {
                Ok(changes) if changes.is_empty() => ExitCode::SUCCESS,
                Ok(changes) => {
                    console.diffs(&changes);
                    console.info(&format!(
                        "{} is stale: {} file(s) differ from what the schemas generate; run `cargo run -p codegen -- generate`",
                        paths.out.display(),
                        changes.len()
                    ));
                    ExitCode::FAILURE
                }
                Err(error) => fail(&console, &error),
            }
        }
        Command::Diff(args) => run_diff(args, &console),
        Command::Docs(args) => run_docs(args, &console),
        Command::Import(args) => run_import(args),
    }
}

fn run_import(args: ImportArgs) -> ExitCode {
    if let Some(schema) = &args.update {
        return run_update(&args, schema);
    }
    let options = codegen::import::Options { id: args.id };
    let written = codegen::import::import_files(&args.pages, &options).and_then(|imported| {
        for warning in &imported.warnings {
            eprintln!("{warning}");
        }
        match &args.out {
            Some(dir) => codegen::import::write_schema(&imported, dir, args.force).map(|path| {
                eprintln!(
                    "wrote {} ({} warnings)",
                    path.display(),
                    imported.warnings.len()
                )
            }),
            None => {
                print!("{}", imported.yaml);
                Ok(())
            }
        }
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run_update(args: &ImportArgs, schema: &std::path::Path) -> ExitCode {
    use codegen::import::update;
    let request = update::Request {
        pages: &args.pages,
        was: &args.was,
        schema,
        id: args.id.as_deref(),
    };
    let updated = update::update(&request).and_then(|updated| {
        let written = update::write(&updated)?;
        Ok((updated, written))
    });
    match updated {
        Ok((updated, written)) => {
            print!("{}", updated.diff);
            for line in &updated.replaced {
                eprintln!("replaced a curated reading: {line}");
            }
            for line in &updated.unplaced {
                eprintln!("not merged, make it by hand: {line}");
            }
            if written {
                eprintln!("updated {}", schema.display());
            } else {
                eprintln!("{} already has everything the page says", schema.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `codegen docs ID`: a provider id where the schemas folder goes, when no such file or folder exists, is looked
/// up in the default folder.
fn docs_target(args: DocsArgs) -> DocsArgs {
    let word = args.schemas.to_str().filter(|word| {
        word.starts_with(|c: char| c.is_ascii_lowercase())
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    });
    match (word, &args.provider) {
        (Some(id), None) if !args.schemas.exists() => {
            let schemas = PathBuf::from(DEFAULT_SCHEMAS);
            if !schemas.exists() {
                usage_error(&format!(
                    "`{id}` is neither a schemas folder nor a provider of ./{DEFAULT_SCHEMAS}, which does not exist \
                     here; give the folder first: codegen docs SCHEMAS {id}"
                ));
            }
            DocsArgs {
                provider: Some(id.to_owned()),
                schemas,
            }
        }
        _ => args,
    }
}

fn run_docs(args: DocsArgs, console: &Console) -> ExitCode {
    let args = docs_target(args);
    let providers = match codegen::load(&args.schemas) {
        Ok(providers) => providers,
        Err(error) => return fail(console, &error),
    };
    let page = match &args.provider {
        None => codegen::reference::render(&providers)
            .map(|mut files| {
                files
                    .remove(&PathBuf::from("docs/README.md"))
                    .unwrap_or_default()
            })
            .map_err(|error| error.message),
        Some(id) => match providers.iter().find(|provider| provider.id == *id) {
            Some(provider) => codegen::reference::page(provider),
            None => {
                let ids: Vec<&str> = providers.iter().map(|p| p.id.as_str()).collect();
                usage_error(&format!(
                    "no provider `{id}` in {}; the providers are: {}",
                    args.schemas.display(),
                    ids.join(", ")
                ))
            }
        },
    };
    match page {
        Ok(page) => {
            print!("{page}");
            ExitCode::SUCCESS
        }
        Err(message) => fail(
            console,
            &codegen::Error::Emit(codegen::error::EmitError {
                file: PathBuf::from("docs"),
                message,
            }),
        ),
    }
}

fn run_diff(args: DiffArgs, console: &Console) -> ExitCode {
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
            let mut changes = diff::diff(&old, &new);
            diff::relative_to(&mut changes, &args.root);
            if !console.quiet() {
                print!("{}", diff::render(&changes, args.format));
            }
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

fn fail(console: &Console, error: &codegen::Error) -> ExitCode {
    console.error(error);
    ExitCode::FAILURE
}
