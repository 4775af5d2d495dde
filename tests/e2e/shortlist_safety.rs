//! Picks a stranger's link cannot hurt, and storage faults that never lose them.

use std::time::Duration;

use programme_browser::domain::share::{decode_share, encode_share};
use programme_browser::domain::shortlist::{PickKey, Shortlists, Snapshot};

use crate::browser::{eventually, DESKTOP, PHONE};
use crate::shortlists::{open_shortlist, shortlist_ids};
use crate::{open_app, server};

const STORAGE: &str = "programme-browser/shortlists";
const PROGRAMME_ID: &str = "unitar-migration-2012-2013";

/// The share code in a share link.
fn code_of(link: &str) -> String {
    link.split_once("#share=").map(|(_, code)| code.to_owned()).unwrap_or_default()
}

#[tokio::test]
async fn a_strangers_share_link_can_only_add_and_notes_are_shared_only_when_asked() {
    let reader = open_app(DESKTOP, "").await;
    for id in ["ms-2012-06-migration-law", "lphm-2013-05-media"] {
        reader.star(id).await;
    }
    open_shortlist(&reader, "?view=shortlist").await;
    let note = reader.testid("note-ms-2012-06-migration-law").await;
    note.send_keys("ask about the 2013 report").await.unwrap();
    reader.testid("shortlist-count").await.click().await.unwrap();

    // Notes stay out of a share link unless the reader ticks the box.
    reader.testid("make-share-link").await.click().await.unwrap();
    let link = reader.testid("share-link").await.prop("value").await.unwrap().unwrap_or_default();
    let shared = decode_share(&code_of(&link)).expect("a share code");
    assert!(shared.lists[0].picks.values().all(|pick| pick.note.is_empty()), "a note travelled without being asked");
    reader.testid("share-with-notes").await.click().await.unwrap();
    reader.testid("make-share-link").await.click().await.unwrap();
    let link = reader.testid("share-link").await.prop("value").await.unwrap().unwrap_or_default();
    let shared = decode_share(&code_of(&link)).expect("a share code");
    assert!(shared.lists[0].picks.values().any(|pick| pick.note == "ask about the 2013 report"));

    // A link made to hurt: the reader's own list id, times far in the future, a rename, the
    // reader's picks removed and their note replaced, and one real addition.
    let far_future = 4_000_000_000_000;
    let mut hostile = Shortlists::default();
    let key = |event: &str| PickKey { programme: PROGRAMME_ID.into(), event: event.into() };
    for event in ["ms-2012-06-migration-law", "lphm-2013-05-media"] {
        hostile.toggle(key(event), Snapshot::default(), far_future);
        hostile.toggle(key(event), Snapshot::default(), far_future + 1);
    }
    hostile.toggle(key("ms-2012-12-women"), Snapshot::default(), far_future);
    hostile.rename("default", "Hacked", far_future);
    let code = encode_share(hostile.active_list(), true);
    reader.goto(&format!("{}#share={code}", server().app_url(""))).await;
    let summary = reader.text_of("merge-summary").await;
    assert!(summary.contains("add 1 event") && summary.contains("change 0"), "{summary}");
    assert_eq!(reader.count("[data-testid=merge-consequences]").await, 0);
    reader.testid("merge-confirm").await.click().await.unwrap();
    open_shortlist(&reader, "?view=shortlist").await;
    eventually("all three picks", || async {
        let mut ids = shortlist_ids(&reader).await;
        ids.sort();
        ids == ["lphm-2013-05-media", "ms-2012-06-migration-law", "ms-2012-12-women"]
    })
    .await;
    let kept_note = reader.testid("note-ms-2012-06-migration-law").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(kept_note, "ask about the 2013 report");
    let stored = reader.script(&format!("return localStorage.getItem('{STORAGE}');")).await;
    assert!(!stored.as_str().unwrap_or_default().contains("Hacked"));
    // The addition is dated now, not in the future: the reader can still take it back.
    reader.goto(&server().app_url("")).await;
    reader.wait_for_app().await;
    reader.star_off("ms-2012-12-women").await;
    open_shortlist(&reader, "?view=shortlist").await;
    eventually("the removal held", || async { !shortlist_ids(&reader).await.contains(&"ms-2012-12-women".to_owned()) }).await;
    reader.quit().await;
}

