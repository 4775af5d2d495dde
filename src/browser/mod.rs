//! Thin adapters over browser APIs. Each turns a web API into domain values and domain
//! errors; no rules live here. Only `domain` is imported from this crate.

pub mod clock;
pub mod fetch;
pub mod files;
pub mod storage;
pub mod url;
