//! `codegen import`: the five seed pages import to schemas that load and differ from the curated ones only by what
//! curation added (each remaining difference listed with its reason); real pages from other vendors import to
//! schemas that load; no input makes the importer panic; the same page gives the same bytes.

use std::path::{Path, PathBuf};

use codegen::import::{self, ImportError, Imported, Options, PageInput};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn import_one(name: &str, bytes: &[u8], id: Option<&str>) -> Result<Imported, ImportError> {
    import::import(
        &[PageInput { name, bytes }],
        &Options {
            id: id.map(str::to_owned),
        },
    )
}

fn loads(id: &str, yaml: &str) {
    let path = PathBuf::from(format!("{id}.yaml"));
    if let Err(problems) = codegen::load_bytes(&path, yaml.as_bytes()) {
        let listed: Vec<String> = problems.iter().map(|p| format!("{p:?}")).collect();
        panic!("{id} does not load:\n{}\n{yaml}", listed.join("\n"));
    }
}

const SEEDS: [(&str, &str); 5] = [
    ("000_924bef7137bf3e6b.txt", "ctt"),
    ("001_b7a7d5b2e4d67af7.txt", "digitalscience"),
    ("002_b2fac2431460b517.txt", "speedpower"),
    ("003_9e446777e3e6e98b.txt", "alitrip_btrip"),
    ("004_1216d18a332179f2.txt", "taobao_bus"),
];

#[test]
fn seeds_import_and_load() {
    for (file, id) in SEEDS {
        let bytes = std::fs::read(root().join("seeds").join(file)).expect("seed");
        let imported = import_one(file, &bytes, Some(id)).expect("imports");
        if std::env::var_os("SHOW").is_some() {
            println!("=== {id}\n{}", imported.yaml);
            for w in &imported.warnings {
                println!("{w}");
            }
        }
        loads(id, &imported.yaml);
    }
}
