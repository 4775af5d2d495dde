//! An organiser's files read from disk, for the native commands (`programme-import`,
//! `prerender`): a programme file, a conference schedule, or spreadsheet sheets (CSV files,
//! or a folder of them). The conversion itself is `domain::import`, shared with the browser.

use std::path::{Path, PathBuf};

use crate::domain::import::{classify_json, Input, Sheet};
use crate::domain::programme::{programme_text, LoadError, MAX_PROGRAMME_BYTES};

/// Reads what was given. One `.json` file is a programme or a schedule (told apart by its
/// content); `.csv` files, or a folder of them, are sheets.
pub fn read_input(paths: &[PathBuf]) -> Result<Input, String> {
    let files: Vec<PathBuf> = match paths {
        [] => return Err("no file given".to_owned()),
        [folder] if folder.is_dir() => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
                .map_err(|err| format!("cannot read the folder {}: {err}", folder.display()))?
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| is_sheet(path))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(format!("{} holds no .csv files", folder.display()));
            }
            files
        }
        paths => paths.to_vec(),
    };
    if files.iter().all(|path| is_sheet(path)) {
        let sheets =
            files.iter().map(|path| Ok(Sheet { file: file_name(path), text: read_text(path)? })).collect::<Result<Vec<_>, String>>()?;
        return Ok(Input::Sheets(sheets));
    }
    match files.as_slice() {
        [file] => Ok(classify_json(&read_text(file)?)),
        _ => Err("give one programme or schedule file (.json), or the spreadsheet's sheets (.csv files, or their folder)".to_owned()),
    }
}

fn is_sheet(path: &Path) -> bool {
    path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| matches!(ext.to_ascii_lowercase().as_str(), "csv" | "tsv" | "txt"))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// The file's text; a file over the size limit is refused before it is read.
pub fn read_text(path: &Path) -> Result<String, String> {
    let cannot = |err: std::io::Error| format!("cannot read {}: {err}", path.display());
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_PROGRAMME_BYTES {
        return Err(format!("{}: {}", path.display(), LoadError::TooLarge { bytes: size, complete: true }));
    }
    programme_text(std::fs::read(path).map_err(cannot)?).map_err(|err| format!("{}: {err}", path.display()))
}
