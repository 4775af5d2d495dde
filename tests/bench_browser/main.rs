//! Browser benchmark (not a test: it prints figures and never fails on timing). Loads
//! generated programmes of 10,000 and 100,000 events in headless Chromium from the release
//! build and measures load time, a filter change and typing two letters, each from the event
//! to the next painted frame. Run by `scripts/bench`.

// Shared with the end-to-end tests; the benchmark uses only part of them.
#[allow(dead_code)]
#[path = "../e2e/browser.rs"]
mod browser;
#[allow(dead_code)]
#[path = "../e2e/server.rs"]
mod server;

use std::path::PathBuf;

use browser::{Browser, DESKTOP};
use server::StaticServer;

/// Runs `action` in the page, then resolves after the result count changed and a frame was
/// painted; returns the milliseconds taken.
const MEASURE: &str = r#"
    const [action, done] = [arguments[0], arguments[arguments.length - 1]];
    // What must have changed: the result count, or (`filter-counts`) the month facet's counts,
    // which follow one frame after the list.
    const watched = document.querySelector(action === 'filter-counts' ? '[data-testid=facet-month]' : '[data-testid=result-count]');
    const before = watched.textContent;
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
        if (watched.textContent !== before) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
        }
    });
    observer.observe(watched, { childList: true, subtree: true, characterData: true });
    if (action === 'calibrate') {
        watched.append(' ');
    } else if (action.startsWith('filter')) {
        document.querySelector('[data-testid=option-theme-theme-3]').click();
    } else {
        const input = document.querySelector('[data-testid=search]');
        input.value = 'workshop'.slice(0, input.value.length + 1);
        input.dispatchEvent(new Event('input', { bubbles: true }));
    }
"#;

/// Follows the header's link `arguments[0]` (a test id) and resolves once the element with
/// test id `arguments[1]` is in the page and a frame was painted; returns the milliseconds
/// taken (NaN when it did not come within 5 s).
const MEASURE_VIEW: &str = r#"
    const [link, wanted, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
        if (document.querySelector(`[data-testid=${wanted}]`)) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
        }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => { observer.disconnect(); done(NaN); }, 5000);
    document.querySelector(`[data-testid=${link}]`).click();
"#;

/// Scrolls to the end of the list, then resolves once the next page of cards has been added and
/// a frame painted; returns the milliseconds taken (NaN when nothing came within 5 s).
const MEASURE_SCROLL: &str = r#"
    const done = arguments[arguments.length - 1];
    const cards = () => document.querySelectorAll('[data-testid=event-card]').length;
    const before = cards();
    const t0 = performance.now();
    const list = document.querySelector('[data-testid=event-list]');
    const observer = new MutationObserver(() => {
        if (cards() > before) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
        }
    });
    observer.observe(list, { childList: true, subtree: true });
    setTimeout(() => { observer.disconnect(); done(NaN); }, 5000);
    document.querySelector('[data-testid=show-more]').scrollIntoView();
"#;

/// Records the first frame after the app's page joined the document (`<html
/// data-app="ready">`), the frame that paints it: when it starts, and when its style, layout
/// and paint are done (the next task). Work queued before that frame delays it.
const WATCH_SHOWN: &str = "new MutationObserver((changes, observer) => {
       if (document.documentElement.getAttribute('data-app') !== 'ready') return;
       observer.disconnect();
       requestAnimationFrame(() => {
         window.pbFrameAt = performance.now();
         setTimeout(() => { window.pbPaintedAt = performance.now(); }, 0);
       });
     }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });";

/// Types a first letter in the frame that first paints the app's page, before what search
/// matches is built (that is done after the paint, a slice at a time): records how long until
/// the result count changed and a frame was painted (`pbEarlyLetter`), and the longest task
/// from the letter on (`pbEarlyLongest`), which is how long the page could not answer.
const TYPE_EARLY: &str = "new MutationObserver((changes, observer) => {
       if (document.documentElement.getAttribute('data-app') !== 'ready') return;
       observer.disconnect();
       requestAnimationFrame(() => {
         const count = document.querySelector('[data-testid=result-count]');
         const input = document.querySelector('[data-testid=search]');
         const before = count.textContent;
         const t0 = performance.now();
         new PerformanceObserver(list => {
           for (const task of list.getEntries()) {
             if (task.startTime + task.duration >= t0) window.pbEarlyLongest = Math.max(window.pbEarlyLongest || 0, task.duration);
           }
         }).observe({ type: 'longtask' });
         new MutationObserver((changes, watcher) => {
           if (count.textContent === before) return;
           watcher.disconnect();
           requestAnimationFrame(() => setTimeout(() => { window.pbEarlyLetter = performance.now() - t0; }, 0));
         }).observe(count, { childList: true, subtree: true, characterData: true });
         input.value = 'w';
         input.dispatchEvent(new Event('input', { bubbles: true }));
       });
     }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });";

