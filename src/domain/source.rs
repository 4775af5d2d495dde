//! Where a programme file may come from (`?programme=`). The browser's URL parser resolves the
//! address (src/browser/source.rs); this decides, from the parts it gives, whether the app may
//! load it and whether the reader must be told that it is not the organiser's own file.
//!
//! Invariants: only `https:` and `http:` are ever fetched (never `data:`, `blob:`, `file:`,
//! `javascript:`, however they are spelled); a file of another origin is always named on the
//! page by its host; an organiser's allow-list, when set, is the only way to another origin.

/// An address after the browser's URL parser has resolved it against the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedAddress {
    /// The whole address, normalised (`https://example.org/a/b.json`).
    pub href: String,
    /// `https:`, `http:`, `data:`…
    pub protocol: String,
    /// `https://example.org` (`null` for opaque addresses).
    pub origin: String,
    /// `example.org` (with `:port` when there is one).
    pub host: String,
}

/// A programme address the app will load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeSource {
    /// What to fetch: the resolved address.
    pub href: String,
    /// The host, when it is another origin than the app's: shown on the page at all times.
    pub other_host: Option<String>,
}

/// Why a `?programme=` address is not loaded (the organiser's own programme is shown instead,
/// and the address is listed among the ignored parts of the link).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not `https:` or `http:`.
    Scheme,
    /// Another origin that the organiser's allow-list does not name.
    NotAllowed,
}

/// Decides on a resolved address. `allowed`: the organiser's allow-list, resolved the same
/// way (`None`: no list, any http(s) address may be loaded and is named when foreign).
pub fn judge(address: &ResolvedAddress, page_origin: &str, allowed: Option<&[String]>) -> Result<ProgrammeSource, Refused> {
    if !matches!(address.protocol.as_str(), "https:" | "http:") {
        return Err(Refused::Scheme);
    }
    if address.origin == page_origin {
        return Ok(ProgrammeSource { href: address.href.clone(), other_host: None });
    }
    if let Some(allowed) = allowed {
        if !allowed.iter().any(|entry| allows(entry, &address.href)) {
            return Err(Refused::NotAllowed);
        }
    }
    Ok(ProgrammeSource { href: address.href.clone(), other_host: Some(address.host.clone()) })
}

/// An allow-list entry names a folder (ending in `/`: everything below it) or one file.
fn allows(entry: &str, href: &str) -> bool {
    if entry.ends_with('/') {
        href.starts_with(entry)
    } else {
        href == entry
    }
}

/// The entries of the organiser's allow-list (`<meta name="programme-sources" content="…">`),
/// separated by spaces; each is then resolved by the browser's URL parser.
pub fn allow_list_entries(content: &str) -> Vec<&str> {
    content.split_ascii_whitespace().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(href: &str) -> ResolvedAddress {
        let protocol = href.split_once(':').map(|(scheme, _)| format!("{scheme}:")).unwrap_or_default();
        let rest = href.split_once("://").map(|(_, rest)| rest).unwrap_or("");
        let host = rest.split('/').next().unwrap_or_default().to_owned();
        let origin = if host.is_empty() { "null".to_owned() } else { format!("{protocol}//{host}") };
        ResolvedAddress { href: href.to_owned(), protocol, origin, host }
    }

    const PAGE: &str = "https://unitar.example";

    #[test]
    fn own_files_load_without_a_banner() {
        let source = judge(&address("https://unitar.example/app/2014.json"), PAGE, None).unwrap();
        assert_eq!(source, ProgrammeSource { href: "https://unitar.example/app/2014.json".into(), other_host: None });
    }

    #[test]
    fn another_origin_loads_and_is_named() {
        let source = judge(&address("https://files.example.org/p.json"), PAGE, None).unwrap();
        assert_eq!(source.other_host.as_deref(), Some("files.example.org"));
        // Another port or scheme is another origin too.
        assert!(judge(&address("https://unitar.example:8443/p.json"), PAGE, None).unwrap().other_host.is_some());
        assert!(judge(&address("http://unitar.example/p.json"), PAGE, None).unwrap().other_host.is_some());
    }

    #[test]
    fn only_http_and_https_are_ever_loaded() {
        for href in ["data:application/json,{}", "javascript:alert(1)", "blob:https://unitar.example/x", "file:///etc/passwd", "ftp://x/p"]
        {
            assert_eq!(judge(&address(href), PAGE, None), Err(Refused::Scheme), "{href}");
        }
    }

    #[test]
    fn an_allow_list_admits_only_its_folders_and_files() {
        let allowed = vec!["https://data.example.org/programmes/".to_owned(), "https://other.example/one.json".to_owned()];
        let judged = |href: &str| judge(&address(href), PAGE, Some(&allowed));
        assert!(judged("https://data.example.org/programmes/2014.json").is_ok());
        assert!(judged("https://other.example/one.json").is_ok());
        assert_eq!(judged("https://other.example/one.json.evil"), Err(Refused::NotAllowed));
        assert_eq!(judged("https://data.example.org/programmes-evil/x.json"), Err(Refused::NotAllowed));
        assert_eq!(judged("https://data.example.org.evil.example/programmes/x.json"), Err(Refused::NotAllowed));
        // The app's own files are always allowed; an empty list allows nothing else.
        assert!(judged("https://unitar.example/2014.json").is_ok());
        assert_eq!(judge(&address("https://data.example.org/programmes/2014.json"), PAGE, Some(&[])), Err(Refused::NotAllowed));
    }

    #[test]
    fn allow_list_entries_are_separated_by_spaces() {
        assert_eq!(
            allow_list_entries("  https://a.example/ \n https://b.example/p.json "),
            ["https://a.example/", "https://b.example/p.json"]
        );
        assert!(allow_list_entries("").is_empty());
    }
}
