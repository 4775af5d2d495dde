//! The spreadsheet layout (docs/spreadsheet.md): one sheet per list, each saved as a CSV file
//! named after it (`events.csv`, `themes.csv`, ...; "UNITAR 2013 - events.csv" works too).
//! Texts in several languages take one column per language (`title@fr`); lists of ids are
//! separated by `;`. `write_sheets` writes a programme in this layout (the template is the
//! bundled programme written so), and `import_sheets` reads it back: the two are inverse,
//! both made from each sheet's one description of its columns (`columns`).

mod columns;
mod read;
mod write;

pub use read::import_sheets;
pub use write::write_sheets;

use super::table::Table;

/// The sheets, in the order a workbook shows them.
pub const SHEET_NAMES: [&str; 10] =
    ["programme", "themes", "partners", "series", "debates", "people", "venues", "rooms", "events", "documents"];

/// One sheet as a CSV file: its file name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub file: String,
    pub text: String,
}

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
