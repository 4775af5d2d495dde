//! The workbook reader: calamine's cells turned into the layout's text, at their places.

use std::io::Cursor;

use calamine::{Data, SheetVisible};
use chrono::{NaiveDateTime, Timelike};

use super::super::sheets::{Sheet, SHEET_NAMES};
use super::super::table::{letters, write_csv};
use super::super::ImportProblem;
use super::book::{Book, SheetError};
use super::{LocalTimesRead, OffsetAt, WorkbookRead, MAX_INFLATED_BYTES};

/// See [`super::read_workbook`], which has checked the file's size.
pub(super) fn read_workbook(file: &str, bytes: &[u8], offset_at: OffsetAt) -> Result<WorkbookRead, ImportProblem> {
    let refuse = |message: String| ImportProblem::cell(file, None, None, message);
    if bytes.starts_with(b"PK") {
        check_inflated_size(bytes, MAX_INFLATED_BYTES).map_err(refuse)?;
    }
    let mut workbook = Book::open(bytes).map_err(|(sheet, message)| match sheet {
        Some(sheet) => ImportProblem::cell(&format!("{file} › {sheet}"), None, None, message),
        None => refuse(message),
    })?;
    let mut problems = Vec::new();
    let mut ranges = Vec::new();
    for (name, visible) in workbook.sheets() {
        let place = format!("{file} › {name}");
        // The template's first sheet, and any notes an organiser keeps beside the lists.
        if matches!(name.trim().to_ascii_lowercase().as_str(), "read me" | "readme" | "notes") {
            continue;
        }
        if visible != SheetVisible::Visible {
            if names_a_sheet(&name) {
                problems.push(ImportProblem::cell(&place, None, None, "is a hidden sheet: left out (show it to have it read)"));
            }
            continue;
        }
        match workbook.range(&name) {
            Ok(range) => ranges.push((place, name, range)),
            // A sheet too big for any programme stops the reading: what else it holds is moot.
            Err(SheetError::TooBig(message)) => return Err(ImportProblem::cell(&place, None, None, message)),
            Err(SheetError::Unreadable(message)) => problems.push(ImportProblem::cell(&place, None, None, message)),
        }
    }
    let names: Vec<&str> = ranges.iter().map(|(_, name, _)| name.as_str()).collect();
    for (name, row, column) in workbook.merged(&names) {
        let Some((place, _, _)) = ranges.iter().find(|(_, read, _)| *read == name) else { continue };
        let cell = format!("{}{}", letters(column as usize), row + 1);
        problems.push(ImportProblem::cell(
            place,
            Some(row as usize + 1),
            None,
            format!("cells merged from {cell}: only {cell} has the value; unmerge them and fill each cell"),
        ));
    }
    let zone = programme_zone(&ranges);
    let mut sheets = Vec::with_capacity(ranges.len());
    let mut local_times: Option<LocalTimesRead> = None;
    for (place, _, range) in &ranges {
        let Some((first_row, first_column)) = range.start() else { continue };
        let width = first_column as usize + range.width();
        // Rows from the first, so that row numbers are the spreadsheet's (the reader skips
        // empty rows and still counts them); a padded row has two cells, as an empty line
        // would not count at all.
        let mut rows: Vec<Vec<String>> = vec![vec![String::new(); width.max(2)]; first_row as usize];
        for (r, cells) in range.rows().enumerate() {
            let mut row = vec![String::new(); first_column as usize];
            for (c, cell) in cells.iter().enumerate() {
                let (at_row, at_column) = (first_row as usize + r + 1, first_column as usize + c);
                let text = match cell_text(cell, zone.as_deref(), offset_at) {
                    Ok(text) => text,
                    Err(message) => {
                        problems.push(ImportProblem::cell(place, Some(at_row), Some(letters(at_column)), message));
                        String::new()
                    }
                };
                // Only a cell the spreadsheet typed as a date and time can have been placed in the zone.
                let typed_time = matches!(cell, Data::DateTime(_) | Data::DateTimeIso(_));
                let placed = typed_time.then(|| chrono::DateTime::parse_from_rfc3339(&text).ok()).flatten();
                if let (Some(zone), Some(at)) = (&zone, placed) {
                    let read = local_times.get_or_insert_with(|| LocalTimesRead {
                        zone: zone.clone(),
                        cells: 0,
                        first: format!("{place}, row {at_row}, column {}: {} → {text}", letters(at_column), at.format("%Y-%m-%d %H:%M")),
                    });
                    read.cells += 1;
                }
                row.push(text);
            }
            if row.len() < 2 {
                row.resize(2, String::new());
            }
            rows.push(row);
        }
        let mut rows = rows.into_iter();
        let headers = rows.next().unwrap_or_default();
        sheets.push(Sheet { file: place.clone(), text: write_csv(&headers, &rows.collect::<Vec<_>>()) });
    }
    Ok(WorkbookRead { sheets, problems, local_times })
}

