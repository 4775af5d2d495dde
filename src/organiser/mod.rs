//! The organiser's page (`dist/organiser/`): a second small web app, built apart from the
//! delegates' one (organiser/index.html, organiser/Trunk.toml, `src/bin/organiser.rs`) so that
//! delegates never download it. An organiser picks or drops a programme file, a pretalx/frab
//! schedule.json or spreadsheet sheets (CSV); the page converts and checks them with the same
//! code as the `programme-import` command (`domain::import`), lists every problem with its
//! place, shows the first screen as delegates will see it (the app's own `FirstScreen`,
//! detached from storage) and offers the checked `programme.json`. Nothing leaves the computer.

pub mod strings;

#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod report;

#[cfg(target_arch = "wasm32")]
pub use page::OrganiserPage;
