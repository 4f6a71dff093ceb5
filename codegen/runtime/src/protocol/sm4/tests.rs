use super::*;

/// The ASCII key of the vectors below; its bytes are `31323334353637383930616263646566`.
const ASCII_KEY: &str = "1234567890abcdef";
/// The CBC IV of the vectors below.
const IV: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

fn config(mode: Mode, encoding: TextEncoding) -> Sm4Config {
    Sm4Config {
        mode,
        key: Key::from_ascii(ASCII_KEY).expect("valid key"),
        encoding,
    }
}

fn all_configs() -> Vec<Sm4Config> {
    let encodings = [
        TextEncoding::HexLower,
        TextEncoding::HexUpper,
        TextEncoding::Base64,
    ];
    [Mode::Ecb, Mode::Cbc { iv: IV }]
        .into_iter()
        .flat_map(|mode| encodings.map(|encoding| config(mode, encoding)))
        .collect()
}

#[test]
fn standard_known_answer_through_the_block_cipher() {
    use cipher::BlockEncrypt;
    // GB/T 32907-2016 example 1: key = plaintext, one raw block, no padding (docs/wire-formats.md, SM4 cipher).
    let key = Key::from_hex("0123456789abcdeffedcba9876543210").expect("valid key");
    let mut block = key.0.into();
    sm4::Sm4::new(&key.0.into()).encrypt_block(&mut block);
    assert_eq!(
        hex_encode(&block, b"0123456789abcdef"),
        "681edf34d206965e86b3e94f536e4246"
    );
}

/// Each vector was computed with Python `cryptography` 48.0.0 (`algorithms.SM4`, `modes.ECB()` /
/// `modes.CBC(iv)`, `padding.PKCS7(128)`), and the hex ones re-checked with OpenSSL 3.0.19, e.g.
/// `printf '张三' | openssl enc -sm4-cbc -K 31323334353637383930616263646566 -iv 000102030405060708090a0b0c0d0e0f`.
/// The ASCII key is `1234567890abcdef` and the IV `000102…0f` unless the row says otherwise.
#[test]
fn vectors_from_other_implementations() {
    let kat_key = "0123456789abcdeffedcba9876543210";
    let rows: [(Mode, &str, TextEncoding, &str, &str); 12] = [
        (
            Mode::Ecb,
            ASCII_KEY,
            TextEncoding::HexLower,
            "432524100011191212",
            "77940d96f64cc57db1fb6abe693c0a2383ab714e7acee6795bb0893af9850427",
        ),
        (
            Mode::Cbc { iv: IV },
            ASCII_KEY,
            TextEncoding::HexLower,
            "432524100011191212",
            "368cce825c4eddcc4643d87dac4ec0777b1c612a92296a72ee0b6683a0f23153",
        ),
        (
            Mode::Ecb,
            ASCII_KEY,
            TextEncoding::HexUpper,
            "张三",
            "4130D36E75349A62C877F3D7C26EAAEE",
        ),
        (
            Mode::Cbc { iv: IV },
            ASCII_KEY,
            TextEncoding::HexLower,
            "张三",
            "515f51364c95f4c256d25ab3d071858a",
        ),
        (
            Mode::Ecb,
            ASCII_KEY,
            TextEncoding::HexLower,
            "",
            "113be48ad9d7d47ad067f3c730fd6bbd",
        ),
        (
            Mode::Cbc { iv: IV },
            ASCII_KEY,
            TextEncoding::HexUpper,
            "",
            "2DE3A1D5A805A706C03584F7F12C029E",
        ),
        (
            Mode::Ecb,
            ASCII_KEY,
            TextEncoding::Base64,
            "432524100011191212",
            "d5QNlvZMxX2x+2q+aTwKI4OrcU56zuZ5W7CJOvmFBCc=",
        ),
        (
            Mode::Cbc { iv: IV },
            ASCII_KEY,
            TextEncoding::Base64,
            "432524100011191212",
            "NozOglxO3cxGQ9h9rE7Ad3scYSqSKWpy7gtmg6DyMVM=",
        ),
        (
            Mode::Ecb,
            ASCII_KEY,
            TextEncoding::Base64,
            "张三",
            "QTDTbnU0mmLId/PXwm6q7g==",
        ),
        (
            Mode::Cbc { iv: IV },
            ASCII_KEY,
            TextEncoding::Base64,
            "",
            "LeOh1agFpwbANYT38SwCng==",
        ),
        // Key given as hex; CBC IV fedcba98765432100123456789abcdef.
        (
            Mode::Ecb,
            kat_key,
            TextEncoding::HexLower,
            "CN",
            "64440f4973c5fdcdcda3696ec3adec65",
        ),
        (
            Mode::Cbc {
                iv: [
                    0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10, 0x01, 0x23, 0x45, 0x67, 0x89,
                    0xab, 0xcd, 0xef,
                ],
            },
            kat_key,
            TextEncoding::HexLower,
            "1990-01-01",
            "43739a532ac24075c96a2187769ce5c4",
        ),
    ];
    for (mode, key, encoding, plaintext, ciphertext) in rows {
        let key = if key.len() == 32 {
            Key::from_hex(key)
        } else {
            Key::from_ascii(key)
        }
        .expect("valid key");
        let cfg = Sm4Config {
            mode,
            key,
            encoding,
        };
        assert_eq!(
            cfg.encrypt(plaintext),
            ciphertext,
            "{plaintext:?} with {cfg:?}"
        );
        assert_eq!(
            cfg.decrypt(ciphertext).as_deref(),
            Ok(plaintext),
            "{ciphertext} with {cfg:?}"
        );
    }
}

