//! Every link a delegate is sent opens as static HTML: each language's page, an
//! event's page and a filtered view's page are readable before the app runs and without
//! JavaScript, preview as what they show, are taken over by the app without a layout shift,
//! keep a tap made before the takeover, and open offline once visited.

use std::time::Duration;

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::languages::lang_and_dir;
use crate::server::SUB_PATH;
use crate::{expect_count, server};

const EVENT: &str = "ms-2012-06-migration-law";

/// Counts layout shifts, and the frames in which the static page was shown as itself (not as
/// a skeleton), until the app has taken over.
const WATCH: &str = r#"
    window.__cls = 0; window.__unmasked = 0;
    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    (function watch() {
      const root = document.documentElement;
      if (root && root.getAttribute('data-app') === 'ready') return;
      if (root && document.getElementById('prerender') && !root.classList.contains('pb-skeleton')) window.__unmasked += 1;
      requestAnimationFrame(watch);
    })();
"#;

#[tokio::test]
async fn every_kind_of_address_is_painted_static_and_taken_over_without_a_layout_shift() {
    let own_server = crate::start_server();
    // The app's code arrives late: the static page is what the reader has meanwhile.
    own_server.delay_wasm(Duration::from_millis(1200));
    let addresses = [
        ("", "ltr"),
        ("fr/", "ltr"),
        ("ar/", "rtl"),
        ("en/events/ms-2012-06-migration-law.html", "ltr"),
        ("ar/events/ms-2012-06-migration-law.html", "rtl"),
        ("en/theme/education.html", "ltr"),
        ("ar/month/2012-08.html", "rtl"),
    ];
    for size in [PHONE, DESKTOP] {
        let browser = Browser::open(size).await;
        browser.before_each_page(WATCH).await;
        for (address, dir) in addresses {
            browser.goto(&own_server.app_url(address)).await;
            browser.wait_for_app().await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let seen = browser.script("return [window.__cls, window.__unmasked];").await;
            let (cls, unmasked) = (seen[0].as_f64().unwrap_or(f64::MAX), seen[1].as_u64().unwrap_or(0));
            assert!(unmasked > 0, "{address} at {size:?}: the static page was never shown as itself");
            assert!(cls <= 0.02, "{address} at {size:?}: layout shift {cls} when the app took over");
            assert_eq!(lang_and_dir(&browser).await.1, dir, "{address}");
            assert_eq!(browser.count("#prerender").await, 0, "{address}: taken over");
        }
        browser.quit().await;
    }
    own_server.delay_wasm(Duration::ZERO);
}

#[tokio::test]
async fn without_javascript_each_page_shows_its_own_content() {
    let browser = Browser::open_without_javascript(PHONE).await;
    let pages = [("fr/", "fr", "10 événements"), ("ar/", "ar", "10 فعاليات"), ("es/theme/education.html", "es", "2 eventos")];
    for (address, lang, count) in pages {
        browser.goto(&server().app_url(address)).await;
        assert_eq!(lang_and_dir(&browser).await.0, lang, "{address}");
        assert_eq!(browser.text_of("result-count").await, count, "{address}");
        assert!(browser.text_of("boot-noscript").await.len() > 20, "{address}: the no-JavaScript note");
    }
    browser.goto(&server().app_url(&format!("ru/events/{EVENT}.html"))).await;
    assert_eq!(browser.text_of("event-detail-title").await, "International migration law");
    let detail = browser.text_of("event-detail").await;
    assert!(detail.contains("Июнь 2012") && detail.contains("United Nations Headquarters, New York"), "{detail}");
    // The language picker works without JavaScript: it is links to the same page in each.
    let arabic = browser.testid("language-ar").await.attr("href").await.unwrap().unwrap_or_default();
    assert_eq!(arabic, format!("../../ar/events/{EVENT}.html"));
    browser.goto(&server().app_url(&format!("ar/events/{EVENT}.html"))).await;
    assert_eq!(lang_and_dir(&browser).await, ("ar".to_owned(), "rtl".to_owned()));
    let _ = browser.driver.quit().await;
}

