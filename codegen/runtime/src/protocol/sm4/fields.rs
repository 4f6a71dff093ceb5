//! Encrypting and decrypting every SM4 field of a value in place.

use super::{Sm4Config, Sm4Error};

/// A value holding fields that travel SM4-encrypted (`encryption: sm4` in a schema).
///
/// The application builds a request with plaintext, calls [`encrypt_fields`](Sm4Fields::encrypt_fields) just
/// before serialising it (the ciphertext is what gets signed; `client::Top` does both), and the side that reads
/// the message calls [`decrypt_fields`](Sm4Fields::decrypt_fields) on the parsed value. Generated types derive it
/// (`#[derive(codegen_derive::Sm4Fields)]`), which calls it on each SM4 field and on each field whose type holds
/// SM4 fields, naming the field in errors, as this hand-written impl does:
///
/// ```
/// use codegen_runtime::sm4::{Sm4Config, Sm4Error, Sm4Fields};
///
/// struct PassengerInfo {
///     passenger_name: String,
///     country_code: Option<String>,
/// }
///
/// impl Sm4Fields for PassengerInfo {
///     fn encrypt_fields(&mut self, cfg: &Sm4Config) {
///         self.passenger_name.encrypt_fields(cfg);
///         self.country_code.encrypt_fields(cfg);
///     }
///
///     fn decrypt_fields(&mut self, cfg: &Sm4Config) -> Result<(), Sm4Error> {
///         self.passenger_name.decrypt_fields(cfg).map_err(|e| e.in_field("passenger_name"))?;
///         self.country_code.decrypt_fields(cfg).map_err(|e| e.in_field("country_code"))?;
///         Ok(())
///     }
/// }
/// ```
///
/// An empty string stays empty both ways: a provider that leaves an optional field blank sends `""`, which is
/// no ciphertext. This choice is not confirmed by the provider; [`Sm4Config::encrypt`] itself does encrypt `""`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` holds no SM4 fields",
    label = "`#[sm4]` marks SM4 text (`String`, `Option<String>`) or a value whose type derives `Sm4Fields`"
)]
pub trait Sm4Fields {
    /// Replaces each SM4 field's plaintext by its ciphertext text.
    fn encrypt_fields(&mut self, cfg: &Sm4Config);

    /// Replaces each SM4 field's ciphertext text by its plaintext. Stops at the first field that fails, whose
    /// path the error names; the fields before it are then already decrypted, so discard the value.
    fn decrypt_fields(&mut self, cfg: &Sm4Config) -> Result<(), Sm4Error>;
}

impl Sm4Fields for String {
    fn encrypt_fields(&mut self, cfg: &Sm4Config) {
        if !self.is_empty() {
            *self = cfg.encrypt(self);
        }
    }

    fn decrypt_fields(&mut self, cfg: &Sm4Config) -> Result<(), Sm4Error> {
        if !self.is_empty() {
            *self = cfg.decrypt(self)?;
        }
        Ok(())
    }
}

impl<T: Sm4Fields> Sm4Fields for Option<T> {
    fn encrypt_fields(&mut self, cfg: &Sm4Config) {
        if let Some(value) = self {
            value.encrypt_fields(cfg);
        }
    }

    fn decrypt_fields(&mut self, cfg: &Sm4Config) -> Result<(), Sm4Error> {
        match self {
            Some(value) => value.decrypt_fields(cfg),
            None => Ok(()),
        }
    }
}

impl<T: Sm4Fields> Sm4Fields for Vec<T> {
    fn encrypt_fields(&mut self, cfg: &Sm4Config) {
        for value in self {
            value.encrypt_fields(cfg);
        }
    }

    fn decrypt_fields(&mut self, cfg: &Sm4Config) -> Result<(), Sm4Error> {
        for (index, value) in self.iter_mut().enumerate() {
            value
                .decrypt_fields(cfg)
                .map_err(|e| e.in_field(&format!("[{index}]")))?;
        }
        Ok(())
    }
}

impl<T: Sm4Fields + ?Sized> Sm4Fields for Box<T> {
    fn encrypt_fields(&mut self, cfg: &Sm4Config) {
        (**self).encrypt_fields(cfg);
    }

    fn decrypt_fields(&mut self, cfg: &Sm4Config) -> Result<(), Sm4Error> {
        (**self).decrypt_fields(cfg)
    }
}
