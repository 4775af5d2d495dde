//! Big programmes: a 30,000-event file read in slices with progress and shown without keeping
//! a "seen" record that would crowd the shortlists out of the browser's storage; a search
//! typed before search is ready; long facets.

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::server::BIG_EVENTS;

const _: () = assert!(BIG_EVENTS == 30_000, "the texts below say 30,000");

/// Records every text the loading progress shows, on the static page or the app's own.
const RECORD_PROGRESS: &str = "window.__progress = []; new MutationObserver(() => { \
    for (const el of document.querySelectorAll('.boot-progress, [data-testid=load-progress]')) { \
      const text = el.textContent; if (text && window.__progress[window.__progress.length - 1] !== text) window.__progress.push(text); } \
  }).observe(document, { subtree: true, childList: true, characterData: true });";

// The generated programmes run from 2025 to 2027: past events are asked for, so that the
// counts do not depend on the day the tests run.
#[tokio::test]
async fn a_big_programme_is_read_in_slices_with_progress_and_not_remembered() {
    let browser = Browser::open(PHONE).await;
    browser.before_each_page(RECORD_PROGRESS).await;
    browser.goto(&crate::server().app_url("?programme=generated/big.json&upcoming=0")).await;
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
    browser.goto(&crate::server().app_url("?programme=generated/big.json&upcoming=0")).await;
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
    fresh.goto(&crate::server().app_url("?programme=generated/big.json&upcoming=0&q=workshop")).await;
    fresh.wait_for_app().await;
    crate::expect_count(&fresh, &found).await;
    fresh.quit().await;
    browser.quit().await;
}

/// How many options of a facet are on the page.
async fn options_shown(browser: &Browser, facet: &str) -> usize {
    let script = format!("return document.querySelectorAll('[data-testid=facet-{facet}] input[type=checkbox]').length;");
    browser.script(&script).await.as_u64().unwrap_or_default() as usize
}

#[tokio::test]
async fn a_long_facet_shows_its_first_options_and_the_rest_on_request_or_when_one_is_chosen() {
    let browser = Browser::open(DESKTOP).await;
    browser.goto(&crate::server().app_url("?programme=generated/many-options.json")).await;
    browser.wait_for_app().await;
    // Over a hundred partners: the first 12, and a button for all. Five modes or fewer: all.
    assert_eq!(options_shown(&browser, "partner").await, 12);
    assert!(browser.script("return document.querySelector('[data-testid=show-all-mode]') === null;").await == true);
    let button = browser.testid("show-all-partner").await;
    let label = button.text().await.unwrap();
    // Pressed from the keyboard: every option, the button gone, focus on the first it showed.
    button.focus().await.unwrap();
    browser.press(thirtyfour::Key::Enter).await;
    eventually("all partners", || async { options_shown(&browser, "partner").await > 100 }).await;
    let all = options_shown(&browser, "partner").await;
    assert_eq!(label, format!("Show all {all}"));
    assert_eq!(browser.script("return document.querySelector('[data-testid=show-all-partner]').hidden;").await, true);
    let option =
        |n: usize| format!("return document.querySelectorAll('[data-testid=facet-partner] input')[{n}].getAttribute('data-testid');");
    let thirteenth = browser.script(&option(12)).await;
    eventually("focus on the 13th partner", || async {
        browser.script("return document.activeElement.getAttribute('data-testid');").await == thirteenth
    })
    .await;
    // A shown option filters like any other.
    let last = browser.script(&option(all - 1)).await.as_str().unwrap_or_default().to_owned();
    let code = last.trim_start_matches("option-partner-").to_owned();
    browser.testid(&last).await.click().await.unwrap();
    eventually("the address names the partner", || async {
        browser.script("return location.search;").await.as_str().unwrap_or("").contains(&format!("partner={code}"))
    })
    .await;
    // Chosen by going back and forward in the history to an address that chooses one of the
    // rest: all of them are shown, so that it can be seen and unchosen where it is.
    let linked = Browser::open(DESKTOP).await;
    linked.goto(&crate::server().app_url("?programme=generated/many-options.json")).await;
    linked.wait_for_app().await;
    assert_eq!(options_shown(&linked, "partner").await, 12);
    linked
        .script(&format!("history.pushState(null, '', location.search + '&partner={code}'); history.back(); setTimeout(() => history.forward(), 200); return 0;"))
        .await;
    eventually("all partners after going forward", || async { options_shown(&linked, "partner").await == all }).await;
    eventually("that partner checked", || async {
        linked.script(&format!("const box = document.querySelector('[data-testid={last}]'); return !!box && box.checked;")).await == true
    })
    .await;
    // A link that chooses one of the rest opens with all of them shown, that one checked.
    linked.goto(&crate::server().app_url(&format!("?programme=generated/many-options.json&partner={code}"))).await;
    linked.wait_for_app().await;
    assert_eq!(options_shown(&linked, "partner").await, all);
    assert_eq!(linked.script(&format!("return document.querySelector('[data-testid={last}]').checked;")).await, true);
    // The other long facets are still short.
    assert_eq!(options_shown(&linked, "theme").await, 12);
    linked.quit().await;
    browser.quit().await;
}
