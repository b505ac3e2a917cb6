//! The share image (`explainer card`, the page of its own's `og:image`, the studio's card): the
//! question, the verdict's label and what the set says of who published it and when, at
//! 1200×630, in the set's language. The card is written as an SVG whose text the program sets
//! itself (measured with the very fonts and layout that draw it, `layout.rs`), then drawn by
//! resvg with the fonts the binary carries, so the same set gives the same bytes on any machine
//! and in the studio's wasm.

mod layout;

use std::fmt;

use explainer_evidence::Evidence;
use resvg::{tiny_skia, usvg};

use crate::locales::{Locale, Piece, direction};
use crate::outputs::escape;
use crate::widget::labels::changes_note;
use layout::{Style, drawable, wrap};

/// The card's size in pixels: what Open Graph and most apps show a large preview at.
pub const SIZE: (u32, u32) = (1200, 630);

/// The margin around everything but the band at the top.
const MARGIN: f32 = 72.0;
/// The band of colour along the top edge.
const BAND: f32 = 14.0;
/// Where the question's first line starts, under the kicker.
const QUESTION_TOP: f32 = 128.0;
/// The room between two blocks of text.
const GAP: f32 = 26.0;
/// The verdict box's padding, across and down.
const PADDING: (f32, f32) = (30.0, 16.0);
/// The sizes the question may take, largest first: the first it fits at is used.
const QUESTION_SIZES: [f32; 4] = [64.0, 56.0, 48.0, 42.0];
/// The sizes the verdict's label may take, in at most two lines.
const LABEL_SIZES: [f32; 2] = [42.0, 34.0];

const INK: &str = "#15181e";
const MUTED: &str = "#4b5260";
const ACCENT: &str = "#0f4c81";
const PAPER: &str = "#ffffff";
const TINT: &str = "#e6eef6";
/// The width of the accent's bar on the verdict box's starting side.
const BAR: f32 = 10.0;

/// A share image of an evidence set.
#[derive(Debug, Clone)]
pub struct Card {
    /// The image, as a PNG.
    pub png: Vec<u8>,
    /// The same image as an SVG whose text is drawn as shapes, so it looks the same without
    /// the fonts, titled with the alt text.
    pub svg: String,
    /// What the image says, for its alt text: the question and the verdict's label.
    pub alt: String,
}

/// Why a set has no card: a field holds a character the card's fonts cannot draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undrawable {
    /// The field, as the checker names it (`question`, `verdict.label`, `meta.publisher`).
    pub field: String,
    /// The first character the fonts lack.
    pub character: char,
}

impl fmt::Display for Undrawable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the share image's fonts cannot draw “{}” (U+{:04X}); they draw the Latin and Arabic scripts",
            self.field, self.character, self.character as u32
        )
    }
}

/// The text of the card's alt attribute: the question and the verdict's label, in the set's
/// language.
pub fn alt_text(evidence: &Evidence) -> String {
    let doc = evidence.document();
    let words = &Locale::of(doc.meta.language.as_deref()).words;
    format!("{} {}: {}", doc.question, words.verdict, doc.verdict.label)
}

/// The card of `evidence`, or the field it cannot draw.
pub fn card(evidence: &Evidence) -> Result<Card, Undrawable> {
    let source = svg_source(evidence)?;
    let options = layout::options();
    // The source is ours, written above from escaped text, so it always parses.
    let tree = usvg::Tree::from_str(&source, &options).expect("the card's SVG parses");
    let mut pixmap = tiny_skia::Pixmap::new(SIZE.0, SIZE.1).expect("the card has a size");
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let png = pixmap.encode_png().expect("a PNG is written to memory");
    let alt = alt_text(evidence);
    let drawn = tree.to_string(&usvg::WriteOptions::default());
    // usvg writes no title; the SVG's own says what it shows, for screen readers.
    let svg = match drawn.find('>') {
        Some(at) if drawn.starts_with("<svg") => format!(
            "{}><title>{}</title>{}",
            &drawn[..at],
            escape(&alt),
            &drawn[at + 1..]
        ),
        _ => drawn,
    };
    Ok(Card { png, svg, alt })
}

