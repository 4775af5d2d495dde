//! The view in the URL: filter, search text, open event, programme file, page. Owns the query
//! parameter names (the one list of them) and both directions of the mapping.
//!
//! Parsing never fails: a value that cannot be read is dropped and named in `ignored`, so a
//! mangled shared link still opens, and the reader is told what was left out.

use std::collections::BTreeSet;

use super::filter::{Facet, Filter, PastEvents};
use super::programme::{language_tag, valid_id, Access, Mode, Programme};
use super::when::{parse_date, YearMonth};

/// Every query parameter the app reads or writes.
pub mod param {
    pub const THEME: &str = "theme";
    pub const MONTH: &str = "month";
    pub const PARTNER: &str = "partner";
    pub const SERIES: &str = "series";
    pub const MODE: &str = "mode";
    /// The languages events are held in or interpreted into (`lang` is the app's own).
    pub const HELD_IN: &str = "language";
    pub const ACCESS: &str = "accessibility";
    pub const PERSON: &str = "person";
    pub const VENUE: &str = "venue";
    pub const SEARCH: &str = "q";
    pub const HIDE_PAST: &str = "upcoming";
    pub const EVENT: &str = "event";
    pub const PROGRAMME: &str = "programme";
    pub const PAGE: &str = "view";
    pub const LANGUAGE: &str = "lang";
    pub const DAY: &str = "day";
}

/// Which page of the app is showing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Programme,
    Shortlist,
    /// What is on now and what starts next.
    Now,
    /// A day's timetable.
    Day,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    pub filter: Filter,
    pub event: Option<String>,
    pub programme: Option<String>,
    pub page: Page,
    pub language: Option<String>,
    /// The timetable's day (a venue date).
    pub day: Option<chrono::NaiveDate>,
}

impl ViewState {
    /// Opens one event: its own page, in this view's language, without the list's filters
    /// (an event's address is the same whatever list it was found in).
    pub fn open_event(&mut self, id: &str) {
        let language = self.language.take();
        *self = ViewState { event: Some(id.to_owned()), programme: self.programme.take(), language, ..ViewState::default() };
    }
}

impl ViewState {
    /// Opens a person's page: the programme narrowed to them, in this view's language.
    pub fn open_person(&mut self, id: &str) {
        self.open_only(Facet::Person, id);
    }

    /// Opens a venue's page: the programme narrowed to it, in this view's language.
    pub fn open_venue(&mut self, id: &str) {
        self.open_only(Facet::Venue, id);
    }

    fn open_only(&mut self, facet: Facet, id: &str) {
        let (language, programme) = (self.language.take(), self.programme.take());
        *self = ViewState { language, programme, ..ViewState::default() };
        self.filter.toggle(facet, id);
    }
}

/// A parameter value that was not understood, for the "ignored" notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub param: String,
    pub value: String,
}

/// Campaign tags that mail and chat tools add to links: not the reader's business, never
/// named as ignored. (The boot script skips the same ones: tests/contract.rs.)
pub const CAMPAIGN_PREFIX: &str = "utm_";
pub const CAMPAIGN_TAGS: [&str; 2] = ["fbclid", "gclid"];

pub fn is_campaign_tag(name: &str) -> bool {
    name.starts_with(CAMPAIGN_PREFIX) || CAMPAIGN_TAGS.contains(&name)
}

