//! The nginx settings in docs/deploy/nginx/ tested for real: Debian's
//! nginx serves the release dist/ under a sub-path with the documented configuration; the
//! headers (types, caching, compression, security) are checked on the wire and the app works
//! there in Chromium under that policy.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

use crate::browser::{Browser, DESKTOP};
use crate::expect_count;

const SUB_PATH: &str = "/delegates/programme/";

/// nginx running the documented configuration on a free port; stopped on drop.
struct Nginx {
    child: Child,
    port: u16,
    _dir: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_nginx(dist: &Path) -> Nginx {
    let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].into_iter().find(|p| Path::new(p).exists());
    let nginx = nginx.expect("nginx is not installed: scripts/setup installs Debian's nginx and its brotli modules");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("pb-e2e-nginx-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("logs")).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    // The documented files, with the two values an organiser changes filled in, where the
    // documentation says to put them.
    let site = std::fs::read_to_string(root.join("docs/deploy/nginx/programme-browser.conf"))
        .unwrap()
        .replace("/programme/", SUB_PATH)
        .replace("/srv/programme-browser/dist/", &format!("{}/", dist.display()));
    std::fs::write(dir.join("site.conf"), site).unwrap();
    let languages = dir.join("languages.conf");
    let map = std::fs::read_to_string(root.join("docs/deploy/nginx/languages.conf")).unwrap().replace("/programme/", SUB_PATH);
    std::fs::write(&languages, map).unwrap();
    let modules = ["ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so"]
        .map(|m| format!("load_module /usr/lib/nginx/modules/{m};"))
        .join("\n");
    let main = format!(
        "{modules}\ndaemon off;\nmaster_process off;\nworker_processes 1;\npid {dir}/nginx.pid;\nerror_log {dir}/logs/error.log;\n\
         events {{}}\nhttp {{\n include /etc/nginx/mime.types;\n include {languages};\n default_type application/octet-stream;\n access_log off;\n\
         client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fastcgi;\n\
         uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;\n\
         server {{\n  listen 127.0.0.1:{port};\n  include {dir}/site.conf;\n }}\n}}\n",
        dir = dir.display(),
        languages = languages.display()
    );
    std::fs::write(dir.join("nginx.conf"), main).unwrap();
    let check = Command::new(nginx).arg("-t").arg("-p").arg(&dir).arg("-c").arg(dir.join("nginx.conf")).output().unwrap();
    assert!(check.status.success(), "nginx -t: {}", String::from_utf8_lossy(&check.stderr));
    let child = Command::new(nginx).arg("-p").arg(&dir).arg("-c").arg(dir.join("nginx.conf")).spawn().expect("start nginx");
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Nginx { child, port, _dir: dir }
}

/// The status line and headers (lower-case names) of a GET.
fn head_of(port: u16, path: &str, accept_encoding: &str) -> (String, Vec<(String, String)>) {
    head_with(port, path, &format!("Accept-Encoding: {accept_encoding}"))
}

/// The same, with other request headers.
fn head_with(port: u16, path: &str, request_headers: &str) -> (String, Vec<(String, String)>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{request_headers}\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n").expect("headers");
    let head = String::from_utf8_lossy(&answer[..end]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default().to_owned();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    (status, headers)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

#[tokio::test]
async fn the_documented_nginx_settings_serve_the_app_under_a_sub_path() {
    let dist = crate::dist_dir();
    let nginx = start_nginx(&dist);
    let wasm = std::fs::read_dir(&dist)
        .unwrap()
        .filter_map(|f| f.ok().map(|f| f.file_name().to_string_lossy().into_owned()))
        .find(|name| name.ends_with("_bg.wasm"))
        .expect("a wasm file");
    let cases = [
        ("", "text/html", "no-cache", "br"),
        ("programme.json", "application/json", "no-cache", "br"),
        ("sw.js", "application/javascript", "no-cache", "br"),
        ("manifest.webmanifest", "application/manifest+json", "no-cache", "br"),
        ("programme.ics", "text/calendar", "no-cache", "br"),
        // The organiser's page: a folder of its own, same rules.
        ("organiser/", "text/html", "no-cache", "br"),
        (wasm.as_str(), "application/wasm", "immutable", "br"),
    ];
    for (file, content_type, cache, encoding) in cases {
        let (status, headers) = head_of(nginx.port, &format!("{SUB_PATH}{file}"), "br, gzip");
        assert!(status.contains(" 200 "), "{file}: {status}");
        assert!(header(&headers, "content-type").starts_with(content_type), "{file}: {headers:?}");
        assert!(header(&headers, "cache-control").contains(cache), "{file}: {headers:?}");
        assert_eq!(header(&headers, "content-encoding"), encoding, "{file}: {headers:?}");
        assert!(header(&headers, "content-security-policy").contains("script-src 'self' 'wasm-unsafe-eval'"), "{file}");
        assert_eq!(header(&headers, "x-content-type-options"), "nosniff", "{file}");
    }
    // The policy sent is the build's, naming its inline stylesheet and boot script.
    let (_, headers) = head_of(nginx.port, SUB_PATH, "br");
    let built = std::fs::read_to_string(dist.join("_headers")).unwrap();
    assert!(built.contains(header(&headers, "content-security-policy")), "{headers:?}");
    assert!(header(&headers, "content-security-policy").contains("'sha256-"));
    let (status, _) = head_of(nginx.port, &format!("{SUB_PATH}nginx-security-headers.conf"), "br");
    assert!(status.contains(" 404 "), "{status}");
    // Languages: the root page sends a reader on to their language's page, before any page.
    let languages = [
        ("Accept-Language: fr-CH, fr;q=0.9, en;q=0.8", "", Some("fr/")),
        ("Accept-Language: de-DE, de;q=0.9, ru;q=0.8", "", Some("ru/")),
        ("Accept-Language: en-GB, fr;q=0.5", "", None),
        ("Accept-Language: de", "", None),
        ("Accept-Language: fr", "?lang=ar&theme=youth", Some("ar/?lang=ar&theme=youth")),
        ("Accept-Language: fr", "?lang=en", None),
    ];
    for (accept, query, expected) in languages {
        let (status, headers) = head_with(nginx.port, &format!("{SUB_PATH}{query}"), accept);
        match expected {
            Some(page) => {
                assert!(status.contains(" 302 "), "{accept} {query}: {status}");
                assert!(header(&headers, "location").ends_with(&format!("{SUB_PATH}{page}")), "{accept} {query}: {headers:?}");
            }
            None => assert!(
                status.contains(" 200 ") && header(&headers, "content-type").starts_with("text/html"),
                "{accept} {query}: {status} {headers:?}"
            ),
        }
        let vary: Vec<&str> = headers.iter().filter(|(name, _)| name == "vary").map(|(_, value)| value.as_str()).collect();
        assert!(vary.iter().any(|value| value.contains("Accept-Language")), "{accept}: {headers:?}");
    }
    let (status, _) = head_with(nginx.port, &format!("{SUB_PATH}fr/"), "Accept-Language: ar");
    assert!(status.contains(" 200 "), "a language's own page is never sent on: {status}");

    // gzip for a browser without brotli; a 404 is a 404 (with the headers too).
    let (_, headers) = head_of(nginx.port, &format!("{SUB_PATH}programme.json"), "gzip");
    assert_eq!(header(&headers, "content-encoding"), "gzip");
    let (status, headers) = head_of(nginx.port, &format!("{SUB_PATH}no-such-file.json"), "gzip");
    assert!(status.contains(" 404 "), "{status}");
    assert!(!header(&headers, "content-security-policy").is_empty());

    // The app itself, there: it loads, filters, and the policy refuses nothing.
    let browser = Browser::open(DESKTOP).await;
    browser.goto(&format!("http://127.0.0.1:{}{SUB_PATH}", nginx.port)).await;
    browser.wait_for_app().await;
    expect_count(&browser, "10 events").await;
    browser.testid("option-theme-education").await.click().await.unwrap();
    expect_count(&browser, "2 events").await;
    // The organiser's page starts there too, under the same policy.
    browser.goto(&format!("http://127.0.0.1:{}{SUB_PATH}organiser/", nginx.port)).await;
    crate::browser::eventually("the organiser's page", || async { browser.count("[data-testid=organiser-files]").await == 1 }).await;
    browser.quit().await;
}
