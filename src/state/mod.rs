//! App state: one home each, reached through typed contexts.
//! - the view (filters, search, open event, page) lives in the URL, mirrored in `ViewSignal`;
//! - the shortlist in `ShortlistState`, persisted through `browser::storage`; what the
//!   browser promises about it and the reader's backups in `KeepingState` (keeping.rs);
//! - the loaded programme in `LoadedProgramme`, shared read-only;
//! - the reader's clock to the minute in `Minute` (minute.rs), for what is on now.
//!
//! Components change the view only through `Nav::go`, which writes the URL at the same time,
//! so the back button, reload and shared links always reproduce what is on screen.

mod keeping;
mod minute;

use std::sync::Arc;

use leptos::prelude::*;

pub use keeping::{use_keeping, KeepingState};
pub use minute::{use_minute, Minute};

use crate::browser::storage::{self, StorageFault};
use crate::browser::{clock, url};
use crate::domain::address::{address_of, SitePages};
use crate::domain::clash::{picked_overlaps, Overlap};
use crate::domain::follow::Follows;
use crate::domain::i18n::{Lang, Locale};
use crate::domain::programme::{Problem, Programme};
use crate::domain::query::{Ignored, ViewState};
use crate::domain::shortlist::{merge, MergePreview, PickKey, Shortlists, Snapshot};

/// The view shown, always equal to what the URL says.
#[derive(Clone, Copy)]
pub struct ViewSignal(pub RwSignal<ViewState>);

pub fn use_view() -> RwSignal<ViewState> {
    expect_context::<ViewSignal>().0
}

/// How a view change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new step: the back button undoes it.
    Push,
    /// Same step (typing in the search box).
    Replace,
}

/// How views are linked: the app's root folder (an absolute path in the browser, `../` steps
/// on a static page) and the static pages the build wrote for the programme shown (`None` for
/// another programme, or one replaced since its pages were written).
#[derive(Clone, Default)]
pub struct Links {
    pub root: String,
    /// The root's absolute address (`https://host/path/`): the page's own in the browser, the
    /// organiser's publish address in a static page (`None` when not given).
    pub public: Option<String>,
    pub pages: Option<(Arc<SitePages>, Arc<Programme>)>,
}

impl Links {
    /// The absolute address of `address` (below the root), when the root's is known.
    pub fn absolute(&self, address: &str) -> Option<String> {
        self.public.as_ref().map(|public| format!("{public}{address}"))
    }

    /// The absolute address of an event's view (its own page when there is one).
    pub fn event_url(&self, view: &ViewState, event_id: &str) -> Option<String> {
        let mut event = view.clone();
        event.open_event(event_id);
        self.absolute(&self.address(&event))
    }

    /// The address of `view` below the root (`fr/events/a.html`, `fr/?theme=law%2Cyouth`).
    pub fn address(&self, view: &ViewState) -> String {
        let pages = self.pages.as_ref().map(|(pages, programme)| (pages.as_ref(), programme.as_ref()));
        address_of(view, view_lang(view), pages)
    }

    /// A link to `view` from this page.
    pub fn href(&self, view: &ViewState) -> String {
        format!("{}{}", self.root, self.address(view))
    }
}

/// The language an address names for `view` (English when it names none).
pub fn view_lang(view: &ViewState) -> Lang {
    view.language.as_deref().map(Lang::from_tag).unwrap_or_default()
}

/// Changing and linking views. Components change the view only through `go`, which writes
/// the URL at the same time, so the back button, reload and shared links always reproduce
/// what is on screen.
#[derive(Clone, Copy)]
pub struct Nav {
    pub view: RwSignal<ViewState>,
    pub links: StoredValue<Links>,
    /// The list an event was opened from in this page (with its filters), for "Back to the
    /// list": the event's own address does not carry them.
    list: StoredValue<Option<ViewState>>,
}

impl Nav {
    pub fn provide(view: RwSignal<ViewState>, links: Links) -> Self {
        let nav = Self { view, links: StoredValue::new(links), list: StoredValue::new(None) };
        provide_context(ViewSignal(view));
        provide_context(nav);
        nav
    }

