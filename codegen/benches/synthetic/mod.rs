//! Synthetic schemas for measuring the generator at scale, written deterministically: the same arguments always
//! give the same bytes.
//!
//! Provider `n` is `p000n.yaml`: `webapi` (formats json and xml) when `n` is even, `top` (json) when odd. It has one
//! operation (`Type00` in, `Type01` out), `types` structs of `fields` fields, one enum `Status`, and one JSON example
//! of `Type00` that parses into the generated type and writes back byte for byte.
//!
//! Fields cycle through [`KINDS`], shifted by one per type, so every scalar of the language, lists, the enum and
//! references to other structs all appear. A struct refers only to structs declared after it, so references never
//! form a cycle.
//!
//! One copy, shared: the benches say `mod synthetic;`, the `synthetic` example and the tests include it by `#[path]`.

use std::io;
use std::path::Path;

/// The shape of a provider in the issue's targets: 20 types of 15 fields each.
pub const TYPES: usize = 20;
pub const FIELDS: usize = 15;

/// Writes `providers` schemas into `dir` (created if needed): `p0000.yaml`, `p0001.yaml`...
pub fn write_set(dir: &Path, providers: usize, types: usize, fields: usize) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for index in 0..providers {
        let provider = Provider {
            id: format!("p{index:04}"),
            protocol: if index % 2 == 0 {
                Protocol::WebApi
            } else {
                Protocol::Top
            },
            types: types.max(1),
            fields,
        };
        std::fs::write(dir.join(format!("{}.yaml", provider.id)), provider.schema())?;
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Protocol {
    WebApi,
    Top,
}

/// What a field holds.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Int32,
    Int64,
    Bool,
    Double,
    Decimal,
    Guid,
    DateTime,
    Date,
    TopDateTime,
    Fen,
    TextList,
    IntList,
    Status,
    /// A struct declared later in the same schema.
    Child,
    /// A list of such structs.
    Children,
}

const KINDS: [Kind; 16] = [
    Kind::Text,
    Kind::Int32,
    Kind::Int64,
    Kind::Bool,
    Kind::Double,
    Kind::Decimal,
    Kind::Guid,
    Kind::DateTime,
    Kind::Date,
    Kind::TopDateTime,
    Kind::Fen,
    Kind::TextList,
    Kind::IntList,
    Kind::Status,
    Kind::Child,
    Kind::Children,
];

impl Kind {
    /// The word the field is named after.
    fn label(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Int32 => "count",
            Kind::Int64 => "total",
            Kind::Bool => "active",
            Kind::Double => "ratio",
            Kind::Decimal => "price",
            Kind::Guid => "id",
            Kind::DateTime => "created_at",
            Kind::Date => "day",
            Kind::TopDateTime => "paid_at",
            Kind::Fen => "amount_fen",
            Kind::TextList => "tags",
            Kind::IntList => "codes",
            Kind::Status => "status",
            Kind::Child => "child",
            Kind::Children => "children",
        }
    }

    /// The schema's `type:` for the field; `target` names the struct a `Child` or `Children` refers to.
    fn type_expr(self, target: &str) -> String {
        let scalar = match self {
            Kind::Text => "string",
            Kind::Int32 => "int32",
            Kind::Int64 => "int64",
            Kind::Bool => "bool",
            Kind::Double => "double",
            Kind::Decimal => "decimal",
            Kind::Guid => "guid",
            Kind::DateTime => "datetime",
            Kind::Date => "date",
            Kind::TopDateTime => "top_datetime",
            Kind::Fen => "fen",
            Kind::TextList => "list<string>",
            Kind::IntList => "list<int32>",
            Kind::Status => "Status",
            Kind::Child => target,
            Kind::Children => return format!("list<{target}>"),
        };
        scalar.to_owned()
    }

    /// The JSON value the example gives the field, exactly as the generated code writes it back; `None` leaves the
    /// field out. Children are left empty and a child absent (`null` for Web API, omitted for TOP), so an example
    /// stays one object deep.
    fn sample(self, protocol: Protocol) -> Option<&'static str> {
        Some(match self {
            Kind::Text => r#""sample text""#,
            Kind::Int32 => "32",
            Kind::Int64 => "1234567890123",
            Kind::Bool => "true",
            Kind::Double => "1.5",
            Kind::Decimal => "2.50",
            Kind::Guid => r#""6f9619ff-8b86-d011-b42d-00c04fc964ff""#,
            Kind::DateTime => r#""2024-05-06T07:08:09.1234567+08:00""#,
            Kind::Date => r#""2024-05-06""#,
            Kind::TopDateTime => r#""2024-05-06 07:08:09""#,
            Kind::Fen => r#""1250""#,
            Kind::TextList => r#"["a","b"]"#,
            Kind::IntList => "[1,2,3]",
            Kind::Status => "1",
            Kind::Child if protocol == Protocol::Top => return None,
            Kind::Child => "null",
            Kind::Children => "[]",
        })
    }
}

struct Provider {
    id: String,
    protocol: Protocol,
    types: usize,
    fields: usize,
}

