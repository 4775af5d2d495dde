//! The validated programme: what the rest of the app works with. Every id here resolves,
//! every date is real, every link is http(s); invalid states cannot be represented.
//! References between items are indices into the programme's vocabularies, so filtering
//! compares integers, not strings.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use super::raw::{Mode, Status};
use crate::domain::fold::{fold, fold_into, SearchText};
use crate::domain::text::Text;
use crate::domain::when::When;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    pub publisher: Option<Text>,
    pub published: Option<Stamp>,
    pub updated: Option<Stamp>,
    pub time_zone: String,
    /// The language of texts given as plain strings, when the file says.
    pub language: Option<String>,
    pub url: Option<Link>,
}

/// A publication date: a day, or an exact time when the publisher gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    Date(NaiveDate),
    Time(DateTime<FixedOffset>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: String,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub id: String,
    pub name: Text,
    pub short_name: Option<Text>,
    pub kind: Option<String>,
    pub relation: Option<Text>,
    pub url: Option<Link>,
}

impl Partner {
    /// The label shown on cards and chips: the short name when there is one.
    pub fn label(&self) -> &Text {
        self.short_name.as_ref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub id: String,
    pub title: Text,
    pub short_title: Option<Text>,
    pub description: Option<Text>,
    /// Indices into `Programme::partners`.
    pub organisers: Vec<usize>,
    pub partners: Vec<usize>,
    pub audience: Option<Text>,
    /// Indices into `Programme::debates`.
    pub prepares_for: Vec<usize>,
    pub url: Option<Link>,
}

impl Series {
    pub fn label(&self) -> &Text {
        self.short_title.as_ref().unwrap_or(&self.title)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debate {
    pub id: String,
    pub title: Text,
    pub short_title: Option<Text>,
    pub description: Option<Text>,
    pub when: Option<When>,
    pub recurrence: Option<Text>,
    pub venue: Option<Text>,
    pub url: Option<Link>,
}

/// A document to read before an event: its address is http(s), its language a tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub url: String,
    pub title: Option<Text>,
    pub language: Option<String>,
    pub symbol: Option<String>,
}

/// Someone who speaks, trains, moderates or chairs at events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: Text,
    pub affiliation: Option<Text>,
    pub bio: Option<Text>,
    pub url: Option<Link>,
}

/// A place where events happen, with its rooms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Venue {
    pub id: String,
    /// Its name, address, city, country, zone and coordinates: the location of its events
    /// that give none, shared by them.
    pub place: std::sync::Arc<Location>,
    /// The organiser's map page; without it, `Venue::map_url` points at `geo`.
    pub map: Option<Link>,
    /// In `Access::ALL` order, each once.
    pub access: Vec<Access>,
    pub access_note: Option<Text>,
    pub url: Option<Link>,
    pub rooms: Vec<Room>,
}

impl Venue {
    /// An https map of the venue: the organiser's, else OpenStreetMap at its coordinates, else
    /// OpenStreetMap's search for its address. Opened only when the reader taps it.
    pub fn map_url(&self, lang_tag: &str) -> Option<String> {
        if let Some(map) = &self.map {
            return Some(map.url.clone());
        }
        let place = &self.place;
        if let Some(geo) = place.geo {
            let (lat, lon) = geo.text();
            return Some(format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"));
        }
        let address = place.address.as_ref()?.get(lang_tag);
        let city = place.city.as_ref().map(|city| city.get(lang_tag)).filter(|city| !address.contains(city));
        let query = match city {
            Some(city) => format!("{address}, {city}"),
            None => address.to_owned(),
        };
        let search = crate::domain::query::encode_query(&[("query".to_owned(), query)]);
        Some(format!("https://www.openstreetmap.org/search{search}"))
    }

    pub fn room_index(&self, id: &str) -> Option<usize> {
        self.rooms.iter().position(|room| room.id == id)
    }
}

/// A room of a venue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub id: String,
    /// Shared with its events (`Event::room`).
    pub name: std::sync::Arc<Text>,
    pub floor: Option<Text>,
    pub access: Vec<Access>,
    pub access_note: Option<Text>,
}

