//! Whether the browser promises to keep the shortlists, and when to remind the reader to keep a
//! backup. The browser adapter reports the facts (the engine, whether storage is persisted,
//! whether the app runs from the home screen); what they mean for the reader is decided here.
//!
//! The engines' promises (docs/ARCHITECTURE.md has the sources): Chromium and Firefox keep a
//! site's storage until the reader clears it, unless the device runs short of space and the
//! storage is not "persisted"; Safari, and every browser on iOS, which all run WebKit, delete
//! it after seven days of use without a visit to the site, persisted or not; an app added to
//! the home screen is exempt from that, and keeps a store of its own, apart from the browser's.

use super::shortlist::Shortlists;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// Unsaved changes this old earn a reminder to keep a backup.
pub const REMIND_AFTER_DAYS: i64 = 3;
/// A dismissed reminder comes back after this long at the earliest.
pub const QUIET_FOR_DAYS: i64 = 7;

/// The browser engine, as far as it changes what storage promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Blink,
    Gecko,
    /// Safari, and every browser on iOS and iPadOS.
    WebKit,
}

impl Engine {
    /// From `navigator.userAgent`. Chromium's and Firefox's strings name AppleWebKit too, so
    /// WebKit is what is left; iOS browsers (CriOS, FxiOS) are WebKit whatever their name.
    pub fn from_user_agent(agent: &str) -> Engine {
        if ["iPhone", "iPad", "iPod", "CriOS", "FxiOS", "EdgiOS"].iter().any(|mark| agent.contains(mark)) {
            Engine::WebKit
        } else if agent.contains("Chrome/") || agent.contains("Chromium/") {
            Engine::Blink
        } else if agent.contains("Gecko/") && agent.contains("Firefox/") {
            Engine::Gecko
        } else if agent.contains("AppleWebKit/") {
            Engine::WebKit
        } else {
            Engine::Blink
        }
    }

    /// Whether `navigator.storage.persist()` may ask the reader (Firefox shows a prompt): it
    /// is then called only when the reader asks for it, never on its own.
    pub fn asks_before_persisting(self) -> bool {
        self == Engine::Gecko
    }
}

/// What the browser promises about the saved shortlists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeping {
    /// Kept until the reader clears it (persisted storage).
    Persistent,
    /// Kept, but the browser may clear it when the device runs short of space.
    BestEffort,
    /// Deleted after seven days of use without a visit (WebKit, in the browser).
    SevenDays,
    /// Nothing is kept beyond this page (storage refused or full).
    ThisPageOnly,
}

/// What the browser told about its storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageFacts {
    pub engine: Engine,
    /// `navigator.storage.persisted()`; `None` while unknown or without the API.
    pub persisted: Option<bool>,
    /// Opened from the home screen (display-mode standalone): a store apart from the browser's.
    pub installed: bool,
    /// localStorage refused, or refusing writes.
    pub unavailable: bool,
}

impl Keeping {
    /// A stable name, for the page's markup (`data-keeping`) and its tests.
    pub const fn code(self) -> &'static str {
        match self {
            Keeping::Persistent => "persistent",
            Keeping::BestEffort => "best-effort",
            Keeping::SevenDays => "seven-days",
            Keeping::ThisPageOnly => "this-page-only",
        }
    }
}

impl StorageFacts {
    pub fn keeping(self) -> Keeping {
        if self.unavailable {
            Keeping::ThisPageOnly
        } else if self.engine == Engine::WebKit && !self.installed {
            Keeping::SevenDays
        } else if self.persisted == Some(true) {
            Keeping::Persistent
        } else {
            Keeping::BestEffort
        }
    }

    /// Whether to ask the browser to persist storage without the reader asking: where it
    /// never prompts, and once there is something to keep.
    pub fn ask_quietly(self, has_picks: bool) -> bool {
        has_picks && self.persisted == Some(false) && !self.engine.asks_before_persisting() && !self.unavailable
    }
}

