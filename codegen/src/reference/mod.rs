//! The Markdown reference of each provider (`docs/<provider>.md`) and its index (`docs/README.md`), rendered from
//! the checked model with the templates in `codegen/templates/`. They are part of the generated file set, so
//! `codegen check` finds them stale like any generated module.

mod markdown;
mod view;

use std::path::PathBuf;
use std::sync::OnceLock;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value, context};

use crate::emit::Files;
use crate::error::EmitError;
use crate::model::Provider;

/// The folder of the reference, relative to the output crate.
pub const FOLDER: &str = "docs";

const TEMPLATES: [(&str, &str); 2] = [
    (
        "provider.md.j2",
        include_str!("../../templates/provider.md.j2"),
    ),
    ("index.md.j2", include_str!("../../templates/index.md.j2")),
];

/// The templates are compiled into the binary and parsed once per process.
fn environment() -> Result<&'static Environment<'static>, String> {
    static ENVIRONMENT: OnceLock<Result<Environment<'static>, String>> = OnceLock::new();
    ENVIRONMENT
        .get_or_init(|| {
            let mut env = Environment::new();
            let syntax = SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()
                .map_err(|error| error.to_string())?;
            env.set_syntax(syntax);
            env.set_undefined_behavior(UndefinedBehavior::Strict);
            env.add_filter("cell", |text: &str| markdown::cell(text));
            env.add_filter("code", |text: &str| markdown::code(text));
            env.add_filter("cell_code", |text: &str| markdown::cell_code(text));
            env.add_filter("fence", |text: &str, language: &str| {
                markdown::fence(text, language)
            });
            env.add_filter("quote", |text: &str| markdown::quote(text));
            for (name, source) in TEMPLATES {
                env.add_template(name, source)
                    .map_err(|error| format!("{error:#}"))?;
            }
            Ok(env)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The reference pages of `providers` and their index, by path relative to the output crate.
pub fn render(providers: &[Provider]) -> Result<Files, EmitError> {
    let mut providers: Vec<&Provider> = providers.iter().collect();
    providers.sort_by(|a, b| a.id.cmp(&b.id));
    let mut files = Files::new();
    for provider in &providers {
        let path = PathBuf::from(format!("{FOLDER}/{}.md", provider.id));
        let text = page(provider).map_err(|message| EmitError {
            file: path.clone(),
            message,
        })?;
        files.insert(path, text);
    }
    let path = PathBuf::from(format!("{FOLDER}/README.md"));
    let rows: Vec<view::IndexRow> = providers.iter().map(|p| view::index_row(p)).collect();
    let text = render_template(
        "index.md.j2",
        context! { providers => Value::from(Serde(&rows)) },
    )
    .map_err(|message| EmitError {
        file: path.clone(),
        message,
    })?;
    files.insert(path, text);
    Ok(files)
}

/// One provider's reference page.
pub fn page(provider: &Provider) -> Result<String, String> {
    render_template(
        "provider.md.j2",
        context! { provider => Value::from(Serde(view::provider(provider))) },
    )
}

fn render_template(name: &str, context: Value) -> Result<String, String> {
    let env = environment()?;
    env.get_template(name)
        .and_then(|template| template.render(context))
        .map_err(|error| format!("{error:#}"))
}
