//! The root: reads the URL, loads the programme once, provides the contexts, and chooses
//! between loading, error and browsing. Components below never fetch or touch storage.

use std::sync::Arc;

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::browser::fetch::{fetch_catalog, fetch_programme, Fetched, Progress};
use crate::browser::{handover, source, url};
use crate::components::browse::Browse;
use crate::components::load_error::LoadErrorView;
use crate::domain::address::{parse_address, SitePages};
use crate::domain::i18n::{format_count, format_megabytes, tr, tr_with, Lang, Locale, Msg};
use crate::domain::programme::LoadError;
use crate::domain::query::{drop_unknown_ids, Ignored, ViewState};
use crate::domain::source::ProgrammeSource;
use crate::state::{view_lang, History, IgnoredParams, KeepingState, Links, LoadedProgramme, LocaleSignal, Nav, ShortlistState};

/// The programme file published next to the app; `?programme=URL` picks another.
const DEFAULT_PROGRAMME: &str = "programme.json";

#[component]
pub fn App() -> impl IntoView {
    let (path, pairs) = url::read_address();
    let (mut initial, mut ignored) = parse_address(&path, &pairs);
    // The root page names no language: it is the static page's own (the boot script has sent
    // readers of other languages to theirs), else the browser's.
    let page_language = handover::page_language().or_else(url::browser_language).map(|tag| Lang::from_tag(&tag).tag().to_owned());
    if initial.language.is_none() {
        initial.language = page_language.clone();
    }
    // The programme's address, read by the browser's URL parser and judged (scheme, origin,
    // the organiser's allow-list); one that is refused is listed with the ignored parts of
    // the link, and the organiser's own programme is shown.
    let source = match source::programme_source(initial.programme.as_deref().unwrap_or(DEFAULT_PROGRAMME)) {
        Ok(source) => source,
        Err(_) => {
            ignored.push(Ignored { param: "programme".into(), value: initial.programme.take().unwrap_or_default() });
            source::programme_source(DEFAULT_PROGRAMME).unwrap_or(ProgrammeSource { href: DEFAULT_PROGRAMME.into(), other_host: None })
        }
    };
    // The static pages show the published programme: only it can be linked to them.
    let static_pages = initial.programme.is_none().then(handover::static_pages).flatten();
    let view = RwSignal::new(initial);
    let ignored = RwSignal::new(ignored);
    let nav = Nav::provide(view, Links { root: url::app_root(), public: url::absolute(""), pages: None });
    provide_context(IgnoredParams(ignored));
    KeepingState::provide(ShortlistState::provide());
    handover::mark_started();

    // Back and forward restore the view the address now describes.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let (path, pairs) = url::read_address();
        let (mut state, _) = parse_address(&path, &pairs);
        if state.language.is_none() {
            state.language = page_language.clone();
        }
        view.set(state);
    });

    let (locale, language_pending) = provide_locale(view);

    // Read once, untracked: changing filters must never refetch the programme. A plain task
    // and a signal rather than LocalResource + Transition: same behaviour, and the async
    // machinery it avoids was ~40 KB of the wasm bundle.
    let state = RwSignal::new(LoadState::Loading);
    let progress = RwSignal::new(None::<Progress>);
    let load = move || {
        let source = source.clone();
        let static_pages = static_pages.clone();
        state.set(LoadState::Loading);
        leptos::task::spawn_local(async move {
            let locale = locale.get_untracked();
            let on_progress = move |now: Progress| {
                // Above the static first screen while it is shown, else on the loading page.
                if !handover::show_progress(&progress_text(locale, now)) {
                    progress.set(Some(now));
                }
            };
            let other_host = source.other_host.clone();
            let loaded = match fetch_programme(&source, static_pages.is_some(), on_progress).await {
                Ok(Fetched { programme, problems, offline_copy_of, offline, sha256 }) => {
                    let programme = Arc::new(programme);
                    // Links go to the static pages only while they show this very file.
                    let pages = static_pages
                        .as_ref()
                        .filter(|(_, made_from)| sha256.as_ref() == Some(made_from))
                        .and_then(|(plan, _)| SitePages::from_meta(plan));
                    nav.links.update_value(|links| links.pages = pages.map(|pages| (Arc::new(pages), Arc::clone(&programme))));
                    // Ids in the URL can only be checked once the programme is known.
                    let more_ignored = view.try_update(|state| drop_unknown_ids(state, &programme)).unwrap_or_default();
                    if !more_ignored.is_empty() {
                        ignored.update(|list| list.extend(more_ignored));
                        nav.go(History::Replace, |_| {});
                    }
                    LoadState::Loaded(LoadedProgramme { programme, problems: Arc::new(problems), offline_copy_of, offline, other_host })
                }
                Err(error) => LoadState::Failed(error),
            };
            // Parsing and rendering are separate tasks: neither blocks the page for long.
            crate::browser::page::next_task().await;
            // A timed card shows the reader's time zone, asked of `Intl` once: its first call
            // loads the browser's locale data (~12 ms here, several times that on a phone),
            // a task of its own rather than part of the render's.
            if matches!(&loaded, LoadState::Loaded(l) if l.programme.events.iter().any(|e| e.when.instants_ms().is_some())) {
                crate::browser::clock::reader_time_zone();
                crate::browser::page::next_task().await;
            }
            crate::browser::page::mark("pb-rendering");
            state.set(loaded);
        });
    };
    load();

    // While the prerendered first screen is shown, the app's page is built out of the
    // document and takes its place in a task of its own (see `reveal_when_rendered`).
    // Runs once even without a static copy: it also tells the boot script the app is ready.
    let taken_over = StoredValue::new(false);
    // Components read the language once (static strings are much smaller in wasm than
    // reactive ones), so a change of language renders the page again.
    move || match (locale.track(), state.get()).1 {
        // While the prerendered first screen (or its skeleton) is on the page, it is the
        // loading state: no spinner flashes over it.
        _ if language_pending.get() => EitherOf3::A(view! { <Loading progress /> }),
        LoadState::Loading => EitherOf3::A(view! { <Loading progress /> }),
        LoadState::Loaded(loaded) => {
            reveal_when_rendered(nav, taken_over);
            EitherOf3::B(view! { <FirstScreen loaded /> })
        }
        LoadState::Failed(error) => {
            reveal_when_rendered(nav, taken_over);
            EitherOf3::C(view! { <SkipLink /> <LoadErrorView error retry=load.clone() /> })
        }
    }
}

