//! Text in, `(Programme, Vec<Problem>)` out, or a `LoadError` when nothing can be shown.
//! The one entry point shared by the app and the `programme-check` command.

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::error::{LoadError, Problem, SUPPORTED_MAJOR};
use super::model::Programme;
use super::raw::RawProgramme;
use super::validate::validate;

/// Only the version, read before the rest so that a file of an unknown major version gets
/// that message rather than a confusing shape error.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
    #[serde(flatten)]
    _rest: IgnoredAny,
}

/// Parses and validates a programme file's text.
pub fn parse_programme(text: &str) -> Result<(Programme, Vec<Problem>), LoadError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(LoadError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(LoadError::Html);
    }
    let probe: VersionProbe = serde_json::from_str(trimmed).map_err(|err| {
        if err.is_syntax() || err.is_eof() {
            LoadError::Syntax { message: syntax_message(&err), line: err.line(), column: err.column() }
        } else {
            LoadError::Structure {
                path: String::new(),
                message: "the file must be a JSON object".into(),
                line: err.line(),
                column: err.column(),
            }
        }
    })?;
    check_version(probe.schema_version)?;

    let mut deserializer = serde_json::Deserializer::from_str(trimmed);
    let raw: RawProgramme = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        LoadError::Structure { path, message: syntax_message(&inner), line: inner.line(), column: inner.column() }
    })?;
    Ok(validate(raw))
}

/// serde_json appends " at line L column C"; we report those separately.
fn syntax_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

fn check_version(version: Option<serde_json::Value>) -> Result<(), LoadError> {
    let found = match version {
        None | Some(serde_json::Value::Null) => return Err(LoadError::MissingVersion),
        Some(serde_json::Value::String(text)) => text,
        Some(other) => other.to_string(),
    };
    let major = found.split('.').next().and_then(|major| major.trim().parse::<u32>().ok());
    match major {
        Some(SUPPORTED_MAJOR) => Ok(()),
        _ => Err(LoadError::UnsupportedVersion { found }),
    }
}
