//! Notices above the content: where the programme shown comes from (another site, the
//! offline copy), events skipped for mistakes in the file (details one tap away), address
//! parameters that were ignored, shortlist storage faults, a reminder to back the shortlist
//! up, and what the last change did.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::labels::quoted_list;
use super::list_manager::list_display_name;
use super::safekeeping::backup_reminder;
use crate::browser::storage::StorageFault;
use crate::browser::{clock, files};
use crate::domain::clash::Overlap;
use crate::domain::i18n::{format_count, format_day, tr, tr_count, tr_with, Count, Lang, Locale, Msg};
use crate::domain::programme::{skipped_event_count, Problem};
use crate::state::{use_ignored_params, use_locale, use_shortlist};

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
    let locale = use_locale().get_untracked();
    view! {
        <div class="notices">
            {source_notices(locale, offline_copy_of, offline, other_host)}
            {skipped_notice(locale, &problems)}
            {ignored_params_notice(locale)}
            {storage_notice(locale)}
            {backup_reminder(locale)}
            {shortlist_notices(locale)}
        </div>
    }
}

/// Where the programme shown comes from, when it is not simply this site's, fresh.
fn source_notices(locale: Locale, offline_copy_of: Option<NaiveDate>, offline: bool, other_host: Option<String>) -> impl IntoView {
    view! {
        // Not dismissible: a link must not pass off another site's file as the organiser's.
        {other_host.map(|host| view! {
            <div class="notice warning" data-testid="other-source-notice">
                <p>{tr_with(locale, Msg::OtherSource, &[("host", &host)])}</p>
            </div>
        })}
        {match offline_copy_of {
            Some(day) => Some(tr_with(locale, Msg::OfflineCopy, &[("date", &format_day(locale, day))])),
            None => offline.then(|| tr(locale, Msg::OfflineNow).to_owned()),
        }
            .map(|text| view! {
                <div class="notice info" role="status" data-testid="offline-notice">
                    <p>{text}</p>
                </div>
            })}
    }
}

/// Events left out for mistakes in the file, the mistakes one tap away.
fn skipped_notice(locale: Locale, problems: &[Problem]) -> impl IntoView {
    let skipped = skipped_event_count(problems);
    // A file with thousands of mistakes must not make thousands of rows: the first ones
    // locate the pattern, `programme-check` lists them all.
    let problem_lines: Vec<String> = problems.iter().take(SHOWN_PROBLEMS).map(ToString::to_string).collect();
    let more_problems = problems.len().saturating_sub(SHOWN_PROBLEMS);
    (skipped > 0).then(|| view! {
        <div class="notice warning" role="status" data-testid="skipped-notice">
            <p>{move || tr_count(locale, skipped, Count::SkippedEvents)}</p>
            <details>
                <summary>{tr(locale, Msg::ShowDetails)}</summary>
                <ul class="problems" data-testid="problem-list" lang=(locale.lang() != Lang::En).then_some("en")>
                    {problem_lines.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}
                </ul>
                {(more_problems > 0).then(|| view! {
                    <p data-testid="more-problems">{tr_with(locale, Msg::MoreProblems, &[("n", &format_count(locale, more_problems))])}</p>
                })}
            </details>
        </div>
    })
}

/// Parameters of the address that were not understood.
fn ignored_params_notice(locale: Locale) -> impl IntoView {
    let ignored = use_ignored_params();
    view! {
        <Show when=move || ignored.with(|list| !list.is_empty())>
            <div class="notice info" role="status" data-testid="ignored-params-notice">
                <p>{tr(locale, Msg::IgnoredParams)}</p>
                <ul>
                    {move || ignored.get().into_iter().map(|i| view! { <li><code>{format!("{}={}", i.param, i.value)}</code></li> }).collect_view()}
                </ul>
                <button type="button" class="link-button" data-testid="dismiss-ignored" on:click=move |_| ignored.set(Vec::new())>
                    {tr(locale, Msg::Dismiss)}
                </button>
            </div>
        </Show>
    }
}

/// The shortlists' storage failed: what that means, and the unreadable data as a file.
fn storage_notice(locale: Locale) -> impl IntoView {
    let fault = use_shortlist().fault;
    move || {
        fault.get().map(|fault| {
            let (text, raw) = match fault {
                StorageFault::Unavailable | StorageFault::WriteFailed(_) => (tr(locale, Msg::StorageUnavailable).to_owned(), None),
                StorageFault::Corrupt { raw } => (tr(locale, Msg::StorageCorrupt).to_owned(), Some(raw)),
                StorageFault::PartlyUnreadable { raw, items } => (tr_count(locale, items, Count::StoragePartlyUnreadable), Some(raw)),
                StorageFault::Newer(_) => (tr(locale, Msg::StorageNewer).to_owned(), None),
                StorageFault::NoRoomAside => (tr(locale, Msg::StorageNoRoomAside).to_owned(), None),
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
                            {tr(locale, Msg::DownloadBackup)}
                        </button>
                    })}
                </div>
            }
        })
    }
}

/// What the reader's last change to the shortlists did: a clash, a merge, a deleted list.
fn shortlist_notices(locale: Locale) -> impl IntoView {
    let shortlist = use_shortlist();
    let (merged, deleted) = (shortlist.merged, shortlist.deleted);
    view! {
        {move || shortlist.clash.get().map(|(title, others, how)| {
            let titles = quoted_list(others.iter().map(String::as_str));
            let msg = if how == Overlap::Clash { Msg::ClashOnPick } else { Msg::PossibleClashOnPick };
            view! {
                <div class="notice warning" role="status" data-testid="clash-notice">
                    <p>{tr_with(locale, msg, &[("title", &title), ("titles", &titles)])}</p>
                    <button type="button" class="link-button" on:click=move |_| shortlist.clash.set(None)>
                        {tr(locale, Msg::Dismiss)}
                    </button>
                </div>
            }
        })}
        {move || merged.get().map(|done| view! {
            <div class="notice info" role="status" data-testid="merge-done">
                <p>
                    {tr_with(locale, Msg::MergeDone, &[("added", &done.added.to_string()), ("changed", &done.changed.to_string())])}
                </p>
                <button type="button" class="link-button" data-testid="dismiss-merge-done" on:click=move |_| merged.set(None)>
                    {tr(locale, Msg::Dismiss)}
                </button>
            </div>
        })}
        {move || deleted.get().map(|id| {
            let name = shortlist.lists.with_untracked(|l| l.list(&id).map(|list| list.name.clone()).unwrap_or_default());
            view! {
                <div class="notice info" role="status" data-testid="list-deleted-notice">
                    <p>{tr_with(locale, Msg::ListDeleted, &[("name", &list_display_name(&name, locale))])}</p>
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
                        {tr(locale, Msg::Undo)}
                    </button>
                </div>
            }
        })}
    }
}
