//! What is on now and what starts next, at a given instant: the screen used on the day.
//!
//! Times are compared as UTC instants, so a reader in another zone and a daylight-saving
//! change between two events need no special case. Events known only to the day or to the
//! month are never given a time: they are "today" or "this month", from the reader's date.
//! Never reads the clock: the instant and the date come in as parameters.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime};

use super::programme::{Event, Programme};
use super::when::{When, YearMonth};

/// How many upcoming events "next" lists at least (more when several start at the same
/// instant as the last of them: a plenary and its parallel sessions are listed together).
pub const NEXT_AT_LEAST: usize = 3;

/// The first screen offers the view when something is on, or starts within this many minutes.
pub const SOON_MINUTES: i64 = 60;

/// Indices into the events placed, each list in chronological order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NowAndNext {
    /// Timed events that have started and not yet ended.
    pub on_now: Vec<usize>,
    /// The next timed events to start (see `NEXT_AT_LEAST`).
    pub next: Vec<usize>,
    /// Events known to the day that take place on the reader's date.
    pub today: Vec<usize>,
    /// Events known only to the month that fall in the reader's month.
    pub this_month: Vec<usize>,
}

impl NowAndNext {
    pub fn is_empty(&self) -> bool {
        self.on_now.is_empty() && self.next.is_empty() && self.today.is_empty() && self.this_month.is_empty()
    }

    /// Whether the first screen should offer the view: an event is on, or one starts within
    /// `SOON_MINUTES` of `now_ms`.
    pub fn is_running_or_soon(&self, events: &[Event], now_ms: i64) -> bool {
        let soon = now_ms + SOON_MINUTES * 60_000;
        !self.on_now.is_empty() || self.next.first().and_then(|&i| start_ms(&events[i].when)).is_some_and(|start| start <= soon)
    }
}

/// Splits `indices` (into `events`: a programme's, or a reader's picks and own appointments)
/// into now, next, today and this month at the instant `now_ms` (ms since 1970, UTC), with
/// `today` the reader's date. An event ending at this very instant is over; one starting at it
/// is on.
pub fn now_and_next(events: &[Event], indices: impl IntoIterator<Item = usize>, now_ms: i64, today: NaiveDate) -> NowAndNext {
    let mut result = NowAndNext::default();
    let mut upcoming = Vec::new();
    for index in indices {
        let Some(event) = events.get(index) else { continue };
        match &event.when {
            When::Times { start, end } => {
                if start.timestamp_millis() > now_ms {
                    upcoming.push(index);
                } else if now_ms < end_ms(start, end.as_ref()) {
                    result.on_now.push(index);
                }
            }
            When::Days { start, end } => {
                if *start <= today && today <= *end {
                    result.today.push(index);
                }
            }
            When::Months { start, end } => {
                let month = YearMonth::of(today);
                if *start <= month && month <= *end {
                    result.this_month.push(index);
                }
            }
        }
    }
    // Each list holds one precision, so one key orders them all: the start (an instant, or
    // the first day at midnight UTC), then the file's order.
    let start_of = |i: usize| {
        start_ms(&events[i].when).unwrap_or_else(|| events[i].when.first_day().and_time(NaiveTime::MIN).and_utc().timestamp_millis())
    };
    for list in [&mut result.on_now, &mut result.today, &mut result.this_month, &mut upcoming] {
        order_by(list, &|i| (start_of(i), 0));
    }
    let last_start = upcoming.get(NEXT_AT_LEAST.saturating_sub(1)).or(upcoming.last()).map(|&i| start_of(i));
    result.next = upcoming.into_iter().take_while(|&i| Some(start_of(i)) <= last_start).collect();
    result
}

/// Orders indices by a key, then by index. Shared by every list the day views order: each
/// closure type would bring a sort of its own into the wasm.
pub(crate) fn order_by(list: &mut [usize], key: &dyn Fn(usize) -> (i64, i64)) {
    list.sort_unstable_by_key(|&i| (key(i), i));
}