/// Latitude and longitude in decimal degrees, checked to be on the globe.
#[derive(Clone, Copy, PartialEq)]
pub struct Geo {
    pub latitude: f64,
    pub longitude: f64,
}

/// Validation lets only finite numbers in.
impl Eq for Geo {}

/// By hand: a derived `Debug` formats floats, which costs the wasm ~15 KB wherever an event is
/// debug-printed.
impl std::fmt::Debug for Geo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (latitude, longitude) = self.text();
        write!(f, "Geo({latitude}, {longitude})")
    }
}

impl Geo {
    /// RFC 5870 `geo:` URI: opens the device's own map app.
    pub fn uri(self) -> String {
        format!("geo:{},{}", decimal_degrees(self.latitude), decimal_degrees(self.longitude))
    }

    /// Latitude and longitude as decimal text ("40.7489", "-73.968"), to the micro-degree (a
    /// tenth of a metre).
    pub fn text(self) -> (String, String) {
        (decimal_degrees(self.latitude), decimal_degrees(self.longitude))
    }
}

/// Degrees as decimal text to six places, trailing zeros left out. Written with integers:
/// formatting a float in Rust brings ~25 KB of code into the wasm.
pub fn decimal_degrees(degrees: f64) -> String {
    // Within ±180 degrees, micro-degrees fit an i64 exactly.
    let micro = (degrees * 1e6).round() as i64;
    let sign = if micro < 0 { "-" } else { "" };
    let (whole, fraction) = (micro.unsigned_abs() / 1_000_000, micro.unsigned_abs() % 1_000_000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{fraction:06}");
    format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
}

/// Where an event is among the programme's venues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VenueAt {
    /// Index into `Programme::venues`.
    pub venue: usize,
    /// Index into that venue's `rooms`.
    pub room: Option<usize>,
}

/// What a person does at an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Speaker,
    Trainer,
    Moderator,
    Chair,
    Panellist,
    Host,
}

impl Role {
    pub const ALL: [Role; 6] = [Role::Speaker, Role::Trainer, Role::Moderator, Role::Chair, Role::Panellist, Role::Host];

    /// The spelling used in files.
    pub const fn code(self) -> &'static str {
        match self {
            Role::Speaker => "speaker",
            Role::Trainer => "trainer",
            Role::Moderator => "moderator",
            Role::Chair => "chair",
            Role::Panellist => "panellist",
            Role::Host => "host",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.code() == code)
    }
}

/// What a session offers for access: what a reader with a disability filters by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Access {
    /// Live captions (CART or automatic).
    Captioning,
    /// Sign language interpretation.
    SignLanguage,
    /// A hearing (induction) loop in the room.
    HearingLoop,
    /// Step-free access to the room.
    StepFree,
}

impl Access {
    pub const ALL: [Access; 4] = [Access::Captioning, Access::SignLanguage, Access::HearingLoop, Access::StepFree];

    /// The spelling used in files and URLs.
    pub const fn code(self) -> &'static str {
        match self {
            Access::Captioning => "captioning",
            Access::SignLanguage => "sign_language",
            Access::HearingLoop => "hearing_loop",
            Access::StepFree => "step_free",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|access| access.code() == code)
    }

    /// Whether it belongs to the room rather than to the session: a venue's or room's step-free
    /// access and hearing loop are every event's there; captions and signing are not.
    pub fn is_of_place(self) -> bool {
        matches!(self, Access::HearingLoop | Access::StepFree)
    }
}

/// What a link of an event is for, and so when it is of use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// Take part online: a video meeting.
    Join,
    Livestream,
    Recording,
}

/// How long before the start a join or livestream link is shown: time to find the room.
pub const OPENS_BEFORE_MS: i64 = 30 * 60_000;
/// How long after the start a join link of an event without an end stays.
pub const OPEN_WITHOUT_END_MS: i64 = 3 * 60 * 60_000;

impl LinkKind {
    pub const ALL: [LinkKind; 3] = [LinkKind::Join, LinkKind::Livestream, LinkKind::Recording];

