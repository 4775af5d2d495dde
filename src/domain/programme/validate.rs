//! Raw file → validated `Programme` plus every problem found, each with its JSON path.
//!
//! Rules: a bad vocabulary entry or event is skipped and reported, the rest load; a bad
//! optional metadata field is ignored and reported. Nothing here fails the whole file: only
//! `parse` does that, for problems of syntax, shape or version.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::error::Problem;
use super::extract::{Extracted, Item};
use super::model::{Debate, Event, Link, Location, Meta, Partner, Programme, Series, Stamp, Theme};
use super::raw::{RawDebate, RawEvent, RawLink, RawLocation, RawMeta, RawPartner, RawSeries, RawTheme, RawWhen};
use std::fmt;

/// A JSON path (`events[12].location.name`), formatted only when a problem is reported: every
/// event's paths built as strings were a tenth of reading a big programme in the browser, where
/// formatting runs in V8's baseline tier.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A top-level member: `programme`, `events`.
    Root(&'static str),
    Key(&'a At<'a>, &'static str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'static str) -> At<'a> {
        At::Key(self, key)
    }

    fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root(name) => f.write_str(name),
            At::Key(parent, key) => write!(f, "{parent}.{key}"),
            At::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}
use crate::domain::text::{trimmed, RawText, Text};
use crate::domain::when::{parse_date, parse_timestamp, When};

pub fn validate(raw: Extracted) -> (Programme, Vec<Problem>) {
    let Extracted { programme, themes, partners, series, debates, events } = raw;
    let mut validation = Validation::start(programme, themes, partners, series, debates, events.len());
    for event in events {
        validation.add_event(event);
    }
    validation.finish()
}

/// Validation a slice at a time: the frame and vocabularies at `start`, then events
/// as they are read, then `finish`. One event or all of them per call gives the same result;
/// the browser reads a big programme a few thousand events per task so the page can answer.
pub struct Validation {
    v: Validator,
    programme: Programme,
    events: ListValidation<Event>,
}

impl Validation {
    pub fn start(
        meta: RawMeta,
        themes: Vec<Item<RawTheme>>,
        partners: Vec<Item<RawPartner>>,
        series: Vec<Item<RawSeries>>,
        debates: Vec<Item<RawDebate>>,
        expected_events: usize,
    ) -> Self {
        let mut v = Validator::default();
        let meta = v.meta(meta);
        let themes = v.items("themes", themes, Validator::theme, |t: &Theme| &t.id);
        let partners = v.items("partners", partners, Validator::partner, |p: &Partner| &p.id);
        let debates = v.items("debates", debates, Validator::debate, |d: &Debate| &d.id);
        let mut programme = Programme::new(meta, themes, partners, Vec::new(), debates, Vec::new());
        programme.series = v.items("series", series, |v, path, raw| v.series(path, raw, &programme), |s: &Series| &s.id);
        programme.index_ids();
        Validation { v, programme, events: ListValidation::new("events", expected_events) }
    }

    /// The next event of the file, in file order.
    pub fn add_event(&mut self, raw: Item<Box<RawEvent>>) {
        let programme = &self.programme;
        self.events.add(&mut self.v, raw, |v, path, raw| v.event(path, raw, programme), |e: &Event| &e.id);
    }

    /// How many problems were found so far.
    pub fn problem_count(&self) -> usize {
        self.v.problems.len()
    }

    /// The problems found since there were `count`.
    pub fn problems_from(&mut self, count: usize) -> &mut [Problem] {
        &mut self.v.problems[count..]
    }

    pub fn finish(self) -> (Programme, Vec<Problem>) {
        let Validation { v, mut programme, events } = self;
        let ListValidation { mut items, seen: mut positions, .. } = events;
        // Stable: events at the same time keep the order the organiser wrote them in.
        let mut order: Vec<((chrono::NaiveDate, u8, i64), usize)> =
            items.iter().enumerate().map(|(index, event)| (event.when.sort_key(), index)).collect();
        order.sort_unstable();
        let mut moved_to = vec![0; items.len()];
        let mut takes_from: Vec<usize> = Vec::with_capacity(items.len());
        for (to, &(_, from)) in order.iter().enumerate() {
            moved_to[from] = to;
            takes_from.push(from);
        }
        drop(order);
        permute(&mut items, takes_from);
        // The ids seen while checking become the lookup by id: no id is copied or hashed again.
        positions.values_mut().for_each(|position| *position = moved_to[*position]);
        programme.set_events(items, positions);
        (programme, v.problems)
    }
}

