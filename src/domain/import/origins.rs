//! Where each item of a converted programme came from, so that a problem the app's parser
//! finds (`events[3].themes[1]: unknown theme id`) is reported where the organiser can fix it:
//! `events.csv, row 5, column F (themes)`, or the event's path in their schedule.

use std::collections::HashMap;

use super::Place;

/// For each list of the programme (`events`, `themes`, ...), the place of each item, and for
/// spreadsheets the column of each field.
#[derive(Default)]
pub struct Origins {
    items: HashMap<&'static str, Vec<Place>>,
    /// Single fields outside lists (`programme.time_zone`).
    fields: HashMap<String, Place>,
    /// Per list: field of the programme format (`when`, `location.city`) -> column header with
    /// its letter, for the sheet the list came from.
    columns: HashMap<&'static str, Vec<(&'static str, String)>>,
}

impl Origins {
    pub fn add_item(&mut self, list: &'static str, place: Place) {
        self.items.entry(list).or_default().push(place);
    }

    pub fn add_field(&mut self, path: String, place: Place) {
        self.fields.entry(path).or_insert(place);
    }

    /// `field` of list items is in `column` (a header with its letter).
    pub fn add_column(&mut self, list: &'static str, field: &'static str, column: String) {
        self.columns.entry(list).or_default().push((field, column));
    }

    /// The place of a programme JSON path, when it lies in a known item.
    pub fn place_of(&self, path: &str) -> Option<Place> {
        if let Some(place) = self.fields.get(path) {
            return Some(place.clone());
        }
        let (list, rest) = path.split_once('[')?;
        let (index, field) = rest.split_once(']')?;
        let (list, places) = self.items.get_key_value(list)?;
        let place = places.get(index.parse::<usize>().ok()?)?.clone();
        let field = field.trim_start_matches('.');
        Some(match place {
            Place::Cell { file, row, .. } => Place::Cell { file, row, column: self.column(list, field) },
            Place::Path { path, line } => {
                Place::Path { path: if field.is_empty() { path } else { format!("{path} ({})", field_name(field)) }, line }
            }
        })
    }

    /// The column of the longest known field that `field` starts with (`location.city` before
    /// `location`), ignoring list indices (`themes[1]` is in `themes`).
    fn column(&self, list: &str, field: &str) -> Option<String> {
        let field = field_name(field);
        let columns = self.columns.get(list)?;
        columns
            .iter()
            .filter(|(known, _)| field == *known || field.starts_with(&format!("{known}.")))
            .max_by_key(|(known, _)| known.len())
            .map(|(_, column)| column.clone())
    }
}

/// `links[1].url` -> `links.url`: the field without list indices.
fn field_name(field: &str) -> String {
    let mut name = String::with_capacity(field.len());
    let mut depth = 0;
    for c in field.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => name.push(c),
            _ => {}
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_placed_in_its_row_and_column() {
        let mut origins = Origins::default();
        origins.add_item("events", Place::Cell { file: "events.csv".into(), row: Some(2), column: None });
        origins.add_item("events", Place::Cell { file: "events.csv".into(), row: Some(4), column: None });
        origins.add_column("events", "themes", "F (themes)".into());
        origins.add_column("events", "location", "H (place)".into());
        origins.add_column("events", "location.city", "J (city)".into());
        let cell = |row, column: &str| Some(Place::Cell { file: "events.csv".into(), row: Some(row), column: Some(column.into()) });
        assert_eq!(origins.place_of("events[1].themes[0]"), cell(4, "F (themes)"));
        assert_eq!(origins.place_of("events[0].location.city"), cell(2, "J (city)"));
        assert_eq!(origins.place_of("events[0].location.name"), cell(2, "H (place)"));
        assert_eq!(origins.place_of("events[0].title"), Some(Place::Cell { file: "events.csv".into(), row: Some(2), column: None }));
        assert_eq!(origins.place_of("events[7].title"), None);
        assert_eq!(origins.place_of("programme.title"), None);
    }
}
