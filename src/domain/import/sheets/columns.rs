//! Each sheet's columns, described once: the header, the format's field it fills (a problem
//! is placed by it), and how a cell is read into an item and written from it. The reader and
//! the writer both go through these descriptions, so the two cannot drift apart.

use crate::domain::programme::raw::*;
use crate::domain::text::RawText;

/// How a column's cells are spelled, with the item's field to read them into and from.
pub enum Access<T> {
    /// One cell as it is. `set` may refuse the cell: the message says why, and the cell is
    /// ignored.
    Plain { get: fn(&T) -> String, set: fn(&mut T, String) -> Result<(), String> },
    /// A text: one column per language (`title@fr`) where it has several.
    Text { get: fn(&T) -> Option<&RawText>, set: fn(&mut T, RawText) },
    /// Ids or tags, written separated by `; `.
    List { get: fn(&T) -> &[String], set: fn(&mut T, Vec<String>) },
}

/// One column of a sheet.
pub struct Column<T> {
    /// The header, as the layout names it.
    pub name: &'static str,
    /// The field of the programme format it fills, for problems found later in the item.
    pub field: &'static str,
    pub access: Access<T>,
}

impl<T> Column<T> {
    /// Whether the column may come as one column per language.
    pub fn is_text(&self) -> bool {
        matches!(self.access, Access::Text { .. })
    }
}

/// A spelling from a fixed list, as people type it in a cell: "In person" or "in-person"
/// for `in_person`.
fn spelled<V: Copy>(cell: &str, choices: &[(&str, V)]) -> Result<V, String> {
    let code = cell.to_ascii_lowercase().replace([' ', '-'], "_");
    choices.iter().find(|(name, _)| *name == code).map(|(_, value)| *value).ok_or_else(|| {
        let names: Vec<String> = choices.iter().map(|(name, _)| format!("\"{name}\"")).collect();
        format!("`{cell}` is not one of {}: ignored", names.join(", "))
    })
}

/// A column of one cell as it is, into a `String` field (the format's field named as the
/// column unless given: `plain!("venue_id" as "venue", venue)`).
macro_rules! plain {
    ($name:literal, $($field:ident).+) => {
        plain!($name as $name, $($field).+)
    };
    ($name:literal as $format:literal, $($field:ident).+) => {
        Column {
            name: $name,
            field: $format,
            access: Access::Plain {
                get: |item| item.$($field).+.clone(),
                set: |item, v| {
                    item.$($field).+ = v;
                    Ok(())
                },
            },
        }
    };
}

/// A column of one cell as it is, into an optional `String` field.
macro_rules! optional {
    ($name:literal, $($field:ident).+) => {
        optional!($name as $name, $($field).+)
    };
    ($name:literal as $format:literal, $($field:ident).+) => {
        Column {
            name: $name,
            field: $format,
            access: Access::Plain {
                get: |item| or_empty(&item.$($field).+),
                set: |item, v| {
                    item.$($field).+ = Some(v);
                    Ok(())
                },
            },
        }
    };
}

/// The `accessibility` column: features as people type them (`read_access`).
macro_rules! access_features {
    ($($field:ident).+) => {
        Column {
            name: "accessibility",
            field: "accessibility",
            access: Access::Plain {
                get: |item| item.$($field).+.join("; "),
                set: |item, v| {
                    item.$($field).+ = read_access(&v);
                    Ok(())
                },
            },
        }
    };
}

