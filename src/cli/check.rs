//! `explainer check` and `explainer build`: one reading and validation path for both, so a file
//! that checks clean is exactly a file that builds and renders.

use std::io::Write;
use std::path::Path;

use crate::studio::advise;
use explainer_evidence::{Form, Problem, form_of};
use serde_json::json;

use super::io::{emit, io_failure, read, read_valid};
use super::report::{diagnostics, summary};
use super::status::{Outcome, Status};

pub(super) fn check(
    files: &[std::path::PathBuf],
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let mut status = Status::Ok;
    let mut reports = Vec::new();
    for file in files {
        let checked = match read(file) {
            Ok(checked) => checked,
            Err(error) => {
                io_failure(err, "read", file, &error);
                status = Status::Failed;
                continue;
            }
        };
        let (errors, warnings) = match &checked.result {
            Ok(evidence) => (Vec::new(), advise(evidence.document())),
            Err(problems) => (problems.clone(), Vec::new()),
        };
        if !errors.is_empty() && status == Status::Ok {
            status = Status::Invalid;
        }
        if as_json {
            let entries = |problems: &[Problem]| {
                let positions = Problem::positions(problems, &checked.text);
                positions
                    .into_iter()
                    .zip(problems)
                    .map(|((line, column), p)| {
                        json!({ "line": line, "column": column, "path": p.path.to_string(), "message": p.kind.to_string() })
                    })
                    .collect::<Vec<_>>()
            };
            reports.push(json!({
                "file": file.display().to_string(),
                "valid": errors.is_empty(),
                "errors": entries(&errors),
                "warnings": entries(&warnings),
            }));
        } else {
            for line in diagnostics(file, &checked.text, &errors, false) {
                let _ = writeln!(out, "{line}");
            }
            for line in diagnostics(file, &checked.text, &warnings, true) {
                let _ = writeln!(out, "{line}");
            }
            let _ = writeln!(
                out,
                "{}: {}",
                file.display(),
                summary(errors.len(), warnings.len())
            );
        }
    }
    if as_json {
        let text = serde_json::to_string_pretty(&reports).unwrap_or_else(|_| "[]".to_owned());
        let _ = writeln!(out, "{text}");
    }
    status.outcome()
}

pub(super) fn build(
    file: &Path,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let (evidence, text) = read_valid(file, err)?;
    if form_of(&text) == Some(Form::Published) {
        let _ = writeln!(
            err,
            "{}: already published: give it to the widget as it is",
            file.display()
        );
        return Err(Status::Invalid);
    }
    for line in diagnostics(file, &text, &advise(evidence.document()), true) {
        let _ = writeln!(err, "{line}");
    }
    emit(output, evidence.to_json(true).as_bytes(), out, err)?;
    if let Some(path) = output {
        let _ = writeln!(err, "{}: published to {}", file.display(), path.display());
    }
    Ok(())
}
