//! The samples of TOP's `error_response` envelope: each is read here for its members, which the generated test
//! then expects the runtime's `TopError` to hold. Reading them apart from the runtime makes that test compare two
//! readers, not the runtime with itself.

use codegen_wire::top::{ERROR_RESPONSE, error};
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::Value;

use crate::model::{ErrorCode, ErrorMembers, Format};

/// The members of an `error_response` sample in `format`, or what keeps the sample from being one.
pub(super) fn members(format: Format, text: &str) -> Result<ErrorMembers, String> {
    let mut members = ErrorMembers::default();
    match format {
        Format::Json => {
            let root: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
            let Some(Value::Object(envelope)) = root.get(ERROR_RESPONSE) else {
                return Err(format!("it has no `{ERROR_RESPONSE}` object at its root"));
            };
            for (name, value) in envelope {
                let member = match value {
                    Value::Null => continue,
                    Value::Number(n) if name == error::CODE && n.is_i64() => {
                        members.code = n.as_i64().map(ErrorCode::Number);
                        continue;
                    }
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                members.set(name, member);
            }
        }
        Format::Xml => {
            let mut reader = Reader::from_str(text);
            // The member being read, with its text so far; the root's name once it is open.
            let mut member: Option<(String, String)> = None;
            let mut root_open = false;
            loop {
                let event = reader.read_event().map_err(|e| e.to_string())?;
                match event {
                    Event::Start(ref start) | Event::Empty(ref start) if !root_open => {
                        let name = start.local_name().into_inner();
                        if name != ERROR_RESPONSE {
                            return Err(format!(
                                "its root element is `{name}`, not `{ERROR_RESPONSE}`"
                            ));
                        }
                        if matches!(event, Event::Empty(_)) {
                            break;
                        }
                        root_open = true;
                    }
                    Event::Start(start) if member.is_none() => {
                        let name = start.local_name().into_inner();
                        member = Some((name.to_owned(), String::new()));
                    }
                    Event::Empty(start) if member.is_none() => {
                        let name = start.local_name().into_inner();
                        members.set(name, String::new());
                    }
                    Event::Start(_) | Event::Empty(_) => {
                        return Err(
                            "a member holds elements; the envelope's members are text".to_owned()
                        );
                    }
                    Event::Text(piece) => {
                        if let Some((_, text)) = &mut member {
                            text.push_str(&piece.xml10_content());
                        }
                    }
                    Event::CData(piece) => {
                        if let Some((_, text)) = &mut member {
                            text.push_str(&piece.xml10_content());
                        }
                    }
                    Event::GeneralRef(reference) => {
                        let ch = match reference.resolve_char_ref().map_err(|e| e.to_string())? {
                            Some(ch) => ch,
                            None => match &*reference.xml10_content() {
                                "amp" => '&',
                                "lt" => '<',
                                "gt" => '>',
                                "quot" => '"',
                                "apos" => '\'',
                                other => {
                                    return Err(format!(
                                        "`&{other};` is not one of XML's entities"
                                    ));
                                }
                            },
                        };
                        if let Some((_, text)) = &mut member {
                            text.push(ch);
                        }
                    }
                    Event::End(_) => match member.take() {
                        Some((name, text)) => members.set(&name, text),
                        None => break,
                    },
                    Event::Eof => return Err("it ends before its root element closes".to_owned()),
                    Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
                }
            }
        }
        Format::Form | Format::Bson => {
            return Err(format!("TOP answers in JSON or XML, not {}", format.name()));
        }
    }
    Ok(members)
}

impl ErrorMembers {
    /// Keeps a member `TaobaoResponse` maps; the platform's other members are not the error's.
    fn set(&mut self, name: &str, text: String) {
        let slot = match name {
            error::CODE => {
                self.code = Some(ErrorCode::Text(text));
                return;
            }
            error::MSG => &mut self.msg,
            error::SUB_CODE => &mut self.sub_code,
            error::SUB_MSG => &mut self.sub_msg,
            error::REQUEST_ID => &mut self.request_id,
            _ => return,
        };
        *slot = Some(text);
    }
}
