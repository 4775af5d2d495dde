//! Browser adapter tests against the real localStorage, in headless Chromium
//! (wasm-bindgen-test). Run by `scripts/test`:
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use programme_browser::browser::storage::{clear_shortlists, load_shortlists, on_other_tab_change, save_shortlists, StorageFault};
use programme_browser::domain::shortlist::{PickKey, Shortlists, Snapshot};
use programme_browser::domain::stored::{self, BACKUP_KEY, STORAGE_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn lists_with(events: &[&str], now: i64) -> Shortlists {
    let mut lists = Shortlists::default();
    for (i, event) in events.iter().enumerate() {
        lists.toggle(PickKey { programme: "p".into(), event: (*event).into() }, Snapshot::default(), now + i as i64);
    }
    lists
}

fn picked(lists: &Shortlists) -> Vec<String> {
    lists.active_list().live_picks().map(|(key, _)| key.event.clone()).collect()
}

/// Lets queued browser events (such as `storage`) run.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn shortlists_round_trip_through_local_storage() {
    clear_shortlists();
    let lists = lists_with(&["a", "b"], 10);
    save_shortlists(&lists).expect("save");
    let (loaded, fault) = load_shortlists();
    assert_eq!(fault, None);
    assert_eq!(loaded, lists);
    clear_shortlists();
}

#[wasm_bindgen_test]
fn first_visit_is_an_empty_list_without_a_fault() {
    clear_shortlists();
    let (loaded, fault) = load_shortlists();
    assert!(picked(&loaded).is_empty());
    assert_eq!(fault, None);
}

#[wasm_bindgen_test]
fn corrupt_value_is_kept_aside_and_reported() {
    let storage = local_storage();
    let _ = storage.remove_item(BACKUP_KEY);
    storage.set_item(STORAGE_KEY, "{not json").unwrap();
    let (loaded, fault) = load_shortlists();
    assert!(picked(&loaded).is_empty());
    assert_eq!(fault, Some(StorageFault::Corrupt { raw: "{not json".into() }));
    assert_eq!(storage.get_item(BACKUP_KEY).unwrap().as_deref(), Some("{not json"));
    clear_shortlists();
    let _ = storage.remove_item(BACKUP_KEY);
}

#[wasm_bindgen_test]
fn partly_unreadable_value_keeps_the_rest_and_is_kept_aside_before_the_next_write() {
    let storage = local_storage();
    let _ = storage.remove_item(BACKUP_KEY);
    let saved = r#"{"version":2,"active":"default","lists":[{"id":"default","picks":[
        {"programme":"p","event":"a","updated_ms":1},{"programme":"p"}]}]}"#;
    storage.set_item(STORAGE_KEY, saved).unwrap();
    let (loaded, fault) = load_shortlists();
    assert_eq!(picked(&loaded), ["a"]);
    assert_eq!(fault, Some(StorageFault::PartlyUnreadable { raw: saved.into(), items: 1 }));
    assert_eq!(storage.get_item(BACKUP_KEY).unwrap().as_deref(), Some(saved));
    // The next save writes sound data; the original stays in the backup key.
    let mut more = loaded.clone();
    more.toggle(PickKey { programme: "p".into(), event: "b".into() }, Default::default(), 2);
    save_shortlists(&more).expect("saved");
    assert_eq!(picked(&load_shortlists().0), ["a", "b"]);
    assert_eq!(storage.get_item(BACKUP_KEY).unwrap().as_deref(), Some(saved));
    clear_shortlists();
    let _ = storage.remove_item(BACKUP_KEY);
}

