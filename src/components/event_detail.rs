//! One event with every field: opened from a card or directly by `?event=ID`.

use leptos::prelude::*;

use super::event_card::place_text;
use super::labels::{mode_label, status_label};
use super::shortlist_button::ShortlistButton;
use crate::domain::i18n::{format_when, tr, Msg};
use crate::state::{href_with, navigate, use_lang, use_programme, use_view, History};

#[component]
pub fn EventDetail(
    /// The event's id from the URL.
    id: String,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let view = use_view();
    let programme = use_programme();
    let tag = lang.tag();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Moving focus to the heading tells screen reader users the page changed.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let back_href = view.with_untracked(|v| href_with(v, |next| next.event = None));
    let back = view! {
        <a
            class="back"
            href=back_href
            data-testid="back-to-list"
            on:click=move |ev| {
                ev.prevent_default();
                navigate(view, History::Push, |next| next.event = None);
            }
        >
            {tr(lang, Msg::BackToList)}
        </a>
    };
    let Some(event) = programme.event(&id) else {
        return view! {
            <article class="detail" data-testid="event-detail-missing">
                {back}
                <h2 tabindex="-1" node_ref=heading>{tr(lang, Msg::DetailNotFound)}</h2>
            </article>
        }
        .into_any();
    };
    let series = event.series.map(|s| &programme.series[s]);
    let row = |label: Msg, value: AnyView| view! { <dt>{tr(lang, label)}</dt><dd>{value}</dd> };
    let list = |items: Vec<String>| {
        view! { <ul class="inline-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
    };
    let title = event.title.get(tag).to_owned();

    let mut rows = vec![
        row(Msg::DetailWhen, format_when(lang, &event.when).into_any()),
        row(Msg::DetailStatus, status_label(lang, event.status).into_any()),
    ];
    if let Some(place) = place_text(event, lang) {
        rows.push(row(Msg::DetailWhere, place.into_any()));
    }
    if let Some(mode) = event.mode {
        rows.push(row(Msg::DetailMode, mode_label(lang, mode).into_any()));
    }
    if let Some(series) = series {
        rows.push(row(Msg::DetailSeries, series.title.get(tag).to_owned().into_any()));
        if !series.organisers.is_empty() {
            rows.push(row(
                Msg::DetailOrganisers,
                list(series.organisers.iter().map(|&p| programme.partners[p].name.get(tag).to_owned()).collect()),
            ));
        }
        if !series.prepares_for.is_empty() {
            let debates = series.prepares_for.iter().map(|&d| {
                let debate = &programme.debates[d];
                match (&debate.when, &debate.recurrence) {
                    (Some(when), _) => format!("{} ({})", debate.title.get(tag), format_when(lang, when)),
                    (None, Some(recurrence)) => format!("{} ({})", debate.title.get(tag), recurrence.get(tag)),
                    (None, None) => debate.title.get(tag).to_owned(),
                }
            });
            rows.push(row(Msg::DetailPreparesFor, list(debates.collect())));
        }
    }
    if !event.themes.is_empty() {
        rows.push(row(Msg::DetailThemes, list(event.themes.iter().map(|&t| programme.themes[t].label.get(tag).to_owned()).collect())));
    }
    if !event.partners.is_empty() {
        let partners = event.partners.iter().map(|&p| {
            let partner = &programme.partners[p];
            let name = partner.name.get(tag).to_owned();
            match &partner.url {
                Some(link) => view! { <li><a href=link.url.clone() rel="noopener noreferrer">{name}</a></li> }.into_any(),
                None => view! { <li>{name}</li> }.into_any(),
            }
        });
        rows.push(row(Msg::DetailPartners, view! { <ul class="inline-list">{partners.collect_view()}</ul> }.into_any()));
    }
    if let Some(audience) = event.audience.as_ref().or(series.and_then(|s| s.audience.as_ref())) {
        rows.push(row(Msg::DetailAudience, audience.get(tag).to_owned().into_any()));
    }
    if !event.languages.is_empty() {
        rows.push(row(Msg::DetailLanguages, list(event.languages.clone())));
    }
    let links: Vec<_> = event.links.iter().chain(series.and_then(|s| s.url.as_ref())).collect();
    if !links.is_empty() {
        let items = links.into_iter().map(|link| {
            let label = link.label.as_ref().map(|l| l.get(tag).to_owned()).unwrap_or_else(|| link.url.clone());
            view! { <li><a href=link.url.clone() rel="noopener noreferrer">{label}</a></li> }
        });
        rows.push(row(Msg::DetailLinks, view! { <ul class="inline-list">{items.collect_view()}</ul> }.into_any()));
    }

    view! {
        <article class="detail" data-testid="event-detail" data-event-id=id.clone()>
            {back}
            <div class="detail-head">
                <h2 tabindex="-1" node_ref=heading data-testid="event-detail-title">{title.clone()}</h2>
                <ShortlistButton event_id=id.clone() title />
            </div>
            {event.summary.as_ref().map(|s| view! { <p class="summary">{s.get(tag).to_owned()}</p> })}
            <dl class="fields">{rows}</dl>
            {series.and_then(|s| s.description.as_ref()).map(|d| view! { <p class="series-description">{d.get(tag).to_owned()}</p> })}
        </article>
    }
    .into_any()
}
