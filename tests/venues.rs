//! Venues and rooms (format 1.3): where an event is, with the venue's address, map and access,
//! read from the file and checked (a wrong optional detail is left out, the venue and the
//! event kept), filtered by, given a page, and written into calendar files, schema.org JSON-LD,
//! the spreadsheet layout and from conference schedules' rooms.

use programme_browser::domain::address::{address_of, SitePages};
use programme_browser::domain::filter::{apply, facet_options, Facet, Filter};
use programme_browser::domain::i18n::Lang;
use programme_browser::domain::linked_data::events_json_ld;
use programme_browser::domain::programme::{parse_programme, skipped_event_count, Access, Event, Programme};
use programme_browser::domain::query::{parse_query, to_query, ViewState};

fn fixture() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/venues.json")).unwrap()
}

fn venues() -> (Programme, Vec<String>, usize) {
    let (programme, problems) = parse_programme(&fixture()).expect("loads");
    let skipped = skipped_event_count(&problems);
    (programme, problems.iter().map(|problem| format!("{}: {}", problem.path, problem.message)).collect(), skipped)
}

fn event<'a>(programme: &'a Programme, id: &str) -> &'a Event {
    programme.events.iter().find(|event| event.id == id).unwrap()
}

#[test]
fn venues_and_rooms_are_read_and_a_wrong_detail_costs_only_itself() {
    let (programme, problems, skipped) = venues();
    assert_eq!(
        problems,
        [
            "venues[0].rooms[2].id: duplicate room id `cr4`: an earlier room of the venue already uses it",
            "venues[1].geo: (95.2, 4.4) is not a latitude from -90 to 90 and a longitude from -180 to 180: left out",
            "venues[1].map_url: `not a map` is not an http or https address",
            "events[1].room: venue `unhq` has no room `no-such-room`: left out",
            "events[3].venue: unknown venue id `somewhere`: it is not in the programme's venues list; left out",
            "events[4].room: room `cr4` is given without its venue: left out",
        ]
    );
    assert_eq!((programme.events.len(), skipped), (5, 0), "every event is shown");
    assert_eq!(programme.venues.len(), 3, "the venue with wrong details is kept, without them");
    let unhq = &programme.venues[programme.venue_index("unhq").unwrap()];
    assert_eq!(unhq.rooms.len(), 2);
    assert_eq!(unhq.rooms[0].floor.as_ref().unwrap().get("fr"), "Premier sous-sol (1B)");
    let geo = unhq.place.geo.unwrap();
    assert_eq!((geo.latitude, geo.longitude), (40.7489, -73.968));
    assert_eq!(geo.uri(), "geo:40.7489,-73.968");
    let antwerp = &programme.venues[programme.venue_index("antwerp").unwrap()];
    assert!(antwerp.place.geo.is_none() && antwerp.map.is_none());
}

#[test]
fn an_event_at_a_venue_is_there_with_its_room_and_a_location_as_written_wins() {
    let (programme, _, _) = venues();
    let dialogue = event(&programme, "dialogue");
    assert_eq!(dialogue.place("fr").as_deref(), Some("Salle de conférence 4, Siège de l'Organisation des Nations Unies, New York"));
    assert_eq!(dialogue.place("en").as_deref(), Some("Conference Room 4, United Nations Headquarters, New York"));
    let location = dialogue.location.as_ref().unwrap();
    assert_eq!(location.address.as_ref().unwrap().get("en"), "405 East 42nd Street");
    assert_eq!(location.country.as_deref(), Some("US"));
    assert!(location.geo.is_some());
    // The venue's step-free access and the room's hearing loop are the event's.
    assert_eq!(dialogue.access, [Access::HearingLoop, Access::StepFree]);
    // A room the venue does not have: the event is at the venue.
    let briefing = event(&programme, "briefing");
    assert_eq!(briefing.place("en").as_deref(), Some("United Nations Headquarters, New York"));
    assert_eq!(briefing.access, [Access::StepFree], "the venue's access without the room's");
    // The file's own location wins; the venue still links it.
    let course = event(&programme, "course");
    assert_eq!(course.place("en").as_deref(), Some("City Hall, Antwerp"));
    assert_eq!(course.venue.map(|at| programme.venues[at.venue].id.as_str()), Some("antwerp"));
    assert!(event(&programme, "lost").venue.is_none() && event(&programme, "lost").location.is_none());
    // Events in the same place share its location rather than each copying the venue's texts.
    let mut raw: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
    raw["events"][1]["room"] = "cr4".into();
    let (programme, _) = parse_programme(&raw.to_string()).unwrap();
    let shared = |a: &str, b: &str| {
        std::sync::Arc::ptr_eq(event(&programme, a).location.as_ref().unwrap(), event(&programme, b).location.as_ref().unwrap())
    };
    assert!(shared("dialogue", "briefing"));
}

