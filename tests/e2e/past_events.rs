//! A programme that is still running lists what is to come: events that are over are left
//! out (and counted, with the way back to them) until the reader asks for them, chooses a
//! month or searches; the static page leaves out what ended since it was built before the
//! first paint. A programme entirely over lists everything (the bundled one: other journeys).

use chrono::{DateTime, Duration, NaiveDate};

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::now::clock_at;
use crate::{expect_count, result_count};

const TIMED: &str = "?programme=fixtures/timed.json";

async fn open_at(size: (u32, u32), utc: &str, url: &str) -> Browser {
    let browser = Browser::open(size).await;
    browser.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": "America/New_York" })).await;
    browser.before_each_page(&clock_at(utc)).await;
    browser.goto(url).await;
    browser.wait_for_app().await;
    browser
}

async fn hide_past_checked(browser: &Browser) -> bool {
    browser.script("return document.querySelector('[data-testid=hide-past]').checked;").await == serde_json::json!(true)
}

#[tokio::test]
async fn on_the_programmes_fourth_day_the_list_starts_with_what_is_to_come() {
    // 9 March 2026, 11:00 in New York: three events are over (6 March, 5-7 March, 7 March);
    // the month-only one (March) is not, nor is anything from today on.
    let browser = open_at(PHONE, "2026-03-09T15:00:00Z", &crate::server().app_url(TIMED)).await;
    expect_count(&browser, "6 events").await;
    assert_eq!(browser.card_ids().await, ["month-only", "after-dst", "clash-a", "clash-b", "cancelled", "multilingual"]);
    assert_eq!(browser.text_of("past-left-out").await, "3 events that are over are not listed. Show them");
    assert!(hide_past_checked(&browser).await, "the filter says past events are hidden");
    assert_eq!(browser.count("[data-testid=active-filters]:not([hidden])").await, 0, "the default is no filter to clear");

    // Asked for by keyboard: every event, a chip to go back, an address that keeps it.
    browser.script("document.querySelector('[data-testid=show-past]').focus();").await;
    browser.press(thirtyfour::Key::Enter).await;
    expect_count(&browser, "9 events").await;
    assert!(browser.url().await.contains("upcoming=0"), "{}", browser.url().await);
    assert_eq!(browser.count("[data-testid=past-left-out]").await, 0);
    assert!(!hide_past_checked(&browser).await);
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.goto(&browser.url().await).await;
    browser.wait_for_app().await;
    expect_count(&browser, "9 events").await;
    browser.testid("chip-past-shown").await.click().await.expect("back to the programme's default");
    expect_count(&browser, "6 events").await;
    assert!(!browser.url().await.contains("upcoming"), "{}", browser.url().await);

    // A month chosen, or a search, is a deliberate look: what is over is listed there.
    browser.testid("open-filters").await.click().await.expect("open the filters");
    let march = "return document.querySelector('[data-testid=option-month-2026-03]').closest('label').querySelector('.count').textContent;";
    assert_eq!(browser.script(march).await, "9", "March's option counts its past events");
    browser.testid("option-month-2026-03").await.click().await.expect("choose March");
    expect_count(&browser, "9 events").await;
    browser.testid("option-month-2026-03").await.click().await.expect("March again");
    expect_count(&browser, "6 events").await;
    browser.testid("hide-past").await.click().await.expect("untick hide past");
    expect_count(&browser, "9 events").await;
    assert!(browser.url().await.contains("upcoming=0"));
    browser.quit().await;
}

#[tokio::test]
async fn the_note_is_said_in_the_readers_language_right_to_left_too() {
    for (lang, expected) in [("fr", "3 événements terminés ne sont pas affichés."), ("ar", "3 فعاليات منتهية غير معروضة.")]
    {
        let url = crate::server().app_url(&format!("{TIMED}&lang={lang}"));
        let browser = open_at(DESKTOP, "2026-03-09T15:00:00Z", &url).await;
        eventually(&format!("the note in {lang}"), || async { browser.text_of("past-left-out").await.starts_with(expected) }).await;
        assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "{lang}");
        browser.quit().await;
    }
}

