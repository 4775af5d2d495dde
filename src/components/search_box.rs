//! The search box: updates the view as the reader types, replacing (not pushing) history.

use leptos::prelude::*;

use crate::domain::i18n::{tr, Msg};
use crate::state::{use_locale, use_nav, use_view, History};

#[component]
pub fn SearchBox() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let view = use_view();
    let nav = use_nav();
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input">{tr(locale, Msg::SearchLabel)}</label>
            <input
                id="search-input"
                type="search"
                data-testid="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=tr(locale, Msg::SearchPlaceholder)
                prop:value=move || view.with(|v| v.filter.text.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    nav.go(History::Replace, |next| next.filter.text = text);
                }
            />
        </form>
    }
}
