//! Organisers' files in, a checked programme file out: spreadsheets (one CSV file per sheet,
//! `sheets.rs`, or a workbook read as it is, `workbook.rs`) and conference schedules (the frab / c3voc `schedule.json` that pretalx and
//! frab export, `schedule.rs`). Shared by the `prerender` command and the organiser's page,
//! so both convert alike.
//!
//! Every problem says where it is in the organiser's own file: the sheet, row and column of a
//! spreadsheet, or the JSON path of a schedule. The converted programme then goes through the
//! app's own parser (`parse_programme`), and its problems are mapped back to those places too.

mod origins;
mod schedule;
mod sheets;
mod table;
mod workbook;

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

pub use schedule::import_schedule;
pub use sheets::{import_sheets, write_sheets, Sheet, SHEET_NAMES};
pub use workbook::{
    is_workbook_name, read_workbook, LocalTimesRead, OffsetAt, WorkbookRead, MAX_INFLATED_BYTES, MAX_SHEET_CELLS, MAX_SHEET_ROWS,
    WORKBOOK_EXTENSIONS,
};

use crate::domain::programme::raw::RawProgramme;
use crate::domain::programme::{parse_programme, LoadError, Problem, Programme};

/// The format version importers write.
pub const WRITTEN_VERSION: &str = "1.3";

/// Where a problem is in the organiser's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A spreadsheet cell, row or sheet: `row` counts like the spreadsheet (the header is
    /// row 1); `column` is the header's name with its letter ("F (themes)").
    Cell { file: String, row: Option<usize>, column: Option<String> },
    /// A JSON path in the file given (a programme file or a schedule), with its line if known.
    Path { path: String, line: Option<usize> },
}

/// One problem found while importing: the item is skipped or the value ignored, and said so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub place: Place,
    pub message: String,
}

impl ImportProblem {
    pub fn cell(file: &str, row: Option<usize>, column: Option<String>, message: impl Into<String>) -> Self {
        Self { place: Place::Cell { file: file.to_owned(), row, column }, message: message.into() }
    }

    pub fn path(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { place: Place::Path { path: path.into(), line: None }, message: message.into() }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Cell { file, row, column } => {
                f.write_str(file)?;
                if let Some(row) = row {
                    write!(f, ", row {row}")?;
                }
                if let Some(column) = column {
                    write!(f, ", column {column}")?;
                }
                Ok(())
            }
            Place::Path { path, line: Some(line) } => write!(f, "{path} (line {line})"),
            Place::Path { path, line: None } => f.write_str(path),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// What an organiser gave: one programme file, a schedule, or spreadsheet sheets.
pub enum Input {
    Programme(String),
    Schedule(String),
    Sheets(Vec<Sheet>),
    /// A workbook's sheets, and what reading its cells reported.
    Workbook(WorkbookRead),
}

/// The result of a conversion: the programme file's text (pretty JSON, ready to publish), the
/// programme as delegates will see it, and every problem, each in the organiser's terms.
pub struct Converted {
    pub text: String,
    /// Shared, so that a preview can show it without a copy.
    pub programme: Arc<Programme>,
    pub problems: Vec<ImportProblem>,
    /// What the delegates' app will report for `text` (ignored optional fields), for a preview.
    pub shown_problems: Vec<Problem>,
    /// How a workbook's date-and-time cells were read, for the report.
    pub local_times: Option<LocalTimesRead>,
}

/// Tells a schedule from a programme file by its top-level keys, without trusting the name.
pub fn classify_json(text: &str) -> Input {
    /// The two keys that tell them apart; everything else is skipped, not built.
    #[derive(serde::Deserialize)]
    struct Keys {
        schedule: Option<serde::de::IgnoredAny>,
        schema_version: Option<serde::de::IgnoredAny>,
    }
    let body = text.trim_start_matches('\u{feff}');
    let looks_like_schedule =
        serde_json::from_str::<Keys>(body).map(|keys| keys.schedule.is_some() && keys.schema_version.is_none()).unwrap_or(false);
    if looks_like_schedule {
        Input::Schedule(text.to_owned())
    } else {
        Input::Programme(text.to_owned())
    }
}

/// Whether a file is a spreadsheet sheet, by its name (`.csv`, `.tsv`, `.txt`).
pub fn is_sheet_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".csv", ".tsv", ".txt"].iter().any(|ext| name.ends_with(ext))
}

/// Why the files given are no input at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("no file given")]
    NoFile,
    #[error("give one programme or schedule file (.json), or the spreadsheet's sheets (.csv files) together")]
    Mixed,
}

