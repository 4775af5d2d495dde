//! Calendar files (RFC 5545, iCalendar): one event, a reader's shortlist, or a subscription
//! feed of the programme or one series, as `.ics` text. Pure: the moment of writing
//! (`DTSTAMP`) and the app's address come in as parameters.
//!
//! Rules: the `UID` of an event is the same in every version of the programme (event id +
//! programme id), and `SEQUENCE` grows when the organiser changes the event (from its
//! `updated`, else the programme's); times are written in UTC; days and day ranges are all-day
//! (`VALUE=DATE`, exclusive end); an event known only to the month is left out and counted,
//! never given an invented day; text is escaped, lines are folded at 75 octets without
//! splitting a character, and end in CRLF. A reminder the reader chose is a `VALARM` of each
//! event that is not cancelled (`ACTION:DISPLAY`, a `TRIGGER` before the start).

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Timelike, Utc};

use super::i18n::Lang;
use super::programme::{Event, LinkKind, Programme, Stamp, Status};
use super::when::When;

/// What goes into one calendar file.
pub struct CalendarRequest<'a> {
    /// The calendar's name (`X-WR-CALNAME`), shown by calendar apps for a subscription.
    pub name: &'a str,
    /// Language tag for the programme's texts.
    pub lang: &'a str,
    /// The moment of writing (`DTSTAMP`).
    pub now: DateTime<Utc>,
    /// Each event's absolute address in the app (its `URL`); `None`, or an empty address for
    /// an event, leaves it out.
    pub event_url: Option<&'a dyn Fn(&Event) -> String>,
    /// Cancelled events are written as `STATUS:CANCELLED` (so a calendar removes them), or
    /// left out.
    pub include_cancelled: bool,
    /// A reminder this many minutes before each event (`ALARM_CHOICES`); `None`: none.
    pub alarm_minutes: Option<u32>,
}

/// The reminders a reader can choose, in minutes before the event.
pub const ALARM_CHOICES: [u32; 4] = [5, 15, 30, 60];

/// A stored reminder choice, if it is one of `ALARM_CHOICES` (anything else: no reminder).
pub fn parse_alarm(text: &str) -> Option<u32> {
    text.trim().parse().ok().filter(|minutes| ALARM_CHOICES.contains(minutes))
}

/// An event to write, with the reader's note for a shortlist export.
pub struct Entry<'a> {
    pub event: &'a Event,
    pub note: Option<&'a str>,
}

/// A calendar file and what could not go into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    /// Events written.
    pub events: usize,
    /// Events known only to the month: a calendar needs a day.
    pub month_only: usize,
}

