//! `#[derive(Validate)]`: each field's `#[validate(...)]` rules and the container's conditional rules into a
//! model, then one `validate_into` that checks the fields in declaration order, each rule and then the field's own
//! `Validate`, at the field's wire name.

use codegen_wire::TextFormat;
use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::meta::ParseNestedMeta;
use syn::{Data, DeriveInput, Expr, Fields, Ident, Lit, LitStr, UnOp, spanned::Spanned};

use crate::errors::Errors;
use crate::serde_names;

/// The checked model of one struct.
struct Model<'a> {
    input: &'a DeriveInput,
    fields: Vec<Field>,
}

/// One field: where it sits on the wire and what it must satisfy.
struct Field {
    ident: Ident,
    /// The field's type, where a rule that does not fit it is reported (resolved at the call site, as the rest of
    /// the expansion is).
    span: Span,
    /// `None` for a `#[serde(flatten)]` field, whose members sit at the parent's path.
    wire: Option<String>,
    rules: Rules,
    /// The container's conditional rules that require this field.
    conditions: Vec<Condition>,
}

/// A field's declared rules, checked in this order.
#[derive(Default)]
struct Rules {
    required: bool,
    min_len: Option<usize>,
    max_len: Option<usize>,
    min: Option<Bound>,
    max: Option<Bound>,
    pattern: Option<LitStr>,
    format: Option<Ident>,
}

/// A decimal literal as `rust_decimal::Decimal::from_parts` takes it.
#[derive(Clone, Copy)]
struct Bound {
    mantissa: u128,
    negative: bool,
    scale: u32,
}

/// `rule(when(field = "...", equals = ...), require = "...", code = "...", message = "...")`.
struct Condition {
    when: Ident,
    kind: LiteralKind,
    equals: Expr,
    require: Ident,
    code: LitStr,
    message: LitStr,
}

/// The kind of an `equals` literal, which picks the `WireLiteral` impl it is compared through.
#[derive(Clone, Copy)]
enum LiteralKind {
    Int,
    Str,
    Bool,
}

const FIELD_KEYS: &str = "expected `required`, `min_len = N`, `max_len = N`, `min = X`, `max = X`, `pattern = \"...\"` or `format = \"...\"`";

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let model = parse(input)?;
    Ok(emit(&model))
}

fn parse(input: &DeriveInput) -> syn::Result<Model<'_>> {
    let named = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => &fields.named,
            _ => {
                return Err(syn::Error::new(
                    input.ident.span(),
                    "Validate needs named fields: each one is checked at its wire name",
                ));
            }
        },
        _ => {
            return Err(syn::Error::new(
                input.ident.span(),
                "Validate can only be derived for structs; an enum gets it from `#[derive(WireEnum)]`",
            ));
        }
    };
    let mut errors = Errors::default();
    let rename_all = serde_names::rename_all(&input.attrs, "Validate", &mut errors);
    let mut fields = Vec::new();
    for field in named {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let wire = (!serde_names::serde_flag(&field.attrs, "flatten"))
            .then(|| serde_names::field_name(field, &ident, rename_all, &mut errors));
        fields.push(Field {
            ident,
            span: Span::call_site().located_at(field.ty.span()),
            wire,
            rules: parse_rules(field, &mut errors),
            conditions: Vec::new(),
        });
    }
    for condition in parse_conditions(input, &fields, &mut errors) {
        if let Some(field) = fields.iter_mut().find(|f| f.ident == condition.require) {
            field.conditions.push(condition);
        }
    }
    errors.finish()?;
    Ok(Model { input, fields })
}

