//! The request signature (docs/wire-formats.md, TOP signature), as the official Java SDK's
//! `TaobaoUtils.signTopRequest` computes it.

use std::fmt::Write as _;

use codegen_wire::{ordinal, top};
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;

/// How a request is signed: the `sign_method` system parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignMethod {
    /// `md5`: MD5 of `secret + S + secret`.
    Md5,
    /// `hmac`: HMAC-MD5 of `S` keyed with the secret, without the secret around `S`.
    Hmac,
    /// `hmac-sha256`: HMAC-SHA256 of `S` keyed with the secret.
    HmacSha256,
}

impl SignMethod {
    /// Every method, in the order the TOP documentation lists them.
    pub const ALL: [SignMethod; 3] = [SignMethod::Md5, SignMethod::Hmac, SignMethod::HmacSha256];

    /// The value of the `sign_method` parameter.
    pub const fn name(self) -> &'static str {
        match self {
            SignMethod::Md5 => "md5",
            SignMethod::Hmac => "hmac",
            SignMethod::HmacSha256 => "hmac-sha256",
        }
    }

    /// The method whose wire name is `name`, if there is one.
    pub fn from_name(name: &str) -> Option<SignMethod> {
        SignMethod::ALL
            .into_iter()
            .find(|method| method.name() == name)
    }
}

/// The `sign` of a request whose text parameters are `params`, in uppercase hex.
///
/// `params` are all the parameters sent, system and application alike, with their raw (not percent-encoded)
/// values; an object parameter's value is the exact JSON sent. As the Java SDK does, `sign` itself is left out,
/// so are parameters whose name or value is empty or Java whitespace only (the SDK never sends those), and the
/// rest are sorted by name in Java's `String` order and concatenated as `name value name value...` with no
/// separator.
pub fn sign<'a>(
    secret: &str,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    method: SignMethod,
) -> String {
    let mut signed: Vec<(&str, &str)> = params
        .into_iter()
        .filter(|&(name, value)| name != top::SIGN && !is_blank(name) && !is_blank(value))
        .collect();
    // `Arrays.sort(String[])` compares UTF-16 code units; that is byte order for the ASCII names TOP uses.
    signed.sort_by(|(a, _), (b, _)| ordinal::cmp(a, b));
    let text: String = signed
        .into_iter()
        .flat_map(|(name, value)| [name, value])
        .collect();
    let digest = match method {
        SignMethod::Md5 => {
            let mut md5 = Md5::new();
            for part in [secret, &text, secret] {
                md5.update(part.as_bytes());
            }
            md5.finalize().to_vec()
        }
        SignMethod::Hmac => mac::<Hmac<Md5>>(secret, &text),
        SignMethod::HmacSha256 => mac::<Hmac<Sha256>>(secret, &text),
    };
    digest
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02X}");
            hex
        })
}

