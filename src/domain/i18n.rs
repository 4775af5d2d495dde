//! The one translation table: every string the user sees, and the one date formatter.
//!
//! English is complete; the other five UN languages (ar, zh, fr, ru, es) fall back to English
//! until their tables are filled in, which is a data change here and nowhere else. Plural
//! forms and right-to-left direction are per language already.

use chrono::{Datelike, Timelike};

use super::catalog::catalog;
use super::plural::{category, Plural};
use super::when::{When, YearMonth};

/// The six official UN languages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    Zh,
    #[default]
    En,
    Fr,
    Ru,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// Picks the best supported language for a BCP 47 tag ("fr-CA" → French); English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.tag() == primary).unwrap_or_default()
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, for the language picker: a reader finds their own
    /// language whatever the page is in.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
        }
    }

    /// Text direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }
}

/// Defines `Msg` (every user-visible string), its stable key (used by the language files in
/// `public/i18n/`) and its English text, from one list, so the three never drift apart.
macro_rules! messages {
    ($($name:ident => $english:literal,)*) => {
        /// Every user-visible string. `{n}`, `{name}` ... are filled by `tr_with`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($name,)*
        }

        impl Msg {
            /// Every message, in declaration order (`msg as usize` is its index here).
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message's key in a language file.
            pub fn key(self) -> &'static str {
                match self {
                    $(Msg::$name => stringify!($name),)*
                }
            }
        }

        /// English: complete, compiled in, and the fallback for any missing translation.
        fn en(msg: Msg) -> &'static str {
            match msg {
                $(Msg::$name => $english,)*
            }
        }
    };
}