fn or_empty(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn location(event: &mut RawEvent) -> &mut RawLocation {
    event.location.get_or_insert_with(RawLocation::default)
}

/// The programme sheet's fields (one row each, `field` and `value`), but `schema_version`.
pub const PROGRAMME: &[Column<RawMeta>] = &[
    plain!("id", id),
    Column { name: "title", field: "title", access: Access::Text { get: |m| Some(&m.title), set: |m, v| m.title = v } },
    Column {
        name: "description",
        field: "description",
        access: Access::Text { get: |m| m.description.as_ref(), set: |m, v| m.description = Some(v) },
    },
    Column {
        name: "publisher",
        field: "publisher",
        access: Access::Text { get: |m| m.publisher.as_ref(), set: |m, v| m.publisher = Some(v) },
    },
    optional!("published", published),
    optional!("updated", updated),
    plain!("time_zone", time_zone),
    optional!("language", language),
    optional!("url", url),
];

pub const THEMES: &[Column<RawTheme>] = &[
    plain!("id", id),
    Column { name: "label", field: "label", access: Access::Text { get: |t| Some(&t.label), set: |t, v| t.label = v } },
];

pub const PARTNERS: &[Column<RawPartner>] = &[
    plain!("id", id),
    Column { name: "name", field: "name", access: Access::Text { get: |p| Some(&p.name), set: |p, v| p.name = v } },
    Column {
        name: "short_name",
        field: "short_name",
        access: Access::Text { get: |p| p.short_name.as_ref(), set: |p, v| p.short_name = Some(v) },
    },
    optional!("kind", kind),
    Column { name: "relation", field: "relation", access: Access::Text { get: |p| p.relation.as_ref(), set: |p, v| p.relation = Some(v) } },
    optional!("url", url),
];

pub const PEOPLE: &[Column<RawPerson>] = &[
    plain!("id", id),
    Column { name: "name", field: "name", access: Access::Text { get: |p| Some(&p.name), set: |p, v| p.name = v } },
    Column {
        name: "affiliation",
        field: "affiliation",
        access: Access::Text { get: |p| p.affiliation.as_ref(), set: |p, v| p.affiliation = Some(v) },
    },
    Column { name: "bio", field: "bio", access: Access::Text { get: |p| p.bio.as_ref(), set: |p, v| p.bio = Some(v) } },
    optional!("url", url),
];

/// Access features as people type them ("Step-free; sign language"): the format's codes. (Not
/// a list of ids, which would split "sign language" at its space.)
fn read_access(cell: &str) -> Vec<String> {
    let codes = cell.split([';', ',']).map(|feature| feature.trim().to_ascii_lowercase().replace([' ', '-'], "_"));
    codes.filter(|code| !code.is_empty()).collect()
}

/// A coordinate cell: a number, with a comma as the decimal mark where the spreadsheet wrote one.
fn read_degrees(cell: &str) -> Result<f64, String> {
    cell.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|degrees| degrees.is_finite())
        .ok_or_else(|| format!("`{cell}` is not a number of degrees such as 40.7489: ignored"))
}

fn degrees(value: Option<f64>) -> String {
    value.map(crate::domain::programme::decimal_degrees).unwrap_or_default()
}

pub const VENUES: &[Column<RawVenue>] = &[
    plain!("id", id),
    Column { name: "name", field: "name", access: Access::Text { get: |v| Some(&v.name), set: |v, t| v.name = t } },
    Column { name: "address", field: "address", access: Access::Text { get: |v| v.address.as_ref(), set: |v, t| v.address = Some(t) } },
    Column { name: "city", field: "city", access: Access::Text { get: |v| v.city.as_ref(), set: |v, t| v.city = Some(t) } },
    optional!("country", country),
    optional!("time_zone", time_zone),
    Column {
        name: "latitude",
        field: "geo",
        access: Access::Plain {
            get: |v| degrees(v.geo.map(|geo| geo.latitude)),
            set: |v, cell| {
                v.geo.get_or_insert_with(RawGeo::default).latitude = read_degrees(&cell)?;
                Ok(())
            },
        },
    },
    Column {
        name: "longitude",
        field: "geo",
        access: Access::Plain {
            get: |v| degrees(v.geo.map(|geo| geo.longitude)),
            set: |v, cell| {
                v.geo.get_or_insert_with(RawGeo::default).longitude = read_degrees(&cell)?;
                Ok(())
            },
        },
    },
    optional!("map_url", map_url),
    access_features!(accessibility),
    Column {
        name: "accessibility_note",
        field: "accessibility_note",
        access: Access::Text { get: |v| v.accessibility_note.as_ref(), set: |v, t| v.accessibility_note = Some(t) },
    },
    optional!("url", url),
];

/// A row of the rooms sheet: a room and the venue it is in.
#[derive(Debug, Clone, Default)]
pub struct VenueRoom {
    pub venue: String,
    pub room: RawRoom,
    /// Its row in the sheet, for a problem with its venue.
    pub row: usize,
}

pub const ROOMS: &[Column<VenueRoom>] = &[
    plain!("venue", venue),
    plain!("id", room.id),
    Column { name: "name", field: "name", access: Access::Text { get: |r| Some(&r.room.name), set: |r, t| r.room.name = t } },
    Column { name: "floor", field: "floor", access: Access::Text { get: |r| r.room.floor.as_ref(), set: |r, t| r.room.floor = Some(t) } },
    access_features!(room.accessibility),
    Column {
        name: "accessibility_note",
        field: "accessibility_note",
        access: Access::Text { get: |r| r.room.accessibility_note.as_ref(), set: |r, t| r.room.accessibility_note = Some(t) },
    },
];

