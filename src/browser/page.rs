//! The document as a whole: making regions inert behind a dialog, and moving focus.

use wasm_bindgen::JsCast;

/// Sets or clears `inert` on every element matching `selector` (the page behind a modal
/// dialog, so that Tab stays inside it).
pub fn set_inert(selector: &str, inert: bool) {
    let Some(document) = super::window().and_then(|window| window.document()) else { return };
    let Ok(regions) = document.query_selector_all(selector) else { return };
    for i in 0..regions.length() {
        if let Some(element) = regions.item(i).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
            let _ = if inert { element.set_attribute("inert", "") } else { element.remove_attribute("inert") };
        }
    }
}

/// Focuses the first element matching `selector`, if there is one.
pub fn focus(selector: &str) {
    let Some(document) = super::window().and_then(|window| window.document()) else { return };
    if let Some(element) = document.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
