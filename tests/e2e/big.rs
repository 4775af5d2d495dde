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
