//! What the fuzz targets check, shared with the regression tests (`tests/fuzz_regressions.rs`),
//! so an input the fuzzer once broke is held to exactly the same rules on every test run.

use explainer_evidence::markdown::parse_inline;
use explainer_evidence::validate::is_link_address;
use explainer_evidence::{
    Form, Inline, MAX_INLINE_DEPTH, authored, decode, form_of, load_published,
};

/// Any bytes as an evidence file: reading, publishing and validation never panic, every problem
/// points inside the file, and whatever publishes reads back as the same evidence.
pub fn evidence_file(data: &[u8]) {
    let json = match decode(data.to_vec()) {
        Ok(json) => json,
        Err(problem) => {
            let _ = problem.to_string();
            return;
        }
    };
    let result = match form_of(&json) {
        Some(Form::Authored) => authored::publish(&json),
        _ => load_published(&json),
    };
    match result {
        Ok(evidence) => {
            // The widget reads what `build` writes: a published set must load back unchanged.
            let written = evidence.to_json(false);
            let reread = load_published(&written).expect("a published set loads back");
            assert_eq!(reread.to_json(false), written);
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "a failure names at least one problem");
            let lines = json.split('\n').count();
            for problem in &problems {
                let _ = problem.to_string();
                let (line, column) = problem.position(&json);
                assert!(
                    (1..=lines).contains(&line),
                    "{problem}: line {line} of {lines}"
                );
                assert!(column >= 1, "{problem}: column {column}");
            }
        }
    }
}

/// Any text as sentence markdown: parsing never panics, never nests deeper than the widget
/// renders, and text that publishes links only to safe addresses.
pub fn inline_markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (nodes, _) = parse_inline(text);
    // Containers nest at most MAX_INLINE_DEPTH deep; the leaves inside them are one level more.
    let deepest = depth(&nodes, &mut |_| {});
    assert!(deepest <= MAX_INLINE_DEPTH + 1, "nested {deepest} deep");

    // The same text as a sentence of a whole set: if it publishes, every link in it is safe.
    let document = serde_json::json!({
        "version": 1, "form": "authored", "meta": { "language": "en" },
        "question": "Q?", "verdict": { "label": "L", "sentences": [text] },
        "sections": [], "limits": ["L [1]."], "sources": [{ "number": 1 }],
    });
    if let Ok(evidence) = authored::publish(&document.to_string()) {
        for sentence in &evidence.document().verdict.sentences {
            depth(sentence, &mut |href| {
                assert!(is_link_address(href), "published link {href:?}");
            });
        }
    }
}

/// The deepest level in `nodes` (top-level text is level 1), showing each link address on the way.
fn depth(nodes: &[Inline], link: &mut impl FnMut(&str)) -> usize {
    let mut deepest = 0;
    // An explicit stack: the property under test is that depth stays small, so recursing here
    // would be the very overflow the check is meant to catch.
    let mut stack: Vec<(&[Inline], usize)> = vec![(nodes, 1)];
    while let Some((nodes, level)) = stack.pop() {
        for node in nodes {
            deepest = deepest.max(level);
            match node {
                Inline::Em(children) | Inline::Strong(children) => {
                    stack.push((children, level + 1))
                }
                Inline::Link(found) => {
                    link(&found.href);
                    stack.push((&found.children, level + 1));
                }
                Inline::Text(_) | Inline::Code(_) | Inline::Cite(_) => {}
            }
        }
    }
    deepest
}
