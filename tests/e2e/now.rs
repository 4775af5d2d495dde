//! "Now and next" and a day's timetable, with the reader's clock and time zone set: what is
//! on, what starts next, the first screen's entry while a meeting runs, the shortlist's own
//! view, the view following the clock when a phone comes back to the page, parallel sessions
//! side by side on a wide screen and in order on a phone.

use crate::browser::{eventually, Browser, DESKTOP, PHONE};
use crate::{open_app, server};

const TIMED: &str = "?programme=fixtures/timed.json";

/// The page's clock set to `utc` (RFC 3339) as it opens, moving on from there;
/// `__pbAdvanceClock(ms)` moves it further. Calls of `Date` as a function are left alone.
pub(crate) fn clock_at(utc: &str) -> String {
    let ms = chrono::DateTime::parse_from_rfc3339(utc).expect("a timestamp").timestamp_millis();
    format!(
        "(() => {{
           const Real = Date;
           let shift = {ms} - Real.now();
           class FakeDate extends Real {{
             constructor(...args) {{ if (args.length === 0) super(Real.now() + shift); else super(...args); }}
             static now() {{ return Real.now() + shift; }}
           }}
           window.Date = FakeDate;
           window.__pbAdvanceClock = (by) => {{ shift += by; }};
         }})();"
    )
}

async fn open_at(size: (u32, u32), zone: &str, utc: &str, query: &str) -> Browser {
    let browser = Browser::open(size).await;
    browser.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": zone })).await;
    browser.before_each_page(&clock_at(utc)).await;
    browser.goto(&server().app_url(query)).await;
    browser.wait_for_app().await;
    browser
}

/// The event ids in a section of the view, in order.
async fn ids_in(browser: &Browser, section: &str) -> Vec<String> {
    let script = format!(
        "return [...document.querySelectorAll('[data-testid={section}] [data-testid=event-card]')].map(card => card.dataset.eventId);"
    );
    serde_json::from_value(browser.script(&script).await).unwrap_or_default()
}

async fn shown(browser: &Browser, testid: &str) -> bool {
    browser.count(&format!("[data-testid={testid}]")).await > 0
}

#[tokio::test]
async fn while_two_side_events_run_the_first_screen_leads_to_now_and_next_which_follows_the_clock() {
    // 15:30 in New York (UTC−04:00 since the clocks changed), 20:30 in Zurich.
    let browser = open_at(DESKTOP, "Europe/Zurich", "2026-03-11T19:30:00Z", TIMED).await;
    assert_eq!(browser.text_of("now-entry").await.lines().next().unwrap_or_default(), "2 events are on now");
    browser.testid("now-entry-link").await.click().await.expect("open now and next");
    browser.testid("now-page").await;
    assert!(browser.url().await.contains("view=now"), "{}", browser.url().await);
    assert_eq!(browser.testid("nav-now").await.attr("aria-current").await.unwrap().as_deref(), Some("page"));
    assert_eq!(ids_in(&browser, "now-on").await, ["clash-a", "clash-b"]);
    // The cancelled session is still what comes next, and says it is cancelled.
    assert_eq!(ids_in(&browser, "now-next").await, ["cancelled"]);
    let status = browser.script("return document.querySelector('[data-testid=now-next] [data-testid=event-status]').textContent;").await;
    assert_eq!(status, "Cancelled");
    // Known to the month only: this month, with no time made up.
    assert_eq!(ids_in(&browser, "now-this-month").await, ["month-only"]);
    assert!(!shown(&browser, "now-today").await, "no event is known to be on 11 March as a whole day");
    assert!(browser.text_of("now-clock").await.contains("11 March 2026, 20:30 (UTC+01:00)"), "{}", browser.text_of("now-clock").await);
    // The venue's time and the reader's, as on every card.
    let local = browser.find("[data-event-id=clash-a] [data-testid=event-when-local]").await.text().await.unwrap();
    assert_eq!(local, "Your time (Europe/Zurich): 11 March 2026, 19:00–21:00 (UTC+01:00)");

    // Mine only: one of the two.
    browser.star("clash-a").await;
    browser.testid("now-scope-mine").await.click().await.expect("my shortlist");
    eventually("only my pick", || async { ids_in(&browser, "now-on").await == ["clash-a"] }).await;
    assert!(shown(&browser, "now-next-none").await, "nothing of mine starts later");

    // An hour in a pocket: the page comes back and shows the time it is now, without reloading.
    browser.script("window.__pbMarker = 'same page'; __pbAdvanceClock(60 * 60 * 1000); document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); return true;").await;
    eventually("my session has ended", || async { shown(&browser, "now-on-none").await }).await;
    assert!(browser.text_of("now-clock").await.contains("11 March 2026, 21:30"), "{}", browser.text_of("now-clock").await);
    browser.testid("now-scope-all").await.click().await.expect("the whole programme");
    eventually("the other is still on", || async { ids_in(&browser, "now-on").await == ["clash-b"] }).await;
    assert_eq!(browser.script("return window.__pbMarker;").await, "same page");
    browser.quit().await;
}

