//! A delegate's own appointment on a phone: added from the shortlist page by keyboard, kept in
//! the venue's time, marked as theirs among the picks, warned about when it clashes with a
//! pick, changed, written into the calendar file with the chosen reminder, kept across a
//! reload, printed without the form, and in Arabic.

use thirtyfour::Key;

use crate::browser::{eventually, Browser, PHONE};
use crate::calendar::{events_of, value};
use crate::server;
use crate::shortlists::open_shortlist;

const TIMED: &str = "?programme=fixtures/timed.json";

/// Sets a date or time control as a picker would (typing into them depends on the browser's
/// locale), with the `input` event the app listens to.
pub(crate) async fn set_value(browser: &Browser, testid: &str, value: &str) {
    let script = format!(
        "const field = document.querySelector('[data-testid={testid}]');
         field.value = '{value}';
         field.dispatchEvent(new Event('input', {{ bubbles: true }}));
         return field.value;"
    );
    assert_eq!(browser.script(&script).await, value, "{testid} takes {value}");
}

/// Adds an appointment of the reader's own from the shortlist page (which is open): its id.
pub(crate) async fn add_own(browser: &Browser, title: &str, day: &str, start: &str, end: &str) -> String {
    let open = browser.testid("own-open").await;
    if open.attr("aria-expanded").await.unwrap().as_deref() != Some("true") {
        open.scroll_into_view().await.unwrap();
        open.click().await.expect("open the form");
    }
    browser.testid("own-title").await.send_keys(title).await.unwrap();
    set_value(browser, "own-day", day).await;
    set_value(browser, "own-start", start).await;
    set_value(browser, "own-end", end).await;
    browser.testid("own-save").await.click().await.expect("save");
    eventually("added", || async { browser.text_of("own-said").await.contains(title) }).await;
    let script = format!(
        "return [...document.querySelectorAll('[data-testid=own-card]')].find(c => c.querySelector('h4').textContent === {}).dataset.eventId;",
        serde_json::json!(title)
    );
    browser.script(&script).await.as_str().unwrap_or_default().to_owned()
}

async fn clash_lines(browser: &Browser) -> serde_json::Value {
    browser.script("return [...document.querySelectorAll('[data-testid=pick-clash]')].map(p => p.textContent);").await
}

