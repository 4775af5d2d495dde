//! Notices above the content: the programme shown is the offline copy, events skipped for mistakes in the file (details one tap away),
//! URL parameters that were ignored, and shortlist storage faults.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::labels::quoted_list;
use super::list_manager::list_display_name;
use crate::browser::storage::StorageFault;
use crate::browser::{clock, files};
use crate::domain::clash::Overlap;
use crate::domain::i18n::{format_count, format_day, tr, tr_count, tr_with, Count, Lang, Msg};
use crate::domain::programme::{skipped_event_count, Problem};
use crate::state::{use_ignored_params, use_lang, use_shortlist};

/// How many problems the notice lists; the rest are counted.
const SHOWN_PROBLEMS: usize = 100;

#[component]
pub fn Notices(
    /// Problems found in the programme file.
    problems: Arc<Vec<Problem>>,
    /// The day of the saved copy, when the network failed and the app shows that.
    offline_copy_of: Option<NaiveDate>,
    /// The browser was offline when the programme loaded.
    offline: bool,
    /// The programme file's host, when it is another site than the app's.
    other_host: Option<String>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let ignored = use_ignored_params();
    let shortlist = use_shortlist();
    let fault = shortlist.fault;
    let deleted = shortlist.deleted;
    let merged = shortlist.merged;
    let skipped = skipped_event_count(&problems);
    // A file with thousands of mistakes must not make thousands of rows: the first ones
    // locate the pattern, `programme-check` lists them all.
    let problem_lines: Vec<String> = problems.iter().take(SHOWN_PROBLEMS).map(ToString::to_string).collect();
    let more_problems = problems.len().saturating_sub(SHOWN_PROBLEMS);

    view! {
        <div class="notices">
            // Not dismissible: a link must not pass off another site's file as the organiser's.
            {other_host.map(|host| view! {
                <div class="notice warning" data-testid="other-source-notice">
                    <p>{tr_with(lang, Msg::OtherSource, &[("host", &host)])}</p>
                </div>
            })}
            {match offline_copy_of {
                Some(day) => Some(tr_with(lang, Msg::OfflineCopy, &[("date", &format_day(lang, day))])),
                None => offline.then(|| tr(lang, Msg::OfflineNow).to_owned()),
            }
                .map(|text| view! {
                    <div class="notice info" role="status" data-testid="offline-notice">
                        <p>{text}</p>
                    </div>
                })}
            {(skipped > 0).then(|| view! {
                <div class="notice warning" role="status" data-testid="skipped-notice">
                    <p>{move || tr_count(lang, skipped, Count::SkippedEvents)}</p>
                    <details>
                        <summary>{tr(lang, Msg::ShowDetails)}</summary>
                        <ul class="problems" data-testid="problem-list" lang=(lang != Lang::En).then_some("en")>
                            {problem_lines.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}
                        </ul>
                        {(more_problems > 0).then(|| view! {
                            <p data-testid="more-problems">{tr_with(lang, Msg::MoreProblems, &[("n", &format_count(lang, more_problems))])}</p>
                        })}
                    </details>
                </div>
            })}
            <Show when=move || ignored.with(|list| !list.is_empty())>
                <div class="notice info" role="status" data-testid="ignored-params-notice">
                    <p>{tr(lang, Msg::IgnoredParams)}</p>
                    <ul>
                        {move || ignored.get().into_iter().map(|i| view! { <li><code>{format!("{}={}", i.param, i.value)}</code></li> }).collect_view()}
                    </ul>
                    <button type="button" class="link-button" data-testid="dismiss-ignored" on:click=move |_| ignored.set(Vec::new())>
                        {tr(lang, Msg::Dismiss)}
                    </button>
                </div>
            </Show>
            {move || fault.get().map(|fault| {
                let (text, raw) = match fault {
                    StorageFault::Unavailable | StorageFault::WriteFailed(_) => (tr(lang, Msg::StorageUnavailable).to_owned(), None),
                    StorageFault::Corrupt { raw } => (tr(lang, Msg::StorageCorrupt).to_owned(), Some(raw)),
                    StorageFault::PartlyUnreadable { raw, items } => {
                        (tr_count(lang, items, Count::StoragePartlyUnreadable), Some(raw))
                    }
                    StorageFault::Newer(_) => (tr(lang, Msg::StorageNewer).to_owned(), None),
                    StorageFault::NoRoomAside => (tr(lang, Msg::StorageNoRoomAside).to_owned(), None),
                };
                view! {
                    <div class="notice warning" role="alert" data-testid="storage-notice">
                        <p>{text}</p>
                        {raw.map(|raw| view! {
                            <button
                                type="button"
                                data-testid="download-unreadable"
                                on:click=move |_| {
                                    let _ = files::download_text("shortlists-unreadable.txt", &raw, "text/plain");
                                }
                            >
                                {tr(lang, Msg::DownloadBackup)}
                            </button>
                        })}
                    </div>
                }
            })}
            {move || shortlist.clash.get().map(|(title, others, how)| {
                let titles = quoted_list(others.iter().map(String::as_str));
                let msg = if how == Overlap::Clash { Msg::ClashOnPick } else { Msg::PossibleClashOnPick };
                view! {
                    <div class="notice warning" role="status" data-testid="clash-notice">
                        <p>{tr_with(lang, msg, &[("title", &title), ("titles", &titles)])}</p>
                        <button type="button" class="link-button" on:click=move |_| shortlist.clash.set(None)>
                            {tr(lang, Msg::Dismiss)}
                        </button>
                    </div>
                }
            })}
            {move || merged.get().map(|done| view! {
                <div class="notice info" role="status" data-testid="merge-done">
                    <p>
                        {tr_with(lang, Msg::MergeDone, &[("added", &done.added.to_string()), ("changed", &done.changed.to_string())])}
                    </p>
                    <button type="button" class="link-button" data-testid="dismiss-merge-done" on:click=move |_| merged.set(None)>
                        {tr(lang, Msg::Dismiss)}
                    </button>
                </div>
            })}
            {move || deleted.get().map(|id| {
                let name = shortlist.lists.with_untracked(|l| l.list(&id).map(|list| list.name.clone()).unwrap_or_default());
                view! {
                    <div class="notice info" role="status" data-testid="list-deleted-notice">
                        <p>{tr_with(lang, Msg::ListDeleted, &[("name", &list_display_name(&name, lang))])}</p>
                        <button
                            type="button"
                            data-testid="undo-delete"
                            on:click=move |_| {
                                let id = id.clone();
                                shortlist.lists.update(|l| {
                                    l.restore(&id, clock::now_ms());
                                    l.set_active(&id);
                                });
                                deleted.set(None);
                            }
                        >
                            {tr(lang, Msg::Undo)}
                        </button>
                    </div>
                }
            })}
        </div>
    }
}
