//! Guards the architecture's layering: `src/domain` never imports a web crate and keeps no
//! hidden state or clock, so the core compiles and is tested natively; everything else
//! reaches web APIs only through `src/browser`'s adapters, which answer natively too (so the
//! prerender can render every component); the native commands never name a web crate.

use std::path::Path;

const WEB_CRATES: [&str; 6] = ["leptos", "web_sys", "js_sys", "gloo", "wasm_bindgen", "crate::browser"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src/domain") {
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
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
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
