//! Localisable text from the programme file: a plain string, or a map from BCP 47 language
//! tag to string. Owns picking the best string for a reader's language; knows nothing of the UI.

use std::collections::BTreeMap;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// As written in the file: `"Title"` or `{"en": "Title", "fr": "Titre"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged, rename = "Text")]
pub enum RawText {
    Plain(String),
    Localised(BTreeMap<String, String>),
}

/// An empty text: what a required text the source left out reads as, for the checks to report.
impl Default for RawText {
    fn default() -> Self {
        RawText::Plain(String::new())
    }
}

/// By hand rather than `untagged`: serde's untagged enums buffer every value before trying
/// each variant, which was a large share of reading a big programme.
impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, or an object of language tag to string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<RawText, E> {
                Ok(RawText::Plain(text.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<RawText, E> {
                Ok(RawText::Plain(text))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let mut texts = BTreeMap::new();
                // A repeated tag keeps its last value, as `extract` does.
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    texts.insert(lang, text);
                }
                Ok(RawText::Localised(texts))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Validated text: at least one non-empty value. Most programmes write plain strings, so a
/// plain one is kept as it came, without a list around it: one allocation fewer for each of
/// an event's texts. Equal texts compare equal whichever way they are kept.
#[derive(Debug, Clone)]
pub struct Text(Values);

impl Eq for Text {}

#[derive(Debug, Clone)]
enum Values {
    /// A plain string, whose language the file did not state.
    Plain(String),
    /// Language tag and value, in tag order; the empty tag "" marks a plain string.
    Localised(Vec<(String, String)>),
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.pairs().eq(other.pairs())
    }
}

impl Text {
    pub fn plain(value: impl Into<String>) -> Self {
        Text(Values::Plain(value.into()))
    }

    /// `None` when there is no non-empty value: the caller reports it with its JSON path.
    /// Takes the file's strings rather than copying them: a big programme is mostly text.
    pub fn from_raw(raw: RawText) -> Option<Self> {
        let values = match raw {
            RawText::Plain(value) => Values::Plain(trimmed(value)),
            RawText::Localised(map) => Values::Localised(
                map.into_iter()
                    .map(|(mut lang, value)| {
                        lang.make_ascii_lowercase();
                        (lang, trimmed(value))
                    })
                    .filter(|(_, value)| !value.is_empty())
                    .collect(),
            ),
        };
        let text = Text(values);
        let shown = text.pairs().next().is_some_and(|(_, value)| !value.is_empty());
        shown.then_some(text)
    }

    /// Each value with its language tag ("" for a plain string).
    fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        let (plain, localised) = match &self.0 {
            Values::Plain(value) => (Some(("", value.as_str())), &[][..]),
            Values::Localised(values) => (None, values.as_slice()),
        };
        plain.into_iter().chain(localised.iter().map(|(tag, value)| (tag.as_str(), value.as_str())))
    }

    /// The best string for `lang`: exact tag, then same primary language (`fr` for `fr-CA`),
    /// then the untagged string, then English, then whatever comes first.
    pub fn get(&self, lang: &str) -> &str {
        self.pick(lang).0
    }

    /// `get`, with the tag of the string picked ("" for a plain string).
    pub fn pick(&self, lang: &str) -> (&str, &str) {
        if let Values::Plain(value) = &self.0 {
            return (value.as_str(), "");
        }
        let lang = lang.to_ascii_lowercase();
        let primary = lang.split('-').next().unwrap_or_default();
        let by = |pred: &dyn Fn(&str) -> bool| self.pairs().find(|(tag, _)| pred(tag)).map(|(tag, value)| (value, tag));
        by(&|tag| tag == lang)
            .or_else(|| by(&|tag| !tag.is_empty() && tag.split('-').next() == Some(primary)))
            .or_else(|| by(&|tag| tag.is_empty()))
            .or_else(|| by(&|tag| tag == "en"))
            .or_else(|| self.pairs().next().map(|(tag, value)| (value, tag)))
            .unwrap_or_default()
    }

    /// The language tags its values are in ("" for a plain string).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.pairs().map(|(tag, _)| tag)
    }

    /// Every value in every language, for search.
    pub fn all_values(&self) -> impl Iterator<Item = &str> {
        self.pairs().map(|(_, value)| value)
    }
}

/// `text` without surrounding white space, reusing its buffer when there is none.
pub fn trimmed(text: String) -> String {
    // Most texts start and end with a visible ASCII character: no need to ask Unicode.
    let visible = |byte: Option<&u8>| byte.is_some_and(|&b| b.is_ascii_graphic());
    if (visible(text.as_bytes().first()) && visible(text.as_bytes().last())) || text.trim().len() == text.len() {
        text
    } else {
        text.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(json: &str) -> Option<Text> {
        Text::from_raw(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn picks_the_closest_language() {
        let t = text(r#"{"en": "Law", "fr": "Droit", "ar": "قانون"}"#).unwrap();
        assert_eq!(t.get("fr"), "Droit");
        assert_eq!(t.get("fr-CA"), "Droit");
        assert_eq!(t.get("AR"), "قانون");
        assert_eq!(t.get("zh"), "Law");
        assert_eq!(text(r#""Plain""#).unwrap().get("ru"), "Plain");
        assert_eq!(text(r#"{"es": "Ley"}"#).unwrap().get("en"), "Ley");
    }

    #[test]
    fn a_plain_string_is_kept_as_it_came_and_equals_the_same_untagged_value() {
        let plain = text(r#"" Plain ""#).unwrap();
        assert_eq!(plain.pick("fr"), ("Plain", ""));
        assert_eq!(plain, Text::plain("Plain"));
        assert_eq!(plain, text(r#"{"": "Plain"}"#).unwrap());
        assert_ne!(plain, text(r#"{"en": "Plain"}"#).unwrap());
        assert_eq!(text(r#"{"EN": "Law", "fr": " "}"#).unwrap().all_values().collect::<Vec<_>>(), ["Law"]);
    }

    #[test]
    fn empty_text_is_missing() {
        assert!(text(r#""  ""#).is_none());
        assert!(text(r#"{}"#).is_none());
        assert!(text(r#"{"en": ""}"#).is_none());
    }
}
