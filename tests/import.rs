//! `import`: reports written like the seed become evidence files; reports that do not fit get
//! problems with line numbers. Every error fixture in `tests/fixtures/import/errors/` has the
//! exact messages it must give in a `.expected` file (`scripts/bless.sh` rewrites them).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use explainer::evidence::authored::publish;
use explainer::evidence::import::import;
use explainer::evidence::published::plain_text;
use explainer::evidence::{ChangeKind, Inline};

#[path = "support/expected.rs"]
mod expected;
use expected::{Case, compare_or_bless};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The verdict's sentences as plain text.
fn verdict_texts(doc: &explainer::evidence::Published) -> Vec<String> {
    doc.verdict
        .sentences
        .iter()
        .map(|s| plain_text(s))
        .collect()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn importing_the_seed_report_gives_the_committed_bundled_set_byte_for_byte() {
    let dir = root().join("www/evidence");
    let output = Command::new(env!("CARGO_BIN_EXE_explainer"))
        .arg("import")
        .arg(dir.join("ice-contracts.report.txt"))
        .arg("--sources")
        .arg(dir.join("ice-contracts.sources.json"))
        .output()
        .expect("run explainer");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).expect("UTF-8"),
        read(&dir.join("ice-contracts.json")),
        "www/evidence/ice-contracts.json is not what import makes: regenerate it with explainer import"
    );
}

#[test]
fn a_second_report_imports_word_for_word() {
    let dir = root().join("tests/fixtures/import");
    let report = read(&dir.join("library-hours.report.txt"));
    let authored = import(
        &report,
        Some(&read(&dir.join("library-hours.sources.json"))),
    )
    .expect("imports");
    let evidence = publish(&serde_json::to_string(&authored).expect("JSON")).expect("publishes");
    let doc = evidence.document();
    assert_eq!(
        doc.question,
        "Did the city library cut its weekend opening hours in 2026?"
    );
    let text = |sentences: &[Vec<Inline>]| {
        sentences
            .iter()
            .map(|s| plain_text(s))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let paragraphs: Vec<&str> = report.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(text(&doc.sections[0].sentences), paragraphs[4]);
    assert_eq!(doc.sections[1].title, "The branches — unchanged, for now");
    assert_eq!(doc.sections[1].id.as_str(), "the-branches");
    assert_eq!(text(&doc.sections[2].sentences), paragraphs[8]);
    // The summary's two sentences, then the bottom line's first.
    let verdict = verdict_texts(doc);
    assert_eq!(verdict.len(), 3);
    assert_eq!(verdict[..2].join(" "), paragraphs[2]);
    assert_eq!(
        verdict[2],
        "The central library's weekend hours were cut from March 2026 [1] [2]."
    );
    let one = evidence
        .source(explainer::evidence::CitationNumber(1))
        .expect("source 1");
    assert_eq!(one.publisher.as_deref(), Some("Example City Library"));
    assert_eq!(
        (doc.meta.authors.as_slice(), doc.meta.editors.as_slice()),
        (
            &["Alex Example".to_owned()][..],
            &["Sam Example".to_owned()][..]
        ),
        "the byline, from the sources file"
    );
    // The log the sources file keeps is carried as it is, its text parsed like any sentence.
    let changes: Vec<(&str, ChangeKind, String, Option<&str>)> = doc
        .changes
        .iter()
        .map(|c| {
            (
                c.date.as_str(),
                c.kind,
                plain_text(&c.text),
                c.replaces.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            (
                "2026-04-03",
                ChangeKind::Correction,
                "An earlier version said every library cut its weekend hours; the library's notice says the branches kept theirs [1].".to_owned(),
                Some("Yes, at every library")
            ),
            (
                "2026-04-09",
                ChangeKind::Update,
                "Added the library director's figure for the staff hours the change saves [2].".to_owned(),
                None
            )
        ]
    );
    // An archived copy the sources file names is carried as it is, and none is made up.
    let archived = one.archived.as_ref().expect("source 1's archived copy");
    assert_eq!(
        (archived.url.as_str(), archived.date.as_str()),
        (
            "https://archive.example.org/2026-02-20/library.example.org/hours",
            "2026-02-20"
        )
    );
    assert!(
        evidence
            .source(explainer::evidence::CitationNumber(2))
            .expect("source 2")
            .archived
            .is_none()
    );
    assert_eq!(doc.verdict.label, "Yes, at the central library");
}

#[test]
fn reports_that_do_not_fit_give_their_expected_problems() {
    let dir = root().join("tests/fixtures/import/errors");
    let mut reports: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".report.txt"))
        .collect();
    reports.sort();
    assert!(reports.len() >= 14);
    let cases = reports
        .into_iter()
        .map(|report| {
            let stem = report
                .to_string_lossy()
                .trim_end_matches(".report.txt")
                .to_owned();
            let own = PathBuf::from(format!("{stem}.sources.json"));
            let sources = if own.exists() {
                own
            } else {
                dir.join("label-only.sources.json")
            };
            let actual = match import(&read(&report), Some(&read(&sources))) {
                Ok(_) => "(imported)\n".to_owned(),
                Err(problems) => problems.iter().map(|p| format!("{p}\n")).collect(),
            };
            Case {
                expected_file: PathBuf::from(format!("{stem}.expected")),
                name: stem,
                actual,
            }
        })
        .collect();
    compare_or_bless(cases);
}

#[test]
fn the_cli_reports_import_problems_with_report_lines_and_writes_nothing() {
    let dir = root().join("tests/fixtures/import/errors");
    let out = std::env::temp_dir().join(format!("explainer-import-{}.json", std::process::id()));
    let output = Command::new(env!("CARGO_BIN_EXE_explainer"))
        .arg("import")
        .arg(dir.join("out-of-order.report.txt"))
        .arg("--sources")
        .arg(dir.join("label-only.sources.json"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run explainer");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.contains("out-of-order.report.txt:6: section 3 where section 2 was expected"),
        "{stderr}"
    );
    assert!(stderr.ends_with("1 problem; nothing written\n"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_report_in_spanish_uses_its_own_headings() {
    let dir = root().join("tests/fixtures/import");
    let report = read(&dir.join("library-hours-es.report.txt"));
    let sources = read(&dir.join("library-hours-es.sources.json"));
    let authored = import(&report, Some(&sources)).expect("imports");
    let evidence = publish(&serde_json::to_string(&authored).expect("JSON")).expect("publishes");
    let doc = evidence.document();
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Qué cambió en la biblioteca central",
            "Las bibliotecas de barrio, sin cambios por ahora",
            "Conclusión y límites del reportaje",
        ],
        "\"Resumen ejecutivo\" opens the summary; sections are numbered as in English"
    );
    // The summary's two sentences, then the first of the section that starts "Conclusión".
    let verdict = verdict_texts(doc);
    assert_eq!(verdict.len(), 3);
    assert_eq!(
        verdict[2],
        "El horario de fin de semana de la biblioteca central se redujo desde marzo de 2026 [1] [2]."
    );
    // A section whose title names "límites" offers its sentences as limits.
    let candidates = explainer::evidence::import::limit_candidates(&report);
    assert_eq!(candidates.len(), 2, "{candidates:?}");
    assert!(candidates[1].starts_with("Las fuentes no dicen"));
}
