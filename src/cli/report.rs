//! How the tool says what it found: problems as `FILE:LINE:COL: PATH: message`, and counts.

use std::io::Write;
use std::path::Path;

use explainer_evidence::Problem;

/// Each problem as `FILE:LINE:COL: PATH: message`, with `warning: ` before the message for
/// advice.
pub(super) fn diagnostics(
    file: &Path,
    json: &str,
    problems: &[Problem],
    warning: bool,
) -> Vec<String> {
    let severity = if warning { "warning: " } else { "" };
    Problem::positions(problems, json)
        .into_iter()
        .zip(problems)
        .map(|((line, column), problem)| {
            format!(
                "{}:{line}:{column}: {}: {severity}{}",
                file.display(),
                problem.path,
                problem.kind
            )
        })
        .collect()
}

/// Warns when `--language` names a language the widget has no words in, so they will be
/// English: said as `explainer check` says it of a set's `meta.language`.
pub(super) fn warn_of_language(language: Option<&str>, err: &mut dyn Write) {
    if let Some(language) = language.filter(|tag| !crate::locales::Locale::speaks(tag)) {
        let kind = explainer_evidence::ProblemKind::NoWordsInLanguage {
            language: language.to_owned(),
        };
        let _ = writeln!(err, "explainer: --language: warning: {kind}");
    }
}

/// `ok`, or the count of errors and warnings, as `check` ends each file's report.
pub(super) fn summary(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match (errors, warnings) {
        (0, 0) => "ok".to_owned(),
        (0, w) => format!("ok, {}", plural(w, "warning")),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}
