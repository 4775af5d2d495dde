//! Page header: programme title, publisher, and navigation between programme and shortlist.

use leptos::prelude::*;

use crate::domain::i18n::{tr, tr_with, Msg};
use crate::domain::query::Page;
use crate::state::{href_with, navigate, use_lang, use_programme, use_shortlist, use_view, History};

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang().get_untracked();
    let view = use_view();
    let programme = use_programme();
    let shortlist = use_shortlist();
    let programme_id = programme.meta.id.clone();
    let title = programme.meta.title.clone();
    let publisher = programme.meta.publisher.clone();
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
            <h1 data-testid="programme-title">{move || title.get(lang.tag()).to_owned()}</h1>
            {publisher.map(|publisher| {
                view! {
                    <p class="publisher">
                        {move || tr_with(lang, Msg::PublishedBy, &[("name", publisher.get(lang.tag()))])}
                    </p>
                }
            })}
            <nav aria-label=tr(lang, Msg::NavLabel)>
                <ul>
                    <li>{nav_link(Page::Programme, "nav-programme")}</li>
                    <li>{nav_link(Page::Shortlist, "nav-shortlist")}</li>
                </ul>
            </nav>
        </header>
    }
}
