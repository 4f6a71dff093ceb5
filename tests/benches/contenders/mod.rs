//! The contests of `formats.rs` and `format_ratios.rs`: the seeds' XML types written and read by the generated code
//! and by what a user gets off the shelf, plain `#[derive(Serialize, Deserialize)]` mirror structs through
//! quick-xml's serde support or serde_json.
//!
//! Every contest is checked once when it is built, outside any timing: both contenders must carry the same data
//! (each output read back; for JSON the two outputs are the same bytes), so a benchmark compares like with like.

use std::fmt::Debug;
use std::hint::black_box;

use codegen_runtime::xml::{self, DataContract};
use codegen_runtime::{Protocol, json};
use refund_apis::{ctt, digitalscience};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Runs its operation `n` times. Boxed once per contest, so the dynamic call is paid per batch, never per operation,
/// and the operation itself is inlined into the loop.
pub type Runner = Box<dyn FnMut(u64)>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xml,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Write,
    Read,
}

/// One payload, one format, one direction: the generated code against the off-the-shelf mirror.
pub struct Contest {
    pub payload: &'static str,
    pub format: Format,
    pub direction: Direction,
    pub ours: Runner,
    pub theirs: Runner,
}

impl Contest {
    /// `xml_write/TicketRefundRequest`.
    pub fn name(&self) -> String {
        format!(
            "{}_{}/{}",
            self.format_label(),
            self.direction_label(),
            self.payload
        )
    }

    /// `xml` or `json`.
    pub fn format_label(&self) -> &'static str {
        match self.format {
            Format::Xml => "xml",
            Format::Json => "json",
        }
    }

    /// `write` or `read`.
    pub fn direction_label(&self) -> &'static str {
        match self.direction {
            Direction::Write => "write",
            Direction::Read => "read",
        }
    }

    /// The name of the off-the-shelf contender.
    #[allow(dead_code, reason = "each bench uses part of this module")]
    pub fn theirs_name(&self) -> &'static str {
        match self.format {
            Format::Xml => "quick_xml_serde",
            Format::Json => "serde_json",
        }
    }

    /// The largest ours/theirs time ratio the issue accepts: XML at least twice as fast, JSON within 5%.
    #[allow(dead_code, reason = "each bench uses part of this module")]
    pub fn target(&self) -> f64 {
        match self.format {
            Format::Xml => 0.5,
            Format::Json => 1.05,
        }
    }
}

/// Every contest: each payload written and read in XML and in JSON.
pub fn all() -> Vec<Contest> {
    let mut contests = Vec::new();
    contests.extend(xml_contests::<_, xml_mirror::TicketRefundRequest>(
        "TicketRefundRequest",
        ticket_refund_request(),
    ));
    contests.extend(xml_contests::<_, xml_mirror::ApiResultOfString>(
        "ApiResultOfString",
        api_result(),
    ));
    contests.extend(xml_contests::<_, xml_mirror::OrderTicketRefundParm>(
        "OrderTicketRefundParm",
        order_ticket_refund_parm(),
    ));
    contests.extend(xml_contests::<_, xml_mirror::OrderTicketRefundParm>(
        "OrderTicketRefundParm_50_ids",
        many_tickets(),
    ));
    contests.extend(xml_contests::<_, xml_mirror::CommonOperationResult>(
        "CommonOperationResult",
        common_operation_result(),
    ));
    contests.extend(json_contests::<_, json_mirror::TicketRefundRequest>(
        "TicketRefundRequest",
        ticket_refund_request(),
    ));
    contests.extend(json_contests::<_, json_mirror::ApiResultOfString>(
        "ApiResultOfString",
        api_result(),
    ));
    contests.extend(json_contests::<_, json_mirror::OrderTicketRefundParm>(
        "OrderTicketRefundParm",
        order_ticket_refund_parm(),
    ));
    contests.extend(json_contests::<_, json_mirror::OrderTicketRefundParm>(
        "OrderTicketRefundParm_50_ids",
        many_tickets(),
    ));
    contests.extend(json_contests::<_, json_mirror::CommonOperationResult>(
        "CommonOperationResult",
        common_operation_result(),
    ));
    contests
}

