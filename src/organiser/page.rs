//! The page: its language, the file picker and drop zone, the status line and the report.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::files::{check, Outcome};
use super::report::{summary, Report};
use super::strings::{problems_sentence, t, t_with, OrganiserMsg as M};
use crate::browser::files::{chosen_files, dropped_files, PickedFile};
use crate::browser::url;
use crate::domain::i18n::Lang;
use crate::domain::import::SHEET_NAMES;

#[component]
pub fn OrganiserPage() -> impl IntoView {
    let lang = RwSignal::new(first_language());
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
            let _ = root.set_attribute("dir", lang.dir());
        }
        document().set_title(t(lang, M::Title));
    });
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let take = move |files: Vec<PickedFile>| {
        if files.is_empty() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            outcome.set(Some(check(files).await));
            busy.set(false);
        });
    };
    let on_change = move |event: leptos::ev::Event| take(chosen_files(&event));
    let dragging = RwSignal::new(false);
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        take(dropped_files(&event));
    };
    let status = move || {
        let lang = lang.get();
        if busy.get() {
            return t(lang, M::Reading).to_owned();
        }
        match outcome.get() {
            None => t(lang, M::NothingYet).to_owned(),
            Some(Outcome::Failed(failure)) => t_with(lang, M::CannotConvert, &[("error", &failure.describe(lang))]),
            Some(Outcome::Converted { names, converted }) => {
                format!("{} {}", summary(lang, &names, &converted.programme), problems_sentence(lang, converted.problems.len()))
            }
        }
    };
    view! {
        <header class="site-header">
            <h1 class="site-title">{move || t(lang.get(), M::Title)}</h1>
            <LanguagePicker lang />
        </header>
        <main id="organiser" class="organiser">
            <p>{move || t(lang.get(), M::Intro)}</p>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |event: leptos::ev::DragEvent| {
                    event.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="organiser-files">{move || t(lang.get(), M::PickFiles)}</label>
                <input
                    id="organiser-files"
                    type="file"
                    multiple
                    accept=".json,.csv,.tsv,.txt,.xlsx,.xlsm,.xlsb,.xls,.ods,application/json,text/csv"
                    data-testid="organiser-files"
                    on:change=on_change
                />
                <p>{move || t(lang.get(), M::DropHere)}</p>
            </div>
            <p class="template">
                {move || t(lang.get(), M::Template)} " "
                <a href="template/spreadsheet-template.xlsx" download="spreadsheet-template.xlsx" data-testid="template-workbook">
                    "spreadsheet-template.xlsx"
                </a>
                " "
                {move || t(lang.get(), M::TemplateCsv)} " "
                {SHEET_NAMES
                    .iter()
                    .map(|name| {
                        let file = format!("{name}.csv");
                        view! { <a href=format!("template/{file}") download=file.clone()>{file.clone()}</a> " " }
                    })
                    .collect_view()}
            </p>
            <div role="status" aria-live="polite" data-testid="organiser-status">{status}</div>
            {move || match outcome.get() {
                Some(Outcome::Converted { converted, .. }) => Some(view! { <Report converted lang /> }),
                _ => None,
            }}
        </main>
    }
}

/// The page's language: `?lang=` when the address names one, else the browser's.
fn first_language() -> Lang {
    let (_, pairs) = url::read_address();
    let asked = pairs.into_iter().find(|(key, _)| key == "lang").map(|(_, value)| value);
    asked.or_else(url::browser_language).map(|tag| Lang::from_tag(&tag)).unwrap_or_default()
}

/// The six languages, each named in itself; the choice is kept in the address (`?lang=`), so
/// that a reload or a shared link keeps it.
#[component]
fn LanguagePicker(lang: RwSignal<Lang>) -> impl IntoView {
    let on_change = move |event: leptos::ev::Event| {
        let chosen = Lang::from_tag(&event_target_value(&event));
        lang.set(chosen);
        url::write_address(&format!("?lang={}", chosen.tag()), true);
    };
    view! {
        <p class="organiser-language">
            <label for="organiser-language">{move || t(lang.get(), M::Language)}</label>
            " "
            <select id="organiser-language" data-testid="organiser-language" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|option| {
                        view! {
                            <option value=option.tag() lang=option.tag() selected=move || lang.get() == option>
                                {option.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </p>
    }
}
