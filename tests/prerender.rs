//! The build-time static pages (feature `prerender`): every language's home, a page per event
//! and per filter option, rendered natively from the app's components, with their heads, the
//! security policy of the inlined files, the sitemap, and the organisers' refresh command.
//! `scripts/test` runs these with `--features prerender`.
#![cfg(feature = "prerender")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use programme_browser::domain::i18n::{parse_catalog, Lang, Locale};
use programme_browser::prerender::{build_site, Options, Site};

const SOURCE_INDEX: &str = include_str!("../index.html");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundled() -> String {
    std::fs::read_to_string(root().join("public/programme.json")).expect("bundled programme")
}

/// The source index.html as Trunk writes it: the stylesheet and the boot script as files.
fn trunk_index() -> String {
    SOURCE_INDEX
        .replace(
            r#"<link data-trunk rel="css" href="public/styles.css">"#,
            r#"<link rel="stylesheet" href="./styles-0123456789abcdef.css">"#,
        )
        .replace(r#"<script data-trunk src="public/boot.js"></script>"#, r#"<script src="./boot-0123456789abcdef.js"></script>"#)
        .replace(
            r#"<script data-trunk type="module" src="public/start.js"></script>"#,
            r#"<script src="./start-0123456789abcdef.js" integrity="sha384-x" type="module"></script>"#,
        )
}

fn built_file(name: &str) -> Option<String> {
    match name {
        "styles-0123456789abcdef.css" => std::fs::read_to_string(root().join("public/styles.css")).ok(),
        "boot-0123456789abcdef.js" => std::fs::read_to_string(root().join("public/boot.js")).ok(),
        _ => None,
    }
}

/// Every language file of the app, as the build's prerender reads them.
fn locales() -> Vec<Locale> {
    let mut locales = vec![Locale::ENGLISH];
    for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
        let text = std::fs::read_to_string(root().join(format!("public/i18n/{}.json", lang.tag()))).unwrap();
        locales.push(Locale::from_catalog(parse_catalog(&text).unwrap()));
    }
    locales
}

fn options(public: Option<&str>) -> Options {
    Options {
        public: public.map(str::to_owned),
        has_preview_image: false,
        policy_in_page: true,
        now: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        locales: locales(),
    }
}

fn site_of(text: &str, public: Option<&str>) -> Site {
    build_site(&trunk_index(), text, &options(public), built_file, |_| Lang::En).expect("builds")
}

fn page<'a>(site: &'a Site, file: &str) -> &'a str {
    &site.pages.iter().find(|(name, _)| name == file).unwrap_or_else(|| panic!("no page {file}")).1
}

fn file<'a>(site: &'a Site, name: &str) -> &'a str {
    &site.files.iter().find(|(file, _)| file == name).unwrap_or_else(|| panic!("no file {name}")).1
}

/// The `content`/`href` of the head's `<meta property=…>`/`<link rel=… hreflang=…>`, etc.
fn attribute_after(html: &str, start: &str, name: &str) -> Option<String> {
    let at = html.find(start)?;
    let tag = &html[at..at + html[at..].find('>')?];
    let from = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[from..from + tag[from..].find('"')?].to_owned())
}

