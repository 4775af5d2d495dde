//! Today's date in the reader's time zone: the one place the app reads the clock.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The reader's UTC offset (seconds east) at an instant, from the browser's own time-zone
/// rules (DST-correct; no time-zone database in the wasm). `None` natively.
pub fn reader_offset_at(utc_ms: i64) -> Option<i32> {
    super::window()?;
    let minutes_behind = js_sys::Date::new(&(utc_ms as f64).into()).get_timezone_offset();
    Some(-(minutes_behind * 60.0) as i32)
}

/// The reader's IANA time zone ("Asia/Tokyo"), from `Intl`; `None` natively or if unknown.
/// Asked of `Intl` once per page: every timed card shows it, and a formatter is costly to make.
pub fn reader_time_zone() -> Option<String> {
    thread_local! {
        static ZONE: std::cell::OnceCell<Option<String>> = const { std::cell::OnceCell::new() };
    }
    super::window()?;
    ZONE.with(|zone| {
        zone.get_or_init(|| {
            let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).resolved_options();
            js_sys::Reflect::get(&options, &"timeZone".into()).ok()?.as_string()
        })
        .clone()
    })
}

/// Now, in UTC (the `DTSTAMP` of calendar files).
pub fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(now_ms()).unwrap_or_default()
}

/// Milliseconds since the epoch, for dating shortlist changes. Natively (the prerender: a
/// static event's calendar file) the machine's clock.
pub fn now_ms() -> i64 {
    if super::window().is_none() {
        return chrono::Utc::now().timestamp_millis();
    }
    js_sys::Date::now() as i64
}

/// The reader's local date of an instant given in ms since 1970.
pub fn local_date(ms: i64) -> NaiveDate {
    let date = js_sys::Date::new(&(ms as f64).into());
    NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date()).unwrap_or_else(today)
}

/// The reader's UTC offset (seconds east) at a local date and time of their own zone: what
/// an appointment typed on this device means when the programme gives no venue time.
/// `None` natively.
pub fn reader_offset_for_local(local: chrono::NaiveDateTime) -> Option<i32> {
    use chrono::{Datelike, Timelike};
    super::window()?;
    let date = js_sys::Date::new_with_year_month_day_hr_min(
        local.year() as u32,
        local.month0() as i32,
        local.day() as i32,
        local.hour() as i32,
        local.minute() as i32,
    );
    Some(-(date.get_timezone_offset() * 60.0) as i32)
}

/// An id no other device or tab will make (the time and a random part), for a reader's own
/// appointment.
pub fn unique_id() -> String {
    let random = if super::window().is_some() { (js_sys::Math::random() * 4_294_967_296.0) as u64 } else { 0 };
    format!("{:x}-{random:08x}", now_ms())
}

/// The UTC offset of a local date and time in an IANA zone (`America/New_York`), from the
/// browser's own time-zone rules (`Intl`): how a workbook's date-and-time cell at the venue
/// is placed in the organiser's page. `None` natively, or for a zone the browser does not know.
pub fn zone_offset_for_local(zone: &str, local: chrono::NaiveDateTime) -> Option<chrono::FixedOffset> {
    super::window()?;
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
    js_sys::Reflect::set(&options, &"timeZoneName".into(), &"longOffset".into()).ok()?;
    // Constructed through `Reflect` so that an unknown zone's RangeError is a `None`, not a trap.
    let format = js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&"en-US".into(), &options)).ok()?;
    let format_to_parts: js_sys::Function = js_sys::Reflect::get(&format, &"formatToParts".into()).ok()?.dyn_into().ok()?;
    // The zone's offset at an instant ("GMT-04:00", "GMT" for UTC), in seconds east.
    let offset_at = |utc_ms: f64| -> Option<i32> {
        let parts: js_sys::Array = format_to_parts.call1(&format, &js_sys::Date::new(&utc_ms.into())).ok()?.dyn_into().ok()?;
        let name = parts.iter().find(|part| {
            js_sys::Reflect::get(part, &"type".into()).ok().and_then(|kind| kind.as_string()).as_deref() == Some("timeZoneName")
        })?;
        parse_gmt_offset(&js_sys::Reflect::get(&name, &"value".into()).ok()?.as_string()?)
    };
    // The local time read as if it were UTC, moved by the offset there, then the offset at
    // that instant (right across a clock change but for the hour that does not exist).
    let as_if_utc = local.and_utc().timestamp_millis() as f64;
    let first = offset_at(as_if_utc)?;
    let offset = offset_at(as_if_utc - f64::from(first) * 1000.0)?;
    chrono::FixedOffset::east_opt(offset)
}

/// "GMT-04:00", "GMT+05:30" or "GMT" as seconds east of UTC.
fn parse_gmt_offset(text: &str) -> Option<i32> {
    let rest = text.strip_prefix("GMT")?;
    if rest.is_empty() {
        return Some(0);
    }
    let (sign, rest) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' | 0xE2 => (-1, rest.trim_start_matches(['-', '\u{2212}'])),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    Some(sign * (hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60))
}
