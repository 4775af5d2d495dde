//! Active filters as removable chips, plus "clear all".

use leptos::prelude::*;

use super::facets::facet_code;
use super::labels::{facet_label, option_label};
use crate::domain::i18n::{tr, tr_with, Msg};
use crate::state::{navigate, use_lang, use_programme, use_view, History};

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let lang = use_lang();
    let view = use_view();
    let programme = use_programme();
    let active = Memo::new(move |_| view.with(|v| v.filter.active()));
    let hide_past = Memo::new(move |_| view.with(|v| v.filter.hide_past));
    let has_any = Memo::new(move |_| view.with(|v| !v.filter.is_empty()));
    view! {
        <div class="active-filters" hidden=move || !has_any.get() data-testid="active-filters">
            <h3 class="visually-hidden">{move || tr(lang.get(), Msg::ActiveFilters)}</h3>
            <ul class="chips">
                <For each=move || active.get() key=|chip| chip.clone() let:chip>
                    {
                        let (facet, code) = chip;
                        let name = format!("{}: {}", facet_label(lang.get_untracked(), facet), option_label(lang.get_untracked(), &programme, facet, &code));
                        let aria = tr_with(lang.get_untracked(), Msg::RemoveFilter, &[("name", &name)]);
                        let testid = format!("chip-{}-{}", facet_code(facet), code);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="chip"
                                    data-testid=testid
                                    aria-label=aria
                                    on:click=move |_| {
                                        let code = code.clone();
                                        navigate(view, History::Push, move |next| next.filter.toggle(facet, &code));
                                    }
                                >
                                    {name}
                                    <span aria-hidden="true">" ×"</span>
                                </button>
                            </li>
                        }
                    }
                </For>
                <Show when=move || hide_past.get()>
                    <li>
                        <button
                            type="button"
                            class="chip"
                            data-testid="chip-hide-past"
                            on:click=move |_| navigate(view, History::Push, |next| next.filter.hide_past = false)
                        >
                            {move || tr(lang.get(), Msg::HidePast)}
                            <span aria-hidden="true">" ×"</span>
                        </button>
                    </li>
                </Show>
            </ul>
            <button
                type="button"
                class="link-button"
                data-testid="clear-all"
                on:click=move |_| navigate(view, History::Push, |next| next.filter.clear())
            >
                {move || tr(lang.get(), Msg::ClearAll)}
            </button>
        </div>
    }
}