/// Puts `items[takes_from[i]]` at `i`, in place: events are large, and a second list of them
/// would double the peak memory of reading a big programme.
fn permute<T>(items: &mut [T], mut takes_from: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        // Each cycle of the permutation is followed once; a placed slot points at itself.
        while takes_from[at] != at {
            let from = takes_from[at];
            takes_from[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// One list of the file being validated: its good items so far, the ids seen, and where it is.
struct ListValidation<T> {
    list: &'static str,
    index: usize,
    /// Each good item's id, and its position in `items`.
    seen: HashMap<String, usize>,
    items: Vec<T>,
}

impl<T> ListValidation<T> {
    fn new(list: &'static str, expected: usize) -> Self {
        Self { list, index: 0, seen: HashMap::with_capacity(expected), items: Vec::with_capacity(expected) }
    }

    /// Validates the next item; skips a bad one or a duplicate id (the first one wins).
    fn add<R>(
        &mut self,
        v: &mut Validator,
        item: Item<R>,
        build: impl FnOnce(&mut Validator, At<'_>, R) -> Option<T>,
        id_of: impl Fn(&T) -> &String,
    ) {
        let list = At::Root(self.list);
        let path = list.index(self.index);
        self.index += 1;
        match item {
            Err(problem) => v.problems.push(problem),
            Ok(raw) => {
                let Some(item) = build(v, path, raw) else { return };
                match self.seen.entry(id_of(&item).clone()) {
                    Entry::Vacant(slot) => {
                        slot.insert(self.items.len());
                        self.items.push(item);
                    }
                    Entry::Occupied(_) => {
                        v.report(format!("{path}.id"), format!("duplicate id `{}`: an earlier entry already uses it", id_of(&item)))
                    }
                }
            }
        }
    }
}

/// How many events were skipped, for the "N events could not be shown" notice.
pub fn skipped_event_count(problems: &[Problem]) -> usize {
    let indices: HashSet<&str> =
        problems.iter().filter_map(|problem| problem.path.strip_prefix("events[")).filter_map(|rest| rest.split(']').next()).collect();
    indices.len()
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// Validates each item of a list, skips bad ones and duplicate ids (the first one wins).
    fn items<R, T>(
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

    fn meta(&mut self, raw: RawMeta) -> Meta {
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

    fn theme(&mut self, path: At<'_>, raw: RawTheme) -> Option<Theme> {
        let id = self.id(path, raw.id);
        let label = self.text(path.key("label"), raw.label);
        Some(Theme { id: id?, label: label? })
    }

    fn partner(&mut self, path: At<'_>, raw: RawPartner) -> Option<Partner> {
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

    fn debate(&mut self, path: At<'_>, raw: RawDebate) -> Option<Debate> {
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

    fn series(&mut self, path: At<'_>, raw: RawSeries, programme: &Programme) -> Option<Series> {
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

    fn event(&mut self, path: At<'_>, raw: Box<RawEvent>, programme: &Programme) -> Option<Event> {
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
        let when = self.when(path.key("when"), &raw.when);
        let location = match raw.location {
            None => Some(None),
            Some(location) => self.location(path.key("location"), location).map(Some),
        };
        let languages = self.languages(path.key("languages"), raw.languages);
        let links = self.links(path.key("links"), raw.links);
        let summary = self.optional_text(path.key("summary"), raw.summary);
        let audience = self.optional_text(path.key("audience"), raw.audience);
        let mut event = Event {
            id: id?,
            series: series?,
            title: title?,
            summary,
            themes: themes?,
            partners: partners?,
            months: Vec::new(),
            when: when?,
            location: location?,
            mode: raw.mode,
            audience,
            languages: languages?,
            status: raw.status,
            links: links?,
            updated: self.timestamp(path.key("updated"), raw.updated.as_deref()),
        };
        event.months = event.when.months();
        Some(event)
    }

    fn location(&mut self, path: At<'_>, raw: RawLocation) -> Option<Location> {
        let name = self.text(path.key("name"), raw.name);
        let country = match raw.country {
            Some(code) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) => Some(Some(code)),
            Some(code) => {
                self.report(format!("{path}.country"), format!("`{code}` is not an ISO 3166-1 alpha-2 country code such as \"BE\""));
                None
            }
            None => Some(None),
        };
        let time_zone = match raw.time_zone {
            Some(zone) if plausible_time_zone(&zone) => Some(Some(zone)),
            Some(zone) => {
                self.report(format!("{path}.time_zone"), format!("`{zone}` is not an IANA time zone name such as \"Europe/Brussels\""));
                None
            }
            None => Some(None),
        };
        Some(Location {
            name: name?,
            address: self.optional_text(path.key("address"), raw.address),
            city: self.optional_text(path.key("city"), raw.city),
            country: country?,
            time_zone: time_zone?,
        })
    }

    fn id(&mut self, path: At<'_>, id: String) -> Option<String> {
        if valid_id(&id) {
            Some(id)
        } else {
            self.report(format!("{path}.id"), bad_id_message(&id));
            None
        }
    }

    fn text(&mut self, path: At<'_>, raw: RawText) -> Option<Text> {
        let text = Text::from_raw(raw);
        if text.is_none() {
            self.report(path.to_string(), "must not be empty");
        }
        text
    }

    /// An optional text that is present but empty is reported and treated as absent.
    fn optional_text(&mut self, path: At<'_>, raw: Option<RawText>) -> Option<Text> {
        raw.and_then(|raw| self.text(path, raw))
    }

    /// Resolves each id with `find`; any unknown id is reported and fails the whole list.
    fn refs(&mut self, path: At<'_>, ids: &[String], kind: &str, find: impl Fn(&str) -> Option<usize>) -> Option<Vec<usize>> {
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

    fn when(&mut self, path: At<'_>, raw: &RawWhen) -> Option<When> {
        When::parse(&raw.start, raw.end.as_deref()).map_err(|err| self.report(path.to_string(), err.to_string())).ok()
    }

    fn timestamp(&mut self, path: At<'_>, raw: Option<&str>) -> Option<Stamp> {
        let raw = raw?;
        let stamp = parse_date(raw).map(Stamp::Date).or_else(|| parse_timestamp(raw).map(Stamp::Time));
        if stamp.is_none() {
            let message = format!("`{raw}` is neither a date (\"2013-02-21\") nor an RFC 3339 timestamp (\"2013-02-21T09:00:00-05:00\")");
            self.report(path.to_string(), message);
        }
        stamp
    }

    fn url(&mut self, path: At<'_>, url: &str) -> Option<Link> {
        self.owned_url(path, url.to_owned())
    }

    /// `url`, keeping the file's string (every event has links).
    fn owned_url(&mut self, path: At<'_>, url: String) -> Option<Link> {
        if is_http_url(&url) {
            Some(Link { url: trimmed(url), label: None })
        } else {
            self.report(path.to_string(), format!("`{url}` is not an http or https address"));
            None
        }
    }

    /// `Some(None)` when absent, `None` when present but invalid (already reported).
    fn optional_url(&mut self, path: At<'_>, url: Option<&str>) -> Option<Option<Link>> {
        match url {
            None => Some(None),
            Some(url) => self.url(path, url).map(Some),
        }
    }

    fn links(&mut self, path: At<'_>, raw: Vec<RawLink>) -> Option<Vec<Link>> {
        let mut links = Vec::with_capacity(raw.len());
        let mut ok = true;
        for (index, link) in raw.into_iter().enumerate() {
            let item = path.index(index);
            let label = self.optional_text(item.key("label"), link.label);
            match self.owned_url(item.key("url"), link.url) {
                Some(valid) => links.push(Link { label, ..valid }),
                None => ok = false,
            }
        }
        ok.then_some(links)
    }

    fn languages(&mut self, path: At<'_>, raw: Vec<String>) -> Option<Vec<String>> {
        let mut ok = true;
        for (index, tag) in raw.iter().enumerate() {
            if !is_language_tag(tag) {
                self.report(format!("{path}[{index}]"), format!("`{tag}` is not a language tag such as \"en\" or \"fr-BE\""));
                ok = false;
            }
        }
        ok.then_some(raw)
    }
}

/// Ids appear in URLs and storage keys: letters, digits, `.`, `_`, `-`; at most 200 characters.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && id.as_bytes()[0].is_ascii_alphanumeric()
}

fn bad_id_message(id: &str) -> String {
    if id.is_empty() {
        "id must not be empty".to_owned()
    } else {
        format!("`{id}` is not a valid id: use letters, digits, '.', '_' and '-', starting with a letter or digit")
    }
}

/// Only http and https, with a host, and no spaces: anything else (javascript:, data:,
/// relative paths) could run code or mislead when a delegate taps it.
pub fn is_http_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A BCP 47 tag in its usual shape (a 2-3 letter language, then subtags of 1-8 letters or
/// digits), lower-cased; `None` otherwise.
fn language_tag(tag: &str) -> Option<String> {
    is_language_tag(tag).then(|| tag.to_ascii_lowercase())
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// IANA names look like "Area/Location" ("America/Argentina/Buenos_Aires") or "UTC". Without a
/// time zone database in the bundle, we check the shape, not membership.
fn plausible_time_zone(zone: &str) -> bool {
    let well_formed = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+'));
    zone == "UTC" || (zone.contains('/') && zone.split('/').all(well_formed) && zone.as_bytes()[0].is_ascii_uppercase())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::permute;

    proptest! {
        #[test]
        fn permuting_in_place_gives_what_gathering_gives(keys in proptest::collection::vec(0_u32..1000, 0..200)) {
            // Any permutation: the positions of `keys` sorted.
            let mut takes_from: Vec<usize> = (0..keys.len()).collect();
            takes_from.sort_by_key(|&i| keys[i]);
            let gathered: Vec<String> = takes_from.iter().map(|&from| format!("item {from}")).collect();
            let mut items: Vec<String> = (0..keys.len()).map(|i| format!("item {i}")).collect();
            permute(&mut items, takes_from);
            prop_assert_eq!(items, gathered);
        }
    }
}
