//! What a static page says about itself in `<head>`: its title and description, where it is
//! (canonical, the same view in the other languages), the link preview (Open Graph), the
//! schema.org JSON-LD of its events, and what the app needs to link to the other static pages.
//! Also the sitemap, which lists them all.

use crate::domain::address::SitePages;
use crate::domain::filter::Facet;
use crate::domain::i18n::{format_when, tr, Lang, Locale, Msg};
use crate::domain::linked_data::{events_json_ld, script_safe};
use crate::domain::programme::Programme;
use crate::domain::query::ViewState;

/// One page's place among the pages of the site.
pub struct PagePlace<'a> {
    /// Its address below the root ("" for the root page).
    pub address: &'a str,
    pub locale: Locale,
    pub view: &'a ViewState,
    /// "../" steps from the page to the root.
    pub root: &'a str,
    /// The root's absolute address, when the organiser gave it.
    pub public: Option<&'a str>,
}

impl PagePlace<'_> {
    /// A link from this page to `address` (below the root).
    fn relative(&self, address: &str) -> String {
        match format!("{}{address}", self.root) {
            // The root page itself: "" would name the page with its query.
            relative if relative.is_empty() => "./".to_owned(),
            relative => relative,
        }
    }
}

/// Whether the view is a language's home: the programme, unfiltered.
fn is_home(view: &ViewState) -> bool {
    (ViewState { language: None, ..view.clone() }) == ViewState::default()
}

/// Everything in the page's head block but its security policy.
pub struct Head<'a> {
    pub place: PagePlace<'a>,
    pub programme: &'a Programme,
    pub pages: &'a SitePages,
    /// The events the page shows first (for JSON-LD).
    pub events: &'a [usize],
    /// `<meta name="pb-pages">`'s content and the programme's SHA-256.
    pub pages_meta: &'a str,
    pub programme_sha256: &'a str,
    /// The link preview's image, below the root (`preview.png`, else the app's icon).
    pub image: &'a str,
    /// The list leaves out events over by the build's day until the programme's last day
    /// (`PastEvents::AsProgramme`): the boot script leaves out those over since, before the
    /// first paint, as the app will.
    pub past_left_out: Option<PastLeftOut>,
}

/// The build's day and the programme's last day, for `<meta name="pb-past">`.
pub struct PastLeftOut {
    pub built: chrono::NaiveDate,
    pub last_day: chrono::NaiveDate,
}

