//! Generates the provider models from the repository's schemas into `OUT_DIR`, writing only when they change; cargo
//! runs it again when a schema changes or one is added.

fn main() -> Result<(), codegen::Error> {
    codegen::Config::new().schemas("../schemas").generate()?;
    Ok(())
}
