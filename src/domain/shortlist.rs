//! The reader's shortlist: picked events, keyed by programme id + event id so that picks
//! survive a new version of the programme file. Pure data and rules; storage is elsewhere.

use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortlist {
    /// programme id → picked event ids.
    picks: BTreeMap<String, BTreeSet<String>>,
}

impl Shortlist {
    pub fn contains(&self, programme: &str, event: &str) -> bool {
        self.picks.get(programme).is_some_and(|events| events.contains(event))
    }

    /// Adds the pick if absent, removes it if present; returns whether it is now picked.
    pub fn toggle(&mut self, programme: &str, event: &str) -> bool {
        let events = self.picks.entry(programme.to_owned()).or_default();
        let picked = if events.remove(event) { false } else { events.insert(event.to_owned()) };
        if events.is_empty() {
            self.picks.remove(programme);
        }
        picked
    }

    /// Event ids picked in one programme, sorted by id.
    pub fn event_ids(&self, programme: &str) -> Vec<String> {
        self.picks.get(programme).map(|events| events.iter().cloned().collect()).unwrap_or_default()
    }

    pub fn len(&self, programme: &str) -> usize {
        self.picks.get(programme).map_or(0, BTreeSet::len)
    }

    pub fn is_empty(&self) -> bool {
        self.picks.is_empty()
    }

    pub(crate) fn from_parts(picks: BTreeMap<String, BTreeSet<String>>) -> Self {
        Self { picks }
    }

    pub(crate) fn parts(&self) -> &BTreeMap<String, BTreeSet<String>> {
        &self.picks
    }
}
