//! Broken and hostile programme files never panic the reader: they load (with problems) or
//! fail with a `LoadError`. Deterministic mutations of the bundled programme plus hand-made
//! nasty cases (deep nesting, huge strings, wrong types everywhere, odd characters).

use programme_browser::domain::programme::{parse_programme, LoadError};
// Deterministic, so a failure is reproducible from its iteration number.
use programme_browser::domain::synthetic::Random;

const PIECES: [&str; 16] = ["\"", "{", "}", "[", "]", ",", ":", "null", "1e999", "-0", "é", "ٱ", "😀", "\u{0}", "\\u0000", "\"2012-0é\""];

#[test]
fn thousands_of_mutations_of_the_bundled_programme_never_panic() {
    let original: Vec<char> =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/programme.json")).unwrap().chars().collect();
    let mut rng = Random(0x5eed);
    let (mut loaded, mut refused) = (0, 0);
    for iteration in 0..3000 {
        let mut text = original.clone();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(text.len());
            match rng.below(4) {
                0 => {
                    let end = (at + 1 + rng.below(40)).min(text.len());
                    text.drain(at..end);
                }
                1 => {
                    let piece = PIECES[rng.below(PIECES.len())];
                    text.splice(at..at, piece.chars());
                }
                2 => {
                    let end = (at + 1 + rng.below(80)).min(text.len());
                    let copy: Vec<char> = text[at..end].to_vec();
                    let to = rng.below(text.len());
                    text.splice(to..to, copy);
                }
                _ => {
                    if let Some(c) = text.get_mut(at) {
                        *c = char::from_u32(32 + rng.below(0x3000) as u32).unwrap_or('x');
                    }
                }
            }
        }
        let text: String = text.into_iter().collect();
        match std::panic::catch_unwind(|| parse_programme(&text)) {
            Ok(Ok(_)) => loaded += 1,
            Ok(Err(_)) => refused += 1,
            Err(_) => panic!("iteration {iteration} panicked on:\n{text}"),
        }
    }
    // Both outcomes happen: the mutations are neither all harmless nor all fatal.
    assert!(loaded > 100 && refused > 100, "loaded {loaded}, refused {refused}");
}

