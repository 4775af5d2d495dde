//! The validated programme: what the rest of the app works with. Every id here resolves,
//! every date is real, every link is http(s); invalid states cannot be represented.
//! References between items are indices into the programme's vocabularies, so filtering
//! compares integers, not strings.

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use super::raw::{Mode, Status};
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub name: Text,
    pub address: Option<Text>,
    pub city: Option<Text>,
    pub country: Option<String>,
    pub time_zone: Option<String>,
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
    pub when: When,
    /// Every month the event touches (`when.months()`), computed once at load because the
    /// month facet reads it on every filter change.
    pub months: Vec<crate::domain::when::YearMonth>,
    pub location: Option<Location>,
    pub mode: Option<Mode>,
    pub audience: Option<Text>,
    pub languages: Vec<String>,
    pub status: Status,
    pub links: Vec<Link>,
    /// Lower-cased, accent-folded words of title, summary, themes, partners, series and place
    /// in every language: what search matches against. Built once at load.
    pub search_text: String,
}

impl Event {
    /// "United Nations Headquarters, New York": the venue, with its city unless the venue's
    /// name already says it. Shown on cards and kept in shortlist snapshots.
    pub fn place(&self, lang_tag: &str) -> Option<String> {
        let location = self.location.as_ref()?;
        let place = location.name.get(lang_tag);
        Some(match &location.city {
            Some(city) if !place.contains(city.get(lang_tag)) => format!("{place}, {}", city.get(lang_tag)),
            _ => place.to_owned(),
        })
    }
}

/// A loaded programme. Events are in chronological order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub meta: Meta,
    pub themes: Vec<Theme>,
    pub partners: Vec<Partner>,
    pub series: Vec<Series>,
    pub debates: Vec<Debate>,
    pub events: Vec<Event>,
}

impl Programme {
    /// The language to mark `text` with when shown to a reader of `ui` (WCAG "language of
    /// parts"): the tag of the string picked, or the programme's `language` for a plain string.
    /// `None` when that is the reader's own language, or unknown.
    pub fn part_language<'a>(&'a self, text: &'a Text, ui: &str) -> Option<&'a str> {
        let (_, tag) = text.pick(ui);
        let tag = if tag.is_empty() { self.meta.language.as_deref()? } else { tag };
        let primary = |tag: &str| tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
        (primary(tag) != primary(ui)).then_some(tag)
    }

    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|event| event.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|event| event.id == id)
    }

    pub fn theme_index(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|theme| theme.id == id)
    }

    pub fn partner_index(&self, id: &str) -> Option<usize> {
        self.partners.iter().position(|partner| partner.id == id)
    }

    pub fn series_index(&self, id: &str) -> Option<usize> {
        self.series.iter().position(|series| series.id == id)
    }
}
