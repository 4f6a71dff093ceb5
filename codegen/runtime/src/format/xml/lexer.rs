//! The tokens of an XML document, as spans of its text: tags, character data, CDATA, and the markup a
//! DataContract reader passes over or refuses.
//!
//! A general-purpose reader does work this reader does not need (per-token UTF-8 checks of text already known
//! to be UTF-8, a copy of every open element's name); this one finds each token with a byte scan, keeps no more
//! than its position, and leaves references and namespaces to the layers above (`unescape`, `scope`). A
//! document type declaration is reported at its first bytes and never parsed, so no entity is ever declared.
//! The TOP envelope (`top/xml_tree.rs`) and [`super::compact`] read with it too: the crate has one XML reader.

use memchr::memchr;

use super::{scan, unescape};

/// One piece of markup or character data; the text it covers is [`Lexer::get`]. Twelve bytes, so that handing
/// a token from the lexer to the reader goes through registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// `<name`: the tag's attributes are read next, with [`Lexer::attributes`], unless it ended at its name.
    Start(StartTag),
    /// `</name>`: the name without trailing white space.
    End(Span),
    /// Character data up to the next `<`, references not yet resolved, and whether it is plain: when it is
    /// not, it holds something for [`unescape::text`] to resolve, normalise or refuse.
    Text(Span, bool),
    /// The content of `<![CDATA[…]]>`.
    CData(Span),
    /// A comment, or a processing instruction other than the XML declaration.
    Ignorable,
    /// `<?xml …?>`.
    Declaration,
    /// `<!DOCTYPE`: the lexer reads no further into it.
    DocType,
    /// The end of the document.
    Eof,
    /// Malformed markup, which [`Lexer::error`] describes; the lexer reads no further.
    Malformed,
}

/// Where a piece of the document lies. Offsets are `u32`: the reader reads documents of up to 4 GiB.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub at: u32,
    pub len: u32,
}

impl Span {
    fn new(start: usize, end: usize) -> Span {
        Span {
            at: start as u32,
            len: (end - start) as u32,
        }
    }

    pub(super) fn end(self) -> usize {
        self.at as usize + self.len as usize
    }
}

/// The start of a start tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StartTag {
    /// The qualified name, `d2p1:orderid`.
    pub name: Span,
    /// `Some(empty)` when the tag ends right after its name (`<x>`, `<x/>`), as most do; `None` when
    /// attributes (or white space) follow, which [`Lexer::attributes`] reads to the tag's end.
    pub bare: Option<bool>,
}

/// Malformed markup at a byte offset of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub at: usize,
    pub message: &'static str,
}

