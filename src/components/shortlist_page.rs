//! "My shortlist": the picked events of this programme, in date order, under month headings.

use leptos::prelude::*;

use super::event_list::EventList;
use crate::domain::i18n::{tr, tr_count, Msg};
use crate::state::{use_lang, use_programme, use_shortlist};

#[component]
pub fn ShortlistPage() -> impl IntoView {
    let lang = use_lang();
    let programme = use_programme();
    let shortlist = use_shortlist();
    let indices = Memo::new(move |_| {
        let programme_id = &programme.meta.id;
        // Programme order is chronological, so filtering it keeps date order.
        shortlist.shortlist.with(|s| {
            programme.events.iter().enumerate().filter(|(_, e)| s.contains(programme_id, &e.id)).map(|(i, _)| i).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="shortlist" aria-labelledby="shortlist-heading" data-testid="shortlist-page">
            <h2 id="shortlist-heading">{move || tr(lang.get(), Msg::ShortlistTitle)}</h2>
            <p class="result-count" role="status" aria-live="polite" data-testid="shortlist-count">
                {move || tr_count(lang.get(), indices.with(Vec::len), Msg::ResultCountOne, Msg::ResultCountOther)}
            </p>
            <p class="hint">{move || tr(lang.get(), Msg::ShortlistDeviceOnly)}</p>
            <Show when=move || indices.with(Vec::is_empty)>
                <p class="empty" data-testid="shortlist-empty">{move || tr(lang.get(), Msg::ShortlistEmpty)}</p>
            </Show>
            <EventList indices=indices />
        </section>
    }
}