    /// The spelling used in files.
    pub const fn code(self) -> &'static str {
        match self {
            LinkKind::Join => "join",
            LinkKind::Livestream => "livestream",
            LinkKind::Recording => "recording",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// Whether it is for taking part or watching while the event runs (not afterwards).
    pub fn is_live(self) -> bool {
        self != LinkKind::Recording
    }

    /// Whether a link of this kind is of use at `now_ms` (`today` in the reader's calendar,
    /// for events known to the day): joining and watching from `OPENS_BEFORE_MS` before the
    /// start to the end, the recording after the end.
    pub fn is_open(self, when: &When, now_ms: i64, today: NaiveDate) -> bool {
        let live = self.is_live();
        match when.instants_ms() {
            Some((start, end)) => {
                let end = end.unwrap_or(start + OPEN_WITHOUT_END_MS);
                if live {
                    (start - OPENS_BEFORE_MS..end).contains(&now_ms)
                } else {
                    now_ms >= end
                }
            }
            None if live => (when.first_day()..=when.last_day()).contains(&today),
            None => when.is_past(today),
        }
    }
}

/// A link to take part in, watch or watch again an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLink {
    pub kind: LinkKind,
    pub link: Link,
}

/// A person at an event, by index into `Programme::people`, with their role there if given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Participant {
    pub person: usize,
    pub role: Option<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub name: Text,
    pub address: Option<Text>,
    pub city: Option<Text>,
    pub country: Option<String>,
    pub time_zone: Option<String>,
    /// From the event's venue.
    pub geo: Option<Geo>,
}

/// An http or https address, checked at the boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub label: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    /// Index into `Programme::series`.
    pub series: Option<usize>,
    pub title: Text,
    pub summary: Option<Text>,
    /// Indices into `Programme::themes`, in file order.
    pub themes: Vec<usize>,
    /// Indices into `Programme::partners`, in file order.
    pub partners: Vec<usize>,
    /// The people at the event, in file order.
    pub people: Vec<Participant>,
    pub when: When,
    /// Every month the event touches (`when.months()`), computed once at load because the
    /// month facet reads it on every filter change.
    pub months: Vec<crate::domain::when::YearMonth>,
    /// Shared with the venue's other events when it is the venue's (or a room's) own: a long
    /// venue name is not copied into each of thousands of events.
    pub location: Option<std::sync::Arc<Location>>,
    /// The venue (and room) among the programme's, when the file names one.
    pub venue: Option<VenueAt>,
    /// The name of that room, shared with the room's other events.
    pub room: Option<std::sync::Arc<Text>>,
    pub mode: Option<Mode>,
    pub audience: Option<Text>,
    /// Lower-cased language tags the event is held in, and those interpreted into.
    pub languages: Vec<String>,
    pub interpretation: Vec<String>,
    /// In `Access::ALL` order, each once.
    pub access: Vec<Access>,
    pub access_note: Option<Text>,
    pub status: Status,
    /// Ordinary links, always shown.
    pub links: Vec<Link>,
    /// Links to join, watch or watch again, shown when of use.
    pub session_links: Vec<SessionLink>,
    pub documents: Vec<Document>,
    /// When the organiser last changed the event (for calendar files' `SEQUENCE`).
    pub updated: Option<Stamp>,
}

impl Event {
    /// The language tags the place is written in, and "" (the programme's own text).
    pub fn place_languages(&self) -> impl Iterator<Item = &str> {
        let location = self.location.as_ref();
        let name = location.map(|location| location.name.languages());
        let city = location.and_then(|location| location.city.as_ref()).map(|city| city.languages());
        let room = self.room.as_ref().map(|room| room.languages());
        let parts = name.into_iter().flatten().chain(city.into_iter().flatten()).chain(room.into_iter().flatten());
        parts.chain(std::iter::once(""))
    }

    /// "Conference Room 4, United Nations Headquarters, New York": the room when there is
    /// one, the venue, with its city unless the venue's name already says it. Shown on cards
    /// and kept in shortlist snapshots.
    pub fn place(&self, lang_tag: &str) -> Option<String> {
        let location = self.location.as_ref()?;
        let place = location.name.get(lang_tag);
        let place = match &location.city {
            Some(city) if !contains(place, city.get(lang_tag)) => format!("{place}, {}", city.get(lang_tag)),
            _ => place.to_owned(),
        };
        Some(match &self.room {
            Some(room) => format!("{}, {place}", room.get(lang_tag)),
            None => place,
        })
    }
}

