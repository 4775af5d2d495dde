//! `Lenient<T>`: one list item that may fail to deserialize without failing the whole file.
//!
//! Owns the rule "a bad event never sinks the programme": each item is read as JSON first,
//! then as `T`, and a failure keeps the path inside the item and serde's message so the
//! validator can report `events[3].when.start: ...` and skip just that item.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

#[derive(Debug, Clone)]
pub enum Lenient<T> {
    Ok(T),
    /// The item did not have the shape of `T`: `path` is inside the item ("" for the item itself).
    Bad {
        path: String,
        message: String,
        value: Value,
    },
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(item) => Lenient::Ok(item),
            Err(err) => {
                let path = err.path().to_string();
                let path = if path == "." { String::new() } else { path };
                Lenient::Bad { path, message: err.into_inner().to_string(), value }
            }
        })
    }
}

impl<T: Serialize> Serialize for Lenient<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Lenient::Ok(item) => item.serialize(serializer),
            Lenient::Bad { value, .. } => value.serialize(serializer),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Lenient<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}
