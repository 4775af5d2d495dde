//! Line numbers for JSON paths: a problem found in the parsed value (`events[3].themes[1]`) is
//! also reported with the line where the organiser's editor shows it. Runs only when there are
//! problems, over text that is already known to be valid JSON; it never panics on any text.

use std::collections::HashMap;

/// The line (1-based) of each path's value in `text`. A path that is not in the file (a missing
/// field) gets the line of its nearest ancestor that is.
pub fn lines_of(text: &str, paths: &[&str]) -> Vec<Option<usize>> {
    // Every path and its ancestors are looked for in one pass.
    let mut wanted: HashMap<&str, Option<usize>> = HashMap::new();
    for path in paths {
        for prefix in with_ancestors(path) {
            wanted.insert(prefix, None);
        }
    }
    let mut scan = Scan { bytes: text.as_bytes(), pos: 0, line: 1, wanted };
    scan.value(&mut String::new(), 0);
    paths.iter().map(|path| with_ancestors(path).find_map(|prefix| scan.wanted.get(prefix).copied().flatten())).collect()
}

/// `events[3].when.start`, `events[3].when`, `events[3]`, `events`, then "" (the whole file).
fn with_ancestors(path: &str) -> impl Iterator<Item = &str> {
    let cuts = path.char_indices().filter(|(_, c)| *c == '.' || *c == '[').map(|(at, _)| at).collect::<Vec<_>>();
    std::iter::once(path).chain(cuts.into_iter().rev().map(move |at| &path[..at])).chain(std::iter::once(""))
}

struct Scan<'t> {
    bytes: &'t [u8],
    pos: usize,
    line: usize,
    wanted: HashMap<&'t str, Option<usize>>,
}

/// Deeper than serde_json accepts (128): such text never reaches this scan, but the bound
/// keeps any text from exhausting the stack.
const MAX_DEPTH: usize = 256;

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(byte) = self.peek() {
            match byte {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.pos += 1;
        }
    }

    fn value(&mut self, path: &mut String, depth: usize) {
        self.skip_space();
        if let Some(slot) = self.wanted.get_mut(path.as_str()) {
            slot.get_or_insert(self.line);
        }
        match self.peek() {
            Some(b'{') if depth < MAX_DEPTH => self.object(path, depth),
            Some(b'[') if depth < MAX_DEPTH => self.array(path, depth),
            Some(b'"') => {
                self.string();
            }
            _ => {
                while self.peek().is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')) {
                    self.pos += 1;
                }
            }
        }
    }

    fn object(&mut self, path: &mut String, depth: usize) {
        self.pos += 1;
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                self.pos += usize::from(self.peek() == Some(b'}'));
                return;
            }
            let key = self.string().to_owned();
            self.skip_space();
            if self.peek() != Some(b':') {
                return;
            }
            self.pos += 1;
            let parent = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            self.value(path, depth + 1);
            path.truncate(parent);
            self.skip_space();
            if self.peek() != Some(b',') {
                self.pos += usize::from(self.peek() == Some(b'}'));
                return;
            }
            self.pos += 1;
        }
    }

    fn array(&mut self, path: &mut String, depth: usize) {
        self.pos += 1;
        for index in 0.. {
            self.skip_space();
            if matches!(self.peek(), Some(b']') | None) {
                self.pos += 1;
                return;
            }
            let parent = path.len();
            path.push_str(&format!("[{index}]"));
            self.value(path, depth + 1);
            path.truncate(parent);
            self.skip_space();
            if self.peek() != Some(b',') {
                self.pos += usize::from(self.peek() == Some(b']'));
                return;
            }
            self.pos += 1;
        }
    }

    /// Skips a string at `pos` (on its opening quote) and returns its text as written. Keys
    /// with escapes (rare in a programme) are not decoded: a path through one falls back to
    /// its ancestor's line.
    fn string(&mut self) -> &str {
        let start = self.pos + 1;
        self.pos += 1;
        while let Some(byte) = self.peek() {
            self.pos += 1;
            match byte {
                b'\\' => self.pos += 1,
                b'"' => break,
                b'\n' => self.line += 1,
                _ => {}
            }
        }
        let end = self.pos.saturating_sub(1).max(start);
        self.bytes.get(start..end).and_then(|raw| std::str::from_utf8(raw).ok()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
  "schema_version": "1.1",
  "programme": { "id": "p", "title": "P" },
  "events": [
    {
      "id": "a",
      "themes": ["x", "y"]
    },
    { "id": "b", "when": {
        "start": "2012-13" } },
    { "id": "c\"d", "links": [{"url": "javascript:x"}] }
  ]
}"#;

    #[test]
    fn paths_have_the_lines_an_editor_shows() {
        let paths =
            ["schema_version", "programme.id", "events[0].themes[1]", "events[1].when.start", "events[2].links[0].url", "events[2]"];
        assert_eq!(lines_of(FILE, &paths), [Some(2), Some(3), Some(7), Some(10), Some(11), Some(11)]);
    }

    #[test]
    fn a_missing_field_gets_its_nearest_ancestors_line() {
        assert_eq!(lines_of(FILE, &["events[1].title", "events[9].id", "nowhere"]), [Some(9), Some(4), Some(1)]);
    }

    #[test]
    fn any_text_is_safe() {
        for text in ["", "{", "[[[", "\"unterminated", "{\"a\":", "{\"a\" 1}", "]", "\\"] {
            let _ = lines_of(text, &["a", "a[0]", ""]);
        }
        let deep = "[".repeat(100_000);
        let _ = lines_of(&deep, &["[0][0]"]);
    }
}