/// The `.ics` text for `entries` of `programme`.
pub fn write_calendar(programme: &Programme, entries: &[Entry<'_>], request: &CalendarRequest<'_>) -> Written {
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//programme-browser//Programme calendar//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.property("X-WR-CALNAME", &escape(request.name));
    let (mut events, mut month_only) = (0, 0);
    for entry in entries {
        let event = entry.event;
        if event.status == Status::Cancelled && !request.include_cancelled {
            continue;
        }
        let Some(dates) = dates(&event.when) else {
            month_only += 1;
            continue;
        };
        events += 1;
        out.line("BEGIN:VEVENT");
        out.property("UID", &uid(programme, event));
        out.property("DTSTAMP", &utc(request.now));
        out.property("SEQUENCE", &sequence(programme, event).to_string());
        match dates {
            Dates::Times { start, end } => {
                out.property("DTSTART", &utc(start));
                if let Some(end) = end {
                    out.property("DTEND", &utc(end));
                }
            }
            Dates::AllDay { start, end_exclusive } => {
                out.property("DTSTART;VALUE=DATE", &day(start));
                out.property("DTEND;VALUE=DATE", &day(end_exclusive));
            }
        }
        out.property("STATUS", status(event.status));
        out.property("SUMMARY", &escape(event.title.get(request.lang)));
        let description = description(programme, event, entry.note, request);
        if !description.is_empty() {
            out.property("DESCRIPTION", &escape(&description));
        }
        if let Some(place) = event.place(request.lang) {
            // The address too: what a calendar app hands to its map when the reader taps it.
            let address = event.location.as_ref().and_then(|location| location.address.as_ref()).map(|a| a.get(request.lang));
            let place = match address {
                Some(address) if !place.contains(address) => format!("{place}, {address}"),
                _ => place,
            };
            out.property("LOCATION", &escape(&place));
        }
        if let Some(geo) = event.location.as_ref().and_then(|location| location.geo) {
            let (latitude, longitude) = geo.text();
            out.property("GEO", &format!("{latitude};{longitude}"));
        }
        if let Some(url) = request.event_url.map(|url| url(event)).filter(|url| !url.is_empty()) {
            out.property("URL", &url);
        }
        // Where to join or watch (RFC 7986), which calendar apps offer as a button.
        for session in event.session_links.iter().filter(|session| session.kind.is_live()) {
            let feature = if session.kind == LinkKind::Join { "AUDIO,VIDEO" } else { "VIDEO" };
            out.property(&format!("CONFERENCE;VALUE=URI;FEATURE={feature}"), &session.link.url);
        }
        if let Some(minutes) = request.alarm_minutes.filter(|_| event.status != Status::Cancelled) {
            out.line("BEGIN:VALARM");
            out.property("ACTION", "DISPLAY");
            out.property("DESCRIPTION", &escape(event.title.get(request.lang)));
            out.property("TRIGGER", &format!("-PT{minutes}M"));
            out.line("END:VALARM");
        }
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    Written { text: out.text, events, month_only }
}

/// `event-id@programme-id`: the same in every version of the programme file.
pub fn uid(programme: &Programme, event: &Event) -> String {
    format!("{}@{}.programme-browser", event.id, programme.meta.id)
}

/// Grows with each change the organiser dates: minutes from 2000-01-01 UTC to the event's
/// `updated` (else the programme's `updated`, else its `published`), 0 when none is given.
pub fn sequence(programme: &Programme, event: &Event) -> i64 {
    let stamp = event.updated.or(programme.meta.updated).or(programme.meta.published);
    let Some(stamp) = stamp else { return 0 };
    let moment = match stamp {
        Stamp::Time(time) => time.with_timezone(&Utc),
        Stamp::Date(date) => Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default()),
    };
    let epoch = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).single().unwrap_or_default();
    (moment - epoch).num_minutes().max(0)
}

enum Dates {
    Times { start: DateTime<Utc>, end: Option<DateTime<Utc>> },
    AllDay { start: NaiveDate, end_exclusive: NaiveDate },
}

fn dates(when: &When) -> Option<Dates> {
    match when {
        When::Months { .. } => None,
        When::Days { start, end } => {
            Some(Dates::AllDay { start: *start, end_exclusive: end.checked_add_days(Days::new(1)).unwrap_or(*end) })
        }
        When::Times { start, end } => Some(Dates::Times { start: start.with_timezone(&Utc), end: end.map(|end| end.with_timezone(&Utc)) }),
    }
}

fn status(status: Status) -> &'static str {
    match status {
        Status::Cancelled => "CANCELLED",
        Status::Postponed => "TENTATIVE",
        Status::Scheduled | Status::MovedOnline => "CONFIRMED",
    }
}

