//! When an event happens, at exactly the precision the programme file gives.
//!
//! Owns parsing of the `when` object (`start`/`end`, schema.org style ISO 8601 at month, day or
//! date-time precision), the month(s) an event falls in, and chronological ordering. It never
//! invents a day for a month-only event, and never reads the clock: "today" is a parameter.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

/// A calendar month (in the venue's local calendar), the unit of the month facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1..=12
    pub month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month })
    }

    pub fn of(date: NaiveDate) -> Self {
        Self { year: date.year(), month: date.month() }
    }

    /// Parses `YYYY-MM`, the form used in files and in URLs.
    pub fn parse(text: &str) -> Option<Self> {
        // `get`, not indexing: a byte offset may fall inside a multi-byte character.
        if text.len() != 7 || text.get(4..5) != Some("-") {
            return None;
        }
        Self::new(digits(text, 0, 4)? as i32, digits(text, 5, 7)?)
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Self { year: self.year + 1, month: 1 }
        } else {
            Self { year: self.year, month: self.month + 1 }
        }
    }

    pub fn first_day(self) -> NaiveDate {
        // Invariant of the type: month is 1..=12, so day 1 always exists.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// When an event takes place. Each variant is a precision the source may honestly have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// Only the month(s) are known, e.g. "June 2012". `end` is the last month, inclusive.
    Months { start: YearMonth, end: YearMonth },
    /// One day or a range of days, inclusive.
    Days { start: NaiveDate, end: NaiveDate },
    /// Exact times with the venue's UTC offset; `end` may be unknown.
    Times { start: DateTime<FixedOffset>, end: Option<DateTime<FixedOffset>> },
}

impl When {
    /// The same instants at the reader's UTC offsets (seconds east of UTC, at the start and at
    /// the end: they differ across a daylight-saving change), when that differs from the
    /// venue's time. Only timed events have a time to convert.
    pub fn at_offsets(&self, start_offset: i32, end_offset: Option<i32>) -> Option<When> {
        let When::Times { start, end } = self else { return None };
        let shift = |time: &DateTime<FixedOffset>, seconds: i32| Some(time.with_timezone(&FixedOffset::east_opt(seconds)?));
        let start_there = shift(start, start_offset)?;
        let end_there = match end {
            Some(end) => Some(shift(end, end_offset.unwrap_or(start_offset))?),
            None => None,
        };
        let same = start.offset().local_minus_utc() == start_offset
            && end.is_none_or(|end| end.offset().local_minus_utc() == end_offset.unwrap_or(start_offset));
        (!same).then_some(When::Times { start: start_there, end: end_there })
    }

    /// The UTC instants (ms since 1970) of a timed event's start and end.
    pub fn instants_ms(&self) -> Option<(i64, Option<i64>)> {
        let When::Times { start, end } = self else { return None };
        Some((start.timestamp_millis(), end.map(|end| end.timestamp_millis())))
    }
}

/// Why a `when` value was rejected; the caller adds the JSON path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    #[error("`{0}` is not a month (YYYY-MM), a date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDThh:mm:ss+hh:mm)")]
    Unreadable(String),
    #[error("`{0}` is not a real calendar date")]
    ImpossibleDate(String),
    #[error("start and end have different precision (`{start}` and `{end}`)")]
    MixedPrecision { start: String, end: String },
    #[error("end `{end}` is before start `{start}`")]
    EndBeforeStart { start: String, end: String },
    #[error("`{start}` to `{end}` spans {months} months; an event may span at most {MAX_SPAN_MONTHS} (10 years)")]
    TooLong { start: String, end: String, months: i64 },
}

/// The longest span an event may have. Every month an event touches is listed for the month
/// filter, so without a limit a 140 KB file of events from 0000-01 to 9999-12 would need
/// gigabytes; ten years is far beyond any training course or conference.
pub const MAX_SPAN_MONTHS: i64 = 120;

enum Point {
    Month(YearMonth),
    Day(NaiveDate),
    Time(DateTime<FixedOffset>),
}

