//! A day's timetable: the timed events of one day at the venue, laid out by time and room,
//! so that what runs in parallel is seen at a glance. Rows are quarter hours from the day's
//! first start; columns are rooms, a room taking more than one column only while two of its
//! events overlap. Events known to the day are listed for the whole day; events known only to
//! the month have no day and are not placed.

use chrono::{NaiveDate, Timelike};

use super::now::order_by;
use super::programme::Event;
use super::when::When;

/// The grid's row: a quarter of an hour.
pub const ROW_MINUTES: i64 = 15;

/// One timed event's place in the grid (rows and columns counted from 0, ends exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Index into the events laid out.
    pub index: usize,
    pub row: i64,
    pub rows: i64,
    pub column: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayLayout {
    /// Each room's name and the columns it takes: `(name, first column, columns)`.
    pub rooms: Vec<(String, usize, usize)>,
    /// Timed events in the order of their start (then room): the order a phone lists them in.
    pub placed: Vec<Placed>,
    /// Minutes after midnight (venue time) of the first row.
    pub first_minute: i64,
    /// Rows in the grid.
    pub rows: i64,
    /// Events known to the day that include this day.
    pub all_day: Vec<usize>,
}

impl DayLayout {
    pub fn columns(&self) -> usize {
        self.rooms.iter().map(|(_, _, columns)| columns).sum()
    }
}

