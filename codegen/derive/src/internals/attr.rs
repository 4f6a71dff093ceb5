//! The meaning of every attribute the derives read, each parsed by one function with one set of messages:
//! `#[data_contract]` and `#[data_member]`, `#[validate]`, `#[wire]`, `#[sensitive]`, `#[sm4]`, and serde's
//! `rename`, `rename_all` and `flatten`, which name a field on the wire for every derive that reports a path.
//!
//! A parser never stops at a misuse: it reports it to the context and reads on, so one compile shows every
//! mistake.

use codegen_wire::TextFormat;
use codegen_wire::case::RenameRule;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Expr, Ident, Lit, LitInt, LitStr, UnOp, spanned::Spanned};

use super::{Ctxt, Derive};

/// What the container's attributes say, as far as the derive reading it looks.
#[derive(Default)]
pub(crate) struct Container {
    /// serde's `rename_all` (DataContract, Validate, Sm4Fields).
    pub(crate) rename_all: Option<RenameRule>,
    /// `#[data_contract(...)]` (DataContract).
    pub(crate) contract: Contract,
    /// `#[wire(repr = "...")]` (WireEnum); `None` when missing or unknown, which is reported.
    pub(crate) repr: Option<Repr>,
    /// `#[wire(closed)]` (WireEnum): the document lists every value, so validation refuses the `other` variant.
    pub(crate) closed: bool,
    /// `#[validate(rule(...))]` (Validate).
    pub(crate) conditions: Vec<Condition>,
}

impl Container {
    /// The container attributes `derive` reads, except the Validate rules, which name fields and are read by
    /// [`conditions`] once the fields are known.
    pub(crate) fn from_ast(cx: &Ctxt, input: &syn::DeriveInput, derive: Derive) -> Container {
        let mut container = Container::default();
        match derive {
            Derive::DataContract => {
                container.contract = Contract::from_ast(cx, input);
                container.rename_all = rename_all(cx, &input.attrs, derive);
            }
            Derive::Validate | Derive::Sm4Fields => {
                container.rename_all = rename_all(cx, &input.attrs, derive);
            }
            Derive::WireEnum => (container.repr, container.closed) = wire_container(cx, input),
            Derive::RedactedDebug => {}
        }
        container
    }
}

/// What a field's attributes say, as far as the derive reading it looks.
#[derive(Default)]
pub(crate) struct Field {
    /// The name serde gives the field on the wire (Validate: `None` for a `flatten` field, whose members sit at
    /// its parent's path; Sm4Fields: marked fields only).
    pub(crate) wire_name: Option<String>,
    /// The data member (DataContract); `None` for a field `#[data_member(skip)]` leaves out.
    pub(crate) member: Option<Member>,
    /// `#[validate(...)]` (Validate).
    pub(crate) rules: Rules,
    /// `#[sensitive]` (RedactedDebug).
    pub(crate) sensitive: bool,
    /// `#[sm4]` (Sm4Fields).
    pub(crate) sm4: bool,
}

impl Field {
    /// The field attributes `derive` reads, resolved against the container's (its `rename_all`, its contract).
    pub(crate) fn from_ast(
        cx: &Ctxt,
        field: &syn::Field,
        ident: &Ident,
        container: &Container,
        derive: Derive,
    ) -> Field {
        let mut attrs = Field::default();
        match derive {
            Derive::DataContract => attrs.member = Member::from_ast(cx, field, ident, container),
            Derive::Validate => {
                attrs.wire_name = (!serde_flag(&field.attrs, "flatten"))
                    .then(|| wire_name(cx, field, ident, container.rename_all));
                attrs.rules = Rules::from_ast(cx, field);
            }
            Derive::Sm4Fields => {
                attrs.sm4 = marker(cx, &field.attrs, "sm4", "`#[sm4]` takes no arguments");
                if attrs.sm4 {
                    attrs.wire_name = Some(wire_name(cx, field, ident, container.rename_all));
                }
            }
            Derive::RedactedDebug => {
                attrs.sensitive = marker(
                    cx,
                    &field.attrs,
                    "sensitive",
                    "`#[sensitive]` takes no arguments",
                );
            }
            Derive::WireEnum => {}
        }
        attrs
    }
}