messages! {
    AppName => "Programme browser",
    LanguageLabel => "Language",
    SkipToContent => "Skip to the programme",
    Loading => "Loading the programme…",
    LoadFailedTitle => "The programme could not be shown",
    LoadFailedHelp => "Check your connection and try again. If it keeps failing, tell the organisers: the message below says what is wrong with their file.",
    Retry => "Try again",
    SearchLabel => "Search the programme",
    SearchPlaceholder => "Title, theme, partner, place…",
    FiltersButton => "Filters",
    FiltersTitle => "Filter the programme",
    CloseFilters => "Close filters",
    ClearAll => "Clear all filters",
    FacetTheme => "Theme",
    FacetMonth => "Month",
    FacetPartner => "Partner organisation",
    FacetSeries => "Series",
    FacetMode => "Delivery mode",
    HidePast => "Hide past events",
    ShowAllOptions => "Show all {n}",
    ActiveFilters => "Active filters",
    RemoveFilter => "Remove filter {name}",
    EmptyTitle => "No event matches all these filters",
    NoEventsInProgramme => "This programme has no events yet.",
    EmptyHelp => "Remove one of these to see more:",
    EmptySearch => "the search “{text}”",
    ShowMore => "Show more events",
    ShownOf => "{shown} of {total} events shown",
    ModeInPerson => "In person",
    ModeOnline => "Online",
    ModeHybrid => "In person and online",
    StatusScheduled => "Scheduled",
    StatusCancelled => "Cancelled",
    StatusPostponed => "Postponed",
    StatusMovedOnline => "Moved online",
    ShortlistAdd => "Add “{title}” to my shortlist",
    ShortlistRemove => "Remove “{title}” from my shortlist",
    ShortlistNav => "My shortlist ({n})",
    ProgrammeNav => "Programme",
    ShortlistTitle => "My shortlist",
    ShortlistEmpty => "Your shortlist is empty. Use the star on an event to add it.",
    ShortlistDeviceOnly => "Your shortlist is kept in this browser on this device only.",
    BackToList => "Back to the list",
    DetailWhen => "When",
    DetailWhere => "Where",
    DetailMode => "How",
    DetailSeries => "Series",
    DetailThemes => "Themes",
    DetailPartners => "Partners",
    DetailAudience => "For",
    DetailLanguages => "Languages",
    DetailLinks => "Links",
    DetailStatus => "Status",
    DetailOrganisers => "Organised by",
    DetailPreparesFor => "Prepares for",
    DetailNotFound => "This event is not in the programme.",
    ShowDetails => "Show details",
    IgnoredParams => "Some parts of the link were not understood and were ignored:",
    Dismiss => "Dismiss",
    OfflineNow => "This browser is offline: the programme shown is the one saved on this device. It may have changed since.",
    OfflineCopy => "No answer from the network: this is the programme as saved on this device on {date}. It may have changed since.",
    StorageUnavailable => "This browser does not let the app save your shortlist: picks are kept only until you close this page.",
    StorageCorrupt => "Your saved shortlist could not be read. It was kept aside, unchanged, and a new list was started.",
    StorageNewer => "Your shortlist was saved by a newer version of this app, which this page cannot read. So that it is not overwritten, nothing can be picked or changed here: reload the page to get the newer version.",
    StorageNoRoomAside => "Your saved shortlist could not be read, and there is no room to keep a copy of it aside. So that it is not overwritten, your changes are kept on this page only for now.",
    DownloadBackup => "Download the saved data",
    PublishedBy => "Published by {name}",
    NavLabel => "Main",
    EventsHeading => "Events",
    ListLabel => "The star adds events to",
    NewList => "New list",
    NewListName => "List {n}",
    RenameList => "Rename",
    RenameLabel => "New name for the list",
    Save => "Save",
    Cancel => "Cancel",
    DeleteList => "Delete this list",
    ListDeleted => "The list “{name}” was deleted.",
    Undo => "Undo",
    DefaultListName => "My shortlist",
    PriorityLabel => "Priority",
    PriorityNone => "No priority",
    PriorityMaybe => "Maybe",
    PriorityMust => "Must attend",
    NoteLabel => "Private note",
    RemovedFromProgramme => "Removed from the programme",
    MovedFrom => "Moved from {from} to {to}",
    PlaceChanged => "Place changed from {from} to {to}",
    RemovePick => "Remove “{title}” from the list",
    BackupHeading => "Backup and other devices",
    ExportButton => "Export my shortlists to a file",
    ImportLabel => "Import shortlists from a file",
    ImportPreview => "Merging would add {added} events, change {changed} and keep {kept} as they are.",
    ImportNewLists => "New lists: {names}",
    ImportWillRemove => "It would remove from your lists: {items}",
    ImportWillOverwrite => "It would replace your priority or note on: {items}",
    ImportWillRename => "It would rename your list “{from}” to “{to}”.",
    ImportWillDelete => "It would delete your list “{name}”.",
    ShareWithNotes => "Include my private notes in the link",
    MergeDone => "Merged: {added} events added, {changed} changed.",
    MergeButton => "Merge into my shortlists",
    ImportFailed => "This file could not be read as shortlists: {error}",
    ShareButton => "Make a share link for this list",
    ShareHelp => "Open this link on another device to add the list there:",
    CopyLink => "Copy link",
    EventLinkLabel => "Link to this event",
    Copied => "Link copied",
    ShareDamaged => "This share link is incomplete or was changed (it may have been cut off when copied). Nothing was added.",
    ShareNewer => "This share link was made by a newer version of the app. Nothing was added.",
    AppDescription => "Browse the training and event programme: filter by theme, month and partner organisation, search, and keep a personal shortlist on your device.",
    EventAbout => "About this event",
    BootNoScript => "JavaScript is off in this browser, so search, filters and shortlists are not available. The first page of the programme is below.",
    BootNoWasm => "This browser is too old for search, filters and shortlists (they need WebAssembly). The first page of the programme is below; a current browser shows all of it.",
    BootFailed => "The interactive programme could not start: some of its files did not arrive. The first page of the programme is below; reload the page to try again.",
    BootSlow => "Still loading: the network seems slow. The first page of the programme is below.",
    MoreProblems => "… and {n} more. The organisers can list them all with programme-check.",
    CrashTitle => "The app has stopped",
    CrashHelp => "Something went wrong and the app cannot go on. Your shortlist is kept in this browser: reload the page to continue. If it happens again, download your shortlist data (you can import it later) and tell the organisers.",
    CrashReload => "Reload the page",
    CrashDownload => "Download my shortlist data",
    AddToCalendar => "Add to my calendar (.ics)",
    CalendarMonthOnly => "Only the month is known so far: this event can go into a calendar once the organisers give its day.",
    CalendarHeading => "In your calendar",
    CalendarLeaveOutCancelled => "Leave out cancelled events",
    ShortlistCalendar => "Download my shortlist as a calendar (.ics)",
    CalendarLeftOut => "Events known only to the month were left out ({n}): a calendar needs a day.",
    CalendarSubscribe => "Subscribe to the programme (your calendar follows changes)",
    CalendarDownloadAll => "Download the whole programme (.ics)",
    CalendarBySeries => "Subscribe to one series",
    ClashWith => "Clashes with: {titles}",
    PossibleClashWith => "Possibly at the same time as: {titles}",
    ClashOnPick => "“{title}” overlaps with {titles} on your list. You can keep both.",
    PossibleClashOnPick => "“{title}” is on the same day as {titles} on your list (times not given). You can keep both.",
    PrintButton => "Print",
    VenueTime => "Venue time ({zone}): {when}",
    YourTime => "Your time ({zone}): {when}",
    QrLabel => "QR code of the share link: scan it with a phone's camera",
    QrTooLong => "This link is too long for a QR code that phones read reliably: export the list to a file instead.",
    ShareVia => "Share…",
    MarkSeen => "Mark all as seen",
    ChangeNew => "New",
    ChangeMoved => "Moved",
    ChangeReplaced => "New place",
    ChangeCancelled => "Now cancelled",
    OtherSource => "This programme file comes from {host}, not from this site: the people who run this site did not publish it.",
    LoadingProgress => "Loading the programme: {done} of {total} MB",
    LoadingProgressUnknown => "Loading the programme: {done} MB",
    ReadingProgress => "Reading the programme: {done} of {total} events",
}

