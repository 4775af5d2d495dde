//! Reading the sheets into a programme, every problem placed by file, row and column.

use super::columns::{Access, Column, DEBATES, DOCUMENTS, EVENTS, PARTNERS, PEOPLE, PROGRAMME, ROOMS, SERIES, THEMES, VENUES};
use super::{sheet_of, Sheet, SHEET_NAMES};
use crate::domain::import::origins::Origins;
use crate::domain::import::table::{text_of, Row, Table};
use crate::domain::import::{ImportProblem, Place, WRITTEN_VERSION};
use crate::domain::programme::raw::*;
use crate::domain::text::RawText;

/// Other names people give the events' columns: read as the layout's own.
const EVENT_ALIASES: [(&str, &str); 10] = [
    ("date", "start"),
    ("start_date", "start"),
    ("end_date", "end"),
    ("theme", "themes"),
    ("partner", "partners"),
    ("venue", "place"),
    ("location", "place"),
    ("url", "link"),
    ("language", "languages"),
    ("description", "summary"),
];

/// Reads the sheets into a programme. A single file whose name names no sheet is the events.
pub fn import_sheets(sheets: &[Sheet]) -> (RawProgramme, Vec<ImportProblem>, Origins) {
    let mut problems = Vec::new();
    let mut origins = Origins::default();
    let mut tables: Vec<(&'static str, Table)> = Vec::new();
    for sheet in sheets {
        let mut table = match Table::read(&sheet.file, &sheet.text) {
            Ok(table) => table,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let Some(kind) = sheet_of(&sheet.file, &table, sheets.len() == 1) else {
            problems.push(ImportProblem::cell(
                &sheet.file,
                None,
                None,
                format!("is not one of the sheets ({}): name the file after its sheet, e.g. events.csv", SHEET_NAMES.join(", ")),
            ));
            continue;
        };
        if tables.iter().any(|(seen, _)| *seen == kind) {
            problems.push(ImportProblem::cell(&sheet.file, None, None, format!("is a second `{kind}` sheet: only the first one is read")));
            continue;
        }
        if kind == "events" {
            table.rename_columns(&EVENT_ALIASES);
        }
        tables.push((kind, table));
    }
    let table = |kind: &str| tables.iter().find(|(seen, _)| *seen == kind).map(|(_, table)| table);

    let (programme, schema_version, language) = match table("programme") {
        Some(table) => read_meta(table, &mut problems, &mut origins),
        None => (missing_meta(), WRITTEN_VERSION.to_owned(), "en".to_owned()),
    };
    let mut reader = Reader { problems, origins, language };
    let themes = reader.list(table("themes"), "themes", THEMES, |_, _| {});
    let partners = reader.list(table("partners"), "partners", PARTNERS, |_, _| {});
    let series = reader.list(table("series"), "series", SERIES, |_, _| {});
    let debates = reader.list(table("debates"), "debates", DEBATES, |_, _| {});
    let people = reader.list(table("people"), "people", PEOPLE, |_, _| {});
    let mut venues = reader.list(table("venues"), "venues", VENUES, |_, _| {});
    // A room's problems found later are placed at its venue's row (the programme nests rooms
    // in venues); a room of no known venue is said here, at its own row.
    let rooms = table("rooms");
    for room in reader.list(rooms, "rooms", ROOMS, |_, (row, room)| room.row = row.number) {
        match venues.iter_mut().find(|venue| venue.id == room.venue) {
            Some(venue) => venue.rooms.push(room.room),
            None => {
                let place = table_place(rooms.expect("rooms were read from it"), room.row, "venue");
                let message = format!("room `{}` is in venue `{}`, which is not in the venues sheet: left out", room.room.id, room.venue);
                reader.problems.push(ImportProblem { place, message });
            }
        }
    }
    let events = match table("events") {
        Some(table) => reader.list(Some(table), "events", EVENTS, |reader, (row, event)| event.links = reader.links(row)),
        None => {
            reader.problems.push(ImportProblem::cell("events.csv", None, None, "is missing: the events sheet is the programme"));
            Vec::new()
        }
    };
    let mut events = events;
    let documents = table("documents");
    for document in reader.list_of(documents, "documents", DOCUMENTS, "event", |_, (row, document)| document.row = row.number) {
        match events.iter_mut().find(|event| event.id == document.event) {
            Some(event) => event.documents.push(document.document),
            None => {
                let place = table_place(documents.expect("documents were read from it"), document.row, "event");
                let message = format!("the document is for event `{}`, which is not in the events sheet: left out", document.event);
                reader.problems.push(ImportProblem { place, message });
            }
        }
    }
    let raw = RawProgramme { schema_version, programme, themes, partners, series, debates, people, venues, events };
    (raw, reader.problems, reader.origins)
}

/// The programme's fields as a file without them has them: what the checks then report.
fn empty_meta(title: &str) -> RawMeta {
    RawMeta {
        id: String::new(),
        title: RawText::Plain(title.into()),
        description: None,
        publisher: None,
        published: None,
        updated: None,
        time_zone: "UTC".into(),
        language: None,
        url: None,
    }
}

fn missing_meta() -> RawMeta {
    RawMeta { id: "programme".into(), ..empty_meta("Programme") }
}

/// The programme sheet: two columns, `field` and `value`, one row per field.
fn read_meta(table: &Table, problems: &mut Vec<ImportProblem>, origins: &mut Origins) -> (RawMeta, String, String) {
    let (Some(_), Some(_)) = (table.column("field"), table.column("value")) else {
        problems.push(table.problem(None, None, "needs two columns, `field` and `value` (see the template)"));
        return (missing_meta(), WRITTEN_VERSION.to_owned(), "en".to_owned());
    };
    let known = |field: &str| {
        field == "schema_version"
            || PROGRAMME.iter().any(|c| field == c.name || (c.is_text() && field.starts_with(&format!("{}@", c.name))))
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    for row in table.each_row() {
        let Some(field) = row.get("field") else { continue };
        let field = field.to_ascii_lowercase();
        if !known(&field) {
            let names: Vec<&str> = std::iter::once("schema_version").chain(PROGRAMME.iter().map(|c| c.name)).collect();
            problems.push(row.problem("field", format!("`{field}` is not a programme field ({}): ignored", names.join(", "))));
            continue;
        }
        origins.add_field(format!("programme.{}", field.split('@').next().unwrap_or_default()), table_place(table, row.number, "value"));
        pairs.push((field, row.get("value").unwrap_or_default()));
    }
    let value = |name: &str| pairs.iter().find(|(field, value)| field == name && !value.is_empty()).map(|(_, value)| value.clone());
    let language = value("language").unwrap_or_else(|| "en".to_owned());
    let mut meta = empty_meta("");
    for column in PROGRAMME {
        match &column.access {
            Access::Plain { set, .. } => {
                if let Some(cell) = value(column.name) {
                    if let Err(message) = set(&mut meta, cell) {
                        problems.push(table.problem(None, Some("value"), message));
                    }
                }
            }
            Access::Text { set, .. } => {
                let tagged = pairs
                    .iter()
                    .filter_map(|(field, value)| Some((field.strip_prefix(column.name)?.strip_prefix('@')?.to_owned(), value.clone())))
                    .filter(|(_, value)| !value.is_empty())
                    .collect();
                if let Some(text) = text_of(value(column.name), tagged, &language) {
                    set(&mut meta, text);
                }
            }
            Access::List { set, .. } => set(&mut meta, value(column.name).into_iter().collect()),
        }
    }
    (meta, value("schema_version").unwrap_or_else(|| WRITTEN_VERSION.to_owned()), language)
}

fn table_place(table: &Table, row: usize, column: &str) -> Place {
    Place::Cell { file: table.file.clone(), row: Some(row), column: Some(table.label_of(column)) }
}

struct Reader {
    problems: Vec<ImportProblem>,
    origins: Origins,
    /// The language of untagged texts when a row also has translations.
    language: String,
}

impl Reader {
    /// Reads every row of a sheet that has an id, by its columns' descriptions, then `more`
    /// (what the columns do not describe); reports unknown columns once.
    fn list<T: Default>(
        &mut self,
        table: Option<&Table>,
        list: &'static str,
        columns: &[Column<T>],
        more: impl FnMut(&mut Self, (&Row, &mut T)),
    ) -> Vec<T> {
        self.list_of(table, list, columns, "id", more)
    }

    /// `list`, for a sheet whose rows are keyed by another column than `id` (a document by its
    /// event).
    fn list_of<T: Default>(
        &mut self,
        table: Option<&Table>,
        list: &'static str,
        columns: &[Column<T>],
        key: &str,
        mut more: impl FnMut(&mut Self, (&Row, &mut T)),
    ) -> Vec<T> {
        let Some(table) = table else { return Vec::new() };
        let is_links = |header: &str| list == "events" && header.starts_with("link");
        for (index, header) in table.headers().iter().enumerate() {
            let base = header.split('@').next().unwrap_or_default();
            let known = columns.iter().any(|c| header == c.name || (c.is_text() && base == c.name && header.contains('@')));
            if !known && !is_links(header) && !header.is_empty() {
                let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
                self.problems.push(ImportProblem::cell(
                    &table.file,
                    Some(1),
                    Some(table.column_label(index)),
                    format!("`{header}` is not a column of this sheet ({}): ignored", names.join(", ")),
                ));
            }
        }
        if table.column(key).is_none() {
            self.problems.push(table.problem(Some(1), None, format!("has no `{key}` column: its rows cannot be read (see the template)")));
            return Vec::new();
        }
        for column in columns {
            self.origins.add_column(list, column.field, table.label_of(column.name));
        }
        if list == "events" {
            self.origins.add_column(list, "links", table.label_of("link"));
            self.origins.add_column(list, "links.label", table.label_of("link_label"));
        }
        let mut items = Vec::new();
        for row in table.each_row() {
            if row.get(key).is_none() {
                self.problems.push(row.problem(key, format!("is empty: the row is skipped (every row needs its {key})")));
                continue;
            }
            self.origins.add_item(list, Place::Cell { file: table.file.clone(), row: Some(row.number), column: None });
            let mut item = self.item(&row, columns);
            more(self, (&row, &mut item));
            items.push(item);
        }
        items
    }

    /// One row as an item: each described column read into its field. A required text left
    /// empty stays empty, for the programme's checks to report.
    fn item<T: Default>(&mut self, row: &Row, columns: &[Column<T>]) -> T {
        let mut item = T::default();
        for column in columns {
            match &column.access {
                Access::Plain { set, .. } => {
                    if let Some(cell) = row.get(column.name) {
                        if let Err(message) = set(&mut item, cell) {
                            self.problems.push(row.problem(column.name, message));
                        }
                    }
                }
                Access::Text { set, .. } => {
                    if let Some(text) = row.text(column.name, &self.language) {
                        set(&mut item, text);
                    }
                }
                Access::List { set, .. } => set(&mut item, row.list(column.name)),
            }
        }
        item
    }

    /// `link`, `link_label` and `link_kind`, then `link_2`, `link_label_2`, `link_kind_2`...
    fn links(&mut self, row: &Row) -> Vec<RawLink> {
        let mut links = Vec::new();
        for n in 1..=50 {
            let suffix = if n == 1 { String::new() } else { format!("_{n}") };
            let (url, label, kind) = (format!("link{suffix}"), format!("link_label{suffix}"), format!("link_kind{suffix}"));
            if row.table.column(&url).is_none() && n > 1 {
                break;
            }
            if let Some(url) = row.get(&url) {
                let kind = row.get(&kind).map(|kind| kind.trim().to_ascii_lowercase());
                links.push(RawLink { url, label: row.text(&label, &self.language), kind });
            }
        }
        links
    }
}
