//! Where each view lives: its address relative to the app's root folder (where the root
//! `index.html` is), and which views the build writes as static pages.
//!
//! ```text
//! ""                        the root page, in the programme's own language: the entry point
//!                           that sends other languages' readers on (x-default)
//! fr/                       French: the programme, unfiltered
//! fr/events/<id>.html       French: one event
//! fr/theme/<id>.html        French: the programme filtered by one option of one facet
//!                           (theme, month, partner, series, mode: the query's names)
//! fr/?<query>               French: any other view (the app builds it behind the
//!                           language's first screen shown as a skeleton)
//! ```
//!
//! Event and option ids are `valid_id`s (ASCII letters, digits, `.`, `_`, `-`, starting with
//! a letter or digit), months `YYYY-MM`, modes their codes: all safe as file names. The app
//! and the build both write addresses through this module, so a link the app shares is a page
//! the build wrote, and a page the build wrote opens as the view its address names.
//!
//! Must not: read the page's URL or the file system (callers pass the path and the query in).

use std::collections::BTreeSet;

use super::filter::{facet_options, Facet, Filter, PastEvents};
use super::i18n::Lang;
use super::programme::{language_tag, valid_id, Access, Mode, Programme};
use super::query::{encode_query, param, parse_query, to_query, Ignored, Page, ViewState};
use super::when::YearMonth;

/// The most static view pages (events and filtered views) the build writes in all: Cloudflare
/// Pages' free plan takes 20,000 files a site, and the app's own files, language homes and
/// calendar feeds need a few dozen more.
pub const MAX_VIEW_PAGES: usize = 15_000;

/// The folder of an event's page, in a language's folder.
pub const EVENTS_FOLDER: &str = "events";

/// The folder of a facet's pages: the query parameter's name.
pub fn facet_folder(facet: Facet) -> &'static str {
    match facet {
        Facet::Theme => param::THEME,
        Facet::Month => param::MONTH,
        Facet::Partner => param::PARTNER,
        Facet::Series => param::SERIES,
        Facet::Mode => param::MODE,
        Facet::Language => param::HELD_IN,
        Facet::Access => param::ACCESS,
        Facet::Person => param::PERSON,
        Facet::Venue => param::VENUE,
    }
}

/// Which static pages a build wrote for one programme: every language's home, and each event
/// and facet option in as many languages as fit in `MAX_VIEW_PAGES`, the programme's own
/// language first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePages {
    /// The root page's language (the programme's own, when the app has it).
    pub site_lang: Lang,
    /// Languages with a page per event and per facet option.
    pub view_langs: Vec<Lang>,
    /// Events left without a page: ids equal but for case, which a case-insensitive
    /// file system (or an organiser's unzip on one) would write as one file.
    clashing_ids: Vec<String>,
}

impl SitePages {
    /// The pages the build writes for `programme` with its root page in `site_lang`.
    pub fn plan(programme: &Programme, site_lang: Lang) -> Self {
        let clashing_ids = case_clashes(programme.events.iter().map(|event| event.id.as_str()));
        let per_lang = view_pages_per_lang(programme, &clashing_ids);
        let fit = MAX_VIEW_PAGES.checked_div(per_lang).unwrap_or(Lang::ALL.len()).min(Lang::ALL.len());
        let view_langs = std::iter::once(site_lang).chain(Lang::ALL.into_iter().filter(|lang| *lang != site_lang)).take(fit).collect();
        Self { site_lang, view_langs, clashing_ids }
    }

    /// What the page tells the app (`<meta name="pb-pages">`): the root's language, the
    /// languages with view pages, and the events left without one, e.g. `en en fr ar / A a`.
    /// With the programme the build used, the app then links exactly the pages there are.
    pub fn to_meta(&self) -> String {
        let langs = std::iter::once(self.site_lang).chain(self.view_langs.iter().copied()).map(Lang::tag).collect::<Vec<_>>().join(" ");
        if self.clashing_ids.is_empty() {
            langs
        } else {
            format!("{langs} / {}", self.clashing_ids.join(" "))
        }
    }

