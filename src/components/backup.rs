//! Moving shortlists without an account: export to a file, import from one, and share one
//! list as a link. Every import goes through a preview and a merge: nothing is replaced. A
//! shared link can only add (`merge_shared`); a file (the reader's own backup) merges fully,
//! and its preview names everything it would remove, rename, delete or overwrite. Times from
//! outside are clamped to now, so the reader's next change or undo always wins.

use leptos::either::Either;
use leptos::prelude::*;

use super::list_manager::list_display_name;
use super::share_event::copy_and_share;
use crate::browser::{clock, files, url};
use crate::domain::i18n::{tr, tr_count, tr_count_with, tr_with, Count, Locale, Msg};
use crate::domain::qr::qr_path;
use crate::domain::query::ViewState;
use crate::domain::share::{decode_share, encode_share, ShareError, SHARE_PARAM};
use crate::domain::shortlist::{merge_as, preview_merge, MergeKind, MergePreview, Shortlists};
use crate::domain::stored::{self, Decoded};
use crate::state::{use_keeping, use_locale, use_nav, use_shortlist, use_view, KeepingState};

#[component]
pub fn BackupTools() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <section class="backup" aria-labelledby="backup-heading" data-testid="backup-tools">
            <h3 id="backup-heading">{tr(locale, Msg::BackupHeading)}</h3>
            {file_backup(locale)}
            {share_list(locale)}
        </section>
    }
}

/// The shortlists exported to a file, and a file imported through a preview and a merge.
fn file_backup(locale: Locale) -> impl IntoView {
    let shortlist = use_shortlist();
    let keeping = use_keeping();
    let offer = RwSignal::new(None::<Decoded>);
    let import_error = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let export = move |_| {
        let text = stored::encode(&shortlist.lists.get_untracked());
        // Formatted by hand: chrono's formatter would add ~12 KB to the bundle for this one name.
        let today = clock::today();
        let date =
            format!("{:04}-{:02}-{:02}", chrono::Datelike::year(&today), chrono::Datelike::month(&today), chrono::Datelike::day(&today));
        match files::download_text(&format!("shortlists-{date}.json"), &text, "application/json") {
            Ok(()) => keeping.into_iter().for_each(KeepingState::backed_up),
            Err(err) => import_error.set(Some(err.to_string())),
        }
    };
    let import = move |_| {
        let Some(input) = file_input.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let read = files::read_chosen_file(&input).await.map_err(|err| err.to_string());
            match read.and_then(|text| stored::decode_counting(&text).map_err(|err| err.to_string())) {
                Ok(mut decoded) => {
                    decoded.lists.clamp_times(clock::now_ms());
                    import_error.set(None);
                    offer.set(Some(decoded));
                }
                Err(err) => import_error.set(Some(err)),
            }
            input.set_value("");
        });
    };

    view! {
        <button type="button" data-testid="export" on:click=export>{tr(locale, Msg::ExportButton)}</button>
        <div class="import">
            <label for="import-file">{tr(locale, Msg::ImportLabel)}</label>
            <input id="import-file" type="file" accept=".json,application/json" data-testid="import-file" node_ref=file_input on:change=import />
        </div>
        {move || import_error.get().map(|err| view! {
            <p class="notice warning" role="alert" data-testid="import-error">{tr_with(locale, Msg::ImportFailed, &[("error", &err)])}</p>
        })}
        {move || {
            offer
                .get()
                .map(|Decoded { lists, unreadable }| {
                    view! { <MergeOffer theirs=lists kind=MergeKind::File unreadable on_done=move || offer.set(None) /> }
                })
        }}
    }
}

/// The active list as a link, its notes only when the reader asks (they are private).
fn share_list(locale: Locale) -> impl IntoView {
    let shortlist = use_shortlist();
    let view = use_view();
    let nav = use_nav();
    let share_link = RwSignal::new(None::<String>);
    let keeping = use_keeping();
    let with_notes = RwSignal::new(false);
    let make_link = move |_| {
        let code = shortlist.lists.with_untracked(|l| encode_share(l.active_list(), with_notes.get_untracked()));
        // Only the programme file (and the language) travel with the list: the receiver's
        // filters are theirs.
        let home =
            view.with_untracked(|v| ViewState { programme: v.programme.clone(), language: v.language.clone(), ..ViewState::default() });
        let links = nav.links();
        let address = links.absolute(&links.address(&home)).unwrap_or_default();
        share_link.set(Some(format!("{address}#{SHARE_PARAM}={code}")));
        // The link (and its QR code) carries the list: a backup of it.
        if let Some(keeping) = keeping {
            keeping.backed_up();
        }
    };
    view! {
        <label class="option">
            <input
                type="checkbox"
                data-testid="share-with-notes"
                prop:checked=move || with_notes.get()
                on:change=move |ev| {
                    with_notes.set(event_target_checked(&ev));
                    share_link.set(None);
                }
            />
            {tr(locale, Msg::ShareWithNotes)}
        </label>
        <button type="button" data-testid="make-share-link" on:click=make_link>{tr(locale, Msg::ShareButton)}</button>
        {move || share_link.get().map(|link| shared_link(locale, link))}
    }
}

