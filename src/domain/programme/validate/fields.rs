//! Each kind of item of the file checked field by field, every problem reported with its path.

use std::sync::Arc;

use super::rules::{bad_id_message, is_http_url, is_language_tag, language_tag, plausible_time_zone, valid_id};
use super::{At, ListValidation};
use crate::domain::programme::error::Problem;
use crate::domain::programme::extract::Item;
use crate::domain::programme::model::{
    decimal_degrees, Access, Debate, Document, Event, Geo, Link, LinkKind, Location, Meta, Participant, Partner, Person, Programme, Role,
    Room, Series, SessionLink, Stamp, Theme, Venue, VenueAt,
};
use crate::domain::programme::raw::{
    RawDebate, RawDocument, RawEvent, RawEventPerson, RawGeo, RawLink, RawLocation, RawMeta, RawPartner, RawPerson, RawRoom, RawSeries,
    RawTheme, RawVenue, RawWhen,
};
use crate::domain::text::{trimmed, RawText, Text};
use crate::domain::when::{parse_date, parse_timestamp, When};

/// The most people, links, documents or languages one event lists, and rooms one venue has:
/// far more than any programme needs, few enough that checking each against the others stays
/// cheap (a hostile file of a million people at one event would otherwise cost hours).
pub const MAX_PER_ITEM: usize = 500;

/// The longest a room's name may be, in all its languages together.
pub const MAX_ROOM_NAME_BYTES: usize = 2000;

#[derive(Default)]
pub(super) struct Validator {
    pub(super) problems: Vec<Problem>,
}

impl Validator {
    pub(super) fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// The first `MAX_PER_ITEM` of a list; the rest left out and reported once.
    fn capped<T>(&mut self, path: At<'_>, mut list: Vec<T>) -> Vec<T> {
        if list.len() > MAX_PER_ITEM {
            let message = format!("lists {} entries: the first {MAX_PER_ITEM} are kept, the rest left out", list.len());
            self.report(path.to_string(), message);
            list.truncate(MAX_PER_ITEM);
        }
        list
    }