/// When an event is over: its end, or for an event whose end is not given, the end of its
/// day at the venue (it may be on until then; no end is made up to show).
fn end_ms(start: &DateTime<FixedOffset>, end: Option<&DateTime<FixedOffset>>) -> i64 {
    match end {
        Some(end) => end.timestamp_millis(),
        None => {
            let next_day = start.date_naive() + Duration::days(1);
            let midnight = next_day.and_hms_opt(0, 0, 0).and_then(|midnight| midnight.and_local_timezone(*start.offset()).single());
            midnight.map_or(i64::MAX, |midnight| midnight.timestamp_millis())
        }
    }
}

fn start_ms(when: &When) -> Option<i64> {
    when.instants_ms().map(|(start, _)| start)
}

/// Whether the programme has anything the view can place in time: an event known to the day
/// or to the minute. A programme known only to the month is not offered the view.
pub fn has_days_or_times(programme: &Programme) -> bool {
    programme.events.iter().any(|event| !matches!(event.when, When::Months { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::parse_programme;
    use crate::domain::synthetic::programme_text;

    fn programme(events: &[(&str, &str, Option<&str>)]) -> Programme {
        let events: Vec<_> = events.iter().map(|&(id, start, end)| (id, start, end, None)).collect();
        parse_programme(&programme_text("Europe/Zurich", &events)).expect("a valid programme").0
    }

    fn at(text: &str) -> i64 {
        DateTime::parse_from_rfc3339(text).expect("a timestamp").timestamp_millis()
    }

    fn ids(programme: &Programme, list: &[usize]) -> Vec<String> {
        list.iter().map(|&i| programme.events[i].id.clone()).collect()
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    fn all(programme: &Programme) -> std::ops::Range<usize> {
        0..programme.events.len()
    }

    #[test]
    fn an_event_ending_at_this_minute_is_over_and_one_starting_is_on() {
        let p = programme(&[
            ("ending", "2026-03-10T09:00:00+01:00", Some("2026-03-10T10:00:00+01:00")),
            ("starting", "2026-03-10T10:00:00+01:00", Some("2026-03-10T11:00:00+01:00")),
            ("later", "2026-03-10T14:00:00+01:00", Some("2026-03-10T15:00:00+01:00")),
        ]);
        let found = now_and_next(&p.events, all(&p), at("2026-03-10T10:00:00+01:00"), day("2026-03-10"));
        assert_eq!(ids(&p, &found.on_now), ["starting"]);
        assert_eq!(ids(&p, &found.next), ["later"]);
        let a_minute_before = now_and_next(&p.events, all(&p), at("2026-03-10T09:59:00+01:00"), day("2026-03-10"));
        assert_eq!(ids(&p, &a_minute_before.on_now), ["ending"]);
        assert_eq!(ids(&p, &a_minute_before.next), ["starting", "later"]);
    }

    #[test]
    fn an_event_across_midnight_is_on_after_midnight() {
        let p = programme(&[("night", "2026-03-10T22:00:00+01:00", Some("2026-03-11T02:00:00+01:00"))]);
        let found = now_and_next(&p.events, all(&p), at("2026-03-11T01:30:00+01:00"), day("2026-03-11"));
        assert_eq!(ids(&p, &found.on_now), ["night"]);
        assert!(found.next.is_empty());
    }

    #[test]
    fn instants_compare_across_a_daylight_saving_change_and_zones() {
        // New York moved its clocks on 2026-03-08: 10:00 -05:00 before, 10:00 -04:00 after.
        let p = programme(&[
            ("before-dst", "2026-03-07T10:00:00-05:00", Some("2026-03-07T12:00:00-05:00")),
            ("after-dst", "2026-03-09T10:00:00-04:00", Some("2026-03-09T11:30:00-04:00")),
        ]);
        // 14:30 UTC is 10:30 in New York after the change (and 15:30 in Zurich, 23:30 in Tokyo).
        let found = now_and_next(&p.events, all(&p), at("2026-03-09T23:30:00+09:00"), day("2026-03-09"));
        assert_eq!(ids(&p, &found.on_now), ["after-dst"]);
        // 14:30 UTC is 09:30 in New York before it: not yet started.
        let before = now_and_next(&p.events, all(&p), at("2026-03-07T14:30:00Z"), day("2026-03-07"));
        assert!(before.on_now.is_empty());
        assert_eq!(ids(&p, &before.next), ["before-dst", "after-dst"]);
    }

    #[test]
    fn days_and_months_are_today_and_this_month_never_a_time() {
        let p = programme(&[
            ("day", "2026-03-10", None),
            ("days", "2026-03-09", Some("2026-03-11")),
            ("other-day", "2026-03-12", None),
            ("month", "2026-03", None),
            ("months", "2026-01", Some("2026-04")),
            ("other-month", "2026-05", None),
        ]);
        let found = now_and_next(&p.events, all(&p), at("2026-03-10T12:00:00Z"), day("2026-03-10"));
        assert_eq!(ids(&p, &found.today), ["days", "day"]);
        assert_eq!(ids(&p, &found.this_month), ["months", "month"]);
        assert!(found.on_now.is_empty() && found.next.is_empty(), "no time is made up for them");
    }

    #[test]
    fn an_event_without_an_end_is_on_until_the_end_of_its_day_at_the_venue() {
        let p = programme(&[("open", "2026-03-10T18:00:00-04:00", None)]);
        let late = now_and_next(&p.events, all(&p), at("2026-03-10T23:59:00-04:00"), day("2026-03-11"));
        assert_eq!(ids(&p, &late.on_now), ["open"], "still its day in New York, the next day for this reader");
        let next_day = now_and_next(&p.events, all(&p), at("2026-03-11T00:00:00-04:00"), day("2026-03-11"));
        assert!(next_day.on_now.is_empty());
    }

    #[test]
    fn next_lists_at_least_three_and_every_event_starting_with_the_last() {
        let p = programme(&[
            ("a", "2026-03-10T09:00:00Z", None),
            ("b1", "2026-03-10T10:00:00Z", None),
            ("b2", "2026-03-10T10:00:00Z", None),
            ("c1", "2026-03-10T11:00:00Z", None),
            ("c2", "2026-03-10T11:00:00Z", None),
            ("d", "2026-03-10T12:00:00Z", None),
        ]);
        let found = now_and_next(&p.events, all(&p), at("2026-03-10T08:00:00Z"), day("2026-03-10"));
        assert_eq!(ids(&p, &found.next), ["a", "b1", "b2"]);
        let later = now_and_next(&p.events, all(&p), at("2026-03-10T09:30:00Z"), day("2026-03-10"));
        assert_eq!(ids(&p, &later.next), ["b1", "b2", "c1", "c2"]);
    }

    #[test]
    fn only_the_events_asked_about_are_placed() {
        let p = programme(&[("mine", "2026-03-10T09:00:00Z", None), ("theirs", "2026-03-10T09:00:00Z", None)]);
        let found = now_and_next(&p.events, [0], at("2026-03-10T09:30:00Z"), day("2026-03-10"));
        assert_eq!(ids(&p, &found.on_now), ["mine"]);
        let out_of_range = now_and_next(&p.events, [7], at("2026-03-10T09:30:00Z"), day("2026-03-10"));
        assert!(out_of_range.is_empty());
    }

    #[test]
    fn the_first_screen_offers_the_view_while_a_meeting_runs_or_one_starts_within_the_hour() {
        let p = programme(&[("a", "2026-03-10T10:00:00Z", Some("2026-03-10T11:00:00Z"))]);
        let check = |now: &str| now_and_next(&p.events, all(&p), at(now), day("2026-03-10")).is_running_or_soon(&p.events, at(now));
        assert!(!check("2026-03-10T08:59:00Z"));
        assert!(check("2026-03-10T09:00:00Z"));
        assert!(check("2026-03-10T10:30:00Z"));
        assert!(!check("2026-03-10T11:00:00Z"));
    }

    #[test]
    fn a_programme_known_only_to_the_month_is_not_offered_the_view() {
        assert!(!has_days_or_times(&programme(&[("m", "2026-03", None)])));
        assert!(has_days_or_times(&programme(&[("m", "2026-03", None), ("d", "2026-03-10", None)])));
    }
}
