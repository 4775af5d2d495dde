//! Calendar files (src/domain/calendar.rs) read back with an independent iCalendar parser
//! (the `ical` crate): every field, escaping, folding of long multi-byte lines, all-day ends,
//! times across New York's change to daylight saving time, stable UIDs and growing SEQUENCE.

use chrono::{TimeZone, Utc};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use programme_browser::domain::calendar::{write_calendar, CalendarRequest, Entry, Written};
use programme_browser::domain::programme::{parse_programme, Programme};

fn programme(file: &str) -> Programme {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    parse_programme(&text).unwrap().0
}

fn request(lang: &str) -> CalendarRequest<'_> {
    CalendarRequest {
        name: "Timed programme, 2026; test",
        lang,
        now: Utc.with_ymd_and_hms(2026, 2, 25, 8, 30, 0).unwrap(),
        event_url: Some(&|event| format!("https://example.org/programme/en/events/{}.html", event.id)),
        include_cancelled: true,
        alarm_minutes: None,
    }
}

fn write(programme: &Programme, lang: &str, notes: &[(&str, &str)]) -> Written {
    let entries: Vec<Entry<'_>> = programme
        .events
        .iter()
        .map(|event| Entry { event, note: notes.iter().find(|(id, _)| *id == event.id).map(|(_, note)| *note) })
        .collect();
    write_calendar(programme, &entries, &request(lang))
}

fn parse(text: &str) -> IcalCalendar {
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars.next().expect("one calendar").expect("parses");
    assert!(calendars.next().is_none());
    calendar
}

/// The value of `name` (with its parameters, `NAME;VALUE=DATE`), unescaped as RFC 5545 says.
fn field(event: &IcalEvent, name: &str) -> Option<String> {
    event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).map(|value| unescape(&value))
}

fn params(event: &IcalEvent, name: &str) -> Vec<(String, Vec<String>)> {
    event.properties.iter().find(|p| p.name == name).and_then(|p| p.params.clone()).unwrap_or_default()
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn event<'a>(calendar: &'a IcalCalendar, uid: &str) -> &'a IcalEvent {
    calendar.events.iter().find(|e| field(e, "UID").as_deref() == Some(uid)).unwrap_or_else(|| panic!("no event {uid}"))
}

