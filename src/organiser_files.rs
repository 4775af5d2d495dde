//! An organiser's files read from disk, for the native commands (`programme-check`,
//! `programme-import`, `prerender`): a programme file, a conference schedule, or spreadsheet
//! sheets (CSV files, or a folder of them). The conversion itself is `domain::import`, shared
//! with the browser.

use std::path::{Path, PathBuf};

use crate::domain::import::{input_from_files, is_sheet_name, Input};
use crate::domain::programme::{programme_text, LoadError, MAX_PROGRAMME_BYTES};

/// Reads what was given: files, or a folder of `.csv` files (`domain::import::input_from_files`
/// tells sheets from a programme file or a schedule).
pub fn read_input(paths: &[PathBuf]) -> Result<Input, String> {
    let files: Vec<PathBuf> = match paths {
        [folder] if folder.is_dir() => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
                .map_err(|err| format!("cannot read the folder {}: {err}", folder.display()))?
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| is_sheet_name(&file_name(path)))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(format!("{} holds no .csv files", folder.display()));
            }
            files
        }
        paths => paths.to_vec(),
    };
    let texts = files
        .iter()
        .map(|path| Ok((file_name(path), read_text(path).map_err(|err| format!("{}: {err}", path.display()))?)))
        .collect::<Result<Vec<_>, String>>()?;
    input_from_files(texts)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// The file's text; a file over the size limit is refused by its size, before it is read. The
/// message does not name the file: the caller says which.
pub fn read_text(path: &Path) -> Result<String, String> {
    let cannot = |err: std::io::Error| format!("cannot read the file: {err}");
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_PROGRAMME_BYTES {
        return Err(LoadError::TooLarge { bytes: size, complete: true }.to_string());
    }
    programme_text(std::fs::read(path).map_err(cannot)?).map_err(|err| err.to_string())
}
