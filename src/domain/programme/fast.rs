//! The fast path for reading a programme file: typed serde straight from the text,
//! with no JSON tree in between. It knows no messages. At the first surprise (a wrong type, a
//! `null` where a list belongs, a repeated field, a missing one) it gives up, and `parse` reads
//! the file again with `extract`, which finds every mistake with its path. So a file that the
//! fast path reads must give exactly what `extract` would: `tests/fuzz.rs` checks that on
//! thousands of mutated files.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::extract::Item;
use super::raw::{RawDebate, RawEvent, RawMeta, RawPartner, RawPerson, RawSeries, RawTheme};

/// The file's frame, as `extract` reads it, with each event still as its text: events are read
/// one at a time (`read_event`), so that a big programme can be read a slice per task.
#[derive(Deserialize)]
pub struct Frame<'a> {
    pub schema_version: String,
    pub programme: RawMeta,
    #[serde(default)]
    pub themes: Vec<RawTheme>,
    #[serde(default)]
    pub partners: Vec<RawPartner>,
    #[serde(default)]
    pub series: Vec<RawSeries>,
    #[serde(default)]
    pub debates: Vec<RawDebate>,
    #[serde(default)]
    pub people: Vec<RawPerson>,
    /// Read by `extract`'s reader, as text: a programme has few venues, and a typed reader of
    /// their nested rooms and coordinates would add ~10 KB to the wasm.
    #[serde(default, borrow)]
    pub venues: Vec<&'a RawValue>,
    #[serde(borrow)]
    pub events: Vec<&'a RawValue>,
}

/// The frame, or `None`: then the slow path decides. Checks the whole file's syntax.
pub fn read_frame(body: &str) -> Option<Frame<'_>> {
    serde_json::from_str(body).ok()
}

/// One event of the frame, or `None`: then the slow path decides.
pub fn read_event(raw: &RawValue) -> Option<Box<RawEvent>> {
    serde_json::from_str(raw.get()).ok()
}

/// Every item of a vocabulary list read well.
pub fn ok<T>(items: Vec<T>) -> Vec<Item<T>> {
    items.into_iter().map(Ok).collect()
}

impl Frame<'_> {
    /// The frame's lists, every item read well.
    pub fn take_lists(&mut self) -> super::extract::Lists {
        use std::mem::take;
        super::extract::Lists {
            themes: ok(take(&mut self.themes)),
            partners: ok(take(&mut self.partners)),
            series: ok(take(&mut self.series)),
            debates: ok(take(&mut self.debates)),
            people: ok(take(&mut self.people)),
            venues: take(&mut self.venues)
                .into_iter()
                .enumerate()
                .map(|(index, raw)| super::extract::extract_venue(raw.get(), index))
                .collect(),
        }
    }
}

/// The whole file through the fast path, as `extract` would give it (for the agreement tests).
#[cfg(all(test, not(target_arch = "wasm32")))]
fn read_fast(body: &str) -> Option<(String, super::extract::Extracted)> {
    let mut frame = read_frame(body)?;
    let lists = frame.take_lists();
    let events = frame.events.iter().map(|raw| read_event(raw).map(Ok)).collect::<Option<Vec<_>>>()?;
    Some((frame.schema_version, super::extract::Extracted { programme: frame.programme, lists, events }))
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! The fast path may give up on any file, but when it reads one it must agree with
    //! `extract` exactly: same version, same items, same values.

    use proptest::prelude::*;
    use serde_json::Value;

    use super::*;
    use crate::domain::programme::extract::{extract, Extracted};
    use crate::domain::programme::mutations::{fixtures, mutate};

    fn slow(text: &str) -> Option<(String, Extracted)> {
        let root: Value = serde_json::from_str(text).ok()?;
        let version = root.get("schema_version")?.as_str()?.to_owned();
        Some((version, extract(&root).ok()?))
    }

    fn agree(text: &str) {
        if let Some(fast) = read_fast(text) {
            assert_eq!(Some(fast), slow(text), "the fast path read differently:\n{text}");
        }
    }

    #[test]
    fn the_fixtures_agree_and_the_good_ones_take_the_fast_path() {
        for text in fixtures() {
            agree(&text);
        }
        assert!(read_fast(&fixtures()[0]).is_some(), "the bundled programme should be read by the fast path");
    }

    #[test]
    fn a_repeated_field_is_left_to_the_slow_path() {
        let text = fixtures()[0].replacen("\"events\": [", "\"events\": [], \"events\": [", 1);
        assert!(read_fast(&text).is_none());
        agree(&text.replacen("{\n", "{\"schema_version\": \"1.0\",", 1));
    }

    #[test]
    fn spellings_are_read_from_the_string_and_anything_else_is_left_to_the_slow_path() {
        let bundled = &fixtures()[0];
        let with = |from: &str, to: &str| bundled.replacen(from, to, 1);
        for text in [with("\"mode\": \"in_person\"", "\"mode\": null"), with("\"mode\": \"in_person\"", "\"mode\": \"hybrid\"")] {
            assert!(read_fast(&text).is_some(), "read by the fast path");
            agree(&text);
        }
        for wrong in ["\"mode\": \"by boat\"", "\"mode\": 7", "\"mode\": {\"online\": null}", "\"mode\": [\"online\"]"] {
            let text = with("\"mode\": \"in_person\"", wrong);
            assert!(read_fast(&text).is_none(), "{wrong} left to the slow path");
            agree(&text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn a_mutated_file_is_read_alike_or_left_to_the_slow_path(which in 0usize..9, pick in any::<usize>(), kind in 0u8..8) {
            let texts = fixtures();
            agree(&mutate(&texts[which], pick, kind));
        }
    }
}
