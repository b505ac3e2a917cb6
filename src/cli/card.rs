//! `explainer card`: the share image of an evidence set (made in [`crate::outputs::card`]), as
//! a PNG, or as an SVG with `--svg`; its alt text goes to standard output.

use std::io::Write;
use std::path::Path;

use super::io::{emit, read_valid};
use super::status::{Outcome, Status};
use crate::outputs::card;

pub(super) fn card_file(
    file: &Path,
    output: &Path,
    svg: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let (evidence, _) = read_valid(file, err)?;
    let made = card(&evidence).map_err(|problem| {
        let _ = writeln!(err, "{}: {problem}; nothing written", file.display());
        Status::Invalid
    })?;
    let bytes = if svg {
        made.svg.as_bytes()
    } else {
        made.png.as_slice()
    };
    emit(Some(output), bytes, out, err)?;
    let _ = writeln!(out, "{}", made.alt);
    Ok(())
}
