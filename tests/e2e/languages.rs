//! The interface in the UN languages: each language has its own static pages (`fr/`,
//! `ar/events/<id>.html`), which a link or the browser's language leads to before anything is
//! painted; the page says which language it is in, Arabic is right to left, and a language the
//! app has no file for is English, declared as English.

use crate::browser::{eventually, Browser, DESKTOP, NARROWEST, PHONE};
use crate::{expect_count, open_app, server};

pub(crate) async fn lang_and_dir(browser: &Browser) -> (String, String) {
    let both = browser.script("return [document.documentElement.lang, document.documentElement.dir];").await;
    (both[0].as_str().unwrap_or_default().to_owned(), both[1].as_str().unwrap_or_default().to_owned())
}

/// The address below the app's root.
async fn address(browser: &Browser) -> String {
    browser.url().await.split_once(crate::server::SUB_PATH).map(|(_, rest)| rest.to_owned()).unwrap_or_default()
}

#[tokio::test]
async fn french_interface_with_french_dates() {
    let browser = open_app(PHONE, "fr/").await;
    expect_count(&browser, "10 événements").await;
    assert_eq!(lang_and_dir(&browser).await, ("fr".to_owned(), "ltr".to_owned()));
    assert_eq!(browser.text_of("open-filters").await, "Filtres");
    let card = browser.testid("event-card").await.text().await.unwrap();
    assert!(card.contains("Avril 2012"), "{card}");
    // The language stays in the address as the reader filters: one option is a page of its
    // own, two are the French page's query.
    browser.testid("open-filters").await.click().await.unwrap();
    browser.testid("option-theme-youth").await.click().await.unwrap();
    assert_eq!(address(&browser).await, "fr/theme/youth.html");
    browser.testid("option-theme-education").await.click().await.unwrap();
    assert_eq!(address(&browser).await, "fr/?theme=education%2Cyouth");
    browser.quit().await;
}

#[tokio::test]
async fn arabic_is_right_to_left_fits_320_px_and_passes_axe() {
    let browser = open_app(NARROWEST, "ar/").await;
    expect_count(&browser, "10 فعاليات").await;
    assert_eq!(lang_and_dir(&browser).await, ("ar".to_owned(), "rtl".to_owned()));
    let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
    assert!(widths[0].as_u64() <= widths[1].as_u64(), "no horizontal scrolling: {widths}");
    // The programme is in English: its texts say so, for screen readers (language of parts).
    let title = browser.testid("event-link").await;
    assert_eq!(title.attr("lang").await.unwrap().as_deref(), Some("en"));
    assert_eq!(browser.testid("programme-title").await.attr("lang").await.unwrap().as_deref(), Some("en"));
    assert_eq!(browser.count(".labels li[lang=en]").await, browser.count(".labels li").await);
    // ...and they read left to right inside the Arabic page ("Given with IOM." ends with its stop).
    let direction = browser.script("return getComputedStyle(document.querySelector('[data-testid=event-link]')).direction;").await;
    assert_eq!(direction, "ltr");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.quit().await;
}

#[tokio::test]
async fn a_language_without_a_file_is_english_and_says_so() {
    let browser = open_app(PHONE, "?lang=de").await;
    expect_count(&browser, "10 events").await;
    assert_eq!(lang_and_dir(&browser).await, ("en".to_owned(), "ltr".to_owned()));
    // (The language picker names each language in itself, English too.)
    assert_eq!(browser.count("[lang=en]:not(html):not(.language [lang])").await, 0, "English texts on an English page need no mark");
    browser.quit().await;
}

#[tokio::test]
async fn the_reader_picks_a_language_and_back_returns_to_the_previous_one() {
    let browser = open_app(PHONE, "en/theme/youth.html").await;
    browser.find("[data-testid=language] summary").await.click().await.unwrap();
    // The picker names each language in itself, links to this view in it, and marks the current one.
    let spanish = browser.testid("language-es").await;
    assert_eq!(spanish.text().await.unwrap(), "Español");
    assert!(spanish.attr("href").await.unwrap().unwrap_or_default().ends_with("/es/theme/youth.html"));
    assert_eq!(browser.testid("language-en").await.attr("aria-current").await.unwrap().as_deref(), Some("true"));
    assert_eq!(browser.testid("language-ar").await.attr("lang").await.unwrap().as_deref(), Some("ar"));
    spanish.click().await.unwrap();
    expect_count(&browser, "1 evento").await;
    assert_eq!(lang_and_dir(&browser).await, ("es".to_owned(), "ltr".to_owned()));
    assert_eq!(address(&browser).await, "es/theme/youth.html", "the language's own page of this view");
    browser.driver.back().await.unwrap();
    expect_count(&browser, "1 event").await;
    assert_eq!(lang_and_dir(&browser).await, ("en".to_owned(), "ltr".to_owned()));
    browser.quit().await;
}

/// A link from before language pages (`?lang=ar`), or a browser set to French arriving at the
/// programme's address, is taken to that language's static page before anything is painted;
/// a language's own page is never sent elsewhere.
#[tokio::test]
async fn links_and_browsers_in_another_language_open_that_languages_page() {
    let french = Browser::open_in_language(DESKTOP, "fr-FR,fr").await;
    // Records whether the root page ever painted (it must not: it is left before its first frame).
    french.before_each_page("requestAnimationFrame(() => sessionStorage.setItem('painted:' + location.pathname, '1'));").await;
    french.goto(&server().app_url("?theme=youth&utm_source=mail")).await;
    french.wait_for_app().await;
    assert_eq!(address(&french).await, "fr/theme/youth.html?utm_source=mail");
    expect_count(&french, "1 événement").await;
    let painted = french.script(&format!("return sessionStorage.getItem('painted:{}');", crate::server::SUB_PATH)).await;
    assert!(painted.is_null(), "the English root page was painted before the French one");
    // The French reader chooses English: an English page, not sent back to French.
    french.goto(&server().app_url("en/")).await;
    french.wait_for_app().await;
    expect_count(&french, "10 events").await;
    assert_eq!(address(&french).await, "en/");
    french.quit().await;

    let browser = Browser::open(PHONE).await;
    browser.goto(&server().app_url("?lang=ar&event=ms-2012-06-migration-law")).await;
    browser.wait_for_app().await;
    eventually("the Arabic page", || async { lang_and_dir(&browser).await.1 == "rtl" }).await;
    assert_eq!(address(&browser).await, "ar/events/ms-2012-06-migration-law.html");
    assert_eq!(browser.text_of("event-detail-title").await, "International migration law");
    browser.quit().await;
}
