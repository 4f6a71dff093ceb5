//! A schema-driven code generator for the refund APIs of travel providers.
//!
//! Data flows one way, one folder per stage: schema files -> YAML tree -> schema model with positions ([`load`])
//! -> checked model ([`check`] into [`model`]) -> Rust tokens and formatted text ([`emit`], and the Markdown
//! reference in [`reference`]) -> files written only when changed ([`write`]). [`run`] drives the stages for the
//! `codegen` binary, for [`generate`] and [`check()`], and for [`Config`] in a build script; [`diff`] compares two
//! sets of schemas. The crate root only declares the modules and hands the entry points on.

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod error;
pub mod import;
pub mod load;
pub mod model;
pub mod names;
pub mod reference;
pub mod run;
pub mod write;

pub use config::Config;
pub use error::Error;
pub use load::schema_paths;
pub use run::providers::{load, load_bytes, load_file, load_schema};
pub use run::{Phase, Run, check, generate, render};
