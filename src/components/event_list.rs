//! Events under month headings, rendered a page at a time so that a 100,000-event programme
//! keeps a small DOM. The next page is added as the reader scrolls near the end of the list
//! (and with the "Show more" button, for keyboards, screen readers and old browsers; it says
//! how many are shown of how many), and printing shows them all.

use leptos::prelude::*;

use super::event_card::EventCard;
use crate::browser::page::NearObserver;
use crate::domain::i18n::{format_month, tr, tr_with, Msg};
use crate::domain::when::YearMonth;
use crate::state::{use_lang, use_programme};

/// Cards per page: a phone screen holds about five. Measured with `scripts/bench`: 50 cards
/// made a filter change take ~65 ms on 10,000 events, 30 keeps it near the 50 ms goal.
pub const PAGE_SIZE: usize = 30;

#[component]
pub fn EventList(
    /// Indices of the events to show, in order.
    #[prop(into)]
    indices: Signal<Vec<usize>>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let programme = use_programme();
    let shown = RwSignal::new(PAGE_SIZE);
    // A new result starts again at the first page.
    Effect::watch(move || indices.track(), move |_, _, _| shown.set(PAGE_SIZE), false);
    // On paper, every matching event: the browser lays the page out again for printing after
    // `beforeprint`, so the whole (filtered) programme is printed, not the first page of it.
    // (Only where there is a window: not in the native prerender.)
    if crate::browser::window().is_some() {
        let print_all = window_event_listener_untyped("beforeprint", move |_| shown.set(usize::MAX));
        on_cleanup(move || print_all.remove());
    }

    let groups = {
        let programme = programme.clone();
        Memo::new(move |_| {
            let limit = shown.get();
            indices.with(|indices| {
                let mut groups: Vec<(YearMonth, Vec<usize>)> = Vec::new();
                for &index in indices.iter().take(limit) {
                    let month = programme.events[index].when.start_month();
                    match groups.last_mut() {
                        Some((last, members)) if *last == month => members.push(index),
                        _ => groups.push((month, vec![index])),
                    }
                }
                groups
            })
        })
    };
    let has_more = Memo::new(move |_| indices.with(Vec::len) > shown.get());
    // Scrolling within about two phone screens of the button shows the next page: reading on
    // never waits for a tap, and the page holds only what was scrolled past.
    let more_button = NodeRef::<leptos::html::Button>::new();
    let near = StoredValue::new_local(NearObserver::new(1500, move || {
        if has_more.get_untracked() {
            shown.update(|n| *n += PAGE_SIZE);
        }
    }));
    Effect::new(move |_| {
        if let Some(button) = more_button.get() {
            near.with_value(|near| near.as_ref().map(|near| near.observe(&button)));
        }
    });
    let shown_of = move || {
        let total = indices.with(Vec::len);
        tr_with(lang, Msg::ShownOf, &[("shown", &shown.get().min(total).to_string()), ("total", &total.to_string())])
    };

    let months = Memo::new(move |_| groups.with(|g| g.iter().map(|(month, _)| *month).collect::<Vec<_>>()));

    view! {
        <div class="event-list" data-testid="event-list">
            // Months and cards are keyed separately, so that a filter change keeps the cards
            // that stay and only adds or removes the others.
            <For each=move || months.get() key=|month| *month let:month>
                {
                    let heading_id = format!("month-{month}");
                    let labelled_by = heading_id.clone();
                    let members = move || groups.with(|g| g.iter().find(|(m, _)| *m == month).map(|(_, members)| members.clone()).unwrap_or_default());
                    view! {
                        <section class="month" aria-labelledby=labelled_by data-testid=format!("month-{month}")>
                            <h3 id=heading_id class="month-heading">{format_month(lang, month)}</h3>
                            <ul class="cards">
                                <For each=members key=|index| *index let:index>
                                    <li><EventCard index /></li>
                                </For>
                            </ul>
                        </section>
                    }
                }
            </For>
            <Show when=move || has_more.get()>
                <p class="shown-of" data-testid="shown-of">{shown_of}</p>
                <button
                    type="button"
                    class="show-more"
                    data-testid="show-more"
                    node_ref=more_button
                    on:click=move |_| shown.update(|n| *n += PAGE_SIZE)
                >
                    {tr(lang, Msg::ShowMore)}
                </button>
            </Show>
        </div>
    }
}
