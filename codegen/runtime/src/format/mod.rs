//! The four wire formats a generated type travels in, each as the provider's server writes and reads it: JSON
//! (Json.NET's or the TOP SDK's), DataContract XML, ASP.NET's form binding and Json.NET's BSON. Their scalars'
//! text comes from [`crate::scalar`].

pub mod bson;
pub mod form;
pub mod json;
pub mod xml;
