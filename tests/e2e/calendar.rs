//! The delegate's calendar: event and shortlist calendar files downloaded from
//! the release build and read back with an independent parser, month-only events said to be
//! impossible to add, clash warnings, subscription feeds, and printing the shortlist.

use std::path::Path;

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::shortlists::open_shortlist;
use crate::{open_app, server};

const TIMED: &str = "?programme=fixtures/timed.json";

/// (UID, DTSTART, property lines) of each event of an .ics file.
/// The events of a downloaded calendar file, read by the `ical` parser.
pub(crate) fn events_of(path: &Path) -> Vec<ical::parser::ical::component::IcalEvent> {
    let text = std::fs::read_to_string(path).unwrap();
    ical::IcalParser::new(text.as_bytes()).next().expect("a calendar").expect("parses").events
}

/// A property's value, "" when the event does not have it.
pub(crate) fn value(event: &ical::parser::ical::component::IcalEvent, name: &str) -> String {
    event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
}

#[tokio::test]
async fn an_event_and_a_shortlist_go_into_a_calendar_with_notes_and_clashes_are_flagged() {
    let browser = open_app(DESKTOP, &format!("{TIMED}&event=before-dst")).await;
    browser.testid("add-to-calendar").await.click().await.unwrap();
    let events = events_of(&browser.downloaded("/before-dst.ics").await);
    assert_eq!(events.len(), 1);
    assert_eq!(value(&events[0], "DTSTART"), "20260307T150000Z");
    assert_eq!(value(&events[0], "UID"), "before-dst@timed-2026.programme-browser");
    // Back to the event in the app: a file of its own has no static pages, so its address names it.
    assert_eq!(value(&events[0], "URL"), server().app_url("en/?programme=fixtures%2Ftimed.json&event=before-dst"));

    // Known only to the month: said plainly, no button.
    browser.goto(&server().app_url(&format!("{TIMED}&event=month-only"))).await;
    browser.wait_for_app().await;
    assert!(browser.text_of("calendar-month-only").await.contains("Only the month is known"));
    assert_eq!(browser.count("[data-testid=add-to-calendar]").await, 0);

    // Two overlapping picks: a warning when picking, and on the shortlist.
    browser.goto(&server().app_url(TIMED)).await;
    browser.wait_for_app().await;
    for id in ["month-only", "before-dst", "clash-a"] {
        browser.star(id).await;
    }
    assert_eq!(browser.count("[data-testid=clash-notice]").await, 0, "no clash yet");
    browser.star("clash-b").await;
    let notice = browser.text_of("clash-notice").await;
    assert!(notice.contains("“Side event B” overlaps with “Side event A”"), "{notice}");
    open_shortlist(&browser, &format!("{TIMED}&view=shortlist")).await;
    let clashes = browser.script("return [...document.querySelectorAll('[data-testid=pick-clash]')].map(p => p.textContent);").await;
    assert_eq!(clashes, serde_json::json!(["Clashes with: “Side event B”", "Clashes with: “Side event A”"]));

    browser.testid("note-clash-a").await.send_keys("sit near the door; leave early").await.unwrap();
    browser.testid("shortlist-count").await.click().await.unwrap();
    browser.testid("shortlist-calendar").await.click().await.unwrap();
    let events = events_of(&browser.downloaded("/my-shortlist.ics").await);
    assert_eq!(events.len(), 3, "the month-only pick is left out");
    assert!(events.iter().all(|event| event.alarms.is_empty()), "no reminder unless chosen");
    assert!(browser.text_of("calendar-left-out").await.contains("(1)"));
    let clash_a = events.iter().find(|e| value(e, "UID").starts_with("clash-a@")).expect("clash-a");
    assert!(value(clash_a, "DESCRIPTION").contains("Note: sit near the door\\; leave early"), "{}", value(clash_a, "DESCRIPTION"));

    // A reminder 15 minutes before each event, chosen once and remembered.
    browser.find("[data-testid=calendar-alarm] option[value='15']").await.click().await.unwrap();
    let _ = std::fs::remove_file(browser.downloads.join("my-shortlist.ics"));
    browser.testid("shortlist-calendar").await.click().await.unwrap();
    let events = events_of(&browser.downloaded("/my-shortlist.ics").await);
    assert_eq!(events.len(), 3);
    for event in &events {
        let trigger =
            event.alarms.first().and_then(|alarm| alarm.properties.iter().find(|p| p.name == "TRIGGER")).and_then(|p| p.value.clone());
        assert_eq!(trigger.as_deref(), Some("-PT15M"), "{}", value(event, "UID"));
    }
    browser.driver.refresh().await.unwrap();
    browser.testid("shortlist-page").await;
    let chosen = browser.script("return document.querySelector('[data-testid=calendar-alarm]').value;").await;
    assert_eq!(chosen, "15", "the reminder is remembered");
    // An event's own calendar link carries the same reminder.
    browser.goto(&server().app_url(&format!("{TIMED}&event=clash-a"))).await;
    browser.wait_for_app().await;
    browser.testid("add-to-calendar").await.click().await.unwrap();
    let events = events_of(&browser.downloaded("/clash-a.ics").await);
    assert_eq!(events[0].alarms.len(), 1, "the event's file has the reminder");
    browser.quit().await;
}

