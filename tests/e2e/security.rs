//! Hostile input and faults: the app under the strict Content Security Policy that
//! README documents for static hosts (the test server sends it with every answer).

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::{expect_count, open_app};

#[tokio::test]
async fn the_app_works_under_a_strict_content_security_policy() {
    let browser = open_app(DESKTOP, "").await;
    // The page's one inline script is the boot script, which the policy names by its hash (the
    // build writes the policy: README, "Security headers"); nothing else inline may run.
    let inline = browser
        .script(
            "return [...document.scripts].filter(s => !s.src && s.type !== 'application/ld+json').map(s => s.dataset.src || 'unnamed');",
        )
        .await;
    assert!(
        inline.as_array().is_some_and(|scripts| scripts.len() == 1 && scripts[0].as_str().is_some_and(|name| name.contains("boot-"))),
        "{inline}"
    );
    // Filters, search, an event, the shortlist and a language switch all work.
    browser.testid("option-theme-education").await.click().await.unwrap();
    expect_count(&browser, "2 events").await;
    browser.testid("shortlist-toggle-ms-2012-08-social-inclusion").await.click().await.unwrap();
    browser.testid("nav-shortlist").await.click().await.unwrap();
    eventually("the shortlist page", || async { browser.text_of("shortlist-count").await.contains('1') }).await;
    browser.goto(&crate::server().app_url("fr/")).await;
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

#[tokio::test]
async fn smuggled_schemes_are_refused_and_the_organisers_programme_is_shown() {
    // Tabs and newlines inside the scheme are dropped by URL parsers: `da%09ta:` is `data:`.
    for smuggled in ["da%09ta:application/json,%7B%7D", "%0Ajava%0Dscript:alert(1)", "%20%01blob:x", "DATA:application/json,%7B%7D"] {
        let browser = open_app(PHONE, &format!("?programme={smuggled}")).await;
        expect_count(&browser, "10 events").await;
        assert!(browser.text_of("ignored-params-notice").await.contains("programme="), "{smuggled}");
        assert_eq!(browser.count("[data-testid=other-source-notice]").await, 0);
        browser.quit().await;
    }
}

#[tokio::test]
async fn a_programme_from_another_site_names_that_site_on_every_page_and_is_never_a_saved_copy() {
    let own_server = crate::start_server();
    own_server.allow_connect("http://localhost:*");
    let browser = Browser::open(PHONE).await;
    // The other site also sends the service worker's "saved copy" header: not believed.
    let file = own_server.other_origin_url("generated/forged-saved-copy.json");
    browser.goto(&own_server.app_url(&format!("?programme={file}"))).await;
    browser.wait_for_app().await;
    expect_count(&browser, "10 events").await;
    let notice = browser.text_of("other-source-notice").await;
    assert!(notice.contains(&format!("localhost:{}", own_server.address().port())), "{notice}");
    assert_eq!(browser.count("[data-testid=offline-notice]").await, 0, "another site's header was believed");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "the other-source notice");
    for page in ["nav-shortlist", "nav-programme"] {
        browser.testid(page).await.click().await.unwrap();
        assert!(browser.testid("other-source-notice").await.is_displayed().await.unwrap(), "{page}");
    }
    // The app's own files carry no such notice.
    browser.goto(&own_server.app_url("?programme=fixtures/programme-updated.json")).await;
    browser.wait_for_app().await;
    assert_eq!(browser.count("[data-testid=other-source-notice]").await, 0);
    browser.quit().await;
}

