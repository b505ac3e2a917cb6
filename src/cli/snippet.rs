//! `explainer snippet`: the paste-in script embed for a published evidence file, carrying the
//! explainer already rendered (by the widget's own views, through Yew's server renderer) in a
//! declarative shadow root. The host page paints it before any script runs, isolated from the
//! page's styles both ways, and `embed.js` takes it over.

use std::io::Write;
use std::path::Path;

use super::io::rendered;
use super::io::{emit, read_published};
use super::io::{io_failure, read_built};
use super::report::warn_of_language;
use super::status::Outcome;
use crate::outputs;

/// What `explainer snippet` is asked for.
pub(super) struct Options<'a> {
    /// The published evidence file.
    pub file: &'a Path,
    /// Where the snippet finds its files, and its id and language (its file name and style are
    /// filled in here).
    pub snippet: outputs::SnippetOptions<'a>,
    /// Where to write the snippet (default: standard output).
    pub output: Option<&'a Path>,
    /// The built folder whose stylesheet the snippet carries inline, if it is to.
    pub inline_style: Option<&'a Path>,
}

pub(super) fn snippet(options: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let (_, text) = read_published(options.file, err)?;
    warn_of_language(options.snippet.language, err);
    let file_name = options
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let style = match options.inline_style {
        None => None,
        Some(dist) => {
            let path = dist.join("explainer.css");
            Some(String::from_utf8_lossy(&read_built(&path, err)?).into_owned())
        }
    };
    let made = rendered(outputs::snippet(
        text,
        &outputs::SnippetOptions {
            file_name: &file_name,
            style: style.as_deref(),
            ..options.snippet
        },
    ));
    let snippet = made.map_err(|error| io_failure(err, "render", options.file, &error))?;
    emit(options.output, snippet.as_bytes(), out, err)?;
    if let Some(css) = &style {
        let _ = writeln!(
            err,
            "explainer: the stylesheet is inline: a page with a Content-Security-Policy adds {} to its style-src",
            outputs::source_hash(&outputs::inert(css))
        );
    }
    Ok(())
}