#[test]
fn default_is_ecb_pkcs7_lowercase_hex() {
    let cfg = Sm4Config::default_for(Key::from_ascii(ASCII_KEY).expect("valid key"));
    assert_eq!(cfg.mode, Mode::Ecb);
    assert_eq!(cfg.encoding, TextEncoding::HexLower);
    assert_eq!(cfg.encrypt("张三"), "4130d36e75349a62c877f3d7c26eaaee");
}

#[test]
fn hex_and_ascii_forms_of_one_key_agree() {
    let from_hex = Sm4Config::default_for(
        Key::from_hex("31323334353637383930616263646566").expect("valid key"),
    );
    let from_upper_hex = Sm4Config::default_for(
        Key::from_hex("31323334353637383930616263646566".to_uppercase().as_str()).expect("valid"),
    );
    let from_ascii = Sm4Config::default_for(Key::from_ascii(ASCII_KEY).expect("valid key"));
    let from_bytes = Sm4Config::default_for(Key::from_bytes(*b"1234567890abcdef"));
    let expected = from_ascii.encrypt("13800138000");
    assert_eq!(from_hex.encrypt("13800138000"), expected);
    assert_eq!(from_upper_hex.encrypt("13800138000"), expected);
    assert_eq!(from_bytes.encrypt("13800138000"), expected);
}

#[test]
fn round_trips_in_every_mode_and_encoding() {
    let plaintexts = [
        "Zhang San / 432524100011191212",
        "张三 李四,男,1990-01-01",
        "",
    ];
    for cfg in all_configs() {
        for plaintext in plaintexts {
            let ciphertext = cfg.encrypt(plaintext);
            let blocks = plaintext.len() / 16 + 1;
            let expected_len = match cfg.encoding {
                TextEncoding::HexLower | TextEncoding::HexUpper => 32 * blocks,
                TextEncoding::Base64 => (16 * blocks).div_ceil(3) * 4,
            };
            assert_eq!(ciphertext.len(), expected_len, "{plaintext:?} with {cfg:?}");
            let shape_ok = match cfg.encoding {
                TextEncoding::HexLower => ciphertext
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')),
                TextEncoding::HexUpper => ciphertext
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'A'..=b'F')),
                TextEncoding::Base64 => ciphertext
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
            };
            assert!(shape_ok, "{ciphertext} with {cfg:?}");
            assert_ne!(ciphertext, plaintext);
            assert_eq!(
                cfg.decrypt(&ciphertext).as_deref(),
                Ok(plaintext),
                "{ciphertext} with {cfg:?}"
            );
        }
    }
}

