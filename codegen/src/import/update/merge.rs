//! The three-way merge, on YAML trees: what the page changed is what differs between the schema imported from the
//! page the curated schema came from (`base`) and the one imported from the new page (`page`); each such change is
//! made to the curated schema, and nothing else is. Notes are never compared: the importer's notes name page
//! lines, which move whenever the page does, and a schema's notes are a person's. Where the curated schema had
//! its own reading of what the page changed, the page wins and the old reading becomes a `TODO(import):` note.

use std::collections::HashMap;

use crate::load::yaml::{Node, Value};

use super::one_line::one_line;

/// An entry of the page's schema: its key and value nodes, whose text is copied.
pub struct Entry<'a> {
    pub key: &'a Node,
    pub value: &'a Node,
}

/// One change to the curated schema, by its nodes.
pub enum Edit<'a> {
    /// Gives `key` of the curated mapping `map` the page's value; a key the mapping lacks goes after `after`, the
    /// curated key the page writes before it.
    Set {
        map: &'a Node,
        key: &'a str,
        after: Option<&'a str>,
        page: Entry<'a>,
    },
    Remove {
        map: &'a Node,
        key: &'a str,
    },
    /// Adds the page's item to a curated list, after `after`, the curated item the page lists before it.
    AddItem {
        seq: &'a Node,
        after: Option<&'a Node>,
        page: &'a Node,
    },
    RemoveItem {
        item: &'a Node,
    },
    /// Notes for the readings the page replaced in a curated mapping.
    Note {
        map: &'a Node,
        lines: Vec<String>,
    },
}

/// What the merge does and what it reports.
#[derive(Default)]
pub struct Plan<'a> {
    pub edits: Vec<Edit<'a>>,
    /// Curated readings the page replaced, one line each.
    pub replaced: Vec<String>,
    /// Changes of the page the curated schema has no place for (a type or field it names otherwise).
    pub unplaced: Vec<String>,
}

/// The edits that bring the page's changes from `base` to `page` into `curated`; all three are schema trees.
pub fn plan<'a>(base: &'a Node, page: &'a Node, curated: &'a Node) -> Plan<'a> {
    let mut merge = Merge {
        root: Some(curated as *const Node),
        ..Merge::default()
    };
    merge.map("", base, page, curated, curated, Kind::Root);
    let mut plan = merge.plan;
    for (map, lines) in merge.notes {
        plan.edits.push(Edit::Note { map, lines });
    }
    plan
}

/// What a mapping holds, for how its keys pair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Root,
    /// `operations:` or `types:`: entries named by the schema, which may name them otherwise than the page.
    Named,
    Plain,
}

#[derive(Default)]
struct Merge<'a> {
    plan: Plan<'a>,
    /// Notes per curated mapping, in the order the mappings were first noted.
    notes: Vec<(&'a Node, Vec<String>)>,
    noted: HashMap<*const Node, usize>,
    /// The curated schema's root mapping, which has no `note:`.
    root: Option<*const Node>,
}

fn entries(node: &Node) -> &[(Node, Node)] {
    match &node.value {
        Value::Map(entries) => entries,
        _ => &[],
    }
}

fn text(node: &Node) -> Option<&str> {
    match &node.value {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

fn get<'n>(map: &'n Node, key: &str) -> Option<&'n (Node, Node)> {
    entries(map).iter().find(|(k, _)| text(k) == Some(key))
}

/// Equal values, positions and notes aside; mapping entries in any order.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Map(x), Value::Map(y)) => {
            let kept = |entries: &'_ [(Node, Node)]| {
                entries
                    .iter()
                    .filter(|(k, _)| text(k) != Some("note"))
                    .count()
            };
            kept(x) == kept(y)
                && x.iter()
                    .filter(|(k, _)| text(k) != Some("note"))
                    .all(|(k, v)| {
                        y.iter()
                            .find(|(k2, _)| same(k, k2))
                            .is_some_and(|(_, v2)| same(v, v2))
                    })
        }
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Null, Value::Null) => true,
        _ => false,
    }
}

/// How a value reads in a note.
fn shown(node: Option<&Node>) -> String {
    match node {
        None => "nothing".to_owned(),
        Some(node) => one_line(node).unwrap_or_else(|| "a nested value".to_owned()),
    }
}

/// The curated operation the page's `op` is: the one with the same `top:` or `http:`, else the one of its name.
fn operation_key<'c>(curated: &'c Node, key: &str, op: &Node) -> Option<&'c str> {
    let call = |op: &Node| {
        ["top", "http"]
            .iter()
            .find_map(|k| get(op, k).map(|(_, v)| v.clone()))
    };
    let wanted = call(op);
    entries(curated)
        .iter()
        .find(|(_, v)| {
            wanted
                .as_ref()
                .zip(call(v))
                .is_some_and(|(a, b)| same(a, &b))
        })
        .or_else(|| get(curated, key))
        .and_then(|(k, _)| text(k))
}

