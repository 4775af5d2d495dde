//! The pure core: programme format, filtering, URL state and shortlist storage format.
//!
//! Invariant: no web APIs here (no leptos, web_sys, js_sys, gloo, wasm_bindgen). Everything
//! compiles and is tested natively; time and randomness come in as parameters.

pub mod address;
pub mod calendar;
pub mod clash;
pub mod download;
pub mod filter;
pub mod fold;
pub mod follow;
pub mod i18n;
pub mod import;
pub mod linked_data;
pub mod now;
pub mod programme;
pub mod qr;
pub mod query;
pub mod safekeeping;
pub mod seen;
pub mod share;
pub mod shortlist;
pub mod source;
pub mod stored;
pub mod synthetic;
pub mod text;
pub mod timetable;
pub mod when;
