//! The reader's shortlists: several named lists of picks, each pick keyed by programme id +
//! event id and carrying a small snapshot of the event, a priority and a private note.
//!
//! Rules that keep picks from being lost:
//! - nothing is pruned except by the reader: removing a pick or deleting a list leaves a dated
//!   tombstone, so that a merge with an older copy (another tab, an import) cannot resurrect
//!   or erase it by accident;
//! - `merge` is commutative per item: the most recent change of each pick and list wins, and
//!   picks only one side has are kept;
//! - time is a parameter (`now_ms`), ids come from the caller.

use std::collections::BTreeMap;

use super::programme::Programme;

mod entries;
mod merge;
mod own;
mod snapshot;

pub use entries::{shortlist_entries, ShortlistEntry};
pub use merge::{merge, merge_as, merge_list, merge_pick, merge_shared, preview_merge, MergeKind, MergePreview};
pub use own::{is_own, is_own_id, own_event, own_events, venue_offset, DraftProblem, OwnDraft, OWN_PREFIX};
pub use snapshot::{pick_changes, PickChange, Snapshot};

/// Which event a pick is: the programme's stable id and the event's stable id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PickKey {
    pub programme: String,
    pub event: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Priority {
    #[default]
    None,
    Maybe,
    MustAttend,
}

