//! Languages and text: the six UN languages, the one message table (English compiled in), the
//! other languages' files, and everything that makes text for a reader.
//!
//! Text is made from a `Locale` passed in (the language and its translations), never from a
//! registry: the core stays free of hidden state, and a page can render any language at once.
//! Layers inside: `lang` and `plural` (rules of a language) ← `messages` (the table) ←
//! `catalog` (a language file) ← `locale` ← `format` (text).

mod catalog;
mod format;
mod lang;
mod locale;
mod messages;
pub mod plural;

pub use catalog::{parse_catalog, Catalog};
pub(crate) use format::fill;
pub use format::{format_count, format_day, format_megabytes, format_month, format_when, tr, tr_count, tr_count_with, tr_with};
pub use lang::Lang;
pub use locale::Locale;
pub use messages::{Count, Msg};