#[test]
fn a_venue_has_a_map_link_from_its_coordinates_its_address_or_the_organisers_map() {
    let (programme, _, _) = venues();
    let venue = |id: &str| &programme.venues[programme.venue_index(id).unwrap()];
    assert_eq!(
        venue("unhq").map_url("en").as_deref(),
        Some("https://www.openstreetmap.org/?mlat=40.7489&mlon=-73.968#map=18/40.7489/-73.968")
    );
    assert_eq!(venue("antwerp").map_url("fr").as_deref(), Some("https://www.openstreetmap.org/search?query=Grote+Markt+1%2C+Anvers"));
    assert_eq!(venue("nowhere").map_url("en"), None, "nothing to find it by");
    let mut raw: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
    raw["venues"][0]["map_url"] = "https://maps.un.org/visitors".into();
    let (programme, _) = parse_programme(&raw.to_string()).unwrap();
    assert_eq!(programme.venues[0].map_url("en").as_deref(), Some("https://maps.un.org/visitors"), "the organiser's map first");
}

#[test]
fn a_venue_is_a_facet_with_its_events_and_a_page_in_each_language() {
    let (programme, _, _) = venues();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let options: Vec<String> = facet_options(&programme, Facet::Venue).into_iter().map(|option| option.code).collect();
    assert_eq!(options, ["unhq", "antwerp"], "a venue no event uses is not offered");
    let mut filter = Filter::default();
    filter.venues.insert("unhq".to_owned());
    let result = apply(&programme, &filter, today);
    let found: Vec<&str> = result.matching.iter().map(|&i| programme.events[i].id.as_str()).collect();
    assert_eq!(found, ["dialogue", "briefing"]);
    assert_eq!(result.counts.venues[programme.venue_index("antwerp").unwrap()], 1, "what the other venue would give");

    let mut view = ViewState { language: Some("ar".into()), ..ViewState::default() };
    view.filter.themes.insert("anything".into());
    view.open_venue("unhq");
    let written: Vec<String> = to_query(&view).iter().map(|(k, v)| format!("{k}={v}")).collect();
    assert_eq!(written, ["lang=ar", "venue=unhq"], "a venue's page is the programme narrowed to it");
    let (read, ignored) = parse_query(&[("venue".into(), "unhq,no place!".into())]);
    assert_eq!(read.filter.venues.iter().map(String::as_str).collect::<Vec<_>>(), ["unhq"]);
    assert_eq!(ignored.len(), 1);
    let pages = SitePages::plan(&programme, Lang::En);
    assert_eq!(address_of(&view, Lang::Ar, Some((&pages, &programme))), "ar/venue/unhq.html");
    // A link to a venue (or a person) the programme does not have is said, not an empty list.
    let (mut shared, _) = parse_query(&[("venue".into(), "unhq,atlantis".into()), ("person".into(), "nobody".into())]);
    let dropped: Vec<String> = programme_browser::domain::query::drop_unknown_ids(&mut shared, &programme)
        .iter()
        .map(|ignored| format!("{}={}", ignored.param, ignored.value))
        .collect();
    assert_eq!(dropped, ["person=nobody", "venue=atlantis"]);
    assert_eq!(shared.filter.venues.iter().map(String::as_str).collect::<Vec<_>>(), ["unhq"]);
}

#[test]
fn json_ld_places_the_event_with_its_address_and_coordinates() {
    let (programme, _, _) = venues();
    let index = programme.events.iter().position(|event| event.id == "dialogue").unwrap();
    let json = events_json_ld(&programme, &[index], "en");
    let event = if json.is_array() { json[0].clone() } else { json.clone() };
    let text = json.to_string();
    let place = find(&event, "location").unwrap_or_else(|| panic!("{text}"));
    assert_eq!(place["@type"], "Place", "{text}");
    assert_eq!(place["name"], "United Nations Headquarters");
    assert_eq!(place["address"]["streetAddress"], "405 East 42nd Street");
    assert_eq!(place["geo"], serde_json::json!({ "@type": "GeoCoordinates", "latitude": "40.7489", "longitude": "-73.968" }));
    assert!(place["hasMap"].as_str().unwrap().starts_with("https://www.openstreetmap.org/"));
}

/// The first member named `key` anywhere in `value`.
fn find(value: &serde_json::Value, key: &str) -> Option<serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map.get(key).cloned().or_else(|| map.values().find_map(|value| find(value, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|value| find(value, key)),
        _ => None,
    }
}

