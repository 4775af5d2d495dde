//! Languages, interpretation and accessibility of sessions (format 1.3): read from the file
//! (a wrong tag or an unknown feature is left out, the event kept), filtered by (a language
//! finds the events held in it and those interpreted into it), kept in the address, written
//! to schema.org JSON-LD and to the spreadsheet and back.

use chrono::NaiveDate;
use programme_browser::domain::address::{address_of, SitePages};
use programme_browser::domain::filter::{apply, facet_options, Facet, Filter};
use programme_browser::domain::i18n::Lang;
use programme_browser::domain::linked_data::events_json_ld;
use programme_browser::domain::programme::{parse_programme, skipped_event_count, Access, LinkKind, Programme};
use programme_browser::domain::query::{parse_query, to_query};

fn fixture() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/languages.json")).unwrap()
}

fn languages() -> (Programme, Vec<String>, usize) {
    let (programme, problems) = parse_programme(&fixture()).expect("loads");
    let skipped = skipped_event_count(&problems);
    (programme, problems.iter().map(|problem| format!("{}: {}", problem.path, problem.message)).collect(), skipped)
}

fn event<'a>(programme: &'a Programme, id: &str) -> &'a programme_browser::domain::programme::Event {
    programme.events.iter().find(|event| event.id == id).unwrap()
}

fn before() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
}

fn found(programme: &Programme, filter: &Filter) -> Vec<String> {
    apply(programme, filter, before()).matching.iter().map(|&i| programme.events[i].id.clone()).collect()
}

