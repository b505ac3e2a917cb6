//! Data-driven validation tests. Every file in `tests/fixtures/invalid/` (authored form, read
//! by publishing) and `tests/fixtures/invalid-published/` (read as the widget reads) has a
//! `.expected` file beside it holding the exact messages it must produce, one per line.
//! Every file in `tests/fixtures/valid/` must publish, and its published form must load.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use explainer::evidence::{Problem, authored::publish, load_published};

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
    let mut failures = Vec::new();
    for file in fixtures(dir) {
        let text = fs::read_to_string(&file).expect("fixture is UTF-8");
        let actual = match read(&text) {
            Ok(()) => "(no problems)\n".to_owned(),
            Err(problems) => messages(&problems),
        };
        let expected_file = file.with_extension("expected");
        // EXPLAINER_BLESS=1 rewrites the expected messages; review the diff before committing.
        if std::env::var_os("EXPLAINER_BLESS").is_some() {
            fs::write(&expected_file, &actual).expect("write expected messages");
        }
        let expected = fs::read_to_string(&expected_file).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}\n--- expected ({})\n{expected}--- actual\n{actual}",
                file.display(),
                expected_file.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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

#[test]
fn the_bundled_authored_set_publishes_to_what_the_widget_embeds() {
    let authored = include_str!("../www/evidence/ice-contracts.json");
    let evidence = publish(authored).unwrap_or_else(|p| panic!("{}", messages(&p)));
    assert_eq!(evidence.to_json(false), explainer::BUNDLED_EVIDENCE);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/bridge.json"),
    )
    .expect("fixture");
    assert!(publish(&format!("\u{feff}{text}")).is_ok());
}
