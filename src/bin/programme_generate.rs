//! `programme-generate EVENTS [SEED] [--mistakes N]`: writes a deterministic synthetic programme
//! to stdout, for tests and benchmarks (`programme-generate 10000 > big.json`). With
//! `--mistakes N`, N events spread over the file have a number for a title, as a slip in an
//! organiser's file would: they are reported and skipped, the rest load.

use std::io::Write;
use std::process::ExitCode;

use programme_browser::domain::synthetic::synthetic_programme;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mistakes = match args.iter().position(|arg| arg == "--mistakes") {
        Some(at) => {
            let n = args.get(at + 1).and_then(|n| n.parse::<usize>().ok());
            args.drain(at..(at + 2).min(args.len()));
            n
        }
        None => Some(0),
    };
    let (Some(events), Some(mistakes)) = (args.first().and_then(|n| n.parse::<usize>().ok()), mistakes) else {
        eprintln!("usage: programme-generate EVENTS [SEED] [--mistakes N] > programme.json");
        return ExitCode::from(2);
    };
    let seed = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let programme = synthetic_programme(events, seed);
    let mut out = std::io::stdout().lock();
    let written = if mistakes == 0 {
        serde_json::to_writer(&mut out, &programme)
    } else {
        // Through a JSON value (keys in alphabetical order): a title can only be a number there.
        serde_json::to_value(&programme).and_then(|mut value| {
            let step = (events / mistakes).max(1);
            if let Some(list) = value.get_mut("events").and_then(serde_json::Value::as_array_mut) {
                for event in list.iter_mut().step_by(step).take(mistakes) {
                    event["title"] = serde_json::json!(7);
                }
            }
            serde_json::to_writer(&mut out, &value)
        })
    };
    match written.and_then(|()| writeln!(out).map_err(serde_json::Error::io)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("programme-generate: {err}");
            ExitCode::from(1)
        }
    }
}