/// Every `#[validate(...)]` of a field; each key at most once.
fn parse_rules(field: &syn::Field, errors: &mut Errors) -> Rules {
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
                errors.push(error);
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
    check_limits(field, &rules, errors);
    rules
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
fn check_limits(field: &syn::Field, rules: &Rules, errors: &mut Errors) {
    let span = field
        .ident
        .as_ref()
        .map_or_else(|| field.span(), Ident::span);
    if let (Some(min), Some(max)) = (rules.min_len, rules.max_len)
        && min > max
    {
        errors.push(syn::Error::new(
            span,
            format!("`min_len = {min}` is greater than `max_len = {max}`"),
        ));
    }
    if let (Some(min), Some(max)) = (rules.min, rules.max)
        && min.approximate() > max.approximate()
    {
        errors.push(syn::Error::new(field.span(), "`min` is greater than `max`"));
    }
}

/// Every container `#[validate(rule(...))]`, with the fields it names checked to exist.
fn parse_conditions(input: &DeriveInput, fields: &[Field], errors: &mut Errors) -> Vec<Condition> {
    let mut conditions = Vec::new();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("validate")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if !meta.path.is_ident("rule") {
                value(&meta)?;
                errors.push(meta.error(
                    "expected `rule(when(field = \"...\", equals = ...), require = \"...\", code = \"...\", message = \"...\")`",
                ));
                return Ok(());
            }
            if let Some(condition) = parse_condition(&meta, fields, errors)? {
                conditions.push(condition);
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
    conditions
}

/// One `rule(...)`: `None` (with the errors recorded) when a part is missing or wrong.
fn parse_condition(
    meta: &ParseNestedMeta<'_>,
    fields: &[Field],
    errors: &mut Errors,
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
                    errors.push(error);
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
            errors.push(error);
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
        errors.push(meta.error(format!("this rule is missing `{}`", missing.join("`, `"))));
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
fn field_ident(name: &LitStr, fields: &[Field]) -> syn::Result<Ident> {
    let text = name.value();
    fields
        .iter()
        .find(|field| field.ident == text || field.ident == format!("r#{text}"))
        .map(|field| field.ident.clone())
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

fn emit(model: &Model<'_>) -> TokenStream {
    let input = model.input;
    let ident = &input.ident;
    let v = quote!(::codegen_runtime::validate);
    let mut generics = input.generics.clone();
    let bounded: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    let where_clause = generics.make_where_clause();
    for param in bounded {
        where_clause
            .predicates
            .push(syn::parse_quote!(#param: #v::Validate));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let (plain_impl, plain_ty, plain_where) = input.generics.split_for_impl();
    let body = if model.fields.is_empty() {
        quote!(fn validate_into(&self, _: &#v::Path<'_>, _: &mut #v::Report) {})
    } else {
        let checks = model.fields.iter().map(emit_field);
        quote! {
            fn validate_into(&self, path: &#v::Path<'_>, report: &mut #v::Report) {
                #(#checks)*
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #v::Validate for #ident #ty_generics #where_clause {
            #body
        }

        /// A struct is there whenever its field is: `required` on it means only "not `None`".
        #[automatically_derived]
        impl #plain_impl #v::Presence for #ident #plain_ty #plain_where {
            fn absence(&self) -> ::std::option::Option<#v::Absence> {
                ::std::option::Option::None
            }
        }
    }
}

fn emit_field(field: &Field) -> TokenStream {
    let v = quote!(::codegen_runtime::validate);
    let r = quote!(#v::rules);
    let ident = &field.ident;
    // Spanned at the field's type, so a rule that does not fit the type is reported there.
    let span = field.span;
    let value = quote_spanned!(span=> &self.#ident);
    let rules = &field.rules;
    let mut checks = Vec::new();
    if rules.required {
        checks.push(quote_spanned!(span=> #r::required(#value, path, report);));
    }
    for condition in &field.conditions {
        let when = &condition.when;
        let equals = &condition.equals;
        let code = &condition.code;
        let message = &condition.message;
        let literal = match condition.kind {
            LiteralKind::Int => quote!(i128),
            LiteralKind::Str => quote!(&str),
            LiteralKind::Bool => quote!(bool),
        };
        let at = Span::call_site().located_at(equals.span());
        let test =
            quote_spanned!(at=> <_ as #v::WireLiteral<#literal>>::equals(&self.#when, #equals));
        checks.push(quote! {
            if #test {
                #r::required_by_rule(#value, path, report, #code, #message);
            }
        });
    }
    if let Some(min) = rules.min_len {
        let min = Literal::usize_unsuffixed(min);
        checks.push(quote_spanned!(span=> #r::min_len(#value, path, report, #min);));
    }
    if let Some(max) = rules.max_len {
        let max = Literal::usize_unsuffixed(max);
        checks.push(quote_spanned!(span=> #r::max_len(#value, path, report, #max);));
    }
    if rules.min.is_some() || rules.max.is_some() {
        let min = emit_bound(rules.min);
        let max = emit_bound(rules.max);
        checks.push(quote_spanned!(span=> #r::range(#value, path, report, #min, #max);));
    }
    if let Some(pattern) = &rules.pattern {
        checks.push(quote_spanned! {span=>
            static PATTERN: #v::Pattern = #v::Pattern::new(#pattern);
            #r::pattern(#value, path, report, &PATTERN);
        });
    }
    if let Some(format) = &rules.format {
        checks.push(
            quote_spanned!(span=> #r::format(#value, path, report, #v::TextFormat::#format);),
        );
    }
    let at = match &field.wire {
        Some(wire) => quote! {
            let field = #v::Path::Field(path, #wire);
            let path = &field;
        },
        None => quote!(),
    };
    let validate = quote_spanned!(span=> #v::Validate::validate_into(#value, path, report););
    quote! {
        {
            #at
            #(#checks)*
            #validate
        }
    }
}

fn emit_bound(bound: Option<Bound>) -> TokenStream {
    let Some(Bound {
        mantissa,
        negative,
        scale,
    }) = bound
    else {
        return quote!(::std::option::Option::None);
    };
    let [lo, mid, hi] =
        [0, 32, 64].map(|shift| Literal::u32_unsuffixed((mantissa >> shift) as u32));
    let scale = Literal::u32_unsuffixed(scale);
    quote!(::std::option::Option::Some(::codegen_runtime::Decimal::from_parts(#lo, #mid, #hi, #negative, #scale)))
}
