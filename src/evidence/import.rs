//! Turns a report written like the seed into an authored evidence set.
//!
//! The report's shape: the question on the first line; a line `Executive summary` and its
//! paragraphs; numbered section headings (`1. Title`) each followed by paragraphs, with `[n]`
//! citation markers in the text. A section whose title starts with "Bottom line" also gives its
//! first sentence to the verdict. Blank lines are ignored. A report in Spanish, French,
//! Portuguese or Arabic may use its own words for these headings ([`SUMMARY`], [`BOTTOM_LINE`],
//! [`LIMITS`]).
//!
//! What a report never says (source details, the verdict label, reporting limits, changes, metadata,
//! section ids) comes from a supplement file, merged by source number ([`Supplement`]). A report
//! that does not fit gets problems with line numbers, never a silently wrong file.

/// The headings that may open the executive summary, by language (compared without case and
/// without a closing colon).
pub const SUMMARY: [&str; 6] = [
    "executive summary",
    "resumen ejecutivo",
    "résumé",
    "synthèse",
    "resumo executivo",
    "ملخص تنفيذي",
];

/// How the title of the section that gives the verdict its first sentence may start.
pub const BOTTOM_LINE: [&str; 6] = [
    "bottom line",
    "conclusión",
    "en résumé",
    "conclusion",
    "conclusão",
    "الخلاصة",
];

/// Words in a section title that say it names the report's limits.
pub const LIMITS: [&str; 4] = ["limit", "límite", "limite", "حدود"];

/// `text` without case and without a closing colon.
fn folded(text: &str) -> String {
    text.trim_end_matches([':', '：']).trim().to_lowercase()
}

/// Whether `text` is one of `headings`.
fn is_heading(text: &str, headings: &[&str]) -> bool {
    let text = folded(text);
    headings.iter().any(|h| text == *h)
}

/// Whether a section's `title` starts with one of the bottom-line headings.
fn is_bottom_line(title: &str) -> bool {
    let title = folded(title);
    BOTTOM_LINE.iter().any(|h| title.starts_with(h))
}

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::authored::{Authored, publish};
use crate::error::Problem;
use crate::published::FORMAT_VERSION;
use crate::published::{Change, CitationNumber, Form, Meta, Section, SectionId, Source, Verdict};

/// What the report lacks, written beside it as JSON (`explainer import --sources`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supplement {
    /// `$schema` to write into the evidence file.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Language, dates, address, publisher.
    #[serde(default)]
    pub meta: Meta,
    /// The verdict label: the few words a reader sees first.
    #[serde(default)]
    pub label: Option<String>,
    /// Reporting limits, as markdown.
    #[serde(default)]
    pub limits: Vec<String>,
    /// The corrections and updates log, text as markdown, oldest entry first.
    #[serde(default)]
    pub changes: Vec<Change<String>>,
    /// Section ids by section number (`"1": "flashpoint"`); others are made from the titles.
    #[serde(default)]
    pub ids: BTreeMap<String, String>,
    /// Source details, merged into the numbered sources by number.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A problem with the report or the supplement, with the report line it concerns when there is
/// one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based line of the report, when the problem is in the report.
    pub line: Option<usize>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

fn at(line: usize, message: impl Into<String>) -> ImportProblem {
    ImportProblem {
        line: Some(line),
        message: message.into(),
    }
}

/// One parsed part of the report: a heading (or the summary) and its text lines.
struct Block {
    /// The heading's line.
    line: usize,
    /// The section number; 0 for the executive summary.
    number: usize,
    title: String,
    /// Paragraph lines with their line numbers.
    paragraphs: Vec<(usize, String)>,
}

