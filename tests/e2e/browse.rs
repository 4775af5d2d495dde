//! Browsing journeys (issue: browse and filter) beyond the basics in main.rs: the phone
//! facet dialog, combined facets, share links, the keyboard alone, the empty state.

use thirtyfour::Key;

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::{expect_count, open_app};

#[tokio::test]
async fn phone_facet_dialog_filters_and_returns_focus() {
    let browser = open_app(PHONE, "").await;
    let opener = browser.testid("open-filters").await;
    opener.click().await.unwrap();
    let panel = browser.testid("facet-panel").await;
    assert_eq!(panel.attr("role").await.unwrap().as_deref(), Some("dialog"));
    assert_eq!(panel.attr("aria-modal").await.unwrap().as_deref(), Some("true"));
    eventually("focus in the dialog", || async { browser.focused_testid().await == "close-filters" }).await;
    let youth = browser.testid("option-theme-youth").await;
    youth.scroll_into_view().await.unwrap();
    youth.click().await.unwrap();
    let show = browser.testid("show-results").await;
    eventually("button says Show 1 event", || async { show.text().await.unwrap_or_default() == "Show 1 event" }).await;
    show.click().await.unwrap();
    eventually("dialog closed", || async { panel.attr("role").await.ok().flatten().is_none() }).await;
    eventually("focus back on the opener", || async { browser.focused_testid().await == "open-filters" }).await;
    expect_count(&browser, "1 event").await;
    // Escape closes the dialog too.
    browser.testid("open-filters").await.click().await.unwrap();
    eventually("focus in the dialog", || async { browser.focused_testid().await == "close-filters" }).await;
    browser.press(Key::Escape).await;
    eventually("dialog closed by Escape", || async { panel.attr("role").await.ok().flatten().is_none() }).await;
    browser.quit().await;
}

#[tokio::test]
async fn facets_combine_and_clear_all() {
    let browser = open_app(DESKTOP, "").await;
    browser.testid("option-theme-education").await.click().await.unwrap();
    browser.testid("option-theme-youth").await.click().await.unwrap();
    expect_count(&browser, "3 events").await; // OR within a facet
    browser.testid("option-month-2012-12").await.click().await.unwrap();
    expect_count(&browser, "2 events").await; // AND across facets
    assert_eq!(browser.card_ids().await, ["ms-2012-12-youth", "ms-2012-12-women"]);
    browser.testid("chip-theme-youth").await.click().await.unwrap();
    expect_count(&browser, "1 event").await;
    browser.testid("clear-all").await.click().await.unwrap();
    expect_count(&browser, "10 events").await;
    assert!(!browser.url().await.contains("theme="));
    browser.quit().await;
}

#[tokio::test]
async fn options_that_would_give_nothing_are_disabled_not_hidden() {
    let browser = open_app(DESKTOP, "?partner=iom").await;
    expect_count(&browser, "1 event").await;
    // No IOM event is about local governance: that theme would give nothing, so it is disabled.
    let governance = browser.testid("option-theme-local-governance").await;
    assert!(!governance.is_enabled().await.unwrap(), "local governance gives 0 with IOM chosen");
    let law = browser.testid("option-theme-migration-law").await;
    assert!(law.is_enabled().await.unwrap());
    // Another partner stays enabled: within a facet, choosing more widens the result.
    assert!(browser.testid("option-partner-city-of-antwerp").await.is_enabled().await.unwrap());
    browser.quit().await;
}

#[tokio::test]
async fn a_shared_link_reproduces_the_view() {
    let sender = open_app(DESKTOP, "").await;
    sender.testid("option-series-migration-series-2012").await.click().await.unwrap();
    sender.testid("search").await.send_keys("education").await.unwrap();
    expect_count(&sender, "2 events").await;
    let link = sender.url().await;
    let expected = sender.card_ids().await;
    sender.quit().await;
    let receiver = Browser::open(DESKTOP).await;
    receiver.goto(&link).await;
    receiver.wait_for_app().await;
    expect_count(&receiver, "2 events").await;
    assert_eq!(receiver.card_ids().await, expected);
    let search = receiver.testid("search").await;
    assert_eq!(search.prop("value").await.unwrap().as_deref(), Some("education"));
    receiver.quit().await;
}

#[tokio::test]
async fn the_whole_journey_works_with_the_keyboard_alone() {
    let browser = open_app(DESKTOP, "").await;
    // Tab from the top of the page to the "Youth" option, choose it with Space.
    assert!(browser.tab_until(false, 80, |id| id == "option-theme-youth").await, "Tab reaches the theme options");
    browser.press(Key::Space).await;
    expect_count(&browser, "1 event").await;
    // On to the event's link, open it with Enter.
    assert!(browser.tab_until(false, 80, |id| id == "event-link").await, "Tab reaches the event link");
    browser.press(Key::Enter).await;
    browser.testid("event-detail").await;
    eventually("focus on the event heading", || async { browser.focused_testid().await == "event-detail-title" }).await;
    // Star it with the keyboard.
    assert!(browser.tab_until(false, 10, |id| id.starts_with("shortlist-toggle-")).await, "Tab reaches the star");
    browser.press(Key::Enter).await;
    let star = browser.testid("shortlist-toggle-ms-2012-12-youth").await;
    eventually("star pressed", || async { star.attr("aria-pressed").await.ok().flatten().as_deref() == Some("true") }).await;
    // Back to the list, with the filter still applied.
    assert!(browser.tab_until(true, 10, |id| id == "back-to-list").await, "Shift+Tab reaches the back link");
    browser.press(Key::Enter).await;
    expect_count(&browser, "1 event").await;
    browser.quit().await;
}

