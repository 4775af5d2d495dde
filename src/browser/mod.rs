//! Thin adapters over browser APIs. Each turns a web API into domain values and typed
//! errors (`BrowserError`, or the domain's own); no rules live here. Only `domain` is imported from this crate.
//!
//! Every adapter reaches the page through `window()`. In the native prerender there is no
//! window: it is `None` there, so each adapter returns its "nothing known" default (no query,
//! no fragment, relative links) instead of calling into a JavaScript that is not there.

pub mod clock;
pub mod fetch;
pub mod files;
pub mod handover;
pub mod keeping;
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

/// What a browser adapter could not do. Said in English: these reach the console, or a
/// notice that quotes them after a translated sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrowserError {
    /// The browser refused or failed a call: its own description.
    #[error("{0}")]
    Refused(String),
    #[error("no file was chosen")]
    NoFileChosen,
    #[error("the file is not text")]
    NotText,
    #[error("{url}: HTTP {status}")]
    Http { url: String, status: u16 },
    #[error("{url}: {detail}")]
    Unreachable { url: String, detail: String },
    /// The file arrived but cannot be used (a language file of another shape).
    #[error("{url}: {detail}")]
    Unusable { url: String, detail: String },
}

impl From<wasm_bindgen::JsValue> for BrowserError {
    fn from(value: wasm_bindgen::JsValue) -> Self {
        BrowserError::Refused(format!("{value:?}"))
    }
}
