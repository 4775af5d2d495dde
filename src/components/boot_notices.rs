//! Plain notices for the static first screen only (the prerender puts this above it): what
//! this browser cannot do, or that the app is slow to start. Hidden until `index.html`'s
//! boot script (or the lack of one: JavaScript off) marks `<html>` with the case; the app
//! removes them with the rest of the static page when it takes over.

use leptos::prelude::*;

use crate::domain::i18n::{tr, Msg};
use crate::state::use_lang;

#[component]
pub fn BootNotices() -> impl IntoView {
    let lang = use_lang().get_untracked();
    view! {
        <div class="boot-notices">
            <p class="notice info boot-noscript" data-testid="boot-noscript">{tr(lang, Msg::BootNoScript)}</p>
            <p class="notice info boot-nowasm" data-testid="boot-nowasm">{tr(lang, Msg::BootNoWasm)}</p>
            <p class="notice warning boot-failed" data-testid="boot-failed">{tr(lang, Msg::BootFailed)}</p>
            <p class="notice info boot-slow" data-testid="boot-slow">{tr(lang, Msg::BootSlow)}</p>
            <p class="visually-hidden boot-loading" role="status">{tr(lang, Msg::Loading)}</p>
        </div>
    }
}
