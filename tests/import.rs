//! Organisers' imports: spreadsheets (one CSV per sheet) and frab / pretalx schedules,
//! converted and checked by the app's own parser, every problem placed in the organiser's file.

use chrono::DateTime;
use programme_browser::domain::import::{convert, import_schedule, import_sheets, write_sheets, Input, Place, Sheet};
use programme_browser::domain::programme::raw::RawProgramme;
use programme_browser::domain::text::RawText;
use serde_json::Value;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|err| panic!("{path}: {err}"))
}

fn raw(path: &str) -> RawProgramme {
    serde_json::from_str(&read(path)).expect("a well-formed programme")
}

fn sheet(file: &str, text: &str) -> Sheet {
    Sheet { file: file.into(), text: text.into() }
}

#[test]
fn the_seed_programme_goes_to_the_spreadsheet_and_back_unchanged() {
    for path in ["public/programme.json", "tests/fixtures/timed.json", "tests/fixtures/programme-updated.json"] {
        let original = raw(path);
        let sheets = write_sheets(&original);
        let (back, problems, _) = import_sheets(&sheets);
        assert_eq!(problems, vec![], "{path}");
        assert_eq!(back, original, "{path}: the round trip changed the programme");
        let converted = convert(Input::Sheets(sheets)).expect("converts");
        assert!(converted.problems.is_empty(), "{path}: {:?}", converted.problems);
        assert_eq!(converted.programme.events.len(), original.events.len());
    }
}

#[test]
fn the_shipped_template_is_the_seed_programme() {
    // docs/spreadsheet-template/ is what organisers download; it must be today's layout.
    for sheet in write_sheets(&raw("public/programme.json")) {
        let shipped = read(&format!("docs/spreadsheet-template/{}", sheet.file));
        assert_eq!(shipped, sheet.text, "docs/spreadsheet-template/{} is out of date: run `cargo run --bin programme-import -- --sheets public/programme.json docs/spreadsheet-template`", sheet.file);
    }
}

#[test]
fn planted_mistakes_are_reported_by_sheet_row_and_column() {
    let programme = "field,value\nid,test-2014\ntitle,Test programme\ntime_zone,Europe/Brussels\ntime_zome,x\n";
    let themes = "id,label\nlaw,Law\n";
    let events = "\
id,title,start,themes,mode,country,tittle,place
ok,A good event,2014-05,law,online,BE,,Egmont Palace
bad-theme,Unknown theme,2014-06,law; nope,,,,
bad-date,Thirtieth of February,2014-02-30,,,,,
bad-mode,Odd mode,2014-07,,by pigeon,,,
,No id,2014-08,,,,,
bad-country,Odd country,2014-09,,,Belgium,,Egmont Palace
no-place,A country but no place,2014-10,,,BE,,
";
    let converted =
        convert(Input::Sheets(vec![sheet("programme.csv", programme), sheet("themes.csv", themes), sheet("events.csv", events)]))
            .expect("converts");
    let found: Vec<String> = converted.problems.iter().map(ToString::to_string).collect();
    let expect = |needle: &str| assert!(found.iter().any(|line| line.starts_with(needle)), "no `{needle}` in {found:#?}");
    expect("programme.csv, row 5, column A (field): `time_zome` is not a programme field");
    expect("events.csv, row 1, column G (tittle): `tittle` is not a column of this sheet");
    expect("events.csv, row 3, column D (themes): unknown theme id `nope`");
    expect("events.csv, row 4, column C (start): ");
    expect("events.csv, row 5, column E (mode): `by pigeon` is not one of \"in_person\", \"online\", \"hybrid\"");
    expect("events.csv, row 6, column A (id): is empty");
    expect("events.csv, row 7, column F (country): `Belgium` is not an ISO 3166-1 alpha-2 country code");
    expect("events.csv, row 8, column H (place): must not be empty");
    assert_eq!(found.len(), 8, "{found:#?}");
    let ids: Vec<&str> = converted.programme.events.iter().map(|event| event.id.as_str()).collect();
    assert_eq!(ids, vec!["ok", "bad-mode"], "the events with mistakes are skipped; a bad mode is only ignored");
}

