//! "Now and next": what is on and what starts next, for the whole programme or the reader's
//! shortlist, following the clock (`state::Minute`); and the first screen's entry to it
//! while a meeting runs. `domain::now` decides what goes where.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use super::event_card::EventCard;
use super::own_appointment::own_card_of;
use crate::browser::clock;
use crate::domain::i18n::{format_when, tr, tr_count, tr_with, Count, Locale, Msg};
use crate::domain::now::{has_days_or_times, now_and_next, NowAndNext};
use crate::domain::programme::Event;
use crate::domain::programme::Programme;
use crate::domain::query::Page;
use crate::domain::shortlist::{own_events, shortlist_entries};
use crate::domain::when::When;
use crate::state::{use_locale, use_minute, use_nav, use_programme, use_shortlist, History, ShortlistState};

#[component]
pub fn NowPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let offered = has_days_or_times(&programme);
    let minute = use_minute();
    let shortlist = use_shortlist();
    let mine_only = RwSignal::new(false);
    let found = {
        let programme = programme.clone();
        Memo::new(move |_| {
            let now = minute.map_or_else(clock::now_ms, |minute| minute.now_ms());
            let scope = Scope::of(&programme, shortlist, mine_only.get());
            let found = now_and_next(scope.events(&programme), scope.indices(&programme), now, clock::local_date(now));
            (scope, found)
        })
    };
    let clock_line = move || {
        let now = minute.map_or_else(clock::now_ms, |minute| minute.now_ms());
        tr_with(locale, Msg::NowAsOf, &[("when", &reader_time(locale, now))])
    };
    let section = move |heading: Msg, testid: &'static str, pick: fn(&NowAndNext) -> &Vec<usize>, empty: Option<Msg>| {
        let programme = programme.clone();
        let indices = Memo::new(move |_| found.with(|(scope, found)| (scope.clone(), pick(found).clone())));
        let heading_id = format!("{testid}-heading");
        move || {
            let none = indices.with(|(_, indices)| indices.is_empty());
            (!none || empty.is_some()).then(|| {
                let (heading_id, labelled_by) = (heading_id.clone(), heading_id.clone());
                view! {
                    <section class="now-section" aria-labelledby=labelled_by data-testid=testid>
                        <h3 id=heading_id class="month-heading">{tr(locale, heading)}</h3>
                        {none.then(|| empty.map(|empty| view! { <p class="empty" data-testid=format!("{testid}-none")>{tr(locale, empty)}</p> }))}
                        // Drawn again only when an event starts or ends: no keyed list needed.
                        <ul class="cards">
                            {indices.with(|(scope, indices)| {
                                indices.iter().map(|&index| view! { <li>{scope.card(locale, &programme, index)}</li> }).collect_view()
                            })}
                        </ul>
                    </section>
                }
            })
        }
    };
    view! {
        <section class="now" aria-labelledby="now-heading" data-testid="now-page">
            <h2 id="now-heading">{tr(locale, Msg::NowNav)}</h2>
            {(!offered).then(|| view! { <p class="hint" data-testid="now-not-offered">{tr(locale, Msg::NowNotOffered)}</p> })}
            <p class="hint" role="status" data-testid="now-clock">{clock_line}</p>
            {scope_choice(locale, mine_only, "now-scope")}
            {section(Msg::NowOn, "now-on", |found| &found.on_now, offered.then_some(Msg::NowNothingOn))}
            {section(Msg::NowNext, "now-next", |found| &found.next, offered.then_some(Msg::NowNothingNext))}
            {section(Msg::NowToday, "now-today", |found| &found.today, None)}
            {section(Msg::NowThisMonth, "now-this-month", |found| &found.this_month, None)}
        </section>
    }
}

