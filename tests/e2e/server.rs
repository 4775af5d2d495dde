//! A real static HTTP server on 127.0.0.1 for the end-to-end tests: serves the release
//! `dist/` under a sub-path (as a CDN would host it) and the test fixtures beside it.
//! Plain std: GET and HEAD, correct content types (wasm needs `application/wasm`), 404s, the
//! strict Content Security Policy, CORS for the fixtures (so that another origin, `localhost`
//! for an app on `127.0.0.1`, can serve them), and a few hostile answers made on the fly
//! under `generated/` (see `generated`).

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// The sub-path the app is served under, to prove relative URLs work.
pub const SUB_PATH: &str = "/any/sub/path/";

/// The strict Content Security Policy the build wrote for Netlify and Cloudflare Pages
/// (`dist/_headers`, with the hashes of its inline stylesheet and boot script), sent with
/// every answer: every journey runs under it, and the browser's watcher (browser.rs) fails a
/// journey on any violation. `{connect}` marks where a test adds `connect-src` sources.
pub fn content_security_policy(dist: &Path) -> String {
    let headers = std::fs::read_to_string(dist.join("_headers")).expect("the build writes dist/_headers");
    let policy = headers
        .lines()
        .find_map(|line| line.trim().strip_prefix("Content-Security-Policy: "))
        .expect("dist/_headers has a Content-Security-Policy");
    assert!(policy.contains("connect-src 'self' https: http:;"), "{policy}");
    policy.replacen("connect-src 'self' https: http:", "connect-src 'self' https: http:{connect}", 1)
}

pub struct StaticServer {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    /// While set, requests are accepted but not answered: a network that hangs.
    stalling: Arc<AtomicBool>,
    /// Milliseconds to wait before answering for a `.wasm` file: a slow download of the app
    /// while the page itself has arrived.
    wasm_delay_ms: Arc<AtomicU64>,
    /// The same for `programme.json`: the app has started, its programme is on the way.
    programme_delay_ms: Arc<AtomicU64>,
    /// More sources for the policy's `connect-src` (another origin on plain http, for tests).
    connect: Arc<Mutex<String>>,
    /// While set, connections are closed without an answer: a network that is down.
    refusing: Arc<AtomicBool>,
    /// Paths ending so are answered `503 Service Unavailable`: a server in trouble.
    unavailable: Arc<Mutex<Option<String>>>,
}