/// `text.contains(part)`. A short part (a city's name) is compared at each position instead
/// of preparing the substring searcher, whose setup, in V8's baseline tier, was most of the
/// "seen" record of 10,000 events on a first visit (~15 ms). A long part keeps the
/// searcher, so the time stays linear in the text.
fn contains(text: &str, part: &str) -> bool {
    const SHORT: usize = 32;
    if part.len() > SHORT {
        return text.contains(part);
    }
    // Comparing bytes is comparing characters: in UTF-8 a whole character never matches
    // inside another one.
    part.is_empty() || text.as_bytes().windows(part.len()).any(|window| window == part.as_bytes())
}

/// A loaded programme. Events are in chronological order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub meta: Meta,
    pub themes: Vec<Theme>,
    pub partners: Vec<Partner>,
    pub series: Vec<Series>,
    pub debates: Vec<Debate>,
    pub people: Vec<Person>,
    pub venues: Vec<Venue>,
    pub events: Vec<Event>,
    /// Position of each id in the lists above, so that a lookup does not scan a list (with
    /// thousands of events and themes, validation and the URL's ids would be quadratic).
    /// Rebuilt by `index_ids` whenever a list is set.
    ids: IdIndex,
    /// The folded labels of themes, partners and series, once each: search matches them
    /// through an event's ids rather than copying them into every event's text (a file with
    /// long labels on thousands of events would need gigabytes).
    vocabulary_text: VocabularyText,
    /// Each event's own texts folded for search, by position in `events`.
    search_texts: SearchTexts,
    /// The languages events can be followed in, and each event's as positions among them.
    languages: Languages,
}

/// Every language events are held in or interpreted into, sorted, and each event's (held in,
/// then interpreted into, each once) as positions in that list: the language facet counts
/// integers on every filter change. Built on first use, derived from the events, so it takes no
/// part in comparing programmes.
#[derive(Debug, Clone, Default)]
struct Languages(std::sync::OnceLock<LanguageIndex>);

#[derive(Debug, Clone)]
pub struct LanguageIndex {
    /// Sorted language tags.
    pub tags: Vec<String>,
    /// Indexed like the events: positions in `tags`.
    pub of_event: Vec<Box<[u16]>>,
}

impl PartialEq for Languages {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Languages {}

impl LanguageIndex {
    fn of(events: &[Event]) -> Self {
        fn followable(event: &Event) -> Vec<&str> {
            let interpreted = event.interpretation.iter().filter(|tag| !event.languages.contains(tag));
            event.languages.iter().chain(interpreted).map(String::as_str).collect()
        }
        let mut tags: Vec<&str> = events.iter().flat_map(followable).collect();
        tags.sort_unstable();
        tags.dedup();
        // More than 65,535 languages cannot be: tags are ASCII of at most 3+9*8 characters,
        // and a programme is at most 64 MB; the rest would not count.
        let at = |tag: &str| tags.binary_search(&tag).ok().and_then(|at| u16::try_from(at).ok());
        let of_event = events.iter().map(|event| followable(event).into_iter().filter_map(at).collect()).collect();
        LanguageIndex { tags: tags.into_iter().map(str::to_owned).collect(), of_event }
    }
}

/// Lower-cased, accent-folded words of each event's own title, summary, audience and place in
/// every language: what search matches against (with its themes', partners' and series'
/// labels, `VocabularyText`). Built on first use, not while loading: a sixth of reading a big
/// programme, which a reader who never searches does not need. Once its page has
/// been painted the app builds them a slice per task (`Programme::prepare_search`), so that
/// neither loading nor the first letter typed waits for them. Derived from the events, so
/// they take no part in comparing programmes.
#[derive(Default)]
struct SearchTexts {
    built: std::sync::OnceLock<Vec<SearchText>>,
    /// Those of the first events, while `prepare_search` is building them.
    started: std::sync::Mutex<Vec<SearchText>>,
}

impl Clone for SearchTexts {
    fn clone(&self) -> Self {
        let built = std::sync::OnceLock::new();
        if let Some(texts) = self.built.get() {
            let _ = built.set(texts.clone());
        }
        SearchTexts { built, started: Default::default() }
    }
}

impl PartialEq for SearchTexts {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SearchTexts {}

impl std::fmt::Debug for SearchTexts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchTexts {{ built: {} }}", self.built.get().is_some())
    }
}

