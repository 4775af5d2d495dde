//! `programme-generate EVENTS [SEED]`: writes a deterministic synthetic programme to stdout,
//! for tests and benchmarks (`programme-generate 10000 > big.json`).

use std::io::Write;
use std::process::ExitCode;

use programme_browser::domain::synthetic::synthetic_programme;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(events) = args.first().and_then(|n| n.parse::<usize>().ok()) else {
        eprintln!("usage: programme-generate EVENTS [SEED] > programme.json");
        return ExitCode::from(2);
    };
    let seed = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let programme = synthetic_programme(events, seed);
    let mut out = std::io::stdout().lock();
    match serde_json::to_writer(&mut out, &programme).and_then(|()| writeln!(out).map_err(serde_json::Error::io)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("programme-generate: {err}");
            ExitCode::from(1)
        }
    }
}
