//! The schema language's vocabulary in one place: each kind of mapping, its keys in the order hints list them, what
//! each key holds and what it means.
//!
//! The decoder refuses any key a mapping's table does not list, and [`json_schema`] turns the same tables into the
//! JSON Schema editors read, so a key the loader learns shows in editors too (and a key the loader reads without
//! declaring it here trips a debug assertion in every test that decodes it).

pub mod json_schema;

use crate::load::schema::{
    Encryption, Format, Protocol, Repr, Scalar, TextFormat, TopSession, UriPlace,
};

/// The language versions this generator reads.
pub const SUPPORTED_VERSION: i64 = 1;
/// The words of `encryption:`.
pub const ENCRYPTIONS: [(&str, Encryption); 1] = [("sm4", Encryption::Sm4)];
/// The words of an outcome's `success_when:`.
pub const SUCCESS_WHEN: [(&str, ()); 1] = [("absent", ())];
/// The methods an operation's `http:` may name.
pub const HTTP_METHODS: [&str; 5] = ["GET", "POST", "PUT", "DELETE", "PATCH"];

/// One kind of mapping of the language: the schema itself, `provider`, an operation, a field, ...
#[derive(Debug)]
pub struct Mapping {
    /// Its name among the JSON Schema's definitions.
    pub id: &'static str,
    /// How diagnostics name it: "a field", "`provider`".
    pub what: &'static str,
    pub doc: &'static str,
    pub keys: &'static [Key],
    /// A rule across its keys that no single key states.
    pub needs: Needs,
}

/// A rule across the keys of a mapping.
#[derive(Debug)]
pub enum Needs {
    Nothing,
    /// Exactly one of these keys (an operation's `http` or `top`).
    ExactlyOne(&'static [&'static str]),
    /// At least one of these keys (an example's samples).
    AnyOf(&'static [&'static str]),
}

/// A key of a mapping.
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub value: Kind,
    pub required: bool,
    /// One line, for editors' hovers.
    pub doc: &'static str,
}

