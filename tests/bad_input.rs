//! The bad-input sweep: broken, hostile and hand-edited files, each given both to `explainer
//! check` and to the widget (through Yew's server renderer, on the same code the browser runs).
//! Each is refused by both with the same messages at the same paths, or shown by both; nothing
//! panics and nothing hangs.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::process::Command;

use explainer::evidence::{Problem, decode, load_published};
use explainer::widget::load_error::SHOWN;
use explainer::widget::{Widget, WidgetProps};
use serde_json::{Value, json};

/// `explainer check` on `bytes` written to a file called `name`: its exit code and output.
fn check(name: &str, bytes: &[u8]) -> (Option<i32>, String) {
    // Removed when this returns: the case's file is only for the run.
    let folder = tempfile::Builder::new()
        .prefix("explainer-bad-input-")
        .tempdir()
        .expect("scratch folder");
    let file = folder.path().join(format!("{name}.json"));
    fs::write(&file, bytes).expect("write case");
    let cli = Command::new(env!("CARGO_BIN_EXE_explainer"))
        .arg("check")
        .arg(&file)
        .output()
        .expect("run explainer");
    (
        cli.status.code(),
        String::from_utf8_lossy(&cli.stdout).into_owned(),
    )
}

/// What the widget shows for `bytes`, fetched as a file.
async fn widget(bytes: &[u8]) -> String {
    let props = WidgetProps::from_file(bytes.to_vec(), "x");
    yew::LocalServerRenderer::<Widget>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// Text as the server renderer escapes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The problems the widget's loader finds in `bytes`, if any.
fn problems(bytes: &[u8]) -> Option<Vec<Problem>> {
    match decode(bytes.to_vec()) {
        Err(problem) => Some(vec![problem]),
        Ok(json) => load_published(&json).err(),
    }
}

/// Gives `bytes` to both; returns the problems they agree on (None when both show the set).
async fn both(name: &str, bytes: &[u8]) -> Option<Vec<Problem>> {
    let (code, stdout) = check(name, bytes);
    let html = widget(bytes).await;
    let found = problems(bytes);
    match &found {
        None => {
            assert_eq!(code, Some(0), "{name}: {stdout}");
            assert!(
                html.contains("ex-question"),
                "{name}: the widget shows the set"
            );
        }
        Some(problems) => {
            assert_eq!(code, Some(1), "{name}: {stdout}");
            assert!(!problems.is_empty(), "{name}");
            assert!(html.contains("role=\"alert\""), "{name}: the error panel");
            assert!(!html.contains("ex-question"), "{name}: nothing half-shown");
            for problem in problems.iter().take(SHOWN) {
                let line = format!(": {problem}\n");
                assert!(
                    stdout.contains(&line),
                    "{name}: the CLI lacks {line:?}:\n{stdout:.2000}"
                );
                let item = format!(
                    "<code class=\"ex-error-path\">{}</code>: {}</li>",
                    escaped(&problem.path.to_string()),
                    escaped(&problem.kind.to_string())
                );
                assert!(
                    html.contains(&item),
                    "{name}: the panel lacks {item:?}:\n{html:.3000}"
                );
            }
            if problems.len() > SHOWN {
                let more = format!("…and {} more.", problems.len() - SHOWN);
                assert!(html.contains(&more), "{name}: the panel says {more}");
            }
        }
    }
    found
}

fn bundled() -> Value {
    serde_json::from_str(explainer::BUNDLED_EVIDENCE).expect("bundled set")
}

fn paths(found: &[Problem]) -> Vec<String> {
    found.iter().map(|p| p.path.to_string()).collect()
}

/// Refused by both, with a problem at `path`.
async fn refused_at(name: &str, bytes: &[u8], path: &str) -> Vec<Problem> {
    let found = both(name, bytes)
        .await
        .unwrap_or_else(|| panic!("{name} was accepted"));
    // At the path, or inside it: a mistyped node is named down to its field.
    let inside = |p: &String| {
        p == path || p.starts_with(&format!("{path}.")) || p.starts_with(&format!("{path}["))
    };
    assert!(
        paths(&found).iter().any(inside),
        "{name}: no problem at {path}: {:?}",
        paths(&found)
    );
    found
}

fn edited(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc = bundled();
    edit(&mut doc);
    doc.to_string().into_bytes()
}

/// Every place in `value`, with its path as problems write it.
fn places(
    value: &Value,
    path: String,
    out: &mut Vec<(String, Vec<PathStep>)>,
    steps: Vec<PathStep>,
) {
    out.push((path.clone(), steps.clone()));
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let shown = if path == "(document)" {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let mut next = steps.clone();
                next.push(PathStep::Key(key.clone()));
                places(child, shown, out, next);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let mut next = steps.clone();
                next.push(PathStep::Index(i));
                places(child, format!("{path}[{i}]"), out, next);
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at<'a>(value: &'a mut Value, steps: &[PathStep]) -> &'a mut Value {
    steps.iter().fold(value, |v, step| match step {
        PathStep::Key(key) => &mut v[key.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

#[tokio::test]
async fn null_in_every_field_is_refused_where_it_is_or_read_as_absent() {
    let mut all = Vec::new();
    places(&bundled(), "(document)".into(), &mut all, Vec::new());
    assert!(all.len() > 100, "{} places", all.len());
    let (mut refused, mut absent) = (0, 0);
    for (path, steps) in all.iter().skip(1) {
        let bytes = edited(|doc| *at(doc, steps) = Value::Null);
        match both(&format!("null {path}"), &bytes).await {
            // An optional field set to null is the same as leaving it out.
            None => absent += 1,
            Some(found) => {
                refused += 1;
                // Named where it is: at the field, or at the sentence or list holding it.
                let named = paths(&found).iter().any(|p| {
                    path == p
                        || path.starts_with(&format!("{p}."))
                        || path.starts_with(&format!("{p}["))
                });
                assert!(named, "null at {path}: {:?}", paths(&found));
            }
        }
    }
    eprintln!(
        "{} places: {refused} refused, {absent} read as absent",
        all.len() - 1
    );
    assert!(
        refused > 50 && absent > 0,
        "{refused} refused, {absent} read as absent"
    );
}

#[tokio::test]
async fn malformed_and_mistyped_files_are_refused_by_both() {
    refused_at("malformed", b"{\"version\": 1,,}", "(document)").await;
    refused_at("empty", b"", "(document)").await;
    refused_at(
        "truncated",
        &explainer::BUNDLED_EVIDENCE.as_bytes()[..500],
        "(document)",
    )
    .await;
    refused_at(
        "question-number",
        &edited(|d| d["question"] = json!(5)),
        "question",
    )
    .await;
    refused_at(
        "sources-string",
        &edited(|d| d["sources"] = json!("none")),
        "sources",
    )
    .await;
    refused_at(
        "cite-word",
        &edited(|d| d["verdict"]["sentences"][0] = json!([{ "cite": "one" }])),
        "verdict.sentences[0]",
    )
    .await;
    refused_at(
        "unknown-node",
        &edited(|d| d["limits"][0] = json!([{ "html": "<b>x</b>" }])),
        "limits[0]",
    )
    .await;
}

#[tokio::test]
async fn hand_edited_published_files_are_refused_where_they_went_wrong() {
    refused_at(
        "duplicate-id",
        &edited(|d| d["sections"][1]["id"] = d["sections"][0]["id"].clone()),
        "sections[1].id",
    )
    .await;
    refused_at(
        "dangling-cite",
        &edited(|d| {
            d["verdict"]["sentences"][0]
                .as_array_mut()
                .expect("sentence")
                .push(json!({ "cite": 99 }))
        }),
        "verdict.sentences[0]",
    )
    .await;
    refused_at(
        "duplicate-source",
        &edited(|d| d["sources"][1]["number"] = d["sources"][0]["number"].clone()),
        "sources[1].number",
    )
    .await;
    refused_at(
        "removed-source",
        &edited(|d| {
            d["sources"].as_array_mut().expect("sources").remove(0);
        }),
        "verdict.sentences[0]",
    )
    .await;
    refused_at(
        "unsafe-link",
        &edited(|d| {
            d["limits"][0] = json!([{ "link": { "href": "javascript:alert(1)", "children": [{ "text": "x" }] } }])
        }),
        "limits[0]",
    )
    .await;
    let found = refused_at("null-form", &edited(|d| d["form"] = Value::Null), "form").await;
    assert!(
        found[0]
            .to_string()
            .contains("expected \"authored\" or \"published\""),
        "{}",
        found[0]
    );
    refused_at(
        "bad-section-id",
        &edited(|d| d["sections"][0]["id"] = json!("Not An Id")),
        "sections[0].id",
    )
    .await;
    let deep = (0..9).fold(
        json!([{ "text": "x" }]),
        |inner, _| json!([{ "em": inner }]),
    );
    refused_at(
        "markup-too-deep",
        &edited(|d| d["verdict"]["sentences"][0] = deep),
        "verdict.sentences[0]",
    )
    .await;
}

#[tokio::test]
async fn huge_and_deep_files_are_refused_quickly_and_clearly() {
    let sentence = "a".repeat(10 * 1024 * 1024);
    let found = refused_at(
        "10mb-sentence",
        &edited(|d| d["verdict"]["sentences"][0] = json!([{ "text": sentence }, { "cite": 1 }])),
        "verdict.sentences[0]",
    )
    .await;
    assert!(
        found[0].to_string().contains("10485760 characters"),
        "{}",
        found[0]
    );

    let title = "t".repeat(20_000);
    refused_at(
        "long-title",
        &edited(|d| d["sections"][0]["title"] = json!(title)),
        "sections[0].title",
    )
    .await;

    let found = refused_at(
        "10000-sources",
        &edited(|d| {
            let sources = d["sources"].as_array_mut().expect("sources");
            for n in 1000..11_000 {
                sources.push(json!({ "number": n, "title": "More" }));
            }
        }),
        "sources",
    )
    .await;
    assert!(found.len() > SHOWN, "every uncited source is named too");

    let arrays = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    refused_at("arrays-10000-deep", arrays.as_bytes(), "(document)").await;
    let in_field = explainer::BUNDLED_EVIDENCE.replacen(
        "\"limits\":[",
        &format!("\"limits\":[{}{}, ", "[".repeat(10_000), "]".repeat(10_000)),
        1,
    );
    assert_ne!(in_field, explainer::BUNDLED_EVIDENCE);
    refused_at(
        "arrays-10000-deep-in-limits",
        in_field.as_bytes(),
        "limits[0]",
    )
    .await;

    let markup = (0..10_000).fold(String::from("{\"text\":\"x\"}"), |inner, _| {
        format!("{{\"em\":[{inner}]}}")
    });
    let nested = explainer::BUNDLED_EVIDENCE.replacen(
        "\"limits\":[",
        &format!("\"limits\":[[{markup}], "),
        1,
    );
    refused_at("markup-10000-deep", nested.as_bytes(), "limits[0]").await;
}

#[tokio::test]
async fn encoding_problems_are_named_and_a_byte_order_mark_is_fine() {
    let mut latin1 = explainer::BUNDLED_EVIDENCE.as_bytes().to_vec();
    let at = latin1
        .iter()
        .position(|&b| b == b'?')
        .expect("a question mark");
    latin1[at] = 0xe9;
    let found = refused_at("latin1", &latin1, "(document)").await;
    assert!(found[0].to_string().contains("not UTF-8"), "{}", found[0]);

    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(explainer::BUNDLED_EVIDENCE.as_bytes());
    assert!(
        both("bom", &bom).await.is_none(),
        "a byte-order mark is accepted"
    );

    let huge = vec![b' '; 17 * 1024 * 1024];
    let found = refused_at("17mb", &huge, "(document)").await;
    assert!(
        found[0].to_string().contains("at most 16 MB"),
        "{}",
        found[0]
    );
}

/// Authored files the widget is never given, but `check` and `build` are: markup nested 10,000
/// deep in every way markdown allows is refused with a named problem, not a stack overflow.
#[test]
fn authored_markup_nested_10000_deep_is_refused() {
    let deep = [
        (
            "emphasis",
            format!("{}x{} [1]", "*".repeat(10_000), "*".repeat(10_000)),
        ),
        (
            "words",
            format!("{}x{} [1]", "*a ".repeat(10_000), " a*".repeat(10_000)),
        ),
        (
            "links",
            format!(
                "{}x{} [1]",
                "[".repeat(10_000),
                "](https://a.example/)".repeat(10_000)
            ),
        ),
        ("quotes", format!("{}x [1]", "> ".repeat(10_000))),
        ("lists", format!("{}x [1]", "- ".repeat(10_000))),
    ];
    for (name, sentence) in deep {
        let doc = json!({
            "version": 1, "form": "authored", "meta": { "language": "en" },
            "question": "Q?", "verdict": { "label": "L", "sentences": [sentence] },
            "sections": [], "limits": [], "sources": [{ "number": 1 }],
        });
        let (code, stdout) = check(&format!("authored-{name}"), doc.to_string().as_bytes());
        let problems = explainer::evidence::authored::publish(&doc.to_string()).expect_err(name);
        assert_eq!(code, Some(1), "{name}: {stdout}");
        for problem in &problems {
            assert!(
                stdout.contains(&format!(": {problem}\n")),
                "{name}: {stdout}"
            );
            assert_eq!(problem.path.to_string(), "verdict.sentences[0]", "{name}");
        }
    }
}
