//! "Link to this event": the event's own address (its static page, which previews as the event
//! in chat apps), to copy or hand to the phone's share sheet; and those two buttons for any
//! link.

use leptos::prelude::*;

use crate::browser::files;
use crate::domain::i18n::{tr, Locale, Msg};
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
    view! {
        <p class="share-event">
            <label for="event-link-address">{tr(locale, Msg::EventLinkLabel)}</label>
            <input id="event-link-address" readonly data-testid="event-address" value=address.clone() />
            {copy_and_share(locale, address, title, ("copy-event-link", "share-event"))}
        </p>
    }
}

/// A link's "Copy link" button and, where the browser has a share sheet, "Share via…" (with
/// `title`); `testids` name the two buttons.
pub fn copy_and_share(locale: Locale, link: String, title: String, testids: (&'static str, &'static str)) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy_text = link.clone();
    view! {
        <button
            type="button"
            data-testid=testids.0
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
                data-testid=testids.1
                on:click=move |_| {
                    let (text, title) = (link.clone(), title.clone());
                    leptos::task::spawn_local(async move {
                        let _ = files::share_link(&text, &title).await;
                    });
                }
            >
                {tr(locale, Msg::ShareVia)}
            </button>
        })}
    }
}
