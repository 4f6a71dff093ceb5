//! The located YAML tree into a `Schema`, reporting every structural problem instead of stopping at the first.
//!
//! Structural means what one mapping can tell on its own: unknown or missing keys, values of the wrong kind,
//! malformed type expressions, impossible limits. Whether names resolve is `check`'s business.

use std::path::Path;

use crate::diagnostic::{Diagnostics, Pos, suggest};
use crate::load::language::{self, ENCRYPTIONS, HTTP_METHODS, Mapping, SUPPORTED_VERSION};
use crate::load::schema::*;
use crate::load::yaml::{Node, Value};

mod outcome;
mod rules;

/// Decodes a whole schema file; `None` when the problems leave nothing usable.
pub fn decode(file: &Path, root: &Node, diags: &mut Diagnostics) -> Option<Schema> {
    let mut d = Decoder { diags };
    if matches!(root.value, Value::Null) {
        d.diags.error_with_hint(
            Pos { line: 1, col: 1 },
            "the schema is empty",
            "a schema starts with `version: 1`, then `provider:` and `types:`",
        );
        return None;
    }
    let mut top = d.mapping(root, &language::SCHEMA)?;
    match top.take("version") {
        Some(node) => d.version(node),
        None => d.diags.error_with_hint(
            root.pos,
            "missing key `version`",
            "start the file with `version: 1`",
        ),
    }
    let provider = top.take("provider");
    let operations = top.take("operations");
    let types = top.take("types");
    let examples = top.take("examples");
    d.optional_string(&mut top, "note");
    d.finish(top);

    let provider = match provider {
        Some(node) => d.provider(node),
        None => {
            d.diags.error(root.pos, "missing key `provider`");
            None
        }
    };
    let operations = operations.map_or_else(Vec::new, |node| d.operations(node));
    let mut broken_types = Vec::new();
    let types = match types {
        Some(node) => d.types(node, &mut broken_types),
        None => {
            d.diags.error_with_hint(
                root.pos,
                "missing key `types`",
                "declare the types the operations name, or write `types: {}` when every body is a scalar or `none`",
            );
            Vec::new()
        }
    };
    let examples = examples.map_or_else(Vec::new, |node| d.examples(node));
    d.renames(
        operations.iter().map(|o| (&o.name, &o.renamed_from)),
        "operation",
    );
    d.renames(types.iter().map(|t| (&t.name, &t.renamed_from)), "type");
    for ty in &types {
        if let TypeBody::Struct(s) = &ty.body {
            d.renames(s.fields.iter().map(|f| (&f.name, &f.renamed_from)), "field");
        }
    }
    Some(Schema {
        file: file.to_path_buf(),
        provider,
        operations,
        types,
        broken_types,
        examples,
    })
}

/// The entries of one mapping, with the keys it allows; keys are taken as they are decoded.
struct Entries<'a> {
    kind: &'static Mapping,
    entries: Vec<(&'a str, Pos, &'a Node)>,
    taken: Vec<bool>,
    pos: Pos,
}

impl<'a> Entries<'a> {
    fn take(&mut self, key: &str) -> Option<&'a Node> {
        debug_assert!(
            self.kind.key(key).is_some(),
            "`{key}` is not declared in codegen::load::language::{}",
            self.kind.id
        );
        let index = self.entries.iter().position(|(k, _, _)| *k == key)?;
        self.taken[index] = true;
        Some(self.entries[index].2)
    }
}

struct Decoder<'d> {
    diags: &'d mut Diagnostics,
}

