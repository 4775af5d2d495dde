//! Deterministic synthetic programmes for tests and benchmarks: many themes, partners and
//! series, every date precision, several languages, some cancelled events. The same
//! `(events, seed)` always gives the same file, so figures are comparable between runs.

use std::collections::BTreeMap;

use super::programme::raw::*;
use super::text::RawText;

/// xorshift64*: tiny, deterministic, good enough to spread test data (also used by the
/// mutation tests of hostile files).
pub struct Random(pub u64);

impl Random {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TOPICS: [&str; 20] = [
    "migration law",
    "labour mobility",
    "remittances",
    "diaspora engagement",
    "climate and displacement",
    "return and reintegration",
    "social inclusion",
    "health services",
    "education access",
    "border governance",
    "refugee protection",
    "urban integration",
    "youth mobility",
    "women's empowerment",
    "data and statistics",
    "skills recognition",
    "trafficking prevention",
    "public perceptions",
    "entrepreneurship",
    "local governance",
];
const FORMATS: [&str; 6] = ["Seminar", "Workshop", "Course", "Briefing", "Round table", "Webinar"];
/// City, country code, IANA zone, UTC offset in winter (the generator does not model DST).
const PLACES: [(&str, &str, &str, &str); 8] = [
    ("New York", "US", "America/New_York", "-05:00"),
    ("Geneva", "CH", "Europe/Zurich", "+01:00"),
    ("Antwerp", "BE", "Europe/Brussels", "+01:00"),
    ("Nairobi", "KE", "Africa/Nairobi", "+03:00"),
    ("Bangkok", "TH", "Asia/Bangkok", "+07:00"),
    ("Santiago", "CL", "America/Santiago", "-03:00"),
    ("Amman", "JO", "Asia/Amman", "+03:00"),
    ("Beijing", "CN", "Asia/Shanghai", "+08:00"),
];

fn localised(en: String, rng: &mut Random) -> RawText {
    if rng.below(4) != 0 {
        return RawText::Plain(en);
    }
    let mut map = BTreeMap::new();
    map.insert("fr".to_owned(), format!("{en} (fr)"));
    map.insert("es".to_owned(), format!("{en} (es)"));
    map.insert("ar".to_owned(), format!("{en} (ar)"));
    map.insert("en".to_owned(), en);
    RawText::Localised(map)
}

/// A programme of `events` events spread over about three years.
pub fn synthetic_programme(events: usize, seed: u64) -> RawProgramme {
    let mut rng = Random(seed.max(1));
    let themes: Vec<RawTheme> = (0..40)
        .map(|i| RawTheme {
            id: format!("theme-{i}"),
            label: RawText::Plain(format!("{} {}", capitalise(TOPICS[i % TOPICS.len()]), i / 20 + 1)),
        })
        .collect();
    let partners: Vec<RawPartner> = (0..120)
        .map(|i| RawPartner {
            id: format!("partner-{i}"),
            name: RawText::Plain(format!("Partner Organisation {i}")),
            short_name: Some(RawText::Plain(format!("PO{i}"))),
            kind: Some("organisation".into()),
            relation: None,
            url: Some(format!("https://partner-{i}.example.org/")),
        })
        .collect();
    let series: Vec<RawSeries> = (0..25)
        .map(|i| RawSeries {
            id: format!("series-{i}"),
            title: RawText::Plain(format!("{} Series {i}", capitalise(TOPICS[i % TOPICS.len()]))),
            short_title: None,
            description: Some(RawText::Plain("A synthetic series for tests and benchmarks.".into())),
            organisers: vec![format!("partner-{}", i % 120)],
            partners: Vec::new(),
            audience: Some(RawText::Plain("Officials and practitioners".into())),
            prepares_for: Vec::new(),
            url: None,
        })
        .collect();
    let events = (0..events).map(|i| synthetic_event(i, &mut rng)).collect();
    RawProgramme {
        schema_version: "1.0".into(),
        programme: RawMeta {
            id: format!("synthetic-{seed}"),
            title: RawText::Plain("Synthetic programme".into()),
            description: None,
            publisher: Some(RawText::Plain("programme-browser test data".into())),
            published: Some("2026-01-01".into()),
            updated: None,
            time_zone: "Europe/Brussels".into(),
            language: Some("en".into()),
            url: None,
        },
        themes,
        partners,
        series,
        debates: Vec::new(),
        people: Vec::new(),
        venues: Vec::new(),
        events,
    }
}

fn synthetic_event(i: usize, rng: &mut Random) -> RawEvent {
    let (city, country, zone, offset) = *rng.pick(&PLACES);
    let year = 2025 + rng.below(3) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let when = match rng.below(10) {
        0..=1 => RawWhen { start: format!("{year}-{month:02}"), end: None },
        2..=4 => RawWhen { start: format!("{year}-{month:02}-{day:02}"), end: None },
        5..=6 => RawWhen { start: format!("{year}-{month:02}-{day:02}"), end: Some(format!("{year}-{month:02}-{:02}", (day + 2).min(28))) },
        _ => {
            let hour = 8 + rng.below(9);
            RawWhen {
                start: format!("{year}-{month:02}-{day:02}T{hour:02}:00:00{offset}"),
                end: Some(format!("{year}-{month:02}-{day:02}T{:02}:30:00{offset}", hour + 1)),
            }
        }
    };
    let topic = *rng.pick(&TOPICS);
    let themes: Vec<String> =
        (0..1 + rng.below(3)).map(|_| format!("theme-{}", rng.below(40))).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let partners: Vec<String> =
        (0..rng.below(3)).map(|_| format!("partner-{}", rng.below(120))).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    RawEvent {
        id: format!("event-{i}"),
        series: Some(format!("series-{}", rng.below(25))),
        title: localised(format!("{} on {topic} #{i}", rng.pick(&FORMATS)), rng),
        summary: Some(RawText::Plain(format!("Practical session on {topic} for officials in {city}."))),
        themes,
        partners,
        people: Vec::new(),
        when,
        location: Some(RawLocation {
            name: RawText::Plain(format!("{city} Training Centre")),
            address: None,
            city: Some(RawText::Plain(city.into())),
            country: Some(country.into()),
            time_zone: Some(zone.into()),
        }),
        venue: None,
        room: None,
        mode: Some(*rng.pick(&[Mode::InPerson, Mode::Online, Mode::Hybrid])),
        audience: None,
        languages: vec![rng.pick(&["en", "fr", "es", "ar", "ru", "zh"]).to_string()],
        // From the index, not the generator, so that the rest of the programme stays as it was.
        interpretation: if i.is_multiple_of(3) { vec!["fr".into(), "es".into()] } else { Vec::new() },
        accessibility: if i.is_multiple_of(5) { vec!["captioning".into()] } else { Vec::new() },
        accessibility_note: None,
        status: *rng.pick(&[
            Status::Scheduled,
            Status::Scheduled,
            Status::Scheduled,
            Status::Scheduled,
            Status::Scheduled,
            Status::Cancelled,
            Status::Postponed,
        ]),
        links: vec![RawLink { url: format!("https://example.org/events/{i}"), label: None, kind: None }],
        documents: Vec::new(),
        updated: None,
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A small programme file in `time_zone` with the given events: `(id, start, end, room)`,
/// the id standing for the title too. For tests of what happens when.
pub fn programme_text(time_zone: &str, events: &[(&str, &str, Option<&str>, Option<&str>)]) -> String {
    let events: Vec<String> = events
        .iter()
        .map(|(id, start, end, room)| {
            let end = end.map(|end| format!(r#", "end": "{end}""#)).unwrap_or_default();
            let room = room.map(|room| format!(r#", "location": {{ "name": "{room}" }}"#)).unwrap_or_default();
            format!(r#"{{ "id": "{id}", "title": "{id}", "when": {{ "start": "{start}"{end} }}{room} }}"#)
        })
        .collect();
    format!(
        r#"{{ "schema_version": "1.1", "programme": {{ "id": "p", "title": "P", "time_zone": "{time_zone}", "language": "en" }}, "events": [{}] }}"#,
        events.join(",")
    )
}
