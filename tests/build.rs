//! Decides whether the differential tests against .NET (`tests/oracle.rs`) can run here, at build time, so the
//! test harness reports them as ignored, with the reason, where they cannot: `cfg(oracle)` is set when Mono's C#
//! compiler and runtime are on `PATH` and Json.NET is where `oracle/build.sh` compiles against it.
//!
//! With `ORACLE_REQUIRED` set (to anything but `0` or nothing), as `.ci/run` sets it, a missing piece fails the
//! build instead, so CI cannot pass without having run them.

use std::env;
use std::path::{Path, PathBuf};

/// The assembly `oracle/build.sh` references (Debian's `libnewtonsoft-json-cil-dev`).
const JSON_NET: &str = "/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(oracle)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=ORACLE_REQUIRED");

    let mut missing = Vec::new();
    for program in ["mcs", "mono"] {
        if find_on_path(program).is_none() {
            missing.push(format!("`{program}` is not on PATH"));
        }
    }
    if !Path::new(JSON_NET).is_file() {
        missing.push(format!("Json.NET is not at {JSON_NET}"));
    }

    if missing.is_empty() {
        println!("cargo::rustc-cfg=oracle");
        return;
    }
    let required = env::var("ORACLE_REQUIRED").is_ok_and(|value| !value.is_empty() && value != "0");
    if required {
        eprintln!(
            "ORACLE_REQUIRED is set, but the differential tests against .NET cannot run: {}.\n\
             Install Mono and Json.NET as tests/oracle/build.sh lists them (Debian: apt-get install mono-mcs \
             mono-runtime libmono-system-runtime-serialization4.0-cil libmono-system-xml4.0-cil \
             libmono-system-componentmodel-dataannotations4.0-cil libnewtonsoft-json5.0-cil \
             libnewtonsoft-json-cil-dev), or unset ORACLE_REQUIRED to report those tests as ignored.",
            missing.join("; ")
        );
        std::process::exit(1);
    }
}

/// The first executable file named `program` in a directory of `PATH`.
fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}
