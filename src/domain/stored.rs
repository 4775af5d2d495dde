//! The shortlists' storage format: a versioned JSON envelope, encoded, decoded and migrated
//! here so that every version is tested natively. The browser adapter only moves strings.
//!
//! Versions:
//! - 1: `{"version":1,"picks":{"<programme id>":["<event id>", ...]}}` (one unnamed list);
//! - 2: named lists with dated picks, priorities, notes and snapshots (current).
//!
//! Rules: older versions migrate forward on read; a version newer than this code is never
//! decoded into something we would write back (`DecodeError::Newer`); text that is not a
//! valid envelope is `Corrupt`, and the caller keeps the raw text aside before starting afresh.
//! Export files and imports use the same envelope.

use serde::Serialize;
use serde_json::Value;

use super::shortlist::{merge_list, merge_pick, NamedList, Pick, PickKey, Priority, Shortlists, Snapshot, FIRST_LIST_ID};

/// The app's localStorage key, and where unreadable data is kept aside.
pub const STORAGE_KEY: &str = "programme-browser/shortlists";
pub const BACKUP_KEY: &str = "programme-browser/shortlists.unreadable";

/// The version this code writes.
pub const CURRENT_VERSION: u64 = 2;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the saved shortlists are not readable: {0}")]
    Corrupt(String),
    #[error("the saved shortlists were written by a newer version of the app (format {0})")]
    Newer(u64),
}

#[derive(Serialize)]
struct EnvelopeV2 {
    version: u64,
    /// Tells an export file apart from any other JSON a reader might pick.
    app: String,
    active: String,
    lists: Vec<ListV2>,
}

#[derive(Serialize)]
struct ListV2 {
    id: String,
    name: String,
    created_ms: i64,
    changed_ms: i64,
    #[serde(skip_serializing_if = "is_false")]
    deleted: bool,
    picks: Vec<PickV2>,
}

#[derive(Serialize)]
struct PickV2 {
    programme: String,
    event: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    priority: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    note: String,
    title: String,
    when: String,
    place: String,
    status: String,
    updated_ms: i64,
    #[serde(skip_serializing_if = "is_false")]
    removed: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

const APP: &str = "programme-browser";

pub fn encode(shortlists: &Shortlists) -> String {
    let lists = shortlists
        .lists
        .iter()
        .map(|list| ListV2 {
            id: list.id.clone(),
            name: list.name.clone(),
            created_ms: list.created_ms,
            changed_ms: list.changed_ms,
            deleted: list.deleted,
            picks: list
                .picks
                .iter()
                .map(|(key, pick)| PickV2 {
                    programme: key.programme.clone(),
                    event: key.event.clone(),
                    priority: if pick.priority == Priority::None { String::new() } else { pick.priority.code().to_owned() },
                    note: pick.note.clone(),
                    title: pick.snapshot.title.clone(),
                    when: pick.snapshot.when.clone(),
                    place: pick.snapshot.place.clone(),
                    status: pick.snapshot.status.clone(),
                    updated_ms: pick.updated_ms,
                    removed: pick.removed,
                })
                .collect(),
        })
        .collect();
    let envelope = EnvelopeV2 { version: CURRENT_VERSION, app: APP.to_owned(), active: shortlists.active.clone(), lists };
    // Plain structs of strings and numbers always serialise.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads any known version, migrating it to the current model. Items that cannot be read
/// are left out: see `decode_counting` to know how many.
pub fn decode(text: &str) -> Result<Shortlists, DecodeError> {
    decode_counting(text).map(|decoded| decoded.lists)
}

/// What could be read, and how many saved items (lists or picks) could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub lists: Shortlists,
    pub unreadable: usize,
}

/// Reads any known version, salvaging what it can: one damaged pick or list does not cost the
/// reader the others. The envelope itself (JSON, version, at least one readable list) must be
/// sound, or nothing is taken from it (`Corrupt`), so that damage is never read as an empty
/// shortlist.
pub fn decode_counting(text: &str) -> Result<Decoded, DecodeError> {
    let root: Value = serde_json::from_str(text).map_err(|err| DecodeError::Corrupt(err.to_string()))?;
    let version = root.get("version").and_then(Value::as_u64).ok_or_else(|| DecodeError::Corrupt("no format version".into()))?;
    match version {
        1 => migrate_v1(&root),
        2 => from_v2(&root),
        newer if newer > CURRENT_VERSION => Err(DecodeError::Newer(newer)),
        other => Err(DecodeError::Corrupt(format!("unknown format version {other}"))),
    }
}

fn text_field(object: &Value, name: &str) -> String {
    object.get(name).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn time_field(object: &Value, name: &str) -> i64 {
    object.get(name).and_then(Value::as_i64).unwrap_or_default()
}

fn flag_field(object: &Value, name: &str) -> bool {
    object.get(name).and_then(Value::as_bool).unwrap_or_default()
}

/// A non-empty string, or `None`.
fn id_field<'a>(object: &'a Value, name: &str) -> Option<&'a str> {
    object.get(name).and_then(Value::as_str).filter(|id| !id.is_empty())
}

