//! The files an organiser chose or dropped, read and converted.

use std::sync::Arc;

use super::strings::{t_with, OrganiserMsg};
use crate::browser::files::PickedFile;
use crate::domain::i18n::Lang;
use crate::domain::import::{convert, input_from_files, is_workbook_name, read_workbook, Converted, Input, InputError};
use crate::domain::programme::{programme_text, MAX_PROGRAMME_BYTES};

/// What the last files gave: a conversion, or why there is none.
#[derive(Clone)]
pub enum Outcome {
    Converted { names: String, converted: Arc<Converted> },
    Failed(Failure),
}

/// Why files gave no programme; said in the page's language when shown.
#[derive(Clone)]
pub enum Failure {
    TooBig {
        file: String,
    },
    /// The reader's or converter's own message (English: it names places in the files).
    Unreadable(String),
}

impl Failure {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Failure::TooBig { file } => {
                t_with(lang, OrganiserMsg::TooBig, &[("file", file), ("mb", &(MAX_PROGRAMME_BYTES / 1024 / 1024).to_string())])
            }
            Failure::Unreadable(error) => error.clone(),
        }
    }
}

/// Reads the files and converts them: one workbook (.xlsx, .ods, ...) or CSV files are the
/// spreadsheet's sheets; one JSON file is a programme or a schedule.
pub async fn check(files: Vec<PickedFile>) -> Outcome {
    let names = files.iter().map(PickedFile::name).collect::<Vec<_>>().join(", ");
    for file in &files {
        if file.size() > MAX_PROGRAMME_BYTES as f64 {
            return Outcome::Failed(Failure::TooBig { file: file.name() });
        }
    }
    let input = match files.as_slice() {
        [workbook] if is_workbook_name(&workbook.name()) => read_workbook_file(workbook).await,
        files if files.iter().any(|file| is_workbook_name(&file.name())) => Err(InputError::Mixed.to_string()),
        files => read_texts(files).await,
    };
    let input = match input {
        Ok(input) => input,
        Err(error) => return Outcome::Failed(Failure::Unreadable(error)),
    };
    match convert(input) {
        Ok(converted) => Outcome::Converted { names, converted: Arc::new(converted) },
        Err(error) => Outcome::Failed(Failure::Unreadable(error.to_string())),
    }
}

/// A workbook's sheets; its date-and-time cells placed by the browser's time-zone rules.
async fn read_workbook_file(file: &PickedFile) -> Result<Input, String> {
    let bytes = file.bytes().await.map_err(|err| format!("{}: {err}", file.name()))?;
    let read = read_workbook(&file.name(), &bytes, &crate::browser::clock::zone_offset_for_local).map_err(|problem| problem.to_string())?;
    Ok(Input::Workbook(read))
}

async fn read_texts(files: &[PickedFile]) -> Result<Input, String> {
    let mut texts = Vec::new();
    for file in files {
        texts.push((file.name(), read(file).await.map_err(|error| format!("{}: {error}", file.name()))?));
    }
    input_from_files(texts).map_err(|error| error.to_string())
}

async fn read(file: &PickedFile) -> Result<String, String> {
    programme_text(file.bytes().await.map_err(|err| err.to_string())?).map_err(|err| err.to_string())
}
