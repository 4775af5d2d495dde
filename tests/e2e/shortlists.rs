//! Shortlist journeys (issue: shortlists that are never lost): programme updates, two tabs,
//! export and import, share links into a fresh browser.

use thirtyfour::By;

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::{open_app, server};

pub(crate) async fn shortlist_ids(browser: &Browser) -> Vec<String> {
    let picks = browser.driver.find_all(By::Css("[data-testid=pick]")).await.unwrap();
    let mut ids = Vec::new();
    for pick in picks {
        ids.push(pick.attr("data-event-id").await.ok().flatten().unwrap_or_default());
    }
    ids
}

pub(crate) async fn open_shortlist(browser: &Browser, query: &str) {
    browser.goto(&server().app_url(query)).await;
    browser.testid("shortlist-page").await;
}

#[tokio::test]
async fn picks_survive_a_programme_update_and_are_labelled() {
    let browser = open_app(DESKTOP, "").await;
    for id in ["ms-2012-08-rio-20", "ms-2012-09-reintegration", "ms-2012-12-youth"] {
        browser.star(id).await;
    }
    // The same programme (same id), republished: Rio+20 dropped, September moved to
    // October, December youth seminar cancelled.
    open_shortlist(&browser, "?programme=fixtures/programme-updated.json&view=shortlist").await;
    eventually("three picks", || async { shortlist_ids(&browser).await.len() == 3 }).await;
    let page = browser.text_of("shortlist-page").await;
    assert!(page.contains("Removed from the programme"), "{page}");
    assert!(page.contains("Moved from September 2012 to October 2012"), "{page}");
    assert!(page.contains("Cancelled"), "{page}");
    assert!(page.contains("Rio+20 outcomes and migration"), "the removed event keeps its title: {page}");
    browser.quit().await;
}

#[tokio::test]
async fn two_tabs_adding_at_the_same_time_keep_both() {
    let browser = open_app(DESKTOP, "").await;
    let first = browser.driver.window().await.unwrap();
    let second = browser.driver.new_tab().await.unwrap();
    browser.driver.switch_to_window(second.clone()).await.unwrap();
    browser.goto(&server().app_url("")).await;
    browser.wait_for_app().await;
    // Each tab adds an event the other has not seen yet.
    browser.star("lphm-2013-05-media").await;
    browser.driver.switch_to_window(first.clone()).await.unwrap();
    browser.star("ms-2012-04-sustainable-development").await;
    for tab in [first, second] {
        browser.driver.switch_to_window(tab).await.unwrap();
        open_shortlist(&browser, "?view=shortlist").await;
        eventually("both picks in every tab", || async {
            shortlist_ids(&browser).await == ["ms-2012-04-sustainable-development", "lphm-2013-05-media"]
        })
        .await;
    }
    browser.quit().await;
}

#[tokio::test]
async fn export_clear_site_data_import_brings_everything_back() {
    let browser = open_app(DESKTOP, "").await;
    let picks = ["ms-2012-06-migration-law", "lphm-2013-10-labour-exploitation"];
    for id in picks {
        browser.star(id).await;
    }
    open_shortlist(&browser, "?view=shortlist").await;
    browser.testid("export").await.click().await.unwrap();
    let exported = browser.downloaded(".json").await;
    // Clear site data, as a browser's "clear storage" would.
    browser.script("localStorage.clear(); return true;").await;
    browser.driver.refresh().await.unwrap();
    browser.testid("shortlist-page").await;
    assert!(shortlist_ids(&browser).await.is_empty());
    browser.testid("import-file").await.send_keys(exported.display().to_string()).await.unwrap();
    let summary = browser.text_of("merge-summary").await;
    assert!(summary.contains("add 2 events"), "{summary}");
    browser.testid("merge-confirm").await.click().await.unwrap();
    eventually("picks back", || async { shortlist_ids(&browser).await == picks }).await;
    let done = browser.text_of("merge-done").await;
    assert!(done.contains("2 events added"), "the merge is confirmed: {done}");
    browser.driver.refresh().await.unwrap();
    browser.testid("shortlist-page").await;
    eventually("still there after reload", || async { shortlist_ids(&browser).await == picks }).await;
    browser.quit().await;
}

