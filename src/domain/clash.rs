//! Picks that overlap in time. Timed events that overlap clash; events on the same day whose
//! times are not known may clash; an event known only to the month is never flagged (there is
//! nothing to compare). The reader can keep both: this only informs.

use super::programme::{Event, Programme};
use super::shortlist::{own_events, NamedList};
use super::when::When;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Overlap {
    /// Same day, but at least one has no time: they may clash.
    Possible,
    /// Their times overlap.
    Clash,
}

/// How two events' times overlap, if they do. Days are the venue's calendar days.
pub fn overlap(a: &When, b: &When) -> Option<Overlap> {
    match (a, b) {
        (When::Months { .. }, _) | (_, When::Months { .. }) => None,
        (When::Times { start: a_start, end: a_end }, When::Times { start: b_start, end: b_end }) => {
            // An unknown end is taken as the start: two such events clash only at the same time.
            let a_end = a_end.unwrap_or(*a_start);
            let b_end = b_end.unwrap_or(*b_start);
            let overlaps = (a_start < &b_end && b_start < &a_end) || a_start == b_start;
            overlaps.then_some(Overlap::Clash)
        }
        _ => {
            let (a_first, a_last) = days(a)?;
            let (b_first, b_last) = days(b)?;
            (a_first <= b_last && b_first <= a_last).then_some(Overlap::Possible)
        }
    }
}

/// The first and last calendar day an event touches.
fn days(when: &When) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    match when {
        When::Months { .. } => None,
        When::Days { start, end } => Some((*start, *end)),
        When::Times { start, end } => Some((start.date_naive(), end.unwrap_or(*start).date_naive())),
    }
}

/// For `event`, the most serious way it overlaps any of `others`, and the others that overlap
/// it that way; `None` when none does.
pub fn worst_overlaps<'a>(event: &Event, others: impl Iterator<Item = &'a Event>) -> Option<(Overlap, Vec<&'a Event>)> {
    let found: Vec<(&Event, Overlap)> =
        others.filter(|other| other.id != event.id).filter_map(|other| Some((other, overlap(&event.when, &other.when)?))).collect();
    let worst = found.iter().map(|&(_, how)| how).max()?;
    Some((worst, found.into_iter().filter(|&(_, how)| how == worst).map(|(other, _)| other).collect()))
}

/// How `event` overlaps the other picks of `programme` on `list`, programme events and the
/// reader's own appointments alike: the most serious way, and their titles in `lang`.
pub fn picked_overlaps(list: &NamedList, programme: &Programme, event: &Event, lang: &str) -> Option<(Overlap, Vec<String>)> {
    let own = own_events(list, &programme.meta.id);
    let picked = list.live_picks().filter(|(key, _)| key.programme == programme.meta.id).filter_map(|(key, _)| programme.event(&key.event));
    let (how, others) = worst_overlaps(event, picked.chain(&own))?;
    Some((how, others.iter().map(|other| other.title.get(lang).to_owned()).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::when::When;

    fn when(start: &str, end: Option<&str>) -> When {
        When::parse(start, end).unwrap()
    }

    #[test]
    fn timed_events_that_overlap_clash() {
        let a = when("2026-03-11T14:00:00-04:00", Some("2026-03-11T16:00:00-04:00"));
        let b = when("2026-03-11T15:00:00-04:00", Some("2026-03-11T17:00:00-04:00"));
        let after = when("2026-03-11T16:00:00-04:00", Some("2026-03-11T17:00:00-04:00"));
        assert_eq!(overlap(&a, &b), Some(Overlap::Clash));
        assert_eq!(overlap(&b, &a), Some(Overlap::Clash));
        assert_eq!(overlap(&a, &after), None, "back to back is not a clash");
        // The same moment in two offsets.
        let geneva = when("2026-03-11T20:30:00+01:00", None);
        let new_york = when("2026-03-11T15:30:00-04:00", None);
        assert_eq!(overlap(&geneva, &new_york), Some(Overlap::Clash));
    }

    #[test]
    fn the_same_day_without_times_may_clash_and_months_never_do() {
        let day = when("2026-03-11", None);
        let range = when("2026-03-10", Some("2026-03-12"));
        let timed = when("2026-03-11T15:00:00-04:00", Some("2026-03-11T17:00:00-04:00"));
        let other_day = when("2026-03-13", None);
        let month = when("2026-03", None);
        assert_eq!(overlap(&day, &timed), Some(Overlap::Possible));
        assert_eq!(overlap(&range, &day), Some(Overlap::Possible));
        assert_eq!(overlap(&day, &other_day), None);
        assert_eq!(overlap(&month, &day), None);
        assert_eq!(overlap(&month, &month), None);
    }
}
