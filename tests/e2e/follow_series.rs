//! Following a series: "Add the whole series" from one of its events adds the rest and
//! follows it; when the organiser publishes new events in it, the next visit offers them
//! with the change marks (an event the reader took off is not offered again); unfollowing is
//! remembered.

use crate::browser::{eventually, Browser, PHONE};

#[tokio::test]
async fn a_followed_series_offers_its_new_events_on_the_next_visit() {
    let (dist, own_server) = crate::published_copy("follow");
    let browser = Browser::open(PHONE).await;
    browser.goto(&own_server.app_url("?event=ms-2012-06-migration-law")).await;
    browser.wait_for_app().await;

    let follow = browser.testid("follow-series").await;
    assert_eq!(follow.text().await.unwrap(), "Add the whole series: 7 events");
    follow.scroll_into_view().await.unwrap();
    follow.focus().await.unwrap();
    browser.press(thirtyfour::Key::Enter).await;
    eventually("added and followed", || async { browser.count("[data-testid=series-followed]").await == 1 }).await;
    assert_eq!(browser.text_of("follow-said").await, "7 events of the series were added to your shortlist.");
    assert_eq!(
        browser.testid("shortlist-toggle-ms-2012-06-migration-law").await.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "an event of a followed series");
    // The reader takes one of them off again: it is never offered back.
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    browser.star_off("ms-2012-12-youth").await;

    // The organiser adds two events to the series and one outside it.
    let mut programme: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dist.join("programme.json")).unwrap()).unwrap();
    let events = programme["events"].as_array_mut().unwrap();
    for (id, series) in
        [("ms-2013-01-return", Some("migration-series-2012")), ("ms-2013-02-diaspora", Some("migration-series-2012")), ("other-2013", None)]
    {
        let mut event = serde_json::json!({ "id": id, "title": format!("Seminar {id}"), "when": { "start": "2013-02" } });
        if let Some(series) = series {
            event["series"] = serde_json::json!(series);
        }
        events.push(event);
    }
    std::fs::write(dist.join("programme.json"), programme.to_string()).unwrap();

    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    eventually("the offer", || async { browser.count("[data-testid=follow-new]").await == 1 }).await;
    let offer = browser.text_of("follow-new").await;
    assert!(offer.ends_with(", a series you follow: 2 events."), "{offer}");
    browser.testid("follow-add-new-migration-series-2012").await.click().await.unwrap();
    eventually("offer taken", || async { browser.count("[data-testid=follow-new]").await == 0 }).await;
    for (id, pressed) in
        [("ms-2013-01-return", "true"), ("ms-2013-02-diaspora", "true"), ("other-2013", "false"), ("ms-2012-12-youth", "false")]
    {
        let star = browser.testid(&format!("shortlist-toggle-{id}")).await;
        assert_eq!(star.attr("aria-pressed").await.unwrap().as_deref(), Some(pressed), "{id}");
    }

    // Unfollowed, and remembered.
    browser.goto(&own_server.app_url("?event=ms-2013-01-return")).await;
    browser.wait_for_app().await;
    browser.testid("unfollow-series").await.click().await.unwrap();
    eventually("unfollowed", || async { browser.count("[data-testid=follow-series]").await == 1 }).await;
    assert_eq!(browser.text_of("follow-series").await, "Add the whole series: 1 event", "the one taken off");
    browser.driver.refresh().await.unwrap();
    browser.wait_for_app().await;
    assert_eq!(browser.count("[data-testid=series-followed]").await, 0);
    browser.quit().await;
    let _ = std::fs::remove_dir_all(&dist);
}
