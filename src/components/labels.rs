//! Display names of domain values (modes, statuses, facet options), all from the translation
//! table or the programme's own localised text.

use crate::domain::filter::Facet;
use crate::domain::i18n::{format_month, tr, Lang, Msg};
use crate::domain::programme::{Mode, Programme, Status};
use crate::domain::text::Text;
use crate::domain::when::YearMonth;

/// The `lang` attribute for a text of the programme shown to a reader of `lang`, when it is in
/// another language (WCAG 3.1.2, language of parts): screen readers then switch voice.
pub fn part_lang(programme: &Programme, text: &Text, lang: Lang) -> Option<String> {
    programme.part_language(text, lang.tag()).map(str::to_owned)
}

pub fn mode_label(lang: Lang, mode: Mode) -> &'static str {
    tr(
        lang,
        match mode {
            Mode::InPerson => Msg::ModeInPerson,
            Mode::Online => Msg::ModeOnline,
            Mode::Hybrid => Msg::ModeHybrid,
        },
    )
}

pub fn status_label(lang: Lang, status: Status) -> &'static str {
    tr(
        lang,
        match status {
            Status::Scheduled => Msg::StatusScheduled,
            Status::Cancelled => Msg::StatusCancelled,
            Status::Postponed => Msg::StatusPostponed,
            Status::MovedOnline => Msg::StatusMovedOnline,
        },
    )
}

pub fn facet_label(lang: Lang, facet: Facet) -> &'static str {
    tr(
        lang,
        match facet {
            Facet::Theme => Msg::FacetTheme,
            Facet::Month => Msg::FacetMonth,
            Facet::Partner => Msg::FacetPartner,
            Facet::Series => Msg::FacetSeries,
            Facet::Mode => Msg::FacetMode,
        },
    )
}

/// The `lang` of `option_label`'s text when it comes from the programme in another language.
pub fn option_lang(lang: Lang, programme: &Programme, facet: Facet, code: &str) -> Option<String> {
    let text = match facet {
        Facet::Theme => programme.theme_index(code).map(|i| &programme.themes[i].label),
        Facet::Partner => programme.partner_index(code).map(|i| programme.partners[i].label()),
        Facet::Series => programme.series_index(code).map(|i| programme.series[i].label()),
        Facet::Month | Facet::Mode => None,
    };
    text.and_then(|text| part_lang(programme, text, lang))
}

/// The label of one facet value given by its URL code (an id, "2012-06", "hybrid").
pub fn option_label(lang: Lang, programme: &Programme, facet: Facet, code: &str) -> String {
    let tag = lang.tag();
    match facet {
        Facet::Theme => programme.theme_index(code).map(|i| programme.themes[i].label.get(tag).to_owned()),
        Facet::Partner => programme.partner_index(code).map(|i| programme.partners[i].label().get(tag).to_owned()),
        Facet::Series => programme.series_index(code).map(|i| programme.series[i].label().get(tag).to_owned()),
        Facet::Month => YearMonth::parse(code).map(|month| format_month(lang, month)),
        Facet::Mode => Mode::from_code(code).map(|mode| mode_label(lang, mode).to_owned()),
    }
    .unwrap_or_else(|| code.to_owned())
}