/// The card of the published set whose text is `published`, exactly as [`card`] makes it of
/// the same set (as Explainer Studio asks for it); or what is wrong, in the tool's words: the
/// set's first problem, or the field the card cannot draw.
pub fn card_of(published: &str) -> Result<Card, String> {
    let evidence = explainer_evidence::load_published(published).map_err(|problems| {
        problems
            .first()
            .map_or_else(String::new, |p| format!("{}: {}", p.path, p.kind))
    })?;
    card(&evidence).map_err(|problem| problem.to_string())
}

/// The first character of `text` the card cannot draw, named as `field`'s.
fn check(field: &str, text: &str) -> Result<(), Undrawable> {
    match text.chars().find(|c| !drawable(*c)) {
        Some(character) => Err(Undrawable {
            field: field.to_owned(),
            character,
        }),
        None => Ok(()),
    }
}

/// Where a line starts on a card that reads left to right or right to left.
struct Lines {
    rtl: bool,
}

impl Lines {
    /// The `x` and anchor of a line that starts `inset` from the margin.
    fn start(&self, inset: f32) -> (f32, &'static str) {
        if self.rtl {
            (SIZE.0 as f32 - MARGIN - inset, "end")
        } else {
            (MARGIN + inset, "start")
        }
    }
}

/// The baseline of a line of `size` whose line box starts at `top` and is `height` tall: the
/// capitals' middle at the box's.
fn baseline(top: f32, height: f32, size: f32) -> f32 {
    (top + height / 2.0 + size * 0.36).round()
}

/// The card's SVG, its text set in lines by measure.
fn svg_source(evidence: &Evidence) -> Result<String, Undrawable> {
    let doc = evidence.document();
    let language = doc.meta.language.as_deref();
    let locale = Locale::of(language);
    let words = &locale.words;
    let rtl = direction(language).is_some();
    let lines = Lines { rtl };
    let width = SIZE.0 as f32 - 2.0 * MARGIN;
    let regular = Style {
        size: 26.0,
        bold: false,
        fill: MUTED,
        rtl,
    };
    let bold = Style {
        bold: true,
        ..regular
    };

    check("question", &doc.question)?;
    check("verdict.label", &doc.verdict.label)?;
    if let Some(publisher) = &doc.meta.publisher {
        check("meta.publisher", publisher)?;
    }
    for (at, change) in doc.changes.iter().enumerate() {
        if let Some(label) = &change.replaces {
            check(&format!("changes[{at}].replaces"), label)?;
        }
    }

    let mut body = vec![format!(
        "<rect width=\"{}\" height=\"{}\" fill=\"{PAPER}\"/><rect width=\"{}\" height=\"{BAND}\" fill=\"{ACCENT}\"/>",
        SIZE.0, SIZE.1, SIZE.0
    )];
    let kicker = Style {
        size: 30.0,
        fill: ACCENT,
        ..bold
    };
    let (x, anchor) = lines.start(0.0);
    body.push(kicker.text(x, 96.0, anchor, words.fact_check));

    // From the bottom up: who and when, the log's note, the verdict; the question gets the rest.
    let mut bottom = SIZE.1 as f32 - 40.0;
    // The date first: when a long publisher's name is cut, the date still shows.
    let byline: Vec<String> = [
        doc.meta.published.as_deref().map(|date| locale.date(date)),
        doc.meta.publisher.clone().filter(|p| !p.trim().is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !byline.is_empty() {
        let (set, _) = wrap(&byline.join(" · "), regular, width, 1);
        bottom = place(&mut body, &lines, &set, regular, bottom);
    }
    if let Some(note) = changes_note(locale, doc) {
        let note_style = Style { fill: INK, ..bold };
        let (set, _) = wrap(&Piece::text(&note), note_style, width, 2);
        bottom = place(&mut body, &lines, &set, note_style, bottom);
    }
    bottom = verdict(
        &mut body,
        &lines,
        &doc.verdict.label,
        words.verdict,
        bottom,
        width,
    );

    let room = bottom - QUESTION_TOP;
    let question = Style {
        size: QUESTION_SIZES[0],
        bold: true,
        fill: INK,
        rtl,
    };
    let mut chosen = None;
    for size in QUESTION_SIZES {
        let style = question.sized(size);
        let height = style.line_height(&doc.question);
        let most = ((room / height).floor() as usize).max(1);
        let (set, cut) = wrap(&doc.question, style, width, most);
        chosen = Some((set, style, height));
        if !cut {
            break;
        }
    }
    if let Some((set, style, height)) = chosen {
        for (at, line) in set.iter().enumerate() {
            let top = QUESTION_TOP + at as f32 * height;
            body.push(style.text(x, baseline(top, height, style.size), anchor, line));
        }
    }

    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">{}</svg>",
        body.concat(),
        w = SIZE.0,
        h = SIZE.1
    ))
}

