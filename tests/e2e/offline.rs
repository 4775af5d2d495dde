//! The offline copy (public/sw.js): after one visit, the app opens with no network at all, or
//! with one that hangs or errs, with the programme as last loaded, the reader's picks, and a
//! notice that says so; a new build is switched to all or nothing; other caches are left alone.

use std::time::Duration;

use crate::browser::{eventually, Browser, PHONE};
use crate::{expect_count, start_server};

/// Waits until the service worker is active and has saved the page it controls.
async fn wait_for_saved_copy(browser: &Browser) {
    let ready = browser
        .driver
        .execute_async(
            "const done = arguments[0];
             Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise(r => setTimeout(() => r(false), 20000))])
               .then(done, () => done(false));",
            Vec::new(),
        )
        .await
        .expect("wait for the service worker");
    assert_eq!(ready.json().as_bool(), Some(true), "no active service worker after 20 s");
    eventually("the page saved", || async { cached(browser).await.iter().any(|url| url.ends_with(crate::server::SUB_PATH)) }).await;
}

/// Every URL in every cache of the origin, as `cache name|url`.
async fn cached(browser: &Browser) -> Vec<String> {
    let found = browser
        .driver
        .execute_async(
            "const done = arguments[0];
             caches.keys().then(async (names) => {
               const all = [];
               for (const name of names) for (const request of await (await caches.open(name)).keys()) all.push(name + '|' + request.url);
               return all;
             }).then(done, (e) => done([String(e)]));",
            Vec::new(),
        )
        .await
        .expect("list the caches");
    serde_json::from_value(found.json().clone()).unwrap_or_default()
}

/// The build marker a test put in index.html (`None`: the build as built).
async fn build_marker(browser: &Browser) -> Option<String> {
    browser.script("const m = document.querySelector('meta[name=test-build]'); return m && m.content;").await.as_str().map(str::to_owned)
}

#[tokio::test]
async fn after_one_visit_the_app_opens_offline_with_its_programme_and_picks() {
    let own_server = start_server();
    let browser = Browser::open(PHONE).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    expect_count(&browser, "10 events").await;
    assert_eq!(browser.count("[data-testid=offline-notice]").await, 0, "online, the live programme is shown without a notice");
    browser.star("ms-2012-06-migration-law").await;

    wait_for_saved_copy(&browser).await;

    // A network that hangs: after a few seconds the saved copy is shown, and says so.
    own_server.stall(true);
    browser.goto(&own_server.app_url("?theme=youth")).await;
    browser.wait_for_app().await;
    let notice = browser.text_of("offline-notice").await;
    assert!(notice.contains("No answer from the network"), "{notice}");
    expect_count(&browser, "1 event").await;
    own_server.stall(false);

    // The network goes away: nothing answers on that address any more.
    let filtered = own_server.app_url("?theme=youth");
    let shortlist = own_server.app_url("?view=shortlist");
    let french = own_server.app_url("?lang=fr");
    let address = own_server.address();
    drop(own_server);
    eventually("the server to stop answering", || async move { std::net::TcpStream::connect(address).is_err() }).await;

    browser.goto(&filtered).await;
    browser.wait_for_app().await;
    eventually("offline notice", || async { browser.count("[data-testid=offline-notice]").await == 1 }).await;
    let notice = browser.text_of("offline-notice").await;
    assert!(notice.contains("No answer from the network"), "{notice}");
    // The theme's static page if the worker saved it when it was asked for, else the app's view.
    let url = browser.url().await;
    assert!(url.contains("theme=youth") || url.ends_with("en/theme/youth.html"), "{url}");
    assert!(browser.card_ids().await.len() < 10, "the filter from the URL applies offline too");

    browser.goto(&shortlist).await;
    browser.testid("shortlist-page").await;
    eventually("the pick is there offline", || async { browser.count("[data-testid=pick]").await == 1 }).await;

    // Every language was saved too, though this reader had only used English.
    browser.goto(&french).await;
    browser.wait_for_app().await;
    expect_count(&browser, "10 événements").await;
    browser.quit().await;
}