#[test]
fn hand_made_hostile_files_are_refused_or_reported() {
    let deep = format!("{{\"schema_version\":\"1.0\",\"x\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(parse_programme(&deep), Err(LoadError::Syntax { .. })), "deep nesting");

    let huge_title =
        format!(r#"{{"schema_version":"1.0","programme":{{"id":"p","title":"{}","time_zone":"UTC"}},"events":[]}}"#, "A".repeat(5_000_000));
    assert!(parse_programme(&huge_title).is_ok());

    let cases = [
        r#"[]"#,
        r#""programme""#,
        r#"{"schema_version": 1}"#,
        r#"{"schema_version": "1.0", "programme": [], "events": []}"#,
        r#"{"schema_version": "1.0", "programme": {"id": 5, "title": "x", "time_zone": "UTC"}, "events": []}"#,
        r#"{"schema_version": "1.0", "programme": {"id": "p", "title": {"en": 5}, "time_zone": "UTC"}, "events": []}"#,
        r#"{"schema_version": "1.0", "programme": {"id": "p", "title": "P", "time_zone": "UTC"}, "events": [1, "x", null, [], {"id": {}}]}"#,
        r#"{"schema_version": "1.0", "programme": {"id": "p", "title": "P", "time_zone": "UTC"}, "events": [{"id": "a", "title": "A", "when": {"start": "2012-06", "end": "1999-01"}, "links": [{"url": "javascript:alert(1)"}, {"url": "data:text/html,x"}]}]}"#,
        r#"{"schema_version": "1.0", "programme": {"id": "p", "title": "P", "time_zone": "UTC"}, "events": [{"id": "<img src=x onerror=alert(1)>", "title": "<script>alert(1)</script>", "when": {"start": "2012-06"}}]}"#,
        r#"{"schema_version": "99.0", "programme": {}, "events": []}"#,
        "\u{feff}{\"schema_version\": \"1.0\", \"programme\": {\"id\": \"p\", \"title\": \"P\", \"time_zone\": \"UTC\"}, \"events\": []}",
    ];
    for text in cases {
        match parse_programme(text) {
            Ok((programme, problems)) => {
                // What loads is valid: every event that survived has a usable id.
                assert!(programme.events.iter().all(|e| !e.id.is_empty() && !e.id.contains('<')), "{text}");
                let _ = problems;
            }
            Err(err) => assert!(!err.to_string().is_empty(), "{text}"),
        }
    }
}

/// A small file must not make a large amount of work: 2,000 events each claiming to span ten
/// thousand years (~140 KB) once needed one entry per month each, gigabytes in all. Each is now
/// reported and skipped.
#[test]
fn events_spanning_millennia_are_reported_not_expanded() {
    let events: Vec<String> =
        (0..2000).map(|i| format!(r#"{{"id":"e{i}","title":"E","when":{{"start":"0000-01","end":"9999-12"}}}}"#)).collect();
    let text =
        format!(r#"{{"schema_version":"1.1","programme":{{"id":"p","title":"P","time_zone":"UTC"}},"events":[{}]}}"#, events.join(","));
    assert!(text.len() < 150_000, "{} bytes", text.len());
    let (programme, problems) = parse_programme(&text).expect("loads");
    assert!(programme.events.is_empty());
    assert_eq!(problems.len(), 2000);
    assert!(problems[0].to_string().contains("events[0].when") && problems[0].message.contains("at most 120"), "{}", problems[0]);
}

/// Labels of themes, partners and series are indexed once, not copied into every event: 200
/// themes with 10 KB labels, each named by 2,000 events (a ~4 MB file), once meant 4 GB of
/// search text. Search still finds events by those labels.
#[test]
fn long_labels_named_by_every_event_are_not_copied_into_each() {
    let themes: Vec<String> = (0..200).map(|i| format!(r#"{{"id":"t{i}","label":"label{i} {}"}}"#, "x".repeat(10_000))).collect();
    let theme_ids: Vec<String> = (0..200).map(|i| format!(r#""t{i}""#)).collect();
    let events: Vec<String> = (0..2000)
        .map(|i| {
            let title = if i == 42 { "Zanzibar".to_owned() } else { format!("Event {i}") };
            format!(r#"{{"id":"e{i}","title":"{title}","when":{{"start":"2012-06"}},"themes":[{}]}}"#, theme_ids.join(","))
        })
        .collect();
    let text = format!(
        r#"{{"schema_version":"1.0","programme":{{"id":"p","title":"P","time_zone":"UTC"}},"themes":[{}],"events":[{}]}}"#,
        themes.join(","),
        events.join(",")
    );
    let (programme, problems) = parse_programme(&text).expect("loads");
    assert!(problems.is_empty(), "{:?}", problems.first());
    let search_bytes: usize = (0..programme.events.len()).map(|i| programme.search_text(i).as_str().len()).sum();
    assert!(search_bytes < 100_000, "{search_bytes} bytes of search text");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let found = |text: &str| {
        let filter = programme_browser::domain::filter::Filter { text: text.into(), ..Default::default() };
        programme_browser::domain::filter::apply(&programme, &filter, today).matching.len()
    };
    assert_eq!(found("label199"), 2000, "a theme's label finds its events");
    assert_eq!(found("LABEL199 zanzibar"), 1, "every word must match, in the event or its themes");
    assert_eq!(found("label200"), 0);
}

/// The lists of format 1.3 are bounded: an event naming 100,000 people (each in the programme)
/// or a venue with 100,000 rooms keeps the first `MAX_PER_ITEM` and says so once (checking each
/// entry against the others is quadratic: uncut, such a file of 9 MB would take hours).
#[test]
fn an_event_with_a_hundred_thousand_people_and_a_venue_with_as_many_rooms_are_cut_and_said() {
    use programme_browser::domain::programme::MAX_PER_ITEM;
    let n = 100_000;
    let people: Vec<String> = (0..n).map(|i| format!(r#"{{"id":"p{i}","name":"P{i}"}}"#)).collect();
    let refs: Vec<String> = (0..n).map(|i| format!(r#"{{"id":"p{i}"}}"#)).collect();
    let rooms: Vec<String> = (0..n).map(|i| format!(r#"{{"id":"r{i}","name":"R{i}"}}"#)).collect();
    let languages: Vec<String> = (0..n).map(|i| format!(r#""en-{i}""#)).collect();
    let text = format!(
        r#"{{"schema_version":"1.3","programme":{{"id":"p","title":"P","time_zone":"UTC"}},"people":[{}],"venues":[{{"id":"v","name":"V","rooms":[{}]}}],"events":[{{"id":"e","title":"E","when":{{"start":"2026-06"}},"people":[{}],"venue":"v","room":"r99999","languages":[{}]}}]}}"#,
        people.join(","),
        rooms.join(","),
        refs.join(","),
        languages.join(",")
    );
    let (programme, problems) = parse_programme(&text).expect("loads");
    let problems: Vec<String> = problems.iter().map(|problem| format!("{}: {}", problem.path, problem.message)).collect();
    assert_eq!(programme.events.len(), 1, "the event is kept: {problems:?}");
    let event = &programme.events[0];
    assert_eq!(event.people.len(), MAX_PER_ITEM);
    assert_eq!(event.languages.len(), MAX_PER_ITEM);
    assert_eq!(programme.venues[0].rooms.len(), MAX_PER_ITEM);
    assert_eq!(
        problems,
        [
            format!("venues[0].rooms: lists {n} entries: the first {MAX_PER_ITEM} are kept, the rest left out"),
            format!("events[0].people: lists {n} entries: the first {MAX_PER_ITEM} are kept, the rest left out"),
            "events[0].room: venue `v` has no room `r99999`: left out".to_owned(),
            format!("events[0].languages: lists {n} entries: the first {MAX_PER_ITEM} are kept, the rest left out"),
        ]
    );
}