fn parse_point(text: &str) -> Result<Point, WhenError> {
    let text = text.trim();
    let unreadable = || WhenError::Unreadable(text.into());
    let impossible = || WhenError::ImpossibleDate(text.into());
    match text.len() {
        7 => YearMonth::parse(text).map(Point::Month).ok_or_else(unreadable),
        10 => {
            let (year, month, day) = date_parts(text).ok_or_else(unreadable)?;
            NaiveDate::from_ymd_opt(year, month, day).map(Point::Day).ok_or_else(impossible)
        }
        n if n > 10 => {
            let (date_part, time_part) = (text.get(..10).ok_or_else(unreadable)?, text.get(10..).ok_or_else(unreadable)?);
            let (year, month, day) = date_parts(date_part).ok_or_else(unreadable)?;
            let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(impossible)?;
            parse_time(date, time_part).map(Point::Time).ok_or_else(unreadable)
        }
        _ => Err(unreadable()),
    }
}

/// Digits of `s` between `from` and `to`, as a number; `None` if any is not a digit.
fn digits(s: &str, from: usize, to: usize) -> Option<u32> {
    let part = s.get(from..to)?;
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// "YYYY-MM-DD" into its numbers, without checking that the day exists.
fn date_parts(s: &str) -> Option<(i32, u32, u32)> {
    if s.len() != 10 || s.get(4..5) != Some("-") || s.get(7..8) != Some("-") {
        return None;
    }
    Some((digits(s, 0, 4)? as i32, digits(s, 5, 7)?, digits(s, 8, 10)?))
}

/// "Thh:mm[:ss[.fraction]]" then "Z" or "+hh:mm"/"-hh:mm": the time part of RFC 3339. An
/// offset is required, because a time without one does not say when the event happens.
/// (Hand-written: chrono's format parser would add ~20 KB to the wasm bundle.)
fn parse_time(date: NaiveDate, rest: &str) -> Option<DateTime<FixedOffset>> {
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix('t')).or_else(|| rest.strip_prefix(' '))?;
    let hour = digits(rest, 0, 2)?;
    if rest.get(2..3)? != ":" {
        return None;
    }
    let minute = digits(rest, 3, 5)?;
    let mut at = 5;
    let mut second = 0;
    if rest.get(at..at + 1) == Some(":") {
        second = digits(rest, at + 1, at + 3)?;
        at += 3;
        if rest.get(at..at + 1) == Some(".") {
            at += 1;
            while rest.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
        }
    }
    let zone = rest.get(at..)?;
    let offset_seconds = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            if zone.len() != 6 || zone.get(3..4) != Some(":") {
                return None;
            }
            sign * (digits(zone, 1, 3)? * 3600 + digits(zone, 4, 6)? * 60) as i32
        }
    };
    let offset = FixedOffset::east_opt(offset_seconds)?;
    date.and_hms_opt(hour, minute, second)?.and_local_timezone(offset).single()
}

/// An RFC 3339 timestamp ("2013-02-21T09:00:00-05:00").
pub fn parse_timestamp(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    let (year, month, day) = date_parts(text.get(..10)?)?;
    parse_time(NaiveDate::from_ymd_opt(year, month, day)?, text.get(10..)?)
}

/// A calendar date ("2013-02-21").
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let (year, month, day) = date_parts(text.trim())?;
    NaiveDate::from_ymd_opt(year, month, day)
}

impl When {
    /// Builds a `When` from the file's `start` and optional `end` strings.
    pub fn parse(start: &str, end: Option<&str>) -> Result<Self, WhenError> {
        let when = Self::parse_unbounded(start, end)?;
        let months = when.span_months();
        if months > MAX_SPAN_MONTHS {
            return Err(WhenError::TooLong { start: start.into(), end: end.unwrap_or_default().into(), months });
        }
        Ok(when)
    }

    /// The file's spelling, `start` or `start/end` (`2012-06`, `2012-06-05/2012-06-07`, RFC
    /// 3339): what a reader's browser stores of an event, read back by `from_code`.
    pub fn code(&self) -> String {
        let pair = |start: String, end: String| if start == end { start } else { format!("{start}/{end}") };
        match self {
            When::Months { start, end } => pair(start.to_string(), end.to_string()),
            When::Days { start, end } => pair(start.to_string(), end.to_string()),
            When::Times { start, end } => match end {
                Some(end) => format!("{}/{}", start.to_rfc3339(), end.to_rfc3339()),
                None => start.to_rfc3339(),
            },
        }
    }

    pub fn from_code(code: &str) -> Option<When> {
        let (start, end) = match code.split_once('/') {
            Some((start, end)) => (start, Some(end)),
            None => (code, None),
        };
        When::parse(start, end).ok()
    }