#[tokio::test]
async fn an_events_link_previews_as_the_event() {
    let browser = Browser::open_without_javascript(DESKTOP).await;
    browser.goto(&server().app_url(&format!("en/events/{EVENT}.html"))).await;
    let meta = |css: &'static str| {
        let browser = &browser;
        async move { browser.find(css).await.attr("content").await.unwrap().unwrap_or_default() }
    };
    assert!(browser.driver.title().await.unwrap().starts_with("International migration law – "));
    assert!(meta("meta[property='og:title']").await.starts_with("International migration law"));
    let description = meta("meta[property='og:description']").await;
    assert!(description.contains("June 2012") && description.contains("Given with IOM."), "{description}");
    assert_eq!(meta("meta[name=description]").await, description);
    let json_ld = browser.find("script[type='application/ld+json']").await.inner_html().await.unwrap();
    let graph: serde_json::Value = serde_json::from_str(&json_ld).unwrap();
    assert_eq!(graph["@graph"][0]["name"], "International migration law");
    assert_eq!(graph["@graph"].as_array().map(Vec::len), Some(1));
    // Its other languages, for the boot script (search engines get them absolute, with the
    // publish address: tests/prerender.rs).
    let languages = meta("meta[name=pb-languages]").await;
    assert_eq!(languages.split(' ').count(), 6, "{languages}");
    assert!(languages.contains(&format!("fr=../../fr/events/{EVENT}.html")), "{languages}");
    let _ = browser.driver.quit().await;
}

#[tokio::test]
async fn cards_and_the_share_field_give_the_events_page_and_older_links_still_work() {
    let browser = crate::open_app(PHONE, "en/").await;
    let link = browser.find(&format!("[data-event-id='{EVENT}'] [data-testid=event-link]")).await;
    let href = link.attr("href").await.unwrap().unwrap_or_default();
    assert_eq!(href, format!("{SUB_PATH}en/events/{EVENT}.html"));
    link.click().await.unwrap();
    eventually("the event", || async { browser.count("[data-testid=event-detail]").await == 1 }).await;
    assert!(browser.url().await.ends_with(&format!("{SUB_PATH}en/events/{EVENT}.html")), "{}", browser.url().await);
    let shared = browser.testid("event-address").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(shared, server().app_url(&format!("en/events/{EVENT}.html")));
    // Back to the list the event was opened from.
    browser.testid("back-to-list").await.click().await.unwrap();
    expect_count(&browser, "10 events").await;
    // A link from before the event pages opens the event too.
    browser.goto(&server().app_url(&format!("?event={EVENT}"))).await;
    browser.wait_for_app().await;
    assert_eq!(browser.text_of("event-detail-title").await, "International migration law");
    // A programme replaced after the build (the static pages are of the old one): links give
    // the app's own address, never a page that may not exist.
    browser.goto(&server().app_url("en/?programme=fixtures/programme-updated.json")).await;
    browser.wait_for_app().await;
    let href = browser.find("[data-testid=event-link]").await.attr("href").await.unwrap().unwrap_or_default();
    assert!(href.contains("?programme=fixtures%2Fprogramme-updated.json&event="), "{href}");
    browser.quit().await;
}

/// A link from before the view pages (`?theme=`, `?event=`) opens that view's static page,
/// campaign tags kept; the root page is never shown unmasked before it goes; a view without a
/// page stays the app's.
#[tokio::test]
async fn an_older_link_to_one_view_opens_its_static_page() {
    let own_server = crate::start_server();
    own_server.delay_wasm(Duration::from_millis(700));
    let browser = Browser::open(PHONE).await;
    // Remembers, across the navigation, a page that showed its static list unmasked.
    browser
        .before_each_page(
            "(function watch() {
               const root = document.documentElement;
               if (root && document.getElementById('prerender') && !root.classList.contains('pb-skeleton')) {
                 sessionStorage.setItem('unmasked:' + location.pathname, '1');
               }
               if (!root || root.getAttribute('data-app') !== 'ready') requestAnimationFrame(watch);
             })();",
        )
        .await;
    browser.goto(&own_server.app_url("?theme=education&utm_source=mail")).await;
    browser.wait_for_app().await;
    assert!(browser.url().await.ends_with(&format!("{SUB_PATH}en/theme/education.html?utm_source=mail")), "{}", browser.url().await);
    assert_eq!(browser.card_ids().await, ["ms-2012-08-social-inclusion", "ms-2012-12-women"]);
    let unmasked = browser.script(&format!("return sessionStorage.getItem('unmasked:{SUB_PATH}');")).await;
    assert!(unmasked.is_null(), "the unfiltered first page was shown before the theme's page");

    browser.goto(&own_server.app_url(&format!("?event={EVENT}"))).await;
    browser.wait_for_app().await;
    assert!(browser.url().await.ends_with(&format!("{SUB_PATH}en/events/{EVENT}.html")), "{}", browser.url().await);
    assert_eq!(browser.text_of("event-detail-title").await, "International migration law");

    // No page of that view: the app shows it, at the address asked for.
    browser.goto(&own_server.app_url("?event=no-such-event")).await;
    browser.wait_for_app().await;
    assert!(!browser.url().await.contains("/events/"), "{}", browser.url().await);
    browser.quit().await;
}

