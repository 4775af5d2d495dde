//! schema.org JSON-LD for link previews and search engines: the events on the first screen
//! as `EducationEvent`s, each date at the precision the file gives (a month stays a month).
//! Pure: the prerender puts the value into `index.html` (escaped there for a `<script>`).

use serde_json::{json, Map, Value};

use super::programme::{Event, Link, Mode, Programme, Status};
use super::when::When;

/// The events at `indices`, as one JSON-LD graph in the language `lang` (texts fall back as
/// the page does).
pub fn events_json_ld(programme: &Programme, indices: &[usize], lang: &str) -> Value {
    let organizer =
        programme.meta.publisher.as_ref().map(|publisher| named("Organization", publisher.get(lang), programme.meta.url.as_ref()));
    let events: Vec<Value> = indices
        .iter()
        .filter_map(|&index| programme.events.get(index))
        .map(|event| event_json(programme, event, lang, organizer.as_ref()))
        .collect();
    json!({ "@context": "https://schema.org", "@graph": events })
}

/// A schema.org thing of `kind` with its name, and its page when known.
fn named(kind: &str, name: &str, url: Option<&Link>) -> Value {
    let mut value = json!({ "@type": kind, "name": name });
    if let Some(url) = url {
        value["url"] = json!(url.url);
    }
    value
}

fn event_json(programme: &Programme, event: &Event, lang: &str, organizer: Option<&Value>) -> Value {
    let mut out = Map::new();
    out.insert("@type".into(), json!("EducationEvent"));
    out.insert("name".into(), json!(event.title.get(lang)));
    if let Some(summary) = &event.summary {
        out.insert("description".into(), json!(summary.get(lang)));
    }
    let (start, end) = dates(&event.when);
    out.insert("startDate".into(), json!(start));
    if let Some(end) = end {
        out.insert("endDate".into(), json!(end));
    }
    out.insert("eventStatus".into(), json!(format!("https://schema.org/{}", status_name(event.status))));
    let mode = event.mode.or(match event.status {
        Status::MovedOnline => Some(Mode::Online),
        _ => None,
    });
    if let Some(mode) = mode {
        out.insert("eventAttendanceMode".into(), json!(format!("https://schema.org/{}", attendance_name(mode))));
    }
    let location = locations(programme, event, mode, lang);
    if !location.is_empty() {
        out.insert("location".into(), if location.len() == 1 { location[0].clone() } else { Value::Array(location) });
    }
    if let Some(organizer) = organizer {
        out.insert("organizer".into(), organizer.clone());
    }
    let partners: Vec<Value> = event
        .partners
        .iter()
        .map(|&p| {
            let partner = &programme.partners[p];
            named("Organization", partner.name.get(lang), partner.url.as_ref())
        })
        .collect();
    if !partners.is_empty() {
        out.insert("contributor".into(), Value::Array(partners));
    }
    let performers: Vec<Value> = event
        .people
        .iter()
        .map(|participant| {
            let person = &programme.people[participant.person];
            let mut value = named("Person", person.name.get(lang), person.url.as_ref());
            if let Some(affiliation) = &person.affiliation {
                value["affiliation"] = named("Organization", affiliation.get(lang), None);
            }
            value
        })
        .collect();
    if !performers.is_empty() {
        out.insert("performer".into(), Value::Array(performers));
    }
    let documents: Vec<Value> = event
        .documents
        .iter()
        .map(|document| {
            let mut value = json!({ "@type": "CreativeWork", "url": document.url });
            if let Some(title) = &document.title {
                value["name"] = json!(title.get(lang));
            }
            if let Some(language) = &document.language {
                value["inLanguage"] = json!(language);
            }
            if let Some(symbol) = &document.symbol {
                value["identifier"] = json!(symbol);
            }
            value
        })
        .collect();
    if !documents.is_empty() {
        out.insert("subjectOf".into(), Value::Array(documents));
    }
    let themes: Vec<&str> = event.themes.iter().map(|&t| programme.themes[t].label.get(lang)).collect();
    if !themes.is_empty() {
        out.insert("keywords".into(), json!(themes.join(", ")));
    }
    if !event.languages.is_empty() {
        out.insert("inLanguage".into(), json!(event.languages));
    }
    if let Some(link) = event.links.first() {
        out.insert("url".into(), json!(link.url));
    }
    Value::Object(out)
}

/// ISO 8601 at the file's precision: "2012-04", "2012-04-05", or a full date-time.
fn dates(when: &When) -> (String, Option<String>) {
    match when {
        When::Months { start, end } => (start.to_string(), (end != start).then(|| end.to_string())),
        When::Days { start, end } => (start.to_string(), (end != start).then(|| end.to_string())),
        When::Times { start, end } => (start.to_rfc3339(), end.map(|end| end.to_rfc3339())),
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Scheduled => "EventScheduled",
        Status::Cancelled => "EventCancelled",
        Status::Postponed => "EventPostponed",
        Status::MovedOnline => "EventMovedOnline",
    }
}

