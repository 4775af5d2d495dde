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
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?)
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
}

enum Point {
    Month(YearMonth),
    Day(NaiveDate),
    Time(DateTime<FixedOffset>),
}

fn parse_point(text: &str) -> Result<Point, WhenError> {
    let text = text.trim();
    let looks_like_date =
        |s: &str| s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' && s.bytes().filter(u8::is_ascii_digit).count() == 8;
    if text.len() == 7 {
        return YearMonth::parse(text).map(Point::Month).ok_or_else(|| WhenError::Unreadable(text.into()));
    }
    if looks_like_date(text) {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d").map(Point::Day).map_err(|_| WhenError::ImpossibleDate(text.into()));
    }
    if text.len() > 10 && looks_like_date(&text[..10]) {
        if NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d").is_err() {
            return Err(WhenError::ImpossibleDate(text.into()));
        }
        return DateTime::parse_from_rfc3339(text).map(Point::Time).map_err(|_| WhenError::Unreadable(text.into()));
    }
    Err(WhenError::Unreadable(text.into()))
}

impl When {
    /// Builds a `When` from the file's `start` and optional `end` strings.
    pub fn parse(start: &str, end: Option<&str>) -> Result<Self, WhenError> {
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
    }

    #[test]
    fn month_only_event_is_past_only_after_its_month() {
        let june = When::parse("2012-06", None).unwrap();
        assert!(!june.is_past(NaiveDate::from_ymd_opt(2012, 6, 30).unwrap()));
        assert!(june.is_past(NaiveDate::from_ymd_opt(2012, 7, 1).unwrap()));
    }
}
