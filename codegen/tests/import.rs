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

/// Loads and checks the schema, then generates its code.
fn loads(id: &str, yaml: &str) {
    let path = PathBuf::from(format!("{id}.yaml"));
    match codegen::load_bytes(&path, yaml.as_bytes()) {
        Ok(provider) => {
            if let Err(error) = codegen::emit::render(&[provider]) {
                panic!("{id} does not generate: {error:?}\n{yaml}");
            }
        }
        Err(problems) => {
            let listed: Vec<String> = problems.iter().map(|p| format!("{p:?}")).collect();
            panic!("{id} does not load:\n{}\n{yaml}", listed.join("\n"));
        }
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

fn loaded(path: &Path, text: &str) -> codegen::diff::LoadedProvider {
    let (schema, provider) = codegen::load_schema(path, text.as_bytes())
        .unwrap_or_else(|problems| panic!("{} does not load: {problems:#?}", path.display()));
    codegen::diff::LoadedProvider { schema, provider }
}

/// Each difference between an imported seed and its curated schema: (provider, diff rule, message, why curation
/// differs). A message ending in `*` matches every message with that start.
const CURATION: &[(&str, &str, &str, &str)] = &[
    (
        "*",
        "doc-changed",
        "*",
        "notes are curation: the curated schemas record readings in prose, the importer writes TODO(import) notes where the page leaves something open, and curated docs for members the page does not describe are ours",
    ),
    (
        "ctt",
        "operation-removed",
        "operation refund_ticket removed",
        "operation names are chosen by a person; the importer names an operation from its path",
    ),
    (
        "ctt",
        "operation-added",
        "operation ticket_refund added",
        "the importer's name for refund_ticket, from the path api/ticket/refund",
    ),
    (
        "ctt",
        "type-removed",
        "type SignedRequestBase removed",
        "the page never names the base class; the curated name is ours, the importer's is a guess it marks TODO",
    ),
    (
        "ctt",
        "type-added",
        "type TicketRefundRequestBase added",
        "the importer's guessed name for the base class the XML sample shows",
    ),
    (
        "ctt",
        "type-base-changed",
        "TicketRefundRequest: base changed from SignedRequestBase to TicketRefundRequestBase",
        "the same base class under the two names above",
    ),
    (
        "digitalscience",
        "operation-removed",
        "operation refund_tickets removed",
        "operation names are chosen by a person",
    ),
    (
        "digitalscience",
        "operation-added",
        "operation ticket_refund added",
        "the importer's name for refund_tickets, from the path",
    ),
    (
        "speedpower",
        "operation-removed",
        "operation add_refund removed",
        "operation names are chosen by a person",
    ),
    (
        "speedpower",
        "operation-added",
        "operation invoke_add_web_api_refund added",
        "the importer's name for add_refund, from the path",
    ),
    (
        "speedpower",
        "field-became-non-nullable",
        "WebApiIntactRefundModel.LatestTime: is no longer an Option (not nullable)",
        "the page says \"date\" for DateTime and DateTime? alike; curation read DateTime? from the sample's placeholder numbering",
    ),
    (
        "speedpower",
        "field-became-non-nullable",
        "WebApiIntactRefundModel.ExternalTime: is no longer an Option (not nullable)",
        "as LatestTime: curation's reading, not the page's",
    ),
    (
        "alitrip_btrip",
        "operation-removed",
        "operation train_callback_refund removed",
        "operation names are chosen by a person",
    ),
    (
        "alitrip_btrip",
        "operation-added",
        "operation callback_refund added",
        "the importer's name, from the API name's last two words",
    ),
    (
        "alitrip_btrip",
        "type-removed",
        "type TicketType removed",
        "the page lists the ticket types in a description (0:儿童票,1:成人票,2:学生票); curation made them an enum and named the members",
    ),
    (
        "alitrip_btrip",
        "field-type-changed",
        "RefundTicketDetail.ticket_type: type changed from TicketType to string",
        "the enum above; the page types the field String",
    ),
    (
        "alitrip_btrip",
        "field-type-changed",
        "RefundCallBackParam.refund_total: type changed from fen to string",
        "the page states no unit for the order-level total; curation read fen from the ticket-level amounts",
    ),
    (
        "alitrip_btrip",
        "field-type-changed",
        "RefundCallBackParam.refund_cost: type changed from fen to string",
        "as refund_total: the unit is curation's reading",
    ),
    (
        "alitrip_btrip",
        "examples-changed",
        "RefundCallBackParam: json examples changed",
        "the page shows the request only as Java code; curation built the JSON the SDK writes from it",
    ),
    (
        "taobao_bus",
        "operation-removed",
        "operation return_ticket_confirm removed",
        "operation names are chosen by a person",
    ),
    (
        "taobao_bus",
        "operation-added",
        "operation returnticket_confirm added",
        "the importer's name, from the API name's last two words",
    ),
    (
        "taobao_bus",
        "type-removed",
        "type AgentReturnTicketStatus removed",
        "the page lists the values in a description (1-成功 2-失败); curation made an enum and named the members",
    ),
    (
        "taobao_bus",
        "type-removed",
        "type AgentReturnTicketType removed",
        "as AgentReturnTicketStatus (0-按票退 1-按单退)",
    ),
    (
        "taobao_bus",
        "field-type-changed",
        "AgentConfirmReturnRq.agent_return_ticket_status: type changed from AgentReturnTicketStatus to int64",
        "the enum above; the page types the field Number",
    ),
    (
        "taobao_bus",
        "field-type-changed",
        "AgentConfirmReturnRq.agent_return_ticket_type: type changed from AgentReturnTicketType to int64",
        "the enum above; the page types the field Number",
    ),
    (
        "taobao_bus",
        "cross-field-rule-removed",
        "AgentConfirmReturnRq: rule agent_ticket_id required when agent_return_ticket_type = 0 removed",
        "the rule is curation's reading of the response sample's error code and the descriptions",
    ),
    (
        "taobao_bus",
        "field-sensitive-removed",
        "AgentConfirmReturnRq.isign: no longer redacted (sensitive)",
        "the page says only 签名; keeping a signature out of logs is curation's choice",
    ),
    (
        "taobao_bus",
        "examples-changed",
        "AgentConfirmReturnRq: json examples changed",
        "the page shows the request only as Java code; curation built the JSON the SDK writes from it",
    ),
];

fn allowed(entry: &(&str, &str, &str, &str), provider: &str, rule: &str, message: &str) -> bool {
    let (p, r, m, _) = *entry;
    (p == "*" || p == provider)
        && r == rule
        && match m.strip_suffix('*') {
            Some(prefix) => message.starts_with(prefix),
            None => m == message,
        }
}

#[test]
fn seeds_differ_from_the_curated_schemas_only_by_curation() {
    let mut used = vec![false; CURATION.len()];
    let mut unexplained = Vec::new();
    for (file, id) in SEEDS {
        let bytes = std::fs::read(root().join("seeds").join(file)).expect("seed");
        let imported = import_one(file, &bytes, Some(id)).expect("imports");
        let curated_path = root().join("schemas").join(format!("{id}.yaml"));
        let curated = std::fs::read_to_string(&curated_path).expect("curated schema");
        let old = loaded(&curated_path, &curated);
        let new = loaded(
            &PathBuf::from(format!("imported/{id}.yaml")),
            &imported.yaml,
        );
        for change in codegen::diff::diff(&[old], &[new]) {
            match CURATION
                .iter()
                .position(|entry| allowed(entry, id, change.rule.id, &change.message))
            {
                Some(k) => used[k] = true,
                None => unexplained.push(format!("{id}: {}: {}", change.rule.id, change.message)),
            }
        }
    }
    let stale: Vec<String> = CURATION
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|((p, r, m, _), _)| format!("{p}: {r}: {m}"))
        .collect();
    assert!(
        unexplained.is_empty() && stale.is_empty(),
        "differences with no reason:\n{}\nallowed differences that no longer occur:\n{}",
        unexplained.join("\n"),
        stale.join("\n")
    );
}

/// Real pages from other vendors, under `tests/import/pages/` (addresses in `SOURCES.md`), with the id each is
/// imported under.
const PAGES: [(&str, &str); 9] = [
    ("pinch_contents_heads_compact.txt", "pinch"),
    ("salesworks_shorturl_pipe.txt", "salesworks"),
    ("octoforms_tinyurl_blocks.txt", "octoforms"),
    ("pswin_messages_blocks.txt", "pswin"),
    ("emaar_group_blocks.txt", "emaar_group"),
    ("emaar_privilege_compact.txt", "emaar_privilege"),
    ("marthoma_account_subgroup_pipe.txt", "marthoma"),
    ("viafix_product_groups_compact.txt", "viafix"),
    ("tmall_items_custom_get_top.txt", "tmall"),
];

fn page_bytes(file: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/import/pages")
            .join(file),
    )
    .expect("page")
}

