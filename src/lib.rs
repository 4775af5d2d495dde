//! programme-browser: browse a training and event programme, filter it, keep shortlists.
//! See README.md for the codemap and invariants.

pub mod domain;

// The organiser's page (its own web app; its strings also natively, for their tests).
pub mod organiser;

// Organisers' files from disk, for the native commands (std only; unused in the web apps).
pub mod organiser_files;

// The spreadsheet template as a workbook, for the native command that writes it.
#[cfg(not(target_arch = "wasm32"))]
pub mod template_workbook;

// The web app. Natively it compiles only with the `prerender` feature, which renders the
// first screen from these same components (`src/bin/prerender.rs`).
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod browser;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
mod components;
#[cfg(feature = "prerender")]
pub mod prerender;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod state;
