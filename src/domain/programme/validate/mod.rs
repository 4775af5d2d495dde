//! Raw file → validated `Programme` plus every problem found, each with its JSON path.
//!
//! Rules: a bad vocabulary entry or event is skipped and reported, the rest load; a bad
//! optional metadata field is ignored and reported. Nothing here fails the whole file: only
//! `parse` does that, for problems of syntax, shape or version.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;

use super::error::Problem;
use super::extract::{Extracted, Item, Lists};
use super::model::{Debate, Event, Partner, Person, Programme, Series, Theme, Venue};
use super::raw::{RawEvent, RawMeta};

mod fields;
mod rules;

use fields::Validator;
pub use fields::MAX_PER_ITEM;
pub use rules::{is_http_url, language_tag, valid_id};

/// A JSON path (`events[12].location.name`), formatted only when a problem is reported: every
/// event's paths built as strings were a tenth of reading a big programme in the browser, where
/// formatting runs in V8's baseline tier.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A top-level member: `programme`, `events`.
    Root(&'static str),
    Key(&'a At<'a>, &'static str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'static str) -> At<'a> {
        At::Key(self, key)
    }

    fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root(name) => f.write_str(name),
            At::Key(parent, key) => write!(f, "{parent}.{key}"),
            At::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

pub fn validate(raw: Extracted) -> (Programme, Vec<Problem>) {
    let Extracted { programme, lists, events } = raw;
    let mut validation = Validation::start(programme, lists, events.len());
    for event in events {
        validation.add_event(event);
    }
    validation.finish()
}

/// Validation a slice at a time: the frame and vocabularies at `start`, then events
/// as they are read, then `finish`. One event or all of them per call gives the same result;
/// the browser reads a big programme a few thousand events per task so the page can answer.
pub struct Validation {
    v: Validator,
    programme: Programme,
    events: ListValidation<Event>,
}

impl Validation {
    pub fn start(meta: RawMeta, lists: Lists, expected_events: usize) -> Self {
        let Lists { themes, partners, series, debates, people, venues } = lists;
        let mut v = Validator::default();
        let meta = v.meta(meta);
        let themes = v.items("themes", themes, Validator::theme, |t: &Theme| &t.id);
        let partners = v.items("partners", partners, Validator::partner, |p: &Partner| &p.id);
        let debates = v.items("debates", debates, Validator::debate, |d: &Debate| &d.id);
        let mut programme = Programme::new(meta, themes, partners, Vec::new(), debates, Vec::new());
        programme.series = v.items("series", series, |v, path, raw| v.series(path, raw, &programme), |s: &Series| &s.id);
        programme.people = v.items("people", people, Validator::person, |p: &Person| &p.id);
        programme.venues = v.items("venues", venues, Validator::venue, |p: &Venue| &p.id);
        programme.index_ids();
        Validation { v, programme, events: ListValidation::new("events", expected_events) }
    }

    /// The next event of the file, in file order.
    pub fn add_event(&mut self, raw: Item<Box<RawEvent>>) {
        let programme = &self.programme;
        self.events.add(&mut self.v, raw, |v, path, raw| v.event(path, raw, programme), |e: &Event| &e.id);
    }

    /// How many problems were found so far.
    pub fn problem_count(&self) -> usize {
        self.v.problems.len()
    }

    /// The problems found since there were `count`.
    pub fn problems_from(&mut self, count: usize) -> &mut [Problem] {
        &mut self.v.problems[count..]
    }

    pub fn finish(self) -> (Programme, Vec<Problem>) {
        let Validation { v, mut programme, events } = self;
        let ListValidation { mut items, seen: mut positions, .. } = events;
        // Stable: events at the same time keep the order the organiser wrote them in.
        let mut order: Vec<((chrono::NaiveDate, u8, i64), usize)> =
            items.iter().enumerate().map(|(index, event)| (event.when.sort_key(), index)).collect();
        order.sort_unstable();
        let mut moved_to = vec![0; items.len()];
        let mut takes_from: Vec<usize> = Vec::with_capacity(items.len());
        for (to, &(_, from)) in order.iter().enumerate() {
            moved_to[from] = to;
            takes_from.push(from);
        }
        drop(order);
        permute(&mut items, takes_from);
        // The ids seen while checking become the lookup by id: no id is copied or hashed again.
        positions.values_mut().for_each(|position| *position = moved_to[*position]);
        programme.set_events(items, positions);
        (programme, v.problems)
    }
}

/// Puts `items[takes_from[i]]` at `i`, in place: events are large, and a second list of them
/// would double the peak memory of reading a big programme.
fn permute<T>(items: &mut [T], mut takes_from: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        // Each cycle of the permutation is followed once; a placed slot points at itself.
        while takes_from[at] != at {
            let from = takes_from[at];
            takes_from[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// One list of the file being validated: its good items so far, the ids seen, and where it is.
struct ListValidation<T> {
    list: &'static str,
    index: usize,
    /// Each good item's id, and its position in `items`.
    seen: HashMap<String, usize>,
    items: Vec<T>,
}

impl<T> ListValidation<T> {
    fn new(list: &'static str, expected: usize) -> Self {
        Self { list, index: 0, seen: HashMap::with_capacity(expected), items: Vec::with_capacity(expected) }
    }

    /// Validates the next item; skips a bad one or a duplicate id (the first one wins).
    fn add<R>(
        &mut self,
        v: &mut Validator,
        item: Item<R>,
        build: impl FnOnce(&mut Validator, At<'_>, R) -> Option<T>,
        id_of: impl Fn(&T) -> &String,
    ) {
        let list = At::Root(self.list);
        let path = list.index(self.index);
        self.index += 1;
        match item {
            Err(problem) => v.problems.push(problem),
            Ok(raw) => {
                let found_before = v.problems.len();
                let Some(item) = build(v, path, raw) else { return };
                match self.seen.entry(id_of(&item).clone()) {
                    Entry::Vacant(slot) => {
                        slot.insert(self.items.len());
                        self.items.push(item);
                        // What was found in a kept item was only ignored.
                        v.problems[found_before..].iter_mut().for_each(|problem| problem.kept = true);
                    }
                    Entry::Occupied(_) => {
                        v.report(format!("{path}.id"), format!("duplicate id `{}`: an earlier entry already uses it", id_of(&item)))
                    }
                }
            }
        }
    }
}

/// How many events were skipped, for the "N events could not be shown" notice (an event
/// kept with a value ignored is shown, and does not count).
pub fn skipped_event_count(problems: &[Problem]) -> usize {
    let indices: HashSet<&str> = problems
        .iter()
        .filter(|problem| !problem.kept)
        .filter_map(|problem| problem.path.strip_prefix("events["))
        .filter_map(|rest| rest.split(']').next())
        .collect();
    indices.len()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::permute;

    proptest! {
        #[test]
        fn permuting_in_place_gives_what_gathering_gives(keys in proptest::collection::vec(0_u32..1000, 0..200)) {
            // Any permutation: the positions of `keys` sorted.
            let mut takes_from: Vec<usize> = (0..keys.len()).collect();
            takes_from.sort_by_key(|&i| keys[i]);
            let gathered: Vec<String> = takes_from.iter().map(|&from| format!("item {from}")).collect();
            let mut items: Vec<String> = (0..keys.len()).map(|i| format!("item {i}")).collect();
            permute(&mut items, takes_from);
            prop_assert_eq!(items, gathered);
        }
    }
}