/// Folded search text of each theme, partner and series, by index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VocabularyText {
    pub themes: Vec<String>,
    pub partners: Vec<String>,
    pub series: Vec<String>,
    pub people: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct IdIndex {
    themes: HashMap<String, usize>,
    partners: HashMap<String, usize>,
    series: HashMap<String, usize>,
    people: HashMap<String, usize>,
    venues: HashMap<String, usize>,
    events: HashMap<String, usize>,
}

/// How much a programme holds: the organisers' summaries (the commands, the organiser's page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub events: usize,
    pub themes: usize,
    pub partners: usize,
    pub series: usize,
    pub people: usize,
    pub venues: usize,
}

/// The commands' English: "10 event(s), 14 theme(s), 9 partner(s), 2 series", and the people
/// and venues of a file that has them.
impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} event(s), {} theme(s), {} partner(s), {} series", self.events, self.themes, self.partners, self.series)?;
        if self.people > 0 {
            write!(f, ", {} person(s)", self.people)?;
        }
        if self.venues > 0 {
            write!(f, ", {} venue(s)", self.venues)?;
        }
        Ok(())
    }
}

impl Programme {
    pub fn counts(&self) -> Counts {
        Counts {
            events: self.events.len(),
            themes: self.themes.len(),
            partners: self.partners.len(),
            series: self.series.len(),
            people: self.people.len(),
            venues: self.venues.len(),
        }
    }

    pub fn new(
        meta: Meta,
        themes: Vec<Theme>,
        partners: Vec<Partner>,
        series: Vec<Series>,
        debates: Vec<Debate>,
        events: Vec<Event>,
    ) -> Self {
        let mut programme = Programme {
            meta,
            themes,
            partners,
            series,
            debates,
            people: Vec::new(),
            venues: Vec::new(),
            events,
            ids: IdIndex::default(),
            vocabulary_text: VocabularyText::default(),
            search_texts: SearchTexts::default(),
            languages: Languages::default(),
        };
        programme.index_ids();
        programme
    }

