//! The tool's reading and writing: evidence files read and validated once for every command
//! that writes, built files read with a hint when the widget is not built, output written
//! atomically, and every failure said with the file it concerns.

use std::io::Write;
use std::path::Path;

use explainer_evidence::{Evidence, Form, form_of};

use explainer_evidence::authored::read_either_form;
use explainer_evidence::{Problem, decode};

use super::report::{diagnostics, summary};
use super::status::{Outcome, Status};

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

/// Reports an I/O failure on `path` and returns [`Status::Failed`].
pub(super) fn io_failure(
    err: &mut dyn Write,
    what: &str,
    path: &Path,
    error: &std::io::Error,
) -> Status {
    let _ = writeln!(err, "explainer: cannot {what} {}: {error}", path.display());
    Status::Failed
}

/// Reads a file of the built widget, or says it cannot and that the widget must be built first.
pub(super) fn read_built(path: &Path, err: &mut dyn Write) -> Result<Vec<u8>, Status> {
    std::fs::read(path).map_err(|error| {
        let _ = writeln!(
            err,
            "explainer: cannot read {}: {error} (build the widget first: trunk build --release)",
            path.display()
        );
        Status::Failed
    })
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

/// Runs one of the renderers of [`crate::outputs`] (async, as in the studio's wasm) to its end.
pub(super) fn rendered<F: std::future::Future>(future: F) -> std::io::Result<F::Output> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    Ok(runtime.block_on(future))
}