/// The app's own marks (`page::mark`), in ms from navigation: where loading time goes.
async fn app_marks(browser: &Browser) -> std::collections::HashMap<&'static str, f64> {
    let mut at = std::collections::HashMap::new();
    for name in ["asked", "bindings", "started", "response", "downloaded", "read", "rendering", "ready", "seen", "seen-saved"] {
        let script = format!("return Math.min(...performance.getEntriesByName('pb-{name}', 'mark').map(m => m.startTime));");
        at.insert(name, browser.script(&script).await.as_f64().unwrap_or(f64::NAN));
    }
    at
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::test]
async fn browser_figures() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixtures = std::env::var_os("BENCH_FIXTURES").map(PathBuf::from).unwrap_or_else(|| root.join("target/bench-fixtures"));
    let server = StaticServer::start(root.join("dist"), fixtures.clone());
    // The last file has 100 events with a mistake: only its load is measured.
    // BENCH_ONLY=p10000 measures only the files whose name contains it.
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    // BENCH_LOADS=N measures N first visits of each file and nothing else: one first visit
    // varies by tens of ms on this machine, too much to compare two builds by.
    let loads = std::env::var("BENCH_LOADS").ok().and_then(|n| n.parse::<usize>().ok()).unwrap_or(0);
    for (file, events) in [("p10000.json", 10_000), ("p100000.json", 100_000), ("p100000-mistakes.json", 100_000)] {
        if !file.contains(only.as_str()) {
            continue;
        }
        assert!(fixtures.join(file).is_file(), "missing {file}: run scripts/bench");
        if loads > 0 {
            first_visits(&server, file, events, loads).await;
            continue;
        }
        let browser = Browser::open(DESKTOP).await;
        browser.before_each_page(WATCH_SHOWN).await;
        let profile_load = std::env::var("BENCH_PROFILE").is_ok_and(|kind| kind == "load");
        if profile_load {
            browser.cdp("Profiler.enable", serde_json::json!({})).await;
            browser.cdp("Profiler.setSamplingInterval", serde_json::json!({"interval": 50})).await;
            browser.cdp("Profiler.start", serde_json::json!({})).await;
        }
        browser.goto(&server.app_url(&format!("?programme=fixtures/{file}"))).await;
        // The app's own cards, not the prerendered first screen's.
        browser.find("html[data-app=ready] [data-testid=event-card]").await;
        if profile_load {
            let profile = browser.cdp("Profiler.stop", serde_json::json!({})).await;
            print_profile(&format!("{file}, load"), &profile["profile"]);
        }
        let load_ms = browser.script("return performance.now();").await.as_f64().unwrap_or(f64::NAN);
        // The longest task while loading (Long Tasks API, buffered): how long the page could
        // not answer a tap.
        let longest = browser
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 new PerformanceObserver((list, observer) => { observer.disconnect(); done(list.getEntries().map(e => e.duration)); })
                   .observe({ type: 'longtask', buffered: true });
                 setTimeout(() => done([]), 1000);",
                Vec::new(),
            )
            .await
            .map(|value| {
                value
                    .json()
                    .as_array()
                    .map(|tasks| tasks.iter().filter_map(serde_json::Value::as_f64).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let mut long_tasks = longest.clone();
        long_tasks.sort_by(|a, b| b.total_cmp(a));
        let longest = long_tasks.first().copied().unwrap_or(0.0);
        let next_longest: Vec<String> = long_tasks.iter().skip(1).take(3).map(|ms| format!("{ms:.0}")).collect();
        // Where the load time goes: when the app's code and the programme were asked for and
        // had arrived (Resource Timing); what follows is reading the programme and rendering it.
        let resource = |suffix: &str, pick: &str, field: &str| {
            format!("return Math.{pick}(...performance.getEntriesByType('resource').filter(e => e.name.includes('{suffix}')).map(e => e.{field}));")
        };
        let page = &browser;
        let figure = |script: String| async move { page.script(&script).await.as_f64().unwrap_or(f64::NAN) };
        let at = app_marks(&browser).await;
        // Loading ends when the app's page is in the document (`pb-ready`); the test itself
        // only sees it a poll later.
        let ready_ms = at["ready"];
        let frame_ms = figure("return window.pbFrameAt;".into()).await;
        let painted_app_ms = figure("return window.pbPaintedAt;".into()).await;
        let wasm_ms = figure(resource("_bg.wasm", "max", "responseEnd")).await;
        let file_ms = figure(resource(file, "max", "responseEnd")).await;
        let wasm_asked_ms = figure(resource("_bg.wasm", "min", "startTime")).await;
        // Paint Timing gives when the frame was presented: with software compositing that can
        // trail the main thread's paint by tens of ms.
        let painted_ms = figure("return Math.min(...performance.getEntriesByType('paint').map(e => e.startTime));".into()).await;
        if file.contains("mistakes") {
            println!(
                "browser, {events:>6} events of which 100 have a mistake: load + first render {ready_ms:>5.0} ms; longest task while loading {longest:>5.0} ms, then {} ms",
                next_longest.join(", ")
            );
            browser.quit().await;
            continue;
        }
        // Reading on: five times to the end of the list, each adding a page as it comes near.
        let mut scrolling = Vec::new();
        for _ in 0..5 {
            let took = browser.driver.execute_async(MEASURE_SCROLL, Vec::new()).await.expect("measure");
            scrolling.push(took.json().as_f64().unwrap_or(f64::NAN));
        }
        println!(
            "browser, {events:>6} events: scrolling to the end adds a page in {:>5.1} ms median, {:>5.1} worst (5 pages; paging kept, see README)",
            median(scrolling.clone()),
            scrolling.iter().copied().fold(0.0, f64::max)
        );
        browser.goto(&server.app_url(&format!("?programme=fixtures/{file}"))).await;
        browser.find("html[data-app=ready] [data-testid=event-card]").await;
        // BENCH_PROFILE=filter (or =type) profiles 30 filter changes (or typed letters), for
        // finding where their time goes (=load profiles the first load, above).
        if let Some(kind) = std::env::var("BENCH_PROFILE").ok().filter(|kind| kind != "load") {
            browser.cdp("Profiler.enable", serde_json::json!({})).await;
            browser.cdp("Profiler.setSamplingInterval", serde_json::json!({"interval": 50})).await;
            browser.cdp("Profiler.start", serde_json::json!({})).await;
            for _ in 0..30 {
                if kind == "type" {
                    browser.driver.execute_async(MEASURE, vec![serde_json::json!("type")]).await.expect("measure");
                    browser.script("const i = document.querySelector('[data-testid=search]'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); return 0;").await;
                    browser.driver.execute_async("const d = arguments[0]; setTimeout(d, 50);", Vec::new()).await.expect("wait");
                } else {
                    browser.driver.execute_async(MEASURE, vec![serde_json::json!("filter")]).await.expect("measure");
                }
            }
            let profile = browser.cdp("Profiler.stop", serde_json::json!({})).await;
            print_profile(&format!("{file}, 30 x {kind}"), &profile["profile"]);
            browser.goto(&server.app_url(&format!("?programme=fixtures/{file}"))).await;
            browser.find("html[data-app=ready] [data-testid=event-card]").await;
        }
        let mut filter = Vec::new();
        let mut typing = Vec::new();
        let mut typing_on = Vec::new();
        let mut counts = Vec::new();
        for _ in 0..10 {
            // Choose a theme, then unchoose it: two filter changes; then the first two letters
            // of "workshop" (the second searches only what the first found).
            for (step, action) in ["filter", "filter", "type", "type", "filter-counts", "filter-counts"].into_iter().enumerate() {
                let took = browser.driver.execute_async(MEASURE, vec![serde_json::json!(action)]).await.expect("measure");
                let ms = took.json().as_f64().unwrap_or(f64::NAN);
                match step {
                    0 | 1 => filter.push(ms),
                    2 => typing.push(ms),
                    3 => typing_on.push(ms),
                    _ => counts.push(ms),
                }
            }
            // Clear the search so that every letter searches the whole programme again.
            browser.goto(&server.app_url(&format!("?programme=fixtures/{file}"))).await;
            // The app's own cards, not the prerendered first screen's.
            browser.find("html[data-app=ready] [data-testid=event-card]").await;
        }
        // The last of these loads is a repeat visit: the browser has kept the app's compiled
        // code (the first visit runs much of it in V8's baseline tier while it optimises).
        let again = app_marks(&browser).await;
        // What the same measure gives for a change that costs nothing: the wait for the next
        // frame and its paint, which every figure above includes.
        let mut calibration = Vec::new();
        for _ in 0..10 {
            let took = browser.driver.execute_async(MEASURE, vec![serde_json::json!("calibrate")]).await.expect("measure");
            calibration.push(took.json().as_f64().unwrap_or(f64::NAN));
        }
        let (load_target, filter_target) = if events == 10_000 { (300, "16 ms median, 33 worst") } else { (2000, "50 ms") };
        let worst = |values: &[f64]| values.iter().copied().fold(0.0, f64::max);
        println!(
            "browser, {events:>6} events: load + first render {ready_ms:>5.0} ms from navigation (target <= {load_target} ms; the frame that paints it from {frame_ms:.0} to {painted_app_ms:.0} ms; seen by the test at {load_ms:.0} ms)",
        );
        // The target's own words: fetch + parse + first render, that is from the app asking for
        // the programme (it does so as it starts) to the frame that paints its page.
        println!(
            "browser, {events:>6} events: fetch + parse + first render {:>5.0} ms in this one visit (target <= {load_target} ms, judged at 10,000 events by the median of 20 first visits, below: from the app asking for the programme at {:.0} ms to the frame that paints its page)",
            painted_app_ms - at["started"],
            at["started"],
        );
        println!(
            "browser, {events:>6} events: first paint at {painted_ms:.0} ms; the app's code asked for at {wasm_asked_ms:.0} ms, arrived at {wasm_ms:.0} ms, the programme at {file_ms:.0} ms; start.js started it at {:.0} ms, its bindings were in at {:.0} ms, the app started at {:.0} ms; from asking for the programme to its page in the document {:.0} ms: its response {:.0} ms, receiving its body {:.0} ms, reading {:.0} ms, rendering {:.0} ms",
            at["asked"],
            at["bindings"],
            at["started"],
            ready_ms - at["started"],
            at["response"] - at["started"],
            at["downloaded"] - at["response"],
            at["read"] - at["downloaded"],
            ready_ms - at["rendering"],
        );
        println!(
            "browser, {events:>6} events: a repeat visit: page in the document at {:.0} ms; the app started at {:.0} ms, reading {:.0} ms, rendering {:.0} ms",
            again["ready"],
            again["started"],
            again["read"] - again["downloaded"],
            again["ready"] - again["rendering"],
        );
        println!(
            "browser, {events:>6} events: longest task while loading {longest:>5.0} ms, then {} ms (target for 100,000 events: no freeze over 200 ms)",
            if next_longest.is_empty() { "none over 50".to_owned() } else { next_longest.join(", ") }
        );
        if at["seen"].is_nan() {
            println!("browser, {events:>6} events: no record of what the reader saw: a programme this big is not remembered (README, \"Shortlists\")");
        } else {
            println!(
                "browser, {events:>6} events: the record of what the reader saw (for marking changes on the next visit), made after the first paint: {:.0} ms, from {:.0} ms",
                at["seen-saved"] - at["seen"],
                at["seen"]
            );
        }
        println!(
            "browser, {events:>6} events: filter change {:>5.1} ms median, {:>5.1} worst; typing a first letter {:>5.1} ms median, {:>5.1} worst, the next {:>5.1} ms median, {:>5.1} worst (target {filter_target})",
            median(filter.clone()),
            worst(&filter),
            median(typing.clone()),
            worst(&typing),
            median(typing_on.clone()),
            worst(&typing_on)
        );
        println!(
            "browser, {events:>6} events: filter change to the frame that also shows the facet panel's new counts {:>5.1} ms median, {:>5.1} worst",
            median(counts.clone()),
            worst(&counts)
        );
        println!(
            "browser, {events:>6} events: a text change that costs nothing, measured the same way {:>5.1} ms median (the wait for the next frame)",
            median(calibration)
        );
        // The day's views against the list: from the programme to now and next, to a day's
        // timetable, and back to the programme, each to its painted frame.
        let mut views: [(&str, &str, Vec<f64>); 3] =
            [("nav-now", "now-page", Vec::new()), ("nav-day", "timetable", Vec::new()), ("nav-programme", "event-list", Vec::new())];
        for _ in 0..5 {
            for (link, wanted, took) in views.iter_mut() {
                let ms = browser
                    .driver
                    .execute_async(MEASURE_VIEW, vec![serde_json::json!(link), serde_json::json!(wanted)])
                    .await
                    .expect("measure");
                took.push(ms.json().as_f64().unwrap_or(f64::NAN));
            }
        }
        let [now, day, list] = views.map(|(_, _, took)| took);
        println!(
            "browser, {events:>6} events: opening now and next {:>5.1} ms median, {:>5.1} worst; a day's timetable {:>5.1} ms median, {:>5.1} worst; back to the programme's list {:>5.1} ms median, {:>5.1} worst (5 each)",
            median(now.clone()),
            worst(&now),
            median(day.clone()),
            worst(&day),
            median(list.clone()),
            worst(&list),
        );
        // A reader who types at once: the first letter reaches a page whose search texts are
        // still being built after the paint.
        let early = Browser::open(DESKTOP).await;
        early.before_each_page(TYPE_EARLY).await;
        early.goto(&server.app_url(&format!("?programme=fixtures/{file}"))).await;
        let typed = early
            .driver
            .execute_async(
                "const done = arguments[0]; const look = () => window.pbEarlyLetter ? setTimeout(() => done([window.pbEarlyLetter, window.pbEarlyLongest || 0]), 100) : setTimeout(look, 10); look();",
                Vec::new(),
            )
            .await
            .map(|value| value.json().as_array().map(|pair| pair.iter().filter_map(serde_json::Value::as_f64).collect::<Vec<_>>()).unwrap_or_default())
            .unwrap_or_default();
        if let [letter, longest] = typed[..] {
            println!(
                "browser, {events:>6} events: a first letter typed as the page first appears (search not yet built) {letter:>5.1} ms to its frame; longest task from then {longest:>4.0} ms (none over 50: 0)"
            );
        }
        early.quit().await;
        browser.quit().await;
        // The 10,000-event load target is judged by the median of 20 first visits (README):
        // one visit varies too much here to say.
        if events == 10_000 {
            first_visits(&server, file, events, 20).await;
        }
    }
}
/// Loads `file` in `loads` fresh browsers (first visits: nothing cached, nothing compiled) and
/// prints each phase of loading as a median with its range.
async fn first_visits(server: &StaticServer, file: &str, events: usize, loads: usize) {
    let mut phases: Vec<(&str, Vec<f64>)> = [
        "navigation to page",
        "to its frame painted",
        "app started",
        "fetch + parse + first render",
        "response",
        "body",
        "reading",
        "rendering",
    ]
    .into_iter()
    .map(|name| (name, Vec::new()))
    .collect();
    for _ in 0..loads {
        let browser = Browser::open(DESKTOP).await;
        browser.before_each_page(WATCH_SHOWN).await;
        browser.goto(&server.app_url(&format!("?programme=fixtures/{file}"))).await;
        browser.find("html[data-app=ready] [data-testid=event-card]").await;
        let at = app_marks(&browser).await;
        // The frame's end is set a task after the frame: wait for it.
        let painted = browser
            .driver
            .execute_async("const done = arguments[0]; const look = () => window.pbPaintedAt ? done(window.pbPaintedAt) : setTimeout(look, 10); look();", Vec::new())
            .await
            .ok()
            .and_then(|value| value.json().as_f64())
            .unwrap_or(f64::NAN);
        let figures = [
            at["ready"],
            painted,
            at["started"],
            painted - at["started"],
            at["response"] - at["started"],
            at["downloaded"] - at["response"],
            at["read"] - at["downloaded"],
            at["ready"] - at["rendering"],
        ];
        for ((_, values), figure) in phases.iter_mut().zip(figures) {
            values.push(figure);
        }
        browser.quit().await;
    }
    // The target's own figure (from the app asking for the programme to the frame that paints
    // its page), judged by its median; how often one visit is over it says how steady it is.
    let target = if events == 10_000 { 300.0 } else { 2000.0 };
    if let Some((_, own)) = phases.iter().find(|(name, _)| *name == "fetch + parse + first render") {
        let mut sorted = own.clone();
        sorted.sort_by(f64::total_cmp);
        let ninetieth = sorted[(sorted.len() * 9).div_ceil(10).saturating_sub(1)];
        let over = own.iter().filter(|&&ms| ms > target).count();
        println!(
            "browser, {events:>6} events, {loads} first visits: fetch + parse + first render {:.0} ms median (target <= {target:.0} ms), 90th percentile {ninetieth:.0} ms, {over} of {loads} visits over the target",
            median(own.clone())
        );
    }
    let summary: Vec<String> = phases
        .into_iter()
        .map(|(name, values)| {
            let (low, high) = values.iter().fold((f64::INFINITY, 0.0_f64), |(low, high), &v| (low.min(v), high.max(v)));
            format!("{name} {:.0} ({low:.0}-{high:.0})", median(values))
        })
        .collect();
    println!("browser, {events:>6} events, {loads} first visits, median (range) in ms: {}", summary.join("; "));
}

/// Prints the functions that took the most time in a CPU profile (Chrome DevTools Protocol
/// `Profiler.stop`): their own time, and their time with what they called. Names are only
/// readable in a build that keeps them (see README, "Benchmarks and audits").
fn print_profile(label: &str, profile: &serde_json::Value) {
    use std::collections::{HashMap, HashSet};
    // The whole profile, for a closer look than the tables below (README, "Benchmarks").
    if let Ok(path) = std::env::var("BENCH_PROFILE_JSON") {
        std::fs::write(path, profile.to_string()).ok();
    }
    let empty = Vec::new();
    let nodes = profile["nodes"].as_array().unwrap_or(&empty);
    let mut name_of = HashMap::new();
    let mut parent_of = HashMap::new();
    for node in nodes {
        let id = node["id"].as_i64().unwrap_or_default();
        name_of.insert(id, node["callFrame"]["functionName"].as_str().unwrap_or("").to_owned());
        for child in node["children"].as_array().unwrap_or(&empty) {
            parent_of.insert(child.as_i64().unwrap_or_default(), id);
        }
    }
    let samples = profile["samples"].as_array().unwrap_or(&empty);
    let deltas = profile["timeDeltas"].as_array().unwrap_or(&empty);
    let (mut own, mut with_callees) = (HashMap::<String, f64>::new(), HashMap::<String, f64>::new());
    for (i, sample) in samples.iter().enumerate() {
        let id = sample.as_i64().unwrap_or_default();
        // A sample's time is the delta to the next one.
        let ms = deltas.get(i + 1).and_then(serde_json::Value::as_f64).unwrap_or(0.0) / 1000.0;
        let name = name_of.get(&id).cloned().unwrap_or_default();
        if name == "(idle)" || name == "(program)" {
            continue;
        }
        *own.entry(name).or_default() += ms;
        let mut counted = HashSet::new();
        let mut node = Some(id);
        while let Some(current) = node {
            let name = name_of.get(&current).cloned().unwrap_or_default();
            if counted.insert(name.clone()) {
                *with_callees.entry(name).or_default() += ms;
            }
            node = parent_of.get(&current).copied();
        }
    }
    for (heading, times, rows) in [("own time", own, 30), ("with what they called", with_callees, 50)] {
        let mut times: Vec<_> = times.into_iter().collect();
        times.sort_by(|a, b| b.1.total_cmp(&a.1));
        println!("== {label}, {heading}");
        for (name, ms) in times.into_iter().take(rows) {
            println!("{ms:8.1} ms  {}", name.chars().take(150).collect::<String>());
        }
    }
}
