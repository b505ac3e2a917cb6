//! `explainer script-data`: writes into the built scripts what the Rust defines (see
//! [`crate::outputs::script_data`]).

use std::io::Write;
use std::path::Path;

use super::io::io_failure;
use super::status::{Outcome, Status};
use crate::outputs::script_data::{DATA, with_data};

pub(super) fn script_data(dist: &Path, err: &mut dyn Write) -> Outcome {
    for (file, name, value) in DATA {
        let path = dist.join(file);
        let script = std::fs::read_to_string(&path)
            .map_err(|error| io_failure(err, "read", &path, &error))?;
        let built = with_data(&script, name, &value()).map_err(|message| {
            let _ = writeln!(err, "explainer: {}: {message}", path.display());
            Status::Failed
        })?;
        std::fs::write(&path, built).map_err(|error| io_failure(err, "write", &path, &error))?;
    }
    Ok(())
}
