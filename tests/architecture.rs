//! The architecture's rules that Cargo alone does not keep (ARCHITECTURE.md, issue 22), checked on
//! the sources: within each UI crate, modules import one another without circles (each module has
//! a place in one order, and imports only modules below it); the first screen's crate has no
//! Leptos dependency; the split points (`lazy.rs`) are the app's top module, which no other
//! module imports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The crate's top-level modules and, for each, the other top-level modules it names as
/// `crate::<module>` (in `use` lines, paths and `use crate::{a, b::c}` groups).
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src).unwrap();
        let module = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Tests may reach anywhere.
        let text = text.split("#[cfg(test)]").next().unwrap();
        let mut named = BTreeSet::new();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                if let Some(group) = rest.strip_prefix('{') {
                    let inner = &group[..group.find('}').unwrap_or(group.len())];
                    for item in inner.split(',') {
                        named.insert(item.trim().split("::").next().unwrap().to_string());
                    }
                } else {
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    named.insert(name);
                }
            }
        }
        named.remove(&module);
        named.retain(|n| !n.is_empty() && n != "self");
        graph.entry(module).or_default().extend(named);
    }
    graph
}

/// A circle of imports, if there is one: the modules on it, in order.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut c = path[at..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_first_screens_modules_import_without_circles() {
    let graph = imports(&Path::new(env!("CARGO_MANIFEST_DIR")).join("page/src"));
    assert!(graph.len() > 10, "{graph:?}");
    assert_eq!(circle(&graph), None, "an import circle in page/src");
}

#[test]
fn the_parts_modules_import_without_circles_and_nothing_imports_the_split_points() {
    let graph = imports(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(graph.len() > 10, "{graph:?}");
    assert_eq!(circle(&graph), None, "an import circle in src");
    let importers: Vec<&String> = graph.iter().filter(|(_, to)| to.contains("lazy")).map(|(m, _)| m).collect();
    assert!(importers.is_empty(), "lazy.rs (the split points) is the top module, yet {importers:?} import it");
}

#[test]
fn the_first_screens_crate_has_no_leptos() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("page/Cargo.toml")).unwrap();
    let deps = manifest.split("[dependencies]").nth(1).expect("a dependencies table");
    assert!(!deps.lines().any(|l| l.trim_start().starts_with("leptos")), "page/Cargo.toml depends on Leptos");
}

#[test]
fn a_circle_is_found() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")].iter().fold(BTreeMap::new(), |mut g, (f, t)| {
            g.entry(f.to_string()).or_insert_with(BTreeSet::new).insert(t.to_string());
            g
        });
    assert_eq!(circle(&graph).map(|c| c.len()), Some(4));
}
