//! localStorage for the shortlists, through gloo-storage. Moves strings only: the envelope
//! format, its versions and the merge rules are in `domain`.
//!
//! Every fault is returned, never swallowed: the UI tells the reader and keeps working in
//! memory. Unreadable data is copied aside before anything else is written. Before writing,
//! the stored value is read and merged, so two tabs editing at once lose nothing.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::domain::shortlist::{merge, Shortlists};
use crate::domain::stored::{self, DecodeError, Decoded, BACKUP_KEY, STORAGE_KEY};

/// What went wrong with the saved shortlists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageFault {
    /// No localStorage at all (disabled, sandboxed, some private modes).
    Unavailable,
    /// A write was refused, usually because the storage quota is full.
    WriteFailed(String),
    /// The saved value could not be read; it was kept under `BACKUP_KEY`.
    Corrupt { raw: String },
    /// Some saved items could not be read; the rest are shown, and the whole saved value was
    /// kept under `BACKUP_KEY`.
    PartlyUnreadable { raw: String, items: usize },
    /// Written by a newer version: never overwritten, and nothing can be picked meanwhile.
    Newer(u64),
    /// The saved value cannot be read and could not be copied aside (storage full): it is
    /// not overwritten; changes stay in memory until a copy can be made.
    NoRoomAside,
}

/// localStorage, or `None` when the browser refuses it. gloo-storage's own accessor throws
/// in that case, so we ask the window first.
pub(super) fn local_storage() -> Option<web_sys::Storage> {
    super::window()?.local_storage().ok()??;
    Some(LocalStorage::raw())
}

/// Reads the shortlists. On a fault, returns the best shortlists we can have (fresh ones when
/// the saved value is unreadable) together with the fault to show.
pub fn load_shortlists() -> (Shortlists, Option<StorageFault>) {
    let Some(storage) = local_storage() else { return (Shortlists::default(), Some(StorageFault::Unavailable)) };
    let raw = match storage.get_item(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return (Shortlists::default(), None),
        Err(_) => return (Shortlists::default(), Some(StorageFault::Unavailable)),
    };
    // No time after now: a device clock that ran ahead must not outrank the next change.
    let now = super::clock::now_ms();
    let clamped = |mut lists: Shortlists| {
        lists.clamp_times(now);
        lists
    };
    match stored::decode_counting(&raw) {
        Ok(Decoded { lists, unreadable: 0 }) => (clamped(lists), None),
        Ok(Decoded { lists, unreadable }) => {
            // (If the copy fails here, the first save tries again and refuses to write.)
            let _ = keep_aside(&storage, &raw);
            (clamped(lists), Some(StorageFault::PartlyUnreadable { raw, items: unreadable }))
        }
        Err(DecodeError::Newer(version)) => (Shortlists::default(), Some(StorageFault::Newer(version))),
        Err(DecodeError::Corrupt(_)) => {
            let _ = keep_aside(&storage, &raw);
            (Shortlists::default(), Some(StorageFault::Corrupt { raw }))
        }
    }
}

/// Copies unreadable data to the backup key. An older, different backup is not overwritten:
/// the new one goes under a numbered key instead. Fails (storage full, or 99 copies already)
/// unless the copy is there afterwards: then nothing may overwrite the original.
fn keep_aside(storage: &web_sys::Storage, raw: &str) -> Result<(), StorageFault> {
    for n in 1..100 {
        let key = if n == 1 { BACKUP_KEY.to_owned() } else { format!("{BACKUP_KEY}.{n}") };
        match storage.get_item(&key) {
            Ok(Some(existing)) if existing == raw => return Ok(()),
            Ok(Some(_)) => continue,
            _ => return storage.set_item(&key, raw).map_err(|_| StorageFault::NoRoomAside),
        }
    }
    Err(StorageFault::NoRoomAside)
}

