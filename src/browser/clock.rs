//! Today's date in the reader's time zone: the one place the app reads the clock.

use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Milliseconds since the epoch, for dating shortlist changes.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}
