//! The inlined stylesheet and boot script without their comments and indentation: every
//! static page carries both, and with them the root page no longer fits the first ten TCP
//! segments (~14 KB compressed), which cost a second round trip before the first paint. The
//! files in `dist/` keep their comments.
//!
//! A scanner, not a minifier: it knows strings, comments and (in scripts) regular expression
//! literals, drops comments, blank lines and each line's leading spaces, and keeps a script's
//! line breaks, so no statement is joined to the next.

/// `css` without comments, and without the spaces and line breaks around `{`, `}`, `;` and
/// `,` (which never matter in CSS outside a string).
pub fn css(css: &str) -> String {
    let lines = compact(css, false);
    let bytes = lines.as_bytes();
    let mut out = String::with_capacity(lines.len());
    let mut i = 0;
    while i < bytes.len() {
        let at = i;
        match bytes[i] {
            quote @ (b'"' | b'\'') => i = end_of_quoted(bytes, i, quote),
            byte if byte.is_ascii_whitespace() => {
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let around_punctuation = out.ends_with(['{', '}', ';', ',']) || matches!(bytes.get(i), Some(b'{' | b'}' | b';' | b','));
                if !around_punctuation && !out.is_empty() && i < bytes.len() {
                    out.push(' ');
                }
                continue;
            }
            _ => i += lines[i..].chars().next().map_or(1, char::len_utf8),
        }
        out.push_str(&lines[at..i]);
    }
    out
}

/// `script` (classic JavaScript) without comments, blank lines and indentation.
pub fn script(script: &str) -> String {
    compact(script, true)
}

fn compact(text: &str, is_script: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // The last character of code written, to tell a regular expression from a division.
    let mut last_code = b'\n';
    while i < bytes.len() {
        let at = i;
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(bytes.len(), |end| i + 2 + end + 2);
                // `a/* x */b` must not become `ab`.
                if !out.ends_with(char::is_whitespace) && !out.is_empty() {
                    out.push(' ');
                }
                continue;
            }
            b'/' if is_script && bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |end| i + end);
                continue;
            }
            quote @ (b'"' | b'\'' | b'`') => {
                i = end_of_quoted(bytes, i, quote);
            }
            b'/' if is_script && starts_regex(last_code, &out) => {
                i = end_of_regex(bytes, i);
            }
            b'\n' => {
                let trimmed = out.trim_end_matches([' ', '\t', '\r']).len();
                out.truncate(trimmed);
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                i += 1;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r') {
                    i += 1;
                }
                continue;
            }
            _ => {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out.push_str(&text[at..i]);
        if let Some(last) = text[at..i].bytes().rev().find(|byte| !byte.is_ascii_whitespace()) {
            last_code = last;
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// The index after the string that starts at `start` (a backslash escapes the next character).
fn end_of_quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            byte if byte == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The index after the regular expression literal (and its flags) that starts at `start`.
fn end_of_regex(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    let mut in_class = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => in_class = true,
            b']' => in_class = false,
            b'/' if !in_class => break,
            b'\n' => return i,
            _ => {}
        }
        i += 1;
    }
    i += 1;
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i.min(bytes.len())
}

/// Whether a `/` after this code starts a regular expression rather than dividing.
fn starts_regex(last_code: u8, out: &str) -> bool {
    if b"(,=:[!&|?{};+-*%<>~^\n".contains(&last_code) {
        return true;
    }
    let word: String = out.trim_end().chars().rev().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$').collect();
    matches!(word.chars().rev().collect::<String>().as_str(), "return" | "typeof" | "case" | "in" | "of" | "void" | "delete")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_indentation_go_and_lines_stay() {
        let source = "/* Why. */\n(function () {\n  var a = 1; /* said */\n\n  // a note\n  return a / 2;\n})();\n";
        assert_eq!(script(source), "(function () {\nvar a = 1;\nreturn a / 2;\n})();");
        assert_eq!(
            css("/* c */\n.a ,\n.b :focus {\n  color: red; /* x */\n  margin: 0 1px;\n}\n\n.c{}\n"),
            ".a,.b :focus{color: red;margin: 0 1px;}.c{}"
        );
    }

    #[test]
    fn strings_and_regular_expressions_are_kept_as_they_are() {
        let source = r#"var s = '/* no */ // no', t = "a\"/*", u = `x
  y /* z */`;
if (/[^/]*\/*$/.test(s) && !/^utm_|x$/i.test(t)) n = a.split(/[-_]/), m = 4 / 2 / 1;
return /\/\*/g;"#;
        let compacted = script(source);
        assert_eq!(compacted, source, "nothing here is a comment or an indentation");
        assert_eq!(css(".q::after { content: \"/* kept ; */\"; }\n.r { b: ' , ' }"), ".q::after{content: \"/* kept ; */\";}.r{b: ' , '}");
    }

    #[test]
    fn a_comment_between_two_words_leaves_a_space() {
        assert_eq!(script("var/**/a = 1;"), "var a = 1;");
        assert_eq!(css("a/* x */b{}"), "a b{}");
    }

    #[test]
    fn the_real_files_lose_only_comments_and_spaces() {
        for (name, compacted) in [("boot.js", script as fn(&str) -> String), ("styles.css", css)] {
            let source = std::fs::read_to_string(format!("{}/public/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let small = compacted(&source);
            assert!(small.len() * 10 < source.len() * 9, "{name}: {} of {} bytes", small.len(), source.len());
            assert_eq!(compacted(&small), small, "{name}: compacting twice changes nothing");
            // Neither file has `/*` but in comments: cut naively, they must give the same code.
            let mut naive = String::new();
            let mut rest = source.as_str();
            while let Some(at) = rest.find("/*") {
                naive.push_str(&rest[..at]);
                rest = &rest[at + rest[at..].find("*/").unwrap() + 2..];
            }
            naive.push_str(rest);
            let code = |text: &str| text.split_whitespace().collect::<String>();
            assert_eq!(code(&small), code(&naive), "{name}: only comments and spaces may go");
        }
    }
}