/// The reader's backups and reminders, kept beside the shortlists (language-independent:
/// times only). Stored as `backup=<ms>;dismissed=<ms>`: two numbers need no JSON reader (a
/// serde one costs the wasm more than this whole record).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BackupRecord {
    /// The last export to a file or share link made (ms since the epoch).
    pub last_backup_ms: Option<i64>,
    /// When the reader last said "not now" to a reminder.
    pub reminder_dismissed_ms: Option<i64>,
}

/// Where the record is kept in localStorage.
pub const BACKUP_RECORD_KEY: &str = "programme-browser/backups";

impl BackupRecord {
    /// A damaged or missing record is an empty one: it holds no pick, only reminder times,
    /// and the worst an empty record does is remind once too often.
    pub fn decode(text: Option<&str>) -> BackupRecord {
        let mut record = BackupRecord::default();
        for part in text.unwrap_or_default().split(';') {
            let Some((name, value)) = part.split_once('=') else { continue };
            let value = value.trim().parse::<i64>().ok();
            match name.trim() {
                "backup" => record.last_backup_ms = value,
                "dismissed" => record.reminder_dismissed_ms = value,
                _ => {}
            }
        }
        record
    }

    pub fn encode(&self) -> String {
        let field = |name: &str, value: Option<i64>| value.map(|ms| format!("{name}={ms}"));
        [field("backup", self.last_backup_ms), field("dismissed", self.reminder_dismissed_ms)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(";")
    }

    /// Whether to remind the reader now: storage not promised, live picks changed since the
    /// last backup for at least `REMIND_AFTER_DAYS`, and no reminder dismissed this week.
    pub fn remind(&self, keeping: Keeping, lists: &Shortlists, now_ms: i64) -> bool {
        if keeping == Keeping::Persistent || keeping == Keeping::ThisPageOnly {
            // (Without storage the page's own warning says more than a reminder could.)
            return false;
        }
        if self.reminder_dismissed_ms.is_some_and(|dismissed| now_ms - dismissed < QUIET_FOR_DAYS * DAY_MS) {
            return false;
        }
        first_unsaved_change(lists, self.last_backup_ms).is_some_and(|first| now_ms - first >= REMIND_AFTER_DAYS * DAY_MS)
    }
}

/// The earliest change to a live pick made after `since_ms` (every live pick without a backup).
pub fn first_unsaved_change(lists: &Shortlists, since_ms: Option<i64>) -> Option<i64> {
    let since = since_ms.unwrap_or(i64::MIN);
    lists.live_lists().flat_map(|list| list.live_picks()).map(|(_, pick)| pick.updated_ms).filter(|&updated| updated > since).min()
}

/// Whether any list holds a pick.
pub fn has_picks(lists: &Shortlists) -> bool {
    lists.live_lists().any(|list| list.live_picks().next().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAFARI: &str =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    const IPHONE_CHROME: &str =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1";
    const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    const EPIPHANY: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";

    #[test]
    fn engines_are_told_apart_by_their_user_agent() {
        assert_eq!(Engine::from_user_agent(SAFARI), Engine::WebKit);
        assert_eq!(Engine::from_user_agent(IPHONE_CHROME), Engine::WebKit);
        assert_eq!(Engine::from_user_agent(EPIPHANY), Engine::WebKit);
        assert_eq!(Engine::from_user_agent(CHROME), Engine::Blink);
        assert_eq!(Engine::from_user_agent(FIREFOX), Engine::Gecko);
        assert_eq!(Engine::from_user_agent(""), Engine::Blink);
    }

    fn facts(engine: Engine, persisted: Option<bool>, installed: bool) -> StorageFacts {
        StorageFacts { engine, persisted, installed, unavailable: false }
    }

    #[test]
    fn what_each_browser_promises() {
        assert_eq!(facts(Engine::Blink, Some(true), false).keeping(), Keeping::Persistent);
        assert_eq!(facts(Engine::Blink, Some(false), false).keeping(), Keeping::BestEffort);
        assert_eq!(facts(Engine::Gecko, None, false).keeping(), Keeping::BestEffort);
        // Safari's seven days apply whatever persist() answered.
        assert_eq!(facts(Engine::WebKit, Some(true), false).keeping(), Keeping::SevenDays);
        assert_eq!(facts(Engine::WebKit, Some(true), true).keeping(), Keeping::Persistent);
        assert_eq!(facts(Engine::WebKit, None, true).keeping(), Keeping::BestEffort);
        let refused = StorageFacts { unavailable: true, ..facts(Engine::Blink, Some(true), false) };
        assert_eq!(refused.keeping(), Keeping::ThisPageOnly);
    }

    #[test]
    fn firefox_is_never_asked_without_the_reader() {
        assert!(facts(Engine::Blink, Some(false), false).ask_quietly(true));
        assert!(facts(Engine::WebKit, Some(false), false).ask_quietly(true));
        assert!(!facts(Engine::Gecko, Some(false), false).ask_quietly(true));
        assert!(!facts(Engine::Blink, Some(false), false).ask_quietly(false), "nothing to keep yet");
        assert!(!facts(Engine::Blink, Some(true), false).ask_quietly(true), "already persisted");
        assert!(!facts(Engine::Blink, None, false).ask_quietly(true), "no API");
    }

    fn picked_at(times: &[i64]) -> Shortlists {
        let mut lists = Shortlists::default();
        for (n, &time) in times.iter().enumerate() {
            let key = crate::domain::shortlist::PickKey { programme: "p".into(), event: format!("e{n}") };
            let pick = crate::domain::shortlist::Pick { updated_ms: time, ..Default::default() };
            lists.lists[0].picks.insert(key, pick);
        }
        lists
    }

    #[test]
    fn a_reminder_after_three_days_of_unsaved_changes_at_most_once_a_week() {
        let day = DAY_MS;
        let lists = picked_at(&[10 * day, 12 * day]);
        let never = BackupRecord::default();
        assert!(!never.remind(Keeping::BestEffort, &lists, 12 * day), "two days: not yet");
        assert!(never.remind(Keeping::BestEffort, &lists, 13 * day));
        assert!(never.remind(Keeping::SevenDays, &lists, 13 * day));
        assert!(!never.remind(Keeping::Persistent, &lists, 30 * day), "a promise needs no reminder");
        assert!(!never.remind(Keeping::ThisPageOnly, &lists, 30 * day));
        assert!(!never.remind(Keeping::BestEffort, &Shortlists::default(), 30 * day), "nothing to lose");

        // A backup after the first change: only the later one is unsaved.
        let saved = BackupRecord { last_backup_ms: Some(11 * day), ..never };
        assert!(!saved.remind(Keeping::BestEffort, &lists, 14 * day));
        assert!(saved.remind(Keeping::BestEffort, &lists, 15 * day));
        let all_saved = BackupRecord { last_backup_ms: Some(12 * day), ..never };
        assert!(!all_saved.remind(Keeping::BestEffort, &lists, 40 * day));

        let dismissed = BackupRecord { reminder_dismissed_ms: Some(13 * day), ..never };
        assert!(!dismissed.remind(Keeping::BestEffort, &lists, 19 * day), "quiet for a week");
        assert!(dismissed.remind(Keeping::BestEffort, &lists, 20 * day));
    }

    #[test]
    fn a_damaged_record_is_an_empty_one_and_a_record_reads_back() {
        assert_eq!(BackupRecord::decode(Some("{not a record")), BackupRecord::default());
        assert_eq!(BackupRecord::decode(None), BackupRecord::default());
        let record = BackupRecord { last_backup_ms: Some(5), reminder_dismissed_ms: None };
        assert_eq!(record.encode(), "backup=5");
        let both = BackupRecord { last_backup_ms: Some(5), reminder_dismissed_ms: Some(-7) };
        assert_eq!(BackupRecord::decode(Some(&both.encode())), both);
        assert_eq!(BackupRecord::decode(Some("backup=x;dismissed=9;other=1")).reminder_dismissed_ms, Some(9));
        assert_eq!(BackupRecord::decode(Some(&record.encode())), record);
    }
}
