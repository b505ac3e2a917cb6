//! `explainer render`: a standalone static HTML page of an evidence set (made in
//! [`crate::outputs::static_page`]).

use std::io::Write;
use std::path::Path;

use super::io::{emit, io_failure, read_valid, rendered};
use super::status::Outcome;
use crate::outputs::static_page;

pub(super) fn render(
    file: &Path,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let (evidence, _) = read_valid(file, err)?;
    let page =
        rendered(static_page(evidence)).map_err(|error| io_failure(err, "render", file, &error))?;
    emit(output, page.as_bytes(), out, err)
}
