//! Setting the card's text: the fonts it carries, measuring a line with the same engine that
//! draws it (usvg's own text layout), and wrapping text to a width, cut at a word with an
//! ellipsis when it needs more lines than it has.

use std::sync::{Arc, OnceLock};

use resvg::usvg::{self, fontdb};

use crate::outputs::escape;

/// The card's fonts, carried in the binary so that no machine's own fonts change a pixel:
/// Noto Sans and Noto Naskh Arabic, cut down by `scripts/fonts.sh` (licence: `fonts/OFL.txt`).
const FONTS: [&[u8]; 4] = [
    include_bytes!("fonts/NotoSans-Regular.ttf"),
    include_bytes!("fonts/NotoSans-Bold.ttf"),
    include_bytes!("fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("fonts/NotoNaskhArabic-Bold.ttf"),
];

/// The font database the card is measured and drawn with, made once.
pub(super) fn fonts() -> Arc<fontdb::Database> {
    static FONT_DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONT_DB
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            for font in FONTS {
                // Read in place: no copy of the fonts in memory (in the studio's wasm too).
                db.load_font_source(fontdb::Source::Binary(Arc::new(font)));
            }
            db.set_sans_serif_family("Noto Sans");
            Arc::new(db)
        })
        .clone()
}

/// Whether the card's fonts draw `c` (a character they lack would be drawn as nothing).
pub(super) fn drawable(c: char) -> bool {
    if c.is_whitespace() || is_bidi_control(c) {
        return true;
    }
    // An SVG (XML) cannot hold the other control characters at all.
    if c.is_control() {
        return false;
    }
    let db = fonts();
    db.faces().any(|face| {
        db.with_face_data(face.id, |data, index| font_has(data, index, c))
            .unwrap_or(false)
    })
}

/// Whether the font in `data` maps `c` to a glyph.
fn font_has(data: &[u8], index: u32, c: char) -> bool {
    use skrifa::MetadataProvider;
    skrifa::FontRef::from_index(data, index)
        .map(|font| font.charmap().map(c).is_some())
        .unwrap_or(false)
}

/// The invisible marks that set a line's direction.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` has a letter of the Arabic script, so it is set in the Arabic font.
pub(super) fn is_arabic(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    })
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    /// The size in pixels.
    pub size: f32,
    /// Bold or regular.
    pub bold: bool,
    /// The fill colour, as SVG writes it.
    pub fill: &'static str,
    /// Whether the card reads right to left (lines end at the right margin's opposite).
    pub rtl: bool,
}

impl Style {
    /// The same style at another size.
    pub fn sized(self, size: f32) -> Self {
        Self { size, ..self }
    }

    /// The distance between two lines' baselines for `text`: Naskh's letters reach further
    /// above and below than Latin ones.
    pub fn line_height(self, text: &str) -> f32 {
        let factor = if is_arabic(text) { 1.5 } else { 1.22 };
        (self.size * factor).round()
    }

    /// A `<text>` element of `text` set in this style, with its start at `x` and its
    /// baseline at `y`; a right-to-left card's line is embedded right to left, so a Latin
    /// name inside an Arabic line keeps its place.
    pub fn text(self, x: f32, y: f32, anchor: &str, text: &str) -> String {
        let family = if is_arabic(text) {
            "Noto Naskh Arabic, Noto Sans"
        } else {
            "Noto Sans, Noto Naskh Arabic"
        };
        let weight = if self.bold { "700" } else { "400" };
        let text = if self.rtl {
            format!("\u{202B}{text}\u{202C}")
        } else {
            text.to_owned()
        };
        format!(
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" font-family=\"{family}\" font-size=\"{}\" font-weight=\"{weight}\" fill=\"{}\">{}</text>",
            self.size,
            self.fill,
            escape(&text)
        )
    }
}

/// The options usvg reads the card with: its fonts only.
pub(super) fn options() -> usvg::Options<'static> {
    usvg::Options {
        fontdb: fonts(),
        font_family: "Noto Sans".to_owned(),
        ..usvg::Options::default()
    }
}

/// How wide `text` is set in `style`, in pixels, as usvg lays it out to draw it.
pub(super) fn width(text: &str, style: Style) -> f32 {
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8000\" height=\"400\">{}</svg>",
        style.text(0.0, 200.0, "start", text)
    );
    usvg::Tree::from_str(&svg, &options())
        .map(|tree| tree.root().abs_bounding_box().width())
        .unwrap_or(f32::INFINITY)
}

