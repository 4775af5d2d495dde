//! The serde mirror of the programme file, format 1.x (documented in docs/programme-format.md).
//!
//! Owns the *shape* only: field names, optionality, enum spellings. `extract` reads files into
//! these types; meaning (ids resolve, dates exist, links are http) is checked in `validate`.
//! `Serialize` is for writing files (the generator) and must use the same names as `extract`.
//! `Deserialize` is the fast path only (`fast.rs`): it gives up at the first surprise and
//! `extract` reads the file again, with a path for every mistake. The JSON Schema in
//! public/programme.schema.json is generated from these types, so the two cannot drift.
//! Unknown fields are ignored, so files written for a newer minor version still load.

use serde::{Deserialize, Serialize};

use super::strict::{object, objects, optional_object, optional_spelled, spelled};

use crate::domain::text::RawText;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// A programme of events: one file published next to the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Programme")]
pub struct RawProgramme {
    /// Format version, "MAJOR.MINOR". The app reads major version 1; minor versions only add
    /// optional fields.
    pub schema_version: String,
    /// Who publishes the programme and when.
    #[serde(deserialize_with = "object")]
    pub programme: RawMeta,
    /// Vocabulary of themes that events refer to by id.
    #[serde(default, deserialize_with = "objects")]
    pub themes: Vec<RawTheme>,
    /// Vocabulary of partner organisations and networks that events and series refer to by id.
    #[serde(default, deserialize_with = "objects")]
    pub partners: Vec<RawPartner>,
    /// Event series (schema.org EventSeries / Course) that events belong to.
    #[serde(default, deserialize_with = "objects")]
    pub series: Vec<RawSeries>,
    /// Debates and fora that the programme prepares participants for.
    #[serde(default, deserialize_with = "objects")]
    pub debates: Vec<RawDebate>,
    /// People who speak, train, moderate or chair at events (since 1.3); events refer to them
    /// by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "objects")]
    pub people: Vec<RawPerson>,
    /// Places where events happen, with their rooms (since 1.3); events refer to them by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "objects")]
    pub venues: Vec<RawVenue>,
    /// The events (schema.org Event). A malformed event is skipped and reported; the rest load.
    #[serde(deserialize_with = "objects")]
    pub events: Vec<RawEvent>,
}