#[wasm_bindgen_test]
fn newer_version_is_reported_and_never_overwritten() {
    let storage = local_storage();
    let newer = r#"{"version":99,"lists":[]}"#;
    storage.set_item(STORAGE_KEY, newer).unwrap();
    let (_, fault) = load_shortlists();
    assert_eq!(fault, Some(StorageFault::Newer(99)));
    assert_eq!(save_shortlists(&lists_with(&["a"], 1)), Err(StorageFault::Newer(99)));
    assert_eq!(storage.get_item(STORAGE_KEY).unwrap().as_deref(), Some(newer));
    clear_shortlists();
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_write_and_keeps_what_was_saved() {
    clear_shortlists();
    let storage = local_storage();
    save_shortlists(&lists_with(&["kept"], 1)).expect("first save fits");
    // Fill the quota with filler keys until the browser refuses more.
    let chunk = "x".repeat(512 * 1024);
    let mut filler = Vec::new();
    for i in 0..200 {
        let key = format!("filler-{i}");
        if storage.set_item(&key, &chunk).is_err() {
            break;
        }
        filler.push(key);
    }
    let small = "y".repeat(1024);
    for i in 0..2000 {
        let key = format!("filler-small-{i}");
        if storage.set_item(&key, &small).is_err() {
            break;
        }
        filler.push(key);
    }
    let many: Vec<String> = (0..2000).map(|i| format!("event-with-a-long-identifier-{i}")).collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    let result = save_shortlists(&lists_with(&refs, 10));
    for key in &filler {
        let _ = storage.remove_item(key);
    }
    assert!(matches!(result, Err(StorageFault::WriteFailed(_))), "{result:?}");
    let (loaded, fault) = load_shortlists();
    assert_eq!(fault, None);
    assert_eq!(picked(&loaded), ["kept"], "the earlier save is still there");
    clear_shortlists();
}

#[wasm_bindgen_test]
fn saving_merges_what_another_tab_saved_meanwhile() {
    clear_shortlists();
    // Another tab saved "theirs"; this tab, which never saw it, adds "ours".
    local_storage().set_item(STORAGE_KEY, &stored::encode(&lists_with(&["theirs"], 5))).unwrap();
    let merged = save_shortlists(&lists_with(&["ours"], 6)).expect("save").expect("merged copy to show");
    assert_eq!(picked(&merged), ["ours", "theirs"]);
    let (loaded, _) = load_shortlists();
    assert_eq!(picked(&loaded), ["ours", "theirs"]);
    clear_shortlists();
}

#[wasm_bindgen_test]
async fn a_change_saved_by_another_tab_is_heard() {
    clear_shortlists();
    let heard: Rc<RefCell<Vec<Shortlists>>> = Rc::default();
    let sink = heard.clone();
    on_other_tab_change(move |lists| sink.borrow_mut().push(lists));
    // A same-origin frame is another browsing context sharing this localStorage: its write
    // fires a real `storage` event here, as another tab's would.
    let document = web_sys::window().unwrap().document().unwrap();
    let frame: web_sys::HtmlIFrameElement = document.create_element("iframe").unwrap().unchecked_into();
    document.body().unwrap().append_child(&frame).unwrap();
    let other = frame.content_window().unwrap().local_storage().unwrap().unwrap();
    other.set_item(STORAGE_KEY, &stored::encode(&lists_with(&["from-other-tab"], 7))).unwrap();
    for _ in 0..60 {
        if !heard.borrow().is_empty() {
            break;
        }
        next_tick().await;
    }
    let received = heard.borrow().clone();
    assert_eq!(received.len(), 1, "one storage event");
    assert_eq!(picked(&received[0]), ["from-other-tab"]);
    frame.remove();
    clear_shortlists();
}

/// The pure query encoder (also used by the native prerender) writes exactly what the
/// browser's URLSearchParams writes, so links on the static page and in the app agree.
#[wasm_bindgen_test]
fn the_pure_query_encoder_matches_url_search_params() {
    let samples = ["antwerp media", "education,youth", "Réintégration & co=1/2*-._~!'()", "العربية 中文", "a+b%20c", "tab\tnew\nline", ""];
    for sample in samples {
        let pairs = vec![("q".to_owned(), sample.to_owned()), ("x y".to_owned(), "1".to_owned())];
        let params = web_sys::UrlSearchParams::new().unwrap();
        for (key, value) in &pairs {
            params.append(key, value);
        }
        let browser = format!("?{}", String::from(params.to_string()));
        assert_eq!(programme_browser::domain::query::encode_query(&pairs), browser, "{sample:?}");
    }
}

/// The benchmark reads the app's User Timing marks: each `page::mark` is one entry.
#[wasm_bindgen_test]
fn a_mark_is_a_user_timing_entry() {
    let performance = web_sys::window().unwrap().performance().unwrap();
    programme_browser::browser::page::mark("pb-web-test");
    assert_eq!(performance.get_entries_by_name_with_entry_type("pb-web-test", "mark").length(), 1);
}

/// Work put off with `after_next_paint` (the rest of a page of cards, the facet counts) runs
/// after the frame that shows the new result, never in it.
#[wasm_bindgen_test]
async fn after_next_paint_waits_for_the_frame_after_the_next() {
    let done = Rc::new(std::cell::Cell::new(false));
    let seen_in_next_frame = Rc::new(std::cell::Cell::new(None));
    programme_browser::browser::page::after_next_paint({
        let done = done.clone();
        move || done.set(true)
    });
    leptos::prelude::request_animation_frame({
        let (done, seen) = (done.clone(), seen_in_next_frame.clone());
        move || seen.set(Some(done.get()))
    });
    for _ in 0..40 {
        if done.get() {
            break;
        }
        next_tick().await;
    }
    assert_eq!(seen_in_next_frame.get(), Some(false), "not yet in the next frame");
    assert!(done.get(), "in the one after");
}

/// The app's plural rules (`domain::i18n::plural`, also used by the native prerender) say what the
/// browser's own `Intl.PluralRules` says, for every language and the numbers a count can be.
#[wasm_bindgen_test]
fn plural_categories_match_the_browsers_intl_plural_rules() {
    use programme_browser::domain::i18n::plural::category;
    use programme_browser::domain::i18n::Lang;
    let numbers = (0..=1_200).chain([10_000, 100_000, 1_000_000, 2_000_000, 1_000_001, 1_234_567]);
    for lang in Lang::ALL {
        let locales = js_sys::Array::of1(&lang.tag().into());
        let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
        for n in numbers.clone() {
            let browser = String::from(rules.select(n as f64));
            assert_eq!(category(lang, n).name(), browser, "{lang:?} {n}");
        }
    }
}

#[wasm_bindgen_test]
fn a_venues_local_time_gets_its_offset_from_the_browsers_time_zone_rules() {
    use programme_browser::browser::clock::zone_offset_for_local;
    let at = |day: u32, hour: u32| chrono::NaiveDate::from_ymd_opt(2026, 3, day).unwrap().and_hms_opt(hour, 0, 0).unwrap();
    let hours = |zone: &str, day: u32, hour: u32| zone_offset_for_local(zone, at(day, hour)).map(|offset| offset.local_minus_utc() / 3600);
    // New York's clocks change on 8 March 2026.
    assert_eq!(hours("America/New_York", 7, 10), Some(-5));
    assert_eq!(hours("America/New_York", 11, 14), Some(-4));
    assert_eq!(hours("Asia/Tokyo", 11, 14), Some(9));
    assert_eq!(hours("UTC", 11, 14), Some(0));
    let india = zone_offset_for_local("Asia/Kolkata", at(11, 14)).map(|offset| offset.local_minus_utc());
    assert_eq!(india, Some(5 * 3600 + 30 * 60));
    assert_eq!(hours("Nowhere/Atlantis", 11, 14), None, "an unknown zone is no offset, not a trap");
}
