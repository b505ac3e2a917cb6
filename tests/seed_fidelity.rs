//! The bundled evidence set says exactly what the seed report says: every sentence word for
//! word, in its section, with every citation marker where the report puts it.

#![cfg(not(target_arch = "wasm32"))]

use explainer::evidence::published::plain_text;
use explainer::evidence::{Evidence, load_published};

const REPORT: &str = include_str!("../www/evidence/ice-contracts.report.txt");

/// The report's parts: the question, the executive summary, and the numbered sections as
/// (title, paragraph).
struct Report {
    question: String,
    summary: String,
    sections: Vec<(String, String)>,
}

fn read_report() -> Report {
    let mut lines = REPORT.lines();
    let question = lines.next().expect("question line").to_owned();
    assert_eq!(lines.next(), Some("Executive summary"));
    let summary = lines.next().expect("summary paragraph").to_owned();
    let mut sections = Vec::new();
    while let Some(heading) = lines.next() {
        let (number, title) = heading.split_once(". ").expect("numbered heading");
        assert_eq!(
            number.parse::<usize>().expect("section number"),
            sections.len() + 1
        );
        let paragraph = lines.next().expect("section paragraph").to_owned();
        sections.push((title.to_owned(), paragraph));
    }
    Report {
        question,
        summary,
        sections,
    }
}

fn citations(text: &str) -> Vec<u32> {
    let mut numbers = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        match after.find(']') {
            Some(end) if after[..end].bytes().all(|b| b.is_ascii_digit()) && end > 0 => {
                numbers.push(after[..end].parse().expect("digits"));
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    numbers
}

fn bundled() -> Evidence {
    load_published(explainer::BUNDLED_EVIDENCE).expect("the bundled set is valid")
}

#[test]
fn the_question_is_the_reports_first_line() {
    assert_eq!(bundled().document().question, read_report().question);
}

#[test]
fn every_section_holds_its_paragraph_word_for_word() {
    let report = read_report();
    let evidence = bundled();
    let sections = &evidence.document().sections;
    assert_eq!(
        sections.len(),
        report.sections.len(),
        "one section per numbered heading"
    );
    for (section, (title, paragraph)) in sections.iter().zip(&report.sections) {
        assert_eq!(&section.title, title);
        let sentences: Vec<String> = section.sentences.iter().map(|s| plain_text(s)).collect();
        assert_eq!(&sentences.join(" "), paragraph, "section {}", section.id);
        assert_eq!(
            sentences
                .iter()
                .flat_map(|s| citations(s))
                .collect::<Vec<_>>(),
            citations(paragraph),
            "section {}: the same markers in the same order",
            section.id
        );
    }
}

#[test]
fn the_verdict_is_the_executive_summary_and_the_bottom_line() {
    let report = read_report();
    let evidence = bundled();
    let verdict: Vec<String> = evidence
        .document()
        .verdict
        .sentences
        .iter()
        .map(|s| plain_text(s))
        .collect();
    assert_eq!(verdict[0], report.summary);
    let (_, bottom_line) = report.sections.last().expect("a bottom line section");
    assert_eq!(verdict.len(), 2);
    assert!(
        bottom_line.starts_with(&verdict[1]),
        "the bottom line's first sentence: {}",
        verdict[1]
    );
    assert!(verdict[1].ends_with("[1] [4] [2]."));
}

#[test]
fn every_report_marker_points_to_a_source_and_sources_run_one_to_ten() {
    let evidence = bundled();
    let numbers: Vec<u32> = evidence
        .sources_by_number()
        .iter()
        .map(|s| s.number.0)
        .collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    for n in citations(REPORT) {
        assert!(
            evidence
                .source(explainer::evidence::CitationNumber(n))
                .is_some(),
            "[{n}]"
        );
    }
}

#[test]
fn only_what_the_seeds_show_is_said_of_the_sources() {
    let evidence = bundled();
    for source in evidence.sources_by_number() {
        match source.number.0 {
            4 => {
                assert_eq!(
                    source.title.as_deref(),
                    Some("Amazon Employees Continue to Urge Company to Cut Ties With ICE")
                );
                assert_eq!(source.author.as_deref(), Some("Michael Tedder"));
                assert_eq!(source.publisher.as_deref(), Some("Yahoo Finance"));
                assert_eq!(
                    source.url.as_deref(),
                    Some(
                        "https://finance.yahoo.com/news/amazon-employees-urge-companies-cut-224516650.html"
                    )
                );
                assert_eq!(source.date, None, "the article gives no date");
                assert!(
                    source
                        .note
                        .as_deref()
                        .is_some_and(|n| n.contains("source bundle"))
                );
                assert!(!source.excerpts.is_empty());
            }
            3 => {
                assert_eq!(source.publisher.as_deref(), Some("Forbes"));
                assert_eq!(
                    (&source.title, &source.url, &source.date),
                    (&None, &None, &None)
                );
            }
            _ => assert!(
                !source.is_identified(),
                "source {} must stay unidentified",
                source.number
            ),
        }
    }
}

#[test]
fn source_four_excerpts_are_quoted_exactly_from_the_article() {
    let article = include_str!("fixtures/seed-article-4.txt");
    let evidence = bundled();
    let four = evidence
        .source(explainer::evidence::CitationNumber(4))
        .expect("source 4");
    for excerpt in &four.excerpts {
        assert!(
            article.contains(excerpt.as_str()),
            "not in the article: {excerpt}"
        );
    }
}

#[test]
fn reporting_limits_quote_the_report() {
    let evidence = bundled();
    let limits: Vec<String> = evidence
        .document()
        .limits
        .iter()
        .map(|l| plain_text(l))
        .collect();
    assert!(
        limits
            .iter()
            .any(|l| l.contains("in the record assembled here"))
    );
    let (_, bottom_line) = read_report().sections.pop().expect("bottom line");
    assert!(
        limits.iter().any(|l| bottom_line.ends_with(l.as_str())),
        "the report's closing limit, verbatim"
    );
    for quoted in limits.iter().flat_map(|l| {
        l.split('“')
            .skip(1)
            .map(|q| q.split('”').next().unwrap_or(""))
    }) {
        assert!(
            REPORT.contains(quoted),
            "quoted but not in the report: {quoted}"
        );
    }
}
