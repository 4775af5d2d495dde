//! The page URL's query string: read it, write it (push or replace a history entry), and hear
//! the back and forward buttons. Decoding and encoding use the browser's URLSearchParams.

use web_sys::UrlSearchParams;

use crate::domain::query::encode_query;

/// The decoded query pairs of the current URL, in order.
pub fn read_query() -> Vec<(String, String)> {
    let search = super::window().and_then(|window| window.location().search().ok()).unwrap_or_default();
    let Ok(params) = UrlSearchParams::new_with_str(&search) else { return Vec::new() };
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

/// Points the address bar at `pairs` without reloading. `replace` is for typing in the search
/// box, so that every letter does not become a step of the back button.
pub fn write_query(pairs: &[(String, String)], replace: bool) {
    let Some(window) = super::window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let query = encode_query(pairs);
    if location.search().unwrap_or_default() == query {
        return;
    }
    let url = format!("{path}{query}");
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

/// The address of this page with other query pairs, for links that open a view.
pub fn href_for(pairs: &[(String, String)]) -> String {
    match super::window().and_then(|window| window.location().pathname().ok()) {
        Some(path) => format!("{path}{}", encode_query(pairs)),
        // The native prerender has no location: relative links work from any sub-path.
        None if pairs.is_empty() => "./".into(),
        None => encode_query(pairs),
    }
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

/// Removes the fragment from the address bar, keeping the query.
pub fn clear_fragment() {
    let Some(window) = super::window() else { return };
    let location = window.location();
    let url = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// This page's address without query or fragment (`https://host/path/`), for links back to
/// the app from calendar files; `None` natively.
pub fn app_address() -> Option<String> {
    let location = super::window()?.location();
    Some(format!("{}{}", location.origin().ok()?, location.pathname().ok()?))
}

/// The absolute address of a file published beside the app (`programme.ics`).
pub fn absolute_address(file: &str) -> Option<String> {
    let page = super::window()?.location().href().ok()?;
    web_sys::Url::new_with_base(file, &page).ok().map(|url| url.href())
}

/// This page's absolute address with the given query and fragment, for share links.
pub fn absolute_url(pairs: &[(String, String)], fragment: &str) -> String {
    let Some(page) = app_address() else { return String::new() };
    format!("{page}{}#{fragment}", encode_query(pairs))
}
