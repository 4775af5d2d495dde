//! The six official UN languages: tags, names and direction.

/// The six official UN languages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    Zh,
    #[default]
    En,
    Fr,
    Ru,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// Picks the best supported language for a BCP 47 tag ("fr-CA" → French); English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.tag() == primary).unwrap_or_default()
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, for the language picker: a reader finds their own
    /// language whatever the page is in.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
        }
    }

    /// Text direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_direction() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert_eq!(Lang::from_tag("ar").dir(), "rtl");
    }
}
