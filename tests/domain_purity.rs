//! Guards the architecture's layering: `src/domain` never imports a web crate, so the core
//! compiles and is tested natively; components reach web APIs only through `src/browser`'s
//! adapters, which answer natively too (so the prerender can render every component).

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
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(files.len() > 5, "expected the sources of {dir}, found {files:?}");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if crates.iter().any(|name| code.contains(&format!("{name}::")) || code.contains(&format!("use {name}"))) {
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
fn components_reach_web_apis_only_through_the_browser_adapters() {
    let offences = lines_naming("src/components", &["web_sys", "js_sys", "gloo", "wasm_bindgen"]);
    assert!(offences.is_empty(), "components call web APIs through src/browser:\n{}", offences.join("\n"));
}