#[test]
fn every_language_has_its_home_page_in_that_language_with_its_alternates() {
    let site = site_of(&bundled(), None);
    let expectations = [
        ("index.html", "en", "ltr", "10 events"),
        ("en/index.html", "en", "ltr", "10 events"),
        ("fr/index.html", "fr", "ltr", "10 événements"),
        ("ar/index.html", "ar", "rtl", "10"),
        ("zh/index.html", "zh", "ltr", "10"),
        ("ru/index.html", "ru", "ltr", "10"),
        ("es/index.html", "es", "ltr", "10 eventos"),
    ];
    for (name, lang, dir, count) in expectations {
        let html = page(&site, name);
        assert!(html.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)), "{name}");
        assert!(html.contains(&format!(r#"data-lang="{lang}""#)), "{name}");
        let count_line = html.split(r#"data-testid="result-count""#).nth(1).unwrap().split('>').nth(1).unwrap().split('<').next().unwrap();
        assert!(count_line.contains(count), "{name}: {count_line}");
        // From the app's own components: the same test ids as the running app.
        for testid in ["programme-title", "search", "open-filters", "event-list", "language-fr", "language-ar"] {
            assert!(html.contains(&format!(r#"data-testid="{testid}""#)), "{name}: {testid}");
        }
        // Each home names every language's home and the root (x-default) for the boot script;
        // without the publish address, no canonical or hreflang links (search engines take
        // them only absolute).
        let depth = if name == "index.html" { "" } else { "../" };
        let languages = attribute_after(html, r#"name="pb-languages""#, "content").unwrap();
        let root = if depth.is_empty() { "./" } else { "../" };
        assert_eq!(
            languages,
            format!("ar={depth}ar/ zh={depth}zh/ en={depth}en/ fr={depth}fr/ ru={depth}ru/ es={depth}es/ x-default={root}"),
            "{name}"
        );
        assert!(!html.contains(r#"rel="canonical""#) && !html.contains("hreflang=\"x-default\""), "{name}");
        // Where an older link's one view has its page (`?theme=…`), for the boot script.
        assert_eq!(
            attribute_after(html, r#"<meta name="pb-view-pages""#, "content").as_deref(),
            Some("event=events theme=theme month=month partner=partner series=series mode=mode language=language accessibility=accessibility person=person venue=venue"),
            "{name}"
        );
        // The language picker is links, which work without JavaScript.
        assert!(html.contains(&format!(r#"href="{depth}ar/" hreflang="ar" lang="ar""#)), "{name}: picker links");
    }
    // Arabic reads right to left with Arabic dates; French with French ones.
    assert!(page(&site, "ar/index.html").contains("يونيو 2012"));
    assert!(page(&site, "fr/index.html").contains("Juin 2012"));
}

#[test]
fn an_events_page_shows_the_event_and_previews_as_it() {
    let site = site_of(&bundled(), Some("https://example.org/programme"));
    let html = page(&site, "fr/events/ms-2012-06-migration-law.html");
    // The event, from the app's own event-detail component.
    assert!(html.contains(r#"data-testid="event-detail" data-event-id="ms-2012-06-migration-law""#));
    assert!(html.contains("International migration law") && html.contains("Juin 2012") && html.contains("Given with IOM."));
    assert!(html.contains(r#"data-testid="add-to-calendar""#) || html.contains(r#"data-testid="calendar-month-only""#));
    let title = html.split("<title>").nth(1).unwrap().split("</title>").next().unwrap();
    assert!(title.starts_with("International migration law – UNITAR migration training"), "{title}");
    let og = |property: &str| attribute_after(html, &format!(r#"property="og:{property}""#), "content").unwrap_or_default();
    assert!(og("title").starts_with("International migration law"));
    assert!(og("description").contains("Juin 2012") && og("description").contains("Given with IOM."), "{}", og("description"));
    assert_eq!(og("url"), "https://example.org/programme/fr/events/ms-2012-06-migration-law.html");
    assert_eq!(og("image"), "https://example.org/programme/icons/icon-512.png");
    assert_eq!(
        attribute_after(html, r#"rel="canonical""#, "href").as_deref(),
        Some("https://example.org/programme/fr/events/ms-2012-06-migration-law.html")
    );
    // Alternates: the event in every language, absolute; no x-default (only homes have one).
    assert_eq!(html.matches(r#"<link rel="alternate" hreflang="#).count(), 6);
    let languages = attribute_after(html, r#"name="pb-languages""#, "content").unwrap();
    assert!(languages.starts_with("ar=../../ar/events/ms-2012-06-migration-law.html zh="), "relative for the boot script: {languages}");
    assert!(!html.contains(r#"<meta name="pb-view-pages""#), "only a language's home lists where older links' views are");
    assert_eq!(
        attribute_after(html, r#"hreflang="ar""#, "href").as_deref(),
        Some("https://example.org/programme/ar/events/ms-2012-06-migration-law.html")
    );
    // JSON-LD of this one event.
    let start = html.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let json: serde_json::Value = serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()]).unwrap();
    let graph = json["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), 1);
    assert_eq!(graph[0]["name"], "International migration law");
    // Links from it reach the root's files and other pages from two folders down.
    assert!(html.contains(r#"href="../../manifest.webmanifest""#));
    assert!(html.contains(r#"data-testid="back-to-list""#) && html.contains(r#"href="../../fr/""#));
}

#[test]
fn a_timed_events_page_carries_its_calendar_file_for_readers_without_javascript() {
    let timed = std::fs::read_to_string(root().join("tests/fixtures/timed.json")).unwrap();
    let site = site_of(&timed, Some("https://example.org/p/"));
    let html = page(&site, "en/events/before-dst.html");
    let link = html.split(r#"data-testid="add-to-calendar""#).next().unwrap();
    let href = link.rsplit("href=\"").next().unwrap().split('"').next().unwrap();
    assert!(href.starts_with("data:text/calendar;charset=utf-8,"), "{href}");
    let decoded = percent_decode(&href["data:text/calendar;charset=utf-8,".len()..]);
    assert!(decoded.starts_with("BEGIN:VCALENDAR\r\n") && decoded.contains("UID:before-dst@timed-2026.programme-browser"), "{decoded}");
    assert!(decoded.contains("URL:https://example.org/p/en/events/before-dst.html"), "{decoded}");
    assert!(html.contains(r#"download="before-dst.ics""#));
}

#[test]
fn an_events_static_page_names_its_people_and_previews_them_as_performers() {
    let people = std::fs::read_to_string(root().join("tests/fixtures/people.json")).unwrap();
    let site = site_of(&people, Some("https://example.org/p/"));
    let html = page(&site, "ar/events/panel.html");
    // The app's own list, in Arabic, readable without JavaScript.
    assert!(html.contains(r#"data-testid="event-people""#) && html.contains("المشاركون"), "the people's list");
    assert!(html.contains("متحدث") && html.contains("المنظمة الدولية للهجرة"));
    assert!(html.contains(r#"person/amina-diallo.html">Amina Diallo</a>"#), "the name leads to her page");
    // Her page: who she is, in Arabic where the file has it, above her events.
    let hers = page(&site, "ar/person/amina-diallo.html");
    assert!(hers.contains(r#"data-testid="person-profile""#) && hers.contains("المنظمة الدولية للهجرة"), "the profile");
    assert!(hers.contains(r#"<a href="https://example.org/people/amina-diallo" rel="noopener noreferrer">"#), "her own link");
    assert!(hers.contains(r#"data-event-id="panel""#) && hers.contains(r#"data-event-id="training""#), "her events");
    let start = html.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let json: serde_json::Value = serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()]).unwrap();
    let performers = json["@graph"][0]["performer"].as_array().unwrap();
    assert_eq!(performers.len(), 3);
    assert_eq!(performers[2]["name"], "Li Wei");
    // The home page's cards name them, with the language's separator.
    let home = page(&site, "ar/index.html");
    let line = home.split(r#"class="card-people">"#).nth(1).map(|rest| rest.split("</p>").next().unwrap());
    assert_eq!(line, Some("Amina Diallo، Jonas Peeters، Li Wei"), "the first card's people");
}

#[test]
fn static_pages_say_in_which_languages_and_with_what_access_and_offer_them_as_filters() {
    let languages = std::fs::read_to_string(root().join("tests/fixtures/languages.json")).unwrap();
    let site = site_of(&languages, None);
    let html = page(&site, "fr/events/plenary.html");
    // Languages by name in the reader's language, the note in its own.
    assert!(html.contains(">Interprétation<") && html.contains("<li>Arabe</li>") && html.contains("<li>Chinois</li>"), "interpretation");
    assert!(
        html.contains(">Accessibilité<")
            && html.contains("<li>Sous-titrage en direct</li>")
            && html.contains("<li>Accès de plain-pied</li>")
    );
    assert!(html.contains(r#"<p class="field-note">Langue des signes internationale sur demande avant le 1er avril.</p>"#), "the note");
    // Without a clock the join link is live, with the words that say when it is of use.
    assert!(
        html.contains(r#"<a href="https://meet.example.org/plenary" rel="noopener noreferrer">Rejoindre sur la plateforme</a>"#),
        "join"
    );
    assert!(html.contains("de 30 minutes avant le début jusqu'à la fin"));
    let arabic = page(&site, "ar/events/plenary.html");
    assert!(arabic.contains(r#"<p lang="en" class="field-note">International Sign on request by 1 April.</p>"#), "an English note, marked");
    // A static page per language and per feature, its filter chosen in the panel.
    let by_french = page(&site, "ar/language/fr.html");
    assert!(by_french.contains("اللغة أو الترجمة الشفوية: الفرنسية"), "its title names the option");
    assert!(by_french.contains(r#"data-testid="option-language-fr" value="fr" checked"#), "the option is chosen");
    let captioned = page(&site, "en/accessibility/captioning.html");
    assert!(captioned.contains(r#"data-testid="option-accessibility-captioning""#));
}

#[test]
fn a_venues_static_page_says_where_it_is_with_a_map_link_and_its_events_page_leads_there() {
    let venues = std::fs::read_to_string(root().join("tests/fixtures/venues.json")).unwrap();
    let site = site_of(&venues, Some("https://example.org/p/"));
    let html = page(&site, "ar/events/dialogue.html");
    // The place in Arabic with its room, leading to the venue's page; the floor and a map.
    assert!(html.contains(r#"venue/unhq.html" data-testid="event-venue-link">قاعة الاجتماعات 4, مقر الأمم المتحدة, نيويورك</a>"#), "{html}");
    assert!(html.contains(r#"<p lang="en" class="field-note">First basement (1B)</p>"#), "the floor, marked as English");
    assert!(html.contains(r#"href="https://www.openstreetmap.org/?mlat=40.7489&amp;mlon=-73.968#map=18/40.7489/-73.968""#));
    // The venue's page: address, map links, access, rooms, above its events.
    let venue = page(&site, "fr/venue/unhq.html");
    assert!(venue.contains(r#"data-testid="venue-profile""#) && venue.contains(">Siège de l'Organisation des Nations Unies</h2>"));
    assert!(venue.contains("405 East 42nd Street, New York"), "the address");
    assert!(venue.contains(r#"<a href="geo:40.7489,-73.968" data-testid="venue-geo-link">Ouvrir dans une application de cartes</a>"#));
    assert!(venue.contains(">Voir sur une carte</a>") && venue.contains("Accès de plain-pied"));
    assert!(venue.contains("Salle de conférence 4") && venue.contains("Premier sous-sol (1B)") && venue.contains("Boucle magnétique"));
    assert!(venue.contains(r#"data-event-id="dialogue""#) && venue.contains(r#"data-event-id="briefing""#), "its events");
    assert!(!venue.contains(r#"data-event-id="course""#));
    // A place in another language than the reader's is marked as such, the map link is not.
    let course = page(&site, "fr/events/course.html");
    assert!(
        course.contains(r#"<dd><a href="../../fr/venue/antwerp.html" lang="en" data-testid="event-venue-link">City Hall, Antwerp</a>"#),
        "{course}"
    );
    assert!(course.contains(
        r#"search?query=Grote+Markt+1%2C+Anvers" rel="noopener noreferrer" data-testid="event-map-link">Voir sur une carte</a>"#
    ));
    // The event's JSON-LD has the place on the globe.
    let start = html.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let json: serde_json::Value = serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()]).unwrap();
    assert_eq!(json["@graph"][0]["location"]["geo"]["latitude"], "40.7489");
}

/// "Now and next" is linked from every page of a programme with days or times, in each
/// language, and the static pages carry nothing that depends on the clock at build time.
#[test]
fn a_timed_programmes_pages_link_to_now_and_next_without_a_clock_of_their_own() {
    let timed = std::fs::read_to_string(root().join("tests/fixtures/timed.json")).unwrap();
    let site = site_of(&timed, None);
    for (file, label) in
        [("index.html", ">Now and next<"), ("fr/index.html", ">En ce moment<"), ("ar/events/before-dst.html", ">الآن وما يلي<")]
    {
        let html = page(&site, file);
        let at = html.find(r#"data-testid="nav-now""#).unwrap_or_else(|| panic!("{file}: no link to now and next"));
        let tag = &html[html[..at].rfind("<a ").expect("its link")..at];
        assert!(tag.contains("view=now\""), "{file}: {tag}");
        assert!(html.contains(label), "{file}: {label}");
        assert!(!html.contains(r#"data-testid="now-entry""#), "{file}: the build's clock must not show");
    }
    let bundled = site_of(&bundled(), None);
    assert!(!page(&bundled, "index.html").contains(r#"data-testid="nav-now""#), "known only to the month: no entry");
}

/// Every programme the tests know renders as a whole site natively (timed events, places in
/// several languages, cancelled events, long words, problems...): no component reaches for a
/// browser API on its way to a static page.
#[test]
fn every_fixture_programme_renders_as_a_site() {
    let mut rendered = 0;
    for entry in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        if programme_browser::domain::programme::parse_programme(&text).is_err() {
            continue;
        }
        let site = site_of(&text, Some("https://example.org/p/"));
        assert!(site.pages.len() >= 7, "{}", path.display());
        rendered += 1;
    }
    assert!(rendered >= 8, "only {rendered} fixtures rendered");
}

fn percent_decode(text: &str) -> String {
    let mut bytes = Vec::new();
    let mut rest = text.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'%' && tail.len() >= 2 {
            bytes.push(u8::from_str_radix(std::str::from_utf8(&tail[..2]).unwrap(), 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).unwrap()
}

#[test]
fn a_filtered_view_has_a_page_with_its_events_only() {
    let site = site_of(&bundled(), None);
    let html = page(&site, "en/theme/education.html");
    assert_eq!(html.matches(r#"data-testid="event-card""#).count(), 2);
    assert!(html.contains(r#"data-event-id="ms-2012-08-social-inclusion""#) && html.contains(r#"data-event-id="ms-2012-12-women""#));
    let option = html.split(r#"data-testid="option-theme-education""#).nth(1).unwrap().split('>').next().unwrap();
    assert!(option.contains("checked"), "the option is shown chosen: {option}");
    let title = html.split("<title>").nth(1).unwrap().split("</title>").next().unwrap();
    assert!(title.starts_with("Theme: Education – "), "{title}");
    assert!(page(&site, "es/month/2012-08.html").contains("2 eventos"));
    assert!(page(&site, "en/partner/iom.html").contains(r#"data-event-id="ms-2012-06-migration-law""#));
    assert!(page(&site, "en/mode/hybrid.html").contains(r#"data-testid="result-count""#));
}

/// Every relative link on every static page (`<a href>`, and the links of `<head>`) leads to a
/// page or file that the build writes or ships: nothing a reader or a crawler follows is a 404.
#[test]
fn every_link_on_every_page_leads_somewhere() {
    let site = site_of(&bundled(), None);
    let mut exists: BTreeSet<String> =
        site.pages.iter().map(|(name, _)| name.clone()).chain(site.files.iter().map(|(name, _)| name.clone())).collect();
    for shipped in ["favicon.svg", "programme.json", "icons/icon-512.png", "styles-0123456789abcdef.css", "boot-0123456789abcdef.js"] {
        exists.insert(shipped.to_owned());
    }
    let mut checked = 0;
    for (name, html) in &site.pages {
        let folder: Vec<&str> = name.split('/').collect::<Vec<_>>()[..name.matches('/').count()].to_vec();
        for part in html.split(" href=\"").skip(1) {
            let href = part.split('"').next().unwrap().replace("&amp;", "&");
            // (Trunk's own directives name the sources it copies: not links of the built page.)
            if href.starts_with('#') || href.starts_with("http") || href.starts_with("webcal:") || href.contains("public/") {
                continue;
            }
            let path = href.split(['?', '#']).next().unwrap();
            let mut parts: Vec<&str> = folder.clone();
            for step in path.split('/') {
                match step {
                    ".." => {
                        assert!(parts.pop().is_some(), "{name}: {href} climbs above the root");
                    }
                    "." | "" => {}
                    step => parts.push(step),
                }
            }
            let mut target = parts.join("/");
            if path.is_empty() || path.ends_with('/') {
                target = if target.is_empty() { "index.html".into() } else { format!("{target}/index.html") };
            }
            assert!(exists.contains(&target), "{name}: {href} -> {target} does not exist");
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}

#[test]
fn the_pages_carry_a_policy_naming_their_inline_files_and_hosts_get_the_same() {
    let site = site_of(&bundled(), None);
    let html = page(&site, "index.html");
    // The stylesheet and boot script are in the page: the first paint needs no other request.
    assert!(!html.contains(r#"rel="stylesheet""#) && html.contains(r#"<style data-href="./styles-0123456789abcdef.css">"#));
    assert!(html.contains(r#"<script data-src="./boot-0123456789abcdef.js">"#));
    // No other script is asked for while the page is read: the boot script adds the app's
    // loader, which it finds before it, once the page is painted.
    let loader = html.find(r#"<meta name="app-start" data-src="./start-0123456789abcdef.js" data-integrity="sha384-x">"#);
    assert!(loader.is_some_and(|at| at < html.find("<script data-src").unwrap()), "{html}");
    assert!(!html.contains("<script src") && !html.contains(r#"type="module""#));
    let policy = attribute_after(html, r#"http-equiv="Content-Security-Policy""#, "content").unwrap();
    use base64::Engine;
    let hash = |text: &str| {
        use sha2::Digest;
        format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes())))
    };
    let boot = html.split(r#"<script data-src="./boot-0123456789abcdef.js">"#).nth(1).unwrap().split("</script>").next().unwrap();
    let styles = html.split(r#"<style data-href="./styles-0123456789abcdef.css">"#).nth(1).unwrap().split("</style>").next().unwrap();
    assert!(policy.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {}", hash(boot))), "{policy}");
    assert!(policy.contains(&format!("style-src 'self' {}", hash(styles))), "{policy}");
    // Every page the same policy, first in its head.
    for (name, html) in &site.pages {
        let head = html.split("<!--prerender:head-->").nth(1).unwrap();
        assert!(head.trim_start().starts_with("<meta http-equiv=\"Content-Security-Policy\""), "{name}");
        assert_eq!(attribute_after(html, r#"http-equiv="Content-Security-Policy""#, "content").as_ref(), Some(&policy), "{name}");
    }
    for host_file in ["_headers", ".htaccess", "nginx-security-headers.conf"] {
        assert!(file(&site, host_file).contains(&format!("{policy}; frame-ancestors 'none'")), "{host_file}");
    }
}

#[test]
fn with_a_publish_address_everything_is_absolute_and_a_sitemap_lists_every_page() {
    let site = site_of(&bundled(), Some("https://example.org/programme/"));
    let sitemap = file(&site, "sitemap.xml");
    assert_eq!(sitemap.matches("<loc>").count(), site.pages.len());
    assert!(sitemap.contains("<loc>https://example.org/programme/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/programme/ar/events/lphm-2013-05-media.html</loc>"));
    assert!(sitemap
        .contains(r#"<xhtml:link rel="alternate" hreflang="zh" href="https://example.org/programme/zh/events/lphm-2013-05-media.html"/>"#));
    // The bundled programme is known only to the month: no empty feed is offered.
    assert!(page(&site, "index.html").contains(r#"data-testid="calendar-nothing-yet""#));
    assert!(!page(&site, "index.html").contains("webcal:"));
    // A programme with days: the subscription link opens the calendar app at the absolute address.
    let timed = std::fs::read_to_string(root().join("tests/fixtures/timed.json")).expect("timed programme");
    let timed_site = site_of(&timed, Some("https://example.org/programme/"));
    assert!(page(&timed_site, "index.html").contains(r#"href="webcal://example.org/programme/programme.ics""#));
    assert!(file(&site, "_redirects").contains("/programme/ /programme/fr/ 302 Language=fr"));
    // The publish address is kept in the page for the next refresh.
    assert!(page(&site, "index.html").contains(r#"<meta name="publish-address" content="https://example.org/programme/">"#));
    let again = build_site(page(&site, "index.html"), &bundled(), &options(None), built_file, |_| Lang::En).unwrap();
    assert!(file(&again, "sitemap.xml").contains("https://example.org/programme/"));
    // Without one: relative links, no sitemap (it needs absolute addresses), no og:url.
    let relative = site_of(&bundled(), None);
    assert!(!relative.files.iter().any(|(name, _)| name == "sitemap.xml"));
    assert!(!page(&relative, "index.html").contains("og:url"));
}

#[test]
fn hostile_programme_text_is_escaped_everywhere() {
    let hostile = r#"{"schema_version":"1.1","programme":{"id":"p","title":"</title><script>alert(1)</script>",
        "description":"\"><img src=x onerror=alert(2)>","time_zone":"UTC"},
      "events":[{"id":"e","title":"</script><script>alert(3)</script>","summary":"<b>bold</b>","when":{"start":"2026-01"}}]}"#;
    let site = site_of(hostile, Some("https://example.org/p/"));
    for (name, html) in &site.pages {
        for attack in ["<script>alert(", "<img src=x", "<b>bold</b>"] {
            assert!(!html.contains(attack), "{name}: `{attack}` got through");
        }
    }
    let index = page(&site, "index.html");
    assert!(index.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    let start = index.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let end = start + index[start..].find("</script>").unwrap();
    let json: serde_json::Value = serde_json::from_str(&index[start..end]).expect("JSON-LD parses");
    assert_eq!(json["@graph"][0]["name"], "</script><script>alert(3)</script>");
    assert!(!file(&site, "sitemap.xml").contains("<script>"));
}

#[test]
fn a_broken_programme_or_address_is_refused_with_where() {
    let error = build_site(&trunk_index(), "{\n  \"schema_version\": \"1.1\",\n  oops\n}", &options(None), built_file, |_| Lang::En)
        .err()
        .expect("refused");
    assert!(error.to_string().contains("line 3"), "{error}");
    let error = build_site(&trunk_index(), &bundled(), &options(Some("example.org")), built_file, |_| Lang::En).err().expect("refused");
    assert!(error.to_string().contains("https://"), "{error}");
}

#[test]
fn the_manifest_is_relative_and_named_after_the_programme() {
    let site = site_of(&bundled(), None);
    let manifest: serde_json::Value = serde_json::from_str(file(&site, "manifest.webmanifest")).expect("JSON");
    assert_eq!(manifest["start_url"], "./");
    assert_eq!(manifest["scope"], "./");
    assert_eq!(manifest["short_name"], "UNITAR migration training");
    assert!(manifest["name"].as_str().unwrap().contains("Learning Platform on Human Mobility"));
    let icons = manifest["icons"].as_array().unwrap();
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        let path = if src == "favicon.svg" { PathBuf::from("public/favicon.svg") } else { Path::new("public").join(src) };
        assert!(root().join(&path).is_file(), "{src} is shipped");
    }
    assert!(icons.iter().any(|icon| icon["purpose"] == "maskable"));
}

#[test]
fn only_the_first_page_is_rendered_for_a_big_programme() {
    let big = serde_json::to_string(&programme_browser::domain::synthetic::synthetic_programme(1000, 7)).unwrap();
    let site = site_of(&big, None);
    let home = page(&site, "index.html");
    assert_eq!(home.matches("data-testid=\"event-card\"").count(), 30);
    // Its events run from 2025 to 2027: those over on the build's day are left out.
    let (programme, _) = programme_browser::domain::programme::parse_programme(&big).unwrap();
    let today = chrono::Local::now().date_naive();
    let listed = programme_browser::domain::filter::apply(&programme, &Default::default(), today).matching.len();
    assert!(listed > 30 && listed <= 1000, "{listed}");
    let count = programme_browser::domain::i18n::format_count(programme_browser::domain::i18n::Locale::ENGLISH, listed);
    assert!(home.contains(&format!("{count} events")), "{count} events");
    assert!(home.contains("data-testid=\"show-more\""));
}

/// A fresh folder like a first build's dist/: Trunk's index.html, its two inlined files and the
/// bundled programme and language files.
fn built_dist(name: &str) -> PathBuf {
    let dist = std::env::temp_dir().join(format!("pb-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(dist.join("i18n")).unwrap();
    std::fs::write(dist.join("index.html"), trunk_index()).unwrap();
    for name in ["styles-0123456789abcdef.css", "boot-0123456789abcdef.js"] {
        std::fs::write(dist.join(name), built_file(name).unwrap()).unwrap();
    }
    std::fs::write(dist.join("programme.json"), bundled()).unwrap();
    for lang in ["ar", "zh", "fr", "ru", "es"] {
        std::fs::copy(root().join(format!("public/i18n/{lang}.json")), dist.join(format!("i18n/{lang}.json"))).unwrap();
    }
    dist
}

/// Runs the prerender command.
fn run(args: &[&Path]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prerender")).args(args).output().expect("runs")
}

#[test]
fn the_refresh_command_rewrites_every_page_and_changes_nothing_on_a_bad_file() {
    let dist = built_dist("refresh");
    let dropped = "ms-2012-08-rio-20";

    let out = run(&[&dist]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let built = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(built.contains(dropped) && dist.join("manifest.webmanifest").is_file());
    assert!(dist.join(format!("ar/events/{dropped}.html")).is_file());
    assert!(std::fs::read_to_string(dist.join("fr/index.html")).unwrap().contains("10 événements"));

    // A new programme given as a second argument is checked, copied in, and every page made
    // again: the dropped event's pages are gone, every language's home is updated.
    let updated = root().join("tests/fixtures/programme-updated.json");
    let out = run(&[&dist, &updated]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(dist.join("programme.json")).unwrap(), std::fs::read(&updated).unwrap());
    let refreshed = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(!refreshed.contains(dropped));
    assert_eq!(refreshed.matches("<!--prerender:body-->").count(), 1, "replaced in place");
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        assert!(!dist.join(format!("{lang}/events/{dropped}.html")).exists(), "{lang}: the dropped event's page stays");
        assert!(!std::fs::read_to_string(dist.join(format!("{lang}/index.html"))).unwrap().contains(dropped), "{lang}");
    }
    assert!(std::fs::read_to_string(dist.join("fr/index.html")).unwrap().contains("9 événements"));

    // A file that cannot be loaded: exit 2, a message with the line, nothing changed.
    let broken = root().join("tests/fixtures/broken-syntax.json");
    let out = run(&[&dist, &broken]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("line") && message.contains("nothing was changed"), "{message}");
    assert_eq!(std::fs::read_to_string(dist.join("index.html")).unwrap(), refreshed);
    assert_eq!(std::fs::read(dist.join("programme.json")).unwrap(), std::fs::read(&updated).unwrap());

    // The publish address, given once, is kept for later runs.
    let out = Command::new(env!("CARGO_BIN_EXE_prerender")).arg("--address").arg("https://example.org/p/").arg(&dist).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(run(&[&dist]).status.success());
    assert!(std::fs::read_to_string(dist.join("sitemap.xml")).unwrap().contains("https://example.org/p/fr/"));
    let _ = std::fs::remove_dir_all(&dist);
}

#[test]
fn the_organiser_command_publishes_a_spreadsheet_or_a_schedule_into_a_built_dist() {
    let dist = built_dist("publish");

    // A pretalx export: converted, checked, written in with its pages and feeds.
    let out = run(&[&dist, &root().join("tests/fixtures/frab/pretalx-rc3.json")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let programme: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dist.join("programme.json")).unwrap()).unwrap();
    assert_eq!(programme["programme"]["id"], "rc3-channels-2020");
    assert_eq!(programme["events"].as_array().unwrap().len(), 48);
    let page = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(page.contains("rC3 Channels"), "the first screen is the new programme's");
    assert!(std::fs::read_to_string(dist.join("programme.ics")).unwrap().matches("BEGIN:VEVENT").count() == 48);

    // The spreadsheet template's folder, with one planted mistake: listed by row and column,
    // that event left out, the rest published.
    let sheets = dist.join("sheets");
    std::fs::create_dir_all(&sheets).unwrap();
    for entry in std::fs::read_dir(root().join("docs/spreadsheet-template")).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.ends_with("events.csv") {
            text = text.replacen(",2012-06,", ",2012-13,", 1);
        }
        std::fs::write(sheets.join(path.file_name().unwrap()), text).unwrap();
    }
    let out = run(&[&dist, &sheets]);
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{report}");
    assert!(report.contains("events.csv, row 3, column E (start): "), "{report}");
    let programme: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dist.join("programme.json")).unwrap()).unwrap();
    assert_eq!(programme["programme"]["id"], "unitar-migration-2012-2013");
    assert_eq!(programme["events"].as_array().unwrap().len(), 9, "the event with the bad month is left out");
    let _ = std::fs::remove_dir_all(&dist);
}
