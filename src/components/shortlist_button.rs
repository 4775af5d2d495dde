//! The star toggle that adds an event to the active shortlist or removes it.

use leptos::prelude::*;

use crate::domain::i18n::{tr_with, Msg};
use crate::domain::shortlist::PickKey;
use crate::state::{use_locale, use_programme, use_shortlist};

/// What the button shows: whether the event is picked, and whether picks can be changed.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Shown {
    picked: bool,
    read_only: bool,
}

#[component]
pub fn ShortlistButton(
    /// The event's id.
    event_id: String,
    /// The event's title in the reader's language, for the button's accessible name.
    title: String,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let shortlist = use_shortlist();
    let programme = use_programme();
    let key = PickKey { programme: programme.meta.id.clone(), event: event_id.clone() };
    // Storage holds a newer version's data: a pick could not be kept (the notice says so).
    let shown = move || Shown { picked: shortlist.lists.with(|lists| lists.is_picked(&key)), read_only: shortlist.read_only() };
    let first = untrack(&shown);
    let label = move |picked: bool| {
        let msg = if picked { Msg::ShortlistRemove } else { Msg::ShortlistAdd };
        tr_with(locale, msg, &[("title", &title)])
    };
    // One effect writes what changed, rather than a memo and four reactive attributes: a
    // filter change builds and drops many cards, and each reactive node costs.
    let button = NodeRef::<leptos::html::Button>::new();
    let star = NodeRef::<leptos::html::Span>::new();
    Effect::new({
        let label = label.clone();
        move |was: Option<Shown>| {
            let now = shown();
            if now != was.unwrap_or(first) {
                if let (Some(button), Some(star)) = (button.get_untracked(), star.get_untracked()) {
                    let _ = button.set_attribute("aria-pressed", pressed(now.picked));
                    let _ = button.set_attribute("aria-label", &label(now.picked));
                    button.set_disabled(now.read_only);
                    star.set_text_content(Some(symbol(now.picked)));
                }
            }
            now
        }
    });
    let testid = format!("shortlist-toggle-{event_id}");
    view! {
        <button
            type="button"
            class="shortlist-toggle"
            data-testid=testid
            node_ref=button
            aria-pressed=pressed(first.picked)
            disabled=first.read_only
            aria-label=label(first.picked)
            on:click=move |_| shortlist.toggle(&programme, &event_id, locale)
        >
            <span aria-hidden="true" node_ref=star>{symbol(first.picked)}</span>
        </button>
    }
}

fn pressed(picked: bool) -> &'static str {
    if picked {
        "true"
    } else {
        "false"
    }
}

fn symbol(picked: bool) -> &'static str {
    if picked {
        "★"
    } else {
        "☆"
    }
}
