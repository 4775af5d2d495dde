//! Display names of domain values (modes, statuses, facet options), all from the translation
//! table or the programme's own localised text.

use crate::domain::filter::Facet;
use crate::domain::i18n::{format_month, format_when, tr, tr_with, Locale, Msg};
use crate::domain::programme::{Access, Event, Mode, Programme, Role, Status};
use crate::domain::text::Text;
use crate::domain::when::YearMonth;

/// The `lang` attribute for a text of the programme shown to a reader of `locale`, when it is in
/// another language (WCAG 3.1.2, language of parts): screen readers then switch voice.
pub fn part_lang(programme: &Programme, text: &Text, locale: Locale) -> Option<String> {
    programme.part_language(text, locale.tag()).map(str::to_owned)
}

pub fn role_label(locale: Locale, role: Role) -> &'static str {
    tr(
        locale,
        match role {
            Role::Speaker => Msg::RoleSpeaker,
            Role::Trainer => Msg::RoleTrainer,
            Role::Moderator => Msg::RoleModerator,
            Role::Chair => Msg::RoleChair,
            Role::Panellist => Msg::RolePanellist,
            Role::Host => Msg::RoleHost,
        },
    )
}

pub fn mode_label(locale: Locale, mode: Mode) -> &'static str {
    tr(
        locale,
        match mode {
            Mode::InPerson => Msg::ModeInPerson,
            Mode::Online => Msg::ModeOnline,
            Mode::Hybrid => Msg::ModeHybrid,
        },
    )
}

pub fn access_label(locale: Locale, access: Access) -> &'static str {
    tr(
        locale,
        match access {
            Access::Captioning => Msg::AccessCaptioning,
            Access::SignLanguage => Msg::AccessSignLanguage,
            Access::HearingLoop => Msg::AccessHearingLoop,
            Access::StepFree => Msg::AccessStepFree,
        },
    )
}

/// A language's name in the reader's language, for the languages the table names (the six UN
/// languages and those most often beside them); other tags are shown as they are. A regional
/// or script variant keeps its tag: "French (fr-be)".
pub fn language_name(locale: Locale, tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag);
    let msg = match primary {
        "ar" => Msg::LanguageArabic,
        "zh" => Msg::LanguageChinese,
        "en" => Msg::LanguageEnglish,
        "fr" => Msg::LanguageFrench,
        "ru" => Msg::LanguageRussian,
        "es" => Msg::LanguageSpanish,
        "de" => Msg::LanguageGerman,
        "nl" => Msg::LanguageDutch,
        "pt" => Msg::LanguagePortuguese,
        _ => return tag.to_owned(),
    };
    let name = tr(locale, msg);
    if primary == tag {
        name.to_owned()
    } else {
        format!("{name} ({tag})")
    }
}

pub fn status_label(locale: Locale, status: Status) -> &'static str {
    tr(
        locale,
        match status {
            Status::Scheduled => Msg::StatusScheduled,
            Status::Cancelled => Msg::StatusCancelled,
            Status::Postponed => Msg::StatusPostponed,
            Status::MovedOnline => Msg::StatusMovedOnline,
        },
    )
}

pub fn facet_label(locale: Locale, facet: Facet) -> &'static str {
    tr(
        locale,
        match facet {
            Facet::Theme => Msg::FacetTheme,
            Facet::Month => Msg::FacetMonth,
            Facet::Partner => Msg::FacetPartner,
            Facet::Series => Msg::FacetSeries,
            Facet::Mode => Msg::FacetMode,
            Facet::Language => Msg::FacetLanguage,
            Facet::Access => Msg::DetailAccessibility,
            Facet::Person => Msg::DetailPeople,
            Facet::Venue => Msg::FacetVenue,
        },
    )
}

/// The `lang` of `option_label`'s text when it comes from the programme in another language.
pub fn option_lang(locale: Locale, programme: &Programme, facet: Facet, code: &str) -> Option<String> {
    let text = match facet {
        Facet::Theme => programme.theme_index(code).map(|i| &programme.themes[i].label),
        Facet::Partner => programme.partner_index(code).map(|i| programme.partners[i].label()),
        Facet::Series => programme.series_index(code).map(|i| programme.series[i].label()),
        Facet::Person => programme.person_index(code).map(|i| &programme.people[i].name),
        Facet::Venue => programme.venue_index(code).map(|i| &programme.venues[i].place.name),
        Facet::Month | Facet::Mode | Facet::Language | Facet::Access => None,
    };
    text.and_then(|text| part_lang(programme, text, locale))
}

/// The label of one facet value given by its URL code (an id, "2012-06", "hybrid").
pub fn option_label(locale: Locale, programme: &Programme, facet: Facet, code: &str) -> String {
    let tag = locale.tag();
    match facet {
        Facet::Theme => programme.theme_index(code).map(|i| programme.themes[i].label.get(tag).to_owned()),
        Facet::Partner => programme.partner_index(code).map(|i| programme.partners[i].label().get(tag).to_owned()),
        Facet::Series => programme.series_index(code).map(|i| programme.series[i].label().get(tag).to_owned()),
        Facet::Month => YearMonth::parse(code).map(|month| format_month(locale, month)),
        Facet::Mode => Mode::from_code(code).map(|mode| mode_label(locale, mode).to_owned()),
        Facet::Language => Some(language_name(locale, code)),
        Facet::Access => Access::from_code(code).map(|access| access_label(locale, access).to_owned()),
        Facet::Person => programme.person_index(code).map(|i| programme.people[i].name.get(tag).to_owned()),
        Facet::Venue => programme.venue_index(code).map(|i| programme.venues[i].place.name.get(tag).to_owned()),
    }
    .unwrap_or_else(|| code.to_owned())
}

/// When an event is: for a timed event whose venue is on another clock than the reader's, the
/// venue's time (labelled with its zone) and the reader's own time beside it, each labelled;
/// else the time as the programme gives it. The reader's offsets come from the browser
/// (natively, in the prerender, there are none: the venue's time alone).
pub fn when_lines(programme: &Programme, event: &Event, locale: Locale) -> (String, Option<String>) {
    let venue = format_when(locale, &event.when);
    let local = event.when.instants_ms().and_then(|(start, end)| {
        let start_offset = crate::browser::clock::reader_offset_at(start)?;
        let end_offset = end.and_then(crate::browser::clock::reader_offset_at);
        event.when.at_offsets(start_offset, end_offset)
    });
    let Some(local) = local else { return (venue, None) };
    let venue_zone = event.location.as_ref().and_then(|l| l.time_zone.as_deref()).unwrap_or(&programme.meta.time_zone);
    let reader_zone = crate::browser::clock::reader_time_zone().unwrap_or_default();
    (
        tr_with(locale, Msg::VenueTime, &[("zone", venue_zone), ("when", &venue)]),
        Some(tr_with(locale, Msg::YourTime, &[("zone", &reader_zone), ("when", &format_when(locale, &local))])),
    )
}

/// Titles as a quoted list: "“A”, “B”".
pub fn quoted_list<'a>(titles: impl Iterator<Item = &'a str>) -> String {
    titles.map(|title| format!("“{title}”")).collect::<Vec<_>>().join(", ")
}