pub(crate) struct Lexer<'a> {
    text: &'a str,
    at: usize,
    /// Why the last token was [`Token::Malformed`].
    error: Option<SyntaxError>,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(text: &'a str) -> Lexer<'a> {
        Lexer {
            text,
            at: 0,
            error: None,
        }
    }

    /// The document being read.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The text a token covers.
    #[inline]
    pub(crate) fn get(&self, span: Span) -> &'a str {
        self.text
            .get(span.at as usize..span.end())
            .unwrap_or_default()
    }

    /// The byte offset of the next token.
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    /// Why the last token was [`Token::Malformed`].
    pub(crate) fn error(&self) -> SyntaxError {
        self.error.clone().unwrap_or(SyntaxError {
            at: self.at,
            message: "malformed markup",
        })
    }

    pub(crate) fn next_token(&mut self) -> Token {
        match self.lex() {
            Ok(token) => token,
            Err(error) => {
                self.at = self.text.len();
                self.error = Some(error);
                Token::Malformed
            }
        }
    }

    #[inline]
    fn lex(&mut self) -> Result<Token, SyntaxError> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        match bytes.get(start) {
            None => Ok(Token::Eof),
            Some(b'<') => match bytes.get(start + 1) {
                Some(b'/') => self.end_tag(start),
                Some(b'?') => self.processing_instruction(start),
                Some(b'!') => self.bang(start),
                _ => self.start_tag(start),
            },
            Some(_) => {
                let (end, plain) = unescape::text_extent(bytes, start);
                self.at = end;
                Ok(Token::Text(Span::new(start, end), plain))
            }
        }
    }

    /// Consumes `</name>` when it comes next, as it nearly always does after an element's content: no scan and
    /// no name check, since the start tag's name was checked. Anything else is left to [`Lexer::next_token`].
    pub(super) fn end_tag_of(&mut self, name: &str) -> bool {
        let rest = &self.text.as_bytes()[self.at..];
        let found = rest.len() > name.len() + 2
            && rest.starts_with(b"</")
            && rest[2 + name.len()] == b'>'
            && scan::same(&rest[2..2 + name.len()], name.as_bytes());
        if found {
            self.at += name.len() + 3;
        }
        found
    }

    #[inline]
    fn start_tag(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let bytes = self.text.as_bytes();
        let name_at = start + 1;
        let name_end = name_end(bytes, name_at)?;
        if bytes
            .get(name_end)
            .is_some_and(|&b| !is_space(b) && b != b'/' && b != b'>')
        {
            return Err(SyntaxError {
                at: name_end,
                message: "a name holds a character names cannot hold",
            });
        }
        let bare = match &bytes[name_end..] {
            [b'>', ..] => Some(false),
            [b'/', b'>', ..] => Some(true),
            _ => None,
        };
        self.at = match bare {
            Some(false) => name_end + 1,
            Some(true) => name_end + 2,
            None => name_end,
        };
        Ok(Token::Start(StartTag {
            name: Span::new(name_at, name_end),
            bare,
        }))
    }

    /// The attributes of the start tag just read, which did not end at its name; once they are read to the
    /// tag's end, [`Lexer::resume`] goes on after it.
    pub(crate) fn attributes(&self) -> Attributes<'a> {
        Attributes::new(self.text, self.at)
    }

    /// Goes on after the start tag whose attributes `attributes` read to the end.
    pub(crate) fn resume(&mut self, attributes: &Attributes<'a>) {
        self.at = attributes.at;
    }

    fn end_tag(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let bytes = self.text.as_bytes();
        let Some(n) = memchr(b'>', &bytes[start + 2..]) else {
            return Err(SyntaxError {
                at: start,
                message: "the document ends inside an end tag",
            });
        };
        let close = start + 2 + n;
        let name = self.text[start + 2..close].trim_end_matches(is_space_char);
        check_name(name).map_err(|message| SyntaxError {
            at: start + 2,
            message,
        })?;
        self.at = close + 1;
        Ok(Token::End(Span::new(start + 2, start + 2 + name.len())))
    }

    /// `<?target …?>`: the declaration when the target is `xml`, else a processing instruction.
    fn processing_instruction(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let content_at = start + 2;
        let Some(n) = self.text[content_at..].find("?>") else {
            return Err(SyntaxError {
                at: start,
                message: "a processing instruction without its `?>`",
            });
        };
        let content = &self.text[content_at..content_at + n];
        let target = content.split(is_space_char).next().unwrap_or_default();
        check_name(target).map_err(|message| SyntaxError {
            at: content_at,
            message,
        })?;
        self.at = content_at + n + 2;
        Ok(if target == "xml" {
            Token::Declaration
        } else {
            Token::Ignorable
        })
    }

    /// `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE`; any other `<!` is malformed.
    fn bang(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let rest = &self.text[start..];
        let unclosed = |message| SyntaxError { at: start, message };
        if let Some(comment) = rest.strip_prefix("<!--") {
            let n = comment
                .find("-->")
                .ok_or_else(|| unclosed("a comment without its `-->`"))?;
            self.at = start + 4 + n + 3;
            Ok(Token::Ignorable)
        } else if let Some(data) = rest.strip_prefix("<![CDATA[") {
            let n = data
                .find("]]>")
                .ok_or_else(|| unclosed("a CDATA section without its `]]>`"))?;
            self.at = start + 9 + n + 3;
            Ok(Token::CData(Span::new(start + 9, start + 9 + n)))
        } else if rest
            .as_bytes()
            .get(..9)
            .is_some_and(|head| head.eq_ignore_ascii_case(b"<!DOCTYPE"))
        {
            Ok(Token::DocType)
        } else {
            Err(unclosed(
                "`<!` that starts no comment, CDATA section or document type",
            ))
        }
    }
}