    /// Changes the view and the URL together.
    pub fn go(self, history: History, change: impl FnOnce(&mut ViewState)) {
        self.view.update(change);
        let address = self.view.with_untracked(|view| self.links.with_value(|links| links.address(view)));
        url::write_address(&address, history == History::Replace);
    }

    /// The links of this page (read when a link is made, not tracked).
    pub fn links(self) -> Links {
        self.links.get_value()
    }

    /// Link target for a view derived from the current one (a real `<a href>` that also works
    /// when opened in a new tab, and without the app on a static page).
    pub fn href(self, change: impl FnOnce(&mut ViewState)) -> String {
        let mut next = self.view.with_untracked(Clone::clone);
        change(&mut next);
        self.links.with_value(|links| links.href(&next))
    }

    /// Remembers the list shown now, before an event is opened from it.
    pub fn remember_list(self) {
        self.list.set_value(self.view.with_untracked(|view| view.event.is_none().then(|| view.clone())));
    }

    /// Turns an event's view into the list it was opened from (or the whole programme), in
    /// the current language.
    pub fn back_to_list(self, next: &mut ViewState) {
        let language = next.language.take();
        *next = self.list.get_value().unwrap_or_else(|| ViewState { programme: next.programme.take(), ..ViewState::default() });
        next.language = language;
    }

