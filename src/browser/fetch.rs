//! Fetches the programme file and the reader's language file, and hands their text to the
//! domain parsers. The programme's body is read in chunks, within the limits of
//! `domain::download` (size, stall, trickle), with progress for large files.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use chrono::NaiveDate;
use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult};

use super::BrowserError;
use crate::domain::download::{judge, shows_progress, Verdict, STALL_MS};
use crate::domain::i18n::{parse_catalog, Catalog, Lang};
use crate::domain::programme::{programme_text, LoadError, Parsed, Problem, Programme, Reading, Step, MAX_PROGRAMME_BYTES};
use crate::domain::source::ProgrammeSource;

/// Set by the service worker (public/sw.js) on a response it served from the device's saved
/// copy because the network failed: when that copy was saved, in ms since 1970. Read only for
/// the app's own files: another site could send it to pass off its file as a saved copy.
const OFFLINE_COPY_HEADER: &str = "x-offline-copy-saved-at";

pub struct Fetched {
    pub programme: Programme,
    pub problems: Vec<Problem>,
    /// The day the copy was saved (reader's time zone), when this is the offline copy.
    pub offline_copy_of: Option<NaiveDate>,
    /// The browser said it was offline (airplane mode, or its offline switch): whatever
    /// answered, it was not the network, though it may not say when it was saved.
    pub offline: bool,
    /// Hex SHA-256 of the file's bytes, when asked for and the browser can tell (its digest
    /// works on secure pages only): whether this is the programme the static pages show.
    pub sha256: Option<String>,
}

/// How far a large programme file has come.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    /// Bytes received so far, and the size the server announced.
    Downloaded { bytes: u64, total: Option<u64> },
    /// Events read and checked so far, of the file's events.
    Read { events: usize, total: usize },
}

/// How long reading may hold the page before it lets the browser paint and answer taps: a
/// phone is about four times slower than a laptop, and a task of 50 ms there holds up a tap.
const READ_SLICE_MS: f64 = 10.0;
/// Events read between two looks at the clock.
const EVENTS_PER_LOOK: usize = 100;

/// Loads and validates the programme at `source`. `on_progress` hears about large files.
/// With `digest`, the file's SHA-256 is worked out by the browser beside the reading.
pub async fn fetch_programme(source: &ProgrammeSource, digest: bool, on_progress: impl Fn(Progress)) -> Result<Fetched, LoadError> {
    let url = source.href.as_str();
    let network = |message: String| LoadError::Network { url: url.to_owned(), message };
    let stalled = || LoadError::Stalled { url: url.to_owned(), seconds: STALL_MS / 1000 };
    let controller = AbortController::new().map_err(|err| network(format!("{err:?}")))?;
    let started = js_sys::Date::now();
    let request = Request::get(url).abort_signal(Some(&controller.signal())).send();
    let (sent, timed_out) = within(&controller, request).await;
    let response = sent.map_err(|err| {
        if timed_out {
            return stalled();
        }
        // The browser says only "Failed to fetch"; for another site, the usual cause is that it
        // does not allow cross-origin requests, which organisers can fix.
        let hint = if source.other_host.is_some() { " (a file on another site can only be read if that site allows it: CORS)" } else { "" };
        network(format!("{err}{hint}"))
    })?;
    super::page::mark("pb-response");
    // gloo-net resolves Ok for 404 and 500: the status must be checked here.
    if !response.ok() {
        return Err(LoadError::Http { url: url.to_owned(), status: response.status() });
    }
    let offline_copy_of = source
        .other_host
        .is_none()
        .then(|| response.headers().get(OFFLINE_COPY_HEADER))
        .flatten()
        .and_then(|ms| ms.parse::<i64>().ok())
        .map(super::clock::local_date);
    let announced = response.headers().get("content-length").and_then(|size| size.parse::<u64>().ok());
    if judge(0, announced, 0.0) == Verdict::TooLarge {
        controller.abort();
        return Err(LoadError::TooLarge { bytes: announced.unwrap_or(MAX_PROGRAMME_BYTES), complete: true });
    }
    let Some(body) = response.body() else { return Err(LoadError::Empty) };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::with_capacity(announced.unwrap_or(0).min(MAX_PROGRAMME_BYTES) as usize);
    loop {
        let (read, timed_out) = within(&controller, JsFuture::from(reader.read())).await;
        let chunk: ReadableStreamReadResult = match read {
            Ok(chunk) => chunk.unchecked_into(),
            Err(_) if timed_out => return Err(stalled()),
            Err(err) => return Err(network(err.as_string().unwrap_or_else(|| format!("{err:?}")))),
        };
        if chunk.get_done().unwrap_or(true) {
            break;
        }
        // Copied out whole, then appended: growing `bytes` with zeros first and copying over
        // them wrote every byte twice, the zeros one at a time (~11 ms of a 5 MB file in V8's
        // baseline tier). A fetch body's chunks are `Uint8Array`s: taken as they
        // are, since `new Uint8Array(chunk)` would copy each one once more in JavaScript.
        let value = chunk.get_value();
        let chunk = value.dyn_into::<js_sys::Uint8Array>().unwrap_or_else(|value| js_sys::Uint8Array::new(&value));
        bytes.extend_from_slice(&chunk.to_vec());
        let received = bytes.len() as u64;
        let elapsed = js_sys::Date::now() - started;
        match judge(received, announced, elapsed) {
            Verdict::Continue => {}
            Verdict::TooLarge => {
                controller.abort();
                return Err(LoadError::TooLarge { bytes: received, complete: false });
            }
            Verdict::TooSlow => {
                controller.abort();
                return Err(LoadError::TooSlow { url: url.to_owned(), received, seconds: (elapsed / 1000.0) as u32 });
            }
        }
        if shows_progress(received, announced) {
            // A compressed answer announces its compressed size: then the total is unknown.
            on_progress(Progress::Downloaded { bytes: received, total: announced.filter(|&size| size >= received) });
        }
    }
    super::page::mark("pb-downloaded");
    let large = shows_progress(bytes.len() as u64, None);
    // The browser copies the bytes when asked and works in the background meanwhile.
    let sha256 = if digest { sha256_of(&mut bytes) } else { None };
    let text = programme_text(bytes)?;
    // Receiving the body and parsing it are separate tasks (see `page::next_task`).
    super::page::next_task().await;
    let (programme, problems) = read_in_slices(&text, |events, total| {
        if large {
            on_progress(Progress::Read { events, total });
        }
    })
    .await?;
    super::page::mark("pb-read");
    let offline = super::window().is_some_and(|window| !window.navigator().on_line());
    let sha256 = match sha256 {
        Some(digest) => digest.await.ok().map(|buffer| hex(&js_sys::Uint8Array::new(&buffer).to_vec())),
        None => None,
    };
    Ok(Fetched { programme, problems, offline_copy_of, offline, sha256 })
}