/// The loaded app. The build renders this very component to static HTML for the first
/// screen (`crate::prerender`), so the two cannot drift apart.
#[component]
pub fn FirstScreen(
    /// The programme that loaded and its problems.
    loaded: LoadedProgramme,
) -> impl IntoView {
    view! {
        <SkipLink />
        <Browse loaded />
    }
}

#[component]
fn SkipLink() -> impl IntoView {
    let locale = crate::state::use_locale().get_untracked();
    view! { <a class="skip-link" href="#content">{tr(locale, Msg::SkipToContent)}</a> }
}

/// Swaps the prerendered first screen for the app's page, which is being rendered out of the
/// document in this task: in the next task the page takes the static copy's place (so the
/// reader never sees both, or neither), then focus, scroll position, any search typed and
/// any control tapped before the app started are given back. Two tasks rather than one: building the page and
/// laying it out each block the main thread, and a phone is slow at both (Total Blocking Time).
fn reveal_when_rendered(nav: Nav, taken_over: StoredValue<bool>) {
    if taken_over.get_value() {
        return;
    }
    // The static page is painted before it is taken over, even when the app is quicker than
    // the page's first frame (a fast connection): what is painted first is the reader's
    // largest content (LCP), and an equal paint after it does not count again.
    let wait_for_a_frame = !handover::static_page_painted();
    if wait_for_a_frame {
        crate::browser::page::after_next_paint(move || reveal(nav, taken_over));
    } else {
        set_timeout(move || reveal(nav, taken_over), std::time::Duration::ZERO);
    }
}

/// The takeover itself (see `reveal_when_rendered`), once every part of the page is built.
fn reveal(nav: Nav, taken_over: StoredValue<bool>) {
    if handover::held() {
        set_timeout(move || reveal(nav, taken_over), std::time::Duration::ZERO);
        return;
    }
    crate::browser::page::mark("pb-rendered");
    let carried = handover::take_over();
    // The app's page is in the document (the benchmark's end of loading).
    crate::browser::page::mark("pb-ready");
    taken_over.set_value(true);
    let Some(carried) = carried else { return };
    request_animation_frame(move || {
        handover::restore(&carried);
        if let Some(text) = carried.typed_search.clone() {
            if nav.view.with_untracked(|v| v.filter.text.is_empty()) {
                nav.go(History::Replace, |next| next.filter.text = text);
            }
        }
        handover::replay_taps(&carried);
    });
}

