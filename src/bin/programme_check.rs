//! `programme-check FILE...`: the organisers' validator. Prints every problem with its JSON
//! path and exits 1 if there is any (2 if a file cannot be read or loaded at all). It runs the
//! app's own parser and validator: there is no second implementation to drift.

use std::process::ExitCode;

use programme_browser::domain::programme::{parse_programme, skipped_event_count};

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() || paths.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: programme-check FILE.json [FILE.json ...]\n\nChecks programme files against the format in docs/programme-format.md.\nExit status: 0 no problems, 1 problems found, 2 a file could not be read or loaded.");
        return if paths.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let mut worst = 0u8;
    for path in &paths {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                println!("{path}: cannot read the file: {err}");
                worst = 2;
                continue;
            }
        };
        match parse_programme(&text) {
            Err(err) => {
                println!("{path}: {err}");
                worst = 2;
            }
            Ok((programme, problems)) => {
                for problem in &problems {
                    println!("{path}: {problem}");
                }
                let skipped = skipped_event_count(&problems);
                println!(
                    "{path}: {} problem(s); {} event(s) will be shown, {skipped} skipped; {} theme(s), {} partner(s), {} series",
                    problems.len(),
                    programme.events.len(),
                    programme.themes.len(),
                    programme.partners.len(),
                    programme.series.len()
                );
                if !problems.is_empty() {
                    worst = worst.max(1);
                }
            }
        }
    }
    ExitCode::from(worst)
}