    /// Rebuilds the id lookups after a list was changed. Ids are unique within a list
    /// (validation skips duplicates); the first wins if they are not.
    pub fn index_ids(&mut self) {
        fn positions<'a>(ids: impl ExactSizeIterator<Item = &'a String>) -> HashMap<String, usize> {
            // Sized once: growing a big table frees its old one, which costs most allocators a
            // sweep of everything freed so far (seen in profiles of 100,000 events).
            let mut map = HashMap::with_capacity(ids.len());
            for (index, id) in ids.enumerate() {
                map.entry(id.clone()).or_insert(index);
            }
            map
        }
        self.search_texts = SearchTexts::default();
        self.languages = Languages::default();
        self.ids = IdIndex {
            themes: positions(self.themes.iter().map(|t| &t.id)),
            partners: positions(self.partners.iter().map(|p| &p.id)),
            series: positions(self.series.iter().map(|s| &s.id)),
            people: positions(self.people.iter().map(|p| &p.id)),
            venues: positions(self.venues.iter().map(|v| &v.id)),
            events: positions(self.events.iter().map(|e| &e.id)),
        };
        let folded = |texts: &mut dyn Iterator<Item = &Text>| fold(&texts.flat_map(Text::all_values).collect::<Vec<_>>().join(" "));
        self.vocabulary_text = VocabularyText {
            themes: self.themes.iter().map(|t| folded(&mut std::iter::once(&t.label))).collect(),
            partners: self.partners.iter().map(|p| folded(&mut std::iter::once(&p.name).chain(&p.short_name))).collect(),
            series: self.series.iter().map(|s| folded(&mut std::iter::once(&s.title).chain(&s.short_title))).collect(),
            people: self.people.iter().map(|p| folded(&mut std::iter::once(&p.name))).collect(),
        };
    }

    /// Sets the events with their lookup by id (`id -> position in events`, as validation
    /// found them): for 100,000 events, rebuilding it copied and hashed every id again.
    pub(super) fn set_events(&mut self, events: Vec<Event>, positions: HashMap<String, usize>) {
        debug_assert!(positions.len() == events.len() && positions.iter().all(|(id, &at)| events[at].id == *id));
        self.events = events;
        self.ids.events = positions;
        self.search_texts = SearchTexts::default();
        self.languages = Languages::default();
    }

    /// The languages events can be followed in, with each event's (built on first use).
    pub fn language_index(&self) -> &LanguageIndex {
        self.languages.0.get_or_init(|| LanguageIndex::of(&self.events))
    }

    /// The event at `index`'s own texts, folded for search (built for every event on first use).
    pub fn search_text(&self, index: usize) -> &SearchText {
        &self.search_texts()[index]
    }

    /// Builds the search texts of up to `events` more events; says whether all are built.
    pub fn prepare_search(&self, events: usize) -> bool {
        if self.search_texts.built.get().is_some() {
            return true;
        }
        // A panic while building leaves whole texts only: what was built stays usable.
        let mut started = self.search_texts.started.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let from = started.len();
        started.extend(self.events.iter().skip(from).take(events).map(search_text));
        if started.len() < self.events.len() {
            return false;
        }
        let _ = self.search_texts.built.set(std::mem::take(&mut *started));
        true
    }

    /// Whether every event's search text is built: until then a search would build the rest.
    pub fn search_ready(&self) -> bool {
        self.search_texts.built.get().is_some()
    }

    /// Every event's search text, built now if need be (keeping what `prepare_search` built).
    fn search_texts(&self) -> &[SearchText] {
        self.prepare_search(usize::MAX);
        self.search_texts.built.get().map_or(&[], Vec::as_slice)
    }

    /// What search matches in themes, partners and series (`index_ids` keeps it current).
    pub fn vocabulary_text(&self) -> &VocabularyText {
        &self.vocabulary_text
    }

    /// The language to mark `text` with when shown to a reader of `ui` (WCAG "language of
    /// parts"): the tag of the string picked, or the programme's `language` for a plain string.
    /// `None` when that is the reader's own language, or unknown.
    pub fn part_language<'a>(&'a self, text: &'a Text, ui: &str) -> Option<&'a str> {
        let (_, tag) = text.pick(ui);
        let tag = if tag.is_empty() { self.meta.language.as_deref()? } else { tag };
        let primary = |tag: &str| tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
        (primary(tag) != primary(ui)).then_some(tag)
    }

    /// Whether something in it is not over on `today`: a programme still to be attended, not a
    /// record of the past. (Events are in order of their start; the last ones usually end
    /// last, so the search from the end stops at once for a current programme.)
    pub fn is_current(&self, today: chrono::NaiveDate) -> bool {
        self.events.iter().rev().any(|event| !event.when.is_past(today))
    }

    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.ids.events.get(id).copied()
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_index(id).map(|index| &self.events[index])
    }

    pub fn theme_index(&self, id: &str) -> Option<usize> {
        self.ids.themes.get(id).copied()
    }

    pub fn partner_index(&self, id: &str) -> Option<usize> {
        self.ids.partners.get(id).copied()
    }

    pub fn series_index(&self, id: &str) -> Option<usize> {
        self.ids.series.get(id).copied()
    }

    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.ids.people.get(id).copied()
    }

    pub fn venue_index(&self, id: &str) -> Option<usize> {
        self.ids.venues.get(id).copied()
    }
}

/// The event's own texts, folded for search.
fn search_text(event: &Event) -> SearchText {
    let location = event.location.as_ref();
    // Themes, partners and series are matched through `Programme::vocabulary_text`.
    let texts = [
        Some(&event.title),
        event.summary.as_ref(),
        event.audience.as_ref(),
        location.map(|location| &location.name),
        location.and_then(|location| location.city.as_ref()),
        location.and_then(|location| location.address.as_ref()),
        event.room.as_deref(),
    ];
    let parts = || texts.into_iter().flatten().flat_map(Text::all_values);
    let mut folded = String::with_capacity(parts().map(|part| part.len() + 1).sum());
    for (index, part) in parts().enumerate() {
        if index > 0 {
            folded.push(' ');
        }
        fold_into(part, &mut folded);
    }
    SearchText::new(folded)
}