/// The browser's SHA-256 of `bytes`, on its way: `None` where it has none (plain-http pages).
fn sha256_of(bytes: &mut [u8]) -> Option<JsFuture> {
    let subtle = super::window()?.crypto().ok()?.subtle();
    subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok().map(JsFuture::from)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Reads a programme a slice at a time: the frame, then events for up to `READ_SLICE_MS`
/// before each pause, so that a 100,000-event file never holds the page for long.
async fn read_in_slices(text: &str, on_read: impl Fn(usize, usize)) -> Parsed {
    let mut reading = Reading::new(text);
    let mut slice_started = js_sys::Date::now();
    loop {
        match reading.step(EVENTS_PER_LOOK) {
            Step::Finished(parsed) => return parsed,
            Step::Events { read, total } => {
                if js_sys::Date::now() - slice_started >= READ_SLICE_MS {
                    on_read(read, total);
                    super::page::next_task().await;
                    slice_started = js_sys::Date::now();
                }
            }
        }
    }
}

/// Awaits `future`, aborting the download if it takes longer than `STALL_MS`; says whether
/// that happened.
async fn within<T>(controller: &AbortController, future: impl Future<Output = T>) -> (T, bool) {
    let fired = Rc::new(Cell::new(false));
    let timer = {
        let (fired, controller) = (fired.clone(), controller.clone());
        set_timeout_with_handle(
            move || {
                fired.set(true);
                controller.abort();
            },
            Duration::from_millis(u64::from(STALL_MS)),
        )
    };
    let outcome = future.await;
    if let Ok(timer) = timer {
        timer.clear();
    }
    (outcome, fired.get())
}

/// Loads the language file published beside the app (`i18n/<tag>.json`). A failure goes to
/// the console: the reader simply gets English.
pub async fn fetch_catalog(lang: Lang) -> Result<Catalog, BrowserError> {
    let url = format!("{}i18n/{}.json", super::url::app_root(), lang.tag());
    let unreachable = |err: gloo_net::Error| BrowserError::Unreachable { url: url.clone(), detail: err.to_string() };
    let response = Request::get(&url).send().await.map_err(unreachable)?;
    if !response.ok() {
        return Err(BrowserError::Http { url, status: response.status() });
    }
    let text = response.text().await.map_err(unreachable)?;
    parse_catalog(&text).map_err(|detail| BrowserError::Unusable { url, detail })
}
