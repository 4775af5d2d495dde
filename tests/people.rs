//! People and documents in a programme (format 1.3): who speaks, trains, moderates or chairs,
//! and what to read first, read from the file, checked (a wrong optional detail is left out,
//! the event kept), searched by name, and written into calendar files and schema.org JSON-LD.

use chrono::{TimeZone, Utc};
use programme_browser::domain::calendar::{write_calendar, CalendarRequest, Entry};
use programme_browser::domain::filter::{apply, Filter};
use programme_browser::domain::linked_data::events_json_ld;
use programme_browser::domain::programme::{parse_programme, skipped_event_count, Programme, Role};

fn people() -> (Programme, Vec<String>, usize) {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/people.json")).unwrap();
    let (programme, problems) = parse_programme(&text).expect("loads");
    let skipped = skipped_event_count(&problems);
    (programme, problems.iter().map(|problem| format!("{}: {}", problem.path, problem.message)).collect(), skipped)
}

fn event<'a>(programme: &'a Programme, id: &str) -> &'a programme_browser::domain::programme::Event {
    programme.events.iter().find(|event| event.id == id).unwrap()
}

#[test]
fn people_and_their_roles_are_read_and_a_wrong_detail_costs_only_itself() {
    let (programme, problems, skipped) = people();
    assert_eq!(
        problems,
        [
            "people[2].url: `unitar.org` is not an http or https address",
            "events[0].documents[1].url: `ftp://example.org/note.pdf` is not an http or https address",
            "events[0].documents[3].language: `english` is not a language tag such as \"en\" or \"fr-BE\": left out",
            "events[1].people[1].id: unknown person id `someone-else`: it is not in the programme's people list; left out of the event",
            "events[1].people[2].role: `keynote` is not one of \"speaker\", \"trainer\", \"moderator\", \"chair\", \"panellist\", \"host\": the role is left out",
        ]
    );
    assert_eq!((programme.events.len(), skipped), (3, 0), "every event is shown");
    assert_eq!(programme.people.len(), 3, "the person with a wrong link is kept, without it");
    let li = &programme.people[programme.person_index("li-wei").unwrap()];
    assert!(li.url.is_none());
    assert_eq!(li.name.get("zh"), "李伟");
    let roles = |id: &str| -> Vec<(String, Option<Role>)> {
        event(&programme, id).people.iter().map(|p| (programme.people[p.person].id.clone(), p.role)).collect()
    };
    assert_eq!(
        roles("panel"),
        [
            ("amina-diallo".into(), Some(Role::Speaker)),
            ("jonas-peeters".into(), Some(Role::Moderator)),
            ("li-wei".into(), Some(Role::Chair))
        ]
    );
    assert_eq!(roles("training"), [("jonas-peeters".into(), Some(Role::Trainer)), ("amina-diallo".into(), None)]);
    let amina = &programme.people[programme.person_index("amina-diallo").unwrap()];
    assert_eq!(amina.affiliation.as_ref().unwrap().get("fr"), "Organisation internationale pour les migrations");
    assert_eq!(amina.bio.as_ref().unwrap().get("ar"), "Works on labour migration in West Africa.", "falls back to English");
}

#[test]
fn documents_keep_their_symbol_title_and_language_and_a_wrong_one_costs_only_itself() {
    let (programme, _, _) = people();
    let documents = &event(&programme, "panel").documents;
    /// Symbol, French title, address, language.
    type Read<'a> = (Option<&'a str>, Option<&'a str>, &'a str, Option<&'a str>);
    let read: Vec<Read> = documents
        .iter()
        .map(|d| (d.symbol.as_deref(), d.title.as_ref().map(|t| t.get("fr")), d.url.as_str(), d.language.as_deref()))
        .collect();
    assert_eq!(
        read,
        [
            (
                Some("A/RES/70/1"),
                Some("Transformer notre monde : le Programme de développement durable à l'horizon 2030"),
                "https://undocs.org/A/RES/70/1",
                None
            ),
            (None, Some("Ordre du jour"), "https://example.org/agenda-fr.pdf", Some("fr")),
            (None, None, "https://example.org/annex.pdf", None),
        ]
    );
    let at = programme.events.iter().position(|event| event.id == "panel").unwrap();
    let graph = events_json_ld(&programme, &[at], "en");
    let subject = &graph["@graph"][0]["subjectOf"];
    assert_eq!(subject[0]["identifier"], "A/RES/70/1");
    assert_eq!(subject[0]["@type"], "CreativeWork");
    assert_eq!(subject[1]["inLanguage"], "fr");
    assert_eq!(subject.as_array().unwrap().len(), 3);
}

#[test]
fn a_search_finds_the_events_of_a_person_by_name() {
    let (programme, _, _) = people();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let found = |text: &str| -> Vec<String> {
        let filter = Filter { text: text.into(), ..Filter::default() };
        apply(&programme, &filter, today).matching.iter().map(|&i| programme.events[i].id.clone()).collect()
    };
    assert_eq!(found("peeters"), ["panel", "training"]);
    assert_eq!(found("diallo panel"), ["panel"]);
    assert_eq!(found("李伟"), ["panel"]);
    assert_eq!(found("nobody"), Vec::<String>::new());
}