/// What a key's value must be.
#[derive(Debug)]
pub enum Kind {
    /// Any text.
    Text,
    /// Text that is not blank.
    Name,
    Flag,
    /// A whole number from 0 to `u32::MAX`.
    Length,
    /// A finite number.
    Number,
    /// The language version this generator reads.
    Version,
    /// A word from a fixed vocabulary.
    Word(Vocabulary),
    /// `string`, `RefundParm`, `list<T>`.
    TypeExpr,
    /// What a response carries: a type expression, or `none` for an answer whose document describes no body.
    Response,
    /// A code programs match: a letter, then letters, digits, `_`, `.` or `-`.
    Code,
    /// An enum's wire value: an integer or a string.
    EnumLiteral,
    /// What a rule compares a field with: an integer, a string or a boolean.
    Literal,
    /// One literal, or a list of at least one, none twice.
    Literals,
    /// A field's default: an integer, a number, a string or a boolean.
    Value,
    Mapping(&'static Mapping),
    List {
        item: &'static Kind,
        /// The fewest items the loader accepts.
        min: u32,
        /// Whether an item may appear twice.
        unique: bool,
    },
    /// A mapping from names (operation names) to mappings of one kind.
    Named(&'static Mapping),
    /// The `types` mapping: from type names to a struct, or to an enum when the entry has `values` or `repr`.
    Types,
}

/// The fixed vocabularies, each read from the table the decoder matches words against.
#[derive(Debug, Clone, Copy)]
pub enum Vocabulary {
    Protocol,
    Format,
    TextFormat,
    Encryption,
    Repr,
    HttpMethod,
    SuccessWhen,
    TopSession,
    UriPlace,
}

impl Vocabulary {
    pub fn words(self) -> Vec<&'static str> {
        fn names<T>(table: &[(&'static str, T)]) -> Vec<&'static str> {
            table.iter().map(|(name, _)| *name).collect()
        }
        match self {
            Vocabulary::Protocol => names(&Protocol::SPELLINGS),
            Vocabulary::Format => names(&Format::SPELLINGS),
            Vocabulary::TextFormat => names(&TextFormat::SPELLINGS),
            Vocabulary::Encryption => names(&ENCRYPTIONS),
            Vocabulary::Repr => names(&Repr::ALL),
            Vocabulary::HttpMethod => HTTP_METHODS.to_vec(),
            Vocabulary::SuccessWhen => names(&SUCCESS_WHEN),
            Vocabulary::TopSession => names(&TopSession::SPELLINGS),
            Vocabulary::UriPlace => names(&UriPlace::SPELLINGS),
        }
    }
}

/// The built-in scalar names, which a type expression may use.
pub fn scalar_names() -> Vec<&'static str> {
    Scalar::ALL.iter().map(|(name, _)| *name).collect()
}

const fn key(name: &'static str, value: Kind, doc: &'static str) -> Key {
    Key {
        name,
        value,
        required: false,
        doc,
    }
}

const fn required(name: &'static str, value: Kind, doc: &'static str) -> Key {
    Key {
        name,
        value,
        required: true,
        doc,
    }
}

const NOTE: Key = key(
    "note",
    Kind::Text,
    "Free text recording an ambiguity in the document and the reading chosen; carried into doc comments.",
);
const DOC: Key = key(
    "doc",
    Kind::Text,
    "The document's description, in its own language.",
);
const RENAMED_FROM: Key = key(
    "renamed_from",
    Kind::Text,
    "The previous name, when it was renamed: `codegen diff` reports a rename.",
);
const RUST_NAME: Key = key(
    "rust_name",
    Kind::Text,
    "The Rust name, when the one derived from the document's name will not do.",
);
const FULL_NAME: Key = key(
    "full_name",
    Kind::Text,
    "The name the document's table gives when it differs from the key, e.g. a CLR full name.",
);

/// The whole file.
pub static SCHEMA: Mapping = Mapping {
    id: "schema",
    what: "the schema",
    doc: "One provider's API, transcribed from its document.",
    keys: &[
        required(
            "version",
            Kind::Version,
            "The language version; this generator reads 1.",
        ),
        required(
            "provider",
            Kind::Mapping(&PROVIDER),
            "What the provider is and which formats its server speaks.",
        ),
        key(
            "operations",
            Kind::Named(&OPERATION),
            "The documented calls, by operation name (snake_case).",
        ),
        required(
            "types",
            Kind::Types,
            "The request and response types, by the name the document writes; a struct, or an enum with `values`.",
        ),
        key(
            "examples",
            Kind::List {
                item: &Kind::Mapping(&EXAMPLE),
                min: 0,
                unique: false,
            },
            "The document's own samples, verbatim; each becomes a test of the generated crate.",
        ),
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static PROVIDER: Mapping = Mapping {
    id: "provider",
    what: "`provider`",
    doc: "What the provider is and which formats its server speaks.",
    keys: &[
        required(
            "id",
            Kind::Name,
            "The provider id: the file's name without `.yaml`, and the Rust module's name.",
        ),
        required(
            "title",
            Kind::Name,
            "The provider's name, as the document gives it.",
        ),
        required(
            "protocol",
            Kind::Word(Vocabulary::Protocol),
            "`webapi`: ASP.NET Web API; `top`: Taobao Open Platform.",
        ),
        required(
            "formats",
            Kind::List {
                item: &Kind::Word(Vocabulary::Format),
                min: 1,
                unique: true,
            },
            "The formats the provider's server speaks.",
        ),
        required(
            "source",
            Kind::Name,
            "The file name of the document transcribed.",
        ),
        DOC,
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static OPERATION: Mapping = Mapping {
    id: "operation",
    what: "an operation",
    doc: "One documented call: where it goes and which types travel.",
    keys: &[
        DOC,
        NOTE,
        key(
            "http",
            Kind::Mapping(&HTTP),
            "Web API providers: the HTTP method and path.",
        ),
        key(
            "top",
            Kind::Mapping(&TOP_ENDPOINT),
            "Taobao Open Platform providers: the API method name.",
        ),
        required(
            "request",
            Kind::TypeExpr,
            "The request body: a struct (for `top`, its fields are the application parameters), or for `webapi` a scalar or `list<scalar>`.",
        ),
        required(
            "response",
            Kind::Response,
            "The response body: a struct (for `top`, the fields inside the `<method>_response` envelope), for `webapi` a scalar or `list<scalar>`, or `none` when the document describes no body (the client returns the status, content type and bytes).",
        ),
        key(
            "error",
            Kind::Text,
            "`webapi` only: the type the operation's failures arrive as. A `top` operation's are the platform's `error_response`, built in.",
        ),
        key(
            "outcome",
            Kind::Mapping(&OUTCOME),
            "How a response that parsed says whether the call succeeded.",
        ),
        RENAMED_FROM,
    ],
    needs: Needs::ExactlyOne(&["http", "top"]),
};

pub static HTTP: Mapping = Mapping {
    id: "http",
    what: "`http`",
    doc: "Where a Web API operation is sent.",
    keys: &[
        required(
            "method",
            Kind::Word(Vocabulary::HttpMethod),
            "The HTTP method, in capitals.",
        ),
        required(
            "path",
            Kind::Name,
            "The path relative to the provider's base address, e.g. `api/orders/{orderId}/refund`; each `{name}` segment is a path parameter.",
        ),
        key(
            "parameters",
            Kind::List {
                item: &Kind::Mapping(&URI_PARAMETER),
                min: 0,
                unique: false,
            },
            "The URI parameters the document lists: the path's `{name}` segments and the query's values.",
        ),
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static URI_PARAMETER: Mapping = Mapping {
    id: "uri_parameter",
    what: "a URI parameter",
    doc: "A value a Web API operation takes from its URI: a `{name}` segment of the path, or the query string.",
    keys: &[
        required(
            "name",
            Kind::Name,
            "The parameter name, exactly as the document spells it; the Rust name is derived from it.",
        ),
        required(
            "in",
            Kind::Word(Vocabulary::UriPlace),
            "`path` for a `{name}` segment of `http.path`, `query` for the query string.",
        ),
        required(
            "type",
            Kind::TypeExpr,
            "A scalar or an enum of this schema; for a query parameter also `list<T>` of one, its key repeated.",
        ),
        key(
            "required",
            Kind::Flag,
            "The document marks it required; a path parameter always is, a list never is. Required parameters are not `Option` in Rust.",
        ),
        DOC,
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static TOP_ENDPOINT: Mapping = Mapping {
    id: "top",
    what: "`top`",
    doc: "Which Taobao Open Platform API method an operation calls.",
    keys: &[
        required(
            "method",
            Kind::Name,
            "The TOP API method, e.g. `taobao.bus.agent.returnticket.confirm`.",
        ),
        key(
            "session",
            Kind::Word(Vocabulary::TopSession),
            "Whether the API acts for a user, whose session the call carries: `required` (\"需要用户授权\": the client refuses to build the call without one) or `optional`.",
        ),
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static STRUCT: Mapping = Mapping {
    id: "struct",
    what: "a struct",
    doc: "A type with members, listed in the document's order.",
    keys: &[
        DOC,
        NOTE,
        FULL_NAME,
        RUST_NAME,
        RENAMED_FROM,
        required(
            "fields",
            Kind::List {
                item: &Kind::Mapping(&FIELD),
                min: 0,
                unique: false,
            },
            "The members, in the document's order.",
        ),
        key(
            "base",
            Kind::Text,
            "A struct whose members this one inherits.",
        ),
        key(
            "abstract",
            Kind::Flag,
            "`true` for a type that exists only as a `base`: no Rust type is emitted for it.",
        ),
        key(
            "xml",
            Kind::Mapping(&XML),
            "The DataContract name and namespace; for `top`, the XML element name.",
        ),
        key(
            "rules",
            Kind::List {
                item: &Kind::Mapping(&RULE),
                min: 0,
                unique: false,
            },
            "Rules the document states across fields, each with the provider's own code and message.",
        ),
    ],
    needs: Needs::Nothing,
};

pub static ENUM: Mapping = Mapping {
    id: "enum",
    what: "an enum",
    doc: "A type whose value is one of a list.",
    keys: &[
        DOC,
        NOTE,
        FULL_NAME,
        RUST_NAME,
        RENAMED_FROM,
        required(
            "repr",
            Kind::Word(Vocabulary::Repr),
            "The wire form: numbers (`int32`, `int64`) or member names (`string`).",
        ),
        key(
            "open",
            Kind::Flag,
            "`true` (the default) when the document may not list every value: unknown values are kept.",
        ),
        required(
            "values",
            Kind::List {
                item: &Kind::Mapping(&ENUM_VALUE),
                min: 1,
                unique: false,
            },
            "The values the document lists.",
        ),
    ],
    needs: Needs::Nothing,
};

pub static XML: Mapping = Mapping {
    id: "xml",
    what: "`xml`",
    doc: "How a struct is named in XML.",
    keys: &[
        key(
            "name",
            Kind::Text,
            "The DataContract name (defaults to the type's key); for `top`, the XML element name.",
        ),
        key("namespace", Kind::Text, "The DataContract namespace."),
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static FIELD: Mapping = Mapping {
    id: "field",
    what: "a field",
    doc: "A member of a struct.",
    keys: &[
        required(
            "name",
            Kind::Name,
            "The wire name, exactly as the provider spells it; the Rust name is derived from it.",
        ),
        RUST_NAME,
        key(
            "renamed_from",
            Kind::Text,
            "The previous wire name, when the provider renamed the field: `codegen diff` reports a rename.",
        ),
        required(
            "type",
            Kind::TypeExpr,
            "A scalar, a type of this schema, or `list<T>`.",
        ),
        key(
            "required",
            Kind::Flag,
            "The document marks it required; required fields are not `Option` in Rust.",
        ),
        key(
            "nullable",
            Kind::Flag,
            "Whether the value may be absent or null, when the protocol's default is not right.",
        ),
        key(
            "min_len",
            Kind::Length,
            "The least length, in UTF-16 code units (for a list: its item count).",
        ),
        key(
            "max_len",
            Kind::Length,
            "The greatest length, in UTF-16 code units (for a list: its item count).",
        ),
        key(
            "min",
            Kind::Number,
            "The least value of a number, inclusive.",
        ),
        key(
            "max",
            Kind::Number,
            "The greatest value of a number, inclusive.",
        ),
        key(
            "pattern",
            Kind::Text,
            "A regular expression the value must match.",
        ),
        key(
            "format",
            Kind::Word(Vocabulary::TextFormat),
            "The documented form of a string's text, checked by validation.",
        ),
        key(
            "default",
            Kind::Value,
            "The value the document says the server applies when the field is left out (默认值); documentation only, never sent.",
        ),
        key(
            "delimiter",
            Kind::Text,
            "For a `list<T>` of scalars the document carries in one string (`\"1,2,3\"`): the one character between items.",
        ),
        key(
            "encryption",
            Kind::Word(Vocabulary::Encryption),
            "The document marks the field as encrypted on the wire; such a field is also sensitive.",
        ),
        key(
            "sensitive",
            Kind::Flag,
            "`true` for a value that must not reach a log: `Debug` prints `<redacted>`.",
        ),
        DOC,
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static ENUM_VALUE: Mapping = Mapping {
    id: "enum_value",
    what: "an enum value",
    doc: "One value of an enum.",
    keys: &[
        required("value", Kind::EnumLiteral, "The wire value."),
        key(
            "name",
            Kind::Text,
            "The member name: the XML text of DataContract enums; the Rust variant is derived from it.",
        ),
        RUST_NAME,
        DOC,
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static EXAMPLE: Mapping = Mapping {
    id: "example",
    what: "an example",
    doc: "A sample from the document, verbatim, in each format it is shown in.",
    keys: &[
        required(
            "type",
            Kind::TypeExpr,
            "The type the sample is a value of: a type of the schema, or a scalar or `list<scalar>` that an operation's body is; in a `top` provider, `error_response` for the platform's error envelope.",
        ),
        key(
            "source",
            Kind::Text,
            "Where in the document the sample is shown.",
        ),
        NOTE,
        key("json", Kind::Text, "The JSON sample, verbatim."),
        key("xml", Kind::Text, "The XML sample, verbatim."),
        key("form", Kind::Text, "The form-urlencoded sample, verbatim."),
        key("bson", Kind::Text, "The BSON sample, verbatim."),
        key(
            "breaks",
            Kind::List {
                item: &Kind::Code,
                min: 0,
                unique: false,
            },
            "The validation codes the document's own sample breaks, in the order validation reports them.",
        ),
    ],
    needs: Needs::AnyOf(&["json", "xml", "form", "bson"]),
};

pub static RULE: Mapping = Mapping {
    id: "rule",
    what: "a rule",
    doc: "A field that must be present when another field equals a value.",
    keys: &[
        required(
            "when",
            Kind::Mapping(&WHEN),
            "The condition: a field and the value it equals.",
        ),
        required(
            "require",
            Kind::Name,
            "The field (wire name) that must then be present.",
        ),
        required(
            "code",
            Kind::Code,
            "The provider's code for the broken rule.",
        ),
        required(
            "message",
            Kind::Name,
            "The provider's message for the broken rule.",
        ),
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static WHEN: Mapping = Mapping {
    id: "when",
    what: "`when`",
    doc: "When a rule applies.",
    keys: &[
        required("field", Kind::Name, "The field (wire name) compared."),
        required(
            "equals",
            Kind::Literal,
            "The value it is compared with: an integer, a string, a boolean or a value of the field's enum.",
        ),
        NOTE,
    ],
    needs: Needs::Nothing,
};

pub static OUTCOME: Mapping = Mapping {
    id: "outcome",
    what: "`outcome`",
    doc: "How a response that parsed says whether the call succeeded; anything `success` or `success_when` does not admit is the provider's failure.",
    keys: &[
        required(
            "field",
            Kind::Name,
            "The response field (wire name) that decides, e.g. `errcode`.",
        ),
        key(
            "success",
            Kind::Literals,
            "The value `field` holds when the call succeeded (an integer, a string, a boolean or a value of the field's enum), or a list of such values, any of which is success.",
        ),
        key(
            "success_when",
            Kind::Word(Vocabulary::SuccessWhen),
            "`absent`: the call succeeded when `field` is absent, null or empty; anything in it is a failure. In place of `success`.",
        ),
        key(
            "code",
            Kind::Name,
            "The response field (wire name) with the provider's code for a failure, when it is not `field`.",
        ),
        key(
            "message",
            Kind::Name,
            "The response field (wire name) with the provider's message.",
        ),
        NOTE,
    ],
    needs: Needs::ExactlyOne(&["success", "success_when"]),
};

/// Every mapping kind, in the order the JSON Schema defines them.
pub static MAPPINGS: [&Mapping; 15] = [
    &SCHEMA,
    &PROVIDER,
    &OPERATION,
    &HTTP,
    &URI_PARAMETER,
    &TOP_ENDPOINT,
    &STRUCT,
    &ENUM,
    &XML,
    &FIELD,
    &ENUM_VALUE,
    &EXAMPLE,
    &RULE,
    &WHEN,
    &OUTCOME,
];

impl Mapping {
    pub fn key(&self, name: &str) -> Option<&Key> {
        self.keys.iter().find(|key| key.name == name)
    }

    /// The key names in table order, as hints list them.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        self.keys.iter().map(|key| key.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapping_takes_a_note_and_no_key_twice() {
        for mapping in MAPPINGS {
            assert!(mapping.key("note").is_some(), "{}", mapping.id);
            let mut names: Vec<&str> = mapping.names().collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), mapping.keys.len(), "{}", mapping.id);
        }
    }

    #[test]
    fn an_example_takes_a_sample_in_every_format() {
        for (name, _) in Format::SPELLINGS {
            assert!(EXAMPLE.key(name).is_some(), "{name}");
        }
    }

    #[test]
    fn cross_key_rules_name_declared_keys() {
        for mapping in MAPPINGS {
            if let Needs::ExactlyOne(names) | Needs::AnyOf(names) = mapping.needs {
                for name in names {
                    assert!(mapping.key(name).is_some(), "{}.{name}", mapping.id);
                }
            }
        }
    }
}
