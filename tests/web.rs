//! Browser adapter tests against the real localStorage and fetch, in headless Chromium
//! (wasm-bindgen-test). Run by `scripts/test`:
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use programme_browser::browser::storage::{clear_shortlist, load_shortlist, save_shortlist, StorageFault};
use programme_browser::domain::shortlist::Shortlist;
use programme_browser::domain::stored::{BACKUP_KEY, STORAGE_KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn shortlist_round_trips_through_local_storage() {
    clear_shortlist();
    let mut shortlist = Shortlist::default();
    shortlist.toggle("programme", "event-a");
    shortlist.toggle("programme", "event-b");
    save_shortlist(&shortlist).expect("save");
    let (loaded, fault) = load_shortlist();
    assert_eq!(fault, None);
    assert_eq!(loaded, shortlist);
    clear_shortlist();
}

#[wasm_bindgen_test]
fn first_visit_is_an_empty_list_without_a_fault() {
    clear_shortlist();
    let (loaded, fault) = load_shortlist();
    assert!(loaded.is_empty());
    assert_eq!(fault, None);
}

#[wasm_bindgen_test]
fn corrupt_value_is_kept_aside_and_reported() {
    let storage = local_storage();
    let _ = storage.remove_item(BACKUP_KEY);
    storage.set_item(STORAGE_KEY, "{not json").unwrap();
    let (loaded, fault) = load_shortlist();
    assert!(loaded.is_empty());
    assert_eq!(fault, Some(StorageFault::Corrupt { raw: "{not json".into() }));
    assert_eq!(storage.get_item(BACKUP_KEY).unwrap().as_deref(), Some("{not json"));
    clear_shortlist();
    let _ = storage.remove_item(BACKUP_KEY);
}

#[wasm_bindgen_test]
fn newer_version_is_reported_not_overwritten() {
    let storage = local_storage();
    let newer = r#"{"version":99,"lists":[]}"#;
    storage.set_item(STORAGE_KEY, newer).unwrap();
    let (_, fault) = load_shortlist();
    assert_eq!(fault, Some(StorageFault::Newer(99)));
    assert_eq!(storage.get_item(STORAGE_KEY).unwrap().as_deref(), Some(newer));
    clear_shortlist();
}
