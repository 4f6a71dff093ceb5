//! `#[derive(Sm4Fields)]` on hand-written types: marked fields are encrypted and decrypted in place, nested
//! values through their own impl, and a decryption error names the wire path; misuse is a compile error.

use codegen_derive::Sm4Fields;
use codegen_runtime::sm4::{Key, Sm4Config, Sm4Error, Sm4Fields};

#[derive(Clone, Debug, PartialEq, serde::Serialize, Sm4Fields)]
struct Passenger {
    #[sm4]
    name: String,
    #[sm4]
    mobile: Option<String>,
    seat_no: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, Sm4Fields)]
#[serde(rename_all = "PascalCase")]
struct Ticket {
    #[sm4]
    passengers: Vec<Passenger>,
    #[sm4]
    #[serde(rename = "lead")]
    lead_passenger: Option<Box<Passenger>>,
}

fn config(key: &str) -> Sm4Config {
    Sm4Config::default_for(Key::from_ascii(key).expect("16 ASCII characters"))
}

fn ticket() -> Ticket {
    let passenger = |name: &str| Passenger {
        name: name.into(),
        mobile: Some("13800000000".into()),
        seat_no: "01A".into(),
    };
    Ticket {
        passengers: vec![passenger("张三"), passenger("李四")],
        lead_passenger: Some(Box::new(passenger("王五"))),
    }
}

#[test]
fn marked_fields_round_trip_and_others_stay_plain() {
    let cfg = config("1234567890abcdef");
    let plain = ticket();
    let mut wire = plain.clone();
    wire.encrypt_fields(&cfg);
    let first = &wire.passengers[0];
    assert_eq!(first.name, cfg.encrypt("张三"));
    assert_eq!(
        first.mobile.as_deref(),
        Some(cfg.encrypt("13800000000").as_str())
    );
    assert_eq!(first.seat_no, "01A");
    assert_eq!(
        wire.lead_passenger.as_ref().map(|lead| lead.name.clone()),
        Some(cfg.encrypt("王五"))
    );
    wire.decrypt_fields(&cfg).expect("the same key decrypts");
    assert_eq!(wire, plain);
}

#[test]
fn a_wrong_key_names_the_wire_path() {
    let mut wire = ticket();
    wire.encrypt_fields(&config("1234567890abcdef"));
    let error = wire
        .decrypt_fields(&config("fedcba0987654321"))
        .expect_err("another key cannot decrypt");
    let Sm4Error::InField { path, source } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(path, "Passengers[0].name");
    assert!(
        matches!(**source, Sm4Error::WrongKeyOrMode { .. }),
        "{source:?}"
    );
    assert!(
        error.to_string().starts_with("Passengers[0].name: "),
        "{error}"
    );
}

#[test]
fn misuse_is_a_compile_error() {
    trybuild::TestCases::new().compile_fail("tests/ui/sm4_fields/*.rs");
}