/// How the items of a list pair: fields by name, enum values by value, examples by type, format and rank.
fn item_ids(list: &str, items: &[Node]) -> Option<Vec<String>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let ids: Option<Vec<String>> = items
        .iter()
        .map(|item| match list {
            "fields" => get(item, "name").and_then(|(_, v)| text(v).map(str::to_owned)),
            "values" => get(item, "value").and_then(|(_, v)| one_line(v)),
            "examples" => {
                let ty = get(item, "type").and_then(|(_, v)| text(v))?;
                let format = ["json", "xml", "form", "bson"]
                    .into_iter()
                    .find(|f| get(item, f).is_some())?;
                let key = format!("{ty} {format}");
                let rank = seen.entry(key.clone()).or_insert(0);
                *rank += 1;
                Some(format!("{key} example {rank}"))
            }
            _ => None,
        })
        .collect();
    let ids = ids?;
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    (unique.len() == ids.len()).then_some(ids)
}

fn path(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

impl<'a> Merge<'a> {
    /// Keeps `line` for the curated mapping `map`; the root takes no note, and its lines are only reported.
    fn note(&mut self, map: &'a Node, line: String) {
        if self.root == Some(map as *const Node) {
            return;
        }
        let at = *self.noted.entry(map as *const Node).or_insert_with(|| {
            self.notes.push((map, Vec::new()));
            self.notes.len() - 1
        });
        self.notes[at].1.push(line);
    }

    /// Merges the mapping `page` (changed from `base`) into the curated mapping `curated`; `owner` is the curated
    /// mapping that takes the notes (a provider, operation, type, field or example).
    fn map(
        &mut self,
        at: &str,
        base: &'a Node,
        page: &'a Node,
        curated: &'a Node,
        owner: &'a Node,
        kind: Kind,
    ) {
        let mut after: Option<&'a str> = None;
        for (page_key, page_value) in entries(page) {
            let Some(key) = text(page_key) else { continue };
            let base_entry = get(base, key);
            let curated_key = match kind {
                Kind::Named if at == "operations" => {
                    operation_key(curated, key, base_entry.map_or(page_value, |(_, v)| v))
                }
                _ => get(curated, key).and_then(|(k, _)| text(k)),
            };
            let curated_value = curated_key.and_then(|k| get(curated, k)).map(|(_, v)| v);
            if key != "note" {
                let here = path(at, curated_key.unwrap_or(key));
                let entry = Entry {
                    key: page_key,
                    value: page_value,
                };
                match (base_entry, curated_value) {
                    (Some((_, base_value)), _) if same(base_value, page_value) => {}
                    (Some((_, base_value)), Some(curated_value)) => self.value(
                        &here,
                        (curated_key.unwrap_or(key), after),
                        (base_value, entry, curated_value),
                        (curated, owner, kind),
                    ),
                    (Some(_), None) if kind == Kind::Named => self.plan.unplaced.push(format!(
                        "the page changes {here}, which the schema does not have"
                    )),
                    (Some((_, base_value)), None) => {
                        self.replace(&here, key, (Some(base_value), page_value, None), owner);
                        self.set(curated, key, after, entry);
                    }
                    (None, Some(curated_value)) if same(curated_value, page_value) => {}
                    (None, Some(curated_value)) => self.value(
                        &here,
                        (curated_key.unwrap_or(key), after),
                        (curated_value, entry, curated_value),
                        (curated, owner, kind),
                    ),
                    (None, None) => self.set(curated, key, after, entry),
                }
            }
            if let Some(k) = curated_key.filter(|_| curated_value.is_some()) {
                after = Some(k);
            }
        }
        for (base_key, base_value) in entries(base) {
            let Some(key) = text(base_key) else { continue };
            if key == "note" || get(page, key).is_some() {
                continue;
            }
            let curated_key = match kind {
                Kind::Named if at == "operations" => operation_key(curated, key, base_value),
                _ => get(curated, key).and_then(|(k, _)| text(k)),
            };
            let Some((curated_key, curated_value)) =
                curated_key.and_then(|k| get(curated, k).map(|(_, v)| (k, v)))
            else {
                continue;
            };
            if !same(curated_value, base_value) {
                let here = path(at, curated_key);
                if kind == Kind::Named {
                    self.plan.replaced.push(format!(
                        "{here}: the page no longer has it; the schema's readings of it go with it"
                    ));
                } else {
                    let line = format!(
                        "TODO(import): the page no longer has {curated_key}; the schema's reading was {}",
                        shown(Some(curated_value))
                    );
                    self.plan.replaced.push(format!("{here}: {line}"));
                    self.note(owner, line);
                }
            }
            self.plan.edits.push(Edit::Remove {
                map: curated,
                key: curated_key,
            });
        }
    }

    fn set(&mut self, map: &'a Node, key: &'a str, after: Option<&'a str>, page: Entry<'a>) {
        self.plan.edits.push(Edit::Set {
            map,
            key,
            after,
            page,
        });
    }

    /// Notes that the page replaced a curated reading.
    fn replace(
        &mut self,
        at: &str,
        key: &str,
        (base, page, curated): (Option<&Node>, &Node, Option<&Node>),
        owner: &'a Node,
    ) {
        let line = format!(
            "TODO(import): the page changed {key} from {} to {}; the schema's reading was {}",
            shown(base),
            shown(Some(page)),
            shown(curated)
        );
        self.plan.replaced.push(format!("{at}: {line}"));
        self.note(owner, line);
    }

    /// A key both sides have, which the page changed: merged inside when it is a mapping or a list of named items,
    /// replaced whole otherwise.
    fn value(
        &mut self,
        at: &str,
        (key, after): (&'a str, Option<&'a str>),
        (base, page, curated): (&'a Node, Entry<'a>, &'a Node),
        (map, owner, kind): (&'a Node, &'a Node, Kind),
    ) {
        match (&base.value, &page.value.value, &curated.value) {
            (Value::Map(_), Value::Map(_), Value::Map(_)) => {
                let (inner, owner) = match kind {
                    Kind::Root if key == "operations" || key == "types" => (Kind::Named, owner),
                    Kind::Root if key == "provider" => (Kind::Plain, curated),
                    Kind::Named => (Kind::Plain, curated),
                    _ => (Kind::Plain, owner),
                };
                self.map(at, base, page.value, curated, owner, inner);
            }
            (Value::Seq(b), Value::Seq(p), Value::Seq(c)) => {
                match (item_ids(key, b), item_ids(key, p), item_ids(key, c)) {
                    (Some(bi), Some(pi), Some(ci)) => {
                        self.list(at, (b, &bi), (p, &pi), (curated, c, &ci), owner)
                    }
                    _ => self.whole(at, (key, after), (base, page, curated), (map, owner)),
                }
            }
            _ => self.whole(at, (key, after), (base, page, curated), (map, owner)),
        }
    }

    fn whole(
        &mut self,
        at: &str,
        (key, after): (&'a str, Option<&'a str>),
        (base, page, curated): (&'a Node, Entry<'a>, &'a Node),
        (map, owner): (&'a Node, &'a Node),
    ) {
        if same(curated, page.value) {
            return;
        }
        if !same(curated, base) {
            self.replace(at, key, (Some(base), page.value, Some(curated)), owner);
        }
        self.set(map, key, after, page);
    }

    /// Merges a list of named items: each item the page changed, added or removed.
    fn list(
        &mut self,
        at: &str,
        (base, base_ids): (&'a [Node], &[String]),
        (page, page_ids): (&'a [Node], &[String]),
        (seq, curated, curated_ids): (&'a Node, &'a [Node], &[String]),
        owner: &'a Node,
    ) {
        let find = |ids: &[String], items: &'a [Node], id: &str| {
            ids.iter().position(|i| i == id).map(|k| &items[k])
        };
        let mut after: Option<&'a Node> = None;
        for (item, id) in page.iter().zip(page_ids) {
            let here = format!("{at}[{id}]");
            let base_item = find(base_ids, base, id);
            let curated_item = find(curated_ids, curated, id);
            match (base_item, curated_item) {
                (Some(b), _) if same(b, item) => {}
                (Some(b), Some(c)) => self.map(&here, b, item, c, c, Kind::Plain),
                (Some(_), None) => self.plan.unplaced.push(format!(
                    "the page changes {here}, which the schema does not have"
                )),
                (None, Some(c)) => self.map(&here, c, item, c, c, Kind::Plain),
                (None, None) => self.plan.edits.push(Edit::AddItem {
                    seq,
                    after,
                    page: item,
                }),
            }
            if curated_item.is_some() {
                after = curated_item;
            }
        }
        for (item, id) in base.iter().zip(base_ids) {
            if page_ids.contains(id) {
                continue;
            }
            if let Some(c) = find(curated_ids, curated, id) {
                if !same(c, item) {
                    let line = format!(
                        "TODO(import): the page no longer lists {id}; the schema had {}",
                        shown(Some(c))
                    );
                    self.plan.replaced.push(format!("{at}: {line}"));
                    self.note(owner, line);
                }
                self.plan.edits.push(Edit::RemoveItem { item: c });
            }
        }
    }
}
