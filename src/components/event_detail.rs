//! One event with every field: opened from a card or directly by `?event=ID`.

use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;

use super::calendar_tools::AddToCalendar;
use super::labels::{access_label, language_name, mode_label, part_lang, role_label, status_label, when_lines};
use super::series_follow::SeriesFollow;
use super::share_event::ShareEvent;
use super::shortlist_button::ShortlistButton;
use crate::browser::clock;
use crate::domain::i18n::{format_when, tr, tr_with, Locale, Msg};
use crate::domain::programme::{Event, LinkKind, Programme, OPENS_BEFORE_MS};
use crate::state::{use_locale, use_minute, use_nav, use_programme, History};

#[component]
pub fn EventDetail(
    /// The event's id from the URL.
    id: String,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let nav = use_nav();
    let programme = use_programme();
    let tag = locale.tag();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Moving focus to the heading tells screen reader users the page changed.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    // Back to the list the event was opened from (with its filters), else the whole programme.
    let back_href = nav.href(|next| nav.back_to_list(next));
    let back = view! {
        <a
            class="back"
            href=back_href
            data-testid="back-to-list"
            on:click=move |ev| {
                ev.prevent_default();
                nav.go(History::Push, |next| nav.back_to_list(next));
            }
        >
            {tr(locale, Msg::BackToList)}
        </a>
    };
    let Some(index) = programme.event_index(&id) else {
        return Either::Left(view! {
            <article class="detail" data-testid="event-detail-missing">
                {back}
                <h2 tabindex="-1" node_ref=heading>{tr(locale, Msg::DetailNotFound)}</h2>
            </article>
        });
    };
    let event = &programme.events[index];
    let series = event.series.map(|s| &programme.series[s]);
    let title = event.title.get(tag).to_owned();
    let of = |text: &crate::domain::text::Text| part_lang(&programme, text, locale);
    let rows = detail_rows(&programme, event, locale);
    let rows = rows
        .into_iter()
        .map(|(label, field, part)| view! { <dt>{tr(locale, label)}</dt><dd lang=part>{render_field(field)}</dd> })
        .collect_view();

    Either::Right(view! {
        <article class="detail" data-testid="event-detail" data-event-id=id.clone()>
            {back}
            <div class="detail-head">
                <h2 tabindex="-1" node_ref=heading data-testid="event-detail-title" lang=of(&event.title)>{title.clone()}</h2>
                <ShortlistButton event_id=id.clone() title=title.clone() />
            </div>
            {event.summary.as_ref().map(|s| view! { <p class="summary" lang=of(s)>{s.get(tag).to_owned()}</p> })}
            <dl class="fields">{rows}{session_rows(event, locale)}</dl>
            {people_list(&programme, event, locale)}
            <AddToCalendar index />
            {series.and_then(|s| s.description.as_ref()).map(|d| view! { <p class="series-description" lang=of(d)>{d.get(tag).to_owned()}</p> })}
            // Last: it is filled in once the app runs, and moves nothing above it.
            <ShareEvent id=id.clone() title />
            // In the app only, below everything the static page has.
            {event.series.map(|series| view! { <SeriesFollow series /> })}
        </article>
    })
}