    /// Validates each item of a list, skips bad ones and duplicate ids (the first one wins).
    pub(super) fn items<R, T>(
        &mut self,
        list: &'static str,
        raw: Vec<Item<R>>,
        mut build: impl FnMut(&mut Self, At<'_>, R) -> Option<T>,
        id_of: impl Fn(&T) -> &String,
    ) -> Vec<T> {
        let mut validation = ListValidation::new(list, raw.len());
        for item in raw {
            validation.add(self, item, &mut build, &id_of);
        }
        validation.items
    }

    pub(super) fn meta(&mut self, raw: RawMeta) -> Meta {
        let id = if valid_id(&raw.id) {
            raw.id
        } else {
            self.report("programme.id", bad_id_message(&raw.id));
            "programme".to_owned()
        };
        let title = self.text(At::Root("programme").key("title"), raw.title).unwrap_or_else(|| Text::plain(id.clone()));
        let time_zone = if plausible_time_zone(&raw.time_zone) {
            raw.time_zone
        } else {
            self.report("programme.time_zone", format!("`{}` is not an IANA time zone name such as \"Europe/Brussels\"", raw.time_zone));
            "UTC".to_owned()
        };
        Meta {
            title,
            description: self.optional_text(At::Root("programme").key("description"), raw.description),
            publisher: self.optional_text(At::Root("programme").key("publisher"), raw.publisher),
            published: self.timestamp(At::Root("programme").key("published"), raw.published.as_deref()),
            updated: self.timestamp(At::Root("programme").key("updated"), raw.updated.as_deref()),
            time_zone,
            language: raw.language.as_deref().and_then(|tag| {
                let plausible = language_tag(tag);
                if plausible.is_none() {
                    self.report("programme.language", format!("`{tag}` is not a language tag such as \"en\" or \"fr-CA\""));
                }
                plausible
            }),
            url: raw.url.as_deref().and_then(|url| self.url(At::Root("programme").key("url"), url)),
            id,
        }
    }

    pub(super) fn theme(&mut self, path: At<'_>, raw: RawTheme) -> Option<Theme> {
        let id = self.id(path, raw.id);
        let label = self.text(path.key("label"), raw.label);
        Some(Theme { id: id?, label: label? })
    }

    pub(super) fn partner(&mut self, path: At<'_>, raw: RawPartner) -> Option<Partner> {
        let id = self.id(path, raw.id);
        let name = self.text(path.key("name"), raw.name);
        let url = self.optional_url(path.key("url"), raw.url.as_deref());
        Some(Partner {
            id: id?,
            name: name?,
            short_name: self.optional_text(path.key("short_name"), raw.short_name),
            kind: raw.kind,
            relation: self.optional_text(path.key("relation"), raw.relation),
            url: url?,
        })
    }

    pub(super) fn person(&mut self, path: At<'_>, raw: RawPerson) -> Option<Person> {
        let id = self.id(path, raw.id);
        let name = self.text(path.key("name"), raw.name);
        // A person's link is a detail: a wrong one is left out, the person kept.
        let url = self.optional_url(path.key("url"), raw.url.as_deref()).flatten();
        Some(Person {
            id: id?,
            name: name?,
            affiliation: self.optional_text(path.key("affiliation"), raw.affiliation),
            bio: self.optional_text(path.key("bio"), raw.bio),
            url,
        })
    }

    /// A venue: a wrong optional field (country, zone, coordinates, links, a room) is left out
    /// and reported, the venue kept.
    pub(super) fn venue(&mut self, path: At<'_>, raw: RawVenue) -> Option<Venue> {
        let id = self.id(path, raw.id);
        let name = self.text(path.key("name"), raw.name);
        let mut rooms: Vec<Room> = Vec::with_capacity(raw.rooms.len());
        for (index, room) in self.capped(path.key("rooms"), raw.rooms).into_iter().enumerate() {
            let at = path.key("rooms");
            let at = at.index(index);
            let Some(room) = self.room(at, room) else { continue };
            if rooms.iter().any(|other| other.id == room.id) {
                self.report(format!("{at}.id"), format!("duplicate room id `{}`: an earlier room of the venue already uses it", room.id));
            } else {
                rooms.push(room);
            }
        }
        let place = Location {
            name: name?,
            address: self.optional_text(path.key("address"), raw.address),
            city: self.optional_text(path.key("city"), raw.city),
            country: self.country(path.key("country"), raw.country).flatten(),
            time_zone: self.time_zone(path.key("time_zone"), raw.time_zone).flatten(),
            geo: raw.geo.and_then(|geo| self.geo(path.key("geo"), geo)),
        };
        Some(Venue {
            id: id?,
            map: self.optional_url(path.key("map_url"), raw.map_url.as_deref()).flatten(),
            access: self.access(path.key("accessibility"), &raw.accessibility),
            access_note: self.optional_text(path.key("accessibility_note"), raw.accessibility_note),
            url: self.optional_url(path.key("url"), raw.url.as_deref()).flatten(),
            rooms,
            place: Arc::new(place),
        })
    }

    fn room(&mut self, path: At<'_>, raw: RawRoom) -> Option<Room> {
        let id = self.id(path, raw.id);
        let name = self.text(path.key("name"), raw.name);
        // An event with a location of its own carries a copy of its room's name.
        let name = name.filter(|name| {
            let bytes: usize = name.all_values().map(str::len).sum();
            if bytes > MAX_ROOM_NAME_BYTES {
                let message =
                    format!("is {bytes} bytes long in all: a room's name has at most {MAX_ROOM_NAME_BYTES}; the room is left out");
                self.report(path.key("name").to_string(), message);
            }
            bytes <= MAX_ROOM_NAME_BYTES
        });
        Some(Room {
            id: id?,
            name: Arc::new(name?),
            floor: self.optional_text(path.key("floor"), raw.floor),
            access: self.access(path.key("accessibility"), &raw.accessibility),
            access_note: self.optional_text(path.key("accessibility_note"), raw.accessibility_note),
        })
    }

    fn geo(&mut self, path: At<'_>, raw: RawGeo) -> Option<Geo> {
        let RawGeo { latitude, longitude } = raw;
        if (-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude) {
            Some(Geo { latitude, longitude })
        } else {
            // Said with integers: formatting a float costs the wasm ~15 KB.
            let (latitude, longitude) = (decimal_degrees(latitude), decimal_degrees(longitude));
            let message = format!("({latitude}, {longitude}) is not a latitude from -90 to 90 and a longitude from -180 to 180: left out");
            self.report(path.to_string(), message);
            None
        }
    }

    /// The event's venue and room; an unknown one is left out (and reported), the event kept.
    fn venue_at(&mut self, path: At<'_>, venue: Option<&str>, room: Option<&str>, programme: &Programme) -> Option<VenueAt> {
        let Some(id) = venue else {
            if let Some(room) = room {
                self.report(path.key("room").to_string(), format!("room `{room}` is given without its venue: left out"));
            }
            return None;
        };
        let Some(at) = programme.venue_index(id) else {
            let message = format!("unknown venue id `{id}`: it is not in the programme's venues list; left out");
            self.report(path.key("venue").to_string(), message);
            return None;
        };
        let room = room.and_then(|room| {
            let found = programme.venues[at].room_index(room);
            if found.is_none() {
                self.report(path.key("room").to_string(), format!("venue `{id}` has no room `{room}`: left out"));
            }
            found
        });
        Some(VenueAt { venue: at, room })
    }

    /// An event's people: one not in the programme's list, or a role nobody knows, is left
    /// out (and reported) without costing delegates the event.
    pub(super) fn participants(&mut self, path: At<'_>, raw: Vec<RawEventPerson>, programme: &Programme) -> Vec<Participant> {
        let raw = self.capped(path, raw);
        let mut found: Vec<Participant> = Vec::with_capacity(raw.len());
        for (index, person) in raw.into_iter().enumerate() {
            let item = path.index(index);
            let Some(at) = programme.person_index(&person.id) else {
                let message = format!("unknown person id `{}`: it is not in the programme's people list; left out of the event", person.id);
                self.report(item.key("id").to_string(), message);
                continue;
            };
            let role = person.role.and_then(|code| {
                let role = Role::from_code(&code);
                if role.is_none() {
                    let known: Vec<String> = Role::ALL.iter().map(|role| format!("\"{}\"", role.code())).collect();
                    self.report(item.key("role").to_string(), format!("`{code}` is not one of {}: the role is left out", known.join(", ")));
                }
                role
            });
            if !found.iter().any(|participant| participant.person == at) {
                found.push(Participant { person: at, role });
            }
        }
        found
    }

    pub(super) fn debate(&mut self, path: At<'_>, raw: RawDebate) -> Option<Debate> {
        let id = self.id(path, raw.id);
        let title = self.text(path.key("title"), raw.title);
        let when = match &raw.when {
            Some(when) => Some(self.when(path.key("when"), when)?),
            None => None,
        };
        let url = self.optional_url(path.key("url"), raw.url.as_deref());
        Some(Debate {
            id: id?,
            title: title?,
            short_title: self.optional_text(path.key("short_title"), raw.short_title),
            description: self.optional_text(path.key("description"), raw.description),
            when,
            recurrence: self.optional_text(path.key("recurrence"), raw.recurrence),
            venue: self.optional_text(path.key("venue"), raw.venue),
            url: url?,
        })
    }

    pub(super) fn series(&mut self, path: At<'_>, raw: RawSeries, programme: &Programme) -> Option<Series> {
        let id = self.id(path, raw.id);
        let title = self.text(path.key("title"), raw.title);
        let organisers = self.refs(path.key("organisers"), &raw.organisers, "partner", |id| programme.partner_index(id));
        let partners = self.refs(path.key("partners"), &raw.partners, "partner", |id| programme.partner_index(id));
        let prepares_for = self
            .refs(path.key("prepares_for"), &raw.prepares_for, "debate", |id| programme.debates.iter().position(|debate| debate.id == id));
        let url = self.optional_url(path.key("url"), raw.url.as_deref());
        Some(Series {
            id: id?,
            title: title?,
            short_title: self.optional_text(path.key("short_title"), raw.short_title),
            description: self.optional_text(path.key("description"), raw.description),
            organisers: organisers?,
            partners: partners?,
            audience: self.optional_text(path.key("audience"), raw.audience),
            prepares_for: prepares_for?,
            url: url?,
        })
    }

    pub(super) fn event(&mut self, path: At<'_>, raw: Box<RawEvent>, programme: &Programme) -> Option<Event> {
        let raw = *raw;
        let id = self.id(path, raw.id);
        let title = self.text(path.key("title"), raw.title);
        let series = match &raw.series {
            None => Some(None),
            Some(series) => self
                .refs(path.key("series"), std::slice::from_ref(series), "series", |id| programme.series_index(id))
                .map(|found| found.first().copied()),
        };
        let themes = self.refs(path.key("themes"), &raw.themes, "theme", |id| programme.theme_index(id));
        let partners = self.refs(path.key("partners"), &raw.partners, "partner", |id| programme.partner_index(id));
        let people = self.participants(path.key("people"), raw.people, programme);
        let when = self.when(path.key("when"), &raw.when);
        let location = match raw.location {
            None => Some(None),
            Some(location) => self.location(path.key("location"), location).map(|location| Some(Arc::new(location))),
        };
        let venue = self.venue_at(path, raw.venue.as_deref(), raw.room.as_deref(), programme);
        let location = location.map(|location| at_venue(location, venue, programme));
        let room = venue.and_then(|at| Some(Arc::clone(&programme.venues[at.venue].rooms[at.room?].name)));
        let languages = self.languages(path.key("languages"), raw.languages);
        let interpretation = self.languages(path.key("interpretation"), raw.interpretation);
        let mut access = self.access(path.key("accessibility"), &raw.accessibility);
        if let Some(at) = venue {
            let venue = &programme.venues[at.venue];
            let room = at.room.map(|room| &venue.rooms[room]);
            let of_place: Vec<Access> =
                venue.access.iter().chain(room.into_iter().flat_map(|room| &room.access)).copied().filter(|a| a.is_of_place()).collect();
            // In `Access::ALL` order, each once, as the event's own.
            access = Access::ALL.into_iter().filter(|a| access.contains(a) || of_place.contains(a)).collect();
        }
        let access_note = self.optional_text(path.key("accessibility_note"), raw.accessibility_note);
        let (links, session_links) = self.links(path.key("links"), raw.links);
        let documents = self.documents(path.key("documents"), raw.documents);
        let summary = self.optional_text(path.key("summary"), raw.summary);
        let audience = self.optional_text(path.key("audience"), raw.audience);
        let mut event = Event {
            id: id?,
            series: series?,
            title: title?,
            summary,
            themes: themes?,
            partners: partners?,
            people,
            months: Vec::new(),
            when: when?,
            location: location?,
            venue,
            room,
            mode: raw.mode,
            audience,
            languages,
            interpretation,
            access,
            access_note,
            status: raw.status,
            links,
            session_links,
            documents,
            updated: self.timestamp(path.key("updated"), raw.updated.as_deref()),
        };
        event.months = event.when.months();
        Some(event)
    }

    pub(super) fn location(&mut self, path: At<'_>, raw: RawLocation) -> Option<Location> {
        let name = self.text(path.key("name"), raw.name);
        let country = self.country(path.key("country"), raw.country);
        let time_zone = self.time_zone(path.key("time_zone"), raw.time_zone);
        Some(Location {
            name: name?,
            address: self.optional_text(path.key("address"), raw.address),
            city: self.optional_text(path.key("city"), raw.city),
            country: country?,
            time_zone: time_zone?,
            geo: None,
        })
    }

    /// `Some(None)` when absent, `None` when wrong (reported).
    fn country(&mut self, path: At<'_>, raw: Option<String>) -> Option<Option<String>> {
        match raw {
            Some(code) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) => Some(Some(code)),
            Some(code) => {
                self.report(path.to_string(), format!("`{code}` is not an ISO 3166-1 alpha-2 country code such as \"BE\""));
                None
            }
            None => Some(None),
        }
    }

