//! The static pages of a build, rendered natively from the app's own components
//! (`app::FirstScreen`) with Leptos's `ssr` renderer: the root page, each language's home,
//! and, in as many languages as fit (`domain::address::SitePages`), a page per event and per
//! facet option. Each page carries its head (title, description, canonical and alternate
//! links, Open Graph, JSON-LD), the page's security policy, and the inlined stylesheet and
//! boot script. Beside them: the web app manifest, the calendar feeds, the hosts' header files
//! and, with a publish address, `sitemap.xml` and Netlify's language redirects.
//!
//! Owns the marked blocks of the pages and the language folders (`ar/`, `zh/`, `en/`, `fr/`,
//! `ru/`, `es/`); never touches storage, the network, or the clock beyond the time it is given.

mod compact;
pub mod head;
mod policy;
mod shell;

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use sha2::{Digest, Sha256};

use crate::app::FirstScreen;
use crate::components::boot_notices::{BootNotices, CrashNotice};
use crate::components::event_list::PAGE_SIZE;
use crate::domain::address::{root_from, SitePages};
use crate::domain::calendar::feeds as calendar_feeds;
use crate::domain::filter::{apply, PastEvents};
use crate::domain::i18n::{tr, Lang, Locale, Msg};
use crate::domain::programme::{parse_programme, Event, LoadError, Programme};
use crate::domain::query::ViewState;
use crate::state::{provide_detached, Links, LoadedProgramme};
use head::{Head, PagePlace};
use policy::Policy;
use shell::Shell;

/// The organiser's publish address, a line of `index.html`'s head kept across builds.
pub const PUBLISH_ADDRESS_META: &str = "publish-address";
/// Where an organiser may put a link preview image (1200×630 PNG) of their own, below the root.
pub const PREVIEW_IMAGE: &str = "preview.png";
/// The app's icon, the link preview's image otherwise.
const ICON: &str = "icons/icon-512.png";

/// How to write the site.
pub struct Options {
    /// The root's public address (`https://example.org/programme/`); `None` keeps the one in
    /// `index.html`, if any.
    pub public: Option<String>,
    /// The organiser gave a preview image (`preview.png` in the build).
    pub has_preview_image: bool,
    /// Put the security policy into each page (not for development builds, whose server adds
    /// a script of its own to the page).
    pub policy_in_page: bool,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    /// The languages whose files the build has, with their translations. A page in another
    /// language keeps its `lang` and direction and says the app's words in English.
    pub locales: Vec<Locale>,
}

impl Options {
    pub fn locale(&self, lang: Lang) -> Locale {
        self.locales.iter().copied().find(|locale| locale.lang() == lang).unwrap_or_else(|| Locale::without_translations(lang))
    }
}

