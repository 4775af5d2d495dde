//! Page header: programme title, publisher, and navigation between programme and shortlist.

use leptos::prelude::*;

use super::labels::part_lang;
use crate::domain::i18n::{tr, tr_with, Lang, Msg};
use crate::domain::query::Page;
use crate::state::{href_with, navigate, use_lang, use_programme, use_shortlist, use_view, History};

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang().get_untracked();
    let view = use_view();
    let programme = use_programme();
    let shortlist = use_shortlist();
    let programme_id = programme.meta.id.clone();
    let title = programme.meta.title.get(lang.tag()).to_owned();
    let title_lang = part_lang(&programme, &programme.meta.title, lang);
    // "Published by {name}", with the name marked in its own language.
    let publisher = programme.meta.publisher.as_ref().map(|publisher| {
        let (before, after) = tr(lang, Msg::PublishedBy).split_once("{name}").unwrap_or(("", ""));
        (before, publisher.get(lang.tag()).to_owned(), part_lang(&programme, publisher, lang), after)
    });
    let picked = Memo::new(move |_| shortlist.lists.with(|lists| lists.active_list().count(&programme_id)));

    let nav_link = move |page: Page, testid: &'static str| {
        let href = move || {
            view.with(|v| {
                href_with(v, |next| {
                    next.page = page;
                    next.event = None;
                })
            })
        };
        let current = move || view.with(|v| v.page == page && v.event.is_none());
        let label = move || match page {
            Page::Programme => tr(lang, Msg::ProgrammeNav).to_owned(),
            Page::Shortlist => tr_with(lang, Msg::ShortlistNav, &[("n", &picked.get().to_string())]),
        };
        view! {
            <a
                href=href
                data-testid=testid
                aria-current=move || current().then_some("page")
                on:click=move |ev| {
                    ev.prevent_default();
                    navigate(view, History::Push, |next| {
                        next.page = page;
                        next.event = None;
                    });
                }
            >
                {label}
            </a>
        }
    };

    view! {
        <header class="site-header">
            <h1 data-testid="programme-title" lang=title_lang>{title}</h1>
            {publisher.map(|(before, name, name_lang, after)| view! { <p class="publisher">{before}<span lang=name_lang>{name}</span>{after}</p> })}
            <div class="header-row">
                <nav aria-label=tr(lang, Msg::NavLabel)>
                    <ul>
                        <li>{nav_link(Page::Programme, "nav-programme")}</li>
                        <li>{nav_link(Page::Shortlist, "nav-shortlist")}</li>
                    </ul>
                </nav>
                <div class="language">
                    <label for="language">{tr(lang, Msg::LanguageLabel)}</label>
                    // Each language is named in itself. Choosing one puts it in the URL, like
                    // every view setting, and the page is shown again in that language.
                    <select
                        id="language"
                        data-testid="language"
                        on:change=move |ev| {
                            let tag = event_target_value(&ev);
                            navigate(view, History::Push, move |next| next.language = Some(tag));
                        }
                    >
                        {Lang::ALL
                            .into_iter()
                            .map(|option| view! {
                                <option value=option.tag() lang=option.tag() selected=option == lang>{option.native_name()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
        </header>
    }
}
