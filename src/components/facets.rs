//! The facet panel: one fieldset of checkboxes per facet, each option with the number of
//! events it would give. A sidebar on wide screens; on phones a modal dialog over the list
//! with "Show N events".

use leptos::prelude::*;

use super::labels::{facet_label, option_label, option_lang};
use crate::browser::page;
use crate::domain::filter::{facet_options, Facet, FacetOption, FilterResult, PastEvents};
use crate::domain::i18n::{format_count, tr, tr_count, tr_with, Count, Locale, Msg};
use crate::domain::programme::Programme;
use crate::state::{use_locale, use_nav, use_programme, use_view, History, Nav};

/// Page regions that must not take focus while the dialog is open.
const BEHIND_DIALOG: &str = "header.site-header, .toolbar, .results, .notices";

#[component]
pub fn FacetPanel(
    /// Matching events and facet counts.
    result: Memo<FilterResult>,
    /// Whether the panel is open as a dialog (phones); ignored on wide screens.
    open: RwSignal<bool>,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let view = use_view();
    let nav = use_nav();
    let count = Memo::new(move |_| result.with(|r| r.matching.len()));
    let close_button = NodeRef::<leptos::html::Button>::new();
    let current = use_programme().is_current(crate::browser::clock::today());

    // Focus moves into the dialog when it opens and back to its opener when it closes; the
    // page behind is inert meanwhile, so Tab stays inside.
    Effect::watch(
        move || open.get(),
        move |is_open, _, _| {
            page::set_inert(BEHIND_DIALOG, *is_open);
            if *is_open {
                if let Some(button) = close_button.get_untracked() {
                    let _ = button.focus();
                }
            } else {
                page::focus("[data-testid=open-filters]");
            }
        },
        false,
    );
    on_cleanup(move || page::set_inert(BEHIND_DIALOG, false));

    view! {
        <aside
            id="facet-panel"
            class="facet-panel"
            class:open=move || open.get()
            role=move || open.get().then_some("dialog")
            aria-modal=move || open.get().then_some("true")
            aria-labelledby="facet-title"
            data-testid="facet-panel"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    open.set(false);
                }
            }
        >
            <div class="panel-head">
                <h2 id="facet-title">{tr(locale, Msg::FiltersTitle)}</h2>
                <button
                    type="button"
                    class="close-panel"
                    node_ref=close_button
                    data-testid="close-filters"
                    aria-label=tr(locale, Msg::CloseFilters)
                    on:click=move |_| open.set(false)
                >
                    "×"
                </button>
            </div>
            {Facet::ALL.into_iter().map(|facet| view! { <FacetGroup facet result /> }).collect_view()}
            <label class="option hide-past">
                <input
                    type="checkbox"
                    data-testid="hide-past"
                    // The attribute for the static page, the property as the view changes.
                    checked=view.with_untracked(|v| v.filter.hides_past(current))
                    prop:checked=move || view.with(|v| v.filter.hides_past(current))
                    on:change=move |ev| {
                        let past = if event_target_checked(&ev) { PastEvents::Hidden } else { PastEvents::Shown };
                        nav.go(History::Push, move |next| next.filter.past = past);
                    }
                />
                <span>{tr(locale, Msg::HidePast)}</span>
            </label>
            <div class="panel-foot">
                <button
                    type="button"
                    class="secondary"
                    data-testid="clear-all-panel"
                    disabled=move || view.with(|v| v.filter.is_empty())
                    on:click=move |_| nav.go(History::Push, |next| next.filter.clear())
                >
                    {tr(locale, Msg::ClearAll)}
                </button>
                <button type="button" class="primary show-results" data-testid="show-results" on:click=move |_| open.set(false)>
                    {move || tr_count(locale, count.get(), Count::ShowEvents)}
                </button>
            </div>
        </aside>
    }
}

/// What an option's row shows that changes with the filter: its count, and whether it is chosen.
type RowState = (usize, bool);

