//! The SDK request example: which object each setter is called on. Its order follows the table's, and where the
//! table's `└` marks leave the nesting open, the receiver of a member's setter settles it.

use std::sync::LazyLock;

use regex::Regex;

static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\w+)\s*=\s*new\s+([\w.]+)\s*(?:<[^>]*>)?\s*\(").expect("a valid regex")
});
static SETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\w+)\.set(\w+)\(").expect("a valid regex"));
static RESPONSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\w+Response)\s+\w+\s*=").expect("a valid regex"));

/// What the Java example says.
#[derive(Default)]
pub struct Example {
    pub request_class: Option<String>,
    pub response_class: Option<String>,
    /// Each setter in order: the receiver's class (last segment) if declared, the receiver, the Java property.
    pub setters: Vec<(Option<String>, String, String)>,
    /// `client.execute(req, sessionKey)`.
    pub session: bool,
    /// The line of `client.execute(...)`.
    pub execute_at: Option<usize>,
    /// The line that builds a `QimenCloudClient`: a Qimen API, served behind TOP's Qimen gateway.
    pub qimen_at: Option<usize>,
}

/// Reads lines `(index, text)` of a Java example; `None` when they are not one.
pub fn read(lines: &[(usize, &str)]) -> Option<Example> {
    if !lines
        .iter()
        .any(|(_, l)| l.contains("TaobaoClient") || l.contains("client.execute"))
    {
        return None;
    }
    let mut example = Example::default();
    let mut classes: Vec<(String, String)> = Vec::new();
    for &(at, line) in lines {
        if let Some(caps) = DECLARATION.captures(line) {
            let class = caps[2].rsplit('.').next().unwrap_or("").to_owned();
            if example.request_class.is_none() && class.ends_with("Request") && &caps[1] == "req" {
                example.request_class = Some(class.clone());
            }
            classes.push((caps[1].to_owned(), class));
        }
        if let Some(caps) = SETTER.captures(line) {
            let receiver = caps[1].to_owned();
            let class = classes
                .iter()
                .rev()
                .find(|(var, _)| *var == receiver)
                .map(|(_, class)| class.clone());
            let mut property = caps[2].to_owned();
            if let Some(first) = property.get(..1) {
                property.replace_range(..1, &first.to_ascii_lowercase());
            }
            example.setters.push((class, receiver, property));
        }
        if line.contains("QimenCloudClient") && example.qimen_at.is_none() {
            example.qimen_at = Some(at);
        }
        if line.contains("client.execute(") {
            example.execute_at = Some(at);
            example.session = line.contains(',');
        }
        if let Some(caps) = RESPONSE.captures(line) {
            example.response_class = Some(caps[1].to_owned());
        }
    }
    Some(example)
}
