//! The reader's own appointments (a bilateral, a side meeting): picks that are not programme
//! events. Each is a pick like any other, so that storage, merging, backups and share links
//! carry it unchanged; what makes it the reader's own is its key, `own:<id>`, which no
//! programme event can have (event ids never contain `:`), so no version of the programme
//! can take it for one of its events, or report it as removed from the programme.
//! Its title, time and place live in the pick's snapshot, its note in the pick's note.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::{NamedList, Pick, PickKey, Priority, Shortlists, Snapshot};
use crate::domain::programme::{Event, Location, Programme, Stamp, Status};
use crate::domain::text::Text;
use crate::domain::when::{parse_date, When};

/// What starts the event id of the reader's own appointment.
pub const OWN_PREFIX: &str = "own:";

/// The longest title or place kept (a note is limited as every pick's note is).
pub const OWN_TEXT_MAX: usize = 200;

/// Whether a pick is the reader's own appointment rather than a programme event.
pub fn is_own(key: &PickKey) -> bool {
    is_own_id(&key.event)
}

/// Whether an event id is an own appointment's (as `own_event` makes them).
pub fn is_own_id(event_id: &str) -> bool {
    event_id.starts_with(OWN_PREFIX)
}

/// An appointment as the reader types it: every field is the text of a form control
/// (`day` as `YYYY-MM-DD`, `start` and `end` as `hh:mm`, empty when not given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnDraft {
    pub title: String,
    pub day: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub note: String,
}

/// Why a draft cannot be saved yet; the form says which field to correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftProblem {
    NoTitle,
    NoDay,
    /// A start or end that is not a time of day (`hh:mm`).
    StartUnreadable,
    EndUnreadable,
    /// An end time without a start time.
    EndWithoutStart,
    EndBeforeStart,
}

/// `hh:mm` (or `hh:mm:ss`, as some browsers give a time control's value), read by hand:
/// chrono's pattern parser would add ~30 KB to the wasm.
fn time_of(text: &str) -> Option<NaiveTime> {
    let mut parts = text.trim().split(':');
    let mut number = |lengths: std::ops::RangeInclusive<usize>| {
        parts.next().filter(|part| lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
    };
    let (hour, minute) = (number(1..=2)?, number(2..=2)?);
    let second = number(2..=2).unwrap_or(0);
    NaiveTime::from_hms_opt(hour, minute, second).filter(|_| parts.next().is_none())
}

/// `hh:mm`, as a time control holds it.
fn hours_minutes(time: &DateTime<FixedOffset>) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", time.hour(), time.minute())
}

fn clipped(text: &str) -> String {
    text.trim().chars().take(OWN_TEXT_MAX).collect()
}

impl OwnDraft {
    /// The snapshot this draft is kept as: a day (all day) or a start (and end) time at the
    /// venue, written with the UTC offset `offset_at` gives for that local time.
    pub fn snapshot(&self, offset_at: impl Fn(NaiveDateTime) -> FixedOffset) -> Result<Snapshot, DraftProblem> {
        let title = clipped(&self.title);
        if title.is_empty() {
            return Err(DraftProblem::NoTitle);
        }
        let day = parse_date(&self.day).ok_or(DraftProblem::NoDay)?;
        let at = |time: NaiveTime| -> Option<DateTime<FixedOffset>> {
            let local = day.and_time(time);
            offset_at(local).from_local_datetime(&local).single()
        };
        // Typed but not a time (a browser without time controls): said, never read as all day.
        let time = |text: &str, problem| match text.trim() {
            "" => Ok(None),
            typed => time_of(typed).map(Some).ok_or(problem),
        };
        let (start, end) = (time(&self.start, DraftProblem::StartUnreadable)?, time(&self.end, DraftProblem::EndUnreadable)?);
        let when = match (start, end) {
            (None, Some(_)) => return Err(DraftProblem::EndWithoutStart),
            (None, None) => When::Days { start: day, end: day },
            (Some(start), end) => {
                let start_at = at(start).ok_or(DraftProblem::NoDay)?;
                let end_at = match end {
                    Some(end) if end <= start => return Err(DraftProblem::EndBeforeStart),
                    Some(end) => Some(at(end).ok_or(DraftProblem::NoDay)?),
                    None => None,
                };
                When::Times { start: start_at, end: end_at }
            }
        };
        Ok(Snapshot { title, when: when.code(), place: clipped(&self.place), status: Status::Scheduled.code().to_owned() })
    }

    /// The form's fields for an appointment kept as `pick` (to change it).
    pub fn of(pick: &Pick) -> Self {
        let (day, start, end) = match When::from_code(&pick.snapshot.when) {
            Some(When::Times { start, end }) => {
                (start.date_naive().to_string(), hours_minutes(&start), end.map(|end| hours_minutes(&end)).unwrap_or_default())
            }
            Some(when) => (when.first_day().to_string(), String::new(), String::new()),
            None => Default::default(),
        };
        Self { title: pick.snapshot.title.clone(), day, start, end, place: pick.snapshot.place.clone(), note: pick.note.clone() }
    }
}

