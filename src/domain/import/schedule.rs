//! Conference schedules: the frab / c3voc `schedule.json` (https://c3voc.de/wiki/schedule)
//! that pretalx, frab and others export. Tracks become themes, rooms become the rooms of one
//! venue (named as the conference gives its place, else after the conference),
//! persons become the programme's people (with their biographies) and each event's speakers,
//! times keep the offset the file gives them and the conference's time zone.
//!
//! Read leniently over a JSON value (exports differ: numbers or strings for ids, `name` or
//! `public_name` for persons): what cannot be used is reported with its JSON path in the
//! schedule, and the event skipped; the rest imports.

use std::collections::{BTreeMap, HashSet};

use chrono::Duration;
use serde_json::Value;

use super::origins::Origins;
use super::{ImportProblem, Place, WRITTEN_VERSION};
use crate::domain::fold::fold;
use crate::domain::programme::raw::*;
use crate::domain::programme::{is_http_url, syntax_error, valid_id, LoadError, Role, MAX_PROGRAMME_BYTES};
use crate::domain::text::RawText;
use crate::domain::when::parse_timestamp;

/// Reads a schedule; `Err` when it is not one at all.
pub fn import_schedule(text: &str) -> Result<(RawProgramme, Vec<ImportProblem>, Origins), LoadError> {
    if text.len() as u64 > MAX_PROGRAMME_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() as u64, complete: true });
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let root: Value = serde_json::from_str(body).map_err(|err| syntax_error(&err))?;
    let structure = |path: &str, message: &str| LoadError::Structure { path: path.to_owned(), line: None, message: message.to_owned() };
    let conference = root
        .get("schedule")
        .and_then(|schedule| schedule.get("conference"))
        .filter(|conference| conference.is_object())
        .ok_or_else(|| structure("schedule.conference", "is missing: is this a frab/pretalx schedule.json?"))?;
    let days = conference
        .get("days")
        .and_then(Value::as_array)
        .ok_or_else(|| structure("schedule.conference.days", "is missing or not a list"))?;

    let mut import = Import::default();
    // Without a zone name, times still keep their offsets; the programme says UTC.
    let time_zone = string(conference, "time_zone_name");
    for (day_index, day) in days.iter().enumerate() {
        let day_path = format!("schedule.conference.days[{day_index}]");
        let Some(rooms) = day.get("rooms").and_then(Value::as_object) else {
            import.problems.push(ImportProblem::path(
                format!("{day_path}.rooms"),
                "is missing or not an object of room name to events: the day is skipped",
            ));
            continue;
        };
        for (room, events) in rooms {
            let Some(events) = events.as_array() else {
                import.problems.push(ImportProblem::path(format!("{day_path}.rooms[{room:?}]"), "is not a list of events: skipped"));
                continue;
            };
            for (index, event) in events.iter().enumerate() {
                let path = format!("{day_path}.rooms[{room:?}][{index}]");
                match import.event(event, room, &path) {
                    Ok(event) => {
                        import.origins.add_item("events", Place::Path { path, line: None });
                        import.events.push(event);
                    }
                    Err(problem) => import.problems.push(problem),
                }
            }
        }
    }

    let title = string(conference, "title").unwrap_or_else(|| "Conference".to_owned());
    let venues = if import.rooms.is_empty() {
        Vec::new()
    } else {
        let name = string(conference, "location").or_else(|| string(conference, "venue")).unwrap_or_else(|| title.clone());
        vec![RawVenue {
            id: VENUE.to_owned(),
            name: RawText::Plain(name),
            time_zone: time_zone.clone(),
            rooms: import.rooms.into_values().collect(),
            ..RawVenue::default()
        }]
    };
    let acronym = string(conference, "acronym").unwrap_or_else(|| title.clone());
    let programme = RawMeta {
        id: if valid_id(&acronym) { acronym } else { slug(&acronym) },
        title: RawText::Plain(title),
        description: string(conference, "description").map(RawText::Plain),
        publisher: None,
        published: None,
        updated: None,
        time_zone: time_zone.unwrap_or_else(|| "UTC".to_owned()),
        language: None,
        url: string(conference, "url").filter(|url| url.starts_with("http")),
    };
    let raw = RawProgramme {
        schema_version: WRITTEN_VERSION.to_owned(),
        programme,
        themes: import.themes.into_values().collect(),
        partners: Vec::new(),
        series: Vec::new(),
        debates: Vec::new(),
        people: import.people.into_values().collect(),
        venues,
        events: import.events,
    };
    Ok((raw, import.problems, import.origins))
}

