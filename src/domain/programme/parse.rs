//! Text in, `(Programme, Vec<Problem>)` out, or a `LoadError` when nothing can be shown.
//! The one entry point shared by the app and the `programme-check` command.

use serde_json::value::RawValue;
use serde_json::Value;

use super::error::{LoadError, Problem, MAX_PROGRAMME_BYTES, SUPPORTED_MAJOR};
use super::extract::{extract, extract_event};
use super::fast::{read_event, read_frame};
use super::locate::lines_of;
use super::model::Programme;
use super::validate::{validate, Validation};

/// What reading a programme file gives.
pub type Parsed = Result<(Programme, Vec<Problem>), LoadError>;

/// Parses and validates a programme file's text.
pub fn parse_programme(text: &str) -> Parsed {
    let mut reading = Reading::new(text);
    loop {
        if let Step::Finished(parsed) = reading.step(usize::MAX) {
            return parsed;
        }
    }
}

/// Reading a programme file a slice at a time: the frame first, then a number of
/// events per `step`, so that the browser can paint and answer the reader between slices of a
/// big file, also when some of its events have mistakes. Gives exactly what reading the whole
/// file as a JSON value gives (the slow path), which the tests check on mutated files.
pub struct Reading<'a> {
    text: &'a str,
    stage: Stage<'a>,
}

enum Stage<'a> {
    Start,
    Events { body: &'a str, raw: Vec<&'a RawValue>, next: usize, validation: Box<Validation>, lines: LineCursor },
    Finished,
}

/// Where a `Reading` stands after a step.
// Returned by value once per slice and never stored: boxing the result would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Step {
    /// The frame is read; so many events of the file are read and checked.
    Events {
        read: usize,
        total: usize,
    },
    Finished(Parsed),
}

impl<'a> Reading<'a> {
    pub fn new(text: &'a str) -> Self {
        Reading { text, stage: Stage::Start }
    }

    /// Reads the frame (the first step), or up to `events` more events. After `Finished`,
    /// every further step says `Finished(Err(Empty))`.
    pub fn step(&mut self, events: usize) -> Step {
        match std::mem::replace(&mut self.stage, Stage::Finished) {
            Stage::Start => self.start(),
            Stage::Events { body, raw, mut next, mut validation, mut lines } => {
                let end = next.saturating_add(events).min(raw.len());
                while next < end {
                    // An event the fast path gives up on is read again as a JSON value, which
                    // finds its mistakes with their paths, as reading the whole file would.
                    let event = match read_event(raw[next]) {
                        Some(event) => Ok(event),
                        None => match serde_json::from_str::<Value>(raw[next].get()) {
                            Ok(value) => extract_event(&value, next),
                            Err(_) => return Step::Finished(slow(body)),
                        },
                    };
                    let problems_before = validation.problem_count();
                    validation.add_event(event);
                    // Lines for this event's problems, from its own text: a line search over a
                    // big file at the end would be one long task.
                    let problems = validation.problems_from(problems_before);
                    if !problems.is_empty() {
                        lines.locate(body, raw[next].get(), next, problems);
                    }
                    next += 1;
                }
                if next < raw.len() {
                    let total = raw.len();
                    self.stage = Stage::Events { body, raw, next, validation, lines };
                    return Step::Events { read: next, total };
                }
                Step::Finished(Ok(finish(body, validation.finish())))
            }
            Stage::Finished => Step::Finished(Err(LoadError::Empty)),
        }
    }

    fn start(&mut self) -> Step {
        let text = self.text;
        if text.len() as u64 > MAX_PROGRAMME_BYTES {
            return Step::Finished(Err(LoadError::TooLarge { bytes: text.len() as u64, complete: true }));
        }
        // A byte order mark (Windows editors add one) is not an error; editors do not show it, so
        // lines and columns are counted without it. Whitespace is left to the JSON reader, so
        // that the line and column it reports are the ones the organiser's editor shows.
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if body.trim().is_empty() {
            return Step::Finished(Err(LoadError::Empty));
        }
        if body.trim_start().starts_with('<') {
            return Step::Finished(Err(LoadError::Html));
        }
        // Most files are well formed: read them typed, straight from the text. A frame that
        // surprises the fast path sends the whole file to the slow path, which explains it.
        let Some(mut frame) = read_frame(body) else { return Step::Finished(slow(body)) };
        if let Err(error) = check_version(Some(&Value::String(std::mem::take(&mut frame.schema_version)))) {
            return Step::Finished(Err(error));
        }
        let total = frame.events.len();
        let lists = frame.take_lists();
        let validation = Validation::start(frame.programme, lists, total);
        self.stage = Stage::Events { body, raw: frame.events, next: 0, validation: Box::new(validation), lines: LineCursor::default() };
        Step::Events { read: 0, total }
    }
}

/// The slow path: the file as a JSON value, every mistake found with its path.
pub(super) fn slow(body: &str) -> Parsed {
    let root: Value = serde_json::from_str(body).map_err(|err| syntax_error(&err))?;
    // The version is checked before the shape, so that a file of an unknown major version
    // gets that message rather than a confusing one about its fields.
    check_version(root.get("schema_version"))?;
    let extracted = extract(&root).map_err(|problem| {
        let line = lines_of(body, &[problem.path.as_str()])[0];
        LoadError::Structure { path: problem.path, line, message: problem.message }
    })?;
    Ok(finish(body, validate(extracted)))
}

