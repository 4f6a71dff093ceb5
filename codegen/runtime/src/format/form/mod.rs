//! `application/x-www-form-urlencoded` request bodies, as ASP.NET Web API binds them (docs/wire-formats.md, Form
//! binding keys and Form values).
//!
//! Web API reads a form body with `JQueryMvcFormUrlEncodedFormatter`: it decodes the pairs, normalises jQuery
//! keys to MVC keys, and runs MVC model binding with the model name `""`, so a key is a property path
//! (`refundparm.ticketids[0]`) with no parameter-name prefix. [`to_string`] writes that shape and [`from_str`]
//! reads every key style the server accepts, each for any serde type. Responses are never form-encoded.

mod de;
mod keys;
mod scalar;
mod ser;
#[cfg(test)]
mod tests;

pub(crate) use de::from_pairs;
pub use de::from_str;
pub(crate) use ser::to_pairs;
pub use ser::{FormError, to_string};