/// One field of a struct, as the schema writes it.
struct Field {
    name: String,
    ty: String,
    kind: Kind,
    required: bool,
    doc: String,
}

impl Provider {
    fn schema(&self) -> String {
        let mut lines = vec![
            "version: 1".to_owned(),
            "provider:".to_owned(),
            format!("  id: {}", self.id),
            format!("  title: Synthetic provider {}", self.id),
        ];
        lines.extend(
            match self.protocol {
                Protocol::WebApi => ["  protocol: webapi", "  formats: [json, xml]"],
                Protocol::Top => ["  protocol: top", "  formats: [json]"],
            }
            .map(str::to_owned),
        );
        lines.push("  source: synthetic".to_owned());

        let response = self.type_name(1.min(self.types - 1));
        lines.push("operations:".to_owned());
        lines.push("  submit:".to_owned());
        lines.push(format!("    doc: Submits a {} record", self.id));
        lines.push(match self.protocol {
            Protocol::WebApi => {
                format!("    http: {{ method: POST, path: api/{}/submit }}", self.id)
            }
            Protocol::Top => format!("    top: {{ method: synthetic.{}.submit }}", self.id),
        });
        lines.push(format!("    request: {}", self.type_name(0)));
        lines.push(format!("    response: {response}"));

        lines.push("types:".to_owned());
        for index in 0..self.types {
            lines.push(format!("  {}:", self.type_name(index)));
            lines.push(format!("    doc: Synthetic struct {index} of {}", self.id));
            if self.protocol == Protocol::WebApi {
                lines.push(format!(
                    "    xml: {{ namespace: \"http://schemas.datacontract.org/2004/07/Synthetic.{}\" }}",
                    self.id
                ));
            }
            lines.push(
                if self.fields == 0 {
                    "    fields: []"
                } else {
                    "    fields:"
                }
                .to_owned(),
            );
            for field in self.fields_of(index) {
                let max_len = if field.kind == Kind::Text {
                    ", max_len: 64"
                } else {
                    ""
                };
                let required = if field.required {
                    ", required: true"
                } else {
                    ""
                };
                lines.push(format!(
                    "      - {{ name: {}, type: \"{}\"{required}{max_len}, doc: \"{}\" }}",
                    field.name, field.ty, field.doc
                ));
            }
        }
        let repr = match self.protocol {
            Protocol::WebApi => "int32",
            Protocol::Top => "int64",
        };
        lines.extend([
            "  Status:".to_owned(),
            "    doc: Where a record stands".to_owned(),
            format!("    repr: {repr}"),
            "    values:".to_owned(),
            "      - { value: 0, name: Pending }".to_owned(),
            "      - { value: 1, name: Done }".to_owned(),
            "      - { value: 2, name: Failed }".to_owned(),
        ]);

        let sample: Vec<String> = self
            .fields_of(0)
            .iter()
            .filter_map(|field| {
                Some(format!(
                    "\"{}\":{}",
                    field.name,
                    field.kind.sample(self.protocol)?
                ))
            })
            .collect();
        lines.extend([
            "examples:".to_owned(),
            format!("  - type: {}", self.type_name(0)),
            "    source: synthetic".to_owned(),
            "    json: |".to_owned(),
            format!("      {{{}}}", sample.join(",")),
        ]);
        lines.push(String::new());
        lines.join("\n")
    }

    /// `Type00`, `Type01`...: zero-padded so that names sort in declaration order.
    fn type_name(&self, index: usize) -> String {
        format!("Type{index:0width$}", width = digits(self.types - 1).max(2))
    }

    /// The fields of struct `owner`. The last struct has nothing after it to refer to, so its references become text.
    fn fields_of(&self, owner: usize) -> Vec<Field> {
        let later = self.types - owner - 1;
        (0..self.fields)
            .map(|index| {
                let kind = match KINDS[(index + owner) % KINDS.len()] {
                    Kind::Child if later == 0 => Kind::Text,
                    Kind::Children if later == 0 => Kind::TextList,
                    kind => kind,
                };
                let target = if later == 0 {
                    String::new()
                } else {
                    self.type_name(owner + 1 + index % later)
                };
                Field {
                    name: self.field_name(index, kind),
                    ty: kind.type_expr(&target),
                    kind,
                    required: index % 3 == 0 && !matches!(kind, Kind::Child | Kind::Children),
                    doc: format!(
                        "Field {index} of struct {owner}: {}",
                        kind.label().replace('_', " ")
                    ),
                }
            })
            .collect()
    }

    /// `F07CreatedAt` for Web API (as .NET names members), `f07_created_at` for TOP. The index comes first so that
    /// the order TOP's SDK sorts fields in (by Java property name) is the declaration order.
    fn field_name(&self, index: usize, kind: Kind) -> String {
        let width = digits(self.fields.saturating_sub(1)).max(2);
        match self.protocol {
            Protocol::WebApi => {
                let words: String = kind.label().split('_').map(capitalized).collect();
                format!("F{index:0width$}{words}")
            }
            Protocol::Top => format!("f{index:0width$}_{}", kind.label()),
        }
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// How many decimal digits `n` has.
fn digits(n: usize) -> usize {
    n.to_string().len()
}
