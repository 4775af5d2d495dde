//! Series a reader follows: "Add the whole series" adds its events to the active list and
//! follows it; on a later visit, events of a followed series that are new since the last
//! visit (the change marks, `seen.rs`) and not on the list are offered, to be added or not.
//! Kept per device beside the shortlists (`programme-browser/follows`), as the reminder
//! choice is: a follow is a wish for offers, not a pick, so losing it loses no pick.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::programme::{Programme, Status};
use super::seen::Change;
use super::shortlist::{NamedList, PickKey};

/// The localStorage key.
pub const FOLLOWS_KEY: &str = "programme-browser/follows";

/// At most this many series followed per programme (anything beyond is not read).
pub const MAX_FOLLOWED: usize = 500;

/// Programme id -> the ids of the series followed in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Follows(BTreeMap<String, BTreeSet<String>>);

impl Follows {
    pub fn is_following(&self, programme: &str, series: &str) -> bool {
        self.0.get(programme).is_some_and(|followed| followed.contains(series))
    }

    pub fn follow(&mut self, programme: &str, series: &str) {
        self.0.entry(programme.to_owned()).or_default().insert(series.to_owned());
    }

    pub fn unfollow(&mut self, programme: &str, series: &str) {
        if let Some(followed) = self.0.get_mut(programme) {
            followed.remove(series);
            if followed.is_empty() {
                self.0.remove(programme);
            }
        }
    }

    /// `{"version":1,"follows":{"<programme>":["<series>", ...]}}`
    pub fn encode(&self) -> String {
        serde_json::json!({ "version": 1, "follows": self.0 }).to_string()
    }

    /// What can be read of stored text; anything unreadable is no follow (nothing is lost but
    /// future offers).
    pub fn decode(text: &str) -> Self {
        let root: Value = serde_json::from_str(text).unwrap_or_default();
        let mut follows = Self::default();
        for (programme, series) in root.get("follows").and_then(Value::as_object).into_iter().flatten() {
            for id in series.as_array().into_iter().flatten().filter_map(Value::as_str).filter(|id| !id.is_empty()).take(MAX_FOLLOWED) {
                follows.follow(programme, id);
            }
        }
        follows
    }
}

/// The events of series `series` (an index) that "Add the whole series" adds to `list`: those
/// not on it already and not cancelled, by index.
pub fn series_events_to_add(programme: &Programme, series: usize, list: &NamedList) -> Vec<usize> {
    programme
        .events
        .iter()
        .enumerate()
        .filter(|(_, event)| event.series == Some(series) && event.status != Status::Cancelled)
        .filter(|(_, event)| !list.contains(&PickKey { programme: programme.meta.id.clone(), event: event.id.clone() }))
        .map(|(index, _)| index)
        .collect()
}

/// For each followed series of `programme` (by index), its events that are new since the last
/// visit (`marks`), not cancelled and not on `list`; only series with some.
pub fn new_in_followed(
    follows: &Follows,
    programme: &Programme,
    list: &NamedList,
    marks: &BTreeMap<usize, Vec<Change>>,
) -> Vec<(usize, Vec<usize>)> {
    let mut offers: Vec<(usize, Vec<usize>)> = Vec::new();
    for (&index, _) in marks.iter().filter(|(_, changes)| changes.contains(&Change::New)) {
        let event = &programme.events[index];
        let Some(series) = event.series.filter(|&s| follows.is_following(&programme.meta.id, &programme.series[s].id)) else {
            continue;
        };
        let picked = list.contains(&PickKey { programme: programme.meta.id.clone(), event: event.id.clone() });
        if picked || event.status == Status::Cancelled {
            continue;
        }
        match offers.iter_mut().find(|(s, _)| *s == series) {
            Some((_, events)) => events.push(index),
            None => offers.push((series, vec![index])),
        }
    }
    offers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::parse_programme;
    use crate::domain::seen::{changes_since, decode_seen, encode_seen};
    use crate::domain::shortlist::{Shortlists, Snapshot};

    fn seed() -> Programme {
        parse_programme(include_str!("../../public/programme.json")).unwrap().0
    }

    #[test]
    fn follows_round_trip_and_damage_is_no_follow() {
        let mut follows = Follows::default();
        follows.follow("p", "a");
        follows.follow("p", "b");
        follows.follow("q", "a");
        follows.unfollow("p", "b");
        assert_eq!(Follows::decode(&follows.encode()), follows);
        assert!(follows.is_following("p", "a") && !follows.is_following("p", "b") && follows.is_following("q", "a"));
        follows.unfollow("q", "a");
        assert_eq!(follows.encode(), r#"{"version":1,"follows":{"p":["a"]}}"#);
        for damaged in ["", "not json", "[]", r#"{"follows":{"p":"a"}}"#, r#"{"follows":{"p":[1,""]}}"#] {
            assert_eq!(Follows::decode(damaged), Follows::default(), "{damaged}");
        }
    }

    #[test]
    fn the_whole_series_is_its_events_not_yet_picked() {
        let programme = seed();
        let series = programme.series.iter().position(|s| s.id == "migration-series-2012").expect("the seminar series");
        let mut lists = Shortlists::default();
        let all = series_events_to_add(&programme, series, lists.active_list());
        assert!(all.len() > 3 && all.iter().all(|&i| programme.events[i].series == Some(series)));
        let first = &programme.events[all[0]];
        lists.toggle(PickKey { programme: programme.meta.id.clone(), event: first.id.clone() }, Snapshot::of(first), 1);
        assert_eq!(series_events_to_add(&programme, series, lists.active_list()), all[1..]);
    }

    #[test]
    fn new_events_of_a_followed_series_are_offered_unless_picked() {
        let programme = seed();
        let series = programme.series.iter().position(|s| s.id == "migration-series-2012").unwrap();
        let in_series: Vec<usize> = (0..programme.events.len()).filter(|&i| programme.events[i].series == Some(series)).collect();
        // What the reader saw last time lacked two of the series' events.
        let mut before = programme.clone();
        let (gone_a, gone_b) = (programme.events[in_series[1]].id.clone(), programme.events[in_series[2]].id.clone());
        before.events.retain(|event| event.id != gone_a && event.id != gone_b);
        let marks = changes_since(&decode_seen(&encode_seen(&before)).unwrap(), &programme);
        let mut lists = Shortlists::default();
        let mut follows = Follows::default();
        assert!(new_in_followed(&follows, &programme, lists.active_list(), &marks).is_empty(), "not followed");
        follows.follow(&programme.meta.id, &programme.series[series].id);
        assert_eq!(new_in_followed(&follows, &programme, lists.active_list(), &marks), [(series, vec![in_series[1], in_series[2]])]);
        let picked = &programme.events[in_series[2]];
        lists.toggle(PickKey { programme: programme.meta.id.clone(), event: picked.id.clone() }, Snapshot::of(picked), 1);
        assert_eq!(new_in_followed(&follows, &programme, lists.active_list(), &marks), [(series, vec![in_series[1]])]);
    }
}
