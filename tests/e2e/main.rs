//! End-to-end journeys: the release `dist/` served by a real static HTTP server under a
//! sub-path, driven in headless Chromium. Run by `scripts/test` after `scripts/build`
//! (`cargo test --features e2e --test e2e`).

mod a11y;
mod big;
mod browse;
mod browser;
mod calendar;
mod deploy;
mod engines;
mod first_screen;
mod follow_series;
mod languages;
mod now;
mod offline;
mod organiser;
mod own_appointments;
mod past_events;
mod people;
#[path = "../support/qr_decode.rs"]
mod qr_decode;
mod screenshots;
mod security;
mod server;
mod session_languages;
mod shortlist_safety;
mod shortlists;
mod static_pages;
mod venues;

use std::path::PathBuf;
use std::sync::OnceLock;

use browser::{eventually, Browser, DESKTOP, NARROWEST, PHONE};
use server::StaticServer;

/// The server most journeys share, started once.
pub(crate) fn server() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(start_server)
}

/// A server of its own, for a journey that stops it (the network going away).
pub(crate) fn start_server() -> StaticServer {
    StaticServer::start(dist_dir(), fixtures_dir())
}

/// The release build under test (`E2E_DIST`, else `dist/`).
pub(crate) fn dist_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = std::env::var_os("E2E_DIST").map(PathBuf::from).unwrap_or_else(|| root.join("dist"));
    assert!(dist.join("index.html").is_file(), "no release build in {}: run scripts/build first", dist.display());
    dist
}

/// Copies `from` (a folder) into `to`, recursively.
pub(crate) fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read the folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy a file");
        }
    }
}

/// The release build copied as an organiser would publish it (`pb-e2e-<name>-<pid>` in the
/// temporary folder), for a test to change, served by a server of its own.
pub(crate) fn published_copy(name: &str) -> (PathBuf, server::StaticServer) {
    let dist = std::env::temp_dir().join(format!("pb-e2e-{name}-{}", std::process::id()));
    copy_dir(&dist_dir(), &dist);
    let server = server::StaticServer::start(dist.clone(), fixtures_dir());
    (dist, server)
}

