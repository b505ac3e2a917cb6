//! Expected-output files for the data-driven tests: compare, or, with `EXPLAINER_BLESS` set,
//! rewrite them. A blessing run writes and then fails, so it can never pass as a check: the
//! check is the next run, without the variable (`scripts/bless.sh` does both).

use std::fs;
use std::path::PathBuf;

/// One case: the file holding what is expected, and what the code under test gave.
pub struct Case {
    /// What names the case in a failure.
    pub name: String,
    /// The file with the expected output.
    pub expected_file: PathBuf,
    /// What the code under test produced.
    pub actual: String,
}

/// Fails listing every case whose output differs from its file; with `EXPLAINER_BLESS` set,
/// rewrites those files instead and fails saying which were written.
pub fn compare_or_bless(cases: Vec<Case>) {
    let bless = std::env::var_os("EXPLAINER_BLESS").is_some();
    let mut failures = Vec::new();
    for case in cases {
        let expected = fs::read_to_string(&case.expected_file).unwrap_or_default();
        if case.actual == expected {
            continue;
        }
        if bless {
            fs::write(&case.expected_file, &case.actual).expect("write expected output");
            failures.push(format!("blessed {}", case.expected_file.display()));
        } else {
            failures.push(format!(
                "{}\n--- expected ({})\n{expected}--- actual\n{}",
                case.name,
                case.expected_file.display(),
                case.actual
            ));
        }
    }
    if bless {
        panic!(
            "EXPLAINER_BLESS is set: {} file(s) rewritten, none checked; review the diff and run the tests without it:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
