//! `explainer claimreview`: schema.org ClaimReview markup for the verdict (see
//! [`crate::claimreview`]), with what it lacks by Google's documentation as warnings.

use std::io::Write;
use std::path::Path;

use crate::claimreview::{claim_review, script_element};

use super::io::{emit, read_valid};
use super::status::Outcome;

pub(super) fn claimreview(
    file: &Path,
    raw: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let (evidence, _) = read_valid(file, err)?;
    let (review, missing) = claim_review(&evidence);
    for advice in &missing {
        let _ = writeln!(err, "{}: warning: {advice}", file.display());
    }
    let text = if raw {
        let mut json = serde_json::to_string_pretty(&review).expect("plain JSON");
        json.push('\n');
        json
    } else {
        script_element(&review)
    };
    emit(None, text.as_bytes(), out, err)
}