/// The horizontal ellipsis a cut line ends with.
const ELLIPSIS: char = '…';

/// `text` set in lines no wider than `max` in `style`, at most `lines` of them; when it needs
/// more, the last line is cut at a word and ends with an ellipsis (`true` beside the lines).
pub(super) fn wrap(text: &str, style: Style, max: f32, lines: usize) -> (Vec<String>, bool) {
    let fits = |line: &str| width(line, style) <= max;
    let mut set: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let longer = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if fits(&longer) {
            line = longer;
            continue;
        }
        if !line.is_empty() {
            set.push(std::mem::take(&mut line));
        }
        // A word wider than a whole line (an address, say) is broken where it must be.
        let mut pieces = broken(word, &fits);
        line = pieces.pop().unwrap_or_default();
        set.extend(pieces);
        if set.len() > lines {
            break;
        }
    }
    if !line.is_empty() {
        set.push(line);
    }
    if set.len() <= lines {
        return (set, false);
    }
    set.truncate(lines);
    let last = set.pop().unwrap_or_default();
    set.push(with_ellipsis(&last, &fits));
    (set, true)
}

/// `line` with words taken off its end until it fits with an ellipsis after it.
fn with_ellipsis(line: &str, fits: &dyn Fn(&str) -> bool) -> String {
    let words: Vec<&str> = line.split(' ').collect();
    for keep in (1..=words.len()).rev() {
        let cut = format!(
            "{}{ELLIPSIS}",
            words[..keep]
                .join(" ")
                .trim_end_matches(['.', ',', ';', ':', '،', '؛'])
        );
        if fits(&cut) {
            return cut;
        }
    }
    ELLIPSIS.to_string()
}

/// `word` in pieces that each fit, broken only between characters that stand alone (never
/// before a combining mark, which is drawn on the letter before it).
fn broken(word: &str, fits: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        let mut longer = piece.clone();
        longer.push(c);
        if piece.is_empty() || is_mark(c) || fits(&longer) {
            piece = longer;
        } else {
            pieces.push(std::mem::replace(&mut piece, c.to_string()));
        }
    }
    pieces.push(piece);
    pieces
}

/// Whether `c` is a combining mark of the scripts the card draws.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLE: Style = Style {
        size: 40.0,
        bold: true,
        fill: "#000",
        rtl: false,
    };

    #[test]
    fn wrapped_lines_fit_and_a_cut_falls_between_words() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let (lines, cut) = wrap(text, STYLE, 400.0, 2);
        assert!(cut);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|line| width(line, STYLE) <= 400.0));
        let last = lines[1]
            .strip_suffix(ELLIPSIS)
            .expect("ends with an ellipsis");
        let shown = format!("{} {last}", lines[0]);
        assert!(text.starts_with(&shown), "{shown:?} is the text's start");
        assert!(text[shown.len()..].starts_with(' '), "cut at a word");
        let (all, cut) = wrap(text, STYLE, 4000.0, 2);
        assert_eq!((all, cut), (vec![text.to_owned()], false));
    }

    #[test]
    fn a_word_wider_than_a_line_is_broken_between_letters_not_marks() {
        let (lines, _) = wrap(
            "https://example.org/a/very/long/address/indeed",
            STYLE,
            300.0,
            5,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|line| width(line, STYLE) <= 300.0));
        assert_eq!(
            lines.concat(),
            "https://example.org/a/very/long/address/indeed"
        );
        let marked = "قلّصتقلّصتقلّصتقلّصتقلّصتقلّصت";
        let (lines, _) = wrap(marked, STYLE, 120.0, 10);
        assert!(lines.iter().all(|line| !line.starts_with(is_mark)));
    }

    #[test]
    fn the_fonts_draw_every_language_the_widget_speaks_and_say_what_they_lack() {
        for locale in crate::locales::Locale::all() {
            let w = &locale.words;
            let said = [
                w.fact_check,
                w.verdict,
                w.corrected_on,
                w.updated_on,
                w.clarified_on,
            ]
            .into_iter()
            .chain([w.verdict_was]);
            let dates = (1..=12).map(|month| locale.date(&format!("2026-{month:02}-28")));
            let said: String = said
                .chain(dates.collect::<Vec<_>>().iter().map(String::as_str))
                .collect();
            for c in said.chars().chain("…·".chars()) {
                assert!(drawable(c), "{c:?}");
            }
        }
        assert!(!drawable('Ж'));
        assert!(!drawable('中'));
    }
}
