//! Writing a programme as sheets: the template, and the way back from JSON.

use std::collections::BTreeSet;

use super::columns::{
    Access, Column, EventDocument, VenueRoom, DEBATES, DOCUMENTS, EVENTS, PARTNERS, PEOPLE, PROGRAMME, ROOMS, SERIES, THEMES, VENUES,
};
use super::Sheet;
use crate::domain::import::table::write_csv;
use crate::domain::programme::raw::*;
use crate::domain::text::RawText;

/// Writes a programme in the spreadsheet layout.
pub fn write_sheets(raw: &RawProgramme) -> Vec<Sheet> {
    let sheet = |name: &str, text: String| Sheet { file: format!("{name}.csv"), text };
    vec![
        sheet("programme", write_meta(raw)),
        sheet("themes", write_list(THEMES, &raw.themes)),
        sheet("partners", write_list(PARTNERS, &raw.partners)),
        sheet("series", write_list(SERIES, &raw.series)),
        sheet("debates", write_list(DEBATES, &raw.debates)),
        sheet("people", write_list(PEOPLE, &raw.people)),
        sheet("venues", write_list(VENUES, &raw.venues)),
        sheet("rooms", write_list(ROOMS, &rooms(&raw.venues))),
        sheet("events", write_events(&raw.events)),
        sheet("documents", write_list(DOCUMENTS, &documents(&raw.events))),
    ]
}

/// Every event's documents, a row each.
fn documents(events: &[RawEvent]) -> Vec<EventDocument> {
    let of = |event: &RawEvent| {
        event
            .documents
            .iter()
            .map(|document| EventDocument { event: event.id.clone(), document: document.clone(), row: 0 })
            .collect::<Vec<_>>()
    };
    events.iter().flat_map(of).collect()
}

/// Every venue's rooms, a row each.
fn rooms(venues: &[RawVenue]) -> Vec<VenueRoom> {
    let of = |venue: &RawVenue| {
        venue.rooms.iter().map(|room| VenueRoom { venue: venue.id.clone(), room: room.clone(), row: 0 }).collect::<Vec<_>>()
    };
    venues.iter().flat_map(of).collect()
}

/// A cell to write: plain, or a text that may take one column per language.
enum Cell<'a> {
    Plain(String),
    Text(Option<&'a RawText>),
}

fn cell<'a, T>(column: &Column<T>, item: &'a T) -> Cell<'a> {
    match &column.access {
        Access::Plain { get, .. } => Cell::Plain(get(item)),
        Access::Text { get, .. } => Cell::Text(get(item)),
        Access::List { get, .. } => Cell::Plain(get(item).join("; ")),
    }
}

fn write_list<T>(columns: &[Column<T>], items: &[T]) -> String {
    let names: Vec<(String, bool)> = columns.iter().map(|c| (c.name.to_owned(), c.is_text())).collect();
    write_table(&names, items, |item, name| columns.iter().find(|c| c.name == name).map_or(Cell::Plain(String::new()), |c| cell(c, item)))
}

/// The columns a text field needs over all items: `name` for plain texts, `name@xx` per
/// language used.
fn text_columns(name: &str, texts: &[Option<&RawText>]) -> Vec<String> {
    let mut plain = false;
    let mut languages = BTreeSet::new();
    for text in texts.iter().flatten() {
        match text {
            RawText::Plain(_) => plain = true,
            RawText::Localised(map) => languages.extend(map.keys().cloned()),
        }
    }
    let mut columns: Vec<String> = languages.into_iter().map(|lang| format!("{name}@{lang}")).collect();
    if plain || columns.is_empty() {
        columns.insert(0, name.to_owned());
    }
    columns
}

fn text_cell(column: &str, text: Option<&RawText>) -> String {
    match (text, column.split_once('@')) {
        (Some(RawText::Plain(value)), None) => value.clone(),
        (Some(RawText::Localised(map)), Some((_, lang))) => map.get(lang).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// Writes items under `columns` (name, whether a text), a text column expanded to one column
/// per language used.
fn write_table<T>(columns: &[(String, bool)], items: &[T], cell: impl for<'a> Fn(&'a T, &str) -> Cell<'a>) -> String {
    let mut headers = Vec::new();
    for (name, text) in columns {
        if *text {
            let texts: Vec<Option<&RawText>> =
                items.iter().map(|item| if let Cell::Text(text) = cell(item, name) { text } else { None }).collect();
            headers.extend(text_columns(name, &texts).into_iter().map(|column| (column, name.as_str())));
        } else {
            headers.push((name.clone(), name.as_str()));
        }
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            headers
                .iter()
                .map(|(column, name)| match cell(item, name) {
                    Cell::Plain(value) => value,
                    Cell::Text(text) => text_cell(column, text),
                })
                .collect()
        })
        .collect();
    write_csv(&headers.into_iter().map(|(column, _)| column).collect::<Vec<_>>(), &rows)
}

/// The events: their described columns, then as many link columns as the most linked event
/// needs (`link`, `link_label`, `link_kind`, `link_2`, ...).
fn write_events(events: &[RawEvent]) -> String {
    let most_links = events.iter().map(|event| event.links.len()).max().unwrap_or(0).max(1);
    let mut columns: Vec<(String, bool)> = EVENTS.iter().map(|c| (c.name.to_owned(), c.is_text())).collect();
    for n in 1..=most_links {
        let suffix = if n == 1 { String::new() } else { format!("_{n}") };
        columns.push((format!("link{suffix}"), false));
        columns.push((format!("link_label{suffix}"), true));
        columns.push((format!("link_kind{suffix}"), false));
    }
    write_table(&columns, events, |event, name| match EVENTS.iter().find(|c| c.name == name) {
        Some(column) => cell(column, event),
        None => link_cell(event, name),
    })
}

fn link_cell<'a>(event: &'a RawEvent, name: &str) -> Cell<'a> {
    // `link` is the first, `link_2` the second...
    let n = name.rsplit('_').next().and_then(|n| n.parse::<usize>().ok()).unwrap_or(1);
    let link = n.checked_sub(1).and_then(|index| event.links.get(index));
    if name.starts_with("link_label") {
        Cell::Text(link.and_then(|link| link.label.as_ref()))
    } else if name.starts_with("link_kind") {
        Cell::Plain(link.and_then(|link| link.kind.clone()).unwrap_or_default())
    } else {
        Cell::Plain(link.map(|link| link.url.clone()).unwrap_or_default())
    }
}

/// The programme sheet: `field` and `value`, one row per field given (a text, one row per
/// language).
fn write_meta(raw: &RawProgramme) -> String {
    let meta = &raw.programme;
    let mut rows: Vec<Vec<String>> = vec![vec!["schema_version".into(), raw.schema_version.clone()]];
    for column in PROGRAMME {
        let name = column.name;
        match cell(column, meta) {
            Cell::Plain(value) if !value.is_empty() || name == "id" => rows.push(vec![name.to_owned(), value]),
            Cell::Plain(_) | Cell::Text(None) => {}
            Cell::Text(Some(RawText::Plain(value))) => rows.push(vec![name.to_owned(), value.clone()]),
            Cell::Text(Some(RawText::Localised(map))) => {
                rows.extend(map.iter().map(|(lang, value)| vec![format!("{name}@{lang}"), value.clone()]))
            }
        }
    }
    write_csv(&["field".to_owned(), "value".to_owned()], &rows)
}
