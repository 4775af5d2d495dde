//! programme-browser: browse a training and event programme, filter it, keep shortlists.
//! See README.md for the codemap and invariants.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
pub mod state;