/// A marker attribute such as `#[sm4]`: whether it is there; arguments are refused with `message`.
fn marker(cx: &Ctxt, attrs: &[syn::Attribute], name: &str, message: &str) -> bool {
    let mut marked = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident(name)) {
        if let Err(error) = attr.meta.require_path_only() {
            cx.error(error.span(), message);
        }
        marked = true;
    }
    marked
}

// serde's names -------------------------------------------------------------------------------------------------

/// The string value of `#[serde(key = "...")]`, so one rename serves JSON and XML alike, as the CLR name does for
/// Json.NET and DataContractSerializer. Other serde keys are passed over.
fn serde_value(cx: &Ctxt, attrs: &[syn::Attribute], key: &str) -> Option<LitStr> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) && meta.input.peek(syn::Token![=]) {
                found = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in meta.input);
                content.parse::<TokenStream>()?;
            }
            Ok(())
        });
        if let Err(error) = parsed {
            cx.push(error);
        }
    }
    found
}

/// Whether `#[serde(key)]` is given as a bare flag, such as `flatten`.
fn serde_flag(attrs: &[syn::Attribute], key: &str) -> bool {
    let mut found = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        // A malformed `#[serde]` is reported by `serde_value` and by serde itself.
        let _ = attr.parse_nested_meta(|meta| {
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in meta.input);
                content.parse::<TokenStream>()?;
            } else if meta.path.is_ident(key) {
                found = true;
            }
            Ok(())
        });
    }
    found
}

/// The container's `#[serde(rename_all = "...")]` rule; the error for a rule it does not know names `derive`.
fn rename_all(cx: &Ctxt, attrs: &[syn::Attribute], derive: Derive) -> Option<RenameRule> {
    let rule = serde_value(cx, attrs, "rename_all")?;
    let parsed = RenameRule::from_name(&rule.value());
    if parsed.is_none() {
        cx.error(
            rule.span(),
            format!("{} does not know this `rename_all` rule", derive.name()),
        );
    }
    parsed
}

/// A field's wire name: its `#[serde(rename = "...")]`, else the container's `rename_all` applied to its Rust name
/// (without `r#`), else that name.
fn wire_name(
    cx: &Ctxt,
    field: &syn::Field,
    ident: &Ident,
    rename_all: Option<RenameRule>,
) -> String {
    serde_value(cx, &field.attrs, "rename")
        .map(|name| name.value())
        .unwrap_or_else(|| {
            let text = ident.to_string();
            let bare = text.strip_prefix("r#").unwrap_or(&text);
            rename_all.map_or_else(|| bare.to_owned(), |rule| rule.apply(bare))
        })
}

// #[data_contract] and #[data_member] ---------------------------------------------------------------------------

/// What `#[data_contract(...)]` says.
#[derive(Default)]
pub(crate) struct Contract {
    pub(crate) name: Option<String>,
    pub(crate) namespace: String,
    /// The contract namespaces of the base types, nearest first: `inherited = N` members live in the N-th.
    pub(crate) base_namespaces: Vec<String>,
}

impl Contract {
    /// `#[data_contract(name = "...", namespace = "...")]`: the name defaults to the type's, the namespace is
    /// required (.NET derives it from a CLR namespace, which a Rust type does not have).
    fn from_ast(cx: &Ctxt, input: &syn::DeriveInput) -> Contract {
        let mut name = None;
        let mut namespace = None;
        let mut base_namespaces = Vec::new();
        for attr in input
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("data_contract"))
        {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("name") {
                    name = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("namespace") {
                    namespace = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("base_namespaces") {
                    let list: syn::ExprArray = meta.value()?.parse()?;
                    for item in list.elems {
                        match item {
                            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) => {
                                base_namespaces.push(text.value());
                            }
                            other => {
                                return Err(syn::Error::new(other.span(), "expected a namespace string"));
                            }
                        }
                    }
                } else {
                    return Err(meta.error(
                        "expected `name = \"...\"`, `namespace = \"...\"` or `base_namespaces = [\"...\"]`",
                    ));
                }
                Ok(())
            });
            if let Err(error) = parsed {
                cx.push(error);
            }
        }
        if let Some(name) = &name
            && !is_xml_name(name)
        {
            cx.error(
                input.ident.span(),
                format!("`{name}` is not an XML element name"),
            );
        }
        let namespace = namespace.unwrap_or_else(|| {
            cx.error(
                input.ident.span(),
                "missing `#[data_contract(namespace = \"...\")]`: the contract namespace, e.g. \"http://schemas.datacontract.org/2004/07/Your.Clr.Namespace\"",
            );
            String::new()
        });
        Contract {
            name,
            namespace,
            base_namespaces,
        }
    }
}

