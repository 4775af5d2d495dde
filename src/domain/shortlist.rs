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

use super::i18n::{format_when, Lang};
use super::programme::{Event, Programme, Status};
use super::when::When;

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

/// What the event looked like when it was picked (or last seen): enough to show it when it
/// has gone from the programme, and to say what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub title: String,
    /// `start` or `start/end`, as in the file (`2012-06`, `2012-06-05/2012-06-07`, RFC 3339).
    pub when: String,
    pub place: String,
    /// `scheduled`, `cancelled`, `postponed`, `moved_online`.
    pub status: String,
}

pub fn status_code(status: Status) -> &'static str {
    match status {
        Status::Scheduled => "scheduled",
        Status::Cancelled => "cancelled",
        Status::Postponed => "postponed",
        Status::MovedOnline => "moved_online",
    }
}

/// The file form of a `When`, used in snapshots.
pub fn when_code(when: &When) -> String {
    let pair = |start: String, end: String| if start == end { start } else { format!("{start}/{end}") };
    match when {
        When::Months { start, end } => pair(start.to_string(), end.to_string()),
        When::Days { start, end } => pair(start.to_string(), end.to_string()),
        When::Times { start, end } => match end {
            Some(end) => format!("{}/{}", start.to_rfc3339(), end.to_rfc3339()),
            None => start.to_rfc3339(),
        },
    }
}

fn when_from_code(code: &str) -> Option<When> {
    let (start, end) = match code.split_once('/') {
        Some((start, end)) => (start, Some(end)),
        None => (code, None),
    };
    When::parse(start, end).ok()
}

impl Snapshot {
    pub fn of(event: &Event, lang: Lang) -> Self {
        let tag = lang.tag();
        let place = event.place(tag).unwrap_or_default();
        Snapshot {
            title: event.title.get(tag).to_owned(),
            when: when_code(&event.when),
            place,
            status: status_code(event.status).to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
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
        let note: String = note.chars().take(2000).collect();
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

    /// Refreshes empty snapshots (data migrated from version 1 had none) from the programme.
    pub fn fill_snapshots(&mut self, programme: &Programme, lang: Lang) -> bool {
        let mut changed = false;
        for list in &mut self.lists {
            for (key, pick) in list.picks.iter_mut() {
                if pick.snapshot.when.is_empty() && key.programme == programme.meta.id {
                    if let Some(event) = programme.event(&key.event) {
                        pick.snapshot = Snapshot::of(event, lang);
                        changed = true;
                    }
                }
            }
        }
        changed
    }
}

/// Merges two copies of the shortlists (this tab's and another tab's, or an import). Keeps
/// `ours.active`. Each list and each pick takes the most recent change; nothing only one side
/// has is dropped.
pub fn merge(ours: &Shortlists, theirs: &Shortlists) -> Shortlists {
    let mut lists = ours.lists.clone();
    for their_list in &theirs.lists {
        match lists.iter_mut().find(|list| list.id == their_list.id) {
            None => lists.push(their_list.clone()),
            Some(list) => merge_list(list, their_list),
        }
    }
    let mut merged = Shortlists { lists, active: ours.active.clone() };
    if merged.list(&merged.active).is_none_or(|list| list.deleted) {
        merged.active = merged.active_list().id.clone();
    }
    merged
}

/// Merges two copies of one list into `ours`: the later rename or deletion wins, and for each
/// pick the later change wins.
pub fn merge_list(ours: &mut NamedList, theirs: &NamedList) {
    if theirs.changed_ms > ours.changed_ms {
        ours.name = theirs.name.clone();
        ours.deleted = theirs.deleted;
        ours.changed_ms = theirs.changed_ms;
    }
    for (key, their_pick) in &theirs.picks {
        merge_pick(&mut ours.picks, key, their_pick);
    }
}

/// Two copies of one pick: the later change wins (on a tie, ours).
pub fn merge_pick(ours: &mut BTreeMap<PickKey, Pick>, key: &PickKey, theirs: &Pick) {
    match ours.get(key) {
        Some(pick) if pick.updated_ms >= theirs.updated_ms => {}
        _ => {
            ours.insert(key.clone(), theirs.clone());
        }
    }
}

/// A list shared by link, from anyone: it can only add. New lists and picks the reader does
/// not have (or removed) are added; the reader's lists are never renamed, deleted or emptied,
/// and their picks' notes and priorities never replaced, whatever the link's timestamps say.
pub fn merge_shared(ours: &Shortlists, theirs: &Shortlists, now_ms: i64) -> Shortlists {
    let mut merged = ours.clone();
    for their_list in theirs.lists.iter().filter(|list| !list.deleted) {
        let live = their_list.live_picks().map(|(key, pick)| (key.clone(), Pick { updated_ms: now_ms, ..pick.clone() }));
        match merged.lists.iter_mut().find(|list| list.id == their_list.id) {
            None => {
                let mut list = NamedList::new(their_list.id.clone(), their_list.name.clone(), now_ms);
                list.picks = live.collect();
                merged.lists.push(list);
            }
            Some(list) => {
                for (key, pick) in live {
                    if !list.contains(&key) {
                        list.picks.insert(key, pick);
                    }
                }
            }
        }
    }
    merged
}

/// How a merge is done: a file is the reader's own backup (full merge, latest change wins);
/// a share link can only add (`merge_shared`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeKind {
    File,
    SharedLink,
}

/// `merge` or `merge_shared`, for `kind`.
pub fn merge_as(kind: MergeKind, ours: &Shortlists, theirs: &Shortlists, now_ms: i64) -> Shortlists {
    match kind {
        MergeKind::File => merge(ours, theirs),
        MergeKind::SharedLink => merge_shared(ours, theirs, now_ms),
    }
}

/// What merging an import or a shared list would do, for the preview: counts, and by name
/// everything it would take away from or change in what the reader has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergePreview {
    /// Lists the import has that we do not (by name).
    pub new_lists: Vec<String>,
    /// Picks that would be added.
    pub added: usize,
    /// Picks we have that the import would change (note, priority, or removal).
    pub changed: usize,
    /// Picks we have that stay as they are.
    pub kept: usize,
    /// Picks the merge would remove: (list name, event title).
    pub removed: Vec<(String, String)>,
    /// Picks whose priority or note the merge would replace: (list name, event title).
    pub overwritten: Vec<(String, String)>,
    /// Lists the merge would rename: (name now, new name).
    pub renamed: Vec<(String, String)>,
    /// Lists the merge would delete (by name).
    pub deleted: Vec<String>,
}

