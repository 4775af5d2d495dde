//! Fetches the programme file and the reader's language file, and hands their text to the
//! domain parsers.

use chrono::NaiveDate;
use gloo_net::http::Request;

use crate::domain::catalog::{parse_catalog, Catalog};
use crate::domain::i18n::Lang;
use crate::domain::programme::{parse_programme, LoadError, Problem, Programme};

/// Set by the service worker (public/sw.js) on a response it served from the device's saved
/// copy because the network failed: when that copy was saved, in ms since 1970.
const OFFLINE_COPY_HEADER: &str = "x-offline-copy-saved-at";

pub struct Fetched {
    pub programme: Programme,
    pub problems: Vec<Problem>,
    /// The day the copy was saved (reader's time zone), when this is the offline copy.
    pub offline_copy_of: Option<NaiveDate>,
}

/// Loads and validates the programme at `url` (relative to the page, or absolute).
pub async fn fetch_programme(url: &str) -> Result<Fetched, LoadError> {
    let network = |message: String| LoadError::Network { url: url.to_owned(), message };
    let response = Request::get(url).send().await.map_err(|err| {
        // The browser says only "Failed to fetch"; for another site, the usual cause is that it
        // does not allow cross-origin requests, which organisers can fix.
        let other_site =
            url.contains("://") && super::window().and_then(|w| w.location().origin().ok()).is_some_and(|own| !url.starts_with(&own));
        let hint = if other_site { " (a file on another site can only be read if that site allows it: CORS)" } else { "" };
        network(format!("{err}{hint}"))
    })?;
    // gloo-net resolves Ok for 404 and 500: the status must be checked here.
    if !response.ok() {
        return Err(LoadError::Http { url: url.to_owned(), status: response.status() });
    }
    let offline_copy_of = response.headers().get(OFFLINE_COPY_HEADER).and_then(|ms| ms.parse::<i64>().ok()).map(super::clock::local_date);
    let text = response.text().await.map_err(|err| network(err.to_string()))?;
    // Receiving the body and parsing it are separate tasks (see `page::next_task`).
    super::page::next_task().await;
    let (programme, problems) = parse_programme(&text)?;
    Ok(Fetched { programme, problems, offline_copy_of })
}

/// Loads the language file published beside the app (`i18n/<tag>.json`). Any failure is
/// reported as text (for the console: the reader simply gets English).
pub async fn fetch_catalog(lang: Lang) -> Result<Catalog, String> {
    let url = format!("i18n/{}.json", lang.tag());
    let response = Request::get(&url).send().await.map_err(|err| format!("{url}: {err}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|err| format!("{url}: {err}"))?;
    parse_catalog(&text).map_err(|err| format!("{url}: {err}"))
}
