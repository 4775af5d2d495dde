//! Calendar files from the app (src/domain/calendar.rs writes them): one event, the reader's
//! shortlist with notes, and links to the programme's subscription feeds (written beside
//! `programme.json` by the build's prerender, so a subscribed calendar follows moves and
//! cancellations).

use leptos::either::Either;
use leptos::prelude::*;

use crate::browser::{clock, files, storage};
use crate::domain::calendar::{
    has_calendar_dates, parse_alarm, series_feed, write_calendar, CalendarRequest, Entry, ALARM_CHOICES, PROGRAMME_FEED,
};
use crate::domain::i18n::{tr, tr_count, tr_with, Count, Msg};
use crate::domain::programme::Event;
use crate::domain::shortlist::{is_own_id, own_events, shortlist_entries};
use crate::state::{use_locale, use_nav, use_programme, use_shortlist};

/// "Add to my calendar" for one event, or why it cannot be added yet. A link that carries the
/// calendar file itself (a `data:` address, downloaded by the browser): it works on the static
/// page without JavaScript as in the app.
#[component]
pub fn AddToCalendar(
    /// Index of the event in the programme.
    index: usize,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    if !has_calendar_dates(&programme.events[index]) {
        return Either::Left(view! { <p class="hint" data-testid="calendar-month-only">{tr(locale, Msg::CalendarMonthOnly)}</p> });
    }
    let nav = use_nav();
    let event = &programme.events[index];
    let (links, view) = (nav.links(), nav.view.get_untracked());
    let event_url = |event: &Event| links.event_url(&view, &event.id).unwrap_or_default();
    let request = CalendarRequest {
        name: event.title.get(locale.tag()),
        lang: locale.tag(),
        now: clock::now_utc(),
        event_url: links.public.is_some().then_some(&event_url as &dyn Fn(&Event) -> String),
        include_cancelled: true,
        // The reminder chosen on the shortlist page (none in a static page: no storage there).
        alarm_minutes: storage::load_alarm(),
    };
    let written = write_calendar(&programme, &[Entry { event, note: None }], &request);
    let href = format!("data:text/calendar;charset=utf-8,{}", percent_encode(&written.text));
    Either::Right(view! {
        <p class="calendar-actions">
            <a class="button" href=href download=format!("{}.ics", event.id) data-testid="add-to-calendar">{tr(locale, Msg::AddToCalendar)}</a>
        </p>
    })
}

/// Every byte but ASCII letters, digits and `-._~` as `%XX`: a `data:` address's text.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The active list's picks in this programme as one calendar, with the reader's notes.
#[component]
pub fn ShortlistCalendar() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let shortlist = use_shortlist();
    let leave_out_cancelled = RwSignal::new(false);
    let left_out = RwSignal::new(None::<usize>);
    let alarm = RwSignal::new(storage::load_alarm());
    let nav = use_nav();
    let download = move |_| {
        let (links, view) = (nav.links(), nav.view.get_untracked());
        // The reader's own appointments have no page in the app.
        let event_url = |event: &Event| (!is_own_id(&event.id)).then(|| links.event_url(&view, &event.id)).flatten().unwrap_or_default();
        let written = shortlist.lists.with_untracked(|lists| {
            let list = lists.active_list();
            let own = own_events(list, &programme.meta.id);
            let entries: Vec<Entry<'_>> = shortlist_entries(list, &programme)
                .into_iter()
                .filter_map(|entry| {
                    let event = match entry.event {
                        Some(index) => &programme.events[index],
                        None => own.iter().find(|own| own.id == entry.key.event)?,
                    };
                    let note = list.picks.get(&entry.key).map(|pick| pick.note.as_str());
                    Some(Entry { event, note })
                })
                .collect();
            let title = programme.meta.title.get(locale.tag());
            let request = CalendarRequest {
                name: title,
                lang: locale.tag(),
                now: clock::now_utc(),
                event_url: Some(&event_url),
                include_cancelled: !leave_out_cancelled.get_untracked(),
                alarm_minutes: alarm.get_untracked(),
            };
            write_calendar(&programme, &entries, &request)
        });
        let _ = files::download_text("my-shortlist.ics", &written.text, "text/calendar");
        left_out.set(Some(written.month_only));
    };
    view! {
        <section class="calendar-tools" aria-labelledby="shortlist-calendar-heading">
            <h3 id="shortlist-calendar-heading">{tr(locale, Msg::CalendarHeading)}</h3>
            <label class="option">
                <input
                    type="checkbox"
                    data-testid="calendar-leave-out-cancelled"
                    prop:checked=move || leave_out_cancelled.get()
                    on:change=move |ev| leave_out_cancelled.set(event_target_checked(&ev))
                />
                {tr(locale, Msg::CalendarLeaveOutCancelled)}
            </label>
            <label class="option-select">
                {tr(locale, Msg::CalendarAlarmLabel)}
                <select
                    data-testid="calendar-alarm"
                    on:change=move |ev| {
                        let chosen = parse_alarm(&event_target_value(&ev));
                        alarm.set(chosen);
                        storage::save_alarm(chosen);
                    }
                >
                    <option value="" selected=alarm.get_untracked().is_none()>{tr(locale, Msg::CalendarAlarmNone)}</option>
                    {ALARM_CHOICES.map(|minutes| view! {
                        <option value=minutes.to_string() selected=alarm.get_untracked() == Some(minutes)>
                            {tr_count(locale, minutes as usize, Count::AlarmMinutesBefore)}
                        </option>
                    }).to_vec()}
                </select>
            </label>
            <button type="button" data-testid="shortlist-calendar" on:click=download>{tr(locale, Msg::ShortlistCalendar)}</button>
            {move || left_out.get().filter(|&n| n > 0).map(|n| view! {
                <p class="hint" role="status" data-testid="calendar-left-out">{tr_with(locale, Msg::CalendarLeftOut, &[("n", &n.to_string())])}</p>
            })}
        </section>
    }
}

