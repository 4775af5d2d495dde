//! The document as a whole: making regions inert behind a dialog, moving focus, and letting
//! the browser paint and handle input between two pieces of work.

use wasm_bindgen::JsCast;

/// Opens the browser's print dialog (the print stylesheet lays the page out for paper).
pub fn print() {
    if let Some(window) = super::window() {
        let _ = window.print();
    }
}

/// The tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = super::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

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

/// Records a moment of the page's life (User Timing: `performance.mark`), so that benchmarks
/// and the browser's own profiler see where loading time goes. Costs a few microseconds.
pub fn mark(name: &str) {
    if let Some(performance) = super::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `then` at the start of the frame after the next one: once whatever changed now has
/// been painted. Work that the reader does not look at first (the rest of a page of cards)
/// waits for it, so that the next frame shows the new result sooner.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::request_animation_frame(then));
}

/// Runs `then` in a task of its own once the page being built in this task has been painted:
/// for work the reader does not see, queued behind the task that puts the app's page in the
/// document (see `state::ChangeMarks::provide` for why the first wait is a task, not a frame).
pub fn after_paint_task(then: impl FnOnce() + 'static) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    // Rendered natively (the prerendered first screen) there is no page to paint.
    if super::window().is_none() {
        return;
    }
    let zero = std::time::Duration::ZERO;
    set_timeout(move || request_animation_frame(move || set_timeout(then, zero)), zero);
}

/// Calls `step` until it says it is done, in tasks of about `budget_ms` each, so that work the
/// reader may never need does not hold the page: a tap between two tasks is answered at once.
pub fn in_slices(mut step: impl FnMut() -> bool + 'static, budget_ms: f64) {
    let started = js_sys::Date::now();
    while !step() {
        if js_sys::Date::now() - started >= budget_ms {
            leptos::prelude::set_timeout(move || in_slices(step, budget_ms), std::time::Duration::ZERO);
            return;
        }
    }
}

/// Resolves in a later task (`setTimeout` 0), so that the browser can paint and handle input
/// in between: long work split this way does not block the page (Total Blocking Time).
pub async fn next_task() {
    let Some(window) = super::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls `near` whenever the observed element comes within `margin_px` below the visible part
/// of the page (IntersectionObserver), and again after each call while it is still that near:
/// a list grows as the reader scrolls towards its end, a page at a time, until the element is
/// out of reach. Disconnected when dropped.
pub struct NearObserver {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>,
}

impl NearObserver {
    /// `None` without a window (the native prerender) or without IntersectionObserver (an old
    /// browser: the list's button still works).
    pub fn new(margin_px: u32, near: impl Fn() + 'static) -> Option<Self> {
        super::window()?;
        let callback = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let entries: Vec<web_sys::IntersectionObserverEntry> = entries.iter().map(|entry| entry.unchecked_into()).collect();
                if !entries.iter().any(web_sys::IntersectionObserverEntry::is_intersecting) {
                    return;
                }
                // The observation was made at the last frame's layout: the page may have grown
                // since (the list completing its page), taking the element out of reach. Seen
                // from the old position, the list grew past its first page on its own.
                if !entries.iter().any(|entry| is_within(&entry.target(), margin_px)) {
                    return;
                }
                near();
                // Observing anew reports the element's position again once the page has grown.
                for entry in entries {
                    observer.unobserve(&entry.target());
                    observer.observe(&entry.target());
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(&format!("0px 0px {margin_px}px 0px"));
        let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
        Some(Self { observer, _callback: callback })
    }

    /// Watches `element` (and no longer whatever was watched before).
    pub fn observe(&self, element: &web_sys::Element) {
        self.observer.disconnect();
        self.observer.observe(element);
    }
}

/// Whether `element`'s top is, now, no further than `margin_px` below the visible part of the
/// page (or above it).
fn is_within(element: &web_sys::Element, margin_px: u32) -> bool {
    let Some(height) = super::window().and_then(|window| window.inner_height().ok()).and_then(|height| height.as_f64()) else {
        return true;
    };
    element.get_bounding_client_rect().top() <= height + f64::from(margin_px)
}

impl Drop for NearObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Where the reader's colour choice is kept (`light`, `dark`; nothing: as on the device). The
/// boot script reads the same key.
const COLOURS_KEY: &str = "programme-browser/colours";

/// The colour scheme chosen on this device: `light`, `dark`, or "" (the device's setting).
pub fn colour_scheme() -> String {
    let stored = super::storage::local_storage().and_then(|storage| storage.get_item(COLOURS_KEY).ok().flatten());
    stored.filter(|code| code == "light" || code == "dark").unwrap_or_default()
}

/// Applies a colour scheme to the page at once and keeps it (best effort without storage:
/// for this page only).
pub fn set_colour_scheme(code: &str) {
    let code = if code == "light" || code == "dark" { code } else { "" };
    if let Some(root) = super::window().and_then(|window| window.document()).and_then(|document| document.document_element()) {
        let _ = if code.is_empty() { root.remove_attribute("data-theme") } else { root.set_attribute("data-theme", code) };
    }
    if let Some(storage) = super::storage::local_storage() {
        let _ = if code.is_empty() { storage.remove_item(COLOURS_KEY) } else { storage.set_item(COLOURS_KEY, code) };
    }
}