fn attendance_name(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "OfflineEventAttendanceMode",
        Mode::Online => "OnlineEventAttendanceMode",
        Mode::Hybrid => "MixedEventAttendanceMode",
    }
}

/// A `Place` for a venue, a `VirtualLocation` for online attendance (its address is the
/// event's first link, when there is one), or both for hybrid events.
fn locations(programme: &Programme, event: &Event, mode: Option<Mode>, lang: &str) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(location) = &event.location {
        let mut address = Map::new();
        address.insert("@type".into(), json!("PostalAddress"));
        if let Some(street) = &location.address {
            address.insert("streetAddress".into(), json!(street.get(lang)));
        }
        if let Some(city) = &location.city {
            address.insert("addressLocality".into(), json!(city.get(lang)));
        }
        if let Some(country) = &location.country {
            address.insert("addressCountry".into(), json!(country));
        }
        let mut place = json!({ "@type": "Place", "name": location.name.get(lang) });
        if address.len() > 1 {
            place["address"] = Value::Object(address);
        }
        if let Some(geo) = location.geo {
            // schema.org takes the numbers as text too: serialising floats would add ~10 KB to the wasm.
            let (latitude, longitude) = geo.text();
            place["geo"] = json!({ "@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude });
        }
        if let Some(map) = event.venue.and_then(|at| programme.venues[at.venue].map_url(lang)) {
            place["hasMap"] = json!(map);
        }
        out.push(place);
    }
    if matches!(mode, Some(Mode::Online | Mode::Hybrid)) {
        let url = event.links.first().map(|link| link.url.clone()).or_else(|| programme.meta.url.as_ref().map(|link| link.url.clone()));
        let mut virtual_location = json!({ "@type": "VirtualLocation" });
        if let Some(url) = url {
            virtual_location["url"] = json!(url);
        }
        out.push(virtual_location);
    }
    out
}

/// Makes JSON safe inside an HTML `<script>` element: no `</script>`, no `<!--`, and no line
/// separators that old parsers treat as line ends. The JSON value is unchanged.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::parse_programme;

    fn bundled() -> Programme {
        parse_programme(include_str!("../../public/programme.json")).expect("bundled programme").0
    }

    #[test]
    fn every_event_has_the_properties_search_engines_require() {
        let programme = bundled();
        let all: Vec<usize> = (0..programme.events.len()).collect();
        let graph = events_json_ld(&programme, &all, "en");
        let events = graph["@graph"].as_array().expect("graph");
        assert_eq!(events.len(), programme.events.len());
        for event in events {
            // Google's required properties for Event rich results: name, startDate, location.
            assert!(event["name"].as_str().is_some_and(|n| !n.is_empty()), "{event}");
            assert!(event["startDate"].as_str().is_some(), "{event}");
            assert!(event["location"].is_object() || event["location"].is_array(), "{event}");
            assert!(event["eventStatus"].as_str().is_some_and(|s| s.starts_with("https://schema.org/Event")), "{event}");
            assert_eq!(event["organizer"]["name"], "United Nations Institute for Training and Research (UNITAR)");
        }
        // Months stay months: no day is invented.
        let first = &events[0];
        assert_eq!(first["startDate"], "2012-04");
        assert_eq!(first["name"], "Migration and sustainable development");
    }

    #[test]
    fn precision_status_and_attendance_follow_the_file() {
        let text = r#"{"schema_version":"1.1","programme":{"id":"p","title":"P","time_zone":"UTC"},
          "events":[
            {"id":"a","title":"A","when":{"start":"2026-03-01","end":"2026-03-03"},"mode":"online","links":[{"url":"https://example.org/a"}]},
            {"id":"b","title":"B","when":{"start":"2026-03-08T09:00:00-05:00"},"status":"cancelled","mode":"hybrid","location":{"name":"Hall","city":"New York","country":"US"}}
          ]}"#;
        let (programme, problems) = parse_programme(text).expect("parses");
        assert!(problems.is_empty(), "{problems:?}");
        let graph = events_json_ld(&programme, &[0, 1], "en");
        let a = &graph["@graph"][0];
        assert_eq!((a["startDate"].as_str(), a["endDate"].as_str()), (Some("2026-03-01"), Some("2026-03-03")));
        assert_eq!(a["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");
        assert_eq!(a["location"], json!({ "@type": "VirtualLocation", "url": "https://example.org/a" }));
        let b = &graph["@graph"][1];
        assert_eq!(b["startDate"], "2026-03-08T09:00:00-05:00");
        assert_eq!(b["eventStatus"], "https://schema.org/EventCancelled");
        assert_eq!(b["location"][0]["address"]["addressLocality"], "New York");
        assert_eq!(b["location"][1]["@type"], "VirtualLocation");
    }

    #[test]
    fn script_safe_json_cannot_close_the_script_and_still_parses() {
        let hostile = json!({ "name": "</script><script>alert(1)</script><!-- & \u{2028}" });
        let safe = script_safe(&hostile.to_string());
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('\u{2028}'), "{safe}");
        assert_eq!(serde_json::from_str::<Value>(&safe).expect("still JSON"), hostile);
    }
}