#[cfg(test)]
mod tests {
    use crate::domain::programme::parse_programme;

    #[test]
    fn every_id_is_found_at_its_own_position() {
        let (programme, _) = parse_programme(include_str!("../../../public/programme.json")).expect("bundled programme");
        for (index, event) in programme.events.iter().enumerate() {
            assert_eq!(programme.event_index(&event.id), Some(index));
            assert_eq!(programme.event(&event.id).map(|e| &e.id), Some(&event.id));
        }
        for (index, theme) in programme.themes.iter().enumerate() {
            assert_eq!(programme.theme_index(&theme.id), Some(index));
        }
        for (index, partner) in programme.partners.iter().enumerate() {
            assert_eq!(programme.partner_index(&partner.id), Some(index));
        }
        for (index, series) in programme.series.iter().enumerate() {
            assert_eq!(programme.series_index(&series.id), Some(index));
        }
        assert_eq!(programme.event_index("no-such-event"), None);
    }

    #[test]
    fn search_texts_are_built_on_the_first_search_only_and_match_as_before() {
        use crate::domain::filter::{apply, Filter};
        let (programme, _) = parse_programme(include_str!("../../../public/programme.json")).expect("bundled programme");
        let built = super::Programme::search_ready;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
        let everything = apply(&programme, &Filter::default(), today).matching.len();
        assert!(!built(&programme), "a filter without words built the search texts");
        let searched = apply(&programme, &Filter { text: "reintegration".into(), ..Default::default() }, today);
        assert!(built(&programme));
        assert!(!searched.matching.is_empty() && searched.matching.len() < everything);
        for &index in &searched.matching {
            assert!(programme.search_text(index).as_str().contains("reintegration") || !programme.events[index].themes.is_empty());
        }
        // Built a slice at a time, they are what building them at once gives.
        let (again, _) = parse_programme(include_str!("../../../public/programme.json")).expect("bundled programme");
        let mut steps = 0;
        while !again.prepare_search(2) {
            steps += 1;
            assert!(!built(&again));
        }
        assert!(built(&again) && steps == programme.events.len().div_ceil(2) - 1);
        let texts = |p: &super::Programme| (0..p.events.len()).map(|i| p.search_text(i).as_str().to_owned()).collect::<Vec<_>>();
        assert_eq!(texts(&again), texts(&programme));
        // Half built, then asked for: the rest is added.
        let (half, _) = parse_programme(include_str!("../../../public/programme.json")).expect("bundled programme");
        assert!(!half.prepare_search(programme.events.len() / 2));
        assert_eq!(texts(&half), texts(&programme));
        // A copy keeps what was built; a changed list of events gets new texts.
        let mut copy = programme.clone();
        assert!(built(&copy) && copy == programme);
        copy.index_ids();
        assert!(!built(&copy) && copy == programme);
    }
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod contains_tests {
    proptest::proptest! {
        #[test]
        fn contains_answers_as_the_standard_search(text in "[aé b-]{0,40}", part in "[aé b-]{0,6}", long in "[ab]{33,40}") {
            proptest::prop_assert_eq!(super::contains(&text, &part), text.contains(part.as_str()));
            let both = format!("{text}{long}");
            proptest::prop_assert_eq!(super::contains(&both, &long), true);
            proptest::prop_assert_eq!(super::contains(&text, &long), text.contains(long.as_str()));
        }
    }
}

#[cfg(test)]
mod geo_tests {
    #[test]
    fn degrees_are_written_as_decimals_without_trailing_zeros() {
        let text = |latitude, longitude| super::Geo { latitude, longitude }.text();
        assert_eq!(text(40.7489, -73.968), ("40.7489".to_owned(), "-73.968".to_owned()));
        assert_eq!(text(0.0, 180.0), ("0".to_owned(), "180".to_owned()));
        assert_eq!(text(-0.0000004, 51.2194449), ("0".to_owned(), "51.219445".to_owned()));
        assert_eq!(text(-90.000001, 4.4), ("-90.000001".to_owned(), "4.4".to_owned()));
    }
}
