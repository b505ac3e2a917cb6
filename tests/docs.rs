//! The documentation's examples say what the code does.
#![cfg(not(target_arch = "wasm32"))]

use explainer::evidence::{authored::publish, load_published};

/// The contents of every fenced block of `language` in `markdown`, in order.
fn blocks<'a>(markdown: &'a str, language: &str) -> Vec<&'a str> {
    let fence = format!("```{language}\n");
    markdown
        .split(fence.as_str())
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or(""))
        .collect()
}

#[test]
fn the_format_examples_publish_to_each_other() {
    let doc = include_str!("../docs/evidence-format.md");
    let json = blocks(doc, "json");
    assert_eq!(json.len(), 2, "an authored and a published example");
    let published = publish(json[0]).unwrap_or_else(|p| panic!("authored example: {p:?}"));
    let expected = load_published(json[1]).unwrap_or_else(|p| panic!("published example: {p:?}"));
    assert_eq!(published, expected);
}

#[test]
fn every_message_shown_in_the_format_doc_is_one_a_fixture_produces() {
    let doc = include_str!("../docs/evidence-format.md");
    let shown = blocks(doc, "text").concat();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut expected = String::new();
    for sub in ["invalid", "invalid-published"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "expected") {
                expected.push_str(&std::fs::read_to_string(path).expect("expected file"));
            }
        }
    }
    for line in shown.lines().filter(|l| !l.is_empty()) {
        assert!(
            expected.lines().any(|e| e == line),
            "the doc shows a message no fixture pins: {line}"
        );
    }
}

/// Everything the tests pin: expected messages and the test sources (with Rust escapes undone).
fn pinned_messages() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = String::new();
    let mut dirs = vec![root.join("tests")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable test folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "expected" || e == "rs")
            {
                corpus.push_str(
                    &std::fs::read_to_string(&path)
                        .expect("text")
                        .replace("\\\"", "\""),
                );
                corpus.push('\n');
            }
        }
    }
    corpus
}

/// The message of a diagnostic line: after `FILE:LINE:COL: `, `FILE:LINE: ` or `FILE: `.
fn message(line: &str) -> &str {
    let mut rest = line;
    // Skip the file name, then any number of `:digits` parts.
    if let Some((_, after)) = rest.split_once(':') {
        rest = after;
        while let Some((digits, after)) = rest.split_once(':') {
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
            rest = after;
        }
    }
    rest.trim_start()
}

#[test]
fn every_message_in_the_authoring_guide_is_one_a_test_produces() {
    let doc = include_str!("../docs/authoring.md");
    let corpus = pinned_messages();
    let text = blocks(doc, "text").concat();
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert!(lines.len() >= 10);
    for line in lines {
        let message = message(line);
        assert!(
            corpus.contains(message),
            "the authoring guide shows a message no test pins: {message}"
        );
    }
}
