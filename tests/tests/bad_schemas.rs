//! The bad-schema corpus: every file in `tests/bad_schemas/` is a schema with a known defect, and its header states
//! the diagnostics the loader must report for it, exactly:
//!
//! ```text
//! # expect: LINE:COL: MESSAGE
//! # hint: HINT            (optional: the hint of the expectation above)
//! ```
//!
//! Other comment lines in the leading comment block are free text (e.g. `# regression: ...`). Each file has its own
//! `#[test]`, listed in `corpus!` below; `corpus_list_matches_folder` keeps the list and the folder in step. The
//! tests after the corpus write inputs that cannot live in the repository (empty, binary, NUL, 50 MB) to a tempdir.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use codegen::diagnostic::{Diagnostic, Pos};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/bad_schemas");

/// One diagnostic a corpus file expects.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    pos: Pos,
    message: String,
    /// Compared only when the file states it.
    hint: Option<String>,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.pos.line, self.pos.col, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Reads the `# expect:` / `# hint:` lines of the leading comment block.
fn parse_header(text: &str) -> Result<Vec<Expected>, String> {
    let mut expected: Vec<Expected> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        if let Some(rest) = comment.strip_prefix(" expect:") {
            expected.push(parse_expect(rest.trim()).map_err(|e| format!("line {number}: {e}"))?);
        } else if let Some(rest) = comment.strip_prefix(" hint:") {
            match expected.last_mut() {
                Some(last) if last.hint.is_none() => last.hint = Some(rest.trim().to_owned()),
                Some(_) => {
                    return Err(format!(
                        "line {number}: a second `# hint:` for one expectation"
                    ));
                }
                None => return Err(format!("line {number}: `# hint:` before any `# expect:`")),
            }
        } else if comment.trim_start().starts_with("expect")
            || comment.trim_start().starts_with("hint")
        {
            return Err(format!(
                "line {number}: malformed header line `{line}`; write `# expect: LINE:COL: MESSAGE` or `# hint: HINT`"
            ));
        }
    }
    if expected.is_empty() {
        return Err("no `# expect: LINE:COL: MESSAGE` line at the top of the file".to_owned());
    }
    Ok(expected)
}

/// `LINE:COL: MESSAGE`.
fn parse_expect(text: &str) -> Result<Expected, String> {
    let mut parts = text.splitn(3, ':');
    let (Some(line), Some(col), Some(message)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!("`{text}` is not `LINE:COL: MESSAGE`"));
    };
    let number = |s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| format!("`{s}` is not a line or column number in `{text}`"))
    };
    let message = message.trim();
    if message.is_empty() {
        return Err(format!("`{text}` has no message"));
    }
    Ok(Expected {
        pos: Pos {
            line: number(line)?,
            col: number(col)?,
        },
        message: message.to_owned(),
        hint: None,
    })
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let _ = writeln!(out, "  {}", diagnostic.to_string().replace('\n', "\n  "));
    }
    if diagnostics.is_empty() {
        out.push_str("  (none)\n");
    }
    out
}

/// The problems `actual` has against `expected`; empty when they match.
fn mismatches(path: &Path, expected: &[Expected], actual: &[Diagnostic]) -> Vec<String> {
    let mut problems = Vec::new();
    if expected.len() != actual.len() {
        problems.push(format!(
            "expected {} diagnostic(s), got {}",
            expected.len(),
            actual.len()
        ));
    }
    for (i, (want, got)) in expected.iter().zip(actual).enumerate() {
        let n = i + 1;
        if got.file != path {
            problems.push(format!("#{n}: reported for file {}", got.file.display()));
        }
        if got.pos != want.pos || got.message != want.message {
            problems.push(format!(
                "#{n}: expected `{}:{}: {}`, got `{}:{}: {}`",
                want.pos.line, want.pos.col, want.message, got.pos.line, got.pos.col, got.message
            ));
        }
        if let Some(hint) = &want.hint {
            if got.hint.as_deref() != Some(hint.as_str()) {
                problems.push(format!("#{n}: expected hint `{hint}`, got {:?}", got.hint));
            }
        }
    }
    problems
}

fn diagnostics_of(path: &Path) -> Vec<Diagnostic> {
    match codegen::load_file(path) {
        Ok(_) => Vec::new(),
        Err(codegen::Error::Schemas(diagnostics)) => diagnostics,
        Err(other) => panic!(
            "{}: expected schema diagnostics, got: {other}",
            path.display()
        ),
    }
}

