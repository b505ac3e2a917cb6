//! The words the widget and the static page add around an evidence set, in its language.
//!
//! Each language is one table, `src/locales/<tag>.toml`, that a translator reads and fills in;
//! `build.rs` compiles them (with `compile.rs`) into [`LOCALES`]. A string a table
//! lacks is said in English. Plurals follow the language's CLDR rules and dates its CLDR long
//! format, computed here the same way natively and in wasm, so a prerendered page and the widget
//! that takes it over say exactly the same.

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// `zero`.
    Zero,
    /// `one`.
    One,
    /// `two`.
    Two,
    /// `few`.
    Few,
    /// `many`.
    Many,
    /// `other`: every number no other category takes.
    Other,
}

/// A string said differently by count: one form per [`Category`], each filling in `{count}`.
#[derive(Debug)]
pub struct Plural {
    /// The forms, in [`Category`] order; a category the table does not give has `other`'s.
    forms: [&'static str; 6],
    /// The rule that picks the form: the language's, or English's for English forms.
    rule: fn(u64) -> Category,
}

impl Plural {
    /// The form for `count`, with `{count}` filled in.
    pub fn say(&self, count: usize) -> String {
        let form = self.forms[(self.rule)(count as u64) as usize];
        fill(form, &[("count", &count.to_string())])
    }
}

/// A language's month names and long date patterns (`{day} {month} {year}`).
#[derive(Debug)]
struct Dates {
    /// January to December.
    months: [&'static str; 12],
    /// A full date.
    day: &'static str,
    /// A month of a year.
    month: &'static str,
}

/// One language: its words, dates and plural rule.
#[derive(Debug)]
pub struct Locale {
    /// The table's language tag (`en`, `es`, `pt-BR`).
    pub tag: &'static str,
    /// Every string, by key.
    pub words: Words,
    /// How dates are said.
    dates: Dates,
    /// The language's plural rule for whole numbers.
    rule: fn(u64) -> Category,
}

impl Locale {
    /// The table for a language tag: the exact tag, then its primary language (`es` for
    /// `es-MX`), then English.
    pub fn of(language: Option<&str>) -> &'static Locale {
        let wanted = language.unwrap_or_default();
        let primary = wanted.split(['-', '_']).next().unwrap_or_default();
        let find = |tag: &str| {
            LOCALES
                .iter()
                .find(|locale| locale.tag.eq_ignore_ascii_case(tag))
        };
        find(&wanted.replace('_', "-"))
            .or_else(|| find(primary))
            .unwrap_or(&LOCALES[0])
    }

    /// Whether the widget has words of its own for a language tag, rather than English's in
    /// their place.
    pub fn speaks(language: &str) -> bool {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        Self::of(Some(language)).tag != "en" || primary.eq_ignore_ascii_case("en")
    }

    /// Every language the widget speaks, English first.
    pub fn all() -> &'static [Locale] {
        &LOCALES
    }

    /// English, the fallback.
    pub fn english() -> &'static Locale {
        &LOCALES[0]
    }

    /// The plural category of a whole number in this language.
    pub fn category(&self, n: u64) -> Category {
        (self.rule)(n)
    }

    /// A date of the evidence format (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) as this language says
    /// it; anything else as it is.
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let digits = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<usize>().ok())
                .flatten()
        };
        let year = parts.first().and_then(|y| digits(y, 4));
        let month = parts
            .get(1)
            .and_then(|m| digits(m, 2))
            .filter(|m| (1..=12).contains(m));
        let day = parts
            .get(2)
            .and_then(|d| digits(d, 2))
            .filter(|d| (1..=31).contains(d));
        let year_text = parts.first().copied().unwrap_or_default();
        match (parts.len(), year, month, day) {
            (1, Some(_), _, _) => year_text.to_owned(),
            (2, Some(_), Some(m), _) => fill(
                self.dates.month,
                &[("month", self.dates.months[m - 1]), ("year", year_text)],
            ),
            (3, Some(_), Some(m), Some(d)) => fill(
                self.dates.day,
                &[
                    ("day", &d.to_string()),
                    ("month", self.dates.months[m - 1]),
                    ("year", year_text),
                ],
            ),
            _ => iso.to_owned(),
        }
    }

    /// Items as a sentence lists them ("A", "A and B", "A, B and C" in English), with the
    /// language's words between them made by `words`.
    pub fn list<T: Clone>(&self, items: &[T], words: impl Fn(&str) -> T) -> Vec<T> {
        match items {
            [] => Vec::new(),
            [one] => vec![one.clone()],
            [rest @ .., last] => {
                let mut first = Vec::new();
                for (i, item) in rest.iter().enumerate() {
                    if i > 0 {
                        first.push(words(self.words.list_comma));
                    }
                    first.push(item.clone());
                }
                let values = [("first", first), ("last", vec![last.clone()])];
                fill_with(self.words.list_pair, &values, words)
            }
        }
    }
}

/// `template` with each `{name}` given in `values` replaced by its value; other braces stay.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let values: Vec<(&str, Vec<Piece>)> = values
        .iter()
        .map(|(name, value)| (*name, vec![Piece::words(value)]))
        .collect();
    Piece::text(&fill_with(template, &values, Piece::words))
}

