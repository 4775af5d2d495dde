//! Workbooks written in the tests as Excel saves them (`rust_xlsxwriter`), shared by the
//! native tests and the organiser's journey.

use rust_xlsxwriter::{Workbook, Worksheet};

/// The programme sheet of the tests' workbooks: New York's zone, so that date-and-time cells
/// have a venue.
pub const PROGRAMME_ROWS: [&[&str]; 4] =
    [&["field", "value"], &["id", "ws-2026"], &["title", "Workshop week"], &["time_zone", "America/New_York"]];

/// Adds a sheet named `name` holding `rows` of text (the first names the columns), for more
/// cells to be written into.
pub fn add_sheet<'a>(workbook: &'a mut Workbook, name: &str, rows: &[&[&str]]) -> &'a mut Worksheet {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name).unwrap();
    for (row, cells) in rows.iter().enumerate() {
        for (column, cell) in cells.iter().enumerate() {
            sheet.write_string(row as u32, column as u16, *cell).unwrap();
        }
    }
    sheet
}