/// A row of the documents sheet: a document and the event it is for.
#[derive(Debug, Clone, Default)]
pub struct EventDocument {
    pub event: String,
    pub document: RawDocument,
    /// Its row in the sheet, for a problem with its event.
    pub row: usize,
}

pub const DOCUMENTS: &[Column<EventDocument>] = &[
    plain!("event", event),
    optional!("symbol", document.symbol),
    Column {
        name: "title",
        field: "title",
        access: Access::Text { get: |d| d.document.title.as_ref(), set: |d, t| d.document.title = Some(t) },
    },
    plain!("url", document.url),
    optional!("language", document.language),
];

/// An event's people as a cell: `amina-diallo (speaker); jonas-peeters (moderator)`.
fn people_cell(people: &[RawEventPerson]) -> String {
    let person = |p: &RawEventPerson| match &p.role {
        Some(role) => format!("{} ({role})", p.id),
        None => p.id.clone(),
    };
    people.iter().map(person).collect::<Vec<_>>().join("; ")
}

/// The people of a cell written as `people_cell` writes them; a role in any case.
fn read_people(cell: &str) -> Vec<RawEventPerson> {
    cell.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| match part.strip_suffix(')').and_then(|rest| rest.split_once('(')) {
            Some((id, role)) => RawEventPerson { id: id.trim().to_owned(), role: Some(role.trim().to_lowercase()) },
            None => RawEventPerson { id: part.to_owned(), role: None },
        })
        .collect()
}

pub const SERIES: &[Column<RawSeries>] = &[
    plain!("id", id),
    Column { name: "title", field: "title", access: Access::Text { get: |s| Some(&s.title), set: |s, v| s.title = v } },
    Column {
        name: "short_title",
        field: "short_title",
        access: Access::Text { get: |s| s.short_title.as_ref(), set: |s, v| s.short_title = Some(v) },
    },
    Column {
        name: "description",
        field: "description",
        access: Access::Text { get: |s| s.description.as_ref(), set: |s, v| s.description = Some(v) },
    },
    Column { name: "organisers", field: "organisers", access: Access::List { get: |s| &s.organisers, set: |s, v| s.organisers = v } },
    Column { name: "partners", field: "partners", access: Access::List { get: |s| &s.partners, set: |s, v| s.partners = v } },
    Column { name: "audience", field: "audience", access: Access::Text { get: |s| s.audience.as_ref(), set: |s, v| s.audience = Some(v) } },
    Column {
        name: "prepares_for",
        field: "prepares_for",
        access: Access::List { get: |s| &s.prepares_for, set: |s, v| s.prepares_for = v },
    },
    optional!("url", url),
];

pub const DEBATES: &[Column<RawDebate>] = &[
    plain!("id", id),
    Column { name: "title", field: "title", access: Access::Text { get: |d| Some(&d.title), set: |d, v| d.title = v } },
    Column {
        name: "short_title",
        field: "short_title",
        access: Access::Text { get: |d| d.short_title.as_ref(), set: |d, v| d.short_title = Some(v) },
    },
    Column {
        name: "description",
        field: "description",
        access: Access::Text { get: |d| d.description.as_ref(), set: |d, v| d.description = Some(v) },
    },
    Column {
        name: "start",
        field: "when",
        access: Access::Plain {
            get: |d| d.when.as_ref().map(|when| when.start.clone()).unwrap_or_default(),
            set: |d, v| {
                d.when = Some(RawWhen { start: v, end: None });
                Ok(())
            },
        },
    },
    // After `start`: an end without a start says nothing.
    Column {
        name: "end",
        field: "when.end",
        access: Access::Plain {
            get: |d| d.when.as_ref().and_then(|when| when.end.clone()).unwrap_or_default(),
            set: |d, v| {
                if let Some(when) = d.when.as_mut() {
                    when.end = Some(v)
                };
                Ok(())
            },
        },
    },
    Column {
        name: "recurrence",
        field: "recurrence",
        access: Access::Text { get: |d| d.recurrence.as_ref(), set: |d, v| d.recurrence = Some(v) },
    },
    Column { name: "venue", field: "venue", access: Access::Text { get: |d| d.venue.as_ref(), set: |d, v| d.venue = Some(v) } },
    optional!("url", url),
];

