//! One conversion's report: its summary, problems, download and preview.

use std::sync::Arc;

use leptos::prelude::*;

use super::strings::{t, t_with, OrganiserMsg as M};
use crate::app::FirstScreen;
use crate::browser::files::download_text;
use crate::domain::i18n::{Lang, Locale};
use crate::domain::import::Converted;
use crate::domain::programme::Programme;
use crate::domain::query::ViewState;
use crate::state::{provide_detached, Links, LoadedProgramme};

/// "events.csv, …: 10 events, 14 themes, …" in `lang`, with the people and venues of a
/// programme that has them.
pub fn summary(lang: Lang, names: &str, programme: &Programme) -> String {
    let counts = programme.counts();
    let [events, themes, partners, series] = [counts.events, counts.themes, counts.partners, counts.series].map(|n| n.to_string());
    let mut summary = t_with(
        lang,
        M::Summary,
        &[("file", names), ("events", &events), ("themes", &themes), ("partners", &partners), ("series", &series)],
    );
    if counts.people + counts.venues > 0 {
        let [people, venues] = [counts.people, counts.venues].map(|n| n.to_string());
        summary.push(' ');
        summary.push_str(&t_with(lang, M::SummaryMore, &[("people", &people), ("venues", &venues)]));
    }
    summary
}

/// The problems, the download and the preview of one conversion.
#[component]
pub fn Report(converted: Arc<Converted>, lang: RwSignal<Lang>) -> impl IntoView {
    let problems = converted.problems.iter().map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view();
    let text = converted.text.clone();
    let download = move |_| {
        let _ = download_text("programme.json", &text, "application/json");
    };
    let loaded = LoadedProgramme::detached(Arc::clone(&converted.programme), converted.shown_problems.clone());
    let local_times = converted.local_times.clone().map(|read| {
        let sentence =
            move || t_with(lang.get(), M::LocalTimes, &[("zone", &read.zone), ("n", &read.cells.to_string()), ("first", &read.first)]);
        view! { <p data-testid="organiser-local-times">{sentence}</p> }
    });
    view! {
        {local_times}
        <ol class="organiser-problems" data-testid="organiser-problems">{problems}</ol>
        <p>
            <button type="button" class="button primary" data-testid="organiser-download" on:click=download>
                {move || t(lang.get(), M::Download)}
            </button>
        </p>
        <p>{move || t(lang.get(), M::Publish)}</p>
        <section class="organiser-preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{move || t(lang.get(), M::Preview)}</h2>
            // A picture of the delegates' page, not a second page: not focusable, not read
            // twice by screen readers, no link or filter that would leave this one.
            <div class="preview-frame" inert=true aria-hidden="true" data-testid="organiser-preview">
                <Preview loaded lang />
            </div>
        </section>
    }
}

/// The app's own first screen, with contexts of its own and no storage. In English: the
/// delegates' other languages are files of the delegates' app, not of this page.
#[component]
fn Preview(loaded: LoadedProgramme, lang: RwSignal<Lang>) -> impl IntoView {
    let locale = Locale::ENGLISH;
    let view = ViewState { language: Some(locale.tag().to_owned()), ..ViewState::default() };
    provide_detached(view, locale, Links::default());
    // The first screen names the tab after the programme; this page keeps its own name.
    Effect::new(move |_| document().set_title(t(lang.get(), M::Title)));
    view! { <FirstScreen loaded /> }
}
