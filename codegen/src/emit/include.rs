//! The include layout, for `build.rs` users: the same modules and registry as the crate layout, in one file that
//! `include!(concat!(env!("OUT_DIR"), "/refund_apis.rs"))` pastes into the user's crate.
//!
//! Included text can hold no inner attributes (`#![...]`, `//!`), so each provider module's inner docs become outer
//! docs on an inline `pub mod`, and the crate root's go. The sample tests stay out: they name the crate root.

use std::path::Path;

use proc_macro2::TokenStream;
use quote::format_ident;
use rayon::prelude::*;

use super::{GENERATED_MARKER, crate_root, module, unparse};
use crate::error::EmitError;
use crate::model::Provider;

/// The include file for `providers`; `source` names the schemas in its header.
pub fn render_include(
    providers: &[Provider],
    file: &Path,
    source: &str,
) -> Result<String, EmitError> {
    let mut providers: Vec<&Provider> = providers.iter().collect();
    providers.sort_by(|a, b| a.id.cmp(&b.id));
    let parse = |tokens: TokenStream| {
        syn::parse2::<syn::File>(tokens).map_err(|error| EmitError {
            file: file.to_path_buf(),
            message: error.to_string(),
        })
    };
    // Items are not `Send`, so each module is formatted to text on its own thread.
    let mut modules: Vec<(String, String)> = providers
        .par_iter()
        .map(|provider| {
            let module = parse(module(provider))?;
            let docs = module.attrs.into_iter().map(|mut attr| {
                attr.style = syn::AttrStyle::Outer;
                attr
            });
            let inline = syn::Item::Mod(syn::ItemMod {
                attrs: docs.collect(),
                vis: syn::Visibility::Public(Default::default()),
                unsafety: None,
                mod_token: Default::default(),
                ident: format_ident!("{}", provider.id),
                content: Some((Default::default(), module.items)),
                semi: None,
            });
            Ok((provider.id.clone(), unparse(Vec::new(), vec![inline])))
        })
        .collect::<Result<_, EmitError>>()?;
    let mut text = format!(
        "{GENERATED_MARKER} from {source}, for `include!`. Do not edit by hand: it is written again when a schema changes.\n"
    );
    for item in parse(crate_root(&providers))?.items {
        let item = match item {
            // `pub mod ctt;` becomes the module itself; `mod examples;` (the sample tests) is left out.
            syn::Item::Mod(declared) if declared.content.is_none() => {
                match modules.iter().position(|(id, _)| declared.ident == id) {
                    Some(index) => modules.remove(index).1,
                    None => continue,
                }
            }
            other => unparse(Vec::new(), vec![other]),
        };
        text.push('\n');
        text.push_str(&item);
    }
    Ok(text)
}