/// The published programme's feeds, offered where they hold events: the bundled programme's
/// events are known to the month only, so it says why there is nothing to add yet; the same
/// build refreshed with a timed programme (the organisers' command) offers its feeds.
#[tokio::test]
async fn the_published_programme_has_a_subscription_feed_once_it_has_days() {
    let browser = open_app(PHONE, "").await;
    assert!(browser.text_of("calendar-nothing-yet").await.contains("known only to the month"));
    assert_eq!(browser.count("[data-testid=subscribe-download]").await, 0, "an empty feed is not offered");
    browser.quit().await;

    let (copy, own_server) = crate::prerendered_copy("timed-dist", &crate::fixtures_dir().join("timed.json"));
    let browser = Browser::open(PHONE).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    let href = browser.testid("subscribe-download").await.attr("href").await.unwrap().unwrap_or_default();
    // Published beside the programme, named from the app's root (the same from every page).
    assert_eq!(href, format!("{}programme.ics", crate::server::SUB_PATH));
    let webcal = browser.testid("subscribe-webcal").await.attr("href").await.unwrap().unwrap_or_default();
    assert!(webcal.starts_with("webcal://") && webcal.ends_with("/programme.ics"), "{webcal}");
    let feed = browser
        .driver
        .execute_async("fetch('programme.ics').then(r => r.text()).then(arguments[0], e => arguments[0](String(e)));", Vec::new())
        .await
        .unwrap();
    let feed = feed.json().as_str().unwrap_or_default().to_owned();
    assert!(feed.starts_with("BEGIN:VCALENDAR\r\n") && feed.contains("X-WR-CALNAME:"), "{feed}");
    assert!(feed.contains("UID:before-dst@timed-2026"), "the feed holds the programme's events: {feed}");
    assert!(!feed.contains("UID:month-only@"), "a month is no date for a calendar: {feed}");
    browser.quit().await;

    // Not offered for another programme file: the feeds are built from the published one.
    let browser = open_app(PHONE, TIMED).await;
    assert_eq!(browser.count("[data-testid=subscribe]").await, 0);
    browser.quit().await;
    let _ = std::fs::remove_dir_all(&copy);
}