/// One data member, its name and namespace resolved.
pub(crate) struct Member {
    pub(crate) name: String,
    pub(crate) namespace: String,
    /// How many levels up the hierarchy the declaring type is: 0 for the type itself.
    pub(crate) inherited: u32,
    /// `[DataMember(Order = n)]`; members without one come first.
    pub(crate) order: Option<u32>,
    /// `delimiter = ','`: a list carried as one string, its items separated by this character.
    pub(crate) delimiter: Option<char>,
}

impl Member {
    /// `#[data_member(name = "...", namespace = "...", inherited = N, order = N, delimiter = ',')]` or
    /// `#[data_member(skip)]`;
    /// `None` for a skipped field. The name defaults to serde's, the namespace to the contract's or its base's.
    fn from_ast(
        cx: &Ctxt,
        field: &syn::Field,
        ident: &Ident,
        container: &Container,
    ) -> Option<Member> {
        let mut name = None;
        let mut namespace = None;
        let mut inherited = 0;
        let mut order = None;
        let mut delimiter = None;
        let mut skip = false;
        for attr in field
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("data_member"))
        {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("name") {
                    name = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("namespace") {
                    namespace = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("inherited") {
                    inherited = meta.value()?.parse::<LitInt>()?.base10_parse()?;
                } else if meta.path.is_ident("order") {
                    order = Some(meta.value()?.parse::<LitInt>()?.base10_parse()?);
                } else if meta.path.is_ident("delimiter") {
                    delimiter = Some(meta.value()?.parse::<syn::LitChar>()?.value());
                } else if meta.path.is_ident("skip") {
                    skip = true;
                } else {
                    return Err(meta.error(
                        "expected `name = \"...\"`, `namespace = \"...\"`, `inherited = N`, `order = N`, `delimiter = ','` or `skip`",
                    ));
                }
                Ok(())
            });
            if let Err(error) = parsed {
                cx.push(error);
            }
        }
        if skip {
            return None;
        }
        let name = name.unwrap_or_else(|| wire_name(cx, field, ident, container.rename_all));
        if !is_xml_name(&name) {
            cx.error(
                field.span(),
                format!("`{name}` is not an XML element name; give one with `#[data_member(name = \"...\")]`"),
            );
        }
        let contract = &container.contract;
        let namespace = match (namespace, inherited) {
            (Some(namespace), _) => namespace,
            (None, 0) => contract.namespace.clone(),
            (None, level) => match contract.base_namespaces.get(level as usize - 1) {
                Some(namespace) => namespace.clone(),
                None => {
                    cx.error(
                        field.span(),
                        format!(
                            "`inherited = {level}` needs the namespace of that base: list it in `#[data_contract(base_namespaces = [...])]` or give `namespace = \"...\"`"
                        ),
                    );
                    String::new()
                }
            },
        };
        Some(Member {
            name,
            namespace,
            inherited,
            order,
            delimiter,
        })
    }
}

/// An XML NCName in the ASCII range, or any name with non-ASCII letters (which .NET encodes on its own terms).
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first.is_alphabetic() || first == '_')
        && chars.all(|ch| ch.is_alphanumeric() || matches!(ch, '_' | '-' | '.'))
}

// #[wire] -------------------------------------------------------------------------------------------------------

/// How an enum travels.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repr {
    I32,
    I64,
    String,
}

/// `#[wire(repr = "...", closed)]`: the repr is required, `closed` optional.
fn wire_container(cx: &Ctxt, input: &syn::DeriveInput) -> (Option<Repr>, bool) {
    let mut repr = None;
    let mut written = false;
    let mut closed = false;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("wire")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("closed") {
                closed = true;
                return Ok(());
            }
            written = true;
            if !meta.path.is_ident("repr") {
                return Err(
                    meta.error("expected `repr = \"i32\" | \"i64\" | \"string\"` or `closed`")
                );
            }
            let text: LitStr = meta.value()?.parse()?;
            repr = Some(match text.value().as_str() {
                "i32" => Repr::I32,
                "i64" => Repr::I64,
                "string" => Repr::String,
                _ => {
                    return Err(syn::Error::new(
                        text.span(),
                        "expected \"i32\", \"i64\" or \"string\"",
                    ));
                }
            });
            Ok(())
        });
        if let Err(error) = parsed {
            cx.push(error);
        }
    }
    if !written {
        cx.error(
            input.ident.span(),
            "missing `#[wire(repr = \"i32\" | \"i64\" | \"string\")]` on the enum",
        );
    }
    (repr, closed)
}