    /// Reads `to_meta`'s text back; `None` when it is not of that shape.
    pub fn from_meta(text: &str) -> Option<Self> {
        let (langs, clashing) = text.split_once(" / ").unwrap_or((text, ""));
        let mut tags = langs.split_ascii_whitespace().map(|tag| Lang::ALL.into_iter().find(|lang| lang.tag() == tag));
        let site_lang = tags.next()??;
        let view_langs = tags.collect::<Option<Vec<_>>>()?;
        let clashing_ids = clashing.split_ascii_whitespace().map(str::to_owned).collect();
        Some(Self { site_lang, view_langs, clashing_ids })
    }

    /// On a language's home, where an older link's view has its page: each query parameter
    /// that can name a view alone, with the folder of its pages (`event=events theme=theme …`,
    /// `<meta name="pb-view-pages">`). The boot script sends such a link to the page it names,
    /// having checked that the build wrote it (a page there naming itself as that language's).
    pub fn view_folders(&self, lang: Lang) -> Option<String> {
        let facets = Facet::ALL.into_iter().map(|facet| format!("{0}={0}", facet_folder(facet)));
        self.has_views(lang)
            .then(|| std::iter::once(format!("{}={EVENTS_FOLDER}", param::EVENT)).chain(facets).collect::<Vec<_>>().join(" "))
    }

    fn has_views(&self, lang: Lang) -> bool {
        self.view_langs.contains(&lang)
    }

    /// The static page of `view` in `lang`, if the build wrote one.
    pub fn page_of(&self, programme: &Programme, view: &ViewState, lang: Lang) -> Option<String> {
        if view.programme.is_some() || view.page != Page::Programme {
            return None;
        }
        let home = format!("{}/", lang.tag());
        match (&view.event, single_option(&view.filter)) {
            (None, None) if view.filter.is_empty() => Some(home),
            (Some(id), None) if view.filter.is_empty() => {
                (self.has_views(lang) && programme.event(id).is_some() && !clashes(&self.clashing_ids, id))
                    .then(|| format!("{home}{EVENTS_FOLDER}/{id}.html"))
            }
            (None, Some((facet, value))) => {
                let offered = || facet_options(programme, facet).iter().any(|option| option.code == value);
                (self.has_views(lang) && offered()).then(|| format!("{home}{}/{value}.html", facet_folder(facet)))
            }
            _ => None,
        }
    }

    /// Every page the build writes: (address, language, the view it shows). The root page
    /// (address "") comes first.
    pub fn all_pages(&self, programme: &Programme) -> Vec<(String, Lang, ViewState)> {
        let mut pages = vec![(String::new(), self.site_lang, ViewState::default())];
        for lang in Lang::ALL {
            pages.push((format!("{}/", lang.tag()), lang, ViewState::default()));
        }
        for &lang in &self.view_langs {
            for view in view_page_views(programme, &self.clashing_ids) {
                if let Some(address) = self.page_of(programme, &view, lang) {
                    pages.push((address, lang, view));
                }
            }
        }
        pages
    }
}

/// The views with a page in each language that has view pages: events, then facet options.
fn view_page_views(programme: &Programme, clashing_ids: &[String]) -> Vec<ViewState> {
    let events = programme
        .events
        .iter()
        .filter(|event| !clashes(clashing_ids, &event.id))
        .map(|event| ViewState { event: Some(event.id.clone()), ..ViewState::default() });
    let options = Facet::ALL.into_iter().flat_map(|facet| {
        facet_options(programme, facet).into_iter().filter_map(move |option| {
            let mut filter = Filter::default();
            set_option(&mut filter, facet, &option.code).then(|| ViewState { filter, ..ViewState::default() })
        })
    });
    events.chain(options).collect()
}

fn view_pages_per_lang(programme: &Programme, clashing_ids: &[String]) -> usize {
    let events = programme.events.len() - clashing_ids.len();
    events + Facet::ALL.into_iter().map(|facet| facet_options(programme, facet).len()).sum::<usize>()
}

/// Ids that equal another id but for case (all of them, so that neither gets a page).
/// (Ids are unique: two equal but for case are two events.)
fn case_clashes<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut lowered: Vec<(String, &str)> = ids.map(|id| (id.to_ascii_lowercase(), id)).collect();
    lowered.sort_unstable();
    let mut clashing: Vec<String> = Vec::new();
    for pair in lowered.windows(2) {
        if pair[0].0 == pair[1].0 {
            clashing.extend([pair[0].1.to_owned(), pair[1].1.to_owned()]);
        }
    }
    clashing.sort_unstable();
    clashing.dedup();
    clashing
}

