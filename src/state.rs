//! App state: one home each, reached through typed contexts.
//! - the view (filters, search, open event, page) lives in the URL, mirrored in `ViewSignal`;
//! - the shortlist in `ShortlistState`, persisted through `browser::storage`;
//! - the loaded programme in `LoadedProgramme`, shared read-only.
//!
//! Components change the view only through `navigate`, which writes the URL at the same time,
//! so the back button, reload and shared links always reproduce what is on screen.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::storage::{self, StorageFault};
use crate::browser::url;
use crate::domain::i18n::Lang;
use crate::domain::programme::{Problem, Programme};
use crate::domain::query::{to_query, Ignored, ViewState};
use crate::domain::shortlist::Shortlist;

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

/// Changes the view and the URL together.
pub fn navigate(view: RwSignal<ViewState>, history: History, change: impl FnOnce(&mut ViewState)) {
    view.update(change);
    let pairs = view.with_untracked(to_query);
    url::write_query(&pairs, history == History::Replace);
}

/// Link target for a view derived from the current one (for real `<a href>`s that also work
/// when opened in a new tab).
pub fn href_with(view: &ViewState, change: impl FnOnce(&mut ViewState)) -> String {
    let mut next = view.clone();
    change(&mut next);
    url::href_for(&to_query(&next))
}

/// The reader's language.
#[derive(Clone, Copy)]
pub struct LangSignal(pub Signal<Lang>);

pub fn use_lang() -> Signal<Lang> {
    expect_context::<LangSignal>().0
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
}

pub fn use_programme() -> Arc<Programme> {
    expect_context::<LoadedProgramme>().programme
}

/// The shortlist and the last storage fault, if any.
#[derive(Clone, Copy)]
pub struct ShortlistState {
    pub shortlist: RwSignal<Shortlist>,
    pub fault: RwSignal<Option<StorageFault>>,
}

pub fn use_shortlist() -> ShortlistState {
    expect_context::<ShortlistState>()
}

impl ShortlistState {
    /// Loads the saved shortlist and persists every later change. A save that fails is kept
    /// as a fault (shown to the reader) and the picks stay in memory.
    pub fn provide() -> Self {
        let (saved, fault) = storage::load_shortlist();
        let state = Self { shortlist: RwSignal::new(saved), fault: RwSignal::new(fault) };
        Effect::watch(
            move || state.shortlist.get(),
            move |shortlist, _, _| {
                // Data from a newer app version is never overwritten by this one.
                if matches!(state.fault.get_untracked(), Some(StorageFault::Newer(_))) {
                    return;
                }
                match storage::save_shortlist(shortlist) {
                    Ok(()) => {
                        if matches!(state.fault.get_untracked(), Some(StorageFault::WriteFailed(_) | StorageFault::Unavailable)) {
                            state.fault.set(None);
                        }
                    }
                    Err(fault) => state.fault.set(Some(fault)),
                }
            },
            false,
        );
        provide_context(state);
        state
    }

    pub fn toggle(&self, programme: &str, event: &str) {
        self.shortlist.update(|shortlist| {
            shortlist.toggle(programme, event);
        });
    }
}
