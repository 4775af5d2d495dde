//! "Link to this event": the event's own address (its static page, which previews as the event
//! in chat apps), to copy or hand to the phone's share sheet.

use leptos::prelude::*;

use crate::browser::files;
use crate::domain::i18n::{tr, Msg};
use crate::state::{use_locale, use_nav};

#[component]
pub fn ShareEvent(
    /// The event's id.
    id: String,
    /// Its title in the reader's language, for the share sheet.
    title: String,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let nav = use_nav();
    // Absolute in the app; on a static page only when the organiser gave the publish address
    // (the field is hidden without JavaScript: the address bar says the same).
    let address = nav.links().event_url(&nav.view.get_untracked(), &id).unwrap_or_default();
    let copied = RwSignal::new(false);
    let (copy_text, share_text) = (address.clone(), address.clone());
    view! {
        <p class="share-event">
            <label for="event-link-address">{tr(locale, Msg::EventLinkLabel)}</label>
            <input id="event-link-address" readonly data-testid="event-address" value=address />
            <button
                type="button"
                data-testid="copy-event-link"
                on:click=move |_| {
                    let text = copy_text.clone();
                    leptos::task::spawn_local(async move { copied.set(files::copy_to_clipboard(&text).await) });
                }
            >
                {move || tr(locale, if copied.get() { Msg::Copied } else { Msg::CopyLink })}
            </button>
            {files::can_share().then(|| view! {
                <button
                    type="button"
                    data-testid="share-event"
                    on:click=move |_| {
                        let (text, title) = (share_text.clone(), title.clone());
                        leptos::task::spawn_local(async move {
                            let _ = files::share_link(&text, &title).await;
                        });
                    }
                >
                    {tr(locale, Msg::ShareVia)}
                </button>
            })}
        </p>
    }
}
