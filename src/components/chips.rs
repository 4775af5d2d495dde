//! Active filters as removable chips, plus "clear all"; and the empty-result state, which
//! names the same filters as the ones to remove.

use leptos::either::Either;
use leptos::prelude::*;

use super::facets::facet_code;
use super::labels::{facet_label, option_label};
use crate::browser::clock;
use crate::domain::filter::{Facet, PastEvents};
use crate::domain::i18n::{tr, tr_with, Msg};
use crate::state::{use_locale, use_nav, use_programme, use_view, History};

/// One removable filter.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Chip {
    Facet(Facet, String),
    HidePast,
    /// Past events asked for, in a programme that leaves them out by default.
    PastShown,
    Search(String),
}

/// The chips for the current view, search included when `with_search` is set.
fn chips(with_search: bool) -> Memo<Vec<Chip>> {
    let view = use_view();
    let current = use_programme().is_current(clock::today());
    Memo::new(move |_| {
        view.with(|v| {
            let mut chips: Vec<Chip> = v.filter.active().into_iter().map(|(facet, code)| Chip::Facet(facet, code)).collect();
            match v.filter.past {
                PastEvents::Hidden => chips.push(Chip::HidePast),
                PastEvents::Shown if current => chips.push(Chip::PastShown),
                _ => {}
            }
            if with_search && !v.filter.text.trim().is_empty() {
                chips.push(Chip::Search(v.filter.text.clone()));
            }
            chips
        })
    })
}

/// Chips that each remove one filter when pressed.
#[component]
fn ChipList(
    /// Also offer the search text as a chip (the empty state does, the toolbar shows it already).
    with_search: bool,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let nav = use_nav();
    let programme = use_programme();
    let list = chips(with_search);
    view! {
        <ul class="chips">
            <For each=move || list.get() key=|chip| chip.clone() let:chip>
                {
                    let locale = locale;
                    let (name, testid) = match &chip {
                        Chip::Facet(facet, code) => (
                            format!("{}: {}", facet_label(locale, *facet), option_label(locale, &programme, *facet, code)),
                            format!("chip-{}-{code}", facet_code(*facet)),
                        ),
                        Chip::HidePast => (tr(locale, Msg::HidePast).to_owned(), "chip-hide-past".to_owned()),
                        Chip::PastShown => (tr(locale, Msg::PastShown).to_owned(), "chip-past-shown".to_owned()),
                        Chip::Search(text) => (tr_with(locale, Msg::EmptySearch, &[("text", text)]), "chip-search".to_owned()),
                    };
                    let aria = tr_with(locale, Msg::RemoveFilter, &[("name", &name)]);
                    view! {
                        <li>
                            <button
                                type="button"
                                class="chip"
                                data-testid=testid
                                aria-label=aria
                                on:click=move |_| {
                                    let chip = chip.clone();
                                    nav.go(History::Push, move |next| match chip {
                                        Chip::Facet(facet, code) => next.filter.toggle(facet, &code),
                                        Chip::HidePast | Chip::PastShown => next.filter.past = PastEvents::AsProgramme,
                                        Chip::Search(_) => next.filter.text.clear(),
                                    });
                                }
                            >
                                {name}
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let view = use_view();
    let nav = use_nav();
    let has_any = Memo::new(move |_| view.with(|v| !v.filter.is_empty()));
    view! {
        <div class="active-filters" hidden=move || !has_any.get() data-testid="active-filters">
            <h3 class="visually-hidden">{tr(locale, Msg::ActiveFilters)}</h3>
            <ChipList with_search=false />
            <button type="button" class="link-button" data-testid="clear-all" on:click=move |_| nav.go(History::Push, |next| next.filter.clear())>
                {tr(locale, Msg::ClearAll)}
            </button>
        </div>
    }
}

/// Shown instead of the list when nothing matches: says which filters to remove (or that
/// the programme itself has no events).
#[component]
pub fn EmptyResult() -> impl IntoView {
    let locale = use_locale().get_untracked();
    if use_programme().events.is_empty() {
        return Either::Left(view! { <p class="empty-result" data-testid="empty-programme">{tr(locale, Msg::NoEventsInProgramme)}</p> });
    }
    Either::Right(view! {
        <div class="empty-result" data-testid="empty-result">
            <h3>{tr(locale, Msg::EmptyTitle)}</h3>
            <p>{tr(locale, Msg::EmptyHelp)}</p>
            <ChipList with_search=true />
        </div>
    })
}
