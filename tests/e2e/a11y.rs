//! Accessibility is tested, not hoped for: axe-core (pinned in package.json) on the list, the
//! open facet dialog (with long facets, and focus kept clear of its sticky head and foot), an
//! event, the empty state, results waiting for a search, and the static first screen before
//! the app starts (with its failure notice); any WCAG 2.2 A/AA violation fails.

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

/// Long facets (a "Show all" button each) and a search that waits for its texts (results
/// marked busy): a big programme's own states, in the dialog on a phone.
#[tokio::test]
async fn long_facets_and_a_waiting_search_have_no_axe_violations() {
    let browser = crate::browser::Browser::open(PHONE).await;
    browser.goto(&crate::server().app_url("?programme=generated/many-options.json")).await;
    browser.wait_for_app().await;
    browser.testid("open-filters").await.click().await.unwrap();
    eventually("dialog open", || async { browser.focused_testid().await == "close-filters" }).await;
    browser.testid("show-all-partner").await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "facets with Show all");
    // Focus is never hidden behind the dialog's sticky head or foot (WCAG 2.4.11), going down
    // or back up: every control focused in turn is scrolled clear of both (a disabled option,
    // one that would give nothing, takes no focus).
    let obscured = browser
        .script(
            "const panel = document.querySelector('#facet-panel');
             const head = panel.querySelector('.panel-head').getBoundingClientRect();
             const foot = panel.querySelector('.panel-foot').getBoundingClientRect();
             const controls = [...panel.querySelectorAll('input, button')].filter(c => c.offsetParent && !c.disabled);
             const hidden = [];
             for (const c of [...controls, ...controls.reverse()]) {
               c.focus();
               const r = c.getBoundingClientRect();
               if (!c.closest('.panel-head, .panel-foot') && (r.top < head.bottom - 1 || r.bottom > foot.top + 1)) hidden.push(c.dataset.testid || c.className);
             }
             return hidden;",
        )
        .await;
    assert_eq!(obscured, serde_json::json!([]), "focused controls hidden behind the head or foot");
    // Pressed from the keyboard (a pointer would scroll it clear of the sticky foot first).
    browser.testid("show-all-partner").await.focus().await.unwrap();
    browser.press(thirtyfour::Key::Enter).await;
    eventually("all partners", || async {
        browser.script("return document.querySelectorAll('[data-testid=facet-partner] input').length > 12;").await == true
    })
    .await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "a facet shown whole");
    browser.quit().await;
    let busy = crate::browser::Browser::open(PHONE).await;
    busy.goto(&crate::server().app_url("?programme=generated/many-options.json")).await;
    busy.wait_for_app().await;
    // The state itself, whichever way the race with the building went.
    busy.script("document.querySelector('.results').setAttribute('aria-busy', 'true'); return 0;").await;
    assert_eq!(busy.axe_violations().await, Vec::<String>::new(), "results marked busy");
    busy.quit().await;
}

#[tokio::test]
async fn focus_going_back_up_the_list_is_never_under_a_stuck_month_heading() {
    let browser = open_app(PHONE, "").await;
    expect_count(&browser, "10 events").await;
    // Shift+Tab from the end of the list: each link or button focused in turn is scrolled into
    // view at the top, where the month heading sticks (WCAG 2.4.11).
    let under = browser
        .script(
            "window.scrollTo(0, document.documentElement.scrollHeight);
             const controls = [...document.querySelectorAll('.results a, .results button, .results summary')].filter(c => c.offsetParent).reverse();
             const under = [];
             for (const c of controls) {
               c.focus();
               const r = c.getBoundingClientRect();
               for (const h of document.querySelectorAll('.month-heading')) {
                 const stuck = h.getBoundingClientRect();
                 if (stuck.top <= 0.5 && stuck.bottom > 0 && r.top < stuck.bottom - 1 && r.bottom > 0) under.push(c.dataset.testid || c.textContent.trim());
               }
             }
             return under;",
        )
        .await;
    assert_eq!(under, serde_json::json!([]), "focused controls under a stuck month heading");
    browser.quit().await;
}

#[tokio::test]
async fn the_static_first_screen_and_its_notices_have_no_axe_violations() {
    // The app's code is slow to arrive: the prerendered page is what the reader has.
    let own_server = crate::start_server();
    own_server.delay_wasm(std::time::Duration::from_secs(20));
    for size in [PHONE, DESKTOP] {
        let browser = crate::browser::Browser::open(size).await;
        browser.goto(&own_server.app_url("")).await;
        browser.find("#prerender [data-testid=event-card]").await;
        assert!(browser.script("return document.documentElement.getAttribute('data-app');").await.is_null(), "the app had started");
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "static first screen at {size:?}");
        // Another first view (one without a page of its own): a skeleton, hidden from screen
        // readers, which hear "Loading".
        browser.goto(&own_server.app_url("?theme=education&month=2012-08")).await;
        browser.find("#prerender [data-testid=event-card]").await;
        let state = browser
            .script(
                "return [document.querySelector('#prerender > header').getAttribute('aria-hidden'),
                         document.querySelector('#prerender .boot-notices').getAttribute('aria-hidden'),
                         getComputedStyle(document.querySelector('.boot-loading')).display];",
            )
            .await;
        assert_eq!(state, serde_json::json!(["true", null, "block"]), "skeleton at {size:?}");
        // The app's code cannot be downloaded: the notice says so, on a readable page.
        browser.cdp("Network.enable", serde_json::json!({})).await;
        browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": ["*.wasm"] })).await;
        browser.goto(&own_server.app_url("?theme=education&month=2012-08")).await;
        let failed = browser.testid("boot-failed").await;
        eventually("failure notice", || async { failed.is_displayed().await.unwrap_or(false) }).await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "failure notice at {size:?}");
        let _ = browser.driver.quit().await;
    }
}

