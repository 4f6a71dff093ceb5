//! The loader on damaged copies of the five real schemas: truncated, with bytes flipped, lines dropped or
//! duplicated, YAML punctuation injected. Whatever the damage, it returns a provider or located diagnostics; it
//! never panics.

use std::path::Path;

/// A small deterministic generator, so a failure reproduces exactly.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }
}

fn damage(rng: &mut Lcg, original: &[u8]) -> Vec<u8> {
    const NOISE: &[&[u8]] = &[
        b":", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"\t", b"\"", b"'", b"#", b"\n", b"  ",
        b"\xff", b"\0", b"!!", b"|", b">",
    ];
    let mut bytes = original.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(5) {
            0 => bytes.truncate(at),
            1 => {
                if let Some(byte) = bytes.get_mut(at) {
                    *byte ^= 1 << rng.below(8);
                }
            }
            2 => {
                let noise = NOISE[rng.below(NOISE.len())];
                bytes.splice(at..at, noise.iter().copied());
            }
            3 => {
                let end = (at + rng.below(200)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let end = (at + rng.below(200)).min(bytes.len());
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
    let mut rng = Lcg(0xbad5c4e3a);
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
