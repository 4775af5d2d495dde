//! Entry point of the web app: panic hook, then mount. Nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(programme_browser::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "programme-browser is a web app: run `scripts/serve`, or `cargo run --bin programme-check -- FILE` to check a programme file"
    );
    std::process::exit(2);
}