fn mac<M: Mac + hmac::digest::KeyInit>(secret: &str, text: &str) -> Vec<u8> {
    let mut mac = <M as hmac::digest::KeyInit>::new_from_slice(secret.as_bytes())
        .expect("HMAC accepts a key of any length");
    mac.update(text.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// Java's `StringUtils.isEmpty`: empty, or nothing but characters `Character.isWhitespace` accepts.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(is_java_whitespace)
}

/// `Character.isWhitespace`: the Unicode space, line and paragraph separators except the no-break spaces
/// (U+00A0, U+2007, U+202F), plus U+0009–U+000D and U+001C–U+001F. Unlike Rust's `char::is_whitespace`, U+0085
/// and the no-break spaces are not white space, and U+001C–U+001F are.
fn is_java_whitespace(ch: char) -> bool {
    matches!(
        ch,
        '\t'..='\r'
            | '\u{1c}'..='\u{1f}'
            | ' '
            | '\u{1680}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of the TOP document "API调用方法详解" (docId=101617).
    #[test]
    fn the_official_md5_example() {
        let params = [
            ("method", "taobao.item.seller.get"),
            ("app_key", "12345678"),
            ("session", "test"),
            ("timestamp", "2016-01-01 12:00:00"),
            ("format", "json"),
            ("v", "2.0"),
            ("sign_method", "md5"),
            ("fields", "num_iid,title,nick,price,num"),
            ("num_iid", "11223344"),
        ];
        assert_eq!(
            sign("helloworld", params, SignMethod::Md5),
            "66987CB115214E59E6EC978214934FB8"
        );
    }

    /// The second public example (segmentfault.com/q/1010000002569107).
    #[test]
    fn the_second_public_md5_example() {
        let params = [
            ("method", "taobao.user.seller.get"),
            ("timestamp", "2013-05-06 13:52:03"),
            ("format", "xml"),
            ("app_key", "test"),
            ("v", "2.0"),
            ("fields", "nick"),
            ("sign_method", "md5"),
            ("session", "test"),
        ];
        assert_eq!(
            sign("test", params, SignMethod::Md5),
            "72CB4D809B375A54502C09360D879C64"
        );
    }

    /// Expected values computed over the UTF-8 bytes of
    /// `app_key12345678passenger_name张三 李四\u{3000}/é😀` with the key `密钥secret`, by Python's
    /// `hmac.new(key, msg, hashlib.md5 / hashlib.sha256)` and `hashlib.md5(key + msg + key)`; the two HMACs agree
    /// with `openssl dgst -md5 -hmac` and `openssl dgst -sha256 -hmac`.
    #[test]
    fn every_method_over_non_ascii_text() {
        let params = [
            ("passenger_name", "张三 李四\u{3000}/é😀"),
            ("app_key", "12345678"),
        ];
        let expected = [
            (SignMethod::Md5, "A7055284AE3A801924683CB10BC8E4A4"),
            (SignMethod::Hmac, "013924D68093A4B85F4A6DC41B8665AD"),
            (
                SignMethod::HmacSha256,
                "A7CE32DFD75FAAF761D937EC8C36BF04B52F0C9A345A356687753B5D09E6847A",
            ),
        ];
        for (method, signature) in expected {
            assert_eq!(sign("密钥secret", params, method), signature, "{method:?}");
        }
    }

    #[test]
    fn sign_empty_and_blank_parameters_are_not_signed() {
        let base = [("app_key", "test"), ("v", "2.0")];
        let expected = sign("s", base, SignMethod::Md5);
        let noisy = [
            ("app_key", "test"),
            ("sign", "0123456789ABCDEF0123456789ABCDEF"),
            ("session", ""),
            ("fields", " \t\r\n"),
            ("partner_id", "\u{3000}\u{2028}\u{1f}"),
            ("", "orphan"),
            ("v", "2.0"),
        ];
        assert_eq!(sign("s", noisy, SignMethod::Md5), expected);
        // The no-break spaces and U+0085 are not Java white space, so they are signed.
        for kept in ["\u{a0}", "\u{2007}", "\u{202f}", "\u{85}"] {
            let with = [("app_key", "test"), ("fields", kept), ("v", "2.0")];
            assert_ne!(sign("s", with, SignMethod::Md5), expected, "{kept:?}");
        }
    }

    #[test]
    fn names_sort_by_byte_not_by_insertion() {
        let forward = [("a_b", "1"), ("ab", "2"), ("a", "3"), ("B", "4")];
        let mut backward = forward;
        backward.reverse();
        for method in SignMethod::ALL {
            assert_eq!(sign("k", forward, method), sign("k", backward, method));
        }
        // `a` `a_b` `ab` `B` would give a different string: `_` (0x5F) sorts after `B` (0x42) and before `b`.
        let md5_of = |text: &str| {
            let digest = Md5::digest(format!("k{text}k").as_bytes());
            digest
                .iter()
                .map(|b| format!("{b:02X}"))
                .collect::<String>()
        };
        assert_eq!(sign("k", forward, SignMethod::Md5), md5_of("B4a3a_b1ab2"));
    }

    #[test]
    fn names_round_trip_and_output_is_uppercase_hex() {
        for method in SignMethod::ALL {
            assert_eq!(SignMethod::from_name(method.name()), Some(method));
            let signature = sign("k", [("a", "b")], method);
            let length = if method == SignMethod::HmacSha256 {
                64
            } else {
                32
            };
            assert_eq!(signature.len(), length);
            assert!(
                signature
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
            );
        }
        assert_eq!(SignMethod::from_name("HMAC"), None);
        assert_eq!(SignMethod::from_name("sha256"), None);
    }
}
