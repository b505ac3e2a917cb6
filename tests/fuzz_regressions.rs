//! The fuzz targets' checks (`fuzz/checks.rs`, run by `scripts/fuzz.sh`) on every fixture and on
//! every input kept in `tests/fixtures/fuzz/<target>/`, so the properties the fuzzer holds the
//! code to are held on every test run too, and an input that once broke them stays fixed.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn inputs(sub: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    files(&root.join("tests/fixtures"), &mut found);
    files(&root.join("www/evidence"), &mut found);
    found.retain(|p| {
        p.extension().is_some_and(|e| e == "json")
            || p.parent()
                .is_some_and(|d| d.ends_with(Path::new("fuzz").join(sub)))
    });
    found
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).expect("readable input");
            (p, bytes)
        })
        .collect()
}

#[test]
fn every_fixture_and_kept_input_passes_the_evidence_file_check() {
    let inputs = inputs("evidence_file");
    assert!(inputs.len() > 20, "{} inputs", inputs.len());
    for (path, bytes) in inputs {
        eprintln!("{}", path.display());
        checks::evidence_file(&bytes);
    }
}

#[test]
fn every_sentence_of_every_fixture_passes_the_inline_markdown_check() {
    let mut texts = 0;
    for (_, bytes) in inputs("inline_markdown") {
        let value: serde_json::Value = match serde_json::from_slice(&bytes) {
            Ok(value) => value,
            // A kept fuzz input is raw text, not JSON.
            Err(_) => {
                checks::inline_markdown(&bytes);
                continue;
            }
        };
        let mut stack = vec![value];
        while let Some(value) = stack.pop() {
            match value {
                serde_json::Value::String(text) => {
                    texts += 1;
                    checks::inline_markdown(text.as_bytes());
                }
                serde_json::Value::Array(items) => stack.extend(items),
                serde_json::Value::Object(map) => stack.extend(map.into_values()),
                _ => {}
            }
        }
    }
    assert!(texts > 200, "{texts} texts");
}