/// Defines `Count` (every message that says a number of things, in the form the number asks
/// for), its key in the language files and its English forms (one, other).
macro_rules! counts {
    ($($name:ident => ($one:literal, $other:literal),)*) => {
        /// Every message with a count `{n}`, said in the plural form `n` asks for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Count {
            $($name,)*
        }

        impl Count {
            /// Every count message, in declaration order (`count as usize` is its index here).
            pub const ALL: &'static [Count] = &[$(Count::$name,)*];

            /// The message's key in a language file (whose value has a form per category).
            pub fn key(self) -> &'static str {
                match self {
                    $(Count::$name => stringify!($name),)*
                }
            }
        }

        /// English: "one" and "other", compiled in.
        fn en_count(count: Count, plural: Plural) -> &'static str {
            match (count, plural) {
                $((Count::$name, Plural::One) => $one, (Count::$name, _) => $other,)*
            }
        }
    };
}

counts! {
    ShowEvents => ("Show {n} event", "Show {n} events"),
    ResultCount => ("{n} event", "{n} events"),
    SkippedEvents => (
        "{n} event could not be shown because of a mistake in the programme file.",
        "{n} events could not be shown because of mistakes in the programme file."
    ),
    StoragePartlyUnreadable => (
        "One saved shortlist item could not be read and is not shown; everything else is here. The saved data was kept aside, unchanged.",
        "{n} saved shortlist items could not be read and are not shown; everything else is here. The saved data was kept aside, unchanged."
    ),
    ImportUnreadable => ("One item in this file could not be read and is left out.", "{n} items in this file could not be read and are left out."),
    ChangesSince => (
        "Since your last visit, {n} event is new or has changed: it is marked below.",
        "Since your last visit, {n} events are new or have changed: they are marked below."
    ),
    SharedPreview => ("A shared list “{name}” with {n} event was opened.", "A shared list “{name}” with {n} events was opened."),
}

/// `n` with its thousands grouped the way `lang` writes them (CLDR): "30,000" in English and
/// Chinese, "30 000" in French and Russian (no-break spaces), "30.000" in Spanish, which leaves
/// four digits ungrouped ("1000"). Arabic keeps the digits the rest of the app shows, with
/// commas. Big programmes have counts in the tens of thousands.
pub fn format_count(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let (separator, min_digits) = match lang {
        Lang::En | Lang::Zh | Lang::Ar => (",", 4),
        Lang::Fr => ("\u{202f}", 4),
        Lang::Ru => ("\u{a0}", 4),
        Lang::Es => (".", 5),
    };
    if digits.len() < min_digits {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// The string for `msg` in `lang`, falling back to English when the language's file is not
/// installed or lacks the message.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    catalog(lang).and_then(|catalog| catalog.messages[msg as usize]).unwrap_or_else(|| en(msg))
}

/// The organiser's page (`organiser/`, a tool of its own, built apart from the delegates' app):
/// its strings. Kept out of `Msg` so that the delegates' bundle does not carry them; same rules
/// (`{name}` placeholders, filled by `fill`). English only so far: the page is for the
/// programme's publishers, and its language files are still to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganiserMsg {
    Title,
    Intro,
    PickFiles,
    DropHere,
    Template,
    Reading,
    CannotConvert,
    NoProblems,
    Problems,
    Summary,
    Download,
    Publish,
    Preview,
    NothingYet,
}

