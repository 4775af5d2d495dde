//! `programme-import`: an organiser's spreadsheet (CSV sheets) or conference schedule (frab /
//! pretalx `schedule.json`) to a checked programme file, with every problem placed by sheet,
//! row and column, or by JSON path. Also writes any programme as spreadsheet sheets (the
//! template is the bundled programme written so). Native only; the same converter runs in the
//! organiser's page in the browser.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use programme_browser::domain::import::{convert, write_sheets, Input};
use programme_browser::domain::programme::raw::RawProgramme;
use programme_browser::domain::programme::terminal_safe;
use programme_browser::organiser_files::{read_input, read_text};

const USAGE: &str = "usage: programme-import [-o PROGRAMME.json] INPUT...
       programme-import --sheets PROGRAMME.json FOLDER

INPUT is a folder of spreadsheet sheets saved as CSV (programme.csv, themes.csv, partners.csv,
series.csv, debates.csv, events.csv: see docs/spreadsheet.md), those files themselves, a
conference schedule.json exported by pretalx or frab, or a programme file. Every problem is
printed with its sheet, row and column (or JSON path); with -o the checked programme file is
written (items with problems left out, as the app would).
--sheets writes a programme file as spreadsheet sheets into FOLDER.
Exit status: 0 no problems, 1 problems found, 2 nothing could be converted.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|arg| arg == "-h" || arg == "--help") {
        eprintln!("{USAGE}");
        return if args.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let outcome = if args[0] == "--sheets" {
        match &args[1..] {
            [programme, folder] => to_sheets(Path::new(programme), Path::new(folder)).map(|()| 0),
            _ => Err(USAGE.to_owned()),
        }
    } else {
        let (out, inputs) = match args.iter().position(|arg| arg == "-o") {
            Some(at) if at + 1 < args.len() => {
                let mut inputs = args.clone();
                let out = inputs.remove(at + 1);
                inputs.remove(at);
                (Some(PathBuf::from(out)), inputs)
            }
            Some(_) => return fail(USAGE),
            None => (None, args.clone()),
        };
        import(&inputs.iter().map(PathBuf::from).collect::<Vec<_>>(), out.as_deref())
    };
    match outcome {
        Ok(status) => ExitCode::from(status),
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("programme-import: {}", terminal_safe(message));
    ExitCode::from(2)
}

fn import(inputs: &[PathBuf], out: Option<&Path>) -> Result<u8, String> {
    let input = read_input(inputs)?;
    let kind = match &input {
        Input::Programme(_) => "programme file",
        Input::Schedule(_) => "schedule",
        Input::Sheets(_) => "spreadsheet",
    };
    let converted = convert(input).map_err(|err| err.to_string())?;
    let mut stdout = io::stdout().lock();
    for problem in &converted.problems {
        // A closed pipe (`| head`) ends the report quietly; the status still says what was found.
        if writeln!(stdout, "{}", terminal_safe(&problem.to_string())).is_err() {
            break;
        }
    }
    let programme = &converted.programme;
    eprintln!(
        "programme-import: {kind}: {} problem(s); {} event(s), {} theme(s), {} partner(s), {} series",
        converted.problems.len(),
        programme.events.len(),
        programme.themes.len(),
        programme.partners.len(),
        programme.series.len()
    );
    if let Some(out) = out {
        std::fs::write(out, &converted.text).map_err(|err| format!("cannot write {}: {err}", out.display()))?;
        eprintln!("programme-import: wrote {}", out.display());
    }
    Ok(u8::from(!converted.problems.is_empty()))
}

fn to_sheets(programme: &Path, folder: &Path) -> Result<(), String> {
    let text = read_text(programme).map_err(|err| format!("{}: {err}", programme.display()))?;
    let raw: RawProgramme = serde_json::from_str(&text)
        .map_err(|err| format!("{}: not a well-formed programme file ({err}); check it with programme-check", programme.display()))?;
    std::fs::create_dir_all(folder).map_err(|err| format!("cannot create {}: {err}", folder.display()))?;
    for sheet in write_sheets(&raw) {
        let path = folder.join(&sheet.file);
        std::fs::write(&path, sheet.text).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        eprintln!("programme-import: wrote {}", path.display());
    }
    Ok(())
}
