//! The language files in `public/i18n/`: each one is complete, has exactly the English
//! placeholders, and formats dates the way its readers write them.

use std::collections::BTreeSet;
use std::path::Path;

use programme_browser::domain::i18n::plural::{categories, is_one_number, Plural};
use programme_browser::domain::i18n::{format_month, format_when, parse_catalog, tr, tr_count, tr_with, Count, Lang, Locale, Msg};
use programme_browser::domain::when::{When, YearMonth};

fn language_file(lang: Lang) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/i18n").join(format!("{}.json", lang.tag()));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}')).map(|(name, _)| name.to_owned()).collect()
}

fn other_languages() -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(|lang| *lang != Lang::En)
}

#[test]
fn every_language_file_is_complete_and_keeps_the_placeholders() {
    for lang in other_languages() {
        let text = language_file(lang);
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let messages = file["messages"].as_object().unwrap();
        let keys: BTreeSet<&str> = messages.keys().map(String::as_str).collect();
        let expected: BTreeSet<&str> = Msg::ALL.iter().map(|msg| msg.key()).chain(Count::ALL.iter().map(|count| count.key())).collect();
        assert_eq!(keys, expected, "{}: keys differ from the message table", lang.tag());

        let catalog = parse_catalog(&text).unwrap_or_else(|err| panic!("{}: {err}", lang.tag()));
        assert_eq!(catalog.lang, lang, "the file's \"language\" matches its name");
        for msg in Msg::ALL {
            let translated = catalog.messages[*msg as usize].unwrap_or_else(|| panic!("{}: {} is empty", lang.tag(), msg.key()));
            let english = tr(Locale::ENGLISH, *msg);
            let (ours, theirs) = (placeholders(translated), placeholders(english));
            assert_eq!(ours, theirs, "{}: {}", lang.tag(), msg.key());
        }
    }
}

/// Counts have a form for each of the language's CLDR plural categories (Arabic six, Russian
/// four, French and Spanish three, Chinese one), each with the English placeholders; a form for
/// one number only (Arabic's zero, one and two) may say it in words instead of `{n}`.
#[test]
fn every_count_has_a_form_for_each_plural_category_of_its_language() {
    for lang in other_languages() {
        let file: serde_json::Value = serde_json::from_str(&language_file(lang)).unwrap();
        for count in Count::ALL {
            let forms = file["messages"][count.key()]
                .as_object()
                .unwrap_or_else(|| panic!("{}: {} is not a set of forms", lang.tag(), count.key()));
            let given: BTreeSet<Plural> = forms
                .keys()
                .map(|name| Plural::from_name(name).unwrap_or_else(|| panic!("{}: {} has a form `{name}`", lang.tag(), count.key())))
                .collect();
            let wanted: BTreeSet<Plural> = categories(lang).iter().copied().collect();
            assert_eq!(given, wanted, "{}: {}", lang.tag(), count.key());
            let english = placeholders(&tr_count(Locale::ENGLISH, 2, *count).replace('2', "{n}"));
            for (name, text) in forms {
                let text = text.as_str().unwrap_or_default();
                assert!(!text.trim().is_empty(), "{}: {} {name} is empty", lang.tag(), count.key());
                let mut ours = placeholders(text);
                if is_one_number(lang, Plural::from_name(name).unwrap()) {
                    ours.insert("n".into());
                }
                let mut theirs = english.clone();
                theirs.extend(placeholders(text).into_iter().filter(|p| p == "name"));
                assert_eq!(ours, theirs, "{}: {} {name}", lang.tag(), count.key());
            }
        }
    }
}