    /// How many calendar months the event touches (1 for a single month or day).
    pub fn span_months(&self) -> i64 {
        let (first, last) = (self.start_month(), YearMonth::of(self.last_day()));
        (i64::from(last.year) * 12 + i64::from(last.month)) - (i64::from(first.year) * 12 + i64::from(first.month)) + 1
    }

    fn parse_unbounded(start: &str, end: Option<&str>) -> Result<Self, WhenError> {
        let start_point = parse_point(start)?;
        let end_point = end.map(parse_point).transpose()?;
        let out_of_order = || WhenError::EndBeforeStart { start: start.into(), end: end.unwrap_or_default().into() };
        let mixed = || WhenError::MixedPrecision { start: start.into(), end: end.unwrap_or_default().into() };
        match (start_point, end_point) {
            (Point::Month(s), None) => Ok(When::Months { start: s, end: s }),
            (Point::Month(s), Some(Point::Month(e))) if e >= s => Ok(When::Months { start: s, end: e }),
            (Point::Day(s), None) => Ok(When::Days { start: s, end: s }),
            (Point::Day(s), Some(Point::Day(e))) if e >= s => Ok(When::Days { start: s, end: e }),
            (Point::Time(s), None) => Ok(When::Times { start: s, end: None }),
            (Point::Time(s), Some(Point::Time(e))) if e >= s => Ok(When::Times { start: s, end: Some(e) }),
            (Point::Month(_), Some(Point::Month(_))) | (Point::Day(_), Some(Point::Day(_))) | (Point::Time(_), Some(Point::Time(_))) => {
                Err(out_of_order())
            }
            _ => Err(mixed()),
        }
    }

    /// First calendar day the event may occupy, in the venue's local calendar.
    pub fn first_day(&self) -> NaiveDate {
        match self {
            When::Months { start, .. } => start.first_day(),
            When::Days { start, .. } => *start,
            When::Times { start, .. } => start.date_naive(),
        }
    }

    /// Last calendar day the event may occupy, in the venue's local calendar.
    pub fn last_day(&self) -> NaiveDate {
        match self {
            When::Months { end, .. } => end.last_day(),
            When::Days { end, .. } => *end,
            When::Times { start, end } => end.unwrap_or(*start).date_naive(),
        }
    }

    /// The month an event is listed under: the month it starts in, locally.
    pub fn start_month(&self) -> YearMonth {
        YearMonth::of(self.first_day())
    }

    /// Every month the event touches; the month facet matches any of them.
    pub fn months(&self) -> Vec<YearMonth> {
        let last = YearMonth::of(self.last_day());
        let mut month = self.start_month();
        let mut months = vec![month];
        while month < last {
            month = month.next();
            months.push(month);
        }
        months
    }

    /// True when the event is entirely over before `today`. A month-only event is past only
    /// once its whole month is over, because we do not know which day it was.
    pub fn is_past(&self, today: NaiveDate) -> bool {
        self.last_day() < today
    }