#[tokio::test]
async fn a_phone_in_tokyo_reads_now_and_next_in_french_across_new_yorks_clock_change() {
    // 10:30 in New York, the day after its clocks changed; 23:30 in Tokyo.
    let browser = open_at(PHONE, "Asia/Tokyo", "2026-03-09T14:30:00Z", &format!("{TIMED}&lang=fr&view=now")).await;
    browser.testid("now-page").await;
    eventually("in French", || async { browser.find("#now-heading").await.text().await.unwrap_or_default() == "En ce moment" }).await;
    assert_eq!(ids_in(&browser, "now-on").await, ["after-dst"]);
    assert_eq!(browser.find("#now-on-heading").await.text().await.unwrap(), "En cours");
    // At least three next, and all that start with the third.
    assert_eq!(ids_in(&browser, "now-next").await, ["clash-a", "clash-b", "cancelled"]);
    assert!(
        browser.text_of("now-clock").await.starts_with("Votre heure : 9 mars 2026, 23:30 (UTC+09:00)"),
        "{}",
        browser.text_of("now-clock").await
    );
    let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
    assert!(widths[0].as_u64() <= widths[1].as_u64(), "no horizontal scrolling: {widths}");
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "axe: {violations:?}");
    // The choice between the programme and my shortlist by keyboard alone.
    assert!(browser.tab_until(false, 40, |id| id == "now-scope-all").await, "the scope is reachable by Tab");
    browser.press(thirtyfour::Key::Down).await;
    eventually("my shortlist by arrow key", || async { shown(&browser, "now-on-none").await }).await;
    browser.quit().await;
}

#[tokio::test]
async fn a_programme_known_only_to_the_month_offers_no_now_and_next_and_says_why_when_asked() {
    let browser = open_app(PHONE, "").await;
    assert!(!shown(&browser, "nav-now").await, "no entry for a programme without days or times");
    assert!(!shown(&browser, "now-entry").await);
    browser.goto(&server().app_url("?view=now")).await;
    browser.wait_for_app().await;
    assert!(browser.text_of("now-not-offered").await.contains("no days or times"));
    browser.quit().await;
}

/// The box of each timetable item: `[left, top, right, bottom]` by event id.
async fn boxes(browser: &Browser) -> std::collections::HashMap<String, [f64; 4]> {
    let found = browser
        .script(
            "return Object.fromEntries([...document.querySelectorAll('[data-testid=timetable] [data-testid=timetable-item]')]
               .map(item => { const r = item.getBoundingClientRect(); return [item.dataset.eventId, [r.left, r.top, r.right, r.bottom]]; }));",
        )
        .await;
    serde_json::from_value(found).unwrap_or_default()
}

#[tokio::test]
async fn a_days_timetable_shows_parallel_sessions_side_by_side_on_a_wide_screen_and_in_order_on_a_phone() {
    let browser = open_at(DESKTOP, "Europe/Zurich", "2026-03-11T19:30:00Z", TIMED).await;
    browser.testid("nav-day").await.click().await.expect("day by day");
    browser.testid("day-page").await;
    // Opens on today, the reader's date.
    assert_eq!(browser.text_of("day-title").await, "Timetable: 11 March 2026");
    let at = boxes(&browser).await;
    let (a, b) = (at["clash-a"], at["clash-b"]);
    assert!(a[2] <= b[0] || b[2] <= a[0], "side by side, in their rooms' columns: {a:?} {b:?}");
    assert!(a[1] < b[3] && b[1] < a[3], "overlapping in time, overlapping rows: {a:?} {b:?}");
    assert!(at["cancelled"][1] >= a[3].min(b[3]) - 1.0, "the evening session below them");
    // Now is 15:30 in New York: the line of now, reached by "Jump to now".
    browser.testid("day-jump-to-now").await.click().await.expect("jump to now");
    assert_eq!(browser.script("return document.activeElement.id;").await, "timetable-now");
    assert_eq!(browser.text_of("day-now").await, "Now, 15:30");
    // Another day, by its link, in the address.
    browser.testid("day-previous").await.click().await.expect("previous day");
    eventually("9 March", || async { browser.text_of("day-title").await == "Timetable: 9 March 2026" }).await;
    assert!(browser.url().await.contains("day=2026-03-09"), "{}", browser.url().await);
    assert_eq!(boxes(&browser).await.keys().cloned().collect::<Vec<_>>(), ["after-dst"]);
    assert!(!shown(&browser, "day-now").await, "not today");
    browser.driver.back().await.expect("back");
    eventually("back to 11 March", || async { browser.text_of("day-title").await == "Timetable: 11 March 2026" }).await;
    // My shortlist only: the pick alone, its star pressed.
    browser.star("clash-b").await;
    browser.testid("day-scope-mine").await.click().await.expect("my shortlist");
    eventually("only my pick", || async {
        let mut ids: Vec<String> = boxes(&browser).await.into_keys().collect();
        ids.sort();
        ids == ["clash-b"]
    })
    .await;
    browser.quit().await;

    // A phone: one list in the order the sessions start, nothing wider than the screen.
    let browser = open_at(PHONE, "America/New_York", "2026-03-11T19:30:00Z", &format!("{TIMED}&view=day&day=2026-03-11&lang=ar")).await;
    browser.testid("day-page").await;
    eventually("in Arabic", || async { browser.script("return document.documentElement.dir;").await == "rtl" }).await;
    let order = browser
        .script("return [...document.querySelectorAll('[data-testid=timetable] > li:not([aria-hidden])')].map(li => li.dataset.eventId || li.dataset.testid);")
        .await;
    assert_eq!(order, serde_json::json!(["clash-a", "clash-b", "day-now", "cancelled"]));
    let at = boxes(&browser).await;
    assert!(at["clash-a"][3] <= at["clash-b"][1] + 1.0, "one below the other: {at:?}");
    let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
    assert!(widths[0].as_u64() <= widths[1].as_u64(), "no horizontal scrolling: {widths}");
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "axe: {violations:?}");
    browser.quit().await;
}