#[test]
fn people_are_performers_in_json_ld_and_named_in_calendar_files() {
    let (programme, _, _) = people();
    let at = programme.events.iter().position(|event| event.id == "panel").unwrap();
    let graph = events_json_ld(&programme, &[at], "fr");
    let performers = &graph["@graph"][0]["performer"];
    assert_eq!(performers[0]["@type"], "Person");
    assert_eq!(performers[0]["name"], "Amina Diallo");
    assert_eq!(performers[0]["affiliation"]["name"], "Organisation internationale pour les migrations");
    assert_eq!(performers[0]["url"], "https://example.org/people/amina-diallo");
    assert_eq!(performers.as_array().unwrap().len(), 3);

    let request = CalendarRequest {
        name: "test",
        lang: "en",
        now: Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
        event_url: None,
        include_cancelled: true,
        alarm_minutes: None,
    };
    let entries = [Entry { event: &programme.events[at], note: None }];
    let written = write_calendar(&programme, &entries, &request);
    let unfolded = written.text.replace("\r\n ", "");
    assert!(
        unfolded.contains(
            "DESCRIPTION:Amina Diallo (International Organization for Migration)\\nJonas Peeters (City of Antwerp)\\nLi Wei (UNITAR)"
        ),
        "{unfolded}"
    );
}

#[test]
fn people_go_to_the_spreadsheet_and_back_and_their_problems_keep_their_cells() {
    use programme_browser::domain::import::{convert, import_sheets, write_sheets, Input};
    use programme_browser::domain::programme::raw::RawProgramme;
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/people.json")).unwrap();
    let raw: RawProgramme = serde_json::from_str(&text).unwrap();
    let sheets = write_sheets(&raw);
    let people = &sheets.iter().find(|sheet| sheet.file == "people.csv").unwrap().text;
    assert!(
        people.starts_with("id,name,name@en,name@zh,affiliation,affiliation@ar,affiliation@en,affiliation@fr,bio@en,bio@fr,url"),
        "{people}"
    );
    let events = &sheets.iter().find(|sheet| sheet.file == "events.csv").unwrap().text;
    assert!(events.contains("amina-diallo (speaker); jonas-peeters (moderator); li-wei (chair)"), "{events}");
    let (back, problems, _) = import_sheets(&sheets);
    assert_eq!(problems, vec![]);
    assert_eq!(back.people, raw.people);
    assert_eq!(
        back.events.iter().map(|event| event.people.clone()).collect::<Vec<_>>(),
        raw.events.iter().map(|event| event.people.clone()).collect::<Vec<_>>()
    );
    // The checks' problems are placed at the organiser's cells.
    let converted = convert(Input::Sheets(sheets)).unwrap();
    let found: Vec<String> = converted.problems.iter().map(ToString::to_string).collect();
    assert!(found.iter().any(|p| p.starts_with("people.csv, row 4, column") && p.contains("(url): `unitar.org`")), "{found:#?}");
    assert!(
        found.iter().any(|p| p.starts_with("events.csv, row 3, column") && p.contains("(people): unknown person id `someone-else`")),
        "{found:#?}"
    );
    assert_eq!(converted.programme.events.len(), 3, "every event kept");
}

#[test]
fn a_person_is_a_facet_and_one_person_chosen_is_their_page() {
    use programme_browser::domain::address::{address_of, SitePages};
    use programme_browser::domain::filter::{facet_options, Facet};
    use programme_browser::domain::i18n::Lang;
    use programme_browser::domain::query::{parse_query, to_query, ViewState};
    let (programme, _, _) = people();
    let mut view = ViewState { language: Some("ar".into()), event: Some("panel".into()), ..ViewState::default() };
    view.open_person("amina-diallo");
    assert_eq!(to_query(&view), [("lang".to_owned(), "ar".to_owned()), ("person".to_owned(), "amina-diallo".to_owned())]);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let result = apply(&programme, &view.filter, today);
    let ids: Vec<&str> = result.matching.iter().map(|&i| programme.events[i].id.as_str()).collect();
    assert_eq!(ids, ["panel", "training"]);
    let counts: Vec<(String, usize)> = facet_options(&programme, Facet::Person)
        .iter()
        .map(|option| (option.code.clone(), option.count(&apply(&programme, &Filter::default(), today).counts)))
        .collect();
    let expected = [("amina-diallo", 2), ("jonas-peeters", 2), ("li-wei", 1)].map(|(id, n)| (id.to_owned(), n));
    assert_eq!(counts, expected);
    let pages = SitePages::plan(&programme, Lang::En);
    assert_eq!(address_of(&view, Lang::Ar, Some((&pages, &programme))), "ar/person/amina-diallo.html");
    let (read, ignored) = parse_query(&[("person".to_owned(), "amina-diallo,no/such".to_owned())]);
    assert_eq!(read.filter.people.len(), 1);
    assert_eq!(ignored.len(), 1, "an id that cannot be one is named");
}

#[test]
fn documents_go_to_their_own_sheet_and_back_and_one_for_no_event_is_said_at_its_row() {
    use programme_browser::domain::import::{import_sheets, write_sheets};
    use programme_browser::domain::programme::raw::RawProgramme;
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/people.json")).unwrap();
    let raw: RawProgramme = serde_json::from_str(&text).unwrap();
    let mut sheets = write_sheets(&raw);
    let documents = &mut sheets.iter_mut().find(|sheet| sheet.file == "documents.csv").expect("a documents sheet").text;
    assert!(documents.starts_with("event,symbol,title,title@ar,title@en,title@fr,url,language\n"), "{documents}");
    assert!(documents.contains("\npanel,A/RES/70/1,,تحويل عالمنا"), "{documents}");
    documents.push_str("no-such-event,,Lost,,,,https://example.org/lost.pdf,\n");
    let (back, problems, _) = import_sheets(&sheets);
    let documents = |raw: &RawProgramme| raw.events.iter().map(|event| event.documents.clone()).collect::<Vec<_>>();
    assert_eq!(documents(&back), documents(&raw));
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["documents.csv, row 6, column A (event): the document is for event `no-such-event`, which is not in the events sheet: left out"]
    );
}