/// Programme metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Meta")]
pub struct RawMeta {
    /// Stable id; shortlists are keyed by it, so keep it across updates of the file.
    pub id: String,
    pub title: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<RawText>,
    /// Date ("2013-02-21") or RFC 3339 timestamp of first publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Date or RFC 3339 timestamp of the last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Default IANA time zone of the venues, e.g. "America/New_York".
    pub time_zone: String,
    /// BCP 47 tag of the language of texts given as plain strings, e.g. "en". The app marks
    /// those texts with it, so that screen readers read them in the right voice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Theme")]
pub struct RawTheme {
    pub id: String,
    pub label: RawText,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Partner")]
pub struct RawPartner {
    pub id: String,
    pub name: RawText,
    /// Acronym or short name shown on labels, e.g. "IOM".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<RawText>,
    /// What kind of body it is, e.g. "organisation", "city", "network", "forum".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Its relation to the programme, as the source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Series")]
pub struct RawSeries {
    pub id: String,
    pub title: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<RawText>,
    /// Partner ids of the organisers (schema.org `organizer`).
    #[serde(default)]
    pub organisers: Vec<String>,
    /// Partner ids of networks and bodies the series works with.
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<RawText>,
    /// Debate ids this series prepares participants for.
    #[serde(default)]
    pub prepares_for: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Debate")]
pub struct RawDebate {
    pub id: String,
    pub title: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<RawText>,
    /// When it takes place, if the source says.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_object")]
    pub when: Option<RawWhen>,
    /// How often it recurs when no date is given, e.g. "annual".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Someone who speaks, trains, moderates or chairs at events (schema.org `Person`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Person")]
pub struct RawPerson {
    pub id: String,
    pub name: RawText,
    /// Their organisation or post, e.g. "IOM" or "Mayor of Antwerp".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<RawText>,
    /// A short biography.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A place where events happen (schema.org `Place`), with its rooms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Venue")]
pub struct RawVenue {
    pub id: String,
    /// e.g. "United Nations Headquarters".
    pub name: RawText,
    /// Street and number, as a visitor gives it to a taxi or a map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<RawText>,
    /// ISO 3166-1 alpha-2 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// IANA time zone of the venue when it differs from the programme's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Where it is on a map (WGS 84, decimal degrees).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_object")]
    pub geo: Option<RawGeo>,
    /// An https address of the venue on a map (e.g. the organiser's own map page); without it
    /// the app links to OpenStreetMap at `geo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_url: Option<String>,
    /// What the whole venue offers for access, as `Event::accessibility`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<String>,
    /// Anything else about access, e.g. "Visitors' entrance at 46th Street; ramps to every floor".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_note: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "objects")]
    pub rooms: Vec<RawRoom>,
}

/// Latitude and longitude in decimal degrees (schema.org `GeoCoordinates`).
#[derive(Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Geo")]
pub struct RawGeo {
    /// -90 to 90.
    pub latitude: f64,
    /// -180 to 180.
    pub longitude: f64,
}

/// JSON has no NaN, so numbers read from a file compare as equals.
impl Eq for RawGeo {}

/// As `Geo`'s: without formatting floats.
impl std::fmt::Debug for RawGeo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let degrees = crate::domain::programme::decimal_degrees;
        write!(f, "RawGeo({}, {})", degrees(self.latitude), degrees(self.longitude))
    }
}

/// A room of a venue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Room")]
pub struct RawRoom {
    /// Unique within its venue.
    pub id: String,
    /// e.g. "Conference Room 4".
    pub name: RawText,
    /// e.g. "First basement (1B)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<RawText>,
    /// What the room offers for access, as `Event::accessibility`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_note: Option<RawText>,
}

/// A person at an event, and their role there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "EventPerson")]
pub struct RawEventPerson {
    /// A person's id.
    pub id: String,
    /// One of "speaker", "trainer", "moderator", "chair", "panellist", "host".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// One event of the programme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Event")]
pub struct RawEvent {
    /// Stable id, unique in the file; shortlists refer to it across updates.
    pub id: String,
    /// Series id (schema.org `superEvent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    pub title: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<RawText>,
    /// Theme ids.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Partner ids.
    #[serde(default)]
    pub partners: Vec<String>,
    /// The people at the event, with their roles (since 1.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "objects")]
    pub people: Vec<RawEventPerson>,
    #[serde(deserialize_with = "object")]
    pub when: RawWhen,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_object")]
    pub location: Option<RawLocation>,
    /// A venue's id (since 1.3): where it is, with the venue's address, map and access. Without a
    /// `location`, the venue is the event's location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// A room's id within `venue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// schema.org `eventAttendanceMode`.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "optional_mode")]
    pub mode: Option<Mode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<RawText>,
    /// BCP 47 tags of the languages the event is held in.
    #[serde(default)]
    pub languages: Vec<String>,
    /// BCP 47 tags of the languages interpreted into (since 1.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interpretation: Vec<String>,
    /// What the session offers for access (since 1.3): "captioning", "sign_language",
    /// "hearing_loop", "step_free".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<String>,
    /// Anything else about access, e.g. "International Sign on request until 1 May".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_note: Option<RawText>,
    /// schema.org `eventStatus`; "scheduled" when absent.
    #[serde(default, deserialize_with = "status")]
    pub status: Status,
    #[serde(default, deserialize_with = "objects")]
    pub links: Vec<RawLink>,
    /// Documents to read before the event (since 1.3): resolutions, reports, agendas.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "objects")]
    pub documents: Vec<RawDocument>,
    /// When the organiser last changed this event (since 1.2): a date or an RFC 3339
    /// timestamp. Calendar files number their versions of the event from it (`SEQUENCE`), so
    /// that a subscribed or imported calendar takes a move or a cancellation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

/// ISO 8601 start and optional end, both at the same precision: "2012-06" (month only),
/// "2012-06-05" (day), or "2012-06-05T10:00:00-04:00" (time with the venue's UTC offset).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "When")]
pub struct RawWhen {
    pub start: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Location")]
pub struct RawLocation {
    /// Venue name, e.g. "United Nations Headquarters".
    pub name: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<RawText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<RawText>,
    /// ISO 3166-1 alpha-2 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// IANA time zone of the venue when it differs from the programme's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Link")]
pub struct RawLink {
    /// An http or https address.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<RawText>,
    /// What the link is for (since 1.3): "join" (take part online) and "livestream" are shown
    /// from 30 minutes before the start to the end, "recording" after the end. Absent: an
    /// ordinary link, always shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A document of an event (schema.org `CreativeWork`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename = "Document")]
pub struct RawDocument {
    /// An http or https address.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<RawText>,
    /// BCP 47 tag of the document's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The document's symbol, e.g. "A/RES/70/1".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
}

/// How people attend (schema.org EventAttendanceMode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    InPerson,
    Online,
    Hybrid,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::InPerson, Mode::Online, Mode::Hybrid];

    /// The spelling used in files and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Mode::InPerson => "in_person",
            Mode::Online => "online",
            Mode::Hybrid => "hybrid",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|mode| mode.code() == code)
    }
}

fn optional_mode<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Mode>, D::Error> {
    optional_spelled(deserializer, Mode::ALL.map(|mode| (mode.code(), mode)).as_slice())
}

fn status<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Status, D::Error> {
    spelled(deserializer, &STATUSES)
}

/// The spellings of `Status` in files, as `extract` and serde both read them.
pub const STATUSES: [(&str, Status); 4] = {
    let [a, b, c, d] = Status::ALL;
    [(a.code(), a), (b.code(), b), (c.code(), c), (d.code(), d)]
};

/// Whether the event still happens as announced (schema.org EventStatusType).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Scheduled,
    Cancelled,
    Postponed,
    MovedOnline,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Scheduled, Status::Cancelled, Status::Postponed, Status::MovedOnline];

    /// The spelling used in files and in what a reader's browser stores of an event.
    pub const fn code(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::Cancelled => "cancelled",
            Status::Postponed => "postponed",
            Status::MovedOnline => "moved_online",
        }
    }
}
