//! The first screen as static HTML, rendered natively from the app's own components
//! (`app::FirstScreen`) with Leptos's `ssr` renderer, plus what goes in `<head>`: title,
//! description, Open Graph, schema.org JSON-LD and the web app manifest link. (The boot script is
//! a file of its own, `public/boot.js`: dist/ has no inline script.)
//!
//! Owns the two marked blocks of `index.html` (`<!--prerender:head-->`, `<!--prerender:body-->`)
//! and nothing else of it, so running it again on a built `dist/` replaces exactly what it
//! wrote before. It never touches storage, the clock beyond today's date, or the network.

use std::sync::Arc;

use leptos::prelude::*;
use sha2::{Digest, Sha256};

use crate::app::FirstScreen;
use crate::components::boot_notices::{BootNotices, CrashNotice};
use crate::components::calendar_tools::{series_feed, PROGRAMME_FEED};
use crate::components::event_list::PAGE_SIZE;
use crate::domain::calendar::{write_calendar, CalendarRequest, Entry};
use crate::domain::filter::{apply, Filter};
use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::linked_data::{events_json_ld, script_safe};
use crate::domain::programme::{parse_programme, LoadError, Programme};
use crate::domain::query::ViewState;
use crate::state::{IgnoredParams, LangSignal, LoadedProgramme, ShortlistState, ViewSignal};

const HEAD_START: &str = "<!--prerender:head-->";
const HEAD_END: &str = "<!--/prerender:head-->";
const BODY_START: &str = "<!--prerender:body-->";
const BODY_END: &str = "<!--/prerender:body-->";
/// Where the first build puts the first screen (an element: comments may be minified away).
const BODY_PLACEHOLDER: &str = r#"<div id="prerender"></div>"#;