#[test]
fn outside_pages_import_and_load() {
    for (file, id) in PAGES {
        let imported = import_one(file, &page_bytes(file), Some(id)).expect("imports");
        if std::env::var_os("SHOW").is_some() {
            println!("=== {id}\n{}", imported.yaml);
            for w in &imported.warnings {
                println!("{w}");
            }
        }
        loads(id, &imported.yaml);
    }
}

/// A Help Page's sample generator ignores the limits the page states, so a sample that breaks them says which, in
/// the order validation reports them; one that keeps them says nothing.
#[test]
fn samples_that_break_the_pages_limits_say_so() {
    let page = page_bytes("marthoma_account_subgroup_pipe.txt");
    let imported = import_one("marthoma.txt", &page, Some("marthoma")).expect("imports");
    let example = imported
        .yaml
        .split("\n  - type: ")
        .find(|example| example.starts_with("\"AccountSubGroupUpdateVM\""))
        .expect("the request's sample");
    assert!(
        example.contains("    breaks: [max_len, pattern]\n"),
        "{example}"
    );
    let page = page_bytes("pinch_contents_heads_compact.txt");
    let imported = import_one("pinch.txt", &page, Some("pinch")).expect("imports");
    assert!(!imported.yaml.contains("breaks:"), "{}", imported.yaml);
}

