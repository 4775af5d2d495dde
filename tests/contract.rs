//! The page's own scripts (`public/boot.js`, `public/sw.js`) hold no app logic, but a few lists
//! they share with the app: the six languages, the campaign tags a link may carry, the folders
//! of the static view pages. Each is checked here equal to the Rust one it copies
//! (docs/ARCHITECTURE.md, "The contract between the page's scripts and the app").

use programme_browser::domain::address::{facet_folder, EVENTS_FOLDER};
use programme_browser::domain::filter::Facet;
use programme_browser::domain::i18n::Lang;
use programme_browser::domain::query::{CAMPAIGN_PREFIX, CAMPAIGN_TAGS};

fn script(name: &str) -> String {
    std::fs::read_to_string(format!("{}/public/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn quoted_list(tags: impl Iterator<Item = &'static str>) -> String {
    format!("[{}]", tags.map(|tag| format!("'{tag}'")).collect::<Vec<_>>().join(", "))
}

#[test]
fn the_boot_script_skips_the_campaign_tags_the_app_skips() {
    let rule = format!("/^{CAMPAIGN_PREFIX}|{}/", CAMPAIGN_TAGS.map(|tag| format!("^{tag}$")).join("|"));
    assert!(script("boot.js").contains(&format!("{rule}.test(key)")), "boot.js should test keys with {rule}");
}

#[test]
fn the_service_worker_knows_the_languages_and_the_view_pages() {
    let sw = script("sw.js");
    let all = quoted_list(Lang::ALL.into_iter().map(Lang::tag));
    let files = quoted_list(Lang::ALL.into_iter().filter(|lang| *lang != Lang::En).map(Lang::tag));
    assert!(sw.contains(&format!("const LANGUAGE_HOMES = {all}")), "LANGUAGE_HOMES should be {all}");
    assert!(sw.contains(&format!("const LANGUAGE_FILES = {files}")), "LANGUAGE_FILES should be {files}");
    let folders = std::iter::once(EVENTS_FOLDER).chain(Facet::ALL.map(facet_folder)).collect::<Vec<_>>().join("|");
    assert!(sw.contains(&format!("\\/({folders})\\/")), "VIEW_PAGE should name the folders {folders}");
}
