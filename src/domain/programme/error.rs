//! What can go wrong with a programme file, as data the UI and the validator command both show.
//! `LoadError` means nothing could be shown; a `Problem` means one item was skipped or ignored.

use std::fmt;

use crate::domain::i18n::{format_megabytes, Locale};

/// The one major version of the format this build reads.
pub const SUPPORTED_MAJOR: u32 = 1;

/// The largest programme file the app and `programme-check` read: 64 MB (MiB), room for the
/// 100,000 generated events of the benchmarks (50.3 MB) and far above any real programme
/// (README, "Reliability and limits"). A bound on memory and work.
pub const MAX_PROGRAMME_BYTES: u64 = 64 * 1024 * 1024;

/// Why no programme could be shown at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("the programme file at {url} could not be fetched: {message}")]
    Network { url: String, message: String },
    #[error("the server answered {status} for {url}: the programme file is not there")]
    Http { url: String, status: u16 },
    #[error("{}", too_large(*bytes, *complete))]
    TooLarge { bytes: u64, complete: bool },
    #[error("the programme file at {url} did not arrive: no data for {seconds} seconds (the network may be down or very slow)")]
    Stalled { url: String, seconds: u32 },
    #[error("the programme file at {url} is arriving too slowly: {} KB in {seconds} seconds (the network may be very slow)", received / 1024)]
    TooSlow { url: String, received: u64, seconds: u32 },
    #[error("the programme file is not UTF-8 text (line {line}): save it as UTF-8")]
    NotUtf8 { line: usize },
    #[error("the programme file is empty")]
    Empty,
    #[error("the programme file is a web page (HTML), not JSON: check the address of the file")]
    Html,
    #[error("the programme file is not valid JSON: {message} at line {line}, column {column}")]
    Syntax { message: String, line: usize, column: usize },
    #[error("the programme file has no `schema_version`: is this a programme file?")]
    MissingVersion,
    #[error("the programme file uses format version {found}; this app reads version {SUPPORTED_MAJOR}.x: update the app or the file")]
    UnsupportedVersion { found: String },
    #[error("the programme file has the wrong shape at {path}{}: {message}", at_line(*line))]
    Structure { path: String, line: Option<usize>, message: String },
}

/// One item of the file that was skipped or one field that was ignored, with its JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path in the file, e.g. `events[3].themes[1]`.
    pub path: String,
    /// Where the path's value is in the file (1-based), or its nearest ancestor's.
    pub line: Option<usize>,
    pub message: String,
    /// Whether the item it is in was kept, only this value being ignored (an event with a
    /// malformed `updated` is shown): such a problem does not count as a skipped event.
    pub kept: bool,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), line: None, message: message.into(), kept: false }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}: {}", self.path, at_line(self.line), self.message)
    }
}

/// `text` safe to print on a terminal, one message a line: control characters (an escape
/// sequence could recolour or rewrite the screen, a newline could forge a line)
/// and the invisible bidirectional overrides (which could
/// make a message read differently from what it is) are shown as `\u{..}` escapes.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !text.chars().any(unsafe_char) {
        return text.into();
    }
    text.chars().map(|c| if unsafe_char(c) { format!("\\u{{{:x}}}", c as u32) } else { c.to_string() }).collect::<String>().into()
}

fn too_large(bytes: u64, complete: bool) -> String {
    let megabytes = |bytes| format_megabytes(Locale::ENGLISH, bytes);
    let limit = megabytes(MAX_PROGRAMME_BYTES);
    if complete {
        format!("the programme file is {} MB; this app reads files up to {limit} MB", megabytes(bytes))
    } else {
        format!("the programme file is over {limit} MB; this app reads files up to {limit} MB")
    }
}

/// " (line 12)", or nothing when the line is not known.
fn at_line(line: Option<usize>) -> String {
    line.map(|line| format!(" (line {line})")).unwrap_or_default()
}
