//! The `codegen` binary's output on a terminal (the library prints nothing): how much to say (`--quiet`,
//! `--verbose`), colour only where a person reads it, and a line per step of a long run.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use codegen::Phase;
use codegen::write::Change;

/// More schemas than this make a run long enough to show its steps on a terminal.
const PROGRESS_AFTER: usize = 20;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[1;31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

pub struct Console {
    verbosity: Verbosity,
    stderr_colour: bool,
    stdout_colour: bool,
    stderr_terminal: bool,
    started: Instant,
}

impl Console {
    pub fn new(verbosity: Verbosity) -> Self {
        // https://no-color.org: a set, non-empty NO_COLOR turns colour off.
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let stderr_terminal = std::io::stderr().is_terminal();
        Console {
            verbosity,
            stderr_colour: stderr_terminal && !no_colour,
            stdout_colour: std::io::stdout().is_terminal() && !no_colour,
            stderr_terminal,
            started: Instant::now(),
        }
    }

    pub fn quiet(&self) -> bool {
        self.verbosity == Verbosity::Quiet
    }

    /// A line of information on stderr, unless `--quiet`.
    pub fn info(&self, message: &str) {
        if !self.quiet() {
            eprintln!("{message}");
        }
    }

    /// What a run changed, a line per file.
    pub fn changes(&self, changes: &[Change]) {
        for change in changes {
            let (verb, colour) = match change {
                Change::Create { .. } => ("created", GREEN),
                Change::Update { .. } => ("updated", YELLOW),
                Change::Remove { .. } => ("removed", RED),
            };
            self.info(&format!(
                "{} {}",
                paint(self.stderr_colour, colour, verb),
                change.path().display()
            ));
        }
    }

    /// `check`'s diffs on stdout, unless `--quiet`; added and removed lines coloured on a terminal.
    pub fn diffs(&self, changes: &[Change]) {
        if self.quiet() {
            return;
        }
        for change in changes {
            for line in change.diff().lines() {
                let colour = match line.as_bytes().first() {
                    _ if line.starts_with("+++") || line.starts_with("---") => BOLD,
                    Some(b'+') => GREEN,
                    Some(b'-') => RED,
                    Some(b'@') => CYAN,
                    _ => "",
                };
                println!("{}", paint(self.stdout_colour, colour, line));
            }
        }
    }

    /// A failure, always printed: schema problems as `file:line:col: error: ...` with their hints.
    pub fn error(&self, error: &codegen::Error) {
        let codegen::Error::Schemas(diagnostics) = error else {
            eprintln!("{} {error}", paint(self.stderr_colour, RED, "error:"));
            return;
        };
        if !self.stderr_colour {
            eprintln!("{error}");
            return;
        }
        for diagnostic in diagnostics {
            let at = format!(
                "{}:{}:{}:",
                diagnostic.file.display(),
                diagnostic.pos.line,
                diagnostic.pos.col
            );
            eprintln!(
                "{BOLD}{at}{RESET} {RED}error:{RESET} {}",
                diagnostic.message
            );
            if let Some(hint) = &diagnostic.hint {
                eprintln!("  {CYAN}hint:{RESET} {hint}");
            }
        }
        let count = diagnostics.len();
        eprintln!("{count} problem{} found", if count == 1 { "" } else { "s" });
    }

    /// Reports the steps of a run: always with `--verbose`; on a terminal when the run has many schemas; never
    /// with `--quiet`.
    pub fn progress(&self) -> impl FnMut(Phase) + '_ {
        let mut shown = self.verbosity == Verbosity::Verbose;
        move |phase| {
            if let Phase::Loading { schemas } = phase {
                shown |= self.stderr_terminal && schemas > PROGRESS_AFTER;
                shown &= !self.quiet();
            }
            if !shown {
                return;
            }
            let step = match phase {
                Phase::Loading { schemas } => format!("loading {schemas} schema(s)"),
                Phase::Rendering { providers } => format!("rendering {providers} provider(s)"),
                Phase::Comparing { files } => format!("comparing {files} file(s)"),
                Phase::Writing { changes } => format!("writing {changes} file(s)"),
            };
            let elapsed = self.started.elapsed().as_secs_f64();
            eprintln!(
                "{} {step}",
                paint(self.stderr_colour, CYAN, &format!("[{elapsed:6.2}s]"))
            );
        }
    }

    /// That `out` needed no change.
    pub fn up_to_date(&self, out: &Path) {
        self.info(&format!("{} is up to date", out.display()));
    }
}

fn paint(enabled: bool, colour: &str, text: &str) -> String {
    if enabled && !colour.is_empty() {
        format!("{colour}{text}{RESET}")
    } else {
        text.to_owned()
    }
}
