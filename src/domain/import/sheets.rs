//! The spreadsheet layout (docs/spreadsheet.md): one sheet per list, each saved as a CSV file
//! named after it (`events.csv`, `themes.csv`, ...; "UNITAR 2013 - events.csv" works too).
//! Texts in several languages take one column per language (`title@fr`); lists of ids are
//! separated by `;`. `write_sheets` writes a programme in this layout (the template is the
//! bundled programme written so), and `import_sheets` reads it back: the two are inverse.

use std::collections::BTreeSet;

use super::origins::Origins;
use super::table::{text_of, write_csv, Row, Table};
use super::{ImportProblem, Place, WRITTEN_VERSION};
use crate::domain::programme::raw::*;
use crate::domain::text::RawText;

/// The sheets, in the order a workbook shows them.
pub const SHEET_NAMES: [&str; 6] = ["programme", "themes", "partners", "series", "debates", "events"];

/// One sheet as a CSV file: its file name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub file: String,
    pub text: String,
}

/// Columns of each sheet: (column, programme field it fills, whether it is a text that can
/// have one column per language).
const PROGRAMME_FIELDS: [(&str, bool); 10] = [
    ("schema_version", false),
    ("id", false),
    ("title", true),
    ("description", true),
    ("publisher", true),
    ("published", false),
    ("updated", false),
    ("time_zone", false),
    ("language", false),
    ("url", false),
];
const THEME_COLUMNS: [(&str, &str, bool); 2] = [("id", "id", false), ("label", "label", true)];
const PARTNER_COLUMNS: [(&str, &str, bool); 6] = [
    ("id", "id", false),
    ("name", "name", true),
    ("short_name", "short_name", true),
    ("kind", "kind", false),
    ("relation", "relation", true),
    ("url", "url", false),
];
const SERIES_COLUMNS: [(&str, &str, bool); 9] = [
    ("id", "id", false),
    ("title", "title", true),
    ("short_title", "short_title", true),
    ("description", "description", true),
    ("organisers", "organisers", false),
    ("partners", "partners", false),
    ("audience", "audience", true),
    ("prepares_for", "prepares_for", false),
    ("url", "url", false),
];
const DEBATE_COLUMNS: [(&str, &str, bool); 9] = [
    ("id", "id", false),
    ("title", "title", true),
    ("short_title", "short_title", true),
    ("description", "description", true),
    ("start", "when", false),
    ("end", "when.end", false),
    ("recurrence", "recurrence", true),
    ("venue", "venue", true),
    ("url", "url", false),
];
const EVENT_COLUMNS: [(&str, &str, bool); 18] = [
    ("id", "id", false),
    ("series", "series", false),
    ("title", "title", true),
    ("summary", "summary", true),
    ("start", "when", false),
    ("end", "when.end", false),
    ("themes", "themes", false),
    ("partners", "partners", false),
    ("mode", "mode", false),
    ("place", "location", true),
    ("address", "location.address", true),
    ("city", "location.city", true),
    ("country", "location.country", false),
    ("time_zone", "location.time_zone", false),
    ("audience", "audience", true),
    ("languages", "languages", false),
    ("status", "status", false),
    ("updated", "updated", false),
];

