//! A big programme (30,000 events): read in slices with progress, and shown without keeping
//! a "seen" record that would crowd the shortlists out of the browser's storage.

use crate::browser::{eventually, Browser, PHONE};
use crate::server::BIG_EVENTS;

const _: () = assert!(BIG_EVENTS == 30_000, "the texts below say 30,000");

/// Records every text the loading progress shows, on the static page or the app's own.
const RECORD_PROGRESS: &str = "window.__progress = []; new MutationObserver(() => { \
    for (const el of document.querySelectorAll('.boot-progress, [data-testid=load-progress]')) { \
      const text = el.textContent; if (text && window.__progress[window.__progress.length - 1] !== text) window.__progress.push(text); } \
  }).observe(document, { subtree: true, childList: true, characterData: true });";

#[tokio::test]
async fn a_big_programme_is_read_in_slices_with_progress_and_not_remembered() {
    let browser = Browser::open(PHONE).await;
    browser.before_each_page(RECORD_PROGRESS).await;
    browser.goto(&crate::server().app_url("?programme=generated/big.json")).await;
    browser.wait_for_app().await;
    crate::expect_count(&browser, "30,000 events").await;
    let shown: Vec<String> = serde_json::from_value(browser.script("return window.__progress;").await).unwrap_or_default();
    let reading: Vec<&String> = shown.iter().filter(|text| text.starts_with("Reading the programme: ")).collect();
    assert!(!reading.is_empty(), "reading progress was shown: {shown:?}");
    assert!(reading.iter().all(|text| text.ends_with(" of 30,000 events")), "{reading:?}");
    // Too big to remember what was seen; the shortlist still works and is kept.
    let star = browser.find("[data-testid^=shortlist-toggle-]").await;
    star.click().await.unwrap();
    eventually("the pick saved", || async {
        browser.script("return (localStorage.getItem('programme-browser/shortlists') || '').includes('event-');").await == true
    })
    .await;
    let seen = browser.script("return Object.keys(localStorage).filter(k => k.startsWith('programme-browser/seen/')).length;").await;
    assert_eq!(seen, 0, "no seen record for a programme this big");
    browser.quit().await;
}

/// Types a word in the frame that first paints the app's page, before what search matches is
/// built (the app builds it after that paint, in slices), and records what the page said then.
/// (How long the page is held meanwhile is a benchmark figure: `scripts/bench`.)
const TYPE_AT_ONCE: &str = "new MutationObserver((changes, observer) => { \
    if (document.documentElement.getAttribute('data-app') !== 'ready') return; observer.disconnect(); \
    requestAnimationFrame(() => { \
      const input = document.querySelector('[data-testid=search]'); \
      input.value = 'workshop'; input.dispatchEvent(new Event('input', { bubbles: true })); \
      requestAnimationFrame(() => { window.__busy = document.querySelector('.results').getAttribute('aria-busy'); \
        window.__countThen = document.querySelector('[data-testid=result-count]').textContent; }); \
    }); \
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });";

#[tokio::test]
async fn a_word_typed_before_search_is_ready_shows_busy_then_finds_what_a_fresh_search_finds() {
    let browser = Browser::open(PHONE).await;
    browser.before_each_page(TYPE_AT_ONCE).await;
    browser.goto(&crate::server().app_url("?programme=generated/big.json")).await;
    browser.wait_for_app().await;
    // The frame after the letter: the page still shows what it showed, marked busy.
    eventually("the page looked right after the word", || async { browser.script("return window.__busy !== undefined;").await == true })
        .await;
    assert_eq!(browser.script("return window.__busy;").await, "true", "the results were marked busy while search was being built");
    assert_eq!(browser.script("return window.__countThen;").await, "30,000 events");
    // Then the search's own result, no longer busy.
    eventually("the search's result", || async { crate::result_count(&browser).await != "30,000 events" }).await;
    let found = crate::result_count(&browser).await;
    assert_eq!(browser.script("return document.querySelector('.results').getAttribute('aria-busy');").await, serde_json::Value::Null);
    assert!(found.ends_with(" events") && found != "0 events", "{found}");
    // What a link with that search finds from the start.
    let fresh = Browser::open(PHONE).await;
    fresh.goto(&crate::server().app_url("?programme=generated/big.json&q=workshop")).await;
    fresh.wait_for_app().await;
    crate::expect_count(&fresh, &found).await;
    fresh.quit().await;
    browser.quit().await;
}
