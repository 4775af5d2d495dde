//! The build-time prerender (feature `prerender`): the first screen rendered natively from
//! the app's components, its head, its manifest, and the organisers' refresh command.
//! `scripts/test` runs these with `--features prerender`.
#![cfg(feature = "prerender")]

use std::path::{Path, PathBuf};
use std::process::Command;

use programme_browser::domain::i18n::Lang;
use programme_browser::prerender::{prerender, write_into};

const SOURCE_INDEX: &str = include_str!("../index.html");

fn bundled() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/programme.json")).expect("bundled programme")
}

fn english(text: &str) -> programme_browser::prerender::Prerendered {
    prerender(text, |_| Lang::En).expect("prerenders")
}

#[test]
fn the_first_screen_has_every_event_of_the_first_page_with_its_facts() {
    let page = english(&bundled());
    assert_eq!(page.event_count, 10);
    let body = &page.body;
    for part in [
        "data-testid=\"result-count\"",
        "10 events",
        "April 2012",
        "Migration and sustainable development",
        "United Nations Headquarters, New York",
        "Fostering entrepreneurship and investment in migrant communities",
        "data-event-id=\"lphm-2013-11-entrepreneurship\"",
        "<summary>About this event</summary><p>Given with IOM.</p>",
        "data-testid=\"boot-noscript\"",
    ] {
        assert!(body.contains(part), "`{part}` missing");
    }
    assert_eq!(body.matches("data-testid=\"event-card\"").count(), 10);
    // The programme's SHA-256, as `sha256sum` prints it.
    assert_eq!(page.programme_sha256.len(), 64);
    assert!(body.contains(&format!("data-programme-sha256=\"{}\"", page.programme_sha256)));
    assert_ne!(page.programme_sha256, english(&bundled().replace("Given with IOM.", "Given with IOM!")).programme_sha256);
}

#[test]
fn only_the_first_page_is_rendered_for_a_big_programme() {
    let big = serde_json::to_string(&programme_browser::domain::synthetic::synthetic_programme(1000, 7)).unwrap();
    let page = english(&big);
    assert_eq!(page.event_count, 1000);
    assert_eq!(page.body.matches("data-testid=\"event-card\"").count(), 30);
    assert!(page.body.contains("1000 events") || page.body.contains("1,000 events"));
    assert!(page.body.contains("data-testid=\"show-more\""));
}

#[test]
fn writing_it_again_replaces_what_was_written_before() {
    let first = write_into(SOURCE_INDEX, &english(&bundled())).expect("placeholder found");
    let again = write_into(&first, &english(&bundled())).expect("markers found");
    assert_eq!(first, again);
    let updated = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/programme-updated.json")).unwrap();
    let refreshed = write_into(&first, &english(&updated)).expect("markers found");
    assert!(!refreshed.contains("ms-2012-08-rio-20") && first.contains("ms-2012-08-rio-20"));
    for marker in ["<!--prerender:body-->", "<!--prerender:head-->", "<title>"] {
        assert_eq!(refreshed.matches(marker).count(), 1, "{marker}");
    }
    assert!(write_into("<html><head></head><body></body></html>", &english(&bundled())).is_err(), "no placeholder: refused");
}

#[test]
fn hostile_programme_text_is_escaped_everywhere() {
    let hostile = r#"{"schema_version":"1.1","programme":{"id":"p","title":"</title><script>alert(1)</script>",
        "description":"\"><img src=x onerror=alert(2)>","time_zone":"UTC"},
      "events":[{"id":"e","title":"</script><script>alert(3)</script>","summary":"<b>bold</b>","when":{"start":"2026-01"}}]}"#;
    let page = english(hostile);
    let index = write_into(SOURCE_INDEX, &page).expect("written");
    for attack in ["<script>alert(", "<img src=x", "<b>bold</b>"] {
        assert!(!index.contains(attack), "`{attack}` got through");
    }
    assert!(index.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The JSON-LD still carries the text, escaped for a script element.
    let start = index.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let end = start + index[start..].find("</script>").unwrap();
    let json: serde_json::Value = serde_json::from_str(&index[start..end]).expect("JSON-LD parses");
    assert_eq!(json["@graph"][0]["name"], "</script><script>alert(3)</script>");
}

