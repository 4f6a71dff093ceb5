//! `codegen import PAGE --update SCHEMA`: a changed page merges into a curated schema with its curation kept and
//! only the page's changes made, each line elsewhere byte for byte; the same page changes nothing; a change to a
//! curated reading keeps the old reading as a note; bad inputs fail clearly and leave the schema untouched.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::import::update::{self, Request};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The schema a page-change test works on, and the seed page it was imported from.
const SCHEMA: &str = "digitalscience.yaml";

fn source_of(schema: &Path) -> String {
    let (decoded, _) = codegen::load_schema(schema, &std::fs::read(schema).expect("schema"))
        .expect("the curated schema loads");
    decoded.provider.expect("a provider block").source
}

/// A copy of the curated schema in `schemas/` of a fresh folder, and the seed page it came from.
struct Workspace {
    dir: tempfile::TempDir,
    seed: String,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("schemas")).expect("schemas");
        std::fs::create_dir(dir.path().join("seeds")).expect("seeds");
        let curated = root().join("schemas").join(SCHEMA);
        std::fs::copy(&curated, dir.path().join("schemas").join(SCHEMA)).expect("copy");
        Workspace {
            seed: source_of(&curated),
            dir,
        }
    }

    fn schema(&self) -> PathBuf {
        self.dir.path().join("schemas").join(SCHEMA)
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.schema()).expect("schema")
    }

    fn page(&self) -> String {
        std::fs::read_to_string(root().join("seeds").join(&self.seed)).expect("seed")
    }

    /// Writes the changed page under the seed's own name, so `provider.source` stays, and the original beside
    /// the schemas as the page it was imported from.
    fn pages(&self, changed: &str) -> PathBuf {
        let new = self.dir.path().join(&self.seed);
        std::fs::write(&new, changed).expect("page");
        std::fs::write(self.dir.path().join("seeds").join(&self.seed), self.page()).expect("seed");
        new
    }

    fn update(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_codegen"))
            .current_dir(self.dir.path())
            .arg("import")
            .args(args)
            .output()
            .expect("codegen runs")
    }
}

fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the seed page no longer has {from:?}");
    text.replacen(from, to, 1)
}

/// The seed page with a field added to the response table, a request field's length limit changed and another
/// request field removed.
fn changed_page(page: &str) -> String {
    let page = replaced(page, "Max length: 20", "Max length: 32");
    let page = replaced(
        &page,
        "settotomorrowtime\n\n设置结转的时间节点,为空时表示没有结转的时间节点。\n\nstring\n\nNone.\n\n",
        "",
    );
    replaced(
        &page,
        "tag\n\n操作同时,服务器端需要返回的其他值。\n\nstring\n\nNone.\n\n",
        "tag\n\n操作同时,服务器端需要返回的其他值。\n\nstring\n\nNone.\n\ntraceid\n\n跟踪号。\n\nstring\n\nMax length: 64\n\n",
    )
}

