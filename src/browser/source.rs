//! Resolves a programme address with the browser's own URL parser (as `fetch` will read it)
//! and reads the organiser's allow-list, `<meta name="programme-sources" content="…">` in
//! index.html; `domain::source` decides.

use web_sys::Url;

use crate::domain::source::{allow_list_entries, judge, ProgrammeSource, Refused, ResolvedAddress};

/// The name of the allow-list's meta element (README, "Another programme file").
const ALLOW_LIST_META: &str = r#"meta[name="programme-sources"]"#;

/// Where `address` (relative to the app's root folder, or absolute) may be loaded from, or why
/// not. Relative addresses, here and in the allow-list, are read from the root rather than the
/// page: the same link works from every page of the app.
pub fn programme_source(address: &str) -> Result<ProgrammeSource, Refused> {
    let Some(window) = super::window() else { return Ok(ProgrammeSource { href: address.to_owned(), other_host: None }) };
    let location = window.location();
    let page = super::url::absolute("").unwrap_or_default();
    let resolved = resolve(address, &page).ok_or(Refused::Scheme)?;
    let allowed = window.document().and_then(|document| document.query_selector(ALLOW_LIST_META).ok().flatten()).map(|meta| {
        let content = meta.get_attribute("content").unwrap_or_default();
        allow_list_entries(&content).into_iter().filter_map(|entry| resolve(entry, &page)).map(|entry| entry.href).collect::<Vec<_>>()
    });
    judge(&resolved, &location.origin().unwrap_or_default(), allowed.as_deref())
}

fn resolve(address: &str, base: &str) -> Option<ResolvedAddress> {
    let url = Url::new_with_base(address, base).ok()?;
    Some(ResolvedAddress { href: url.href(), protocol: url.protocol(), origin: url.origin(), host: url.host() })
}
