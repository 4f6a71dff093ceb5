//! SM4 encryption of the fields a provider marks "SM4加密" (docs/wire-formats.md, SM4 field encryption).
//!
//! Alitrip's 商旅 supplier APIs send passenger fields (name, mobile, certificate number, ...) as SM4 ciphertext
//! inside the JSON parameter, so the ciphertext text is what gets signed. The document names the cipher but not
//! the mode, the key format or the text encoding of the ciphertext, and no public source gives them. Every one
//! of those is therefore a setting of [`Sm4Config`]; only PKCS#7 padding is fixed, because it is what
//! `SM4/ECB/PKCS5Padding`-style Java stacks use for 16-byte blocks.
//!
//! ```
//! use codegen_runtime::sm4::{Key, Mode, Sm4Config, TextEncoding};
//!
//! let key = Key::from_ascii("1234567890abcdef").expect("16 ASCII characters");
//! let cfg = Sm4Config { mode: Mode::Ecb, key, encoding: TextEncoding::HexLower };
//! let wire = cfg.encrypt("432524100011191212");
//! assert_eq!(wire, "77940d96f64cc57db1fb6abe693c0a2383ab714e7acee6795bb0893af9850427");
//! assert_eq!(cfg.decrypt(&wire).as_deref(), Ok("432524100011191212"));
//! ```

mod fields;
#[cfg(test)]
mod tests;

pub use fields::Sm4Fields;

use base64::Engine as _;
use cipher::block_padding::Pkcs7;
use cipher::{BlockDecryptMut, BlockEncryptMut, KeyInit, KeyIvInit};

/// SM4's block and key size in bytes.
const BLOCK: usize = 16;

/// A 128-bit SM4 key.
///
/// Its `Debug` shows no key bytes and no error of this module quotes them, so a config can be logged.
#[derive(Clone)]
pub struct Key([u8; BLOCK]);

impl Key {
    /// A key from its 16 raw bytes, for keys that arrive in neither text form.
    pub fn from_bytes(bytes: [u8; BLOCK]) -> Key {
        Key(bytes)
    }

    /// A key given as 16 ASCII characters, whose bytes are the key (the usual form in Java code:
    /// `key.getBytes()`).
    pub fn from_ascii(text: &str) -> Result<Key, KeyError> {
        if let Some(at) = text.chars().position(|c| !c.is_ascii()) {
            return Err(KeyError::NotAscii { at });
        }
        let bytes = text
            .as_bytes()
            .try_into()
            .map_err(|_| KeyError::WrongLength {
                expected: "16 ASCII characters",
                found: text.len(),
            })?;
        Ok(Key(bytes))
    }

    /// A key given as 32 hex digits, in either case.
    pub fn from_hex(text: &str) -> Result<Key, KeyError> {
        let nibbles = hex_nibbles(text).map_err(|at| KeyError::NotHexDigit { at })?;
        if nibbles.len() != 2 * BLOCK {
            return Err(KeyError::WrongLength {
                expected: "32 hex digits",
                found: nibbles.len(),
            });
        }
        let mut bytes = [0; BLOCK];
        bytes.copy_from_slice(&pack_nibbles(&nibbles));
        Ok(Key(bytes))
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

/// A key's text did not have the form its constructor reads. Says where, never what the key was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// The text has the wrong number of characters.
    WrongLength {
        /// What a key of this form has, e.g. `32 hex digits`.
        expected: &'static str,
        /// How many characters the text had.
        found: usize,
    },
    /// The character at this position (counted in characters from 0) of an ASCII key is not ASCII.
    NotAscii {
        /// The position of the first offending character.
        at: usize,
    },
    /// The character at this position (counted in characters from 0) of a hex key is not a hex digit.
    NotHexDigit {
        /// The position of the first offending character.
        at: usize,
    },
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyError::WrongLength { expected, found } => {
                write!(f, "an SM4 key needs {expected}, found {found} characters")
            }
            KeyError::NotAscii { at } => {
                write!(
                    f,
                    "an SM4 key given as ASCII has a non-ASCII character at position {at}"
                )
            }
            KeyError::NotHexDigit { at } => {
                write!(
                    f,
                    "an SM4 key given as hex has a character that is not a hex digit at position {at}"
                )
            }
        }
    }
}

impl std::error::Error for KeyError {}

/// The block cipher mode. The provider has not said which one it uses.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Each block on its own, no IV.
    Ecb,
    /// Cipher block chaining with a fixed IV agreed with the provider.
    Cbc {
        /// The initialisation vector. Shared configuration like the key, so `Debug` hides it too.
        iv: [u8; BLOCK],
    },
}

