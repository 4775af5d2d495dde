//! `programme-import`: an organiser's spreadsheet (a workbook, or CSV sheets) or conference schedule (frab /
//! pretalx `schedule.json`) to a checked programme file, with every problem placed by sheet,
//! row and column, or by JSON path. Also writes any programme as spreadsheet sheets (the
//! template is the bundled programme written so). Native only; the same converter runs in the
//! organiser's page in the browser.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use programme_browser::domain::import::{convert, write_sheets, Input};
use programme_browser::domain::programme::raw::RawProgramme;
use programme_browser::domain::programme::terminal_safe;
use programme_browser::organiser_files::{read_input, read_text};
#[cfg(not(target_arch = "wasm32"))]
use programme_browser::template_workbook::write_workbook;

/// (A command only: the web builds compile every binary, and have no workbook writer.)
#[cfg(target_arch = "wasm32")]
fn write_workbook(_: &RawProgramme) -> Result<Vec<u8>, &'static str> {
    Err("not in a web build")
}

/// Converts an organiser's spreadsheet (CSV sheets) or conference schedule to a checked
/// programme file, or writes a programme file as spreadsheet sheets.
#[derive(Parser)]
#[command(
    name = "programme-import",
    version,
    override_usage = "programme-import [-o PROGRAMME.json] INPUT...\n       programme-import --sheets PROGRAMME.json FOLDER|WORKBOOK.xlsx",
    after_help = "INPUT is a workbook (.xlsx, .ods, .xlsb) with the sheets programme, themes, partners, series, \
                  debates and events (see docs/spreadsheet.md), a folder of those sheets saved as CSV, those files themselves, a \
                  conference schedule.json exported by pretalx or frab, or a programme file. Every problem is \
                  printed with its sheet, row and column (or JSON path).\n\n\
                  Exit status: 0 no problems, 1 problems found, 2 nothing could be converted."
)]
struct Args {
    /// Write the checked programme file here (items with problems left out, as the app would).
    #[arg(short, value_name = "PROGRAMME.json", conflicts_with = "sheets")]
    output: Option<PathBuf>,
    /// Write this programme file as spreadsheet sheets into FOLDER (the one INPUT), or as one
    /// workbook when it is a file ending in .xlsx.
    #[arg(long, value_name = "PROGRAMME.json")]
    sheets: Option<PathBuf>,
    /// Sheets, their folder, a schedule.json or a programme file; with --sheets, the FOLDER.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let outcome = match (&args.sheets, args.inputs.as_slice()) {
        (Some(programme), [folder]) => to_sheets(programme, folder).map(|()| 0),
        (Some(_), _) => Args::command().error(clap::error::ErrorKind::WrongNumberOfValues, "--sheets writes into one FOLDER").exit(),
        (None, inputs) => import(inputs, args.output.as_deref()),
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
    let input = read_input(inputs).map_err(|err| err.to_string())?;
    let kind = match &input {
        Input::Programme(_) => "programme file",
        Input::Schedule(_) => "schedule",
        Input::Sheets(_) => "spreadsheet",
        Input::Workbook(_) => "workbook",
    };
    let converted = convert(input).map_err(|err| err.to_string())?;
    let mut stdout = io::stdout().lock();
    for problem in &converted.problems {
        // A closed pipe (`| head`) ends the report quietly; the status still says what was found.
        if writeln!(stdout, "{}", terminal_safe(&problem.to_string())).is_err() {
            break;
        }
    }
    if let Some(local_times) = &converted.local_times {
        eprintln!("programme-import: {}", terminal_safe(&local_times.to_string()));
    }
    eprintln!("programme-import: {kind}: {} problem(s); {}", converted.problems.len(), converted.programme.counts());
    if let Some(out) = out {
        std::fs::write(out, &converted.text).map_err(|err| format!("cannot write {}: {err}", out.display()))?;
        eprintln!("programme-import: wrote {}", out.display());
    }
    Ok(u8::from(!converted.problems.is_empty()))
}

fn to_sheets(programme: &Path, folder: &Path) -> Result<(), String> {
    let text = read_text(programme).map_err(|err| err.to_string())?;
    let raw: RawProgramme = serde_json::from_str(&text)
        .map_err(|err| format!("{}: not a well-formed programme file ({err}); check it with programme-check", programme.display()))?;
    if folder.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("xlsx")) {
        let bytes = write_workbook(&raw).map_err(|err| format!("cannot write the workbook: {err}"))?;
        std::fs::write(folder, bytes).map_err(|err| format!("cannot write {}: {err}", folder.display()))?;
        eprintln!("programme-import: wrote {}", folder.display());
        return Ok(());
    }
    std::fs::create_dir_all(folder).map_err(|err| format!("cannot create {}: {err}", folder.display()))?;
    for sheet in write_sheets(&raw) {
        let path = folder.join(&sheet.file);
        std::fs::write(&path, sheet.text).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        eprintln!("programme-import: wrote {}", path.display());
    }
    Ok(())
}
