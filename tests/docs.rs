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