fn pairs(query: &str) -> Vec<(String, String)> {
    query.split('&').filter_map(|pair| pair.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

#[test]
fn languages_interpretation_and_access_are_read_and_a_wrong_value_costs_only_itself() {
    let (programme, problems, skipped) = languages();
    assert_eq!(
        problems,
        [
            "events[0].links[4].kind: `podcast` is not one of \"join\", \"livestream\", \"recording\": shown as an ordinary link",
            "events[1].accessibility[1]: `lift` is not one of \"captioning\", \"sign_language\", \"hearing_loop\", \"step_free\": left out",
            "events[2].interpretation[1]: `english` is not a language tag such as \"en\" or \"fr-BE\": left out",
            "events[3].links[0].url: `meet.example.org/webinar` is not an http or https address",
        ]
    );
    assert_eq!((programme.events.len(), skipped), (4, 0), "every event is shown");
    let plenary = event(&programme, "plenary");
    assert_eq!(plenary.languages, ["en"]);
    assert_eq!(plenary.interpretation, ["ar", "zh", "fr", "ru", "es"], "in the file's order");
    assert_eq!(plenary.access, [Access::Captioning, Access::SignLanguage, Access::StepFree]);
    assert_eq!(plenary.access_note.as_ref().unwrap().get("fr"), "Langue des signes internationale sur demande avant le 1er avril.");
    let atelier = event(&programme, "atelier");
    assert_eq!(atelier.languages, ["fr", "nl"], "tags lower-cased: \"FR\" and \"fr\" are one language to filter by");
    assert_eq!(atelier.access, [Access::StepFree], "the unknown feature is left out");
    assert_eq!(event(&programme, "briefing").interpretation, ["en"]);
}

#[test]
fn a_language_finds_the_events_held_in_it_and_those_interpreted_into_it() {
    let (programme, _, _) = languages();
    let by = |query: &str| found(&programme, &parse_query(&pairs(query)).0.filter);
    assert_eq!(by("language=fr"), ["plenary", "atelier"], "interpreted into French, held in French");
    assert_eq!(by("language=ar"), ["plenary", "briefing"]);
    assert_eq!(by("language=en"), ["plenary", "briefing", "webinar"]);
    assert_eq!(by("language=nl,zh"), ["plenary", "atelier"], "or within the facet");
    assert_eq!(by("accessibility=captioning"), ["plenary", "webinar"]);
    assert_eq!(by("accessibility=step_free"), ["plenary", "atelier"]);
    assert_eq!(by("language=fr&accessibility=captioning"), ["plenary"], "and across facets");
    assert_eq!(by("language=de"), Vec::<String>::new(), "a language no event has gives nothing");

    // Each option's count is what choosing it would give with the other filters.
    let result = apply(&programme, &parse_query(&pairs("accessibility=step_free")).0.filter, before());
    let counts: Vec<(String, usize)> =
        facet_options(&programme, Facet::Language).iter().map(|option| (option.code.clone(), option.count(&result.counts))).collect();
    let expected: Vec<(String, usize)> =
        [("ar", 1), ("en", 1), ("es", 1), ("fr", 2), ("nl", 1), ("ru", 1), ("zh", 1)].map(|(tag, n)| (tag.to_owned(), n)).into();
    assert_eq!(counts, expected);
    let access: Vec<(String, usize)> = facet_options(&programme, Facet::Access)
        .iter()
        .map(|option| (option.code.clone(), option.count(&apply(&programme, &Filter::default(), before()).counts)))
        .collect();
    assert_eq!(
        access,
        [("captioning".to_owned(), 2), ("sign_language".to_owned(), 1), ("step_free".to_owned(), 2)],
        "no hearing loop offered"
    );
}

#[test]
fn the_address_keeps_them_and_refuses_what_is_not_one() {
    let (view, ignored) = parse_query(&pairs("language=FR,ar,english!&accessibility=captioning,lift&lang=ar"));
    assert_eq!(view.filter.languages.iter().map(String::as_str).collect::<Vec<_>>(), ["ar", "fr"]);
    assert_eq!(view.filter.access.iter().copied().collect::<Vec<_>>(), [Access::Captioning]);
    assert_eq!(view.language.as_deref(), Some("ar"), "`lang` stays the app's own language");
    let ignored: Vec<String> = ignored.iter().map(|i| format!("{}={}", i.param, i.value)).collect();
    assert_eq!(ignored, ["language=english!", "accessibility=lift"]);
    let written: Vec<String> = to_query(&view).iter().map(|(k, v)| format!("{k}={v}")).collect();
    assert_eq!(written, ["lang=ar", "language=ar,fr", "accessibility=captioning"]);
}

#[test]
fn one_language_or_one_feature_has_a_static_page_in_each_language() {
    let (programme, _, _) = languages();
    let pages = SitePages::plan(&programme, Lang::En);
    let view = |query: &str| parse_query(&pairs(query)).0;
    assert_eq!(address_of(&view("language=fr"), Lang::Ar, Some((&pages, &programme))), "ar/language/fr.html");
    assert_eq!(
        address_of(&view("accessibility=sign_language"), Lang::Fr, Some((&pages, &programme))),
        "fr/accessibility/sign_language.html"
    );
    assert_eq!(
        address_of(&view("language=fr&accessibility=captioning"), Lang::Fr, Some((&pages, &programme))),
        "fr/?language=fr&accessibility=captioning",
        "two facets: the app builds the view"
    );
}

#[test]
fn json_ld_says_the_languages_the_event_is_held_in() {
    let (programme, _, _) = languages();
    let index = programme.events.iter().position(|event| event.id == "atelier").unwrap();
    let json = events_json_ld(&programme, &[index], "en");
    let text = json.to_string();
    assert!(text.contains(r#""inLanguage":["fr","nl"]"#), "{text}");
}

#[test]
fn they_go_to_the_spreadsheet_and_back_and_people_may_type_a_feature_as_they_say_it() {
    use programme_browser::domain::import::{convert, import_sheets, write_sheets, Input};
    use programme_browser::domain::programme::raw::RawProgramme;
    let raw: RawProgramme = serde_json::from_str(&fixture()).unwrap();
    let mut sheets = write_sheets(&raw);
    let events = &sheets.iter().find(|sheet| sheet.file == "events.csv").unwrap().text;
    assert!(events.contains("ar; zh; fr; ru; es,captioning; sign_language; step_free,"), "{events}");
    assert!(
        events.contains(",https://meet.example.org/plenary,Join on the meeting platform,Rejoindre sur la plateforme,join,"),
        "link kinds have their columns: {events}"
    );
    let (back, problems, _) = import_sheets(&sheets);
    assert_eq!(problems, vec![]);
    let fields = |raw: &RawProgramme| -> Vec<_> {
        raw.events
            .iter()
            .map(|e| {
                (e.languages.clone(), e.interpretation.clone(), e.accessibility.clone(), e.accessibility_note.clone(), e.links.clone())
            })
            .collect()
    };
    assert_eq!(fields(&back), fields(&raw));

    // An organiser writes "Step-free; Hearing loop": the format's codes.
    let events = sheets.iter_mut().find(|sheet| sheet.file == "events.csv").unwrap();
    events.text = events.text.replace("captioning; sign_language; step_free", "Captioning; Sign language; Step-free; Hearing loop; ramp");
    let converted = convert(Input::Sheets(sheets)).unwrap();
    let plenary = converted.programme.events.iter().find(|event| event.id == "plenary").unwrap();
    assert_eq!(plenary.access, [Access::Captioning, Access::SignLanguage, Access::HearingLoop, Access::StepFree]);
    let problems: Vec<String> = converted.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.iter().any(|p| p.starts_with("events.csv, row 2, column") && p.contains("(accessibility): `ramp` is not one of")),
        "{problems:#?}"
    );
}

#[test]
fn links_to_join_watch_and_watch_again_are_told_apart_and_a_wrong_one_costs_only_itself() {
    let (programme, _, skipped) = languages();
    assert_eq!(skipped, 0, "the webinar with a join link without https:// is kept, without it");
    let plenary = event(&programme, "plenary");
    let ordinary: Vec<&str> = plenary.links.iter().map(|link| link.url.as_str()).collect();
    assert_eq!(ordinary, ["https://example.org/plenary", "https://example.org/plenary-podcast"], "an unknown kind is an ordinary link");
    let kinds: Vec<(LinkKind, &str)> = plenary.session_links.iter().map(|s| (s.kind, s.link.url.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (LinkKind::Join, "https://meet.example.org/plenary"),
            (LinkKind::Livestream, "https://webtv.example.org/plenary"),
            (LinkKind::Recording, "https://webtv.example.org/plenary-recording")
        ]
    );
    assert!(event(&programme, "webinar").session_links.is_empty());
}

#[test]
fn a_join_link_is_of_use_from_half_an_hour_before_the_start_to_the_end_and_a_recording_after() {
    use programme_browser::domain::when::When;
    let at = |time: &str| chrono::DateTime::parse_from_rfc3339(time).unwrap().timestamp_millis();
    let day = |d: u32| NaiveDate::from_ymd_opt(2027, 4, d).unwrap();
    let timed = When::parse("2027-04-12T10:00:00-04:00", Some("2027-04-12T13:00:00-04:00")).unwrap();
    let cases = [
        ("2027-04-12T09:29:00-04:00", false, false),
        ("2027-04-12T09:30:00-04:00", true, false),
        ("2027-04-12T12:59:00-04:00", true, false),
        ("2027-04-12T13:00:00-04:00", false, true),
        ("2027-04-20T08:00:00-04:00", false, true),
    ];
    for (now, live, recording) in cases {
        assert_eq!(LinkKind::Join.is_open(&timed, at(now), day(12)), live, "join at {now}");
        assert_eq!(LinkKind::Livestream.is_open(&timed, at(now), day(12)), live, "livestream at {now}");
        assert_eq!(LinkKind::Recording.is_open(&timed, at(now), day(12)), recording, "recording at {now}");
    }
    // Without an end: three hours from the start.
    let open_ended = When::parse("2027-04-12T10:00:00-04:00", None).unwrap();
    assert!(LinkKind::Join.is_open(&open_ended, at("2027-04-12T12:59:00-04:00"), day(12)));
    assert!(!LinkKind::Join.is_open(&open_ended, at("2027-04-12T13:00:00-04:00"), day(12)));
    // Known to the day: on its days in the reader's calendar, the recording once it is over.
    let days = When::parse("2027-04-12", Some("2027-04-13")).unwrap();
    let noon = at("2027-04-12T12:00:00Z");
    assert_eq!([11, 12, 13, 14].map(|d| LinkKind::Join.is_open(&days, noon, day(d))), [false, true, true, false]);
    assert_eq!([13, 14].map(|d| LinkKind::Recording.is_open(&days, noon, day(d))), [false, true]);
}

#[test]
fn a_calendar_entry_carries_where_to_join_and_watch_but_not_the_recording() {
    use chrono::{TimeZone, Utc};
    use programme_browser::domain::calendar::{write_calendar, CalendarRequest, Entry};
    let (programme, _, _) = languages();
    let request = CalendarRequest {
        name: "test",
        lang: "en",
        now: Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap(),
        event_url: None,
        include_cancelled: true,
        alarm_minutes: None,
    };
    let entries = [Entry { event: event(&programme, "plenary"), note: None }];
    let text = write_calendar(&programme, &entries, &request).text.replace("\r\n ", "");
    assert!(text.contains("CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO:https://meet.example.org/plenary\r\n"), "{text}");
    assert!(text.contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://webtv.example.org/plenary\r\n"), "{text}");
    assert!(text.contains("DESCRIPTION:https://meet.example.org/plenary\\nhttps://webtv.example.org/plenary"), "{text}");
    assert!(!text.contains("plenary-recording"), "no recording before there is one: {text}");
}
