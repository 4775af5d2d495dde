//! "Day by day": one day's timetable (`?view=day&day=YYYY-MM-DD`), its timed events placed by
//! quarter hour and room on a wide screen and listed by time on a phone (one list, two
//! layouts: the grid's placement is ignored where the stylesheet makes it a list), with the
//! day's whole-day events above it, the reader's picks marked by their star, and "Jump to
//! now" on the day it is. `domain::timetable` lays it out.

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};
use leptos::either::Either;
use leptos::prelude::*;

use super::now_page::{scope_choice, Scope};
use super::shortlist_button::ShortlistButton;
use crate::browser::clock;
use crate::domain::i18n::{format_day, tr, tr_with, Locale, Msg};
use crate::domain::programme::{Event, Programme};
use crate::domain::query::ViewState;
use crate::domain::shortlist::is_own_id;
use crate::domain::timetable::{day_to_open, days_with_times, lay_out_day, DayLayout, ROW_MINUTES};
use crate::domain::when::When;
use crate::state::{use_locale, use_minute, use_nav, use_programme, use_shortlist, History, Nav};

#[component]
pub fn DayPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let nav = use_nav();
    let shortlist = use_shortlist();
    let minute = use_minute();
    let mine_only = RwSignal::new(false);
    // The programme's days, whatever is shown: choosing "my shortlist" keeps the day.
    let days = days_with_times(&programme.events, 0..programme.events.len());
    let today = clock::today();
    let day = {
        let days = days.clone();
        Memo::new(move |_| nav.view.with(|v| v.day).filter(|day| days.contains(day)).or_else(|| day_to_open(&days, today)))
    };
    let scope = {
        let programme = programme.clone();
        Memo::new(move |_| Scope::of(&programme, shortlist, mine_only.get()))
    };
    let layout = {
        let programme = programme.clone();
        Memo::new(move |_| {
            scope.with(|scope| {
                let room_of = |event: &Event| event.place(locale.tag()).unwrap_or_default();
                day.get().map(|day| lay_out_day(scope.events(&programme), scope.indices(&programme), day, room_of))
            })
        })
    };
    // "Day by day" until there is a day to name.
    let title = move || match day.get() {
        Some(day) => tr_with(locale, Msg::DayTitle, &[("day", &format_day(locale, day))]),
        None => tr(locale, Msg::DayNav).to_owned(),
    };
    let zone = programme.meta.time_zone.clone();
    // The line of now follows the clock each minute on its own; the grid is drawn again only
    // when the line passes an event's start (so focus and the rest stay put).
    let now_at = {
        let programme = programme.clone();
        Memo::new(move |_| {
            let now_ms = minute.map(|m| m.now_ms());
            scope.with(|scope| layout.with(|l| l.as_ref().and_then(|l| now_row(scope.events(&programme), l, now_ms))))
        })
    };
    let split = Memo::new(move |_| {
        let row = now_at.with(|now| now.as_ref().map(|(row, _)| *row))?;
        layout.with(|l| l.as_ref().map(|l| l.placed.iter().take_while(|placed| placed.row <= row).count()))
    });
    let offered = !days.is_empty();
    view! {
        <section class="day" aria-labelledby="day-heading" data-testid="day-page">
            <div class="shortlist-head">
                <h2 id="day-heading" data-testid="day-title">{title}</h2>
                <button type="button" class="print-button" data-testid="print" on:click=|_| crate::browser::page::print()>
                    {tr(locale, Msg::PrintButton)}
                </button>
            </div>
            {(!offered).then(|| view! { <p class="hint" data-testid="day-not-offered">{tr(locale, Msg::DayNotOffered)}</p> })}
            {offered.then(|| view! {
                {day_choice(locale, nav, days, day)}
                {scope_choice(locale, mine_only, "day-scope")}
                <p class="hint">{tr_with(locale, Msg::DayVenueTimes, &[("zone", &zone)])}</p>
                {move || layout.get().map(|layout| day_view(locale, &programme, &scope.get(), &layout, split.get(), now_at))}
            })}
        </section>
    }
}

