//! The organiser's page (`organiser/`): a broken spreadsheet shows its problems by row
//! and column, a good one a preview of the delegates' first screen, and the downloaded
//! `programme.json` is what the delegates' app then loads. Under the strict policy, with axe.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::browser::{eventually, Browser, DESKTOP, NARROWEST};

#[path = "../support/excel.rs"]
mod excel;
#[path = "../support/opendocument.rs"]
mod opendocument;
use crate::{dist_dir, fixtures_dir, server, server::StaticServer};

fn organiser_url(server: &StaticServer) -> String {
    server.app_url("organiser/")
}

/// The template's sheets, written into a folder of their own, `events.csv` changed by `edit`.
fn sheets(name: &str, edit: impl Fn(String) -> String) -> Vec<PathBuf> {
    let folder = std::env::temp_dir().join(format!("pb-e2e-sheets-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/spreadsheet-template");
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(template).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.ends_with("events.csv") {
            text = edit(text);
        }
        let copy = folder.join(path.file_name().unwrap());
        std::fs::write(&copy, text).unwrap();
        paths.push(copy);
    }
    paths.sort();
    paths
}

/// Chooses files in the page's file input, as a person would with the file dialog.
async fn choose(browser: &Browser, files: &[PathBuf]) {
    let input = browser.testid("organiser-files").await;
    let list: Vec<String> = files.iter().map(|path| path.display().to_string()).collect();
    input.send_keys(list.join("\n")).await.expect("choose files");
}

async fn status(browser: &Browser) -> String {
    browser.text_of("organiser-status").await
}