#[tokio::test]
async fn an_appointment_of_my_own_clashes_with_a_pick_goes_into_my_calendar_and_stays() {
    let browser = Browser::open(PHONE).await;
    // A reader in Zurich: the appointment is typed in the venue's time (New York's).
    browser.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": "Europe/Zurich" })).await;
    browser.goto(&server().app_url(TIMED)).await;
    browser.wait_for_app().await;
    browser.star("clash-a").await;
    open_shortlist(&browser, &format!("{TIMED}&view=shortlist")).await;

    // Opened and sent empty by keyboard: the form says what is missing and goes to it.
    let open = browser.testid("own-open").await;
    open.scroll_into_view().await.unwrap();
    open.focus().await.unwrap();
    browser.press(Key::Enter).await;
    assert_eq!(open.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    browser.testid("own-save").await.click().await.unwrap();
    eventually("the title asked for", || async { browser.text_of("own-problem").await == "Give the appointment a title." }).await;
    assert_eq!(browser.focused_testid().await, "own-title");
    assert_eq!(browser.testid("own-title").await.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));

    browser.testid("own-title").await.send_keys("Bilateral with Ghana").await.unwrap();
    set_value(&browser, "own-day", "2026-03-11").await;
    set_value(&browser, "own-start", "15:30").await;
    set_value(&browser, "own-end", "16:30").await;
    browser.testid("own-place").await.send_keys("Room S-2950").await.unwrap();
    browser.testid("own-note").await.send_keys("bring the brief").await.unwrap();
    browser.testid("own-place").await.focus().await.unwrap();
    browser.press(Key::Enter).await;
    eventually("added", || async { browser.text_of("own-said").await == "“Bilateral with Ghana” was added to your shortlist." }).await;
    assert_eq!(browser.text_of("own-problem").await, "");

    // Among the picks in time order, marked as mine, clashing with the session it overlaps.
    let order = browser.script("return [...document.querySelectorAll('[data-testid=pick]')].map(p => p.dataset.eventId);").await;
    let own_id = order[1].as_str().unwrap_or_default().to_owned();
    assert_eq!(order[0], "clash-a");
    assert!(own_id.starts_with("own:"), "{order}");
    let card = browser.find("[data-testid=own-card]").await.text().await.unwrap();
    assert!(card.starts_with("My own appointment\nBilateral with Ghana\n"), "{card}");
    assert!(card.contains("Room S-2950"), "{card}");
    assert_eq!(clash_lines(&browser).await, serde_json::json!(["Clashes with: “Bilateral with Ghana”", "Clashes with: “Side event A”"]));
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "shortlist with an appointment and its form");
    let fits = browser.script("return document.documentElement.scrollWidth <= window.innerWidth;").await;
    assert_eq!(fits, true, "no sideways scrolling at 360 px");

    // Moved to later: the clash is gone.
    browser.testid(&format!("change-own-{own_id}")).await.click().await.unwrap();
    eventually("the form holds it", || async {
        browser.script("return document.querySelector('[data-testid=own-start]').value;").await == "15:30"
    })
    .await;
    // The form is shown, then its first field takes the focus.
    eventually("the title focused", || async { browser.focused_testid().await == "own-title" }).await;
    set_value(&browser, "own-start", "17:00").await;
    set_value(&browser, "own-end", "18:00").await;
    browser.testid("own-save").await.click().await.unwrap();
    eventually("changed", || async { browser.text_of("own-said").await.contains("were saved") }).await;
    eventually("no clash left", || async { clash_lines(&browser).await == serde_json::json!([]) }).await;

    // In the calendar file with the reminder, under an id of its own and without an app address.
    browser.find("[data-testid=calendar-alarm] option[value='15']").await.click().await.unwrap();
    browser.testid("shortlist-calendar").await.click().await.unwrap();
    let events = events_of(&browser.downloaded("/my-shortlist.ics").await);
    assert_eq!(events.len(), 2);
    let own = events.iter().find(|e| value(e, "UID").starts_with("own:")).expect("the appointment");
    assert_eq!(value(own, "SUMMARY"), "Bilateral with Ghana");
    assert_eq!(value(own, "DTSTART"), "20260311T210000Z", "17:00 in New York");
    assert_eq!(value(own, "DTEND"), "20260311T220000Z");
    assert!(value(own, "DESCRIPTION").contains("bring the brief"));
    assert!(!own.properties.iter().any(|p| p.name == "URL"), "no app address");
    assert_eq!(own.alarms.len(), 1);

    // Kept across a reload; on paper without the form.
    browser.driver.refresh().await.unwrap();
    browser.testid("shortlist-page").await;
    assert_eq!(browser.count(&format!("[data-testid=pick][data-event-id='{own_id}']")).await, 1);
    browser.cdp("Emulation.setEmulatedMedia", serde_json::json!({ "media": "print" })).await;
    let visible = |css: &str| format!("return [...document.querySelectorAll('{css}')].some(e => e.offsetParent !== null);");
    assert_eq!(browser.script(&visible("[data-testid=own-card]")).await, true, "printed");
    assert_eq!(browser.script(&visible("[data-testid=own-appointment] form, button")).await, false, "no form on paper");
    browser.cdp("Emulation.setEmulatedMedia", serde_json::json!({ "media": "" })).await;

    // In Arabic: marked as the reader's, the form in Arabic, right to left, still fits.
    open_shortlist(&browser, &format!("{TIMED}&view=shortlist&lang=ar")).await;
    assert!(browser.find("[data-testid=own-card]").await.text().await.unwrap().starts_with("موعدي الخاص"));
    assert_eq!(browser.text_of("own-open").await, "إضافة موعد خاص بي");
    browser.testid("own-open").await.click().await.unwrap();
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "Arabic");
    let fits = browser.script("return document.documentElement.scrollWidth <= window.innerWidth;").await;
    assert_eq!(fits, true);
    browser.quit().await;
}
