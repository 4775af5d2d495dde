//! Plain notices for the static first screen only (the prerender puts this above it): what
//! this browser cannot do, or that the app is slow to start. Hidden until `index.html`'s
//! boot script (or the lack of one: JavaScript off) marks `<html>` with the case; the app
//! removes them with the rest of the static page when it takes over.

use leptos::prelude::*;

use crate::domain::i18n::{tr, Msg};
use crate::domain::stored::STORAGE_KEY;
use crate::state::use_locale;

/// Shown by the boot script (public/boot.js) when the running app dies: a panic (a trap, since
/// panics abort) or running out of memory. Plain HTML outside the static first screen, so it
/// outlives the takeover and needs no wasm: a way back (reload) and the reader's picks, read
/// straight from storage by the boot script, as a file the app can import.
#[component]
pub fn CrashNotice() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <div id="crash" class="crash" role="alert" tabindex="-1" hidden data-testid="crash" data-storage-key=STORAGE_KEY>
            <h2>{tr(locale, Msg::CrashTitle)}</h2>
            <p>{tr(locale, Msg::CrashHelp)}</p>
            <p class="crash-actions">
                <button type="button" class="primary crash-reload" data-testid="crash-reload">{tr(locale, Msg::CrashReload)}</button>
                <a class="crash-download" href="#" hidden data-testid="crash-download">{tr(locale, Msg::CrashDownload)}</a>
            </p>
        </div>
    }
}

#[component]
pub fn BootNotices() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <div class="boot-notices">
            <p class="notice info boot-noscript" data-testid="boot-noscript">{tr(locale, Msg::BootNoScript)}</p>
            <p class="notice info boot-nowasm" data-testid="boot-nowasm">{tr(locale, Msg::BootNoWasm)}</p>
            <p class="notice warning boot-failed" data-testid="boot-failed">{tr(locale, Msg::BootFailed)}</p>
            <p class="notice info boot-slow" data-testid="boot-slow">{tr(locale, Msg::BootSlow)}</p>
            <p class="visually-hidden boot-loading" role="status">{tr(locale, Msg::Loading)}</p>
            // Filled in by the app while a large programme file downloads (handover::show_progress).
            <p class="notice info boot-progress" role="status" data-testid="load-progress"></p>
        </div>
    }
}
