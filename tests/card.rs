//! The share image (`explainer card`) read back by an OCR engine nobody here wrote: Debian's
//! tesseract, with its English, Spanish and Arabic models (`scripts/setup.sh` installs them).
//! OCR misreads a letter here and there, so each test asks for a stated share of the words,
//! not an exact string; text drawn off the canvas or in a font without its letters reads as
//! nothing and fails them. The edge cases are also held to the card's margins, pixel by pixel.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use explainer::outputs::CARD_SIZE;
use resvg::tiny_skia::Pixmap;
use serde_json::Value;
use tempfile::TempDir;

/// The share of a text's words OCR must read back in a Latin-script language.
const LATIN_SHARE: f64 = 0.85;
/// The same in Arabic, whose joined letters and marks tesseract reads less surely.
const ARABIC_SHARE: f64 = 0.7;

fn scratch() -> TempDir {
    tempfile::Builder::new()
        .prefix("explainer-card-")
        .tempdir()
        .expect("scratch folder")
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs `explainer card FILE -o OUTPUT` with `more` arguments.
fn run_card(file: &Path, output: &Path, more: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_explainer"))
        .arg("card")
        .arg(file)
        .args(more)
        .arg("-o")
        .arg(output)
        .output()
        .expect("run explainer")
}

/// Runs `explainer card` on `file`, writing into `dir`; the PNG's path and the alt text.
fn card(file: &Path, dir: &Path) -> (PathBuf, String) {
    let png = dir.join("card.png");
    let output = run_card(file, &png, &[]);
    assert!(
        output.status.success(),
        "explainer card {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let alt = String::from_utf8(output.stdout).expect("UTF-8 alt text");
    (png, alt.trim_end().to_owned())
}

/// Runs `explainer card` on a file it must refuse: exit code 1, nothing written; what it said.
fn refused(file: &Path, dir: &Path) -> String {
    let png = dir.join("refused.png");
    let output = run_card(file, &png, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!png.exists(), "nothing written");
    stderr
}

/// What tesseract reads in the image at `png`, with the model of `language`.
fn ocr(png: &Path, language: &str) -> String {
    let output = Command::new("tesseract")
        .arg(png)
        .arg("-")
        .args(["-l", language])
        .output()
        .expect("tesseract is installed (scripts/setup.sh installs tesseract-ocr)");
    assert!(
        output.status.success(),
        "tesseract: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 from tesseract")
}

/// The words of `text`, lower-cased, without punctuation or Arabic's vowel marks (which OCR
/// drops or adds), so that what was drawn and what was read compare word for word.
fn words(text: &str) -> Vec<String> {
    let bare: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    bare.split_whitespace().map(str::to_lowercase).collect()
}

/// The share of `expected`'s words found among `read`'s.
fn share(expected: &str, read: &str) -> f64 {
    let read: HashSet<String> = words(read).into_iter().collect();
    let expected = words(expected);
    let found = expected.iter().filter(|word| read.contains(*word)).count();
    found as f64 / expected.len().max(1) as f64
}

fn assert_read(what: &str, expected: &str, read: &str, least: f64) {
    let got = share(expected, read);
    assert!(
        got >= least,
        "OCR read {:.0}% of the {what}'s words, wanted {:.0}%:\n  drawn: {expected}\n  read:  {read}",
        got * 100.0,
        least * 100.0
    );
}

/// The set's question and verdict label.
fn question_and_label(file: &Path) -> (String, String) {
    let set: Value = serde_json::from_str(&std::fs::read_to_string(file).expect("the set"))
        .expect("the set is JSON");
    (
        set["question"].as_str().expect("a question").to_owned(),
        set["verdict"]["label"]
            .as_str()
            .expect("a label")
            .to_owned(),
    )
}

fn reads_back(set: &str, language: &str, least: f64) {
    let dir = scratch();
    let file = repo(set);
    let (png, alt) = card(&file, dir.path());
    let (question, label) = question_and_label(&file);
    let read = ocr(&png, language);
    assert_read("question", &question, &read, least);
    assert_read("verdict label", &label, &read, least);
    assert!(
        alt.starts_with(&question) && alt.ends_with(&label),
        "the alt text is the question and the label: {alt}"
    );
}

#[test]
fn the_bundled_sets_card_reads_back_in_english() {
    reads_back("www/evidence/ice-contracts.json", "eng", LATIN_SHARE);
}

/// The width a chat app or a social feed shows a large preview at, or less.
const THUMBNAIL_WIDTH: u32 = 400;

#[test]
fn the_card_reads_back_as_a_thumbnail() {
    let dir = scratch();
    let file = repo("www/evidence/example-es.json");
    let (png, _) = card(&file, dir.path());
    let full = Pixmap::load_png(&png).expect("a PNG");
    let scale = THUMBNAIL_WIDTH as f32 / full.width() as f32;
    let height = (full.height() as f32 * scale).round() as u32;
    let mut small = Pixmap::new(THUMBNAIL_WIDTH, height).expect("a size");
    small.draw_pixmap(
        0,
        0,
        full.as_ref(),
        &resvg::tiny_skia::PixmapPaint {
            quality: resvg::tiny_skia::FilterQuality::Bicubic,
            ..Default::default()
        },
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        None,
    );
    let thumbnail = dir.path().join("thumbnail.png");
    small.save_png(&thumbnail).expect("write");
    let (question, label) = question_and_label(&file);
    let read = ocr(&thumbnail, "spa");
    assert_read("question, as a thumbnail", &question, &read, LATIN_SHARE);
    assert_read("verdict label, as a thumbnail", &label, &read, LATIN_SHARE);
}

#[test]
fn the_spanish_card_reads_back_in_spanish() {
    reads_back("www/evidence/example-es.json", "spa", LATIN_SHARE);
}

#[test]
fn the_arabic_card_reads_back_in_arabic() {
    reads_back("www/evidence/example-ar.json", "ara", ARABIC_SHARE);
}

/// The bundled set with `change` made to it, written into `dir`.
fn changed_set(dir: &Path, change: impl FnOnce(&mut Value)) -> PathBuf {
    let mut set: Value = serde_json::from_str(
        &std::fs::read_to_string(repo("www/evidence/ice-contracts.json")).expect("the set"),
    )
    .expect("JSON");
    change(&mut set);
    let file = dir.join("set.json");
    std::fs::write(&file, serde_json::to_string_pretty(&set).expect("JSON")).expect("write");
    file
}

/// Every pixel outside the card's margins (but the band along its top) is the paper's: no text
/// runs over an edge.
fn assert_within_margins(png: &Path) {
    let pixmap = Pixmap::load_png(png).expect("a PNG");
    assert_eq!((pixmap.width(), pixmap.height()), CARD_SIZE);
    let (width, height) = CARD_SIZE;
    // The margin is 72 px; text may reach a few pixels into it by its side bearings.
    let inside = |x: u32, y: u32| (64..width - 64).contains(&x) && (14..height - 20).contains(&y);
    for y in 14..height {
        for x in 0..width {
            let pixel = pixmap.pixel(x, y).expect("in the image");
            let paper = pixel.red() == 255 && pixel.green() == 255 && pixel.blue() == 255;
            assert!(
                paper || inside(x, y),
                "ink at ({x}, {y}), outside the card's margins"
            );
        }
    }
}

#[test]
fn a_question_of_400_characters_is_cut_at_a_word_and_stays_on_the_card() {
    let dir = scratch();
    let sentence = "Did the city council approve the new contract for the night buses before the election in the spring of that year, ";
    let long: String = sentence.repeat(4).chars().take(399).collect::<String>() + "?";
    assert_eq!(long.chars().count(), 400);
    let file = changed_set(dir.path(), |set| {
        set["question"] = Value::from(long.clone())
    });
    let (png, alt) = card(&file, dir.path());
    assert_within_margins(&png);
    let read = ocr(&png, "eng");
    let (_, label) = question_and_label(&file);
    assert_read("verdict label", &label, &read, LATIN_SHARE);
    // What shows is the question's start, then an ellipsis where it was cut.
    assert_read(
        "question's first words",
        &sentence[..60],
        &read,
        LATIN_SHARE,
    );
    assert!(
        read.contains('…') || read.contains("..."),
        "the cut question ends with an ellipsis: {read}"
    );
    assert!(
        alt.starts_with(&long),
        "the alt text has the whole question"
    );
}

#[test]
fn an_empty_publisher_is_refused_naming_it_and_no_publisher_leaves_the_date_alone() {
    let dir = scratch();
    let file = changed_set(dir.path(), |set| set["meta"]["publisher"] = Value::from(""));
    let output = refused(&file, dir.path());
    assert!(
        output.contains("meta.publisher"),
        "names the field: {output}"
    );

    let file = changed_set(dir.path(), |set| {
        set["meta"]["published"] = Value::from("2026-03-10");
    });
    let (png, _) = card(&file, dir.path());
    assert_within_margins(&png);
    let read = ocr(&png, "eng");
    let line = read
        .lines()
        .find(|line| line.contains("2026"))
        .unwrap_or_else(|| panic!("the date's line: {read}"));
    assert_eq!(line.trim(), "March 10, 2026", "nothing beside the date");
}

#[test]
fn an_arabic_label_in_an_english_set_is_drawn_in_arabic() {
    let dir = scratch();
    let label = "لا يوجد دليل موثق على إنهاء العقود";
    let file = changed_set(dir.path(), |set| {
        set["verdict"]["label"] = Value::from(label);
    });
    let (png, alt) = card(&file, dir.path());
    assert_within_margins(&png);
    assert_read("Arabic label", label, &ocr(&png, "ara"), ARABIC_SHARE);
    let (question, _) = question_and_label(&file);
    assert_read("question", &question, &ocr(&png, "eng"), LATIN_SHARE);
    assert!(alt.ends_with(label));
}

#[test]
fn a_character_the_fonts_cannot_draw_is_refused_naming_the_field() {
    let dir = scratch();
    let file = changed_set(dir.path(), |set| {
        set["meta"]["publisher"] = Value::from("Новая газета");
    });
    let stderr = refused(&file, dir.path());
    assert!(
        stderr.ends_with(": meta.publisher: the share image's fonts cannot draw “Н” (U+041D); they draw the Latin and Arabic scripts; nothing written\n"),
        "names the field and the character: {stderr}"
    );
}

#[test]
fn the_same_set_gives_the_same_bytes_and_an_svg_that_says_what_it_shows() {
    let dir = scratch();
    let file = repo("www/evidence/example-ar.json");
    let (first, _) = card(&file, dir.path());
    let first = std::fs::read(first).expect("the PNG");
    let (again, _) = card(&file, dir.path());
    assert_eq!(first, std::fs::read(again).expect("the PNG"));
    let svg = dir.path().join("card.svg");
    assert!(run_card(&file, &svg, &["--svg"]).status.success());
    let svg = std::fs::read_to_string(svg).expect("the SVG");
    let (question, _) = question_and_label(&file);
    assert!(svg.starts_with("<svg") && svg.contains(&format!("<title>{question}")));
    assert!(
        !svg.contains("<text"),
        "text is drawn as shapes, so no font is needed"
    );
}

#[test]
fn hostile_text_is_drawn_as_text_or_refused_naming_its_field_never_a_panic() {
    let payloads: Vec<String> =
        serde_json::from_str(include_str!("fixtures/xss/payloads.json")).expect("payload list");
    let bundled: Value = serde_json::from_str(explainer::BUNDLED_EVIDENCE).expect("JSON");
    let odd = [
        "a\u{7}b",
        "\u{202E}reversed",
        "\u{FEFF}",
        "x\u{FFFE}",
        "\u{1F600}",
    ];
    let mut drawn = 0;
    for payload in payloads.iter().map(String::as_str).chain(odd) {
        // The payload in every field the card draws at once; where the checker refuses that,
        // in the question alone. A set the checker refuses never reaches the card.
        let mut every = bundled.clone();
        every["question"] = Value::from(payload);
        every["verdict"]["label"] = Value::from(payload);
        every["meta"]["publisher"] = Value::from(payload);
        let mut question = bundled.clone();
        question["question"] = Value::from(payload);
        let Some(evidence) = [every, question]
            .iter()
            .find_map(|set| explainer::evidence::load_published(&set.to_string()).ok())
        else {
            continue;
        };
        match explainer::outputs::card(&evidence) {
            Ok(card) => {
                assert!(Pixmap::decode_png(&card.png).is_ok(), "{payload:?}");
                assert!(!card.svg.contains("<script"), "{payload:?} stays text");
                drawn += 1;
            }
            Err(problem) => {
                let said = problem.to_string();
                assert!(
                    said.starts_with("question:")
                        || said.starts_with("verdict.label:")
                        || said.starts_with("meta.publisher:"),
                    "{said}"
                );
            }
        }
    }
    assert!(drawn >= payloads.len() / 2, "only {drawn} drawn");
}
