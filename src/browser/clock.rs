//! Today's date in the reader's time zone: the one place the app reads the clock.

use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Now, in UTC (the `DTSTAMP` of calendar files).
pub fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(now_ms()).unwrap_or_default()
}

/// Milliseconds since the epoch, for dating shortlist changes.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The reader's local date of an instant given in ms since 1970.
pub fn local_date(ms: i64) -> NaiveDate {
    let date = js_sys::Date::new(&(ms as f64).into());
    NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date()).unwrap_or_else(today)
}