/// Previous / next day links and a list of every day (a select: a long conference has many).
fn day_choice(locale: Locale, nav: Nav, days: Vec<NaiveDate>, day: Memo<Option<NaiveDate>>) -> impl IntoView {
    let go = move |to: NaiveDate| move |next: &mut ViewState| next.day = Some(to);
    let step = {
        let days = days.clone();
        move |forward: bool| {
            let days = days.clone();
            move || {
                let at = day.get().and_then(|day| days.iter().position(|d| *d == day))?;
                let to = if forward { days.get(at + 1) } else { at.checked_sub(1).and_then(|i| days.get(i)) };
                to.copied()
            }
        }
    };
    let link = move |forward: bool, label: Msg, testid: &'static str| {
        let to = step(forward);
        move || {
            to().map(|to| {
                view! {
                    <a
                        href=nav.href(go(to))
                        data-testid=testid
                        on:click=move |ev| {
                            ev.prevent_default();
                            nav.go(History::Push, go(to));
                        }
                    >
                        {tr(locale, label)}
                    </a>
                }
            })
        }
    };
    view! {
        <nav class="day-choice" aria-label=tr(locale, Msg::DayChoose)>
            {link(false, Msg::DayPrevious, "day-previous")}
            <label class="option-select">
                {tr(locale, Msg::DayChoose)}
                <select
                    data-testid="day-select"
                    on:change=move |ev| {
                        if let Some(to) = crate::domain::when::parse_date(&event_target_value(&ev)) {
                            nav.go(History::Push, go(to));
                        }
                    }
                >
                    {days
                        .into_iter()
                        .map(|option| {
                            view! {
                                <option value=option.to_string() selected=move || day.get() == Some(option)>
                                    {format_day(locale, option)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            {link(true, Msg::DayNext, "day-next")}
        </nav>
    }
}

/// The day's whole-day events, then its timed ones as a grid (a list on a phone).
/// `split`: how many events started before the line of now, when now is in the day shown.
fn day_view(
    locale: Locale,
    programme: &Programme,
    scope: &Scope,
    layout: &DayLayout,
    split: Option<usize>,
    now_at: Memo<Option<(i64, String)>>,
) -> impl IntoView {
    let tag = locale.tag();
    let nav = use_nav();
    let events = scope.events(programme);
    let item = move |index: usize, time: Option<String>| {
        let event = &events[index];
        let id = event.id.clone();
        let title = event.title.get(tag).to_owned();
        let place = event.place(tag).unwrap_or_else(|| tr(locale, Msg::DayPlaceNotGiven).to_owned());
        if is_own_id(&id) {
            // The reader's own: no page to open, no star; marked as theirs.
            return Either::Left(view! {
                <div class="slot-head">
                    <span class="own-mark">{tr(locale, Msg::OwnMark)}</span>
                    <strong data-testid="own-slot-title">{title}</strong>
                </div>
                {time.map(|time| view! { <p class="when" data-testid="slot-time">{time}</p> })}
                <p class="where" data-testid="slot-room">{place}</p>
            });
        }
        Either::Right(view! {
            <div class="slot-head">
                <a
                    href=nav.href(|next| next.open_event(&id))
                    data-testid="event-link"
                    on:click={
                        let id = id.clone();
                        move |ev| {
                            ev.prevent_default();
                            nav.remember_list();
                            nav.go(History::Push, |next| next.open_event(&id));
                        }
                    }
                >
                    {title.clone()}
                </a>
                <ShortlistButton event_id=id.clone() title />
            </div>
            {time.map(|time| view! { <p class="when" data-testid="slot-time">{time}</p> })}
            <p class="where" data-testid="slot-room">{place}</p>
        })
    };
    let all_day = (!layout.all_day.is_empty()).then(|| {
        view! {
            <h3 class="month-heading">{tr(locale, Msg::DayAllDay)}</h3>
            <ul class="timetable-all-day" data-testid="day-all-day">
                {layout
                    .all_day
                    .iter()
                    .map(|&index| view! { <li class="slot" data-testid="timetable-item" data-event-id=events[index].id.clone()>{item(index, None)}</li> })
                    .collect_view()}
            </ul>
        }
    });
    let jump = split.is_some().then(|| {
        view! {
            <button type="button" class="show-more" data-testid="day-jump-to-now" on:click=|_| crate::browser::page::focus("#timetable-now")>
                {tr(locale, Msg::DayJumpToNow)}
            </button>
        }
    });
    let nothing = (layout.placed.is_empty() && layout.all_day.is_empty())
        .then(|| view! { <p class="empty" data-testid="day-nothing">{tr(locale, Msg::DayNothing)}</p> });
    let columns = layout.columns().max(1);
    // Column 1 holds the hours, row 1 the rooms.
    let hours = (0..layout.rows).step_by((60 / ROW_MINUTES) as usize).map(|row| {
        let minute = layout.first_minute + row * ROW_MINUTES;
        view! { <li class="hour" aria-hidden="true" style:grid-row=format!("{}", row + 2)>{format!("{:02}:00", minute / 60)}</li> }
    });
    let rooms = layout.rooms.iter().map(|(name, first, span)| {
        let name = if name.is_empty() { tr(locale, Msg::DayPlaceNotGiven).to_owned() } else { name.clone() };
        view! { <li class="room" aria-hidden="true" style:grid-column=format!("{} / span {span}", first + 2)>{name}</li> }
    });
    // On a phone the line of now comes between the events started before it and the others.
    let now_marker = split.map(|_| {
        move || {
            now_at.get().map(|(row, time)| {
                view! {
                    <li class="now-line" id="timetable-now" tabindex="-1" data-testid="day-now" style:grid-row=format!("{}", row + 2)>
                        {tr_with(locale, Msg::DayNowLine, &[("time", &time)])}
                    </li>
                }
            })
        }
    });
    let split = split.unwrap_or(layout.placed.len());
    let slot = |placed: &crate::domain::timetable::Placed| {
        let event = &events[placed.index];
        view! {
            <li
                class="slot"
                data-testid="timetable-item"
                data-event-id=event.id.clone()
                style:grid-row=format!("{} / span {}", placed.row + 2, placed.rows)
                style:grid-column=format!("{}", placed.column + 2)
            >
                {item(placed.index, Some(clock_range(&event.when)))}
            </li>
        }
    };
    view! {
        {all_day}
        {nothing}
        {jump}
        <ol
            class="timetable"
            data-testid="timetable"
            style:grid-template-columns=format!("4rem repeat({columns}, minmax(11rem, 1fr))")
        >
            {rooms.collect_view()}
            {hours.collect_view()}
            {layout.placed[..split].iter().map(slot).collect_view()}
            {now_marker}
            {layout.placed[split..].iter().map(slot).collect_view()}
        </ol>
    }
}

/// "14:00–16:00" at the venue, or "20:10" when no end is given.
fn clock_range(when: &When) -> String {
    let time = |t: &DateTime<FixedOffset>| format!("{:02}:{:02}", t.hour(), t.minute());
    match when {
        When::Times { start, end: Some(end) } => format!("{}–{}", time(start), time(end)),
        When::Times { start, end: None } => time(start),
        _ => String::new(),
    }
}

/// The row of the grid that is now, and the venue's time, when now falls within the day shown.
fn now_row(events: &[Event], layout: &DayLayout, now_ms: Option<i64>) -> Option<(i64, String)> {
    let first = layout.placed.first()?;
    let When::Times { start, .. } = &events[first.index].when else { return None };
    let now = DateTime::from_timestamp_millis(now_ms?)?.with_timezone(start.offset());
    let minute = i64::from(now.hour() * 60 + now.minute());
    let inside =
        now.date_naive() == start.date_naive() && minute >= layout.first_minute && minute < layout.first_minute + layout.rows * ROW_MINUTES;
    inside.then(|| ((minute - layout.first_minute) / ROW_MINUTES, format!("{:02}:{:02}", now.hour(), now.minute())))
}