/// The venue's UTC offset on `day`, as the programme's own timed events give it: the offset of
/// the timed event closest to that day (a programme has no time-zone database behind it).
/// `None` when no event has a time.
pub fn venue_offset(programme: &Programme, day: NaiveDate) -> Option<FixedOffset> {
    programme
        .events
        .iter()
        .filter_map(|event| match &event.when {
            When::Times { start, .. } => Some(*start),
            _ => None,
        })
        .min_by_key(|start| (start.date_naive() - day).num_days().abs())
        .map(|start| *start.offset())
}

/// An own appointment as an event, so that clash warnings, calendar files and the timetable
/// treat it as they treat the programme's; `None` for a programme event's pick or a
/// snapshot without a readable day.
pub fn own_event(key: &PickKey, pick: &Pick) -> Option<Event> {
    if !is_own(key) {
        return None;
    }
    let when = When::from_code(&pick.snapshot.when)?;
    let place = &pick.snapshot.place;
    let location = (!place.is_empty()).then(|| {
        std::sync::Arc::new(Location {
            name: Text::plain(place.clone()),
            address: None,
            city: None,
            country: None,
            time_zone: None,
            geo: None,
        })
    });
    // A change of the appointment is a new version of it for a calendar that has it.
    let updated = DateTime::from_timestamp_millis(pick.updated_ms).map(|at| Stamp::Time(at.fixed_offset()));
    Some(Event {
        id: key.event.clone(),
        series: None,
        title: Text::plain(pick.snapshot.title.clone()),
        summary: None,
        themes: Vec::new(),
        partners: Vec::new(),
        people: Vec::new(),
        months: when.months(),
        when,
        location,
        venue: None,
        room: None,
        mode: None,
        audience: None,
        languages: Vec::new(),
        interpretation: Vec::new(),
        access: Vec::new(),
        access_note: None,
        status: Status::Scheduled,
        links: Vec::new(),
        session_links: Vec::new(),
        documents: Vec::new(),
        updated,
    })
}

/// The reader's own appointments on `list` for the programme `programme_id`, as events.
pub fn own_events(list: &NamedList, programme_id: &str) -> Vec<Event> {
    list.live_picks().filter(|(key, _)| key.programme == programme_id).filter_map(|(key, pick)| own_event(key, pick)).collect()
}

impl Shortlists {
    /// Adds an own appointment (id from the caller, unique) to the active list.
    pub fn add_own(&mut self, programme: &str, id: &str, snapshot: Snapshot, note: &str, now_ms: i64) -> PickKey {
        let key = PickKey { programme: programme.to_owned(), event: format!("{OWN_PREFIX}{id}") };
        let active = self.active_list().id.clone();
        if let Some(list) = self.list_mut(&active) {
            let note = note.chars().take(super::NOTE_MAX).collect();
            list.picks.insert(key.clone(), Pick { priority: Priority::None, note, snapshot, updated_ms: now_ms, removed: false });
        }
        key
    }