/// Everything written for one programme.
pub struct Site {
    /// The root page's language.
    pub lang: Lang,
    /// Hex SHA-256 of the programme file's bytes (what `sha256sum programme.json` prints).
    pub programme_sha256: String,
    pub event_count: usize,
    /// (file below the root, HTML): `index.html` first.
    pub pages: Vec<(String, String)>,
    /// Other files written beside them: (name below the root, text).
    pub files: Vec<(String, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum PrerenderError {
    #[error("the programme cannot be loaded: {0}")]
    Programme(#[from] LoadError),
    #[error("index.html has no `{}` and no earlier prerender to replace", shell::BODY_PLACEHOLDER)]
    NoPlaceholder,
    #[error("index.html has no `<meta charset=\"utf-8\">` or no `</head>`")]
    NoHead,
    #[error("the publish address must start with https:// or http://: {0}")]
    PublishAddress(String),
}

/// Writes the site of `programme_text` from `index` (the root page as Trunk or an earlier
/// run wrote it). `read_file` gives a file of the build by its name below the root (for
/// inlining); `choose_lang` picks the root page's language for the programme.
pub fn build_site(
    index: &str,
    programme_text: &str,
    options: &Options,
    read_file: impl Fn(&str) -> Option<String>,
    choose_lang: impl FnOnce(&Programme) -> Lang,
) -> Result<Site, PrerenderError> {
    let (programme, problems) = parse_programme(programme_text)?;
    let lang = choose_lang(&programme);
    let programme_sha256 = hex(&Sha256::digest(programme_text.as_bytes()));
    let mut shell = Shell::read(index, read_file)?;
    if let Some(public) = &options.public {
        shell.set_meta(PUBLISH_ADDRESS_META, &publish_address(public)?);
    }
    let public = shell.meta(PUBLISH_ADDRESS_META).map(|public| publish_address(&public)).transpose()?;
    let policy = Policy::new(&shell.inline_scripts, &shell.inline_styles, shell.meta("programme-sources").as_deref());
    let loaded = LoadedProgramme::detached(Arc::new(programme), problems);
    let programme = Arc::clone(&loaded.programme);
    let pages = Arc::new(SitePages::plan(&programme, lang));
    let pages_meta = pages.to_meta();
    let image = if options.has_preview_image { PREVIEW_IMAGE } else { ICON };
    let all = pages.all_pages(&programme);

    // Once for the site, not per page (a big programme has thousands of pages).
    let running_until =
        programme.is_current(options.today).then(|| programme.events.iter().map(|event| event.when.last_day()).max()).flatten();
    let mut written = Vec::with_capacity(all.len());
    for (address, page_lang, view) in &all {
        let root = root_from(address);
        let view = ViewState { language: Some(page_lang.tag().to_owned()), ..view.clone() };
        let links = Links { root: root.clone(), public: public.clone(), pages: Some((Arc::clone(&pages), Arc::clone(&programme))) };
        let events = first_events(&programme, &view, options.today);
        let body = render_body(&loaded, links, options.locale(*page_lang), view.clone(), &programme_sha256);
        let place = PagePlace { address, locale: options.locale(*page_lang), view: &view, root: &root, public: public.as_deref() };
        let head = Head {
            place,
            programme: &programme,
            pages: &pages,
            events: &events,
            pages_meta: &pages_meta,
            programme_sha256: &programme_sha256,
            image,
            past_left_out: past_left_out(running_until, &view, options.today),
        };
        let policy_meta = if options.policy_in_page {
            format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", policy.meta())
        } else {
            String::new()
        };
        let html =
            shell.page(address.matches('/').count(), &format!("{policy_meta}{}", head.html()), &body, page_lang.tag(), page_lang.dir());
        let file = if address.is_empty() || address.ends_with('/') { format!("{address}index.html") } else { address.clone() };
        written.push((file, html));
    }

    let mut files = vec![("manifest.webmanifest".to_owned(), manifest(&programme, options.locale(lang)))];
    let event_url = |event: &Event| {
        let mut view = ViewState { language: Some(lang.tag().to_owned()), ..ViewState::default() };
        view.open_event(&event.id);
        Links { root: String::new(), public: public.clone(), pages: Some((Arc::clone(&pages), Arc::clone(&programme))) }
            .absolute(&crate::domain::address::address_of(&view, lang, Some((&pages, &programme))))
            .unwrap_or_default()
    };
    files.extend(calendar_feeds(&programme, lang, options.now, public.is_some().then_some(&event_url as &dyn Fn(&Event) -> String)));
    files.extend(policy.host_files());
    if let Some(public) = &public {
        files.push(("sitemap.xml".into(), head::sitemap(public, &programme, &pages, &all)));
        files.push(("_redirects".into(), policy::netlify_redirects(&path_of(public), lang)));
    }
    Ok(Site { lang, programme_sha256, event_count: programme.events.len(), pages: written, files })
}

/// The page's body block: the static first screen and the crash notice.
fn render_body(loaded: &LoadedProgramme, links: Links, locale: Locale, view: ViewState, programme_sha256: &str) -> String {
    let owner = Owner::new();
    let (screen, crash) = owner.with(|| {
        provide_detached(view, locale, links);
        let loaded = loaded.clone();
        let screen = view! {
            <BootNotices />
            <FirstScreen loaded />
        }
        .to_html();
        (screen, view! { <CrashNotice /> }.to_html())
    });
    format!(r#"<div id="prerender" data-programme-sha256="{programme_sha256}" data-lang="{}">{screen}</div>{crash}"#, locale.tag())
}

/// The events a page shows first: the event of an event's page, else the list's first page.
fn first_events(programme: &Programme, view: &ViewState, today: NaiveDate) -> Vec<usize> {
    match view.event.as_deref().and_then(|id| programme.event_index(id)) {
        Some(index) => vec![index],
        None => apply(programme, &view.filter, today).matching.into_iter().take(PAGE_SIZE).collect(),
    }
}

/// Whether the page's list leaves past events out by the programme's default, and until when
/// (`running_until`: the programme's last day, while it is current).
fn past_left_out(running_until: Option<NaiveDate>, view: &ViewState, today: NaiveDate) -> Option<head::PastLeftOut> {
    let last_day = running_until?;
    let listed = view.event.is_none() && view.page == crate::domain::query::Page::Programme;
    let left_out = listed && view.filter.past == PastEvents::AsProgramme && view.filter.hides_past(true);
    left_out.then_some(head::PastLeftOut { built: today, last_day })
}

/// The publish address as the root's absolute address: http(s), ending with `/`.
fn publish_address(address: &str) -> Result<String, PrerenderError> {
    let address = address.trim();
    if !(address.starts_with("https://") || address.starts_with("http://")) || address.contains(['"', '<', '>', ' ']) {
        return Err(PrerenderError::PublishAddress(address.to_owned()));
    }
    let address = address.split(['?', '#']).next().unwrap_or(address);
    Ok(if address.ends_with('/') { address.to_owned() } else { format!("{address}/") })
}

/// `/programme/` of `https://example.org/programme/`.
fn path_of(public: &str) -> String {
    let after_scheme = public.split_once("://").map_or(public, |(_, rest)| rest);
    after_scheme.find('/').map_or("/".to_owned(), |slash| after_scheme[slash..].to_owned())
}

/// The web app manifest: relative `start_url` and `scope`, so that any sub-path works.
fn manifest(programme: &Programme, locale: Locale) -> String {
    let tag = locale.tag();
    let name = programme.meta.title.get(tag);
    // Home screens show about 12 characters: the part of the title before a colon when it is
    // short, else the app's own name.
    let short_name = name
        .split_once(':')
        .map(|(short, _)| short.trim())
        .filter(|short| short.chars().count() <= 30)
        .unwrap_or_else(|| tr(locale, Msg::AppName));
    let description = programme.meta.description.as_ref().map(|d| d.get(tag)).unwrap_or_else(|| tr(locale, Msg::AppDescription));
    let manifest = serde_json::json!({
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": tag,
        "dir": locale.dir(),
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_addresses_are_the_roots_absolute_address() {
        assert_eq!(publish_address("https://example.org/programme").unwrap(), "https://example.org/programme/");
        assert_eq!(publish_address(" https://example.org/?x=1 ").unwrap(), "https://example.org/");
        for bad in ["example.org/programme/", "ftp://example.org/", "https://example.org/\"><script>"] {
            assert!(publish_address(bad).is_err(), "{bad}");
        }
        assert_eq!(path_of("https://example.org/programme/"), "/programme/");
        assert_eq!(path_of("https://example.org/"), "/");
    }
}