/// Which sheet a file is: the programme sheet by its two columns `field` and `value`; the others
/// by name (`events.csv`, `Programme 2013 - themes.csv`); a single file, or one named
/// "programme" without those two columns, is the events.
fn sheet_of(file: &str, table: &Table, alone: bool) -> Option<&'static str> {
    if table.column("field").is_some() && table.column("value").is_some() {
        return Some("programme");
    }
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file).to_ascii_lowercase();
    let stem = stem.trim_end_matches(".csv").trim_end_matches(".tsv").trim_end_matches(".txt").trim_end();
    let named = SHEET_NAMES.into_iter().find(|name| {
        stem == *name || stem.ends_with(&format!(" {name}")) || stem.ends_with(&format!("-{name}")) || stem.ends_with(&format!("_{name}"))
    });
    match named {
        Some("programme") => Some("events"),
        Some(name) => Some(name),
        None if alone => Some("events"),
        None => None,
    }
}

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
    let themes =
        reader.list(table("themes"), "themes", &THEME_COLUMNS, |r, row| RawTheme { id: r.id(row), label: r.text_or_empty(row, "label") });
    let partners = reader.list(table("partners"), "partners", &PARTNER_COLUMNS, |r, row| RawPartner {
        id: r.id(row),
        name: r.text_or_empty(row, "name"),
        short_name: r.text(row, "short_name"),
        kind: row.get("kind"),
        relation: r.text(row, "relation"),
        url: row.get("url"),
    });
    let series = reader.list(table("series"), "series", &SERIES_COLUMNS, |r, row| RawSeries {
        id: r.id(row),
        title: r.text_or_empty(row, "title"),
        short_title: r.text(row, "short_title"),
        description: r.text(row, "description"),
        organisers: row.list("organisers"),
        partners: row.list("partners"),
        audience: r.text(row, "audience"),
        prepares_for: row.list("prepares_for"),
        url: row.get("url"),
    });
    let debates = reader.list(table("debates"), "debates", &DEBATE_COLUMNS, |r, row| RawDebate {
        id: r.id(row),
        title: r.text_or_empty(row, "title"),
        short_title: r.text(row, "short_title"),
        description: r.text(row, "description"),
        when: row.get("start").map(|start| RawWhen { start, end: row.get("end") }),
        recurrence: r.text(row, "recurrence"),
        venue: r.text(row, "venue"),
        url: row.get("url"),
    });
    let events = match table("events") {
        Some(table) => reader.list(Some(table), "events", &EVENT_COLUMNS, Reader::event),
        None => {
            reader.problems.push(ImportProblem::cell("events.csv", None, None, "is missing: the events sheet is the programme"));
            Vec::new()
        }
    };
    let raw = RawProgramme { schema_version, programme, themes, partners, series, debates, events };
    (raw, reader.problems, reader.origins)
}

fn missing_meta() -> RawMeta {
    RawMeta {
        id: "programme".into(),
        title: RawText::Plain("Programme".into()),
        description: None,
        publisher: None,
        published: None,
        updated: None,
        time_zone: "UTC".into(),
        language: None,
        url: None,
    }
}

/// The programme sheet: two columns, `field` and `value`, one row per field.
fn read_meta(table: &Table, problems: &mut Vec<ImportProblem>, origins: &mut Origins) -> (RawMeta, String, String) {
    let (Some(_), Some(_)) = (table.column("field"), table.column("value")) else {
        problems.push(table.problem(None, None, "needs two columns, `field` and `value` (see the template)"));
        return (missing_meta(), WRITTEN_VERSION.to_owned(), "en".to_owned());
    };
    let mut pairs: Vec<(String, String, usize)> = Vec::new();
    for row in table.each_row() {
        let Some(field) = row.get("field") else { continue };
        let field = field.to_ascii_lowercase();
        let known = PROGRAMME_FIELDS.iter().any(|(name, text)| field == *name || (*text && field.starts_with(&format!("{name}@"))));
        if !known {
            problems.push(row.problem("field", format!("`{field}` is not a programme field ({}): ignored", field_names())));
            continue;
        }
        origins.add_field(format!("programme.{}", field.split('@').next().unwrap_or_default()), table_place(table, row.number, "value"));
        pairs.push((field, row.get("value").unwrap_or_default(), row.number));
    }
    let value = |name: &str| pairs.iter().find(|(field, value, _)| field == name && !value.is_empty()).map(|(_, value, _)| value.clone());
    let language = value("language").unwrap_or_else(|| "en".to_owned());
    let text = |name: &str| {
        let tagged = pairs
            .iter()
            .filter_map(|(field, value, _)| Some((field.strip_prefix(name)?.strip_prefix('@')?.to_owned(), value.clone())))
            .filter(|(_, value)| !value.is_empty())
            .collect();
        text_of(value(name), tagged, &language)
    };
    let meta = RawMeta {
        id: value("id").unwrap_or_default(),
        title: text("title").unwrap_or(RawText::Plain(String::new())),
        description: text("description"),
        publisher: text("publisher"),
        published: value("published"),
        updated: value("updated"),
        time_zone: value("time_zone").unwrap_or_else(|| "UTC".to_owned()),
        language: value("language"),
        url: value("url"),
    };
    (meta, value("schema_version").unwrap_or_else(|| WRITTEN_VERSION.to_owned()), language)
}