#[test]
fn ecb_and_cbc_differ_and_cbc_hides_repeated_blocks() {
    let ecb = config(Mode::Ecb, TextEncoding::HexLower);
    let cbc = config(Mode::Cbc { iv: IV }, TextEncoding::HexLower);
    let two_equal_blocks = "0123456789abcdef0123456789abcdef";
    let e = ecb.encrypt(two_equal_blocks);
    let c = cbc.encrypt(two_equal_blocks);
    assert_eq!(e[..32], e[32..64]);
    assert_ne!(c[..32], c[32..64]);
    assert_ne!(e, c);
}

#[test]
fn hex_decryption_accepts_either_case() {
    for encoding in [TextEncoding::HexLower, TextEncoding::HexUpper] {
        let cfg = config(Mode::Ecb, encoding);
        assert_eq!(
            cfg.decrypt("4130d36e75349a62c877f3d7c26eaaee").as_deref(),
            Ok("张三")
        );
        assert_eq!(
            cfg.decrypt("4130D36E75349A62C877F3D7C26EAAEE").as_deref(),
            Ok("张三")
        );
        assert_eq!(
            cfg.decrypt("4130d36E75349a62C877f3d7c26EAAEE").as_deref(),
            Ok("张三")
        );
    }
}

fn is_wrong_key_or_mode(result: Result<String, Sm4Error>) -> bool {
    matches!(result, Err(Sm4Error::WrongKeyOrMode { .. }))
}

#[test]
fn wrong_key_is_reported_not_garbage() {
    let other_key = Key::from_ascii("abcdef1234567890").expect("valid key");
    for cfg in all_configs() {
        let wrong = Sm4Config {
            key: other_key.clone(),
            ..cfg.clone()
        };
        for plaintext in ["432524100011191212", "张三", "", "13800138000"] {
            let result = wrong.decrypt(&cfg.encrypt(plaintext));
            assert!(
                is_wrong_key_or_mode(result.clone()),
                "{plaintext:?} with {cfg:?}: {result:?}"
            );
        }
    }
    let message = config(Mode::Ecb, TextEncoding::HexLower)
        .decrypt("64440f4973c5fdcdcda3696ec3adec65")
        .expect_err("a ciphertext made with another key")
        .to_string();
    assert!(
        message.contains("the key, mode or text encoding does not match"),
        "{message}"
    );
}

#[test]
fn wrong_mode_is_reported() {
    let ecb = config(Mode::Ecb, TextEncoding::HexLower);
    let cbc = config(Mode::Cbc { iv: IV }, TextEncoding::HexLower);
    let other_iv = config(Mode::Cbc { iv: [7; 16] }, TextEncoding::HexLower);
    for plaintext in ["432524100011191212", "张三", ""] {
        assert!(
            is_wrong_key_or_mode(cbc.decrypt(&ecb.encrypt(plaintext))),
            "{plaintext:?}"
        );
        assert!(
            is_wrong_key_or_mode(ecb.decrypt(&cbc.encrypt(plaintext))),
            "{plaintext:?}"
        );
    }
    // A wrong IV spoils only the first block. Where that block holds the padding it is caught; otherwise the
    // result is a wrong text whenever the spoilt bytes still form UTF-8 (here each digit is XORed with a
    // small number, giving other ASCII).
    for plaintext in ["张三", ""] {
        assert!(
            is_wrong_key_or_mode(other_iv.decrypt(&cbc.encrypt(plaintext))),
            "{plaintext:?}"
        );
    }
    let spoilt = other_iv.decrypt(&cbc.encrypt("432524100011191212"));
    assert_eq!(spoilt.as_deref(), Ok("35711600?><=:38:12"));
}