/// XmlSerializer's samples are not DataContract's: the provider is read without XML, and the page says why.
#[test]
fn xml_serializer_samples_are_left_out_with_a_note() {
    let page = page_bytes("pswin_messages_blocks.txt");
    let imported = import_one("pswin.txt", &page, Some("pswin")).expect("imports");
    assert!(
        imported.yaml.contains("  formats: [json]\n"),
        "{}",
        imported.yaml
    );
    assert!(!imported.yaml.contains("    xml: "), "{}", imported.yaml);
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.contains("XmlSerializer") && w.line == 63),
        "{:?}",
        imported.warnings
    );
}

/// An enum the page shows only through its samples (JSON `0`, XML `NotSet`) becomes an open enum of that one value,
/// named by the XML sample, with a note; the schema loads and generates.
#[test]
fn an_enum_shown_only_by_its_samples_is_read_from_them() {
    let page = r#"POST api/refund/status

Sets the status of a refund.

Request Information

URI Parameters

None.

Body Parameters

RefundStatusModel
NameDescriptionTypeAdditional information
RefundId

The refund.

integer

Required

Status

The new status.

RefundState

None.

Request Formats

application/json, text/json

Sample:
{
  "RefundId": 1,
  "Status": 0
}

application/xml, text/xml

Sample:
<RefundStatusModel xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Acme.Models">
  <RefundId>1</RefundId>
  <Status>NotSet</Status>
</RefundStatusModel>

Response Information

Resource Description

RefundStatusModel

Response Formats

application/json, text/json

Sample:
{
  "RefundId": 1,
  "Status": 0
}
"#;
    let imported = import_one("page.txt", page.as_bytes(), Some("acme")).expect("imports");
    let declared = imported
        .yaml
        .split("\n  \"RefundState\":\n")
        .nth(1)
        .expect("the enum is declared");
    assert!(
        declared.contains("    repr: int32\n    open: true\n"),
        "{declared}"
    );
    assert!(
        declared.contains("      - { value: 0, name: \"NotSet\" }\n"),
        "{declared}"
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.line == 23 && w.message.contains("RefundState")),
        "{:?}",
        imported.warnings
    );
    loads("acme", &imported.yaml);
}

/// A page whose Java example builds a `QimenCloudClient` is a Qimen API: read as TOP, with a note naming the line.
#[test]
fn a_qimen_page_is_read_as_top_and_says_so() {
    let page = String::from_utf8(seed_bytes("004_1216d18a332179f2.txt"))
        .expect("UTF-8")
        .replace(
            "TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);",
            "QimenCloudClient client = new DefaultQimenCloudClient(url, appkey, secret);",
        );
    let imported = import_one("qimen.txt", page.as_bytes(), Some("qimen")).expect("imports");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.line == 75 && w.message.contains("QimenCloudClient")),
        "{:?}",
        imported.warnings
    );
    assert!(
        imported.yaml.contains("  protocol: top\n"),
        "{}",
        imported.yaml
    );
    loads("qimen", &imported.yaml);
}