fn check_corpus_file(stem: &str) {
    let path = Path::new(CORPUS).join(format!("{stem}.yaml"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let expected = parse_header(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let actual = diagnostics_of(&path);
    let problems = mismatches(&path, &expected, &actual);
    if !problems.is_empty() {
        let mut wanted = String::new();
        for want in &expected {
            let _ = writeln!(wanted, "  {}", want.to_string().replace('\n', "\n  "));
        }
        panic!(
            "{}: the diagnostics differ from the header\n{}\nexpected:\n{wanted}actual:\n{}",
            path.display(),
            problems.join("\n"),
            render(&actual)
        );
    }
}

/// One `#[test]` per corpus file, named by its file stem; attributes (``) go before the
/// name.
macro_rules! corpus {
    ($($(#[$attr:meta])* $stem:ident,)*) => {
        const LISTED: &[&str] = &[$(stringify!($stem)),*];

        mod corpus {
            $(
                #[test]
                $(#[$attr])*
                fn $stem() {
                    super::check_corpus_file(stringify!($stem));
                }
            )*
        }
    };
}

corpus! {
    abstract_field_type,
    alias_bomb,
    bad_provider_hides_other_problems,
    base_self_reference,
    base_typo_suggests_itself,
    body_problems,
    bound_on_string,
    dangling_base,
    dangling_request,
    default_does_not_fit,
    delimiter_misused,
    duplicate_field_wire_name,
    duplicate_mapping_key,
    duplicate_type_key,
    empty_formats,
    encryption_on_a_number,
    enum_duplicate_values,
    enum_no_values,
    enum_string_value_int_repr,
    enum_unknown_repr,
    enum_value_other,
    error_response_example_in_webapi,
    error_response_sample_not_an_envelope,
    error_response_without_operations,
    example_format_not_spoken,
    example_invalid_json,
    example_sample_not_text,
    example_undeclared_type,
    field_case_collision,
    field_name_chinese,
    field_name_starts_with_digit,
    field_named_self,
    fields_as_mapping,
    format_listed_twice,
    format_on_non_string,
    http_in_top_provider,
    inherited_field_collision,
    invalid_pattern,
    lib,
    key_not_string,
    length_on_int32,
    list_not_closed,
    max_len_fraction,
    max_len_negative,
    min_len_over_max_len,
    missing_field_type,
    missing_provider,
    missing_provider_title,
    missing_types,
    missing_version,
    note_not_text,
    operation_http_and_top,
    operation_without_endpoint,
    outcome_absent_on_a_field_always_present,
    outcome_names_unknown_fields,
    outcome_success_lists,
    outcome_values_that_do_not_fit,
    outcome_without_success,
    provider_id_mismatch,
    request_is_none,
    request_is_scalar,
    required_cycle,
    required_not_bool,
    response_is_enum,
    rule_code_is_not_a_code,
    rule_equals_wrong_type,
    rule_on_a_base_is_reported_once,
    rule_requires_a_field_always_present,
    rule_unknown_field,
    rule_without_message,
    struct_without_fields,
    three_problems,
    top_operation_declares_error,
    top_response_is_none,
    top_session_unknown_word,
    top_xml_sample_of_no_response,
    type_case_collision,
    type_named_error_response,
    type_named_self,
    type_named_string,
    unknown_field_key,
    unknown_format,
    unknown_http_method,
    unknown_key_no_match,
    unknown_protocol,
    unknown_scalar,
    unknown_text_format,
    unknown_top_level_key,
    unsupported_version,
    uri_parameter_names_collide,
    uri_parameter_not_a_value,
    uri_path_has_query,
    uri_path_parameter_optional,
    uri_path_parameter_without_placeholder,
    uri_placeholder_without_parameter,
    version_as_string,
    xml_namespace_missing,
    yaml_bad_indentation,
    yaml_tab_indentation,
    yaml_too_deep,
    yaml_unclosed_flow_sequence,
    yaml_unclosed_flow_sequence_mid_file,
}

fn corpus_stems() -> Vec<String> {
    let mut stems: Vec<String> = std::fs::read_dir(CORPUS)
        .unwrap_or_else(|e| panic!("cannot read {CORPUS}: {e}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .map(|path| {
            path.file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    stems.sort();
    stems
}

#[test]
fn corpus_list_matches_folder() {
    let on_disk = corpus_stems();
    let mut listed: Vec<String> = LISTED.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    let unlisted: Vec<&String> = on_disk.iter().filter(|s| !listed.contains(s)).collect();
    let missing: Vec<&String> = listed.iter().filter(|s| !on_disk.contains(s)).collect();
    assert!(
        unlisted.is_empty() && missing.is_empty(),
        "the `corpus!` list and {CORPUS} disagree\n  files not listed (add them to `corpus!`): {unlisted:?}\n  listed without a file: {missing:?}"
    );
    let other: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .expect("the corpus folder")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_none_or(|e| e != "yaml"))
        .collect();
    assert!(
        other.is_empty(),
        "files in {CORPUS} that are not `*.yaml` are never tested: {other:?}"
    );
}

#[test]
fn corpus_has_at_least_30_files() {
    let count = corpus_stems().len();
    assert!(
        count >= 30,
        "the corpus has {count} files; it must keep at least 30"
    );
}

/// Every header parses and expects something, the ignored files' included, so none can rot unnoticed.
#[test]
fn every_corpus_file_states_its_expectations() {
    let mut problems = Vec::new();
    for stem in corpus_stems() {
        let path = Path::new(CORPUS).join(format!("{stem}.yaml"));
        let text = std::fs::read_to_string(&path).expect("a corpus file");
        if let Err(e) = parse_header(&text) {
            problems.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn header_parser_rejects_a_file_without_expectations() {
    assert!(parse_header("version: 1\n").is_err());
    assert!(parse_header("# just a comment\nversion: 1\n# expect: 1:1: too late\n").is_err());
    assert!(parse_header("# hint: orphan\n# expect: 1:1: m\n").is_err());
    assert!(parse_header("# expect: one: m\n").is_err());
    assert!(parse_header("# expect 1:1: m\n").is_err());
    let parsed =
        parse_header("# expect: 3:7: a: b\n# hint: h\n# note\nversion: 1\n").expect("a header");
    assert_eq!(
        parsed,
        vec![Expected {
            pos: Pos { line: 3, col: 7 },
            message: "a: b".to_owned(),
            hint: Some("h".to_owned()),
        }]
    );
}

// ---- Inputs written by the test itself ----

/// The diagnostics for `bytes` written to `name` in a fresh tempdir, and the path they name.
fn load_written(name: &str, bytes: &[u8]) -> (PathBuf, Vec<Diagnostic>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the input");
    let diagnostics = diagnostics_of(&path);
    (path, diagnostics, dir)
}

fn assert_diagnostics(path: &Path, actual: &[Diagnostic], expected: &[Expected]) {
    let problems = mismatches(path, expected, actual);
    assert!(
        problems.is_empty(),
        "{}:\n{}\nactual:\n{}",
        path.display(),
        problems.join("\n"),
        render(actual)
    );
}

fn expect(line: u32, col: u32, message: &str, hint: Option<&str>) -> Expected {
    Expected {
        pos: Pos { line, col },
        message: message.to_owned(),
        hint: hint.map(str::to_owned),
    }
}

const VALID_SCHEMA: &str = "version: 1
provider:
  id: ID
  title: Generated input
  protocol: webapi
  formats: [json]
  source: bad.txt
types:
  RefundResult:
    fields:
      - { name: code, type: int32 }
";

fn valid_schema(id: &str) -> String {
    VALID_SCHEMA.replace("id: ID", &format!("id: {id}"))
}

#[test]
fn the_valid_template_loads() {
    let dir = tempfile::tempdir().expect("a tempdir");
    let path = dir.path().join("template.yaml");
    std::fs::write(&path, valid_schema("template")).expect("write");
    if let Err(error) = codegen::load_file(&path) {
        panic!("the template the generated inputs start from must be valid:\n{error}");
    }
}

#[test]
fn empty_file() {
    let (path, actual, _dir) = load_written("empty.yaml", b"");
    assert_diagnostics(
        &path,
        &actual,
        &[expect(
            1,
            1,
            "the schema is empty",
            Some("a schema starts with `version: 1`, then `provider:` and `types:`"),
        )],
    );
}

const NOT_UTF8_HINT: &str = "schemas are UTF-8 YAML; is this the right file?";

#[test]
fn binary_garbage() {
    let garbage = [
        0xff, 0xfe, 0x00, 0x00, 0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0xc3, 0x28,
    ];
    let (path, actual, _dir) = load_written("garbage.yaml", &garbage);
    assert_diagnostics(
        &path,
        &actual,
        &[expect(
            1,
            1,
            "the file is not UTF-8 text",
            Some(NOT_UTF8_HINT),
        )],
    );
}

#[test]
fn invalid_utf8_is_located_where_it_starts() {
    // Line 4 is `  id: caf` followed by a Latin-1 `é` (0xe9): the first bad byte is at column 10.
    let mut bytes = b"# a comment\nversion: 1\nprovider:\n  id: caf".to_vec();
    bytes.extend_from_slice(&[0xe9, b'\n']);
    bytes.extend_from_slice(b"  title: x\n");
    let (path, actual, _dir) = load_written("latin1.yaml", &bytes);
    assert_diagnostics(
        &path,
        &actual,
        &[expect(
            4,
            10,
            "the file is not UTF-8 text",
            Some(NOT_UTF8_HINT),
        )],
    );
}

#[test]
fn nul_byte_in_utf8_text() {
    // Valid UTF-8 (the Chinese title included), but a NUL byte in the middle of `title` on line 4.
    let text = valid_schema("nul").replace("  title: Generated input", "  ti\0tle: 门票");
    let (path, actual, _dir) = load_written("nul.yaml", text.as_bytes());
    assert_diagnostics(
        &path,
        &actual,
        &[expect(
            4,
            5,
            "unexpected character: `\\u{0}'",
            Some("fix the YAML syntax first; the other checks run once the file parses"),
        )],
    );
}

/// A 50 MB file is refused from its size, before the YAML parser sees it (parsing it would take seconds).
#[test]
fn fifty_megabyte_file_is_refused_unparsed() {
    let mut text = valid_schema("huge");
    let line = format!("# {}\n", "x".repeat(1022));
    let target = 50 * 1024 * 1024;
    text.reserve(target - text.len() + line.len());
    while text.len() < target {
        text.push_str(&line);
    }
    // Were it parsed, this unclosed bracket at the very end would be the problem reported.
    text.push_str("oops: [\n");
    let dir = tempfile::tempdir().expect("a tempdir");
    let path = dir.path().join("huge.yaml");
    std::fs::write(&path, &text).expect("write the input");
    let started = Instant::now();
    let actual = diagnostics_of(&path);
    let elapsed = started.elapsed();
    let message = format!(
        "the file is {} bytes; schemas are limited to {} bytes",
        text.len(),
        codegen::load::yaml::MAX_SCHEMA_BYTES
    );
    assert_diagnostics(&path, &actual, &[expect(1, 1, &message, None)]);
    assert!(
        elapsed < Duration::from_secs(3),
        "refusing a 50 MB file took {elapsed:?}; it must not be parsed"
    );
}

#[test]
fn oversized_file_hint_is_not_about_syntax() {
    let mut text = valid_schema("big");
    text.push_str(&format!(
        "# {}\n",
        "x".repeat(codegen::load::yaml::MAX_SCHEMA_BYTES)
    ));
    let (path, actual, _dir) = load_written("big.yaml", text.as_bytes());
    assert_eq!(actual.len(), 1, "{}", render(&actual));
    assert_eq!(
        actual[0].pos,
        Pos { line: 1, col: 1 },
        "{}: {}",
        path.display(),
        render(&actual)
    );
    assert!(
        actual[0]
            .hint
            .as_deref()
            .is_none_or(|hint| !hint.contains("syntax")),
        "the file is too big, not malformed:\n{}",
        render(&actual)
    );
}

#[test]

fn yaml_1_1_boolean_words_are_strings() {
    // `no` is a plausible wire name and `Y`/`N` are common flag values in TOP documents; under YAML 1.2 (the core
    // schema) they are plain strings. The loader reads them as booleans and reports "must be a string, found a
    // boolean" (serde-saphyr's `strict_booleans` is off by default).
    let text = valid_schema("norway").replace(
        "types:\n",
        "types:\n  RefundRequest:\n    fields:\n      - { name: no, type: string }\n      - { name: on, type: Flag }\n  Flag:\n    repr: string\n    values:\n      - { value: Y, name: Yes }\n      - { value: N, name: No }\n",
    );
    let (path, actual, _dir) = load_written("norway.yaml", text.as_bytes());
    assert!(
        actual.is_empty(),
        "{} should load:\n{}",
        path.display(),
        render(&actual)
    );
}

#[test]
fn load_reports_every_bad_file_of_a_folder() {
    let dir = tempfile::tempdir().expect("a tempdir");
    let first = dir.path().join("first_bad.yaml");
    let second = dir.path().join("second_bad.yaml");
    let good = dir.path().join("good.yaml");
    std::fs::write(
        &first,
        valid_schema("first_bad").replace("type: int32 }", "type: int32, requird: true }"),
    )
    .expect("write");
    std::fs::write(
        &second,
        valid_schema("second_bad").replace("version: 1", "version: 2"),
    )
    .expect("write");
    std::fs::write(&good, valid_schema("good")).expect("write");

    let diagnostics = match codegen::load(dir.path()) {
        Ok(providers) => panic!("expected problems, loaded {} providers", providers.len()),
        Err(codegen::Error::Schemas(diagnostics)) => diagnostics,
        Err(other) => panic!("expected schema diagnostics, got: {other}"),
    };
    let rendered = render(&diagnostics);
    assert_eq!(
        diagnostics.len(),
        2,
        "one problem per bad file:\n{rendered}"
    );
    assert_eq!(diagnostics[0].file, first, "{rendered}");
    assert_eq!(
        (diagnostics[0].pos, diagnostics[0].message.as_str()),
        (
            Pos { line: 11, col: 36 },
            "unknown key `requird` in a field"
        ),
        "{rendered}"
    );
    assert_eq!(diagnostics[1].file, second, "{rendered}");
    assert_eq!(
        (diagnostics[1].pos, diagnostics[1].message.as_str()),
        (
            Pos { line: 1, col: 10 },
            "schema language version 2 is not supported"
        ),
        "{rendered}"
    );
}
