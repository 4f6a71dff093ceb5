//! `conformance PROVIDER TYPE FROM TO`: reads a payload on stdin, parses it as FROM into the generated type and
//! writes it as TO, exactly as the provider's server would.
//!
//! Exit 0: converted, output on stdout. Exit 1: the payload was rejected; stdout holds
//! `{"stage":"parse","errors":[{"path":..,"code":..,"message":..}]}`. Exit 2: usage error, message on stderr.
//!
//! `conformance top-request PROVIDER TYPE --app-key K --secret S --timestamp T --sign-method M [--session X]
//! [--format json|xml] [--sm4-key KEY]` reads a TOP request object as JSON and prints the signed form body;
//! `conformance top-response PROVIDER [--format json|xml]` reads a TOP answer and prints the response as JSON, or
//! exits 1 with `{"stage":"top"|"provider","error":{..}}`.

use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut input = Vec::new();
    if let Err(error) = std::io::stdin()
        .take(conformance::MAX_PAYLOAD_BYTES + 1)
        .read_to_end(&mut input)
    {
        eprintln!("conformance: cannot read stdin: {error}");
        return ExitCode::from(2);
    }
    let outcome = conformance::run(&args, &input);
    eprint!("{}", outcome.stderr);
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout
        .write_all(&outcome.stdout)
        .and_then(|()| stdout.flush())
    {
        eprintln!("conformance: cannot write stdout: {error}");
        return ExitCode::from(2);
    }
    ExitCode::from(outcome.exit)
}