/// The venue dates on which the given events start at a known time, in order.
pub fn days_with_times(events: &[Event], indices: impl IntoIterator<Item = usize>) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = indices
        .into_iter()
        .filter_map(|i| match &events.get(i)?.when {
            When::Times { start, .. } => Some(start.date_naive()),
            _ => None,
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The day to open on: `today` if it has events, else the next day that has, else the last.
pub fn day_to_open(days: &[NaiveDate], today: NaiveDate) -> Option<NaiveDate> {
    days.iter().copied().find(|day| *day >= today).or(days.last().copied())
}

/// Lays out `day` (a venue date) for the events of `indices`; `room_of` names an event's room
/// (its place in the reader's language; "" when the programme does not say).
pub fn lay_out_day(
    events: &[Event],
    indices: impl IntoIterator<Item = usize>,
    day: NaiveDate,
    room_of: impl Fn(&Event) -> String,
) -> DayLayout {
    // (from, until, room's name, event), in minutes after midnight at the venue.
    let mut timed: Vec<(i64, i64, String, usize)> = Vec::new();
    let mut all_day = Vec::new();
    for index in indices {
        let Some(event) = events.get(index) else { continue };
        match &event.when {
            When::Times { start, end } if start.date_naive() == day => {
                let from = i64::from(start.hour() * 60 + start.minute());
                // Until its end on this day, the day's end if it runs past midnight, and a
                // quarter hour when no end is given (no length is shown: the item says when it starts).
                let until = match end {
                    Some(end) if end.date_naive() == day => i64::from(end.hour() * 60 + end.minute()),
                    Some(_) => 24 * 60,
                    None => from + ROW_MINUTES,
                };
                timed.push((from, until.max(from + ROW_MINUTES), room_of(event), index));
            }
            When::Days { start, end } if *start <= day && day <= *end => all_day.push(index),
            _ => {}
        }
    }
    let first_minute = timed.iter().map(|t| t.0).min().unwrap_or(0) / 60 * 60;
    let last_minute = timed.iter().map(|t| t.1).max().unwrap_or(first_minute);
    let rows = (last_minute - first_minute + ROW_MINUTES - 1) / ROW_MINUTES;

    // Rooms in order of name; events in the order they start, then by room.
    let names: Vec<String> = timed.iter().map(|t| t.2.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let room_index: Vec<usize> = timed.iter().map(|t| names.binary_search(&t.2).unwrap_or(0)).collect();
    let mut order: Vec<usize> = (0..timed.len()).collect();
    order_by(&mut order, &|k| (timed[k].0, room_index[k] as i64));
    // Within a room, each event takes the first lane free at its start.
    let mut lanes_of: Vec<Vec<i64>> = vec![Vec::new(); names.len()];
    let mut lane_of = vec![0; timed.len()];
    for &k in &order {
        let lanes = &mut lanes_of[room_index[k]];
        let lane = match lanes.iter().position(|free_at| *free_at <= timed[k].0) {
            Some(lane) => lane,
            None => {
                lanes.push(0);
                lanes.len() - 1
            }
        };
        lanes[lane] = timed[k].1;
        lane_of[k] = lane;
    }
    let mut rooms = Vec::with_capacity(names.len());
    let mut first_column = 0;
    for (name, lanes) in names.into_iter().zip(&lanes_of) {
        rooms.push((name, first_column, lanes.len()));
        first_column += lanes.len();
    }
    let placed = order
        .iter()
        .map(|&k| {
            let (from, until, _, index) = &timed[k];
            Placed {
                index: *index,
                row: (from - first_minute) / ROW_MINUTES,
                rows: ((until - first_minute + ROW_MINUTES - 1) / ROW_MINUTES - (from - first_minute) / ROW_MINUTES).max(1),
                column: rooms[room_index[k]].1 + lane_of[k],
            }
        })
        .collect();
    DayLayout { rooms, placed, first_minute, rows, all_day }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::{parse_programme, Programme};
    use crate::domain::synthetic::programme_text;

    fn programme(events: &[(&str, &str, Option<&str>, &str)]) -> Programme {
        let events: Vec<_> = events.iter().map(|&(id, start, end, room)| (id, start, end, Some(room))).collect();
        parse_programme(&programme_text("America/New_York", &events)).expect("a valid programme").0
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    fn layout(p: &Programme, on: &str) -> DayLayout {
        lay_out_day(&p.events, 0..p.events.len(), day(on), |event| event.place("").unwrap_or_default())
    }

    fn ids(p: &Programme, layout: &DayLayout) -> Vec<String> {
        layout.placed.iter().map(|placed| p.events[placed.index].id.clone()).collect()
    }

    #[test]
    fn parallel_events_in_two_rooms_share_rows_in_their_own_columns() {
        let p = programme(&[
            ("b", "2026-03-11T15:00:00-04:00", Some("2026-03-11T17:00:00-04:00"), "Room 3"),
            ("a", "2026-03-11T14:00:00-04:00", Some("2026-03-11T16:00:00-04:00"), "Room 2"),
            ("other-day", "2026-03-12T14:00:00-04:00", None, "Room 2"),
        ]);
        let day = layout(&p, "2026-03-11");
        assert_eq!(ids(&p, &day), ["a", "b"], "in the order they start");
        assert_eq!(day.rooms, [("Room 2".to_owned(), 0, 1), ("Room 3".to_owned(), 1, 1)]);
        assert_eq!(day.first_minute, 14 * 60);
        assert_eq!((day.placed[0].row, day.placed[0].rows, day.placed[0].column), (0, 8, 0));
        assert_eq!((day.placed[1].row, day.placed[1].rows, day.placed[1].column), (4, 8, 1));
        assert_eq!(day.rows, 12);
    }

    #[test]
    fn overlapping_events_in_one_room_take_a_second_column_only_for_that_room() {
        let p = programme(&[
            ("a", "2026-03-11T09:00:00Z", Some("2026-03-11T10:00:00Z"), "Hall"),
            ("b", "2026-03-11T09:30:00Z", Some("2026-03-11T10:30:00Z"), "Hall"),
            ("c", "2026-03-11T10:00:00Z", Some("2026-03-11T11:00:00Z"), "Hall"),
            ("d", "2026-03-11T09:00:00Z", Some("2026-03-11T09:45:00Z"), "Annex"),
        ]);
        let day = layout(&p, "2026-03-11");
        assert_eq!(day.rooms, [("Annex".to_owned(), 0, 1), ("Hall".to_owned(), 1, 2)]);
        let column = |id: &str| day.placed.iter().find(|placed| p.events[placed.index].id == id).map(|placed| placed.column);
        assert_eq!((column("a"), column("b"), column("c"), column("d")), (Some(1), Some(2), Some(1), Some(0)));
        assert_eq!(day.columns(), 3);
    }

    #[test]
    fn an_event_past_midnight_runs_to_the_end_of_the_day_and_one_without_an_end_takes_a_quarter_hour() {
        let p = programme(&[
            ("night", "2026-03-11T22:00:00Z", Some("2026-03-12T01:00:00Z"), "Hall"),
            ("open", "2026-03-11T20:10:00Z", None, "Hall"),
        ]);
        let day = layout(&p, "2026-03-11");
        assert_eq!(day.first_minute, 20 * 60, "rows start on the hour");
        let open = &day.placed[0];
        assert_eq!((open.row, open.rows), (0, 2), "20:10 to 20:25 touches two quarter hours");
        let night = &day.placed[1];
        assert_eq!((night.row, night.rows), (8, 8));
        assert_eq!(day.rows, 16);
    }

    #[test]
    fn days_are_venue_dates_and_whole_days_are_listed_apart() {
        let text = r#"{ "schema_version": "1.1", "programme": { "id": "p", "title": "P", "time_zone": "Asia/Tokyo", "language": "en" },
            "events": [ { "id": "late", "title": "late", "when": { "start": "2026-03-11T23:30:00+09:00" } },
                        { "id": "workshop", "title": "workshop", "when": { "start": "2026-03-10", "end": "2026-03-12" } },
                        { "id": "month", "title": "month", "when": { "start": "2026-03" } } ] }"#;
        let p = parse_programme(text).expect("valid").0;
        // 23:30 in Tokyo is 14:30 UTC: still the 11th at the venue, whatever the reader's zone.
        assert_eq!(days_with_times(&p.events, 0..3), [day("2026-03-11")]);
        let on = layout(&p, "2026-03-11");
        assert_eq!(ids(&p, &on), ["late"]);
        assert_eq!(on.all_day, [1]);
    }

    #[test]
    fn the_day_opened_is_today_or_the_next_with_events_or_the_last() {
        let days = [day("2026-03-09"), day("2026-03-11")];
        assert_eq!(day_to_open(&days, day("2026-03-09")), Some(day("2026-03-09")));
        assert_eq!(day_to_open(&days, day("2026-03-10")), Some(day("2026-03-11")));
        assert_eq!(day_to_open(&days, day("2027-01-01")), Some(day("2026-03-11")));
        assert_eq!(day_to_open(&[], day("2027-01-01")), None);
    }

    #[test]
    fn ten_thousand_events_on_one_day_lay_out_without_trouble() {
        let events: Vec<(String, String, String)> = (0..10_000)
            .map(|i| (format!("e{i}"), format!("2026-03-11T{:02}:{:02}:00Z", 8 + (i % 10), (i % 4) * 15), format!("Room {}", i % 40)))
            .collect();
        let borrowed: Vec<(&str, &str, Option<&str>, &str)> =
            events.iter().map(|(id, start, room)| (id.as_str(), start.as_str(), None, room.as_str())).collect();
        let p = programme(&borrowed);
        let day = layout(&p, "2026-03-11");
        assert_eq!(day.placed.len(), 10_000);
        assert_eq!(day.rooms.len(), 40);
    }
}
