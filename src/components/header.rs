//! Page header: programme title, publisher, and navigation between programme, now and next
//! (for programmes with days or times), day by day (with times) and shortlist.

use leptos::prelude::*;

use super::labels::part_lang;
use crate::domain::i18n::{tr, tr_with, Lang, Locale, Msg};
use crate::domain::query::{Page, ViewState};
use crate::state::{use_locale, use_nav, use_programme, use_shortlist, History, Nav};

#[component]
pub fn Header() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let nav = use_nav();
    let view = nav.view;
    let programme = use_programme();
    let shortlist = use_shortlist();
    let programme_id = programme.meta.id.clone();
    let title = programme.meta.title.get(locale.tag()).to_owned();
    let title_lang = part_lang(&programme, &programme.meta.title, locale);
    // "Published by {name}", with the name marked in its own language.
    let publisher = programme.meta.publisher.as_ref().map(|publisher| {
        let (before, after) = tr(locale, Msg::PublishedBy).split_once("{name}").unwrap_or(("", ""));
        (before, publisher.get(locale.tag()).to_owned(), part_lang(&programme, publisher, locale), after)
    });
    // Only where there is something to place in time: not for a programme known to the month.
    let now_offered = crate::domain::now::has_days_or_times(&programme);
    // A timetable needs times.
    let day_offered = programme.events.iter().any(|event| matches!(event.when, crate::domain::when::When::Times { .. }));
    let picked = Memo::new(move |_| shortlist.lists.with(|lists| lists.active_list().count(&programme_id)));

    let nav_link = move |page: Page, testid: &'static str| {
        let current = move || view.with(|v| v.page == page && v.event.is_none());
        let label = move || match page {
            Page::Programme => tr(locale, Msg::ProgrammeNav).to_owned(),
            Page::Shortlist => tr_with(locale, Msg::ShortlistNav, &[("n", &picked.get().to_string())]),
            Page::Now => tr(locale, Msg::NowNav).to_owned(),
            Page::Day => tr(locale, Msg::DayNav).to_owned(),
        };
        // The filters stay in the address: back on the programme, they are as they were.
        let change = move |next: &mut ViewState| {
            next.page = page;
            next.event = None;
        };
        view! {
            <a
                href=move || nav.tracked_href(change)
                data-testid=testid
                aria-current=move || current().then_some("page")
                on:click=move |ev| {
                    ev.prevent_default();
                    nav.go(History::Push, change);
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
                <nav aria-label=tr(locale, Msg::NavLabel)>
                    <ul>
                        <li>{nav_link(Page::Programme, "nav-programme")}</li>
                        {now_offered.then(|| view! { <li>{nav_link(Page::Now, "nav-now")}</li> })}
                        {day_offered.then(|| view! { <li>{nav_link(Page::Day, "nav-day")}</li> })}
                        <li>{nav_link(Page::Shortlist, "nav-shortlist")}</li>
                    </ul>
                </nav>
                <LanguagePicker locale nav />
            </div>
        </header>
    }
}

/// The six languages, each named in itself, as links to this same view in that language: they
/// work without JavaScript (a static page in each language), and with it the app changes
/// language in place.
#[component]
fn LanguagePicker(
    /// The page's language.
    locale: Locale,
    /// The view to link in each language.
    nav: Nav,
) -> impl IntoView {
    view! {
        <details class="language" data-testid="language">
            <summary>
                <span class="language-label">{tr(locale, Msg::LanguageLabel)}": "</span>
                <span lang=locale.tag()>{locale.lang().native_name()}</span>
            </summary>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|option| {
                        let tag = option.tag();
                        let choose = move |next: &mut ViewState| next.language = Some(tag.to_owned());
                        view! {
                            <li>
                                <a
                                    href=move || nav.tracked_href(choose)
                                    hreflang=tag
                                    lang=tag
                                    data-testid=format!("language-{tag}")
                                    aria-current=(option == locale.lang()).then_some("true")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        nav.go(History::Push, choose);
                                    }
                                >
                                    {option.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}
