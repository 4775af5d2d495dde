//! The shapes a file's values must have: ids, web addresses, language tags, time zones.

/// Ids appear in URLs and storage keys: letters, digits, `.`, `_`, `-`; at most 200 characters.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && id.as_bytes()[0].is_ascii_alphanumeric()
}

pub(super) fn bad_id_message(id: &str) -> String {
    if id.is_empty() {
        "id must not be empty".to_owned()
    } else {
        format!("`{id}` is not a valid id: use letters, digits, '.', '_' and '-', starting with a letter or digit")
    }
}

/// Only http and https, with a host, and no spaces: anything else (javascript:, data:,
/// relative paths) could run code or mislead when a delegate taps it.
pub fn is_http_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A BCP 47 tag in its usual shape (a 2-3 letter language, then subtags of 1-8 letters or
/// digits), lower-cased; `None` otherwise.
pub fn language_tag(tag: &str) -> Option<String> {
    is_language_tag(tag).then(|| tag.to_ascii_lowercase())
}

pub(super) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// IANA names look like "Area/Location" ("America/Argentina/Buenos_Aires") or "UTC". Without a
/// time zone database in the bundle, we check the shape, not membership.
pub(super) fn plausible_time_zone(zone: &str) -> bool {
    let well_formed = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+'));
    zone == "UTC" || (zone.contains('/') && zone.split('/').all(well_formed) && zone.as_bytes()[0].is_ascii_uppercase())
}