#[tokio::test]
async fn a_new_build_is_switched_to_only_once_all_its_files_are_saved_and_the_old_one_is_evicted() {
    let (dist, own_server) = crate::published_copy("new-build");
    let browser = Browser::open(PHONE).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    wait_for_saved_copy(&browser).await;
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let old_wasm = index.split("data-wasm=\"./").nth(1).and_then(|rest| rest.split('"').next()).unwrap().to_owned();
    eventually("the build's wasm saved", || async { cached(&browser).await.iter().any(|url| url.ends_with(&old_wasm)) }).await;

    // A new build is published while the page is open, but its wasm never arrives (404).
    let new_wasm = "programme-browser-00000000000000b2_bg.wasm";
    let new_index = index.replacen("<head>", "<head>\n    <meta name=\"test-build\" content=\"2\">", 1).replace(&old_wasm, new_wasm);
    std::fs::write(dist.join("index.html"), &new_index).unwrap();
    browser.goto(&own_server.app_url("")).await;
    assert_eq!(build_marker(&browser).await.as_deref(), Some("2"), "online, the new page is shown");
    // The worker waits for the page's own download (15 s), then gives up on this build.
    tokio::time::sleep(Duration::from_secs(17)).await;
    own_server.refuse(true);
    browser.goto(&own_server.app_url("?theme=youth")).await;
    browser.wait_for_app().await;
    assert_eq!(build_marker(&browser).await, None, "offline, the last complete build is used");
    expect_count(&browser, "1 event").await;

    // The build is fixed: once all its files are saved it replaces the old one, which goes.
    std::fs::copy(dist.join(&old_wasm), dist.join(new_wasm)).unwrap();
    own_server.refuse(false);
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    eventually("the old build evicted, the new one saved", || async {
        let urls = cached(&browser).await;
        urls.iter().any(|url| url.ends_with(new_wasm)) && !urls.iter().any(|url| url.ends_with(&old_wasm))
    })
    .await;
    own_server.refuse(true);
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    assert_eq!(build_marker(&browser).await.as_deref(), Some("2"));
    assert_eq!(browser.count("[data-testid=offline-notice]").await, 1);
    browser.quit().await;
    let _ = std::fs::remove_dir_all(&dist);
}

#[tokio::test]
async fn a_server_error_or_the_browsers_offline_mode_shows_the_saved_copy_and_says_so() {
    let own_server = start_server();
    let browser = Browser::open(PHONE).await;
    // Another app's cache on the same origin: never this worker's to delete.
    browser.before_each_page("caches.open('another-app').then(function (c) { return c.put('/x', new Response('x')); });").await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    wait_for_saved_copy(&browser).await;
    let names = cached(&browser).await;
    assert!(names.iter().any(|entry| entry.starts_with("another-app|")), "{names:?}");
    assert!(
        names.iter().any(|entry| entry.starts_with(&format!("programme-browser-offline-v2 {}|", own_server.app_url("")))),
        "the cache is named by its scope: {names:?}"
    );

    // The server errs (503) for the programme: the saved copy, said to be one.
    own_server.unavailable(Some("programme.json"));
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    expect_count(&browser, "10 events").await;
    assert!(browser.text_of("offline-notice").await.contains("No answer from the network"));
    own_server.unavailable(None);

    // Chromium's offline mode (as in airplane mode): the same.
    browser.cdp("Network.enable", serde_json::json!({})).await;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            serde_json::json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        )
        .await;
    browser.goto(&own_server.app_url("?view=shortlist")).await;
    browser.wait_for_app().await;
    eventually("the offline notice", || async { browser.count("[data-testid=offline-notice]").await == 1 }).await;
    browser.quit().await;
}

/// Records, in the page, what `<html data-app>` said when the offline copy was asked for.
const WATCH_REGISTER: &str = "if (navigator.serviceWorker) {
       const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
       navigator.serviceWorker.register = (...args) => {
         window.offlineAskedWhen = document.documentElement.getAttribute('data-app') || 'no app';
         return register(...args);
       };
     }";

#[tokio::test]
async fn the_offline_copy_is_made_once_the_app_is_ready_or_without_an_app_once_the_page_has_loaded() {
    // Installing the copy downloads the app's files again: on a first visit it must not
    // compete with the app's own loading. The app's code is slow here, so the page's load
    // event (when the copy used to be asked for) comes long before the app is ready.
    let own_server = start_server();
    own_server.delay_wasm(Duration::from_millis(1500));
    let browser = Browser::open(PHONE).await;
    browser.before_each_page(WATCH_REGISTER).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    eventually("the offline copy asked for", || async { !browser.script("return window.offlineAskedWhen;").await.is_null() }).await;
    assert_eq!(browser.script("return window.offlineAskedWhen;").await, "ready");
    wait_for_saved_copy(&browser).await;
    browser.quit().await;

    // Without WebAssembly the static page is all there is: its copy is still made.
    let browser = Browser::open(PHONE).await;
    browser.before_each_page(&format!("delete window.WebAssembly; {WATCH_REGISTER}")).await;
    browser.goto(&own_server.app_url("")).await;
    eventually("the offline copy asked for", || async { !browser.script("return window.offlineAskedWhen;").await.is_null() }).await;
    assert_eq!(browser.script("return window.offlineAskedWhen;").await, "no app");
    browser.quit().await;
}