impl std::fmt::Debug for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mode::Ecb => f.write_str("Ecb"),
            Mode::Cbc { .. } => f.write_str("Cbc { iv: <redacted> }"),
        }
    }
}

/// How the ciphertext bytes are written as text on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// Lowercase hex. Decryption accepts either case.
    HexLower,
    /// Uppercase hex. Decryption accepts either case.
    HexUpper,
    /// Standard Base64 with `=` padding (`java.util.Base64.getEncoder()`).
    Base64,
}

impl TextEncoding {
    fn encode(self, bytes: &[u8]) -> String {
        match self {
            TextEncoding::HexLower => hex_encode(bytes, b"0123456789abcdef"),
            TextEncoding::HexUpper => hex_encode(bytes, b"0123456789ABCDEF"),
            TextEncoding::Base64 => base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }

    fn decode(self, text: &str) -> Result<Vec<u8>, Sm4Error> {
        let bad = |reason: String| Sm4Error::BadText {
            encoding: self,
            reason,
        };
        match self {
            TextEncoding::HexLower | TextEncoding::HexUpper => hex_decode(text).map_err(bad),
            TextEncoding::Base64 => base64::engine::general_purpose::STANDARD
                .decode(text)
                .map_err(|e| bad(e.to_string())),
        }
    }

    fn name(self) -> &'static str {
        match self {
            TextEncoding::HexLower | TextEncoding::HexUpper => "hex",
            TextEncoding::Base64 => "Base64",
        }
    }
}

/// How to encrypt and decrypt SM4 fields: mode, key and text encoding, always with PKCS#7 padding.
#[derive(Clone, Debug)]
pub struct Sm4Config {
    /// The block cipher mode.
    pub mode: Mode,
    /// The key, shared with the provider.
    pub key: Key,
    /// How ciphertext is written as text.
    pub encoding: TextEncoding,
}

impl Sm4Config {
    /// ECB, PKCS#7 and lowercase hex with this key.
    ///
    /// **Unconfirmed by the provider.** This is only the most common choice of Chinese Java stacks
    /// (`SM4/ECB/PKCS5Padding`, hex output); Alitrip has not documented its mode or encoding (docs/wire-formats.md, SM4
    /// mode, key and encoding). Confirm both with Alitrip before relying on it, and set the fields of [`Sm4Config`] to
    /// what they say.
    pub fn default_for(key: Key) -> Sm4Config {
        Sm4Config {
            mode: Mode::Ecb,
            key,
            encoding: TextEncoding::HexLower,
        }
    }

    /// The wire text of `plaintext`'s UTF-8 bytes, padded and encrypted. Empty plaintext gives one full block.
    pub fn encrypt(&self, plaintext: &str) -> String {
        let key = (&self.key.0).into();
        let bytes = plaintext.as_bytes();
        let ciphertext = match self.mode {
            Mode::Ecb => {
                ecb::Encryptor::<sm4::Sm4>::new(key).encrypt_padded_vec_mut::<Pkcs7>(bytes)
            }
            Mode::Cbc { iv } => cbc::Encryptor::<sm4::Sm4>::new(key, &iv.into())
                .encrypt_padded_vec_mut::<Pkcs7>(bytes),
        };
        self.encoding.encode(&ciphertext)
    }

    /// The plaintext of a wire text.
    ///
    /// A key, mode or encoding other than the encrypting side's fails the PKCS#7 padding check or leaves bytes
    /// that are not UTF-8, and either gives [`Sm4Error::WrongKeyOrMode`] rather than garbage text. The check is
    /// probabilistic: a wrong key passes the padding check about once in 256 tries, and must then also decrypt
    /// to valid UTF-8. A wrong CBC IV with the right key is the exception: it spoils only the first block, so
    /// unless that block holds the padding the result is a wrong text whenever the spoilt bytes are still UTF-8.
    /// SM4 without a MAC cannot detect that.
    pub fn decrypt(&self, ciphertext: &str) -> Result<String, Sm4Error> {
        if ciphertext.is_empty() {
            return Err(Sm4Error::Empty);
        }
        let bytes = self.encoding.decode(ciphertext)?;
        if bytes.is_empty() || bytes.len() % BLOCK != 0 {
            return Err(Sm4Error::NotWholeBlocks { len: bytes.len() });
        }
        let key = (&self.key.0).into();
        let plaintext = match self.mode {
            Mode::Ecb => {
                ecb::Decryptor::<sm4::Sm4>::new(key).decrypt_padded_vec_mut::<Pkcs7>(&bytes)
            }
            Mode::Cbc { iv } => cbc::Decryptor::<sm4::Sm4>::new(key, &iv.into())
                .decrypt_padded_vec_mut::<Pkcs7>(&bytes),
        }
        .map_err(|_| Sm4Error::WrongKeyOrMode {
            failed: Check::Padding,
        })?;
        String::from_utf8(plaintext).map_err(|_| Sm4Error::WrongKeyOrMode {
            failed: Check::Utf8,
        })
    }
}

