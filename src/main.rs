//! Entry point of the web app: panic hook, then mount. Nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        // Reported to the console as usual, and marked on the page so that the end-to-end
        // tests can assert that no journey ever panicked.
        console_error_panic_hook::hook(info);
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("data-panicked", &info.to_string());
        }
    }));
    // The app is built in its own element, which joins the page once it has content (at
    // once, when there is no prerendered first screen to replace). In a task after the one
    // that instantiated the wasm: each of the two is then short enough not to hold up a tap.
    leptos::prelude::set_timeout(
        || match programme_browser::browser::handover::app_root() {
            Some(root) => leptos::mount::mount_to(root, programme_browser::app::App).forget(),
            None => leptos::mount::mount_to_body(programme_browser::app::App),
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "programme-browser is a web app: run `scripts/serve`, or `cargo run --bin programme-check -- FILE` to check a programme file"
    );
    std::process::exit(2);
}
