//! The loader on damaged copies of the five real schemas: truncated, with bytes flipped, lines dropped or
//! duplicated, YAML punctuation injected. Whatever the damage, it returns a provider or located diagnostics; it
//! never panics.

use std::path::Path;

fn damage(rng: &mut fastrand::Rng, original: &[u8]) -> Vec<u8> {
    const NOISE: &[&[u8]] = &[
        b":", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"\t", b"\"", b"'", b"#", b"\n", b"  ",
        b"\xff", b"\0", b"!!", b"|", b">",
    ];
    let mut bytes = original.to_vec();
    for _ in 0..=rng.usize(..4) {
        // A place between bytes, the end included: damage may have emptied the text.
        let at = rng.usize(..=bytes.len());
        match rng.usize(..5) {
            0 => bytes.truncate(at),
            1 => {
                if let Some(byte) = bytes.get_mut(at) {
                    *byte ^= 1 << rng.usize(..8);
                }
            }
            2 => {
                let noise = NOISE[rng.usize(..NOISE.len())];
                bytes.splice(at..at, noise.iter().copied());
            }
            3 => {
                let end = (at + rng.usize(..200)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let end = (at + rng.usize(..200)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
    bytes
}

#[test]
fn damaged_schemas_give_diagnostics_never_a_panic() {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let mut rng = fastrand::Rng::with_seed(0xbad5c4e3a);
    let (mut loaded, mut refused) = (0, 0);
    for entry in std::fs::read_dir(&schemas).unwrap() {
        let path = entry.unwrap().path();
        let original = std::fs::read(&path).unwrap();
        for _ in 0..300 {
            let damaged = damage(&mut rng, &original);
            match codegen::load_bytes(&path, &damaged) {
                Ok(_) => loaded += 1,
                Err(diagnostics) => {
                    assert!(!diagnostics.is_empty(), "a refusal says why");
                    for diagnostic in &diagnostics {
                        assert!(
                            diagnostic.pos.line >= 1 && diagnostic.pos.col >= 1,
                            "{diagnostic}"
                        );
                        assert!(!diagnostic.message.is_empty(), "{diagnostic}");
                    }
                    refused += 1;
                }
            }
        }
    }
    assert!(
        refused > 1000,
        "the damage is real: {refused} refused, {loaded} still loaded"
    );
}
