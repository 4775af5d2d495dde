//! The reader's choice of colours: as on the device (the system's light or dark setting), or
//! always light, or always dark. Kept per device; the boot script applies it before the
//! first paint of every page (`public/boot.js`), so no page flashes in the other scheme.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::i18n::{tr, Msg};
use crate::state::{use_locale, use_shortlist};

/// The choices: their code (as stored and as `<html data-theme>`) and label.
const CHOICES: [(&str, Msg); 3] = [("", Msg::ColoursDevice), ("light", Msg::ColoursLight), ("dark", Msg::ColoursDark)];

/// A labelled select, in the app only (a static page cannot keep a choice).
#[component]
pub fn ColourChoice() -> impl IntoView {
    let locale = use_locale().get_untracked();
    if use_shortlist().detached {
        return None;
    }
    let chosen = page::colour_scheme();
    Some(view! {
        <p class="colour-choice">
            <label for="colour-choice">{tr(locale, Msg::ColoursLabel)}</label>
            <select
                id="colour-choice"
                data-testid="colour-choice"
                on:change=move |ev| page::set_colour_scheme(&event_target_value(&ev))
            >
                {CHOICES
                    .map(|(code, label)| view! { <option value=code selected=chosen == code>{tr(locale, label)}</option> })
                    .to_vec()}
            </select>
        </p>
    })
}
