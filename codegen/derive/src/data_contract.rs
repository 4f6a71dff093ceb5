//! `#[derive(DataContract)]`: the members put in DataContractSerializer's order, then a writer and a reader that
//! call `codegen_runtime::xml` once per member.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{DeriveInput, Ident, Type};

use crate::internals::Derive;
use crate::internals::ast::Container;
use crate::internals::attr::Member;

/// The contract as it is written.
struct Contract<'a> {
    ident: &'a Ident,
    name: String,
    namespace: &'a str,
    /// In the order DataContractSerializer writes them, with the field's type.
    members: Vec<(&'a Ident, &'a Type, &'a Member)>,
    /// Fields marked `skip`, filled with `Default::default()` on read.
    skipped: Vec<&'a Ident>,
}

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let container = Container::from_ast(input, Derive::DataContract)?;
    Ok(emit(&contract(&container)))
}

fn contract<'a>(container: &'a Container<'a>) -> Contract<'a> {
    let fields = container.fields();
    let mut members: Vec<(&Ident, &Type, &Member)> = fields
        .iter()
        .filter_map(|field| Some((&field.ident, field.ty, field.attrs.member.as_ref()?)))
        .collect();
    members.sort_by(|(_, _, a), (_, _, b)| codegen_wire::contract::member_order(key(a), key(b)));
    let contract = &container.attrs.contract;
    Contract {
        ident: container.ident,
        name: contract
            .name
            .clone()
            .unwrap_or_else(|| container.ident.to_string()),
        namespace: &contract.namespace,
        members,
        skipped: fields
            .iter()
            .filter(|field| field.attrs.member.is_none())
            .map(|field| &field.ident)
            .collect(),
    }
}

/// What DataContractSerializer orders a member by.
fn key(member: &Member) -> codegen_wire::contract::MemberKey<'_> {
    codegen_wire::contract::MemberKey {
        inherited: member.inherited,
        order: member.order,
        name: &member.name,
    }
}

fn emit(contract: &Contract<'_>) -> TokenStream {
    let ident = contract.ident;
    let name = &contract.name;
    let namespace = &contract.namespace;
    let xml = quote!(::codegen_runtime::xml);
    let writes = contract.members.iter().map(|(field, ty, member)| {
        let name = &member.name;
        let namespace = &member.namespace;
        match member.delimiter {
            Some(delimiter) => quote! {
                writer.member(
                    #name,
                    #namespace,
                    &<#ty as #xml::DelimitedMember<#delimiter>>::join(
                        &self.#field,
                        &#xml::Member { name: #name, namespace: #namespace },
                    )?,
                )?;
            },
            None => quote!(writer.member(#name, #namespace, &self.#field)?;),
        }
    });
    let member_table = contract.members.iter().map(|(_, _, member)| {
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
    let fields = contract.members.iter().map(|(field, _, _)| field);
    // A delimited member's slot holds its text, split once the element is read.
    let declarations = slots.iter().zip(&contract.members).map(|(slot, (_, ty, member))| {
        match member.delimiter {
            Some(delimiter) => quote! {
                let mut #slot: ::std::option::Option<<#ty as #xml::DelimitedMember<#delimiter>>::Text> =
                    ::std::option::Option::None;
            },
            None => quote!(let mut #slot = ::std::option::Option::None;),
        }
    });
    let takes =
        slots
            .iter()
            .zip(indexes)
            .zip(&contract.members)
            .map(|((slot, at), (_, ty, member))| match member.delimiter {
                Some(delimiter) => quote! {
                    <#ty as #xml::DelimitedMember<#delimiter>>::split(
                        reader.take(#slot, &MEMBERS[#at])?,
                        &MEMBERS[#at],
                    )?
                },
                None => quote!(reader.take(#slot, &MEMBERS[#at])?),
            });
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
                #(#declarations)*
                #visit
                ::std::result::Result::Ok(Self {
                    #(#fields: #takes,)*
                    #(#skipped: ::std::default::Default::default(),)*
                })
            }
        }
    }
}