/// The event's fields as rows of the detail list: the label, the value, and the language of
/// the programme's text in it when that is not the reader's.
fn detail_rows(programme: &Programme, event: &Event, locale: Locale) -> Vec<(Msg, Field, Option<String>)> {
    let tag = locale.tag();
    let series = event.series.map(|s| &programme.series[s]);
    let of = |text: &crate::domain::text::Text| part_lang(programme, text, locale);
    // Every row is one of three shapes, rendered by one function: one view type instead of
    // one per row keeps the bundle small. A row of programme text carries its language.
    let mut rows: Vec<(Msg, Field, Option<String>)> = vec![
        (Msg::DetailWhen, when_field(programme, event, locale), None),
        (Msg::DetailStatus, Field::Text(status_label(locale, event.status).to_owned()), None),
    ];
    if let (Some(place), Some(location)) = (event.place(tag), event.location.as_ref()) {
        let venue = event.venue.map(|at| &programme.venues[at.venue]);
        let floor = event.venue.and_then(|at| venue?.rooms[at.room?].floor.as_ref());
        // The place's language is the link's own: the map link beside it is in the reader's.
        let row = match venue {
            None => (Msg::DetailWhere, Field::Text(place), of(&location.name)),
            Some(venue) => {
                let place = (place, of(&location.name));
                let floor = floor.map(|floor| (floor.get(tag).to_owned(), of(floor)));
                (Msg::DetailWhere, Field::Place { place, venue: venue.id.clone(), floor, map: venue.map_url(tag) }, None)
            }
        };
        rows.push(row);
    }
    if let Some(mode) = event.mode {
        rows.push((Msg::DetailMode, Field::Text(mode_label(locale, mode).to_owned()), None));
    }
    if let Some(series) = series {
        rows.push((Msg::DetailSeries, Field::Text(series.title.get(tag).to_owned()), of(&series.title)));
        if let Some(&first) = series.organisers.first() {
            let names = series.organisers.iter().map(|&p| programme.partners[p].name.get(tag).to_owned()).collect();
            rows.push((Msg::DetailOrganisers, Field::List(names), of(&programme.partners[first].name)));
        }
        if !series.prepares_for.is_empty() {
            let debates = series.prepares_for.iter().map(|&d| {
                let debate = &programme.debates[d];
                match (&debate.when, &debate.recurrence) {
                    (Some(when), _) => format!("{} ({})", debate.title.get(tag), format_when(locale, when)),
                    (None, Some(recurrence)) => format!("{} ({})", debate.title.get(tag), recurrence.get(tag)),
                    (None, None) => debate.title.get(tag).to_owned(),
                }
            });
            let first = &programme.debates[series.prepares_for[0]].title;
            rows.push((Msg::DetailPreparesFor, Field::List(debates.collect()), of(first)));
        }
    }
    if let Some(&first) = event.themes.first() {
        let labels = event.themes.iter().map(|&t| programme.themes[t].label.get(tag).to_owned()).collect();
        rows.push((Msg::DetailThemes, Field::List(labels), of(&programme.themes[first].label)));
    }
    if let Some(&first) = event.partners.first() {
        let partners = event.partners.iter().map(|&p| {
            let partner = &programme.partners[p];
            (partner.name.get(tag).to_owned(), partner.url.as_ref().map(|link| link.url.clone()))
        });
        rows.push((Msg::DetailPartners, Field::Links(partners.collect()), of(&programme.partners[first].name)));
    }
    if let Some(audience) = event.audience.as_ref().or(series.and_then(|s| s.audience.as_ref())) {
        rows.push((Msg::DetailAudience, Field::Text(audience.get(tag).to_owned()), of(audience)));
    }
    let names = |tags: &[String]| tags.iter().map(|tag| language_name(locale, tag)).collect::<Vec<_>>();
    if !event.languages.is_empty() {
        rows.push((Msg::DetailLanguages, Field::List(names(&event.languages)), None));
    }
    if !event.interpretation.is_empty() {
        rows.push((Msg::DetailInterpretation, Field::List(names(&event.interpretation)), None));
    }
    if !event.access.is_empty() || event.access_note.is_some() {
        let features = event.access.iter().map(|access| access_label(locale, *access).to_owned()).collect();
        let note = event.access_note.as_ref().map(|note| (note.get(tag).to_owned(), of(note)));
        rows.push((Msg::DetailAccessibility, Field::Noted(features, note), None));
    }
    let links: Vec<(String, Option<String>)> = event
        .links
        .iter()
        .chain(series.and_then(|s| s.url.as_ref()))
        .map(|link| (link.label.as_ref().map(|l| l.get(tag).to_owned()).unwrap_or_else(|| link.url.clone()), Some(link.url.clone())))
        .collect();
    if !links.is_empty() {
        let label = event.links.first().and_then(|link| link.label.as_ref());
        rows.push((Msg::DetailLinks, Field::Links(links), label.and_then(of)));
    }
    if let Some(first) = event.documents.first() {
        // "A/RES/70/1 Transforming our world (en)": the symbol delegates quote, the title, and
        // the document's language when it says.
        let documents = event.documents.iter().map(|document| {
            let title = document.title.as_ref().map(|title| title.get(tag));
            let mut name = [document.symbol.as_deref(), title].into_iter().flatten().collect::<Vec<_>>().join(" ");
            if name.is_empty() {
                name = document.url.clone();
            }
            if let Some(language) = &document.language {
                name = format!("{name} ({language})");
            }
            (name, Some(document.url.clone()))
        });
        rows.push((Msg::DetailDocuments, Field::Links(documents.collect()), first.title.as_ref().and_then(of)));
    }
    rows
}

/// Links to join, watch or watch again: each a row, its link live only while it is of use
/// (the reader's clock, to the minute), when it is of use said beside it. The static page
/// has no clock: its links are live, with the same words, so nothing moves when the app
/// takes over.
fn session_rows(event: &Event, locale: Locale) -> impl IntoView {
    let minute = use_minute().filter(|_| crate::browser::window().is_some());
    let tag = locale.tag();
    event
        .session_links
        .iter()
        .map(|session| {
            let (kind, when, url) = (session.kind, event.when.clone(), session.link.url.clone());
            let open = Memo::new(move |_| minute.is_none_or(|minute| kind.is_open(&when, minute.now_ms(), clock::today())));
            let (label, window) = match kind {
                LinkKind::Join => (Msg::LinkJoin, Msg::LinkOpensBefore),
                LinkKind::Livestream => (Msg::LinkLivestream, Msg::LinkOpensBefore),
                LinkKind::Recording => (Msg::LinkRecording, Msg::LinkAfterward),
            };
            let text = session.link.label.as_ref().map_or_else(|| tr(locale, label).to_owned(), |text| text.get(tag).to_owned());
            let window = tr_with(locale, window, &[("minutes", &(OPENS_BEFORE_MS / 60_000).to_string())]);
            view! {
                <dt>{tr(locale, label)}</dt>
                <dd data-testid=format!("session-link-{}", kind.code())>
                    <a href=move || open.get().then(|| url.clone()) aria-disabled=move || (!open.get()).then_some("true") rel="noopener noreferrer">
                        {text}
                    </a>
                    " ("
                    {window}
                    ")"
                </dd>
            }
        })
        .collect_view()
}

