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

use clap::Parser;
use programme_browser::domain::i18n::{parse_catalog, Lang, Locale};
use programme_browser::domain::import::convert;
use programme_browser::domain::programme::terminal_safe;
use programme_browser::domain::programme::Programme;
use programme_browser::organiser_files::read_input;
use programme_browser::prerender::{build_site, Options, PREVIEW_IMAGE};

/// Writes the static pages of DIST/programme.json into DIST: index.html, each language's
/// folder (ar/ zh/ en/ fr/ ru/ es/) with a page per event and per filter option, so that the
/// programme is readable before the app starts and without JavaScript, and every link opens at
/// once; also the web app manifest, the calendar feeds and the hosts' header files.
#[derive(Parser)]
#[command(name = "prerender", version, after_help = "Exit status: 0 done, 2 nothing was changed (the message says why).")]
struct Args {
    /// The address the app is published at (https://example.org/programme/), kept in
    /// index.html for later runs: link previews, canonical links and sitemap.xml then use it.
    #[arg(long, value_name = "URL")]
    address: Option<String>,
    /// The built app; defaults to Trunk's staging folder ($TRUNK_STAGING_DIR) when run as a
    /// Trunk hook, else to dist/.
    dist: Option<PathBuf>,
    /// A new programme, converted, checked and written to DIST/programme.json first: a
    /// programme file, a pretalx/frab schedule.json, or spreadsheet sheets (CSV files, or their
    /// folder; see docs/spreadsheet.md). Items with problems are left out.
    #[arg(value_name = "NEW-PROGRAMME")]
    new_programme: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let dist = args.dist.or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from)).unwrap_or_else(|| "dist".into());
    match run(&dist, &args.new_programme, args.address) {
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

fn run(dist: &Path, new_programme: &[PathBuf], public: Option<String>) -> Result<String, String> {
    let index_path = dist.join("index.html");
    let programme_path = dist.join("programme.json");
    let index = read(&index_path)?;
    let named = |paths: &[PathBuf]| paths.iter().map(|path| path.display().to_string()).collect::<Vec<_>>().join(", ");
    let text = if new_programme.is_empty() {
        read(&programme_path)?
    } else {
        let converted =
            convert(read_input(new_programme).map_err(|err| err.to_string())?).map_err(|err| format!("{}: {err}", named(new_programme)))?;
        for problem in &converted.problems {
            eprintln!("prerender: {}", terminal_safe(&problem.to_string()));
        }
        if !converted.problems.is_empty() {
            eprintln!("prerender: {} problem(s): those items are left out of the programme", converted.problems.len());
        }
        converted.text
    };
    let source = if new_programme.is_empty() { programme_path.display().to_string() } else { named(new_programme) };
    let now = chrono::Utc::now();
    let options = Options {
        public,
        has_preview_image: dist.join(PREVIEW_IMAGE).is_file(),
        // A development server (`trunk serve`) adds a script of its own to the page.
        policy_in_page: std::env::var("TRUNK_PROFILE").map_or(true, |profile| profile != "debug"),
        now,
        today: chrono::Local::now().date_naive(),
        locales: read_languages(dist),
    };
    let site = build_site(
        &index,
        &text,
        &options,
        |name| std::fs::read_to_string(dist.join(name)).ok(),
        |programme| page_language(programme, &options.locales),
    )
    .map_err(|err| format!("{source}: {err}"))?;
    // Written only when everything above worked: a failed run changes nothing.
    if !new_programme.is_empty() {
        write(&programme_path, &text)?;
        eprintln!("prerender: wrote {} from {source}", programme_path.display());
    }
    // The language folders are the prerender's own: pages of events no longer in the
    // programme must not stay behind.
    for lang in Lang::ALL {
        let folder = dist.join(lang.tag());
        if folder.is_dir() {
            std::fs::remove_dir_all(&folder).map_err(|err| format!("cannot remove {}: {err}", folder.display()))?;
        }
    }
    for (name, text) in site.pages.iter().skip(1).chain(&site.files) {
        write(&dist.join(name), text)?;
    }
    let (_, root_page) = &site.pages[0];
    write(&index_path, root_page)?;
    Ok(format!(
        "{} events, {} pages (the root in {}), written into {} (index.html {} KB; programme sha256 {})",
        site.event_count,
        site.pages.len(),
        site.lang.tag(),
        dist.display(),
        root_page.len() / 1024,
        &site.programme_sha256[..12]
    ))
}

/// Every language file of the build, read once, for the pages in those languages.
fn read_languages(dist: &Path) -> Vec<Locale> {
    let mut locales = vec![Locale::ENGLISH];
    for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
        let path = dist.join("i18n").join(format!("{}.json", lang.tag()));
        match std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|t| parse_catalog(&t)) {
            Ok(catalog) => locales.push(Locale::from_catalog(catalog)),
            Err(err) => eprintln!("prerender: no usable {} ({err}): its pages are in English", path.display()),
        }
    }
    locales
}

/// The programme's own language when the app has that language file, else English.
fn page_language(programme: &Programme, locales: &[Locale]) -> Lang {
    let own = programme.meta.language.as_deref().map(Lang::from_tag).unwrap_or_default();
    if locales.iter().any(|locale| locale.lang() == own) {
        own
    } else {
        Lang::En
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|err| format!("cannot create {}: {err}", folder.display()))?;
    }
    std::fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}