/// Version 1 had one unnamed list of event ids per programme, without dates or snapshots:
/// they become the first list, with empty snapshots that the app fills from the programme.
fn migrate_v1(root: &Value) -> Result<Decoded, DecodeError> {
    let programmes = root.get("picks").and_then(Value::as_object).ok_or_else(|| DecodeError::Corrupt("no picks".into()))?;
    let mut list = NamedList::new(FIRST_LIST_ID, "", 0);
    let mut unreadable = 0;
    for (programme, events) in programmes {
        let Some(events) = events.as_array() else {
            unreadable += 1;
            continue;
        };
        for event in events {
            let Some(event) = event.as_str().filter(|id| !id.is_empty()) else {
                unreadable += 1;
                continue;
            };
            let pick = Pick { priority: Priority::None, note: String::new(), snapshot: Snapshot::default(), updated_ms: 0, removed: false };
            list.picks.insert(PickKey { programme: programme.clone(), event: event.to_owned() }, pick);
        }
    }
    Ok(Decoded { lists: Shortlists { lists: vec![list], active: FIRST_LIST_ID.to_owned() }, unreadable })
}

fn from_v2(root: &Value) -> Result<Decoded, DecodeError> {
    let saved = root.get("lists").and_then(Value::as_array).ok_or_else(|| DecodeError::Corrupt("no lists".into()))?;
    let mut unreadable = 0;
    let mut lists: Vec<NamedList> = Vec::new();
    for saved_list in saved {
        let Some(list) = read_list(saved_list, &mut unreadable) else {
            unreadable += 1;
            continue;
        };
        // The same list twice (hand-edited or damaged data): merged as two tabs' copies are.
        match lists.iter_mut().find(|known| known.id == list.id) {
            Some(known) => merge_list(known, &list),
            None => lists.push(list),
        }
    }
    if lists.is_empty() {
        return Err(DecodeError::Corrupt("no readable list".into()));
    }
    // Deleting the last list is not possible in the app: if every list is deleted anyway, the
    // latest changed one comes back rather than hiding every pick.
    if lists.iter().all(|list| list.deleted) {
        if let Some(latest) = lists.iter_mut().max_by_key(|list| list.changed_ms) {
            latest.deleted = false;
        }
    }
    let mut shortlists = Shortlists { lists, active: text_field(root, "active") };
    shortlists.set_active(&shortlists.active_list().id.clone());
    Ok(Decoded { lists: shortlists, unreadable })
}

/// A list, with its unreadable picks left out and counted; `None` if the list itself has no id.
fn read_list(saved: &Value, unreadable: &mut usize) -> Option<NamedList> {
    let id = id_field(saved, "id")?;
    let mut list = NamedList::new(id, text_field(saved, "name"), time_field(saved, "created_ms"));
    list.changed_ms = time_field(saved, "changed_ms");
    list.deleted = flag_field(saved, "deleted");
    for saved_pick in saved.get("picks").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
        match read_pick(saved_pick) {
            // The same pick twice in one list: the later change wins, as in a merge.
            Some((key, pick)) => merge_pick(&mut list.picks, &key, &pick),
            None => *unreadable += 1,
        }
    }
    Some(list)
}

