//! Text folding for search: lower case, accents removed, punctuation as spaces, so that
//! "reintegration" finds "Réintégration" and "rio+20" finds "Rio+20 outcomes".
//! A small table instead of full Unicode normalisation keeps the wasm bundle small; it covers
//! the Latin letters of the six UN languages' Latin-script neighbours (French, Spanish, ...).
//! Other scripts (Arabic, Chinese, Cyrillic) pass through lower-cased.

/// Folds one character to its base letters; `None` means "treat as a word separator".
fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ё' => "е",
        _ => {
            if c.is_alphanumeric() || c == '+' {
                out.push(c);
            } else {
                out.push(' ');
            }
            return;
        }
    };
    out.push_str(base);
}

/// Lower-cases and folds `text` into space-separated words.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// `fold`, appended to `out`: one buffer for several texts.
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|byte| !byte.is_ascii()).unwrap_or(rest.len());
        fold_ascii(&rest.as_bytes()[..ascii], out);
        rest = &rest[ascii..];
        let Some(upper) = rest.chars().next() else { break };
        for c in upper.to_lowercase() {
            fold_char(c, out);
        }
        rest = &rest[upper.len_utf8()..];
    }
}

/// Folds a run of ASCII, most of most programmes, through a byte table into a small buffer
/// appended whole: no decoding and no call per character. Reading 10,000 events folds ~2 MB,
/// and the wasm is built for size, where a call per character was a quarter of reading.
fn fold_ascii(ascii: &[u8], out: &mut String) {
    let mut buffer = [0u8; 128];
    for run in ascii.chunks(buffer.len()) {
        for (folded, &byte) in buffer.iter_mut().zip(run) {
            *folded = ASCII_FOLDED[usize::from(byte & 0x7f)];
        }
        // The table maps ASCII to ASCII: always valid.
        out.push_str(std::str::from_utf8(&buffer[..run.len()]).unwrap_or_default());
    }
}

/// What each ASCII character folds to: letters lower-cased, digits and `+` kept, anything
/// else a space.
const ASCII_FOLDED: [u8; 128] = {
    let mut table = [b' '; 128];
    let mut byte = 0;
    while byte < 128 {
        let c = byte as u8;
        if c.is_ascii_alphanumeric() || c == b'+' {
            table[byte] = c.to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// The words of a search query, folded; empty words dropped.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

/// An event's folded text (`fold`), with the set of letters, digits and `+` it contains: a
/// search word with one the text lacks is ruled out without looking through the text, and a
/// word of one letter needs no look at all. Typing the first letter searches every event, and
/// it was the slowest keystroke.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchText {
    text: String,
    letters: u64,
}

impl SearchText {
    /// `folded` is text already folded by `fold` or `fold_into`.
    pub fn new(folded: String) -> Self {
        let letters = letter_set(&folded);
        Self { text: folded, letters }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether `word` is part of the text, as a substring.
    pub fn contains(&self, word: &SearchWord) -> bool {
        self.letters & word.letters == word.letters && (word.is_one_letter || self.text.contains(word.text.as_str()))
    }
}

/// A folded search word, ready to be looked for in many `SearchText`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchWord {
    text: String,
    letters: u64,
    /// A single letter, digit or `+`: the letter set alone says whether a text contains it.
    is_one_letter: bool,
}

impl SearchWord {
    /// `folded` is one word of `query_words`.
    pub fn new(folded: &str) -> Self {
        let is_one_letter = folded.len() == 1 && letter_bit(folded.as_bytes()[0]) != 0;
        Self { text: folded.to_owned(), letters: letter_set(folded), is_one_letter }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The bit of an ASCII letter, digit or `+` (0 for anything else, which the set leaves out).
fn letter_bit(byte: u8) -> u64 {
    match byte {
        b'a'..=b'z' => 1 << (byte - b'a'),
        b'0'..=b'9' => 1 << (26 + byte - b'0'),
        b'+' => 1 << 36,
        _ => 0,
    }
}

fn letter_set(folded: &str) -> u64 {
    folded.bytes().fold(0, |set, byte| set | letter_bit(byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_text_contains_exactly_its_substrings() {
        let text = SearchText::new(fold("Réintégration des migrants, Rio+20 (2012) — Миграция"));
        for word in ["r", "reint", "rio+20", "+", "2", "2012", "миграция", "мигр", "des migrants"] {
            assert!(text.contains(&SearchWord::new(word)), "{word}");
        }
        for word in ["z", "x", "reintegrer", "2013", "миграции", "q+"] {
            assert!(!text.contains(&SearchWord::new(word)), "{word}");
        }
        assert!(SearchText::new(String::new()).contains(&SearchWord::new("")));
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        for (input, expected) in [
            ("Réintégration", "reintegration"),
            ("MIGRACIÓN y niñez", "migracion y ninez"),
            ("Rio+20 outcomes", "rio+20 outcomes"),
            ("health-services", "health services"),
            ("Straße", "strasse"),
            ("ÉDUCATION", "education"),
            ("Миграция", "миграция"),
        ] {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    /// As the filter matches them: every word, as a substring.
    fn matches_all(haystack: &str, words: &[String]) -> bool {
        let text = SearchText::new(haystack.to_owned());
        words.iter().all(|word| text.contains(&SearchWord::new(word)))
    }

    #[test]
    fn every_word_must_match() {
        let haystack = fold("Reintegration of labour migrants — New York");
        assert!(matches_all(&haystack, &query_words("réintégration")));
        assert!(matches_all(&haystack, &query_words("labour  YORK")));
        assert!(matches_all(&haystack, &query_words("reinteg")));
        assert!(!matches_all(&haystack, &query_words("labour antwerp")));
        assert!(matches_all(&haystack, &query_words("   ")));
    }
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod letter_set_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The letter set only ever saves the look through the text: it never changes the answer.
        #[test]
        fn contains_is_a_substring_search(text in "[abz09+ éж]{0,12}", query in "[abz09+ éж]{1,4}") {
            let text = fold(&text);
            for word in query_words(&query) {
                prop_assert_eq!(SearchText::new(text.clone()).contains(&SearchWord::new(&word)), text.contains(word.as_str()), "{:?} in {:?}", word, text);
            }
        }

        /// Folding ASCII by runs through the table gives what folding each character does,
        /// also across the table's 128-byte buffers and around other characters.
        #[test]
        fn ascii_runs_fold_like_single_characters(text in "([a-zA-Z0-9+ ,.!-]{0,300}[éÉжß—]?){0,4}") {
            let mut one_by_one = String::new();
            for upper in text.chars() {
                for c in upper.to_lowercase() {
                    if c.is_ascii() {
                        one_by_one.push(if c.is_ascii_alphanumeric() || c == '+' { c } else { ' ' });
                    } else {
                        fold_char(c, &mut one_by_one);
                    }
                }
            }
            prop_assert_eq!(fold(&text), one_by_one);
        }
    }
}
