//! `codegen import`: a provider's document page, as the text a browser copy or a text dump gives, into a draft
//! schema in the schema language. Two readers: ASP.NET Web API Help Pages ([`help_page`]) and Taobao Open Platform
//! API pages ([`top_page`]). What a page leaves open becomes a `TODO(import):` note and a [`Warning`] naming its
//! line; a page is third-party text, so everything taken from it is quoted where it lands in the YAML. [`update`]
//! merges a changed page into a curated schema.

mod breaks;
mod draft;
mod help_page;
mod json;
mod page;
mod top_page;
pub mod update;
mod xml;
mod yaml_out;

use std::fmt;
use std::path::{Path, PathBuf};

pub use draft::Warning;
use draft::{Draft, Recorder};
use page::Page;

/// Pages larger than this are refused by their size: no provider page comes near it.
pub const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

/// One page to import: a name for messages and `provider.source` (its file name), and its bytes.
pub struct PageInput<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Choices the page cannot make.
#[derive(Default)]
pub struct Options {
    /// The provider id; without it, TOP pages give the API name's first two words and Help Pages the page's file
    /// name.
    pub id: Option<String>,
}

/// A schema drafted from pages.
#[derive(Debug)]
pub struct Imported {
    pub id: String,
    /// The schema text.
    pub yaml: String,
    pub warnings: Vec<Warning>,
}

