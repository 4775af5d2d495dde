//! A language as text is made in it: the language and its translations, passed as a value to
//! whatever makes text, so that nothing reads a hidden registry.

use super::{Catalog, Lang};

/// A language with its translations (none for English, which is compiled in). One pointer,
/// cheap to copy: built once per language when its file has been read, and held in the app's
/// context. (A pair of language and catalog made every text call site larger: the wasm grew.)
#[derive(Debug, Clone, Copy)]
pub struct Locale(&'static Translations);

#[derive(Debug)]
struct Translations {
    lang: Lang,
    catalog: Option<Catalog>,
}

/// Each language without a file: its own rules (numbers, plurals, direction), English words.
/// In `Lang::ALL`'s order, which is the enum's.
static WITHOUT_FILES: [Translations; 6] = [
    Translations { lang: Lang::Ar, catalog: None },
    Translations { lang: Lang::Zh, catalog: None },
    Translations { lang: Lang::En, catalog: None },
    Translations { lang: Lang::Fr, catalog: None },
    Translations { lang: Lang::Ru, catalog: None },
    Translations { lang: Lang::Es, catalog: None },
];

impl Locale {
    /// English, complete without a file.
    pub const ENGLISH: Locale = Locale(&WITHOUT_FILES[Lang::En as usize]);

    /// The locale of a language file's translations. They live as long as the program: a
    /// language is read once, and the app reads at most six.
    pub fn from_catalog(catalog: Catalog) -> Locale {
        // English is compiled in: an English file adds nothing to fall back from.
        let lang = catalog.lang;
        Locale(Box::leak(Box::new(Translations { lang, catalog: (lang != Lang::En).then_some(catalog) })))
    }

    /// `lang` with no translations but English's: its own number grouping, plural rules and
    /// direction, English words. For a language whose file is missing, and for tests.
    pub fn without_translations(lang: Lang) -> Locale {
        Locale(&WITHOUT_FILES[lang as usize])
    }

    /// The language text is made in (programme texts are picked for it as well).
    pub fn lang(self) -> Lang {
        self.0.lang
    }

    pub fn catalog(self) -> Option<&'static Catalog> {
        self.0.catalog.as_ref()
    }

    /// Whether the interface speaks the language (English always does; another only with its
    /// file read), as opposed to falling back to English.
    pub fn is_translated(self) -> bool {
        self.0.lang == Lang::En || self.0.catalog.is_some()
    }

    pub fn tag(self) -> &'static str {
        self.0.lang.tag()
    }

    pub fn dir(self) -> &'static str {
        self.0.lang.dir()
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::ENGLISH
    }
}

/// The same translations of the same language (a signal of a locale notifies only on a
/// change of either).
impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Locale {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_without_a_file_is_itself() {
        for lang in Lang::ALL {
            let locale = Locale::without_translations(lang);
            assert_eq!(locale.lang(), lang);
            assert_eq!(locale, Locale::without_translations(lang));
            assert_eq!(locale.is_translated(), lang == Lang::En);
        }
        assert_eq!(Locale::ENGLISH, Locale::without_translations(Lang::En));
    }
}
