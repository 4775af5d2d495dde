//! What a pick remembers of its event, and what changed since.

use super::Pick;
use crate::domain::i18n::{format_when, Locale};
use crate::domain::programme::{Event, Status};
use crate::domain::when::When;

/// What the event looked like when it was picked (or last seen): enough to show it when it
/// has gone from the programme, and to say what changed. Independent of the language it was
/// made in: texts are the programme's own (its untagged text, else English, else the first),
/// codes are the file's, so a pick made in one language and read in another shows only real
/// changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Snapshot {
    pub title: String,
    /// `start` or `start/end`, as in the file (`2012-06`, `2012-06-05/2012-06-07`, RFC 3339).
    pub when: String,
    pub place: String,
    /// `scheduled`, `cancelled`, `postponed`, `moved_online`.
    pub status: String,
}

/// The language tag of the programme's own texts in a snapshot.
const OWN_TEXTS: &str = "";

impl Snapshot {
    pub fn of(event: &Event) -> Self {
        Snapshot {
            title: event.title.get(OWN_TEXTS).to_owned(),
            when: event.when.code(),
            place: event.place(OWN_TEXTS).unwrap_or_default(),
            status: event.status.code().to_owned(),
        }
    }

    /// Whether `place` is the event's place in any of its languages: snapshots made before
    /// they were language-independent hold the place as the reader's language wrote it.
    fn place_is_the_events(place: &str, event: &Event) -> bool {
        event.place_languages().any(|tag| event.place(tag).as_deref() == Some(place))
    }

    /// A snapshot written in a reader's language, brought to the programme's own texts when
    /// nothing but the language differs (a real change stays, to be reported).
    pub(super) fn made_language_independent(&mut self, event: &Event) -> bool {
        let own = Snapshot::of(event);
        if self.place == own.place || !Snapshot::place_is_the_events(&self.place, event) {
            return false;
        }
        self.place = own.place;
        if event.title.all_values().any(|title| title == self.title) {
            self.title = own.title;
        }
        true
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
pub fn pick_changes(pick: &Pick, event: Option<&Event>, locale: Locale) -> Vec<PickChange> {
    let Some(event) = event else { return vec![PickChange::RemovedFromProgramme] };
    let now = Snapshot::of(event);
    let mut changes = Vec::new();
    if !pick.snapshot.when.is_empty() && pick.snapshot.when != now.when {
        let show = |code: &str| When::from_code(code).map(|w| format_when(locale, &w)).unwrap_or_else(|| code.to_owned());
        changes.push(PickChange::Moved { from: show(&pick.snapshot.when), to: format_when(locale, &event.when) });
    }
    let place = &pick.snapshot.place;
    if !place.is_empty() && *place != now.place && !Snapshot::place_is_the_events(place, event) {
        let to = event.place(locale.tag()).unwrap_or_default();
        changes.push(PickChange::PlaceChanged { from: place.clone(), to });
    }
    // A cancelled or postponed event is labelled as such for as long as it is.
    if event.status != Status::Scheduled {
        changes.push(PickChange::StatusChanged { to: event.status });
    }
    changes
}
