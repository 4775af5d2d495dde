//! Who speaks: an event's people, with their roles, affiliations and biographies, on its page
//! in the reader's language (Arabic right to left), found by name in the search, and usable
//! at 320 px by keyboard.

use crate::browser::{eventually, Browser, NARROWEST, PHONE};
use crate::{expect_count, open_app};

const PEOPLE: &str = "?programme=fixtures/people.json";

async fn people_on_the_page(browser: &Browser) -> Vec<String> {
    eventually("the event's people", || async { browser.count("[data-testid=event-person]").await > 0 }).await;
    let texts = browser
        .script("return [...document.querySelectorAll('[data-testid=event-person]')].map(li => li.innerText.replace(/\\s+/g, ' ').trim());")
        .await;
    serde_json::from_value(texts).unwrap()
}

#[tokio::test]
async fn an_events_people_are_on_its_page_with_their_roles_and_biographies() {
    let browser = open_app(NARROWEST, &format!("{PEOPLE}&event=panel")).await;
    assert_eq!(
        people_on_the_page(&browser).await,
        [
            "Amina Diallo, Speaker, International Organization for Migration Works on labour migration in West Africa.",
            "Jonas Peeters, Moderator, City of Antwerp",
            "Li Wei, Chair, UNITAR",
        ]
    );
    assert_eq!(browser.script("return document.querySelector('#people-title').textContent;").await, "People");
    // Each name leads to the person's page in the app.
    let links =
        browser.script("return [...document.querySelectorAll('[data-testid=event-person] a')].map(a => a.getAttribute('href'));").await;
    let links: Vec<String> = serde_json::from_value(links).unwrap();
    assert_eq!(links.len(), 3);
    for (link, id) in links.iter().zip(["amina-diallo", "jonas-peeters", "li-wei"]) {
        assert!(link.ends_with(&format!("person={id}")), "{link}");
    }
    let widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];").await;
    assert!(widths[0].as_i64() <= widths[1].as_i64(), "no horizontal scrolling at 320 px: {widths}");
    // By keyboard: the person's link takes the focus in reading order.
    browser.script("document.querySelector('[data-testid=event-people]').previousElementSibling.setAttribute('tabindex', '-1');").await;
    browser.script("document.querySelector('#people-title').focus();").await;
    browser.press(thirtyfour::Key::Tab).await;
    let focused = browser.script("return document.activeElement.getAttribute('href');").await;
    assert!(focused.as_str().unwrap().ends_with("person=amina-diallo"), "{focused}");
    // Its documents: symbol and title, the language when given, each a link.
    let documents = browser
        .script("const dd = [...document.querySelectorAll('.fields dt')].find(dt => dt.textContent === 'Documents').nextElementSibling; return [...dd.querySelectorAll('a')].map(a => a.textContent);")
        .await;
    assert_eq!(
        documents,
        serde_json::json!([
            "A/RES/70/1 Transforming our world: the 2030 Agenda for Sustainable Development",
            "Agenda (French) (fr)",
            "https://example.org/annex.pdf"
        ])
    );
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    // The event with a person unknown to the programme and a role nobody knows is shown.
    browser.goto(&crate::server().app_url(&format!("{PEOPLE}&event=training"))).await;
    browser.wait_for_app().await;
    assert_eq!(
        people_on_the_page(&browser).await,
        [
            "Jonas Peeters, Trainer, City of Antwerp",
            "Amina Diallo, International Organization for Migration Works on labour migration in West Africa."
        ]
    );
    browser.quit().await;
}

#[tokio::test]
async fn in_arabic_the_roles_and_the_affiliation_are_arabic_and_the_names_keep_their_language() {
    let browser = open_app(PHONE, &format!("{PEOPLE}&event=panel&lang=ar")).await;
    let people = people_on_the_page(&browser).await;
    assert!(people[0].starts_with("Amina Diallo، متحدث، المنظمة الدولية للهجرة"), "{people:?}");
    assert_eq!(browser.script("return document.querySelector('#people-title').textContent;").await, "المشاركون");
    assert_eq!(browser.script("return document.documentElement.dir;").await, "rtl");
    let documents = browser
        .script("const dd = [...document.querySelectorAll('.fields dt')].find(dt => dt.textContent === 'الوثائق').nextElementSibling; return dd.querySelector('a').textContent;")
        .await;
    assert_eq!(documents, "A/RES/70/1 تحويل عالمنا: خطة التنمية المستدامة لعام 2030");
    // The name and the English biography are marked English for screen readers.
    let langs = browser
        .script("const li = document.querySelector('[data-testid=event-person]'); return [li.querySelector('.person-name').lang, li.querySelector('.person-bio').lang];")
        .await;
    assert_eq!(langs, serde_json::json!(["en", "en"]));
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.quit().await;
}

#[tokio::test]
async fn a_search_by_a_persons_name_finds_their_events() {
    let browser = open_app(PHONE, PEOPLE).await;
    expect_count(&browser, "3 events").await;
    browser.testid("search").await.send_keys("peeters").await.unwrap();
    expect_count(&browser, "2 events").await;
    assert_eq!(browser.card_ids().await, ["panel", "training"]);
    // The cards name their people.
    let lines = browser.script("return [...document.querySelectorAll('[data-testid=event-people-line]')].map(p => p.textContent);").await;
    assert_eq!(lines, serde_json::json!(["Amina Diallo, Jonas Peeters, Li Wei", "Jonas Peeters, Amina Diallo"]));
    browser.quit().await;
}

#[tokio::test]
async fn a_persons_page_says_who_they_are_above_their_events() {
    let browser = open_app(PHONE, &format!("{PEOPLE}&event=panel")).await;
    people_on_the_page(&browser).await;
    browser.find("[data-testid=event-person] a").await.click().await.unwrap();
    eventually("Amina Diallo's page", || async { browser.count("[data-testid=person-profile]").await == 1 }).await;
    let profile = browser.text_of("person-profile").await;
    assert!(profile.starts_with("Amina Diallo\nInternational Organization for Migration\nWorks on labour migration"), "{profile}");
    assert!(profile.contains("https://example.org/people/amina-diallo"), "their own link: {profile}");
    expect_count(&browser, "2 events").await;
    assert_eq!(browser.card_ids().await, ["panel", "training"], "every event of hers, the one with an unknown role too");
    assert!(browser.url().await.ends_with("person=amina-diallo"));
    // A facet of its own: the person is chosen there, and the chip takes her away.
    assert!(browser.script("return document.querySelector('[data-testid=option-person-amina-diallo]').checked;").await.as_bool().unwrap());
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.testid("chip-person-amina-diallo").await.click().await.unwrap();
    expect_count(&browser, "3 events").await;
    assert_eq!(browser.count("[data-testid=person-profile]").await, 0);
    browser.quit().await;
}