/// The reader's language with its translations, in context for every component, and whether
/// its file is still on its way.
fn provide_locale(view: RwSignal<ViewState>) -> (Memo<Locale>, RwSignal<bool>) {
    let requested = move || view.with(view_lang);
    // Languages other than English come from their file, loaded beside the programme. Until
    // it arrives, and if it cannot, the page is in English and says so (`lang`, `dir`): never
    // English text laid out right to left, or read aloud with another language's voice.
    let language_files = LanguageFiles::new();
    language_files.ensure(requested());
    Effect::new(move |_| language_files.ensure(requested()));
    // A memo, not a derived signal: every label on the page reads the locale, and they must
    // not all re-run on each filter change (measured: ~20 ms per change on 10,000 events).
    let locale = Memo::new(move |_| {
        // Re-read when a file has arrived (or failed).
        language_files.pending.track();
        language_files.locale(requested())
    });
    provide_context(LocaleSignal(locale.into()));
    Effect::new(move |_| {
        let locale = locale.get();
        // While the file is on its way the page stays as it is: a static Arabic page must not
        // be laid out left to right (and back) in the meantime.
        if language_files.pending.get() {
            return;
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.tag());
            let _ = root.set_attribute("dir", locale.dir());
        }
    });
    (locale, language_files.pending)
}

/// The language files asked for so far (each is fetched once per page), and the locales
/// built from those that arrived.
#[derive(Clone, Copy)]
struct LanguageFiles {
    tried: StoredValue<Vec<Lang>>,
    read: StoredValue<Vec<Locale>>,
    /// A file is on its way: the first screen waits for it rather than flash English.
    pending: RwSignal<bool>,
}

impl LanguageFiles {
    fn new() -> Self {
        Self { tried: StoredValue::new(Vec::new()), read: StoredValue::new(Vec::new()), pending: RwSignal::new(false) }
    }

    /// `want` with its translations once its file is read; English until then, or if it
    /// cannot be.
    fn locale(self, want: Lang) -> Locale {
        self.read.with_value(|read| read.iter().copied().find(|locale| locale.lang() == want)).unwrap_or_default()
    }

    fn ensure(self, want: Lang) {
        if want == Lang::En || self.tried.with_value(|tried| tried.contains(&want)) {
            return;
        }
        self.tried.update_value(|tried| tried.push(want));
        self.pending.set(true);
        leptos::task::spawn_local(async move {
            match fetch_catalog(want).await {
                Ok(found) => self.read.update_value(|read| read.push(Locale::from_catalog(found))),
                Err(err) => web_sys::console::warn_1(&format!("language file not used, English instead: {err}").into()),
            }
            self.pending.set(false);
        });
    }
}

/// Where loading the programme stands.
#[derive(Clone)]
enum LoadState {
    Loading,
    Loaded(LoadedProgramme),
    Failed(LoadError),
}

#[component]
fn Loading(
    /// How far a large programme file has downloaded.
    progress: RwSignal<Option<Progress>>,
) -> impl IntoView {
    let locale = crate::state::use_locale().get_untracked();
    // The prerendered page says it is loading itself (and keeps its ids: no duplicates).
    (!handover::is_pending()).then(|| {
        view! {
            <SkipLink />
            <main id="content" class="loading" aria-busy="true" data-testid="loading">
                <p role="status">{tr(locale, Msg::Loading)}</p>
                <p data-testid="load-progress">{move || progress.get().map(|now| progress_text(locale, now))}</p>
            </main>
        }
    })
}

/// "Loading the programme: 2.3 of 10.0 MB", then "Reading the programme: 40000 of 100000 events".
fn progress_text(locale: Locale, progress: Progress) -> String {
    match progress {
        Progress::Downloaded { bytes, total: Some(total) } => tr_with(
            locale,
            Msg::LoadingProgress,
            &[("done", &format_megabytes(locale, bytes)), ("total", &format_megabytes(locale, total))],
        ),
        Progress::Downloaded { bytes, total: None } => {
            tr_with(locale, Msg::LoadingProgressUnknown, &[("done", &format_megabytes(locale, bytes))])
        }
        Progress::Read { events, total } => {
            tr_with(locale, Msg::ReadingProgress, &[("done", &format_count(locale, events)), ("total", &format_count(locale, total))])
        }
    }
}