/// (A few ids at most, usually none: looked through rather than searched.)
fn clashes(clashing_ids: &[String], id: &str) -> bool {
    clashing_ids.iter().any(|clashing| clashing == id)
}

/// The one facet option a filter consists of, if it is exactly that.
fn single_option(filter: &Filter) -> Option<(Facet, String)> {
    if !filter.text.is_empty() || filter.past != PastEvents::AsProgramme {
        return None;
    }
    let sizes = [
        filter.themes.len(),
        filter.months.len(),
        filter.partners.len(),
        filter.series.len(),
        filter.modes.len(),
        filter.languages.len(),
        filter.access.len(),
        filter.people.len(),
        filter.venues.len(),
    ];
    if sizes.iter().sum::<usize>() != 1 {
        return None;
    }
    let first = |set: &BTreeSet<String>| set.iter().next().cloned();
    first(&filter.themes)
        .map(|id| (Facet::Theme, id))
        .or_else(|| filter.months.iter().next().map(|month| (Facet::Month, month.to_string())))
        .or_else(|| first(&filter.partners).map(|id| (Facet::Partner, id)))
        .or_else(|| first(&filter.series).map(|id| (Facet::Series, id)))
        .or_else(|| filter.modes.iter().next().map(|mode| (Facet::Mode, mode.code().to_owned())))
        .or_else(|| first(&filter.languages).map(|tag| (Facet::Language, tag)))
        .or_else(|| filter.access.iter().next().map(|access| (Facet::Access, access.code().to_owned())))
        .or_else(|| first(&filter.people).map(|id| (Facet::Person, id)))
        .or_else(|| first(&filter.venues).map(|id| (Facet::Venue, id)))
}

/// Chooses `value` in `facet`; false when the value cannot be one of that facet's.
fn set_option(filter: &mut Filter, facet: Facet, value: &str) -> bool {
    match facet {
        Facet::Theme if valid_id(value) => filter.themes.insert(value.to_owned()),
        Facet::Partner if valid_id(value) => filter.partners.insert(value.to_owned()),
        Facet::Series if valid_id(value) => filter.series.insert(value.to_owned()),
        Facet::Month => YearMonth::parse(value).is_some_and(|month| filter.months.insert(month)),
        Facet::Mode => Mode::from_code(value).is_some_and(|mode| filter.modes.insert(mode)),
        Facet::Language => language_tag(value).is_some_and(|tag| filter.languages.insert(tag)),
        Facet::Access => Access::from_code(value).is_some_and(|access| filter.access.insert(access)),
        Facet::Person if valid_id(value) => filter.people.insert(value.to_owned()),
        Facet::Venue if valid_id(value) => filter.venues.insert(value.to_owned()),
        _ => false,
    }
}

/// The address of `view` in `lang`, relative to the app's root: its static page when the
/// build wrote one for this programme (`pages`: `None` when the programme shown is not the one
/// the pages were made from), else the language's folder with the view in the query.
pub fn address_of(view: &ViewState, lang: Lang, pages: Option<(&SitePages, &Programme)>) -> String {
    if let Some(page) = pages.and_then(|(pages, programme)| pages.page_of(programme, view, lang)) {
        return page;
    }
    let mut rest = view.clone();
    rest.language = None;
    format!("{}/{}", lang.tag(), encode_query(&to_query(&rest)))
}

/// Reads an address: the path below the app's root (percent-decoded: `fr/events/a.html`) and
/// the query's decoded pairs. The path's language and view come first; the query adds to them
/// (and its `lang`, from links older than language folders, wins). A path of another shape is
/// named among the ignored parts and read as the root.
pub fn parse_address(path: &str, pairs: &[(String, String)]) -> (ViewState, Vec<Ignored>) {
    let (mut view, mut ignored) = parse_query(pairs);
    let from_query = view.language.take();
    match parse_path(path) {
        Some((lang, path_view)) => {
            view.language = lang.map(|lang| lang.tag().to_owned());
            if let Some(event) = path_view.event {
                view.event.get_or_insert(event);
            }
            let filter = path_view.filter;
            view.filter.themes.extend(filter.themes);
            view.filter.months.extend(filter.months);
            view.filter.partners.extend(filter.partners);
            view.filter.series.extend(filter.series);
            view.filter.modes.extend(filter.modes);
        }
        None => ignored.push(Ignored { param: "path".into(), value: path.to_owned() }),
    }
    if from_query.is_some() {
        view.language = from_query;
    }
    (view, ignored)
}

