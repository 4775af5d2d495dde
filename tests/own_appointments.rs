//! The reader's own appointments across modules: kept through storage, backups, share links
//! and merges like any pick; in clash warnings and calendar files like an event; and never
//! taken for a programme event when the programme changes.

use chrono::{FixedOffset, NaiveDateTime, TimeZone, Utc};
use ical::parser::ical::component::IcalEvent;
use programme_browser::domain::calendar::{write_calendar, CalendarRequest, Entry};
use programme_browser::domain::clash::{picked_overlaps, Overlap};
use programme_browser::domain::programme::{parse_programme, Programme};
use programme_browser::domain::share::{decode_share, encode_share};
use programme_browser::domain::shortlist::{
    merge, merge_shared, own_events, shortlist_entries, venue_offset, OwnDraft, PickKey, Shortlists, Snapshot,
};
use programme_browser::domain::stored;

fn programme(file: &str) -> Programme {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    parse_programme(&text).unwrap().0
}

/// "Bilateral with Ghana" on 11 March 2026 from `start` to `end`, at the venue's offset.
fn bilateral(programme: &Programme, start: &str, end: &str) -> Snapshot {
    let draft = OwnDraft {
        title: "Bilateral with Ghana".into(),
        day: "2026-03-11".into(),
        start: start.into(),
        end: end.into(),
        place: "Room S-2950".into(),
        note: String::new(),
    };
    let offset = |local: NaiveDateTime| venue_offset(programme, local.date()).unwrap_or(FixedOffset::east_opt(0).unwrap());
    draft.snapshot(offset).expect("a valid appointment")
}

fn with_pick_and_own(programme: &Programme) -> (Shortlists, PickKey) {
    let mut lists = Shortlists::default();
    let event = programme.event("clash-a").unwrap();
    lists.toggle(PickKey { programme: programme.meta.id.clone(), event: event.id.clone() }, Snapshot::of(event), 10);
    let own = lists.add_own(&programme.meta.id, "k1", bilateral(programme, "15:30", "16:30"), "bring the brief", 11);
    (lists, own)
}

#[test]
fn an_own_appointment_is_kept_in_the_venues_time_and_listed_in_date_order() {
    let p = programme("timed.json");
    let (mut lists, own) = with_pick_and_own(&p);
    assert_eq!(lists.active_list().picks[&own].snapshot.when, "2026-03-11T15:30:00-04:00/2026-03-11T16:30:00-04:00");
    let early =
        lists.add_own(&p.meta.id, "k2", Snapshot { when: "2026-03-06".into(), title: "Visa".into(), ..Snapshot::default() }, "", 12);
    let order: Vec<_> =
        shortlist_entries(lists.active_list(), &p).into_iter().map(|entry| (entry.key.event, entry.own.is_some())).collect();
    assert_eq!(order, [(early.event, true), ("clash-a".to_owned(), false), (own.event, true)]);
}

#[test]
fn an_own_appointment_clashes_with_a_pick_both_ways() {
    let p = programme("timed.json");
    let (lists, own) = with_pick_and_own(&p);
    let list = lists.active_list();
    let clash_a = p.event("clash-a").unwrap();
    assert_eq!(picked_overlaps(list, &p, clash_a, "en"), Some((Overlap::Clash, vec!["Bilateral with Ghana".to_owned()])));
    let own_event = own_events(list, &p.meta.id).into_iter().find(|event| event.id == own.event).unwrap();
    let (how, titles) = picked_overlaps(list, &p, &own_event, "en").unwrap();
    assert_eq!((how, titles.len()), (Overlap::Clash, 1));
    assert_ne!(titles[0], "Bilateral with Ghana", "an appointment does not clash with itself");
    // Picking the other session of the afternoon is warned about the appointment too.
    let clash_b = p.event("clash-b").unwrap();
    let (_, titles) = picked_overlaps(list, &p, clash_b, "en").unwrap();
    assert!(titles.contains(&"Bilateral with Ghana".to_owned()));
}

#[test]
fn storage_backups_and_share_links_carry_it_and_merges_take_the_latest_change() {
    let p = programme("timed.json");
    let (lists, own) = with_pick_and_own(&p);
    assert_eq!(stored::decode(&stored::encode(&lists)).unwrap(), lists, "storage and backup files");
    let shared = decode_share(&encode_share(lists.active_list(), true)).unwrap();
    assert_eq!(shared.lists[0].picks[&own], lists.active_list().picks[&own]);
    let without_notes = decode_share(&encode_share(lists.active_list(), false)).unwrap();
    assert_eq!(without_notes.lists[0].picks[&own].snapshot.title, "Bilateral with Ghana");
    assert!(without_notes.lists[0].picks[&own].note.is_empty(), "a private note stays private");

    // Changed on a phone, and an older copy of it on a laptop: the change wins either way.
    let mut phone = lists.clone();
    assert!(phone.edit_own("default", &own, bilateral(&p, "17:00", "18:00"), 20));
    for merged in [merge(&lists, &phone), merge(&phone, &lists)] {
        assert_eq!(merged.active_list().picks[&own].snapshot.when, "2026-03-11T17:00:00-04:00/2026-03-11T18:00:00-04:00");
    }
    // A share link only adds: it cannot change the reader's own copy of the appointment.
    let link = decode_share(&encode_share(phone.active_list(), true)).unwrap();
    let after = merge_shared(&lists, &link, 30);
    assert_eq!(after.active_list().picks[&own], lists.active_list().picks[&own]);
    let mut without = Shortlists::default();
    without.toggle(PickKey { programme: p.meta.id.clone(), event: "clash-b".into() }, Snapshot::default(), 1);
    assert!(merge_shared(&without, &link, 30).active_list().contains(&own), "but it adds one the reader does not have");
}

