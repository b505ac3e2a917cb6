//! The authored form: what people write, with sentence text in markdown. Publishing converts it
//! into the published form and validates the result with the same checks the widget relies on.

use crate::checked::Evidence;
use crate::error::Problem;
use crate::load::{form_of, load_published, read_document};
use crate::markdown::parse_inline;
use crate::path::Path;
use crate::published::{Document, Form, Inlines};
use crate::validate::validate;

/// An authored evidence set: text as markdown.
pub type Authored = Document<String>;

/// Reads an authored file, parses its markdown and validates the result: every problem at once,
/// or the evidence ready to publish.
pub fn publish(json: &str) -> Result<Evidence, Vec<Problem>> {
    let authored: Authored = read_document(json, Form::Authored)?;
    let mut problems = Vec::new();
    let mut published = authored.map_texts(|text: String, path: &Path| -> Inlines {
        let (nodes, found) = parse_inline(&text);
        problems.extend(
            found
                .into_iter()
                .map(|kind| Problem::new(path.clone(), kind)),
        );
        nodes
    });
    published.form = Form::Published;
    published.schema = None;
    problems.extend(validate(&published));
    if problems.is_empty() {
        Ok(Evidence::from_valid(published))
    } else {
        Err(problems)
    }
}

/// Reads the text of a file of either form as `explainer check` does: a published file is
/// validated as the widget reads it; anything else is published from the authored form.
pub fn read_either_form(text: &str) -> Result<Evidence, Vec<Problem>> {
    match form_of(text) {
        Some(Form::Published) => load_published(text),
        _ => publish(text),
    }
}