impl OrganiserMsg {
    fn english(self) -> &'static str {
        match self {
            OrganiserMsg::Title => "Check and convert a programme",
            OrganiserMsg::Intro => "Choose or drop your programme: a programme file (JSON), a schedule.json exported by pretalx or frab, or your spreadsheet's sheets saved as CSV (all of them at once). The files never leave this computer: they are read and checked in this page.",
            OrganiserMsg::PickFiles => "Programme files",
            OrganiserMsg::DropHere => "…or drop them here",
            OrganiserMsg::Template => "Spreadsheet template (the bundled programme, one CSV file per sheet):",
            OrganiserMsg::Reading => "Reading and checking…",
            OrganiserMsg::CannotConvert => "This cannot be converted: {error}",
            OrganiserMsg::NoProblems => "No problems found.",
            OrganiserMsg::Problems => "{n} problems: the items concerned are left out of the programme.",
            OrganiserMsg::Summary => "{file}: {events} events, {themes} themes, {partners} partners, {series} series.",
            OrganiserMsg::Download => "Download programme.json",
            OrganiserMsg::Publish => "Publish it by putting programme.json next to the app on your host, in place of the old one.",
            OrganiserMsg::Preview => "Preview: the first screen as delegates will see it",
            OrganiserMsg::NothingYet => "No file checked yet.",
        }
    }
}

/// An organiser's page string in `lang` (English until its language files exist).
pub fn tr_organiser(_lang: Lang, msg: OrganiserMsg) -> &'static str {
    msg.english()
}

/// `tr_organiser` with `{name}` placeholders filled.
pub fn tr_organiser_with(lang: Lang, msg: OrganiserMsg, args: &[(&str, &str)]) -> String {
    fill(tr_organiser(lang, msg), args)
}

/// `tr` with `{name}` placeholders filled.
pub fn tr_with(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    fill(tr(lang, msg), args)
}

/// A count sentence in the form the language uses for `n` (CLDR plural categories), `{n}`
/// filled; English's when the language's file lacks it.
pub fn tr_count(lang: Lang, n: usize, count: Count) -> String {
    tr_count_with(lang, n, count, &[])
}

/// `tr_count` with more placeholders filled.
pub fn tr_count_with(lang: Lang, n: usize, count: Count, args: &[(&str, &str)]) -> String {
    let plural = category(lang, n);
    let text = catalog(lang)
        .and_then(|catalog| catalog.counts[count as usize][plural as usize])
        .unwrap_or_else(|| en_count(count, category(Lang::En, n)));
    let n = format_count(lang, n);
    fill(text, &[&[("n", n.as_str())], args].concat())
}

const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn month_index(month: u32) -> usize {
    (month.clamp(1, 12) - 1) as usize
}

/// "June 2012": month headings and month facet options.
pub fn format_month(lang: Lang, month: YearMonth) -> String {
    match catalog(lang) {
        Some(catalog) => {
            fill(catalog.month_pattern, &[("month", catalog.months[month_index(month.month)]), ("y", &month.year.to_string())])
        }
        None => format!("{} {}", MONTHS_EN[month_index(month.month)], month.year),
    }
}

/// "27 November 2026".
pub fn format_day(lang: Lang, day: chrono::NaiveDate) -> String {
    match catalog(lang) {
        Some(catalog) => fill(
            catalog.date_pattern,
            &[("d", &day.day().to_string()), ("month", catalog.months_in_date[month_index(day.month())]), ("y", &day.year().to_string())],
        ),
        None => format!("{} {} {}", day.day(), MONTHS_EN[month_index(day.month())], day.year()),
    }
}

