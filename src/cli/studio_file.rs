//! `explainer studio-file`: Explainer Studio as one HTML file that opens from disk and works
//! with no network at all, for editors who write offline (a browser will not load a module's
//! wasm from a folder on disk, so the served studio cannot simply be copied); made in
//! [`crate::outputs::studio_file`] from the built files read here.

use std::io::Write;
use std::path::Path;

use super::bundle::WidgetFiles;
use super::io::write_atomically;
use super::io::{io_failure, read_built};
use super::status::{Outcome, Status};
use crate::outputs::{Studio, body_of, studio_file};

/// The studio's own built files, beside the widget's.
const STUDIO_FILES: [&str; 9] = [
    "studio.html",
    "studio.css",
    "studio.js",
    "explainer-studio.js",
    "explainer-studio_bg.wasm",
    "explainer-publisher.js",
    "explainer-publisher_bg.wasm",
    "explainer-card.js",
    "explainer-card_bg.wasm",
];

/// The samples the studio starts from, in the built folder: the evidence file, and the report
/// and sources file it was imported from.
const SAMPLES: [&str; 3] = [
    "evidence/ice-contracts.json",
    "evidence/ice-contracts.report.txt",
    "evidence/ice-contracts.sources.json",
];

pub(super) fn write(dist: &Path, output: &Path, err: &mut dyn Write) -> Outcome {
    let widget = WidgetFiles::read(dist, err)?;
    let mut studio = Vec::new();
    for name in STUDIO_FILES.iter().chain(&SAMPLES) {
        studio.push(read_built(&dist.join(name), err)?);
    }
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let Some(body) = body_of(&text(&studio[0])) else {
        let _ = writeln!(
            err,
            "explainer: {} is not the studio's page: it needs <body>…</body>",
            dist.join("studio.html").display()
        );
        return Err(Status::Failed);
    };
    let files = widget.built();
    let page = studio_file(&Studio {
        body,
        css: &text(&studio[1]),
        script: &text(&studio[2]),
        checker: (&text(&studio[3]), &studio[4]),
        publisher: (&text(&studio[5]), &studio[6]),
        card: (&text(&studio[7]), &studio[8]),
        samples: [&text(&studio[9]), &text(&studio[10]), &text(&studio[11])],
        widget: &files,
    });
    write_atomically(output, page.as_bytes())
        .map_err(|error| io_failure(err, "write", output, &error))?;
    let _ = writeln!(err, "{}: {} bytes", output.display(), page.len());
    Ok(())
}
