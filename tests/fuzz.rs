//! Property tests on stable Rust for the readers of untrusted input: the programme reader (a
//! file or `?programme=`), the share-code decoder (`#share=` in a link from anyone), the
//! storage envelope reader (localStorage, or an imported file) and the organisers' importers
//! (spreadsheet sheets, workbooks and conference schedules). For arbitrary bytes,
//! JSON-shaped noise and mutations of real inputs: no panic, and memory bounded by the input's
//! size (measured by a counting allocator, per thread).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use programme_browser::domain::import::{convert, Input, Sheet};
use proptest::prelude::*;

use programme_browser::domain::programme::parse_programme;
use programme_browser::domain::share::{decode_share, encode_share};
use programme_browser::domain::shortlist::{PickKey, Shortlists, Snapshot};
use programme_browser::domain::stored::{decode_counting, encode};

/// Counts this thread's live bytes and their peak (tests run on several threads).
struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|live| {
            live.set(live.get() + layout.size());
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
        });
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(layout.size())));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `read` and returns the most memory it held at once, beyond what was live before.
fn peak_of(read: impl FnOnce()) -> usize {
    let before = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    read();
    PEAK.with(Cell::get) - before
}

/// Generous: serde_json's `Value` takes tens of bytes per input byte for tiny values, and a
/// few fixed buffers; what matters is that it is proportional, never the values' doing.
fn bound(input_len: usize) -> usize {
    64 * input_len + (2 << 20)
}

fn bundled_programme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/programme.json")).unwrap()
}

/// A fixture with the lists of format 1.3: people, venues and rooms, languages, documents.
fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn sample_envelope() -> String {
    let mut lists = Shortlists::default();
    for (i, event) in ["ms-2012-06-migration-law", "lphm-2013-05-media"].iter().enumerate() {
        let snapshot =
            Snapshot { title: format!("Event {i}"), when: "2012-06".into(), place: "New York".into(), status: "scheduled".into() };
        lists.toggle(PickKey { programme: "unitar".into(), event: (*event).into() }, snapshot, 10 + i as i64);
    }
    encode(&lists)
}

/// JSON-shaped noise: brackets, quotes, numbers, the format's own words.
fn json_noise() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("\"".to_owned()),
        Just("null".to_owned()),
        Just("1e999".to_owned()),
        Just("-0".to_owned()),
        Just("\"schema_version\":\"1.0\"".to_owned()),
        Just("\"version\":2".to_owned()),
        Just("\"events\":".to_owned()),
        Just("\"venues\":[{\"id\":\"v\",\"name\":\"V\",\"rooms\":".to_owned()),
        Just("\"venue\":\"v\"".to_owned()),
        Just("\"lists\":".to_owned()),
        Just("\"picks\":".to_owned()),
        Just("\"when\":{\"start\":\"0000-01\",\"end\":\"9999-12\"}".to_owned()),
        "[a-z0-9_-]{0,8}".prop_map(|word| format!("\"{word}\"")),
        any::<i64>().prop_map(|n| n.to_string()),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
}

/// A real input with a few bytes changed, inserted or cut.
fn mutated(original: String) -> impl Strategy<Value = String> {
    mutated_bytes(original.into_bytes()).prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2000).prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        any::<String>(),
        json_noise(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_programme_reader_never_panics_and_its_memory_follows_the_input(text in prop_oneof![
        any_text(),
        mutated(bundled_programme()),
        mutated(fixture("venues.json")),
        mutated(fixture("people.json")),
        mutated(fixture("languages.json")),
    ]) {
        let peak = peak_of(|| { let _ = parse_programme(&text); });
        prop_assert!(peak <= bound(text.len()), "{peak} bytes for {} bytes of input", text.len());
    }

    #[test]
    fn the_share_decoder_never_panics_and_its_memory_follows_the_input(
        code in prop_oneof![
            any_text(),
            proptest::collection::vec(any::<u8>(), 0..2000).prop_map(|bytes| format!("2.{}", URL_SAFE_NO_PAD.encode(bytes))),
            // Valid compression and checksum around noise: the JSON reader behind it is reached.
            prop_oneof![any_text(), mutated(sample_envelope())].prop_map(|text| {
                format!("2.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 6)))
            }),
            mutated(sample_share()),
        ]
    ) {
        let peak = peak_of(|| { let _ = decode_share(&code); });
        // Decompression is capped at 1 MB, whatever the code claims.
        prop_assert!(peak <= bound(code.len()) + (1 << 20) * 8, "{peak} bytes for a {}-character code", code.len());
    }

    #[test]
    fn the_organisers_importers_never_panic_and_their_memory_follows_the_input(
        text in prop_oneof![any_text(), mutated(template_events()), mutated(pretalx_schedule())]
    ) {
        let sheets = vec![
            Sheet { file: "events.csv".into(), text: text.clone() },
            Sheet { file: "programme.csv".into(), text: text.clone() },
        ];
        let peak = peak_of(|| {
            let _ = convert(Input::Sheets(sheets));
            let _ = convert(Input::Schedule(text.clone()));
        });
        prop_assert!(peak <= 2 * bound(text.len()), "{peak} bytes for {} bytes of input", text.len());
    }

    #[test]
    fn the_storage_reader_never_panics_and_its_memory_follows_the_input(text in prop_oneof![any_text(), mutated(sample_envelope())]) {
        let peak = peak_of(|| { let _ = decode_counting(&text); });
        prop_assert!(peak <= bound(text.len()), "{peak} bytes for {} bytes of input", text.len());
    }
}

/// A real input's bytes (a workbook's, a text's) with a few bytes changed, inserted or cut.
fn mutated_bytes(original: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = original.len();
    proptest::collection::vec((0..len.max(1), 0u8..3, any::<u8>()), 1..6).prop_map(move |edits| {
        let mut bytes = original.clone();
        for (at, kind, byte) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            match kind {
                0 if !bytes.is_empty() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ if !bytes.is_empty() => {
                    bytes.remove(at);
                }
                _ => {}
            }
        }
        bytes
    })
}