#[test]
fn a_new_programme_version_never_takes_it_for_an_event() {
    let p = programme("timed.json");
    let (mut lists, own) = with_pick_and_own(&p);
    let moved = programme("timed-moved.json");
    let before = lists.active_list().picks[&own].clone();
    lists.fill_snapshots(&moved);
    assert_eq!(lists.active_list().picks[&own], before);
    let entry = shortlist_entries(lists.active_list(), &moved).into_iter().find(|entry| entry.key == own).unwrap();
    assert_eq!((entry.event, entry.own.as_ref()), (None, Some(&before.snapshot)));
}

#[test]
fn the_calendar_file_has_it_with_a_uid_of_its_own_and_no_address_in_the_app() {
    let p = programme("timed.json");
    let (lists, own) = with_pick_and_own(&p);
    let own_list = own_events(lists.active_list(), &p.meta.id);
    let entries: Vec<Entry<'_>> = own_list.iter().map(|event| Entry { event, note: Some("bring the brief") }).collect();
    let url = |event: &programme_browser::domain::programme::Event| {
        if event.id.starts_with("own:") {
            String::new()
        } else {
            format!("https://example.org/?event={}", event.id)
        }
    };
    let request = CalendarRequest {
        name: "Mine",
        lang: "en",
        now: Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap(),
        event_url: Some(&url),
        include_cancelled: true,
        alarm_minutes: Some(15),
    };
    let written = write_calendar(&p, &entries, &request);
    let calendar = ical::IcalParser::new(written.text.as_bytes()).next().unwrap().unwrap();
    let event: &IcalEvent = &calendar.events[0];
    let value = |name: &str| event.properties.iter().find(|prop| prop.name == name).and_then(|prop| prop.value.clone());
    assert_eq!(value("UID").unwrap(), format!("{}@timed-2026.programme-browser", own.event));
    assert_eq!(value("DTSTART").unwrap(), "20260311T193000Z");
    assert_eq!(value("DTEND").unwrap(), "20260311T203000Z");
    assert_eq!(value("SUMMARY").unwrap(), "Bilateral with Ghana");
    assert_eq!(value("LOCATION").unwrap(), "Room S-2950");
    assert!(value("DESCRIPTION").unwrap().contains("bring the brief"));
    assert_eq!(value("URL"), None, "an own appointment has no page in the app");
    assert_eq!(event.alarms.len(), 1);
    // A change is a new version for the calendar that has it.
    let mut changed = lists.clone();
    changed.edit_own("default", &own, bilateral(&p, "17:00", ""), 1_772_000_000_000);
    let changed_list = own_events(changed.active_list(), &p.meta.id);
    let sequence = |list: &[programme_browser::domain::programme::Event]| programme_browser::domain::calendar::sequence(&p, &list[0]);
    assert!(sequence(&changed_list) > sequence(&own_list));
}

#[test]
fn an_own_appointment_is_on_now_and_in_the_days_timetable_beside_the_picks() {
    use programme_browser::domain::now::now_and_next;
    use programme_browser::domain::timetable::{days_with_times, lay_out_day};
    let p = programme("timed.json");
    let (lists, own) = with_pick_and_own(&p);
    let list = lists.active_list();
    // The picks (copied), then the own appointments: what "my shortlist" places.
    let mut mine: Vec<_> = shortlist_entries(list, &p).into_iter().filter_map(|entry| entry.event).map(|i| p.events[i].clone()).collect();
    mine.extend(own_events(list, &p.meta.id));
    let ids = |indices: &[usize]| indices.iter().map(|&i| mine[i].id.clone()).collect::<Vec<_>>();
    // 15:45 in New York: both on; at 14:30 the pick is on and the appointment is next.
    let at = |time: &str| chrono::DateTime::parse_from_rfc3339(time).unwrap().timestamp_millis();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 11).unwrap();
    let found = now_and_next(&mine, 0..mine.len(), at("2026-03-11T15:45:00-04:00"), day);
    assert_eq!(ids(&found.on_now), ["clash-a".to_owned(), own.event.clone()]);
    let found = now_and_next(&mine, 0..mine.len(), at("2026-03-11T14:30:00-04:00"), day);
    assert_eq!((ids(&found.on_now), ids(&found.next)), (vec!["clash-a".to_owned()], vec![own.event.clone()]));
    // In the day's grid, beside the pick it overlaps (each in its own room's column).
    assert_eq!(days_with_times(&mine, 0..mine.len()), [day]);
    let layout = lay_out_day(&mine, 0..mine.len(), day, |event| event.place("en").unwrap_or_default());
    let placed: Vec<_> = layout.placed.iter().map(|placed| (mine[placed.index].id.clone(), placed.row, placed.column)).collect();
    // Rows are quarter hours from 14:00; rooms in order of name ("Room S-2950" before the pick's).
    let pick_room = p.event("clash-a").unwrap().place("en").unwrap_or_default();
    let (own_column, pick_column) = if "Room S-2950" < pick_room.as_str() { (0, 1) } else { (1, 0) };
    assert_eq!(placed, [("clash-a".to_owned(), 0, pick_column), (own.event.clone(), 6, own_column)]);
}
