//! Share codes: one shortlist in a URL fragment (`#share=2.<code>`), to move picks to another
//! device without an account. The code is versioned, deflate-compressed (miniz_oxide, zlib
//! framing with its Adler-32 checksum) and base64url-encoded, so a truncated or altered link is
//! detected and refused with a clear message rather than merged half-read.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::shortlist::{NamedList, Shortlists};
use super::stored::{self, DecodeError};

/// The version prefix of codes this build writes.
const SHARE_VERSION: &str = "2";

/// The fragment parameter name: `#share=...`.
pub const SHARE_PARAM: &str = "share";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error("this share link is incomplete or was changed (it may have been cut off when copied)")]
    Damaged,
    #[error("this share link was made by a newer version of the app")]
    Newer,
}

/// A code for one list, without the reader's removed picks (they are private history) and,
/// unless `with_notes`, without the private notes.
pub fn encode_share(list: &NamedList, with_notes: bool) -> String {
    let mut list = list.clone();
    list.picks.retain(|_, pick| !pick.removed);
    if !with_notes {
        for pick in list.picks.values_mut() {
            pick.note.clear();
        }
    }
    list.deleted = false;
    let single = Shortlists { active: list.id.clone(), lists: vec![list] };
    let json = stored::encode(&single);
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!("{SHARE_VERSION}.{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Reads a code made by `encode_share` (this or an older version).
pub fn decode_share(code: &str) -> Result<Shortlists, ShareError> {
    let (version, body) = code.trim().split_once('.').ok_or(ShareError::Damaged)?;
    match version.parse::<u32>() {
        Ok(2) => {}
        Ok(v) if v > 2 => return Err(ShareError::Newer),
        _ => return Err(ShareError::Damaged),
    }
    let compressed = URL_SAFE_NO_PAD.decode(body).map_err(|_| ShareError::Damaged)?;
    // zlib framing checks the Adler-32 of the content: a changed byte fails here.
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&compressed, 1 << 20).map_err(|_| ShareError::Damaged)?;
    let text = String::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    match stored::decode(&text) {
        Ok(lists) if lists.lists.len() == 1 => Ok(lists),
        Ok(_) | Err(DecodeError::Corrupt(_)) => Err(ShareError::Damaged),
        Err(DecodeError::Newer(_)) => Err(ShareError::Newer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::shortlist::{PickKey, Snapshot};

    fn sample() -> NamedList {
        let mut lists = Shortlists::default();
        lists.create("trip".into(), "New York week", 1);
        for (i, event) in ["ms-2012-06-migration-law", "ms-2012-09-reintegration", "lphm-2013-05-media"].iter().enumerate() {
            let snapshot =
                Snapshot { title: format!("Event {i}"), when: "2012-06".into(), place: "New York".into(), status: "scheduled".into() };
            lists.toggle(PickKey { programme: "unitar-migration-2012-2013".into(), event: (*event).into() }, snapshot, 10 + i as i64);
        }
        lists.list("trip").unwrap().clone()
    }

    #[test]
    fn round_trip_keeps_the_list_and_is_compact() {
        let list = sample();
        let code = encode_share(&list, true);
        assert!(code.starts_with("2."));
        assert!(code.len() < 400, "{} characters", code.len());
        assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'));
        let back = decode_share(&code).expect("decodes");
        assert_eq!(back.lists[0], list);
    }

    #[test]
    fn removed_picks_are_not_shared() {
        let mut lists = Shortlists::default();
        lists.toggle(PickKey { programme: "p".into(), event: "a".into() }, Snapshot::default(), 1);
        lists.toggle(PickKey { programme: "p".into(), event: "a".into() }, Snapshot::default(), 2);
        let back = decode_share(&encode_share(lists.active_list(), true)).unwrap();
        assert!(back.lists[0].picks.is_empty());
    }

    #[test]
    fn private_notes_are_shared_only_when_asked() {
        let mut list = sample();
        for pick in list.picks.values_mut() {
            pick.note = "private".into();
        }
        let without = decode_share(&encode_share(&list, false)).unwrap();
        assert!(without.lists[0].picks.values().all(|pick| pick.note.is_empty()));
        assert_eq!(without.lists[0].picks.len(), 3);
        let with = decode_share(&encode_share(&list, true)).unwrap();
        assert!(with.lists[0].picks.values().all(|pick| pick.note == "private"));
    }

    #[test]
    fn damaged_codes_are_refused() {
        let code = encode_share(&sample(), false);
        let truncated = &code[..code.len() - 5];
        let mut tampered = code.clone().into_bytes();
        let middle = tampered.len() / 2;
        tampered[middle] = if tampered[middle] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap();
        for bad in [truncated, tampered.as_str(), "", "2.", "2.!!!", "garbage", "1.abc"] {
            assert_eq!(decode_share(bad), Err(ShareError::Damaged), "{bad}");
        }
        assert_eq!(decode_share("9.abc"), Err(ShareError::Newer));
    }
}