/// Why pages cannot be imported at all.
#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    NoPages,
    TooLarge {
        page: String,
        bytes: usize,
    },
    NotText {
        page: String,
    },
    NotAPage {
        page: String,
    },
    MixedProtocols {
        page: String,
    },
    BadId {
        id: String,
    },
    /// A page could not be read or the schema not written.
    Io {
        path: String,
        message: String,
    },
    /// The schema file exists and `--force` was not given.
    Exists {
        path: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NoPages => write!(f, "no page to import"),
            ImportError::TooLarge { page, bytes } => write!(
                f,
                "{page}: {bytes} bytes is larger than a document page can be ({MAX_PAGE_BYTES} bytes); refused"
            ),
            ImportError::NotText { page } => write!(
                f,
                "{page}: not UTF-8 text; save the page as text and try again"
            ),
            ImportError::NotAPage { page } => write!(
                f,
                "{page}: not a provider document page: found neither an ASP.NET Help Page (a line such as \
                 `POST api/...` followed by \"Request Information\") nor a Taobao Open Platform API page (an API \
                 name such as `taobao.x.y` followed by 请求参数 or 响应参数)"
            ),
            ImportError::MixedProtocols { page } => write!(
                f,
                "{page}: its protocol differs from the first page's; import the pages of one provider together"
            ),
            ImportError::Io { path, message } => write!(f, "{path}: {message}"),
            ImportError::Exists { path } => write!(
                f,
                "{path} exists; import writes new schemas only (give --force to replace it)"
            ),
            ImportError::BadId { id } => write!(
                f,
                "`{id}` cannot be a provider id: use lowercase letters, digits and `_`, starting with a letter, and \
                 neither a Rust keyword nor `lib` or `examples`, the generated crate's own files"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports pages of one provider into one schema: the operations in page order, types shared by name.
pub fn import(pages: &[PageInput<'_>], options: &Options) -> Result<Imported, ImportError> {
    let mut merged: Option<Draft> = None;
    let mut warnings = Vec::new();
    for input in pages {
        if input.bytes.len() > MAX_PAGE_BYTES {
            return Err(ImportError::TooLarge {
                page: input.name.to_owned(),
                bytes: input.bytes.len(),
            });
        }
        let text = std::str::from_utf8(input.bytes).map_err(|_| ImportError::NotText {
            page: input.name.to_owned(),
        })?;
        let page = Page::new(text);
        let mut rec = Recorder::new(input.name);
        let mut draft = if help_page::recognise(&page) {
            help_page::read(&page, &mut rec)
        } else if let Some(found) = top_page::recognise(&page) {
            top_page::read(&page, found, &mut rec)
        } else {
            return Err(ImportError::NotAPage {
                page: input.name.to_owned(),
            });
        };
        declare_missing(&mut draft, &mut rec, page.len().saturating_sub(1));
        draft.source = file_name(input.name);
        rec.warnings.sort_by_key(|w| w.line);
        warnings.append(&mut rec.warnings);
        merged = Some(match merged {
            None => draft,
            Some(first) => merge(first, draft, input.name)?,
        });
    }
    let mut draft = merged.ok_or(ImportError::NoPages)?;
    draft.id = match &options.id {
        Some(id) if is_id(id) => id.clone(),
        Some(id) => return Err(ImportError::BadId { id: id.clone() }),
        None => default_id(&draft),
    };
    for op in &mut draft.operations {
        if !draft::type_name_ok(&op.name) {
            op.name.push_str("_call");
        }
    }
    let breaks: Vec<_> = draft
        .examples
        .iter()
        .map(|example| breaks::of(&draft, example))
        .collect();
    for (example, breaks) in draft.examples.iter_mut().zip(breaks) {
        example.breaks = breaks;
    }
    Ok(Imported {
        id: draft.id.clone(),
        yaml: yaml_out::write(&draft),
        warnings,
    })
}

fn file_name(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or(name).to_owned()
}

/// An id `check` accepts: a plain module name, and none of the generated crate's own files.
fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.len() <= 64
        && !crate::names::CRATE_FILES.contains(&id)
        && crate::names::rust_name(id, None, crate::names::Case::Field)
            .is_ok_and(|name| name.as_str() == id)
}

/// A TOP API name's first two words (`taobao.bus...` gives `taobao_bus`); a Help Page's file name.
fn default_id(draft: &Draft) -> String {
    let from_top = draft
        .operations
        .iter()
        .find_map(|op| op.top.as_deref())
        .map(|method| method.split('.').take(2).collect::<Vec<_>>().join("_"));
    let stem = draft.source.split('.').next().unwrap_or("").to_owned();
    let id = draft::snake(&from_top.unwrap_or(stem)).to_ascii_lowercase();
    if is_id(&id) {
        id
    } else {
        "provider".to_owned()
    }
}

/// Adds a later page's operations, types, examples and formats to the first page's draft.
fn merge(mut first: Draft, next: Draft, page: &str) -> Result<Draft, ImportError> {
    if first.protocol != next.protocol {
        return Err(ImportError::MixedProtocols {
            page: page.to_owned(),
        });
    }
    for format in next.formats {
        if !first.formats.contains(&format) {
            first.formats.push(format);
        }
    }
    first
        .formats
        .sort_by_key(|f| ["json", "xml", "form", "bson"].iter().position(|x| x == f));
    first.notes.extend(next.notes);
    for mut op in next.operations {
        let base = op.name.clone();
        let mut n = 2;
        while first.operations.iter().any(|o| o.name == op.name) {
            op.name = format!("{base}_{n}");
            n += 1;
        }
        first.operations.push(op);
    }
    for ty in next.types {
        match first.types.iter_mut().find(|t| t.name == ty.name) {
            None => first.types.push(ty),
            Some(existing) if *existing == ty => {}
            Some(existing) => existing.notes.push(format!(
                "TODO(import): {page} describes {} differently; this is the first page's reading",
                ty.name
            )),
        }
    }
    first.examples.extend(next.examples);
    Ok(first)
}

/// Every type a field names is declared: one the page never describes (a cut-off row, a type with neither table
/// nor sample) is an empty struct with a note.
fn declare_missing(draft: &mut Draft, rec: &mut Recorder, last_line: usize) {
    let mut missing: Vec<String> = Vec::new();
    for ty in &draft.types {
        for field in ty.fields() {
            let Some(inner) = draft::named_type(&field.ty) else {
                continue;
            };
            if !draft.types.iter().any(|t| t.name == inner) && !missing.iter().any(|m| m == inner) {
                missing.push(inner.to_owned());
            }
        }
    }
    let xml = draft.formats.contains(&"xml") && draft.protocol == draft::Protocol::WebApi;
    for name in missing {
        let mut ty = draft::TypeDraft::structure(name.clone(), Vec::new());
        ty.notes.push(rec.todo(
            last_line,
            format!("the page never describes {name} (cut off?); it is empty"),
        ));
        if xml {
            ty.xml_namespace = Some("http://schemas.datacontract.org/2004/07/".to_owned());
        }
        draft.types.push(ty);
    }
}

/// Reads page files (refusing oversized ones by their size, before reading) and imports them: what `codegen import`
/// does before it prints or writes the schema.
pub fn import_files(paths: &[PathBuf], options: &Options) -> Result<Imported, ImportError> {
    let io = |path: &Path, error: std::io::Error| ImportError::Io {
        path: path.display().to_string(),
        message: error.to_string(),
    };
    let mut pages = Vec::with_capacity(paths.len());
    for path in paths {
        let size = std::fs::metadata(path).map_err(|e| io(path, e))?.len();
        if size > MAX_PAGE_BYTES as u64 {
            return Err(ImportError::TooLarge {
                page: path.display().to_string(),
                bytes: usize::try_from(size).unwrap_or(usize::MAX),
            });
        }
        pages.push((
            path.display().to_string(),
            std::fs::read(path).map_err(|e| io(path, e))?,
        ));
    }
    let inputs: Vec<PageInput<'_>> = pages
        .iter()
        .map(|(name, bytes)| PageInput { name, bytes })
        .collect();
    import(&inputs, options)
}

/// Writes the schema as `DIR/<id>.yaml`, refusing to replace an existing file unless `force`.
pub fn write_schema(imported: &Imported, dir: &Path, force: bool) -> Result<PathBuf, ImportError> {
    let path = dir.join(format!("{}.yaml", imported.id));
    let io = |error: std::io::Error| ImportError::Io {
        path: path.display().to_string(),
        message: error.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(&path).map_err(|error| match error.kind() {
        std::io::ErrorKind::AlreadyExists => ImportError::Exists {
            path: path.display().to_string(),
        },
        _ => io(error),
    })?;
    std::io::Write::write_all(&mut file, imported.yaml.as_bytes()).map_err(io)?;
    Ok(path)
}