#[test]
fn installed_languages_translate_and_format_dates() {
    let locale = |lang| Locale::from_catalog(parse_catalog(&language_file(lang)).unwrap());
    let [ar, zh, fr, ru, es] = [Lang::Ar, Lang::Zh, Lang::Fr, Lang::Ru, Lang::Es].map(locale);
    assert!([ar, zh, fr, ru, es].iter().all(|locale| locale.is_translated()));
    let june = |locale| format_month(locale, YearMonth { year: 2012, month: 6 });
    assert_eq!(june(fr), "Juin 2012");
    assert_eq!(june(es), "Junio de 2012");
    assert_eq!(june(ru), "Июнь 2012 г.");
    assert_eq!(june(zh), "2012年6月");
    assert_eq!(june(ar), "يونيو 2012");

    let days = When::parse("2012-06-05", Some("2012-06-07")).unwrap();
    assert_eq!(format_when(fr, &days), "5–7 juin 2012");
    assert_eq!(format_when(es, &days), "5–7 de junio de 2012");
    assert_eq!(format_when(ru, &days), "5–7 июня 2012 г.");
    // Where the year comes first, a range is written out in full.
    assert_eq!(format_when(zh, &days), "2012年6月5日 – 2012年6月7日");
    let across = When::parse("2012-05-30", Some("2012-06-02")).unwrap();
    assert_eq!(format_when(fr, &across), "30 mai 2012 – 2 juin 2012");

    assert_eq!(tr(fr, Msg::FiltersButton), "Filtres");
    assert_eq!(tr_count(fr, 0, Count::ResultCount), "0 événement");
    assert_eq!(tr_count(fr, 1_000_000, Count::ResultCount), "1\u{202f}000\u{202f}000 d’événements");
    assert_eq!(tr_with(es, Msg::RemoveFilter, &[("name", "Tema: Juventud")]), "Quitar el filtro Tema: Juventud");
    let russian = [
        (1, "1 мероприятие"),
        (2, "2 мероприятия"),
        (5, "5 мероприятий"),
        (11, "11 мероприятий"),
        (21, "21 мероприятие"),
        (24, "24 мероприятия"),
    ];
    for (n, expected) in russian {
        assert_eq!(tr_count(ru, n, Count::ResultCount), expected);
    }
    let arabic = [(0, "لا فعاليات"), (1, "فعالية واحدة"), (2, "فعاليتان"), (7, "7 فعاليات"), (11, "11 فعالية"), (100, "100 فعالية")];
    for (n, expected) in arabic {
        assert_eq!(tr_count(ar, n, Count::ResultCount), expected);
    }
    assert_eq!(tr_count(zh, 1, Count::ResultCount), "1 项活动");
    // The calendar reminder's choices (5, 15, 30, 60) in the form each number asks for.
    let reminders =
        [(ar, 5, "قبل 5 دقائق"), (ar, 15, "قبل 15 دقيقة"), (ru, 5, "За 5 минут"), (ru, 1, "За 1 минуту"), (fr, 30, "30 minutes avant")];
    for (locale, n, expected) in reminders {
        assert_eq!(tr_count(locale, n, Count::AlarmMinutesBefore), expected);
    }
}

#[test]
fn a_missing_message_falls_back_to_english_and_a_broken_file_is_refused() {
    let without_file = Locale::without_translations(Lang::Ru);
    assert!(!without_file.is_translated());
    assert_eq!(tr(without_file, Msg::FiltersButton), "Filters", "no file: English");
    let months = r#"["a","b","c","d","e","f","g","h","i","j","k","l"]"#;
    let partial = format!(
        r#"{{"language":"ru","months":{months},"months_in_date":{months},"date":"{{d}} {{month}} {{y}}","month":"{{month}} {{y}}",
            "messages":{{"FiltersButton":"Фильтры","Retry":"  "}}}}"#
    );
    let ru = Locale::from_catalog(parse_catalog(&partial).unwrap());
    assert_eq!(tr(ru, Msg::FiltersButton), "Фильтры");
    assert_eq!(tr(ru, Msg::Retry), "Try again", "an empty translation is a missing one");
    assert_eq!(tr(ru, Msg::Cancel), "Cancel");

    for broken in [
        "not json",
        r#"{"language":"de","messages":{}}"#,
        r#"{"language":"fr"}"#,
        &partial.replace(r#""date":"{d} {month} {y}""#, r#""date":"{month} {y}""#),
        &partial.replace(r#""l"]"#, r#""l","m"]"#),
    ] {
        assert!(parse_catalog(broken).is_err(), "{broken}");
    }
}
