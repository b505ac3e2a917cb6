//! `explainer bundle`: one HTML file with the widget's wasm, JavaScript, styles and an evidence
//! set inside it, which opens from disk with no network at all (made in
//! [`crate::outputs::offline_file`], as Explainer Studio makes it too).

use std::io::Write;
use std::path::Path;

use super::io::rendered;
use super::io::{io_failure, read_built};
use super::io::{read_valid, write_atomically};
use super::status::{Outcome, Status};
use crate::outputs::{BUILT_FILES, BuiltFiles, offline_file};

pub(super) fn bundle(
    evidence: Option<&Path>,
    dist: &Path,
    output: &Path,
    err: &mut dyn Write,
) -> Outcome {
    let widget = WidgetFiles::read(dist, err)?;
    let evidence = match evidence {
        None => None,
        Some(file) => Some(read_valid(file, err)?.0),
    };
    let page = rendered(offline_file(&widget.built(), evidence.as_ref()))
        .map_err(|error| io_failure(err, "render", output, &error))?;
    write_atomically(output, page.as_bytes())
        .map_err(|error| io_failure(err, "write", output, &error))?;
    let _ = writeln!(err, "{}: {} bytes", output.display(), page.len());
    Ok(())
}

/// The built widget's files an offline file carries, read from a built folder.
pub(super) struct WidgetFiles {
    glue: String,
    wasm: Vec<u8>,
    widget_css: String,
    page_css: String,
    embed: String,
}

impl WidgetFiles {
    /// Reads them from `dist`, under their content-hashed names once `fingerprint` has run.
    pub(super) fn read(dist: &Path, err: &mut dyn Write) -> Result<Self, Status> {
        let mut parts = Vec::new();
        for name in BUILT_FILES {
            parts.push(read_built(&super::fingerprint::built(dist, name), err)?);
        }
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        Ok(Self {
            glue: text(&parts[0]),
            widget_css: text(&parts[2]),
            page_css: text(&parts[3]),
            embed: text(&parts[4]),
            wasm: std::mem::take(&mut parts[1]),
        })
    }

    /// The files as [`offline_file`] takes them.
    pub(super) fn built(&self) -> BuiltFiles<'_> {
        BuiltFiles {
            glue: &self.glue,
            wasm: &self.wasm,
            widget_css: &self.widget_css,
            page_css: &self.page_css,
            embed: &self.embed,
        }
    }
}
