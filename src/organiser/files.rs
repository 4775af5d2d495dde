//! The files an organiser chose or dropped, read and converted.

use std::sync::Arc;

use super::strings::{t_with, OrganiserMsg};
use crate::browser::files::PickedFile;
use crate::domain::i18n::Lang;
use crate::domain::import::{convert, input_from_files, Converted};
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

/// Reads the files and converts them: CSV files are sheets; one JSON file is a programme
/// or a schedule.
pub async fn check(files: Vec<PickedFile>) -> Outcome {
    let names = files.iter().map(PickedFile::name).collect::<Vec<_>>().join(", ");
    let mut texts = Vec::new();
    for file in &files {
        if file.size() > MAX_PROGRAMME_BYTES as f64 {
            return Outcome::Failed(Failure::TooBig { file: file.name() });
        }
        match read(file).await {
            Ok(text) => texts.push((file.name(), text)),
            Err(error) => return Outcome::Failed(Failure::Unreadable(format!("{}: {error}", file.name()))),
        }
    }
    let input = match input_from_files(texts) {
        Ok(input) => input,
        Err(error) => return Outcome::Failed(Failure::Unreadable(error.to_string())),
    };
    match convert(input) {
        Ok(converted) => Outcome::Converted { names, converted: Arc::new(converted) },
        Err(error) => Outcome::Failed(Failure::Unreadable(error.to_string())),
    }
}

async fn read(file: &PickedFile) -> Result<String, String> {
    programme_text(file.bytes().await.map_err(|err| err.to_string())?).map_err(|err| err.to_string())
}
