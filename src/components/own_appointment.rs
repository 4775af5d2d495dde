//! The reader's own appointments on the shortlist page: the form that adds one to the active
//! list or changes one (`domain::shortlist::own` keeps them as picks), and the card that shows
//! one among the picks.

use chrono::{FixedOffset, NaiveDateTime};
use leptos::prelude::*;

use crate::browser::{clock, page};
use crate::domain::i18n::{format_when, tr, tr_with, Locale, Msg};
use crate::domain::shortlist::{venue_offset, DraftProblem, OwnDraft, PickKey, Snapshot};
use crate::domain::when::When;
use crate::state::{use_locale, use_programme, use_shortlist};

/// The own appointment being changed in the form, if any (set by its card's "Change").
#[derive(Clone, Copy)]
pub struct OwnEditing(pub RwSignal<Option<PickKey>>);

impl OwnEditing {
    pub fn provide() -> Self {
        let editing = Self(RwSignal::new(None));
        provide_context(editing);
        editing
    }
}

fn use_own_editing() -> RwSignal<Option<PickKey>> {
    expect_context::<OwnEditing>().0
}

fn problem_text(problem: DraftProblem) -> Msg {
    match problem {
        DraftProblem::NoTitle => Msg::OwnNoTitle,
        DraftProblem::NoDay => Msg::OwnNoDay,
        DraftProblem::StartUnreadable | DraftProblem::EndUnreadable => Msg::OwnTimeUnreadable,
        DraftProblem::EndWithoutStart => Msg::OwnEndWithoutStart,
        DraftProblem::EndBeforeStart => Msg::OwnEndBeforeStart,
    }
}

/// The form control a problem is about, to take the focus.
fn problem_field(problem: DraftProblem) -> &'static str {
    match problem {
        DraftProblem::NoTitle => "#own-title",
        DraftProblem::NoDay => "#own-day",
        DraftProblem::StartUnreadable | DraftProblem::EndWithoutStart => "#own-start",
        DraftProblem::EndUnreadable | DraftProblem::EndBeforeStart => "#own-end",
    }
}

/// The form's fields, one signal each.
#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    day: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    place: RwSignal<String>,
    note: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        let empty = || RwSignal::new(String::new());
        Self { title: empty(), day: empty(), start: empty(), end: empty(), place: empty(), note: empty() }
    }

    fn draft(self) -> OwnDraft {
        OwnDraft {
            title: self.title.get_untracked(),
            day: self.day.get_untracked(),
            start: self.start.get_untracked(),
            end: self.end.get_untracked(),
            place: self.place.get_untracked(),
            note: self.note.get_untracked(),
        }
    }

    fn fill(self, draft: OwnDraft) {
        self.title.set(draft.title);
        self.day.set(draft.day);
        self.start.set(draft.start);
        self.end.set(draft.end);
        self.place.set(draft.place);
        self.note.set(draft.note);
    }
}

