//! What the browser promises about the shortlist, said on the shortlist page with the date of
//! the last backup, and a gentle reminder to make one (at most once a week, "Not now").
//!
//! Each is one closure that redraws a plain block of text: every reactive attribute or
//! conditional part is a type of its own for Leptos, and cost the wasm about a kilobyte.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::i18n::{format_day, tr, tr_with, Locale, Msg};
use crate::domain::query::Page;
use crate::domain::safekeeping::{has_picks, Keeping};
use crate::state::{use_keeping, use_nav, use_shortlist, History, KeepingState};

/// The storage promise of this browser and the last backup, above the picks.
pub fn keeping_note(locale: Locale) -> impl IntoView {
    let keeping = use_keeping()?;
    let shortlist = use_shortlist();
    let asked = RwSignal::new(false);
    Some(move || {
        let promise = keeping.keeping();
        let unpromised = matches!(promise, Keeping::BestEffort | Keeping::SevenDays);
        let mut lines: Vec<(&str, String)> = Vec::new();
        if keeping.installed() && !shortlist.lists.with(has_picks) {
            lines.push(("installed-empty", tr(locale, Msg::KeepingInstalledEmpty).to_owned()));
        }
        let text = match promise {
            Keeping::Persistent => Msg::KeepingPersistent,
            Keeping::BestEffort => Msg::KeepingBestEffort,
            Keeping::SevenDays => Msg::KeepingSevenDays,
            // The storage notice above says it, with what to do.
            Keeping::ThisPageOnly => return None,
        };
        lines.push(("storage-promise-text", tr(locale, text).to_owned()));
        if promise == Keeping::SevenDays {
            lines.push(("home-screen", tr(locale, Msg::KeepingHomeScreen).to_owned()));
        }
        if unpromised {
            lines.push(("last-backup", last_backup(locale, keeping)));
        }
        if unpromised && asked.get() {
            lines.push(("ask-to-keep-refused", tr(locale, Msg::AskToKeepRefused).to_owned()));
        }
        let offer_ask = unpromised && keeping.can_ask() && !asked.get();
        Some(view! {
            <div class="keeping" data-testid="storage-promise" data-keeping=promise.code()>
                {lines.into_iter().map(|(id, line)| view! { <p data-testid=id>{line}</p> }).collect_view()}
                {offer_ask.then(|| view! {
                    <button type="button" data-testid="ask-to-keep" on:click=move |_| {
                        asked.set(true);
                        keeping.ask();
                    }>{tr(locale, Msg::AskToKeep)}</button>
                })}
            </div>
        })
    })
}

fn last_backup(locale: Locale, keeping: KeepingState) -> String {
    match keeping.record.with(|record| record.last_backup_ms) {
        Some(ms) => tr_with(locale, Msg::LastBackup, &[("date", &format_day(locale, clock::local_date(ms)))]),
        None => tr(locale, Msg::NoBackupYet).to_owned(),
    }
}

/// "Your shortlist has changed since your last backup…": Back up now, or Not now.
pub fn backup_reminder(locale: Locale) -> impl IntoView {
    let keeping = use_keeping()?;
    let nav = use_nav();
    Some(move || {
        keeping.remind().then(|| {
            let text = format!("{} {}", tr(locale, Msg::BackupReminder), last_backup(locale, keeping));
            view! {
                <div class="notice info" role="status" data-testid="backup-reminder">
                    <p>{text}</p>
                    <button
                        type="button"
                        data-testid="backup-now"
                        on:click=move |_| {
                            nav.go(History::Push, |view| {
                                view.page = Page::Shortlist;
                                view.event = None;
                            })
                        }
                    >
                        {tr(locale, Msg::BackupNow)}
                    </button>
                    <button type="button" class="link-button" data-testid="backup-not-now" on:click=move |_| keeping.dismiss_reminder()>
                        {tr(locale, Msg::NotNow)}
                    </button>
                </div>
            }
        })
    })
}
