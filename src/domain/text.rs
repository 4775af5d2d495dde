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

/// By hand rather than `untagged`: serde's untagged enums buffer every value before trying
/// each variant, which was a large share of reading a big programme (issue #12).
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

/// Validated text: at least one non-empty value. The empty tag "" marks a plain string whose
/// language the file did not state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    values: Vec<(String, String)>,
}

impl Text {
    pub fn plain(value: impl Into<String>) -> Self {
        Self { values: vec![(String::new(), value.into())] }
    }

    /// `None` when there is no non-empty value: the caller reports it with its JSON path.
    /// Takes the file's strings rather than copying them: a big programme is mostly text.
    pub fn from_raw(raw: RawText) -> Option<Self> {
        let values: Vec<(String, String)> = match raw {
            RawText::Plain(value) => vec![(String::new(), trimmed(value))],
            RawText::Localised(map) => map
                .into_iter()
                .map(|(mut lang, value)| {
                    lang.make_ascii_lowercase();
                    (lang, trimmed(value))
                })
                .collect(),
        };
        let mut values = values;
        values.retain(|(_, value)| !value.is_empty());
        (!values.is_empty()).then_some(Self { values })
    }

    /// The best string for `lang`: exact tag, then same primary language (`fr` for `fr-CA`),
    /// then the untagged string, then English, then whatever comes first.
    pub fn get(&self, lang: &str) -> &str {
        self.pick(lang).0
    }

    /// `get`, with the tag of the string picked ("" for a plain string).
    pub fn pick(&self, lang: &str) -> (&str, &str) {
        let lang = lang.to_ascii_lowercase();
        let primary = lang.split('-').next().unwrap_or_default();
        let by =
            |pred: &dyn Fn(&str) -> bool| self.values.iter().find(|(tag, _)| pred(tag)).map(|(tag, value)| (value.as_str(), tag.as_str()));
        by(&|tag| tag == lang)
            .or_else(|| by(&|tag| !tag.is_empty() && tag.split('-').next() == Some(primary)))
            .or_else(|| by(&|tag| tag.is_empty()))
            .or_else(|| by(&|tag| tag == "en"))
            .or_else(|| self.values.first().map(|(tag, value)| (value.as_str(), tag.as_str())))
            .unwrap_or_default()
    }

    /// Every value in every language, for search.
    pub fn all_values(&self) -> impl Iterator<Item = &str> {
        self.values.iter().map(|(_, value)| value.as_str())
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
    fn empty_text_is_missing() {
        assert!(text(r#""  ""#).is_none());
        assert!(text(r#"{}"#).is_none());
        assert!(text(r#"{"en": ""}"#).is_none());
    }
}