impl Head<'_> {
    pub fn html(&self) -> String {
        let place = &self.place;
        let tag = place.locale.tag();
        let programme_title = self.programme.meta.title.get(tag);
        let (title, description) = self.title_and_description();
        let site = self.programme.meta.publisher.as_ref().map(|p| p.get(tag)).unwrap_or_else(|| tr(place.locale, Msg::AppName));
        let mut lines =
            vec![format!("<title>{}</title>", escape(&title)), format!(r#"<meta name="description" content="{}">"#, escape(&description))];
        let alternates = self.alternates();
        // Search engines take canonical and language links only absolute: written when the
        // publish address is known. The boot script reads the same languages, relative (so a
        // copy on another host stays on that host), from `pb-languages`.
        if let Some(public) = place.public {
            lines.push(format!(r#"<link rel="canonical" href="{}">"#, escape(&format!("{public}{}", place.address))));
            for (lang, address) in &alternates {
                lines.push(format!(r#"<link rel="alternate" hreflang="{lang}" href="{}">"#, escape(&format!("{public}{address}"))));
            }
        }
        let languages: Vec<String> = alternates.iter().map(|(lang, address)| format!("{lang}={}", place.relative(address))).collect();
        lines.push(format!(r#"<meta name="pb-languages" content="{}">"#, escape(&languages.join(" "))));
        if let Some(folders) = self.pages.view_folders(place.locale.lang()).filter(|_| is_home(place.view)) {
            lines.push(format!(r#"<meta name="pb-view-pages" content="{folders}">"#));
        }
        if let Some(past) = &self.past_left_out {
            lines.push(format!(r#"<meta name="pb-past" content="{} {}">"#, past.built, past.last_day));
        }
        lines.extend([
            r#"<meta property="og:type" content="website">"#.to_owned(),
            format!(r#"<meta property="og:title" content="{}">"#, escape(&title)),
            format!(r#"<meta property="og:description" content="{}">"#, escape(&description)),
            format!(
                r#"<meta property="og:site_name" content="{}">"#,
                escape(if place.view.event.is_some() { programme_title } else { site })
            ),
            format!(r#"<meta property="og:locale" content="{tag}">"#),
        ]);
        if let Some(public) = place.public {
            lines.push(format!(r#"<meta property="og:url" content="{}">"#, escape(&format!("{public}{}", place.address))));
            lines.push(format!(r#"<meta property="og:image" content="{}">"#, escape(&format!("{public}{}", self.image))));
        }
        lines.extend([
            r#"<meta name="twitter:card" content="summary">"#.to_owned(),
            format!(r#"<link rel="manifest" href="{}manifest.webmanifest">"#, place.root),
            format!(r#"<meta name="pb-pages" content="{}" data-programme-sha256="{}">"#, self.pages_meta, self.programme_sha256),
            format!(
                r#"<script type="application/ld+json">{}</script>"#,
                script_safe(&events_json_ld(self.programme, self.events, tag).to_string())
            ),
        ]);
        lines.iter().map(|line| format!("\n    {line}")).collect::<String>() + "\n    "
    }

    /// The same view in each language that has a static page of it, and the root page as the
    /// one for every other language (x-default) on the programme's homes.
    fn alternates(&self) -> Vec<(&'static str, String)> {
        let place = &self.place;
        let mut alternates: Vec<(&str, String)> = Lang::ALL
            .into_iter()
            .filter_map(|lang| self.pages.page_of(self.programme, place.view, lang).map(|address| (lang.tag(), address)))
            .collect();
        if is_home(place.view) {
            alternates.push(("x-default", String::new()));
        }
        alternates
    }

    /// An event's page: its title, and its summary (or when and where). A filtered view: the
    /// option's name. The programme's home: its own title and description.
    fn title_and_description(&self) -> (String, String) {
        let (programme, locale) = (self.programme, self.place.locale);
        let tag = locale.tag();
        let programme_title = programme.meta.title.get(tag);
        let programme_description =
            programme.meta.description.as_ref().map(|d| d.get(tag)).unwrap_or_else(|| tr(locale, Msg::AppDescription));
        if let Some(event) = self.place.view.event.as_deref().and_then(|id| programme.event(id)) {
            let when_where = std::iter::once(format_when(locale, &event.when)).chain(event.place(tag)).collect::<Vec<_>>().join(" · ");
            let description = match &event.summary {
                Some(summary) => format!("{when_where}. {}", summary.get(tag)),
                None => when_where,
            };
            return (format!("{} – {programme_title}", event.title.get(tag)), shorten(&description, 300));
        }
        match option_name(programme, &self.place.view.filter, locale) {
            Some(name) => (format!("{name} – {programme_title}"), shorten(programme_description, 300)),
            None => (programme_title.to_owned(), shorten(programme_description, 300)),
        }
    }
}

/// "Theme: Youth": the one option a filtered view's page shows.
fn option_name(programme: &Programme, filter: &crate::domain::filter::Filter, locale: Locale) -> Option<String> {
    let (facet, code) = Facet::ALL.into_iter().find_map(|facet| filter.codes(facet).into_iter().next().map(|code| (facet, code)))?;
    let label = crate::components::labels::facet_label(locale, facet);
    Some(format!("{label}: {}", crate::components::labels::option_label(locale, programme, facet, &code)))
}

/// At most `max` characters, cut at a word with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(char::is_whitespace).map_or(cut.as_str(), |space| &cut[..space]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// `sitemap.xml` for the pages at these addresses, each with its other languages.
pub fn sitemap(public: &str, programme: &Programme, pages: &SitePages, all: &[(String, Lang, ViewState)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (address, _, view) in all {
        out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(&format!("{public}{address}"))));
        for lang in Lang::ALL {
            if let Some(other) = pages.page_of(programme, view, lang) {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    lang.tag(),
                    escape(&format!("{public}{other}"))
                ));
            }
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// Text safe in HTML text and in double-quoted attribute values (and in XML).
pub fn escape(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten("éééé ééé", 6), "éééé…");
    }
}
