//! The shortlist's storage format: a versioned JSON envelope, encoded and decoded here so that
//! every version's rules are tested natively. The browser adapter only moves strings.
//!
//! Rules: a version newer than this code is never decoded into something we would write back
//! (`DecodeError::Newer`); text that is not a valid envelope is `Corrupt` and the caller keeps
//! the raw text aside before starting afresh.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::shortlist::Shortlist;

/// The one localStorage key of the app, and the key where unreadable data is kept aside.
pub const STORAGE_KEY: &str = "programme-browser/shortlists";
pub const BACKUP_KEY: &str = "programme-browser/shortlists.unreadable";

/// The version this code writes.
pub const CURRENT_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the saved shortlist is not readable: {0}")]
    Corrupt(String),
    #[error("the saved shortlist was written by a newer version of the app (format {0})")]
    Newer(u64),
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u64,
}

#[derive(Serialize, Deserialize)]
struct EnvelopeV1 {
    version: u64,
    picks: BTreeMap<String, BTreeSet<String>>,
}

pub fn encode(shortlist: &Shortlist) -> String {
    let envelope = EnvelopeV1 { version: CURRENT_VERSION, picks: shortlist.parts().clone() };
    // Serialising maps of strings cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

pub fn decode(text: &str) -> Result<Shortlist, DecodeError> {
    let version: VersionOnly = serde_json::from_str(text).map_err(|err| DecodeError::Corrupt(err.to_string()))?;
    match version.version {
        1 => {
            let envelope: EnvelopeV1 = serde_json::from_str(text).map_err(|err| DecodeError::Corrupt(err.to_string()))?;
            Ok(Shortlist::from_parts(envelope.picks))
        }
        newer if newer > CURRENT_VERSION => Err(DecodeError::Newer(newer)),
        other => Err(DecodeError::Corrupt(format!("unknown format version {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut shortlist = Shortlist::default();
        shortlist.toggle("p", "a");
        shortlist.toggle("p", "b");
        shortlist.toggle("q", "a");
        assert_eq!(decode(&encode(&shortlist)), Ok(shortlist));
    }

    #[test]
    fn damaged_or_newer_data_is_never_taken_for_an_empty_list() {
        assert!(matches!(decode("not json"), Err(DecodeError::Corrupt(_))));
        assert!(matches!(decode(r#"{"version":1,"picks":[1]}"#), Err(DecodeError::Corrupt(_))));
        assert!(matches!(decode(r#"{"picks":{}}"#), Err(DecodeError::Corrupt(_))));
        assert_eq!(decode(r#"{"version":7,"whatever":true}"#), Err(DecodeError::Newer(7)));
    }
}