#[tokio::test]
async fn an_organisers_allow_list_limits_where_programmes_come_from() {
    // dist/ as an organiser would publish it, with the allow-list set in index.html.
    let (dist, own_server) = crate::published_copy("allow-list");
    own_server.allow_connect("http://localhost:*");
    let allowed_folder = own_server.other_origin_url("fixtures/");
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let meta = format!(r#"<meta name="programme-sources" content="https://data.example.org/programmes/ {allowed_folder}">"#);
    std::fs::write(dist.join("index.html"), index.replacen("<head>", &format!("<head>\n    {meta}"), 1)).unwrap();

    let browser = Browser::open(DESKTOP).await;
    // Another origin outside the list: refused, the organiser's own programme instead.
    let refused = own_server.other_origin_url("generated/forged-saved-copy.json");
    browser.goto(&own_server.app_url(&format!("?programme={refused}"))).await;
    browser.wait_for_app().await;
    expect_count(&browser, "10 events").await;
    assert!(browser.text_of("ignored-params-notice").await.contains("programme="));
    assert_eq!(browser.count("[data-testid=other-source-notice]").await, 0);
    // Inside the list: loaded, and named.
    browser.goto(&own_server.app_url(&format!("?programme={allowed_folder}programme-updated.json"))).await;
    browser.wait_for_app().await;
    assert!(browser.text_of("other-source-notice").await.contains("localhost"));
    // The app's own files are always allowed.
    browser.goto(&own_server.app_url("?programme=fixtures/one-bad-event.json")).await;
    browser.wait_for_app().await;
    assert!(browser.count("[data-testid=skipped-notice]").await == 1);
    browser.quit().await;
    let _ = std::fs::remove_dir_all(&dist);
}

#[tokio::test]
async fn a_file_over_the_size_limit_is_refused_with_a_message() {
    for (file, expected) in [("huge.json", "over 64.0 MB"), ("huge-announced.json", "is 70.0 MB")] {
        let browser = open_app(PHONE, &format!("?programme=generated/{file}")).await;
        let message = browser.text_of("load-error-message").await;
        assert!(message.contains(expected) && message.contains("up to 64.0 MB"), "{file}: {message}");
        browser.quit().await;
    }
}

#[tokio::test]
async fn a_download_that_stalls_shows_progress_then_gives_up_with_a_message() {
    let browser = Browser::open(PHONE).await;
    browser.goto(&crate::server().app_url("?programme=generated/stall.json")).await;
    // 300 KB of an announced 2 MB: shown over the static page's skeleton.
    eventually("progress", || async {
        browser
            .script(
                "var p = document.querySelector('[data-testid=load-progress]'); return p ? p.offsetParent !== null && p.textContent : '';",
            )
            .await
            == "Loading the programme: 0.3 of 2.0 MB"
    })
    .await;
    // After 20 s without data: a message, never "Loading…" for ever.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    while browser.count("[data-testid=load-error-message]").await == 0 {
        assert!(std::time::Instant::now() < deadline, "still loading after 40 s");
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    let message = browser.text_of("load-error-message").await;
    assert!(message.contains("no data for 20 seconds"), "{message}");
    assert!(browser.count("[data-testid=retry]").await == 1);
    browser.quit().await;
}

#[tokio::test]
async fn when_the_running_app_dies_it_says_so_offers_a_reload_and_the_picks_as_a_file() {
    let browser = Browser::open(PHONE).await;
    // The wasm instance, to make it run out of memory as a real fault would.
    browser
        .before_each_page(
            "addEventListener('TrunkApplicationStarted', function (e) { window.__wasm = e.detail.wasm.exports || e.detail.wasm; });",
        )
        .await;
    browser.goto(&crate::server().app_url("")).await;
    browser.wait_for_app().await;
    browser.star("ms-2012-06-migration-law").await;
    assert!(!browser.testid("crash").await.is_displayed().await.unwrap(), "no crash notice on a working page");
    // A 3 GB allocation: the allocator gives up and Rust aborts, which traps in the wasm.
    browser.script("setTimeout(function () { window.__wasm.__wbindgen_malloc(3221225472, 1); }, 0); return true;").await;
    eventually("the crash notice", || async { browser.testid("crash").await.is_displayed().await.unwrap_or(false) }).await;
    assert!(browser.text_of("crash").await.contains("The app has stopped"));
    assert_eq!(browser.script("return document.activeElement.id;").await, "crash", "focus moves to the notice");
    // The picks, as a file the app imports.
    browser.testid("crash-download").await.click().await.unwrap();
    let mut saved = None;
    for _ in 0..100 {
        saved = std::fs::read_dir(&browser.downloads)
            .ok()
            .and_then(|mut files| files.find_map(|f| f.ok().map(|f| f.path()).filter(|p| p.extension().is_some_and(|e| e == "json"))));
        if saved.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let saved = saved.expect("the shortlist data as a .json file");
    assert!(std::fs::read_to_string(&saved).unwrap().contains("ms-2012-06-migration-law"));
    // Reload: the app is back, with the pick.
    browser.testid("crash-reload").await.click().await.unwrap();
    browser.wait_for_app().await;
    assert!(!browser.testid("crash").await.is_displayed().await.unwrap());
    // The file imports into an emptied browser.
    browser.script("localStorage.clear(); return true;").await;
    browser.goto(&crate::server().app_url("?view=shortlist")).await;
    browser.wait_for_app().await;
    browser.testid("import-file").await.send_keys(saved.display().to_string()).await.unwrap();
    assert!(browser.text_of("merge-summary").await.contains("add 1 event"));
    browser.quit().await;
}