/// One labelled field; `about` are the problems it is marked invalid for.
fn field(
    locale: Locale,
    value: RwSignal<String>,
    problem: RwSignal<Option<DraftProblem>>,
    (id, kind, label): (&'static str, &'static str, Msg),
    about: &'static [DraftProblem],
) -> impl IntoView {
    let invalid = move || problem.get().is_some_and(|p| about.contains(&p)).then_some("true");
    view! {
        <label class="own-field" for=id>
            <span>{tr(locale, label)}</span>
            <input
                id=id
                type=kind
                maxlength="200"
                data-testid=id
                aria-invalid=invalid
                aria-describedby=move || invalid().map(|_| "own-problem")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// "Add an appointment of my own": title, day, optional times and place, and a note; or,
/// after a card's "Change", that appointment's fields.
#[component]
pub fn OwnAppointmentForm() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let shortlist = use_shortlist();
    let editing = use_own_editing();
    let fields = Fields::new();
    let problem = RwSignal::new(None::<DraftProblem>);
    let said = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    Effect::watch(
        move || editing.get(),
        move |key, _, _| {
            let Some(key) = key else { return };
            let pick = shortlist.lists.with_untracked(|lists| lists.active_list().picks.get(key).cloned());
            if let Some(pick) = pick {
                fields.fill(OwnDraft::of(&pick));
                problem.set(None);
                said.set(None);
                open.set(true);
                page::after_next_paint(|| page::focus("#own-title"));
            }
        },
        false,
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Times are the venue's: its offset from the programme's timed events, else (a
        // programme without times) this device's own for that day.
        let offset_at = |local: NaiveDateTime| {
            venue_offset(&programme, local.date())
                .or_else(|| clock::reader_offset_for_local(local).and_then(FixedOffset::east_opt))
                .unwrap_or(FixedOffset::east_opt(0).expect("UTC is an offset"))
        };
        let typed = fields.draft();
        let snapshot = match typed.snapshot(offset_at) {
            Ok(snapshot) => snapshot,
            Err(found) => {
                problem.set(Some(found));
                said.set(None);
                page::focus(problem_field(found));
                return;
            }
        };
        let title = snapshot.title.clone();
        let now = clock::now_ms();
        let message = match editing.get_untracked() {
            Some(key) => {
                shortlist.lists.update(|lists| {
                    let list = lists.active_list().id.clone();
                    lists.edit_own(&list, &key, snapshot, now);
                });
                editing.set(None);
                Msg::OwnChanged
            }
            None => {
                shortlist.lists.update(|lists| {
                    lists.add_own(&programme.meta.id, &clock::unique_id(), snapshot, &typed.note, now);
                });
                Msg::OwnAdded
            }
        };
        fields.fill(OwnDraft::default());
        problem.set(None);
        said.set(Some(tr_with(locale, message, &[("title", &title)])));
    };
    let close = move || {
        editing.set(None);
        fields.fill(OwnDraft::default());
        problem.set(None);
        open.set(false);
    };
    let is_editing = move || editing.with(Option::is_some);
    view! {
        <section class="own-appointment" data-testid="own-appointment">
            <button
                type="button"
                class="own-open"
                data-testid="own-open"
                aria-expanded=move || open.get().to_string()
                aria-controls="own-form"
                on:click=move |_| if open.get_untracked() { close() } else { open.set(true) }
            >
                {move || tr(locale, if is_editing() { Msg::OwnChangeHeading } else { Msg::OwnAdd })}
            </button>
            <form id="own-form" class="own-form" on:submit=submit novalidate hidden=move || !open.get()>
                    <p class="hint">{tr(locale, Msg::OwnHint)}</p>
                    {field(locale, fields.title, problem, ("own-title", "text", Msg::OwnTitle), &[DraftProblem::NoTitle])}
                    <div class="own-times">
                        {field(locale, fields.day, problem, ("own-day", "date", Msg::OwnDay), &[DraftProblem::NoDay])}
                        {field(locale, fields.start, problem, ("own-start", "time", Msg::OwnStart), &[DraftProblem::StartUnreadable, DraftProblem::EndWithoutStart])}
                        {field(locale, fields.end, problem, ("own-end", "time", Msg::OwnEnd), &[DraftProblem::EndUnreadable, DraftProblem::EndBeforeStart])}
                    </div>
                    {field(locale, fields.place, problem, ("own-place", "text", Msg::OwnPlace), &[])}
                    // Changed afterwards on the card, as every pick's note is.
                    <Show when=move || !is_editing()>
                        <label class="own-field" for="own-note">
                            <span>{tr(locale, Msg::NoteLabel)}</span>
                            <textarea
                                id="own-note"
                                rows="2"
                                maxlength="2000"
                                data-testid="own-note"
                                prop:value=move || fields.note.get()
                                on:input=move |ev| fields.note.set(event_target_value(&ev))
                            ></textarea>
                        </label>
                    </Show>
                    <p id="own-problem" class="form-problem" role="alert" data-testid="own-problem">
                        {move || problem.get().map(|p| tr(locale, problem_text(p)))}
                    </p>
                    <div class="own-actions">
                        <button type="submit" class="primary" data-testid="own-save">
                            {move || tr(locale, if is_editing() { Msg::OwnSaveChanges } else { Msg::OwnSave })}
                        </button>
                        <button type="button" data-testid="own-cancel" on:click=move |_| close()>{tr(locale, Msg::Cancel)}</button>
                    </div>
            </form>
            <p class="own-said" role="status" data-testid="own-said">{move || said.get()}</p>
        </section>
    }
}

/// An own appointment among the picks: marked as the reader's, with its title, time and place
/// as saved.
pub fn own_card(locale: Locale, key: &PickKey, saved: &Snapshot) -> impl IntoView {
    own_card_of(locale, &key.event, &saved.title, When::from_code(&saved.when).as_ref(), &saved.place)
}

/// An own appointment's card from its parts (also as now-and-next places it, from its event).
pub fn own_card_of(locale: Locale, id: &str, title: &str, when: Option<&When>, place: &str) -> impl IntoView {
    let when = when.map(|when| format_when(locale, when)).unwrap_or_default();
    let place = (!place.is_empty()).then(|| view! { <p class="where">{place.to_owned()}</p> });
    view! {
        <article class="card own" data-testid="own-card" data-event-id=id.to_owned()>
            <p class="own-mark">{tr(locale, Msg::OwnMark)}</p>
            <h4 class="card-title">{title.to_owned()}</h4>
            <p class="when">{when}</p>
            {place}
        </article>
    }
}

/// "Change …" on an own appointment's card: fills the form with it.
pub fn change_own_button(locale: Locale, key: PickKey, title: &str) -> impl IntoView {
    let editing = use_own_editing();
    let id = key.event.clone();
    view! {
        <button type="button" class="change-own" data-testid=format!("change-own-{id}") on:click=move |_| editing.set(Some(key.clone()))>
            {tr_with(locale, Msg::OwnChange, &[("title", title)])}
        </button>
    }
}