#[tokio::test]
async fn a_programme_without_times_has_no_timetable_and_says_why_when_asked() {
    let browser = open_app(PHONE, "?view=day").await;
    assert!(!shown(&browser, "nav-day").await);
    assert!(browser.text_of("day-not-offered").await.contains("no times"));
    browser.quit().await;
}

#[tokio::test]
async fn my_own_appointment_is_in_my_now_and_next_and_in_my_day() {
    // 15:30 in New York: my pick clash-a (14:00-16:00) is on, and so is my bilateral.
    let browser = open_at(PHONE, "America/New_York", "2026-03-11T19:30:00Z", TIMED).await;
    browser.star("clash-a").await;
    crate::shortlists::open_shortlist(&browser, &format!("{TIMED}&view=shortlist")).await;
    let bilateral = crate::own_appointments::add_own(&browser, "Bilateral with Ghana", "2026-03-11", "15:00", "16:00").await;
    let breakfast = crate::own_appointments::add_own(&browser, "Breakfast briefing", "2026-03-12", "08:00", "08:45").await;

    browser.goto(&crate::server().app_url(&format!("{TIMED}&view=now"))).await;
    browser.testid("now-page").await;
    browser.testid("now-scope-mine").await.click().await.expect("my shortlist");
    let own_in = |section: &'static str| {
        let browser = &browser;
        async move {
            let script = format!(
                "return [...document.querySelectorAll('[data-testid={section}] [data-testid=own-card]')].map(c => c.dataset.eventId);"
            );
            serde_json::from_value::<Vec<String>>(browser.script(&script).await).unwrap_or_default()
        }
    };
    eventually("my bilateral on now", || async { own_in("now-on").await == [bilateral.clone()] }).await;
    assert_eq!(ids_in(&browser, "now-on").await, ["clash-a"], "the pick beside it");
    assert_eq!(own_in("now-next").await, [breakfast], "tomorrow's breakfast is what is next of mine");
    let card = browser.find("[data-testid=now-on] [data-testid=own-card]").await.text().await.unwrap();
    assert!(card.starts_with("My own appointment\nBilateral with Ghana\n"), "{card}");
    // The whole programme is the programme's: no one else's appointments there.
    browser.testid("now-scope-all").await.click().await.expect("the whole programme");
    eventually("the programme's events only", || async { own_in("now-on").await.is_empty() }).await;

    // My day: the pick and the bilateral side by side in time, the bilateral marked as mine.
    browser.goto(&crate::server().app_url(&format!("{TIMED}&view=day&day=2026-03-11"))).await;
    browser.testid("day-page").await;
    browser.testid("day-scope-mine").await.click().await.expect("my shortlist");
    eventually("my two items", || async {
        let mut ids: Vec<String> = boxes(&browser).await.into_keys().collect();
        ids.sort();
        ids == [String::from("clash-a"), bilateral.clone()]
    })
    .await;
    let slot = browser.find(&format!("[data-event-id=\"{bilateral}\"]")).await.text().await.unwrap();
    assert!(slot.contains("My own appointment") && slot.contains("Bilateral with Ghana") && slot.contains("15:00–16:00"), "{slot}");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.quit().await;
}
