//! Writes a synthetic set of schemas for measuring the generator (see `benches/synthetic/mod.rs`):
//!
//! ```sh
//! cargo run -p codegen --release --example synthetic -- DIR PROVIDERS [TYPES [FIELDS]]
//! ```
//!
//! TYPES and FIELDS default to 20 and 15, the shape of the issue's targets.

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

const USAGE: &str = "usage: synthetic DIR PROVIDERS [TYPES [FIELDS]]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |index: usize, default: usize| match args.get(index) {
        Some(text) => text.parse::<usize>().ok(),
        None => Some(default),
    };
    let (Some(dir), Some(Some(providers)), Some(types), Some(fields), true) = (
        args.first().map(PathBuf::from),
        args.get(1).map(|text| text.parse::<usize>().ok()),
        number(2, synthetic::TYPES),
        number(3, synthetic::FIELDS),
        args.len() <= 4,
    ) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match synthetic::write_set(&dir, providers, types, fields) {
        Ok(()) => {
            eprintln!(
                "wrote {providers} schemas of {types} structs of {fields} fields to {}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cannot write {}: {error}", dir.display());
            ExitCode::FAILURE
        }
    }
}