/// A TOP page's 默认值 cells become `default:` in the field's type, a cell the type cannot hold a note; an SDK example
/// that passes `sessionKey` makes the operation need a session.
#[test]
fn top_defaults_and_sessions_are_written() {
    let page = r#"taobao.refund.list.get (查询退款列表)

查询退款列表

公共参数

请求参数

名称 类型 是否必须 示例值 默认值 描述
page_size Number 可选 20 40 每页条数
use_has_next Boolean 可选 true false 是否启用has_next的分页方式
status String 可选 WAIT 全部 退款状态
start_time Date 可选 2020-01-01 00:00:00 2020-01-01 00:00:00 开始时间

响应参数

名称 类型 示例值 描述
total_results Number 100 总数

请求示例

TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);
TaobaoRefundListGetRequest req = new TaobaoRefundListGetRequest();
req.setPageSize(20L);
TaobaoRefundListGetResponse rsp = client.execute(req, sessionKey);
System.out.println(rsp.getBody());
"#;
    let imported = import_one("page.txt", page.as_bytes(), Some("refunds")).expect("imports");
    for line in [
        "    top: { method: \"taobao.refund.list.get\", session: required }\n",
        "        type: \"int64\"\n        default: 40\n",
        "        type: \"bool\"\n        default: false\n",
        "        type: \"string\"\n        default: \"全部\"\n",
    ] {
        assert!(
            imported.yaml.contains(line),
            "{line}\nin\n{}",
            imported.yaml
        );
    }
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.line == 13 && w.message.contains("start_time")),
        "{:?}",
        imported.warnings
    );
    loads("refunds", &imported.yaml);
}

fn seed_bytes(file: &str) -> Vec<u8> {
    std::fs::read(root().join("seeds").join(file)).expect("seed")
}

/// Every input the never-panic tests feed, with a name.
fn all_pages() -> Vec<(String, Vec<u8>)> {
    SEEDS
        .iter()
        .map(|(file, _)| (file.to_string(), seed_bytes(file)))
        .chain(
            PAGES
                .iter()
                .map(|(file, _)| (file.to_string(), page_bytes(file))),
        )
        .collect()
}