    /// `href` read inside a reactive closure: follows the view.
    pub fn tracked_href(self, change: impl FnOnce(&mut ViewState)) -> String {
        self.view.track();
        self.href(change)
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// The reader's language, with its translations: what every component makes its text in.
#[derive(Clone, Copy)]
pub struct LocaleSignal(pub Signal<Locale>);

pub fn use_locale() -> Signal<Locale> {
    expect_context::<LocaleSignal>().0
}

/// Notices about the URL: parameters that were not understood.
#[derive(Clone, Copy)]
pub struct IgnoredParams(pub RwSignal<Vec<Ignored>>);

pub fn use_ignored_params() -> RwSignal<Vec<Ignored>> {
    expect_context::<IgnoredParams>().0
}

/// A programme that loaded, with the problems found in it.
#[derive(Clone)]
pub struct LoadedProgramme {
    pub programme: Arc<Programme>,
    pub problems: Arc<Vec<Problem>>,
    /// Set when the network failed and this is the copy saved on the device on that day.
    pub offline_copy_of: Option<chrono::NaiveDate>,
    /// The browser was offline when the programme loaded (said even without a saved date).
    pub offline: bool,
    /// The host of the programme file when it is not the app's own site: always named.
    pub other_host: Option<String>,
}

impl LoadedProgramme {
    /// A programme read from a file outside the delegates' page (the build's static pages, the
    /// organiser's preview): no offline copy, the app's own site.
    pub fn detached(programme: Arc<Programme>, problems: Vec<Problem>) -> Self {
        Self { programme, problems: Arc::new(problems), offline_copy_of: None, offline: false, other_host: None }
    }
}

/// What the app's components need to be rendered outside the delegates' page (the build's
/// static pages, the organiser's preview): `view` in `locale`, linked by `links`, as a first
/// visit sees it (an empty shortlist, never read from or written to storage).
pub fn provide_detached(view: ViewState, locale: Locale, links: Links) {
    Nav::provide(RwSignal::new(view), links);
    provide_context(IgnoredParams(RwSignal::new(Vec::new())));
    provide_context(LocaleSignal(Signal::stored(locale)));
    ShortlistState::detached();
}

pub fn use_programme() -> Arc<Programme> {
    expect_context::<LoadedProgramme>().programme
}

/// The shortlists, the last storage fault, the list deleted last (for "undo"), and what the
/// last merge (import or share link) did, to confirm it.
#[derive(Clone, Copy)]
pub struct ShortlistState {
    pub lists: RwSignal<Shortlists>,
    pub fault: RwSignal<Option<StorageFault>>,
    pub deleted: RwSignal<Option<String>>,
    pub merged: RwSignal<Option<MergePreview>>,
    /// A retry of a refused write is waiting (one timer at a time).
    retrying: StoredValue<bool>,
    /// The event just picked overlaps others on the list: (its title, theirs, how).
    pub clash: RwSignal<Option<(String, Vec<String>, Overlap)>>,
    /// The series the reader follows (`domain::follow`), kept beside the shortlists.
    pub follows: RwSignal<Follows>,
    /// Shown outside the delegates' page (the prerender, the organiser's preview): nothing is
    /// read from or written to this browser's storage.
    pub detached: bool,
}

pub fn use_shortlist() -> ShortlistState {
    expect_context::<ShortlistState>()
}

/// Events changed since the reader's last visit (by index), and how; empty once dismissed.
#[derive(Clone, Copy)]
pub struct ChangeMarks(pub RwSignal<std::collections::BTreeMap<usize, Vec<crate::domain::seen::Change>>>);

impl ChangeMarks {
    /// Compares the programme with what this reader last saw of it (a first visit, or
    /// unreadable data: nothing is marked, and now is remembered).
    pub fn provide(programme: &Arc<Programme>) -> Self {
        use crate::domain::seen::{changes_since, decode_seen, encode_seen, is_remembered};
        // Shown detached (the organiser's preview): this browser's record of what was seen is
        // the delegate's, and stays untouched.
        let saved = match (use_shortlist().detached, is_remembered(programme)) {
            (true, _) => None,
            (false, true) => storage::load_seen(&programme.meta.id),
            (false, false) => {
                // Too big to remember: a record kept from when it was smaller would only take room.
                storage::forget_seen(&programme.meta.id);
                None
            }
        };
        let marks = match saved {
            None => Default::default(),
            Some(saved) => match saved.as_deref().and_then(decode_seen) {
                Some(seen) => changes_since(&seen, programme),
                None => {
                    // Just after the app's page is first painted: for 10,000 events, encoding
                    // and storing what was seen took as long as rendering the page. This runs
                    // while the page is built out of the document; the task that puts it in
                    // the document was queued before this one (`reveal_when_rendered`), so the
                    // frame asked for from this task is the one that paints it. Asked for at
                    // once, a frame of the static page came first and the save ran before the
                    // app's page was painted (a 129 ms task in a cold start's trace).
                    let programme = Arc::clone(programme);
                    let save = move || {
                        crate::browser::page::mark("pb-seen");
                        storage::save_seen(&programme.meta.id, &encode_seen(&programme));
                        crate::browser::page::mark("pb-seen-saved");
                    };
                    crate::browser::page::after_paint_task(save);
                    Default::default()
                }
            },
        };
        let marks = Self(RwSignal::new(marks));
        provide_context(marks);
        marks
    }

    /// "Mark all as seen": remembers the programme as it is now.
    pub fn dismiss(self, programme: &Programme) {
        use crate::domain::seen::{encode_seen, is_remembered};
        if is_remembered(programme) {
            storage::save_seen(&programme.meta.id, &encode_seen(programme));
        }
        self.0.set(Default::default());
    }
}

fn is_newer(fault: &Option<StorageFault>) -> bool {
    matches!(fault, Some(StorageFault::Newer(_)))
}

/// How long to wait before trying again a write that storage refused.
const RETRY_WRITE_AFTER: std::time::Duration = std::time::Duration::from_secs(15);

impl ShortlistState {
    /// Loads the saved shortlists, merges in what other tabs save, and persists every change.
    pub fn provide() -> Self {
        let (saved, fault) = storage::load_shortlists();
        let state = Self::with(saved, fault);
        storage::on_other_tab_change(move |theirs| {
            state.lists.maybe_update(|ours| {
                let merged = merge(ours, &theirs);
                let changed = merged != *ours;
                *ours = merged;
                changed
            });
        });
        Effect::watch(move || state.lists.get(), move |lists, _, _| state.save(lists), false);
        state.follows.set(storage::load_follows());
        Effect::watch(move || state.follows.get(), move |follows, _, _| storage::save_follows(follows), false);
        provide_context(state);
        state
    }

    /// Empty shortlists that are never loaded or saved: what a first visit shows, for the
    /// native prerender of the first screen (no storage there).
    pub fn detached() -> Self {
        let state = Self { detached: true, ..Self::with(Shortlists::default(), None) };
        provide_context(state);
        state
    }

    fn with(lists: Shortlists, fault: Option<StorageFault>) -> Self {
        Self {
            lists: RwSignal::new(lists),
            fault: RwSignal::new(fault),
            deleted: RwSignal::new(None),
            merged: RwSignal::new(None),
            retrying: StoredValue::new(false),
            clash: RwSignal::new(None),
            follows: RwSignal::new(Follows::default()),
            detached: false,
        }
    }

    /// Storage holds data of a newer app version: nothing may be picked or changed (it would
    /// be lost, or overwrite that data). Tracked, for controls to disable themselves.
    pub fn read_only(&self) -> bool {
        self.fault.with(is_newer)
    }

    fn save(self, lists: &Shortlists) {
        // Data from a newer app version is never overwritten by this one.
        if self.fault.with_untracked(is_newer) {
            return;
        }
        match storage::save_shortlists(lists) {
            Ok(merged) => {
                if matches!(
                    self.fault.get_untracked(),
                    Some(StorageFault::WriteFailed(_) | StorageFault::Unavailable | StorageFault::NoRoomAside)
                ) {
                    self.fault.set(None);
                }
                if let Some(merged) = merged {
                    self.lists.set(merged);
                }
            }
            Err(fault) => {
                let retry = matches!(fault, StorageFault::WriteFailed(_) | StorageFault::Unavailable | StorageFault::NoRoomAside);
                self.fault.set(Some(fault));
                // Picks stay in memory; storage may have room again later (or the reader
                // may allow it), so the write is tried again: by one timer, however many
                // changes fail meanwhile.
                if retry && !self.retrying.get_value() {
                    self.retrying.set_value(true);
                    set_timeout(
                        move || {
                            self.retrying.set_value(false);
                            self.save(&self.lists.get_untracked());
                        },
                        RETRY_WRITE_AFTER,
                    );
                }
            }
        }
    }

    /// Adds the event to the active list or removes it.
    pub fn toggle(&self, programme: &Programme, event_id: &str, locale: Locale) {
        let Some(event) = programme.event(event_id).filter(|_| !self.fault.with_untracked(is_newer)) else { return };
        let key = PickKey { programme: programme.meta.id.clone(), event: event_id.to_owned() };
        let snapshot = Snapshot::of(event);
        let mut added = false;
        self.lists.update(|lists| added = lists.toggle(key, snapshot, clock::now_ms()));
        // Said at the moment of picking: the reader can keep both.
        let clash = added
            .then(|| {
                let (how, titles) =
                    self.lists.with_untracked(|lists| picked_overlaps(lists.active_list(), programme, event, locale.tag()))?;
                Some((event.title.get(locale.tag()).to_owned(), titles, how))
            })
            .flatten();
        self.clash.set(clash);
    }

    /// Adds the events at `indices` of `programme` to the active list (those already on it
    /// stay as they are), in one change.
    pub fn add_events(&self, programme: &Programme, indices: &[usize]) {
        if self.fault.with_untracked(is_newer) {
            return;
        }
        let now = clock::now_ms();
        self.lists.update(|lists| {
            for event in indices.iter().map(|&index| &programme.events[index]) {
                let key = PickKey { programme: programme.meta.id.clone(), event: event.id.clone() };
                if !lists.is_picked(&key) {
                    lists.toggle(key, Snapshot::of(event), now);
                }
            }
        });
    }

    /// Removes a pick by key (also when its event is no longer in the programme).
    pub fn remove(&self, key: PickKey) {
        if self.fault.with_untracked(is_newer) {
            return;
        }
        self.lists.update(|lists| {
            if lists.is_picked(&key) {
                lists.toggle(key, Snapshot::default(), clock::now_ms());
            }
        });
    }
}
