//! The prerendered first screen (`#prerender` in index.html, written at build time by
//! `src/bin/prerender.rs`) and the app taking over from it.
//!
//! Replace-on-mount, not hydration: the app renders what it fetched into its own element,
//! kept out of the document while the static copy is shown (so no id is ever there twice),
//! then swaps the two in one task, so a `programme.json` replaced after the build is shown as
//! it is now. The focused control, what the reader typed into the static search box, and the
//! scroll position carry over. `index.html`'s boot script reads the `data-app` mark on
//! `<html>` to tell "started" from "not started" (and then shows a plain notice).

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const PRERENDER_ID: &str = "prerender";
/// Classes the boot script puts on `<html>` while the static copy is all there is.
const BOOT_CLASSES: [&str; 4] = ["pb-skeleton", "pb-slow", "pb-failed", "pb-progress"];

thread_local! {
    /// The app's element while it is out of the document.
    static DETACHED_APP: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
    /// The static page's scroll position, followed from the app's start to the swap (see
    /// `follow_scroll`), with the listener that follows it.
    static SCROLL_Y: Cell<f64> = const { Cell::new(0.0) };
    static SCROLL_LISTENER: RefCell<Option<Closure<dyn Fn()>>> = const { RefCell::new(None) };
    /// Parts of the app's page still to be built, each in a task of its own (see `hold`).
    static HOLDS: Cell<u32> = const { Cell::new(0) };
}

/// Keeps the app's page out of the document until the returned guard is dropped: for a part
/// of it built in a later task, so that building the page is several short tasks rather than
/// one long one (a phone cannot answer a tap during a long one), and the reader still sees
/// one whole page take the static page's place.
#[must_use = "the page waits until this is dropped"]
pub struct Hold(());

pub fn hold() -> Hold {
    HOLDS.set(HOLDS.get() + 1);
    Hold(())
}

impl Drop for Hold {
    fn drop(&mut self) {
        HOLDS.set(HOLDS.get().saturating_sub(1));
    }
}

/// Whether a part of the app's page is still being built (`hold`).
pub fn held() -> bool {
    HOLDS.get() > 0
}

/// The element the app renders into: `<div id="app">`, in the document at once when there is
/// no static first screen, else kept aside until `take_over` puts it in its place.
pub fn app_root() -> Option<web_sys::HtmlElement> {
    let document = super::window()?.document()?;
    let root = document.create_element("div").ok()?.dyn_into::<web_sys::HtmlElement>().ok()?;
    root.set_id("app");
    if prerendered().is_some() {
        DETACHED_APP.with(|app| *app.borrow_mut() = Some(root.clone()));
    } else {
        document.body()?.append_child(&root).ok()?;
    }
    Some(root)
}

fn root() -> Option<web_sys::Element> {
    super::window()?.document()?.document_element()
}

fn prerendered() -> Option<web_sys::Element> {
    super::window()?.document()?.get_element_by_id(PRERENDER_ID)
}

/// The language of the static page the app starts on (`#prerender[data-lang]`), if any.
pub fn page_language() -> Option<String> {
    prerendered()?.get_attribute("data-lang")
}

/// What the static page says of the pages the build wrote (`<meta name="pb-pages">`): their
/// plan (`domain::address::SitePages::to_meta`) and the SHA-256 of the programme they show.
pub fn static_pages() -> Option<(String, String)> {
    let meta = super::window()?.document()?.query_selector(r#"meta[name="pb-pages"]"#).ok()??;
    Some((meta.get_attribute("content")?, meta.get_attribute("data-programme-sha256")?))
}

/// Whether the static page has been painted with content yet (its first contentful paint).
/// Natively, or where the browser does not say: yes.
pub fn static_page_painted() -> bool {
    let Some(performance) = super::window().and_then(|window| window.performance()) else { return true };
    prerendered().is_none() || performance.get_entries_by_name("first-contentful-paint").length() > 0
}

/// Whether a static first screen is still on the page (then the app shows no spinner of its
/// own while it loads: the static copy, or its skeleton, stays until the app has content).
pub fn is_pending() -> bool {
    prerendered().is_some()
}

/// Shows how far a large programme file has downloaded, above the static first screen (or its
/// skeleton); `false` when there is no static copy to show it on.
pub fn show_progress(text: &str) -> bool {
    let Some(notice) = prerendered().and_then(|page| page.query_selector(".boot-progress").ok().flatten()) else { return false };
    notice.set_text_content(Some(text));
    if let Some(root) = root() {
        let _ = root.class_list().add_1("pb-progress");
    }
    true
}

/// Tells the boot script that the wasm has started.
pub fn mark_started() {
    if let Some(root) = root() {
        let _ = root.set_attribute("data-app", "started");
    }
    super::page::mark("pb-started");
    follow_scroll();
}

/// Keeps the static page's scroll position as the reader scrolls it. Reading it at the swap
/// instead forced a layout of the static page that is about to go, because loading had just
/// changed it (~20 ms at 10,000 events, in the load's profile). A scroll made in the very
/// frame of the swap is seen a frame late: the position given back is that frame's.
fn follow_scroll() {
    let Some(window) = super::window() else { return };
    if prerendered().is_none() {
        return;
    }
    SCROLL_Y.set(window.scroll_y().unwrap_or(0.0));
    let listener = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = super::window() {
            SCROLL_Y.set(window.scroll_y().unwrap_or(0.0));
        }
    });
    if window.add_event_listener_with_callback("scroll", listener.as_ref().unchecked_ref()).is_ok() {
        SCROLL_LISTENER.with(|kept| *kept.borrow_mut() = Some(listener));
    }
}