#[derive(Default)]
struct Import {
    /// By id; themes from tracks, people from persons.
    themes: BTreeMap<String, RawTheme>,
    people: BTreeMap<String, RawPerson>,
    /// The conference's rooms, by name.
    rooms: BTreeMap<String, RawRoom>,
    events: Vec<RawEvent>,
    event_ids: HashSet<String>,
    problems: Vec<ImportProblem>,
    origins: Origins,
}

impl Import {
    fn event(&mut self, event: &Value, room: &str, path: &str) -> Result<RawEvent, ImportProblem> {
        if !event.is_object() {
            return Err(ImportProblem::path(path, "is not an event object: skipped"));
        }
        let date = string(event, "date").ok_or_else(|| ImportProblem::path(format!("{path}.date"), "is missing: the event is skipped"))?;
        let start = parse_timestamp(&date).ok_or_else(|| {
            ImportProblem::path(
                format!("{path}.date"),
                format!("`{date}` is not a date and time with its offset, such as \"2020-12-14T09:00:00+01:00\": the event is skipped"),
            )
        })?;
        let end = match string(event, "duration") {
            None => None,
            Some(text) => match duration(&text) {
                Some(length) => Some(start + length),
                None => {
                    self.problems.push(ImportProblem::path(
                        format!("{path}.duration"),
                        format!("`{text}` is not a duration such as \"00:30\": the event has no end"),
                    ));
                    None
                }
            },
        };
        let id = self.event_id(event, &date, path);
        let title = string(event, "title").unwrap_or_default();
        let summary = string(event, "abstract").or_else(|| string(event, "description"));
        let themes: Vec<String> = string(event, "track").map(|track| vec![self.theme(&track)]).unwrap_or_default();
        let people = event
            .get("persons")
            .and_then(Value::as_array)
            .map(|persons| persons.iter().filter_map(|person| self.person(person)).collect())
            .unwrap_or_default();
        let mut links = Vec::new();
        if let Some(url) = string(event, "url").and_then(|url| self.link(url, format!("{path}.url"))) {
            links.push(RawLink { url, label: None, kind: None });
        }
        for (index, link) in event.get("links").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let key = if link.get("url").is_some() { "url" } else { "href" };
            if let Some(url) = string(link, key).and_then(|url| self.link(url, format!("{path}.links[{index}].{key}"))) {
                links.push(RawLink { url, label: string(link, "title").map(RawText::Plain), kind: None });
            }
        }
        let room = self.room(&string(event, "room").unwrap_or_else(|| room.to_owned()));
        let stamp = |time: chrono::DateTime<chrono::FixedOffset>| time.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        Ok(RawEvent {
            id,
            series: None,
            title: RawText::Plain(title),
            summary: summary.map(RawText::Plain),
            themes,
            partners: Vec::new(),
            people,
            when: RawWhen { start: stamp(start), end: end.map(stamp) },
            location: None,
            venue: Some(VENUE.to_owned()),
            room: Some(room),
            mode: None,
            audience: None,
            languages: string(event, "language").map(|tag| vec![tag]).unwrap_or_default(),
            interpretation: Vec::new(),
            accessibility: Vec::new(),
            accessibility_note: None,
            status: Status::Scheduled,
            links,
            documents: Vec::new(),
            updated: None,
        })
    }

    /// A link as the export has it: an http(s) address as it is; an address without its
    /// scheme (`nymtech.net`, `www.example.org/talk`) completed with https://; anything else
    /// (a relative path, `javascript:`) left out. Either change is reported, and the event is
    /// kept: one link must not cost a delegate the event.
    fn link(&mut self, url: String, path: String) -> Option<String> {
        if is_http_url(&url) {
            return Some(url);
        }
        let host = url.split(['/', '?', '#']).next().unwrap_or_default();
        let looks_like_host = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'))
            && !url.contains("://");
        let completed = format!("https://{url}");
        if looks_like_host && is_http_url(&completed) {
            self.problems.push(ImportProblem::path(path, format!("`{url}` has no https:// before it: imported as `{completed}`")));
            Some(completed)
        } else {
            self.problems
                .push(ImportProblem::path(path, format!("`{url}` is not an http or https address: the link is left out, the event kept")));
            None
        }
    }

    /// The event's `guid` (stable across exports, so shortlists keep it), else its number.
    fn event_id(&mut self, event: &Value, date: &str, path: &str) -> String {
        let candidates =
            [string(event, "guid"), string(event, "id").map(|id| format!("event-{id}")), Some(format!("event-{}", slug(date)))];
        let base = candidates.into_iter().flatten().find(|id| valid_id(id)).unwrap_or_else(|| "event".to_owned());
        let mut id = base.clone();
        let mut n = 2;
        while !self.event_ids.insert(id.clone()) {
            if n == 2 {
                self.problems.push(ImportProblem::path(
                    format!("{path}.guid"),
                    format!("`{base}` is also another event's id: this one is imported as `{base}-2` (or next free number)"),
                ));
            }
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn theme(&mut self, track: &str) -> String {
        let id = slug(track);
        self.themes.entry(id.clone()).or_insert_with(|| RawTheme { id: id.clone(), label: RawText::Plain(track.to_owned()) });
        id
    }

    /// The id of the conference's room of that name, added to the venue the first time.
    fn room(&mut self, name: &str) -> String {
        if let Some(room) = self.rooms.get(name) {
            return room.id.clone();
        }
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.rooms.values().any(|room| room.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.rooms.insert(name.to_owned(), RawRoom { id: id.clone(), name: RawText::Plain(name.to_owned()), ..RawRoom::default() });
        id
    }

    /// A speaker of an event, added to the programme's people the first time.
    fn person(&mut self, person: &Value) -> Option<RawEventPerson> {
        let name = string(person, "public_name").or_else(|| string(person, "name"))?;
        let key =
            string(person, "code").or_else(|| string(person, "guid")).or_else(|| string(person, "id")).unwrap_or_else(|| name.clone());
        let id = format!("person-{}", slug(&key));
        self.people.entry(id.clone()).or_insert_with(|| RawPerson {
            id: id.clone(),
            name: RawText::Plain(name),
            affiliation: None,
            bio: string(person, "biography").map(RawText::Plain),
            url: None,
        });
        Some(RawEventPerson { id, role: Some(Role::Speaker.code().to_owned()) })
    }
}

/// The id of the one venue whose rooms the schedule's rooms become.
const VENUE: &str = "venue";

/// A present, non-empty string or number, as text.
fn string(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// "00:30", "1:30", "01:30:00" -> a duration.
fn duration(text: &str) -> Option<Duration> {
    let parts: Vec<i64> = text.split(':').map(|part| part.trim().parse::<i64>().ok().filter(|n| *n >= 0)).collect::<Option<_>>()?;
    let (hours, minutes, seconds) = match parts.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    (minutes < 60 && seconds < 60 && hours < 24 * 31)
        .then(|| Duration::hours(hours) + Duration::minutes(minutes) + Duration::seconds(seconds))
}

/// An id made from a name: folded to ASCII letters and digits joined by `-`.
fn slug(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()).collect();
    let mut id = words.join("-");
    id.truncate(80);
    let id = id.trim_end_matches('-').to_owned();
    if id.is_empty() {
        "item".to_owned()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_slugs() {
        assert_eq!(duration("00:30"), Some(Duration::minutes(30)));
        assert_eq!(duration("1:05:30"), Some(Duration::seconds(3930)));
        assert_eq!(duration("half an hour"), None);
        assert_eq!(duration("00:75"), None);
        assert_eq!(slug("Réseaux & Société"), "reseaux-societe");
        assert_eq!(slug("🙂"), "item");
    }
}
