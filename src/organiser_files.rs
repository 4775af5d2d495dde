//! An organiser's files read from disk, for the native commands (`programme-check`,
//! `programme-import`, `prerender`): a programme file, a conference schedule, spreadsheet
//! sheets (CSV files, or a folder of them), or a workbook (.xlsx, .ods, ...). The conversion itself is `domain::import`, shared
//! with the browser.

use std::path::{Path, PathBuf};

use crate::domain::import::{input_from_files, is_sheet_name, is_workbook_name, read_workbook, Input, InputError};
use crate::domain::programme::{programme_text, LoadError, MAX_PROGRAMME_BYTES};

/// Why an organiser's files could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file system refused (the message names the file or folder).
    #[error("cannot read {}: {source}", path.display())]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("{} holds no .csv files", folder.display())]
    NoSheets { folder: PathBuf },
    /// The file's size or text: over the limit, not UTF-8 (the message says where).
    #[error("{}: {source}", path.display())]
    Text { path: PathBuf, source: LoadError },
    #[error(transparent)]
    Input(#[from] InputError),
    /// A workbook that cannot be read at all (the message says why).
    #[error("{0}")]
    Workbook(String),
}

/// Reads what was given: files, or a folder of `.csv` files (`domain::import::input_from_files`
/// tells sheets from a programme file or a schedule).
pub fn read_input(paths: &[PathBuf]) -> Result<Input, FileError> {
    let files: Vec<PathBuf> = match paths {
        [folder] if folder.is_dir() => {
            let unreadable = |source| FileError::Unreadable { path: folder.clone(), source };
            let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
                .map_err(unreadable)?
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| is_sheet_name(&file_name(path)))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(FileError::NoSheets { folder: folder.clone() });
            }
            files
        }
        [workbook] if is_workbook_name(&file_name(workbook)) => return read_workbook_file(workbook),
        paths if paths.iter().any(|path| is_workbook_name(&file_name(path))) => return Err(InputError::Mixed.into()),
        paths => paths.to_vec(),
    };
    let texts = files.iter().map(|path| Ok((file_name(path), read_text(path)?))).collect::<Result<Vec<_>, FileError>>()?;
    Ok(input_from_files(texts)?)
}

/// A workbook's sheets, its date-and-time cells given the venue zone's offset.
fn read_workbook_file(path: &Path) -> Result<Input, FileError> {
    let bytes = read_bytes(path)?;
    let read = read_workbook(&file_name(path), &bytes, &offset_at).map_err(|problem| FileError::Workbook(problem.to_string()))?;
    Ok(Input::Workbook(read))
}

/// The UTC offset of a local time in an IANA zone, from the time-zone database.
#[cfg(not(target_arch = "wasm32"))]
pub fn offset_at(zone: &str, local: chrono::NaiveDateTime) -> Option<chrono::FixedOffset> {
    use chrono::{Offset, TimeZone};
    let zone: chrono_tz::Tz = zone.parse().ok()?;
    zone.from_local_datetime(&local).earliest().map(|at| at.offset().fix())
}

/// (The web pages ask the browser's own rules; this file's commands are native.)
#[cfg(target_arch = "wasm32")]
pub fn offset_at(_zone: &str, _local: chrono::NaiveDateTime) -> Option<chrono::FixedOffset> {
    None
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// The file's text; a file over the size limit is refused by its size, before it is read.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    programme_text(read_bytes(path)?).map_err(|source| FileError::Text { path: path.to_owned(), source })
}

/// The file's bytes, refused by its size (over the limit) before it is read.
fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    let unreadable = |source| FileError::Unreadable { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_PROGRAMME_BYTES {
        let source = LoadError::TooLarge { bytes: size, complete: true };
        return Err(FileError::Text { path: path.to_owned(), source });
    }
    std::fs::read(path).map_err(unreadable)
}