fn runner<R>(mut operation: impl FnMut() -> R + 'static) -> Runner {
    Box::new(move |n| {
        for _ in 0..n {
            black_box(operation());
        }
    })
}

/// DataContract XML through `codegen_runtime::xml` against the mirror through `quick_xml::se` and `quick_xml::de`.
/// Each contender reads the document its own writer wrote: the mirror's has no namespace declarations, so it is
/// the shorter and easier of the two.
fn xml_contests<T, M>(payload: &'static str, value: T) -> [Contest; 2]
where
    T: DataContract + Clone + PartialEq + Debug + 'static,
    M: Serialize + DeserializeOwned + PartialEq + Debug + Clone + for<'a> From<&'a T> + 'static,
{
    let mirror = M::from(&value);
    let ours_text = xml::to_string(&value).expect("the generated type writes");
    let theirs_text = quick_xml::se::to_string(&mirror).expect("the mirror writes");
    assert_eq!(
        xml::from_str::<T>(&ours_text).expect("ours reads its own document"),
        value,
        "{payload}: {ours_text}"
    );
    assert_eq!(
        quick_xml::de::from_str::<M>(&theirs_text).expect("quick-xml reads its own document"),
        mirror,
        "{payload}: {theirs_text}"
    );
    // The mirror reads the DataContract document too (it ignores namespaces), and finds the same data there: the
    // two documents carry the same members, items and text.
    assert_eq!(
        quick_xml::de::from_str::<M>(&ours_text)
            .expect("quick-xml reads the DataContract document"),
        mirror,
        "{payload}: {ours_text}"
    );
    let (written, written_mirror) = (value.clone(), mirror.clone());
    [
        Contest {
            payload,
            format: Format::Xml,
            direction: Direction::Write,
            ours: runner(move || xml::to_string(black_box(&written)).unwrap()),
            theirs: runner(move || quick_xml::se::to_string(black_box(&written_mirror)).unwrap()),
        },
        Contest {
            payload,
            format: Format::Xml,
            direction: Direction::Read,
            ours: runner(move || xml::from_str::<T>(black_box(&ours_text)).unwrap()),
            theirs: runner(move || quick_xml::de::from_str::<M>(black_box(&theirs_text)).unwrap()),
        },
    ]
}

/// JSON through `codegen_runtime::json` (Json.NET's escapes, located errors) against the mirror through serde_json.
/// Both write the same bytes for these payloads, so both read the same text.
fn json_contests<T, M>(payload: &'static str, value: T) -> [Contest; 2]
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Debug + 'static,
    M: Serialize + DeserializeOwned + PartialEq + Debug + for<'a> From<&'a T> + 'static,
{
    let mirror = M::from(&value);
    let text = json::to_string(&value, Protocol::WebApi).expect("the generated type writes");
    assert_eq!(
        serde_json::to_string(&mirror).expect("the mirror writes"),
        text,
        "{payload}: the two writers differ"
    );
    assert_eq!(
        json::from_str::<T>(&text).expect("ours reads"),
        value,
        "{payload}"
    );
    assert_eq!(
        serde_json::from_str::<M>(&text).expect("serde_json reads"),
        mirror,
        "{payload}"
    );
    let read_text = text.clone();
    [
        Contest {
            payload,
            format: Format::Json,
            direction: Direction::Write,
            ours: runner(move || json::to_string(black_box(&value), Protocol::WebApi).unwrap()),
            theirs: runner(move || serde_json::to_string(black_box(&mirror)).unwrap()),
        },
        Contest {
            payload,
            format: Format::Json,
            direction: Direction::Read,
            ours: runner(move || json::from_str::<T>(black_box(&read_text)).unwrap()),
            theirs: runner(move || serde_json::from_str::<M>(black_box(&text)).unwrap()),
        },
    ]
}

/// The seed's sample values (the Help Page's placeholders), as in docs/wire-formats.md, DataContract wire bytes of the
/// seeds.
fn ticket_refund_request() -> ctt::TicketRefundRequest {
    ctt::TicketRefundRequest {
        order_number: Some("sample string 1".into()),
        refund_passanger_ids: Some("sample string 2".into()),
        refund_reason: Some("sample string 3".into()),
        terminal: ctt::Terminal::WebpageEnum,
        time_stamp: Some("sample string 4".into()),
        random: 5,
        sign: Some("sample string 6".into()),
    }
}

fn api_result() -> ctt::ApiResultOfString {
    ctt::ApiResultOfString {
        code: 1,
        message: Some("sample string 2".into()),
        data: Some("sample string 3".into()),
    }
}

fn order_ticket_refund_parm() -> digitalscience::OrderTicketRefundParm {
    digitalscience::OrderTicketRefundParm {
        username: "sample string 1".into(),
        settotomorrowtime: Some("sample string 2".into()),
        refundparm: digitalscience::RefundParm {
            orderid: Some("sample string 1".into()),
            refundallticket: Some("sample string 2".into()),
            ticketids: Some(vec!["sample string 1".into(), "sample string 2".into()]),
        },
    }
}

/// A group refund as a real client sends it. 50 ticket ids so that the per-item costs (an element, a namespace
/// lookup, a string each) outweigh the fixed per-document ones the samples mostly measure. Non-ASCII text (these
/// are Chinese providers: agent names, ticket kinds), so that the writers' per-character escape scans (Json.NET's
/// U+0085/U+2028/U+2029, XML's text escapes) and the readers' UTF-8 handling see multi-byte characters, where a
/// scan that is fast only on ASCII would show.
fn many_tickets() -> digitalscience::OrderTicketRefundParm {
    let kinds = ["成人票", "儿童票", "老人票", "学生票"];
    digitalscience::OrderTicketRefundParm {
        username: "春秋国旅上海分销".into(),
        settotomorrowtime: Some("2025-06-15 18:00:00".into()),
        refundparm: digitalscience::RefundParm {
            orderid: Some("DS202506150001234567".into()),
            refundallticket: Some("false".into()),
            ticketids: Some(
                (1..=50)
                    .map(|n| format!("{}-20250615-{n:06}", kinds[n % kinds.len()]))
                    .collect(),
            ),
        },
    }
}

fn common_operation_result() -> digitalscience::CommonOperationResult {
    digitalscience::CommonOperationResult {
        errcode: 1,
        errmsg: Some("sample string 2".into()),
        tag: Some("sample string 3".into()),
    }
}

/// What a user writes for quick-xml: the element names and order of the DataContract document (base members
/// first, each class's members in alphabetical order), no namespaces, a list as a wrapper of `<string>` items,
/// the enum as its member name.
mod xml_mirror {
    use refund_apis::{ctt, digitalscience};
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct TicketRefundRequest {
        random: i32,
        sign: Option<String>,
        terminal: Terminal,
        time_stamp: Option<String>,
        order_number: Option<String>,
        refund_passanger_ids: Option<String>,
        refund_reason: Option<String>,
    }

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    enum Terminal {
        #[serde(rename = "WEBPAGEEnum")]
        WebpageEnum,
    }

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename = "ApiResultOfstring")]
    pub struct ApiResultOfString {
        code: i32,
        data: Option<String>,
        message: Option<String>,
    }

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct OrderTicketRefundParm {
        refundparm: RefundParm,
        settotomorrowtime: Option<String>,
        username: String,
    }

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct RefundParm {
        orderid: Option<String>,
        refundallticket: Option<String>,
        ticketids: Option<Strings>,
    }

    /// `<ticketids><string>…</string>…</ticketids>`.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Strings {
        #[serde(default)]
        string: Vec<String>,
    }

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct CommonOperationResult {
        errcode: i32,
        errmsg: Option<String>,
        tag: Option<String>,
    }

    impl From<&ctt::TicketRefundRequest> for TicketRefundRequest {
        fn from(value: &ctt::TicketRefundRequest) -> Self {
            TicketRefundRequest {
                random: value.random,
                sign: value.sign.clone(),
                terminal: match value.terminal {
                    ctt::Terminal::WebpageEnum => Terminal::WebpageEnum,
                    other => panic!("no member name for {other:?}"),
                },
                time_stamp: value.time_stamp.clone(),
                order_number: value.order_number.clone(),
                refund_passanger_ids: value.refund_passanger_ids.clone(),
                refund_reason: value.refund_reason.clone(),
            }
        }
    }

    impl From<&ctt::ApiResultOfString> for ApiResultOfString {
        fn from(value: &ctt::ApiResultOfString) -> Self {
            ApiResultOfString {
                code: value.code,
                data: value.data.clone(),
                message: value.message.clone(),
            }
        }
    }

    impl From<&digitalscience::OrderTicketRefundParm> for OrderTicketRefundParm {
        fn from(value: &digitalscience::OrderTicketRefundParm) -> Self {
            let parm = &value.refundparm;
            OrderTicketRefundParm {
                refundparm: RefundParm {
                    orderid: parm.orderid.clone(),
                    refundallticket: parm.refundallticket.clone(),
                    ticketids: parm.ticketids.clone().map(|string| Strings { string }),
                },
                settotomorrowtime: value.settotomorrowtime.clone(),
                username: value.username.clone(),
            }
        }
    }

    impl From<&digitalscience::CommonOperationResult> for CommonOperationResult {
        fn from(value: &digitalscience::CommonOperationResult) -> Self {
            CommonOperationResult {
                errcode: value.errcode,
                errmsg: value.errmsg.clone(),
                tag: value.tag.clone(),
            }
        }
    }
}

