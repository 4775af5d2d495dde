//! The programme file: its serde mirror (`raw`), the validated model (`model`), the checks
//! between them (`validate`), and the single entry point `parse_programme`.

mod error;
mod extract;
mod fast;
mod locate;
mod model;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod mutations;
mod parse;
pub mod raw;
mod strict;
mod validate;

pub use error::{terminal_safe, LoadError, Problem, MAX_PROGRAMME_BYTES, SUPPORTED_MAJOR};
pub use model::*;
pub(crate) use parse::syntax_error;
pub use parse::{parse_programme, programme_text, Parsed, Reading, Step};
pub use validate::{is_http_url, language_tag, skipped_event_count, valid_id, MAX_PER_ITEM};
