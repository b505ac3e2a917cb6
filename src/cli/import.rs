//! `explainer import`: a report written like the seed, plus a sources file, into an authored
//! evidence file.

use std::io::Write;
use std::path::Path;

use explainer_evidence::import::{import as import_report, to_json};

use super::io::emit;
use super::io::io_failure;
use super::status::{Outcome, Status};

pub(super) fn import(
    report: &Path,
    sources: Option<&Path>,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let text =
        std::fs::read_to_string(report).map_err(|error| io_failure(err, "read", report, &error))?;
    let supplement = match sources {
        None => None,
        Some(path) => Some(
            std::fs::read_to_string(path).map_err(|error| io_failure(err, "read", path, &error))?,
        ),
    };
    let authored = match import_report(&text, supplement.as_deref()) {
        Ok(authored) => authored,
        Err(problems) => {
            for problem in &problems {
                match problem.line {
                    Some(line) => writeln!(err, "{}:{line}: {}", report.display(), problem.message),
                    None => writeln!(err, "{}: {}", report.display(), problem.message),
                }
                .ok();
            }
            let count = problems.len();
            let _ = writeln!(
                err,
                "{}: {count} problem{}; nothing written",
                report.display(),
                if count == 1 { "" } else { "s" }
            );
            return Err(Status::Invalid);
        }
    };
    emit(output, to_json(&authored).as_bytes(), out, err)
}
