//! The organiser's page (`dist/organiser/`): a second small web app, built apart from the
//! delegates' one (organiser/index.html, organiser/Trunk.toml) so that delegates never
//! download it. An organiser picks or drops a programme file, a pretalx/frab schedule.json or
//! spreadsheet sheets (CSV); the page converts and checks them with the same code as the
//! `programme-import` command (`domain::import`), lists every problem with its place, shows the
//! first screen as delegates will see it (the app's own `FirstScreen`, detached from storage)
//! and offers the checked `programme.json` for download. Nothing leaves the computer.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(page::OrganiserPage);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("organiser is a web page (dist/organiser/): on a terminal, use `programme-import` instead");
    std::process::exit(2);
}

#[cfg(target_arch = "wasm32")]
mod page {
    use std::sync::Arc;

    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use wasm_bindgen::JsCast;

    use programme_browser::app::FirstScreen;
    use programme_browser::browser::files::{download_text, read_file};
    use programme_browser::domain::i18n::{tr_organiser as t, tr_organiser_with as t_with, Lang, OrganiserMsg as M};
    use programme_browser::domain::import::{convert, input_from_files, Converted, SHEET_NAMES};
    use programme_browser::domain::programme::{programme_text, MAX_PROGRAMME_BYTES};
    use programme_browser::domain::query::ViewState;
    use programme_browser::state::{provide_detached, Links, LoadedProgramme};

    const LANG: Lang = Lang::En;

    /// What the last files gave: a conversion, or why there is none.
    #[derive(Clone)]
    enum Outcome {
        Converted { names: String, converted: Arc<Converted> },
        Failed(String),
    }

