//! Hostile input and faults (issue #10): the app under the strict Content Security Policy that
//! README documents for static hosts (the test server sends it with every answer).

use crate::browser::{eventually, DESKTOP};
use crate::{expect_count, open_app};

#[tokio::test]
async fn the_app_works_under_a_strict_content_security_policy() {
    let browser = open_app(DESKTOP, "").await;
    // The page as served has no inline script (a host's policy cannot name per-build hashes).
    let inline = browser.script("return [...document.scripts].filter(s => !s.src && s.type !== 'application/ld+json').length;").await;
    assert_eq!(inline, 0, "inline scripts in the page");
    // Filters, search, an event, the shortlist and a language switch all work.
    browser.testid("option-theme-education").await.click().await.unwrap();
    expect_count(&browser, "2 events").await;
    browser.testid("shortlist-toggle-ms-2012-08-social-inclusion").await.click().await.unwrap();
    browser.testid("nav-shortlist").await.click().await.unwrap();
    eventually("the shortlist page", || async { browser.text_of("shortlist-count").await.contains('1') }).await;
    browser.goto(&crate::server().app_url("?lang=fr")).await;
    browser.wait_for_app().await;
    eventually("the French page", || async { browser.script("return document.documentElement.lang;").await == "fr" }).await;
    // The service worker registered (from the boot file, not an inline script).
    eventually("a service worker", || async { browser.script("return !!navigator.serviceWorker.controller;").await == true }).await;
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());

    // The watcher that every journey relies on does see a violation.
    browser.script("const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.head.appendChild(s);").await;
    eventually("the injected inline script is reported", || async { !browser.csp_violations().await.is_empty() }).await;
    assert!(browser.script("return window.x === undefined;").await == true, "an inline script ran");
    browser.script("window.__cspViolations = [];").await;
    browser.quit().await;
}