/// A share link to copy, hand to the browser's share sheet, or scan as a QR code.
fn shared_link(locale: Locale, link: String) -> impl IntoView {
    let qr = qr_path(&link);
    view! {
        <div class="share-link">
            <label for="share-link">{tr(locale, Msg::ShareHelp)}</label>
            <input id="share-link" readonly data-testid="share-link" prop:value=link.clone() />
            {copy_and_share(locale, link, tr(locale, Msg::ShortlistTitle).to_owned(), ("copy-share-link", "web-share"))}
            {match qr {
                Some(code) => Either::Left(view! {
                    <svg
                        class="qr"
                        xmlns="http://www.w3.org/2000/svg"
                        viewBox=format!("0 0 {0} {0}", code.size)
                        role="img"
                        aria-label=tr(locale, Msg::QrLabel)
                        data-testid="share-qr"
                        data-size=code.size
                    >
                        <rect width=code.size height=code.size fill="#fff"></rect>
                        <path d=code.path fill="#000"></path>
                    </svg>
                }),
                None => Either::Right(view! { <p class="hint" data-testid="share-qr-too-long">{tr(locale, Msg::QrTooLong)}</p> }),
            }}
        </div>
    }
}

/// "Merging would add N, change M, keep K" with Merge and Cancel.
#[component]
pub fn MergeOffer(
    /// The shortlists offered by a file or a share link (times already clamped to now).
    theirs: Shortlists,
    /// A file merges fully; a share link can only add.
    kind: MergeKind,
    /// How many items of the file could not be read (they are left out).
    #[prop(optional)]
    unreadable: usize,
    /// Called after Merge or Cancel.
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let shortlist = use_shortlist();
    let preview = shortlist.lists.with_untracked(|ours| preview_merge(kind, ours, &theirs, clock::now_ms()));
    let summary = tr_with(
        locale,
        Msg::ImportPreview,
        &[("added", &preview.added.to_string()), ("changed", &preview.changed.to_string()), ("kept", &preview.kept.to_string())],
    );
    let new_lists = (!preview.new_lists.is_empty()).then(|| {
        let names: Vec<String> = preview.new_lists.iter().map(|n| list_display_name(n, locale)).collect();
        tr_with(locale, Msg::ImportNewLists, &[("names", &names.join(", "))])
    });
    let consequences = consequences(locale, &preview);
    let done = on_done.clone();
    view! {
        <div class="notice info merge-offer" role="region" aria-live="polite" data-testid="merge-offer">
            <p data-testid="merge-summary">{summary}</p>
            {new_lists.map(|text| view! { <p>{text}</p> })}
            {(!consequences.is_empty()).then(|| view! {
                <ul class="merge-consequences" data-testid="merge-consequences">
                    {consequences.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            })}
            {(unreadable > 0).then(|| view! {
                <p data-testid="import-unreadable">{tr_count(locale, unreadable, Count::ImportUnreadable)}</p>
            })}
            <button
                type="button"
                class="primary"
                data-testid="merge-confirm"
                on:click=move |_| {
                    // Counted again at the click: another tab may have changed the lists since.
                    let mut done_now = None;
                    let now = clock::now_ms();
                    shortlist.lists.update(|ours| {
                        done_now = Some(preview_merge(kind, ours, &theirs, now));
                        *ours = merge_as(kind, ours, &theirs, now);
                    });
                    shortlist.merged.set(done_now);
                    done();
                }
            >
                {tr(locale, Msg::MergeButton)}
            </button>
            <button type="button" data-testid="merge-cancel" on:click=move |_| on_done()>{tr(locale, Msg::Cancel)}</button>
        </div>
    }
}

/// Everything a merge would take away from or change in the reader's lists, one line each.
fn consequences(locale: Locale, preview: &MergePreview) -> Vec<String> {
    let items = |pairs: &[(String, String)]| {
        pairs.iter().map(|(list, title)| format!("“{title}” ({})", list_display_name(list, locale))).collect::<Vec<_>>().join(", ")
    };
    let mut lines = Vec::new();
    if !preview.removed.is_empty() {
        lines.push(tr_with(locale, Msg::ImportWillRemove, &[("items", &items(&preview.removed))]));
    }
    if !preview.overwritten.is_empty() {
        lines.push(tr_with(locale, Msg::ImportWillOverwrite, &[("items", &items(&preview.overwritten))]));
    }
    for (from, to) in &preview.renamed {
        let (from, to) = (list_display_name(from, locale), list_display_name(to, locale));
        lines.push(tr_with(locale, Msg::ImportWillRename, &[("from", &from), ("to", &to)]));
    }
    for name in &preview.deleted {
        lines.push(tr_with(locale, Msg::ImportWillDelete, &[("name", &list_display_name(name, locale))]));
    }
    lines
}

/// Opens a list shared by link (`#share=...`) as a merge preview, or says why it cannot.
#[component]
pub fn SharedListPrompt() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let decoded = url::read_fragment_param(SHARE_PARAM).map(|code| {
        decode_share(&code).map(|mut lists| {
            lists.clamp_times(clock::now_ms());
            lists
        })
    });
    let state = RwSignal::new(decoded);
    let close = move || {
        url::clear_fragment();
        state.set(None);
    };
    view! {
        {move || state.get().map(|result| match result {
            Ok(theirs) => {
                let list = theirs.active_list();
                let name = list_display_name(&list.name, locale);
                let intro = tr_count_with(locale, list.live_picks().count(), Count::SharedPreview, &[("name", &name)]);
                Either::Left(view! {
                    <div class="shared-list" data-testid="shared-list">
                        <p>{intro}</p>
                        <MergeOffer theirs kind=MergeKind::SharedLink on_done=close />
                    </div>
                })
            }
            Err(err) => {
                let msg = match err {
                    ShareError::Damaged => Msg::ShareDamaged,
                    ShareError::Newer => Msg::ShareNewer,
                };
                Either::Right(view! {
                    <div class="notice warning" role="alert" data-testid="share-error">
                        <p>{tr(locale, msg)}</p>
                        <button type="button" class="link-button" on:click=move |_| close()>{tr(locale, Msg::Dismiss)}</button>
                    </div>
                })
            }
        })}
    }
}
