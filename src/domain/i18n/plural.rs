//! CLDR plural categories of the six UN languages, for whole numbers (every count the app
//! shows is one): which form of "{n} events" a language uses for `n`. The same rules as the
//! browser's `Intl.PluralRules` (the browser tests compare them, tests/web.rs), here in Rust so
//! that the native prerender and the app write the same words, at a few hundred bytes of wasm.

use super::Lang;

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    pub const ALL: [Plural; 6] = [Plural::Zero, Plural::One, Plural::Two, Plural::Few, Plural::Many, Plural::Other];

    /// The category's CLDR name, as language files and `Intl.PluralRules` write it.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Plural> {
        Plural::ALL.into_iter().find(|plural| plural.name() == name)
    }
}

/// The categories `lang` has (CLDR): a language file gives a form for each.
pub fn categories(lang: Lang) -> &'static [Plural] {
    use Plural::*;
    match lang {
        Lang::Ar => &[Zero, One, Two, Few, Many, Other],
        Lang::Zh => &[Other],
        Lang::En => &[One, Other],
        Lang::Fr | Lang::Es => &[One, Many, Other],
        Lang::Ru => &[One, Few, Many, Other],
    }
}

/// The category of the whole number `n` in `lang`.
pub fn category(lang: Lang, n: usize) -> Plural {
    let (n10, n100) = (n % 10, n % 100);
    // French and Spanish use "many" for round millions ("1 000 000 d'événements").
    let millions = n != 0 && n.is_multiple_of(1_000_000);
    match lang {
        Lang::Zh => Plural::Other,
        Lang::En => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
        Lang::Fr => match n {
            0 | 1 => Plural::One,
            _ if millions => Plural::Many,
            _ => Plural::Other,
        },
        Lang::Es => match n {
            1 => Plural::One,
            _ if millions => Plural::Many,
            _ => Plural::Other,
        },
        Lang::Ru => match (n10, n100) {
            (1, n100) if n100 != 11 => Plural::One,
            (2..=4, n100) if !(12..=14).contains(&n100) => Plural::Few,
            _ => Plural::Many,
        },
        Lang::Ar => match (n, n100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        },
    }
}

/// Whether `plural` stands for one number only in `lang` (Arabic's "zero", "one" and "two";
/// English's and Spanish's "one"): its form may say the number in words ("one event") rather
/// than write `{n}`.
pub fn is_one_number(lang: Lang, plural: Plural) -> bool {
    match plural {
        Plural::Zero | Plural::Two => lang == Lang::Ar,
        Plural::One => matches!(lang, Lang::Ar | Lang::En | Lang::Es),
        Plural::Few | Plural::Many | Plural::Other => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_follow_cldr() {
        use Plural::*;
        let cases: [(Lang, &[(usize, Plural)]); 6] = [
            (Lang::En, &[(0, Other), (1, One), (2, Other), (21, Other)]),
            (Lang::Fr, &[(0, One), (1, One), (2, Other), (1_000_000, Many), (2_000_000, Many), (1_000_001, Other)]),
            (Lang::Es, &[(0, Other), (1, One), (2, Other), (1_000_000, Many)]),
            (Lang::Ru, &[(1, One), (21, One), (11, Many), (2, Few), (24, Few), (12, Many), (5, Many), (0, Many), (111, Many), (101, One)]),
            (Lang::Ar, &[(0, Zero), (1, One), (2, Two), (3, Few), (110, Few), (11, Many), (199, Many), (100, Other), (102, Other)]),
            (Lang::Zh, &[(0, Other), (1, Other)]),
        ];
        for (lang, numbers) in cases {
            for &(n, expected) in numbers {
                assert_eq!(category(lang, n), expected, "{lang:?} {n}");
                assert!(categories(lang).contains(&expected), "{lang:?} {n}");
            }
        }
    }
}