#[test]
fn european_excel_csv_with_a_byte_order_mark_and_translations() {
    let events = "\u{feff}id;title;title@fr;start;themes\r\nseminar;\"Law; rights\";Droit;2014-05-06;\r\n";
    let converted = convert(Input::Sheets(vec![sheet("Programme 2014 - events.csv", events)])).expect("converts");
    assert!(converted.problems.is_empty(), "{:?}", converted.problems);
    let event = &converted.programme.events[0];
    assert_eq!(event.title.get("fr"), "Droit");
    assert_eq!(event.title.get("en"), "Law; rights");
}

#[test]
fn a_file_that_is_no_csv_is_reported_with_its_row() {
    let converted = convert(Input::Sheets(vec![sheet("events.csv", "id,title,start\nok,Fine,2014-05\n\"broken,2014\n")]));
    let problems = converted.expect("the readable rows still convert").problems;
    assert!(problems.iter().any(|p| matches!(&p.place, Place::Cell { file, .. } if file == "events.csv")), "{problems:?}");
}

fn schedule_events(schedule: &Value) -> Vec<(String, &Value)> {
    let mut events = Vec::new();
    for day in schedule["schedule"]["conference"]["days"].as_array().unwrap() {
        for (room, list) in day["rooms"].as_object().unwrap() {
            for event in list.as_array().unwrap() {
                events.push((room.clone(), event));
            }
        }
    }
    events
}

#[test]
fn a_real_pretalx_export_imports_with_every_event_time_room_track_and_speaker() {
    let text = read("tests/fixtures/frab/pretalx-rc3.json");
    let schedule: Value = serde_json::from_str(&text).unwrap();
    let (raw, problems, _) = import_schedule(&text).expect("imports");
    assert_eq!(problems, vec![]);
    let source = schedule_events(&schedule);
    assert_eq!(raw.events.len(), source.len());
    assert_eq!(raw.events.len(), 48);
    for (room, event) in &source {
        let guid = event["guid"].as_str().unwrap();
        let ours = raw.events.iter().find(|ours| ours.id == guid).unwrap_or_else(|| panic!("{guid} missing"));
        assert_eq!(ours.title, RawText::Plain(event["title"].as_str().unwrap().trim().to_owned()));
        let start = DateTime::parse_from_rfc3339(event["date"].as_str().unwrap()).unwrap();
        assert_eq!(DateTime::parse_from_rfc3339(&ours.when.start).unwrap(), start);
        assert_eq!(ours.when.start, event["date"].as_str().unwrap(), "the offset is kept as written");
        let (hours, minutes) = event["duration"].as_str().unwrap().split_once(':').unwrap();
        let end = start + chrono::Duration::hours(hours.parse().unwrap()) + chrono::Duration::minutes(minutes.parse().unwrap());
        assert_eq!(DateTime::parse_from_rfc3339(ours.when.end.as_deref().unwrap()).unwrap(), end);
        // The room is one of the conference venue's rooms.
        assert_eq!(ours.venue.as_deref(), Some("venue"));
        let rooms = &raw.venues[0].rooms;
        let ours_room = rooms.iter().find(|r| Some(r.id.as_str()) == ours.room.as_deref()).expect("the event's room is the venue's");
        assert_eq!(ours_room.name, RawText::Plain(event["room"].as_str().unwrap_or(room).to_owned()));
        let track = event["track"].as_str().unwrap();
        let theme = raw.themes.iter().find(|theme| theme.id == ours.themes[0]).unwrap();
        assert_eq!(theme.label, RawText::Plain(track.to_owned()));
        let speakers: Vec<&str> = event["persons"].as_array().unwrap().iter().map(|p| p["public_name"].as_str().unwrap()).collect();
        let ours_speakers: Vec<String> = ours
            .people
            .iter()
            .map(|at| {
                assert_eq!(at.role.as_deref(), Some("speaker"));
                let person = raw.people.iter().find(|person| person.id == at.id).unwrap();
                // The biography comes along where the export has one.
                let plain = |text: &RawText| match text {
                    RawText::Plain(text) => text.clone(),
                    other => panic!("{other:?}"),
                };
                let biography = event["persons"].as_array().unwrap().iter().find(|p| p["public_name"] == plain(&person.name));
                let biography = biography.and_then(|p| p["biography"].as_str()).filter(|bio| !bio.trim().is_empty());
                assert_eq!(person.bio.as_ref().map(plain).as_deref().map(str::trim), biography.map(str::trim), "{}", person.id);
                plain(&person.name)
            })
            .collect();
        assert_eq!(ours_speakers, speakers);
    }
    let converted = convert(Input::Schedule(text)).expect("converts");
    assert_eq!(converted.problems, vec![], "the converted programme passes the app's checks");
    assert_eq!(converted.programme.events.len(), 48);
}

