//! Where: an event's place leads to its venue's page (address, access, rooms, a map link and
//! the device's map app), in French and in Arabic right to left, by keyboard at 320 px; the map
//! is a link, so nothing is asked of a map service until the reader taps it.

use crate::browser::{eventually, Browser, NARROWEST, PHONE};
use crate::open_app;

const VENUES: &str = "?programme=fixtures/venues.json";

async fn attribute(browser: &Browser, selector: &str, name: &str) -> String {
    let script = format!("return document.querySelector('{selector}').getAttribute('{name}');");
    browser.script(&script).await.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn an_events_place_leads_to_its_venues_page_with_a_map_link() {
    let browser = open_app(PHONE, &format!("{VENUES}&event=dialogue&lang=fr")).await;
    eventually("the event's place", || async { browser.count("[data-testid=event-venue-link]").await == 1 }).await;
    let place = browser
        .script("return document.querySelector('[data-testid=event-venue-link]').closest('dd').innerText.replace(/\\n+/g, '\\n');")
        .await;
    let place = place.as_str().unwrap();
    assert!(
        place.starts_with("Salle de conférence 4, Siège de l'Organisation des Nations Unies, New York\nPremier sous-sol (1B)"),
        "{place}"
    );
    assert_eq!(
        attribute(&browser, "[data-testid=event-map-link]", "href").await,
        "https://www.openstreetmap.org/?mlat=40.7489&mlon=-73.968#map=18/40.7489/-73.968"
    );
    browser.find("[data-testid=event-venue-link]").await.click().await.unwrap();
    eventually("the venue's page", || async { browser.count("[data-testid=venue-profile]").await == 1 }).await;
    assert!(browser.url().await.contains("venue=unhq"), "{}", browser.url().await);
    let profile = browser.text_of("venue-profile").await;
    assert!(profile.starts_with("Siège de l'Organisation des Nations Unies\n405 East 42nd Street, New York"), "{profile}");
    assert!(profile.contains("Accès de plain-pied") && profile.contains("Entrée des visiteurs"), "its access: {profile}");
    assert!(profile.contains("Salles\nSalle de conférence 4, Premier sous-sol (1B), Boucle magnétique"), "its rooms: {profile}");
    assert_eq!(attribute(&browser, "[data-testid=venue-geo-link]", "href").await, "geo:40.7489,-73.968");
    assert!(attribute(&browser, "[data-testid=venue-map-link]", "href").await.starts_with("https://www.openstreetmap.org/?mlat=40.7489"));
    assert_eq!(browser.card_ids().await, ["dialogue", "briefing"], "the events held there");
    // Nothing was asked of a map service.
    let asked = browser
        .script("return performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith(location.origin));")
        .await;
    assert_eq!(asked, serde_json::json!([]));
    // A facet of its own, chosen; its chip takes the venue away.
    assert!(browser.script("return document.querySelector('[data-testid=option-venue-unhq]').checked;").await.as_bool().unwrap());
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.testid("chip-venue-unhq").await.click().await.unwrap();
    eventually("the whole programme", || async { browser.count("[data-testid=venue-profile]").await == 0 }).await;
    browser.quit().await;
}

#[tokio::test]
async fn a_venues_page_in_arabic_reads_right_to_left_at_320_px_by_keyboard() {
    let browser = open_app(NARROWEST, &format!("{VENUES}&venue=unhq&lang=ar")).await;
    eventually("the venue's page", || async { browser.count("[data-testid=venue-profile]").await == 1 }).await;
    assert_eq!(browser.script("return document.documentElement.dir;").await, "rtl");
    assert_eq!(browser.script("return document.querySelector('#venue-name').textContent;").await, "مقر الأمم المتحدة");
    assert_eq!(browser.script("return document.querySelector('[data-testid=venue-map-link]').textContent;").await, "عرض على الخريطة");
    assert_eq!(browser.script("return document.querySelector('#venue-rooms').textContent;").await, "القاعات");
    // The English street is marked English for screen readers.
    assert_eq!(browser.script("return document.querySelector('[data-testid=venue-address]').lang;").await, "en");
    let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
    assert!(widths[0].as_i64() <= widths[1].as_i64(), "no horizontal scrolling at 320 px: {widths}");
    // By keyboard: from the venue's name, the map link, then the map app.
    browser.script("const h = document.querySelector('#venue-name'); h.setAttribute('tabindex', '-1'); h.focus();").await;
    browser.press(thirtyfour::Key::Tab).await;
    assert_eq!(browser.script("return document.activeElement.dataset.testid;").await, "venue-map-link");
    browser.press(thirtyfour::Key::Tab).await;
    assert_eq!(browser.script("return document.activeElement.dataset.testid;").await, "venue-geo-link");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.quit().await;
}
