//! The browsers of the end-to-end tests, driven over WebDriver by thirtyfour: headless
//! Chromium for every journey; Firefox (Gecko, headless) and WebKitGTK's MiniBrowser (WebKit,
//! Safari's engine, in the X display `scripts/test` starts) for the core journeys.
//! Each `Browser` has a fresh profile (so storage starts empty) and its own driver process,
//! killed on drop, even when a test panics.

use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use thirtyfour::common::capabilities::chromium::ChromiumLikeCapabilities;
use thirtyfour::manager::BrowserKind;
use thirtyfour::prelude::*;

pub struct Browser {
    pub driver: WebDriver,
    /// Where downloads (exports) land.
    pub downloads: PathBuf,
    pub engine: Engine,
    /// The driver of a Firefox or WebKit browser (thirtyfour's manager owns chromedriver).
    _driver_process: Option<DriverProcess>,
}

/// What a browser does with a site's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteData {
    Kept,
    /// A private (incognito) window: kept until the window closes.
    Private,
    /// Refused by the browser's settings: touching `localStorage` throws or finds nothing.
    Blocked,
}

/// The three browser engines delegates' phones and desktops run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

/// Phone and desktop sizes the journeys run at.
pub const PHONE: (u32, u32) = (360, 800);
pub const DESKTOP: (u32, u32) = (1280, 800);
pub const NARROWEST: (u32, u32) = (320, 640);

impl Browser {
    pub async fn open(size: (u32, u32)) -> Browser {
        Self::open_with_profile(size, new_profile_dir()).await
    }

    /// Opens Chromium on an existing profile folder (storage kept from an earlier browser).
    async fn open_with_profile(size: (u32, u32), profile: PathBuf) -> Browser {
        Self::launch_with(size, profile, SiteData::Kept, true, None).await
    }

    /// Opens Chromium with JavaScript switched off, as some locked-down browsers are.
    pub async fn open_without_javascript(size: (u32, u32)) -> Browser {
        Self::launch_with(size, new_profile_dir(), SiteData::Kept, false, None).await
    }

    /// Opens Chromium set to these languages (`fr-FR,fr`): `navigator.languages` and the
    /// `Accept-Language` header say so.
    pub async fn open_in_language(size: (u32, u32), languages: &str) -> Browser {
        Self::launch_with(size, new_profile_dir(), SiteData::Kept, true, Some(languages)).await
    }