/// Puts `set`'s lines in `style` so that the last ends at `bottom`; gives the new bottom, a gap
/// above the first.
fn place(body: &mut Vec<String>, lines: &Lines, set: &[String], style: Style, bottom: f32) -> f32 {
    let height = set
        .iter()
        .map(|line| style.line_height(line))
        .fold(0.0, f32::max);
    let top = bottom - height * set.len() as f32;
    let (x, anchor) = lines.start(0.0);
    for (at, line) in set.iter().enumerate() {
        let line_top = top + at as f32 * height;
        body.push(style.text(x, baseline(line_top, height, style.size), anchor, line));
    }
    top - GAP
}

/// Puts the verdict (its caption, then its label in a box of its own) so that the box ends at
/// `bottom`; gives the new bottom.
fn verdict(
    body: &mut Vec<String>,
    lines: &Lines,
    label: &str,
    caption: &str,
    bottom: f32,
    width: f32,
) -> f32 {
    let style = Style {
        size: LABEL_SIZES[0],
        bold: true,
        fill: INK,
        rtl: lines.rtl,
    };
    let inner = width - 2.0 * PADDING.0;
    let mut set = Vec::new();
    let mut chosen = style;
    for size in LABEL_SIZES {
        chosen = style.sized(size);
        let cut;
        (set, cut) = wrap(label, chosen, inner, 2);
        if !cut {
            break;
        }
    }
    let height = chosen.line_height(label);
    let widest = set
        .iter()
        .map(|line| layout::width(line, chosen))
        .fold(0.0, f32::max);
    let box_width = (widest + 2.0 * PADDING.0).ceil().min(width);
    let box_height = height * set.len() as f32 + 2.0 * PADDING.1;
    let top = bottom - box_height;
    let left = if lines.rtl {
        SIZE.0 as f32 - MARGIN - box_width
    } else {
        MARGIN
    };
    // A tinted box with a bar of the accent on its starting side: dark letters on a light
    // ground read at a thumbnail's size (and to OCR) where light on dark blurs.
    let bar = if lines.rtl {
        left + box_width - BAR
    } else {
        left
    };
    body.push(format!(
        "<rect x=\"{left}\" y=\"{top}\" width=\"{box_width}\" height=\"{box_height}\" rx=\"10\" fill=\"{TINT}\"/><rect x=\"{bar}\" y=\"{top}\" width=\"{BAR}\" height=\"{box_height}\" fill=\"{ACCENT}\"/>"
    ));
    let (x, anchor) = lines.start(PADDING.0);
    for (at, line) in set.iter().enumerate() {
        let line_top = top + PADDING.1 + at as f32 * height;
        body.push(chosen.text(x, baseline(line_top, height, chosen.size), anchor, line));
    }
    let caption_style = Style {
        size: 26.0,
        bold: true,
        fill: ACCENT,
        rtl: lines.rtl,
    };
    let caption_height = caption_style.line_height(caption);
    let caption_top = top - 10.0 - caption_height;
    let (x, anchor) = lines.start(0.0);
    body.push(caption_style.text(
        x,
        baseline(caption_top, caption_height, caption_style.size),
        anchor,
        caption,
    ));
    caption_top - GAP
}