fn field_names() -> String {
    PROGRAMME_FIELDS.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
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
    /// Reads every row of a sheet that has an id; reports unknown columns once.
    fn list<T>(
        &mut self,
        table: Option<&Table>,
        list: &'static str,
        columns: &[(&'static str, &'static str, bool)],
        mut read: impl FnMut(&mut Self, &Row) -> T,
    ) -> Vec<T> {
        let Some(table) = table else { return Vec::new() };
        let is_links = |header: &str| list == "events" && (header.starts_with("link") || header.starts_with("link_label"));
        for (index, header) in table.headers().iter().enumerate() {
            let base = header.split('@').next().unwrap_or_default();
            let known = columns.iter().any(|(name, _, text)| header == name || (*text && base == *name && header.contains('@')));
            if !known && !is_links(header) && !header.is_empty() {
                let names: Vec<&str> = columns.iter().map(|(name, _, _)| *name).collect();
                self.problems.push(ImportProblem::cell(
                    &table.file,
                    Some(1),
                    Some(table.column_label(index)),
                    format!("`{header}` is not a column of this sheet ({}): ignored", names.join(", ")),
                ));
            }
        }
        if table.column("id").is_none() {
            self.problems.push(table.problem(Some(1), None, "has no `id` column: its rows cannot be read (see the template)"));
            return Vec::new();
        }
        for (column, field, _) in columns {
            self.origins.add_column(list, field, table.label_of(column));
        }
        if list == "events" {
            self.origins.add_column(list, "links", table.label_of("link"));
            self.origins.add_column(list, "links.label", table.label_of("link_label"));
        }
        let mut items = Vec::new();
        for row in table.each_row() {
            if row.get("id").is_none() {
                self.problems.push(row.problem("id", "is empty: the row is skipped (every row needs an id)"));
                continue;
            }
            self.origins.add_item(list, Place::Cell { file: table.file.clone(), row: Some(row.number), column: None });
            items.push(read(self, &row));
        }
        items
    }

    fn id(&mut self, row: &Row) -> String {
        row.get("id").unwrap_or_default()
    }

    fn text(&mut self, row: &Row, name: &str) -> Option<RawText> {
        row.text(name, &self.language)
    }

    /// A required text: an empty one is left for the programme's checks to report.
    fn text_or_empty(&mut self, row: &Row, name: &str) -> RawText {
        self.text(row, name).unwrap_or(RawText::Plain(String::new()))
    }

    fn event(&mut self, row: &Row) -> RawEvent {
        let place = self.text(row, "place");
        let (address, city) = (self.text(row, "address"), self.text(row, "city"));
        let (country, time_zone) = (row.get("country"), row.get("time_zone"));
        let location = if place.is_some() || address.is_some() || city.is_some() || country.is_some() || time_zone.is_some() {
            Some(RawLocation { name: place.unwrap_or(RawText::Plain(String::new())), address, city, country, time_zone })
        } else {
            None
        };
        RawEvent {
            id: self.id(row),
            series: row.get("series"),
            title: self.text_or_empty(row, "title"),
            summary: self.text(row, "summary"),
            themes: row.list("themes"),
            partners: row.list("partners"),
            when: RawWhen { start: row.get("start").unwrap_or_default(), end: row.get("end") },
            location,
            mode: self.spelling(row, "mode", &Mode::ALL.map(|mode| (mode.code(), mode))),
            audience: self.text(row, "audience"),
            languages: row.list("languages"),
            status: self.spelling(row, "status", &STATUSES).unwrap_or_default(),
            links: self.links(row),
            updated: row.get("updated"),
        }
    }

    /// `in_person`, and also "In person" or "in-person": what people type in a cell.
    fn spelling<T: Copy>(&mut self, row: &Row, column: &str, choices: &[(&str, T)]) -> Option<T> {
        let cell = row.get(column)?;
        let code = cell.to_ascii_lowercase().replace([' ', '-'], "_");
        let found = choices.iter().find(|(name, _)| *name == code).map(|(_, value)| *value);
        if found.is_none() {
            let names: Vec<String> = choices.iter().map(|(name, _)| format!("\"{name}\"")).collect();
            self.problems.push(row.problem(column, format!("`{cell}` is not one of {}: ignored", names.join(", "))));
        }
        found
    }

    /// `link` and `link_label`, then `link_2` and `link_label_2`, and so on.
    fn links(&mut self, row: &Row) -> Vec<RawLink> {
        let mut links = Vec::new();
        for n in 1.. {
            let (url, label) =
                if n == 1 { ("link".to_owned(), "link_label".to_owned()) } else { (format!("link_{n}"), format!("link_label_{n}")) };
            if row.table.column(&url).is_none() && n > 1 {
                break;
            }
            if let Some(url) = row.get(&url) {
                links.push(RawLink { url, label: self.text(row, &label) });
            }
            if n > 50 {
                break;
            }
        }
        links
    }
}

