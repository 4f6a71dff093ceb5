//! The fast YAML reader (`yaml::readers::subset`) against serde-saphyr (`yaml::readers::saphyr`): wherever the fast
//! reader answers, its tree is serde-saphyr's, values and positions alike; the real and synthetic schemas take the
//! fast path; and on damaged schemas it either agrees or steps aside, never panics.

use std::path::{Path, PathBuf};

use codegen::load::yaml::{Node, Value, readers};

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

/// A tree as one line per node, indented by depth: its value (or kind) and position. Comparing these compares
/// values and positions, and the first line that differs says where.
fn tree(node: &Node) -> Vec<String> {
    fn walk(node: &Node, depth: usize, out: &mut Vec<String>) {
        let at = format!("@{}:{}", node.pos.line, node.pos.col);
        match &node.value {
            Value::Seq(items) => {
                out.push(format!("{:depth$}seq {at}", ""));
                for item in items {
                    walk(item, depth + 1, out);
                }
            }
            Value::Map(entries) => {
                out.push(format!("{:depth$}map {at}", ""));
                for (key, value) in entries {
                    walk(key, depth + 1, out);
                    walk(value, depth + 2, out);
                }
            }
            scalar => out.push(format!("{:depth$}{scalar:?} {at}", "")),
        }
    }
    let mut out = Vec::new();
    walk(node, 0, &mut out);
    out
}

/// Whether the fast reader took `text`; it panics when the fast reader's tree differs from serde-saphyr's, or when
/// it read what serde-saphyr refuses.
fn compare(text: &str, name: &str) -> bool {
    let Some(fast) = readers::subset(text) else {
        return false;
    };
    match readers::saphyr(text) {
        Ok(full) => {
            let (fast, full) = (tree(&fast), tree(&full));
            if let Some(at) =
                (0..fast.len().max(full.len())).find(|&at| fast.get(at) != full.get(at))
            {
                panic!(
                    "{name}: the trees differ at node {at}\n  fast:         {:?}\n  serde-saphyr: {:?}\n{text}",
                    fast.get(at),
                    full.get(at)
                );
            }
        }
        Err(error) => {
            panic!("{name}: the fast reader read what serde-saphyr refuses ({error:?})\n{text}")
        }
    }
    true
}