#[tokio::test]
async fn a_broken_sheet_shows_its_problems_and_a_good_one_a_preview_and_a_programme_the_app_loads() {
    let browser = Browser::open(DESKTOP).await;
    browser.goto(&organiser_url(server())).await;
    eventually("the page", || async { status(&browser).await.contains("No file checked yet") }).await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "the empty page");

    // Planted mistakes: an unknown theme in the first event, an impossible month in the second.
    let broken = sheets("broken", |text| {
        text.replacen("sustainable-development,,,in_person", "no-such-theme,,,in_person", 1).replacen(",2012-06,", ",2012-13,", 1)
    });
    choose(&browser, &broken).await;
    eventually("the problems", || async { status(&browser).await.contains("2 problems") }).await;
    let problems = browser.text_of("organiser-problems").await;
    assert!(problems.contains("events.csv, row 2, column G (themes): unknown theme id `no-such-theme`"), "{problems}");
    assert!(problems.contains("events.csv, row 3, column E (start): "), "{problems}");
    assert!(status(&browser).await.contains("8 events"), "the two events with problems are left out");
    assert_eq!(browser.count("[data-testid=organiser-preview] [data-testid=event-card]").await, 8);

    // The good sheets: no problems, the preview as delegates see it, and the download.
    let good = sheets("good", |text| text);
    browser.driver.refresh().await.unwrap();
    eventually("the page again", || async { status(&browser).await.contains("No file checked yet") }).await;
    choose(&browser, &good).await;
    eventually("the conversion", || async { status(&browser).await.contains("No problems found") }).await;
    assert!(status(&browser).await.contains("10 events, 14 themes, 9 partners, 2 series"));
    let preview = browser.text_of("organiser-preview").await;
    assert!(preview.contains("Migration and sustainable development") && preview.contains("April 2012"), "{preview}");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "the page with a preview");
    browser.testid("organiser-download").await.click().await.unwrap();
    let downloaded = browser.downloads.join("programme.json");
    eventually("the download", || async {
        downloaded.is_file() && std::fs::metadata(&downloaded).map(|m| m.len() > 1000).unwrap_or(false)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;

    // The delegates' app, published with the downloaded file, shows the programme.
    let published = std::env::temp_dir().join(format!("pb-e2e-published-{}", std::process::id()));
    crate::copy_dir(&dist_dir(), &published);
    std::fs::copy(&downloaded, published.join("programme.json")).unwrap();
    let own = StaticServer::start(published.clone(), fixtures_dir());
    browser.goto(&own.app_url("")).await;
    browser.wait_for_app().await;
    crate::expect_count(&browser, "10 events").await;
    assert_eq!(browser.card_ids().await.first().map(String::as_str), Some("ms-2012-04-sustainable-development"));
    browser.quit().await;
    let _ = std::fs::remove_dir_all(&published);
}

#[tokio::test]
async fn a_pretalx_schedule_converts_on_a_narrow_screen_and_a_stray_file_is_explained() {
    let browser = Browser::open(NARROWEST).await;
    browser.goto(&organiser_url(server())).await;
    eventually("the page", || async { status(&browser).await.contains("No file checked yet") }).await;
    choose(&browser, &[fixtures_dir().join("frab/pretalx-rc3.json")]).await;
    eventually("the schedule", || async { status(&browser).await.contains("48 events") }).await;
    assert!(status(&browser).await.contains(", venues: 1."), "its speakers and its one venue are counted: {}", status(&browser).await);
    assert_eq!(browser.count("[data-testid=organiser-preview] [data-testid=event-card]").await, 30, "the first page of cards");
    let scrolls = browser.script("return document.documentElement.scrollWidth > document.documentElement.clientWidth;").await;
    assert_eq!(scrolls, serde_json::Value::Bool(false), "no horizontal scrolling at 320 px");

    // Files chosen again replace the last ones (the test's file input adds to them: clear it).
    browser.testid("organiser-files").await.clear().await.unwrap();
    choose(&browser, &[fixtures_dir().join("broken-syntax.json")]).await;
    eventually("the refusal", || async { status(&browser).await.contains("This cannot be converted") }).await;
    assert!(status(&browser).await.contains("line"), "the syntax error says where");
    assert_eq!(browser.count("[data-testid=organiser-download]").await, 0, "nothing to download");
    browser.quit().await;
}

#[tokio::test]
async fn the_page_speaks_the_organisers_language_and_keeps_it() {
    let browser = Browser::open(NARROWEST).await;
    browser.goto(&organiser_url(server())).await;
    eventually("the page", || async { status(&browser).await.contains("No file checked yet") }).await;
    browser.find("#organiser-language option[value=fr]").await.click().await.unwrap();
    eventually("French", || async { status(&browser).await.contains("Aucun fichier vérifié") }).await;
    let page = browser.script("return [document.documentElement.lang, document.title, location.search];").await;
    assert_eq!(page, serde_json::json!(["fr", "Vérifier et convertir un programme", "?lang=fr"]));

    browser.find("#organiser-language option[value=ar]").await.click().await.unwrap();
    eventually("Arabic", || async { status(&browser).await.contains("لم يُفحص أي ملف بعد") }).await;
    browser.driver.refresh().await.unwrap();
    eventually("Arabic after a reload", || async { status(&browser).await.contains("لم يُفحص أي ملف بعد") }).await;
    let page = browser.script("return [document.documentElement.lang, document.documentElement.dir, document.documentElement.scrollWidth > document.documentElement.clientWidth];").await;
    assert_eq!(page, serde_json::json!(["ar", "rtl", false]), "right to left, no horizontal scrolling at 320 px");
    choose(&browser, &sheets("arabic", |text| text.replacen(",2012-06,", ",2012-13,", 1))).await;
    eventually("the report in Arabic", || async { status(&browser).await.contains("المشكلات التي عُثر عليها: 1") }).await;
    assert_eq!(browser.axe_violations().await, Vec::<String>::new(), "the page in Arabic");
    browser.quit().await;
}

/// A workbook of two sheets: the programme (its `time_zone`) and events, one typed as a date
/// and time (11 March 2026, 14:00, after New York's clocks changed).
fn workbook_with_times() -> PathBuf {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    excel::add_sheet(&mut workbook, "programme", &excel::PROGRAMME_ROWS);
    let events = excel::add_sheet(&mut workbook, "events", &[&["id", "title", "start"], &["session", "Session"]]);
    let at = ExcelDateTime::from_ymd(2026, 3, 11).unwrap().and_hms(14, 0, 0).unwrap();
    events.write_datetime_with_format(1, 2, at, &Format::new().set_num_format("yyyy-mm-dd hh:mm")).unwrap();
    let path = std::env::temp_dir().join(format!("pb-e2e-week-{}.xlsx", std::process::id()));
    workbook.save(&path).unwrap();
    path
}

#[tokio::test]
async fn a_workbook_dropped_as_it_is_gives_what_its_csv_sheets_give() {
    let browser = Browser::open(DESKTOP).await;
    browser.goto(&organiser_url(server())).await;
    eventually("the page", || async { status(&browser).await.contains("No file checked yet") }).await;
    // The template workbook the page offers is the one checked here.
    let href = browser.testid("template-workbook").await.attr("href").await.unwrap().unwrap_or_default();
    let fetched = browser
        .driver
        .execute_async(&format!("fetch('{href}').then(r => arguments[0](r.status), e => arguments[0](String(e)));"), Vec::new())
        .await
        .unwrap();
    assert_eq!(fetched.json(), &serde_json::json!(200), "{href}");
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/spreadsheet-template.xlsx");
    choose(&browser, &[template]).await;
    eventually("the conversion", || async { status(&browser).await.contains("No problems found") }).await;
    assert!(status(&browser).await.contains("10 events, 14 themes, 9 partners, 2 series"), "{}", status(&browser).await);
    let preview = browser.text_of("organiser-preview").await;
    assert!(preview.contains("Migration and sustainable development") && preview.contains("April 2012"), "{preview}");

    // A date-and-time cell: the venue's local time, placed by the browser's time-zone rules.
    browser.testid("organiser-files").await.clear().await.unwrap();
    choose(&browser, &[workbook_with_times()]).await;
    eventually("the workbook", || async { status(&browser).await.contains("1 event") }).await;
    // How the cell was read is stated, with the zone and what it became.
    let stated = browser.text_of("organiser-local-times").await;
    assert!(
        stated.contains("America/New_York") && stated.contains("row 2, column C: 2026-03-11 14:00 → 2026-03-11T14:00:00-04:00"),
        "{stated}"
    );
    browser.testid("organiser-download").await.click().await.unwrap();
    let downloaded = browser.downloads.join("programme.json");
    eventually("the download", || async { std::fs::read_to_string(&downloaded).is_ok_and(|text| text.contains("\"session\"")) }).await;
    let text = std::fs::read_to_string(&downloaded).unwrap();
    assert!(text.contains("\"2026-03-11T14:00:00-04:00\""), "{text}");
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());

    // The same from an OpenDocument spreadsheet (LibreOffice's own format).
    let ods = std::env::temp_dir().join(format!("pb-e2e-week-{}.ods", std::process::id()));
    std::fs::write(&ods, opendocument::workbook()).unwrap();
    browser.testid("organiser-files").await.clear().await.unwrap();
    choose(&browser, &[ods]).await;
    eventually("the .ods", || async { status(&browser).await.contains("2 events") }).await;
    assert!(status(&browser).await.contains("No problems found"), "{}", status(&browser).await);
    let _ = std::fs::remove_file(&downloaded);
    browser.testid("organiser-download").await.click().await.unwrap();
    eventually("the .ods download", || async { std::fs::read_to_string(&downloaded).is_ok_and(|text| text.contains("\"opening\"")) }).await;
    let text = std::fs::read_to_string(&downloaded).unwrap();
    assert!(text.contains("\"2026-03-09\"") && text.contains("\"2026-03-11T14:00:00-04:00\""), "{text}");

    // A workbook LibreOffice saved: its hidden sheet and merged cell are reported at their place.
    let saved = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks/week-libreoffice.ods");
    browser.testid("organiser-files").await.clear().await.unwrap();
    choose(&browser, &[saved]).await;
    eventually("LibreOffice's .ods", || async { status(&browser).await.contains("5 events") }).await;
    let problems = browser.text_of("organiser-problems").await;
    assert!(problems.contains("week-libreoffice.ods › old events: is a hidden sheet"), "{problems}");
    assert!(problems.contains("week-libreoffice.ods › events, row 5: cells merged from E5"), "{problems}");
    browser.quit().await;
}
