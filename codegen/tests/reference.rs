//! The Markdown reference under `docs/`: a page reads as the golden file says, table cells survive `|` and line
//! breaks, every link lands on a heading, and `check` finds a stale page like a stale module.

use std::fs;
use std::path::{Path, PathBuf};

use codegen::write::Change;

fn features() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/features")
}

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas")
}

/// The part of `page` from the heading `start` up to the next heading of the same level.
fn section<'a>(page: &'a str, start: &str) -> &'a str {
    let from = page
        .find(&format!("\n{start}\n"))
        .unwrap_or_else(|| panic!("no `{start}` in\n{page}"))
        + 1;
    let level = start.split(' ').next().unwrap_or_default();
    let rest = &page[from + start.len()..];
    let to = rest
        .find(&format!("\n{level} "))
        .map_or(page.len(), |end| from + start.len() + end + 1);
    &page[from..to]
}

#[test]
fn a_types_section_reads_as_the_golden_file() {
    let files = codegen::render(&features()).unwrap_or_else(|error| panic!("{error}"));
    let page = &files[Path::new("docs/features.md")];
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/features_tree.md");
    let expected = fs::read_to_string(&golden).unwrap();
    let actual = section(page, "### `Tree`");
    assert!(
        actual == expected,
        "{} differs from the rendered section:\n{}",
        golden.display(),
        similar::TextDiff::from_lines(expected.as_str(), actual)
            .unified_diff()
            .header("golden", "rendered")
    );
}

#[test]
fn scalar_list_and_undescribed_bodies_are_named_with_their_samples_under_the_operation() {
    let files = codegen::render(&features()).unwrap_or_else(|error| panic!("{error}"));
    let page = &files[Path::new("docs/bodies.md")];
    let count = section(page, "### `count_tickets`");
    assert!(
        count.contains("- **Request:** `string`\n- **Response:** `int32`\n"),
        "{count}"
    );
    assert!(
        count.contains("**Body samples**")
            && count.contains("```json\n\"sample string 1\"\n```")
            && count.contains(
                "```xml\n<int xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">1</int>\n```"
            ),
        "{count}"
    );
    let list = section(page, "### `list_ticket_ids`");
    assert!(
        list.contains("- **Request:** `list<int64>`\n- **Response:** `list<string>`\n"),
        "{list}"
    );
    let cancel = section(page, "### `cancel_order`");
    assert!(
        cancel.contains("- **Request:** [`CancelRequest`](#cancelrequest)\n- **Response:** none described: the client \
                         returns the answer as it came, a `codegen_runtime::client::RawResponse`")
            && !cancel.contains("**Body samples**"),
        "{cancel}"
    );
}

#[test]
fn an_outcome_reads_as_one_value_several_or_absence() {
    let files = codegen::render(&features()).unwrap_or_else(|error| panic!("{error}"));
    let page = &files[Path::new("docs/outcomes.md")];
    for line in [
        "- **Success:** when `code` is one of `0`, `200`; any other value is the provider's failure, with its message in `msg`",
        "- **Success:** when `error` is absent, null or empty; any value in it is the provider's failure, with its code in `code` and its message in `msg`",
        "- **Success:** when `state` is `\"absent\"`; any other value is the provider's failure, with its message in `msg`",
    ] {
        assert!(
            page.lines().any(|found| found == line),
            "{line}\nin\n{page}"
        );
    }
}

#[test]
fn a_delimited_list_says_how_it_travels() {
    let files = codegen::render(&features()).unwrap_or_else(|error| panic!("{error}"));
    let page = &files[Path::new("docs/delimited.md")];
    let row = "| `amounts` | `amounts` | `list<fen>` | no | Carried as one string, its items separated by `\\|`. |  |";
    assert!(page.lines().any(|line| line == row), "{row}\nin\n{page}");
}

#[test]
fn table_cells_keep_pipes_and_line_breaks_inside() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("pipes.yaml");
    fs::write(
        &schema,
        r#"version: 1
provider: { id: pipes, title: Pipes, protocol: webapi, formats: [json], source: none }
types:
  Row:
    fields:
      - name: code
        type: string
        pattern: "^(A|B)$"
        doc: |-
          first | line
          second <line>
"#,
    )
    .unwrap();
    let files = codegen::render(&schema).unwrap_or_else(|error| panic!("{error}"));
    let page = &files[Path::new("docs/pipes.md")];
    let row = page
        .lines()
        .find(|line| line.starts_with("| `code` |"))
        .unwrap_or_else(|| panic!("no row for `code` in\n{page}"));
    assert_eq!(
        row,
        "| `code` | `code` | `string` | no | Matches `^(A\\|B)$`. | first \\| line<br>second &lt;line&gt; |"
    );
}

#[test]
fn every_link_lands_on_a_heading_of_its_page() {
    for (path, page) in codegen::render(&schemas()).unwrap() {
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let headings: Vec<String> = page
            .lines()
            .filter(|line| line.starts_with('#'))
            .map(|line| {
                line.trim_start_matches('#')
                    .trim()
                    .replace('`', "")
                    .replace(' ', "-")
                    .to_lowercase()
            })
            .collect();
        for link in page.split("](#").skip(1) {
            let anchor = &link[..link.find(')').unwrap()];
            assert!(
                headings.iter().any(|heading| heading == anchor),
                "{}: no heading for #{anchor}",
                path.display()
            );
        }
    }
}

#[test]
fn check_reports_a_stale_page_and_generate_removes_a_gone_one() {
    let dir = tempfile::tempdir().unwrap();
    let schemas_dir = dir.path().join("schemas");
    fs::create_dir(&schemas_dir).unwrap();
    for entry in fs::read_dir(schemas()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, schemas_dir.join(path.file_name().unwrap())).unwrap();
    }
    let out = dir.path().join("out");
    codegen::generate(&schemas_dir, &out).unwrap();

    let page = out.join("docs/ctt.md");
    let edited = fs::read_to_string(&page)
        .unwrap()
        .replace("申请退票接口(新)", "edited");
    fs::write(&page, edited).unwrap();
    let stale = codegen::check(&schemas_dir, &out).unwrap();
    let paths: Vec<&Path> = stale.iter().map(Change::path).collect();
    assert_eq!(paths, [page.as_path()]);
    assert!(
        stale[0].diff().contains("-edited\n+申请退票接口(新)"),
        "{}",
        stale[0].diff()
    );

    fs::remove_file(schemas_dir.join("ctt.yaml")).unwrap();
    let changes = codegen::generate(&schemas_dir, &out).unwrap();
    let removed: Vec<&Path> = changes
        .iter()
        .filter(|change| matches!(change, Change::Remove { .. }))
        .map(Change::path)
        .collect();
    assert_eq!(removed, [page.as_path(), out.join("src/ctt.rs").as_path()]);
}