/// The `*.yaml` files of `dir` in path order, as the loader finds them.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    codegen::schema_paths(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every YAML file of the repository: the schemas, the broken schemas of `tests/bad_schemas` and the fixtures.
/// Those serde-saphyr reads take the fast path and give its tree; those it refuses (syntax errors, the alias bomb)
/// are left to it. A fixture that needs YAML outside the subset would fail here and belongs in a list of its own.
#[test]
fn every_yaml_file_of_the_repository_reads_as_serde_saphyr_reads_it() {
    let dirs = [
        "schemas",
        "tests/bad_schemas",
        "codegen/tests/features",
        "codegen/tests/diff/golden/old",
        "codegen/tests/diff/golden/new",
    ];
    let mut checked = 0;
    for dir in dirs {
        for path in yaml_files(&repo().join(dir)) {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.display().to_string();
            let fast = compare(&text, &name);
            let parses = readers::saphyr(&text).is_ok();
            assert_eq!(
                fast, parses,
                "{name}: fast path {fast}, serde-saphyr reads it: {parses}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 90, "only {checked} files found");
}

/// Every file of `paths` takes the fast path and gives serde-saphyr's tree.
fn assert_fast(paths: Vec<PathBuf>) {
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            compare(&text, &path.display().to_string()),
            "{} fell back",
            path.display()
        );
    }
}

#[test]
fn the_real_schemas_take_the_fast_path() {
    let schemas = yaml_files(&repo().join("schemas"));
    assert!(!schemas.is_empty(), "schemas/ holds the providers' schemas");
    assert_fast(schemas);
}

#[test]
fn synthetic_schemas_take_the_fast_path() {
    let dir = tempfile::tempdir().unwrap();
    synthetic::write_set(dir.path(), 6, synthetic::TYPES, synthetic::FIELDS).unwrap();
    assert_fast(yaml_files(dir.path()));
}

/// Each construct of the subset, alone, with serde-saphyr's positions for it.
#[test]
fn each_construct_of_the_subset_reads_as_serde_saphyr_reads_it() {
    let cases = [
        "a: 1\nb: -2\nc: 0\nd: 9223372036854775807\n",
        "a: 1.5\nb: 1e3\nc: 0x1F\nd: 0o17\ne: .5\nf: +1\ng: 007\nh: 1_000\nl: -0\nm: -1.5e-3\n",
        "a: 9223372036854775808\nb: 18446744073709551616\nc: -9223372036854775809\nd: 1.\ne: 001_b7a7d5b2e4d67af7.txt\n",
        "a: true\nb: False\nc: TRUE\nd: yes\ne: on\nf: y\ng: No\n",
        "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf:   # comment\n",
        "0: zero\ntrue: t\nnull: n\n~: tilde\n1.5: f\n-1: neg\n\"q\": 1\n'r': 2\nk  : spaced\n",
        "a: plain text with spaces\nb: http://example.com/a?b=c#frag\nc: 到达时间,yyyy-MM-dd hh:mm:ss\n",
        "中文: 中文值 x\nzz: 值 # comment\nk: [中文, \"中\"]\n",
        "a: \"\\t\\n\\\\\\\"\\/\\0\\a\\b\\v\\f\\e\\ \\N\\_\\L\\P\\x41\\u00e9\\U0001F600\"\ns: 'it''s'\n",
        "a: \"a # b\"   # c\nb: 'x: y'\nc: \"\"\nd: ''\n",
        "a: { n: X, t: \"s\", r: true }\nb: [json, xml]\nc: {}\nd: [ ]\ne: {a: [1, {b: c}], \"q\" : v, 'r': w}\n",
        "a:   [ a , b c ,\"d\" ]   # c\nb: [-a, .b, 1.5]\n",
        "seq:\n  - x\n  - k: v\n    k2: v2\n  - { a: 1 }\n  - [1, 2]\n  -\n    z: 1\n  - - inner\n    - inner2\n",
        "same:\n- a\n- b\nnext:\n- k: v\n  k2: v2\n- [1]\nlast:\n- \"q\"\n",
        "l:\n- |\n  first\n- b\nm:\n  - >-\n    ff\n  - b\n",
        "- a\n- b: 1\n  c:\n  - x\n  - y\n  d: 2\n",
        "e:\n  -   x\n  -   k: v\n      k2: v2\n",
        "l:\n- # the item starts below\n  k: v\nm:\n-\n  - x\n",
        "h: |\n  line1\n    more\n  line3\ni: >-\n  fold a\n  fold b\n\n  para\n",
        "n: |-\n  a\n\n  b\n\n\np: >\n  f1\n  f2\nq: |\n  # not a comment\n  y\n",
        "h: |-\n  trail   \n  end\ni: >-\n  a  \n  b\nk: |\n  x",
        "k: |  # comment\n  x\n\n\nj: >-  # comment\n  y\n# end\n",
        "# yaml-language-server: $schema=./schema-language.json\n\n# comment\na:\n  # inside\n  b: 1\n\n",
        "dup: 1\ndup: 2\nmap:\n  k: 1\n  k: 2\n",
    ];
    for (index, case) in cases.iter().enumerate() {
        assert!(
            compare(case, &format!("case {index}")),
            "case {index} fell back:\n{case}"
        );
    }
}

/// What the fast reader leaves to serde-saphyr, valid YAML or not.
#[test]
fn what_lies_outside_the_subset_is_left_to_serde_saphyr() {
    let cases = [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "<<: {a: 1}\n",
        "a: multi\n  line\n",
        "a: \"multi\n  line\"\n",
        "a: [1,\n  2]\n",
        "--- \na: 1\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\tb\n",
        "a: 1\r\nb: 2\r\n",
        "\u{feff}a: 1\n",
        "? a\n: b\n",
        "a: |+\n  keep\n\nb: 1\n",
        "a: |2\n   x\n",
        "a: >\n  a\n   b\n  c\n",
        "a: |\n\n  x\n",
        "a: |\nb: 1\n",
        "- \n- b\n",
        "a: {b:c}\n",
        "a: [b, ]\n",
        "a: b: c\n",
        "a: \"q\" x\n",
        "  a: 1\n",
        "plain scalar\n",
        "",
        "# only a comment\n",
        "a: 1\n b: 2\n",
        "[a, b]: c\n",
        "a: \"\\q\"\n",
        "a: .inf\n",
        "a: -.nan\n",
        "a: 1e999\n",
        "a: { <<: {b: 1} }\n",
    ];
    for (index, case) in cases.iter().enumerate() {
        assert!(
            readers::subset(case).is_none(),
            "case {index} took the fast path:\n{case}"
        );
    }
}

/// What the damage inserts: YAML's indicators, escapes, whitespace it treats specially and non-ASCII text.
const NOISE: &[&str] = &[
    "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    "\t", "\\", " ", "  ", "\n", ": ", "- ", " #", "0", "1", ".", "+", "~", "é", "中", "\u{a0}",
    "\u{3000}", "😀", "\u{85}", "\u{2028}", "\u{feff}", "\r",
];

/// A window of `lines` (a whole file now and then), shifted left so that its first line starts at column 0.
fn window(rng: &mut fastrand::Rng, lines: &[&str]) -> Vec<String> {
    let (start, len) = if rng.usize(..200) == 0 {
        (0, lines.len())
    } else {
        let start = rng.usize(..lines.len());
        (start, 1 + rng.usize(..30))
    };
    let taken = lines.iter().skip(start).take(len);
    let shift = lines
        .get(start)
        .map_or(0, |line| line.len() - line.trim_start().len());
    taken
        .map(|line| {
            let spaces = (line.len() - line.trim_start_matches(' ').len()).min(shift);
            line[spaces..].to_owned()
        })
        .collect()
}

/// A char boundary of `line`, chosen at random.
fn boundary(rng: &mut fastrand::Rng, line: &str) -> usize {
    let bounds: Vec<usize> = (0..=line.len())
        .filter(|&at| line.is_char_boundary(at))
        .collect();
    bounds[rng.usize(..bounds.len())]
}

fn damage(rng: &mut fastrand::Rng, lines: &mut Vec<String>) {
    for _ in 0..rng.usize(..3) {
        if lines.is_empty() {
            return;
        }
        let row = rng.usize(..lines.len());
        match rng.usize(..9) {
            0 => {
                lines.remove(row);
            }
            1 => lines.insert(row, lines[row].clone()),
            2 => {
                let other = rng.usize(..lines.len());
                lines.swap(row, other);
            }
            3 => {
                let by = 1 + rng.usize(..3);
                let line = &mut lines[row];
                if rng.usize(..2) == 0 {
                    line.insert_str(0, &" ".repeat(by));
                } else {
                    let spaces = (line.len() - line.trim_start_matches(' ').len()).min(by);
                    line.drain(..spaces);
                }
            }
            4..=6 => {
                let at = boundary(rng, &lines[row]);
                let noise = NOISE[rng.usize(..NOISE.len())];
                lines[row].insert_str(at, noise);
            }
            7 => {
                let at = boundary(rng, &lines[row]);
                lines[row].truncate(at);
                lines.truncate(row + 1);
            }
            _ => {
                if row + 1 < lines.len() {
                    let next = lines.remove(row + 1);
                    lines[row].push_str(&next);
                }
            }
        }
    }
}

/// Pieces a scalar is spelled with: digits, signs, radix and exponent letters, escapes good and bad, quotes,
/// indicators, comment and separator look-alikes, words YAML gives meaning to, non-ASCII text.
const SPELLING: &[&str] = &[
    "a", "0", "1", "9", ".", "+", "-", "_", "e", "E", "x", "o", "b", "41", "e9", "D800", "FFFF",
    "10FFFF", "\\", "\\\\", "\\\"", "\\x", "\\u", "\\U", "\\n", "\\t", "\\ ", "\\/", "\\N", "\\_",
    "\\L", "\\P", "\\e", "\\0", "\\q", "\\'", "'", "''", "\"", " ", "  ", "#", " #", ":", ": ",
    ",", "[", "]", "{", "}", "!", "&", "*", "|", ">", "%", "@", "`", "?", "<<", "~", "null",
    "true", "False", "inf", ".inf", "nan", "0x", "0o", "中", "é", "😀", "\u{a0}", "\u{3000}",
];

/// Scalars spelled from [`SPELLING`], plain, single- or double-quoted, as keys and values in block and flow
/// collections: where the fast reader resolves or unescapes one, serde-saphyr must agree.
#[test]
fn scalars_of_every_spelling_read_as_serde_saphyr_reads_them() {
    let mut rng = fastrand::Rng::with_seed(0x5ca1a2);
    let mut fast = 0;
    let cases = 20_000;
    for case in 0..cases {
        let body: String = (0..1 + rng.usize(..6))
            .map(|_| SPELLING[rng.usize(..SPELLING.len())])
            .collect();
        let scalar = match rng.usize(..3) {
            0 => format!("\"{body}\""),
            1 => format!("'{body}'"),
            _ => body,
        };
        let text = match rng.usize(..6) {
            0 => format!("k: {scalar}\n"),
            1 => format!("{scalar}: v\n"),
            2 => format!("k: [{scalar}, x]\n"),
            3 => format!("k: {{ {scalar}: {scalar} }}\n"),
            4 => format!("- {scalar}\n- k: {scalar}\n"),
            _ => format!("a:\n  {scalar}: 1\n  b: {scalar}  # c\n"),
        };
        if compare(&text, &format!("case {case}")) {
            fast += 1;
        }
    }
    assert!(
        fast * 2 >= cases,
        "only {fast} of {cases} scalars took the fast path"
    );
}

/// Windows of the real schemas, a synthetic one and the constructs above, damaged in every way a hand or a
/// merge damages YAML. The fast reader must not panic, and when it answers, serde-saphyr must read the text too
/// and give the same tree. `YAML_SUBSET_CASES` sets how many cases run (20 000 by default).
#[test]
fn damaged_schemas_read_as_serde_saphyr_reads_them_or_fall_back() {
    let cases: usize = std::env::var("YAML_SUBSET_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().unwrap();
    synthetic::write_set(dir.path(), 1, 4, synthetic::FIELDS).unwrap();
    let mut sources: Vec<String> = yaml_files(&repo().join("schemas"))
        .iter()
        .chain(&yaml_files(dir.path()))
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    sources.push(
        "a: \"\\t\\x41\\u00e9 # x\" # c\nb: 'it''s'\nc: [1, -2, 0x1F, .5, 1e3, ~, true]\n\
         d: { k: v, \"q\": 'w' }\ne:\n- x\n- k: |\n    lit\n  j: >-\n    f\n\n    g\n- - n\n"
            .to_owned(),
    );
    let mut rng = fastrand::Rng::with_seed(0x5eed_ba5e);
    let (mut fast, mut slow) = (0, 0);
    for case in 0..cases {
        let source = &sources[rng.usize(..sources.len())];
        let lines: Vec<&str> = source.lines().collect();
        let mut damaged = window(&mut rng, &lines);
        damage(&mut rng, &mut damaged);
        let text = damaged.join("\n") + if rng.usize(..8) == 0 { "" } else { "\n" };
        if compare(&text, &format!("case {case}")) {
            fast += 1;
        } else {
            slow += 1;
        }
    }
    assert!(
        fast * 5 >= cases,
        "only {fast} of {cases} damaged texts took the fast path ({slow} fell back): the test no longer tests it"
    );
}
