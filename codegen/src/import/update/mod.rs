//! `codegen import PAGE --update SCHEMA`: a changed provider page merged into a curated schema. The page the schema
//! was imported from and the new page are both imported; what differs between the two drafts is what the page
//! changed ([`merge`]), and only that is made to the curated text, in place ([`splice`]), so a review shows only
//! the lines the page changed. The result must load and check, and bring every change of the page, before it is
//! written, atomically; otherwise the schema is left as it was.

mod merge;
mod one_line;
mod splice;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::diff::{self, LoadedProvider, OutputFormat};
use crate::load::yaml::{self, Node, Value};
use crate::run::providers::load_schema;
use crate::write::{self, Change};

use super::{ImportError, Imported, Options, import_files};

/// What to merge: the new pages, the pages the schema was imported from (by default the page its
/// `provider.source` names, in the `seeds/` folder beside the schema's folder), and the curated schema.
pub struct Request<'a> {
    /// The provider's pages as they are now.
    pub pages: &'a [PathBuf],
    /// The pages the schema was imported from; empty for the one its `provider.source` names.
    pub was: &'a [PathBuf],
    /// The curated schema file.
    pub schema: &'a Path,
    /// A provider id given on the command line, which must be the schema's.
    pub id: Option<&'a str>,
}

/// A merged schema, not yet written.
pub struct Updated {
    pub path: PathBuf,
    /// The curated text as read.
    pub old: String,
    /// The merged text: `old` with only the page's changes made.
    pub new: String,
    /// `codegen diff` of the curated schema against the merged one, in its text format.
    pub diff: String,
    /// Curated readings the page replaced, each kept as a `TODO(import):` note.
    pub replaced: Vec<String>,
    /// Changes of the page the schema has no place for, to make by hand.
    pub unplaced: Vec<String>,
}

/// Why a page cannot be merged; the schema is never touched.
#[derive(Debug)]
pub enum UpdateError {
    Import(ImportError),
    /// The schema cannot be read.
    Read(String),
    /// The curated schema, or the merge's result, does not load.
    Problems {
        what: &'static str,
        problems: Vec<Diagnostic>,
    },
    /// The page the schema was imported from cannot be found.
    NoBase {
        schema: PathBuf,
        tried: PathBuf,
    },
    /// The page is not one of this provider's.
    OtherProvider {
        page: String,
        id: String,
        why: String,
    },
    /// The curated text's layout leaves no place to make a change in.
    Merge(String),
    Write(crate::error::WriteError),
}