/// The lines removed from `old` and added in `new`, in order.
fn changed_lines(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for change in similar::TextDiff::from_lines(old, new).iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Delete => removed.push(change.value().trim_end().to_owned()),
            similar::ChangeTag::Insert => added.push(change.value().trim_end().to_owned()),
            similar::ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

#[test]
fn a_changed_page_merges_only_its_changes() {
    let work = Workspace::new();
    let old = work.text();
    let page = work.pages(&changed_page(&work.page()));
    let out = work.update(&[
        page.to_str().unwrap(),
        "--update",
        "schemas/digitalscience.yaml",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");

    let rules: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_once('[')?.1.split_once(']'))
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(
        rules,
        ["field-removed", "field-max-len-loosened", "field-added"],
        "{stdout}"
    );
    assert!(stdout.contains("OrderTicketRefundParm.username: max_len changed from 20 to 32"));
    assert!(stdout.contains("OrderTicketRefundParm.settotomorrowtime removed"));
    assert!(stdout.contains("CommonOperationResult.traceid added"));
    assert!(
        stderr.contains("updated schemas/digitalscience.yaml"),
        "{stderr}"
    );

    let new = work.text();
    let (removed, added) = changed_lines(&old, &new);
    assert_eq!(removed.len(), 2, "{removed:#?}");
    assert!(removed[0].contains("name: username") && removed[0].contains("max_len: 20"));
    assert!(removed[1].contains("name: settotomorrowtime"));
    assert_eq!(
        added,
        [
            removed[0].replace("max_len: 20", "max_len: 32").as_str(),
            "      - name: traceid",
            "        type: string",
            "        max_len: 64",
            "        doc: \"跟踪号。\"",
        ],
        "{new}"
    );
    codegen::load_file(&work.schema()).expect("the merged schema loads and checks");
}

#[test]
fn the_unchanged_page_changes_nothing() {
    let mut seen = 0;
    for schema in codegen::schema_paths(&root().join("schemas")).expect("schemas") {
        let page = root().join("seeds").join(source_of(&schema));
        let updated = update::update(&Request {
            pages: std::slice::from_ref(&page),
            was: &[],
            schema: &schema,
            id: None,
        })
        .unwrap_or_else(|error| panic!("{}: {error}", schema.display()));
        assert_eq!(updated.new, updated.old, "{}", schema.display());
        assert_eq!(updated.diff, "no changes\n", "{}", schema.display());
        assert!(updated.replaced.is_empty() && updated.unplaced.is_empty());
        seen += 1;
    }
    assert!(seen > 0, "no schema was updated");
}

#[test]
fn a_change_to_a_curated_reading_keeps_the_old_one_as_a_note() {
    let work = Workspace::new();
    let curated = replaced(&work.text(), "max_len: 20,", "max_len: 16,");
    std::fs::write(work.schema(), &curated).expect("schema");
    let page = work.pages(&replaced(&work.page(), "Max length: 20", "Max length: 32"));
    let out = work.update(&[
        page.to_str().unwrap(),
        "--update",
        "schemas/digitalscience.yaml",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("replaced a curated reading"), "{stderr}");

    let (removed, added) = changed_lines(&curated, &work.text());
    assert_eq!(removed.len(), 1, "{removed:#?}");
    assert_eq!(added.len(), 1, "{added:#?}");
    assert!(added[0].contains("max_len: 32"), "{}", added[0]);
    assert!(
        added[0].contains(
            "note: \"TODO(import): the page changed max_len from 20 to 32; the schema's reading was 16\""
        ),
        "{}",
        added[0]
    );
    codegen::load_file(&work.schema()).expect("the merged schema loads and checks");
}

#[test]
fn bad_inputs_fail_clearly_and_leave_the_schema_untouched() {
    let work = Workspace::new();
    let page = work.pages(&changed_page(&work.page()));
    let page = page.to_str().unwrap();
    let other = std::fs::read_dir(root().join("seeds"))
        .expect("seeds")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| {
            path.extension().is_some_and(|e| e == "txt")
                && path.file_name().is_some_and(|name| *name != *work.seed)
        })
        .expect("another provider's page");
    std::fs::write(work.dir.path().join("note.txt"), "just some notes\n").expect("text");
    std::fs::write(work.dir.path().join("schemas/broken.yaml"), "version: 1\n").expect("schema");
    let cases: [(Vec<&str>, &str); 6] = [
        (
            vec![page, "--update", "schemas/missing.yaml"],
            "missing.yaml",
        ),
        (
            vec!["missing.txt", "--update", "schemas/digitalscience.yaml"],
            "missing.txt",
        ),
        (
            vec![page, "--update", "schemas/broken.yaml"],
            "the schema does not load",
        ),
        (
            vec!["note.txt", "--update", "schemas/digitalscience.yaml"],
            "not a provider document page",
        ),
        (
            vec![
                other.to_str().unwrap(),
                "--update",
                "schemas/digitalscience.yaml",
            ],
            "is not a page of `digitalscience`",
        ),
        (
            vec![
                page,
                "--update",
                "schemas/digitalscience.yaml",
                "--was",
                "missing.txt",
            ],
            "missing.txt",
        ),
    ];
    let before = work.text();
    for (args, expected) in cases {
        let out = work.update(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(expected),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(work.text(), before, "{args:?} changed the schema");
    }
    std::fs::remove_file(work.dir.path().join("seeds").join(&work.seed)).expect("remove");
    let out = work.update(&[page, "--update", "schemas/digitalscience.yaml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("give that page with --was PAGE"),
        "{stderr}"
    );
    assert_eq!(work.text(), before);
}

#[test]
fn every_line_prefix_of_the_page_merges_or_fails_clearly() {
    let work = Workspace::new();
    let page = work.page();
    let seed = work.dir.path().join("seeds").join(&work.seed);
    std::fs::write(&seed, &page).expect("seed");
    let cut = work.dir.path().join("cut.txt");
    let mut end = 0;
    for line in page.split_inclusive('\n') {
        end += line.len();
        std::fs::write(&cut, &page[..end]).expect("page");
        match update::update(&Request {
            pages: std::slice::from_ref(&cut),
            was: &[],
            schema: &work.schema(),
            id: None,
        }) {
            Ok(updated) => {
                codegen::load_bytes(&work.schema(), updated.new.as_bytes())
                    .unwrap_or_else(|problems| panic!("{end}: {problems:#?}"));
            }
            Err(error) => assert!(!error.to_string().is_empty()),
        }
    }
}
