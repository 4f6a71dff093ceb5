//! What a DataContract XML sample says about the types: the root element's name and namespace, the namespace of
//! each nested member's contract (`xmlns:d2p1="..."` on the member element), and members written in a namespace
//! other than their parent's (inherited members of a base class in another CLR namespace).

use std::sync::LazyLock;

use regex::Regex;

/// A start tag: its name, its attributes, whether it closes itself.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*"[^"]*")*)\s*(/?)>|</([A-Za-z_][\w.:-]*)\s*>"#,
    )
    .expect("a valid regex")
});
static ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"([\w.:-]+)\s*=\s*"([^"]*)""#).expect("a valid regex"));

/// One element of the sample, flattened: its depth (root 0), local name and namespace attributes.
#[derive(Debug)]
pub struct Element {
    pub depth: usize,
    pub name: String,
    /// `xmlns="..."` on this element.
    pub default_ns: Option<String>,
    /// `xmlns:p="..."` on this element.
    pub prefixed_ns: Vec<(String, String)>,
    /// The text directly inside, when the element has no children.
    pub text: Option<String>,
}

/// The elements of a sample in document order, or `None` when the tags do not balance (a cut-off sample).
pub fn elements(sample: &str) -> Option<Vec<Element>> {
    let mut out: Vec<Element> = Vec::new();
    let mut open: Vec<(usize, String, usize)> = Vec::new();
    for caps in TAG.captures_iter(sample) {
        let whole = caps.get(0)?;
        if let Some(close) = caps.get(4) {
            let (index, name, text_from) = open.pop()?;
            if name != close.as_str() {
                return None;
            }
            if index + 1 == out.len() {
                out[index].text = Some(sample[text_from..whole.start()].trim().to_owned());
            }
            continue;
        }
        let qualified = caps.get(1)?.as_str();
        let mut element = Element {
            depth: open.len(),
            name: qualified.rsplit(':').next().unwrap_or(qualified).to_owned(),
            default_ns: None,
            prefixed_ns: Vec::new(),
            text: None,
        };
        for attr in ATTR.captures_iter(caps.get(2).map_or("", |m| m.as_str())) {
            match attr[1].strip_prefix("xmlns") {
                Some("") => element.default_ns = Some(attr[2].to_owned()),
                Some(prefix) if prefix.starts_with(':') => element
                    .prefixed_ns
                    .push((prefix[1..].to_owned(), attr[2].to_owned())),
                _ => {}
            }
        }
        let self_closing = !caps.get(3).is_none_or(|m| m.as_str().is_empty());
        out.push(element);
        if !self_closing {
            open.push((out.len() - 1, qualified.to_owned(), whole.end()));
        }
    }
    (open.is_empty() && !out.is_empty()).then_some(out)
}

/// The namespace a member element declares for its contract's own members: its one non-XSI prefix that its
/// children use; DataContractSerializer names these `d2p1`, `d3p1`, ...
pub fn member_namespace(element: &Element) -> Option<&str> {
    element
        .prefixed_ns
        .iter()
        .find(|(prefix, ns)| {
            prefix.starts_with('d')
                && ns != "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
        })
        .map(|(_, ns)| ns.as_str())
}
