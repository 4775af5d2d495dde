//! The one message table: every string the delegates' app shows, its key in the language
//! files and its English text (complete, compiled in, the fallback for every language).

use super::plural::Plural;

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
        pub(super) fn en(msg: Msg) -> &'static str {
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
    ShowPast => "Show them",
    PastShown => "Past events listed",
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
    DetailPeople => "People",
    DetailDocuments => "Documents",
    // Between a person's name, role and affiliation.
    PartSeparator => ", ",
    RoleSpeaker => "Speaker",
    RoleTrainer => "Trainer",
    RoleModerator => "Moderator",
    RoleChair => "Chair",
    RolePanellist => "Panellist",
    RoleHost => "Host",
    DetailAudience => "For",
    DetailLanguages => "Languages",
    FacetLanguage => "Language or interpretation",
    AccessCaptioning => "Live captions",
    AccessSignLanguage => "Sign language",
    AccessHearingLoop => "Hearing loop",
    AccessStepFree => "Step-free access",
    DetailInterpretation => "Interpretation",
    DetailAccessibility => "Accessibility",
    LanguageArabic => "Arabic",
    LanguageChinese => "Chinese",
    LanguageEnglish => "English",
    LanguageFrench => "French",
    LanguageRussian => "Russian",
    LanguageSpanish => "Spanish",
    LanguageGerman => "German",
    LanguageDutch => "Dutch",
    LanguagePortuguese => "Portuguese",
    DetailLinks => "Links",
    LinkJoin => "Join online",
    LinkLivestream => "Livestream",
    LinkRecording => "Recording",
    LinkOpensBefore => "from {minutes} minutes before the start to the end",
    LinkAfterward => "after the event",
    FacetVenue => "Venue",
    VenueMap => "Show on a map",
    VenueMapApp => "Open in a map app",
    VenueRooms => "Rooms",
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
    KeepingPersistent => "This browser has promised to keep your shortlist until you clear it.",
    KeepingBestEffort => "This browser does not promise to keep your shortlist: it may delete it when the device runs short of space, or when the site's data is cleared. Keep a backup below: a file, a link or a QR code.",
    KeepingSevenDays => "Safari, and every browser on iPhone and iPad, deletes this shortlist after 7 days of use without a visit to this site. Keep a backup below: a file, a link or a QR code.",
    KeepingHomeScreen => "An app added to the home screen keeps a shortlist of its own, apart from the browser's: to move your picks there, open your share link in it or import your backup file.",
    KeepingInstalledEmpty => "This app keeps a shortlist of its own, apart from your browser's: picks made in the browser are not here. To bring them, open your share link in this app, or import your backup file below.",
    AskToKeep => "Ask the browser to keep it",
    AskToKeepRefused => "The browser did not promise to keep it: a backup is the safe way.",
    LastBackup => "Last backup: {date}.",
    NoBackupYet => "No backup made yet.",
    BackupReminder => "Your shortlist has changed since your last backup, and this browser does not promise to keep it.",
    BackupNow => "Back up now",
    NotNow => "Not now",
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
    CalendarAlarmLabel => "Reminder in the calendar file",
    CalendarAlarmNone => "No reminder",
    CalendarNothingYet => "Nothing to add to a calendar yet: every event of this programme is known only to the month. Calendar files will be offered here once the organisers give days.",
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
    NowNav => "Now and next",
    NowOn => "On now",
    NowNext => "Next",
    NowToday => "Today",
    NowThisMonth => "This month (no day given yet)",
    NowNothingOn => "Nothing is on right now.",
    NowNothingNext => "Nothing else is planned after this.",
    NowScope => "Show",
    NowScopeAll => "The whole programme",
    NowScopeMine => "My shortlist",
    NowAsOf => "Your time: {when}. This page updates itself every minute.",
    NowNotOffered => "This programme gives no days or times yet: there is nothing to show as now and next.",
    NowSeeAll => "See now and next",
    NowStartingSoon => "Starting within the hour: {title}",
    DayNav => "Day by day",
    DayTitle => "Timetable: {day}",
    DayChoose => "Day",
    DayPrevious => "Previous day",
    DayNext => "Next day",
    DayAllDay => "All day",
    DayNotOffered => "This programme gives no times yet: there is no timetable to show.",
    DayNothing => "Nothing on this day.",
    DayJumpToNow => "Jump to now",
    DayNowLine => "Now, {time}",
    DayVenueTimes => "Times are the venue’s ({zone}).",
    DayPlaceNotGiven => "Place not given",
    OwnAdd => "Add an appointment of my own",
    OwnChangeHeading => "Change my appointment",
    OwnHint => "A bilateral, a side meeting: kept with your picks, in clash warnings, your calendar file, print, backups and the lists you share. Times are the venue’s; without a time it takes the whole day. The organisers never see it.",
    OwnTitle => "What",
    OwnDay => "Day",
    OwnStart => "From (optional)",
    OwnEnd => "Until (optional)",
    OwnPlace => "Where (optional)",
    OwnSave => "Add to my shortlist",
    OwnSaveChanges => "Save the changes",
    OwnMark => "My own appointment",
    OwnChange => "Change “{title}”",
    OwnAdded => "“{title}” was added to your shortlist.",
    OwnChanged => "Your changes to “{title}” were saved.",
    OwnNoTitle => "Give the appointment a title.",
    OwnNoDay => "Give the day of the appointment (year-month-day).",
    ColoursLabel => "Colours",
    ColoursDevice => "As set on this device",
    ColoursLight => "Light",
    ColoursDark => "Dark",
    FollowSeriesOnly => "Follow this series",
    FollowFollowing => "You follow this series: its new events are offered to you on your next visits.",
    FollowStop => "Stop following",
    FollowAddNew => "Add them to my shortlist",
    OwnTimeUnreadable => "Write the time as hours:minutes, for example 09:30.",
    OwnEndWithoutStart => "An end time needs a start time.",
    OwnEndBeforeStart => "The end must be after the start.",
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
        pub(super) fn en_count(count: Count, plural: Plural) -> &'static str {
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
    OnNow => ("{n} event is on now", "{n} events are on now"),
    AlarmMinutesBefore => ("{n} minute before", "{n} minutes before"),
    FollowAddSeries => ("Add the whole series: {n} event", "Add the whole series: {n} events"),
    FollowAdded => (
        "{n} event of the series was added to your shortlist.",
        "{n} events of the series were added to your shortlist."
    ),
    FollowNew => ("New in “{series}”, a series you follow: {n} event.", "New in “{series}”, a series you follow: {n} events."),
    PastLeftOut => ("{n} event that is over is not listed.", "{n} events that are over are not listed."),
}