fn stop_following_scroll() {
    let Some(listener) = SCROLL_LISTENER.with(|kept| kept.borrow_mut().take()) else { return };
    if let Some(window) = super::window() {
        let _ = window.remove_event_listener_with_callback("scroll", listener.as_ref().unchecked_ref());
    }
}

/// What the reader was doing on the static page, carried over to the app's page.
pub struct Carried {
    /// `data-testid` of the focused element.
    focused: Option<String>,
    scroll_y: f64,
    /// Text typed into the static search box before the app started.
    pub typed_search: Option<String>,
    /// Controls tapped before the app was there (`data-testid`s, in order): stars, "Filters",
    /// "Show more" (the boot script keeps them), and checkboxes the reader changed (with the
    /// state they were left in).
    taps: Vec<(String, Option<bool>)>,
}

/// Puts the app's page in the place of the static first screen and marks the app ready
/// (`data-app="ready"`, also when there was no static copy). Call it once the app's page has
/// been rendered: the reader sees one page, never both and never neither.
pub fn take_over() -> Option<Carried> {
    let carried = carry();
    stop_following_scroll();
    if let Some(root) = root() {
        for class in BOOT_CLASSES {
            let _ = root.class_list().remove_1(class);
        }
        let _ = root.set_attribute("data-app", "ready");
    }
    let static_page = prerendered()?;
    // The app's page takes the static page's place, in one step.
    match DETACHED_APP.with(|app| app.borrow_mut().take()) {
        Some(app) => {
            let _ = static_page.replace_with_with_node_1(&app);
        }
        None => static_page.remove(),
    }
    carried
}

/// What the reader did on the static first screen: focus, scroll and typed search.
fn carry() -> Option<Carried> {
    let static_page = prerendered()?;
    let document = super::window()?.document()?;
    let focused = document
        .active_element()
        .filter(|element| static_page.contains(Some(element)))
        .and_then(|element| element.get_attribute("data-testid"));
    let typed_search = document
        .query_selector("#prerender [data-testid=search]")
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|text| !text.trim().is_empty());
    let mut taps: Vec<(String, Option<bool>)> = root()
        .and_then(|root| root.get_attribute("data-pb-queued"))
        .map(|queued| queued.split_ascii_whitespace().map(|testid| (testid.to_owned(), None)).collect())
        .unwrap_or_default();
    if let Ok(boxes) = static_page.query_selector_all("input[type=checkbox][data-testid]") {
        for i in 0..boxes.length() {
            let Some(input) = boxes.item(i).and_then(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok()) else { continue };
            if input.checked() != input.default_checked() {
                taps.extend(input.get_attribute("data-testid").map(|testid| (testid, Some(input.checked()))));
            }
        }
    }
    Some(Carried { focused, scroll_y: SCROLL_Y.get(), typed_search, taps })
}

/// Puts focus and scroll back where they were, once the app's page is in the document.
pub fn restore(carried: &Carried) {
    let Some(window) = super::window() else { return };
    // At the top (most readers) the position cannot have changed; not asking spares a forced
    // layout, which the frame then does at its own time.
    if carried.scroll_y >= 1.0 && (window.scroll_y().unwrap_or(0.0) - carried.scroll_y).abs() >= 1.0 {
        window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or(0.0), carried.scroll_y);
    }
    if let Some(testid) = &carried.focused {
        super::page::focus(&format!("[data-testid=\"{}\"]", testid.replace(['"', '\\'], "")));
    }
}

/// Does on the app's page what the reader tapped on the static one: the same control, clicked.
/// A star is pressed only if it is not already (the static page could not know the reader's
/// picks); a checkbox only if it differs from what the reader left it at.
pub fn replay_taps(carried: &Carried) {
    let Some(document) = super::window().and_then(|window| window.document()) else { return };
    for (testid, checked) in &carried.taps {
        let selector = format!("[data-testid=\"{}\"]", testid.replace(['"', '\\'], ""));
        let Some(control) = document.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let already = match (control.dyn_ref::<web_sys::HtmlInputElement>(), checked) {
            (Some(input), Some(wanted)) => input.checked() == *wanted,
            _ => control.get_attribute("aria-pressed").as_deref() == Some("true"),
        };
        if !already {
            control.click();
        }
    }
}
