//! `#[derive(DataContract)]`: attributes into a model of the contract, the members put in DataContractSerializer's
//! order, then a writer and a reader that call `codegen_runtime::xml` once per member.

use codegen_wire::case::RenameRule;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitInt, LitStr, spanned::Spanned};

use crate::errors::Errors;
use crate::serde_names::serde_attribute;

/// The checked model of one contract.
struct Contract<'a> {
    ident: &'a Ident,
    name: String,
    namespace: String,
    /// In the order DataContractSerializer writes them.
    members: Vec<Member>,
    /// Fields marked `skip`, filled with `Default::default()` on read.
    skipped: Vec<Ident>,
}

/// One data member.
struct Member {
    field: Ident,
    name: String,
    namespace: String,
    /// How many levels up the hierarchy the declaring type is: 0 for the type itself.
    inherited: u32,
    /// `[DataMember(Order = n)]`; members without one come first.
    order: Option<u32>,
    span: Span,
}

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let contract = parse(input)?;
    Ok(emit(&contract))
}

fn parse(input: &DeriveInput) -> syn::Result<Contract<'_>> {
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => &fields.named,
            _ => {
                return Err(syn::Error::new(
                    input.ident.span(),
                    "DataContract needs named fields: each one is a data member written as an element of its name",
                ));
            }
        },
        _ => {
            return Err(syn::Error::new(
                input.ident.span(),
                "DataContract can only be derived for structs; an enum gets its XML text from `#[derive(WireEnum)]`",
            ));
        }
    };
    let mut errors = Errors::default();
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new(
            input.generics.span(),
            "DataContract cannot be derived for a generic type: its contract name must be fixed (write `ApiResultOfstring` as its own struct)",
        ));
    }
    let container = parse_container(input, &mut errors);
    let rename_all = serde_attribute(&input.attrs, "rename_all", &mut errors).and_then(|rule| {
        match RenameRule::from_name(&rule.value()) {
            Some(rule) => Some(rule),
            None => {
                errors.push(syn::Error::new(
                    rule.span(),
                    "DataContract does not know this `rename_all` rule",
                ));
                None
            }
        }
    });
    let mut members = Vec::new();
    let mut skipped = Vec::new();
    for field in fields {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        match parse_member(field, &ident, &container, rename_all, &mut errors) {
            Some(member) => members.push(member),
            None => skipped.push(ident),
        }
    }
    check_duplicates(&members, &mut errors);
    errors.finish()?;
    members.sort_by(data_member_order);
    Ok(Contract {
        ident: &input.ident,
        name: container.name.unwrap_or_else(|| input.ident.to_string()),
        namespace: container.namespace,
        members,
        skipped,
    })
}

/// `#[data_contract(name = "...", namespace = "...")]`: the name defaults to the type's, the namespace is required
/// (.NET derives it from a CLR namespace, which a Rust type does not have).
fn parse_container(input: &DeriveInput, errors: &mut Errors) -> Container {
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
            errors.push(error);
        }
    }
    if let Some(name) = &name
        && !is_xml_name(name)
    {
        errors.push(syn::Error::new(
            input.ident.span(),
            format!("`{name}` is not an XML element name"),
        ));
    }
    let namespace = namespace.unwrap_or_else(|| {
        errors.push(syn::Error::new(
            input.ident.span(),
            "missing `#[data_contract(namespace = \"...\")]`: the contract namespace, e.g. \"http://schemas.datacontract.org/2004/07/Your.Clr.Namespace\"",
        ));
        String::new()
    });
    Container {
        name,
        namespace,
        base_namespaces,
    }
}

/// What `#[data_contract(...)]` says.
struct Container {
    name: Option<String>,
    namespace: String,
    /// The contract namespaces of the base types, nearest first: `inherited = N` members live in the N-th.
    base_namespaces: Vec<String>,
}