    #[component]
    pub fn OrganiserPage() -> impl IntoView {
        let outcome = RwSignal::new(None::<Outcome>);
        let busy = RwSignal::new(false);
        let take = move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            busy.set(true);
            spawn_local(async move {
                outcome.set(Some(check(files).await));
                busy.set(false);
            });
        };
        let on_change = move |event: web_sys::Event| {
            let input: web_sys::HtmlInputElement = event_target(&event);
            take(files_of(input.files()));
        };
        let dragging = RwSignal::new(false);
        let on_drop = move |event: web_sys::DragEvent| {
            event.prevent_default();
            dragging.set(false);
            take(files_of(dropped_files(&event)));
        };
        view! {
            <header class="site-header">
                <h1 class="site-title">{t(LANG, M::Title)}</h1>
            </header>
            <main id="organiser" class="organiser">
                <p>{t(LANG, M::Intro)}</p>
                <div
                    class="drop-zone"
                    class:dragging=move || dragging.get()
                    data-testid="drop-zone"
                    on:dragover=move |event: web_sys::DragEvent| {
                        event.prevent_default();
                        dragging.set(true);
                    }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                >
                    <label for="organiser-files">{t(LANG, M::PickFiles)}</label>
                    <input
                        id="organiser-files"
                        type="file"
                        multiple
                        accept=".json,.csv,.tsv,.txt,application/json,text/csv"
                        data-testid="organiser-files"
                        on:change=on_change
                    />
                    <p>{t(LANG, M::DropHere)}</p>
                </div>
                <p class="template">
                    {t(LANG, M::Template)} " "
                    {SHEET_NAMES
                        .iter()
                        .map(|name| {
                            let file = format!("{name}.csv");
                            view! { <a href=format!("template/{file}") download=file.clone()>{file.clone()}</a> " " }
                        })
                        .collect_view()}
                </p>
                <div role="status" aria-live="polite" data-testid="organiser-status">
                    {move || {
                        if busy.get() {
                            t(LANG, M::Reading).to_owned()
                        } else {
                            match outcome.get() {
                                None => t(LANG, M::NothingYet).to_owned(),
                                Some(Outcome::Failed(error)) => t_with(LANG, M::CannotConvert, &[("error", &error)]),
                                Some(Outcome::Converted { names, converted }) => summary(&names, &converted),
                            }
                        }
                    }}
                </div>
                {move || match outcome.get() {
                    Some(Outcome::Converted { converted, .. }) => Some(view! { <Report converted /> }),
                    _ => None,
                }}
            </main>
        }
    }

    fn summary(names: &str, converted: &Converted) -> String {
        let programme = &converted.programme;
        let count = |n: usize| n.to_string();
        let line = t_with(
            LANG,
            M::Summary,
            &[
                ("file", names),
                ("events", &count(programme.events.len())),
                ("themes", &count(programme.themes.len())),
                ("partners", &count(programme.partners.len())),
                ("series", &count(programme.series.len())),
            ],
        );
        let problems = match converted.problems.len() {
            0 => t(LANG, M::NoProblems).to_owned(),
            n => t_with(LANG, M::Problems, &[("n", &n.to_string())]),
        };
        format!("{line} {problems}")
    }

    /// The problems, the download and the preview of one conversion.
    #[component]
    fn Report(converted: Arc<Converted>) -> impl IntoView {
        let problems = converted.problems.iter().map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view();
        let text = converted.text.clone();
        let download = move |_| {
            let _ = download_text("programme.json", &text, "application/json");
        };
        let loaded = LoadedProgramme::detached(Arc::clone(&converted.programme), converted.shown_problems.clone());
        view! {
            <ol class="organiser-problems" data-testid="organiser-problems">{problems}</ol>
            <p>
                <button type="button" class="button primary" data-testid="organiser-download" on:click=download>
                    {t(LANG, M::Download)}
                </button>
            </p>
            <p>{t(LANG, M::Publish)}</p>
            <section class="organiser-preview" aria-labelledby="preview-title">
                <h2 id="preview-title">{t(LANG, M::Preview)}</h2>
                // A picture of the delegates' page, not a second page: not focusable, not read
                // twice by screen readers, no link or filter that would leave this one.
                <div class="preview-frame" inert=true aria-hidden="true" data-testid="organiser-preview">
                    <Preview loaded />
                </div>
            </section>
        }
    }

    /// The app's own first screen, with contexts of its own and no storage.
    #[component]
    fn Preview(loaded: LoadedProgramme) -> impl IntoView {
        let view = ViewState { language: Some(LANG.tag().to_owned()), ..ViewState::default() };
        provide_detached(view, LANG, Links::default());
        // The first screen names the tab after the programme; this page keeps its own name.
        Effect::new(move |_| document().set_title(t(LANG, M::Title)));
        view! { <FirstScreen loaded /> }
    }

    /// `event.dataTransfer.files`, read by name: web-sys's `DataTransfer` feature alone made
    /// the delegates' wasm 0.7 KB larger (features are shared by both apps' builds).
    fn dropped_files(event: &web_sys::DragEvent) -> Option<web_sys::FileList> {
        let transfer = js_sys::Reflect::get(event, &"dataTransfer".into()).ok()?;
        let files = js_sys::Reflect::get(&transfer, &"files".into()).ok()?;
        files.dyn_into::<web_sys::FileList>().ok()
    }

    fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
        let Some(list) = list else { return Vec::new() };
        (0..list.length()).filter_map(|index| list.get(index)).collect()
    }

    /// Reads the files and converts them: CSV files are sheets; one JSON file is a programme
    /// or a schedule.
    async fn check(files: Vec<web_sys::File>) -> Outcome {
        let names = files.iter().map(web_sys::File::name).collect::<Vec<_>>().join(", ");
        let mut texts = Vec::new();
        for file in &files {
            if file.size() > MAX_PROGRAMME_BYTES as f64 {
                return Outcome::Failed(format!("{}: the file is over {} MB", file.name(), MAX_PROGRAMME_BYTES / 1024 / 1024));
            }
            match read(file).await {
                Ok(text) => texts.push((file.name(), text)),
                Err(error) => return Outcome::Failed(format!("{}: {error}", file.name())),
            }
        }
        let input = match input_from_files(texts) {
            Ok(input) => input,
            Err(error) => return Outcome::Failed(error),
        };
        match convert(input) {
            Ok(converted) => Outcome::Converted { names, converted: Arc::new(converted) },
            Err(error) => Outcome::Failed(error.to_string()),
        }
    }

    async fn read(file: &web_sys::File) -> Result<String, String> {
        programme_text(read_file(file).await?).map_err(|err| err.to_string())
    }
}
