//! Data-driven validation tests. Every file in `tests/fixtures/invalid/` (authored form, read
//! by publishing) and `tests/fixtures/invalid-published/` (read as the widget reads) has a
//! `.expected` file beside it holding the exact messages it must produce, one per line.
//! Every file in `tests/fixtures/valid/` must publish, and its published form must load.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use explainer::evidence::{Problem, authored::publish, load_published};

#[path = "support/expected.rs"]
mod expected;
use expected::{Case, compare_or_bless};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

fn messages(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("{p}\n")).collect()
}

fn check_invalid(dir: &str, read: fn(&str) -> Result<(), Vec<Problem>>) {
    let cases = fixtures(dir)
        .into_iter()
        .map(|file| {
            let text = fs::read_to_string(&file).expect("fixture is UTF-8");
            let actual = match read(&text) {
                Ok(()) => "(no problems)\n".to_owned(),
                Err(problems) => messages(&problems),
            };
            Case {
                name: file.display().to_string(),
                expected_file: file.with_extension("expected"),
                actual,
            }
        })
        .collect();
    compare_or_bless(cases);
}

#[test]
fn invalid_authored_files_give_their_expected_messages() {
    check_invalid("invalid", |text| publish(text).map(|_| ()));
}

#[test]
fn invalid_published_files_give_their_expected_messages() {
    check_invalid("invalid-published", |text| load_published(text).map(|_| ()));
}

#[test]
fn valid_files_publish_and_their_published_form_loads_unchanged() {
    for file in fixtures("valid") {
        let text = fs::read_to_string(&file).expect("fixture is UTF-8");
        let evidence =
            publish(&text).unwrap_or_else(|p| panic!("{}:\n{}", file.display(), messages(&p)));
        let reloaded = load_published(&evidence.to_json(true))
            .unwrap_or_else(|p| panic!("{} published:\n{}", file.display(), messages(&p)));
        assert_eq!(reloaded, evidence, "{}", file.display());
    }
}

/// The widget embeds the bundled authored set, and not another (build.rs publishes whatever
/// EXPLAINER_EVIDENCE names). Read field by field with serde_json, not through `publish`, which
/// build.rs itself calls: the fields compared are those publishing copies verbatim.
#[test]
fn the_widget_embeds_the_bundled_authored_set() {
    let authored: serde_json::Value =
        serde_json::from_str(include_str!("../www/evidence/ice-contracts.json")).expect("JSON");
    let embedded: serde_json::Value =
        serde_json::from_str(explainer::BUNDLED_EVIDENCE).expect("JSON");
    assert_eq!(embedded["form"], "published");
    assert_eq!(embedded["question"], authored["question"]);
    assert_eq!(embedded["verdict"]["label"], authored["verdict"]["label"]);
    let outline = |set: &serde_json::Value| -> Vec<(String, String, usize)> {
        set["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .map(|s| {
                let sentences = s["sentences"].as_array().map_or(0, Vec::len);
                (s["id"].to_string(), s["title"].to_string(), sentences)
            })
            .collect()
    };
    assert_eq!(outline(&embedded), outline(&authored));
    let numbers = |set: &serde_json::Value| -> Vec<u64> {
        set["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| s["number"].as_u64().expect("number"))
            .collect()
    };
    assert_eq!(numbers(&embedded), numbers(&authored));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/bridge.json"),
    )
    .expect("fixture");
    assert!(publish(&format!("\u{feff}{text}")).is_ok());
}