/// What a user writes for serde_json: the members in Json.NET's order (derived class first, then the base), the
/// enum as the number Json.NET writes (a plain derive writes a unit variant as its name, so the mirror holds the
/// number).
mod json_mirror {
    use refund_apis::{ctt, digitalscience};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    pub struct TicketRefundRequest {
        order_number: Option<String>,
        refund_passanger_ids: Option<String>,
        refund_reason: Option<String>,
        terminal: i32,
        time_stamp: Option<String>,
        random: i32,
        sign: Option<String>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    pub struct ApiResultOfString {
        code: i32,
        message: Option<String>,
        data: Option<String>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    pub struct OrderTicketRefundParm {
        username: String,
        settotomorrowtime: Option<String>,
        refundparm: RefundParm,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct RefundParm {
        orderid: Option<String>,
        refundallticket: Option<String>,
        ticketids: Option<Vec<String>>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    pub struct CommonOperationResult {
        errcode: i32,
        errmsg: Option<String>,
        tag: Option<String>,
    }

    impl From<&ctt::TicketRefundRequest> for TicketRefundRequest {
        fn from(value: &ctt::TicketRefundRequest) -> Self {
            TicketRefundRequest {
                order_number: value.order_number.clone(),
                refund_passanger_ids: value.refund_passanger_ids.clone(),
                refund_reason: value.refund_reason.clone(),
                terminal: match value.terminal {
                    ctt::Terminal::WebpageEnum => 1,
                    ctt::Terminal::Other(n) => n,
                },
                time_stamp: value.time_stamp.clone(),
                random: value.random,
                sign: value.sign.clone(),
            }
        }
    }

    impl From<&ctt::ApiResultOfString> for ApiResultOfString {
        fn from(value: &ctt::ApiResultOfString) -> Self {
            ApiResultOfString {
                code: value.code,
                message: value.message.clone(),
                data: value.data.clone(),
            }
        }
    }

    impl From<&digitalscience::OrderTicketRefundParm> for OrderTicketRefundParm {
        fn from(value: &digitalscience::OrderTicketRefundParm) -> Self {
            let parm = &value.refundparm;
            OrderTicketRefundParm {
                username: value.username.clone(),
                settotomorrowtime: value.settotomorrowtime.clone(),
                refundparm: RefundParm {
                    orderid: parm.orderid.clone(),
                    refundallticket: parm.refundallticket.clone(),
                    ticketids: parm.ticketids.clone(),
                },
            }
        }
    }

    impl From<&digitalscience::CommonOperationResult> for CommonOperationResult {
        fn from(value: &digitalscience::CommonOperationResult) -> Self {
            CommonOperationResult {
                errcode: value.errcode,
                errmsg: value.errmsg.clone(),
                tag: value.tag.clone(),
            }
        }
    }
}
