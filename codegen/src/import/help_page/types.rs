//! The Help Page's type words ("integer", "Collection of T", a CLR name) as types of the language.

use crate::import::draft::type_key;

/// What a type word becomes.
pub struct Mapped {
    /// The language's type expression.
    pub expr: String,
    /// A named type it refers to: its key and the page's spelling.
    pub named: Option<(String, String)>,
    /// What the reading leaves open, for a `TODO(import):` note.
    pub open: Option<String>,
}

/// The type a table's "Type" cell names.
pub fn map(word: &str) -> Mapped {
    let word = word.trim();
    if let Some(item) = word
        .strip_prefix("Collection of ")
        .or_else(|| word.strip_prefix("Array of "))
    {
        let inner = map(item);
        return Mapped {
            expr: format!("list<{}>", inner.expr),
            ..inner
        };
    }
    let scalar = |expr: &str, open: Option<&str>| Mapped {
        expr: expr.to_owned(),
        named: None,
        open: open.map(str::to_owned),
    };
    match word {
        "string" | "character" | "URI" => scalar("string", None),
        "boolean" => scalar("bool", None),
        "integer" => scalar(
            "int32",
            Some(
                "the page says \"integer\", which the Help Page writes for Int16, Int32 and Int64 alike; read as int32",
            ),
        ),
        "decimal number" => scalar("decimal", None),
        "globally unique identifier" => scalar("guid", None),
        "date" => scalar(
            "datetime",
            Some(
                "the page says \"date\" (DateTime or DateTimeOffset; the Help Page also writes a Nullable one so); read as a non-nullable datetime",
            ),
        ),
        "unsigned integer" => scalar(
            "int64",
            Some(
                "the page says \"unsigned integer\", which the language has no type for; read as int64",
            ),
        ),
        "byte" => scalar("int32", Some("the page says \"byte\"; read as int32")),
        _ if word.starts_with("Dictionary of ") => scalar(
            "string",
            Some(&format!(
                "the page says \"{word}\": the language has no map type yet; kept as string"
            )),
        ),
        "Object" | "time interval" | "binary" => scalar(
            "string",
            Some(&format!(
                "the page says \"{word}\", which the language has no type for; kept as string"
            )),
        ),
        _ if word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '`'))
            && word.starts_with(|c: char| c.is_alphabetic()) =>
        {
            let key = type_key(word);
            Mapped {
                expr: key.clone(),
                named: Some((key, word.to_owned())),
                open: None,
            }
        }
        _ => scalar(
            "string",
            Some(&format!(
                "the page's type \"{word}\" is not one the importer knows; kept as string"
            )),
        ),
    }
}
