//! Script injection through the evidence format: every payload of `fixtures/xss/payloads.json`
//! in every text field and every address, in both forms. What publishes holds only safe
//! addresses and shows each payload as literal text; what does not publish is refused with a
//! named problem. The browser half of this is `tests/e2e/xss.test.mjs`.

use explainer::evidence::authored::publish;
use explainer::evidence::import::escape_markdown;
use explainer::evidence::published::plain_text;
use explainer::evidence::validate::{is_link_address, is_web_address};
use explainer::evidence::{Evidence, Inline, load_published};
use serde_json::{Value, json};

fn payloads() -> Vec<String> {
    let payloads: Vec<String> =
        serde_json::from_str(include_str!("fixtures/xss/payloads.json")).expect("payload list");
    assert!(payloads.len() >= 150, "the corpus has {}", payloads.len());
    payloads
}

/// An authored set with `text` in every plain field, `markdown` in every sentence, limit and
/// change, and `address` as its own, its source's and the source's archived copy's address.
fn authored(text: &str, markdown: &str, address: &str) -> String {
    json!({
        "version": 1,
        "form": "authored",
        "meta": {
            "language": "en", "url": address, "publisher": text, "published": "2026-01-01",
            "authors": [text], "editors": [text],
        },
        "question": text,
        "verdict": { "label": text, "sentences": [markdown] },
        "sections": [{ "id": "one", "title": text, "sentences": [markdown] }],
        "limits": [markdown],
        "changes": [{ "date": "2026-01-02", "kind": "correction", "text": markdown, "replaces": text }],
        "sources": [{
            "number": 1, "title": text, "publisher": text, "author": text, "url": address,
            "excerpts": [text], "note": text,
            "archived": { "url": address, "date": "2026-01-01" },
        }],
    })
    .to_string()
}

/// Every address in `evidence`, each with where it is.
fn addresses(evidence: &Evidence) -> Vec<(String, String, bool)> {
    let doc = evidence.document();
    let mut found = Vec::new();
    let mut push = |place: &str, href: &str, web: bool| {
        found.push((place.to_owned(), href.to_owned(), web));
    };
    if let Some(url) = &doc.meta.url {
        push("meta.url", url, true);
    }
    for source in &doc.sources {
        if let Some(url) = &source.url {
            push("source url", url, true);
        }
        if let Some(archived) = &source.archived {
            push("archived copy url", &archived.url, true);
        }
    }
    for (_, path, text) in doc.texts() {
        let mut stack: Vec<&[Inline]> = vec![text];
        while let Some(nodes) = stack.pop() {
            for node in nodes {
                match node {
                    Inline::Link(link) => {
                        push(&path.to_string(), &link.href, false);
                        stack.push(&link.children);
                    }
                    Inline::Em(children) | Inline::Strong(children) => stack.push(children),
                    Inline::Text(_) | Inline::Code(_) | Inline::Cite(_) => {}
                }
            }
        }
    }
    found
}

fn assert_safe(evidence: &Evidence, payload: &str) {
    for (place, href, web) in addresses(evidence) {
        let safe = if web {
            is_web_address(&href)
        } else {
            is_link_address(&href)
        };
        assert!(safe, "payload {payload:?} put {href:?} at {place}");
    }
}

