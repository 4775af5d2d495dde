//! The page's address: where the app's root folder is, the address below it (path and query),
//! writing it (push or replace a history entry), and absolute addresses for links that leave
//! the page. Decoding and encoding use the browser's own URL parser and URLSearchParams.
//!
//! Every file the app asks for is named from the root, never from the page: a page of the
//! app may be a language's folder (`fr/`) or an event's page (`fr/events/a.html`), and the
//! address bar moves between them without a reload.

use std::cell::OnceCell;

use web_sys::{Url, UrlSearchParams};

thread_local! {
    /// The root folder's path, found once at start: it never changes while the page lives,
    /// whatever the address bar says later.
    static ROOT: OnceCell<String> = const { OnceCell::new() };
}

/// The app's root folder as an absolute path (`/any/sub/path/`), from where the app's own code
/// is (`<meta name="app-code">`, which every page names relative to itself); the page's own
/// folder without it. Natively (the prerender): "".
pub fn app_root() -> String {
    ROOT.with(|root| root.get_or_init(find_root).clone())
}

fn find_root() -> String {
    let Some(window) = super::window() else { return String::new() };
    let page = window.location().href().unwrap_or_default();
    let code = window
        .document()
        .and_then(|document| document.query_selector(r#"meta[name="app-code"]"#).ok().flatten())
        .and_then(|meta| meta.get_attribute("data-js"))
        .unwrap_or_else(|| "./".into());
    let path = Url::new_with_base(&code, &page).map(|url| url.pathname()).unwrap_or_else(|_| "/".into());
    path[..path.rfind('/').map_or(0, |slash| slash + 1)].to_owned()
}

/// The current address: the path below the root, percent-decoded (`fr/events/a.html`), and
/// the query's decoded pairs in order.
pub fn read_address() -> (String, Vec<(String, String)>) {
    let Some(location) = super::window().map(|window| window.location()) else { return Default::default() };
    let path = location.pathname().unwrap_or_default();
    let root = app_root();
    let below = path.strip_prefix(&root).unwrap_or_default();
    let below = js_sys::decode_uri_component(below).ok().and_then(|decoded| decoded.as_string()).unwrap_or_else(|| below.to_owned());
    (below, read_query(&location.search().unwrap_or_default()))
}

fn read_query(search: &str) -> Vec<(String, String)> {
    let Ok(params) = UrlSearchParams::new_with_str(search) else { return Vec::new() };
    let mut pairs = Vec::new();
    // URLSearchParams is iterable as [key, value] arrays.
    if let Ok(Some(iterator)) = js_sys::try_iter(&params) {
        for entry in iterator.flatten() {
            let entry = js_sys::Array::from(&entry);
            if let (Some(key), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                pairs.push((key, value));
            }
        }
    }
    pairs
}

/// Points the address bar at `address` (below the root) without reloading. `replace` is for
/// typing in the search box, so that every letter does not become a step of the back button.
/// The fragment is kept.
pub fn write_address(address: &str, replace: bool) {
    let Some(window) = super::window() else { return };
    let location = window.location();
    let target = format!("{}{address}", app_root());
    let current = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if current == target {
        return;
    }
    let url = format!("{target}{}", location.hash().unwrap_or_default());
    let Ok(history) = window.history() else { return };
    let result = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if let Err(err) = result {
        web_sys::console::warn_2(&"could not update the address bar".into(), &err);
    }
}

/// The absolute address (`https://host/root/…`) of `address` below the root: share links,
/// calendar files, files published beside the app. `None` natively.
pub fn absolute(address: &str) -> Option<String> {
    let origin = super::window()?.location().origin().ok()?;
    Some(format!("{origin}{}{address}", app_root()))
}

/// The browser's preferred language tag, e.g. "fr-BE".
pub fn browser_language() -> Option<String> {
    super::window().and_then(|window| window.navigator().language())
}

/// The value of `name=` in the URL fragment (`#share=...`), if any.
pub fn read_fragment_param(name: &str) -> Option<String> {
    let hash = super::window()?.location().hash().ok()?;
    let params = UrlSearchParams::new_with_str(hash.trim_start_matches('#')).ok()?;
    params.get(name)
}

/// Removes the fragment from the address bar, keeping the path and query.
pub fn clear_fragment() {
    let Some(window) = super::window() else { return };
    let location = window.location();
    let url = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