#[test]
fn wrong_text_encoding_is_reported() {
    let hex = config(Mode::Ecb, TextEncoding::HexLower);
    let base64 = config(Mode::Ecb, TextEncoding::Base64);
    // 32 hex digits are valid Base64 for 24 bytes: not whole blocks.
    assert_eq!(
        base64.decrypt("4130d36e75349a62c877f3d7c26eaaee"),
        Err(Sm4Error::NotWholeBlocks { len: 24 })
    );
    // 64 hex digits are valid Base64 for 48 bytes: whole blocks that do not decrypt.
    let long = hex.encrypt("432524100011191212");
    assert!(is_wrong_key_or_mode(base64.decrypt(&long)));
    assert!(matches!(
        hex.decrypt("QTDTbnU0mmLId/PXwm6q7g=="),
        Err(Sm4Error::BadText {
            encoding: TextEncoding::HexLower,
            ..
        })
    ));
}

#[test]
fn tampered_ciphertext_is_reported() {
    for cfg in [
        config(Mode::Ecb, TextEncoding::HexLower),
        config(Mode::Cbc { iv: IV }, TextEncoding::HexLower),
    ] {
        let ciphertext = cfg.encrypt("432524100011191212");
        for at in [0, 31, 32, 63] {
            let mut tampered = ciphertext.clone().into_bytes();
            tampered[at] = if tampered[at] == b'0' { b'1' } else { b'0' };
            let tampered = String::from_utf8(tampered).expect("hex is ASCII");
            let result = cfg.decrypt(&tampered);
            assert!(
                is_wrong_key_or_mode(result.clone()),
                "digit {at} with {cfg:?}: {result:?}"
            );
        }
    }
}

#[test]
fn plaintext_that_is_not_utf8_is_rejected() {
    // Ciphertext of the bytes ff fe 41 (not UTF-8) under the ASCII key, ECB/PKCS#7, computed with Python
    // `cryptography` 48.0.0 and with `printf '\xff\xfeA' | openssl enc -sm4-ecb -K 3132…6566`.
    let cfg = config(Mode::Ecb, TextEncoding::HexLower);
    let result = cfg.decrypt("442255271e899189a394c7367a96dfd0");
    assert_eq!(
        result,
        Err(Sm4Error::WrongKeyOrMode {
            failed: Check::Utf8
        })
    );
    let message = result.expect_err("not UTF-8").to_string();
    assert!(
        message.contains("not UTF-8") && message.contains("does not match"),
        "{message}"
    );
}

#[test]
fn malformed_text_gives_its_own_error() {
    let hex = config(Mode::Ecb, TextEncoding::HexUpper);
    let base64 = config(Mode::Cbc { iv: IV }, TextEncoding::Base64);
    assert_eq!(hex.decrypt(""), Err(Sm4Error::Empty));
    assert_eq!(base64.decrypt(""), Err(Sm4Error::Empty));
    let odd = hex.decrypt("4130d36e75349a62c877f3d7c26eaae");
    assert!(
        matches!(&odd, Err(Sm4Error::BadText { reason, .. }) if reason.contains("odd number")),
        "{odd:?}"
    );
    let not_hex = hex.decrypt("4130d36e75349a62c877f3d7c26eaaeg");
    assert!(
        matches!(&not_hex, Err(Sm4Error::BadText { reason, .. }) if reason.contains("position 31")),
        "{not_hex:?}"
    );
    assert!(matches!(
        hex.decrypt(" 4130d36e75349a62c877f3d7c26eaaee"),
        Err(Sm4Error::BadText { .. })
    ));
    assert!(matches!(hex.decrypt("张三"), Err(Sm4Error::BadText { .. })));
    assert_eq!(
        hex.decrypt("4130d36e75349a62c877f3d7c26eaa"),
        Err(Sm4Error::NotWholeBlocks { len: 15 })
    );
    for bad in [
        "QTDTbnU0mmLId/PXwm6q7g=",
        "QTDTbnU0mmLId/PXwm6q7g==!",
        "QTDT*nU0mmLId/PXwm6q7g==",
        "====",
    ] {
        assert!(
            matches!(
                base64.decrypt(bad),
                Err(Sm4Error::BadText {
                    encoding: TextEncoding::Base64,
                    ..
                })
            ),
            "{bad}"
        );
    }
    assert_eq!(
        base64.decrypt("QTDTbnU0mmLId/PXwm6q"),
        Err(Sm4Error::NotWholeBlocks { len: 15 })
    );
    assert!(
        hex.decrypt("")
            .expect_err("empty")
            .to_string()
            .contains("empty")
    );
    assert!(
        odd.expect_err("odd")
            .to_string()
            .starts_with("the SM4 ciphertext is not valid hex")
    );
}