    /// Changes an own appointment of `list_id` (its note is changed as every pick's is);
    /// returns whether it was found.
    pub fn edit_own(&mut self, list_id: &str, key: &PickKey, snapshot: Snapshot, now_ms: i64) -> bool {
        let Some(pick) = self.list_mut(list_id).and_then(|list| list.picks.get_mut(key)).filter(|_| is_own(key)) else {
            return false;
        };
        pick.snapshot = snapshot;
        pick.updated_ms = now_ms;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_york(_: NaiveDateTime) -> FixedOffset {
        FixedOffset::west_opt(4 * 3600).unwrap()
    }

    fn draft(day: &str, start: &str, end: &str) -> OwnDraft {
        OwnDraft {
            title: " Bilateral ".into(),
            day: day.into(),
            start: start.into(),
            end: end.into(),
            place: "Room 7".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_draft_becomes_a_day_or_venue_times() {
        let timed = draft("2026-03-11", "14:00", "15:30").snapshot(new_york).unwrap();
        assert_eq!(timed.title, "Bilateral");
        assert_eq!(timed.when, "2026-03-11T14:00:00-04:00/2026-03-11T15:30:00-04:00");
        assert_eq!(draft("2026-03-11", "09:15", "").snapshot(new_york).unwrap().when, "2026-03-11T09:15:00-04:00");
        assert_eq!(draft("2026-03-11", "", "").snapshot(new_york).unwrap().when, "2026-03-11");
    }

    #[test]
    fn a_draft_names_what_is_missing_or_wrong() {
        assert_eq!(OwnDraft { title: "  ".into(), ..draft("2026-03-11", "", "") }.snapshot(new_york), Err(DraftProblem::NoTitle));
        assert_eq!(draft("", "", "").snapshot(new_york), Err(DraftProblem::NoDay));
        assert_eq!(draft("2026-02-30", "", "").snapshot(new_york), Err(DraftProblem::NoDay));
        assert_eq!(draft("2026-03-11", "", "10:00").snapshot(new_york), Err(DraftProblem::EndWithoutStart));
        assert_eq!(draft("2026-03-11", "9:00", "").snapshot(new_york).unwrap().when, "2026-03-11T09:00:00-04:00");
        assert_eq!(draft("2026-03-11", "25:00", "").snapshot(new_york), Err(DraftProblem::StartUnreadable));
        assert_eq!(draft("2026-03-11", "9h30", "").snapshot(new_york), Err(DraftProblem::StartUnreadable));
        assert_eq!(draft("2026-03-11", "09:00", "10:00:00:00").snapshot(new_york), Err(DraftProblem::EndUnreadable));
        assert_eq!(draft("2026-03-11", "09:00:30", "").snapshot(new_york).unwrap().when, "2026-03-11T09:00:30-04:00");
        assert_eq!(draft("2026-03-11", "10:00", "10:00").snapshot(new_york), Err(DraftProblem::EndBeforeStart));
        assert_eq!(draft("2026-03-11", "10:00", "09:00").snapshot(new_york), Err(DraftProblem::EndBeforeStart));
    }

    #[test]
    fn long_texts_are_cut_and_the_form_reads_back_what_was_saved() {
        let long = OwnDraft { title: "x".repeat(500), place: "p".repeat(500), ..draft("2026-03-11", "14:00", "15:30") };
        let snapshot = long.snapshot(new_york).unwrap();
        assert_eq!((snapshot.title.chars().count(), snapshot.place.chars().count()), (OWN_TEXT_MAX, OWN_TEXT_MAX));
        let pick =
            Pick { snapshot: draft("2026-03-11", "14:00", "15:30").snapshot(new_york).unwrap(), note: "n".into(), ..Pick::default() };
        assert_eq!(OwnDraft::of(&pick), OwnDraft { title: "Bilateral".into(), note: "n".into(), ..draft("2026-03-11", "14:00", "15:30") });
    }

    #[test]
    fn an_own_key_is_never_a_programme_events() {
        let mut lists = Shortlists::default();
        let key = lists.add_own("p", "k1", draft("2026-03-11", "14:00", "").snapshot(new_york).unwrap(), "", 5);
        assert!(is_own(&key));
        assert!(!crate::domain::programme::valid_id(&key.event), "a programme cannot have this id");
        assert!(!is_own(&PickKey { programme: "p".into(), event: "own-meeting".into() }));
        let event = own_event(&key, &lists.active_list().picks[&key]).unwrap();
        assert_eq!(
            (event.id.as_str(), event.title.get("en"), event.place("en").as_deref()),
            (key.event.as_str(), "Bilateral", Some("Room 7"))
        );
        assert_eq!(own_events(lists.active_list(), "p").len(), 1);
        assert!(own_events(lists.active_list(), "other").is_empty());
    }

    #[test]
    fn editing_dates_the_change_and_only_touches_own_items() {
        let mut lists = Shortlists::default();
        let key = lists.add_own("p", "k1", draft("2026-03-11", "", "").snapshot(new_york).unwrap(), "bring the report", 5);
        let moved = draft("2026-03-12", "", "").snapshot(new_york).unwrap();
        assert!(lists.edit_own("default", &key, moved.clone(), 9));
        let pick = &lists.active_list().picks[&key];
        assert_eq!((pick.snapshot.when.as_str(), pick.note.as_str(), pick.updated_ms), ("2026-03-12", "bring the report", 9));
        let event_key = PickKey { programme: "p".into(), event: "a".into() };
        lists.toggle(event_key.clone(), Snapshot::default(), 10);
        assert!(!lists.edit_own("default", &event_key, moved, 11));
    }

    #[test]
    fn the_venues_offset_is_its_closest_timed_events() {
        let text = crate::domain::synthetic::programme_text(
            "America/New_York",
            &[("a", "2026-03-06T10:00:00-05:00", None, None), ("b", "2026-03-10T10:00:00-04:00", None, None)],
        );
        let programme = crate::domain::programme::parse_programme(&text).unwrap().0;
        let day = |d: &str| parse_date(d).unwrap();
        assert_eq!(venue_offset(&programme, day("2026-03-05")), FixedOffset::west_opt(5 * 3600));
        assert_eq!(venue_offset(&programme, day("2026-03-11")), FixedOffset::west_opt(4 * 3600));
        let seed = crate::domain::programme::parse_programme(include_str!("../../../public/programme.json")).unwrap().0;
        assert_eq!(venue_offset(&seed, day("2012-06-01")), None, "month-only events give no offset");
    }
}