/// The release build refreshed with `programme` by the organisers' command (`prerender`), in
/// `pb-e2e-<name>-<pid>`, served by a server of its own.
pub(crate) fn prerendered_copy(name: &str, programme: &std::path::Path) -> (PathBuf, server::StaticServer) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let copy = std::env::temp_dir().join(format!("pb-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    copy_dir(&dist_dir(), &copy);
    let status = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--locked", "--features", "prerender", "--bin", "prerender", "--"])
        .arg(&copy)
        .arg(programme)
        .current_dir(&root)
        .status()
        .expect("run the prerender command");
    assert!(status.success(), "the prerender command failed");
    let server = server::StaticServer::start(copy.clone(), fixtures_dir());
    (copy, server)
}

pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub(crate) async fn open_app(size: (u32, u32), query: &str) -> Browser {
    let browser = Browser::open(size).await;
    browser.goto(&server().app_url(query)).await;
    browser.wait_for_app().await;
    browser
}

/// The result count line, e.g. "10 events".
pub(crate) async fn result_count(browser: &Browser) -> String {
    browser.text_of("result-count").await
}

pub(crate) async fn expect_count(browser: &Browser, expected: &str) {
    eventually(&format!("result count `{expected}`"), || async { result_count(browser).await == expected }).await;
}

#[tokio::test]
async fn bundled_programme_renders_in_order_under_month_headings() {
    let browser = open_app(DESKTOP, "").await;
    expect_count(&browser, "10 events").await;
    let ids = browser.card_ids().await;
    assert_eq!(ids.len(), 10);
    assert_eq!(ids.first().map(String::as_str), Some("ms-2012-04-sustainable-development"));
    assert_eq!(ids.last().map(String::as_str), Some("lphm-2013-11-entrepreneurship"));
    let first_heading = browser.find(".month-heading").await.text().await.unwrap();
    assert_eq!(first_heading, "April 2012");
    // Month precision is shown as a month, never as an invented day.
    let when = browser.testid("event-when").await.text().await.unwrap();
    assert_eq!(when, "April 2012");
    assert!(browser.text_of("programme-title").await.contains("Migration and Development Seminar Series"));
    let tab_title = browser.driver.title().await.unwrap();
    assert!(tab_title.starts_with("UNITAR migration training"), "{tab_title}");
    browser.quit().await;
}

#[tokio::test]
async fn theme_filter_narrows_the_list_and_is_in_the_url() {
    let browser = open_app(DESKTOP, "").await;
    browser.testid("option-theme-education").await.click().await.unwrap();
    expect_count(&browser, "2 events").await;
    assert_eq!(browser.card_ids().await, ["ms-2012-08-social-inclusion", "ms-2012-12-women"]);
    // One option: the static page of that view, which a reload or a shared link opens at once.
    assert!(browser.url().await.ends_with("/en/theme/education.html"), "{}", browser.url().await);
    browser.quit().await;
}

#[tokio::test]
async fn iom_gives_exactly_the_june_2012_seminar() {
    let browser = open_app(DESKTOP, "").await;
    browser.testid("option-partner-iom").await.click().await.unwrap();
    expect_count(&browser, "1 event").await;
    assert_eq!(browser.card_ids().await, ["ms-2012-06-migration-law"]);
    browser.quit().await;
}

#[tokio::test]
async fn deep_link_opens_an_event() {
    let browser = open_app(PHONE, "?event=ms-2012-06-migration-law").await;
    let title = browser.testid("event-detail-title").await.text().await.unwrap();
    assert_eq!(title, "International migration law");
    let detail = browser.testid("event-detail").await.text().await.unwrap();
    assert!(detail.contains("International Organization for Migration"), "{detail}");
    assert!(detail.contains("June 2012"), "{detail}");
    browser.testid("back-to-list").await.click().await.unwrap();
    expect_count(&browser, "10 events").await;
    browser.quit().await;
}

#[tokio::test]
async fn back_button_undoes_a_filter() {
    let browser = open_app(DESKTOP, "").await;
    browser.testid("option-month-2012-08").await.click().await.unwrap();
    expect_count(&browser, "2 events").await;
    browser.testid("option-theme-education").await.click().await.unwrap();
    expect_count(&browser, "1 event").await;
    browser.driver.back().await.unwrap();
    expect_count(&browser, "2 events").await;
    browser.driver.back().await.unwrap();
    expect_count(&browser, "10 events").await;
    browser.quit().await;
}

#[tokio::test]
async fn bogus_url_parameters_are_ignored_with_a_notice() {
    let browser = open_app(DESKTOP, "?month=2012-13&colour=blue&theme=no-such-theme&partner=iom").await;
    expect_count(&browser, "1 event").await;
    let notice = browser.text_of("ignored-params-notice").await;
    for part in ["month=2012-13", "colour=blue", "theme=no-such-theme"] {
        assert!(notice.contains(part), "{part} missing from: {notice}");
    }
    browser.quit().await;
}

#[tokio::test]
async fn a_broken_programme_file_shows_what_and_where() {
    let browser = open_app(PHONE, "?programme=fixtures/broken-syntax.json").await;
    let message = browser.text_of("load-error-message").await;
    assert!(message.contains("line 4"), "{message}");
    assert!(browser.count("[data-testid=retry]").await == 1);
    browser.goto(&server().app_url("?programme=fixtures/does-not-exist.json")).await;
    let message = browser.text_of("load-error-message").await;
    assert!(message.contains("404"), "{message}");
    // A file on another site that cannot be read: the likely cause is named.
    browser.goto(&server().app_url("?programme=https://127.0.0.1:1/programme.json")).await;
    let message = browser.text_of("load-error-message").await;
    assert!(message.contains("https://127.0.0.1:1/programme.json") && message.contains("CORS"), "{message}");
    // A programme carried inside the link itself is refused, and the bundled one shown.
    browser.goto(&server().app_url("?programme=data:application/json,%7B%7D")).await;
    assert!(browser.text_of("ignored-params-notice").await.contains("programme=data:"));
    expect_count(&browser, "10 events").await;
    browser.quit().await;
}

#[tokio::test]
async fn one_bad_event_is_skipped_and_the_rest_are_shown() {
    let browser = open_app(DESKTOP, "?programme=fixtures/one-bad-event.json").await;
    expect_count(&browser, "2 events").await;
    let notice = browser.text_of("skipped-notice").await;
    assert!(notice.contains("1 event could not be shown"), "{notice}");
    browser.quit().await;
}

#[tokio::test]
async fn no_horizontal_scrolling_at_320_px() {
    let long_words = "?programme=fixtures/long-words.json";
    let long_event = "?programme=fixtures/long-words.json&event=ms-2012-04-sustainable-development";
    // Every page, in the languages with the longest words and right to left, and a file whose
    // texts are single 600-letter words and a 600-letter link.
    for query in ["", "?event=lphm-2013-05-media", "?view=shortlist", "?view=shortlist&lang=ru", "?lang=ar", long_words, long_event] {
        let browser = open_app(NARROWEST, query).await;
        if query == long_words {
            // The picked card, with its priority and note controls, on the shortlist page.
            browser.star("ms-2012-04-sustainable-development").await;
            browser.testid("nav-shortlist").await.click().await.unwrap();
            browser.testid("shortlist-page").await;
        }
        let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
        let (scroll, inner) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
        assert!(inner <= 330, "window is {inner} px wide, expected about 320");
        assert!(scroll <= inner, "{query}: page is {scroll} px wide in a {inner} px window");
        browser.quit().await;
    }
}

#[tokio::test]
async fn a_programme_whose_every_event_is_broken_says_so_instead_of_a_blank_page() {
    let browser = open_app(PHONE, "?programme=fixtures/all-events-bad.json").await;
    expect_count(&browser, "0 events").await;
    let notice = browser.text_of("skipped-notice").await;
    assert!(notice.contains("2 events could not be shown"), "{notice}");
    assert!(browser.text_of("empty-programme").await.contains("no events"));
    // The details name each problem with its JSON path.
    browser.find("[data-testid=skipped-notice] summary").await.click().await.unwrap();
    let problems = browser.text_of("problem-list").await;
    // With the line too: the missing `when` at its event's line, the bad link at its own.
    assert!(problems.contains("events[0].when (line 5)") && problems.contains("events[1].links[0].url (line 6)"), "{problems}");
    browser.quit().await;
}

#[tokio::test]
async fn thousands_of_mistakes_list_the_first_hundred_and_count_the_rest() {
    let browser = open_app(DESKTOP, "?programme=fixtures/many-bad-events.json").await;
    expect_count(&browser, "1 event").await;
    browser.find("[data-testid=skipped-notice] summary").await.click().await.unwrap();
    eventually("problem list open", || async { browser.count("[data-testid=problem-list] li").await == 100 }).await;
    let more = browser.text_of("more-problems").await;
    assert!(more.contains("50 more") && more.contains("programme-check"), "{more}");
    browser.quit().await;
}