    /// `Some(None)` when absent, `None` when wrong (reported).
    fn time_zone(&mut self, path: At<'_>, raw: Option<String>) -> Option<Option<String>> {
        match raw {
            Some(zone) if plausible_time_zone(&zone) => Some(Some(zone)),
            Some(zone) => {
                self.report(path.to_string(), format!("`{zone}` is not an IANA time zone name such as \"Europe/Brussels\""));
                None
            }
            None => Some(None),
        }
    }

    pub(super) fn id(&mut self, path: At<'_>, id: String) -> Option<String> {
        if valid_id(&id) {
            Some(id)
        } else {
            self.report(format!("{path}.id"), bad_id_message(&id));
            None
        }
    }

    pub(super) fn text(&mut self, path: At<'_>, raw: RawText) -> Option<Text> {
        let text = Text::from_raw(raw);
        if text.is_none() {
            self.report(path.to_string(), "must not be empty");
        }
        text
    }

    /// An optional text that is present but empty is reported and treated as absent.
    pub(super) fn optional_text(&mut self, path: At<'_>, raw: Option<RawText>) -> Option<Text> {
        raw.and_then(|raw| self.text(path, raw))
    }

    /// Resolves each id with `find`; any unknown id is reported and fails the whole list.
    pub(super) fn refs(&mut self, path: At<'_>, ids: &[String], kind: &str, find: impl Fn(&str) -> Option<usize>) -> Option<Vec<usize>> {
        let mut found = Vec::with_capacity(ids.len());
        let mut ok = true;
        for (index, id) in ids.iter().enumerate() {
            match find(id) {
                Some(at) if !found.contains(&at) => found.push(at),
                Some(_) => {}
                None => {
                    // A single reference (`series`) has no index; lists do.
                    let item_path = if matches!(path, At::Key(_, "series")) { path.to_string() } else { format!("{path}[{index}]") };
                    self.report(item_path, format!("unknown {kind} id `{id}`: it is not in the programme's {kind} list"));
                    ok = false;
                }
            }
        }
        ok.then_some(found)
    }