/// A stretch of words the widget shows: its own, or text from the evidence set, which the view
/// isolates (`<bdi>`) so that a Latin name in Arabic words, or the reverse, keeps its place
/// and its order, whatever characters it holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// The widget's words, in the reader's language.
    Words(String),
    /// Text from the evidence set.
    Evidence(String),
}

impl Piece {
    /// The widget's own `words`.
    pub fn words(words: &str) -> Piece {
        Piece::Words(words.to_owned())
    }

    /// `pieces` as plain text, as a reader sees it.
    pub fn text(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|piece| match piece {
                Piece::Words(text) | Piece::Evidence(text) => text.as_str(),
            })
            .collect()
    }
}

/// `template` as a sequence: the words between its `{name}`s made by `words`, and each name
/// given in `values` replaced by its items; other braces stay words. What [`fill`] does, for
/// callers that keep the widget's words apart from the text they hold ([`Piece`]).
pub fn fill_with<'t, T: Clone>(
    template: &'t str,
    values: &[(&str, Vec<T>)],
    words: impl Fn(&'t str) -> T,
) -> Vec<T> {
    let mut out = Vec::new();
    let mut rest = template;
    let mut plain = 0;
    while let Some(start) = rest[plain..].find('{').map(|at| plain + at) {
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (value, end))
        });
        match value {
            Some((value, end)) => {
                if start > 0 {
                    out.push(words(&rest[..start]));
                }
                out.extend(value.iter().cloned());
                rest = &after[end + 1..];
                plain = 0;
            }
            None => plain = start + 1,
        }
    }
    if !rest.is_empty() {
        out.push(words(rest));
    }
    out
}

/// The writing direction of a language tag (`ar`, `he-IL`): `"rtl"` for the languages written
/// right to left, `None` (the default, left to right) for the others and for none.
pub fn direction(language: Option<&str>) -> Option<&'static str> {
    const RIGHT_TO_LEFT: [&str; 10] = ["ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];
    let primary = language?.split('-').next()?.to_ascii_lowercase();
    RIGHT_TO_LEFT.contains(&primary.as_str()).then_some("rtl")
}

#[cfg(test)]
mod tests {
    #[test]
    fn languages_written_right_to_left_are_known_by_their_primary_tag() {
        assert_eq!(direction(Some("ar")), Some("rtl"));
        assert_eq!(direction(Some("he-IL")), Some("rtl"));
        assert_eq!(direction(Some("FA")), Some("rtl"));
        assert_eq!(direction(Some("en")), None);
        assert_eq!(direction(Some("arn")), None, "Mapudungun is not Arabic");
        assert_eq!(direction(None), None);
    }

    use super::*;

    #[test]
    fn a_tag_finds_its_table_then_its_language_then_english() {
        assert_eq!(Locale::of(Some("es")).tag, "es");
        assert_eq!(Locale::of(Some("es-MX")).tag, "es");
        assert_eq!(Locale::of(Some("PT_br")).tag, "pt");
        assert_eq!(Locale::of(Some("xx")).tag, "en");
        assert_eq!(Locale::of(None).tag, "en");
        assert!(Locale::speaks("es-MX") && Locale::speaks("EN-gb") && Locale::speaks("ar"));
        assert!(!Locale::speaks("de") && !Locale::speaks("") && !Locale::speaks("xx-en"));
    }

    #[test]
    fn placeholders_are_filled_and_other_braces_kept() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "1"), ("b", "{a}")]),
            "1 and {a}"
        );
        assert_eq!(fill("{x} {", &[("y", "2")]), "{x} {");
    }

    #[test]
    fn dates_are_said_in_the_language_and_anything_else_kept() {
        let en = Locale::english();
        assert_eq!(en.date("2026-04-03"), "April 3, 2026");
        assert_eq!(en.date("2026-04"), "April 2026");
        assert_eq!(en.date("2026"), "2026");
        assert_eq!(
            Locale::of(Some("es")).date("2026-04-03"),
            "3 de abril de 2026"
        );
        for odd in ["2026-13-01", "2026-04-3", "June 2019", "", "2026-04-03-01"] {
            assert_eq!(en.date(odd), odd);
        }
    }

    #[test]
    fn lists_join_names_with_the_language_words() {
        let en = Locale::english();
        let said = |locale: &Locale, items: &[&str]| {
            let items: Vec<String> = items.iter().map(|i| (*i).to_owned()).collect();
            locale.list(&items, str::to_owned).concat()
        };
        assert_eq!(said(en, &[]), "");
        assert_eq!(said(en, &["A"]), "A");
        assert_eq!(said(en, &["A", "B", "C"]), "A, B and C");
        assert_eq!(said(Locale::of(Some("es")), &["A", "B"]), "A y B");
        assert_eq!(said(Locale::of(Some("ar")), &["A", "B", "C"]), "A، B وC");
    }

    #[test]
    fn fill_with_keeps_values_apart_from_the_words() {
        let values = [("a", vec!["1", "2"])];
        assert_eq!(
            fill_with("x {a} {b} y{a}", &values, |w| w),
            ["x ", "1", "2", " {b} y", "1", "2"]
        );
        assert_eq!(fill_with("{a}", &values, |w| w), ["1", "2"]);
        assert_eq!(fill_with("", &values, |w| w), Vec::<&str>::new());
    }
}