/// Reads decoded query pairs (the browser adapter decodes percent-escapes).
pub fn parse_query(pairs: &[(String, String)]) -> (ViewState, Vec<Ignored>) {
    let mut state = ViewState::default();
    let mut ignored = Vec::new();
    let mut ignore = |param: &str, value: &str| ignored.push(Ignored { param: param.to_owned(), value: value.to_owned() });
    for (name, value) in pairs {
        let values = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
        match name.as_str() {
            param::THEME | param::PARTNER | param::SERIES | param::PERSON | param::VENUE => {
                let set = match name.as_str() {
                    param::THEME => &mut state.filter.themes,
                    param::PARTNER => &mut state.filter.partners,
                    param::PERSON => &mut state.filter.people,
                    param::VENUE => &mut state.filter.venues,
                    _ => &mut state.filter.series,
                };
                read_into(set, values(), |id| valid_id(id).then(|| id.to_owned()), |id| ignore(name, id));
            }
            param::MONTH => read_into(&mut state.filter.months, values(), YearMonth::parse, |month| ignore(name, month)),
            param::MODE => read_into(&mut state.filter.modes, values(), Mode::from_code, |mode| ignore(name, mode)),
            param::HELD_IN => read_into(&mut state.filter.languages, values(), language_tag, |tag| ignore(name, tag)),
            param::ACCESS => read_into(&mut state.filter.access, values(), Access::from_code, |code| ignore(name, code)),
            param::SEARCH => state.filter.text = value.chars().take(200).collect(),
            param::HIDE_PAST => match value.as_str() {
                "1" | "true" | "yes" => state.filter.past = PastEvents::Hidden,
                "0" | "false" | "no" => state.filter.past = PastEvents::Shown,
                _ => ignore(name, value),
            },
            param::DAY => match parse_date(value) {
                Some(day) => state.day = Some(day),
                None => ignore(name, value),
            },
            param::EVENT if valid_id(value) => state.event = Some(value.clone()),
            param::PROGRAMME => match programme_address(value) {
                Some(address) => state.programme = Some(address),
                None => ignore(name, value),
            },
            param::PAGE => match value.as_str() {
                "shortlist" => state.page = Page::Shortlist,
                "now" => state.page = Page::Now,
                "day" => state.page = Page::Day,
                "programme" => state.page = Page::Programme,
                _ => ignore(name, value),
            },
            param::LANGUAGE if (2..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphabetic()) => {
                state.language = Some(value.to_ascii_lowercase());
            }
            other if is_campaign_tag(other) => {}
            _ => ignore(name, value),
        }
    }
    (state, ignored)
}

/// Adds each of a parameter's `values` that `read` understands to `set`; the others go to
/// `ignore`.
fn read_into<'a, T: Ord>(
    set: &mut BTreeSet<T>,
    values: impl Iterator<Item = &'a str>,
    read: impl Fn(&str) -> Option<T>,
    mut ignore: impl FnMut(&'a str),
) {
    for value in values {
        match read(value) {
            Some(value) => {
                set.insert(value);
            }
            None => ignore(value),
        }
    }
}

/// Writes the state as query pairs in a fixed order, leaving out defaults, so equal views
/// give equal URLs.
pub fn to_query(state: &ViewState) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut push = |name: &str, value: String| pairs.push((name.to_owned(), value));
    let join = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(",");
    if let Some(programme) = &state.programme {
        push(param::PROGRAMME, programme.clone());
    }
    if let Some(language) = &state.language {
        push(param::LANGUAGE, language.clone());
    }
    match state.page {
        Page::Programme => {}
        Page::Shortlist => push(param::PAGE, "shortlist".into()),
        Page::Now => push(param::PAGE, "now".into()),
        Page::Day => push(param::PAGE, "day".into()),
    }
    if let Some(day) = state.day {
        push(param::DAY, day.to_string());
    }
    let filter = &state.filter;
    if !filter.text.is_empty() {
        push(param::SEARCH, filter.text.clone());
    }
    if !filter.themes.is_empty() {
        push(param::THEME, join(&filter.themes));
    }
    if !filter.months.is_empty() {
        push(param::MONTH, filter.months.iter().map(ToString::to_string).collect::<Vec<_>>().join(","));
    }
    if !filter.partners.is_empty() {
        push(param::PARTNER, join(&filter.partners));
    }
    if !filter.series.is_empty() {
        push(param::SERIES, join(&filter.series));
    }
    if !filter.modes.is_empty() {
        push(param::MODE, filter.modes.iter().map(|m| m.code()).collect::<Vec<_>>().join(","));
    }
    if !filter.languages.is_empty() {
        push(param::HELD_IN, join(&filter.languages));
    }
    if !filter.access.is_empty() {
        push(param::ACCESS, filter.access.iter().map(|a| a.code()).collect::<Vec<_>>().join(","));
    }
    if !filter.people.is_empty() {
        push(param::PERSON, join(&filter.people));
    }
    if !filter.venues.is_empty() {
        push(param::VENUE, join(&filter.venues));
    }
    match filter.past {
        PastEvents::AsProgramme => {}
        PastEvents::Hidden => push(param::HIDE_PAST, "1".into()),
        PastEvents::Shown => push(param::HIDE_PAST, "0".into()),
    }
    if let Some(event) = &state.event {
        push(param::EVENT, event.clone());
    }
    pairs
}

