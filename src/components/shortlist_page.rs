//! "My shortlist": the active list's picks for this programme in date order under month
//! headings, with their priority, note and what changed since they were picked; then the list
//! manager and backup / share tools.

use leptos::prelude::*;

use super::backup::BackupTools;
use super::calendar_tools::ShortlistCalendar;
use super::colour_choice::ColourChoice;
use super::list_manager::ListManager;
use super::own_appointment::{OwnAppointmentForm, OwnEditing};
use super::pick_card::PickCard;
use super::safekeeping::keeping_note;
use crate::domain::i18n::{format_month, tr, tr_count, Count, Msg};
use crate::domain::shortlist::{shortlist_entries, ShortlistEntry};
use crate::domain::when::YearMonth;
use crate::state::{use_locale, use_programme, use_shortlist};

#[component]
pub fn ShortlistPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let shortlist = use_shortlist();
    OwnEditing::provide();
    let groups = Memo::new(move |_| {
        let entries = shortlist.lists.with(|lists| shortlist_entries(lists.active_list(), &programme));
        // The list id is part of each group's key, so that switching lists redraws the cards.
        let list_id = shortlist.lists.with(|lists| lists.active_list().id.clone());
        let mut groups: Vec<(String, Option<YearMonth>, Vec<ShortlistEntry>)> = Vec::new();
        for entry in entries {
            match groups.last_mut() {
                Some((_, month, members)) if *month == entry.month => members.push(entry),
                _ => groups.push((list_id.clone(), entry.month, vec![entry])),
            }
        }
        groups
    });
    let count = Memo::new(move |_| groups.with(|g| g.iter().map(|(_, _, m)| m.len()).sum::<usize>()));
    view! {
        <section class="shortlist" aria-labelledby="shortlist-heading" data-testid="shortlist-page">
            <div class="shortlist-head">
                <h2 id="shortlist-heading">{tr(locale, Msg::ShortlistTitle)}</h2>
                <button type="button" class="print-button" data-testid="print" on:click=|_| crate::browser::page::print()>
                    {tr(locale, Msg::PrintButton)}
                </button>
            </div>
            <p class="result-count" role="status" aria-live="polite" data-testid="shortlist-count">
                {move || tr_count(locale, count.get(), Count::ResultCount)}
            </p>
            <p class="hint">{tr(locale, Msg::ShortlistDeviceOnly)}</p>
            {keeping_note(locale)}
            <Show when=move || count.get() == 0>
                <p class="empty" data-testid="shortlist-empty">{tr(locale, Msg::ShortlistEmpty)}</p>
            </Show>
            // Read-only while storage holds a newer version's data (the notice says why).
            <fieldset class="bare" disabled=move || shortlist.read_only()>
                <div class="event-list">
                    <For each=move || groups.get() key=|group| group.clone() let:group>
                        {
                            let (_, month, entries) = group;
                            view! {
                                <section class="month">
                                    <h3 class="month-heading">{move || month.map(|m| format_month(locale, m)).unwrap_or_default()}</h3>
                                    <ul class="cards">
                                        {entries.into_iter().map(|entry| view! { <li><PickCard entry /></li> }).collect_view()}
                                    </ul>
                                </section>
                            }
                        }
                    </For>
                </div>
                <OwnAppointmentForm />
                // Picks first: on a phone they are what the reader came for; managing lists is
                // below them.
                <ShortlistCalendar />
                <ListManager />
                <BackupTools />
            </fieldset>
            <ColourChoice />
        </section>
    }
}
