//! The fast path for reading a programme file: typed serde straight from the text,
//! with no JSON tree in between. It knows no messages. At the first surprise (a wrong type, a
//! `null` where a list belongs, a repeated field, a missing one) it gives up, and `parse` reads
//! the file again with `extract`, which finds every mistake with its path. So a file that the
//! fast path reads must give exactly what `extract` would: `tests/fuzz.rs` checks that on
//! thousands of mutated files.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::extract::Item;
use super::raw::{RawDebate, RawEvent, RawMeta, RawPartner, RawSeries, RawTheme};

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

/// The whole file through the fast path, as `extract` would give it (for the agreement tests).
#[cfg(all(test, not(target_arch = "wasm32")))]
fn read_fast(body: &str) -> Option<(String, super::extract::Extracted)> {
    let frame = read_frame(body)?;
    let events = frame.events.iter().map(|raw| read_event(raw).map(Ok)).collect::<Option<Vec<_>>>()?;
    Some((
        frame.schema_version,
        super::extract::Extracted {
            programme: frame.programme,
            themes: ok(frame.themes),
            partners: ok(frame.partners),
            series: ok(frame.series),
            debates: ok(frame.debates),
            events,
        },
    ))
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

    fn fixtures() -> Vec<String> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut texts = vec![std::fs::read_to_string(format!("{root}/public/programme.json")).expect("bundled programme")];
        for name in ["timed.json", "programme-updated.json", "long-words.json", "five-mistakes.json", "many-bad-events.json"] {
            texts.push(std::fs::read_to_string(format!("{root}/tests/fixtures/{name}")).expect("fixture"));
        }
        texts
    }

    /// Every node of a JSON value, as a path of keys and indices.
    fn paths(value: &Value, at: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(at.clone());
        match value {
            Value::Object(map) => map.iter().for_each(|(key, child)| paths(child, [at.clone(), vec![key.clone()]].concat(), out)),
            Value::Array(items) => {
                items.iter().enumerate().for_each(|(i, child)| paths(child, [at.clone(), vec![i.to_string()]].concat(), out))
            }
            _ => {}
        }
    }

    fn node<'a>(value: &'a mut Value, path: &[String]) -> &'a mut Value {
        path.iter().fold(value, |value, step| match value {
            Value::Object(map) => map.get_mut(step).expect("key"),
            Value::Array(items) => &mut items[step.parse::<usize>().expect("index")],
            _ => unreachable!("paths lead through objects and lists"),
        })
    }

    /// One node replaced by a value of another kind, or removed from its object.
    fn mutate(text: &str, pick: usize, kind: u8) -> String {
        let mut root: Value = serde_json::from_str(text).expect("fixture is JSON");
        let mut all = Vec::new();
        paths(&root, Vec::new(), &mut all);
        let path = &all[pick % all.len()];
        let replacement = match kind {
            0 => Value::Null,
            1 => Value::from(7),
            2 => Value::from("text"),
            3 => Value::Array(vec![Value::from("x")]),
            4 => serde_json::json!({"en": "x"}),
            5 => Value::Bool(true),
            // serde reads `{"online": null}` as the spelling "online".
            6 => match node(&mut root, path) {
                Value::String(text) => serde_json::json!({ text.as_str(): null }),
                _ => Value::Null,
            },
            _ => {
                if let Some((last, parent)) = path.split_last() {
                    if let Value::Object(map) = node(&mut root, parent) {
                        map.remove(last);
                    }
                }
                return root.to_string();
            }
        };
        *node(&mut root, path) = replacement;
        root.to_string()
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
        fn a_mutated_file_is_read_alike_or_left_to_the_slow_path(which in 0usize..6, pick in any::<usize>(), kind in 0u8..8) {
            let texts = fixtures();
            agree(&mutate(&texts[which], pick, kind));
        }

        /// What the app shows: read in slices, with events the fast path gives up on read
        /// again one by one, it must be what reading the whole file as a value gives.
        #[test]
        fn a_mutated_file_reads_in_slices_as_the_slow_path_reads_it(which in 0usize..6, pick in any::<usize>(), kind in 0u8..8, slice in 1usize..4) {
            let text = mutate(&fixtures()[which], pick, kind);
            let mut reading = crate::domain::programme::Reading::new(&text);
            let parsed = loop {
                if let crate::domain::programme::Step::Finished(parsed) = reading.step(slice) {
                    break parsed;
                }
            };
            prop_assert_eq!(parsed, super::super::parse::slow(&text), "{}", text);
        }
    }
}
