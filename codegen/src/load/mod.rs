//! Schema files into the located schema model: which files a folder holds, their bytes, the YAML tree of located
//! nodes ([`yaml`]), and the decoded [`schema::Schema`] in which every value keeps its line and column
//! ([`decode`], by the tables of the schema [`language`]). Whether names resolve is `check`'s business.

pub mod decode;
pub mod language;
pub mod schema;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostics, Pos};
use crate::error::Error;
use schema::Schema;

/// The `*.yaml` schemas of a folder in path order, or the one file named.
pub fn schema_paths(schemas: &Path) -> Result<Vec<PathBuf>, Error> {
    let read_error = |source| Error::Read {
        path: schemas.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = if schemas.is_dir() {
        std::fs::read_dir(schemas)
            .map_err(read_error)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
            .collect()
    } else {
        std::fs::metadata(schemas).map_err(read_error)?;
        vec![schemas.to_path_buf()]
    };
    paths.sort();
    if paths.is_empty() {
        return Err(Error::NoSchemas(schemas.to_path_buf()));
    }
    Ok(paths)
}

/// Reads a schema file's bytes, refusing an oversized one by its size before reading it.
pub fn read_schema(path: &Path) -> Result<Vec<u8>, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let len = std::fs::metadata(path).map_err(read_error)?.len();
    if let Err(too_large) = yaml::ParseError::check_size(len) {
        let mut diags = Diagnostics::new(path);
        diags.error_with_hint(too_large.pos, too_large.message, too_large.hint);
        return Err(Error::Schemas(diags.into_sorted()));
    }
    std::fs::read(path).map_err(read_error)
}

/// Decodes a schema's bytes into the located model, reporting every problem into `diags`; `None` when they leave
/// nothing to check. The text must be UTF-8 YAML.
pub fn decode_bytes(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<Schema> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let col = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            diags.error_with_hint(
                Pos {
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                    col: u32::try_from(col).unwrap_or(u32::MAX),
                },
                "the file is not UTF-8 text",
                "schemas are UTF-8 YAML; is this the right file?",
            );
            return None;
        }
    };
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err(error) => {
            diags.error_with_hint(error.pos, error.message, error.hint);
            return None;
        }
    };
    decode::decode(path, &root, diags)
}
