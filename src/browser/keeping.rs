//! What the browser says about keeping the shortlists: its engine, whether storage is
//! persisted (and asking for it), whether the app runs from the home screen, and the backup
//! record kept beside the shortlists. What these mean for the reader is `domain::safekeeping`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::safekeeping::{BackupRecord, Engine, BACKUP_RECORD_KEY};

pub fn engine() -> Engine {
    let agent = super::window().and_then(|window| window.navigator().user_agent().ok()).unwrap_or_default();
    Engine::from_user_agent(&agent)
}

/// Opened as an installed app (from the home screen): `display-mode: standalone`, or iOS's
/// own `navigator.standalone`.
pub fn installed() -> bool {
    let Some(window) = super::window() else { return false };
    let standalone = window.match_media("(display-mode: standalone)").ok().flatten().is_some_and(|query| query.matches());
    let ios = js_sys::Reflect::get(&window.navigator(), &"standalone".into()).ok().and_then(|value| value.as_bool());
    standalone || ios == Some(true)
}

/// `navigator.storage`, where the browser has it (not in old ones, nor on plain http).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = super::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    let has = |name: &str| js_sys::Reflect::get(&manager, &name.into()).is_ok_and(|f| f.is_function());
    (has("persisted") && has("persist")).then(|| manager.unchecked_into())
}

/// Whether the browser has made the storage persistent; `None` without the API.
pub async fn persisted() -> Option<bool> {
    let promise = storage_manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks the browser to keep the storage (Firefox asks the reader first); its answer.
pub async fn persist() -> Option<bool> {
    let promise = storage_manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

pub fn load_backup_record() -> BackupRecord {
    let text = super::storage::local_storage().and_then(|storage| storage.get_item(BACKUP_RECORD_KEY).ok().flatten());
    BackupRecord::decode(text.as_deref())
}

/// Best effort: without room the reminder may come once too often, nothing worse.
pub fn save_backup_record(record: &BackupRecord) {
    if let Some(storage) = super::storage::local_storage() {
        let _ = storage.set_item(BACKUP_RECORD_KEY, &record.encode());
    }
}