#[tokio::test]
async fn nothing_matching_names_the_filters_to_remove() {
    let browser = open_app(DESKTOP, "?partner=iom&q=antwerp").await;
    expect_count(&browser, "0 events").await;
    let empty = browser.text_of("empty-result").await;
    assert!(empty.contains("IOM"), "{empty}");
    assert!(empty.contains("antwerp"), "{empty}");
    browser.testid("chip-search").await.click().await.unwrap();
    expect_count(&browser, "1 event").await;
    browser.quit().await;
}

#[tokio::test]
async fn unknown_event_in_a_link_says_so() {
    let browser = open_app(PHONE, "?event=no-such-event").await;
    let notice = browser.text_of("ignored-params-notice").await;
    assert!(notice.contains("event=no-such-event"), "{notice}");
    expect_count(&browser, "10 events").await;
    browser.quit().await;
}

#[tokio::test]
async fn the_list_grows_as_the_reader_scrolls_and_says_how_much_is_shown() {
    let browser = open_app(PHONE, "?programme=fixtures/generated-45.json&upcoming=0").await;
    assert_eq!(browser.count("[data-testid=event-card]").await, 30, "a page at first");
    assert_eq!(browser.text_of("shown-of").await, "30 of 45 events shown");
    // Scrolling towards the end adds the next page, without a tap.
    browser.script("window.scrollTo(0, document.body.scrollHeight);").await;
    eventually("the next page", || async { browser.count("[data-testid=event-card]").await == 45 }).await;
    assert_eq!(browser.count("[data-testid=show-more]").await, 0, "everything is shown");
    // The button does the same where nothing scrolls (a keyboard, a screen reader, an old
    // browser): pressed without moving the page, it adds the next page.
    browser.goto(&crate::server().app_url("?programme=fixtures/generated-45.json&upcoming=0")).await;
    browser.wait_for_app().await;
    assert_eq!(browser.count("[data-testid=event-card]").await, 30);
    browser.script("document.querySelector('[data-testid=show-more]').click();").await;
    eventually("the page added by the button", || async { browser.count("[data-testid=event-card]").await == 45 }).await;
    // A new result starts again at the first page: what fills the screen at once, the rest of
    // the page just after, and no more until the reader scrolls on.
    // Hybrid or online: 34 of the 45 events.
    browser.script("for (const mode of ['hybrid', 'online']) document.querySelector(`[data-testid=option-mode-${mode}]`).click();").await;
    eventually("a new result's first page", || async { browser.text_of("shown-of").await.starts_with("30 of ") }).await;
    let total: usize = browser.text_of("shown-of").await.split_whitespace().nth(2).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert_eq!(total, 34);
    assert_eq!(browser.count("[data-testid=event-card]").await, 30);
    browser.quit().await;
}

/// The facet counts are never a frame behind the list: read as soon as the result count has
/// changed, they are the counts of the new result (and "would give nothing" is disabled).
#[tokio::test]
async fn facet_counts_change_with_the_result_not_after_it() {
    let browser = open_app(DESKTOP, "").await;
    let december = "const input = document.querySelector('[data-testid=option-month-2012-12]');
        const april = document.querySelector('[data-testid=option-month-2012-04]');
        return [input.closest('label').querySelector('.count').textContent, april.disabled];";
    for _ in 0..5 {
        browser.testid("option-theme-education").await.click().await.unwrap();
        expect_count(&browser, "2 events").await;
        assert_eq!(browser.script(december).await, serde_json::json!(["1", true]), "education: one event in December, none in April");
        browser.testid("option-theme-education").await.click().await.unwrap();
        expect_count(&browser, "10 events").await;
        assert_eq!(browser.script(december).await, serde_json::json!(["2", false]));
    }
    browser.quit().await;
}

/// On a wide screen the first frame's few cards leave "Show more" within reach, which adds a
/// page; the first page completing at the same time must not make that two pages. (Seen from
/// the layout before the page completed, the list grew to all 45 events about once in six
/// filter changes.)
#[tokio::test]
async fn a_filter_change_shows_one_page_on_a_wide_screen_too() {
    let browser = open_app(DESKTOP, "?programme=fixtures/generated-45.json&upcoming=0").await;
    for total in [34, 45, 34, 45, 34, 45, 34, 45] {
        // Hybrid or online (34 of the 45 events), then every event again.
        browser
            .script("for (const mode of ['hybrid', 'online']) document.querySelector(`[data-testid=option-mode-${mode}]`).click();")
            .await;
        let expected = format!("30 of {total} events shown");
        eventually(&expected, || async {
            browser.script("const e = document.querySelector('[data-testid=shown-of]'); return e && e.textContent;").await
                == serde_json::json!(expected)
        })
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(browser.count("[data-testid=event-card]").await, 30, "one page, then no more without scrolling");
    }
    browser.quit().await;
}
