//! The offline copy (public/sw.js): after one visit, the app opens with no network at all, or
//! with one that hangs, with the programme as last loaded, the reader's picks, and a notice
//! that says so.

use crate::browser::{eventually, Browser, PHONE};
use crate::{expect_count, start_server};

#[tokio::test]
async fn after_one_visit_the_app_opens_offline_with_its_programme_and_picks() {
    let own_server = start_server();
    let browser = Browser::open(PHONE).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    expect_count(&browser, "10 events").await;
    assert_eq!(browser.count("[data-testid=offline-notice]").await, 0, "online, the live programme is shown without a notice");
    browser.star("ms-2012-06-migration-law").await;

    // The service worker has saved the copy once it is active.
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
    assert!(browser.url().await.contains("theme=youth"));
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
