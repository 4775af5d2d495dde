//! Events under month headings, rendered a page at a time so that a 100,000-event programme
//! keeps a small DOM. The next page is added as the reader scrolls near the end of the list
//! (and with the "Show more" button, for keyboards, screen readers and old browsers; it says
//! how many are shown of how many), and printing shows them all.

use leptos::prelude::*;

use super::event_card::EventCard;
use crate::browser::page::{after_next_paint, NearObserver};
use crate::domain::i18n::{format_count, format_month, tr, tr_with, Msg};
use crate::domain::when::YearMonth;
use crate::state::{use_locale, use_programme};

/// Cards per page: a phone screen holds two to four, so a page is several screens of reading.
pub const PAGE_SIZE: usize = 30;

/// Cards in the first frame after a filter change or a typed letter: a card is at least 180 px
/// tall, so six are more than a 1440 px screen shows below the header. The rest of the page
/// follows once that frame is painted, so the reader sees the new result sooner. Fewer would
/// bring the "Show more" button within a phone screen's reach, and the list would grow on
/// its own after a filter change.
pub const FIRST_FRAME: usize = 6;

/// The next page boundary after `shown`: the button and scrolling both complete a page.
fn next_page(shown: usize) -> usize {
    (shown / PAGE_SIZE + 1).saturating_mul(PAGE_SIZE)
}

#[component]
pub fn EventList(
    /// Indices of the events to show, in order.
    #[prop(into)]
    indices: Signal<Vec<usize>>,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    // The first result shows a whole page at once: it replaces the prerendered first screen,
    // whose scroll position is given back and must still exist.
    let shown = RwSignal::new(PAGE_SIZE);
    // A new result starts again at the first page: what fills the screen in this frame, the
    // rest of the page in the next one (unless a newer result came first).
    let generation = StoredValue::new(0_u64);
    Effect::watch(
        move || indices.track(),
        move |_, _, _| {
            shown.set(FIRST_FRAME);
            let current = generation.get_value().wrapping_add(1);
            generation.set_value(current);
            let fill = move || {
                if generation.get_value() == current && shown.get_untracked() < PAGE_SIZE {
                    shown.set(PAGE_SIZE);
                }
            };
            // Tasks queued just after the paint (input, the reader's next tap) still come first.
            after_next_paint(fill);
        },
        false,
    );
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
            shown.update(|n| *n = next_page(*n));
        }
    }));
    Effect::new(move |_| {
        if let Some(button) = more_button.get() {
            near.with_value(|near| near.as_ref().map(|near| near.observe(&button)));
        }
    });
    let shown_of = move || {
        let total = indices.with(Vec::len);
        tr_with(locale, Msg::ShownOf, &[("shown", &format_count(locale, shown.get().min(total))), ("total", &format_count(locale, total))])
    };

    let months = Memo::new(move |_| groups.with(|g| g.iter().map(|(month, _)| *month).collect::<Vec<_>>()));
    // The static page's cards and months say their last day: the boot script leaves out those
    // that are over since the build, before the first paint (`prerender::head::PastLeftOut`).
    let last_days = programme.clone();
    let last_day = move |indices: &[usize]| {
        (!cfg!(target_arch = "wasm32"))
            .then(|| indices.iter().map(|&i| last_days.events[i].when.last_day()).max().map(|day| day.to_string()))
            .flatten()
    };

    view! {
        <div class="event-list" data-testid="event-list">
            // Months and cards are keyed separately, so that a filter change keeps the cards
            // that stay and only adds or removes the others.
            <For each=move || months.get() key=|month| *month let:month>
                {
                    let heading_id = format!("month-{month}");
                    let labelled_by = heading_id.clone();
                    let members = move || groups.with(|g| g.iter().find(|(m, _)| *m == month).map(|(_, members)| members.clone()).unwrap_or_default());
                    let last_day = last_day.clone();
                    let month_last = groups.with_untracked(|g| g.iter().find(|(m, _)| *m == month).and_then(|(_, members)| last_day(members)));
                    view! {
                        <section class="month" aria-labelledby=labelled_by data-testid=format!("month-{month}") data-last=month_last>
                            <h3 id=heading_id class="month-heading">{format_month(locale, month)}</h3>
                            <ul class="cards">
                                <For each=members key=|index| *index let:index>
                                    <li data-last=last_day(&[index])><EventCard index /></li>
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
                    on:click=move |_| shown.update(|n| *n = next_page(*n))
                >
                    {tr(locale, Msg::ShowMore)}
                </button>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_completed_from_wherever_the_list_stands() {
        assert_eq!(next_page(FIRST_FRAME), PAGE_SIZE);
        assert_eq!(next_page(PAGE_SIZE), 2 * PAGE_SIZE);
        assert_eq!(next_page(2 * PAGE_SIZE + 5), 3 * PAGE_SIZE);
        assert_eq!(next_page(usize::MAX), usize::MAX, "printing shows everything already");
    }
}
