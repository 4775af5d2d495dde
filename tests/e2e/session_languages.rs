//! In which language, and with what access: a delegate filters by the language they follow
//! (held in it or interpreted into it) and by access features, in Arabic on a phone and by
//! keyboard at 320 px, and reads both on the event's page.

use thirtyfour::Key;

use crate::browser::{eventually, NARROWEST, PHONE};
use crate::{expect_count, open_app};

const LANGUAGES: &str = "?programme=fixtures/languages.json";

/// The rows of the event page's field list, as "label: item | item | note".
async fn detail_row(browser: &crate::browser::Browser, label: &str) -> String {
    let js = format!(
        "const dt = [...document.querySelectorAll('.fields dt')].find(dt => dt.textContent === {label:?}); \
         if (!dt) return ''; const dd = dt.nextElementSibling; \
         return [...dd.querySelectorAll('li, .field-note')].map(el => el.textContent.trim()).join(' | ') || dd.textContent.trim();"
    );
    browser.script(&js).await.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn in_arabic_a_delegate_finds_the_sessions_they_can_follow_in_french_with_captions() {
    let browser = open_app(PHONE, &format!("{LANGUAGES}&lang=ar")).await;
    assert_eq!(browser.card_ids().await, ["plenary", "atelier", "briefing", "webinar"]);
    browser.testid("open-filters").await.click().await.unwrap();
    let legends = browser.script("return [...document.querySelectorAll('[data-testid=facet-language] legend, [data-testid=facet-accessibility] legend')].map(l => l.textContent);").await;
    assert_eq!(legends, serde_json::json!(["اللغة أو الترجمة الشفوية", "إمكانية الوصول"]));
    // Languages named in Arabic; an unknown one would keep its tag.
    let french = browser.testid("option-language-fr").await;
    let label = browser
        .script("return document.querySelector('[data-testid=option-language-fr]').parentElement.innerText.replace(/\\s+/g, ' ').trim();")
        .await;
    assert_eq!(label, "الفرنسية 2", "French: held in it once, interpreted into it once");
    french.scroll_into_view().await.unwrap();
    french.click().await.unwrap();
    eventually("two sessions in French", || async { browser.card_ids().await == ["plenary", "atelier"] }).await;
    let captions = browser.testid("option-accessibility-captioning").await;
    captions.scroll_into_view().await.unwrap();
    captions.click().await.unwrap();
    eventually("one with captions", || async { browser.card_ids().await == ["plenary"] }).await;
    let url = browser.url().await;
    assert!(url.contains("/ar/?") && url.contains("language=fr") && url.contains("accessibility=captioning"), "{url}");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    // The event's page says it in Arabic, the English note marked as English.
    browser.goto(&crate::server().app_url(&format!("{LANGUAGES}&lang=ar&event=plenary"))).await;
    browser.wait_for_app().await;
    eventually("the event's page", || async { browser.count("[data-testid=event-detail]").await == 1 }).await;
    assert_eq!(detail_row(&browser, "الترجمة الشفوية").await, "العربية | الصينية | الفرنسية | الروسية | الإسبانية");
    assert_eq!(
        detail_row(&browser, "إمكانية الوصول").await,
        "ترجمة نصية مباشرة | لغة الإشارة | دخول بدون درج | International Sign on request by 1 April."
    );
    assert_eq!(browser.script("return document.querySelector('.field-note').lang;").await, "en");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.quit().await;
}

#[tokio::test]
async fn by_keyboard_at_320_px_the_access_filter_and_the_sessions_access_are_usable() {
    let browser = open_app(NARROWEST, LANGUAGES).await;
    expect_count(&browser, "4 events").await;
    browser.testid("open-filters").await.click().await.unwrap();
    eventually("focus in the dialog", || async { browser.focused_testid().await == "close-filters" }).await;
    assert!(browser.tab_until(false, 40, |id| id == "option-accessibility-step_free").await, "Tab reaches the step-free option");
    browser.press(Key::Space).await;
    let show = browser.testid("show-results").await;
    eventually("Show 2 events", || async { show.text().await.unwrap_or_default() == "Show 2 events" }).await;
    browser.press(Key::Escape).await;
    expect_count(&browser, "2 events").await;
    assert_eq!(browser.card_ids().await, ["plenary", "atelier"]);
    let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
    assert!(widths[0].as_i64() <= widths[1].as_i64(), "no horizontal scrolling at 320 px: {widths}");
    browser.goto(&crate::server().app_url(&format!("{LANGUAGES}&event=atelier"))).await;
    browser.wait_for_app().await;
    eventually("the event's page", || async { browser.count("[data-testid=event-detail]").await == 1 }).await;
    assert_eq!(detail_row(&browser, "Languages").await, "French | Dutch");
    assert_eq!(detail_row(&browser, "Accessibility").await, "Step-free access", "the unknown feature left out");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.quit().await;
}

/// Whether each of the plenary's join, livestream and recording links is live (has an address).
async fn live_links(browser: &crate::browser::Browser) -> Vec<bool> {
    let js = "return ['join', 'livestream', 'recording'].map(kind => document.querySelector(`[data-testid=session-link-${kind}] a`).hasAttribute('href'));";
    serde_json::from_value(browser.script(js).await).unwrap()
}

#[tokio::test]
async fn a_join_link_is_live_from_half_an_hour_before_the_start_to_the_end_and_the_recording_after() {
    let browser = crate::browser::Browser::open(PHONE).await;
    // 09:00 in New York, an hour before the plenary.
    browser.before_each_page(&crate::now::clock_at("2027-04-12T13:00:00Z")).await;
    browser.goto(&crate::server().app_url(&format!("{LANGUAGES}&lang=fr&event=plenary"))).await;
    browser.wait_for_app().await;
    eventually("the event's page", || async { browser.count("[data-testid=session-link-join]").await == 1 }).await;
    assert_eq!(live_links(&browser).await, [false, false, false]);
    let join = browser.text_of("session-link-join").await;
    assert_eq!(join, "Rejoindre sur la plateforme (de 30 minutes avant le début jusqu'à la fin)", "labelled, and says when");
    assert_eq!(
        browser.script("return document.querySelector('[data-testid=session-link-join] a').getAttribute('aria-disabled');").await,
        "true"
    );
    assert_eq!(browser.text_of("session-link-recording").await, "Enregistrement (après l'événement)");
    // The concept note is an ordinary link, always there; the unknown kind too.
    assert_eq!(detail_row(&browser, "Liens").await, "Concept note | Podcast");
    let advance =
        |minutes: i64| format!("window.__pbAdvanceClock({}); document.dispatchEvent(new Event('visibilitychange'));", minutes * 60_000);
    // 09:40: twenty minutes before the start, the reader can join and watch.
    browser.script(&advance(40)).await;
    eventually("join and watch live", || async { live_links(&browser).await == [true, true, false] }).await;
    let href = browser.script("return document.querySelector('[data-testid=session-link-join] a').getAttribute('href');").await;
    assert_eq!(href, "https://meet.example.org/plenary");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    // 13:10: over; the recording.
    browser.script(&advance(210)).await;
    eventually("the recording only", || async { live_links(&browser).await == [false, false, true] }).await;
    browser.quit().await;
}