/// `#[data_member(name = "...", namespace = "...", inherited = N, order = N)]` or `#[data_member(skip)]`;
/// `None` for a skipped field.
fn parse_member(
    field: &syn::Field,
    ident: &Ident,
    container: &Container,
    rename_all: Option<RenameRule>,
    errors: &mut Errors,
) -> Option<Member> {
    let mut name = None;
    let mut namespace = None;
    let mut inherited = 0;
    let mut order = None;
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
            } else if meta.path.is_ident("skip") {
                skip = true;
            } else {
                return Err(meta.error(
                    "expected `name = \"...\"`, `namespace = \"...\"`, `inherited = N`, `order = N` or `skip`",
                ));
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
    if skip {
        return None;
    }
    let name = name
        .or_else(|| serde_attribute(&field.attrs, "rename", errors).map(|name| name.value()))
        .unwrap_or_else(|| {
            let text = ident.to_string();
            let bare = text.strip_prefix("r#").unwrap_or(&text);
            rename_all.map_or_else(|| bare.to_owned(), |rule| rule.apply(bare))
        });
    if !is_xml_name(&name) {
        errors.push(syn::Error::new(
            field.span(),
            format!("`{name}` is not an XML element name; give one with `#[data_member(name = \"...\")]`"),
        ));
    }
    let namespace = match (namespace, inherited) {
        (Some(namespace), _) => namespace,
        (None, 0) => container.namespace.clone(),
        (None, level) => match container.base_namespaces.get(level as usize - 1) {
            Some(namespace) => namespace.clone(),
            None => {
                errors.push(syn::Error::new(
                    field.span(),
                    format!(
                        "`inherited = {level}` needs the namespace of that base: list it in `#[data_contract(base_namespaces = [...])]` or give `namespace = \"...\"`"
                    ),
                ));
                String::new()
            }
        },
    };
    Some(Member {
        field: ident.clone(),
        name,
        namespace,
        inherited,
        order,
        span: field.span(),
    })
}

fn check_duplicates(members: &[Member], errors: &mut Errors) {
    for (at, member) in members.iter().enumerate() {
        if members[..at]
            .iter()
            .any(|m| m.name == member.name && m.namespace == member.namespace)
        {
            errors.push(syn::Error::new(
                member.span,
                format!(
                    "two members are written as `{}` in namespace `{}`",
                    member.name, member.namespace
                ),
            ));
        }
    }
}

/// DataContractSerializer's order, from the one place that holds it.
fn data_member_order(a: &Member, b: &Member) -> std::cmp::Ordering {
    codegen_wire::contract::member_order(a.key(), b.key())
}

impl Member {
    fn key(&self) -> codegen_wire::contract::MemberKey<'_> {
        codegen_wire::contract::MemberKey {
            inherited: self.inherited,
            order: self.order,
            name: &self.name,
        }
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

fn emit(contract: &Contract<'_>) -> TokenStream {
    let ident = contract.ident;
    let name = &contract.name;
    let namespace = &contract.namespace;
    let xml = quote!(::codegen_runtime::xml);
    let writes = contract.members.iter().map(|member| {
        let field = &member.field;
        let name = &member.name;
        let namespace = &member.namespace;
        quote!(writer.member(#name, #namespace, &self.#field)?;)
    });
    let member_table = contract.members.iter().map(|member| {
        let name = &member.name;
        let namespace = &member.namespace;
        quote!(#xml::Member { name: #name, namespace: #namespace })
    });
    let count = contract.members.len();
    let slots: Vec<Ident> = (0..count)
        .map(|at| Ident::new(&format!("member_{at}"), Span::call_site()))
        .collect();
    let indexes = 0..count;
    let reads = slots
        .iter()
        .zip(0..count)
        .map(|(slot, at)| quote!(#at => reader.read_member(&mut #slot, &MEMBERS[#at], child)?,));
    let fields = contract.members.iter().map(|member| &member.field);
    let takes = slots
        .iter()
        .zip(indexes)
        .map(|(slot, at)| quote!(reader.take(#slot, &MEMBERS[#at])?));
    let skipped = &contract.skipped;
    let visit = if count == 0 {
        quote!(while reader.next_member(element, &MEMBERS)?.is_some() {})
    } else {
        quote! {
            while let ::std::option::Option::Some((index, child)) = reader.next_member(element, &MEMBERS)? {
                match index {
                    #(#reads)*
                    _ => {}
                }
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #xml::DataContract for #ident {
            const NAME: &'static str = #name;
            const NAMESPACE: &'static str = #namespace;
        }

        #[automatically_derived]
        impl #xml::XmlValue for #ident {
            fn contract_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#name)
            }

            fn contract_namespace() -> &'static str {
                #namespace
            }

            fn child_namespace() -> ::std::option::Option<&'static str> {
                ::std::option::Option::Some(#namespace)
            }

            fn write_xml(&self, writer: &mut #xml::XmlWriter) -> ::std::result::Result<(), #xml::XmlError> {
                #(#writes)*
                ::std::result::Result::Ok(())
            }

            fn read_xml(
                reader: &mut #xml::XmlReader<'_>,
                element: #xml::Element,
            ) -> ::std::result::Result<Self, #xml::XmlError> {
                const MEMBERS: [#xml::Member; #count] = [#(#member_table),*];
                #(let mut #slots = ::std::option::Option::None;)*
                #visit
                ::std::result::Result::Ok(Self {
                    #(#fields: #takes,)*
                    #(#skipped: ::std::default::Default::default(),)*
                })
            }
        }
    }
}
