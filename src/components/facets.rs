//! The facet panel: one fieldset of checkboxes per facet, each option with the number of
//! events it would give. A sidebar on wide screens; on phones a modal dialog over the list
//! with "Show N events".

use leptos::prelude::*;

use super::labels::{facet_label, option_label, option_lang};
use crate::browser::page;
use crate::domain::filter::{facet_options, Facet, FilterResult};
use crate::domain::i18n::{format_count, tr, tr_count, Msg};
use crate::state::{navigate, use_lang, use_programme, use_view, History};

/// Page regions that must not take focus while the dialog is open.
const BEHIND_DIALOG: &str = "header.site-header, .toolbar, .results, .notices";

#[component]
pub fn FacetPanel(
    /// Matching events and facet counts.
    result: Memo<FilterResult>,
    /// Notified when the options' counts should show the current result.
    counts_due: Trigger,
    /// Whether the panel is open as a dialog (phones); ignored on wide screens.
    open: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let view = use_view();
    let count = Memo::new(move |_| result.with(|r| r.matching.len()));
    let close_button = NodeRef::<leptos::html::Button>::new();

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
                <h2 id="facet-title">{tr(lang, Msg::FiltersTitle)}</h2>
                <button
                    type="button"
                    class="close-panel"
                    node_ref=close_button
                    data-testid="close-filters"
                    aria-label=tr(lang, Msg::CloseFilters)
                    on:click=move |_| open.set(false)
                >
                    "×"
                </button>
            </div>
            {Facet::ALL.into_iter().map(|facet| view! { <FacetGroup facet result counts_due /> }).collect_view()}
            <label class="option hide-past">
                <input
                    type="checkbox"
                    data-testid="hide-past"
                    prop:checked=move || view.with(|v| v.filter.hide_past)
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        navigate(view, History::Push, |next| next.filter.hide_past = checked);
                    }
                />
                <span>{tr(lang, Msg::HidePast)}</span>
            </label>
            <div class="panel-foot">
                <button
                    type="button"
                    class="secondary"
                    data-testid="clear-all-panel"
                    disabled=move || view.with(|v| v.filter.is_empty())
                    on:click=move |_| navigate(view, History::Push, |next| next.filter.clear())
                >
                    {tr(lang, Msg::ClearAll)}
                </button>
                <button type="button" class="primary show-results" data-testid="show-results" on:click=move |_| open.set(false)>
                    {move || tr_count(lang, count.get(), Msg::ShowEventsOne, Msg::ShowEventsOther)}
                </button>
            </div>
        </aside>
    }
}

#[component]
fn FacetGroup(
    /// Which facet this group shows.
    facet: Facet,
    /// Matching events and facet counts.
    result: Memo<FilterResult>,
    /// Notified when the counts should show the current result.
    counts_due: Trigger,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let view = use_view();
    let programme = use_programme();
    // The options depend on the programme only: built once, so that a filter change updates
    // counts and states in place instead of rebuilding hundreds of rows.
    let options = facet_options(&programme, facet);
    let hidden = options.is_empty();
    let slots = options.clone();
    let slots_chosen: Vec<String> = options.iter().map(|option| option.code.clone()).collect();
    let counts = Memo::new(move |_| {
        counts_due.track();
        result.with_untracked(|r| slots.iter().map(|option| option.count(&r.counts)).collect::<Vec<usize>>())
    });
    // Which of this facet's options are chosen: a search, or a choice in another facet, leaves
    // these rows alone.
    let chosen_here =
        Memo::new(move |_| view.with(|v| slots_chosen.iter().map(|code| v.filter.is_chosen(facet, code)).collect::<Vec<bool>>()));
    let testid = format!("facet-{}", facet_code(facet));
    let rows = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let code = option.code;
            let count = move || counts.with(|c| c.get(index).copied().unwrap_or(0));
            let chosen = move || chosen_here.with(|c| c.get(index).copied().unwrap_or(false));
            let label = option_label(lang, &programme, facet, &code);
            let label_lang = option_lang(lang, &programme, facet, &code);
            let toggle_code = code.clone();
            let disabled = move || count() == 0 && !chosen();
            view! {
                <label class="option" class:empty=move || count() == 0>
                    <input
                        type="checkbox"
                        data-testid=format!("option-{}-{}", facet_code(facet), code)
                        value=code.clone()
                        prop:checked=chosen
                        disabled=disabled
                        on:change=move |_| {
                            let code = toggle_code.clone();
                            navigate(view, History::Push, move |next| next.filter.toggle(facet, &code));
                        }
                    />
                    <span class="option-label" lang=label_lang>{label}</span>
                    <span class="count">{move || format_count(lang, count())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet" data-testid=testid hidden=hidden>
            <legend>{facet_label(lang, facet)}</legend>
            {rows}
        </fieldset>
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
    }
}