#[test]
fn a_broken_programme_is_refused_with_where() {
    let error = prerender("{\n  \"schema_version\": \"1.1\",\n  oops\n}", |_| Lang::En).err().expect("refused");
    assert!(error.to_string().contains("line 3"), "{error}");
}

#[test]
fn the_manifest_is_relative_and_named_after_the_programme() {
    let manifest: serde_json::Value = serde_json::from_str(&english(&bundled()).manifest).expect("JSON");
    assert_eq!(manifest["start_url"], "./");
    assert_eq!(manifest["scope"], "./");
    assert_eq!(manifest["short_name"], "UNITAR migration training");
    assert!(manifest["name"].as_str().unwrap().contains("Learning Platform on Human Mobility"));
    let icons = manifest["icons"].as_array().unwrap();
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        let path = if src == "favicon.svg" { PathBuf::from("public/favicon.svg") } else { Path::new("public").join(src) };
        assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(&path).is_file(), "{src} is shipped");
    }
    assert!(icons.iter().any(|icon| icon["purpose"] == "maskable"));
}

/// A fresh folder like a first build's dist/: the source index.html and the bundled programme.
fn built_dist(name: &str) -> PathBuf {
    let dist = std::env::temp_dir().join(format!("pb-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), SOURCE_INDEX).unwrap();
    std::fs::write(dist.join("programme.json"), bundled()).unwrap();
    dist
}

/// Runs the prerender command.
fn run(args: &[&Path]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prerender")).args(args).output().expect("runs")
}

#[test]
fn the_refresh_command_updates_a_built_dist_and_changes_nothing_on_a_bad_file() {
    let dist = built_dist("refresh");

    let out = run(&[&dist]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let built = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(built.contains("ms-2012-08-rio-20") && dist.join("manifest.webmanifest").is_file());

    // A new programme given as a second argument is checked, copied in and prerendered.
    let updated = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/programme-updated.json");
    let out = run(&[&dist, &updated]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(dist.join("programme.json")).unwrap(), std::fs::read(&updated).unwrap());
    let refreshed = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(!refreshed.contains("ms-2012-08-rio-20"));

    // A file that cannot be loaded: exit 2, a message with the line, nothing changed.
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken-syntax.json");
    let out = run(&[&dist, &broken]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("line") && message.contains("nothing was changed"), "{message}");
    assert_eq!(std::fs::read_to_string(dist.join("index.html")).unwrap(), refreshed);
    assert_eq!(std::fs::read(dist.join("programme.json")).unwrap(), std::fs::read(&updated).unwrap());
    let _ = std::fs::remove_dir_all(&dist);
}

#[test]
fn the_organiser_command_publishes_a_spreadsheet_or_a_schedule_into_a_built_dist() {
    let dist = built_dist("publish");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));

    // A pretalx export: converted, checked, written in with its first screen and feeds.
    let out = run(&[&dist, &root.join("tests/fixtures/frab/pretalx-rc3.json")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let programme: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dist.join("programme.json")).unwrap()).unwrap();
    assert_eq!(programme["programme"]["id"], "rc3-channels-2020");
    assert_eq!(programme["events"].as_array().unwrap().len(), 48);
    let page = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(page.contains("rC3 Channels"), "the first screen is the new programme's");
    assert!(std::fs::read_to_string(dist.join("programme.ics")).unwrap().matches("BEGIN:VEVENT").count() == 48);

    // The spreadsheet template's folder, with one planted mistake: listed by row and column,
    // that event left out, the rest published.
    let sheets = dist.join("sheets");
    std::fs::create_dir_all(&sheets).unwrap();
    for entry in std::fs::read_dir(root.join("docs/spreadsheet-template")).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.ends_with("events.csv") {
            text = text.replacen(",2012-06,", ",2012-13,", 1);
        }
        std::fs::write(sheets.join(path.file_name().unwrap()), text).unwrap();
    }
    let out = run(&[&dist, &sheets]);
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{report}");
    assert!(report.contains("events.csv, row 3, column E (start): "), "{report}");
    let programme: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dist.join("programme.json")).unwrap()).unwrap();
    assert_eq!(programme["programme"]["id"], "unitar-migration-2012-2013");
    assert_eq!(programme["events"].as_array().unwrap().len(), 9, "the event with the bad month is left out");
    let _ = std::fs::remove_dir_all(&dist);
}
