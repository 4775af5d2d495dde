//! Thin adapters over browser APIs. Each turns a web API into domain values and domain
//! errors; no rules live here. Only `domain` is imported from this crate.
//!
//! Every adapter reaches the page through `window()`. In the native prerender there is no
//! window: it is `None` there, so each adapter returns its "nothing known" default (no query,
//! no fragment, relative links) instead of calling into a JavaScript that is not there.

pub mod clock;
pub mod fetch;
pub mod files;
pub mod handover;
pub mod page;
pub mod source;
pub mod storage;
pub mod url;

/// The browser window; `None` natively (the prerender) and in workers.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}
