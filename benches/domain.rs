//! `cargo bench --bench domain`: native figures for the pure core, printed, never asserted.
//! Parse + validate of synthetic programmes (10,000 and 100,000 events, and 10,000 with hostile
//! `when` spans), and filtering with
//! facet counts over 10,000 events. Each figure is the median of several runs. Issue #12's
//! targets are printed beside the figures they concern; nothing here passes or fails.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use programme_browser::domain::filter::{apply, apply_after, Filter, FilterResult, PastEvents};
use programme_browser::domain::now::now_and_next;
use programme_browser::domain::programme::parse_programme;
use programme_browser::domain::synthetic::{programme_text, synthetic_programme};
use programme_browser::domain::timetable::{days_with_times, lay_out_day};
use programme_browser::domain::when::YearMonth;

/// Counts the bytes in use, and the most ever in use since the last `reset_peak`.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most memory `work` had in use at once, beyond what was in use before it.
fn peak_during<T>(work: impl FnOnce() -> T) -> (usize, T) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = work();
    (PEAK.load(Ordering::Relaxed) - before, result)
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let result = black_box(f());
                let took = start.elapsed();
                // Dropping the result is not part of the work measured.
                drop(result);
                took
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    println!("programme-browser domain benchmarks (median of runs; release build, this machine)");
    for (events, runs, target) in [(10_000, 9, "30 ms"), (100_000, 3, "300 ms")] {
        let text = serde_json::to_string(&synthetic_programme(events, 1)).expect("generate");
        let took = time(runs, || parse_programme(&text).expect("parses"));
        println!("parse + validate {events:>7} events ({:>6.1} MB): {} (target <= {target})", text.len() as f64 / 1e6, ms(took));
        // The file's text is the caller's; the peak is what reading it adds, the programme kept.
        let before_read = IN_USE.load(Ordering::Relaxed);
        let allocations_before = ALLOCATIONS.load(Ordering::Relaxed);
        let (peak, programme) = peak_during(|| parse_programme(&text).expect("parses"));
        let allocations = ALLOCATIONS.load(Ordering::Relaxed) - allocations_before;
        let kept = IN_USE.load(Ordering::Relaxed) - before_read;
        let ratio = peak as f64 / text.len() as f64;
        println!(
            "peak memory while reading {events:>7} events: {:.1} MB, {ratio:.2}x the file (target <= 3x); the programme kept: {:.1} MB; {:.1} allocations an event",
            peak as f64 / 1e6,
            kept as f64 / 1e6,
            allocations as f64 / events as f64
        );
        drop(programme);
    }

    // Hostile values must not make more work than a normal file of the same size (#10): every
    // event of the 10,000 claims to span ten thousand years.
    let mut hostile = synthetic_programme(10_000, 1);
    for event in &mut hostile.events {
        event.when.start = "0000-01".into();
        event.when.end = Some("9999-12".into());
    }
    let hostile = serde_json::to_string(&hostile).expect("generate");
    let took = time(9, || parse_programme(&hostile).expect("parses"));
    println!("parse + validate   10000 events spanning 0000-01..9999-12 ({:>4.1} MB): {}", hostile.len() as f64 / 1e6, ms(took));

    // An organiser's mistakes in a big file: one event in a thousand has a number for a title.
    // Only those events are read again as JSON values, not the whole file.
    let mut faulty = synthetic_programme(100_000, 1);
    for event in faulty.events.iter_mut().step_by(1000) {
        event.title = programme_browser::domain::text::RawText::Plain("7".into());
    }
    let faulty = serde_json::to_string(&faulty).expect("generate").replace("\"title\":\"7\"", "\"title\":7");
    let took = time(3, || parse_programme(&faulty).expect("parses"));
    let problems = parse_programme(&faulty).expect("parses").1.len();
    println!("parse + validate  100000 events, {problems} of them with a mistake: {}", ms(took));

    let text = serde_json::to_string(&synthetic_programme(10_000, 1)).expect("generate");
    let (programme, _) = parse_programme(&text).expect("parses");
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    let mut one_theme = Filter::default();
    one_theme.themes.insert("theme-3".into());
    let mut combined = one_theme.clone();
    combined.themes.insert("theme-7".into());
    combined.months.extend([YearMonth::new(2026, 3), YearMonth::new(2026, 4)].into_iter().flatten());
    combined.partners.insert("partner-5".into());
    let mut search = Filter { text: "workshop migration".into(), ..Filter::default() };
    search.past = PastEvents::Hidden;
    for (name, filter) in
        [("no filter", Filter::default()), ("one theme", one_theme), ("theme+month+partner", combined), ("search + hide past", search)]
    {
        let took = time(101, || apply(&programme, &filter, today));
        let matching = apply(&programme, &filter, today).matching.len();
        println!("filter + facet counts, 10000 events, {name:<20} -> {matching:>5} events: {}", ms(took));
    }
    // What counting the languages costs a filter change: the same programme without them.
    let mut monolingual = programme.clone();
    for event in &mut monolingual.events {
        event.languages.clear();
        event.interpretation.clear();
    }
    // Its derived lookups (the languages among them) are built again.
    monolingual.index_ids();
    let with = time(101, || apply(&programme, &Filter::default(), today));
    let without = time(101, || apply(&monolingual, &Filter::default(), today));
    println!("filter + facet counts, 10000 events, languages counted / not: {} / {}", ms(with), ms(without));
    // Typing "workshop" a letter at a time: each search afresh, or built on the one before.
    let word = "workshop";
    let typed = |built_on: bool| {
        let mut before: Option<FilterResult> = None;
        for end in 1..=word.len() {
            let filter = Filter { text: word[..end].into(), ..Filter::default() };
            let result = apply_after(&programme, &filter, today, before.as_ref().filter(|_| built_on));
            before = Some(result);
        }
    };
    let afresh = time(21, || typed(false));
    let built_on = time(21, || typed(true));
    println!(
        "typing \"{word}\" letter by letter, 10000 events: {} afresh, {} each search built on the one before",
        ms(afresh),
        ms(built_on)
    );

    // On the day: what the views compute each minute or for each day shown.
    let all = 0..programme.events.len();
    let noon = chrono::DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z").expect("instant").timestamp_millis();
    let took = time(101, || now_and_next(&programme.events, all.clone(), noon, today));
    println!("now and next, 10000 events: {}", ms(took));
    let days = days_with_times(&programme.events, all.clone());
    let busiest = days
        .iter()
        .copied()
        .max_by_key(|day| lay_out_day(&programme.events, all.clone(), *day, |_| String::new()).placed.len())
        .expect("timed days");
    let room = |event: &programme_browser::domain::programme::Event| event.place("").unwrap_or_default();
    let placed = lay_out_day(&programme.events, all.clone(), busiest, room).placed.len();
    let took = time(101, || lay_out_day(&programme.events, all.clone(), busiest, room));
    println!("a day's timetable, 10000 events, the busiest of {} days ({placed} timed events): {}", days.len(), ms(took));
    // A congress: 10,000 half-hour sessions on one day, 25 in each of 400 rooms.
    let sessions: Vec<(String, String, String, String)> = (0..10_000)
        .map(|i| {
            let (room, slot) = (i % 400, i / 400);
            let at = |minute: usize| format!("2026-03-11T{:02}:{:02}:00+01:00", minute / 60, minute % 60);
            (format!("s{i}"), at(8 * 60 + slot * 30), at(8 * 60 + slot * 30 + 30), format!("Room {room}"))
        })
        .collect();
    let sessions: Vec<_> =
        sessions.iter().map(|(id, from, until, room)| (id.as_str(), from.as_str(), Some(until.as_str()), Some(room.as_str()))).collect();
    let congress = programme_text("Europe/Zurich", &sessions);
    let (congress, _) = parse_programme(&congress).expect("parses");
    let day = NaiveDate::from_ymd_opt(2026, 3, 11).expect("date");
    let took = time(21, || lay_out_day(&congress.events, 0..congress.events.len(), day, room));
    let columns = lay_out_day(&congress.events, 0..congress.events.len(), day, room).columns();
    println!("a day's timetable, 10000 sessions on one day in 400 rooms ({columns} columns): {}", ms(took));
}
