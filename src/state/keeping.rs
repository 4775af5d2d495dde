//! What the browser promises about the saved shortlists, the reader's backups and the
//! reminder to make one (`domain::safekeeping` decides; this holds and persists).

use leptos::prelude::*;

use super::ShortlistState;
use crate::browser::storage::StorageFault;
use crate::browser::{clock, keeping};
use crate::domain::safekeeping::{has_picks, BackupRecord, Keeping, StorageFacts};

#[derive(Clone, Copy)]
pub struct KeepingState {
    facts: RwSignal<StorageFacts>,
    pub record: RwSignal<BackupRecord>,
    shortlist: ShortlistState,
}

/// The state, where the page has storage (not in the prerender nor the organiser's preview).
pub fn use_keeping() -> Option<KeepingState> {
    use_context::<KeepingState>()
}

impl KeepingState {
    pub fn provide(shortlist: ShortlistState) -> Self {
        let facts = StorageFacts { engine: keeping::engine(), persisted: None, installed: keeping::installed(), unavailable: false };
        let state = Self { facts: RwSignal::new(facts), record: RwSignal::new(keeping::load_backup_record()), shortlist };
        leptos::task::spawn_local(async move {
            let persisted = keeping::persisted().await;
            state.facts.update(|facts| facts.persisted = persisted);
            // Where there is something to keep, browsers that never prompt are asked to keep
            // it (a reader's first picks, on their next visit).
            if state.facts.get_untracked().ask_quietly(shortlist.lists.with_untracked(has_picks)) {
                state.ask();
            }
        });
        provide_context(state);
        state
    }

    /// What the browser promises now (tracked).
    pub fn keeping(&self) -> Keeping {
        let unavailable = self
            .shortlist
            .fault
            .with(|fault| matches!(fault, Some(StorageFault::Unavailable | StorageFault::WriteFailed(_) | StorageFault::NoRoomAside)));
        StorageFacts { unavailable, ..self.facts.get() }.keeping()
    }

    /// Whether the browser can be asked to keep the storage (it has the API and has not yet).
    pub fn can_ask(&self) -> bool {
        self.facts.with(|facts| facts.persisted == Some(false))
    }

    pub fn installed(&self) -> bool {
        self.facts.with_untracked(|facts| facts.installed)
    }

    /// Asks the browser to keep the storage, and remembers its answer.
    pub fn ask(self) {
        leptos::task::spawn_local(async move {
            if let Some(answer) = keeping::persist().await {
                self.facts.update(|facts| facts.persisted = Some(answer));
            }
        });
    }

    /// Whether to show the reminder to keep a backup (tracked).
    pub fn remind(&self) -> bool {
        let keeping = self.keeping();
        let now = clock::now_ms();
        self.shortlist.lists.with(|lists| self.record.with(|record| record.remind(keeping, lists, now)))
    }

    /// A file exported or a share link made: the picks as they are now are kept elsewhere.
    pub fn backed_up(self) {
        self.change_record(|record| record.last_backup_ms = Some(clock::now_ms()));
    }

    /// "Not now": quiet for a week.
    pub fn dismiss_reminder(self) {
        self.change_record(|record| record.reminder_dismissed_ms = Some(clock::now_ms()));
    }

    fn change_record(self, change: impl FnOnce(&mut BackupRecord)) {
        // Another tab may have recorded a backup meanwhile: start from the stored record.
        let mut record = keeping::load_backup_record();
        change(&mut record);
        keeping::save_backup_record(&record);
        self.record.set(record);
    }
}