impl Decoder<'_> {
    /// Opens a mapping of the given kind, reporting non-string and duplicate keys.
    fn mapping<'a>(&mut self, node: &'a Node, kind: &'static Mapping) -> Option<Entries<'a>> {
        let what = kind.what;
        let Value::Map(pairs) = &node.value else {
            self.expected(node, "a mapping", what);
            return None;
        };
        let mut entries: Vec<(&str, Pos, &Node)> = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let Value::Str(name) = &key.value else {
                self.diags.error(
                    key.pos,
                    format!(
                        "keys of {what} must be strings, found {}",
                        key.value.describe()
                    ),
                );
                continue;
            };
            if let Some((_, first, _)) = entries.iter().find(|(k, _, _)| k == name) {
                self.diags.error_with_hint(
                    key.pos,
                    format!("`{name}` appears twice in {what}"),
                    format!("the first is at line {}; keep one", first.line),
                );
                continue;
            }
            entries.push((name, key.pos, value));
        }
        let taken = vec![false; entries.len()];
        Some(Entries {
            kind,
            entries,
            taken,
            pos: node.pos,
        })
    }

    /// Reports the keys nobody took: unknown to this kind of mapping.
    fn finish(&mut self, entries: Entries<'_>) {
        for ((key, pos, _), taken) in entries.entries.iter().zip(&entries.taken) {
            if *taken {
                continue;
            }
            let kind = entries.kind;
            if kind.key(key).is_some() {
                continue;
            }
            let hint = match suggest(key, kind.names()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!(
                    "the keys of {} are: {}",
                    kind.what,
                    kind.names().collect::<Vec<_>>().join(", ")
                ),
            };
            self.diags
                .error_with_hint(*pos, format!("unknown key `{key}` in {}", kind.what), hint);
        }
    }

    fn expected(&mut self, node: &Node, expected: &str, what: &str) {
        self.diags.error(
            node.pos,
            format!("{what} must be {expected}, found {}", node.value.describe()),
        );
    }

    fn missing(&mut self, entries: &Entries<'_>, key: &str) {
        self.diags.error(
            entries.pos,
            format!("missing key `{key}` in {}", entries.kind.what),
        );
    }

    fn string(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        match &node.value {
            Value::Str(text) => Some(Spanned {
                value: text.clone(),
                pos: node.pos,
            }),
            _ => {
                self.expected(node, "a string", what);
                None
            }
        }
    }

    /// A string that must be there and must not be blank.
    fn name(&mut self, entries: &mut Entries<'_>, key: &'static str) -> Option<Spanned<String>> {
        let Some(node) = entries.take(key) else {
            self.missing(entries, key);
            return None;
        };
        let text = self.string(node, &format!("`{key}`"))?;
        if text.value.trim().is_empty() {
            self.diags
                .error(text.pos, format!("`{key}` must not be empty"));
            return None;
        }
        Some(text)
    }

    fn optional_string(&mut self, entries: &mut Entries<'_>, key: &'static str) -> Option<String> {
        let node = entries.take(key)?;
        self.string(node, &format!("`{key}`")).map(|s| s.value)
    }

    fn optional_spanned(
        &mut self,
        entries: &mut Entries<'_>,
        key: &'static str,
    ) -> Option<Spanned<String>> {
        let node = entries.take(key)?;
        self.string(node, &format!("`{key}`"))
    }

    fn flag(&mut self, entries: &mut Entries<'_>, key: &'static str) -> Option<bool> {
        let node = entries.take(key)?;
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.expected(node, "`true` or `false`", &format!("`{key}`"));
                None
            }
        }
    }

    fn length(&mut self, entries: &mut Entries<'_>, key: &'static str) -> Option<Spanned<u32>> {
        let node = entries.take(key)?;
        match node.value {
            Value::Int(n) => match u32::try_from(n) {
                Ok(value) => Some(Spanned {
                    value,
                    pos: node.pos,
                }),
                Err(_) => {
                    self.diags.error_with_hint(
                        node.pos,
                        format!("`{key}` must be between 0 and {}, found {n}", u32::MAX),
                        "lengths count UTF-16 code units and cannot be negative",
                    );
                    None
                }
            },
            _ => {
                self.expected(node, "a whole number", &format!("`{key}`"));
                None
            }
        }
    }

    /// A word from a fixed vocabulary, with a suggestion when it is a near miss.
    fn choice<T: Copy>(
        &mut self,
        node: &Node,
        table: &[(&str, T)],
        what: &str,
    ) -> Option<Spanned<T>> {
        let text = self.string(node, what)?;
        if let Some((_, value)) = table.iter().find(|(name, _)| *name == text.value) {
            return Some(Spanned {
                value: *value,
                pos: node.pos,
            });
        }
        let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
        let hint = match suggest(&text.value, names.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("expected one of: {}", names.join(", ")),
        };
        self.diags
            .error_with_hint(node.pos, format!("unknown {what} `{}`", text.value), hint);
        None
    }

    fn list<'a>(&mut self, node: &'a Node, what: &str) -> &'a [Node] {
        match &node.value {
            Value::Seq(items) => items,
            _ => {
                self.expected(node, "a list", what);
                &[]
            }
        }
    }

    fn version(&mut self, node: &Node) {
        match node.value {
            Value::Int(SUPPORTED_VERSION) => {}
            Value::Int(other) => self.diags.error_with_hint(
                node.pos,
                format!("schema language version {other} is not supported"),
                format!("this generator reads version {SUPPORTED_VERSION}"),
            ),
            _ => self.expected(node, "a whole number", "`version`"),
        }
    }

    fn provider(&mut self, node: &Node) -> Option<ProviderDecl> {
        let mut m = self.mapping(node, &language::PROVIDER)?;
        let id = self.name(&mut m, "id");
        let title = self.name(&mut m, "title");
        let protocol = match m.take("protocol") {
            Some(node) => self.choice(node, &Protocol::SPELLINGS, "protocol"),
            None => {
                self.missing(&m, "protocol");
                None
            }
        };
        let formats = match m.take("formats") {
            Some(node) => self.formats(node),
            None => {
                self.missing(&m, "formats");
                Vec::new()
            }
        };
        let source = self.name(&mut m, "source");
        let doc = self.optional_string(&mut m, "doc");
        let note = self.optional_string(&mut m, "note");
        self.finish(m);
        Some(ProviderDecl {
            id: id?,
            title: title?.value,
            protocol: protocol?,
            formats,
            source: source?.value,
            doc,
            note,
        })
    }

    fn formats(&mut self, node: &Node) -> Vec<Spanned<Format>> {
        let mut formats: Vec<Spanned<Format>> = Vec::new();
        for item in self.list(node, "`formats`") {
            let Some(format) = self.choice(item, &Format::SPELLINGS, "format") else {
                continue;
            };
            if formats.iter().any(|f| f.value == format.value) {
                self.diags.error(
                    item.pos,
                    format!("format `{}` is listed twice", format.value.name()),
                );
                continue;
            }
            formats.push(format);
        }
        if formats.is_empty() && matches!(node.value, Value::Seq(_)) {
            self.diags.error_with_hint(
                node.pos,
                "`formats` is empty",
                "list the formats the provider's server speaks, e.g. [json, xml]",
            );
        }
        formats
    }

    /// The entries of a mapping keyed by name, such as `operations` and `types`.
    fn named_entries<'a>(
        &mut self,
        node: &'a Node,
        what: &str,
    ) -> Vec<(Spanned<String>, &'a Node)> {
        let Value::Map(pairs) = &node.value else {
            self.expected(node, "a mapping from names", what);
            return Vec::new();
        };
        let mut seen: Vec<(Spanned<String>, &Node)> = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let Some(name) = self.string(key, &format!("a name in {what}")) else {
                continue;
            };
            if let Some((first, _)) = seen.iter().find(|(n, _)| n.value == name.value) {
                self.diags.error_with_hint(
                    name.pos,
                    format!("`{}` is declared twice in {what}", name.value),
                    format!(
                        "the first is at line {}; rename or remove one",
                        first.pos.line
                    ),
                );
                continue;
            }
            seen.push((name, value));
        }
        seen
    }

    fn operations(&mut self, node: &Node) -> Vec<OperationDecl> {
        self.named_entries(node, "`operations`")
            .into_iter()
            .filter_map(|(name, body)| self.operation(name, body))
            .collect()
    }

    fn operation(&mut self, name: Spanned<String>, node: &Node) -> Option<OperationDecl> {
        let mut m = self.mapping(node, &language::OPERATION)?;
        let doc = self.optional_string(&mut m, "doc");
        let note = self.optional_string(&mut m, "note");
        let http = m.take("http");
        let top = m.take("top");
        let mut parameters = Vec::new();
        let mut path_pos = None;
        let endpoint = match (http, top) {
            (Some(http), None) => self.http(http, &mut parameters, &mut path_pos),
            (None, Some(top)) => self.top_endpoint(top),
            (Some(_), Some(top)) => {
                self.diags.error_with_hint(
                    top.pos,
                    "an operation has either `http` or `top`, not both",
                    "`http` is for Web API providers, `top` for Taobao Open Platform ones",
                );
                None
            }
            (None, None) => {
                self.diags.error_with_hint(
                    m.pos,
                    format!("operation `{}` says neither `http` nor `top`", name.value),
                    "add `http: { method: POST, path: ... }` or `top: { method: ... }`",
                );
                None
            }
        };
        let request = self.body(&mut m, "request");
        let response = self.body(&mut m, "response");
        let error = self.optional_spanned(&mut m, "error");
        let outcome = m.take("outcome").and_then(|node| self.outcome(node));
        let renamed_from = self.optional_spanned(&mut m, "renamed_from");
        self.finish(m);
        Some(OperationDecl {
            name,
            renamed_from,
            doc,
            note,
            path_pos: path_pos.unwrap_or(endpoint.as_ref()?.pos),
            endpoint: endpoint?,
            parameters,
            request: request?,
            response: response?,
            error,
            outcome,
        })
    }

    /// The endpoint; the URI parameters it lists go to `parameters`, and where its path is written to
    /// `path_pos`.
    fn http(
        &mut self,
        node: &Node,
        parameters: &mut Vec<UriParameterDecl>,
        path_pos: &mut Option<Pos>,
    ) -> Option<Spanned<EndpointDecl>> {
        let mut m = self.mapping(node, &language::HTTP)?;
        let method = self.name(&mut m, "method");
        let path = self.name(&mut m, "path");
        *path_pos = path.as_ref().map(|path| path.pos);
        if let Some(list) = m.take("parameters") {
            for item in self.list(list, "`parameters`") {
                parameters.extend(self.uri_parameter(item));
            }
        }
        self.optional_string(&mut m, "note");
        self.finish(m);
        let method = method?;
        if !HTTP_METHODS.contains(&method.value.as_str()) {
            let upper = method.value.to_ascii_uppercase();
            let hint = if HTTP_METHODS.contains(&upper.as_str()) {
                format!("did you mean `{upper}`? Methods are written in capitals")
            } else {
                format!("expected one of: {}", HTTP_METHODS.join(", "))
            };
            self.diags.error_with_hint(
                method.pos,
                format!("unknown HTTP method `{}`", method.value),
                hint,
            );
            return None;
        }
        Some(Spanned {
            value: EndpointDecl::Http {
                method: method.value,
                path: path?.value,
            },
            pos: node.pos,
        })
    }

    fn uri_parameter(&mut self, node: &Node) -> Option<UriParameterDecl> {
        let mut m = self.mapping(node, &language::URI_PARAMETER)?;
        let name = self.name(&mut m, "name");
        let place = match m.take("in") {
            Some(node) => self.choice(node, &UriPlace::SPELLINGS, "parameter place"),
            None => {
                self.missing(&m, "in");
                None
            }
        };
        let ty = match m.take("type") {
            Some(node) => self
                .string(node, "`type`")
                .and_then(|text| self.type_expr(&text)),
            None => {
                self.missing(&m, "type");
                None
            }
        };
        let required = m.take("required").and_then(|node| match node.value {
            Value::Bool(value) => Some(Spanned {
                value,
                pos: node.pos,
            }),
            _ => {
                self.expected(node, "`true` or `false`", "`required`");
                None
            }
        });
        let doc = self.optional_string(&mut m, "doc");
        let note = self.optional_string(&mut m, "note");
        self.finish(m);
        Some(UriParameterDecl {
            name: name?,
            place: place?,
            ty: ty?,
            required,
            doc,
            note,
        })
    }

    fn top_endpoint(&mut self, node: &Node) -> Option<Spanned<EndpointDecl>> {
        let mut m = self.mapping(node, &language::TOP_ENDPOINT)?;
        let method = self.name(&mut m, "method");
        let session = m
            .take("session")
            .and_then(|node| self.choice(node, &TopSession::SPELLINGS, "`session`"))
            .map_or(TopSession::Unstated, |session| session.value);
        self.optional_string(&mut m, "note");
        self.finish(m);
        Some(Spanned {
            value: EndpointDecl::Top {
                method: method?.value,
                session,
            },
            pos: node.pos,
        })
    }

    /// The types that decode; the names of those that do not go to `broken`, so references to them are not
    /// reported a second time as undeclared.
    fn types(&mut self, node: &Node, broken: &mut Vec<String>) -> Vec<TypeDecl> {
        let mut types = Vec::new();
        for (name, body) in self.named_entries(node, "`types`") {
            let key = name.value.clone();
            match self.type_decl(name, body) {
                Some(decl) => types.push(decl),
                None => broken.push(key),
            }
        }
        types
    }

    fn type_decl(&mut self, name: Spanned<String>, node: &Node) -> Option<TypeDecl> {
        let is_enum = matches!(&node.value, Value::Map(pairs)
            if pairs.iter().any(|(k, _)| matches!(&k.value, Value::Str(s) if s == "values" || s == "repr")));
        let kind = if is_enum {
            &language::ENUM
        } else {
            &language::STRUCT
        };
        let mut m = self.mapping(node, kind)?;
        let rust_name = self.optional_spanned(&mut m, "rust_name");
        let renamed_from = self.optional_spanned(&mut m, "renamed_from");
        let full_name = self.optional_string(&mut m, "full_name");
        let doc = self.optional_string(&mut m, "doc");
        let note = self.optional_string(&mut m, "note");
        let body = if is_enum {
            self.enum_body(&mut m).map(TypeBody::Enum)
        } else {
            self.struct_body(&name, &mut m).map(TypeBody::Struct)
        };
        self.finish(m);
        Some(TypeDecl {
            name,
            renamed_from,
            rust_name,
            full_name,
            doc,
            note,
            body: body?,
        })
    }

    fn struct_body(&mut self, name: &Spanned<String>, m: &mut Entries<'_>) -> Option<StructDecl> {
        let base = self.optional_spanned(m, "base");
        let is_abstract = self.flag(m, "abstract").unwrap_or(false);
        let xml = m.take("xml").map(|node| self.xml(node)).unwrap_or_default();
        let rules = m
            .take("rules")
            .map_or_else(Vec::new, |node| self.rules(node));
        let fields = match m.take("fields") {
            Some(node) => self
                .list(node, "`fields`")
                .iter()
                .filter_map(|item| self.field(item))
                .collect(),
            None => {
                self.diags.error_with_hint(
                    m.pos,
                    format!("type `{}` has neither `fields` nor `values`", name.value),
                    "a struct lists `fields:`, an enum lists `values:`",
                );
                return None;
            }
        };
        Some(StructDecl {
            fields,
            base,
            is_abstract,
            xml,
            rules,
        })
    }

    fn xml(&mut self, node: &Node) -> XmlDecl {
        let Some(mut m) = self.mapping(node, &language::XML) else {
            return XmlDecl::default();
        };
        let name = self.optional_string(&mut m, "name");
        let namespace = self.optional_string(&mut m, "namespace");
        self.optional_string(&mut m, "note");
        self.finish(m);
        XmlDecl { name, namespace }
    }

    fn field(&mut self, node: &Node) -> Option<FieldDecl> {
        let mut m = self.mapping(node, &language::FIELD)?;
        let name = self.name(&mut m, "name");
        let rust_name = self.optional_spanned(&mut m, "rust_name");
        let renamed_from = self.optional_spanned(&mut m, "renamed_from");
        let ty = match m.take("type") {
            Some(node) => self
                .string(node, "`type`")
                .and_then(|text| self.type_expr(&text)),
            None => {
                self.missing(&m, "type");
                None
            }
        };
        let required = self.flag(&mut m, "required").unwrap_or(false);
        let nullable = self.flag(&mut m, "nullable");
        let min_len = self.length(&mut m, "min_len");
        let max_len = self.length(&mut m, "max_len");
        if let (Some(min), Some(max)) = (&min_len, &max_len)
            && min.value > max.value
        {
            self.diags.error_with_hint(
                max.pos,
                format!(
                    "`max_len` {} is less than `min_len` {}",
                    max.value, min.value
                ),
                "swap them, or correct the one the document states",
            );
        }
        let (min, max) = self.bounds(&mut m);
        let pattern = self.optional_spanned(&mut m, "pattern");
        if let Some(pattern) = &pattern
            && let Err(error) = regex::Regex::new(&pattern.value)
        {
            let reason = error.to_string();
            let reason = reason.lines().last().unwrap_or("invalid").trim();
            let reason = reason.strip_prefix("error: ").unwrap_or(reason);
            self.diags.error(
                pattern.pos,
                format!("`pattern` is not a valid regular expression: {reason}"),
            );
        }
        let format = m
            .take("format")
            .and_then(|node| self.choice(node, &TextFormat::SPELLINGS, "format"));
        let default = m.take("default").and_then(|node| self.default_value(node));
        let delimiter = self.optional_spanned(&mut m, "delimiter");
        let encryption = m
            .take("encryption")
            .and_then(|node| self.choice(node, &ENCRYPTIONS, "encryption"))
            .map(|e| e.value);
        let sensitive = self.flag(&mut m, "sensitive").unwrap_or(false);
        let doc = self.optional_string(&mut m, "doc");
        let note = self.optional_string(&mut m, "note");
        self.finish(m);
        Some(FieldDecl {
            name: name?,
            renamed_from,
            rust_name,
            ty: ty?,
            required,
            nullable,
            min_len,
            max_len,
            min,
            max,
            pattern,
            format,
            default,
            delimiter,
            encryption,
            sensitive,
            doc,
            note,
        })
    }

    /// An operation's `request:` or `response:`: a type expression, or `none`.
    fn body(&mut self, entries: &mut Entries<'_>, key: &'static str) -> Option<Spanned<BodyExpr>> {
        let text = self.name(entries, key)?;
        if text.value.trim() == NO_BODY {
            return Some(Spanned {
                value: BodyExpr::None,
                pos: text.pos,
            });
        }
        let expr = self.type_expr(&text)?;
        Some(Spanned {
            value: BodyExpr::Type(expr.value),
            pos: expr.pos,
        })
    }

    /// A field's `default`: one scalar value; which kind fits the field's type is `check`'s business.
    fn default_value(&mut self, node: &Node) -> Option<Spanned<DefaultValue>> {
        let value = match &node.value {
            Value::Int(n) => DefaultValue::Int(*n),
            Value::Float(x) if x.is_finite() => DefaultValue::Float(*x),
            Value::Str(s) => DefaultValue::Str(s.clone()),
            Value::Bool(b) => DefaultValue::Bool(*b),
            _ => {
                self.expected(
                    node,
                    "an integer, a finite number, a string or a boolean",
                    "`default`",
                );
                return None;
            }
        };
        Some(Spanned {
            value,
            pos: node.pos,
        })
    }

    /// `string`, `RefundParm`, `list<T>`; the column of a problem inside the text is reported exactly.
    fn type_expr(&mut self, text: &Spanned<String>) -> Option<Spanned<TypeExpr>> {
        match parse_type_expr(&text.value) {
            Ok(expr) => Some(Spanned {
                value: expr,
                pos: text.pos,
            }),
            Err(message) => {
                self.diags.error_with_hint(
                    text.pos,
                    format!("`{}` is not a type: {message}", text.value),
                    "write a scalar such as `string`, a type of this schema, or `list<T>`",
                );
                None
            }
        }
    }

    fn enum_body(&mut self, m: &mut Entries<'_>) -> Option<EnumDecl> {
        let repr = match m.take("repr") {
            Some(node) => self.choice(node, &Repr::ALL, "enum repr"),
            None => {
                self.diags.error_with_hint(
                    m.pos,
                    "missing key `repr` in an enum",
                    "say how values travel: `repr: int32`, `int64` or `string`",
                );
                None
            }
        };
        let open = self.flag(m, "open").unwrap_or(true);
        let values = match m.take("values") {
            Some(node) => {
                let items = self.list(node, "`values`");
                if items.is_empty() && matches!(node.value, Value::Seq(_)) {
                    self.diags.error_with_hint(
                        node.pos,
                        "an enum needs at least one value",
                        "list the values the document gives; if it gives none, the field is a plain scalar",
                    );
                }
                Spanned {
                    value: items
                        .iter()
                        .filter_map(|item| self.enum_value(item))
                        .collect(),
                    pos: node.pos,
                }
            }
            None => {
                self.missing(m, "values");
                return None;
            }
        };
        Some(EnumDecl {
            repr: repr?,
            open,
            values,
        })
    }

    fn enum_value(&mut self, node: &Node) -> Option<EnumValueDecl> {
        let mut m = self.mapping(node, &language::ENUM_VALUE)?;
        let value = match m.take("value") {
            Some(node) => match &node.value {
                Value::Int(i) => Some(Spanned {
                    value: EnumLiteral::Int(*i),
                    pos: node.pos,
                }),
                Value::Str(s) => Some(Spanned {
                    value: EnumLiteral::Str(s.clone()),
                    pos: node.pos,
                }),
                _ => {
                    self.expected(node, "an integer or a string", "`value`");
                    None
                }
            },
            None => {
                self.missing(&m, "value");
                None
            }
        };
        let name = self.optional_spanned(&mut m, "name");
        let rust_name = self.optional_spanned(&mut m, "rust_name");
        let doc = self.optional_string(&mut m, "doc");
        let note = self.optional_string(&mut m, "note");
        self.finish(m);
        Some(EnumValueDecl {
            value: value?,
            name,
            rust_name,
            doc,
            note,
        })
    }

    /// A declared rename names something that is gone; a name still declared beside it cannot be its old name.
    fn renames<'a>(
        &mut self,
        items: impl Iterator<Item = (&'a Spanned<String>, &'a Option<Spanned<String>>)> + Clone,
        what: &str,
    ) {
        for (name, renamed_from) in items.clone() {
            let Some(old) = renamed_from else { continue };
            if let Some((still, _)) = items.clone().find(|(other, _)| other.value == old.value) {
                self.diags.error_with_hint(
                    old.pos,
                    format!(
                        "`renamed_from: {}` names a {what} that is still declared (line {})",
                        old.value, still.pos.line
                    ),
                    format!(
                        "`renamed_from` gives the old name of `{}`; remove it, or the other {what}",
                        name.value
                    ),
                );
            }
        }
    }

    fn examples(&mut self, node: &Node) -> Vec<ExampleDecl> {
        self.list(node, "`examples`")
            .iter()
            .filter_map(|item| self.example(item))
            .collect()
    }

    fn example(&mut self, node: &Node) -> Option<ExampleDecl> {
        let mut m = self.mapping(node, &language::EXAMPLE)?;
        let ty = self.name(&mut m, "type");
        let source = self.optional_string(&mut m, "source");
        let note = self.optional_string(&mut m, "note");
        let mut samples = Vec::new();
        let mut any_sample = false;
        for (key, format) in Format::SPELLINGS {
            any_sample |= m.entries.iter().any(|(k, _, _)| *k == key);
            if let Some(text) = self.optional_spanned(&mut m, key) {
                samples.push((format, text));
            }
        }
        let breaks = m
            .take("breaks")
            .map_or_else(Vec::new, |node| self.breaks(node));
        if !any_sample {
            self.diags.error_with_hint(
                m.pos,
                "an example has no sample",
                "add the document's sample under `json: |`, `xml: |`, `form: |` or `bson: |`",
            );
        }
        self.finish(m);
        Some(ExampleDecl {
            ty: ty?,
            source,
            note,
            samples,
            breaks,
        })
    }
}

