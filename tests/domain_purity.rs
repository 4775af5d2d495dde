//! Guards the architecture's first invariant: `src/domain` never imports a web crate, so the
//! core compiles and is tested natively.

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

#[test]
fn domain_imports_no_web_crate() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"), &mut files);
    assert!(files.len() > 5, "expected the domain sources, found {files:?}");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if WEB_CRATES.iter().any(|name| code.contains(&format!("{name}::")) || code.contains(&format!("use {name}"))) {
                offences.push(format!("{}:{}: {}", file.display(), number + 1, line.trim()));
            }
        }
    }
    assert!(offences.is_empty(), "src/domain must stay pure:\n{}", offences.join("\n"));
}
