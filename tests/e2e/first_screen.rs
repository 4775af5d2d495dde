//! The first screen from static HTML (src/prerender.rs): readable before the app starts and
//! without JavaScript or WebAssembly, identical to the app's first screen, taken over without
//! a jump, never showing the wrong view, and replaced by whatever `programme.json` now holds.

use std::time::Duration;

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::server::StaticServer;
use crate::{expect_count, server};

/// The reader-visible text of the first screen's parts that the prerender and the app share.
async fn first_screen_text(browser: &Browser) -> Vec<String> {
    let mut parts = Vec::new();
    for id in ["programme-title", "result-count", "event-list"] {
        parts.push(browser.text_of(id).await);
    }
    parts
}

/// Cards (by id) on the page, with whether they are on the static copy.
async fn static_card_ids(browser: &Browser) -> Vec<String> {
    let ids =
        browser.script("return [...document.querySelectorAll('#prerender [data-testid=event-card]')].map(c => c.dataset.eventId);").await;
    ids.as_array().into_iter().flatten().filter_map(|id| id.as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn without_javascript_the_first_page_is_readable_and_equal_to_the_apps() {
    let no_js = Browser::open_without_javascript(PHONE).await;
    no_js.goto(&server().app_url("")).await;
    let static_text = first_screen_text(&no_js).await;
    assert!(static_text[1] == "10 events", "{static_text:?}");
    // Titles, when, where, themes and partners are on the card; the summary is one tap away.
    let list = &static_text[2];
    for part in ["International migration law", "June 2012", "United Nations Headquarters, New York", "IOM", "Learning Platform"] {
        assert!(list.contains(part), "`{part}` missing from the static page: {list}");
    }
    assert!(!list.contains("Given with IOM."), "the summary starts folded");
    // (Chromedriver cannot click with JavaScript off: the page's HTML shows the disclosure.)
    let html = no_js.driver.source().await.unwrap();
    assert!(
        html.contains("<details class=\"card-about\"><summary>About this event</summary><p>Given with IOM.</p></details>"),
        "no summary disclosure"
    );
    // A plain note says what needs JavaScript; controls that cannot work are not offered.
    assert!(no_js.text_of("boot-noscript").await.contains("JavaScript is off"));
    assert!(!no_js.testid("search").await.is_displayed().await.unwrap());
    assert!(!no_js.find(".shortlist-toggle").await.is_displayed().await.unwrap());
    let _ = no_js.driver.quit().await;

    let app = Browser::open(PHONE).await;
    app.goto(&server().app_url("")).await;
    app.wait_for_app().await;
    let mut app_text = first_screen_text(&app).await;
    // Equal but for the stars, which the static page hides when JavaScript is off.
    assert!(app_text[2].contains("\n☆\n"));
    app_text[2] = app_text[2].replace("\n☆\n", "\n");
    assert_eq!(app_text, static_text);
    // The app took over: the static copy is gone, ids are unique, no notice is left.
    let duplicates =
        app.script("const ids=[...document.querySelectorAll('[id]')].map(e=>e.id); return ids.filter((id,i)=>ids.indexOf(id)!==i);").await;
    assert_eq!(duplicates, serde_json::json!([]));
    assert_eq!(app.count("#prerender").await, 0);
    assert_eq!(app.count("[data-testid^=boot-]").await, 0);
    app.quit().await;
}

#[tokio::test]
async fn without_webassembly_the_first_page_is_shown_with_a_plain_message() {
    let browser = Browser::open(PHONE).await;
    browser.before_each_page("delete window.WebAssembly;").await;
    // A link to a filtered view opens that view's static page.
    browser.goto(&server().app_url("?theme=education")).await;
    eventually("the theme's page", || async { browser.url().await.ends_with("en/theme/education.html") }).await;
    let message = browser.text_of("boot-nowasm").await;
    assert!(message.contains("too old") && message.contains("WebAssembly"), "{message}");
    assert_eq!(static_card_ids(&browser).await, ["ms-2012-08-social-inclusion", "ms-2012-12-women"]);
    // A view without a page of its own: the first page is better than a skeleton for ever.
    browser.goto(&server().app_url("?theme=education&month=2012-08")).await;
    let message = browser.text_of("boot-nowasm").await;
    assert!(message.contains("too old") && message.contains("WebAssembly"), "{message}");
    let ids = static_card_ids(&browser).await;
    assert_eq!(ids.len(), 10, "{ids:?}");
    let classes = browser.script("return document.documentElement.className;").await;
    assert!(!classes.as_str().unwrap_or_default().contains("pb-skeleton"), "{classes}");
    assert!(browser.text_of("event-list").await.contains("International migration law"));
    let _ = browser.driver.quit().await;
}

#[tokio::test]
async fn when_the_wasm_cannot_be_downloaded_the_page_says_so_and_stays_readable() {
    let browser = Browser::open(DESKTOP).await;
    browser.cdp("Network.enable", serde_json::json!({})).await;
    browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": ["*.wasm"] })).await;
    browser.goto(&server().app_url("?month=2012-08&theme=education")).await;
    let failed = browser.testid("boot-failed").await;
    eventually("the failure notice shows", || async { failed.is_displayed().await.unwrap_or(false) }).await;
    assert!(failed.text().await.unwrap().contains("could not start"));
    assert_eq!(static_card_ids(&browser).await.len(), 10);
    assert!(
        browser.text_of("event-list").await.contains("Migration and sustainable development"),
        "the first page is readable, not a skeleton"
    );
    let _ = browser.driver.quit().await;
}

/// Records, in the page, every frame in which the static first screen is visible without its
/// skeleton, and any id found twice in the document, until the app has taken over.
const WATCH_FRAMES: &str = r#"
    window.__frames = { static: 0, unmasked: 0, duplicateIds: [] };
    (function watch() {
      const root = document.documentElement;
      if (root) {
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        window.__frames.duplicateIds.push(...ids.filter((id, i) => ids.indexOf(id) !== i));
      }
      if (root && root.getAttribute('data-app') === 'ready') return;
      if (root && document.getElementById('prerender')) {
        window.__frames.static += 1;
        if (!root.classList.contains('pb-skeleton')) window.__frames.unmasked += 1;
      }
      requestAnimationFrame(watch);
    })();
"#;

#[tokio::test]
async fn other_first_views_never_flash_the_unfiltered_first_page() {
    let own_server = crate::start_server();
    // A slow app download: the static page is on screen for a while.
    own_server.delay_wasm(Duration::from_millis(700));
    let browser = Browser::open(PHONE).await;
    browser.before_each_page(WATCH_FRAMES).await;
    for (query, expected_ids) in [
        // Views without a static page of their own (those with one open it: static_pages.rs).
        ("?theme=education&month=2012-08", vec!["ms-2012-08-social-inclusion"]),
        ("?event=no-such-event", vec![]),
        ("?view=shortlist", vec![]),
        ("#share=2.broken", vec![]),
    ] {
        browser.goto(&own_server.app_url(query)).await;
        browser.wait_for_app().await;
        let frames = browser.script("return window.__frames;").await;
        assert!(frames["static"].as_u64().unwrap_or(0) > 0, "{query}: the static page was never seen, so this proves nothing: {frames}");
        assert_eq!(frames["unmasked"], 0, "{query}: the unfiltered first page was shown: {frames}");
        assert_eq!(frames["duplicateIds"], serde_json::json!([]), "{query}: an id was in the page twice: {frames}");
        if !expected_ids.is_empty() {
            assert_eq!(browser.card_ids().await, expected_ids, "{query}");
        }
    }
    // The default view is the prerendered one: shown as it is, never masked.
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    let frames = browser.script("return window.__frames;").await;
    assert_eq!(frames["static"], frames["unmasked"], "the default view was masked: {frames}");
    assert_eq!(frames["duplicateIds"], serde_json::json!([]), "an id was in the page twice: {frames}");
    browser.quit().await;
}

#[tokio::test]
async fn the_app_takes_over_without_layout_shift_keeping_scroll_focus_and_typing() {
    let own_server = crate::start_server();
    own_server.delay_wasm(Duration::from_millis(1500));
    for size in [PHONE, DESKTOP] {
        let browser = Browser::open(size).await;
        browser.before_each_page(
            "window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
               .observe({ type: 'layout-shift', buffered: true });",
        )
        .await;
        browser.goto(&own_server.app_url("")).await;
        // Scrolled down before the app arrives.
        browser.script("window.scrollTo(0, 300);").await;
        browser.wait_for_app().await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let cls = browser.script("return window.__cls;").await.as_f64().unwrap_or(f64::MAX);
        assert!(cls <= 0.02, "{size:?}: layout shift {cls} while the app took over");
        let scrolled = browser.script("return window.scrollY;").await.as_f64().unwrap_or(0.0);
        assert!((scrolled - 300.0).abs() < 2.0, "{size:?}: scroll position {scrolled}, was 300");
        browser.quit().await;
    }

    // Typing in the static search box before the app arrives: the app keeps the text and focus.
    let browser = Browser::open(PHONE).await;
    browser.goto(&own_server.app_url("")).await;
    let search = browser.find("#prerender [data-testid=search]").await;
    search.send_keys("antwerp media").await.unwrap();
    browser.wait_for_app().await;
    expect_count(&browser, "1 event").await;
    assert_eq!(browser.card_ids().await, ["lphm-2013-05-media"]);
    assert_eq!(browser.focused_testid().await, "search");
    assert!(browser.url().await.contains("q=antwerp+media"), "{}", browser.url().await);
    browser.quit().await;

    // Scrolled before the app started, then again while its programme is on the way: the
    // later position is the one kept (the app follows the scroll rather than reading it at
    // the swap, which forced a needless layout of the static page).
    own_server.delay_programme(Duration::from_millis(3000));
    let browser = Browser::open(PHONE).await;
    // In the page, not over WebDriver: navigation returns only once the page has loaded, which
    // may be after the programme (preloaded) and the app. The app marks <html data-app> when
    // it starts.
    browser
        .before_each_page(
            "document.addEventListener('DOMContentLoaded', () => {
               window.scrollTo(0, 400);
               new MutationObserver((changes, observer) => {
                 if (document.documentElement.getAttribute('data-app') !== 'started') return;
                 observer.disconnect();
                 window.scrollTo(0, 100);
               }).observe(document.documentElement, { attributes: true });
             });",
        )
        .await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let scrolled = browser.script("return window.scrollY;").await.as_f64().unwrap_or(0.0);
    assert!((scrolled - 100.0).abs() < 2.0, "scroll position {scrolled}, was 100");
    browser.quit().await;
    own_server.delay_wasm(Duration::ZERO);
    own_server.delay_programme(Duration::ZERO);
}

