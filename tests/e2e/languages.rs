//! The interface in the UN languages: a language file is loaded for `?lang=` (or the
//! browser's language), the page says which language it is in, Arabic is right to left, and a
//! language the app has no file for is English, declared as English.

use crate::browser::{NARROWEST, PHONE};
use crate::{expect_count, open_app};

async fn lang_and_dir(browser: &crate::browser::Browser) -> (String, String) {
    let both = browser.script("return [document.documentElement.lang, document.documentElement.dir];").await;
    (both[0].as_str().unwrap_or_default().to_owned(), both[1].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn french_interface_with_french_dates() {
    let browser = open_app(PHONE, "?lang=fr").await;
    expect_count(&browser, "10 événements").await;
    assert_eq!(lang_and_dir(&browser).await, ("fr".to_owned(), "ltr".to_owned()));
    assert_eq!(browser.text_of("open-filters").await, "Filtres");
    let card = browser.testid("event-card").await.text().await.unwrap();
    assert!(card.contains("Avril 2012"), "{card}");
    // The language stays in the URL as the reader filters.
    browser.testid("open-filters").await.click().await.unwrap();
    browser.testid("option-theme-youth").await.click().await.unwrap();
    assert!(browser.url().await.contains("lang=fr"));
    browser.quit().await;
}

#[tokio::test]
async fn arabic_is_right_to_left_fits_320_px_and_passes_axe() {
    let browser = open_app(NARROWEST, "?lang=ar").await;
    expect_count(&browser, "عدد الفعاليات: 10").await;
    assert_eq!(lang_and_dir(&browser).await, ("ar".to_owned(), "rtl".to_owned()));
    let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
    assert!(widths[0].as_u64() <= widths[1].as_u64(), "no horizontal scrolling: {widths}");
    // The programme is in English: its texts say so, for screen readers (language of parts).
    let title = browser.testid("event-link").await;
    assert_eq!(title.attr("lang").await.unwrap().as_deref(), Some("en"));
    assert_eq!(browser.testid("programme-title").await.attr("lang").await.unwrap().as_deref(), Some("en"));
    assert_eq!(browser.count(".labels li[lang=en]").await, browser.count(".labels li").await);
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.quit().await;
}

#[tokio::test]
async fn a_language_without_a_file_is_english_and_says_so() {
    let browser = open_app(PHONE, "?lang=de").await;
    expect_count(&browser, "10 events").await;
    assert_eq!(lang_and_dir(&browser).await, ("en".to_owned(), "ltr".to_owned()));
    assert_eq!(browser.count("[lang=en]:not(html):not(option)").await, 0, "English texts on an English page need no mark");
    browser.quit().await;
}

#[tokio::test]
async fn the_reader_picks_a_language_and_back_returns_to_the_previous_one() {
    let browser = open_app(PHONE, "?theme=youth").await;
    let picker = browser.testid("language").await;
    thirtyfour::components::SelectElement::new(&picker).await.unwrap().select_by_value("es").await.unwrap();
    expect_count(&browser, "1 evento").await;
    assert_eq!(lang_and_dir(&browser).await, ("es".to_owned(), "ltr".to_owned()));
    let url = browser.url().await;
    assert!(url.contains("lang=es") && url.contains("theme=youth"), "the language joins the view in the URL: {url}");
    // The picker names each language in itself, and shows the current one.
    let chosen = browser
        .script("const s = document.querySelector('[data-testid=language]'); return [s.value, s.options[0].text, s.options[0].lang];")
        .await;
    assert_eq!(chosen, serde_json::json!(["es", "العربية", "ar"]));
    browser.driver.back().await.unwrap();
    expect_count(&browser, "1 event").await;
    assert_eq!(lang_and_dir(&browser).await, ("en".to_owned(), "ltr".to_owned()));
    browser.quit().await;
}