fn template_workbook() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/spreadsheet-template.xlsx")).unwrap()
}

/// An OpenDocument workbook LibreOffice saved (typed dates, a merged cell, a hidden sheet).
fn libreoffice_workbook() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/workbooks/week-libreoffice.ods")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// A workbook is a zip of XML: broken bytes anywhere, its sizes and its XML included, give
    /// a refusal or problems, never a panic (which would stop the organiser's page).
    #[test]
    fn the_workbook_reader_never_panics(bytes in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..4000),
        mutated_bytes(template_workbook()),
        mutated_bytes(libreoffice_workbook()),
    ]) {
        let offset_at: programme_browser::domain::import::OffsetAt = &|_, _| None;
        if let Ok(read) = programme_browser::domain::import::read_workbook("x.xlsx", &bytes, offset_at) {
            let _ = convert(Input::Workbook(read));
        }
    }
}

fn template_events() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/spreadsheet-template/events.csv")).unwrap()
}

fn pretalx_schedule() -> String {
    // A small valid schedule: mutations of it reach every part of the reader quickly.
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/frab/minimal.json")).unwrap()
}

fn sample_share() -> String {
    let lists = programme_browser::domain::stored::decode(&sample_envelope()).unwrap();
    encode_share(&lists.lists[0], true)
}

#[test]
fn a_share_code_that_inflates_to_a_bomb_is_refused_within_the_cap() {
    // 100 MB of zeros compress to ~100 KB: the decoder stops at its 1 MB cap.
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 100 << 20], 9);
    let code = format!("2.{}", URL_SAFE_NO_PAD.encode(&bomb));
    let mut result = None;
    let peak = peak_of(|| result = Some(decode_share(&code)));
    assert!(result.unwrap().is_err());
    assert!(peak < 16 << 20, "{peak} bytes");
}

/// A venue's long name is its events' place without a copy in each: a 1 MB name named by
/// 20,000 events (a 1.6 MB file) would otherwise take 20 GB; a room's with a location of the
/// event's own is copied, so a room's name is bounded.
#[test]
fn a_long_venue_name_named_by_every_event_is_not_copied_into_each() {
    let events: Vec<String> =
        (0..20_000).map(|i| format!(r#"{{"id":"e{i}","title":"E","when":{{"start":"2026-06"}},"venue":"v","room":"r"}}"#)).collect();
    let long = "n".repeat(1 << 20);
    let text = format!(
        r#"{{"schema_version":"1.3","programme":{{"id":"p","title":"P","time_zone":"UTC"}},"venues":[{{"id":"v","name":"{long}","address":"{long}","rooms":[{{"id":"r","name":"R"}},{{"id":"big","name":"{long}"}}]}}],"events":[{}]}}"#,
        events.join(",")
    );
    let mut problems = Vec::new();
    let peak = peak_of(|| {
        let (programme, found) = parse_programme(&text).expect("loads");
        assert_eq!(programme.events.len(), 20_000);
        assert_eq!(programme.events[0].place("en").map(|place| place.len()), Some(1 + 2 + (1 << 20)));
        problems = found.into_iter().map(|problem| problem.path).collect();
    });
    assert!(peak <= bound(text.len()), "{peak} bytes for {} bytes of input", text.len());
    assert_eq!(problems, ["venues[0].rooms[1].name"], "the room with a megabyte of name is left out");
}

/// Nor is it copied into each of its rooms: 500 rooms of a venue with a 1 MB name, each with
/// events, hold the name once.
#[test]
fn a_long_venue_name_is_not_copied_into_each_of_its_rooms() {
    let rooms: Vec<String> = (0..500).map(|i| format!(r#"{{"id":"r{i}","name":"Room {i}"}}"#)).collect();
    let events: Vec<String> = (0..5_000)
        .map(|i| format!(r#"{{"id":"e{i}","title":"E","when":{{"start":"2026-06"}},"venue":"v","room":"r{}"}}"#, i % 500))
        .collect();
    let long = "n".repeat(1 << 20);
    let text = format!(
        r#"{{"schema_version":"1.3","programme":{{"id":"p","title":"P","time_zone":"UTC"}},"venues":[{{"id":"v","name":"{long}","rooms":[{}]}}],"events":[{}]}}"#,
        rooms.join(","),
        events.join(",")
    );
    let peak = peak_of(|| {
        let (programme, problems) = parse_programme(&text).expect("loads");
        assert!(problems.is_empty() && programme.events.len() == 5_000);
        assert_eq!(programme.events[1].place("en").map(|place| place.len()), Some("Room 1, ".len() + (1 << 20)));
    });
    assert!(peak <= bound(text.len()), "{peak} bytes for {} bytes of input", text.len());
}