/// Links to the subscription feeds: the whole programme and each series.
#[component]
pub fn SubscribeLinks() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let nav = use_nav();
    // The feeds are built from the published programme: not offered for another file.
    if nav.view.with_untracked(|v| v.programme.is_some()) {
        return None;
    }
    let links = nav.links();
    // `webcal:` opens the reader's calendar app; the https link downloads the same file. Both
    // from the root: the feeds are published beside `programme.json`.
    let download = |file: &str| format!("{}{file}", links.root);
    let webcal =
        |file: &str| links.absolute(file).map(|https| https.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1));
    // A feed of events known only to the month is an empty file: say why instead.
    let in_calendar =
        |series: Option<usize>| programme.events.iter().any(|e| has_calendar_dates(e) && (series.is_none() || e.series == series));
    if !in_calendar(None) {
        return Some(Either::Left(view! {
            <section class="calendar-tools" aria-labelledby="subscribe-heading" data-testid="subscribe">
                <h2 id="subscribe-heading">{tr(locale, Msg::CalendarHeading)}</h2>
                <p class="hint" data-testid="calendar-nothing-yet">{tr(locale, Msg::CalendarNothingYet)}</p>
            </section>
        }));
    }
    let series: Vec<(String, String)> = programme
        .series
        .iter()
        .enumerate()
        .filter(|(index, _)| in_calendar(Some(*index)))
        .map(|(_, s)| (s.label().get(locale.tag()).to_owned(), download(&series_feed(&s.id))))
        .collect();
    Some(Either::Right(view! {
        <section class="calendar-tools" aria-labelledby="subscribe-heading" data-testid="subscribe">
            <h2 id="subscribe-heading">{tr(locale, Msg::CalendarHeading)}</h2>
            <p>
                <a href=webcal(PROGRAMME_FEED).unwrap_or_else(|| download(PROGRAMME_FEED)) data-testid="subscribe-webcal">{tr(locale, Msg::CalendarSubscribe)}</a>
                " · "
                <a href=download(PROGRAMME_FEED) download data-testid="subscribe-download">{tr(locale, Msg::CalendarDownloadAll)}</a>
            </p>
            {(!series.is_empty()).then(|| view! {
                <details>
                    <summary>{tr(locale, Msg::CalendarBySeries)}</summary>
                    <ul>
                        {series.into_iter().map(|(name, file)| view! { <li><a href=file>{name}</a></li> }).collect_view()}
                    </ul>
                </details>
            })}
        </section>
    }))
}
