//! `programme-generate EVENTS [SEED] [--mistakes N]`: writes a deterministic synthetic programme
//! to stdout, for tests and benchmarks (`programme-generate 10000 > big.json`). With
//! `--mistakes N`, N events spread over the file have a number for a title, as a slip in an
//! organiser's file would: they are reported and skipped, the rest load.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use programme_browser::domain::synthetic::synthetic_programme;

/// Writes a deterministic synthetic programme to stdout, for tests and benchmarks.
#[derive(Parser)]
#[command(name = "programme-generate", version, after_help = "Example: programme-generate 10000 > big.json")]
struct Args {
    /// How many events.
    events: usize,
    /// The same seed gives the same programme.
    #[arg(default_value_t = 1)]
    seed: u64,
    /// Events spread over the file that have a number for a title (reported and skipped).
    #[arg(long, default_value_t = 0, value_name = "N")]
    mistakes: usize,
}

fn main() -> ExitCode {
    let Args { events, seed, mistakes } = Args::parse();
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
