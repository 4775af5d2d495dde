//! The programme file end to end on the native side: the bundled programme is valid and
//! faithful to the seed document, broken files are reported with what and where.

use programme_browser::domain::filter::{apply, Filter};
use programme_browser::domain::programme::{parse_programme, skipped_event_count, LoadError, Mode};
use programme_browser::domain::when::YearMonth;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("read file")
}

fn months(programme: &programme_browser::domain::programme::Programme, series: &str) -> Vec<String> {
    let index = programme.series_index(series).expect("series");
    programme.events.iter().filter(|e| e.series == Some(index)).map(|e| e.when.start_month().to_string()).collect()
}

#[test]
fn bundled_programme_has_no_problems_and_keeps_the_seed_facts() {
    let (programme, problems) = parse_programme(&read("public/programme.json")).expect("loads");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(programme.events.len(), 10);
    // Migration Series 2012: seven seminars, April; June; August twice; September; December twice.
    assert_eq!(months(&programme, "migration-series-2012"), ["2012-04", "2012-06", "2012-08", "2012-08", "2012-09", "2012-12", "2012-12"]);
    // LPHM 2013: May, October, November.
    assert_eq!(months(&programme, "lphm-2013"), ["2013-05", "2013-10", "2013-11"]);
    // IOM is the partner of the June seminar on international migration law, and only that.
    let mut filter = Filter::default();
    filter.partners.insert("iom".into());
    let result = apply(&programme, &filter, chrono::NaiveDate::MIN);
    let iom: Vec<&str> = result.matching.iter().map(|&i| programme.events[i].id.as_str()).collect();
    assert_eq!(iom, ["ms-2012-06-migration-law"]);
    // Places and modes: New York in person; Antwerp face-to-face and online.
    for event in &programme.events {
        let city = event.location.as_ref().and_then(|l| l.city.as_ref()).map(|c| c.get("en").to_owned());
        if event.id.starts_with("ms-") {
            assert_eq!(city.as_deref(), Some("New York"), "{}", event.id);
            assert_eq!(event.mode, Some(Mode::InPerson));
        } else {
            assert_eq!(city.as_deref(), Some("Antwerp"), "{}", event.id);
            assert_eq!(event.mode, Some(Mode::Hybrid));
        }
        // The source gives months only: nothing more precise may appear.
        assert!(matches!(event.when, programme_browser::domain::when::When::Months { .. }), "{}", event.id);
    }
    // The debates prepared for: the HLD in October 2013 and the annual GFMD.
    let hld = programme.debates.iter().find(|d| d.id == "hld-2013").expect("HLD");
    assert_eq!(hld.when.as_ref().map(|w| w.start_month()), YearMonth::new(2013, 10));
    assert!(programme.debates.iter().any(|d| d.id == "gfmd" && d.when.is_none()));
    // Partners and networks the document names.
    for id in ["iom", "city-of-antwerp", "flanders-government", "cifal-network", "ec-un-jmdi", "metropolis", "cities-of-migration", "gfmd"]
    {
        assert!(programme.partner_index(id).is_some(), "{id}");
    }
}

#[test]
fn five_planted_mistakes_give_five_located_problems() {
    let (programme, problems) = parse_programme(&read("tests/fixtures/five-mistakes.json")).expect("loads");
    let located: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
    assert_eq!(located, ["themes[1].id", "partners[0].url", "events[1].when", "events[2].themes[1]", "events[3].id"], "{problems:#?}");
    assert_eq!(programme.events.len(), 1);
    assert_eq!(skipped_event_count(&problems), 3);
}

#[test]
fn an_event_kept_with_a_value_ignored_is_not_counted_as_skipped() {
    let mut file: serde_json::Value = serde_json::from_str(&read("public/programme.json")).unwrap();
    file["events"][0]["updated"] = "yesterday".into();
    let (programme, problems) = parse_programme(&file.to_string()).expect("loads");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].path == "events[0].updated" && problems[0].kept);
    assert_eq!(programme.events.len(), 10, "the event is shown");
    assert_eq!(skipped_event_count(&problems), 0, "and not said to be left out");
}

