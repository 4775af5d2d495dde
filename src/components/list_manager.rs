//! Choose which named list the stars act on; create, rename and delete lists (deleting can be
//! undone from the notice it leaves).

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::i18n::{tr, tr_with, Locale, Msg};
use crate::state::{use_locale, use_shortlist};

/// A list's name as shown: unnamed lists are "My shortlist".
pub fn list_display_name(name: &str, locale: Locale) -> String {
    if name.trim().is_empty() {
        tr(locale, Msg::DefaultListName).to_owned()
    } else {
        name.to_owned()
    }
}

#[component]
pub fn ListManager() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let shortlist = use_shortlist();
    let lists = shortlist.lists;
    let options = Memo::new(move |_| lists.with(|l| l.live_lists().map(|list| (list.id.clone(), list.name.clone())).collect::<Vec<_>>()));
    let active = Memo::new(move |_| lists.with(|l| l.active_list().id.clone()));
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());

    let create = move |_| {
        let now = clock::now_ms();
        let n = lists.with_untracked(|l| l.lists.len()) + 1;
        let name = tr_with(locale, Msg::NewListName, &[("n", &n.to_string())]);
        lists.update(|l| l.create(format!("list-{now}"), &name, now));
    };
    let start_rename = move |_| {
        new_name.set(lists.with_untracked(|l| l.active_list().name.clone()));
        renaming.set(true);
    };
    let save_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = active.get_untracked();
        lists.update(|l| l.rename(&id, &new_name.get_untracked(), clock::now_ms()));
        renaming.set(false);
    };
    let delete = move |_| {
        let id = active.get_untracked();
        lists.update(|l| l.delete(&id, clock::now_ms()));
        shortlist.deleted.set(Some(id));
    };

    view! {
        <div class="list-manager" data-testid="list-manager">
            <label for="active-list">{tr(locale, Msg::ListLabel)}</label>
            <select
                id="active-list"
                data-testid="active-list"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    lists.update(|l| l.set_active(&id));
                }
            >
                <For each=move || options.get() key=|option| option.clone() let:option>
                    {
                        let (id, name) = option;
                        let selected_id = id.clone();
                        view! {
                            <option value=id selected=move || active.get() == selected_id>
                                {move || list_display_name(&name, locale)}
                            </option>
                        }
                    }
                </For>
            </select>
            <div class="list-actions">
                <button type="button" data-testid="new-list" on:click=create>{tr(locale, Msg::NewList)}</button>
                <button type="button" data-testid="rename-list" on:click=start_rename>{tr(locale, Msg::RenameList)}</button>
                <button type="button" data-testid="delete-list" on:click=delete>{tr(locale, Msg::DeleteList)}</button>
            </div>
            <Show when=move || renaming.get()>
                <form class="rename" on:submit=save_rename>
                    <label for="rename-input">{tr(locale, Msg::RenameLabel)}</label>
                    <input
                        id="rename-input"
                        data-testid="rename-input"
                        maxlength="80"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                    />
                    <button type="submit" class="primary" data-testid="rename-save">{tr(locale, Msg::Save)}</button>
                    <button type="button" on:click=move |_| renaming.set(false)>{tr(locale, Msg::Cancel)}</button>
                </form>
            </Show>
        </div>
    }
}