/// Whitespace as a browser shows it: runs collapsed, ends trimmed.
fn shown(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_payload_in_every_text_field_publishes_as_literal_text() {
    for payload in payloads() {
        // A sentence is one line: a blank line in it would be a second paragraph.
        let sentence = format!("{} [1]", escape_markdown(&shown(&payload)));
        let json = authored(&payload, &sentence, "https://example.org/");
        let evidence = publish(&json)
            .unwrap_or_else(|problems| panic!("payload {payload:?} refused: {problems:?}"));
        let doc = evidence.document();
        let changed = doc.changes[0].replaces.as_ref().expect("replaces");
        for field in [
            &doc.question,
            &doc.verdict.label,
            &doc.sections[0].title,
            &doc.meta.authors[0],
            &doc.meta.editors[0],
            changed,
        ] {
            assert_eq!(field, &payload);
        }
        assert_eq!(doc.texts().len(), 4, "verdict, section, limit and change");
        let source = &doc.sources[0];
        for field in [
            &source.title,
            &source.publisher,
            &source.author,
            &source.note,
        ] {
            assert_eq!(field.as_deref(), Some(payload.as_str()));
        }
        assert_eq!(source.excerpts, std::slice::from_ref(&payload));
        // Markdown text is compared as a browser shows it.
        let expected = shown(&format!("{payload} [1]"));
        for (_, path, text) in doc.texts() {
            assert_eq!(shown(&plain_text(text)), expected, "{path}");
            assert!(
                text.iter()
                    .all(|node| matches!(node, Inline::Text(_) | Inline::Cite(_))),
                "payload {payload:?} at {path} became markup: {text:?}"
            );
        }
        assert_safe(&evidence, &payload);
    }
}

#[test]
fn every_payload_as_raw_markdown_is_refused_or_publishes_only_safe_links() {
    let mut refused = 0;
    for payload in payloads() {
        let json = authored("Plain", &format!("{payload} [1]"), "https://example.org/");
        match publish(&json) {
            Ok(evidence) => assert_safe(&evidence, &payload),
            Err(problems) => {
                refused += 1;
                assert!(problems.iter().all(|p| !p.path.is_root()), "{problems:?}");
            }
        }
    }
    // The corpus is hostile: many payloads must be refused, not just quietly accepted.
    assert!(refused >= 40, "only {refused} refused");
}

#[test]
fn every_payload_as_an_address_is_refused_unless_it_is_a_web_address() {
    for payload in payloads() {
        let link = format!("[x]({}) [1]", payload.replace(')', "%29"));
        let json = authored("Plain", &link, &payload);
        match publish(&json) {
            Ok(evidence) => assert_safe(&evidence, &payload),
            Err(problems) => assert!(
                problems
                    .iter()
                    .any(|p| p.path.to_string().ends_with(".url")),
                "payload {payload:?}: {problems:?}"
            ),
        }
    }
}

/// A published file edited by hand to carry the payload as addresses: the widget's own loader
/// refuses every unsafe one.
#[test]
fn hand_edited_published_addresses_are_refused_unless_safe() {
    let base: Value = serde_json::from_str(
        &publish(&authored("Plain", "Text [1]", "https://example.org/"))
            .expect("base set")
            .to_json(false),
    )
    .expect("json");
    for payload in payloads() {
        let mut doc = base.clone();
        doc["meta"]["url"] = json!(payload);
        doc["sources"][0]["url"] = json!(payload);
        doc["sources"][0]["archived"] = json!({ "url": payload, "date": "2026-01-01" });
        doc["limits"][0] =
            json!([{ "link": { "href": payload, "children": [{ "text": "x" }] } }, { "cite": 1 }]);
        match load_published(&doc.to_string()) {
            Ok(evidence) => assert_safe(&evidence, &payload),
            Err(problems) => {
                let paths: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
                assert!(
                    paths
                        .iter()
                        .any(|p| p == "limits[0]" || p.ends_with(".url")),
                    "payload {payload:?}: {paths:?}"
                );
            }
        }
    }
}

/// The archived copy's address alone carries the payload: it is held to the same rule as the
/// source's own address, and named as where the problem is.
#[test]
fn an_archived_copy_address_is_refused_unless_it_is_a_web_address() {
    for payload in payloads() {
        let mut doc: Value =
            serde_json::from_str(&authored("Plain", "Text [1]", "https://example.org/"))
                .expect("json");
        doc["sources"][0]["archived"]["url"] = json!(payload);
        match publish(&doc.to_string()) {
            Ok(evidence) => assert_safe(&evidence, &payload),
            Err(problems) => assert!(
                problems
                    .iter()
                    .any(|p| p.path.to_string() == "sources[0].archived.url"),
                "payload {payload:?}: {problems:?}"
            ),
        }
    }
}
