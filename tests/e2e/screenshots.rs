//! Screenshots of the list, the open facet panel, an event and the shortlist at 360×800 and
//! 1280×800, written to target/screenshots/ for review (`scripts/screenshots`). The journey
//! also runs with the other end-to-end tests, asserting that each capture is a real image.

use std::path::PathBuf;

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::{expect_count, open_app, server};

async fn capture(browser: &Browser, name: &str) {
    let png = browser.driver.screenshot_as_png().await.expect("screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 5_000, "{name}: not a real screenshot");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
}

#[tokio::test]
async fn screenshots_at_phone_and_desktop_sizes() {
    for (size, label) in [(PHONE, "360x800"), (DESKTOP, "1280x800")] {
        let browser = open_app(size, "").await;
        expect_count(&browser, "10 events").await;
        capture(&browser, &format!("{label}-list")).await;
        if size == PHONE {
            browser.testid("open-filters").await.click().await.unwrap();
            eventually("dialog open", || async { browser.focused_testid().await == "close-filters" }).await;
        } else {
            browser.testid("option-theme-education").await.click().await.unwrap();
            expect_count(&browser, "2 events").await;
        }
        capture(&browser, &format!("{label}-facets")).await;
        browser.goto(&server().app_url("?event=lphm-2013-05-media")).await;
        browser.wait_for_app().await;
        browser.testid("event-detail").await;
        browser.testid("shortlist-toggle-lphm-2013-05-media").await.click().await.unwrap();
        capture(&browser, &format!("{label}-event")).await;
        browser.goto(&server().app_url("?view=shortlist")).await;
        browser.testid("pick").await;
        capture(&browser, &format!("{label}-shortlist")).await;
        browser.quit().await;
    }
}