/// An option that would give nothing is disabled, unless it is chosen (so it can be unchosen).
fn is_disabled((count, chosen): RowState) -> bool {
    count == 0 && !chosen
}

/// The parts of an option's row that change with the filter.
#[derive(Clone, Copy)]
struct RowNodes {
    label: NodeRef<leptos::html::Label>,
    input: NodeRef<leptos::html::Input>,
    count: NodeRef<leptos::html::Span>,
}

impl RowNodes {
    fn new() -> Self {
        Self { label: NodeRef::new(), input: NodeRef::new(), count: NodeRef::new() }
    }

    /// Changes the row from showing `was` to showing `now`, as the view below renders a row:
    /// only what differs is written (a choice elsewhere mostly changes the count alone).
    fn update(&self, locale: Locale, (was_count, was_chosen): RowState, (count, chosen): RowState) {
        if (was_count == 0) != (count == 0) {
            if let Some(label) = self.label.get_untracked() {
                let _ = label.class_list().toggle_with_force("empty", count == 0);
            }
        }
        if let Some(input) = self.input.get_untracked() {
            if was_chosen != chosen {
                input.set_checked(chosen);
            }
            if is_disabled((was_count, was_chosen)) != is_disabled((count, chosen)) {
                input.set_disabled(is_disabled((count, chosen)));
            }
        }
        if was_count != count {
            if let Some(span) = self.count.get_untracked() {
                span.set_text_content(Some(&format_count(locale, count)));
            }
        }
    }
}

#[component]
fn FacetGroup(
    /// Which facet this group shows.
    facet: Facet,
    /// Matching events and facet counts.
    result: Memo<FilterResult>,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let view = use_view();
    let nav = use_nav();
    let programme = use_programme();
    // The options depend on the programme only: built once, so that a filter change updates
    // counts and states in place instead of rebuilding hundreds of rows.
    let options = facet_options(&programme, facet);
    let hidden = options.is_empty();
    let slots = options.clone();
    let states = Memo::new(move |_| {
        let counts = result.with(|r| slots.iter().map(|option| option.count(&r.counts)).collect::<Vec<usize>>());
        view.with(|v| {
            counts
                .into_iter()
                .zip(&slots)
                .map(|(count, option)| (count, v.filter.is_chosen(facet, &option.code)))
                .collect::<Vec<RowState>>()
        })
    });
    // One effect for the whole group keeps its rows current, touching only the rows that
    // changed: with hundreds of options, an effect for each row's count, state and class was
    // most of a filter change's time. The rows are rendered with the states of now,
    // which the native prerender writes into the first screen.
    let shown = states.get_untracked();
    let nodes: Vec<RowNodes> = shown.iter().map(|_| RowNodes::new()).collect();
    let on_page = StoredValue::new(shown.clone());
    // A long facet (a big programme's hundreds of partners) shows its first options and a
    // button for the rest: less to render before the first paint and less to
    // scroll past on a phone. Shown whole at once when one of the rest is chosen.
    let first = first_options(options.len());
    let all_shown = RwSignal::new(shown[first..].iter().any(|&(_, chosen)| chosen));
    Effect::new({
        let nodes = nodes.clone();
        move |_| {
            states.with(|now| {
                on_page.update_value(|before| {
                    for ((row, state), was) in nodes.iter().zip(now).zip(before.iter_mut()) {
                        if state != was {
                            row.update(locale, *was, *state);
                            *was = *state;
                        }
                    }
                });
                if !all_shown.get_untracked() && now[first..].iter().any(|&(_, chosen)| chosen) {
                    all_shown.set(true);
                }
            });
        }
    });
    let testid = format!("facet-{}", facet_code(facet));
    let make_row = {
        let programme = programme.clone();
        move |((option, state), row): ((FacetOption, RowState), RowNodes)| option_row((locale, nav), &programme, facet, option, state, row)
    };
    let rest_options = options[first..].to_vec();
    let rest_nodes = nodes[first..].to_vec();
    let total = options.len();
    let first_rows = options.into_iter().zip(shown).zip(nodes).take(first).map(make_row.clone()).collect_view();
    let first_hidden = rest_nodes.first().copied();
    let rest_rows = move || {
        all_shown.get().then(|| {
            // Rendered with the states of now: the group's effect has kept `on_page` current.
            let now = states.get_untracked();
            rest_options
                .iter()
                .cloned()
                .zip(now[first..].iter().copied())
                .zip(rest_nodes.iter().copied())
                .map(make_row.clone())
                .collect_view()
        })
    };
    let show_all = (total > first).then(|| show_all_options(locale, facet, total, all_shown, first_hidden));
    view! {
        <fieldset class="facet" data-testid=testid hidden=hidden>
            <legend>{facet_label(locale, facet)}</legend>
            {first_rows}
            {rest_rows}
            {show_all}
        </fieldset>
    }
}