#[test]
fn a_calendar_entry_says_the_room_the_address_and_where_on_the_globe() {
    use chrono::{TimeZone, Utc};
    use programme_browser::domain::calendar::{write_calendar, CalendarRequest, Entry};
    let (programme, _, _) = venues();
    let request = CalendarRequest {
        name: "test",
        lang: "en",
        now: Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
        event_url: None,
        include_cancelled: true,
        alarm_minutes: None,
    };
    let entries = [Entry { event: event(&programme, "dialogue"), note: None }];
    let text = write_calendar(&programme, &entries, &request).text.replace("\r\n ", "");
    assert!(text.contains("LOCATION:Conference Room 4\\, United Nations Headquarters\\, New York\\, 405 East 42nd Street\r\n"), "{text}");
    assert!(text.contains("GEO:40.7489;-73.968\r\n"), "{text}");
    assert!(
        text.contains("DESCRIPTION:https://www.openstreetmap.org/?mlat=40.7489&mlon=-73.968#map=18/40.7489/-73.968\r\n"),
        "the map: {text}"
    );
}

#[test]
fn they_go_to_the_spreadsheet_and_back_as_a_venues_and_a_rooms_sheet() {
    use programme_browser::domain::import::{convert, import_sheets, write_sheets, Input};
    use programme_browser::domain::programme::raw::RawProgramme;
    let raw: RawProgramme = serde_json::from_str(&fixture()).unwrap();
    let mut sheets = write_sheets(&raw);
    let sheet = |sheets: &[programme_browser::domain::import::Sheet], name: &str| {
        sheets.iter().find(|sheet| sheet.file == name).unwrap_or_else(|| panic!("{name}")).text.clone()
    };
    let rooms = sheet(&sheets, "rooms.csv");
    assert!(rooms.starts_with("venue,id,name,name@ar,name@en,name@fr,floor@en,floor@fr,accessibility,accessibility_note\n"), "{rooms}");
    assert!(
        rooms.contains(
            "unhq,cr4,,قاعة الاجتماعات 4,Conference Room 4,Salle de conférence 4,First basement (1B),Premier sous-sol (1B),hearing_loop,"
        ),
        "{rooms}"
    );
    assert!(sheet(&sheets, "venues.csv").contains(",40.7489,-73.968,"), "coordinates as typed");
    let (back, problems, _) = import_sheets(&sheets);
    assert_eq!(problems, vec![]);
    assert_eq!(back.venues, raw.venues);
    let at: Vec<_> = back.events.iter().map(|e| (e.venue.clone(), e.room.clone())).collect();
    assert_eq!(at, raw.events.iter().map(|e| (e.venue.clone(), e.room.clone())).collect::<Vec<_>>());

    // A spreadsheet in French writes 40,7489; a room of a venue nobody listed is said at its row.
    let venues = sheets.iter_mut().find(|sheet| sheet.file == "venues.csv").unwrap();
    venues.text = venues.text.replace(",40.7489,", ",\"40,7489\",");
    let rooms = sheets.iter_mut().find(|sheet| sheet.file == "rooms.csv").unwrap();
    rooms.text.push_str("atlantis,hall,Great Hall,,,,,,,\n");
    let converted = convert(Input::Sheets(sheets)).unwrap();
    assert_eq!(converted.programme.venues[0].place.geo.unwrap().latitude, 40.7489);
    let problems: Vec<String> = converted.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.iter().any(|p| p.starts_with("rooms.csv, row 5, column A (venue): room `hall` is in venue `atlantis`")),
        "{problems:#?}"
    );
}

#[test]
fn a_schedules_rooms_become_the_rooms_of_one_venue() {
    use programme_browser::domain::import::{convert, Input};
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/frab/pretalx-rc3.json")).unwrap();
    let schedule: serde_json::Value = serde_json::from_str(&text).unwrap();
    let converted = convert(Input::Schedule(text)).unwrap();
    let programme = converted.programme;
    assert_eq!(programme.venues.len(), 1);
    let venue = &programme.venues[0];
    let mut rooms: Vec<&str> = venue.rooms.iter().map(|room| room.name.get("en")).collect();
    rooms.sort_unstable();
    let mut expected: Vec<String> = Vec::new();
    for day in schedule["schedule"]["conference"]["days"].as_array().unwrap() {
        for (room, events) in day["rooms"].as_object().unwrap() {
            for event in events.as_array().unwrap() {
                expected.push(event["room"].as_str().unwrap_or(room).to_owned());
            }
        }
    }
    expected.sort_unstable();
    expected.dedup();
    assert_eq!(rooms, expected);
    assert!(programme.events.iter().all(|event| event.venue.is_some_and(|at| at.room.is_some())), "every event in its room");
    assert!(facet_options(&programme, Facet::Venue).is_empty(), "one venue is no choice");
    let counts = programme.counts().to_string();
    assert!(
        counts.starts_with("48 event(s), ") && counts.ends_with(&format!(", {} person(s), 1 venue(s)", programme.people.len())),
        "{counts}"
    );
}
