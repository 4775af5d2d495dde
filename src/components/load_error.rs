//! The screen shown when no programme could be loaded: what is wrong, where, and a retry.
//! Never a blank page.

use leptos::prelude::*;

use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::programme::LoadError;
use crate::state::use_locale;

#[component]
pub fn LoadErrorView(
    /// Why loading failed.
    error: LoadError,
    /// Loads the file again.
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    crate::browser::page::set_title(tr(locale, Msg::AppName));
    view! {
        <main id="content" class="load-error" data-testid="load-error">
            <h1>{tr(locale, Msg::LoadFailedTitle)}</h1>
            <p>{tr(locale, Msg::LoadFailedHelp)}</p>
            // The diagnosis is for the file's organisers, in English like `programme-check`:
            // marked as English when the page is not.
            <p class="error-message" data-testid="load-error-message">
                <code lang=(locale.lang() != Lang::En).then_some("en")>{error.to_string()}</code>
            </p>
            <button type="button" class="primary" data-testid="retry" on:click=move |_| retry()>
                {tr(locale, Msg::Retry)}
            </button>
        </main>
    }
}