/// What a variant's `#[wire(...)]` says.
#[derive(Default)]
pub(crate) struct Variant {
    /// `value = ...`: the wire value of a listed member.
    pub(crate) value: Option<Lit>,
    /// `name = "..."`: the member name DataContract XML writes.
    pub(crate) name: Option<LitStr>,
    /// `other`: the variant that keeps any value the schema does not list.
    pub(crate) other: bool,
}

impl Variant {
    /// `#[wire(value = ..., name = "...")]` or `#[wire(other)]`; whether they fit the enum is `check`'s.
    pub(crate) fn from_ast(cx: &Ctxt, variant: &syn::Variant) -> Variant {
        let mut attrs = Variant::default();
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("wire")) {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("value") {
                    attrs.value = Some(meta.value()?.parse::<Lit>()?);
                } else if meta.path.is_ident("name") {
                    attrs.name = Some(meta.value()?.parse::<LitStr>()?);
                } else if meta.path.is_ident("other") {
                    attrs.other = true;
                } else {
                    return Err(meta.error("expected `value = ...`, `name = \"...\"` or `other`"));
                }
                Ok(())
            });
            if let Err(error) = parsed {
                cx.push(error);
            }
        }
        attrs
    }
}

// #[validate] on a field ----------------------------------------------------------------------------------------

/// A field's declared rules, checked in this order.
#[derive(Default)]
pub(crate) struct Rules {
    pub(crate) required: bool,
    pub(crate) min_len: Option<usize>,
    pub(crate) max_len: Option<usize>,
    pub(crate) min: Option<Bound>,
    pub(crate) max: Option<Bound>,
    pub(crate) pattern: Option<LitStr>,
    /// The `codegen_runtime::validate::TextFormat` constant the format names.
    pub(crate) format: Option<Ident>,
}

/// A decimal literal as `rust_decimal::Decimal::from_parts` takes it.
#[derive(Clone, Copy)]
pub(crate) struct Bound {
    pub(crate) mantissa: u128,
    pub(crate) negative: bool,
    pub(crate) scale: u32,
}

const FIELD_KEYS: &str = "expected `required`, `min_len = N`, `max_len = N`, `min = X`, `max = X`, `pattern = \"...\"` or `format = \"...\"`";

impl Rules {
    /// Every `#[validate(...)]` of a field; each key at most once.
    fn from_ast(cx: &Ctxt, field: &syn::Field) -> Rules {
        let mut rules = Rules::default();
        for attr in field.attrs.iter().filter(|a| a.path().is_ident("validate")) {
            let parsed = attr.parse_nested_meta(|meta| {
                let key = meta
                    .path
                    .get_ident()
                    .map(Ident::to_string)
                    .unwrap_or_default();
                let value = value(&meta)?;
                let result = match key.as_str() {
                    "required" => flag(&meta, value).map(|()| set(&mut rules.required, &meta)),
                    "min_len" => length(&meta, value).map(|n| once(&mut rules.min_len, n, &meta)),
                    "max_len" => length(&meta, value).map(|n| once(&mut rules.max_len, n, &meta)),
                    "min" => bound(&meta, value).map(|b| once(&mut rules.min, b, &meta)),
                    "max" => bound(&meta, value).map(|b| once(&mut rules.max, b, &meta)),
                    "pattern" => pattern(&meta, value).map(|p| once(&mut rules.pattern, p, &meta)),
                    "format" => format(&meta, value).map(|f| once(&mut rules.format, f, &meta)),
                    _ => Err(meta.error(format!("unknown validation rule; {FIELD_KEYS}"))),
                };
                if let Err(error) = result.and_then(|duplicate| duplicate) {
                    cx.push(error);
                }
                Ok(())
            });
            if let Err(error) = parsed {
                cx.push(error);
            }
        }
        check_limits(cx, field, &rules);
        rules
    }
}