/// One option of a facet: its checkbox, label and count, with the nodes its group's effect
/// updates in place.
// Inlined into the group's row closure, as the row was before it had a name of its own: a
// call of its own measured larger in the wasm.
#[inline(always)]
fn option_row(
    (locale, nav): (Locale, Nav),
    programme: &Programme,
    facet: Facet,
    option: FacetOption,
    (count, chosen): RowState,
    row: RowNodes,
) -> impl IntoView {
    let code = option.code;
    let label = option_label(locale, programme, facet, &code);
    let label_lang = option_lang(locale, programme, facet, &code);
    let toggle_code = code.clone();
    view! {
        <label class="option" class:empty=count == 0 node_ref=row.label>
            <input
                type="checkbox"
                node_ref=row.input
                data-testid=format!("option-{}-{}", facet_code(facet), code)
                value=code.clone()
                // An attribute, not a property: the static page shows it too.
                checked=chosen
                disabled=is_disabled((count, chosen))
                on:change=move |_| {
                    let code = toggle_code.clone();
                    nav.go(History::Push, move |next| next.filter.toggle(facet, &code));
                }
            />
            <span class="option-label" lang=label_lang>{label}</span>
            <span class="count" node_ref=row.count>{format_count(locale, count)}</span>
        </label>
    }
}

/// "Show all N" under a long facet's first options; it goes once they are all shown.
fn show_all_options(
    locale: Locale,
    facet: Facet,
    total: usize,
    all_shown: RwSignal<bool>,
    first_hidden: Option<RowNodes>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="secondary show-all-options"
            data-testid=format!("show-all-{}", facet_code(facet))
            hidden=move || all_shown.get()
            on:click=move |_| {
                all_shown.set(true);
                // The button goes: focus moves to the first option it showed.
                if let Some(row) = first_hidden {
                    request_animation_frame(move || {
                        if let Some(input) = row.input.get_untracked() {
                            let _ = input.focus();
                        }
                    });
                }
            }
        >
            {tr_with(locale, Msg::ShowAllOptions, &[("n", &format_count(locale, total))])}
        </button>
    }
}

/// Options a long facet shows before its "Show all" button.
const FIRST_OPTIONS: usize = 12;
/// A facet with at most this many options shows them all: a button that would show two or three
/// more is not worth its press.
const ALL_UP_TO: usize = 15;

/// How many of a facet's `options` it shows before its "Show all" button.
fn first_options(options: usize) -> usize {
    if options <= ALL_UP_TO {
        options
    } else {
        FIRST_OPTIONS
    }
}

/// Short names of facets for test hooks and CSS.
pub fn facet_code(facet: Facet) -> &'static str {
    match facet {
        Facet::Theme => "theme",
        Facet::Month => "month",
        Facet::Partner => "partner",
        Facet::Series => "series",
        Facet::Mode => "mode",
        Facet::Language => "language",
        Facet::Access => "accessibility",
        Facet::Person => "person",
        Facet::Venue => "venue",
    }
}
