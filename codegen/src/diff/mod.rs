//! `codegen diff`: what a schema change means for callers' code and for the wire, for pull-request review.
//!
//! Two sets of providers are compared on the checked model, which knows what a change means (resolved types, Rust
//! names, whether a field is an `Option`, each format's member order); positions come from the decoded schema kept
//! beside it, which knows where every name and limit was written. Items are paired by name (providers, operations,
//! types), wire name (fields) and value (enum values), then by a declared `renamed_from`. Each difference is found
//! once and judged by one rule of the catalogue ([`rules`]), from the direction the item travels in ([`usage`]).

mod context;
mod cross_field;
mod enums;
mod fields;
mod matching;
mod order;
mod outcome;
mod providers;
pub mod render;
pub mod rules;
pub mod source;
mod types;
mod uri;
mod usage;

use std::cmp::Reverse;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rayon::prelude::*;

use crate::diagnostic::Pos;
use crate::load::schema::Schema;
use crate::model::Provider;

pub use render::{OutputFormat, render};
pub use rules::Rule;
pub use source::{Source, SourceError};

/// One provider as loaded: the decoded schema for positions, the checked model for meaning.
#[derive(Debug)]
pub struct LoadedProvider {
    pub schema: Schema,
    pub provider: Provider,
}

/// How much a change matters to the teams that integrate with the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Nothing that worked stops working.
    Info,
    /// Worth a look: behaviour or output changes, though code and payloads that worked still do.
    Warning,
    /// Code that compiled, or payloads that were accepted or understood, may no longer be.
    Breaking,
}

impl Severity {
    pub const ALL: [(&'static str, Severity); 3] = [
        ("info", Severity::Info),
        ("warning", Severity::Warning),
        ("breaking", Severity::Breaking),
    ];

    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Breaking => "breaking",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, severity)| *severity)
            .ok_or_else(|| {
                format!("`{text}` is not a severity; expected breaking, warning or info")
            })
    }
}

/// Which way an item travels: in requests the caller writes, in responses the provider writes, both, or neither
/// (a type no operation reaches, judged as if it travelled both ways).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Direction {
    pub request: bool,
    pub response: bool,
}

impl Direction {
    pub const REQUEST: Direction = Direction {
        request: true,
        response: false,
    };
    pub const RESPONSE: Direction = Direction {
        request: false,
        response: true,
    };
    pub const BOTH: Direction = Direction {
        request: true,
        response: true,
    };

    pub fn union(self, other: Direction) -> Direction {
        Direction {
            request: self.request || other.request,
            response: self.response || other.response,
        }
    }

    pub fn name(self) -> &'static str {
        match (self.request, self.response) {
            (true, true) => "both",
            (true, false) => "request",
            (false, true) => "response",
            (false, false) => "none",
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a change shows: the generated Rust API, or one wire format the provider speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    Rust,
    Json,
    Xml,
    Form,
    Bson,
    /// Taobao Open Platform parameters: the signed form a TOP request travels as.
    Top,
}

impl Surface {
    pub fn name(self) -> &'static str {
        match self {
            Surface::Rust => "rust",
            Surface::Json => "json",
            Surface::Xml => "xml",
            Surface::Form => "form",
            Surface::Bson => "bson",
            Surface::Top => "top",
        }
    }
}

impl From<crate::model::Format> for Surface {
    fn from(format: crate::model::Format) -> Surface {
        use crate::model::Format;
        match format {
            Format::Json => Surface::Json,
            Format::Xml => Surface::Xml,
            Format::Form => Surface::Form,
            Format::Bson => Surface::Bson,
        }
    }
}

/// One semantic change, judged and located.
#[derive(Clone, Debug)]
pub struct Change {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub direction: Direction,
    /// What it breaks (or, for `info`, touches), in [`Surface`] order.
    pub formats: Vec<Surface>,
    pub provider: String,
    /// The schema in NEW, or in OLD for something removed.
    pub file: PathBuf,
    pub pos: Pos,
    pub message: String,
}

/// Every semantic change from `old` to `new`, sorted by provider, then severity (breaking first, so a reviewer
/// reads first what needs a decision), then file and position. Providers are paired by id.
pub fn diff(old: &[LoadedProvider], new: &[LoadedProvider]) -> Vec<Change> {
    let mut changes: Vec<Change> = providers::pair(old, new)
        .par_iter()
        .flat_map_iter(|pair| pair.compare())
        .collect();
    changes.sort_by(|a, b| {
        (
            &a.provider,
            Reverse(a.severity),
            &a.file,
            a.pos,
            a.rule.id,
            &a.message,
        )
            .cmp(&(
                &b.provider,
                Reverse(b.severity),
                &b.file,
                b.pos,
                b.rule.id,
                &b.message,
            ))
    });
    changes
}

/// Writes the paths of schemas on disk relative to `root` (the repository), as GitHub's annotations and a
/// reviewer's editor want them; a path outside `root`, or a revision's `REV:path`, is kept as it is.
pub fn relative_to(changes: &mut [Change], root: &Path) {
    let Ok(root) = root.canonicalize() else {
        return;
    };
    for change in changes {
        if let Some(relative) = change
            .file
            .canonicalize()
            .ok()
            .and_then(|file| file.strip_prefix(&root).ok().map(Path::to_path_buf))
        {
            change.file = relative;
        }
    }
}

/// Whether any change is at least as severe as `threshold`: the CLI's exit status 1.
pub fn reaches(changes: &[Change], threshold: Severity) -> bool {
    changes.iter().any(|change| change.severity >= threshold)
}
