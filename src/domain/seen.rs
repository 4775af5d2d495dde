//! What a reader last saw of a programme, to mark what changed since: events that are new,
//! moved, re-placed or newly cancelled. Kept per programme id in this browser only
//! (src/browser/storage.rs), compact: for each event its when, place and status codes.

use std::collections::BTreeMap;

use serde_json::Value;

use super::programme::{Event, Programme, Status};

/// Programmes with more events are not remembered: the record takes ~80 bytes per event, and
/// the browser's storage (about 5 MB for the whole site) must keep room for the shortlists.
/// Computing it for 100,000 events also held the page for a quarter of a second.
pub const MAX_REMEMBERED_EVENTS: usize = 20_000;

/// Whether what a reader sees of `programme` is remembered, to mark changes on the next visit.
pub fn is_remembered(programme: &Programme) -> bool {
    programme.events.len() <= MAX_REMEMBERED_EVENTS
}

/// The programme as a reader last saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// Event id -> (when, place, status) codes.
    events: BTreeMap<String, [String; 3]>,
}

/// How an event changed since the last visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    New,
    Moved,
    Replaced,
    Cancelled,
}

/// An event's when, place and status, as remembered.
fn codes(event: &Event) -> [String; 3] {
    [event.when.code(), event.place("").unwrap_or_default(), event.status.code().to_owned()]
}

/// For each event of `programme` (by index) that changed since `seen`, how.
pub fn changes_since(seen: &Seen, programme: &Programme) -> BTreeMap<usize, Vec<Change>> {
    let mut changes = BTreeMap::new();
    for (index, event) in programme.events.iter().enumerate() {
        let Some([when, place, status]) = seen.events.get(&event.id) else {
            changes.insert(index, vec![Change::New]);
            continue;
        };
        let [when_now, place_now, status_now] = codes(event);
        let mut how = Vec::new();
        if *when != when_now {
            how.push(Change::Moved);
        }
        if *place != place_now {
            how.push(Change::Replaced);
        }
        if *status != status_now && event.status == Status::Cancelled {
            how.push(Change::Cancelled);
        }
        if !how.is_empty() {
            changes.insert(index, how);
        }
    }
    changes
}

/// What the reader sees of `programme` now, in its stored form:
/// `{"v":1,"e":{"id":["when","place","status"],…}}`. The place is the file's default text, so
/// that a change of the reader's language is not a change of the programme. Written straight
/// from the events, in their order: a record built first (a sorted map, then a JSON value)
/// sorted and copied every id, most of this task after a first visit's first paint.
pub fn encode_seen(programme: &Programme) -> String {
    struct Events<'a>(&'a [Event]);
    impl serde::Serialize for Events<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(self.0.iter().map(|event| (&event.id, codes(event))))
        }
    }
    #[derive(serde::Serialize)]
    struct Record<'a> {
        v: u8,
        e: Events<'a>,
    }
    serde_json::to_string(&Record { v: 1, e: Events(&programme.events) }).unwrap_or_default()
}

/// `None` for anything unreadable: then the visit counts as the first (no marks).
pub fn decode_seen(text: &str) -> Option<Seen> {
    let root: Value = serde_json::from_str(text).ok()?;
    if root.get("v")?.as_u64()? != 1 {
        return None;
    }
    let mut events = BTreeMap::new();
    for (id, codes) in root.get("e")?.as_object()? {
        let codes = codes.as_array()?;
        let code = |i: usize| codes.get(i).and_then(Value::as_str).unwrap_or_default().to_owned();
        events.insert(id.clone(), [code(0), code(1), code(2)]);
    }
    Some(Seen { events })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::parse_programme;

    fn bundled() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/programme.json")).unwrap()
    }

    #[test]
    fn new_moved_replaced_and_cancelled_events_are_found() {
        let (before, _) = parse_programme(&bundled()).unwrap();
        let seen = decode_seen(&encode_seen(&before)).expect("round trip");
        assert!(changes_since(&seen, &before).is_empty(), "nothing changed");
        let text = bundled()
            .replacen("\"2012-09\"", "\"2012-10\"", 1)
            .replacen("\"Learning Platform on Human Mobility, Antwerp, and online\"", "\"Antwerp City Hall\"", 1)
            .replacen("\"id\": \"ms-2012-12-youth\",", "\"id\": \"ms-2012-12-youth\", \"status\": \"cancelled\",", 1)
            .replacen("\"events\": [", "\"events\": [{\"id\": \"brand-new\", \"title\": \"New\", \"when\": {\"start\": \"2013-12\"}},", 1);
        let (after, problems) = parse_programme(&text).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let found: Vec<(String, Vec<Change>)> =
            changes_since(&seen, &after).into_iter().map(|(i, how)| (after.events[i].id.clone(), how)).collect();
        let of = |id: &str| found.iter().find(|(e, _)| e == id).map(|(_, how)| how.clone()).unwrap_or_default();
        assert_eq!(of("brand-new"), [Change::New]);
        assert_eq!(of("ms-2012-09-reintegration"), [Change::Moved]);
        assert_eq!(of("ms-2012-12-youth"), [Change::Cancelled]);
        assert_eq!(of("lphm-2013-05-media"), [Change::Replaced]);
        assert_eq!(found.len(), 4, "{found:?}");
    }

    #[test]
    fn a_programme_is_remembered_while_its_record_leaves_room_for_the_shortlists() {
        let read = |events: usize| {
            let text = serde_json::to_string(&crate::domain::synthetic::synthetic_programme(events, 7)).unwrap();
            parse_programme(&text).unwrap().0
        };
        let big = read(MAX_REMEMBERED_EVENTS);
        assert!(is_remembered(&big));
        // About 80 bytes per event: 1.6 MB at the limit, a third of the site's storage.
        let record = encode_seen(&big).len();
        assert!(record < 2_500_000, "{record} bytes");
        assert!(!is_remembered(&read(MAX_REMEMBERED_EVENTS + 1)));
    }

    #[test]
    fn damaged_data_counts_as_a_first_visit() {
        for text in ["", "{", "{\"v\":2,\"e\":{}}", "{\"v\":1}", "[]"] {
            assert_eq!(decode_seen(text), None, "{text}");
        }
    }
}