/// Parses a type expression; the error says what is wrong in words.
pub(crate) fn parse_type_expr(text: &str) -> Result<TypeExpr, String> {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix("list<") {
        let inner = inner
            .strip_suffix('>')
            .ok_or_else(|| "`list<` is not closed with `>`".to_owned())?;
        return Ok(TypeExpr::List(Box::new(parse_type_expr(inner)?)));
    }
    if text.is_empty() {
        return Err("the type is empty".to_owned());
    }
    if let Some(bad) = text.chars().find(|c| !(c.is_alphanumeric() || *c == '_')) {
        return Err(format!("`{bad}` cannot appear in a type name"));
    }
    Ok(match Scalar::from_name(text) {
        Some(scalar) => TypeExpr::Scalar(scalar),
        None => TypeExpr::Named(text.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_expressions() {
        assert_eq!(
            parse_type_expr("string"),
            Ok(TypeExpr::Scalar(Scalar::String))
        );
        assert_eq!(
            parse_type_expr("list<list<Foo>>"),
            Ok(TypeExpr::List(Box::new(TypeExpr::List(Box::new(
                TypeExpr::Named("Foo".into())
            )))))
        );
        assert!(parse_type_expr("list<Foo").is_err());
        assert!(parse_type_expr("Foo[]").is_err());
        assert!(parse_type_expr("").is_err());
    }
}
