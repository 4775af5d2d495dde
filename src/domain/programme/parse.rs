//! Text in, `(Programme, Vec<Problem>)` out, or a `LoadError` when nothing can be shown.
//! The one entry point shared by the app and the `programme-check` command.

use serde_json::Value;

use super::error::{LoadError, Problem, MAX_PROGRAMME_BYTES, SUPPORTED_MAJOR};
use super::extract::{extract, Extracted};
use super::fast::read_fast;
use super::locate::lines_of;
use super::model::Programme;
use super::validate::validate;

/// Parses and validates a programme file's text.
pub fn parse_programme(text: &str) -> Result<(Programme, Vec<Problem>), LoadError> {
    if text.len() as u64 > MAX_PROGRAMME_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() as u64, complete: true });
    }
    // A byte order mark (Windows editors add one) is not an error; editors do not show it, so
    // lines and columns are counted without it. Whitespace is left to the JSON reader, so
    // that the line and column it reports are the ones the organiser's editor shows.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if body.trim_start().starts_with('<') {
        return Err(LoadError::Html);
    }
    // Most files are well formed: read them typed, straight from the text. Any surprise sends
    // the file to the slow path below, which explains it.
    if let Some((version, extracted)) = read_fast(body) {
        check_version(Some(&Value::String(version)))?;
        return Ok(finish(body, extracted));
    }
    let root: Value = serde_json::from_str(body).map_err(|err| syntax_error(&err))?;
    // The version is checked before the shape, so that a file of an unknown major version
    // gets that message rather than a confusing one about its fields.
    check_version(root.get("schema_version"))?;
    let extracted = extract(&root).map_err(|problem| {
        let line = lines_of(body, &[problem.path.as_str()])[0];
        LoadError::Structure { path: problem.path, line, message: problem.message }
    })?;
    Ok(finish(body, extracted))
}

/// Validates what was read and gives each problem its line.
fn finish(body: &str, extracted: Extracted) -> (Programme, Vec<Problem>) {
    let (programme, mut problems) = validate(extracted);
    // Organisers find a problem by its line as well as its path.
    let paths: Vec<&str> = problems.iter().map(|problem| problem.path.as_str()).collect();
    let lines = if paths.is_empty() { Vec::new() } else { lines_of(body, &paths) };
    for (problem, line) in problems.iter_mut().zip(lines) {
        problem.line = line;
    }
    (programme, problems)
}

/// A JSON syntax error, with its line and column reported apart from the message
/// (serde_json appends " at line L column C").
pub(crate) fn syntax_error(err: &serde_json::Error) -> LoadError {
    let text = err.to_string();
    let message = match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    };
    LoadError::Syntax { message, line: err.line(), column: err.column() }
}

fn check_version(version: Option<&Value>) -> Result<(), LoadError> {
    let found = match version {
        None | Some(Value::Null) => return Err(LoadError::MissingVersion),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    };
    let major = found.split('.').next().and_then(|major| major.trim().parse::<u32>().ok());
    match major {
        Some(SUPPORTED_MAJOR) => Ok(()),
        _ => Err(LoadError::UnsupportedVersion { found }),
    }
}

/// A downloaded or opened file's bytes as text, or where it stops being UTF-8.
pub fn programme_text(bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        LoadError::NotUtf8 { line: 1 + valid.iter().filter(|&&b| b == b'\n').count() }
    })
}