/// Everything the prerender writes for one programme.
pub struct Prerendered {
    /// The language of the static page.
    pub lang: Lang,
    /// Hex SHA-256 of the programme file's bytes (what `sha256sum programme.json` prints).
    pub programme_sha256: String,
    pub event_count: usize,
    pub head: String,
    pub body: String,
    /// `manifest.webmanifest`.
    pub manifest: String,
    /// Calendar subscription feeds (file name, text): the programme and each series.
    pub feeds: Vec<(String, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum PrerenderError {
    #[error("the programme cannot be loaded: {0}")]
    Programme(#[from] LoadError),
    #[error("index.html has no `{BODY_PLACEHOLDER}` and no earlier prerender to replace")]
    NoPlaceholder,
    #[error("index.html has no `</head>`")]
    NoHead,
}

/// Renders the default view (no filter, no search, the programme page) of `programme_text`
/// as a first visit sees it (empty shortlist), in the language `choose_lang` picks for it.
pub fn prerender(programme_text: &str, choose_lang: impl FnOnce(&Programme) -> Lang) -> Result<Prerendered, PrerenderError> {
    let (programme, problems) = parse_programme(programme_text)?;
    let lang = choose_lang(&programme);
    let programme_sha256 = hex(&Sha256::digest(programme_text.as_bytes()));
    let first_page: Vec<usize> =
        apply(&programme, &Filter::default(), chrono::Local::now().date_naive()).matching.into_iter().take(PAGE_SIZE).collect();
    let loaded = LoadedProgramme {
        programme: Arc::new(programme),
        problems: Arc::new(problems),
        offline_copy_of: None,
        offline: false,
        other_host: None,
    };
    let programme = loaded.programme.clone();

    let owner = Owner::new();
    let (screen, crash) = owner.with(|| {
        provide_context(ViewSignal(RwSignal::new(ViewState::default())));
        provide_context(IgnoredParams(RwSignal::new(Vec::new())));
        provide_context(LangSignal(Signal::stored(lang)));
        ShortlistState::detached();
        let screen = view! {
            <BootNotices />
            <FirstScreen loaded />
        }
        .to_html();
        (screen, view! { <CrashNotice /> }.to_html())
    });
    let body = format!(
        r#"{BODY_START}<div id="prerender" data-programme-sha256="{programme_sha256}" data-lang="{}">{screen}</div>{crash}{BODY_END}"#,
        lang.tag()
    );
    let head = head(&programme, &first_page, lang);
    let feeds = calendar_feeds(&programme, lang, chrono::Utc::now());
    Ok(Prerendered { lang, programme_sha256, event_count: programme.events.len(), head, body, manifest: manifest(&programme, lang), feeds })
}

/// `index` with the prerender's blocks put in (or replaced), and `<html lang dir>` set.
pub fn write_into(index: &str, prerendered: &Prerendered) -> Result<String, PrerenderError> {
    let with_body = match between(index, BODY_START, BODY_END) {
        Some((before, after)) => format!("{before}{}{after}", prerendered.body),
        None => {
            let at = index.find(BODY_PLACEHOLDER).ok_or(PrerenderError::NoPlaceholder)?;
            format!("{}{}{}", &index[..at], prerendered.body, &index[at + BODY_PLACEHOLDER.len()..])
        }
    };
    let with_head = match between(&with_body, HEAD_START, HEAD_END) {
        Some((before, after)) => format!("{before}{}{after}", prerendered.head),
        None => {
            let at = with_body.find("</head>").ok_or(PrerenderError::NoHead)?;
            format!("{}{}\n  {}", &with_body[..at], prerendered.head, &with_body[at..])
        }
    };
    Ok(set_html_language(&with_head, prerendered.lang))
}

/// The text before `start` and after `end` (markers included in the cut).
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str)> {
    let from = text.find(start)?;
    let to = from + text[from..].find(end)? + end.len();
    Some((&text[..from], &text[to..]))
}

fn set_html_language(index: &str, lang: Lang) -> String {
    let Some(from) = index.find("<html") else { return index.to_owned() };
    let Some(len) = index[from..].find('>') else { return index.to_owned() };
    format!(r#"{}<html lang="{}" dir="{}">{}"#, &index[..from], lang.tag(), lang.dir(), &index[from + len + 1..])
}

fn head(programme: &Programme, first_page: &[usize], lang: Lang) -> String {
    let tag = lang.tag();
    let title = programme.meta.title.get(tag);
    let description = description(programme, lang);
    let site = programme.meta.publisher.as_ref().map(|p| p.get(tag)).unwrap_or_else(|| tr(lang, Msg::AppName));
    let json_ld = script_safe(&events_json_ld(programme, first_page, tag).to_string());
    let (title, description, site) = (escape(title), escape(description), escape(site));
    format!(
        "{HEAD_START}\n    <title>{title}</title>\n    <meta name=\"description\" content=\"{description}\">\n    \
         <meta property=\"og:type\" content=\"website\">\n    <meta property=\"og:title\" content=\"{title}\">\n    \
         <meta property=\"og:description\" content=\"{description}\">\n    <meta property=\"og:site_name\" content=\"{site}\">\n    \
         <meta property=\"og:locale\" content=\"{tag}\">\n    <meta name=\"twitter:card\" content=\"summary\">\n    \
         <link rel=\"manifest\" href=\"manifest.webmanifest\">\n    \
         <script type=\"application/ld+json\">{json_ld}</script>\n    {HEAD_END}"
    )
}

/// The web app manifest: relative `start_url` and `scope`, so that any sub-path works.
fn manifest(programme: &Programme, lang: Lang) -> String {
    let tag = lang.tag();
    let name = programme.meta.title.get(tag);
    // Home screens show about 12 characters: the part of the title before a colon when it is
    // short, else the app's own name.
    let short_name = name
        .split_once(':')
        .map(|(short, _)| short.trim())
        .filter(|short| short.chars().count() <= 30)
        .unwrap_or_else(|| tr(lang, Msg::AppName));
    let description = description(programme, lang);
    let manifest = serde_json::json!({
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": tag,
        "dir": lang.dir(),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0a4d8c",
        "icons": [
            { "src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png" },
            { "src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png" },
            { "src": "icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
            { "src": "favicon.svg", "sizes": "any", "type": "image/svg+xml" }
        ]
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default()
}

/// The subscription feeds published beside `programme.json`: `programme.ics` and one per
/// series (`components::calendar_tools` links to them). Cancelled events stay in, marked
/// cancelled, so that a subscribed calendar removes them; event links are left out (the
/// build does not know the address it will be published at).
pub fn calendar_feeds(programme: &Programme, lang: Lang, now: chrono::DateTime<chrono::Utc>) -> Vec<(String, String)> {
    let feed = |name: &str, events: &mut dyn Iterator<Item = &crate::domain::programme::Event>| {
        let entries: Vec<Entry<'_>> = events.map(|event| Entry { event, note: None }).collect();
        let request = CalendarRequest { name, lang: lang.tag(), now, app_url: None, include_cancelled: true };
        write_calendar(programme, &entries, &request).text
    };
    let title = programme.meta.title.get(lang.tag());
    let mut feeds = vec![(PROGRAMME_FEED.to_owned(), feed(title, &mut programme.events.iter()))];
    for (index, series) in programme.series.iter().enumerate() {
        let name = format!("{title}: {}", series.title.get(lang.tag()));
        let text = feed(&name, &mut programme.events.iter().filter(|event| event.series == Some(index)));
        feeds.push((series_feed(&series.id), text));
    }
    feeds
}

/// The programme's description, or the app's own.
fn description(programme: &Programme, lang: Lang) -> &str {
    programme.meta.description.as_ref().map(|d| d.get(lang.tag())).unwrap_or_else(|| tr(lang, Msg::AppDescription))
}

/// Text safe in HTML text and in double-quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