/// Above the programme while a meeting runs (or one starts within the hour): how many events
/// are on, or which starts soon, and the way to "Now and next". Only in the browser: the
/// static pages are written without a clock.
#[component]
pub fn NowEntry() -> Option<impl IntoView> {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let in_browser = crate::browser::window().is_some();
    let minute = use_minute().filter(|_| in_browser && has_days_or_times(&programme))?;
    let nav = use_nav();
    let go_now = |next: &mut crate::domain::query::ViewState| {
        next.page = Page::Now;
        next.event = None;
    };
    let said = Memo::new(move |_| {
        let now = minute.now_ms();
        let found = now_and_next(&programme.events, 0..programme.events.len(), now, clock::local_date(now));
        if !found.is_running_or_soon(&programme.events, now) {
            return None;
        }
        Some(match found.on_now.len() {
            0 => {
                let title = found.next.first().map(|&i| programme.events[i].title.get(locale.tag()).to_owned()).unwrap_or_default();
                tr_with(locale, Msg::NowStartingSoon, &[("title", &title)])
            }
            on => tr_count(locale, on, Count::OnNow),
        })
    });
    Some(move || {
        said.get().map(|said| {
            view! {
                <div class="notices">
                    <div class="notice info now-entry" data-testid="now-entry">
                        <p>{said}</p>
                        <a
                            href=nav.href(go_now)
                            data-testid="now-entry-link"
                            on:click=move |ev| {
                                ev.prevent_default();
                                nav.go(History::Push, go_now);
                            }
                        >
                            {tr(locale, Msg::NowSeeAll)}
                        </a>
                    </div>
                </div>
            }
        })
    })
}

/// The reader's date and time now, with their UTC offset ("3 December 2026, 10:05 (UTC+01:00)").
fn reader_time(locale: Locale, now_ms: i64) -> String {
    let offset =
        clock::reader_offset_at(now_ms).and_then(chrono::FixedOffset::east_opt).unwrap_or_else(|| chrono::Offset::fix(&chrono::Utc));
    let start = chrono::DateTime::from_timestamp_millis(now_ms).unwrap_or_default().with_timezone(&offset);
    format_when(locale, &When::Times { start, end: None })
}

/// "Show: the whole programme / my shortlist", as two radio buttons (`{name}-all`,
/// `{name}-mine`).
pub(super) fn scope_choice(locale: Locale, mine_only: RwSignal<bool>, name: &'static str) -> impl IntoView {
    let option = move |mine: bool, label: Msg, suffix: &str| {
        view! {
            <label class="now-scope-option">
                <input
                    type="radio"
                    name=name
                    data-testid=format!("{name}-{suffix}")
                    prop:checked=move || mine_only.get() == mine
                    on:change=move |_| mine_only.set(mine)
                />
                {tr(locale, label)}
            </label>
        }
    };
    view! {
        <fieldset class="now-scope">
            <legend>{tr(locale, Msg::NowScope)}</legend>
            {option(false, Msg::NowScopeAll, "all")}
            {option(true, Msg::NowScopeMine, "mine")}
        </fieldset>
    }
}

/// What a view places: the whole programme, or the active list's picks and the reader's own
/// appointments (copies: a shortlist is short).
#[derive(Clone, PartialEq)]
pub(super) enum Scope {
    All,
    Mine(Arc<Vec<Event>>),
}

impl Scope {
    pub(super) fn of(programme: &Programme, shortlist: ShortlistState, mine_only: bool) -> Scope {
        if !mine_only {
            return Scope::All;
        }
        let mine = shortlist.lists.with(|lists| {
            let list = lists.active_list();
            let mut mine: Vec<Event> = shortlist_entries(list, programme)
                .into_iter()
                .filter_map(|entry| entry.event)
                .map(|i| programme.events[i].clone())
                .collect();
            mine.extend(own_events(list, &programme.meta.id));
            mine
        });
        Scope::Mine(Arc::new(mine))
    }

    pub(super) fn events<'a>(&'a self, programme: &'a Programme) -> &'a [Event] {
        match self {
            Scope::All => &programme.events,
            Scope::Mine(mine) => mine,
        }
    }

    pub(super) fn indices(&self, programme: &Programme) -> std::ops::Range<usize> {
        0..self.events(programme).len()
    }

    /// The card of the event at `index` (in `events`): the programme's card, or an own
    /// appointment's (whose id no programme event can have).
    pub(super) fn card(&self, locale: Locale, programme: &Programme, index: usize) -> impl IntoView {
        let event = &self.events(programme)[index];
        match programme.event_index(&event.id) {
            Some(index) => Either::Left(view! { <EventCard index /> }),
            _ => {
                let place = event.place(locale.tag()).unwrap_or_default();
                Either::Right(own_card_of(locale, &event.id, event.title.get(locale.tag()), Some(&event.when), &place))
            }
        }
    }
}