/// Whether "5–7 June 2012" may be written for a range within one month: only where a date
/// starts with its day.
fn day_comes_first(lang: Lang) -> bool {
    catalog(lang).is_none_or(|catalog| catalog.date_pattern.starts_with("{d}"))
}

fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(pattern.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// A `When` at exactly its precision: never a day for a month-only event.
pub fn format_when(lang: Lang, when: &When) -> String {
    let day = |d: chrono::NaiveDate| format_day(lang, d);
    match when {
        When::Months { start, end } if start == end => format_month(lang, *start),
        When::Months { start, end } => format!("{} – {}", format_month(lang, *start), format_month(lang, *end)),
        When::Days { start, end } if start == end => day(*start),
        When::Days { start, end } if start.year() == end.year() && start.month() == end.month() && day_comes_first(lang) => {
            format!("{}–{}", start.day(), day(*end))
        }
        When::Days { start, end } if start.year() == end.year() && lang == Lang::En => {
            format!("{} {} – {}", start.day(), MONTHS_EN[month_index(start.month())], day(*end))
        }
        When::Days { start, end } => format!("{} – {}", day(*start), day(*end)),
        When::Times { start, end } => {
            let time = |t: &chrono::DateTime<chrono::FixedOffset>| format!("{:02}:{:02}", t.hour(), t.minute());
            let offset = format_offset(start.offset().local_minus_utc());
            match end {
                Some(end) if end.date_naive() == start.date_naive() => {
                    format!("{}, {}–{} ({offset})", day(start.date_naive()), time(start), time(end))
                }
                Some(end) => format!("{}, {} – {}, {} ({offset})", day(start.date_naive()), time(start), day(end.date_naive()), time(end)),
                None => format!("{}, {} ({offset})", day(start.date_naive()), time(start)),
            }
        }
    }
}

fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '−' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(start: &str, end: Option<&str>) -> String {
        format_when(Lang::En, &When::parse(start, end).unwrap())
    }

    #[test]
    fn dates_show_only_the_precision_they_have() {
        assert_eq!(when("2012-06", None), "June 2012");
        assert_eq!(when("2012-11", Some("2013-01")), "November 2012 – January 2013");
        assert_eq!(when("2012-06-05", None), "5 June 2012");
        assert_eq!(when("2012-06-05", Some("2012-06-07")), "5–7 June 2012");
        assert_eq!(when("2012-05-30", Some("2012-06-02")), "30 May – 2 June 2012");
        assert_eq!(when("2012-12-30", Some("2013-01-02")), "30 December 2012 – 2 January 2013");
        assert_eq!(when("2012-06-05T10:00:00-04:00", Some("2012-06-05T12:30:00-04:00")), "5 June 2012, 10:00–12:30 (UTC−04:00)");
    }

    #[test]
    fn big_counts_are_grouped_as_each_language_writes_them() {
        let cases = [
            (Lang::En, 30_000, "30,000"),
            (Lang::En, 999, "999"),
            (Lang::En, 1_000, "1,000"),
            (Lang::Zh, 1_234_567, "1,234,567"),
            (Lang::Fr, 30_000, "30\u{202f}000"),
            (Lang::Ru, 1_000, "1\u{a0}000"),
            (Lang::Es, 1_000, "1000"),
            (Lang::Es, 30_000, "30.000"),
            (Lang::Ar, 100_000, "100,000"),
            (Lang::En, 0, "0"),
        ];
        for (lang, n, expected) in cases {
            assert_eq!(format_count(lang, n), expected, "{lang:?} {n}");
        }
        assert_eq!(tr_count(Lang::En, 30_000, Count::ResultCount), "30,000 events");
    }

    #[test]
    fn counts_use_the_plural_rule() {
        assert_eq!(tr_count(Lang::En, 1, Count::ResultCount), "1 event");
        assert_eq!(tr_count(Lang::En, 0, Count::ResultCount), "0 events");
        assert_eq!(tr_count_with(Lang::En, 2, Count::SharedPreview, &[("name", "Mine")]), "A shared list “Mine” with 2 events was opened.");
        assert_eq!(tr_with(Lang::En, Msg::RemoveFilter, &[("name", "Theme: Youth")]), "Remove filter Theme: Youth");
    }

    #[test]
    fn languages_and_direction() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert_eq!(Lang::from_tag("ar").dir(), "rtl");
    }
}
