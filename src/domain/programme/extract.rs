//! Reads the programme file's JSON value into the raw types, field by field, so that every
//! mistake carries its exact JSON path (`events[3].when.start`).
//!
//! Hand-written rather than derived: one small non-generic reader keeps the wasm bundle small
//! and the messages plain ("expected text, found a number"). A mistake inside a list item
//! fails only that item; a mistake in the file's frame (no `programme`, `events` not a list)
//! fails the file. Unknown fields are ignored, so newer minor versions still load.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::error::Problem;
use super::raw::*;
use crate::domain::text::RawText;

/// One list item: read, or the first mistake found in it.
pub type Item<T> = Result<T, Problem>;

/// The file as read, before validation.
#[derive(Debug, PartialEq)]
pub struct Extracted {
    pub programme: RawMeta,
    pub lists: Lists,
    /// Boxed, so that each is freed as soon as it is validated: a big programme's peak memory.
    #[allow(clippy::vec_box)]
    pub events: Vec<Item<Box<RawEvent>>>,
}

/// The lists events refer to, each item read or its first mistake.
#[derive(Debug, PartialEq)]
pub struct Lists {
    pub themes: Vec<Item<RawTheme>>,
    pub partners: Vec<Item<RawPartner>>,
    pub series: Vec<Item<RawSeries>>,
    pub debates: Vec<Item<RawDebate>>,
    pub people: Vec<Item<RawPerson>>,
    pub venues: Vec<Item<RawVenue>>,
}

/// Reads the whole file; `Err` when its frame is wrong.
pub fn extract(root: &Value) -> Result<Extracted, Problem> {
    let root = Obj::new(root, "")?;
    Ok(Extracted {
        programme: RawMeta::read(&root.required_obj("programme")?)?,
        lists: Lists {
            themes: root.items("themes", RawTheme::read)?,
            partners: root.items("partners", RawPartner::read)?,
            series: root.items("series", RawSeries::read)?,
            debates: root.items("debates", RawDebate::read)?,
            people: root.items("people", RawPerson::read)?,
            venues: root.items("venues", RawVenue::read)?,
        },
        events: match root.get("events") {
            Some(_) => root.list("events")?.iter().enumerate().map(|(index, event)| extract_event(event, index)).collect(),
            None => return Err(Problem::new("events", "is missing: a programme needs a list of events (it may be empty)")),
        },
    })
}

/// Reads the venue at `venues[index]` from its text.
pub fn extract_venue(text: &str, index: usize) -> Item<RawVenue> {
    let path = format!("venues[{index}]");
    let value: Value = serde_json::from_str(text).map_err(|err| Problem::new(path.clone(), err.to_string()))?;
    Obj::new(&value, &path).and_then(|obj| RawVenue::read(&obj))
}

