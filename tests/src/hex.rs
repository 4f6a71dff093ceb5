//! BSON travels through the runner as hex text, since stdin and stdout are text for most tools that drive it.

use crate::{Rejection, rejection};

/// Lowercase hex, two digits per byte.
pub fn encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

/// Hex in either case; white space anywhere (a pasted dump wraps lines) is ignored.
pub fn decode(text: &str) -> Result<Vec<u8>, Rejection> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if digits.len() % 2 != 0 {
        return Err(rejection(
            "invalid_hex",
            format!(
                "BSON is read as hex text, and {} digits is an odd count",
                digits.len()
            ),
        ));
    }
    digits
        .chunks_exact(2)
        .map(|pair| {
            let value = |digit: u8| char::from(digit).to_digit(16);
            match (value(pair[0]), value(pair[1])) {
                (Some(high), Some(low)) => Ok((high * 16 + low) as u8),
                _ => Err(rejection(
                    "invalid_hex",
                    format!(
                        "BSON is read as hex text, and {:?} is not a hex byte",
                        String::from_utf8_lossy(pair)
                    ),
                )),
            }
        })
        .collect()
}
