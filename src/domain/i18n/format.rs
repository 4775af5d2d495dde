//! Text made for a reader: messages in their language (with plural forms and placeholders),
//! counts, months, days and times, each at the precision it has.

use chrono::{Datelike, Timelike};

use super::messages::{en, en_count};
use super::plural::category;
use super::{Count, Lang, Locale, Msg};
use crate::domain::when::{When, YearMonth};

/// `n` with its thousands grouped the way `lang` writes them (CLDR): "30,000" in English and
/// Chinese, "30 000" in French and Russian (no-break spaces), "30.000" in Spanish, which leaves
/// four digits ungrouped ("1000"). Arabic keeps the digits the rest of the app shows, with
/// commas. Big programmes have counts in the tens of thousands.
pub fn format_count(locale: Locale, n: usize) -> String {
    let digits = n.to_string();
    let (separator, min_digits) = match locale.lang() {
        Lang::En | Lang::Zh | Lang::Ar => (",", 4),
        Lang::Fr => ("\u{202f}", 4),
        Lang::Ru => ("\u{a0}", 4),
        Lang::Es => (".", 5),
    };
    if digits.len() < min_digits {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// A size in megabytes with one decimal, rounded, written as `locale` writes decimals ("2.3",
/// "2,3" in French). Integer arithmetic: formatting a float would add ~20 KB of formatting
/// code to the wasm.
pub fn format_megabytes(locale: Locale, bytes: u64) -> String {
    let tenths = (bytes.saturating_mul(10) + 512 * 1024) / (1024 * 1024);
    let point = match locale.lang() {
        Lang::En | Lang::Zh | Lang::Ar => '.',
        Lang::Fr | Lang::Ru | Lang::Es => ',',
    };
    format!("{}{point}{}", format_count(locale, (tenths / 10) as usize), tenths % 10)
}

/// The string for `msg` in `locale`, falling back to English when the locale has no
/// translations or lacks the message.
pub fn tr(locale: Locale, msg: Msg) -> &'static str {
    locale.catalog().and_then(|catalog| catalog.messages[msg as usize]).unwrap_or_else(|| en(msg))
}

/// `tr` with `{name}` placeholders filled.
pub fn tr_with(locale: Locale, msg: Msg, args: &[(&str, &str)]) -> String {
    fill(tr(locale, msg), args)
}

/// A count sentence in the form the language uses for `n` (CLDR plural categories), `{n}`
/// filled; English's when the language's file lacks it.
pub fn tr_count(locale: Locale, n: usize, count: Count) -> String {
    tr_count_with(locale, n, count, &[])
}

/// `tr_count` with more placeholders filled.
pub fn tr_count_with(locale: Locale, n: usize, count: Count, args: &[(&str, &str)]) -> String {
    let plural = category(locale.lang(), n);
    let text = locale
        .catalog()
        .and_then(|catalog| catalog.counts[count as usize][plural as usize])
        .unwrap_or_else(|| en_count(count, category(Lang::En, n)));
    let n = format_count(locale, n);
    fill(text, &[&[("n", n.as_str())], args].concat())
}

const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn month_index(month: u32) -> usize {
    (month.clamp(1, 12) - 1) as usize
}

/// "June 2012": month headings and month facet options.
pub fn format_month(locale: Locale, month: YearMonth) -> String {
    match locale.catalog() {
        Some(catalog) => {
            fill(catalog.month_pattern, &[("month", catalog.months[month_index(month.month)]), ("y", &month.year.to_string())])
        }
        None => format!("{} {}", MONTHS_EN[month_index(month.month)], month.year),
    }
}

/// "27 November 2026".
pub fn format_day(locale: Locale, day: chrono::NaiveDate) -> String {
    match locale.catalog() {
        Some(catalog) => fill(
            catalog.date_pattern,
            &[("d", &day.day().to_string()), ("month", catalog.months_in_date[month_index(day.month())]), ("y", &day.year().to_string())],
        ),
        None => format!("{} {} {}", day.day(), MONTHS_EN[month_index(day.month())], day.year()),
    }
}

/// Whether "5–7 June 2012" may be written for a range within one month: only where a date
/// starts with its day.
fn day_comes_first(locale: Locale) -> bool {
    locale.catalog().is_none_or(|catalog| catalog.date_pattern.starts_with("{d}"))
}

pub(crate) fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(pattern.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// A `When` at exactly its precision: never a day for a month-only event.
pub fn format_when(locale: Locale, when: &When) -> String {
    let day = |d: chrono::NaiveDate| format_day(locale, d);
    match when {
        When::Months { start, end } if start == end => format_month(locale, *start),
        When::Months { start, end } => format!("{} – {}", format_month(locale, *start), format_month(locale, *end)),
        When::Days { start, end } if start == end => day(*start),
        When::Days { start, end } if start.year() == end.year() && start.month() == end.month() && day_comes_first(locale) => {
            format!("{}–{}", start.day(), day(*end))
        }
        When::Days { start, end } if start.year() == end.year() && locale.lang() == Lang::En => {
            format!("{} {} – {}", start.day(), MONTHS_EN[month_index(start.month())], day(*end))
        }
        When::Days { start, end } => format!("{} – {}", day(*start), day(*end)),
        When::Times { start, end } => {
            let time = |t: &chrono::DateTime<chrono::FixedOffset>| format!("{:02}:{:02}", t.hour(), t.minute());
            let offset = format_offset(start.offset().local_minus_utc());
            match end {
                Some(end) if end.date_naive() == start.date_naive() => {
                    format!("{}, {}–{} ({offset})", day(start.date_naive()), time(start), time(end))
                }
                Some(end) => format!("{}, {} – {}, {} ({offset})", day(start.date_naive()), time(start), day(end.date_naive()), time(end)),
                None => format!("{}, {} ({offset})", day(start.date_naive()), time(start)),
            }
        }
    }
}

fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '−' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(start: &str, end: Option<&str>) -> String {
        format_when(Locale::ENGLISH, &When::parse(start, end).unwrap())
    }

    #[test]
    fn dates_show_only_the_precision_they_have() {
        assert_eq!(when("2012-06", None), "June 2012");
        assert_eq!(when("2012-11", Some("2013-01")), "November 2012 – January 2013");
        assert_eq!(when("2012-06-05", None), "5 June 2012");
        assert_eq!(when("2012-06-05", Some("2012-06-07")), "5–7 June 2012");
        assert_eq!(when("2012-05-30", Some("2012-06-02")), "30 May – 2 June 2012");
        assert_eq!(when("2012-12-30", Some("2013-01-02")), "30 December 2012 – 2 January 2013");
        assert_eq!(when("2012-06-05T10:00:00-04:00", Some("2012-06-05T12:30:00-04:00")), "5 June 2012, 10:00–12:30 (UTC−04:00)");
    }

    #[test]
    fn big_counts_are_grouped_as_each_language_writes_them() {
        let cases = [
            (Lang::En, 30_000, "30,000"),
            (Lang::En, 999, "999"),
            (Lang::En, 1_000, "1,000"),
            (Lang::Zh, 1_234_567, "1,234,567"),
            (Lang::Fr, 30_000, "30\u{202f}000"),
            (Lang::Ru, 1_000, "1\u{a0}000"),
            (Lang::Es, 1_000, "1000"),
            (Lang::Es, 30_000, "30.000"),
            (Lang::Ar, 100_000, "100,000"),
            (Lang::En, 0, "0"),
        ];
        for (lang, n, expected) in cases {
            assert_eq!(format_count(Locale::without_translations(lang), n), expected, "{lang:?} {n}");
        }
        assert_eq!(tr_count(Locale::ENGLISH, 30_000, Count::ResultCount), "30,000 events");
    }

    #[test]
    fn sizes_are_in_megabytes_with_the_languages_decimal_sign() {
        assert_eq!(format_megabytes(Locale::ENGLISH, 2_411_724), "2.3");
        assert_eq!(format_megabytes(Locale::ENGLISH, 64 * 1024 * 1024), "64.0");
        assert_eq!(format_megabytes(Locale::ENGLISH, 0), "0.0");
        assert_eq!(format_megabytes(Locale::ENGLISH, 1024 * 1024 - 1), "1.0");
        assert_eq!(format_megabytes(Locale::without_translations(Lang::Fr), 2_411_724), "2,3");
    }

    #[test]
    fn counts_use_the_plural_rule() {
        assert_eq!(tr_count(Locale::ENGLISH, 1, Count::ResultCount), "1 event");
        assert_eq!(tr_count(Locale::ENGLISH, 0, Count::ResultCount), "0 events");
        assert_eq!(
            tr_count_with(Locale::ENGLISH, 2, Count::SharedPreview, &[("name", "Mine")]),
            "A shared list “Mine” with 2 events was opened."
        );
        assert_eq!(tr_with(Locale::ENGLISH, Msg::RemoveFilter, &[("name", "Theme: Youth")]), "Remove filter Theme: Youth");
    }
}
