//! The namespace declarations in scope while reading: `xmlns="…"` and `xmlns:p="…"` of the open elements,
//! innermost last, so a prefix resolves to its innermost declaration by a short backwards scan.

use std::borrow::Cow;

use super::scan::same;
use super::small_stack::SmallStack;

/// The namespace the `xml` prefix is bound to without a declaration.
const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// The namespace of `xmlns` attributes, which no prefix may be bound to.
const XMLNS_NAMESPACE: &str = "http://www.w3.org/2000/xmlns/";

/// How many declarations may be in scope at once: a bound on the cost of each lookup.
const MAX_BINDINGS: usize = 1024;

pub(super) struct Scope<'a> {
    /// (prefix, namespace); the empty prefix is the default namespace.
    bindings: SmallStack<(&'a str, Cow<'a, str>), 4>,
}

impl<'a> Scope<'a> {
    pub(super) fn new() -> Scope<'a> {
        Scope {
            bindings: SmallStack::new(),
        }
    }

    /// A mark to [`Scope::end`] at: the bindings declared after it belong to one element.
    pub(super) fn mark(&self) -> usize {
        self.bindings.len()
    }

    /// Ends the declarations made since `mark`.
    pub(super) fn end(&mut self, mark: usize) {
        self.bindings.truncate(mark);
    }

    /// Declares `prefix` (empty for the default namespace) as an element's `xmlns` attribute does; an empty
    /// namespace undeclares it. Declarations the Namespaces recommendation forbids are refused.
    pub(super) fn declare(
        &mut self,
        prefix: &'a str,
        namespace: Cow<'a, str>,
    ) -> Result<(), String> {
        match prefix {
            "xml" if namespace == XML_NAMESPACE => return Ok(()),
            "xml" => return Err(format!("the prefix `xml` cannot be bound to `{namespace}`")),
            "xmlns" => return Err("the prefix `xmlns` cannot be declared".to_owned()),
            _ if namespace == XML_NAMESPACE || namespace == XMLNS_NAMESPACE => {
                return Err(format!(
                    "the prefix `{prefix}` cannot be bound to `{namespace}`"
                ));
            }
            _ => {}
        }
        if self.bindings.len() >= MAX_BINDINGS {
            return Err(format!(
                "more than {MAX_BINDINGS} namespace declarations are in scope"
            ));
        }
        self.bindings.push((prefix, namespace));
        Ok(())
    }

    /// The namespace a prefix stands for: the default namespace (`""` when none) for the empty prefix, `None`
    /// for a prefix not declared.
    pub(super) fn resolve(&self, prefix: &str) -> Option<&str> {
        // Not `==`: on two empty strings it still calls `memcmp`, which on some processors costs a microcode
        // assist for the dangling pointer of `""`, and the default namespace's prefix is empty.
        let declared = self
            .bindings
            .innermost_first()
            .find(|(p, _)| same(p.as_bytes(), prefix.as_bytes()));
        if let Some((_, namespace)) = declared {
            return (prefix.is_empty() || !namespace.is_empty()).then_some(&**namespace);
        }
        match prefix {
            "" => Some(""),
            "xml" => Some(XML_NAMESPACE),
            _ => None,
        }
    }
}

/// Splits a qualified name into prefix (empty when there is none) and local name; `None` when either part is
/// empty or the local name holds another colon.
pub(super) fn split_name(name: &str) -> Option<(&str, &str)> {
    match name.split_once(':') {
        None => Some(("", name)),
        Some((prefix, local))
            if !prefix.is_empty() && !local.is_empty() && !local.contains(':') =>
        {
            Some((prefix, local))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_resolve_to_their_innermost_declaration() {
        let mut scope = Scope::new();
        assert_eq!(scope.resolve(""), Some(""));
        assert_eq!(scope.resolve("d2p1"), None);
        assert_eq!(scope.resolve("xml"), Some(XML_NAMESPACE));
        let root = scope.mark();
        scope.declare("i", "urn:xsi".into()).unwrap();
        scope.declare("", "urn:root".into()).unwrap();
        let member = scope.mark();
        scope.declare("d2p1", "urn:member".into()).unwrap();
        scope.declare("", "urn:base".into()).unwrap();
        assert_eq!(scope.resolve(""), Some("urn:base"));
        assert_eq!(scope.resolve("d2p1"), Some("urn:member"));
        assert_eq!(scope.resolve("i"), Some("urn:xsi"));
        scope.end(member);
        assert_eq!(scope.resolve(""), Some("urn:root"));
        assert_eq!(scope.resolve("d2p1"), None);
        scope.end(root);
        assert_eq!(scope.resolve("i"), None);
    }

    #[test]
    fn an_empty_namespace_undeclares() {
        let mut scope = Scope::new();
        scope.declare("", "urn:a".into()).unwrap();
        scope.declare("p", "urn:p".into()).unwrap();
        scope.declare("", "".into()).unwrap();
        scope.declare("p", "".into()).unwrap();
        assert_eq!(scope.resolve(""), Some(""));
        assert_eq!(scope.resolve("p"), None);
    }

    #[test]
    fn reserved_prefixes_and_namespaces_are_refused() {
        let mut scope = Scope::new();
        assert!(scope.declare("xml", XML_NAMESPACE.into()).is_ok());
        assert!(scope.declare("xml", "urn:x".into()).is_err());
        assert!(scope.declare("xmlns", "urn:x".into()).is_err());
        assert!(scope.declare("p", XML_NAMESPACE.into()).is_err());
        assert!(scope.declare("", XMLNS_NAMESPACE.into()).is_err());
        for n in 0..MAX_BINDINGS {
            assert!(scope.declare("p", format!("urn:{n}").into()).is_ok());
        }
        assert!(scope.declare("q", "urn:q".into()).is_err());
    }

    #[test]
    fn qualified_names_split_at_one_colon() {
        assert_eq!(split_name("string"), Some(("", "string")));
        assert_eq!(split_name("d3p1:string"), Some(("d3p1", "string")));
        for bad in [":a", "a:", "a:b:c"] {
            assert_eq!(split_name(bad), None, "{bad}");
        }
    }
}