/// Gives each problem without a line its line: organisers find a problem by its line as well
/// as its path.
fn finish(body: &str, (programme, mut problems): (Programme, Vec<Problem>)) -> (Programme, Vec<Problem>) {
    let mut unplaced: Vec<&mut Problem> = problems.iter_mut().filter(|problem| problem.line.is_none()).collect();
    if !unplaced.is_empty() {
        let paths: Vec<&str> = unplaced.iter().map(|problem| problem.path.as_str()).collect();
        let lines = lines_of(body, &paths);
        for (problem, line) in unplaced.iter_mut().zip(lines) {
            problem.line = line;
        }
    }
    (programme, problems)
}

/// Where the events read so far begin, by line: moves forward only, so finding the lines of
/// every event's problems reads the file once in all.
struct LineCursor {
    offset: usize,
    line: usize,
}

impl Default for LineCursor {
    fn default() -> Self {
        LineCursor { offset: 0, line: 1 }
    }
}

impl LineCursor {
    /// Gives `problems`, all of `events[index]` whose text is `event` (a slice of `body`), the
    /// lines they have in `body`.
    fn locate(&mut self, body: &str, event: &str, index: usize, problems: &mut [Problem]) {
        let start = event.as_ptr() as usize - body.as_ptr() as usize;
        self.line += body.as_bytes()[self.offset..start].iter().filter(|&&byte| byte == b'\n').count();
        self.offset = start;
        let prefix = format!("events[{index}]");
        let inner: Vec<&str> = problems
            .iter()
            .map(|problem| {
                let rest = problem.path.strip_prefix(prefix.as_str()).unwrap_or_default();
                rest.strip_prefix('.').unwrap_or(rest)
            })
            .collect();
        let lines = lines_of(event, &inner);
        for (problem, line) in problems.iter_mut().zip(lines) {
            problem.line = line.map(|line| self.line + line - 1);
        }
    }
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Reads `text` `events` at a time, checking the progress it reports on the way.
    fn in_slices(text: &str, events: usize) -> Parsed {
        let mut reading = Reading::new(text);
        let mut last = None;
        loop {
            match reading.step(events) {
                Step::Finished(parsed) => return parsed,
                Step::Events { read, total } => {
                    assert!(read <= total);
                    if let Some(before) = last {
                        assert!(read > before, "every step reads on: {before} then {read}");
                    }
                    last = Some(read);
                }
            }
        }
    }

    fn fixture(name: &str) -> String {
        let root = env!("CARGO_MANIFEST_DIR");
        let path = if name == "programme.json" { format!("{root}/public/{name}") } else { format!("{root}/tests/fixtures/{name}") };
        std::fs::read_to_string(path).expect("fixture")
    }

    #[test]
    fn reading_in_slices_gives_what_reading_at_once_gives() {
        let bundled = fixture("programme.json");
        let mut texts: Vec<String> =
            ["programme.json", "timed.json", "many-bad-events.json", "five-mistakes.json", "broken-syntax.json", "all-events-bad.json"]
                .into_iter()
                .map(fixture)
                .collect();
        // A surprise in the last event sends the whole file to the slow path, after the slices
        // before it were read: its message and line must be the slow path's.
        let last_title = bundled.rfind("\"title\":").expect("a title");
        texts.push(format!("{}\"title\": 7, \"was\":{}", &bundled[..last_title], &bundled[last_title + "\"title\":".len()..]));
        texts.push(String::new());
        texts.push("\u{feff}".to_owned() + &bundled);
        for text in &texts {
            let at_once = parse_programme(text);
            for events in [1, 2, 7] {
                assert_eq!(in_slices(text, events), at_once, "{events} at a time");
            }
        }
    }

    #[test]
    fn the_frame_is_a_step_of_its_own_and_progress_counts_events() {
        let text = fixture("programme.json");
        let mut reading = Reading::new(&text);
        let Step::Events { read: 0, total } = reading.step(usize::MAX) else { panic!("the frame first") };
        assert_eq!(total, 10);
        let Step::Events { read: 4, total: 10 } = reading.step(4) else { panic!("four events") };
        assert!(matches!(reading.step(usize::MAX), Step::Finished(Ok(_))));
    }

    mod mutated {
        use proptest::prelude::*;

        use super::super::slow;
        use crate::domain::programme::mutations::{fixtures, mutate};
        use crate::domain::programme::{Reading, Step};

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]
            /// What the app shows: read in slices, with events the fast path gives up on read
            /// again one by one, it must be what reading the whole file as a value gives.
            #[test]
            fn a_mutated_file_reads_in_slices_as_the_slow_path_reads_it(which in 0usize..6, pick in any::<usize>(), kind in 0u8..8, slice in 1usize..4) {
                let text = mutate(&fixtures()[which], pick, kind);
                let mut reading = Reading::new(&text);
                let parsed = loop {
                    if let Step::Finished(parsed) = reading.step(slice) {
                        break parsed;
                    }
                };
                prop_assert_eq!(parsed, slow(&text), "{}", text);
            }
        }
    }
}