/// The calendar, clash, time-zone, QR and change views, at 320 px too: no axe violation
/// and no horizontal scrolling.
#[tokio::test]
async fn the_delegates_calendar_views_have_no_axe_violations_and_fit_320_px() {
    for size in [crate::browser::NARROWEST, DESKTOP] {
        let browser = crate::browser::Browser::open(size).await;
        browser.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": "Asia/Tokyo" })).await;
        let timed = "?programme=fixtures/timed.json";
        browser.goto(&crate::server().app_url(timed)).await;
        browser.wait_for_app().await;
        for id in ["clash-a", "clash-b"] {
            browser.star(id).await;
        }
        browser.testid("clash-notice").await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "timed list at {size:?}");
        assert!(fits(&browser).await, "timed list scrolls sideways at {size:?}");
        browser.goto(&crate::server().app_url(&format!("{timed}&event=before-dst"))).await;
        browser.testid("add-to-calendar").await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "timed event at {size:?}");
        assert!(fits(&browser).await, "timed event scrolls sideways at {size:?}");
        browser.goto(&crate::server().app_url(&format!("{timed}&view=shortlist"))).await;
        browser.testid("pick-clash").await;
        browser.testid("make-share-link").await.click().await.unwrap();
        browser.testid("share-qr").await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "shortlist with clashes and QR at {size:?}");
        assert!(fits(&browser).await, "shortlist scrolls sideways at {size:?}");
        browser.quit().await;
    }
}

async fn fits(browser: &crate::browser::Browser) -> bool {
    browser.script("return document.documentElement.scrollWidth <= window.innerWidth;").await == true
}

/// A 1280 x 800 screen zoomed to 200 % and 400 % (WCAG 1.4.10): the page is laid out in 640
/// and 320 CSS pixels, at two and four device pixels each. Every view reflows without
/// sideways scrolling: the list, an event, now and next, a day's timetable, and the shortlist
/// with an own appointment's form open.
#[tokio::test]
async fn every_view_reflows_at_200_and_400_percent_zoom() {
    let timed = "?programme=fixtures/timed.json";
    let views = [
        String::new(),
        "?event=ms-2012-06-migration-law&lang=ar".to_owned(),
        format!("{timed}&view=now"),
        format!("{timed}&view=day&day=2026-03-11"),
        format!("{timed}&view=shortlist&lang=ru"),
    ];
    for zoom in [2u32, 4] {
        let browser = crate::browser::Browser::open(DESKTOP).await;
        let metrics = serde_json::json!({ "width": 1280 / zoom, "height": 800 / zoom, "deviceScaleFactor": zoom, "mobile": false });
        browser.cdp("Emulation.setDeviceMetricsOverride", metrics).await;
        for query in &views {
            browser.goto(&crate::server().app_url(query)).await;
            browser.wait_for_app().await;
            if query.contains("shortlist") {
                browser.testid("own-open").await.click().await.unwrap();
                let shown = "return document.querySelector('[data-testid=own-title]').offsetParent !== null;";
                eventually("the form shown", || async { browser.script(shown).await == true }).await;
            }
            let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
            let (scroll, inner) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
            assert_eq!(inner, u64::from(1280 / zoom), "{query} at {zoom}00 %");
            assert!(scroll <= inner, "{query} at {zoom}00 %: the page is {scroll} px wide in {inner}");
        }
        browser.quit().await;
    }
}

/// Colours as the device is set, or light or dark as the reader chooses: applied at once,
/// remembered, applied by the boot script before the first paint of the next page, and
/// readable (axe's contrast checks) in each.
#[tokio::test]
async fn the_reader_chooses_light_or_dark_colours_and_they_are_kept() {
    let browser = crate::browser::Browser::open(PHONE).await;
    let device = |scheme: &str| serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] });
    let background = "return getComputedStyle(document.body).backgroundColor;";
    browser.cdp("Emulation.setEmulatedMedia", device("dark")).await;
    browser.goto(&crate::server().app_url("")).await;
    browser.wait_for_app().await;
    assert_eq!(browser.script(background).await, "rgb(15, 23, 32)", "the device's dark");

    browser.find("[data-testid=colour-choice] option[value=light]").await.click().await.unwrap();
    eventually("light at once", || async { browser.script(background).await == "rgb(255, 255, 255)" }).await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "light on a dark device");
    // The next page is light from its first paint: the boot script set it, not the app.
    browser.goto(&crate::server().app_url("?event=lphm-2013-05-media")).await;
    let theme = browser
        .script("return [document.documentElement.getAttribute('data-theme'), document.documentElement.getAttribute('data-app')];")
        .await;
    assert_eq!(theme[0], "light", "{theme}");
    browser.wait_for_app().await;
    assert_eq!(browser.script(background).await, "rgb(255, 255, 255)");

    // Dark on a light device, then back to the device's own.
    browser.cdp("Emulation.setEmulatedMedia", device("light")).await;
    browser.goto(&crate::server().app_url("?view=shortlist")).await;
    browser.wait_for_app().await;
    browser.find("[data-testid=colour-choice] option[value=dark]").await.click().await.unwrap();
    eventually("dark at once", || async { browser.script(background).await == "rgb(15, 23, 32)" }).await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "dark on a light device");
    browser.find("[data-testid=colour-choice] option[value='']").await.click().await.unwrap();
    eventually("the device's again", || async { browser.script(background).await == "rgb(255, 255, 255)" }).await;
    let stored = browser.script("return localStorage.getItem('programme-browser/colours');").await;
    assert_eq!(stored, serde_json::Value::Null, "nothing kept for the device's setting");
    browser.quit().await;
}
