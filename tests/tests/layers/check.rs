//! Reads a crate's `src/` with syn and holds its modules to a table of layers: a module may use modules of its own
//! layer or of layers below it, never one above, and no files may use each other in a circle.
//!
//! A module is named by its path from the crate root (`format::xml::reader`); a layer lists module prefixes, so
//! `format::xml` places every file under `src/format/xml/`, and the longest prefix that names a module decides. The crate root (`lib.rs`) stands above every layer: it
//! declares modules and hands names on, so a module that uses an item defined in it imports upward. Modules named
//! `tests` are tests, not layers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// One crate's layers, lowest first: each is a list of module prefixes.
pub type Layers<'a> = &'a [&'a [&'a str]];

/// Every rule the crate at `src` breaks, one line each; empty when it keeps them all.
pub fn violations(src: &Path, layers: Layers<'_>) -> Vec<String> {
    let files = modules(src);
    let known: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    let mut problems = Vec::new();
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (module, path) in &files {
        if module.is_empty() || is_test(module) {
            continue;
        }
        let Some(own) = layer_of(module, layers) else {
            problems.push(format!("{module} ({}) is in no layer", path.display()));
            continue;
        };
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let syntax = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut uses = Uses {
            here: module.split("::").map(str::to_owned).collect(),
            known: &known,
            found: BTreeSet::new(),
        };
        uses.visit_file(&syntax);
        for target in uses.found {
            // A module and the modules inside it are one family: a parent hands its children's names on, and a
            // child uses its parent's.
            if target.is_empty() {
                problems.push(format!(
                    "{module} uses an item of the crate root, which should only declare modules and hand names on"
                ));
                continue;
            }
            let family = is_within(module, target) || is_within(target, module);
            if target == module.as_str() || family || is_test(target) {
                continue;
            }
            let Some(theirs) = layer_of(target, layers) else {
                continue;
            };
            if theirs > own {
                problems.push(format!(
                    "{module} (layer {own}) uses {target} (layer {theirs}), a higher layer"
                ));
            }
            edges.entry(module.as_str()).or_default().insert(target);
        }
    }
    problems.extend(circles(&edges));
    problems
}

/// Module path -> file, for every `.rs` file under `src`.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut found = BTreeMap::new();
    let mut pending = vec![src.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let relative = path.strip_prefix(src).expect("under src");
                let mut segments: Vec<String> = relative
                    .with_extension("")
                    .iter()
                    .map(|s| s.to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    segments.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    segments.pop();
                }
                found.insert(segments.join("::"), path);
            }
        }
    }
    found
}

fn is_test(module: &str) -> bool {
    module.split("::").any(|segment| segment == "tests")
}

fn is_within(module: &str, ancestor: &str) -> bool {
    module
        .strip_prefix(ancestor)
        .is_some_and(|rest| rest.starts_with("::"))
}

/// The layer of the longest prefix that names the module, so a submodule can sit above its parent's layer.
fn layer_of(module: &str, layers: Layers<'_>) -> Option<usize> {
    layers
        .iter()
        .enumerate()
        .flat_map(|(at, layer)| layer.iter().map(move |prefix| (at, prefix)))
        .filter(|(_, prefix)| module == **prefix || is_within(module, prefix))
        .max_by_key(|(_, prefix)| prefix.len())
        .map(|(at, _)| at)
}

/// The crate-relative modules a file names, resolved to the longest module that exists.
struct Uses<'a> {
    here: Vec<String>,
    known: &'a BTreeSet<&'a str>,
    found: BTreeSet<&'a str>,
}

impl<'a> Uses<'a> {
    /// Resolves a path's leading segments (`crate`, `super`, `self` or a child module) to a module of the crate.
    fn resolve(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else {
            return;
        };
        let base: Vec<String> = match first.as_str() {
            "crate" => Vec::new(),
            "self" => self.here.clone(),
            "super" => {
                let mut base = self.here.clone();
                let mut rest = segments;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                return self.resolve_from(base, rest);
            }
            _ => {
                let mut child = self.here.clone();
                child.push(first.clone());
                if self.known.contains(child.join("::").as_str()) {
                    return self.resolve_from(self.here.clone(), segments);
                }
                return;
            }
        };
        self.resolve_from(base, &segments[1..]);
    }

    fn resolve_from(&mut self, mut base: Vec<String>, rest: &[String]) {
        let mut best = self.known.get(base.join("::").as_str()).copied();
        for segment in rest {
            base.push(segment.clone());
            match self.known.get(base.join("::").as_str()) {
                Some(module) => best = Some(module),
                None => break,
            }
        }
        if let Some(module) = best {
            self.found.insert(module);
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(path) => {
                prefix.push(path.ident.to_string());
                self.use_tree(prefix, &path.tree);
                prefix.pop();
            }
            syn::UseTree::Name(name) => {
                prefix.push(name.ident.to_string());
                self.resolve(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Rename(rename) => {
                prefix.push(rename.ident.to_string());
                self.resolve(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Glob(_) => self.resolve(&prefix.clone()),
            syn::UseTree::Group(group) => {
                for item in &group.items {
                    self.use_tree(prefix, item);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for Uses<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        // An inline `mod tests { .. }` holds tests, which may use anything.
        if item.ident != "tests" {
            syn::visit::visit_item_mod(self, item);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if path.leading_colon.is_none()
            && segments.len() > 1
            && matches!(segments[0].as_str(), "crate" | "super" | "self")
        {
            self.resolve(&segments);
        }
        syn::visit::visit_path(self, path);
    }
}

/// Each set of modules that use each other in a loop, as one line.
fn circles(edges: &BTreeMap<&str, BTreeSet<&str>>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut reported: BTreeSet<Vec<&str>> = BTreeSet::new();
    for &start in edges.keys() {
        let mut stack = vec![(start, vec![start])];
        let mut seen = BTreeSet::new();
        while let Some((node, trail)) = stack.pop() {
            for &next in edges.get(node).into_iter().flatten() {
                if next == start {
                    let mut members = trail.clone();
                    members.sort_unstable();
                    if reported.insert(members) {
                        problems.push(format!("circle: {} -> {start}", trail.join(" -> ")));
                    }
                } else if seen.insert(next) {
                    let mut longer = trail.clone();
                    longer.push(next);
                    stack.push((next, longer));
                }
            }
        }
    }
    problems
}