    pub(super) fn when(&mut self, path: At<'_>, raw: &RawWhen) -> Option<When> {
        When::parse(&raw.start, raw.end.as_deref()).map_err(|err| self.report(path.to_string(), err.to_string())).ok()
    }

    pub(super) fn timestamp(&mut self, path: At<'_>, raw: Option<&str>) -> Option<Stamp> {
        let raw = raw?;
        let stamp = parse_date(raw).map(Stamp::Date).or_else(|| parse_timestamp(raw).map(Stamp::Time));
        if stamp.is_none() {
            let message = format!("`{raw}` is neither a date (\"2013-02-21\") nor an RFC 3339 timestamp (\"2013-02-21T09:00:00-05:00\")");
            self.report(path.to_string(), message);
        }
        stamp
    }

    pub(super) fn url(&mut self, path: At<'_>, url: &str) -> Option<Link> {
        self.owned_url(path, url.to_owned())
    }

    /// `url`, keeping the file's string (every event has links).
    pub(super) fn owned_url(&mut self, path: At<'_>, url: String) -> Option<Link> {
        if is_http_url(&url) {
            Some(Link { url: trimmed(url), label: None })
        } else {
            self.report(path.to_string(), format!("`{url}` is not an http or https address"));
            None
        }
    }

    /// `Some(None)` when absent, `None` when present but invalid (already reported).
    pub(super) fn optional_url(&mut self, path: At<'_>, url: Option<&str>) -> Option<Option<Link>> {
        match url {
            None => Some(None),
            Some(url) => self.url(path, url).map(Some),
        }
    }

