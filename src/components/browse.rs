//! The loaded app: header, notices, and one of the five pages (programme, shortlist, now and
//! next, a day's timetable, event).

use leptos::either::EitherOf5;
use leptos::prelude::*;

use super::backup::SharedListPrompt;
use super::built_later::BuiltLater;
use super::calendar_tools::SubscribeLinks;
use super::chips::{ActiveFilters, EmptyResult};
use super::colour_choice::ColourChoice;
use super::event_detail::EventDetail;
use super::event_list::EventList;
use super::facets::FacetPanel;
use super::header::Header;
use super::notices::Notices;
use super::now_page::{NowEntry, NowPage};
use super::person_profile::PersonProfile;
use super::search_box::SearchBox;
use super::series_follow::FollowedOffers;
use super::shortlist_page::ShortlistPage;
use super::timetable_page::DayPage;
use super::venue_profile::VenueProfile;
use crate::browser::{clock, page};
use crate::domain::filter::{apply_after, Filter, FilterResult, PastEvents};
use crate::domain::i18n::{tr, tr_count, Count, Msg};
use crate::domain::query::Page;
use crate::state::{use_locale, use_nav, use_programme, use_shortlist, use_view, ChangeMarks, History, LoadedProgramme, Minute};

#[component]
pub fn Browse(
    /// The programme that loaded and its problems.
    loaded: LoadedProgramme,
) -> impl IntoView {
    provide_context(loaded.clone());
    Minute::provide();
    let marks = ChangeMarks::provide(&loaded.programme);
    let view = use_view();
    // A link with a search shows its result at once (nothing was shown before it): the search
    // texts are built now, as that first search would.
    if view.with_untracked(|v| v.filter.searches()) {
        loaded.programme.prepare_search(usize::MAX);
    }
    // Otherwise what search matches is built after the page is painted, not while loading
    //, 250 events at a time, in tasks of 12 ms at most; `search_built` says when
    // it is done.
    let search_built = RwSignal::new(loaded.programme.search_ready());
    if !search_built.get_untracked() {
        let programme = std::sync::Arc::clone(&loaded.programme);
        page::after_paint_task(move || {
            page::in_slices(
                move || {
                    let done = programme.prepare_search(250);
                    if done {
                        search_built.set(true);
                    }
                    done
                },
                12.0,
            )
        });
    }
    // Picks migrated from the first storage format have no snapshot yet: take it now.
    let shortlist = use_shortlist();
    let locale = use_locale().get_untracked();
    shortlist.lists.maybe_update(|lists| lists.fill_snapshots(&loaded.programme));
    let programme = loaded.programme.clone();
    let today = clock::today();
    let filter = Memo::new(move |_| view.with(|v| v.filter.clone()));
    // A search typed before the search texts are built waits for them, showing what the page
    // showed (`waiting`), rather than building the rest in one task: up to ~150 ms here at
    // 100,000 events, several times that on a phone.
    let waiting = Memo::new(move |_| filter.with(Filter::searches) && !search_built.get());
    // Given the result before, so that typing one more letter searches only what it found.
    let result = Memo::new(move |before: Option<&FilterResult>| match before {
        Some(before) if waiting.get() => before.clone(),
        _ => filter.with(|f| apply_after(&programme, f, today, before)),
    });
    let page = Memo::new(move |_| view.with(|v| (v.event.clone(), v.page)));
    // The tab shows the programme's name (an event's before it), so that a reader with many
    // tabs finds it: the same title as the event's static page.
    let titles = loaded.programme.clone();
    Effect::new(move |_| {
        let programme_title = titles.meta.title.get(locale.tag());
        match page.with(|(event, _)| event.as_deref().and_then(|id| titles.event(id))) {
            Some(event) => crate::browser::page::set_title(&format!("{} – {programme_title}", event.title.get(locale.tag()))),
            None => crate::browser::page::set_title(programme_title),
        }
    });

    view! {
        <Header />
        <Notices
            problems=loaded.problems.clone()
            offline_copy_of=loaded.offline_copy_of
            offline=loaded.offline
            other_host=loaded.other_host.clone()
        />
        <ChangesNotice marks />
        <SharedListPrompt />
        <main id="content" tabindex="-1">
            <BuiltLater>
                {move || match page.get() {
                    (Some(id), _) => EitherOf5::A(view! { <EventDetail id /> }),
                    (None, Page::Shortlist) => EitherOf5::B(view! { <ShortlistPage /> }),
                    (None, Page::Now) => EitherOf5::C(view! { <NowPage /> }),
                    (None, Page::Day) => EitherOf5::D(view! { <DayPage /> }),
                    (None, Page::Programme) => EitherOf5::E(view! { <ProgrammePage result waiting /> }),
                }}
            </BuiltLater>
        </main>
    }
}

