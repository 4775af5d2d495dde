//! One event in the list: title (a link to its details), series, when, where, how, status,
//! theme and partner labels, and the shortlist star.

use leptos::prelude::*;

use super::labels::{mode_label, status_label};
use super::shortlist_button::ShortlistButton;
use crate::domain::i18n::format_when;
use crate::domain::programme::{Event, Status};
use crate::state::{href_with, navigate, use_lang, use_programme, use_view, History};

#[component]
pub fn EventCard(
    /// Index of the event in the programme.
    index: usize,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let view = use_view();
    let programme = use_programme();
    let event = &programme.events[index];
    let tag = lang.tag();
    let id = event.id.clone();
    let title = event.title.get(tag).to_owned();
    let href = view.with_untracked(|v| href_with(v, |next| next.event = Some(id.clone())));
    let open_id = id.clone();
    let card_id = id.clone();
    let cancelled = event.status == Status::Cancelled;
    view! {
        <article class="card" class:cancelled=cancelled data-testid="event-card" data-event-id=card_id>
            <div class="card-head">
                <h4 class="card-title">
                    <a
                        href=href
                        data-testid="event-link"
                        on:click=move |ev| {
                            ev.prevent_default();
                            let id = open_id.clone();
                            navigate(view, History::Push, move |next| next.event = Some(id));
                        }
                    >
                        {title.clone()}
                    </a>
                </h4>
                <ShortlistButton event_id=id title />
            </div>
            {(event.status != Status::Scheduled).then(|| view! {
                <p class="status" data-testid="event-status">{status_label(lang, event.status)}</p>
            })}
            <p class="when" data-testid="event-when">{format_when(lang, &event.when)}</p>
            {place_line(event, lang).map(|line| view! { <p class="where" data-testid="event-where">{line}</p> })}
            {event.series.map(|s| view! { <p class="series">{programme.series[s].label().get(tag).to_owned()}</p> })}
            <ul class="labels">
                {event.themes.iter().map(|&t| view! { <li class="label theme">{programme.themes[t].label.get(tag).to_owned()}</li> }).collect_view()}
                {event.partners.iter().map(|&p| view! { <li class="label partner">{programme.partners[p].label().get(tag).to_owned()}</li> }).collect_view()}
            </ul>
        </article>
    }
}

/// "United Nations Headquarters, New York · In person".
pub fn place_line(event: &Event, lang: crate::domain::i18n::Lang) -> Option<String> {
    let mut parts: Vec<String> = event.place(lang.tag()).into_iter().collect();
    if let Some(mode) = event.mode {
        parts.push(mode_label(lang, mode).to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
