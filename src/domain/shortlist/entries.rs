//! The shortlist page's rows: a list's live picks in date order.

use super::{is_own, NamedList, PickKey, Snapshot};
use crate::domain::programme::Programme;
use crate::domain::when::When;

/// One row of the shortlist page: a live pick of this programme, its event if the programme
/// still has it, and the month it is listed under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShortlistEntry {
    pub key: PickKey,
    /// Index into `programme.events`; `None` when the event is no longer in the programme.
    pub event: Option<usize>,
    pub month: Option<crate::domain::when::YearMonth>,
    /// The reader's own appointment as last saved (`None` for a programme event's pick): a
    /// change to it is a new entry, so that its card is drawn again.
    pub own: Option<Snapshot>,
}

/// The live picks of `list` for `programme`, in date order (from the programme, or from the
/// snapshot when the event has gone); picks without any known date come last.
pub fn shortlist_entries(list: &NamedList, programme: &Programme) -> Vec<ShortlistEntry> {
    let mut entries: Vec<_> = list
        .live_picks()
        .filter(|(key, _)| key.programme == programme.meta.id)
        .map(|(key, pick)| {
            let event = programme.event_index(&key.event);
            let when = event.map(|i| programme.events[i].when.clone()).or_else(|| When::from_code(&pick.snapshot.when));
            let own = is_own(key).then(|| pick.snapshot.clone());
            let entry = ShortlistEntry { key: key.clone(), event, month: when.as_ref().map(When::start_month), own };
            (when.as_ref().map(When::sort_key), entry)
        })
        .collect();
    // Known dates in order; picks without any known date last.
    entries.sort_by_key(|(when, _)| (when.is_none(), *when));
    entries.into_iter().map(|(_, entry)| entry).collect()
}
