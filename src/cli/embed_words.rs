//! `explainer embed-words`: writes the words `embed.js` says before the widget loads into the
//! built script, from the language tables (see [`crate::outputs::embed_words`]).

use std::io::Write;
use std::path::Path;

use super::io::io_failure;
use super::status::{Outcome, Status};
use crate::outputs::embed_words::with_words;

pub(super) fn embed_words(dist: &Path, err: &mut dyn Write) -> Outcome {
    let path = dist.join("embed.js");
    let script =
        std::fs::read_to_string(&path).map_err(|error| io_failure(err, "read", &path, &error))?;
    let built = with_words(&script).map_err(|message| {
        let _ = writeln!(err, "explainer: {}: {message}", path.display());
        Status::Failed
    })?;
    std::fs::write(&path, built).map_err(|error| io_failure(err, "write", &path, &error))
}
