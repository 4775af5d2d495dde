//! The architecture, checked: `src/domain` never imports a web crate and keeps no hidden state
//! or clock, so the core compiles and is tested natively; everything else reaches web APIs
//! only through `src/browser`'s adapters, which answer natively too (so the prerender can
//! render every component); the native commands never name a web crate. And
//! docs/ARCHITECTURE.md's codemap, the newcomer's map of `src/`, names every source file (by
//! its name, or its folder for `mod.rs`), and every path it names exists.

use std::path::{Path, PathBuf};

const WEB_CRATES: [&str; 6] = ["leptos", "web_sys", "js_sys", "gloo", "wasm_bindgen", "crate::browser"];

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

/// Lines of the Rust files under `dir` that name one of `crates`.
fn lines_naming(dir: &str, crates: &[&str]) -> Vec<String> {
    lines_where(dir, |code| crates.iter().any(|name| code.contains(&format!("{name}::")) || code.contains(&format!("use {name}"))))
}

/// Lines of the Rust files under `dir` that contain one of `words`.
fn lines_containing(dir: &str, words: &[&str]) -> Vec<String> {
    lines_where(dir, |code| words.iter().any(|word| code.contains(word)))
}

/// Lines of the Rust files under `dir` whose code (comments left out) `offends`.
fn lines_where(dir: &str, offends: impl Fn(&str) -> bool) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root().join(dir), &mut files);
    assert!(!files.is_empty(), "expected the sources of {dir}");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if offends(code) {
                offences.push(format!("{}:{}: {}", file.display(), number + 1, line.trim()));
            }
        }
    }
    offences
}

#[test]
fn domain_imports_no_web_crate() {
    let offences = lines_naming("src/domain", &WEB_CRATES);
    assert!(offences.is_empty(), "src/domain must stay pure:\n{}", offences.join("\n"));
}

#[test]
fn domain_keeps_no_hidden_state_and_reads_no_clock() {
    let offences = lines_containing("src/domain", &["thread_local!", "static mut", "SystemTime", "Utc::now", "Local::now"]);
    assert!(offences.is_empty(), "src/domain takes state and time as parameters:\n{}", offences.join("\n"));
}

const WEB_APIS: [&str; 4] = ["web_sys", "js_sys", "gloo", "wasm_bindgen"];

#[test]
fn web_apis_are_reached_only_through_the_browser_adapters() {
    for dir in ["src/components", "src/organiser", "src/prerender"] {
        let offences = lines_naming(dir, &WEB_APIS);
        assert!(offences.is_empty(), "{dir} calls web APIs through src/browser:\n{}", offences.join("\n"));
    }
}

#[test]
fn the_native_commands_name_no_web_crate() {
    let offences: Vec<String> =
        lines_naming("src/bin", &WEB_CRATES).into_iter().filter(|line| !line.contains("src/bin/organiser.rs")).collect();
    assert!(offences.is_empty(), "the commands are native:\n{}", offences.join("\n"));
}

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

/// The dark palette of public/styles.css, as the device sets it and as the reader chooses it:
/// written twice (CSS has no rule for "this media query or this selector"), kept the same.
#[test]
fn the_dark_palette_is_the_same_whether_the_device_or_the_reader_chose_it() {
    let css = std::fs::read_to_string(root().join("public/styles.css")).expect("the stylesheet");
    let palette = |selector: &str| -> Vec<String> {
        let start = css.find(selector).unwrap_or_else(|| panic!("no rule {selector}")) + selector.len();
        let body = &css[start..start + css[start..].find('}').expect("the rule ends")];
        let mut lines: Vec<String> = body.lines().map(str::trim).filter(|line| line.starts_with("--")).map(str::to_owned).collect();
        lines.sort();
        lines
    };
    let device = palette(":root:not([data-theme=\"light\"]) {");
    assert!(device.len() >= 10, "{device:?}");
    assert_eq!(device, palette(":root[data-theme=\"dark\"] {"));
}