fn read_pick(saved: &Value) -> Option<(PickKey, Pick)> {
    let key = PickKey { programme: id_field(saved, "programme")?.to_owned(), event: id_field(saved, "event")?.to_owned() };
    let snapshot = Snapshot {
        title: text_field(saved, "title"),
        when: text_field(saved, "when"),
        place: text_field(saved, "place"),
        status: text_field(saved, "status"),
    };
    let pick = Pick {
        priority: Priority::from_code(&text_field(saved, "priority")).unwrap_or_default(),
        note: text_field(saved, "note"),
        snapshot,
        updated_ms: time_field(saved, "updated_ms"),
        removed: flag_field(saved, "removed"),
    };
    Some((key, pick))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(event: &str) -> PickKey {
        PickKey { programme: "p".into(), event: event.into() }
    }

    fn snapshot(title: &str) -> Snapshot {
        Snapshot { title: title.into(), when: "2012-06".into(), place: "New York".into(), status: "scheduled".into() }
    }

    #[test]
    fn current_version_round_trips_everything() {
        let mut lists = Shortlists::default();
        lists.toggle(key("a"), snapshot("A"), 10);
        lists.toggle(key("b"), snapshot("B"), 11);
        lists.toggle(key("b"), snapshot("B"), 12); // removed: a tombstone that must survive
        lists.set_priority(FIRST_LIST_ID, &key("a"), Priority::MustAttend, 13);
        lists.set_note(FIRST_LIST_ID, &key("a"), "ask about the \"report\"\nline two", 14);
        lists.create("week".into(), "Week 2", 15);
        lists.toggle(key("c"), snapshot("C"), 16);
        lists.delete("week", 17);
        assert_eq!(decode(&encode(&lists)), Ok(lists));
    }

    #[test]
    fn version_1_migrates_into_the_first_list() {
        let old = r#"{"version":1,"picks":{"p":["a","b"],"q":["a"]}}"#;
        let lists = decode(old).expect("migrates");
        assert_eq!(lists.lists.len(), 1);
        assert_eq!(lists.active_list().id, FIRST_LIST_ID);
        assert!(lists.is_picked(&key("a")) && lists.is_picked(&key("b")));
        assert!(lists.is_picked(&PickKey { programme: "q".into(), event: "a".into() }));
        // And the migrated data round-trips in the current version.
        assert_eq!(decode(&encode(&lists)), Ok(lists));
    }

    #[test]
    fn damaged_or_newer_data_is_never_taken_for_an_empty_list() {
        for text in [
            "not json",
            "",
            "null",
            r#"{"version":1,"picks":[1]}"#,
            r#"{"picks":{}}"#,
            r#"{"version":2,"active":"x","lists":[]}"#,
            r#"{"version":0}"#,
        ] {
            assert!(matches!(decode(text), Err(DecodeError::Corrupt(_))), "{text}");
        }
        assert_eq!(decode(r#"{"version":7,"whatever":true}"#), Err(DecodeError::Newer(7)));
    }

    fn pick_json(event: &str, updated_ms: i64) -> String {
        format!(r#"{{"programme":"p","event":"{event}","title":"{event}","updated_ms":{updated_ms}}}"#)
    }

    #[test]
    fn one_damaged_pick_or_list_costs_only_itself() {
        let text = format!(
            r#"{{"version":2,"active":"a","lists":[
                {{"id":"a","name":"A","created_ms":1,"changed_ms":1,"picks":[{},{{"programme":"p"}},7,{}]}},
                {{"name":"no id"}},
                "not a list",
                {{"id":"b","picks":"not an array"}}
            ]}}"#,
            pick_json("x", 5),
            pick_json("y", 6),
        );
        let decoded = decode_counting(&text).expect("salvaged");
        // Two bad picks and two bad lists; list "b" is kept, with no picks.
        assert_eq!(decoded.unreadable, 4);
        assert_eq!(decoded.lists.lists.len(), 2);
        assert!(decoded.lists.is_picked(&key("x")) && decoded.lists.is_picked(&key("y")));
        // Sound data counts nothing unreadable.
        assert_eq!(decode_counting(&encode(&decoded.lists)).map(|d| d.unreadable), Ok(0));
    }

    #[test]
    fn wrong_types_in_optional_fields_fall_back_to_defaults() {
        let text = r#"{"version":2,"active":5,"lists":[{"id":"a","name":[],"created_ms":"x","deleted":"yes",
            "picks":[{"programme":"p","event":"x","priority":"urgent","note":{},"updated_ms":1.5,"removed":null}]}]}"#;
        let decoded = decode_counting(text).expect("readable");
        assert_eq!(decoded.unreadable, 0);
        let list = decoded.lists.active_list();
        assert_eq!((list.id.as_str(), list.name.as_str(), list.deleted), ("a", "", false));
        let pick = &list.picks[&key("x")];
        assert_eq!((pick.priority, pick.note.as_str(), pick.removed), (Priority::None, "", false));
    }

    #[test]
    fn duplicate_lists_and_picks_merge_with_the_latest_change_winning() {
        let text = format!(
            r#"{{"version":2,"active":"a","lists":[
                {{"id":"a","picks":[{},{}]}},
                {{"id":"a","picks":[{},{}]}}
            ]}}"#,
            pick_json("x", 5),
            pick_json("x", 9).replace(r#""title":"x""#, r#""title":"newer""#),
            pick_json("y", 1),
            pick_json("x", 7),
        );
        let decoded = decode_counting(&text).expect("readable");
        assert_eq!(decoded.lists.lists.len(), 1);
        let list = decoded.lists.active_list();
        assert_eq!(list.picks.len(), 2);
        assert_eq!(list.picks[&key("x")].snapshot.title, "newer");
    }

    #[test]
    fn if_every_list_is_deleted_the_latest_comes_back() {
        let text = r#"{"version":2,"active":"a","lists":[
            {"id":"a","changed_ms":1,"deleted":true,"picks":[]},
            {"id":"b","changed_ms":9,"deleted":true,"picks":[{"programme":"p","event":"x","updated_ms":1}]}]}"#;
        let lists = decode(text).expect("readable");
        assert_eq!(lists.active_list().id, "b");
        assert!(!lists.active_list().deleted);
        assert!(lists.is_picked(&key("x")));
    }

    #[test]
    fn version_1_with_damaged_entries_keeps_the_rest() {
        let decoded = decode_counting(r#"{"version":1,"picks":{"p":["a", 3, ""],"q":"x"}}"#).expect("migrates");
        assert_eq!(decoded.unreadable, 3);
        assert!(decoded.lists.is_picked(&key("a")));
    }
}