#[test]
fn every_field_is_written_and_reads_back() {
    let programme = programme("timed.json");
    let written = write(&programme, "en", &[("before-dst", "ask about room, seats; and visas")]);
    assert_eq!((written.events, written.month_only), (8, 1), "the month-only event is left out and counted");
    assert!(written.text.ends_with("END:VCALENDAR\r\n"));
    assert!(!written.text.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
    let calendar = parse(&written.text);
    let name = calendar.properties.iter().find(|p| p.name == "X-WR-CALNAME").and_then(|p| p.value.clone()).unwrap();
    assert_eq!(unescape(&name), "Timed programme, 2026; test");
    assert_eq!(calendar.events.len(), 8);

    let briefing = event(&calendar, "before-dst@timed-2026.programme-browser");
    // 10:00 at UTC-5 (before New York moved its clocks on 8 March 2026).
    assert_eq!(field(briefing, "DTSTART").as_deref(), Some("20260307T150000Z"));
    assert_eq!(field(briefing, "DTEND").as_deref(), Some("20260307T170000Z"));
    assert_eq!(field(briefing, "DTSTAMP").as_deref(), Some("20260225T083000Z"));
    assert_eq!(field(briefing, "STATUS").as_deref(), Some("CONFIRMED"));
    assert_eq!(field(briefing, "SUMMARY").as_deref(), Some("Briefing before the clocks change"));
    assert_eq!(field(briefing, "LOCATION").as_deref(), Some("Conference Room 4, New York"));
    assert_eq!(field(briefing, "URL").as_deref(), Some("https://example.org/programme/en/events/before-dst.html"));
    let description = field(briefing, "DESCRIPTION").unwrap();
    assert_eq!(
        description,
        "Agenda; roles, and \"next steps\".\nSecond line with a backslash \\ here.\n\nNote: ask about room, seats; and visas\n\n\
         https://example.org/programme/en/events/before-dst.html"
    );
    // 10:00 at UTC-4 (after the change): the same wall-clock hour, one hour less in UTC.
    let seminar = event(&calendar, "after-dst@timed-2026.programme-browser");
    assert_eq!(field(seminar, "DTSTART").as_deref(), Some("20260309T140000Z"));
    assert_eq!(field(seminar, "DTEND").as_deref(), Some("20260309T153000Z"));

    // Days are all-day, with the day after the last as the (exclusive) end.
    let workshop = event(&calendar, "three-days@timed-2026.programme-browser");
    assert_eq!(field(workshop, "DTSTART").as_deref(), Some("20260305"));
    assert_eq!(params(workshop, "DTSTART"), [("VALUE".to_owned(), vec!["DATE".to_owned()])]);
    assert_eq!(field(workshop, "DTEND").as_deref(), Some("20260308"));
    let day = event(&calendar, "one-day@timed-2026.programme-browser");
    assert_eq!((field(day, "DTSTART").as_deref(), field(day, "DTEND").as_deref()), (Some("20260306"), Some("20260307")));

    let cancelled = event(&calendar, "cancelled@timed-2026.programme-browser");
    assert_eq!(field(cancelled, "STATUS").as_deref(), Some("CANCELLED"));
}

#[test]
fn long_multibyte_lines_fold_at_75_octets_and_read_back_whole() {
    let programme = programme("timed.json");
    for lang in ["ar", "zh", "en"] {
        let written = write(&programme, lang, &[]);
        for line in written.text.split("\r\n") {
            assert!(line.len() <= 75, "{lang}: a line of {} octets: {line}", line.len());
        }
        let calendar = parse(&written.text);
        let title = field(event(&calendar, "multilingual@timed-2026.programme-browser"), "SUMMARY").unwrap();
        assert_eq!(title, programme.event("multilingual").unwrap().title.get(lang), "{lang}");
    }
}

#[test]
fn cancelled_events_can_be_left_out() {
    let programme = programme("timed.json");
    let entries: Vec<Entry<'_>> = programme.events.iter().map(|event| Entry { event, note: None }).collect();
    let written = write_calendar(&programme, &entries, &CalendarRequest { include_cancelled: false, ..request("en") });
    assert_eq!(written.events, 7);
    assert!(!written.text.contains("cancelled@"));
}

#[test]
fn the_uid_is_stable_across_versions_and_the_sequence_grows_when_an_event_moves() {
    let (before, after) = (programme("timed.json"), programme("timed-moved.json"));
    let (old, new) = (parse(&write(&before, "en", &[]).text), parse(&write(&after, "en", &[]).text));
    let uid = "after-dst@timed-2026.programme-browser";
    let (old_event, new_event) = (event(&old, uid), event(&new, uid));
    assert_ne!(field(old_event, "DTSTART"), field(new_event, "DTSTART"), "the fixture moves the event");
    let sequence = |e: &IcalEvent| field(e, "SEQUENCE").unwrap().parse::<i64>().unwrap();
    assert!(sequence(new_event) > sequence(old_event), "{} then {}", sequence(old_event), sequence(new_event));
    // Every event keeps its UID.
    let uids = |c: &IcalCalendar| c.events.iter().filter_map(|e| field(e, "UID")).collect::<Vec<_>>();
    assert_eq!(uids(&old), uids(&new));
}

#[test]
fn a_chosen_reminder_is_an_alarm_before_each_event_that_is_not_cancelled() {
    let programme = programme("timed.json");
    let entries: Vec<Entry<'_>> = programme.events.iter().map(|event| Entry { event, note: None }).collect();
    let written = write_calendar(&programme, &entries, &CalendarRequest { alarm_minutes: Some(15), ..request("en") });
    let calendar = parse(&written.text);
    for event in &calendar.events {
        let status = event.properties.iter().find(|p| p.name == "STATUS").and_then(|p| p.value.clone()).unwrap_or_default();
        let summary = event.properties.iter().find(|p| p.name == "SUMMARY").and_then(|p| p.value.clone()).unwrap_or_default();
        if status == "CANCELLED" {
            assert!(event.alarms.is_empty(), "no reminder for a cancelled event");
            continue;
        }
        assert_eq!(event.alarms.len(), 1, "{summary}");
        let value = |name: &str| event.alarms[0].properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
        assert_eq!(value("ACTION").as_deref(), Some("DISPLAY"));
        assert_eq!(value("TRIGGER").as_deref(), Some("-PT15M"));
        assert_eq!(value("DESCRIPTION"), Some(summary));
    }
    assert!(calendar.events.iter().any(|event| !event.alarms.is_empty()));
    let without = parse(&write(&programme, "en", &[]).text);
    assert!(without.events.iter().all(|event| event.alarms.is_empty()), "no reminder unless chosen");
}

#[test]
fn only_the_offered_reminders_are_read_back() {
    use programme_browser::domain::calendar::parse_alarm;
    assert_eq!(parse_alarm("15"), Some(15));
    assert_eq!(parse_alarm(" 60 "), Some(60));
    assert_eq!(parse_alarm("7"), None);
    assert_eq!(parse_alarm("-5"), None);
    assert_eq!(parse_alarm("soon"), None);
}