/// Reads the event at `events[index]` on its own, every mistake with its path: also what the
/// slices of a big file use for an event the fast path gave up on.
pub fn extract_event(event: &Value, index: usize) -> Item<Box<RawEvent>> {
    Obj::new(event, &format!("events[{index}]")).and_then(|obj| RawEvent::read(&obj).map(Box::new))
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A JSON object and where it is in the file.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, path: &str) -> Result<Self, Problem> {
        match value {
            Value::Object(map) => Ok(Obj { map, path: path.to_owned() }),
            other => {
                Err(Problem::new(if path.is_empty() { "(file)" } else { path }, format!("expected an object, found {}", describe(other))))
            }
        }
    }

    /// A present, non-null field.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|value| !value.is_null())
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn missing(&self, key: &str) -> Problem {
        Problem::new(self.at(key), "is missing")
    }

    fn required_obj(&self, key: &str) -> Result<Obj<'a>, Problem> {
        Obj::new(self.get(key).ok_or_else(|| self.missing(key))?, &self.at(key))
    }

    fn string(&self, key: &str) -> Result<String, Problem> {
        self.optional_string(key)?.ok_or_else(|| self.missing(key))
    }

    fn optional_string(&self, key: &str) -> Result<Option<String>, Problem> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(other) => Err(Problem::new(self.at(key), format!("expected a string, found {}", describe(other)))),
        }
    }

    fn text(&self, key: &str) -> Result<RawText, Problem> {
        self.optional_text(key)?.ok_or_else(|| self.missing(key))
    }

    /// A plain string, or an object from language tag to string.
    fn optional_text(&self, key: &str) -> Result<Option<RawText>, Problem> {
        let path = self.at(key);
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(RawText::Plain(text.clone()))),
            Some(Value::Object(map)) => {
                let mut texts = BTreeMap::new();
                for (lang, value) in map {
                    match value {
                        Value::String(text) => {
                            texts.insert(lang.clone(), text.clone());
                        }
                        other => return Err(Problem::new(join(&path, lang), format!("expected a string, found {}", describe(other)))),
                    }
                }
                Ok(Some(RawText::Localised(texts)))
            }
            Some(other) => Err(Problem::new(
                path,
                format!("expected text (a string, or an object of language tag to string), found {}", describe(other)),
            )),
        }
    }

    fn strings(&self, key: &str) -> Result<Vec<String>, Problem> {
        let path = self.at(key);
        self.list(key)?
            .iter()
            .enumerate()
            .map(|(index, value)| match value {
                Value::String(text) => Ok(text.clone()),
                other => Err(Problem::new(format!("{path}[{index}]"), format!("expected a string, found {}", describe(other)))),
            })
            .collect()
    }

    fn number(&self, key: &str) -> Result<f64, Problem> {
        match self.get(key) {
            None => Err(self.missing(key)),
            Some(Value::Number(number)) => number.as_f64().ok_or_else(|| Problem::new(self.at(key), "is not a number")),
            Some(other) => Err(Problem::new(self.at(key), format!("expected a number, found {}", describe(other)))),
        }
    }

    fn list(&self, key: &str) -> Result<&'a [Value], Problem> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(Problem::new(self.at(key), format!("expected a list, found {}", describe(other)))),
        }
    }

    /// Each item of a list read on its own: a bad item does not fail the list.
    fn items<T>(&self, key: &str, read: fn(&Obj) -> Result<T, Problem>) -> Result<Vec<Item<T>>, Problem> {
        let path = self.at(key);
        let items = self.list(key)?;
        Ok(items.iter().enumerate().map(|(index, value)| Obj::new(value, &format!("{path}[{index}]")).and_then(|obj| read(&obj))).collect())
    }

    fn when(&self, key: &str) -> Result<Option<RawWhen>, Problem> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => {
                let obj = Obj::new(value, &self.at(key))?;
                Ok(Some(RawWhen { start: obj.string("start")?, end: obj.optional_string("end")? }))
            }
        }
    }

    /// A value from a fixed list of spellings.
    fn choice<T: Copy>(&self, key: &str, choices: &[(&str, T)]) -> Result<Option<T>, Problem> {
        let Some(code) = self.optional_string(key)? else { return Ok(None) };
        match choices.iter().find(|(name, _)| *name == code) {
            Some((_, value)) => Ok(Some(*value)),
            None => {
                let names: Vec<String> = choices.iter().map(|(name, _)| format!("\"{name}\"")).collect();
                Err(Problem::new(self.at(key), format!("`{code}` is not one of {}", names.join(", "))))
            }
        }
    }
}

impl RawMeta {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawMeta {
            id: o.string("id")?,
            title: o.text("title")?,
            description: o.optional_text("description")?,
            publisher: o.optional_text("publisher")?,
            published: o.optional_string("published")?,
            updated: o.optional_string("updated")?,
            time_zone: o.string("time_zone")?,
            language: o.optional_string("language")?,
            url: o.optional_string("url")?,
        })
    }
}

impl RawTheme {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawTheme { id: o.string("id")?, label: o.text("label")? })
    }
}

impl RawPartner {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawPartner {
            id: o.string("id")?,
            name: o.text("name")?,
            short_name: o.optional_text("short_name")?,
            kind: o.optional_string("kind")?,
            relation: o.optional_text("relation")?,
            url: o.optional_string("url")?,
        })
    }
}

impl RawPerson {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawPerson {
            id: o.string("id")?,
            name: o.text("name")?,
            affiliation: o.optional_text("affiliation")?,
            bio: o.optional_text("bio")?,
            url: o.optional_string("url")?,
        })
    }
}

