//! The organiser's page (`dist/organiser/`, `src/organiser/`): a web app of its own, so that
//! the delegates' app never carries it.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(programme_browser::organiser::OrganiserPage);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("organiser is a web page (dist/organiser/): on a terminal, use `programme-import` instead");
    std::process::exit(2);
}