impl StaticServer {
    /// Serves `dist` at `SUB_PATH` and `fixtures` at `SUB_PATH/fixtures/`.
    pub fn start(dist: PathBuf, fixtures: PathBuf) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let address = listener.local_addr().expect("local address");
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = stopping.clone();
        let stalling = Arc::new(AtomicBool::new(false));
        let stall = stalling.clone();
        let wasm_delay_ms = Arc::new(AtomicU64::new(0));
        let wasm_delay = wasm_delay_ms.clone();
        let programme_delay_ms = Arc::new(AtomicU64::new(0));
        let programme_delay = programme_delay_ms.clone();
        let connect = Arc::new(Mutex::new(String::new()));
        let extra_connect = connect.clone();
        let refusing = Arc::new(AtomicBool::new(false));
        let refuse = refusing.clone();
        let unavailable = Arc::new(Mutex::new(None::<String>));
        let unavailable_paths = unavailable.clone();
        let policy_template = content_security_policy(&dist);
        let roots = Arc::new((dist, fixtures));
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    if refuse.load(Ordering::SeqCst) {
                        drop(stream);
                        continue;
                    }
                    let unavailable = unavailable_paths.lock().unwrap().clone();
                    let roots = roots.clone();
                    let stall = stall.clone();
                    let delays = (wasm_delay.clone(), programme_delay.clone());
                    let policy = policy_template.replace("{connect}", &extra_connect.lock().unwrap());
                    thread::spawn(move || {
                        // At most a minute: a stalled request never outlives the test run.
                        for _ in 0..600 {
                            if !stall.load(Ordering::SeqCst) {
                                break;
                            }
                            thread::sleep(std::time::Duration::from_millis(100));
                        }
                        let _ = serve(stream, &roots.0, &roots.1, (&delays.0, &delays.1), &policy, unavailable.as_deref());
                    });
                }
            }
        });
        Self { address, stopping, stalling, wasm_delay_ms, programme_delay_ms, connect, refusing, unavailable }
    }

    /// Makes the network "down" (connections closed unanswered), or up again.
    pub fn refuse(&self, on: bool) {
        self.refusing.store(on, Ordering::SeqCst);
    }

    /// Answers 503 for paths ending in `suffix` (`None`: serve normally).
    pub fn unavailable(&self, suffix: Option<&str>) {
        *self.unavailable.lock().unwrap() = suffix.map(str::to_owned);
    }

    /// Adds a source to the policy's `connect-src` (e.g. `http://localhost:*`).
    pub fn allow_connect(&self, source: &str) {
        *self.connect.lock().unwrap() = format!(" {source}");
    }

    /// The same server seen as another origin: `localhost` instead of `127.0.0.1`.
    pub fn other_origin_url(&self, path: &str) -> String {
        format!("http://localhost:{}{SUB_PATH}{path}", self.address.port())
    }

    /// Makes every `.wasm` answer wait this long (0: no wait).
    pub fn delay_wasm(&self, delay: std::time::Duration) {
        self.wasm_delay_ms.store(delay.as_millis() as u64, Ordering::SeqCst);
    }

    /// Makes every `programme.json` answer wait this long (0: no wait).
    pub fn delay_programme(&self, delay: std::time::Duration) {
        self.programme_delay_ms.store(delay.as_millis() as u64, Ordering::SeqCst);
    }

    /// Makes the server hang (accept, never answer) or answer again.
    pub fn stall(&self, on: bool) {
        self.stalling.store(on, Ordering::SeqCst);
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The app's URL, with an optional query string ("?theme=x").
    pub fn app_url(&self, query: &str) -> String {
        format!("http://{}{SUB_PATH}{query}", self.address)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the flag and ends.
        let _ = TcpStream::connect(self.address);
    }
}

