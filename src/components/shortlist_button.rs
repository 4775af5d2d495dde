//! The star toggle that adds an event to the shortlist or removes it.

use leptos::prelude::*;

use crate::domain::i18n::{tr_with, Msg};
use crate::state::{use_lang, use_programme, use_shortlist};

#[component]
pub fn ShortlistButton(
    /// The event's id.
    event_id: String,
    /// The event's title in the reader's language, for the button's accessible name.
    title: String,
) -> impl IntoView {
    let lang = use_lang();
    let shortlist = use_shortlist();
    let programme_id = use_programme().meta.id.clone();
    let picked = {
        let (programme_id, event_id) = (programme_id.clone(), event_id.clone());
        Memo::new(move |_| shortlist.shortlist.with(|s| s.contains(&programme_id, &event_id)))
    };
    let testid = format!("shortlist-toggle-{event_id}");
    view! {
        <button
            type="button"
            class="shortlist-toggle"
            data-testid=testid
            aria-pressed=move || picked.get().to_string()
            aria-label=move || {
                let msg = if picked.get() { Msg::ShortlistRemove } else { Msg::ShortlistAdd };
                tr_with(lang.get(), msg, &[("title", &title)])
            }
            on:click=move |_| shortlist.toggle(&programme_id, &event_id)
        >
            <span aria-hidden="true">{move || if picked.get() { "★" } else { "☆" }}</span>
        </button>
    }
}
