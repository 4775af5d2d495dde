//! `prerender [DIST] [NEW-PROGRAMME...]`: writes the first screen of `DIST/programme.json`,
//! rendered from the app's own components, into `DIST/index.html`, with the head (title,
//! description, Open Graph, JSON-LD), `DIST/manifest.webmanifest` and the calendar feeds
//! (`DIST/programme.ics`, `DIST/programme-series-<id>.ics`).
//!
//! Trunk runs it after every build (the `post_build` hook in Trunk.toml; DIST is then Trunk's
//! staging folder, from `TRUNK_STAGING_DIR`). Organisers run it on a built `dist/` after
//! replacing the programme, or give the new programme after DIST: a programme file, a
//! pretalx/frab `schedule.json`, or spreadsheet sheets (CSV files or their folder). It is
//! converted, checked, then written in as `programme.json`. No wasm toolchain is involved:
//! this is the organisers' one command for publishing a new programme in a built `dist/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use programme_browser::domain::catalog::{install, parse_catalog};
use programme_browser::domain::i18n::Lang;
use programme_browser::domain::import::convert;
use programme_browser::domain::programme::terminal_safe;
use programme_browser::domain::programme::Programme;
use programme_browser::organiser_files::read_input;
use programme_browser::prerender::{prerender, write_into};

const USAGE: &str = "usage: prerender [DIST] [NEW-PROGRAMME...]

Writes the first screen of DIST/programme.json into DIST/index.html (and the web app manifest),
so that the programme is readable before the app starts and without JavaScript. DIST defaults
to Trunk's staging folder ($TRUNK_STAGING_DIR) when run as a Trunk hook, else to dist/.
With NEW-PROGRAMME, that programme is converted and checked, and written to
DIST/programme.json first: a programme file, a pretalx/frab schedule.json, or spreadsheet
sheets (CSV files, or their folder; see docs/spreadsheet.md). Its problems are listed with
their place (sheet, row and column, or JSON path); items with problems are left out.
Exit status: 0 done, 2 nothing was changed (the message says why).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let dist = args
        .first()
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .unwrap_or_else(|| "dist".into());
    let new_programme: Vec<PathBuf> = args.iter().skip(1).map(PathBuf::from).collect();
    match run(&dist, &new_programme) {
        Ok(summary) => {
            eprintln!("prerender: {summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}\n(nothing was changed)");
            ExitCode::from(2)
        }
    }
}

fn run(dist: &Path, new_programme: &[PathBuf]) -> Result<String, String> {
    let index_path = dist.join("index.html");
    let programme_path = dist.join("programme.json");
    let index = read(&index_path)?;
    let named = |paths: &[PathBuf]| paths.iter().map(|path| path.display().to_string()).collect::<Vec<_>>().join(", ");
    let text = if new_programme.is_empty() {
        read(&programme_path)?
    } else {
        let converted = convert(read_input(new_programme)?).map_err(|err| format!("{}: {err}", named(new_programme)))?;
        for problem in &converted.problems {
            eprintln!("prerender: {}", terminal_safe(&problem.to_string()));
        }
        if !converted.problems.is_empty() {
            eprintln!("prerender: {} problem(s): those items are left out of the programme", converted.problems.len());
        }
        converted.text
    };
    let source = if new_programme.is_empty() { programme_path.display().to_string() } else { named(new_programme) };
    let prerendered = prerender(&text, |programme| page_language(dist, programme)).map_err(|err| format!("{source}: {err}"))?;
    let page = write_into(&index, &prerendered).map_err(|err| format!("{}: {err}", index_path.display()))?;
    // Written last and only when everything above worked: a failed run changes nothing.
    if !new_programme.is_empty() {
        write(&programme_path, &text)?;
        eprintln!("prerender: wrote {} from {source}", programme_path.display());
    }
    write(&dist.join("manifest.webmanifest"), &prerendered.manifest)?;
    for (name, text) in &prerendered.feeds {
        write(&dist.join(name), text)?;
    }
    write(&index_path, &page)?;
    Ok(format!(
        "{} events, first screen in {} written into {} ({} KB; programme sha256 {})",
        prerendered.event_count,
        prerendered.lang.tag(),
        index_path.display(),
        page.len() / 1024,
        &prerendered.programme_sha256[..12]
    ))
}

/// The programme's own language when the app has that language file (installed for the
/// render), else English.
fn page_language(dist: &Path, programme: &Programme) -> Lang {
    let declared = programme.meta.language.as_deref().map(Lang::from_tag);
    match declared {
        Some(Lang::En) | None => Lang::En,
        Some(lang) => match std::fs::read_to_string(dist.join("i18n").join(format!("{}.json", lang.tag())))
            .map_err(|e| e.to_string())
            .and_then(|t| parse_catalog(&t))
        {
            Ok(catalog) => {
                install(catalog);
                lang
            }
            Err(err) => {
                eprintln!("prerender: no usable {} language file ({err}): the first screen is in English", lang.tag());
                Lang::En
            }
        },
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}