/// Writes a programme in the spreadsheet layout: the template, and the way back from JSON.
pub fn write_sheets(raw: &RawProgramme) -> Vec<Sheet> {
    let sheet = |name: &str, text: String| Sheet { file: format!("{name}.csv"), text };
    vec![
        sheet("programme", write_meta(raw)),
        sheet(
            "themes",
            write_list(&THEME_COLUMNS, &raw.themes, |theme, column| match column {
                "id" => Cell::Plain(theme.id.clone()),
                _ => Cell::Text(Some(&theme.label)),
            }),
        ),
        sheet(
            "partners",
            write_list(&PARTNER_COLUMNS, &raw.partners, |partner, column| match column {
                "id" => Cell::Plain(partner.id.clone()),
                "name" => Cell::Text(Some(&partner.name)),
                "short_name" => Cell::Text(partner.short_name.as_ref()),
                "kind" => Cell::Plain(partner.kind.clone().unwrap_or_default()),
                "relation" => Cell::Text(partner.relation.as_ref()),
                _ => Cell::Plain(partner.url.clone().unwrap_or_default()),
            }),
        ),
        sheet(
            "series",
            write_list(&SERIES_COLUMNS, &raw.series, |series, column| match column {
                "id" => Cell::Plain(series.id.clone()),
                "title" => Cell::Text(Some(&series.title)),
                "short_title" => Cell::Text(series.short_title.as_ref()),
                "description" => Cell::Text(series.description.as_ref()),
                "organisers" => Cell::Plain(series.organisers.join("; ")),
                "partners" => Cell::Plain(series.partners.join("; ")),
                "audience" => Cell::Text(series.audience.as_ref()),
                "prepares_for" => Cell::Plain(series.prepares_for.join("; ")),
                _ => Cell::Plain(series.url.clone().unwrap_or_default()),
            }),
        ),
        sheet(
            "debates",
            write_list(&DEBATE_COLUMNS, &raw.debates, |debate, column| match column {
                "id" => Cell::Plain(debate.id.clone()),
                "title" => Cell::Text(Some(&debate.title)),
                "short_title" => Cell::Text(debate.short_title.as_ref()),
                "description" => Cell::Text(debate.description.as_ref()),
                "start" => Cell::Plain(debate.when.as_ref().map(|when| when.start.clone()).unwrap_or_default()),
                "end" => Cell::Plain(debate.when.as_ref().and_then(|when| when.end.clone()).unwrap_or_default()),
                "recurrence" => Cell::Text(debate.recurrence.as_ref()),
                "venue" => Cell::Text(debate.venue.as_ref()),
                _ => Cell::Plain(debate.url.clone().unwrap_or_default()),
            }),
        ),
        sheet("events", write_events(&raw.events)),
    ]
}

/// A cell to write: plain, or a text that may take one column per language.
enum Cell<'a> {
    Plain(String),
    Text(Option<&'a RawText>),
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

fn write_list<T>(columns: &[(&str, &str, bool)], items: &[T], cell: impl for<'a> Fn(&'a T, &str) -> Cell<'a>) -> String {
    let columns: Vec<(String, bool)> = columns.iter().map(|(name, _, text)| (name.to_string(), *text)).collect();
    write_table(&columns, items, cell)
}