    /// A key that sorts events chronologically; coarser precision sorts first within a tie
    /// so that "June 2012" heads the June list rather than landing on an invented day.
    pub fn sort_key(&self) -> (NaiveDate, u8, i64) {
        match self {
            When::Months { .. } => (self.first_day(), 0, 0),
            When::Days { .. } => (self.first_day(), 1, 0),
            When::Times { start, .. } => (self.first_day(), 2, start.timestamp()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(start: &str, end: Option<&str>, expect: Result<&str, &str>) {
        let got = When::parse(start, end);
        match (got, expect) {
            (Ok(when), Ok(months)) => {
                let list: Vec<String> = when.months().iter().map(ToString::to_string).collect();
                assert_eq!(list.join(","), months, "{start} {end:?}");
            }
            (Err(err), Err(fragment)) => assert!(err.to_string().contains(fragment), "{err}"),
            (got, expect) => panic!("{start} {end:?}: got {got:?}, expected {expect:?}"),
        }
    }

    #[test]
    fn precisions_and_months() {
        check("2012-06", None, Ok("2012-06"));
        check("2012-11", Some("2013-01"), Ok("2012-11,2012-12,2013-01"));
        check("2012-06-05", None, Ok("2012-06"));
        check("2012-05-30", Some("2012-06-02"), Ok("2012-05,2012-06"));
        // Local calendar: 23:30 in New York on 30 June is still June, though it is July in UTC.
        check("2012-06-30T23:30:00-04:00", None, Ok("2012-06"));
        check("2012-06-05T10:00:00+02:00", Some("2012-06-05T12:00:00+02:00"), Ok("2012-06"));
        check("2012-06-05T10:00Z", Some("2012-06-05T12:00:00.250Z"), Ok("2012-06"));
    }

    #[test]
    fn spans_are_bounded_so_work_follows_the_file_size() {
        // Ten years is the limit: accepted at 120 months, refused with a message beyond.
        assert_eq!(When::parse("2013-01", Some("2022-12")).map(|w| w.months().len()), Ok(120));
        check("2013-01", Some("2023-01"), Err("spans 121 months; an event may span at most 120"));
        check("0000-01", Some("9999-12"), Err("spans 120000 months"));
        check("2013-01-01", Some("2030-01-01"), Err("spans 205 months"));
        check("2013-01-01T09:00:00Z", Some("9999-12-31T09:00:00Z"), Err("an event may span at most 120"));
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        check("2012-02-30", None, Err("not a real calendar date"));
        check("2012-13", None, Err("not a month"));
        check("June 2012", None, Err("not a month"));
        check("2012-06-05T10:00:00", None, Err("not a month")); // no offset: ambiguous
        check("2012-06", Some("2012-06-05"), Err("different precision"));
        check("2012-06-05", Some("2012-06-01"), Err("before start"));
        check("", None, Err("not a month"));
        check("2012-06-05T25:00:00Z", None, Err("not a month"));
        check("2012-06-05T10:00:00+2:00", None, Err("not a month"));
        check("+012-06", None, Err("not a month"));
        // Multi-byte characters where digits are expected are refused, never a panic.
        for text in ["201é06", "2012-06-0é", "2012-06-05T10:00:00+0é00", "2012-06-05T10:00é", "ééééééééééééé", "2012-0६-05"]
        {
            assert!(When::parse(text, None).is_err(), "{text}");
            assert!(parse_timestamp(text).is_none() && parse_date(text).is_none(), "{text}");
        }
    }

    #[test]
    fn month_only_event_is_past_only_after_its_month() {
        let june = When::parse("2012-06", None).unwrap();
        assert!(!june.is_past(NaiveDate::from_ymd_opt(2012, 6, 30).unwrap()));
        assert!(june.is_past(NaiveDate::from_ymd_opt(2012, 7, 1).unwrap()));
    }
}

#[cfg(test)]
mod timestamp_tests {
    use super::*;

    #[test]
    fn timestamps_keep_their_offset() {
        let t = parse_timestamp("2013-02-21T09:00:00-05:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2013-02-21T09:00:00-05:00");
        assert_eq!(parse_timestamp("2013-02-21T09:00:00Z").unwrap().timestamp(), 1361437200);
        assert!(parse_timestamp("2013-02-29T09:00:00Z").is_none());
        assert!(parse_timestamp("2013-02-21").is_none());
        assert_eq!(parse_date("2013-02-21"), NaiveDate::from_ymd_opt(2013, 2, 21));
        assert!(parse_date("2013-2-21").is_none());
    }

    #[test]
    fn a_timed_event_is_shown_at_the_readers_offsets_only_when_they_differ() {
        let when = When::parse("2026-03-07T10:00:00-05:00", Some("2026-03-07T12:00:00-05:00")).unwrap();
        assert_eq!(when.at_offsets(-5 * 3600, Some(-5 * 3600)), None, "the reader is at the venue's time");
        let tokyo = when.at_offsets(9 * 3600, Some(9 * 3600)).unwrap();
        let When::Times { start, end } = tokyo else { panic!("times") };
        assert_eq!(start.to_rfc3339(), "2026-03-08T00:00:00+09:00");
        assert_eq!(end.unwrap().to_rfc3339(), "2026-03-08T02:00:00+09:00");
        // Across a change of the reader's clocks, each end at its own offset.
        let across = When::parse("2026-03-29T00:30:00+00:00", Some("2026-03-29T02:30:00+00:00")).unwrap();
        let When::Times { start, end } = across.at_offsets(3600, Some(7200)).unwrap() else { panic!("times") };
        assert_eq!(
            (start.to_rfc3339(), end.unwrap().to_rfc3339()),
            ("2026-03-29T01:30:00+01:00".into(), "2026-03-29T04:30:00+02:00".into())
        );
        assert_eq!(When::parse("2026-03", None).unwrap().at_offsets(0, None), None);
    }
}
