//! The strict Content Security Policy of a build, with the hashes of its inlined stylesheet
//! and boot script, in the page itself (`<meta http-equiv>`, for hosts that send no headers)
//! and as each documented host wants it: `_headers` (Netlify, Cloudflare Pages), `.htaccess`
//! (Apache), an include for nginx. Also the language redirects a host can do before the page
//! is sent (Netlify's `_redirects`), when the build knows the address it is published at.

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::domain::i18n::Lang;

/// The policy for a page whose inline elements have these texts. `connect` is what
/// `?programme=` may fetch besides the app's own files: any web address unless the organiser
/// has an allow-list. (`http:` as well as `https:`: a page served over https cannot fetch
/// plain http anyway, and one served over http, an intranet's, may need it.)
pub struct Policy {
    script_hashes: Vec<String>,
    style_hashes: Vec<String>,
    connect: String,
}

impl Policy {
    pub fn new(inline_scripts: &[String], inline_styles: &[String], allow_list: Option<&str>) -> Self {
        let hash =
            |text: &String| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())));
        let connect = match allow_list {
            // The allow-list's entries as sources: their origin and path (a folder or a file).
            Some(list) => list
                .split_ascii_whitespace()
                .filter(|entry| entry.starts_with("https://") || entry.starts_with("http://"))
                .collect::<Vec<_>>()
                .join(" "),
            None => "https: http:".to_owned(),
        };
        Self { script_hashes: inline_scripts.iter().map(hash).collect(), style_hashes: inline_styles.iter().map(hash).collect(), connect }
    }

    /// The policy as a header sends it.
    pub fn header(&self) -> String {
        format!("{}; frame-ancestors 'none'", self.meta())
    }

    /// The policy as the page carries it (`frame-ancestors` only works in a header).
    pub fn meta(&self) -> String {
        let connect = if self.connect.is_empty() { String::new() } else { format!(" {}", self.connect) };
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; connect-src 'self'{connect}; \
             img-src 'self' data:; object-src 'none'; base-uri 'self'",
            join_before(&self.script_hashes),
            join_before(&self.style_hashes)
        )
    }

    /// The files a host reads its headers from, for this build: (name in dist/, text).
    pub fn host_files(&self) -> Vec<(String, String)> {
        let header = self.header();
        vec![
            ("_headers".into(), netlify_headers(&header)),
            (".htaccess".into(), apache(&header)),
            ("nginx-security-headers.conf".into(), nginx(&header)),
        ]
    }
}

fn join_before(items: &[String]) -> String {
    items.iter().map(|item| format!(" {item}")).collect()
}

const NOSNIFF: &str = "nosniff";
const REFERRER: &str = "no-referrer";
/// Names with a content hash: never changed once published.
const HASHED_FILES: [&str; 4] = ["/*.wasm", "/*.css", "/programme-browser-*.js", "/start-*.js"];

fn netlify_headers(policy: &str) -> String {
    let mut out = format!(
        "# Written by the build (src/prerender/policy.rs) for Netlify and Cloudflare Pages: the\n\
         # security policy names this build's inline stylesheet and boot script by their hashes.\n\
         /*\n  Content-Security-Policy: {policy}\n  X-Content-Type-Options: {NOSNIFF}\n  Referrer-Policy: {REFERRER}\n  Cache-Control: no-cache\n"
    );
    for files in HASHED_FILES {
        out.push_str(&format!("{files}\n  Cache-Control: public, max-age=31536000, immutable\n"));
    }
    out.push_str("/*.ics\n  Content-Type: text/calendar\n");
    out
}

fn apache(policy: &str) -> String {
    format!(
        "# Written by the build (src/prerender/policy.rs) for Apache httpd (mod_headers; docs/deploy.md).\n\
         AddType application/wasm .wasm\nAddType application/manifest+json .webmanifest\nAddType text/calendar .ics\n\
         <IfModule mod_brotli.c>\n  AddOutputFilterByType BROTLI_COMPRESS text/html text/css text/javascript application/javascript application/json application/wasm application/manifest+json text/calendar image/svg+xml application/xml\n</IfModule>\n\
         AddOutputFilterByType DEFLATE text/html text/css text/javascript application/javascript application/json application/wasm application/manifest+json text/calendar image/svg+xml application/xml\n\
         Header always set Content-Security-Policy \"{policy}\"\nHeader always set X-Content-Type-Options \"{NOSNIFF}\"\nHeader always set Referrer-Policy \"{REFERRER}\"\n\
         Header set Cache-Control \"no-cache\"\n<FilesMatch \"-[0-9a-f]{{8,16}}(_bg)?\\.(js|wasm|css)$\">\n  Header set Cache-Control \"public, max-age=31536000, immutable\"\n</FilesMatch>\n\
         <FilesMatch \"^nginx-security-headers\\.conf$\">\n  Require all denied\n</FilesMatch>\n"
    )
}

fn nginx(policy: &str) -> String {
    format!(
        "# Written by the build (src/prerender/policy.rs): nginx's security headers for this build,\n\
         # included by docs/deploy/nginx/programme-browser.conf (reload nginx after publishing a build).\n\
         add_header Content-Security-Policy \"{policy}\" always;\nadd_header X-Content-Type-Options \"{NOSNIFF}\" always;\n\
         add_header Referrer-Policy \"{REFERRER}\" always;\n"
    )
}

/// Netlify's `_redirects` for a site published at `path` (`/programme/`, from the publish
/// address): a reader arriving at the root page with another language in their browser (or
/// in an older link's `?lang=`) is sent to that language's page by the host, before any page
/// is sent. (Cloudflare Pages has no language rule: there the boot script does it.)
pub fn netlify_redirects(path: &str, site_lang: Lang) -> String {
    let mut out = String::from("# Written by the build (src/prerender/policy.rs): language pages, chosen by the host.\n");
    for lang in Lang::ALL.into_iter().filter(|lang| *lang != site_lang) {
        out.push_str(&format!("{path} lang={t} {path}{t}/ 302\n", t = lang.tag()));
    }
    for lang in Lang::ALL.into_iter().filter(|lang| *lang != site_lang) {
        out.push_str(&format!("{path} {path}{t}/ 302 Language={t}\n", t = lang.tag()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_names_exactly_the_inline_texts() {
        // The value a browser computes for `<script>alert(1)</script>` (as in CSP Level 3's examples).
        let policy = Policy::new(&["alert(1)".into()], &["body{}".into()], None);
        let meta = policy.meta();
        assert!(meta.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"), "{meta}");
        assert!(meta.contains("style-src 'self' 'sha256-"), "{meta}");
        assert!(meta.contains("connect-src 'self' https: http:;") && !meta.contains("frame-ancestors"));
        assert!(policy.header().ends_with("frame-ancestors 'none'"));
        let listed = Policy::new(&[], &[], Some("https://data.example.org/p/ https://example.org/2014.json relative/"));
        assert!(
            listed.meta().contains("connect-src 'self' https://data.example.org/p/ https://example.org/2014.json;"),
            "{}",
            listed.meta()
        );
        for (name, text) in policy.host_files() {
            assert!(text.contains(&policy.header()), "{name}");
        }
    }

    #[test]
    fn netlify_sends_other_languages_on() {
        let redirects = netlify_redirects("/programme/", Lang::En);
        assert!(redirects.contains("/programme/ /programme/fr/ 302 Language=fr\n"));
        assert!(redirects.contains("/programme/ lang=ar /programme/ar/ 302\n"));
        assert!(!redirects.contains("/en/"));
    }
}
