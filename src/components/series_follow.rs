//! "Add the whole series" on an event of a series, and what a followed series offers on a
//! later visit (`domain::follow`). In the app only: a static page has no shortlist to add to.

use leptos::either::Either;
use leptos::prelude::*;

use crate::domain::follow::{new_in_followed, series_events_to_add};
use crate::domain::i18n::{tr, tr_count, tr_count_with, Count, Msg};
use crate::state::{use_locale, use_programme, use_shortlist, ChangeMarks};

/// Follow the event's series, adding those of its events the active list does not have; or,
/// when followed, say so and offer to stop.
#[component]
pub fn SeriesFollow(
    /// Index of the series in the programme.
    series: usize,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let shortlist = use_shortlist();
    if shortlist.detached {
        return None;
    }
    let (programme_id, series_id) = (programme.meta.id.clone(), programme.series[series].id.clone());
    // Counted for the label; the events themselves are gathered when the button is pressed.
    let to_add = {
        let programme = programme.clone();
        move || shortlist.lists.with_untracked(|lists| series_events_to_add(&programme, series, lists.active_list()))
    };
    let to_add_count = {
        let programme = programme.clone();
        Memo::new(move |_| shortlist.lists.with(|lists| series_events_to_add(&programme, series, lists.active_list()).len()))
    };
    let following = {
        let (programme_id, series_id) = (programme_id.clone(), series_id.clone());
        Memo::new(move |_| shortlist.follows.with(|follows| follows.is_following(&programme_id, &series_id)))
    };
    let said = RwSignal::new(None::<String>);
    let follow = {
        let (programme_id, series_id) = (programme_id.clone(), series_id.clone());
        move |_| {
            let indices = to_add();
            shortlist.add_events(&programme, &indices);
            shortlist.follows.update(|follows| follows.follow(&programme_id, &series_id));
            said.set((!indices.is_empty()).then(|| tr_count(locale, indices.len(), Count::FollowAdded)));
        }
    };
    let unfollow = move |_| {
        shortlist.follows.update(|follows| follows.unfollow(&programme_id, &series_id));
        said.set(None);
    };
    Some(view! {
        <div class="series-follow" data-testid="series-follow">
            {move || if following.get() {
                Either::Left(view! {
                    <p data-testid="series-followed">{tr(locale, Msg::FollowFollowing)}</p>
                    <button type="button" data-testid="unfollow-series" on:click=unfollow.clone()>{tr(locale, Msg::FollowStop)}</button>
                })
            } else {
                let label = match to_add_count.get() {
                    0 => tr(locale, Msg::FollowSeriesOnly).to_owned(),
                    n => tr_count(locale, n, Count::FollowAddSeries),
                };
                Either::Right(view! { <button type="button" data-testid="follow-series" on:click=follow.clone()>{label}</button> })
            }}
            <p class="hint" role="status" data-testid="follow-said">{move || said.get()}</p>
        </div>
    })
}

/// In the changes notice: for each followed series, its new events not on the active list,
/// with a button that adds them.
#[component]
pub fn FollowedOffers(
    /// What changed since the last visit.
    marks: ChangeMarks,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let shortlist = use_shortlist();
    let offers = {
        let programme = programme.clone();
        move || {
            shortlist.follows.with(|follows| {
                shortlist.lists.with(|lists| marks.0.with(|marks| new_in_followed(follows, &programme, lists.active_list(), marks)))
            })
        }
    };
    move || {
        offers()
            .into_iter()
            .map(|(series, events)| {
                let name = programme.series[series].label().get(locale.tag()).to_owned();
                let programme = programme.clone();
                let testid = format!("follow-add-new-{}", programme.series[series].id);
                view! {
                    <p data-testid="follow-new">{tr_count_with(locale, events.len(), Count::FollowNew, &[("series", &name)])}</p>
                    <button type="button" data-testid=testid on:click=move |_| shortlist.add_events(&programme, &events)>
                        {tr(locale, Msg::FollowAddNew)}
                    </button>
                }
            })
            .collect_view()
    }
}