#[tokio::test]
async fn an_imported_file_that_would_take_something_away_says_exactly_what() {
    let reader = open_app(DESKTOP, "").await;
    reader.star("ms-2012-06-migration-law").await;
    open_shortlist(&reader, "?view=shortlist").await;
    // The reader's own older backup, in which the pick was removed and the list renamed.
    let mut older = Shortlists::default();
    let key = PickKey { programme: PROGRAMME_ID.into(), event: "ms-2012-06-migration-law".into() };
    older.toggle(key.clone(), Snapshot { title: "International migration law".into(), ..Snapshot::default() }, 10);
    older.toggle(key, Snapshot::default(), 4_000_000_000_000);
    older.rename("default", "Old plan", 4_000_000_000_000);
    let path = reader.downloads.join("older-backup.json");
    std::fs::write(&path, programme_browser::domain::stored::encode(&older)).unwrap();
    reader.testid("import-file").await.send_keys(path.display().to_string()).await.unwrap();
    let consequences = reader.text_of("merge-consequences").await;
    assert!(consequences.contains("remove from your lists: “International migration law”"), "{consequences}");
    assert!(consequences.contains("rename your list “My shortlist” to “Old plan”"), "{consequences}");
    // Cancel: nothing changes.
    reader.testid("merge-cancel").await.click().await.unwrap();
    assert_eq!(shortlist_ids(&reader).await, ["ms-2012-06-migration-law"]);
    reader.quit().await;
}

#[tokio::test]
async fn a_note_is_saved_while_typing() {
    let reader = open_app(PHONE, "").await;
    reader.star("ms-2012-06-migration-law").await;
    open_shortlist(&reader, "?view=shortlist").await;
    reader.testid("note-ms-2012-06-migration-law").await.send_keys("bring the report").await.unwrap();
    // No blur, no Enter: the phone is simply locked.
    eventually("the note in storage", || async {
        reader.script(&format!("return localStorage.getItem('{STORAGE}');")).await.as_str().unwrap_or_default().contains("bring the report")
    })
    .await;
    reader.quit().await;
}

#[tokio::test]
async fn a_newer_versions_data_is_never_overwritten_and_nothing_can_be_picked() {
    let reader = open_app(PHONE, "").await;
    let newer = r#"{"version":99,"app":"programme-browser","lists":"a format from the future"}"#;
    reader.script(&format!("localStorage.setItem('{STORAGE}', '{newer}'); return true;")).await;
    reader.driver.refresh().await.unwrap();
    reader.wait_for_app().await;
    assert!(reader.text_of("storage-notice").await.contains("newer version"));
    let star = reader.testid("shortlist-toggle-ms-2012-06-migration-law").await;
    assert!(!star.is_enabled().await.unwrap(), "picking is off");
    open_shortlist(&reader, "?view=shortlist").await;
    assert!(!reader.testid("export").await.is_enabled().await.unwrap(), "the shortlist tools are off");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let stored = reader.script(&format!("return localStorage.getItem('{STORAGE}');")).await;
    assert_eq!(stored.as_str(), Some(newer), "the newer data was changed");
    reader.quit().await;
}

#[tokio::test]
async fn unreadable_data_that_cannot_be_copied_aside_is_never_overwritten() {
    let reader = open_app(PHONE, "").await;
    // An unreadable value too big to copy within what is left of the quota.
    let made = reader
        .script(&format!(
            "const big = '{{broken' + 'x'.repeat(3 * 1024 * 1024); localStorage.setItem('{STORAGE}', big); return big.length;"
        ))
        .await;
    assert!(made.as_u64().unwrap_or(0) > 3_000_000, "{made}");
    reader.driver.refresh().await.unwrap();
    reader.wait_for_app().await;
    reader.star("ms-2012-06-migration-law").await;
    eventually("the warning", || async { reader.text_of("storage-notice").await.contains("no room to keep a copy") }).await;
    let intact = reader.script(&format!("return localStorage.getItem('{STORAGE}').startsWith('{{broken');")).await;
    assert_eq!(intact, true, "the unreadable value was overwritten");
    // The pick is there for this visit.
    reader.testid("nav-shortlist").await.click().await.unwrap();
    reader.testid("shortlist-page").await;
    assert_eq!(shortlist_ids(&reader).await, ["ms-2012-06-migration-law"]);
    reader.quit().await;
}