fn description(programme: &Programme, event: &Event, note: Option<&str>, request: &CalendarRequest<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(summary) = &event.summary {
        parts.push(summary.get(request.lang).to_owned());
    }
    // Who speaks: one line each, "Name (Affiliation)", as a calendar shows plain text.
    let people: Vec<String> = event
        .people
        .iter()
        .map(|participant| {
            let person = &programme.people[participant.person];
            match &person.affiliation {
                Some(affiliation) => format!("{} ({})", person.name.get(request.lang), affiliation.get(request.lang)),
                None => person.name.get(request.lang).to_owned(),
            }
        })
        .collect();
    if !people.is_empty() {
        parts.push(people.join("\n"));
    }
    // The join and livestream addresses in the text too: many calendar apps show no
    // CONFERENCE property.
    let live = event.session_links.iter().filter(|session| session.kind.is_live());
    let live: Vec<&str> = live.map(|session| session.link.url.as_str()).collect();
    if !live.is_empty() {
        parts.push(live.join("\n"));
    }
    // Its other links, its documents and its venue's map: what a delegate opens from the entry.
    let map = event.venue.and_then(|at| programme.venues[at.venue].map_url(request.lang));
    let links = event.links.iter().map(|link| link.url.clone()).chain(event.documents.iter().map(|document| document.url.clone()));
    let links: Vec<String> = links.chain(map).collect();
    if !links.is_empty() {
        parts.push(links.join("\n"));
    }
    if let Some(note) = note.map(str::trim).filter(|note| !note.is_empty()) {
        parts.push(format!("Note: {note}"));
    }
    if let Some(url) = request.event_url.map(|url| url(event)) {
        parts.push(url);
    }
    parts.join("\n\n")
}

// Formatted by hand: chrono's formatter adds ~12 KB to the wasm.
fn utc(moment: DateTime<Utc>) -> String {
    format!("{}T{:02}{:02}{:02}Z", day(moment.date_naive()), moment.hour(), moment.minute(), moment.second())
}

fn day(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; other
/// control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines with CRLF ends, folded at 75 octets (RFC 5545 3.1) without splitting a
/// UTF-8 character; a continuation line starts with a space, which counts.
#[derive(Default)]
struct Lines {
    text: String,
}

impl Lines {
    fn property(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    fn line(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = 75;
        loop {
            if rest.len() <= limit {
                self.text.push_str(rest);
                self.text.push_str("\r\n");
                return;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.text.push_str(&rest[..cut]);
            self.text.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
    }
}

/// Whether an event can go into a calendar: known at least to the day (a month alone would
/// be an invented date).
pub fn has_calendar_dates(event: &Event) -> bool {
    !matches!(event.when, When::Months { .. })
}

/// The feed of the whole programme, beside `programme.json`.
pub const PROGRAMME_FEED: &str = "programme.ics";

/// The feed of one series, beside `programme.json`.
pub fn series_feed(series_id: &str) -> String {
    format!("programme-series-{series_id}.ics")
}

/// The subscription feeds published beside `programme.json`: `programme.ics` and one per
/// series (the app links to them by these names). Cancelled events stay in, marked
/// cancelled, so that a subscribed calendar removes them; each event links to its page when
/// the publish address is known.
pub fn feeds(programme: &Programme, lang: Lang, now: DateTime<Utc>, event_url: Option<&dyn Fn(&Event) -> String>) -> Vec<(String, String)> {
    let feed = |name: &str, events: &mut dyn Iterator<Item = &Event>| {
        let entries: Vec<Entry<'_>> = events.map(|event| Entry { event, note: None }).collect();
        // A subscription carries no reminders: the reader's calendar app sets its own.
        let request = CalendarRequest { name, lang: lang.tag(), now, event_url, include_cancelled: true, alarm_minutes: None };
        write_calendar(programme, &entries, &request).text
    };
    let title = programme.meta.title.get(lang.tag());
    let mut feeds = vec![(PROGRAMME_FEED.to_owned(), feed(title, &mut programme.events.iter()))];
    for (index, series) in programme.series.iter().enumerate() {
        let name = format!("{title}: {}", series.title.get(lang.tag()));
        let text = feed(&name, &mut programme.events.iter().filter(|event| event.series == Some(index)));
        feeds.push((series_feed(&series.id), text));
    }
    feeds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
        assert_eq!(escape("bell\u{7}"), "bell");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut lines = Lines::default();
        lines.property("SUMMARY", &"é".repeat(100));
        for line in lines.text.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = lines.text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(100)));
    }
}