/// What follows a key: `= expr`, a parenthesised list, or nothing.
enum Value {
    Expr(Expr),
    List,
    None,
}

/// Consumes the key's value whatever it is, so one misuse does not hide the keys after it.
fn value(meta: &ParseNestedMeta<'_>) -> syn::Result<Value> {
    if meta.input.peek(syn::Token![=]) {
        Ok(Value::Expr(meta.value()?.parse()?))
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<TokenStream>()?;
        Ok(Value::List)
    } else {
        Ok(Value::None)
    }
}

fn key_name(meta: &ParseNestedMeta<'_>) -> String {
    meta.path.to_token_stream().to_string()
}

/// Records a flag, or an error if it was already set.
fn set(slot: &mut bool, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if std::mem::replace(slot, true) {
        return Err(meta.error(format!("`{}` is given twice", key_name(meta))));
    }
    Ok(())
}

/// Records a value, or an error if one was already given.
fn once<T>(slot: &mut Option<T>, value: T, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if slot.replace(value).is_some() {
        return Err(meta.error(format!("`{}` is given twice", key_name(meta))));
    }
    Ok(())
}

fn flag(meta: &ParseNestedMeta<'_>, value: Value) -> syn::Result<()> {
    match value {
        Value::None => Ok(()),
        _ => Err(meta.error(format!(
            "`{}` takes no value: write `#[validate({})]`",
            key_name(meta),
            key_name(meta)
        ))),
    }
}

/// The expression after `=`, or an error showing the expected form.
fn expr(meta: &ParseNestedMeta<'_>, value: Value, example: &str) -> syn::Result<Expr> {
    match value {
        Value::Expr(expr) => Ok(expr),
        _ => Err(meta.error(format!(
            "`{}` takes a value: `{} = {example}`",
            key_name(meta),
            key_name(meta)
        ))),
    }
}

fn length(meta: &ParseNestedMeta<'_>, value: Value) -> syn::Result<usize> {
    let expr = expr(meta, value, "20")?;
    match &expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse(),
        _ => Err(syn::Error::new(
            expr.span(),
            format!(
                "`{}` takes a whole number of UTF-16 code units or items, e.g. `{} = 20`",
                key_name(meta),
                key_name(meta)
            ),
        )),
    }
}

/// `min`/`max`: an integer or decimal literal, optionally negative, without exponent.
fn bound(meta: &ParseNestedMeta<'_>, value: Value) -> syn::Result<Bound> {
    let expr = expr(meta, value, "0")?;
    let (negative, lit) = match &expr {
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => (true, &*unary.expr),
        other => (false, other),
    };
    let digits = match lit {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_digits(),
        Expr::Lit(syn::ExprLit {
            lit: Lit::Float(float),
            ..
        }) => float.base10_digits(),
        _ => {
            return Err(syn::Error::new(
                expr.span(),
                format!(
                    "`{}` takes a number, e.g. `{} = 0` or `{} = 99.99`",
                    key_name(meta),
                    key_name(meta),
                    key_name(meta)
                ),
            ));
        }
    };
    decimal(digits, negative).ok_or_else(|| {
        syn::Error::new(
            expr.span(),
            "this limit must be a plain decimal (no exponent) of at most 28 fraction digits that fits a 96-bit decimal",
        )
    })
}

fn decimal(digits: &str, negative: bool) -> Option<Bound> {
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if !whole
        .bytes()
        .chain(fraction.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut mantissa: u128 = 0;
    for byte in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(u128::from(byte - b'0'))?;
    }
    let scale = u32::try_from(fraction.len())
        .ok()
        .filter(|&scale| scale <= 28)?;
    (mantissa < 1 << 96).then_some(Bound {
        mantissa,
        negative,
        scale,
    })
}

impl Bound {
    /// Close enough to order two limits for the `min > max` check.
    fn approximate(self) -> f64 {
        let magnitude = self.mantissa as f64 / 10f64.powi(self.scale as i32);
        if self.negative { -magnitude } else { magnitude }
    }
}