#[test]
fn key_text_errors_name_the_problem_not_the_key() {
    assert_eq!(
        Key::from_ascii("1234567890abcde").map(drop),
        Err(KeyError::WrongLength {
            expected: "16 ASCII characters",
            found: 15
        })
    );
    assert_eq!(
        Key::from_ascii("1234567890abcdef0").map(drop),
        Err(KeyError::WrongLength {
            expected: "16 ASCII characters",
            found: 17
        })
    );
    assert_eq!(
        Key::from_ascii("1234567890abcdé").map(drop),
        Err(KeyError::NotAscii { at: 14 })
    );
    assert_eq!(
        Key::from_hex("0123456789abcdeffedcba987654321").map(drop),
        Err(KeyError::WrongLength {
            expected: "32 hex digits",
            found: 31
        })
    );
    assert_eq!(
        Key::from_hex("0123456789abcdeffedcba98765432100").map(drop),
        Err(KeyError::WrongLength {
            expected: "32 hex digits",
            found: 33
        })
    );
    assert_eq!(
        Key::from_hex("0x23456789abcdeffedcba9876543210").map(drop),
        Err(KeyError::NotHexDigit { at: 1 })
    );
    assert_eq!(
        Key::from_hex(ASCII_KEY).map(drop),
        Err(KeyError::WrongLength {
            expected: "32 hex digits",
            found: 16
        })
    );
    let message = Key::from_ascii("secretsecret!")
        .map(drop)
        .expect_err("short")
        .to_string();
    assert_eq!(
        message,
        "an SM4 key needs 16 ASCII characters, found 13 characters"
    );
    let message = Key::from_hex("secretsecretsecretsecretsecret00")
        .map(drop)
        .expect_err("not hex")
        .to_string();
    assert!(
        message.contains("position 0") && !message.contains("secret"),
        "{message}"
    );
}

#[test]
fn debug_never_shows_key_or_iv() {
    let iv = *b"IVIVIVIVIVIVIVIV";
    let cfg = Sm4Config {
        mode: Mode::Cbc { iv },
        key: Key::from_ascii("SECRETKEY0123456").expect("valid key"),
        encoding: TextEncoding::Base64,
    };
    let shown = format!("{cfg:?} {cfg:#?} {:?}", cfg.key);
    for leak in [
        "SECRETKEY",
        "53454352",
        "83, 69, 67",
        "IVIV",
        "4956",
        "73, 86",
    ] {
        assert!(!shown.contains(leak), "{leak} in {shown}");
    }
    assert!(
        shown.contains("Key(<redacted>)") && shown.contains("Cbc { iv: <redacted> }"),
        "{shown}"
    );
    assert!(shown.contains("Base64"), "{shown}");
    let wrong = Sm4Config::default_for(Key::from_ascii("SECRETKEY0123456").expect("valid key"));
    let error = wrong
        .decrypt("4130d36e75349a62c877f3d7c26eaaee")
        .expect_err("wrong key");
    assert!(!format!("{error} {error:?}").contains("SECRET"));
}