/// Writes items under `columns`, a text column expanded to one column per language used.
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

fn write_events(events: &[RawEvent]) -> String {
    let most_links = events.iter().map(|event| event.links.len()).max().unwrap_or(0).max(1);
    let mut columns: Vec<(String, bool)> = EVENT_COLUMNS.iter().map(|(name, _, text)| (name.to_string(), *text)).collect();
    for n in 1..=most_links {
        let suffix = if n == 1 { String::new() } else { format!("_{n}") };
        columns.push((format!("link{suffix}"), false));
        columns.push((format!("link_label{suffix}"), true));
    }
    write_table(&columns, events, event_cell)
}

/// Which link a `link_N` or `link_label_N` column holds (`link` is the first), if the event has it.
fn link_at(event: &RawEvent, name: &str) -> Option<usize> {
    let n = name.rsplit('_').next().and_then(|n| n.parse::<usize>().ok()).unwrap_or(1);
    (n <= event.links.len()).then(|| n - 1)
}

fn event_cell<'a>(event: &'a RawEvent, name: &str) -> Cell<'a> {
    let location = event.location.as_ref();
    let plain = |value: Option<&String>| Cell::Plain(value.cloned().unwrap_or_default());
    match name {
        "id" => Cell::Plain(event.id.clone()),
        "series" => plain(event.series.as_ref()),
        "title" => Cell::Text(Some(&event.title)),
        "summary" => Cell::Text(event.summary.as_ref()),
        "start" => Cell::Plain(event.when.start.clone()),
        "end" => plain(event.when.end.as_ref()),
        "themes" => Cell::Plain(event.themes.join("; ")),
        "partners" => Cell::Plain(event.partners.join("; ")),
        "mode" => Cell::Plain(event.mode.map(|mode| mode.code().to_owned()).unwrap_or_default()),
        "place" => Cell::Text(location.map(|location| &location.name)),
        "address" => Cell::Text(location.and_then(|location| location.address.as_ref())),
        "city" => Cell::Text(location.and_then(|location| location.city.as_ref())),
        "country" => plain(location.and_then(|location| location.country.as_ref())),
        "time_zone" => plain(location.and_then(|location| location.time_zone.as_ref())),
        "audience" => Cell::Text(event.audience.as_ref()),
        "languages" => Cell::Plain(event.languages.join("; ")),
        "status" => Cell::Plain(match event.status {
            Status::Scheduled => String::new(),
            status => STATUSES.iter().find(|(_, s)| *s == status).map(|(code, _)| code.to_string()).unwrap_or_default(),
        }),
        "updated" => plain(event.updated.as_ref()),
        name if name.starts_with("link_label") => Cell::Text(link_at(event, name).and_then(|at| event.links[at].label.as_ref())),
        name => Cell::Plain(link_at(event, name).map(|at| event.links[at].url.clone()).unwrap_or_default()),
    }
}

fn write_meta(raw: &RawProgramme) -> String {
    let meta = &raw.programme;
    let mut rows: Vec<Vec<String>> = vec![vec!["schema_version".into(), raw.schema_version.clone()], vec!["id".into(), meta.id.clone()]];
    let mut text = |name: &str, text: Option<&RawText>| match text {
        Some(RawText::Plain(value)) => rows.push(vec![name.to_owned(), value.clone()]),
        Some(RawText::Localised(map)) => rows.extend(map.iter().map(|(lang, value)| vec![format!("{name}@{lang}"), value.clone()])),
        None => {}
    };
    text("title", Some(&meta.title));
    text("description", meta.description.as_ref());
    text("publisher", meta.publisher.as_ref());
    for (name, value) in [
        ("published", &meta.published),
        ("updated", &meta.updated),
        ("time_zone", &Some(meta.time_zone.clone())),
        ("language", &meta.language),
        ("url", &meta.url),
    ] {
        if let Some(value) = value {
            rows.push(vec![name.to_owned(), value.clone()]);
        }
    }
    write_csv(&["field".to_owned(), "value".to_owned()], &rows)
}