impl RawVenue {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawVenue {
            id: o.string("id")?,
            name: o.text("name")?,
            address: o.optional_text("address")?,
            city: o.optional_text("city")?,
            country: o.optional_string("country")?,
            time_zone: o.optional_string("time_zone")?,
            geo: match o.get("geo") {
                None => None,
                Some(value) => {
                    let geo = Obj::new(value, &o.at("geo"))?;
                    Some(RawGeo { latitude: geo.number("latitude")?, longitude: geo.number("longitude")? })
                }
            },
            map_url: o.optional_string("map_url")?,
            accessibility: o.strings("accessibility")?,
            accessibility_note: o.optional_text("accessibility_note")?,
            url: o.optional_string("url")?,
            rooms: {
                let path = o.at("rooms");
                let mut rooms = Vec::new();
                for (index, value) in o.list("rooms")?.iter().enumerate() {
                    let room = Obj::new(value, &format!("{path}[{index}]"))?;
                    rooms.push(RawRoom {
                        id: room.string("id")?,
                        name: room.text("name")?,
                        floor: room.optional_text("floor")?,
                        accessibility: room.strings("accessibility")?,
                        accessibility_note: room.optional_text("accessibility_note")?,
                    });
                }
                rooms
            },
        })
    }
}

impl RawSeries {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawSeries {
            id: o.string("id")?,
            title: o.text("title")?,
            short_title: o.optional_text("short_title")?,
            description: o.optional_text("description")?,
            organisers: o.strings("organisers")?,
            partners: o.strings("partners")?,
            audience: o.optional_text("audience")?,
            prepares_for: o.strings("prepares_for")?,
            url: o.optional_string("url")?,
        })
    }
}

impl RawDebate {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawDebate {
            id: o.string("id")?,
            title: o.text("title")?,
            short_title: o.optional_text("short_title")?,
            description: o.optional_text("description")?,
            when: o.when("when")?,
            recurrence: o.optional_text("recurrence")?,
            venue: o.optional_text("venue")?,
            url: o.optional_string("url")?,
        })
    }
}

const MODES: [(&str, Mode); 3] = [("in_person", Mode::InPerson), ("online", Mode::Online), ("hybrid", Mode::Hybrid)];

impl RawEvent {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawEvent {
            id: o.string("id")?,
            series: o.optional_string("series")?,
            title: o.text("title")?,
            summary: o.optional_text("summary")?,
            themes: o.strings("themes")?,
            partners: o.strings("partners")?,
            people: {
                let path = o.at("people");
                let mut people = Vec::new();
                for (index, value) in o.list("people")?.iter().enumerate() {
                    let person = Obj::new(value, &format!("{path}[{index}]"))?;
                    people.push(RawEventPerson { id: person.string("id")?, role: person.optional_string("role")? });
                }
                people
            },
            when: o.when("when")?.ok_or_else(|| o.missing("when"))?,
            location: match o.get("location") {
                None => None,
                Some(value) => Some(RawLocation::read(&Obj::new(value, &o.at("location"))?)?),
            },
            venue: o.optional_string("venue")?,
            room: o.optional_string("room")?,
            mode: o.choice("mode", &MODES)?,
            audience: o.optional_text("audience")?,
            languages: o.strings("languages")?,
            interpretation: o.strings("interpretation")?,
            accessibility: o.strings("accessibility")?,
            accessibility_note: o.optional_text("accessibility_note")?,
            status: o.choice("status", &STATUSES)?.unwrap_or_default(),
            links: {
                let path = o.at("links");
                let mut links = Vec::new();
                for (index, value) in o.list("links")?.iter().enumerate() {
                    let link = Obj::new(value, &format!("{path}[{index}]"))?;
                    links.push(RawLink {
                        url: link.string("url")?,
                        label: link.optional_text("label")?,
                        kind: link.optional_string("kind")?,
                    });
                }
                links
            },
            documents: {
                let path = o.at("documents");
                let mut documents = Vec::new();
                for (index, value) in o.list("documents")?.iter().enumerate() {
                    let document = Obj::new(value, &format!("{path}[{index}]"))?;
                    documents.push(RawDocument {
                        url: document.string("url")?,
                        title: document.optional_text("title")?,
                        language: document.optional_string("language")?,
                        symbol: document.optional_string("symbol")?,
                    });
                }
                documents
            },
            updated: o.optional_string("updated")?,
        })
    }
}

impl RawLocation {
    fn read(o: &Obj) -> Result<Self, Problem> {
        Ok(RawLocation {
            name: o.text("name")?,
            address: o.optional_text("address")?,
            city: o.optional_text("city")?,
            country: o.optional_string("country")?,
            time_zone: o.optional_string("time_zone")?,
        })
    }
}