impl Priority {
    pub fn code(self) -> &'static str {
        match self {
            Priority::None => "none",
            Priority::Maybe => "maybe",
            Priority::MustAttend => "must",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Priority::None, Priority::Maybe, Priority::MustAttend].into_iter().find(|p| p.code() == code)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pick {
    pub priority: Priority,
    pub note: String,
    pub snapshot: Snapshot,
    /// When the reader last changed this pick (added, removed, note, priority).
    pub updated_ms: i64,
    /// Removed by the reader at `updated_ms` (a tombstone, kept for merging).
    pub removed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedList {
    pub id: String,
    pub name: String,
    pub created_ms: i64,
    /// Last rename, delete or restore.
    pub changed_ms: i64,
    pub deleted: bool,
    pub picks: BTreeMap<PickKey, Pick>,
}

impl NamedList {
    pub fn new(id: impl Into<String>, name: impl Into<String>, now_ms: i64) -> Self {
        Self { id: id.into(), name: name.into(), created_ms: now_ms, changed_ms: now_ms, deleted: false, picks: BTreeMap::new() }
    }

    /// Picks the reader has not removed.
    pub fn live_picks(&self) -> impl Iterator<Item = (&PickKey, &Pick)> {
        self.picks.iter().filter(|(_, pick)| !pick.removed)
    }

    pub fn contains(&self, key: &PickKey) -> bool {
        self.picks.get(key).is_some_and(|pick| !pick.removed)
    }

    pub fn count(&self, programme: &str) -> usize {
        self.live_picks().filter(|(key, _)| key.programme == programme).count()
    }
}

/// The longest private note kept, in characters.
pub const NOTE_MAX: usize = 2000;

/// Id of the list every reader starts with (and that version 1 data migrates into).
pub const FIRST_LIST_ID: &str = "default";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortlists {
    pub lists: Vec<NamedList>,
    /// The list that the star toggles act on.
    pub active: String,
}

impl Default for Shortlists {
    fn default() -> Self {
        Self { lists: vec![NamedList::new(FIRST_LIST_ID, "", 0)], active: FIRST_LIST_ID.to_owned() }
    }
}

impl Shortlists {
    /// Lists the reader has not deleted, in creation order.
    pub fn live_lists(&self) -> impl Iterator<Item = &NamedList> {
        self.lists.iter().filter(|list| !list.deleted)
    }

    pub fn list(&self, id: &str) -> Option<&NamedList> {
        self.lists.iter().find(|list| list.id == id)
    }

    fn list_mut(&mut self, id: &str) -> Option<&mut NamedList> {
        self.lists.iter_mut().find(|list| list.id == id)
    }

    /// The active list, falling back to the first live one (creating one if none is left).
    pub fn active_list(&self) -> &NamedList {
        self.list(&self.active)
            .filter(|list| !list.deleted)
            .or_else(|| self.live_lists().next())
            .or_else(|| self.lists.first())
            .expect("Shortlists always holds at least one list")
    }

    pub fn is_picked(&self, key: &PickKey) -> bool {
        self.active_list().contains(key)
    }

    /// Adds the event to the active list, or removes it; returns whether it is now picked.
    pub fn toggle(&mut self, key: PickKey, snapshot: Snapshot, now_ms: i64) -> bool {
        let active = self.active_list().id.clone();
        let Some(list) = self.list_mut(&active) else { return false };
        match list.picks.get_mut(&key) {
            Some(pick) if !pick.removed => {
                pick.removed = true;
                pick.updated_ms = now_ms;
                false
            }
            Some(pick) => {
                pick.removed = false;
                pick.snapshot = snapshot;
                pick.updated_ms = now_ms;
                true
            }
            None => {
                list.picks
                    .insert(key, Pick { priority: Priority::None, note: String::new(), snapshot, updated_ms: now_ms, removed: false });
                true
            }
        }
    }

    pub fn set_priority(&mut self, list_id: &str, key: &PickKey, priority: Priority, now_ms: i64) {
        if let Some(pick) = self.list_mut(list_id).and_then(|list| list.picks.get_mut(key)) {
            pick.priority = priority;
            pick.updated_ms = now_ms;
        }
    }

    /// Returns whether the note changed (saving while typing and on leaving the field must
    /// not date the pick twice).
    pub fn set_note(&mut self, list_id: &str, key: &PickKey, note: &str, now_ms: i64) -> bool {
        let note: String = note.chars().take(NOTE_MAX).collect();
        match self.list_mut(list_id).and_then(|list| list.picks.get_mut(key)) {
            Some(pick) if pick.note != note => {
                pick.note = note;
                pick.updated_ms = now_ms;
                true
            }
            _ => false,
        }
    }

    /// Creates a list and makes it active.
    pub fn create(&mut self, id: String, name: &str, now_ms: i64) {
        self.lists.push(NamedList::new(id.clone(), name.trim(), now_ms));
        self.active = id;
    }

    pub fn rename(&mut self, id: &str, name: &str, now_ms: i64) {
        if let Some(list) = self.list_mut(id) {
            list.name = name.trim().to_owned();
            list.changed_ms = now_ms;
        }
    }

    /// Deletes a list, keeping it as a tombstone so that `restore` can undo it.
    pub fn delete(&mut self, id: &str, now_ms: i64) {
        if let Some(list) = self.list_mut(id) {
            list.deleted = true;
            list.changed_ms = now_ms;
        }
        if self.live_lists().next().is_none() {
            self.create(format!("list-{now_ms}"), "", now_ms);
        }
        if self.active == id {
            self.active = self.active_list().id.clone();
        }
    }

    pub fn restore(&mut self, id: &str, now_ms: i64) {
        if let Some(list) = self.list_mut(id) {
            list.deleted = false;
            list.changed_ms = now_ms;
        }
    }

    pub fn set_active(&mut self, id: &str) {
        if self.list(id).is_some_and(|list| !list.deleted) {
            self.active = id.to_owned();
        }
    }

    /// Brings the picks' snapshots of `programme` up to date with what they must hold: empty
    /// ones (data migrated from version 1 had none, a share link carries none) are filled, and
    /// ones written in a reader's language are made language-independent (`Snapshot`). True
    /// when something changed (to be saved).
    pub fn fill_snapshots(&mut self, programme: &Programme) -> bool {
        let mut changed = false;
        for list in &mut self.lists {
            for (key, pick) in list.picks.iter_mut().filter(|(key, pick)| key.programme == programme.meta.id && !pick.removed) {
                let Some(event) = programme.event(&key.event) else { continue };
                if pick.snapshot.when.is_empty() {
                    pick.snapshot = Snapshot::of(event);
                    changed = true;
                } else {
                    changed |= pick.snapshot.made_language_independent(event);
                }
            }
        }
        changed
    }
}

/// How long a removal is remembered (for merging with other tabs' and devices' copies); after
/// that, an older copy that still has the pick can bring it back.
pub const REMOVAL_KEPT_MS: i64 = 180 * 24 * 60 * 60 * 1000;

impl Shortlists {
    /// Keeps storage from growing with every removal: removals older than `REMOVAL_KEPT_MS`
    /// are forgotten, and the others keep only what merging needs (no snapshot, no note).
    pub fn prune_removed(&mut self, now_ms: i64) {
        for list in &mut self.lists {
            list.picks.retain(|_, pick| !pick.removed || now_ms.saturating_sub(pick.updated_ms) < REMOVAL_KEPT_MS);
            for pick in list.picks.values_mut().filter(|pick| pick.removed) {
                pick.snapshot = Snapshot::default();
                pick.note.clear();
                pick.priority = Priority::None;
            }
        }
    }

    /// No time after `now_ms`: data from outside (a file, a link) or written while the
    /// device's clock ran ahead cannot outrank the reader's later changes and undos.
    pub fn clamp_times(&mut self, now_ms: i64) {
        for list in &mut self.lists {
            list.created_ms = list.created_ms.min(now_ms);
            list.changed_ms = list.changed_ms.min(now_ms);
            for pick in list.picks.values_mut() {
                pick.updated_ms = pick.updated_ms.min(now_ms);
            }
        }
    }
}
