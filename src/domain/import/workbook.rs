//! An organiser's workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) read as it is: each visible sheet
//! becomes the CSV text of `sheets`, named `<workbook> › <sheet>` (so that problems say
//! `programme.xlsx › events, row 5, column D (themes): …`), and goes through the same reading
//! as a CSV sheet. Cells keep their place: rows and columns are counted from A1, as the
//! spreadsheet shows them.
//!
//! What a spreadsheet types is turned into the layout's text, never guessed at: a date cell
//! is a day (`2026-03-11`); a date-and-time cell is a local time at the venue, given the UTC
//! offset of the programme sheet's `time_zone` by `offset_at` (the caller's time-zone rules);
//! a whole number is written without a decimal point (`12`, not `12.0`); a formula gives its
//! value as last calculated. Hidden sheets, merged cells, error cells (`#REF!`) and
//! date-and-time cells without a zone are reported, each at its place.
//!
//! A workbook is a zip: it is refused, before anything is inflated, when its entries would
//! inflate beyond the limits (a zip bomb), and a sheet of more rows than any programme has is
//! refused by its size.

use std::fmt;

use chrono::{FixedOffset, NaiveDateTime};

use super::sheets::Sheet;
use super::ImportProblem;
use crate::domain::programme::MAX_PROGRAMME_BYTES;

// The reader (calamine, zip) is the `workbooks` feature: the commands and the organiser's page
// have it; the delegates' build leaves it out, with everything it switches on in shared crates.
#[cfg(feature = "workbooks")]
mod book;
#[cfg(feature = "workbooks")]
mod opendocument;
#[cfg(feature = "workbooks")]
mod reader;

/// The workbook files a reader may give (by name).
pub const WORKBOOK_EXTENSIONS: [&str; 5] = [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"];

/// Rows a sheet may have: more than any programme (whose file is at most 64 MiB).
pub const MAX_SHEET_ROWS: usize = 200_000;

/// Cells a sheet may span, from A1 to its last cell: a generous programme's (200,000 rows of
/// 20 columns), and a grid the organiser's page can hold in memory.
pub const MAX_SHEET_CELLS: usize = 4_000_000;

/// How much a workbook's entries may inflate to, all together: the text of the biggest
/// programme, many times over (a sheet's XML is several times its cells' text).
pub const MAX_INFLATED_BYTES: u64 = 8 * MAX_PROGRAMME_BYTES;

/// The UTC offset at a venue's zone (an IANA name) for a local time there, when known.
pub type OffsetAt<'a> = &'a dyn Fn(&str, NaiveDateTime) -> Option<FixedOffset>;

/// Whether a file is a workbook, by its name.
pub fn is_workbook_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    WORKBOOK_EXTENSIONS.iter().any(|ext| name.ends_with(ext))
}

/// A workbook read: its sheets as CSV sheets, what was reported on the way, and how its
/// date-and-time cells were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookRead {
    pub sheets: Vec<Sheet>,
    pub problems: Vec<ImportProblem>,
    pub local_times: Option<LocalTimesRead>,
}

/// Date-and-time cells read as local times at the venue: stated in the report, so that an
/// organiser sees the zone and offset their times were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTimesRead {
    /// The programme sheet's `time_zone`.
    pub zone: String,
    /// How many cells were read so.
    pub cells: usize,
    /// The first of them: its place, and what it became
    /// (`week.xlsx › events, row 3, column C: 2026-03-11 14:00 → 2026-03-11T14:00:00-04:00`).
    pub first: String,
}

impl fmt::Display for LocalTimesRead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let LocalTimesRead { zone, cells, first } = self;
        write!(f, "{cells} date-and-time cell(s) read as local times in {zone}, each with the UTC offset of its day; the first: {first}")
    }
}

/// The workbook's sheets, what was reported, and how its times were read; `Err` when nothing
/// can be read from it at all (the problem says why).
pub fn read_workbook(file: &str, bytes: &[u8], offset_at: OffsetAt) -> Result<WorkbookRead, ImportProblem> {
    if bytes.len() as u64 > MAX_PROGRAMME_BYTES {
        let message = format!("is {} bytes: a workbook may have {MAX_PROGRAMME_BYTES} at most", bytes.len());
        return Err(ImportProblem::cell(file, None, None, message));
    }
    #[cfg(feature = "workbooks")]
    return reader::read_workbook(file, bytes, offset_at);
    #[cfg(not(feature = "workbooks"))]
    {
        let _ = offset_at;
        Err(ImportProblem::cell(
            file,
            None,
            None,
            "cannot be read by this build (made without the `workbooks` feature): save its sheets as CSV",
        ))
    }
}