pub fn preview_merge(kind: MergeKind, ours: &Shortlists, theirs: &Shortlists, now_ms: i64) -> MergePreview {
    let merged = merge_as(kind, ours, theirs, now_ms);
    let mut preview = MergePreview::default();
    for list in &merged.lists {
        let Some(our_list) = ours.list(&list.id) else {
            if !list.deleted {
                preview.new_lists.push(list.name.clone());
                preview.added += list.live_picks().count();
            }
            continue;
        };
        if list.name != our_list.name {
            preview.renamed.push((our_list.name.clone(), list.name.clone()));
        }
        if list.deleted && !our_list.deleted {
            preview.deleted.push(our_list.name.clone());
        }
        for (key, pick) in &list.picks {
            let title = || (our_list.name.clone(), pick.snapshot.title.clone());
            match our_list.picks.get(key) {
                None if !pick.removed => preview.added += 1,
                None => {}
                Some(ours) if ours == pick => preview.kept += usize::from(!ours.removed),
                Some(ours) if ours.removed && !pick.removed => preview.added += 1,
                Some(ours) if ours.removed => {}
                Some(_) if pick.removed => {
                    preview.changed += 1;
                    preview.removed.push(title());
                }
                Some(ours) if ours.priority != pick.priority || ours.note != pick.note => {
                    preview.changed += 1;
                    preview.overwritten.push(title());
                }
                // Only the snapshot or the time differs: nothing the reader would notice.
                Some(_) => preview.kept += 1,
            }
        }
    }
    preview
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

/// How a pick's event stands in the loaded programme, compared with its snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickChange {
    RemovedFromProgramme,
    Moved { from: String, to: String },
    PlaceChanged { from: String, to: String },
    StatusChanged { to: Status },
}

/// Everything that changed since the pick's snapshot; empty when nothing did.
pub fn pick_changes(pick: &Pick, event: Option<&Event>, lang: Lang) -> Vec<PickChange> {
    let Some(event) = event else { return vec![PickChange::RemovedFromProgramme] };
    let now = Snapshot::of(event, lang);
    let mut changes = Vec::new();
    if !pick.snapshot.when.is_empty() && pick.snapshot.when != now.when {
        let show = |code: &str| when_from_code(code).map(|w| format_when(lang, &w)).unwrap_or_else(|| code.to_owned());
        changes.push(PickChange::Moved { from: show(&pick.snapshot.when), to: format_when(lang, &event.when) });
    }
    if !pick.snapshot.place.is_empty() && pick.snapshot.place != now.place {
        changes.push(PickChange::PlaceChanged { from: pick.snapshot.place.clone(), to: now.place });
    }
    // A cancelled or postponed event is labelled as such for as long as it is.
    if event.status != Status::Scheduled {
        changes.push(PickChange::StatusChanged { to: event.status });
    }
    changes
}

/// One row of the shortlist page: a live pick of this programme, its event if the programme
/// still has it, and the month it is listed under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShortlistEntry {
    pub key: PickKey,
    /// Index into `programme.events`; `None` when the event is no longer in the programme.
    pub event: Option<usize>,
    pub month: Option<super::when::YearMonth>,
}

/// The live picks of `list` for `programme`, in date order (from the programme, or from the
/// snapshot when the event has gone); picks without any known date come last.
pub fn shortlist_entries(list: &NamedList, programme: &Programme) -> Vec<ShortlistEntry> {
    let mut entries: Vec<_> = list
        .live_picks()
        .filter(|(key, _)| key.programme == programme.meta.id)
        .map(|(key, pick)| {
            let event = programme.event_index(&key.event);
            let when = event.map(|i| programme.events[i].when.clone()).or_else(|| when_from_code(&pick.snapshot.when));
            let entry = ShortlistEntry { key: key.clone(), event, month: when.as_ref().map(When::start_month) };
            (when.as_ref().map(When::sort_key), entry)
        })
        .collect();
    // Known dates in order; picks without any known date last.
    entries.sort_by_key(|(when, _)| (when.is_none(), *when));
    entries.into_iter().map(|(_, entry)| entry).collect()
}
