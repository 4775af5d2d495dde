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
    for upper in text.chars() {
        // ASCII is most of most programmes: no table, no Unicode lower-casing.
        if upper.is_ascii() {
            out.push(if upper.is_ascii_alphanumeric() || upper == '+' { upper.to_ascii_lowercase() } else { ' ' });
            continue;
        }
        for c in upper.to_lowercase() {
            fold_char(c, out);
        }
    }
}

/// The words of a search query, folded; empty words dropped.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        words.iter().all(|word| haystack.contains(word.as_str()))
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
