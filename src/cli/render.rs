//! `explainer render`: a standalone static HTML page of an evidence set, made by the widget's own
//! views through Yew's server renderer: everything expanded, citations as links to the numbered
//! sources, readable without script and in print.

use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use explainer_evidence::Evidence;

use super::io::{emit, read_valid};
use super::io::{io_failure, rendered};
use super::status::Outcome;
use crate::outputs::{escape, html_tag, server_render};
use crate::widget::Presentation;
use crate::widget::explainer::{Explainer, ExplainerProps};

const WIDGET_CSS: &str = include_str!("../../www/explainer.css");
const PAGE_CSS: &str = include_str!("../../www/page.css");

pub(super) fn render(
    file: &Path,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let (evidence, _) = read_valid(file, err)?;
    let page = page(evidence).map_err(|error| io_failure(err, "render", file, &error))?;
    emit(output, page.as_bytes(), out, err)
}

/// The whole HTML document for `evidence`.
pub fn page(evidence: Evidence) -> std::io::Result<String> {
    let doc = evidence.document();
    let title = escape(&doc.question);
    // Validation guarantees the tag is letters, digits and hyphens.
    let html = html_tag(doc.meta.language.as_deref().unwrap_or("en"));
    let props = ExplainerProps {
        evidence: Rc::new(evidence),
        presentation: Presentation {
            interactive: false,
            // The page is the explainer's own: its question is the page's heading.
            heading: 1,
            ..Presentation::new("explainer")
        },
        restore: None,
    };
    let body = rendered(server_render::<Explainer>(props))?;
    Ok(format!(
        "<!doctype html>\n{html}\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n\
         <style>\n{WIDGET_CSS}\n{PAGE_CSS}</style>\n</head>\n<body>\n<main class=\"page\">\n{body}\n</main>\n</body>\n</html>\n"
    ))
}