#[tokio::test]
async fn a_tap_before_the_app_takes_over_is_kept() {
    let own_server = crate::start_server();
    own_server.delay_wasm(Duration::from_millis(2500));
    // A star on a phone, "Filters" pressed too.
    let browser = Browser::open(PHONE).await;
    browser.goto(&own_server.app_url("en/")).await;
    let star = browser.find(&format!("#prerender [data-testid=shortlist-toggle-{EVENT}]")).await;
    star.click().await.unwrap();
    assert_eq!(star.attr("aria-pressed").await.unwrap().as_deref(), Some("true"), "shown pressed at once");
    browser.find("#prerender [data-testid=open-filters]").await.click().await.unwrap();
    browser.wait_for_app().await;
    let star = browser.testid(&format!("shortlist-toggle-{EVENT}")).await;
    eventually("the star is kept", || async { star.attr("aria-pressed").await.unwrap().as_deref() == Some("true") }).await;
    eventually("the filters opened", || async { browser.script("return !!document.querySelector('.facet-panel.open');").await == true })
        .await;
    browser.driver.refresh().await.unwrap();
    browser.wait_for_app().await;
    let star = browser.testid(&format!("shortlist-toggle-{EVENT}")).await;
    assert_eq!(star.attr("aria-pressed").await.unwrap().as_deref(), Some("true"), "saved");
    browser.quit().await;

    // A filter chosen on a wide screen's static page.
    let browser = Browser::open(DESKTOP).await;
    browser.goto(&own_server.app_url("en/")).await;
    browser.find("#prerender [data-testid=option-theme-education]").await.click().await.unwrap();
    browser.wait_for_app().await;
    expect_count(&browser, "2 events").await;
    browser.quit().await;
    own_server.delay_wasm(Duration::ZERO);
}

#[tokio::test]
async fn offline_a_visited_events_page_opens_and_another_opens_in_the_app() {
    let own_server = crate::start_server();
    let browser = Browser::open(PHONE).await;
    browser.goto(&own_server.app_url(&format!("fr/events/{EVENT}.html"))).await;
    browser.wait_for_app().await;
    eventually("the offline copy is ready", || async {
        browser
            .driver
            .execute_async(
                "navigator.serviceWorker.ready.then(() => caches.keys()).then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys()))))
                   .then(all => arguments[0](all.flat().map(r => r.url)), () => arguments[0]([]));",
                Vec::new(),
            )
            .await
            .map(|saved| saved.json().to_string().contains(&format!("fr/events/{EVENT}.html")))
            .unwrap_or(false)
    })
    .await;
    own_server.refuse(true);
    browser.driver.refresh().await.unwrap();
    browser.wait_for_app().await;
    assert_eq!(browser.text_of("event-detail-title").await, "International migration law");
    assert!(browser.text_of("event-detail").await.contains("Juin 2012"));
    // Never visited: the app shows it from the French page kept offline.
    browser.goto(&own_server.app_url("fr/events/lphm-2013-05-media.html")).await;
    browser.wait_for_app().await;
    eventually("the other event", || async { browser.count("[data-testid=event-detail-title]").await == 1 }).await;
    assert!(browser.text_of("event-detail-title").await.contains("media"), "{}", browser.text_of("event-detail-title").await);
    own_server.refuse(false);
    browser.quit().await;
}
