//! The writing half of DataContractSerializer over a plain `XmlWriter` (section A5 of the wire-format notes):
//! which prefix an element gets, when `xmlns="…"` or `xmlns:dNpM` is declared, how text is escaped.

use std::borrow::Cow;

use super::{DataContract, XSI_NAMESPACE, XmlError, XmlValue};

/// A prefix in scope, as `XmlWellFormedWriter` tracks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    /// The default namespace (`xmlns="…"`).
    Default,
    /// `i`, bound to the XML Schema instance namespace on the root.
    Xsi,
    /// `d{depth}p{n}`, declared by `XmlWriterDelegator.WriteXmlnsAttribute` for a member's contract namespace.
    Generated { depth: u32, n: u32 },
}

struct Binding {
    prefix: Prefix,
    namespace: &'static str,
    /// The depth of the element that declared it; the binding ends with that element.
    depth: u32,
}

struct Open {
    prefix: Prefix,
    name: Cow<'static, str>,
}

/// One step of the path an error names.
#[derive(Clone, Copy)]
enum Step {
    Member(&'static str),
    Item(usize),
}

/// Writes one document; generated code reaches it through [`XmlWriter::member`] and [`XmlWriter::items`].
pub struct XmlWriter {
    out: String,
    bindings: Vec<Binding>,
    open: Vec<Open>,
    /// Whether the innermost start tag still lacks its `>`, so an element with no content closes as ` />`.
    start_tag_open: bool,
    /// The default namespace the open start tag redeclares: `XmlWellFormedWriter` writes that declaration when it
    /// closes the tag, after the attributes written explicitly (`<x i:nil="true" xmlns="…" />`).
    pending_default: Option<&'static str>,
    /// The `n` of the next `d{depth}p{n}` on the innermost element; restarts at 1 on every element.
    next_prefix: u32,
    path: Vec<Step>,
}

impl XmlWriter {
    pub(crate) fn new() -> XmlWriter {
        XmlWriter {
            out: String::with_capacity(512),
            bindings: Vec::with_capacity(8),
            open: Vec::with_capacity(8),
            start_tag_open: false,
            pending_default: None,
            next_prefix: 1,
            path: Vec::with_capacity(8),
        }
    }

    pub(crate) fn into_string(self) -> String {
        self.out
    }

    /// The root element: the contract name with `xmlns:i` then the contract namespace as default (A5.1).
    pub(crate) fn root<T: DataContract>(
        &mut self,
        name: &'static str,
        namespace: &'static str,
        value: &T,
    ) -> Result<(), XmlError> {
        self.out.push('<');
        self.out.push_str(name);
        self.declare(Prefix::Xsi, XSI_NAMESPACE, 1);
        if !namespace.is_empty() {
            self.redeclare_default(namespace, 1);
        }
        self.open.push(Open {
            prefix: Prefix::Default,
            name: Cow::Borrowed(name),
        });
        self.start_tag_open = true;
        value.write_xml(self)?;
        self.end_element();
        Ok(())
    }

    /// Writes one data member: its element in the namespace of the contract that declares it, the namespace of its
    /// type's contract declared when it differs (A5.3), then the value.
    pub fn member<V: XmlValue>(
        &mut self,
        name: &'static str,
        declaring_namespace: &'static str,
        value: &V,
    ) -> Result<(), XmlError> {
        self.path.push(Step::Member(name));
        self.start_element(Cow::Borrowed(name), declaring_namespace);
        if let Some(child) = V::child_namespace()
            && child != declaring_namespace
        {
            self.declare_child_namespace(child);
        }
        value.write_xml(self)?;
        self.end_element();
        self.path.pop();
        Ok(())
    }

    /// Writes the items of a collection, each as an element named by the item's contract (A6).
    pub fn items<'v, V: XmlValue + 'v>(
        &mut self,
        items: impl IntoIterator<Item = &'v V>,
    ) -> Result<(), XmlError> {
        let namespace = V::collection_namespace();
        for (index, item) in items.into_iter().enumerate() {
            self.path.push(Step::Item(index));
            self.start_element(V::contract_name(), namespace);
            if let Some(child) = V::child_namespace()
                && child != namespace
            {
                self.declare_child_namespace(child);
            }
            item.write_xml(self)?;
            self.end_element();
            self.path.pop();
        }
        Ok(())
    }

    /// Marks the open element null: `i:nil="true"`, after any namespace it declared (A5.5).
    pub fn nil(&mut self) {
        self.out.push_str(" i:nil=\"true\"");
    }

    /// Writes text content, escaped as `XmlEncodedRawTextWriter` escapes it with `CheckCharacters = false` and
    /// `NewLineHandling.Replace`: `&`, `<` and `>` as entities, every line break as `\r\n` (a Windows server's
    /// `NewLineChars`), and characters XML cannot hold as `&#xN;` references. An empty text still closes the
    /// start tag, so an empty string is `<x></x>`, never `<x />`.
    pub fn text(&mut self, text: &str) {
        self.close_start_tag();
        let mut rest = text;
        while let Some(at) = rest.find(needs_escape) {
            self.out.push_str(&rest[..at]);
            let ch = rest[at..].chars().next().unwrap_or('\0');
            rest = &rest[at + ch.len_utf8()..];
            match ch {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '\n' => self.out.push_str("\r\n"),
                '\r' => {
                    rest = rest.strip_prefix('\n').unwrap_or(rest);
                    self.out.push_str("\r\n");
                }
                other => {
                    use std::fmt::Write as _;
                    let _ = write!(self.out, "&#x{:X};", u32::from(other));
                }
            }
        }
        self.out.push_str(rest);
    }