#[tokio::test]
async fn a_share_link_opens_in_a_fresh_browser_as_a_preview_to_merge() {
    let sender = open_app(DESKTOP, "").await;
    let picks = ["ms-2012-04-sustainable-development", "ms-2012-09-reintegration", "lphm-2013-11-entrepreneurship"];
    for id in picks {
        sender.star(id).await;
    }
    open_shortlist(&sender, "?view=shortlist").await;
    sender.testid("make-share-link").await.click().await.unwrap();
    let link = sender.testid("share-link").await.prop("value").await.unwrap().unwrap_or_default();
    assert!(link.contains("#share=2."), "{link}");
    sender.quit().await;

    let receiver = Browser::open(PHONE).await;
    receiver.goto(&link).await;
    let summary = receiver.text_of("merge-summary").await;
    assert!(summary.contains("add 3 events"), "{summary}");
    receiver.testid("merge-confirm").await.click().await.unwrap();
    let done = receiver.text_of("merge-done").await;
    assert!(done.contains("3 events added"), "the merge is confirmed: {done}");
    open_shortlist(&receiver, "?view=shortlist").await;
    eventually("same list", || async { shortlist_ids(&receiver).await == picks }).await;
    receiver.quit().await;

    // A link cut short is refused with a message, and nothing is added.
    let damaged = Browser::open(PHONE).await;
    damaged.goto(&link[..link.len() - 6]).await;
    let message = damaged.text_of("share-error").await;
    assert!(message.contains("incomplete"), "{message}");
    damaged.quit().await;
}

#[tokio::test]
async fn corrupt_storage_is_kept_aside_and_the_reader_told() {
    let browser = open_app(PHONE, "").await;
    browser.script("localStorage.setItem('programme-browser/shortlists', '{broken'); return true;").await;
    browser.driver.refresh().await.unwrap();
    browser.wait_for_app().await;
    let notice = browser.text_of("storage-notice").await;
    assert!(notice.contains("could not be read"), "{notice}");
    assert!(browser.count("[data-testid=download-unreadable]").await == 1);
    let kept = browser.script("return localStorage.getItem('programme-browser/shortlists.unreadable');").await;
    assert_eq!(kept.as_str(), Some("{broken"));
    // The app still works and saves new picks.
    browser.star("ms-2012-06-migration-law").await;
    browser.quit().await;
}

#[tokio::test]
async fn partly_damaged_storage_keeps_every_readable_pick() {
    let browser = open_app(PHONE, "?view=shortlist").await;
    // Two sound picks and one damaged one (no event id), as a bad sync tool or a hand edit
    // could leave them.
    let saved = r#"{"version":2,"active":"default","lists":[{"id":"default","name":"","created_ms":1,"changed_ms":1,"picks":[
        {"programme":"unitar-migration-2012-2013","event":"ms-2012-06-migration-law","updated_ms":2},
        {"programme":"unitar-migration-2012-2013","updated_ms":3},
        {"programme":"unitar-migration-2012-2013","event":"lphm-2013-05-media","updated_ms":4}]}]}"#;
    browser.script(&format!("localStorage.setItem('programme-browser/shortlists', {}); return true;", serde_json::json!(saved))).await;
    browser.driver.refresh().await.unwrap();
    browser.testid("shortlist-page").await;
    let notice = browser.text_of("storage-notice").await;
    assert!(notice.contains("One saved shortlist item could not be read"), "{notice}");
    eventually("the two readable picks", || async { shortlist_ids(&browser).await.len() == 2 }).await;
    let kept = browser.script("return localStorage.getItem('programme-browser/shortlists.unreadable');").await;
    assert_eq!(kept.as_str(), Some(saved), "the damaged value is kept aside, unchanged");
    browser.quit().await;
}

#[tokio::test]
async fn named_lists_can_be_created_renamed_and_deleted_with_undo() {
    let browser = open_app(DESKTOP, "").await;
    browser.star("ms-2012-06-migration-law").await;
    open_shortlist(&browser, "?view=shortlist").await;
    browser.testid("new-list").await.click().await.unwrap();
    eventually("new list is empty and active", || async { shortlist_ids(&browser).await.is_empty() }).await;
    browser.testid("rename-list").await.click().await.unwrap();
    let input = browser.testid("rename-input").await;
    input.clear().await.unwrap();
    input.send_keys("New York week").await.unwrap();
    browser.testid("rename-save").await.click().await.unwrap();
    let select = browser.testid("active-list").await;
    eventually("renamed", || async { select.text().await.unwrap_or_default().contains("New York week") }).await;
    browser.testid("delete-list").await.click().await.unwrap();
    eventually("back on the first list", || async { shortlist_ids(&browser).await == ["ms-2012-06-migration-law"] }).await;
    browser.testid("undo-delete").await.click().await.unwrap();
    eventually("restored", || async { select.text().await.unwrap_or_default().contains("New York week") }).await;
    browser.quit().await;
}
