//! Merging copies of the shortlists: another tab's, a backup file, a shared link.

use std::collections::BTreeMap;

use super::{NamedList, Pick, PickKey, Shortlists};

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