fn c3voc_errors(schedule: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(&read("tests/fixtures/frab/c3voc-schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the c3voc schema compiles");
    validator.iter_errors(schedule).map(|err| format!("{}: {err}", err.instance_path())).collect()
}

#[test]
fn a_schedule_valid_under_the_c3voc_schema_imports_field_by_field() {
    let text = read("tests/fixtures/frab/minimal.json");
    let schedule: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(c3voc_errors(&schedule), Vec::<String>::new(), "the fixture follows the c3voc schema");
    let converted = convert(Input::Schedule(text)).expect("converts");
    assert_eq!(converted.problems, vec![]);
    let programme = converted.programme;
    assert_eq!(programme.meta.id, "unitar_hm_2014");
    assert_eq!(programme.meta.time_zone, "Europe/Brussels");
    let event = programme.event("5c0f2a52-6d3e-5b8e-9b52-6c1a3f1f0a01").expect("the event, by its guid");
    assert_eq!(event.title.get("en"), "Local authorities and migrant integration");
    assert_eq!(
        event.place("en").as_deref(),
        Some("Antwerp City Hall, Learning Platform on Human Mobility 2014"),
        "the room of the conference"
    );
    assert_eq!(event.location.as_ref().unwrap().time_zone.as_deref(), Some("Europe/Brussels"));
    let labels: Vec<&str> = event.themes.iter().map(|&at| programme.themes[at].label.get("en")).collect();
    assert_eq!(labels, vec!["Local governance"]);
    let speakers: Vec<&str> = event.people.iter().map(|at| programme.people[at.person].name.get("en")).collect();
    assert_eq!(speakers, vec!["Amina Diallo", "Jan Peeters"]);
    assert!(event.people.iter().all(|at| at.role == Some(programme_browser::domain::programme::Role::Speaker)));
    let amina = &programme.people[event.people[0].person];
    assert_eq!(amina.bio.as_ref().map(|bio| bio.get("en")), Some("Works on labour migration in West Africa."));
    assert!(programme.partners.is_empty(), "speakers are people, not partners");
    assert_eq!(event.languages, vec!["en"]);
}

#[test]
fn real_exports_stray_from_the_schema_and_still_import() {
    // pretalx writes upper-case slugs and an `answers` field, which the current c3voc schema
    // refuses; readers of schedules must accept what the tools publish.
    let schedule: Value = serde_json::from_str(&read("tests/fixtures/frab/pretalx-rc3.json")).unwrap();
    let errors = c3voc_errors(&schedule);
    assert!(!errors.is_empty());
    let unexpected: Vec<&String> = errors
        .iter()
        .filter(|err| !(err.contains("/slug:") || err.contains("'answers' was unexpected") || err.contains("/acronym:")))
        .collect();
    assert_eq!(unexpected, Vec::<&String>::new());
}

#[test]
fn a_broken_schedule_event_is_reported_by_its_path_and_the_rest_imports() {
    let mut schedule: Value = serde_json::from_str(&read("tests/fixtures/frab/pretalx-rc3.json")).unwrap();
    let day = &mut schedule["schedule"]["conference"]["days"][0]["rooms"];
    let room = day.as_object().unwrap().keys().next().unwrap().clone();
    day[&room][0]["date"] = Value::from("tomorrow");
    day[&room][1]["duration"] = Value::from("forever");
    let converted = convert(Input::Schedule(schedule.to_string())).expect("converts");
    let found: Vec<String> = converted.problems.iter().map(ToString::to_string).collect();
    assert!(found[0].starts_with(&format!("schedule.conference.days[0].rooms[{room:?}][0].date: `tomorrow` is not a date")), "{found:?}");
    assert!(found[1].starts_with(&format!("schedule.conference.days[0].rooms[{room:?}][1].duration: `forever`")), "{found:?}");
    assert_eq!(converted.programme.events.len(), 47);
}

/// A link written without its scheme (seen in a real frab export: `nymtech.net`) is completed,
/// one that is no web address is left out; the event is kept either way, and both are said.
#[test]
fn a_link_without_https_is_completed_and_a_bad_one_left_out_keeping_the_event() {
    let mut schedule: Value = serde_json::from_str(&read("tests/fixtures/frab/pretalx-rc3.json")).unwrap();
    let rooms = &mut schedule["schedule"]["conference"]["days"][0]["rooms"];
    let room = rooms.as_object().unwrap().keys().next().unwrap().clone();
    let event = &mut rooms[&room][0];
    let id = event["guid"].as_str().unwrap().to_owned();
    event["links"] = serde_json::json!([
        { "url": "nymtech.net", "title": "Nym" },
        { "url": "javascript:alert(1)", "title": "bad" },
        { "href": "https://example.org/slides", "title": "Slides" },
    ]);
    let converted = convert(Input::Schedule(schedule.to_string())).expect("converts");
    assert_eq!(converted.programme.events.len(), 48, "no event is lost");
    let event = converted.programme.events.iter().find(|event| event.id == id).expect("the event is kept");
    let urls: Vec<&str> = event.links.iter().map(|link| link.url.as_str()).collect();
    assert!(urls.contains(&"https://nymtech.net") && urls.contains(&"https://example.org/slides"), "{urls:?}");
    assert!(!urls.iter().any(|url| url.starts_with("javascript")), "{urls:?}");
    let found: Vec<String> = converted.problems.iter().map(ToString::to_string).collect();
    let at = format!("schedule.conference.days[0].rooms[{room:?}][0].links");
    assert!(found.iter().any(|p| p.starts_with(&format!("{at}[0].url: `nymtech.net` has no https://"))), "{found:#?}");
    assert!(found.iter().any(|p| p.starts_with(&format!("{at}[1].url: `javascript:alert(1)` is not an http"))), "{found:#?}");
}

#[test]
fn a_hand_made_sheet_with_its_own_column_names_is_the_events() {
    // One file, named like the programme, with the names people use: date, venue, theme, URL.
    let text = "ID,Title,Date,Venue,Theme,URL\nkickoff,Opening session,2014-05-06,Egmont Palace,,https://example.org/kickoff\nlate,Closing,2014-13-01,Egmont Palace,,\n";
    let converted = convert(Input::Sheets(vec![sheet("programme.csv", text)])).expect("converts");
    let found: Vec<String> = converted.problems.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("programme.csv, row 3, column C (Date): "), "the column as the sheet names it: {found:#?}");
    let event = &converted.programme.events[0];
    assert_eq!(event.id, "kickoff");
    assert_eq!(event.location.as_ref().unwrap().name.get("en"), "Egmont Palace");
    assert_eq!(event.links[0].url, "https://example.org/kickoff");
}