/// The language and view a path names; `None` for a path of no known shape.
fn parse_path(path: &str) -> Option<(Option<Lang>, ViewState)> {
    let parts: Vec<&str> = path.split('/').collect();
    let lang_of = |tag: &str| Lang::ALL.into_iter().find(|lang| lang.tag() == tag);
    let mut view = ViewState::default();
    match parts.as_slice() {
        [] | [""] | ["index.html"] => Some((None, view)),
        [tag, rest @ ..] => {
            let lang = lang_of(tag)?;
            match rest {
                [] | [""] | ["index.html"] => {}
                [EVENTS_FOLDER, file] => {
                    let id = file.strip_suffix(".html").filter(|id| valid_id(id))?;
                    view.event = Some(id.to_owned());
                }
                [folder, file] => {
                    let facet = Facet::ALL.into_iter().find(|facet| facet_folder(*facet) == *folder)?;
                    let value = file.strip_suffix(".html")?;
                    if !set_option(&mut view.filter, facet, value) {
                        return None;
                    }
                }
                _ => return None,
            }
            Some((Some(lang), view))
        }
    }
}

/// `../` as many times as `address` is deep below the root: put before an address relative
/// to the root, it makes a link that works from that page.
pub fn root_from(address: &str) -> String {
    "../".repeat(address.matches('/').count())
}