/// "N events that are over are not listed", with the way to list them, while a current
/// programme leaves them out by default.
#[component]
fn PastLeftOut(
    /// Matching events, and how many past ones the default left out.
    result: Memo<FilterResult>,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let nav = use_nav();
    let left_out = Memo::new(move |_| result.with(|r| r.past_left_out));
    move || {
        let left_out = left_out.get();
        (left_out > 0).then(|| {
            view! {
                <p class="past-left-out" data-testid="past-left-out">
                    {tr_count(locale, left_out, Count::PastLeftOut)}
                    " "
                    <button
                        type="button"
                        class="link-button"
                        data-testid="show-past"
                        on:click=move |_| nav.go(History::Push, |next| next.filter.past = PastEvents::Shown)
                    >
                        {tr(locale, Msg::ShowPast)}
                    </button>
                </p>
            }
        })
    }
}

/// "Since your last visit, N events are new or have changed", with "Mark all as seen".
#[component]
fn ChangesNotice(
    /// The marks to show and dismiss.
    marks: ChangeMarks,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    move || {
        let count = marks.0.with(|m| m.len());
        let programme = programme.clone();
        (count > 0).then(|| {
            view! {
                <div class="notices">
                    <div class="notice info" role="status" data-testid="changes-notice">
                        <p>{tr_count(locale, count, Count::ChangesSince)}</p>
                        <FollowedOffers marks />
                        <button type="button" data-testid="mark-seen" on:click=move |_| marks.dismiss(&programme)>
                            {tr(locale, Msg::MarkSeen)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}

#[component]
fn ProgrammePage(
    /// Matching events and facet counts for the current filter.
    result: Memo<FilterResult>,
    /// The result is still the one before: the search waits for its texts to be built.
    waiting: Memo<bool>,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let panel_open = RwSignal::new(false);
    let count = Memo::new(move |_| result.with(|r| r.matching.len()));
    // Copied once per result (the list reads it several times), and a result that matches
    // the same events as the one before leaves the list alone.
    let matching = Memo::new(move |_| result.with(|r| r.matching.clone()));
    view! {
        <NowEntry />
        <div class="browse">
            <div class="toolbar">
                <SearchBox />
                <button
                    type="button"
                    class="filters-button"
                    data-testid="open-filters"
                    aria-haspopup="dialog"
                    aria-expanded=move || panel_open.get().to_string()
                    aria-controls="facet-panel"
                    on:click=move |_| panel_open.set(true)
                >
                    {tr(locale, Msg::FiltersButton)}
                </button>
            </div>
            <BuiltLater>
                <FacetPanel result open=panel_open />
            </BuiltLater>
            <BuiltLater>
                <section class="results" aria-labelledby="results-heading" aria-busy=move || waiting.get().then_some("true")>
                    <h2 id="results-heading" class="visually-hidden">{tr(locale, Msg::EventsHeading)}</h2>
                    <ActiveFilters />
                    <PersonProfile />
                    <VenueProfile />
                    <p class="result-count" role="status" aria-live="polite" data-testid="result-count">
                        {move || tr_count(locale, count.get(), Count::ResultCount)}
                    </p>
                    <PastLeftOut result />
                    <Show when=move || count.get() == 0>
                        <EmptyResult />
                    </Show>
                    // The cards, in a task after the rest of the results.
                    <BuiltLater>
                        <EventList indices=matching />
                    </BuiltLater>
                </section>
            </BuiltLater>
            <SubscribeLinks />
            <ColourChoice />
        </div>
    }
}