    /// An event's links, ordinary ones apart from those to join, watch or watch again. One
    /// that is not http(s) is left out, a kind nobody knows makes an ordinary link; each
    /// reported, the event kept.
    pub(super) fn links(&mut self, path: At<'_>, raw: Vec<RawLink>) -> (Vec<Link>, Vec<SessionLink>) {
        let raw = self.capped(path, raw);
        let mut links = Vec::with_capacity(raw.len());
        let mut session_links = Vec::new();
        for (index, link) in raw.into_iter().enumerate() {
            let item = path.index(index);
            let label = self.optional_text(item.key("label"), link.label);
            let Some(valid) = self.owned_url(item.key("url"), link.url) else { continue };
            let valid = Link { label, ..valid };
            let kind = link.kind.and_then(|code| {
                let kind = LinkKind::from_code(code.trim());
                if kind.is_none() {
                    let known: Vec<String> = LinkKind::ALL.iter().map(|kind| format!("\"{}\"", kind.code())).collect();
                    self.report(
                        item.key("kind").to_string(),
                        format!("`{code}` is not one of {}: shown as an ordinary link", known.join(", ")),
                    );
                }
                kind
            });
            match kind {
                Some(kind) => session_links.push(SessionLink { kind, link: valid }),
                None => links.push(valid),
            }
        }
        (links, session_links)
    }