impl fmt::Display for UpdateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpdateError::Import(error) => error.fmt(f),
            UpdateError::Read(message) => f.write_str(message),
            UpdateError::Problems { what, problems } => {
                write!(f, "{what} does not load:")?;
                for problem in problems {
                    write!(f, "\n{problem}")?;
                }
                Ok(())
            }
            UpdateError::NoBase { schema, tried } => write!(
                f,
                "cannot read {}, the page {} was imported from (its provider.source); give that page with --was PAGE",
                tried.display(),
                schema.display()
            ),
            UpdateError::OtherProvider { page, id, why } => write!(
                f,
                "{page} is not a page of `{id}`: {why}; give the page of this provider, or import it as a new schema"
            ),
            UpdateError::Merge(why) => write!(
                f,
                "the page's changes cannot be made in place ({why}); the schema is untouched"
            ),
            UpdateError::Write(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for UpdateError {}

impl From<ImportError> for UpdateError {
    fn from(error: ImportError) -> UpdateError {
        UpdateError::Import(error)
    }
}

fn read(path: &Path) -> Result<String, UpdateError> {
    let bytes =
        crate::load::read_schema(path).map_err(|error| UpdateError::Read(error.to_string()))?;
    String::from_utf8(bytes)
        .map_err(|_| UpdateError::Read(format!("{}: not UTF-8 text", path.display())))
}

fn loaded(path: &Path, text: &str, what: &'static str) -> Result<LoadedProvider, UpdateError> {
    load_schema(path, text.as_bytes())
        .map(|(schema, provider)| LoadedProvider { schema, provider })
        .map_err(|problems| UpdateError::Problems { what, problems })
}

fn tree(text: &str, what: &'static str, path: &Path) -> Result<Node, UpdateError> {
    yaml::parse(text).map_err(|error| UpdateError::Problems {
        what,
        problems: vec![Diagnostic {
            file: path.to_path_buf(),
            pos: error.pos,
            message: error.message,
            hint: Some(error.hint),
        }],
    })
}

fn get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// The pages the schema was imported from: those given, or the one its `provider.source` names under `seeds/`
/// beside the schema's folder.
fn base_pages(request: &Request<'_>, curated: &Node) -> Result<Vec<PathBuf>, UpdateError> {
    if !request.was.is_empty() {
        return Ok(request.was.to_vec());
    }
    let source = get(curated, "provider")
        .and_then(|p| get(p, "source"))
        .and_then(|s| match &s.value {
            Value::Str(s) => Some(s.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let folder = request
        .schema
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tried = folder.join("..").join("seeds").join(source);
    if tried.is_file() {
        Ok(vec![tried])
    } else {
        Err(UpdateError::NoBase {
            schema: request.schema.to_path_buf(),
            tried,
        })
    }
}

/// The calls a draft's operations make: a TOP API name, or a Web API method and path.
fn calls(draft: &Node) -> Vec<String> {
    match get(draft, "operations").map(|o| &o.value) {
        Some(Value::Map(ops)) => ops
            .iter()
            .filter_map(|(_, op)| {
                let field = |call: &str, key: &str| {
                    get(op, call)
                        .and_then(|c| get(c, key))
                        .and_then(|v| match &v.value {
                            Value::Str(s) => Some(s.clone()),
                            _ => None,
                        })
                };
                field("top", "method").or_else(|| {
                    Some(format!(
                        "{} {}",
                        field("http", "method")?,
                        field("http", "path")?
                    ))
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The new page must speak the old one's protocol and make at least one of its calls.
fn same_provider(base: &Node, page: &Node, name: &str, id: &str) -> Result<(), UpdateError> {
    let protocol = |draft: &Node| {
        get(draft, "provider")
            .and_then(|p| get(p, "protocol"))
            .and_then(one_line::one_line)
    };
    let other = |why: String| UpdateError::OtherProvider {
        page: name.to_owned(),
        id: id.to_owned(),
        why,
    };
    if protocol(base) != protocol(page) {
        return Err(other(format!(
            "its protocol is {}, the schema's page's is {}",
            protocol(page).unwrap_or_default(),
            protocol(base).unwrap_or_default()
        )));
    }
    let old = calls(base);
    let new = calls(page);
    if !old.is_empty() && !new.iter().any(|call| old.contains(call)) {
        return Err(other(format!(
            "it describes {}, the page the schema was imported from {}",
            new.join(", "),
            old.join(", ")
        )));
    }
    Ok(())
}

/// Merges the pages' changes into the schema and proves the result: it loads and checks, and merging again would
/// change nothing. Nothing is written.
pub fn update(request: &Request<'_>) -> Result<Updated, UpdateError> {
    let path = request.schema;
    let old = read(path)?;
    let old_loaded = loaded(path, &old, "the schema")?;
    let id = old_loaded.provider.id.clone();
    if let Some(given) = request.id.filter(|given| *given != id) {
        return Err(UpdateError::OtherProvider {
            page: path.display().to_string(),
            id: given.to_owned(),
            why: format!("the schema's provider id is `{id}`"),
        });
    }
    let curated = tree(&old, "the schema", path)?;
    let options = Options {
        id: Some(id.clone()),
    };
    let page: Imported = import_files(request.pages, &options)?;
    let base: Imported = import_files(&base_pages(request, &curated)?, &options)?;
    let page_tree = tree(&page.yaml, "the page's draft", path)?;
    let base_tree = tree(&base.yaml, "the old page's draft", path)?;
    let name = request
        .pages
        .first()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    same_provider(&base_tree, &page_tree, &name, &id)?;
    let plan = merge::plan(&base_tree, &page_tree, &curated);
    let new = splice::apply(&old, &page.yaml, &plan.edits).map_err(UpdateError::Merge)?;
    let new_loaded = loaded(path, &new, "the merged schema")?;
    let merged = tree(&new, "the merged schema", path)?;
    let again = merge::plan(&base_tree, &page_tree, &merged);
    if again
        .edits
        .iter()
        .any(|e| !matches!(e, merge::Edit::Note { .. }))
    {
        return Err(UpdateError::Merge(
            "the edited text does not hold every change of the page".to_owned(),
        ));
    }
    let changes = diff::diff(&[old_loaded], &[new_loaded]);
    Ok(Updated {
        path: path.to_path_buf(),
        diff: diff::render(&changes, OutputFormat::Text),
        old,
        new,
        replaced: plan.replaced,
        unplaced: plan.unplaced,
    })
}

/// Writes the merged schema atomically when it differs from the curated one; whether it did.
pub fn write(updated: &Updated) -> Result<bool, UpdateError> {
    if updated.old == updated.new {
        return Ok(false);
    }
    write::apply(&[Change::Update {
        path: updated.path.clone(),
        old: updated.old.clone(),
        new: updated.new.clone(),
    }])
    .map_err(UpdateError::Write)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(base: &str, page: &str, curated: &str) -> String {
        let trees: Vec<Node> = [base, page, curated]
            .iter()
            .map(|text| yaml::parse(text).expect("YAML"))
            .collect();
        let plan = merge::plan(&trees[0], &trees[1], &trees[2]);
        splice::apply(curated, page, &plan.edits).expect("merges")
    }

    const BASE: &str = r#"types:
  "E":
    repr: int32
    values:
      - { value: 1, name: "A" }

  "T":
    fields:
      - name: "a"
        type: "string"

  "Gone":
    fields: []

examples:
  - type: "T"
    source: "s"
    json: |
      {"a": "x"}
  - type: "Gone"
    source: "s"
    json: |
      {}
"#;

    const PAGE: &str = r#"types:
  "E":
    repr: int32
    values:
      - { value: 1, name: "A" }
      - { value: 2, name: "B" }

  "T":
    fields:
      - name: "a"
        type: "string"

  "U":
    fields:
      - name: "u"
        type: "int32"

examples:
  - type: "T"
    source: "s"
    json: |
      {
        "a": "y"
      }
"#;

    const CURATED: &str = r#"# kept
types:
  E:
    repr: int32
    open: false # closed by hand
    values:
      - { value: 1, name: Alpha } # named by hand

  T:
    rust_name: Tee
    fields:
      - { name: a, type: string }

  Gone:
    note: a person's words
    fields: []

examples:
  - type: T
    source: s
    json: |
        {"a": "x"}
  - type: Gone
    source: s
    json: |
      {}
"#;

    #[test]
    fn values_types_and_samples_merge_in_place() {
        let expected = r#"# kept
types:
  E:
    repr: int32
    open: false # closed by hand
    values:
      - { value: 1, name: Alpha } # named by hand
      - { value: 2, name: B }

  T:
    rust_name: Tee
    fields:
      - { name: a, type: string }

  "U":
    fields:
      - name: "u"
        type: "int32"

examples:
  - type: T
    source: s
    json: |
      {
        "a": "y"
      }
"#;
        assert_eq!(merged(BASE, PAGE, CURATED), expected);
    }

    #[test]
    fn operations_pair_by_their_call_and_one_line_fields_lose_keys_in_place() {
        let base = r#"operations:
  "ticket_refund":
    doc: "old"
    http: { method: "POST", path: "api/refund" }
types:
  "R":
    fields:
      - name: "a"
        type: "string"
        required: true
        max_len: 5
"#;
        let page = base
            .replace("doc: \"old\"", "doc: \"new\"")
            .replace("        required: true\n", "");
        let curated = r#"operations:
  refund: # named by a person
    doc: old
    http: { method: POST, path: api/refund }
types:
  R:
    fields:
      - { name: a, type: string, required: true, max_len: 5 }
"#;
        let expected = r#"operations:
  refund: # named by a person
    doc: new
    http: { method: POST, path: api/refund }
types:
  R:
    fields:
      - { name: a, type: string, max_len: 5 }
"#;
        assert_eq!(merged(base, &page, curated), expected);
    }

    #[test]
    fn the_same_page_changes_nothing() {
        assert_eq!(merged(BASE, BASE, CURATED), CURATED);
    }
}
