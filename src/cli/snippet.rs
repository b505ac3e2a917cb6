//! `explainer snippet`: the paste-in script embed for a published evidence file, carrying the
//! explainer already rendered (by the widget's own views, through Yew's server renderer) in a
//! declarative shadow root. The host page paints it before any script runs, isolated from the
//! page's styles both ways, and `embed.js` takes it over.

use std::io::Write;
use std::path::Path;

use super::check::{emit, read_published};
use super::render::{escape, prerendered};
use super::{Status, io_failure};
use crate::widget::WidgetProps;

/// What `explainer snippet` is asked for.
pub(super) struct Options<'a> {
    /// The published evidence file.
    pub file: &'a Path,
    /// The address the page will load it from (default: the file's name).
    pub src: Option<&'a str>,
    /// Where the widget's files are, ending in `/` (default: beside the page).
    pub base: &'a str,
    /// The element's id, which starts the widget's DOM ids (default: the file's name).
    pub id: Option<&'a str>,
    /// Where to write the snippet (default: standard output).
    pub output: Option<&'a Path>,
}

pub(super) fn snippet(options: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Status {
    let (_, text) = match read_published(options.file, err) {
        Ok(read) => read,
        Err(status) => return status,
    };
    let name = options
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let src = options.src.map_or(name.clone(), str::to_owned);
    let id = options.id.map_or_else(|| element_id(&name), str::to_owned);
    let root = match prerendered(WidgetProps::new(text, id.clone())) {
        Ok(root) => root,
        Err(error) => return io_failure(err, "render", options.file, &error),
    };
    let base = escape(options.base);
    let snippet = format!(
        "<evidence-explainer id=\"{id}\" src=\"{src}\"><template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"{base}explainer.css\">{root}\
         </template></evidence-explainer>\n<script type=\"module\" src=\"{base}embed.js\"></script>\n",
        id = escape(&id),
        src = escape(&src),
    );
    emit(options.output, snippet.as_bytes(), out, err)
}

/// An element id from a file name: `library-hours.published.json` gives `library-hours`.
fn element_id(name: &str) -> String {
    let stem = name.split('.').next().unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if id.is_empty() {
        "explainer".to_owned()
    } else {
        id
    }
}