/// Saves `ours`, merged with whatever another tab saved meanwhile. Returns the merged
/// shortlists (to show) when the stored copy had something we did not.
pub fn save_shortlists(ours: &Shortlists) -> Result<Option<Shortlists>, StorageFault> {
    let storage = local_storage().ok_or(StorageFault::Unavailable)?;
    let stored_raw = storage.get_item(STORAGE_KEY).map_err(|_| StorageFault::Unavailable)?;
    let stored = stored_raw.as_deref().map(stored::decode_counting);
    // What cannot be read is copied aside before this write replaces it.
    if matches!(stored, Some(Ok(Decoded { unreadable: 1.., .. }))) {
        keep_aside(&storage, stored_raw.as_deref().unwrap_or_default())?;
    }
    let (to_write, newer_for_us) = match stored {
        None => (ours.clone(), None),
        Some(Err(DecodeError::Newer(version))) => return Err(StorageFault::Newer(version)),
        Some(Err(DecodeError::Corrupt(_))) => {
            keep_aside(&storage, stored_raw.as_deref().unwrap_or_default())?;
            (ours.clone(), None)
        }
        Some(Ok(Decoded { lists: theirs, .. })) => {
            let merged = merge(ours, &theirs);
            // Nothing of ours is missing from storage: no write, so that tabs do not echo
            // each other's saves forever.
            if merge(&theirs, ours).lists == theirs.lists {
                return Ok((merged != *ours).then_some(merged));
            }
            let newer = (merged != *ours).then(|| merged.clone());
            (merged, newer)
        }
    };
    let mut to_write = to_write;
    to_write.prune_removed(super::clock::now_ms());
    storage.set_item(STORAGE_KEY, &stored::encode(&to_write)).map_err(|err| StorageFault::WriteFailed(format!("{err:?}")))?;
    Ok(newer_for_us)
}

/// Calls `on_change` with the shortlists another tab saved (the `storage` event). The
/// listener lives as long as the page.
pub fn on_other_tab_change(on_change: impl Fn(Shortlists) + 'static) {
    let Some(window) = super::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
        if event.key().as_deref() != Some(STORAGE_KEY) {
            return;
        }
        if let Some(Ok(lists)) = event.new_value().as_deref().map(stored::decode) {
            on_change(lists);
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Where what a reader last saw of a programme is kept (`domain::seen`), one key per programme.
const SEEN_PREFIX: &str = "programme-browser/seen/";

/// What the reader last saw of programme `id`: `None` without storage, `Some(None)` on a
/// first visit.
pub fn load_seen(programme_id: &str) -> Option<Option<String>> {
    local_storage()?.get_item(&format!("{SEEN_PREFIX}{programme_id}")).ok()
}

/// Remembers what the reader sees now. Best effort: without room, the marks simply stay.
pub fn save_seen(programme_id: &str, text: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&format!("{SEEN_PREFIX}{programme_id}"), text);
    }
}

/// Forgets what the reader saw of programme `id` (a programme too big to keep it for).
pub fn forget_seen(programme_id: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&format!("{SEEN_PREFIX}{programme_id}"));
    }
}

/// Where the reader's choice of calendar reminder is kept (minutes, or nothing).
const ALARM_KEY: &str = "programme-browser/calendar-alarm";

/// The reminder the reader chose for calendar files; `None` natively and without storage.
pub fn load_alarm() -> Option<u32> {
    crate::domain::calendar::parse_alarm(&local_storage()?.get_item(ALARM_KEY).ok()??)
}

/// Remembers the reader's reminder. Best effort: without storage it lasts for this page.
pub fn save_alarm(minutes: Option<u32>) {
    if let Some(storage) = local_storage() {
        let _ = match minutes {
            Some(minutes) => storage.set_item(ALARM_KEY, &minutes.to_string()),
            None => storage.remove_item(ALARM_KEY),
        };
    }
}

/// The series the reader follows; none natively, without storage or when unreadable.
pub fn load_follows() -> crate::domain::follow::Follows {
    let text = local_storage().and_then(|storage| storage.get_item(crate::domain::follow::FOLLOWS_KEY).ok().flatten());
    text.map(|text| crate::domain::follow::Follows::decode(&text)).unwrap_or_default()
}

/// Remembers the series followed. Best effort: without storage it lasts for this page.
pub fn save_follows(follows: &crate::domain::follow::Follows) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(crate::domain::follow::FOLLOWS_KEY, &follows.encode());
    }
}

/// Drops the saved shortlists (tests use this).
pub fn clear_shortlists() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}
