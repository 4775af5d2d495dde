//! `programme-check FILE...`: the organisers' validator. Prints every problem with its JSON
//! path and exits 1 if there is any (2 if a file cannot be read or loaded at all). It runs the
//! app's own parser and validator: there is no second implementation to drift.
//!
//! Safe on any file: a file over the size limit is refused before it is read, text from the
//! file cannot put escape sequences on the terminal, and a closed pipe (`| head`) ends it
//! quietly.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use programme_browser::domain::programme::{parse_programme, skipped_event_count, terminal_safe, Problem, Programme};
use programme_browser::organiser_files::read_text;

/// Checks programme files against the format in docs/programme-format.md.
#[derive(Parser)]
#[command(
    name = "programme-check",
    version,
    after_help = "Exit status: 0 no problems, 1 problems found, 2 a file could not be read or loaded \
                  (also a file over the size limit of 64 MB)."
)]
struct Args {
    /// Programme files (JSON).
    #[arg(required = true, value_name = "FILE.json")]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let paths: Vec<String> = Args::parse().files.iter().map(|path| path.display().to_string()).collect();
    let mut out = io::stdout().lock();
    let mut worst = 0u8;
    for path in &paths {
        let (status, written) = check(path, &mut out);
        worst = worst.max(status);
        match written {
            Ok(()) => {}
            // The reader of our output has gone (`programme-check big.json | head`): the exit
            // status still tells what was found.
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => return ExitCode::from(worst),
            Err(err) => {
                eprintln!("programme-check: cannot write the report: {err}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::from(worst)
}

/// One file's exit status, and whether its report could be written.
fn check(path: &str, out: &mut impl Write) -> (u8, io::Result<()>) {
    let mut say = |line: String| writeln!(out, "{}", terminal_safe(&line));
    // A reading error names the file itself.
    let parsed = match read_text(Path::new(path)) {
        Ok(text) => parse_programme(&text).map_err(|err| format!("{path}: {err}")),
        Err(err) => Err(err.to_string()),
    };
    match parsed {
        Err(message) => (2, say(message)),
        Ok((programme, problems)) => (u8::from(!problems.is_empty()), report(path, &programme, &problems, &mut say)),
    }
}

fn report(path: &str, programme: &Programme, problems: &[Problem], say: &mut impl FnMut(String) -> io::Result<()>) -> io::Result<()> {
    for problem in problems {
        say(format!("{path}: {problem}"))?;
    }
    say(format!("{path}: {} problem(s); {} ({} event(s) skipped)", problems.len(), programme.counts(), skipped_event_count(problems)))
}