/// How many attribute names are compared one by one for duplicates; past that they are sorted at the end, so a
/// tag of a million attributes costs no more than sorting them.
const SEEN_INLINE: usize = 4;

/// What [`Attributes::next`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attribute<'a> {
    /// A qualified name, its raw value, and whether that value is plain: when it is not, it holds something
    /// for [`unescape::attribute`] to resolve, normalise or refuse.
    Pair(&'a str, &'a str, bool),
    /// `>` or, when `empty`, `/>`.
    End { empty: bool },
}

/// The attributes of a start tag, in document order, each checked as it is reached; a name that appears twice
/// is an error.
pub(crate) struct Attributes<'a> {
    text: &'a str,
    at: usize,
    /// Where the attributes start, which needs no white space before the first one.
    start: usize,
    seen: [&'a str; SEEN_INLINE],
    seen_len: usize,
    seen_more: Vec<&'a str>,
}

impl<'a> Attributes<'a> {
    /// The attributes of the start tag whose name ends at `at` in `text`.
    pub(super) fn new(text: &'a str, at: usize) -> Attributes<'a> {
        Attributes {
            text,
            at,
            start: at,
            seen: [""; SEEN_INLINE],
            seen_len: 0,
            seen_more: Vec::new(),
        }
    }

    /// The next attribute, or the end of the tag.
    pub(crate) fn next(&mut self) -> Result<Attribute<'a>, SyntaxError> {
        let separated = self.skip_space() > 0 || self.at == self.start;
        let bytes = self.text.as_bytes();
        match bytes.get(self.at) {
            None => Err(self.error(self.at, "the document ends inside a start tag")),
            Some(b'>') => {
                self.at += 1;
                self.finish(false)
            }
            Some(b'/') if bytes.get(self.at + 1) == Some(&b'>') => {
                self.at += 2;
                self.finish(true)
            }
            Some(_) if !separated => {
                Err(self.error(self.at, "attributes not separated by white space"))
            }
            Some(_) => self.attribute(),
        }
    }

    fn error(&self, at: usize, message: &'static str) -> SyntaxError {
        SyntaxError { at, message }
    }

    fn skip_space(&mut self) -> usize {
        let bytes = self.text.as_bytes();
        let start = self.at;
        while self.at < bytes.len() && is_space(bytes[self.at]) {
            self.at += 1;
        }
        self.at - start
    }

    /// Remembers a name, refusing it when one of the first few names already is it.
    fn remember(&mut self, name: &'a str, at: usize) -> Result<(), SyntaxError> {
        if self.seen_len < SEEN_INLINE {
            if self.seen[..self.seen_len].contains(&name) {
                return Err(self.error(at, "an attribute appears twice"));
            }
            self.seen[self.seen_len] = name;
            self.seen_len += 1;
        } else {
            self.seen_more.push(name);
        }
        Ok(())
    }

    /// At the tag's end: the names past the first few, checked all at once.
    fn finish(&mut self, empty: bool) -> Result<Attribute<'a>, SyntaxError> {
        if !self.seen_more.is_empty() {
            let mut names = std::mem::take(&mut self.seen_more);
            names.extend_from_slice(&self.seen);
            names.sort_unstable();
            if names.windows(2).any(|pair| pair[0] == pair[1]) {
                return Err(self.error(self.start, "an attribute appears twice"));
            }
        }
        Ok(Attribute::End { empty })
    }

    fn attribute(&mut self) -> Result<Attribute<'a>, SyntaxError> {
        let bytes = self.text.as_bytes();
        let name_at = self.at;
        self.at = name_end(bytes, name_at)?;
        let name = &self.text[name_at..self.at];
        self.remember(name, name_at)?;
        self.skip_space();
        if bytes.get(self.at) != Some(&b'=') {
            return Err(self.error(self.at, "an attribute without `=` and a value"));
        }
        self.at += 1;
        self.skip_space();
        let quote = match bytes.get(self.at) {
            Some(&quote @ (b'"' | b'\'')) => quote,
            _ => return Err(self.error(self.at, "an attribute value without quotes")),
        };
        let value_at = self.at + 1;
        let (end, plain) = unescape::attribute_extent(bytes, value_at, quote);
        if end == bytes.len() {
            return Err(self.error(self.at, "an attribute value without its closing quote"));
        }
        self.at = end + 1;
        Ok(Attribute::Pair(name, &self.text[value_at..end], plain))
    }
}