/// Which check showed that a decryption used the wrong key, mode or encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The last block did not end in valid PKCS#7 padding.
    Padding,
    /// The padding was valid but the plaintext bytes are not UTF-8 (a plaintext in another charset, such as
    /// GBK, also ends here).
    Utf8,
}

/// Why a ciphertext could not be decrypted. No variant carries key material.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sm4Error {
    /// The ciphertext text is empty; SM4 ciphertext is at least one block.
    Empty,
    /// The text is not valid in the configured encoding.
    BadText {
        /// The configured encoding.
        encoding: TextEncoding,
        /// What is wrong with the text.
        reason: String,
    },
    /// The text decodes to a byte count that is not a whole number of 16-byte blocks.
    NotWholeBlocks {
        /// The decoded byte count.
        len: usize,
    },
    /// Decryption gave no valid plaintext: the key, mode or encoding differs from the encrypting side's.
    WrongKeyOrMode {
        /// The check that failed.
        failed: Check,
    },
    /// Decrypting a field of a larger value failed; see [`Sm4Fields`].
    InField {
        /// The field's path from the value decrypted, e.g. `passenger_info[1].passenger_name`.
        path: String,
        /// The error of that field.
        source: Box<Sm4Error>,
    },
}

impl Sm4Error {
    /// This error, as raised in the field or element `name` of a larger value. Generated code calls it for
    /// each field so that the error names the field's whole path; `name` starting with `[` is an index.
    pub fn in_field(self, name: &str) -> Sm4Error {
        match self {
            Sm4Error::InField { path, source } => {
                let dot = if path.starts_with('[') { "" } else { "." };
                Sm4Error::InField {
                    path: format!("{name}{dot}{path}"),
                    source,
                }
            }
            other => Sm4Error::InField {
                path: name.to_owned(),
                source: Box::new(other),
            },
        }
    }
}

impl std::fmt::Display for Sm4Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MISMATCH: &str =
            "the key, mode or text encoding does not match the ones the text was encrypted with";
        match self {
            Sm4Error::Empty => {
                f.write_str("the SM4 ciphertext is empty; it must be at least one 16-byte block")
            }
            Sm4Error::BadText { encoding, reason } => {
                write!(
                    f,
                    "the SM4 ciphertext is not valid {}: {reason}",
                    encoding.name()
                )
            }
            Sm4Error::NotWholeBlocks { len } => write!(
                f,
                "the SM4 ciphertext decodes to {len} bytes, not a whole number of 16-byte blocks \
                 (is the text encoding right?)"
            ),
            Sm4Error::WrongKeyOrMode {
                failed: Check::Padding,
            } => {
                write!(
                    f,
                    "SM4 decryption failed the PKCS#7 padding check: {MISMATCH}"
                )
            }
            Sm4Error::WrongKeyOrMode {
                failed: Check::Utf8,
            } => {
                write!(
                    f,
                    "SM4 decryption gave bytes that are not UTF-8 text: {MISMATCH}"
                )
            }
            Sm4Error::InField { path, source } => write!(f, "{path}: {source}"),
        }
    }
}

impl std::error::Error for Sm4Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Sm4Error::InField { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

fn hex_encode(bytes: &[u8], digits: &[u8; 16]) -> String {
    bytes
        .iter()
        .flat_map(|b| [digits[usize::from(b >> 4)], digits[usize::from(b & 0xf)]])
        .map(char::from)
        .collect()
}

/// Hex of either case, as bytes; the error says what is wrong with the text.
fn hex_decode(text: &str) -> Result<Vec<u8>, String> {
    let nibbles = hex_nibbles(text)
        .map_err(|at| format!("the character at position {at} is not a hex digit"))?;
    if nibbles.len() % 2 != 0 {
        return Err(format!("an odd number of hex digits ({})", nibbles.len()));
    }
    Ok(pack_nibbles(&nibbles))
}

/// The value of each hex digit (either case) of `text`, or the position in characters of the first non-digit.
fn hex_nibbles(text: &str) -> Result<Vec<u8>, usize> {
    text.chars()
        .enumerate()
        .map(|(at, c)| c.to_digit(16).and_then(|d| u8::try_from(d).ok()).ok_or(at))
        .collect()
}

/// Pairs of nibbles as bytes, high nibble first; an odd last nibble is dropped (callers check the length).
fn pack_nibbles(nibbles: &[u8]) -> Vec<u8> {
    nibbles
        .chunks_exact(2)
        .map(|pair| (pair[0] << 4) | pair[1])
        .collect()
}
