//! A person's page: who they are above the events they are at, when the list is narrowed to
//! one person (`?person=<id>`, `fr/person/<id>.html`). Their events are the list below it.

use leptos::prelude::*;

use super::labels::part_lang;
use crate::domain::filter::Facet;
use crate::state::{use_locale, use_programme, use_view};

#[component]
pub fn PersonProfile() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let view = use_view();
    let person = Memo::new(move |_| view.with(|v| v.filter.only(Facet::Person)));
    move || {
        let tag = locale.tag();
        let index = person.get().and_then(|id| programme.person_index(&id))?;
        let person = &programme.people[index];
        let of = |text: &crate::domain::text::Text| part_lang(&programme, text, locale);
        let affiliation =
            person.affiliation.as_ref().map(|text| view! { <p class="person-affiliation" lang=of(text)>{text.get(tag).to_owned()}</p> });
        let bio = person.bio.as_ref().map(|text| view! { <p class="person-bio" lang=of(text)>{text.get(tag).to_owned()}</p> });
        let link =
            person.url.as_ref().map(|link| view! { <p><a href=link.url.clone() rel="noopener noreferrer">{link.url.clone()}</a></p> });
        Some(view! {
            <section class="person-profile" data-testid="person-profile" aria-labelledby="person-name">
                <h2 id="person-name" lang=of(&person.name)>{person.name.get(tag).to_owned()}</h2>
                {affiliation}
                {bio}
                {link}
            </section>
        })
    }
}
