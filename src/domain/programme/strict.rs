//! serde helpers that make the fast path (`fast.rs`) as strict as `extract`: serde's derived
//! structs also accept a list of field values (`"when": ["2013-05"]`), and its enums an object
//! (`"mode": {"online": null}`). `extract` refuses both, so the fast path must give up on them.

use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

/// A `T` read from a JSON object only.
struct Strict<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Strict<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectOnly<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectOnly<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_map(ObjectOnly(PhantomData)).map(Strict)
    }
}

pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
    Strict::deserialize(deserializer).map(|Strict(value)| value)
}

pub fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Ok(Option::<Strict<T>>::deserialize(deserializer)?.map(|Strict(value)| value))
}

pub fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    Ok(Vec::<Strict<T>>::deserialize(deserializer)?.into_iter().map(|Strict(value)| value).collect())
}

/// One of a fixed list of spellings, read from a JSON string without copying it (every event
/// has a status and most a mode, so a copy each would add up).
pub fn spelled<'de, D: Deserializer<'de>, T: Copy>(deserializer: D, choices: &[(&str, T)]) -> Result<T, D::Error> {
    deserializer.deserialize_str(Choice(choices))
}

/// `spelled`, or `None` for `null`.
pub fn optional_spelled<'de, D: Deserializer<'de>, T: Copy>(deserializer: D, choices: &[(&str, T)]) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_option(MaybeChoice(choices))
}

struct Choice<'c, T>(&'c [(&'c str, T)]);

impl<'de, T: Copy> Visitor<'de> for Choice<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("one of a fixed list of spellings")
    }
    fn visit_str<E: Error>(self, code: &str) -> Result<T, E> {
        spelling(code, self.0)
    }
}

struct MaybeChoice<'c, T>(&'c [(&'c str, T)]);

impl<'de, T: Copy> Visitor<'de> for MaybeChoice<'_, T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("null, or one of a fixed list of spellings")
    }
    fn visit_none<E: Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        spelled(deserializer, self.0).map(Some)
    }
}

/// One of a fixed list of spellings.
pub fn spelling<T: Copy, E: Error>(code: &str, choices: &[(&str, T)]) -> Result<T, E> {
    choices.iter().find(|(name, _)| *name == code).map(|(_, value)| *value).ok_or_else(|| E::custom("unknown spelling"))
}
