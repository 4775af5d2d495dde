//! The star toggle that adds an event to the active shortlist or removes it.

use leptos::prelude::*;

use crate::domain::i18n::{tr_with, Msg};
use crate::domain::shortlist::PickKey;
use crate::state::{use_lang, use_programme, use_shortlist};

#[component]
pub fn ShortlistButton(
    /// The event's id.
    event_id: String,
    /// The event's title in the reader's language, for the button's accessible name.
    title: String,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let shortlist = use_shortlist();
    let programme = use_programme();
    let key = PickKey { programme: programme.meta.id.clone(), event: event_id.clone() };
    let picked = Memo::new(move |_| shortlist.lists.with(|lists| lists.is_picked(&key)));
    let testid = format!("shortlist-toggle-{event_id}");
    view! {
        <button
            type="button"
            class="shortlist-toggle"
            data-testid=testid
            aria-pressed=move || picked.get().to_string()
            // Storage holds a newer version's data: a pick could not be kept (the notice says so).
            disabled=move || shortlist.read_only()
            aria-label=move || {
                let msg = if picked.get() { Msg::ShortlistRemove } else { Msg::ShortlistAdd };
                tr_with(lang, msg, &[("title", &title)])
            }
            on:click=move |_| shortlist.toggle(&programme, &event_id, lang)
        >
            <span aria-hidden="true">{move || if picked.get() { "★" } else { "☆" }}</span>
        </button>
    }
}