/// White space as XML defines it (the `S` production: space, tab, CR, LF), the one definition the crate's
/// XML readers share: the DataContract reader, the TOP envelope and [`super::compact`].
pub(crate) fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

/// Whether `text` is nothing but XML white space.
pub(crate) fn is_white_space(text: &str) -> bool {
    text.bytes().all(is_space)
}

fn is_space_char(ch: char) -> bool {
    u8::try_from(ch).is_ok_and(is_space)
}

/// Bytes an XML name may hold: the ASCII name characters (`NameChar`) and every byte of a non-ASCII character.
const NAME_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = byte >= 0x80
            || (byte as u8).is_ascii_alphanumeric()
            || matches!(byte as u8, b'-' | b'.' | b'_' | b':');
        byte += 1;
    }
    table
};

/// The end of the name that starts at `at`: the run of name bytes, which must not be empty nor start with a
/// digit, `-` or `.`. What may follow it is the caller's to check.
#[inline]
fn name_end(bytes: &[u8], at: usize) -> Result<usize, SyntaxError> {
    let end = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| !NAME_BYTE[usize::from(b)]))
        .map_or(bytes.len(), |n| at + n);
    match bytes.get(at) {
        _ if end == at => Err(SyntaxError {
            at,
            message: "a name is missing",
        }),
        Some(first) if first.is_ascii_digit() || matches!(first, b'-' | b'.') => Err(SyntaxError {
            at,
            message: "a name starts with a character names cannot start with",
        }),
        _ => Ok(end),
    }
}