/// Reads `report` with `supplement` (JSON, or `None`) into an authored evidence set, checked by
/// publishing it: every problem at once, or the document.
pub fn import(report: &str, supplement: Option<&str>) -> Result<Authored, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let supplement = match supplement.map(serde_json::from_str::<Supplement>) {
        None => Supplement::default(),
        Some(Ok(supplement)) => supplement,
        Some(Err(error)) => {
            let path =
                crate::locate::path_at(supplement.unwrap_or(""), error.line(), error.column());
            return Err(vec![ImportProblem {
                line: None,
                message: format!("sources file: {path}: {error}"),
            }]);
        }
    };
    let report = report.strip_prefix('\u{feff}').unwrap_or(report);
    let (question, blocks) = read_blocks(report)?;

    // Where each sentence came from, to point publishing problems at report lines.
    let mut origins: BTreeMap<String, usize> = BTreeMap::new();
    let mut verdict_sentences = Vec::new();
    let mut sections = Vec::new();
    let mut used_ids: Vec<String> = Vec::new();
    for block in &blocks {
        let sentences: Vec<(usize, String)> = block
            .paragraphs
            .iter()
            .flat_map(|(line, text)| split_sentences(text).into_iter().map(move |s| (*line, s)))
            .collect();
        if block.number == 0 {
            for (line, sentence) in sentences {
                origins.insert(
                    format!("verdict.sentences[{}]", verdict_sentences.len()),
                    line,
                );
                verdict_sentences.push(escape_markdown(&sentence));
            }
            continue;
        }
        let id = match supplement.ids.get(&block.number.to_string()) {
            Some(id) => id.clone(),
            None => slug(&block.title),
        };
        if used_ids.contains(&id) {
            problems.push(at(block.line, format!(
                "section {} makes the id `{id}`, which an earlier section has: give it another in the sources file (\"ids\": {{\"{}\": \"…\"}})",
                block.number, block.number
            )));
        }
        used_ids.push(id.clone());
        let index = sections.len();
        let mut texts = Vec::new();
        for (i, (line, sentence)) in sentences.iter().enumerate() {
            origins.insert(format!("sections[{index}].sentences[{i}]"), *line);
            texts.push(escape_markdown(sentence));
        }
        if is_bottom_line(&block.title)
            && let Some((line, first)) = sentences.first()
        {
            let path = format!("verdict.sentences[{}]", verdict_sentences.len());
            origins.insert(path, *line);
            verdict_sentences.push(escape_markdown(first));
        }
        origins.insert(format!("sections[{index}]"), block.line);
        sections.push(Section {
            id: SectionId(id),
            title: block.title.clone(),
            sentences: texts,
        });
    }

    let cited = cited_numbers(report);
    let mut sources: Vec<Source> = cited.iter().map(|&n| bare_source(n)).collect();
    for (i, given) in supplement.sources.into_iter().enumerate() {
        match sources.iter_mut().find(|s| s.number == given.number) {
            Some(source) => *source = given,
            None => problems.push(ImportProblem {
                line: None,
                message: format!(
                    "sources file: sources[{i}]: source {} is not cited in the report: remove it, or cite it in the report as [{}]",
                    given.number, given.number
                ),
            }),
        }
    }
    let Some(label) = supplement.label.filter(|l| !l.trim().is_empty()) else {
        problems.push(ImportProblem {
            line: None,
            message: "sources file: no verdict label: a report has none, so give the few words a reader sees first as \"label\"".to_owned(),
        });
        return Err(problems);
    };

    let authored = Authored {
        schema: supplement.schema,
        version: FORMAT_VERSION,
        form: Form::Authored,
        meta: supplement.meta,
        question,
        verdict: Verdict {
            label,
            sentences: verdict_sentences,
        },
        sections,
        limits: supplement.limits,
        changes: supplement.changes,
        sources,
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    // The result must publish; its problems point back at the report where they can.
    let json = serde_json::to_string(&authored).expect("plain JSON");
    if let Err(found) = publish(&json) {
        return Err(found.iter().map(|p| locate_problem(p, &origins)).collect());
    }
    Ok(authored)
}

/// The authored file `explainer import` writes: indented JSON and a final newline.
pub fn to_json(authored: &Authored) -> String {
    let mut json = serde_json::to_string_pretty(authored)
        .expect("an evidence document always serializes: it holds only strings and numbers");
    json.push('\n');
    json
}

/// Sentences of the report that may state its reporting limits, for an editor to pick from:
/// those of every section whose title names limits ("Bottom line and reporting limits"), in
/// the report's words, as markdown. Empty for a report that does not fit the shape (importing
/// it says why).
pub fn limit_candidates(report: &str) -> Vec<String> {
    let report = report.strip_prefix('\u{feff}').unwrap_or(report);
    let Ok((_, blocks)) = read_blocks(report) else {
        return Vec::new();
    };
    blocks
        .iter()
        .filter(|block| {
            let title = block.title.to_lowercase();
            block.number > 0 && LIMITS.iter().any(|word| title.contains(word))
        })
        .flat_map(|block| &block.paragraphs)
        .flat_map(|(_, paragraph)| split_sentences(paragraph))
        .map(|sentence| escape_markdown(&sentence))
        .collect()
}