    async fn launch_with(size: (u32, u32), profile: PathBuf, site_data: SiteData, javascript: bool, languages: Option<&str>) -> Browser {
        let chromium = std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&chromium).expect("chromium binary");
        let profile_arg = format!("--user-data-dir={}", profile.display());
        let size_arg = format!("--window-size={},{}", size.0, size.1);
        // Without the background-networking flags Chromium stalls on this machine's closed
        // network; as root it needs --no-sandbox.
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            profile_arg.as_str(),
            size_arg.as_str(),
        ] {
            caps.add_arg(arg).expect("chromium argument");
        }
        // For the benchmark's questions only (README): e.g. `--liftoff-only` shows what V8's
        // baseline tier costs a first visit.
        if let Ok(flags) = std::env::var("BENCH_JS_FLAGS") {
            caps.add_arg(&format!("--js-flags={flags}")).expect("chromium argument");
        }
        let downloads = profile.join("downloads");
        std::fs::create_dir_all(&downloads).expect("downloads dir");
        let mut prefs = serde_json::json!({ "download.default_directory": downloads, "download.prompt_for_download": false });
        if site_data == SiteData::Private {
            caps.add_arg("--incognito").expect("chromium argument");
        }
        if site_data == SiteData::Blocked {
            // Content setting 2 = block: cookies and all site storage.
            prefs["profile.default_content_setting_values.cookies"] = serde_json::json!(2);
        }
        if !javascript {
            prefs["profile.managed_default_content_settings.javascript"] = serde_json::json!(2);
        }
        if let Some(languages) = languages {
            prefs["intl.accept_languages"] = serde_json::json!(languages);
            caps.add_arg(&format!("--lang={}", languages.split(',').next().unwrap_or(languages))).expect("chromium argument");
        }
        caps.add_experimental_option("prefs", prefs).expect("download prefs");
        // Headless windows are at least 500 px wide: narrower screens are emulated as phones.
        if size.0 < 500 {
            let metrics = serde_json::json!({ "deviceMetrics": { "width": size.0, "height": size.1, "pixelRatio": 2.0, "touch": true } });
            caps.add_experimental_option("mobileEmulation", metrics).expect("mobile emulation");
        }
        let driver = WebDriver::managed(caps)
            .driver_binary(BrowserKind::Chrome, chromedriver)
            .offline()
            .await
            .expect("start chromedriver and headless chromium");
        let browser = Browser { driver, downloads, engine: Engine::Chromium, _driver_process: None };
        if javascript {
            browser.before_each_page(CSP_WATCH).await;
        }
        browser
    }

    /// Opens a fresh browser of `engine` (Chromium as `open` does).
    pub async fn open_in(engine: Engine, size: (u32, u32)) -> Browser {
        Self::open_in_with(engine, size, SiteData::Kept).await
    }

    /// Opens a fresh browser of `engine` that keeps site data, or a private window, or one
    /// that refuses site storage (a setting of privacy-hardened and managed browsers).
    pub async fn open_in_with(engine: Engine, size: (u32, u32), site_data: SiteData) -> Browser {
        match engine {
            Engine::Chromium => Self::launch_with(size, new_profile_dir(), site_data, true, None).await,
            Engine::Firefox | Engine::WebKit => {
                let profile = new_profile_dir();
                let downloads = profile.join("downloads");
                std::fs::create_dir_all(&downloads).expect("downloads dir");
                // WebKitGTK saves downloads in the XDG download folder, without asking.
                std::fs::create_dir_all(profile.join(".config")).expect("config dir");
                std::fs::write(profile.join(".config/user-dirs.dirs"), "XDG_DOWNLOAD_DIR=\"$HOME/downloads\"\n").expect("user-dirs.dirs");
                let (process, address) = DriverProcess::start(engine, &profile);
                let driver = WebDriver::new(address, other_engine_capabilities(engine, &downloads, site_data))
                    .await
                    .unwrap_or_else(|err| panic!("start a {engine:?} session: {err}"));
                driver.set_window_rect(0, 0, size.0, size.1).await.expect("window size");
                Browser { driver, downloads, engine, _driver_process: Some(process) }
            }
        }
    }

    pub async fn goto(&self, url: &str) {
        self.driver.goto(url).await.expect("navigate");
        if self.engine != Engine::Chromium {
            // No DevTools protocol to watch from before the page's first script: violations
            // from here on are recorded, earlier ones are the Chromium journeys' to catch.
            self.script(&format!("if (!window.__cspViolations) {{ {CSP_WATCH} }} return true;")).await;
        }
    }

    /// Waits for the first element matching `css`.
    pub async fn find(&self, css: &str) -> WebElement {
        self.driver
            .query(By::Css(css))
            .wait(Duration::from_secs(20), Duration::from_millis(50))
            .first()
            .await
            .unwrap_or_else(|err| panic!("no element `{css}`: {err}"))
    }

    pub async fn testid(&self, id: &str) -> WebElement {
        self.find(&format!("[data-testid=\"{id}\"]")).await
    }

    pub async fn count(&self, css: &str) -> usize {
        self.driver.find_all(By::Css(css)).await.map(|all| all.len()).unwrap_or(0)
    }

    /// Waits until the app has rendered its page (cards or the empty state are on screen) and
    /// taken over from the prerendered first screen, whose controls do nothing.
    pub async fn wait_for_app(&self) {
        let ready = ["event-list", "load-error", "event-detail", "shortlist-page", "event-detail-missing", "now-page", "day-page"]
            .map(|id| format!("html[data-app=ready] [data-testid={id}]"))
            .join(", ");
        self.find(&ready).await;
    }

    /// The ids of the event cards on screen, in order.
    pub async fn card_ids(&self) -> Vec<String> {
        let cards = self.driver.find_all(By::Css("[data-testid=event-card]")).await.expect("cards");
        let mut ids = Vec::new();
        for card in cards {
            ids.push(card.attr("data-event-id").await.ok().flatten().unwrap_or_default());
        }
        ids
    }

    pub async fn text_of(&self, testid: &str) -> String {
        self.testid(testid).await.text().await.unwrap_or_default()
    }

    pub async fn url(&self) -> String {
        self.driver.current_url().await.expect("url").to_string()
    }

    pub async fn script(&self, js: &str) -> serde_json::Value {
        self.driver.execute(js, Vec::new()).await.expect("script").json().clone()
    }

    /// Chrome DevTools Protocol command (network blocking, scripts run before the page's own).
    pub async fn cdp(&self, command: &str, params: serde_json::Value) -> serde_json::Value {
        self.driver.cdp().send_raw(command, params).await.unwrap_or_else(|err| panic!("{command}: {err}"))
    }

    /// Runs `source` in every page this browser opens from now on, before the page's scripts.
    pub async fn before_each_page(&self, source: &str) {
        assert_eq!(self.engine, Engine::Chromium, "scripts before the page's own need the DevTools protocol");
        self.cdp("Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": source })).await;
    }

    /// Ends the session, after checking that the app never panicked or died (the app's panic
    /// hook marks the page, besides reporting to the console; the boot script shows the crash
    /// notice on any trap) and that the page's security policy refused nothing.
    pub async fn quit(self) {
        let panicked = self.script(
            "var crash = document.getElementById('crash'); \
             return document.documentElement.getAttribute('data-panicked') || (crash && !crash.hidden ? 'the app died (crash notice shown)' : null);",
        )
        .await;
        let violations = self.csp_violations().await;
        let _ = self.driver.quit().await;
        assert!(panicked.is_null(), "the app panicked: {panicked}");
        assert!(violations.is_empty(), "Content Security Policy violations: {violations:?}");
    }

    /// What the page's Content Security Policy refused so far (the server sends a strict one).
    pub async fn csp_violations(&self) -> Vec<String> {
        let found = self.script("return window.__cspViolations || [];").await;
        serde_json::from_value(found).unwrap_or_default()
    }

    /// Runs axe-core (npm, pinned) on the page and returns WCAG 2.2 A/AA violations.
    pub async fn axe_violations(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/axe-core/axe.min.js"))
            .expect("node_modules/axe-core: run scripts/setup");
        self.driver.execute(&axe, Vec::new()).await.expect("inject axe-core");
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | '))))
              .catch(e => done(['axe failed: ' + e]));
        "#;
        let result = self.driver.execute_async(script, Vec::new()).await.expect("run axe-core");
        result.convert::<Vec<String>>().expect("violations")
    }

    /// Waits for a finished download whose path ends with `suffix` (a name after `/`, or an
    /// extension) in this browser's download folder, and returns its path.
    pub async fn downloaded(&self, suffix: &str) -> std::path::PathBuf {
        for _ in 0..150 {
            let found = std::fs::read_dir(&self.downloads).ok().and_then(|mut files| {
                files.find_map(|f| {
                    f.ok().map(|f| f.path()).filter(|p| p.to_string_lossy().ends_with(suffix) && p.metadata().is_ok_and(|m| m.len() > 0))
                })
            });
            if let Some(path) = found {
                return path;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no download *{suffix} in {}", self.downloads.display());
    }

    /// Presses a key on whatever has focus.
    pub async fn press(&self, key: thirtyfour::Key) {
        self.driver.action_chain().send_keys(key).perform().await.expect("key press");
    }

    /// Presses Tab (Shift+Tab when `backwards`) until the focused element's test id satisfies
    /// `wanted`, at most `max` times; returns whether it got there.
    pub async fn tab_until(&self, backwards: bool, max: usize, wanted: impl Fn(&str) -> bool) -> bool {
        for _ in 0..max {
            let chain = self.driver.action_chain();
            let chain = if backwards {
                chain.key_down(thirtyfour::Key::Shift).send_keys(thirtyfour::Key::Tab).key_up(thirtyfour::Key::Shift)
            } else {
                chain.send_keys(thirtyfour::Key::Tab)
            };
            chain.perform().await.expect("key press");
            if wanted(&self.focused_testid().await) {
                return true;
            }
        }
        false
    }

    /// Stars an event on the page and waits until its toggle says it is pressed.
    /// Takes an event off the active list by its star (on the programme or shortlist page).
    pub async fn star_off(&self, event_id: &str) {
        let star = self.testid(&format!("shortlist-toggle-{event_id}")).await;
        star.scroll_into_view().await.expect("scroll");
        star.click().await.expect("click star");
        eventually("star released", || async { star.attr("aria-pressed").await.ok().flatten().as_deref() == Some("false") }).await;
    }

    pub async fn star(&self, event_id: &str) {
        let star = self.testid(&format!("shortlist-toggle-{event_id}")).await;
        star.scroll_into_view().await.expect("scroll");
        star.click().await.expect("click star");
        eventually("star pressed", || async { star.attr("aria-pressed").await.ok().flatten().as_deref() == Some("true") }).await;
    }

    /// The `data-testid` of the focused element ("" if it has none).
    pub async fn focused_testid(&self) -> String {
        self.script("return (document.activeElement && document.activeElement.getAttribute('data-testid')) || '';")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

/// Polls `check` until it returns true, or fails the test with `what` after 15 s.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for: {what}");
}

/// Records every Content Security Policy violation of a page, from before its first script
/// (scripts given to the DevTools protocol are not subject to the page's policy).
const CSP_WATCH: &str = "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', function (e) { \
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber); });";

/// A geckodriver or WebKitWebDriver process on a port of its own, killed on drop.
struct DriverProcess(std::process::Child);

impl DriverProcess {
    fn start(engine: Engine, profile: &std::path::Path) -> (DriverProcess, String) {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let (program, args) = match engine {
            Engine::Firefox => (tool("GECKODRIVER", "geckodriver"), vec![format!("--port={port}"), "--host=127.0.0.1".into()]),
            _ => (tool("WEBKIT_WEBDRIVER", "WebKitWebDriver"), vec![format!("--port={port}"), "--host=127.0.0.1".into()]),
        };
        if engine == Engine::WebKit && std::env::var_os("DISPLAY").is_none() {
            panic!("WebKitGTK needs an X display: run scripts/test, or start `Xvfb :99` and set DISPLAY=:99");
        }
        let log = std::fs::File::create(profile.join("driver.log")).expect("driver log");
        let child = std::process::Command::new(&program)
            .args(&args)
            // Both keep caches and settings under HOME: a fresh one per browser.
            .env("HOME", profile)
            .env_remove("XDG_CONFIG_HOME")
            .stdout(log.try_clone().expect("driver log"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|err| panic!("start {program}: {err} (run scripts/setup)"));
        let process = DriverProcess(child);
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(20), "{program} did not listen on port {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        (process, format!("http://127.0.0.1:{port}"))
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tool(variable: &str, default: &str) -> String {
    std::env::var(variable).unwrap_or_else(|_| default.to_owned())
}

/// Firefox headless, saving downloads without asking; MiniBrowser in automation mode.
fn other_engine_capabilities(engine: Engine, downloads: &std::path::Path, site_data: SiteData) -> Capabilities {
    let mut caps = Capabilities::new();
    if engine == Engine::Firefox {
        let options = serde_json::json!({
            "binary": tool("FIREFOX_PATH", "/usr/bin/firefox-esr"),
            "args": ["-headless"],
            "prefs": {
                "browser.download.dir": downloads,
                "browser.download.folderList": 2,
                "browser.download.useDownloadDir": true,
                "browser.download.always_ask_before_handling_new_types": false,
                "browser.helperApps.neverAsk.saveToDisk": "text/calendar,application/json,application/octet-stream",
                // The machine's network is closed: no update, telemetry or safe-browsing calls.
                "app.update.enabled": false,
                "browser.safebrowsing.malware.enabled": false,
                "browser.safebrowsing.phishing.enabled": false,
                "network.captive-portal-service.enabled": false,
                "network.connectivity-service.enabled": false,
                "browser.privatebrowsing.autostart": site_data == SiteData::Private,
                "dom.storage.enabled": site_data != SiteData::Blocked,
            },
        });
        caps.set("browserName", "firefox").expect("capability");
        caps.set("moz:firefoxOptions", options).expect("capability");
    } else {
        let mut args = vec!["--automation"];
        match site_data {
            SiteData::Kept => {}
            SiteData::Private => args.push("--private"),
            SiteData::Blocked => args.push("--enable-html5-local-storage=false"),
        }
        let options =
            serde_json::json!({ "binary": tool("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"), "args": args });
        caps.set("webkitgtk:browserOptions", options).expect("capability");
    }
    caps
}

fn new_profile_dir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("pb-e2e-{}-{n}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("profile dir");
    dir
}