#[derive(Debug, PartialEq)]
struct Passenger {
    passenger_name: String,
    country_code: Option<String>,
    not_secret: String,
}

impl Sm4Fields for Passenger {
    fn encrypt_fields(&mut self, cfg: &Sm4Config) {
        self.passenger_name.encrypt_fields(cfg);
        self.country_code.encrypt_fields(cfg);
    }

    fn decrypt_fields(&mut self, cfg: &Sm4Config) -> Result<(), Sm4Error> {
        self.passenger_name
            .decrypt_fields(cfg)
            .map_err(|e| e.in_field("passenger_name"))?;
        self.country_code
            .decrypt_fields(cfg)
            .map_err(|e| e.in_field("country_code"))?;
        Ok(())
    }
}

struct Request {
    passenger_info: Vec<Passenger>,
}

impl Sm4Fields for Request {
    fn encrypt_fields(&mut self, cfg: &Sm4Config) {
        self.passenger_info.encrypt_fields(cfg);
    }

    fn decrypt_fields(&mut self, cfg: &Sm4Config) -> Result<(), Sm4Error> {
        self.passenger_info
            .decrypt_fields(cfg)
            .map_err(|e| e.in_field("passenger_info"))
    }
}

fn passengers() -> Vec<Passenger> {
    vec![
        Passenger {
            passenger_name: "张三".into(),
            country_code: None,
            not_secret: "a".into(),
        },
        Passenger {
            passenger_name: "John Smith".into(),
            country_code: Some("US".into()),
            not_secret: "b".into(),
        },
        Passenger {
            passenger_name: String::new(),
            country_code: Some(String::new()),
            not_secret: "c".into(),
        },
    ]
}

#[test]
fn fields_encrypt_and_decrypt_in_place() {
    let cfg = Sm4Config::default_for(Key::from_ascii(ASCII_KEY).expect("valid key"));
    let mut request = Request {
        passenger_info: passengers(),
    };
    request.encrypt_fields(&cfg);
    let encrypted = &request.passenger_info;
    assert_eq!(
        encrypted[0].passenger_name,
        "4130d36e75349a62c877f3d7c26eaaee"
    );
    assert_eq!(encrypted[0].country_code, None);
    assert_eq!(
        encrypted[1].country_code.as_deref().map(|c| cfg.decrypt(c)),
        Some(Ok("US".to_owned()))
    );
    assert_eq!(encrypted[2].passenger_name, "", "empty fields stay empty");
    assert_eq!(encrypted[2].country_code.as_deref(), Some(""));
    assert_eq!(
        encrypted
            .iter()
            .map(|p| p.not_secret.as_str())
            .collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
    request.decrypt_fields(&cfg).expect("decrypts");
    assert_eq!(request.passenger_info, passengers());
}

#[test]
fn field_errors_name_the_field_path() {
    let cfg = Sm4Config::default_for(Key::from_ascii(ASCII_KEY).expect("valid key"));
    let mut request = Request {
        passenger_info: passengers(),
    };
    request.encrypt_fields(&cfg);
    request.passenger_info[1].country_code = Some("64440f4973c5fdcdcda3696ec3adec65".into());
    let error = request
        .decrypt_fields(&cfg)
        .expect_err("country_code of passenger 1 uses another key");
    let Sm4Error::InField { path, source } = &error else {
        panic!("not a field error: {error:?}")
    };
    assert_eq!(path, "passenger_info[1].country_code");
    assert!(matches!(**source, Sm4Error::WrongKeyOrMode { .. }));
    assert!(
        error
            .to_string()
            .starts_with("passenger_info[1].country_code: SM4 decryption"),
        "{error}"
    );
    assert!(std::error::Error::source(&error).is_some());
}
