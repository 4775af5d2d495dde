//! Language files (`public/i18n/<tag>.json`): the translations of the one message table for
//! the other UN languages. English is compiled in; the others are loaded only by the readers
//! who need them, so that they cost nobody else a byte of the app shell.
//!
//! A file is:
//! ```json
//! { "language": "fr",
//!   "months": ["Janvier", ...],          // 12 names, as in a heading: "Juin 2012"
//!   "months_in_date": ["janvier", ...],  // 12 names, as in a date: "5 juin 2012"
//!   "date": "{d} {month} {y}",
//!   "month": "{month} {y}",
//!   "messages": { "AppName": "...", ...,      // keys are `Msg::key()`
//!                 "ResultCount": { "one": "{n} événement", "many": "…", "other": "…" } } }
//!                                            // `Count::key()`: a form per plural category
//! ```
//! A message the file lacks falls back to English; a file that is not of this shape is
//! refused as a whole. A catalog's texts live as long as the program: a page reads at most
//! six, once each, and every `Locale` of that language shares them.

use serde_json::Value;

use super::plural::Plural;
use super::{Count, Lang, Msg};

/// A language's translations, read from its file.
#[derive(Debug)]
pub struct Catalog {
    pub lang: Lang,
    /// Indexed by `msg as usize`.
    pub messages: Vec<Option<&'static str>>,
    /// Indexed by `count as usize`, then by `plural as usize`: the forms given.
    pub counts: Vec<[Option<&'static str>; 6]>,
    pub months: [&'static str; 12],
    pub months_in_date: [&'static str; 12],
    pub date_pattern: &'static str,
    pub month_pattern: &'static str,
}

/// Reads a language file. Errors say what is wrong, for the file's translators.
pub fn parse_catalog(text: &str) -> Result<Catalog, String> {
    let root: Value = serde_json::from_str(text).map_err(|err| err.to_string())?;
    let tag = root.get("language").and_then(Value::as_str).ok_or("no \"language\"")?;
    let lang = Lang::from_tag(tag);
    if lang.tag() != tag {
        return Err(format!("\"{tag}\" is not one of the languages the app knows"));
    }
    let messages_in_file = root.get("messages").and_then(Value::as_object).ok_or("no \"messages\" object")?;
    let messages = Msg::ALL
        .iter()
        .map(|msg| messages_in_file.get(msg.key()).and_then(Value::as_str).filter(|text| !text.trim().is_empty()).map(leak))
        .collect();
    let counts = Count::ALL
        .iter()
        .map(|count| {
            let forms = messages_in_file.get(count.key()).and_then(Value::as_object);
            Plural::ALL.map(|plural| {
                let text = forms.and_then(|forms| forms.get(plural.name())).and_then(Value::as_str);
                text.filter(|text| !text.trim().is_empty()).map(leak)
            })
        })
        .collect();
    Ok(Catalog {
        lang,
        messages,
        counts,
        months: twelve(&root, "months")?,
        months_in_date: twelve(&root, "months_in_date")?,
        date_pattern: pattern(&root, "date", &["{d}", "{month}", "{y}"])?,
        month_pattern: pattern(&root, "month", &["{month}", "{y}"])?,
    })
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn twelve(root: &Value, field: &str) -> Result<[&'static str; 12], String> {
    let names: Vec<&'static str> = root
        .get(field)
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).map(leak).collect())
        .unwrap_or_default();
    names.try_into().map_err(|_| format!("\"{field}\" must list 12 month names"))
}

fn pattern(root: &Value, field: &str, parts: &[&str]) -> Result<&'static str, String> {
    let text = root.get(field).and_then(Value::as_str).ok_or_else(|| format!("no \"{field}\" pattern"))?;
    match parts.iter().find(|part| !text.contains(**part)) {
        Some(missing) => Err(format!("the \"{field}\" pattern lacks {missing}")),
        None => Ok(leak(text)),
    }
}
