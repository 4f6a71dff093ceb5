//! The generator's layers, lowest first.

use super::check::Layers;

pub const LAYERS: Layers<'static> = &[];