/// Whether a sheet's name is one of the layout's (as a CSV file's would be).
fn names_a_sheet(name: &str) -> bool {
    let name = name.trim().to_ascii_lowercase();
    SHEET_NAMES.iter().any(|sheet| name == *sheet || name.ends_with(&format!(" {sheet}")))
}

/// The programme sheet's `time_zone` (its `field` / `value` rows), if it gives one.
fn programme_zone(ranges: &[(String, String, calamine::Range<Data>)]) -> Option<String> {
    for (_, _, range) in ranges {
        let mut rows = range.rows();
        let Some(headers) = rows.next() else { continue };
        let find = |name: &str| headers.iter().position(|cell| cell.to_string().trim().eq_ignore_ascii_case(name));
        let (Some(field), Some(value)) = (find("field"), find("value")) else { continue };
        for row in rows {
            if row.get(field).is_some_and(|cell| cell.to_string().trim().eq_ignore_ascii_case("time_zone")) {
                return row.get(value).map(|cell| cell.to_string().trim().to_owned()).filter(|zone| !zone.is_empty());
            }
        }
    }
    None
}

/// A cell as the layout's text, or what is wrong with it.
fn cell_text(cell: &Data, zone: Option<&str>, offset_at: OffsetAt) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        // Whole numbers (an id typed as a number, a year) without ".0"; others as written.
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{}", *number as i64),
        Data::Float(number) => number.to_string(),
        Data::Bool(value) => value.to_string(),
        // OpenDocument's dates: `2026-03-09`, or a local `2026-03-11T14:00:00`.
        Data::DateTimeIso(text) => match NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
            Ok(local) => local_time_text(local, zone, offset_at)?,
            Err(_) => text.clone(),
        },
        Data::DurationIso(text) => text.clone(),
        Data::DateTime(value) if value.is_duration() => return Err("is a duration, not a date: type the date or time".into()),
        Data::DateTime(value) => local_time_text(value.as_datetime().ok_or("is a date the spreadsheet cannot give")?, zone, offset_at)?,
        Data::Error(error) => return Err(format!("holds the error {error}: its formula could not be calculated")),
    })
}

/// A spreadsheet's date (midnight) as the day; a date and time as the venue's local time with
/// its offset there.
fn local_time_text(local: NaiveDateTime, zone: Option<&str>, offset_at: OffsetAt) -> Result<String, String> {
    if local.time().num_seconds_from_midnight() == 0 {
        return Ok(local.date().to_string());
    }
    let zone =
        zone.ok_or("is a date and time: give the venue's `time_zone` in the programme sheet, or type the time with its UTC offset")?;
    let offset = offset_at(zone, local).ok_or_else(|| format!("is a date and time, and `{zone}` is not a time zone this reader knows"))?;
    local.and_local_timezone(offset).single().map(|at| at.to_rfc3339()).ok_or_else(|| "is a date and time that does not exist".to_owned())
}

/// Refuses a zip whose entries would inflate beyond `limit` bytes (by the sizes the archive
/// declares, read before any entry is inflated; the inflater stops at the declared size).
fn check_inflated_size(bytes: &[u8], limit: u64) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|err| format!("cannot be read as a workbook: {err}"))?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|err| format!("cannot be read as a workbook: {err}"))?;
        total = total.saturating_add(entry.size());
    }
    if total > limit {
        return Err(format!("would inflate to {total} bytes: a workbook may hold {limit} at most"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn a_zip_that_would_inflate_beyond_the_limit_is_refused_before_it_is_inflated() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(&vec![b'0'; 4 << 20]).unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 64 << 10, "4 MiB of zeros deflate to a few KB: {}", bytes.len());
        let refused = check_inflated_size(&bytes, 1 << 20).unwrap_err();
        assert_eq!(refused, format!("would inflate to {} bytes: a workbook may hold {} at most", 4 << 20, 1 << 20));
        assert!(check_inflated_size(&bytes, 8 << 20).is_ok());
    }

    #[test]
    fn whole_numbers_lose_their_decimal_point_and_others_keep_theirs() {
        let none: OffsetAt = &|_, _| None;
        assert_eq!(cell_text(&Data::Float(12.0), None, none).unwrap(), "12");
        assert_eq!(cell_text(&Data::Float(2.5), None, none).unwrap(), "2.5");
        assert_eq!(cell_text(&Data::Bool(true), None, none).unwrap(), "true");
        assert!(cell_text(&Data::Error(calamine::CellErrorType::Ref), None, none).unwrap_err().contains("#REF!"));
    }
}
