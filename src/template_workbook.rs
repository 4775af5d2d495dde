//! A programme written as one workbook (.xlsx): a "read me" sheet, then the layout's sheets
//! (docs/spreadsheet.md), each written by `domain::import::write_sheets` (the writer of the
//! CSV sheets, so that the two cannot differ) with its header row bold and frozen. Every cell
//! is text, as typed: a spreadsheet then never turns a date or an id into its own format.
//! Native only (the organiser's page links the file the build keeps in docs/).

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::domain::import::write_sheets;
use crate::domain::programme::raw::RawProgramme;

/// The first sheet's lines.
const READ_ME: [&str; 8] = [
    "A programme for programme-browser: one sheet per list (docs/spreadsheet.md).",
    "Replace the rows with yours; keep the first row of each sheet (the column names).",
    "Only the events sheet is required; the programme sheet's rows are field and value.",
    "Dates at the precision you know: 2013-05 (a month), 2013-05-06 (a day), 2013-05-06T09:30:00+02:00 (a time).",
    "A date or date-and-time typed as the spreadsheet's own date is read too: a date as that day, a date and time as the venue's local time (the programme sheet's time_zone).",
    "Several ids in one cell: separated by ; (themes, partners, series' organisers).",
    "Texts in other languages: one column per language, title@fr, summary@ar.",
    "Check it in the organiser's page (organiser/ beside the app), or: programme-import this-file.xlsx",
];

/// The workbook's bytes.
pub fn write_workbook(raw: &RawProgramme) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let read_me = workbook.add_worksheet();
    read_me.set_name("read me")?;
    read_me.set_column_width(0, 120)?;
    for (row, line) in READ_ME.iter().enumerate() {
        read_me.write_string(row as u32, 0, *line)?;
    }
    for sheet in write_sheets(raw) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.file.trim_end_matches(".csv"))?;
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(sheet.text.as_bytes());
        for (row, record) in reader.records().enumerate() {
            let record = record.expect("the CSV writer's own text reads back");
            for (column, cell) in record.iter().enumerate() {
                if row == 0 {
                    worksheet.write_string_with_format(0, column as u16, cell, &header)?;
                    worksheet.set_column_width(column as u16, 18)?;
                } else if !cell.is_empty() {
                    worksheet.write_string(row as u32, column as u16, cell)?;
                }
            }
        }
        worksheet.set_freeze_panes(1, 0)?;
    }
    workbook.save_to_buffer()
}