/// `pattern = "..."`: compiled here, as the runtime will compile it, so a bad pattern fails the build.
fn pattern(meta: &ParseNestedMeta<'_>, value: Value) -> syn::Result<LitStr> {
    let source = string(meta, value, "\"[0-9]+\"")?;
    let text = source.value();
    if let Err(error) = regex::Regex::new(&text) {
        return Err(syn::Error::new(
            source.span(),
            format!("invalid pattern: {error}"),
        ));
    }
    if let Err(error) = regex::Regex::new(&format!(r"\A(?:{text})\z")) {
        return Err(syn::Error::new(
            source.span(),
            format!("this pattern cannot be anchored to match the whole text: {error}"),
        ));
    }
    Ok(source)
}

fn format(meta: &ParseNestedMeta<'_>, value: Value) -> syn::Result<Ident> {
    let name = string(meta, value, "\"date\"")?;
    match TextFormat::from_name(&name.value()) {
        Some(format) => Ok(Ident::new(runtime_constant(format), Span::call_site())),
        None => {
            let mut names = TextFormat::ALL.map(|format| format!("`{}`", format.name()));
            names.sort_unstable();
            Err(syn::Error::new(
                name.span(),
                format!("unknown format; expected one of {}", names.join(", ")),
            ))
        }
    }
}

/// The `codegen_runtime::validate::TextFormat` constant a format expands to.
fn runtime_constant(format: TextFormat) -> &'static str {
    match format {
        TextFormat::Date => "DATE",
        TextFormat::DateTime => "DATETIME",
        TextFormat::Time => "TIME",
        TextFormat::Digits => "DIGITS",
        TextFormat::Decimal => "DECIMAL",
    }
}

fn string(meta: &ParseNestedMeta<'_>, value: Value, example: &str) -> syn::Result<LitStr> {
    match expr(meta, value, example)? {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) => Ok(text),
        other => Err(syn::Error::new(
            other.span(),
            format!(
                "`{}` takes a string, e.g. `{} = {example}`",
                key_name(meta),
                key_name(meta)
            ),
        )),
    }
}

/// Limits that no value could satisfy.
fn check_limits(cx: &Ctxt, field: &syn::Field, rules: &Rules) {
    let span = field
        .ident
        .as_ref()
        .map_or_else(|| field.span(), Ident::span);
    if let (Some(min), Some(max)) = (rules.min_len, rules.max_len)
        && min > max
    {
        cx.error(
            span,
            format!("`min_len = {min}` is greater than `max_len = {max}`"),
        );
    }
    if let (Some(min), Some(max)) = (rules.min, rules.max)
        && min.approximate() > max.approximate()
    {
        cx.error(field.span(), "`min` is greater than `max`");
    }
}

// #[validate(rule(...))] on a container -------------------------------------------------------------------------

/// `rule(when(field = "...", equals = ...), require = "...", code = "...", message = "...")`.
pub(crate) struct Condition {
    pub(crate) when: Ident,
    pub(crate) kind: LiteralKind,
    pub(crate) equals: Expr,
    pub(crate) require: Ident,
    pub(crate) code: LitStr,
    pub(crate) message: LitStr,
}

/// The kind of an `equals` literal, which picks the `WireLiteral` impl it is compared through.
#[derive(Clone, Copy)]
pub(crate) enum LiteralKind {
    Int,
    Str,
    Bool,
}

/// Every container `#[validate(rule(...))]`, with the fields it names (among `fields`) checked to exist.
pub(crate) fn conditions(cx: &Ctxt, attrs: &[syn::Attribute], fields: &[&Ident]) -> Vec<Condition> {
    let mut conditions = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("validate")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if !meta.path.is_ident("rule") {
                value(&meta)?;
                cx.push(meta.error(
                    "expected `rule(when(field = \"...\", equals = ...), require = \"...\", code = \"...\", message = \"...\")`",
                ));
                return Ok(());
            }
            if let Some(condition) = condition(cx, &meta, fields)? {
                conditions.push(condition);
            }
            Ok(())
        });
        if let Err(error) = parsed {
            cx.push(error);
        }
    }
    conditions
}