/// "?a=1&b=2" for the pairs, or "" when there are none: `application/x-www-form-urlencoded`
/// exactly as the browser's `URLSearchParams` writes it (space as `+`, every byte but ASCII
/// letters, digits and `*-._` percent-encoded). Pure, so that the native prerender writes the
/// same links as the app.
pub fn encode_query(pairs: &[(String, String)]) -> String {
    fn encode(text: &str, out: &mut String) {
        for byte in text.bytes() {
            match byte {
                b' ' => out.push('+'),
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(byte as char),
                _ => out.push_str(&format!("%{byte:02X}")),
            }
        }
    }
    let mut query = String::new();
    for (key, value) in pairs {
        query.push(if query.is_empty() { '?' } else { '&' });
        encode(key, &mut query);
        query.push('=');
        encode(value, &mut query);
    }
    query
}

/// A programme file may be given by a relative address or an http(s) one. Other schemes
/// (`data:`, `javascript:`, `blob:`, `file:`) are refused: a link must not carry a made-up
/// programme inside itself, or reach into the reader's machine. The address is first cleaned
/// as the URL standard does before it reads a scheme (spaces and controls at the ends, tabs and
/// newlines anywhere), so that `da%09ta:` cannot pass for a relative address. (The browser
/// adapter then resolves it with the browser's own parser and judges it again:
/// `domain::source`.)
fn programme_address(value: &str) -> Option<String> {
    let value: String = value.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let scheme = value.split_once(':').map(|(scheme, _)| scheme).filter(|scheme| {
        scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let web = scheme.is_none_or(|scheme| scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http"));
    // A scheme-like start that is not a scheme ("1:x", "a b:c") is left to the browser's parser.
    (!value.is_empty() && web).then_some(value)
}

/// Ids in the URL that this programme does not have: dropped from the filter and reported.
/// Runs once the programme is loaded, since only then is it known which ids exist.
pub fn drop_unknown_ids(state: &mut ViewState, programme: &Programme) -> Vec<Ignored> {
    let mut ignored = Vec::new();
    let mut keep = |param: &str, set: &mut BTreeSet<String>, known: &dyn Fn(&str) -> bool| {
        set.retain(|id| {
            let ok = known(id);
            if !ok {
                ignored.push(Ignored { param: param.to_owned(), value: id.clone() });
            }
            ok
        });
    };
    keep(param::THEME, &mut state.filter.themes, &|id| programme.theme_index(id).is_some());
    keep(param::PARTNER, &mut state.filter.partners, &|id| programme.partner_index(id).is_some());
    keep(param::SERIES, &mut state.filter.series, &|id| programme.series_index(id).is_some());
    keep(param::PERSON, &mut state.filter.people, &|id| programme.person_index(id).is_some());
    keep(param::VENUE, &mut state.filter.venues, &|id| programme.venue_index(id).is_some());
    if let Some(event) = state.event.take() {
        if programme.event(&event).is_some() {
            state.event = Some(event);
        } else {
            ignored.push(Ignored { param: param::EVENT.to_owned(), value: event });
        }
    }
    ignored
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_owned(), v.to_owned())
            })
            .collect()
    }

    fn ignored(query: &str) -> Vec<String> {
        parse_query(&pairs(query)).1.into_iter().map(|i| format!("{}={}", i.param, i.value)).collect()
    }

    #[test]
    fn a_view_round_trips_through_the_query() {
        let query = "programme=2014.json&lang=fr&view=shortlist&q=rio+20&theme=law,youth&month=2012-06,2012-08&partner=iom&series=s1&mode=hybrid,online&upcoming=1&event=ms-1";
        let (state, ignored) = parse_query(&pairs(query));
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(state.page, Page::Shortlist);
        assert_eq!(state.filter.themes.len(), 2);
        assert_eq!(state.filter.past, PastEvents::Hidden);
        assert_eq!(parse_query(&to_query(&state)).0, state);
        // Past events asked for, and the programme's own default (nothing written).
        let (shown, _) = parse_query(&pairs("upcoming=0"));
        assert_eq!(shown.filter.past, PastEvents::Shown);
        assert_eq!(to_query(&shown), pairs("upcoming=0"));
        assert_eq!(parse_query(&pairs("")).0.filter.past, PastEvents::AsProgramme);
        // Equal views give equal URLs: values are written in a fixed order.
        let (shuffled, _) = parse_query(&pairs("theme=youth,law&mode=online,hybrid&month=2012-08,2012-06"));
        let (sorted, _) = parse_query(&pairs("month=2012-06,2012-08&theme=law,youth&mode=hybrid,online"));
        assert_eq!(to_query(&shuffled), to_query(&sorted));
        let (now, _) = parse_query(&pairs("view=now"));
        assert_eq!(now.page, Page::Now);
        assert_eq!(to_query(&now), pairs("view=now"));
        let (day, ignored) = parse_query(&pairs("view=day&day=2026-03-11"));
        assert!(ignored.is_empty());
        assert_eq!((day.page, day.day.map(|d| d.to_string())), (Page::Day, Some("2026-03-11".to_owned())));
        assert_eq!(to_query(&day), pairs("view=day&day=2026-03-11"));
        assert_eq!(parse_query(&pairs("day=2026-02-30")).1.len(), 1, "not a real date: ignored and named");
    }

    #[test]
    fn values_that_cannot_be_read_are_ignored_and_named() {
        let cases = [
            ("month=2012-13", vec!["month=2012-13"]),
            ("mode=boat", vec!["mode=boat"]),
            ("theme=<script>", vec!["theme=<script>"]),
            ("colour=blue", vec!["colour=blue"]),
            ("upcoming=maybe", vec!["upcoming=maybe"]),
            ("view=map", vec!["view=map"]),
            ("utm_source=mail&fbclid=x", vec![]),
            ("theme=law,,youth", vec![]),
            ("programme=data:application/json,{}", vec!["programme=data:application/json,{}"]),
            ("programme=JavaScript:alert(1)", vec!["programme=JavaScript:alert(1)"]),
            ("programme=file:///etc/passwd", vec!["programme=file:///etc/passwd"]),
            ("programme=https://example.org/2014.json", vec![]),
            ("programme=HTTP://localhost/p.json", vec![]),
            ("programme=archive/2014:v2.json", vec![]),
            ("programme=../2014.json", vec![]),
            // Smuggled past a naive check; the URL standard drops tabs and newlines first.
            // (The browser adapter has decoded the percent-escapes: %09 is a tab.)
            ("programme=da\tta:application/json,{}", vec!["programme=da\tta:application/json,{}"]),
            ("programme=\njava\rscript:alert(1)", vec!["programme=\njava\rscript:alert(1)"]),
            ("programme=\u{1} data:x", vec!["programme=\u{1} data:x"]),
            ("", vec![]),
        ];
        for (query, expected) in cases {
            assert_eq!(ignored(query), expected, "{query}");
        }
    }

    #[test]
    fn defaults_are_left_out_of_the_url() {
        assert!(to_query(&ViewState::default()).is_empty());
    }

    #[test]
    fn queries_are_encoded_as_url_search_params_writes_them() {
        let pairs = |list: &[(&str, &str)]| list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
        assert_eq!(encode_query(&[]), "");
        assert_eq!(
            encode_query(&pairs(&[("q", "antwerp media"), ("theme", "education,youth")])),
            "?q=antwerp+media&theme=education%2Cyouth"
        );
        assert_eq!(encode_query(&pairs(&[("q", "Réintégration & co=1/2*-._~")])), "?q=R%C3%A9int%C3%A9gration+%26+co%3D1%2F2*-._%7E");
    }
}
