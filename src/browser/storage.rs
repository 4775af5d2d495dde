//! localStorage for the shortlist, through gloo-storage. Moves strings only: the envelope
//! format and its versions are in `domain::stored`.
//!
//! Every fault is returned, never swallowed: the UI tells the reader and keeps working in
//! memory. Unreadable data is copied aside before anything else is written.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::shortlist::Shortlist;
use crate::domain::stored::{self, DecodeError, BACKUP_KEY, STORAGE_KEY};

/// What went wrong with the saved shortlist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageFault {
    /// No localStorage at all (disabled, sandboxed, some private modes).
    Unavailable,
    /// A write was refused, usually because the storage quota is full.
    WriteFailed(String),
    /// The saved value could not be read; it was kept under `BACKUP_KEY`.
    Corrupt { raw: String },
    /// Written by a newer version: shown, never overwritten.
    Newer(u64),
}

/// localStorage, or `None` when the browser refuses it. gloo-storage's own accessor throws
/// in that case, so we ask the window first.
fn local_storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    drop(storage);
    Some(LocalStorage::raw())
}

/// Reads the shortlist. On a fault, returns the best shortlist we can have (empty when the
/// saved one is unreadable) together with the fault to show.
pub fn load_shortlist() -> (Shortlist, Option<StorageFault>) {
    let Some(storage) = local_storage() else { return (Shortlist::default(), Some(StorageFault::Unavailable)) };
    let raw = match storage.get_item(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return (Shortlist::default(), None),
        Err(_) => return (Shortlist::default(), Some(StorageFault::Unavailable)),
    };
    match stored::decode(&raw) {
        Ok(shortlist) => (shortlist, None),
        Err(DecodeError::Newer(version)) => (Shortlist::default(), Some(StorageFault::Newer(version))),
        Err(DecodeError::Corrupt(_)) => {
            keep_aside(&storage, &raw);
            (Shortlist::default(), Some(StorageFault::Corrupt { raw }))
        }
    }
}

/// Copies unreadable data to the backup key. An older backup is not overwritten: the new
/// one goes under a numbered key instead.
fn keep_aside(storage: &web_sys::Storage, raw: &str) {
    let mut key = BACKUP_KEY.to_owned();
    for n in 2.. {
        match storage.get_item(&key) {
            Ok(Some(existing)) if existing != raw => key = format!("{BACKUP_KEY}.{n}"),
            _ => break,
        }
    }
    let _ = storage.set_item(&key, raw);
}

/// Writes the shortlist.
pub fn save_shortlist(shortlist: &Shortlist) -> Result<(), StorageFault> {
    let storage = local_storage().ok_or(StorageFault::Unavailable)?;
    storage.set_item(STORAGE_KEY, &stored::encode(shortlist)).map_err(|err| StorageFault::WriteFailed(format!("{err:?}")))
}

/// Drops the shortlist written by `save_shortlist` (tests only use this).
pub fn clear_shortlist() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}