#[test]
fn files_that_cannot_load_say_what_and_where() {
    type Expectation = fn(&LoadError) -> bool;
    let cases: [(&str, Expectation); 9] = [
        ("", |e| *e == LoadError::Empty),
        ("  \n ", |e| *e == LoadError::Empty),
        ("<!DOCTYPE html><html>Not found</html>", |e| *e == LoadError::Html),
        ("{\n  \"schema_version\": \"1.0\",\n  \"events\": [,]\n}", |e| matches!(e, LoadError::Syntax { line: 3, column: 14, .. })),
        // Leading blank lines and indentation count, as the organiser's editor counts them.
        ("\n\n    {\"schema_version\": \"1.0\" \"events\": []}", |e| matches!(e, LoadError::Syntax { line: 3, column: 30, .. })),
        // A byte order mark is invisible in editors: it is not counted as a column.
        ("\u{feff}{\"schema_version\": \"1.0\",}", |e| matches!(e, LoadError::Syntax { line: 1, column: 26, .. })),
        (r#"{"events": []}"#, |e| *e == LoadError::MissingVersion),
        (r#"{"schema_version": "2.0", "whatever": 1}"#, |e| matches!(e, LoadError::UnsupportedVersion { found } if found == "2.0")),
        (
            "{\"schema_version\": \"1.0\",\n \"programme\": {\"id\": \"x\", \"title\": \"X\", \"time_zone\": \"UTC\"},\n \"events\": {}}",
            |e| matches!(e, LoadError::Structure { path, line: Some(3), .. } if path == "events"),
        ),
    ];
    for (text, expected) in cases {
        let err = parse_programme(text).expect_err(text);
        assert!(expected(&err), "{text:?} gave {err:?}");
    }
}

#[test]
fn unknown_fields_are_ignored_for_forward_compatibility() {
    let text = r#"{"schema_version": "1.4", "future": {"x": 1},
        "programme": {"id": "p", "title": "P", "time_zone": "UTC", "new_field": true},
        "events": [{"id": "e", "title": "E", "when": {"start": "2013-05"}, "colour": "red"}]}"#;
    let (programme, problems) = parse_programme(text).expect("loads");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(programme.events.len(), 1);
}

#[test]
fn texts_in_another_language_than_the_readers_are_marked_with_it() {
    let (bundled, _) =
        parse_programme(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/programme.json")).unwrap()).unwrap();
    let title = &bundled.meta.title;
    assert_eq!(bundled.part_language(title, "ar"), Some("en"));
    assert_eq!(bundled.part_language(title, "en"), None);
    assert_eq!(bundled.part_language(title, "en-GB"), None);

    let file = |language: &str, title: &str| {
        format!(r#"{{"schema_version":"1.1","programme":{{"id":"p","title":{title},"time_zone":"UTC"{language}}},"events":[]}}"#)
    };
    let (unknown, _) = parse_programme(&file("", r#""Plain""#)).unwrap();
    assert_eq!(unknown.part_language(&unknown.meta.title, "fr"), None, "a plain string of unknown language is not guessed");
    let (french, _) = parse_programme(&file(r#","language":"FR""#, r#""Programme""#)).unwrap();
    assert_eq!(french.part_language(&french.meta.title, "en"), Some("fr"));
    let (both, _) = parse_programme(&file(r#","language":"en""#, r#"{"en":"Law","fr":"Droit"}"#)).unwrap();
    assert_eq!(both.part_language(&both.meta.title, "fr"), None, "the reader's own language needs no mark");

    let (_, problems) = parse_programme(&file(r#","language":"English""#, r#""P""#)).unwrap();
    assert_eq!(problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["programme.language"]);
}

#[test]
fn a_problem_deep_in_an_event_names_its_whole_path_and_line() {
    // Paths are put together only when a problem is found: each level must still
    // be in them, as organisers look a problem up by its path.
    let text = r#"{
  "schema_version": "1.0",
  "programme": { "id": "deep", "title": "Deep paths", "time_zone": "Europe/Brussels", "url": "ftp://example.org" },
  "series": [ { "id": "s", "title": "Series", "organisers": ["nobody"] } ],
  "events": [
    { "id": "a", "title": "A", "when": { "start": "2013-05" }, "location": { "name": "Hall", "country": "be" } },
    { "id": "b", "title": "B", "when": { "start": "2013-05" },
      "links": [ { "url": "https://example.org" }, { "url": "https://example.org", "label": "" } ] },
    { "id": "c", "title": "C", "when": { "start": "2013-05" }, "series": "no-such-series", "languages": ["en", "??"] }
  ]
}"#;
    let (_, problems) = parse_programme(text).expect("loads");
    let found: Vec<(&str, Option<usize>)> = problems.iter().map(|p| (p.path.as_str(), p.line)).collect();
    for expected in [
        ("programme.url", Some(3)),
        ("series[0].organisers[0]", Some(4)),
        ("events[0].location.country", Some(6)),
        ("events[1].links[1].label", Some(8)),
        ("events[2].series", Some(9)),
        ("events[2].languages[1]", Some(9)),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}
