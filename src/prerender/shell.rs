//! The page every static page is made from: Trunk's `index.html` without what the prerender
//! wrote into it, with the stylesheet and the boot script inlined (so that the first paint
//! waits for no other request), and its relative addresses moved to a page's depth.
//!
//! Owns the marked blocks (`<!--prerender:head-->`, `<!--prerender:body-->`) and the inlined
//! elements, and nothing else of the page: an organiser's lines in `<head>` (an allow-list, a
//! publish address) are kept as they are on every page; comments are left out of every page.

use super::{compact, PrerenderError};

pub const HEAD_START: &str = "<!--prerender:head-->";
pub const HEAD_END: &str = "<!--/prerender:head-->";
pub const BODY_START: &str = "<!--prerender:body-->";
pub const BODY_END: &str = "<!--/prerender:body-->";
/// The meta element that names the app's loader for the boot script to add.
const APP_START: &str = "app-start";
/// Where the first build puts the first screen (an element: comments may be minified away).
pub const BODY_PLACEHOLDER: &str = r#"<div id="prerender"></div>"#;
/// The head block goes right after this, so that the page's security policy comes before
/// every inline element it allows.
const CHARSET: &str = r#"<meta charset="utf-8">"#;

/// Trunk's page, ready to be filled in: no prerendered blocks, assets inlined.
pub struct Shell {
    html: String,
    /// The inlined stylesheets' and scripts' texts, for the security policy's hashes.
    pub inline_styles: Vec<String>,
    pub inline_scripts: Vec<String>,
}

impl Shell {
    /// Reads `index` (as Trunk wrote it, or as an earlier prerender left it). `read_file`
    /// gives the text of a file the page names (relative to the root), for inlining.
    pub fn read(index: &str, read_file: impl Fn(&str) -> Option<String>) -> Result<Self, PrerenderError> {
        let mut html = match between(index, BODY_START, BODY_END) {
            Some((before, after)) => format!("{before}{BODY_PLACEHOLDER}{after}"),
            None if index.contains(BODY_PLACEHOLDER) => index.to_owned(),
            None => return Err(PrerenderError::NoPlaceholder),
        };
        if let Some((before, after)) = between(&html, HEAD_START, HEAD_END) {
            html = format!("{}{after}", before.strip_suffix("\n    ").unwrap_or(before));
        }
        if !html.contains(CHARSET) || !html.contains("</head>") {
            return Err(PrerenderError::NoHead);
        }
        let mut html = inline_assets(&html, &read_file);
        let inline_scripts: Vec<String> = element_texts(&html, "script").into_iter().filter(|text| !text.trim().is_empty()).collect();
        // Only a boot script that adds the loader once the page is painted gets it as a meta:
        // a page from an older build (refreshed by this one) keeps its loader a script, or the
        // app would never start.
        if inline_scripts.iter().any(|text| text.contains(APP_START)) {
            html = loader_as_meta(&html);
        }
        let inline_styles = element_texts(&html, "style");
        Ok(Self { html, inline_styles, inline_scripts })
    }

    /// The value of `<meta name="NAME" content="…">` in the page, if the organiser put one.
    pub fn meta(&self, name: &str) -> Option<String> {
        meta_content(&self.html, name)
    }