/// Who speaks, trains, moderates or chairs: "Name, role, affiliation" and the biography, each
/// text marked with its language when it is not the reader's.
fn people_list(programme: &Programme, event: &Event, locale: Locale) -> Option<impl IntoView> {
    if event.people.is_empty() {
        return None;
    }
    let tag = locale.tag();
    let nav = use_nav();
    let of = |text: &crate::domain::text::Text| part_lang(programme, text, locale);
    let separator = tr(locale, Msg::PartSeparator);
    let people = event
        .people
        .iter()
        .map(|participant| {
            let person = &programme.people[participant.person];
            // Their page (their events, their own link): the name is the way there.
            let id = person.id.clone();
            let href = nav.href(|next| next.open_person(&id));
            let name = view! {
                <a
                    href=href
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav.go(History::Push, |next| next.open_person(&id));
                    }
                >
                    {person.name.get(tag).to_owned()}
                </a>
            };
            let role = participant.role.map(|role| format!("{separator}{}", role_label(locale, role)));
            let affiliation =
                person.affiliation.as_ref().map(|text| view! { {separator}<span lang=of(text)>{text.get(tag).to_owned()}</span> });
            let bio = person.bio.as_ref().map(|text| view! { <p class="person-bio" lang=of(text)>{text.get(tag).to_owned()}</p> });
            view! {
                <li class="person" data-testid="event-person">
                    <span class="person-name" lang=of(&person.name)>{name}</span>
                    {role}
                    {affiliation}
                    {bio}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="people" aria-labelledby="people-title">
            <h3 id="people-title">{tr(locale, Msg::DetailPeople)}</h3>
            <ul class="people-list" data-testid="event-people">{people}</ul>
        </section>
    })
}

/// The venue's time, and the reader's own beside it when their clocks differ.
fn when_field(programme: &Programme, event: &Event, locale: Locale) -> Field {
    match when_lines(programme, event, locale) {
        (venue, None) => Field::Text(venue),
        (venue, Some(local)) => Field::List(vec![venue, local]),
    }
}

/// The value of one detail row.
enum Field {
    Text(String),
    List(Vec<String>),
    /// Names with an optional http(s) address each.
    Links(Vec<(String, Option<String>)>),
    /// Names, and a note of the programme's below them, with its language.
    Noted(Vec<String>, Option<(String, Option<String>)>),
    /// The place, linked to its venue's page, with the room's floor and the venue's map.
    Place {
        place: (String, Option<String>),
        venue: String,
        floor: Option<(String, Option<String>)>,
        map: Option<String>,
    },
}

fn render_field(field: Field) -> impl IntoView {
    let plain = |items: Vec<String>| items.into_iter().map(|item| (item, None)).collect();
    let note = |note: Option<(String, Option<String>)>| note.map(|(text, lang)| view! { <p class="field-note" lang=lang>{text}</p> });
    match field {
        Field::Text(text) => EitherOf4::A(text),
        Field::List(items) => EitherOf4::B(inline_list(plain(items))),
        Field::Links(items) => EitherOf4::B(inline_list(items)),
        Field::Noted(items, noted) => {
            let list = (!items.is_empty()).then(|| inline_list(plain(items)));
            EitherOf4::C(view! { {list}{note(noted)} })
        }
        Field::Place { place: (place, lang), venue, floor, map } => {
            let nav = use_nav();
            let href = nav.href(|next| next.open_venue(&venue));
            let locale = use_locale().get_untracked();
            let map = map.map(|url| {
                view! { <p class="field-note"><a href=url rel="noopener noreferrer" data-testid="event-map-link">{tr(locale, Msg::VenueMap)}</a></p> }
            });
            EitherOf4::D(view! {
                <a
                    href=href
                    lang=lang
                    data-testid="event-venue-link"
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav.go(History::Push, |next| next.open_venue(&venue));
                    }
                >
                    {place}
                </a>
                {note(floor)}
                {map}
            })
        }
    }
}

/// Names, each a link when it has an address.
fn inline_list(items: Vec<(String, Option<String>)>) -> impl IntoView {
    view! {
        <ul class="inline-list">
            {items
                .into_iter()
                .map(|(name, url)| match url {
                    Some(url) => Either::Left(view! { <li><a href=url rel="noopener noreferrer">{name}</a></li> }),
                    None => Either::Right(view! { <li>{name}</li> }),
                })
                .collect_view()}
        </ul>
    }
}