/// A name: not empty, made of name characters, not starting with a digit, `-` or `.`.
fn check_name(name: &str) -> Result<(), &'static str> {
    let bytes = name.as_bytes();
    match bytes.first() {
        None => Err("a name is missing"),
        Some(first) if first.is_ascii_digit() || matches!(first, b'-' | b'.') => {
            Err("a name starts with a character names cannot start with")
        }
        Some(_) if bytes.iter().all(|&b| NAME_BYTE[usize::from(b)]) => Ok(()),
        Some(_) => Err("a name holds a character names cannot hold"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token, described: `<a:r@33` for a start tag (then `/>` when it ends empty at its name), `</a:r`,
    /// `text "…"` (with ` plain`), `cdata …`, `ignorable`, `declaration`, `doctype`; a start tag's attributes as
    /// the reader reads them, `name=value` and the tag's end, `/>` or `>`.
    fn tokens(text: &str) -> Result<Vec<String>, SyntaxError> {
        let mut lexer = Lexer::new(text);
        let mut tokens = Vec::new();
        loop {
            let token = lexer.next_token();
            tokens.push(match token {
                Token::Eof => return Ok(tokens),
                Token::Malformed => return Err(lexer.error()),
                Token::DocType => {
                    tokens.push("doctype".to_owned());
                    return Ok(tokens);
                }
                Token::Start(StartTag { name, bare }) => {
                    let mut described = format!("<{}@{}", lexer.get(name), name.at);
                    match bare {
                        Some(true) => described.push_str("/>"),
                        Some(false) => described.push('>'),
                        None => {
                            let mut reading = lexer.attributes();
                            loop {
                                match reading.next()? {
                                    Attribute::Pair(name, value, _) => {
                                        described.push_str(&format!(" {name}={value}"));
                                    }
                                    Attribute::End { empty } => {
                                        described.push_str(if empty { " />" } else { " >" });
                                        break;
                                    }
                                }
                            }
                            lexer.resume(&reading);
                        }
                    }
                    described
                }
                Token::End(name) => format!("</{}", lexer.get(name)),
                Token::Text(text, plain) => {
                    format!(
                        "text {:?}{}",
                        lexer.get(text),
                        if plain { " plain" } else { "" }
                    )
                }
                Token::CData(data) => format!("cdata {}", lexer.get(data)),
                Token::Ignorable => "ignorable".to_owned(),
                Token::Declaration => "declaration".to_owned(),
            });
        }
    }

    #[test]
    fn a_document_is_tags_text_and_ignorable_markup() {
        let text = "<?xml version=\"1.0\"?>\n<!-- c --><a:r xmlns:a='urn:a' x=\"1>2\"><b/>t &amp; u<![CDATA[<c>]]><?pi x?></a:r ><e\n/><f>";
        assert_eq!(
            tokens(text).unwrap(),
            [
                "declaration",
                "text \"\\n\" plain",
                "ignorable",
                "<a:r@33 xmlns:a=urn:a x=1>2 >",
                "<b@62/>",
                "text \"t &amp; u\"",
                "cdata <c>",
                "ignorable",
                "</a:r",
                "<e@105 />",
                "<f@110>",
            ]
        );
    }

    #[test]
    fn a_document_type_is_reported_at_its_first_bytes() {
        for text in ["<!DOCTYPE r [<!ENTITY a \"x\">]><r/>", "<!doctype r><r/>"] {
            assert_eq!(tokens(text).unwrap(), ["doctype"]);
        }
    }

    #[test]
    fn malformed_markup_is_an_error_at_its_offset() {
        let cases: [(&str, usize); 21] = [
            ("<", 1),
            ("<a", 2),
            ("<a b='1>", 5),
            ("</a", 0),
            ("< a>", 1),
            ("<1a/>", 1),
            ("<a\"b/>", 2),
            ("<!-- x", 0),
            ("<![CDATA[ x", 0),
            ("<!ENTITY x 'y'>", 0),
            ("<? x?>", 2),
            ("<?pi x", 0),
            ("</>", 2),
            ("</a b>", 2),
            ("<a b/>", 4),
            ("<a b=1/>", 5),
            ("<a b='1'c='2'/>", 8),
            ("<a =''/>", 3),
            ("<a b='1' / >", 9),
            ("<a/ >", 2),
            ("<a b='1' c='2' b='3'/>", 15),
        ];
        for (text, at) in cases {
            let error = tokens(text).unwrap_err();
            assert_eq!(error.at, at, "{text}: {}", error.message);
        }
        let mut lexer = Lexer::new("<!x><a/>");
        assert_eq!(lexer.next_token(), Token::Malformed);
        assert_eq!(
            lexer.next_token(),
            Token::Eof,
            "nothing is read after malformed markup"
        );
    }

    #[test]
    fn duplicate_attributes_are_found_however_many_there_are() {
        let many: String = (0..100).map(|n| format!(" a{n}=''")).collect();
        assert!(tokens(&format!("<a{many} a7=''/>")).is_err());
        assert!(tokens(&format!("<a{many} a99=''/>")).is_err());
        assert!(tokens(&format!("<a{many} a1=''/>")).is_err());
        let once = format!("<a{many}/>");
        assert_eq!(tokens(&once).unwrap()[0].matches('=').count(), 100);
        assert_eq!(
            tokens("<a\n b = \"1\"\tc='2' />").unwrap(),
            ["<a@1 b=1 c=2 />"]
        );
    }

    #[test]
    fn an_expected_end_tag_is_consumed_whole_or_not_at_all() {
        let mut lexer = Lexer::new("</a:b></a:b ><x/>");
        assert!(!lexer.end_tag_of("a"));
        assert!(!lexer.end_tag_of("a:bc"));
        assert!(lexer.end_tag_of("a:b"));
        assert!(!lexer.end_tag_of("a:b"));
        assert_eq!(lexer.next_token(), Token::End(Span { at: 8, len: 3 }));
        assert!(!lexer.end_tag_of("x"));
        assert!(matches!(lexer.next_token(), Token::Start(_)));
        assert!(!lexer.end_tag_of("x"));
    }

    #[test]
    fn text_runs_to_the_next_tag_or_the_end() {
        assert_eq!(tokens("abc").unwrap(), ["text \"abc\" plain"]);
        assert_eq!(tokens("成人票<x>").unwrap()[0], "text \"成人票\" plain");
        for len in 1..40 {
            let text = format!("{}<y>", "t".repeat(len));
            assert_eq!(
                tokens(&text).unwrap()[0],
                format!("text {:?} plain", &text[..len])
            );
        }
    }

    #[test]
    fn tokens_fit_two_registers() {
        assert!(std::mem::size_of::<Token>() <= 16);
    }
}