    /// Sets (or adds) `<meta name="NAME" content="VALUE">`, kept on every later refresh.
    pub fn set_meta(&mut self, name: &str, value: &str) {
        let line = format!(r#"<meta name="{name}" content="{}">"#, super::head::escape(value));
        let needle = format!(r#"<meta name="{name}""#);
        self.html = match self.html.find(&needle) {
            Some(from) => {
                let to = from + self.html[from..].find('>').map_or(0, |end| end + 1);
                format!("{}{line}{}", &self.html[..from], &self.html[to..])
            }
            None => self.html.replacen(CHARSET, &format!("{CHARSET}\n    {line}"), 1),
        };
    }

    /// A page `depth` folders below the root: the shell's addresses moved there, `head` and
    /// `body` put in, `<html lang dir>` set.
    pub fn page(&self, depth: usize, head: &str, body: &str, lang: &str, dir: &str) -> String {
        let html = relocate(&self.html, &"../".repeat(depth));
        let html = html.replacen(CHARSET, &format!("{CHARSET}\n    {HEAD_START}{head}{HEAD_END}"), 1);
        let html = html.replacen(BODY_PLACEHOLDER, &format!("{BODY_START}{body}{BODY_END}"), 1);
        set_html_language(&html, lang, dir)
    }
}

/// The page's module script of its own (the app's loader) as `<meta name="app-start"
/// data-src data-integrity>`, which the boot script turns back into a script once the page has
/// been painted: a script the page asks for while it is parsed is fetched (and may be run)
/// before the first paint.
fn loader_as_meta(html: &str) -> String {
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        let Some(end) = rest[at..].find('>').map(|end| at + end + 1) else { break };
        let tag = &rest[at..end];
        let src = attribute(tag, "src").filter(|src| is_relative(src));
        if let (Some("module"), Some(src)) = (attribute(tag, "type").as_deref(), src) {
            let integrity = attribute(tag, "integrity").map(|hash| format!(r#" data-integrity="{hash}""#)).unwrap_or_default();
            let close = rest[end..].find("</script>").map_or(end, |close| end + close + "</script>".len());
            let before = html.len() - rest.len();
            return format!(r#"{}<meta name="{APP_START}" data-src="{src}"{integrity}>{}"#, &html[..before + at], &rest[close..]);
        }
        rest = &rest[end..];
    }
    html.to_owned()
}

/// How long the text is that follows `tag` when it opens a `<style>` or `<script>` (to its
/// closing tag, or to the end); 0 after any other tag.
fn code_text_len(tag: &str, rest: &str) -> usize {
    let close = if tag.starts_with("<style") {
        "</style>"
    } else if tag.starts_with("<script") {
        "</script>"
    } else {
        return 0;
    };
    rest.find(close).unwrap_or(rest.len())
}

/// The text before `start` and after `end` (markers included in the cut).
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str)> {
    let from = text.find(start)?;
    let to = from + text[from..].find(end)? + end.len();
    Some((&text[..from], &text[to..]))
}

/// The page without comments. Each `<link rel="stylesheet" href=…>` and classic
/// `<script src=…>` of the page's own files becomes an inline element with the file's text
/// (compacted), marked with the file's name.
fn inline_assets(html: &str, read_file: &impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Comments are for whoever edits index.html, not for readers: every page goes without.
        if let Some(comment) = comment_len(rest) {
            rest = &rest[comment..];
            out.truncate(out.trim_end_matches([' ', '\n']).len());
            continue;
        }
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..=end];
        let name = tag[1..].split(|c: char| c.is_ascii_whitespace() || c == '>').next().unwrap_or_default();
        let stylesheet = name == "link" && attribute(tag, "rel").as_deref() == Some("stylesheet");
        let script = name == "script" && attribute(tag, "type").is_none_or(|kind| kind == "text/javascript");
        let file = attribute(tag, if stylesheet { "href" } else { "src" }).filter(|file| is_relative(file));
        match (stylesheet, script, file.as_deref().and_then(|file| read_file(file.trim_start_matches("./")).map(|text| (file, text)))) {
            (true, _, Some((file, text))) => {
                out.push_str(&format!(r#"<style data-href="{file}">{}</style>"#, compact::css(&text).replace("</style", "<\\/style")));
                rest = &rest[end + 1..];
            }
            (_, true, Some((file, text))) => {
                out.push_str(&format!(
                    r#"<script data-src="{file}">{}</script>"#,
                    compact::script(&text).replace("</script", "<\\/script")
                ));
                rest = &rest[rest.find("</script>").map_or(end + 1, |close| close + "</script>".len())..];
            }
            _ => {
                out.push_str(tag);
                rest = &rest[end + 1..];
                // An element inlined earlier (a refresh reads its own page): its text as it is.
                let text = code_text_len(tag, rest);
                out.push_str(&rest[..text]);
                rest = &rest[text..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The texts of the page's `<NAME …>…</NAME>` elements (JSON-LD excepted: data, not script).
fn element_texts(html: &str, name: &str) -> Vec<String> {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut texts = Vec::new();
    let without_comments = strip_comments(html);
    let mut rest = without_comments.as_str();
    while let Some(at) = rest.find(&open) {
        rest = &rest[at..];
        let Some(end) = rest.find('>') else { break };
        let Some(stop) = rest.find(&close) else { break };
        if attribute(&rest[..=end], "type").is_none_or(|kind| kind != "application/ld+json") && stop > end {
            texts.push(rest[end + 1..stop].to_owned());
        }
        rest = &rest[stop + close.len()..];
    }
    texts
}

/// The length of the comment `text` starts with, if it starts with one.
fn comment_len(text: &str) -> Option<usize> {
    text.starts_with("<!--").then(|| text.find("-->").map_or(text.len(), |end| end + 3))
}

fn strip_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        rest = &rest[at + comment_len(&rest[at..]).unwrap_or(4)..];
    }
    out.push_str(rest);
    out
}

/// The value of `name="…"` in one tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let from = tag.find(&needle)? + needle.len();
    let to = from + tag[from..].find('"')?;
    Some(tag[from..to].to_owned())
}

fn meta_content(html: &str, name: &str) -> Option<String> {
    let from = html.find(&format!(r#"<meta name="{name}""#))?;
    let tag = &html[from..from + html[from..].find('>')? + 1];
    attribute(tag, "content").map(|value| value.replace("&quot;", "\"").replace("&amp;", "&"))
}

/// An address relative to the page (not `/…`, `#…`, `data:`, `https:`…).
fn is_relative(value: &str) -> bool {
    !value.is_empty() && !value.starts_with(['/', '#', '?']) && !value.split(['/', '?', '#']).next().unwrap_or_default().contains(':')
}

/// The page's relative addresses (`href`, `src`, and the app's code in `data-js`/`data-wasm`)
/// with `prefix` put before them.
fn relocate(html: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    // Only in tags: text, comments and inline code are left alone.
    while let Some(at) = rest.find('<') {
        if let Some(comment) = comment_len(&rest[at..]) {
            out.push_str(&rest[..at + comment]);
            rest = &rest[at + comment..];
            continue;
        }
        let Some(end) = rest[at..].find('>').map(|end| at + end + 1) else { break };
        out.push_str(&rest[..at]);
        let mut tag = rest[at..end].to_owned();
        {
            for name in ["href", "src", "data-js", "data-wasm", "data-href", "data-src"] {
                let needle = format!(" {name}=\"");
                if let Some(from) = tag.find(&needle).map(|from| from + needle.len()) {
                    let value = tag[from..].split('"').next().unwrap_or_default().to_owned();
                    if is_relative(&value) {
                        tag.replace_range(from..from + value.len(), &format!("{prefix}{}", value.trim_start_matches("./")));
                    }
                }
            }
        }
        out.push_str(&tag);
        rest = &rest[end..];
        // Inline styles and scripts hold no addresses of the page's: skip their text.
        let text = code_text_len(&tag, rest);
        out.push_str(&rest[..text]);
        rest = &rest[text..];
    }
    out.push_str(rest);
    out
}

fn set_html_language(index: &str, lang: &str, dir: &str) -> String {
    let Some(from) = index.find("<html") else { return index.to_owned() };
    let Some(len) = index[from..].find('>') else { return index.to_owned() };
    format!(r#"{}<html lang="{lang}" dir="{dir}">{}"#, &index[..from], &index[from + len + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">
<!-- A comment naming <link rel="stylesheet" href="styles-abc.css"> and <a href="x">. -->
<link rel="icon" href="favicon.svg"><link rel="stylesheet" href="./styles-abc.css" integrity="sha384-x"/>
<meta name="app-code" data-js="./app-1.js" data-wasm="./app-1_bg.wasm">
<script src="./boot-def.js" integrity="sha384-y"></script><script type="module" src="./start-9.js"></script>
<link rel="manifest" href="https://example.org/m.json"></head><body><div id="prerender"></div></body></html>"#;

    fn files(name: &str) -> Option<String> {
        match name {
            "styles-abc.css" => Some("body{color:red}".into()),
            "boot-def.js" => Some("/* Why. */\n  var a = '</script>', b = 'meta[name=\"app-start\"]';\n".into()),
            "boot-old.js" => Some("var a = 1;".into()),
            _ => None,
        }
    }

    #[test]
    fn stylesheet_and_boot_script_are_inlined_and_the_loader_waits_in_a_meta() {
        let shell = Shell::read(TRUNK, files).unwrap();
        assert_eq!(shell.inline_styles, ["body{color:red}"]);
        assert_eq!(shell.inline_scripts, [r#"var a = '<\/script>', b = 'meta[name="app-start"]';"#]);
        let page = shell.page(0, "<title>T</title>", "<p>hi</p>", "fr", "ltr");
        assert!(page.contains(r#"<style data-href="./styles-abc.css">body{color:red}</style>"#), "{page}");
        assert!(!page.contains("styles-abc.css\" integrity") && !page.contains("boot-def.js\" integrity"), "{page}");
        assert!(page.contains(r#"<meta name="app-start" data-src="./start-9.js">"#), "{page}");
        assert!(!page.contains("<script type=\"module\""), "no script is asked for before the boot script's");
        assert!(page.contains(r#"<html lang="fr" dir="ltr">"#));
        assert!(page.contains(&format!("{CHARSET}\n    {HEAD_START}<title>T</title>{HEAD_END}")));
        // Read again from what it wrote: the same page.
        let again = Shell::read(&page, files).unwrap();
        assert_eq!(again.page(0, "<title>T</title>", "<p>hi</p>", "fr", "ltr"), page);
    }

    #[test]
    fn an_older_boot_script_keeps_its_loader_a_script() {
        let page = Shell::read(&TRUNK.replace("boot-def.js", "boot-old.js"), files).unwrap().page(0, "", "", "en", "ltr");
        assert!(page.contains(r#"<script type="module" src="./start-9.js"></script>"#), "{page}");
        assert!(!page.contains("app-start"), "{page}");
    }

    #[test]
    fn a_deeper_page_reaches_the_root_files() {
        let page = Shell::read(TRUNK, files).unwrap().page(2, "", "", "ar", "rtl");
        for moved in [
            r#"href="../../favicon.svg""#,
            r#"data-js="../../app-1.js""#,
            r#"data-wasm="../../app-1_bg.wasm""#,
            r#"data-src="../../start-9.js""#,
        ] {
            assert!(page.contains(moved), "{moved}: {page}");
        }
        assert!(page.contains(r#"href="https://example.org/m.json""#), "absolute addresses stay");
        assert!(!page.contains("A comment") && page.contains(r#"<meta charset="utf-8">"#), "comments go: {page}");
        assert!(page.contains("body{color:red}"), "inline text is not touched");
    }

    #[test]
    fn an_organisers_meta_line_is_read_set_and_kept() {
        let mut shell = Shell::read(TRUNK, files).unwrap();
        assert_eq!(shell.meta("publish-address"), None);
        shell.set_meta("publish-address", "https://example.org/p/");
        shell.set_meta("publish-address", "https://example.org/programme/");
        assert_eq!(shell.meta("publish-address").as_deref(), Some("https://example.org/programme/"));
        assert_eq!(shell.page(0, "", "", "en", "ltr").matches("publish-address").count(), 1);
        assert!(Shell::read("<html><head></head><body></body></html>", files).is_err());
    }
}
