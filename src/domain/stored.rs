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

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::shortlist::{NamedList, Pick, PickKey, Priority, Shortlists, Snapshot, FIRST_LIST_ID};

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

#[derive(Deserialize)]
struct VersionOnly {
    version: u64,
}

#[derive(Serialize, Deserialize)]
struct EnvelopeV1 {
    version: u64,
    picks: BTreeMap<String, BTreeSet<String>>,
}

#[derive(Serialize, Deserialize)]
struct EnvelopeV2 {
    version: u64,
    /// Tells an export file apart from any other JSON a reader might pick.
    #[serde(default)]
    app: String,
    active: String,
    lists: Vec<ListV2>,
}

#[derive(Serialize, Deserialize)]
struct ListV2 {
    id: String,
    name: String,
    created_ms: i64,
    changed_ms: i64,
    #[serde(default, skip_serializing_if = "is_false")]
    deleted: bool,
    picks: Vec<PickV2>,
}

#[derive(Serialize, Deserialize)]
struct PickV2 {
    programme: String,
    event: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    priority: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    when: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    status: String,
    updated_ms: i64,
    #[serde(default, skip_serializing_if = "is_false")]
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

/// Reads any known version, migrating it to the current model.
pub fn decode(text: &str) -> Result<Shortlists, DecodeError> {
    let corrupt = |err: serde_json::Error| DecodeError::Corrupt(err.to_string());
    let version: VersionOnly = serde_json::from_str(text).map_err(corrupt)?;
    match version.version {
        1 => Ok(migrate_v1(serde_json::from_str(text).map_err(corrupt)?)),
        2 => from_v2(serde_json::from_str(text).map_err(corrupt)?),
        newer if newer > CURRENT_VERSION => Err(DecodeError::Newer(newer)),
        other => Err(DecodeError::Corrupt(format!("unknown format version {other}"))),
    }
}

/// Version 1 had one unnamed list of event ids per programme, without dates or snapshots:
/// they become the first list, with empty snapshots that the app fills from the programme.
fn migrate_v1(old: EnvelopeV1) -> Shortlists {
    let mut list = NamedList::new(FIRST_LIST_ID, "", 0);
    for (programme, events) in old.picks {
        for event in events {
            let pick = Pick { priority: Priority::None, note: String::new(), snapshot: Snapshot::default(), updated_ms: 0, removed: false };
            list.picks.insert(PickKey { programme: programme.clone(), event }, pick);
        }
    }
    Shortlists { lists: vec![list], active: FIRST_LIST_ID.to_owned() }
}

fn from_v2(envelope: EnvelopeV2) -> Result<Shortlists, DecodeError> {
    if envelope.lists.is_empty() {
        return Err(DecodeError::Corrupt("no lists".into()));
    }
    let lists = envelope
        .lists
        .into_iter()
        .map(|list| NamedList {
            id: list.id,
            name: list.name,
            created_ms: list.created_ms,
            changed_ms: list.changed_ms,
            deleted: list.deleted,
            picks: list
                .picks
                .into_iter()
                .map(|pick| {
                    let key = PickKey { programme: pick.programme, event: pick.event };
                    let snapshot = Snapshot { title: pick.title, when: pick.when, place: pick.place, status: pick.status };
                    let priority = Priority::from_code(&pick.priority).unwrap_or_default();
                    (key, Pick { priority, note: pick.note, snapshot, updated_ms: pick.updated_ms, removed: pick.removed })
                })
                .collect(),
        })
        .collect();
    let mut shortlists = Shortlists { lists, active: envelope.active };
    shortlists.set_active(&shortlists.active_list().id.clone());
    Ok(shortlists)
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
}