#[tokio::test]
async fn the_shortlist_prints_with_its_notes_and_no_controls() {
    let browser = open_app(DESKTOP, TIMED).await;
    browser.star("before-dst").await;
    open_shortlist(&browser, &format!("{TIMED}&view=shortlist")).await;
    browser.testid("note-before-dst").await.send_keys("bring the briefing pack").await.unwrap();
    browser.testid("shortlist-count").await.click().await.unwrap();
    eventually("the note saved", || async {
        browser
            .script("return localStorage.getItem('programme-browser/shortlists') || '';")
            .await
            .as_str()
            .unwrap_or_default()
            .contains("briefing pack")
    })
    .await;
    browser.cdp("Emulation.setEmulatedMedia", serde_json::json!({ "media": "print" })).await;
    let visible = |css: &str| format!("return [...document.querySelectorAll('{css}')].some(e => e.offsetParent !== null);");
    assert_eq!(browser.script(&visible("button, select, textarea, .facet-panel")).await, false, "controls on paper");
    let printed = browser.script("return document.querySelector('[data-testid=pick-print]').innerText;").await;
    assert!(printed.as_str().unwrap_or_default().contains("Private note: bring the briefing pack"), "{printed}");
    // A PDF through the DevTools protocol, as the print dialog makes it.
    let pdf = browser.cdp("Page.printToPDF", serde_json::json!({ "printBackground": false })).await;
    assert!(pdf["data"].as_str().is_some_and(|data| data.len() > 1000), "a PDF");
    browser.cdp("Emulation.setEmulatedMedia", serde_json::json!({ "media": "" })).await;
    browser.quit().await;
}