    /// An error at the member or item being written.
    pub fn error(&self, code: &'static str, message: String) -> XmlError {
        let mut path = String::from("$");
        for step in &self.path {
            match step {
                Step::Member(name) => {
                    path.push('.');
                    path.push_str(name);
                }
                Step::Item(index) => {
                    use std::fmt::Write as _;
                    let _ = write!(path, "[{index}]");
                }
            }
        }
        XmlError::at(path, code, message)
    }

    fn depth(&self) -> u32 {
        self.open.len() as u32
    }

    /// `WriteStartElement(null, name, ns)`: the prefix already bound to `ns`, or the default namespace redeclared.
    fn start_element(&mut self, name: Cow<'static, str>, namespace: &'static str) {
        self.close_start_tag();
        let depth = self.depth() + 1;
        self.out.push('<');
        let prefix = match self.lookup_prefix(namespace) {
            Some(prefix) => {
                self.push_qualified(prefix, &name);
                prefix
            }
            None => {
                self.out.push_str(&name);
                self.redeclare_default(namespace, depth);
                Prefix::Default
            }
        };
        self.open.push(Open { prefix, name });
        self.start_tag_open = true;
        self.next_prefix = 1;
    }

    fn end_element(&mut self) {
        let depth = self.depth();
        let Some(open) = self.open.pop() else { return };
        if self.start_tag_open {
            self.write_pending_default();
            self.out.push_str(" />");
            self.start_tag_open = false;
        } else {
            self.out.push_str("</");
            self.push_qualified(open.prefix, &open.name);
            self.out.push('>');
        }
        while self.bindings.last().is_some_and(|b| b.depth == depth) {
            self.bindings.pop();
        }
    }

    fn close_start_tag(&mut self) {
        if self.start_tag_open {
            self.write_pending_default();
            self.out.push('>');
            self.start_tag_open = false;
        }
    }

    /// `XmlWriterDelegator.WriteXmlnsAttribute`: nothing when a prefix (the default one included) already maps to
    /// the namespace, else `xmlns:d{depth}p{n}` on the element just opened.
    fn declare_child_namespace(&mut self, namespace: &'static str) {
        if self.lookup_prefix(namespace).is_some() {
            return;
        }
        let depth = self.depth();
        let prefix = Prefix::Generated {
            depth,
            n: self.next_prefix,
        };
        self.next_prefix += 1;
        self.declare(prefix, namespace, depth);
    }

    /// Binds the default namespace now and writes its declaration when the start tag closes.
    fn redeclare_default(&mut self, namespace: &'static str, depth: u32) {
        self.pending_default = Some(namespace);
        self.bindings.push(Binding {
            prefix: Prefix::Default,
            namespace,
            depth,
        });
    }

    fn write_pending_default(&mut self) {
        if let Some(namespace) = self.pending_default.take() {
            self.out.push_str(" xmlns=\"");
            push_attribute_text(&mut self.out, namespace);
            self.out.push('"');
        }
    }

    /// Declares a prefix on the open start tag: `xmlns:i` on the root, `xmlns:d2p1` on a member.
    fn declare(&mut self, prefix: Prefix, namespace: &'static str, depth: u32) {
        self.out.push_str(" xmlns:");
        push_prefix(&mut self.out, prefix);
        self.out.push_str("=\"");
        push_attribute_text(&mut self.out, namespace);
        self.out.push('"');
        self.bindings.push(Binding {
            prefix,
            namespace,
            depth,
        });
    }

    /// The innermost prefix bound to `namespace` that no inner declaration has rebound to another namespace.
    fn lookup_prefix(&self, namespace: &str) -> Option<Prefix> {
        let bindings = &self.bindings;
        (0..bindings.len()).rev().find_map(|at| {
            let binding = &bindings[at];
            let in_force = !bindings[at + 1..]
                .iter()
                .any(|b| b.prefix == binding.prefix);
            (binding.namespace == namespace && in_force).then_some(binding.prefix)
        })
    }

    /// Writes `prefix:name`, or just `name` in the default namespace.
    fn push_qualified(&mut self, prefix: Prefix, name: &str) {
        if prefix != Prefix::Default {
            push_prefix(&mut self.out, prefix);
            self.out.push(':');
        }
        self.out.push_str(name);
    }
}

/// Writes a prefix's name: `i`, `d2p1`; nothing for the default namespace.
fn push_prefix(out: &mut String, prefix: Prefix) {
    use std::fmt::Write as _;
    match prefix {
        Prefix::Default => {}
        Prefix::Xsi => out.push('i'),
        Prefix::Generated { depth, n } => {
            let _ = write!(out, "d{depth}p{n}");
        }
    }
}

/// Characters the text writer does not copy as they are.
fn needs_escape(ch: char) -> bool {
    matches!(ch, '&' | '<' | '>' | '\n' | '\r')
        || (ch < ' ' && ch != '\t')
        || matches!(ch, '\u{FFFE}' | '\u{FFFF}')
}

fn push_attribute_text(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
}
