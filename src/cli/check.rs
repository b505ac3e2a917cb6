//! `explainer check` and `explainer build`: one reading and validation path for both, so a file
//! that checks clean is exactly a file that builds and renders.

use std::io::Write;
use std::path::Path;

use crate::studio::advise;
use explainer_evidence::authored::read_either_form;
use explainer_evidence::{Evidence, Form, Problem, decode, form_of};
use serde_json::json;

use super::{Outcome, Status, diagnostics, io_failure};

/// What reading one file found: its text (when it could be decoded), and either the evidence
/// or its problems.
pub(super) struct Checked {
    pub(super) text: String,
    pub(super) result: Result<Evidence, Vec<Problem>>,
}

/// Reads and validates a file of either form. `Err` is an I/O failure, not invalid evidence.
pub(super) fn read(file: &Path) -> std::io::Result<Checked> {
    let bytes = std::fs::read(file)?;
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(problem) => {
            return Ok(Checked {
                text: String::new(),
                result: Err(vec![problem]),
            });
        }
    };
    let result = read_either_form(&text);
    Ok(Checked { text, result })
}

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

/// Reads a valid evidence file of either form, with its text; or prints every problem to
/// `err` and returns the status to exit with. The one way commands that write get evidence.
pub(super) fn read_valid(file: &Path, err: &mut dyn Write) -> Result<(Evidence, String), Status> {
    let checked = read(file).map_err(|error| io_failure(err, "read", file, &error))?;
    match checked.result {
        Ok(evidence) => Ok((evidence, checked.text)),
        Err(problems) => {
            for line in diagnostics(file, &checked.text, &problems, false) {
                let _ = writeln!(err, "{line}");
            }
            let count = summary(problems.len(), 0);
            let _ = writeln!(err, "{}: {count}; nothing written", file.display());
            Err(Status::Invalid)
        }
    }
}

/// Reads a valid published evidence file and returns it with its text; an authored one is
/// refused with the command that publishes it, since pages load the published form.
pub(super) fn read_published(
    file: &Path,
    err: &mut dyn Write,
) -> Result<(Evidence, String), Status> {
    let (evidence, text) = read_valid(file, err)?;
    if form_of(&text) != Some(Form::Published) {
        let _ = writeln!(
            err,
            "explainer: {} is not a published evidence file: the page loads the published form, so publish it first with `explainer build FILE -o FILE.published.json`",
            file.display()
        );
        return Err(Status::Invalid);
    }
    Ok((evidence, text))
}

/// Writes `bytes` to `output` (atomically), or to standard output when there is none.
pub(super) fn emit(
    output: Option<&Path>,
    bytes: &[u8],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    match output {
        None => out.write_all(bytes),
        Some(path) => write_atomically(path, bytes),
    }
    .map_err(|error| {
        io_failure(
            err,
            "write",
            output.unwrap_or(Path::new("standard output")),
            &error,
        )
    })
}

/// Writes through a temporary file beside `path` and renames it into place, so a failed or
/// interrupted write never leaves a half-written file where the old one was.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
