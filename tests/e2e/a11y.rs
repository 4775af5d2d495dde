//! Accessibility is tested, not hoped for: axe-core (pinned in package.json) on the list, the
//! open facet dialog, an event and the empty state; any WCAG 2.2 A/AA violation fails.

use crate::browser::{eventually, DESKTOP, PHONE};
use crate::{expect_count, open_app};

#[tokio::test]
async fn list_event_and_empty_state_have_no_axe_violations() {
    for size in [PHONE, DESKTOP] {
        let browser = open_app(size, "").await;
        expect_count(&browser, "10 events").await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "list at {size:?}");
        browser.goto(&crate::server().app_url("?event=ms-2012-06-migration-law")).await;
        browser.testid("event-detail").await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "event at {size:?}");
        browser.goto(&crate::server().app_url("?partner=iom&q=antwerp")).await;
        browser.testid("empty-result").await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "empty state at {size:?}");
        browser.goto(&crate::server().app_url("?view=shortlist")).await;
        browser.testid("shortlist-page").await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "shortlist at {size:?}");
        browser.quit().await;
    }
}

#[tokio::test]
async fn open_facet_dialog_has_no_axe_violations() {
    let browser = open_app(PHONE, "").await;
    browser.testid("open-filters").await.click().await.unwrap();
    eventually("dialog open", || async { browser.focused_testid().await == "close-filters" }).await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.quit().await;
}
