//! One event in the list: title (a link to its details), series, when, where, how, status,
//! theme and partner labels, the summary behind a disclosure, and the shortlist star.

use leptos::prelude::*;

use super::labels::{mode_label, part_lang, status_label, when_lines};
use super::shortlist_button::ShortlistButton;
use crate::domain::i18n::{tr, Msg};
use crate::domain::programme::Status;
use crate::domain::seen::Change;
use crate::state::{use_locale, use_nav, use_programme, ChangeMarks, History};

#[component]
pub fn EventCard(
    /// Index of the event in the programme.
    index: usize,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let nav = use_nav();
    let programme = use_programme();
    let event = &programme.events[index];
    let tag = locale.tag();
    let id = event.id.clone();
    let title = event.title.get(tag).to_owned();
    let title_lang = part_lang(&programme, &event.title, locale);
    let place = event.place(tag).map(|place| (place, event.location.as_ref().and_then(|l| part_lang(&programme, &l.name, locale))));
    // An event's own page (`fr/events/<id>.html`): the address a reader copies or shares.
    let href = nav.href(|next| next.open_event(&id));
    let open_id = id.clone();
    let card_id = id.clone();
    let cancelled = event.status == Status::Cancelled;
    let (venue_time, local_time) = when_lines(&programme, event, locale);
    let change_marks = use_context::<ChangeMarks>();
    view! {
        <article class="card" class:cancelled=cancelled data-testid="event-card" data-event-id=card_id>
            <div class="card-head">
                <h4 class="card-title">
                    <a
                        href=href
                        lang=title_lang
                        data-testid="event-link"
                        on:click=move |ev| {
                            ev.prevent_default();
                            nav.remember_list();
                            nav.go(History::Push, |next| next.open_event(&open_id));
                        }
                    >
                        {title.clone()}
                    </a>
                </h4>
                <ShortlistButton event_id=id title />
            </div>
            {(event.status != Status::Scheduled).then(|| view! {
                <p class="status" data-testid="event-status">{status_label(locale, event.status)}</p>
            })}
            {move || change_marks.as_ref().map(|marks| marks.0.with(|m| m.get(&index).cloned().unwrap_or_default())).filter(|how| !how.is_empty()).map(|how| view! {
                <p class="change-marks">
                    {how.into_iter().map(|change| view! { <span class="change-mark" data-testid="change-mark">{tr(locale, change_label(change))}</span> }).collect_view()}
                </p>
            })}
            <p class="when" data-testid="event-when">{venue_time}</p>
            {local_time.map(|local| view! { <p class="when when-local" data-testid="event-when-local">{local}</p> })}
            {(place.is_some() || event.mode.is_some()).then(|| {
                let (place, place_lang) = place.unzip();
                let mode = event.mode.map(|mode| mode_label(locale, mode));
                let separator = (place.is_some() && mode.is_some()).then_some(" · ");
                view! { <p class="where" data-testid="event-where"><span lang=place_lang.flatten()>{place}</span>{separator}{mode}</p> }
            })}
            {event.series.map(|s| {
                let label = programme.series[s].label();
                view! { <p class="series" lang=part_lang(&programme, label, locale)>{label.get(tag).to_owned()}</p> }
            })}
            // Who speaks, by name: what a conference's reader scans a programme for.
            {(!event.people.is_empty()).then(|| {
                let names: Vec<&str> = event.people.iter().map(|p| programme.people[p.person].name.get(tag)).collect();
                view! { <p class="card-people" data-testid="event-people-line">{names.join(tr(locale, Msg::PartSeparator))}</p> }
            })}
            <ul class="labels">
                {event.themes.iter().map(|&t| {
                    let label = &programme.themes[t].label;
                    view! { <li class="label theme" lang=part_lang(&programme, label, locale)>{label.get(tag).to_owned()}</li> }
                }).collect_view()}
                {event.partners.iter().map(|&p| {
                    let label = programme.partners[p].label();
                    view! { <li class="label partner" lang=part_lang(&programme, label, locale)>{label.get(tag).to_owned()}</li> }
                }).collect_view()}
            </ul>
            // The summary one tap away: also what a reader without JavaScript or WebAssembly
            // reads on the prerendered first screen (its title links need the app).
            {event.summary.as_ref().map(|summary| view! {
                <details class="card-about">
                    <summary>{tr(locale, Msg::EventAbout)}</summary>
                    <p lang=part_lang(&programme, summary, locale)>{summary.get(tag).to_owned()}</p>
                </details>
            })}
        </article>
    }
}

fn change_label(change: Change) -> Msg {
    match change {
        Change::New => Msg::ChangeNew,
        Change::Moved => Msg::ChangeMoved,
        Change::Replaced => Msg::ChangeReplaced,
        Change::Cancelled => Msg::ChangeCancelled,
    }
}