fn locate_problem(problem: &Problem, origins: &BTreeMap<String, usize>) -> ImportProblem {
    let path = problem.path.to_string();
    // The closest recorded ancestor of the path, e.g. the sentence of a marker.
    let line = origins
        .iter()
        .filter(|(origin, _)| path == **origin || path.starts_with(&format!("{origin}.")))
        .max_by_key(|(origin, _)| origin.len())
        .map(|(_, line)| *line);
    let message = match line {
        Some(_) => format!("{path}: {}", problem.kind),
        None => format!("{path}: {} (from the sources file)", problem.kind),
    };
    ImportProblem { line, message }
}

fn bare_source(number: u32) -> Source {
    Source {
        number: CitationNumber(number),
        title: None,
        publisher: None,
        author: None,
        date: None,
        url: None,
        excerpts: Vec::new(),
        note: None,
        archived: None,
    }
}

/// The question and the blocks, or the problems that keep the report from fitting the shape.
fn read_blocks(report: &str) -> Result<(String, Vec<Block>), Vec<ImportProblem>> {
    let mut lines = report
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let Some((_, question)) = lines.next() else {
        return Err(vec![at(
            1,
            "the report is empty: its first line must be the question",
        )]);
    };
    if heading(question).is_some() || is_heading(question, &SUMMARY) {
        return Err(vec![at(
            1,
            "the first line must be the question, not a heading",
        )]);
    }
    let mut problems = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    match lines.next() {
        Some((line, text)) if is_heading(text, &SUMMARY) => {
            blocks.push(Block {
                line,
                number: 0,
                title: String::new(),
                paragraphs: Vec::new(),
            });
        }
        Some((line, text)) => {
            return Err(vec![at(
                line,
                format!(
                    "expected the heading \"Executive summary\" after the question, found \"{}\"",
                    clip(text)
                ),
            )]);
        }
        None => {
            return Err(vec![at(
                1,
                "the report ends after the question: an executive summary and numbered sections must follow",
            )]);
        }
    }
    for (line, text) in lines {
        if let Some((number, title)) = heading(text) {
            let expected = blocks.iter().filter(|b| b.number > 0).count() + 1;
            if number != expected {
                problems.push(at(line, format!("section {number} where section {expected} was expected: number the sections 1, 2, 3, … in order")));
            }
            blocks.push(Block {
                line,
                number,
                title: title.to_owned(),
                paragraphs: Vec::new(),
            });
        } else if is_heading(text, &BOTTOM_LINE) {
            // An unnumbered bottom line is the next section, titled as the report words it.
            let number = blocks.iter().filter(|b| b.number > 0).count() + 1;
            blocks.push(Block {
                line,
                number,
                title: text.trim_end_matches([':', '：']).trim().to_owned(),
                paragraphs: Vec::new(),
            });
        } else if let Some(block) = blocks.last_mut() {
            block.paragraphs.push((line, text.to_owned()));
        }
    }
    for block in &blocks {
        if block.paragraphs.is_empty() {
            let what = if block.number == 0 {
                "the executive summary".to_owned()
            } else {
                format!("section {}", block.number)
            };
            problems.push(at(
                block.line,
                format!("{what} has no text: write its paragraph on the lines after the heading"),
            ));
        }
    }
    if blocks.len() == 1 {
        problems.push(at(blocks[0].line, "the report has no numbered sections: head each one with its number, like \"1. What happened\""));
    }
    if problems.is_empty() {
        Ok((question.to_owned(), blocks))
    } else {
        Err(problems)
    }
}

/// `(number, title)` when `line` is a section heading: `N. Title`, short, without citations.
fn heading(line: &str) -> Option<(usize, &str)> {
    let (number, title) = line.split_once(". ")?;
    let number: usize = number.parse().ok()?;
    let title = title.trim();
    (number > 0
        && !title.is_empty()
        && title.chars().count() <= 160
        && cited_numbers(title).is_empty())
    .then_some((number, title))
}