/// The text of an event card's line (`event-when` or `event-when-local`), "" when absent.
async fn card_line(browser: &Browser, event: &str, line: &str) -> String {
    let script =
        format!("const e = document.querySelector('[data-event-id={event}] [data-testid={line}]'); return e ? e.textContent : '';");
    browser.script(&script).await.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn venue_time_and_the_readers_own_time_around_new_yorks_clock_change() {
    let venue = "Venue time (America/New_York): 7 March 2026, 10:00–12:00 (UTC−05:00)";
    for (zone, before, after) in [
        ("Asia/Tokyo", "8 March 2026, 00:00–02:00 (UTC+09:00)", "9 March 2026, 23:00 – 10 March 2026, 00:30 (UTC+09:00)"),
        // Geneva keeps Zurich's clock: there is no "Europe/Geneva" in the time-zone database.
        ("Europe/Zurich", "7 March 2026, 16:00–18:00 (UTC+01:00)", "9 March 2026, 15:00–16:30 (UTC+01:00)"),
    ] {
        let browser = Browser::open(DESKTOP).await;
        browser.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": zone })).await;
        browser.goto(&server().app_url(TIMED)).await;
        browser.wait_for_app().await;
        assert_eq!(card_line(&browser, "before-dst", "event-when").await, venue);
        assert_eq!(card_line(&browser, "before-dst", "event-when-local").await, format!("Your time ({zone}): {before}"));
        assert_eq!(card_line(&browser, "after-dst", "event-when-local").await, format!("Your time ({zone}): {after}"));
        // Days have no time to convert.
        assert_eq!(card_line(&browser, "one-day", "event-when-local").await, "");
        browser.quit().await;
    }
    // At the venue's own clock: one line, as the programme gives it.
    let browser = Browser::open(PHONE).await;
    browser.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": "America/New_York" })).await;
    browser.goto(&server().app_url(TIMED)).await;
    browser.wait_for_app().await;
    assert_eq!(card_line(&browser, "before-dst", "event-when").await, "7 March 2026, 10:00–12:00 (UTC−05:00)");
    assert_eq!(card_line(&browser, "after-dst", "event-when-local").await, "");
    browser.quit().await;
}

#[tokio::test]
async fn the_share_link_is_also_a_qr_code_that_reads_back_as_the_link() {
    let browser = open_app(PHONE, "").await;
    for id in ["ms-2012-06-migration-law", "lphm-2013-05-media"] {
        browser.star(id).await;
    }
    open_shortlist(&browser, "?view=shortlist").await;
    browser.testid("make-share-link").await.click().await.unwrap();
    let link = browser.testid("share-link").await.prop("value").await.unwrap().unwrap_or_default();
    let qr = browser.testid("share-qr").await;
    let size: usize = qr.attr("data-size").await.unwrap().unwrap_or_default().parse().unwrap();
    let path = browser.script("return document.querySelector('[data-testid=share-qr] path').getAttribute('d');").await;
    let decoded = crate::qr_decode::decode_qr_path(size, path.as_str().unwrap_or_default(), 4);
    assert_eq!(decoded, link);
    // It fits a 320 px screen.
    let width = browser.script("return document.querySelector('[data-testid=share-qr]').getBoundingClientRect().width;").await;
    assert!(width.as_f64().unwrap_or(1000.0) <= 300.0, "{width}");
    browser.quit().await;
}

#[tokio::test]
async fn what_changed_since_the_last_visit_is_marked_until_dismissed() {
    let (dist, own_server) = crate::published_copy("changes");
    let browser = Browser::open(DESKTOP).await;
    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    assert_eq!(browser.count("[data-testid=change-mark]").await, 0, "a first visit marks nothing");

    // The organiser publishes a new version: one event moved, one re-placed, one cancelled, one new.
    let mut programme: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dist.join("programme.json")).unwrap()).unwrap();
    let events = programme["events"].as_array_mut().unwrap();
    for event in events.iter_mut() {
        match event["id"].as_str().unwrap_or_default() {
            "ms-2012-09-reintegration" => event["when"] = serde_json::json!({ "start": "2012-10" }),
            "lphm-2013-05-media" => event["location"]["name"] = serde_json::json!("Antwerp City Hall"),
            "ms-2012-12-youth" => event["status"] = serde_json::json!("cancelled"),
            _ => {}
        }
    }
    events.push(serde_json::json!({ "id": "brand-new", "title": "A new seminar", "when": { "start": "2013-12" } }));
    std::fs::write(dist.join("programme.json"), programme.to_string()).unwrap();

    browser.goto(&own_server.app_url("")).await;
    browser.wait_for_app().await;
    eventually("the changes notice", || async { browser.count("[data-testid=changes-notice]").await == 1 }).await;
    assert!(browser.text_of("changes-notice").await.contains("4 events"));
    let marks = browser
        .script("return [...document.querySelectorAll('[data-testid=event-card]')].filter(c => c.querySelector('[data-testid=change-mark]')).map(c => c.dataset.eventId + ': ' + c.querySelector('.change-marks').textContent);")
        .await;
    let marks: Vec<String> = serde_json::from_value(marks).unwrap();
    for expected in
        ["ms-2012-09-reintegration: Moved", "lphm-2013-05-media: New place", "ms-2012-12-youth: Now cancelled", "brand-new: New"]
    {
        assert!(marks.iter().any(|mark| mark == expected), "{expected} not in {marks:?}");
    }
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "the change marks and their notice");
    browser.testid("mark-seen").await.click().await.unwrap();
    eventually("marks gone", || async { browser.count("[data-testid=change-mark]").await == 0 }).await;
    browser.driver.refresh().await.unwrap();
    browser.wait_for_app().await;
    assert_eq!(browser.count("[data-testid=change-mark]").await, 0, "dismissed for good");
    browser.quit().await;
    let _ = std::fs::remove_dir_all(&dist);
}

#[tokio::test]
async fn printing_the_programme_prints_every_matching_event_not_the_first_page() {
    let browser = open_app(DESKTOP, "?programme=fixtures/generated-45.json&upcoming=0").await;
    let cards = || async { browser.count("[data-testid=event-card]").await };
    assert_eq!(cards().await, 30, "the screen shows a page at a time");
    // What the browser fires before it lays the page out for paper.
    browser.script("window.dispatchEvent(new Event('beforeprint')); return true;").await;
    eventually("every event on paper", || async { cards().await == 45 }).await;
    browser.quit().await;
}