/// The events' columns; their links follow (`link`, `link_label`, `link_2`, ...).
pub const EVENTS: &[Column<RawEvent>] = &[
    plain!("id", id),
    optional!("series", series),
    Column { name: "title", field: "title", access: Access::Text { get: |e| Some(&e.title), set: |e, v| e.title = v } },
    Column { name: "summary", field: "summary", access: Access::Text { get: |e| e.summary.as_ref(), set: |e, v| e.summary = Some(v) } },
    plain!("start" as "when", when.start),
    optional!("end" as "when.end", when.end),
    Column { name: "themes", field: "themes", access: Access::List { get: |e| &e.themes, set: |e, v| e.themes = v } },
    Column { name: "partners", field: "partners", access: Access::List { get: |e| &e.partners, set: |e, v| e.partners = v } },
    Column {
        name: "people",
        field: "people",
        access: Access::Plain {
            get: |e| people_cell(&e.people),
            set: |e, v| {
                e.people = read_people(&v);
                Ok(())
            },
        },
    },
    Column {
        name: "mode",
        field: "mode",
        access: Access::Plain {
            get: |e| e.mode.map(|mode| mode.code().to_owned()).unwrap_or_default(),
            set: |e, v| {
                e.mode = Some(spelled(&v, &Mode::ALL.map(|mode| (mode.code(), mode)))?);
                Ok(())
            },
        },
    },
    optional!("venue_id" as "venue", venue),
    optional!("room_id" as "room", room),
    Column {
        name: "place",
        field: "location",
        access: Access::Text { get: |e| e.location.as_ref().map(|l| &l.name), set: |e, v| location(e).name = v },
    },
    Column {
        name: "address",
        field: "location.address",
        access: Access::Text { get: |e| e.location.as_ref()?.address.as_ref(), set: |e, v| location(e).address = Some(v) },
    },
    Column {
        name: "city",
        field: "location.city",
        access: Access::Text { get: |e| e.location.as_ref()?.city.as_ref(), set: |e, v| location(e).city = Some(v) },
    },
    Column {
        name: "country",
        field: "location.country",
        access: Access::Plain {
            get: |e| e.location.as_ref().map(|l| or_empty(&l.country)).unwrap_or_default(),
            set: |e, v| {
                location(e).country = Some(v);
                Ok(())
            },
        },
    },
    Column {
        name: "time_zone",
        field: "location.time_zone",
        access: Access::Plain {
            get: |e| e.location.as_ref().map(|l| or_empty(&l.time_zone)).unwrap_or_default(),
            set: |e, v| {
                location(e).time_zone = Some(v);
                Ok(())
            },
        },
    },
    Column { name: "audience", field: "audience", access: Access::Text { get: |e| e.audience.as_ref(), set: |e, v| e.audience = Some(v) } },
    Column { name: "languages", field: "languages", access: Access::List { get: |e| &e.languages, set: |e, v| e.languages = v } },
    Column {
        name: "interpretation",
        field: "interpretation",
        access: Access::List { get: |e| &e.interpretation, set: |e, v| e.interpretation = v },
    },
    access_features!(accessibility),
    Column {
        name: "accessibility_note",
        field: "accessibility_note",
        access: Access::Text { get: |e| e.accessibility_note.as_ref(), set: |e, v| e.accessibility_note = Some(v) },
    },
    Column {
        name: "status",
        field: "status",
        access: Access::Plain {
            // Most events happen as announced: an empty cell says so.
            get: |e| if e.status == Status::Scheduled { String::new() } else { e.status.code().to_owned() },
            set: |e, v| {
                e.status = spelled(&v, &STATUSES)?;
                Ok(())
            },
        },
    },
    optional!("updated", updated),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_read_as_people_type_them_and_others_refused() {
        let mut event = RawEvent::default();
        let mode = EVENTS.iter().find(|column| column.name == "mode").unwrap();
        let Access::Plain { get, set } = &mode.access else { panic!("mode is a plain cell") };
        set(&mut event, "In person".into()).unwrap();
        assert_eq!(get(&event), "in_person");
        let refused = set(&mut event, "by boat".into()).unwrap_err();
        assert!(refused.contains("`by boat` is not one of \"in_person\""), "{refused}");
    }
}
