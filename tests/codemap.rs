//! docs/ARCHITECTURE.md's codemap is the newcomer's map of `src/`: it names every source file
//! (by its name, or its folder for `mod.rs`), and every path it names exists.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The codemap block of docs/ARCHITECTURE.md.
fn codemap() -> String {
    let text = std::fs::read_to_string(root().join("docs/ARCHITECTURE.md")).expect("docs/ARCHITECTURE.md");
    let start = text.find("## Codemap").expect("a Codemap section");
    let rest = &text[start..];
    let end = rest[2..].find("\n## ").map_or(rest.len(), |at| at + 2);
    rest[..end].to_owned()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read a source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `word` stands in `text` as a word of its own (not inside a longer name).
fn names(text: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back().is_none_or(|c| !is_name(c));
        let after = text[at + word.len()..].chars().next().is_none_or(|c| !is_name(c));
        before && after
    })
}

#[test]
fn the_codemap_names_every_source_file() {
    let map = codemap();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let missing: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let stem = path.file_stem()?.to_str()?;
            let named = match stem {
                "lib" | "main" => true,
                "mod" => names(&map, path.parent()?.file_name()?.to_str()?),
                // Commands are named as they are run (`programme-check`).
                _ => names(&map, stem) || names(&map, &stem.replace('_', "-")),
            };
            (!named).then(|| path.strip_prefix(root()).unwrap_or(path).display().to_string())
        })
        .collect();
    assert!(missing.is_empty(), "docs/ARCHITECTURE.md's codemap does not name: {missing:?}");
}

#[test]
fn every_path_the_codemap_names_exists() {
    let map = codemap();
    let paths: Vec<&str> = map
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '`'))
        .filter(|word| ["src/", "public/", "tests/", "scripts/", "docs/"].iter().any(|top| word.starts_with(top)))
        .collect();
    assert!(paths.len() > 8, "the codemap names its folders: {paths:?}");
    let missing: Vec<&&str> = paths.iter().filter(|path| !root().join(path.trim_end_matches(':')).exists()).collect();
    assert!(missing.is_empty(), "the codemap names paths that do not exist: {missing:?}");
}