#[tokio::test]
async fn a_programme_replaced_after_the_build_is_what_the_app_shows_and_the_refresh_command_updates_the_first_screen() {
    // dist/ as built, with programme.json replaced on the "CDN" and nothing else: the updated
    // file drops one event (Rio+20), which the stale prerender still lists.
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let copy = std::env::temp_dir().join(format!("pb-e2e-replaced-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    crate::copy_dir(&root.join("dist"), &copy);
    let updated = root.join("tests/fixtures/programme-updated.json");
    std::fs::copy(&updated, copy.join("programme.json")).expect("replace programme.json");
    let dropped = "ms-2012-08-rio-20";
    assert!(std::fs::read_to_string(copy.join("index.html")).unwrap().contains(dropped), "the build's prerender lists {dropped}");
    let own_server = StaticServer::start(copy.clone(), root.join("tests/fixtures"));
    let browser = Browser::open(DESKTOP).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    expect_count(&browser, "9 events").await;
    assert!(!browser.card_ids().await.iter().any(|id| id == dropped));
    browser.quit().await;

    // The documented refresh command, on that dist/: no wasm toolchain involved.
    let status = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--locked", "--features", "prerender", "--bin", "prerender", "--"])
        .arg(&copy)
        .current_dir(&root)
        .status()
        .expect("run the prerender command");
    assert!(status.success());
    let index = std::fs::read_to_string(copy.join("index.html")).unwrap();
    assert!(!index.contains(dropped) && index.matches("<!--prerender:body-->").count() == 1, "refreshed once, in place");
    let no_js = Browser::open_without_javascript(DESKTOP).await;
    no_js.goto(&own_server.app_url("")).await;
    assert_eq!(no_js.text_of("result-count").await, "9 events");
    let _ = no_js.driver.quit().await;
    let _ = std::fs::remove_dir_all(&copy);
}

#[tokio::test]
async fn the_manifest_is_served_valid_with_its_icons() {
    let browser = Browser::open(DESKTOP).await;
    browser.goto(&server().app_url("")).await;
    browser.wait_for_app().await;
    let result = browser
        .driver
        .execute_async(
            r#"const done = arguments[0];
               (async () => {
                 const link = document.querySelector('link[rel=manifest]');
                 const response = await fetch(link.href);
                 const manifest = await response.json();
                 const icons = [];
                 for (const icon of manifest.icons) {
                   const r = await fetch(new URL(icon.src, response.url));
                   const blob = await r.blob();
                   let size = null;
                   if (icon.type === 'image/png') { const bitmap = await createImageBitmap(blob); size = bitmap.width + 'x' + bitmap.height; }
                   icons.push({ src: icon.src, status: r.status, type: r.headers.get('content-type'), purpose: icon.purpose || 'any', sizes: icon.sizes, size });
                 }
                 return { status: response.status, manifest, icons, scopeUrl: new URL(manifest.scope, response.url).href, page: location.href.split('?')[0] };
               })().then(done, e => done({ error: String(e) }));"#,
            Vec::new(),
        )
        .await
        .expect("fetch the manifest");
    let result = result.json();
    assert_eq!(result["status"], 200, "{result}");
    let manifest = &result["manifest"];
    assert!(manifest["name"].as_str().is_some_and(|n| n.contains("Migration and Development Seminar Series")), "{manifest}");
    assert!(manifest["short_name"].as_str().is_some_and(|n| !n.is_empty() && n.chars().count() <= 30), "{manifest}");
    assert_eq!(
        (manifest["start_url"].as_str(), manifest["scope"].as_str(), manifest["display"].as_str()),
        (Some("./"), Some("./"), Some("standalone"))
    );
    // Relative scope: the app's own sub-path, wherever it is hosted.
    assert_eq!(result["scopeUrl"], result["page"]);
    let icons = result["icons"].as_array().expect("icons");
    for icon in icons {
        assert_eq!(icon["status"], 200, "{icon}");
        if icon["sizes"] != "any" {
            assert_eq!(icon["size"], icon["sizes"], "declared size is the real one: {icon}");
        }
    }
    assert!(icons.iter().any(|i| i["purpose"] == "maskable" && i["sizes"] == "512x512"), "{icons:?}");
    assert!(icons.iter().any(|i| i["sizes"] == "192x192"), "{icons:?}");
    browser.quit().await;
}

#[tokio::test]
async fn link_previews_and_search_engines_get_the_programme_and_its_events() {
    let browser = Browser::open_without_javascript(DESKTOP).await;
    browser.goto(&server().app_url("")).await;
    let title = browser.driver.title().await.unwrap();
    assert!(title.starts_with("UNITAR migration training"), "{title}");
    let og_title = browser.find("meta[property='og:title']").await.attr("content").await.unwrap().unwrap_or_default();
    assert_eq!(og_title, title);
    let description = browser.find("meta[name=description]").await.attr("content").await.unwrap().unwrap_or_default();
    assert!(description.contains("High-Level Dialogue"), "{description}");
    let json_ld = browser.find("script[type='application/ld+json']").await.inner_html().await.unwrap();
    let graph: serde_json::Value = serde_json::from_str(&json_ld).expect("JSON-LD parses");
    let events = graph["@graph"].as_array().expect("events");
    let ids = static_card_ids(&browser).await;
    assert_eq!(events.len(), ids.len(), "one JSON-LD event per card on the first screen");
    for event in events {
        for property in ["name", "startDate", "location", "eventStatus", "organizer"] {
            assert!(!event[property].is_null(), "{property} missing: {event}");
        }
    }
    let _ = browser.driver.quit().await;
}

/// Opens `address` and says when the app's code and the programme were asked for, and when
/// the page's first frame was being rendered (its first animation frame callback, registered
/// before the page's own scripts), in ms from navigation.
async fn request_and_frame_times(address: &str) -> (f64, f64, f64) {
    let browser = Browser::open(PHONE).await;
    browser.before_each_page("requestAnimationFrame(() => { window.firstFrameAt = performance.now(); });").await;
    browser.goto(&server().app_url(address)).await;
    browser.find("html[data-app=ready]").await;
    let times = browser
        .script(
            "const start = (part) => Math.min(...performance.getEntriesByType('resource').filter(e => e.name.includes(part)).map(e => e.startTime));
             return [start('_bg.wasm'), start('programme.json'), window.firstFrameAt];",
        )
        .await;
    browser.quit().await;
    let at = |index: usize| times[index].as_f64().unwrap_or(f64::NAN);
    (at(0), at(1), at(2))
}

#[tokio::test]
async fn behind_a_skeleton_the_app_is_asked_for_at_once_otherwise_after_the_first_frame() {
    // A search link shows a skeleton: nothing to read until the app runs, so its code and the
    // programme must not wait for the skeleton's paint.
    let (wasm, programme, frame) = request_and_frame_times("?q=migration").await;
    assert!(wasm < frame && programme < frame, "skeleton: wasm at {wasm} ms, programme at {programme} ms, first frame at {frame} ms");
    // The plain address shows the readable first screen: its first frame goes first.
    let (wasm, programme, frame) = request_and_frame_times("").await;
    assert!(wasm > frame && programme > frame, "first screen: wasm at {wasm} ms, programme at {programme} ms, first frame at {frame} ms");
}