fn serve(
    mut stream: TcpStream,
    dist: &Path,
    fixtures: &Path,
    (wasm_delay_ms, programme_delay_ms): (&AtomicU64, &AtomicU64),
    policy: &str,
    unavailable: Option<&str>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain headers; nothing in them changes what we serve.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or_default();
    let path = target.split(['?', '#']).next().unwrap_or_default();

    if let Some(name) = path.strip_prefix(SUB_PATH).and_then(|rest| rest.strip_prefix("generated/")) {
        return generated(stream, name, dist);
    }
    let delay = |ms: &AtomicU64| thread::sleep(std::time::Duration::from_millis(ms.load(Ordering::SeqCst).min(60_000)));
    if path.ends_with(".wasm") {
        delay(wasm_delay_ms);
    }
    if path.ends_with("/programme.json") {
        delay(programme_delay_ms);
    }
    if unavailable.is_some_and(|suffix| path.ends_with(suffix)) {
        return stream
            .write_all(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
    }
    let file = resolve(path, dist, fixtures);
    let (status, content_type, body) = match file.as_deref().map(std::fs::read) {
        Some(Ok(body)) => ("200 OK", content_type(file.as_deref().unwrap_or(Path::new(""))), body),
        _ => ("404 Not Found", "text/html; charset=utf-8", b"<!DOCTYPE html><title>404</title><h1>Not found</h1>".to_vec()),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
         Content-Security-Policy: {policy}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nAccess-Control-Allow-Origin: *\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// Events in `generated/big.json`: more than the app remembers "seen" records for.
pub const BIG_EVENTS: usize = 30_000;

/// Hostile answers, made on the fly (nothing big is kept in the repository):
/// - `huge.json`: 65 MB of JSON with no `Content-Length` (the count must catch it);
/// - `huge-announced.json`: announces 70 MB (refused from the header);
/// - `stall.json`: announces 2 MB, sends 300 KB, then nothing for 40 s;
/// - `big.json`: a synthetic programme of `BIG_EVENTS` events (about 15 MB), read in slices;
/// - `many-options.json`: a synthetic programme of 600 events whose facets have dozens of
///   options (40 themes, 120 partners, 25 series), for the facets' "Show all";
/// - `forged-saved-copy.json`: the bundled programme with the service worker's "saved copy"
///   header, readable from another origin (which must not be believed).
fn generated(mut stream: TcpStream, name: &str, dist: &Path) -> std::io::Result<()> {
    let head = |length: Option<usize>, extra: &str| {
        let length = length.map(|n| format!("Content-Length: {n}\r\n")).unwrap_or_default();
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{length}Cache-Control: no-store\r\n\
             Access-Control-Allow-Origin: *\r\n{extra}Connection: close\r\n\r\n"
        )
    };
    match name {
        "huge.json" => {
            stream.write_all(head(None, "").as_bytes())?;
            stream.write_all(b"{\"schema_version\": \"1.0\", \"padding\": \"")?;
            let block = vec![b'x'; 1024 * 1024];
            for _ in 0..65 {
                stream.write_all(&block)?;
            }
            stream.write_all(b"\"}")
        }
        "huge-announced.json" => {
            stream.write_all(head(Some(70 * 1024 * 1024), "").as_bytes())?;
            stream.write_all(b"{\"schema_version\": \"1.0\"")?;
            thread::sleep(Duration::from_secs(5));
            Ok(())
        }
        "stall.json" => {
            stream.write_all(head(Some(2 * 1024 * 1024), "").as_bytes())?;
            stream.write_all(b"{\"schema_version\": \"1.0\", \"padding\": \"")?;
            stream.write_all(&vec![b'x'; 300 * 1024])?;
            stream.flush()?;
            thread::sleep(Duration::from_secs(40));
            Ok(())
        }
        "big.json" => {
            static BIG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
            let body = BIG.get_or_init(|| {
                serde_json::to_string(&programme_browser::domain::synthetic::synthetic_programme(BIG_EVENTS, 12)).expect("programme")
            });
            stream.write_all(head(Some(body.len()), "").as_bytes())?;
            stream.write_all(body.as_bytes())
        }
        "many-options.json" => {
            let body = serde_json::to_string(&programme_browser::domain::synthetic::synthetic_programme(600, 5)).expect("programme");
            stream.write_all(head(Some(body.len()), "").as_bytes())?;
            stream.write_all(body.as_bytes())
        }
        "forged-saved-copy.json" => {
            let body = std::fs::read(dist.join("programme.json"))?;
            let forged = "X-Offline-Copy-Saved-At: 1000000000000\r\nAccess-Control-Expose-Headers: X-Offline-Copy-Saved-At\r\n";
            stream.write_all(head(Some(body.len()), forged).as_bytes())?;
            stream.write_all(&body)
        }
        _ => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    }
}

fn resolve(path: &str, dist: &Path, fixtures: &Path) -> Option<PathBuf> {
    let rest = path.strip_prefix(SUB_PATH)?;
    let rest = percent_decode(rest);
    let (root, rest) = match rest.strip_prefix("fixtures/") {
        Some(fixture) => (fixtures, fixture.to_owned()),
        None => (dist, rest),
    };
    let relative = Path::new(&rest);
    // Only plain names: no `..`, no absolute paths.
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    // A folder's address serves its index.html, as static hosts do (`organiser/`).
    let full = if rest.is_empty() || rest.ends_with('/') { root.join(relative).join("index.html") } else { root.join(relative) };
    full.is_file().then_some(full)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}
