//! One pick on the shortlist page: the event's card (or its snapshot when the programme no
//! longer has it, or the reader's own appointment), what changed since it was picked, its
//! priority and private note.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use super::event_card::EventCard;
use super::labels::{quoted_list, status_label};
use super::own_appointment::{change_own_button, own_card};
use crate::browser::clock;
use crate::domain::clash::{picked_overlaps, Overlap};
use crate::domain::i18n::{tr, tr_with, Locale, Msg};
use crate::domain::shortlist::{own_event, pick_changes, Pick, PickChange, PickKey, Priority, ShortlistEntry};
use crate::state::{use_locale, use_programme, use_shortlist, ShortlistState};

/// How long after the last key a note is saved.
const NOTE_SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

#[component]
pub fn PickCard(
    /// The pick and its event.
    entry: ShortlistEntry,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let shortlist = use_shortlist();
    let key = entry.key.clone();
    let (list_id, pick) = shortlist.lists.with_untracked(|lists| {
        let list = lists.active_list();
        (list.id.clone(), list.picks.get(&key).cloned())
    });
    let Some(pick) = pick else { return Either::Left(()) };
    let event = entry.event.map(|i| &programme.events[i]);
    // The reader's own appointment is an event of its own, never "removed from the programme".
    let own = own_event(&key, &pick);
    let changes: Vec<String> = (if own.is_some() { Vec::new() } else { pick_changes(&pick, event, locale) })
        .into_iter()
        .map(|change| match change {
            PickChange::RemovedFromProgramme => tr(locale, Msg::RemovedFromProgramme).to_owned(),
            PickChange::Moved { from, to } => tr_with(locale, Msg::MovedFrom, &[("from", &from), ("to", &to)]),
            PickChange::PlaceChanged { from, to } => tr_with(locale, Msg::PlaceChanged, &[("from", &from), ("to", &to)]),
            PickChange::StatusChanged { to } => status_label(locale, to).to_owned(),
        })
        .collect();
    let title = event.map(|e| e.title.get(locale.tag()).to_owned()).unwrap_or_else(|| pick.snapshot.title.clone());
    let event_view = match (entry.event, &entry.own) {
        (Some(index), _) => EitherOf3::A(view! { <EventCard index /> }),
        (None, Some(saved)) => EitherOf3::B(own_card(locale, &key, saved)),
        (None, None) => EitherOf3::C(view! {
            <article class="card gone" data-testid="event-card" data-event-id=key.event.clone()>
                <h4 class="card-title">{title.clone()}</h4>
                <p class="when">{pick.snapshot.when.clone()}</p>
                <p class="where">{pick.snapshot.place.clone()}</p>
            </article>
        }),
    };
    // Which other picks of the list overlap this one (recomputed when the list changes).
    let clash_line = {
        let programme = programme.clone();
        let index = entry.event;
        move || {
            let event = match (index, &own) {
                (Some(index), _) => &programme.events[index],
                (None, Some(own)) => own,
                (None, None) => return None,
            };
            let (how, others) = shortlist.lists.with(|lists| picked_overlaps(lists.active_list(), &programme, event, locale.tag()))?;
            let titles = quoted_list(others.iter().map(String::as_str));
            let msg = if how == Overlap::Clash { Msg::ClashWith } else { Msg::PossibleClashWith };
            Some(tr_with(locale, msg, &[("titles", &titles)]))
        }
    };
    let id = key.event.clone();
    let change = entry.own.is_some().then(|| change_own_button(locale, key.clone(), &title));
    let gone_title = entry.event.is_none().then_some(title);
    Either::Right(view! {
        <div class="pick" data-testid="pick" data-event-id=id>
            {event_view}
            {move || clash_line().map(|text| view! { <p class="clash" data-testid="pick-clash">{text}</p> })}
            {(!changes.is_empty()).then(|| view! {
                <ul class="changes" data-testid="pick-changes">
                    {changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            })}
            {pick_on_paper((locale, shortlist), key.clone())}
            {pick_controls((locale, shortlist), key, list_id, pick, gone_title)}
            {change}
        </div>
    })
}

/// On paper the controls are hidden: their values as text instead.
fn pick_on_paper((locale, shortlist): (Locale, ShortlistState), key: PickKey) -> impl IntoView {
    view! {
        <p class="print-only" data-testid="pick-print">
            {move || {
                let pick = shortlist.lists.with(|l| l.active_list().picks.get(&key).cloned());
                pick.map(|pick| {
                    let priority = match pick.priority {
                        Priority::None => String::new(),
                        Priority::Maybe => format!("{}: {}. ", tr(locale, Msg::PriorityLabel), tr(locale, Msg::PriorityMaybe)),
                        Priority::MustAttend => format!("{}: {}. ", tr(locale, Msg::PriorityLabel), tr(locale, Msg::PriorityMust)),
                    };
                    let note = if pick.note.is_empty() { String::new() } else { format!("{}: {}", tr(locale, Msg::NoteLabel), pick.note) };
                    format!("{priority}{note}")
                })
            }}
        </p>
    }
}

/// The pick's priority and private note, and its removal when its event has gone from the
/// programme (`gone_title`: the card has no star then).
fn pick_controls(
    (locale, shortlist): (Locale, ShortlistState),
    key: PickKey,
    list_id: String,
    pick: Pick,
    gone_title: Option<String>,
) -> impl IntoView {
    let id = key.event.clone();
    let (priority_key, note_key, remove_key) = (key.clone(), key.clone(), key);
    let (priority_list, note_list) = (list_id.clone(), list_id);
    let note_timer = StoredValue::new(None::<TimeoutHandle>);
    let save_note = move |note: String| {
        shortlist.lists.maybe_update(|l| l.set_note(&note_list, &note_key, &note, clock::now_ms()));
    };
    let flush_note = save_note.clone();
    view! {
        <div class="pick-controls">
            <label>
                <span>{tr(locale, Msg::PriorityLabel)}</span>
                <select
                    data-testid=format!("priority-{id}")
                    on:change=move |ev| {
                        let priority = Priority::from_code(&event_target_value(&ev)).unwrap_or_default();
                        shortlist.lists.update(|l| l.set_priority(&priority_list, &priority_key, priority, clock::now_ms()));
                    }
                >
                    {[(Priority::None, Msg::PriorityNone), (Priority::Maybe, Msg::PriorityMaybe), (Priority::MustAttend, Msg::PriorityMust)]
                        .into_iter()
                        .map(|(p, msg)| view! { <option value=p.code() selected=pick.priority == p>{tr(locale, msg)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="note">
                <span>{tr(locale, Msg::NoteLabel)}</span>
                <textarea
                    rows="2"
                    data-testid=format!("note-{id}")
                    prop:value=pick.note.clone()
                    // Saved while typing (a phone may be locked or the tab closed without
                    // the field ever losing focus), a moment after the last key.
                    on:input=move |ev| {
                        let note = event_target_value(&ev);
                        if let Some(timer) = note_timer.get_value() {
                            timer.clear();
                        }
                        let save = save_note.clone();
                        note_timer.set_value(set_timeout_with_handle(move || save(note), NOTE_SAVE_DELAY).ok());
                    }
                    on:change=move |ev| {
                        if let Some(timer) = note_timer.get_value() {
                            timer.clear();
                        }
                        flush_note(event_target_value(&ev));
                    }
                ></textarea>
            </label>
            {gone_title.map(|title| view! {
                <button type="button" data-testid=format!("remove-pick-{id}") on:click=move |_| shortlist.remove(remove_key.clone())>
                    {tr_with(locale, Msg::RemovePick, &[("title", &title)])}
                </button>
            })}
        </div>
    }
}