/// How many files the build writes as pages for a programme of this shape: (language homes
/// and root, view pages).
pub fn page_counts(programme: &Programme, site_lang: Lang) -> (usize, usize) {
    let pages = SitePages::plan(programme, site_lang);
    let views = pages.view_langs.len() * view_pages_per_lang(programme, &pages.clashing_ids);
    (1 + Lang::ALL.len(), views)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::parse_programme;

    const PROGRAMME: &str = r#"{
        "schema_version": "1.0",
        "programme": {"id": "t", "title": "T", "time_zone": "UTC"},
        "themes": [{"id": "law", "label": "Law"}, {"id": "youth", "label": "Youth"}],
        "partners": [{"id": "iom", "name": "IOM"}],
        "events": [
            {"id": "a", "title": "A", "themes": ["law"], "partners": ["iom"], "when": {"start": "2012-06"}, "mode": "online"},
            {"id": "b", "title": "B", "themes": ["law"], "when": {"start": "2012-07-02"}},
            {"id": "Case", "title": "C", "when": {"start": "2012-07"}},
            {"id": "case", "title": "c", "when": {"start": "2012-07"}}
        ]
    }"#;

    fn programme() -> Programme {
        parse_programme(PROGRAMME).unwrap().0
    }

    fn pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .map(|(k, v)| (k.into(), v.into()))
            .collect()
    }

    #[test]
    fn views_with_a_static_page_get_its_address_and_others_the_query() {
        let programme = programme();
        let pages = SitePages::plan(&programme, Lang::En);
        let with = |query: &str, lang| address_of(&parse_query(&pairs(query)).0, lang, Some((&pages, &programme)));
        let cases = [
            ("", Lang::En, "en/"),
            ("", Lang::Ar, "ar/"),
            ("event=a", Lang::Fr, "fr/events/a.html"),
            ("theme=law", Lang::Fr, "fr/theme/law.html"),
            ("month=2012-07", Lang::Ru, "ru/month/2012-07.html"),
            ("mode=online", Lang::Zh, "zh/mode/online.html"),
            ("partner=iom", Lang::Es, "es/partner/iom.html"),
            // No page: two options, a search, an option no event has, a page of the app's own.
            ("theme=law,youth", Lang::Fr, "fr/?theme=law%2Cyouth"),
            ("theme=law&q=x", Lang::Fr, "fr/?q=x&theme=law"),
            ("theme=youth", Lang::Fr, "fr/?theme=youth"),
            ("view=shortlist", Lang::En, "en/?view=shortlist"),
            ("event=a&theme=law", Lang::En, "en/?theme=law&event=a"),
            ("event=nope", Lang::En, "en/?event=nope"),
            // Ids equal but for case would be one file on some systems: neither has a page.
            ("event=Case", Lang::En, "en/?event=Case"),
            ("programme=other.json&event=a", Lang::En, "en/?programme=other.json&event=a"),
        ];
        for (query, lang, expected) in cases {
            assert_eq!(with(query, lang), expected, "{query} in {lang:?}");
        }
        // Without pages (another programme than the build's), every view is a query.
        assert_eq!(address_of(&parse_query(&pairs("event=a")).0, Lang::En, None), "en/?event=a");
    }

    #[test]
    fn every_written_page_reads_back_as_the_view_it_shows() {
        let programme = programme();
        let pages = SitePages::plan(&programme, Lang::Fr);
        let all = pages.all_pages(&programme);
        // Root, six homes, then (2 events + 1 theme with events + 1 partner + 2 months + 1 mode) × 6.
        assert_eq!(all.len(), 1 + 6 + 7 * 6);
        assert_eq!(all[0], (String::new(), Lang::Fr, ViewState::default()));
        for (address, lang, view) in &all[1..] {
            let (read, ignored) = parse_address(address, &[]);
            assert!(ignored.is_empty(), "{address}: {ignored:?}");
            assert_eq!(read.language.as_deref(), Some(lang.tag()), "{address}");
            assert_eq!(ViewState { language: None, ..read }, *view, "{address}");
            assert_eq!(pages.page_of(&programme, view, *lang).as_deref(), Some(address.as_str()));
        }
    }

    #[test]
    fn the_query_adds_to_the_path_and_odd_paths_are_named() {
        let (view, ignored) = parse_address("fr/theme/law.html", &pairs("q=x&utm_source=mail"));
        assert!(ignored.is_empty());
        assert_eq!((view.language.as_deref(), view.filter.text.as_str()), (Some("fr"), "x"));
        assert!(view.filter.themes.contains("law"));
        // A language named by an older link's query wins over the path's.
        assert_eq!(parse_address("fr/", &pairs("lang=ar")).0.language.as_deref(), Some("ar"));
        assert_eq!(parse_address("", &pairs("event=a")).0.event.as_deref(), Some("a"));
        for odd in ["de/", "fr/events/", "fr/events/a", "fr/colour/red.html", "fr/month/2012-13.html", "fr/a/b/c.html", "fr/events/.x.html"]
        {
            let (view, ignored) = parse_address(odd, &[]);
            assert_eq!(ignored.len(), 1, "{odd}");
            assert_eq!(view, ViewState::default(), "{odd}");
        }
    }

    #[test]
    fn big_programmes_get_view_pages_in_as_many_languages_as_fit() {
        let big = |events| crate::domain::synthetic::synthetic_programme(events, 3);
        for (events, languages) in [(100, 6), (2_000, 6), (3_000, 4), (10_000, 1), (16_000, 0)] {
            let text = serde_json::to_string(&big(events)).unwrap();
            let programme = parse_programme(&text).unwrap().0;
            let pages = SitePages::plan(&programme, Lang::Fr);
            assert_eq!(pages.view_langs.len(), languages, "{events} events");
            assert_eq!(pages.view_langs.first().copied(), (languages > 0).then_some(Lang::Fr), "the programme's language first");
            let (homes, views) = page_counts(&programme, Lang::Fr);
            assert_eq!(homes, 7);
            assert!(views <= MAX_VIEW_PAGES, "{events} events: {views} pages");
        }
    }

    #[test]
    fn the_meta_round_trips_and_links_climb_to_the_root() {
        let programme = programme();
        let pages = SitePages::plan(&programme, Lang::Ar);
        assert_eq!(pages.to_meta(), "ar ar zh en fr ru es / Case case");
        assert_eq!(SitePages::from_meta(&pages.to_meta()), Some(pages));
        assert_eq!(SitePages::from_meta("en en").map(|pages| pages.view_langs), Some(vec![Lang::En]));
        assert_eq!(SitePages::from_meta("xx en"), None);
        assert_eq!(SitePages::from_meta(""), None);
        assert_eq!(root_from(""), "");
        assert_eq!(root_from("fr/"), "../");
        assert_eq!(root_from("fr/events/a.html"), "../../");
    }
}