/// A day-only programme around `day` (today in UTC; the build's day is the machine's own,
/// a day either side at most).
fn programme_around(day: NaiveDate) -> serde_json::Value {
    let events = [
        ("over-at-build", day - Duration::days(2)),
        ("on-build-day", day),
        ("soon", day + Duration::days(5)),
        ("later", day + Duration::days(12)),
    ];
    serde_json::json!({
        "schema_version": "1.0",
        "programme": { "id": "running", "title": "A running programme", "time_zone": "UTC" },
        "events": events.iter().map(|(id, day)| serde_json::json!({
            "id": id, "title": format!("Event {id}"), "when": { "start": day.to_string() }
        })).collect::<Vec<_>>(),
    })
}

#[tokio::test]
async fn the_static_page_leaves_out_what_ended_since_it_was_built_before_the_app_runs() {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let day = DateTime::from_timestamp(seconds as i64, 0).unwrap().date_naive();
    let programme = programme_around(day);
    let file = std::env::temp_dir().join(format!("pb-e2e-running-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::to_string_pretty(&programme).unwrap()).unwrap();
    let (copy, own_server) = crate::prerendered_copy("running", &file);
    let page = std::fs::read_to_string(copy.join("index.html")).unwrap();
    assert!(!page.contains("data-event-id=\"over-at-build\""), "over on the build's day: not on the static page");
    assert!(page.contains("data-event-id=\"on-build-day\""), "not over on the build's day: on the static page");
    let meta = r#"<meta name="pb-past" content=""#;
    let span = page.split_once(meta).and_then(|(_, rest)| rest.split_once('"')).map(|(span, _)| span.to_owned()).unwrap_or_default();
    let built: NaiveDate = span.split(' ').next().and_then(|d| d.parse().ok()).expect("the build's day in the page");
    assert_eq!(span, format!("{built} {}", day + Duration::days(12)));

    // Three days later, the app's code slow to arrive: the build's day is over too.
    let reader_noon = format!("{}T12:00:00Z", built + Duration::days(3));
    own_server.delay_wasm(std::time::Duration::from_secs(20));
    let browser = Browser::open(PHONE).await;
    browser.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": "UTC" })).await;
    browser.before_each_page(&clock_at(&reader_noon)).await;
    browser.goto(&own_server.app_url("")).await;
    browser.find("#prerender [data-event-id=soon]").await;
    assert!(browser.script("return document.documentElement.getAttribute('data-app');").await.is_null(), "the app had started");
    let shown = "return [...document.querySelectorAll('#prerender [data-testid=event-card]')].filter(c => c.offsetParent !== null).map(c => c.dataset.eventId);";
    assert_eq!(browser.script(shown).await, serde_json::json!(["soon", "later"]));
    assert_eq!(browser.text_of("past-left-out").await, "1 event that is over is not listed. Show them", "as on the build's day");
    browser.quit().await;

    // The app says the same list, counting what ended since the build.
    own_server.delay_wasm(std::time::Duration::ZERO);
    let browser = Browser::open(PHONE).await;
    browser.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": "UTC" })).await;
    browser.before_each_page(&clock_at(&reader_noon)).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    assert_eq!(browser.card_ids().await, ["soon", "later"]);
    assert_eq!(browser.text_of("past-left-out").await, "2 events that are over are not listed. Show them");
    assert_eq!(result_count(&browser).await, "2 events");
    browser.quit().await;

    // Once everything is over the programme is a record: the static page lists all it has.
    let browser = Browser::open(PHONE).await;
    browser.before_each_page(&clock_at(&format!("{}T12:00:00Z", built + Duration::days(30)))).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    expect_count(&browser, "4 events").await;
    assert_eq!(browser.count("[data-testid=past-left-out]").await, 0);
    browser.quit().await;
    let _ = std::fs::remove_dir_all(&copy);
    let _ = std::fs::remove_file(&file);
}