fn clip(text: &str) -> String {
    let mut clipped: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        clipped.push('…');
    }
    clipped
}

/// Every `[n]` number in `text`, sorted, without repeats.
fn cited_numbers(text: &str) -> Vec<u32> {
    let mut numbers = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        match after.find(']') {
            Some(end) if end > 0 && after[..end].bytes().all(|b| b.is_ascii_digit()) => {
                if let Ok(n) = after[..end].parse::<u32>() {
                    numbers.push(n);
                }
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: [&str; 14] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "vs", "etc", "e.g", "i.e", "Inc", "Co", "Corp", "Jr", "No",
];

/// Splits a paragraph after `.`, `?` or `!` (and any closing quotes or brackets) when the next
/// word starts with a capital letter or a quote, unless the word before is an abbreviation or an
/// initial (`U.S.`).
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')') {
            j += 1;
        }
        if j >= chars.len() || chars[j].1 != ' ' {
            continue;
        }
        let next = chars.get(j + 1).map(|&(_, c)| c);
        if !next.is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘')) {
            continue;
        }
        let word = paragraph[start..i].rsplit(' ').next().unwrap_or("");
        let initial = word
            .split('.')
            .next_back()
            .is_some_and(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase));
        if c == '.' && (ABBREVIATIONS.contains(&word) || initial) {
            continue;
        }
        let end = chars[j].0;
        sentences.push(paragraph[start..end].to_owned());
        start = end + 1;
    }
    sentences.push(paragraph[start..].to_owned());
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// Report text as markdown that shows exactly as written: characters markdown would read as
/// markup are escaped, and `[n]` stays a citation marker.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let marker = (c == '[')
            .then(|| rest[1..].find(']'))
            .flatten()
            .filter(|&end| end > 0 && rest[1..1 + end].bytes().all(|b| b.is_ascii_digit()));
        if let Some(end) = marker {
            out.push_str(&rest[..end + 2]);
            rest = &rest[end + 2..];
            // "[1](…)" would be a link and "[1]: …" a link definition, not a marker and text.
            if rest.starts_with(['(', ':']) {
                out.push('\\');
            }
            continue;
        }
        let entity = c == '&'
            && rest[1..].split_once(';').is_some_and(|(name, _)| {
                !name.is_empty()
                    && name.len() <= 32
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#')
            });
        let starts_line = out.is_empty() && matches!(c, '#' | '>' | '-' | '+' | '=');
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '!') || entity || starts_line {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    // "1. Text" or "1) Text" at the start would be a list.
    if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
        && out[dot + 1..].starts_with(' ')
    {
        out.insert(dot, '\\');
    }
    out
}

/// A section id made from a title: the words before a colon or dash, lowercase, joined by
/// hyphens, at most five words.
pub fn slug(title: &str) -> String {
    let head = title.split([':', '—', '–']).next().unwrap_or(title);
    let words: Vec<String> = head
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "section".to_owned()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_their_ends_but_not_at_initials() {
        let text = "Used by U.S. Immigration (ICE) [1]. Then a second [2]; still second. Third? “Fourth” is here.";
        assert_eq!(
            split_sentences(text),
            vec![
                "Used by U.S. Immigration (ICE) [1].",
                "Then a second [2]; still second.",
                "Third?",
                "“Fourth” is here."
            ]
        );
        assert_eq!(
            split_sentences("Dr. Smith met Mr. Jones."),
            vec!["Dr. Smith met Mr. Jones."]
        );
    }

    #[test]
    fn markdown_characters_are_escaped_and_markers_kept() {
        assert_eq!(
            escape_markdown("a *b* _c_ `d` [e] [12] <f> &amp; & g"),
            "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\] [12] \\<f> \\&amp; & g"
        );
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("2018. A year"), "2018\\. A year");
    }

    #[test]
    fn slugs_take_the_words_before_a_colon_or_dash() {
        assert_eq!(
            slug("The flashpoint: 2018 employee rebellions"),
            "the-flashpoint"
        );
        assert_eq!(slug("What Microsoft did — protests"), "what-microsoft-did");
        assert_eq!(
            slug("The role of subcontracting and “middlemen” that blurs exits"),
            "the-role-of-subcontracting-and"
        );
        assert_eq!(slug("¿?"), "section");
    }
}