    /// An event's documents: one without a web address is left out, a language that is no
    /// tag is dropped, each reported; the event is kept.
    pub(super) fn documents(&mut self, path: At<'_>, raw: Vec<RawDocument>) -> Vec<Document> {
        let raw = self.capped(path, raw);
        let mut documents = Vec::with_capacity(raw.len());
        for (index, document) in raw.into_iter().enumerate() {
            let item = path.index(index);
            let title = self.optional_text(item.key("title"), document.title);
            let Some(link) = self.owned_url(item.key("url"), document.url) else { continue };
            let language = document.language.filter(|tag| {
                let ok = is_language_tag(tag);
                if !ok {
                    self.report(
                        item.key("language").to_string(),
                        format!("`{tag}` is not a language tag such as \"en\" or \"fr-BE\": left out"),
                    );
                }
                ok
            });
            let symbol = document.symbol.map(|symbol| symbol.trim().to_owned()).filter(|symbol| !symbol.is_empty());
            documents.push(Document { url: link.url, title, language, symbol });
        }
        documents
    }

    /// Language tags, lower-cased so that "FR" and "fr" are one language to filter by; one
    /// that is no tag is left out and reported, the event kept.
    pub(super) fn languages(&mut self, path: At<'_>, raw: Vec<String>) -> Vec<String> {
        let raw = self.capped(path, raw);
        let mut tags: Vec<String> = Vec::with_capacity(raw.len());
        for (index, tag) in raw.iter().enumerate() {
            match language_tag(tag.trim()) {
                Some(tag) if tags.contains(&tag) => {}
                Some(tag) => tags.push(tag),
                None => {
                    self.report(format!("{path}[{index}]"), format!("`{tag}` is not a language tag such as \"en\" or \"fr-BE\": left out"))
                }
            }
        }
        tags
    }

    /// A session's access features, each once and in a fixed order; an unknown one is left out
    /// and reported, the event kept.
    pub(super) fn access(&mut self, path: At<'_>, raw: &[String]) -> Vec<Access> {
        for (index, code) in raw.iter().enumerate() {
            if Access::from_code(code.trim()).is_none() {
                let known: Vec<String> = Access::ALL.iter().map(|access| format!("\"{}\"", access.code())).collect();
                self.report(format!("{path}[{index}]"), format!("`{code}` is not one of {}: left out", known.join(", ")));
            }
        }
        Access::ALL.into_iter().filter(|access| raw.iter().any(|code| code.trim() == access.code())).collect()
    }
}

/// The event's location with what its venue adds: the venue itself (shared) when the file
/// gives no `location`, else the venue's coordinates beside the location as written.
fn at_venue(location: Option<Arc<Location>>, venue: Option<VenueAt>, programme: &Programme) -> Option<Arc<Location>> {
    let Some(at) = venue else { return location };
    let venue = &programme.venues[at.venue];
    let Some(mut location) = location else { return Some(Arc::clone(&venue.place)) };
    let own = Arc::make_mut(&mut location);
    own.geo = own.geo.or(venue.place.geo);
    Some(location)
}