/// What an organiser's files are, by name and text: sheets when all are CSV, else one
/// programme file or schedule. The native commands and the organiser's page both ask this.
pub fn input_from_files(files: Vec<(String, String)>) -> Result<Input, InputError> {
    if !files.is_empty() && files.iter().all(|(name, _)| is_sheet_name(name)) {
        return Ok(Input::Sheets(files.into_iter().map(|(file, text)| Sheet { file, text }).collect()));
    }
    match files.as_slice() {
        [(_, text)] => Ok(classify_json(text)),
        [] => Err(InputError::NoFile),
        _ => Err(InputError::Mixed),
    }
}

/// Converts and checks. `Err` only when nothing can be made of the input at all (then the
/// message says why and where).
pub fn convert(input: Input) -> Result<Converted, LoadError> {
    match input {
        Input::Programme(text) => {
            let (programme, shown_problems) = parse_programme(&text)?;
            let problems = shown_problems.iter().cloned().map(|problem| from_problem(problem, None)).collect();
            Ok(Converted { text, programme: Arc::new(programme), problems, shown_problems, local_times: None })
        }
        Input::Schedule(text) => {
            let (raw, problems, origins) = import_schedule(&text)?;
            publishable(raw, problems, &origins)
        }
        Input::Sheets(sheets) => {
            let (raw, problems, origins) = import_sheets(&sheets);
            publishable(raw, problems, &origins)
        }
        Input::Workbook(WorkbookRead { sheets, problems: read, local_times }) => {
            let (raw, problems, origins) = import_sheets(&sheets);
            let converted = publishable(raw, read.into_iter().chain(problems).collect(), &origins)?;
            Ok(Converted { local_times, ..converted })
        }
    }
}

/// Checks an imported programme and leaves out the items the app would skip, so that the
/// published file shows delegates no "could not be shown" notice; the organiser gets every
/// problem, placed in their own file.
fn publishable(mut raw: RawProgramme, mut problems: Vec<ImportProblem>, origins: &origins::Origins) -> Result<Converted, LoadError> {
    let (text, programme, shown_problems) = check(&raw)?;
    problems.extend(shown_problems.iter().cloned().map(|problem| from_problem(problem, Some(origins))));
    let every_item_shown = [
        (raw.themes.len(), programme.themes.len()),
        (raw.partners.len(), programme.partners.len()),
        (raw.series.len(), programme.series.len()),
        (raw.debates.len(), programme.debates.len()),
        (raw.events.len(), programme.events.len()),
    ]
    .iter()
    .all(|(read, shown)| read == shown);
    if every_item_shown {
        // Nothing to leave out: the file just checked is the one to publish.
        return Ok(Converted { text, programme: Arc::new(programme), problems, shown_problems, local_times: None });
    }
    keep_shown(&mut raw, &programme);
    let (text, programme, shown_problems) = check(&raw)?;
    Ok(Converted { text, programme: Arc::new(programme), problems, shown_problems, local_times: None })
}

/// Keeps the items that made it into `programme` (by id; the first of a repeated id).
fn keep_shown(raw: &mut RawProgramme, programme: &Programme) {
    fn keep<T>(items: &mut Vec<T>, id: impl Fn(&T) -> &str, shown: HashSet<&str>) {
        let mut seen = HashSet::new();
        items.retain(|item| shown.contains(id(item)) && seen.insert(id(item).to_owned()));
    }
    keep(&mut raw.themes, |theme| &theme.id, programme.themes.iter().map(|theme| theme.id.as_str()).collect());
    keep(&mut raw.partners, |partner| &partner.id, programme.partners.iter().map(|partner| partner.id.as_str()).collect());
    keep(&mut raw.series, |series| &series.id, programme.series.iter().map(|series| series.id.as_str()).collect());
    keep(&mut raw.debates, |debate| &debate.id, programme.debates.iter().map(|debate| debate.id.as_str()).collect());
    keep(&mut raw.events, |event| &event.id, programme.events.iter().map(|event| event.id.as_str()).collect());
}

/// Writes the programme file and reads it back with the app's own parser.
fn check(raw: &RawProgramme) -> Result<(String, Programme, Vec<Problem>), LoadError> {
    let text = serde_json::to_string_pretty(raw).expect("the raw types always serialise") + "\n";
    let (programme, problems) = parse_programme(&text)?;
    Ok((text, programme, problems))
}

/// A problem of the converted programme, placed in the organiser's sheets when it came from
/// them; else its JSON path (in the programme file, or in the converted file for a schedule).
fn from_problem(problem: Problem, origins: Option<&origins::Origins>) -> ImportProblem {
    let place = origins
        .and_then(|origins| origins.place_of(&problem.path))
        .unwrap_or(Place::Path { path: problem.path.clone(), line: problem.line });
    ImportProblem { place, message: problem.message }
}
