//! "Request Formats" and "Response Formats": the media types a Help Page lists, each with its sample.

use regex::Regex;
use std::sync::LazyLock;

use crate::import::page::Page;
use crate::import::xml;

/// A media type line: `application/json, text/json`.
static MEDIA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:application|text)/[\w.+-]+(?:\s*,\s*(?:application|text)/[\w.+-]+)*$")
        .expect("a valid regex")
});

/// One listed media type and what the page shows under it.
pub struct Sample {
    /// The media type line, as the page writes it.
    pub media: String,
    pub at: usize,
    /// The language's format, or `None` for a media type it has no format for.
    pub format: Option<&'static str>,
    /// The sample's lines, trimmed of blank lines around it; `None` for the Help Page's placeholders.
    pub text: Option<String>,
    /// The line of the sample's first line.
    pub text_at: usize,
    /// The sample runs to the end of the page.
    pub at_end: bool,
}

/// Whether an XML sample is `XmlSerializer`'s rather than `DataContractSerializer`'s: a Web API that sets
/// `UseXmlSerializer` writes a root that declares the XSD namespace (`xmlns:xsd`) and no namespace of its own, which
/// DataContractSerializer never does (it declares `xmlns:i` and the contract's namespace).
pub fn is_xml_serializer(sample: &Sample) -> bool {
    const XSD: &str = "http://www.w3.org/2001/XMLSchema";
    sample.format == Some("xml")
        && sample
            .text
            .as_deref()
            .and_then(xml::elements)
            .and_then(|elements| elements.into_iter().next())
            .is_some_and(|root| {
                root.default_ns.is_none() && root.prefixed_ns.iter().any(|(_, ns)| ns == XSD)
            })
}

/// The language's format of a media type line.
fn format_of(media: &str) -> Option<&'static str> {
    let first = media.split(',').next().unwrap_or("").trim();
    match first {
        "application/json" | "text/json" => Some("json"),
        "application/xml" | "text/xml" => Some("xml"),
        "application/x-www-form-urlencoded" => Some("form"),
        "application/bson" => Some("bson"),
        _ => None,
    }
}

/// The samples of lines `from..to`.
pub fn read(page: &Page<'_>, from: usize, to: usize) -> Vec<Sample> {
    let starts: Vec<usize> = (from..to)
        .filter(|&i| MEDIA.is_match(page.text(i)))
        .collect();
    let mut samples = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(to);
        let mut body = start + 1;
        if page.text(body).is_empty() {
            body = page.find(body, end, |t| !t.is_empty()).unwrap_or(end);
        }
        if page.text(body) == "Sample:" {
            body += 1;
        }
        let lines = page.non_blank(body, end);
        let text = match (lines.first(), lines.last()) {
            (Some(&first), Some(&last)) => {
                let joined: Vec<&str> = (first..=last).map(|i| page.raw(i).trim_end()).collect();
                let joined = joined.join("\n");
                let placeholder = joined == "Sample not available."
                    || joined.starts_with("Failed to generate the sample for media type")
                    || joined.starts_with("Binary JSON content. See http://bsonspec.org");
                (!placeholder).then(|| format!("{joined}\n"))
            }
            _ => None,
        };
        samples.push(Sample {
            media: page.text(start).to_owned(),
            at: start,
            format: format_of(page.text(start)),
            text,
            text_at: lines.first().copied().unwrap_or(body),
            at_end: end >= page.len(),
        });
    }
    samples
}