/// One `rule(...)`: `None` (with the errors recorded) when a part is missing or wrong.
fn condition(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    fields: &[&Ident],
) -> syn::Result<Option<Condition>> {
    let mut when = None;
    let mut equals = None;
    let mut require = None;
    let mut code = None;
    let mut message = None;
    let mut failed = false;
    meta.parse_nested_meta(|inner| {
        let key = inner.path.get_ident().map(Ident::to_string).unwrap_or_default();
        let result = match key.as_str() {
            "when" => inner.parse_nested_meta(|test| {
                let key = test.path.get_ident().map(Ident::to_string).unwrap_or_default();
                let value = value(&test)?;
                let result = match key.as_str() {
                    "field" => string(&test, value, "\"agent_return_ticket_type\"")
                        .and_then(|name| field_ident(&name, fields))
                        .and_then(|ident| once(&mut when, ident, &test)),
                    "equals" => expr(&test, value, "0")
                        .and_then(literal)
                        .and_then(|literal| once(&mut equals, literal, &test)),
                    _ => Err(test.error("expected `field = \"...\"` or `equals = ...`")),
                };
                if let Err(error) = result {
                    failed = true;
                    cx.push(error);
                }
                Ok(())
            }),
            "require" => value(&inner)
                .and_then(|value| string(&inner, value, "\"agent_ticket_id\""))
                .and_then(|name| field_ident(&name, fields))
                .and_then(|ident| once(&mut require, ident, &inner)),
            "code" => value(&inner)
                .and_then(|value| non_empty(&inner, value, "\"PARAM_CHECK_LACK_TICKET_ID\""))
                .and_then(|text| once(&mut code, text, &inner)),
            "message" => value(&inner)
                .and_then(|value| non_empty(&inner, value, "\"按票退款缺少票号\""))
                .and_then(|text| once(&mut message, text, &inner)),
            _ => value(&inner).and_then(|_| {
                Err(inner.error(
                    "expected `when(...)`, `require = \"...\"`, `code = \"...\"` or `message = \"...\"`",
                ))
            }),
        };
        if let Err(error) = result {
            failed = true;
            cx.push(error);
        }
        Ok(())
    })?;
    let missing: Vec<&str> = [
        ("when(field = \"...\")", when.is_none()),
        ("when(equals = ...)", equals.is_none()),
        ("require = \"...\"", require.is_none()),
        ("code = \"...\"", code.is_none()),
        ("message = \"...\"", message.is_none()),
    ]
    .into_iter()
    .filter_map(|(part, absent)| absent.then_some(part))
    .collect();
    if !missing.is_empty() && !failed {
        cx.push(meta.error(format!("this rule is missing `{}`", missing.join("`, `"))));
    }
    Ok(match (when, equals, require, code, message) {
        (Some(when), Some((kind, equals)), Some(require), Some(code), Some(message)) => {
            Some(Condition {
                when,
                kind,
                equals,
                require,
                code,
                message,
            })
        }
        _ => None,
    })
}

/// The Rust field a rule names.
fn field_ident(name: &LitStr, fields: &[&Ident]) -> syn::Result<Ident> {
    let text = name.value();
    fields
        .iter()
        .copied()
        .find(|&field| *field == text || *field == format!("r#{text}"))
        .cloned()
        .ok_or_else(|| {
            syn::Error::new(
                name.span(),
                format!(
                    "no field `{text}` in this struct; a rule names Rust fields, not wire names"
                ),
            )
        })
}

fn non_empty(meta: &ParseNestedMeta<'_>, value: Value, example: &str) -> syn::Result<LitStr> {
    let text = string(meta, value, example)?;
    if text.value().trim().is_empty() {
        return Err(syn::Error::new(text.span(), "must not be empty"));
    }
    Ok(text)
}

/// An `equals` literal: an integer (optionally negative), a string or a bool, without suffix.
fn literal(expr: Expr) -> syn::Result<(LiteralKind, Expr)> {
    let lit = match &expr {
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => match &*unary.expr {
            Expr::Lit(syn::ExprLit {
                lit: lit @ Lit::Int(_),
                ..
            }) => Some(lit),
            _ => None,
        },
        Expr::Lit(syn::ExprLit { lit, .. }) => Some(lit),
        _ => None,
    };
    let kind = match lit {
        Some(Lit::Int(int)) if int.suffix().is_empty() => Some(LiteralKind::Int),
        Some(Lit::Str(text)) if text.suffix().is_empty() => Some(LiteralKind::Str),
        Some(Lit::Bool(_)) => Some(LiteralKind::Bool),
        _ => None,
    };
    match kind {
        Some(kind) => Ok((kind, expr)),
        None => Err(syn::Error::new(
            expr.span(),
            "`equals` takes the wire value as an integer, a string or `true`/`false`, without suffix",
        )),
    }
}