/// Ok with a schema that loads, or a clear error; never a panic.
fn survives(name: &str, bytes: &[u8]) {
    match import_one(name, bytes, Some("cut")) {
        Ok(imported) => {
            let path = PathBuf::from("cut.yaml");
            if let Err(problems) = codegen::load_bytes(&path, imported.yaml.as_bytes()) {
                panic!(
                    "{name} ({} bytes) gives a schema that does not load: {problems:#?}\n{}",
                    bytes.len(),
                    imported.yaml
                );
            }
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
}

#[test]
fn every_line_prefix_of_every_page_imports_or_errs() {
    for (name, bytes) in all_pages() {
        let text = String::from_utf8(bytes).expect("UTF-8");
        let mut end = 0;
        for line in text.split_inclusive('\n') {
            end += line.len();
            survives(&name, &text.as_bytes()[..end]);
            survives(&name, text[..end].trim_end().as_bytes());
        }
    }
}

#[test]
fn byte_prefixes_on_char_boundaries_import_or_err() {
    let mut rng = fastrand::Rng::with_seed(13);
    for (name, bytes) in all_pages() {
        let text = String::from_utf8(bytes).expect("UTF-8");
        for _ in 0..40 {
            let mut cut = rng.usize(..=text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            survives(&name, &text.as_bytes()[..cut]);
        }
    }
}

#[test]
fn random_bytes_and_damaged_pages_never_panic() {
    let mut rng = fastrand::Rng::with_seed(7);
    for _ in 0..300 {
        let len = rng.usize(..2000);
        let bytes: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
        survives("random", &bytes);
    }
    let pages = all_pages();
    for _ in 0..300 {
        let (name, bytes) = &pages[rng.usize(..pages.len())];
        let mut text: Vec<char> = String::from_utf8(bytes.clone())
            .expect("UTF-8")
            .chars()
            .collect();
        for _ in 0..rng.usize(1..8) {
            let at = rng.usize(..text.len().max(1)).min(text.len());
            match rng.u8(..4) {
                0 if at < text.len() => {
                    text.remove(at);
                }
                1 => text.insert(
                    at,
                    ['|', '└', '\n', '"', '{', '<', '•', ':'][rng.usize(..8)],
                ),
                2 if at < text.len() => text[at] = rng.char(..),
                _ => text.insert(at, '\n'),
            }
        }
        let damaged: String = text.into_iter().collect();
        survives(name, damaged.as_bytes());
    }
}

#[test]
fn not_a_page_is_a_clear_error() {
    for text in [
        "",
        "hello",
        "# README\n\nSome text.",
        "version: 1\nprovider: {}\n",
        "fn main() {}\n",
    ] {
        let error = import_one("x.txt", text.as_bytes(), None).expect_err("not a page");
        assert!(matches!(error, ImportError::NotAPage { .. }), "{error}");
        assert!(
            error
                .to_string()
                .starts_with("x.txt: not a provider document page")
        );
    }
    let error = import_one("bin", &[0xff, 0xfe, 0x00], None).expect_err("binary");
    assert_eq!(error, ImportError::NotText { page: "bin".into() });
    let huge = vec![b'a'; import::MAX_PAGE_BYTES + 1];
    assert!(matches!(
        import_one("huge", &huge, None),
        Err(ImportError::TooLarge { .. })
    ));
    let seed = seed_bytes(SEEDS[0].0);
    // Ids `check` would refuse: not a module name, a keyword, the generated crate's own files.
    for id in ["Bad-Id", "type", "self", "lib", "examples"] {
        assert!(
            matches!(
                import_one("000.txt", &seed, Some(id)),
                Err(ImportError::BadId { .. })
            ),
            "{id}"
        );
    }
}

/// Text that looks like YAML, Rust or Markdown lands in the schema as the same text.
const HOSTILE: &str = "\"]}: &anchor *alias !!tag\n--- !x\n# heading `code` */ fn x() {} \u{2028}\u{85}\u{7}\n  key: value\n- item";

#[test]
fn page_text_stays_text() {
    let page = format!(
        "POST api/x\nRequest Information\nBody Parameters\nEvil\nNameDescriptionTypeAdditional information\n\
         a\n{HOSTILE}\nstring\nNone.\n\
         Request Formats\napplication/json\nSample:\n{{\"a\": \"\\u0000 ]]> --- \", \"b\": \"\u{2029}\"}}\n\
         Response Information\nResource Description\nEvil\n"
    );
    let imported = import_one("evil.txt", page.as_bytes(), Some("evil")).expect("imports");
    loads("evil", &imported.yaml);
    let provider =
        codegen::load_bytes(Path::new("evil.yaml"), imported.yaml.as_bytes()).expect("loads");
    let text = format!("{provider:?}");
    let expected: String = HOSTILE
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains(&format!("{expected:?}").trim_matches('"').to_owned()),
        "{text}"
    );
}

#[test]
fn a_huge_table_imports_in_linear_time() {
    let mut page = String::from(
        "POST api/big\nRequest Information\nBody Parameters\nBig\nNameDescriptionTypeAdditional information\n",
    );
    for i in 0..20_000 {
        page.push_str(&format!("f{i}\ndescription {i}\nstring\nMax length: 10\n"));
    }
    page.push_str("Response Information\nResource Description\nBig\n");
    let started = std::time::Instant::now();
    let imported = import_one("big.txt", page.as_bytes(), Some("big")).expect("imports");
    assert!(imported.yaml.contains("f19999"));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn the_same_page_gives_the_same_bytes() {
    for (name, bytes) in all_pages() {
        let first = import_one(&name, &bytes, Some("same")).expect("imports");
        let second = import_one(&name, &bytes, Some("same")).expect("imports");
        assert_eq!(first.yaml, second.yaml);
        assert_eq!(first.warnings, second.warnings);
    }
}

#[test]
fn several_pages_make_one_provider() {
    let a = seed_bytes(SEEDS[0].0);
    let b = seed_bytes(SEEDS[1].0);
    let imported = import::import(
        &[
            PageInput {
                name: "a.txt",
                bytes: &a,
            },
            PageInput {
                name: "b.txt",
                bytes: &b,
            },
        ],
        &Options {
            id: Some("both".into()),
        },
    )
    .expect("imports");
    loads("both", &imported.yaml);
    assert!(imported.yaml.contains("ticket_refund_2"));
    let top = seed_bytes(SEEDS[4].0);
    assert!(matches!(
        import::import(
            &[
                PageInput {
                    name: "a.txt",
                    bytes: &a
                },
                PageInput {
                    name: "t.txt",
                    bytes: &top
                }
            ],
            &Options::default(),
        ),
        Err(ImportError::MixedProtocols { .. })
    ));
}

fn codegen_cmd(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("codegen runs")
}

#[test]
fn the_command_prints_writes_refuses_and_fails_clearly() {
    let printed = codegen_cmd(&["import", "seeds/004_1216d18a332179f2.txt"]);
    assert!(printed.status.success());
    assert!(String::from_utf8_lossy(&printed.stdout).contains("id: \"taobao_bus\""));

    let cut_off = "codegen/tests/import/pages/tmall_items_custom_get_top.txt";
    let warned = codegen_cmd(&["import", cut_off]);
    assert!(warned.status.success(), "a cut-off page still imports");
    assert!(String::from_utf8_lossy(&warned.stderr).contains(&format!(
        "{cut_off}:60: warning: the page ends before its 响应示例 section"
    )));

    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().to_str().expect("a UTF-8 path");
    let args = [
        "import",
        "seeds/000_924bef7137bf3e6b.txt",
        "--id",
        "ctt",
        "--out",
        out,
    ];
    assert!(codegen_cmd(&args).status.success());
    let written = std::fs::read_to_string(dir.path().join("ctt.yaml")).expect("written");
    loads("ctt", &written);
    std::fs::write(dir.path().join("ctt.yaml"), "curated").expect("overwrite");
    let refused = codegen_cmd(&args);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ctt.yaml")).expect("kept"),
        "curated"
    );
    let forced = codegen_cmd(&[&args[..], &["--force"]].concat());
    assert!(forced.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ctt.yaml")).expect("replaced"),
        written
    );

    let not_a_page = codegen_cmd(&["import", "README.md"]);
    assert_eq!(not_a_page.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&not_a_page.stderr)
            .starts_with("error: README.md: not a provider document page")
    );
    let missing = codegen_cmd(&["import", "no/such/page.txt"]);
    assert_eq!(missing.status.code(), Some(1));
}

/// A Help Page of an operation with URI parameters, in the plain-block rendering: the path shows a route
/// parameter and the query template, and the table describes both, one of them with a default value.
const URI_PAGE: &str = "POST api/orders/{orderId}/refund?force={force}&channel={channel}

Refunds an order.

Request Information

URI Parameters

NameDescriptionTypeAdditional information
orderid

The order number.

string

Required

force

Refund even when the show has started.

boolean

Required

channel

integer

Default value is 1

seats

Collection of integer

None.

Body Parameters

RefundReason
NameDescriptionTypeAdditional information
Reason

string

None.

Request Formats

application/json, text/json

Sample:
{
  \"Reason\": \"sample string 1\"
}

Response Information

Resource Description

RefundAnswer
NameDescriptionTypeAdditional information
Code

integer

None.

Response Formats

application/json, text/json

Sample:
{
  \"Code\": 1
}
";

#[test]
fn uri_parameters_become_path_and_query_parameters() {
    let imported = import_one("uri.txt", URI_PAGE.as_bytes(), Some("orders")).expect("imports");
    let yaml = &imported.yaml;
    assert!(
        yaml.contains(
            "    http:\n      method: \"POST\"\n      path: \"api/orders/{orderId}/refund\"\n      parameters:\n\
             \x20       - name: \"orderId\"\n          in: path\n          type: \"string\"\n          doc: \"The order number.\"\n\
             \x20       - name: \"force\"\n          in: query\n          type: \"bool\"\n          required: true\n\
             \x20         doc: \"Refund even when the show has started.\"\n\
             \x20       - name: \"channel\"\n          in: query\n          type: \"int32\"\n"
        ),
        "{yaml}"
    );
    assert!(
        yaml.contains(
            "        - name: \"seats\"\n          in: query\n          type: \"list<int32>\"\n"
        ),
        "{yaml}"
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.contains("\"Default value is 1\" is not carried")),
        "{:?}",
        imported.warnings
    );
    loads("orders", yaml);
}

#[test]
fn a_placeholder_no_row_describes_becomes_a_string_path_parameter() {
    let page = URI_PAGE.replacen(
        "orderid\n\nThe order number.\n\nstring\n\nRequired\n\n",
        "",
        1,
    );
    let imported = import_one("uri.txt", page.as_bytes(), Some("orders")).expect("imports");
    assert!(
        imported
            .yaml
            .contains("        - name: \"orderId\"\n          in: path\n          type: \"string\"\n          note: \"TODO(import): the path has {orderId}"),
        "{}",
        imported.yaml
    );
    loads("orders", &imported.yaml);
}
