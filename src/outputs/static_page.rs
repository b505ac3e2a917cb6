//! The static page (`explainer render`): an evidence set's explainer with everything expanded,
//! citations as links to the numbered sources, and its styles inline, readable without script
//! and in print.

use std::rc::Rc;

use explainer_evidence::Evidence;

use super::html::{escape, html_tag};
use super::render::server_render;
use super::share::share_tags;
use crate::widget::Presentation;
use crate::widget::explainer::{Explainer, ExplainerProps};
use crate::widget::takeover::PARTS;

/// The widget's stylesheet, as written (the page is read without the built folder).
const WIDGET_CSS: &str = include_str!("../../www/explainer.css");
/// The stand-alone page's stylesheet.
const PAGE_CSS: &str = include_str!("../../www/page.css");

/// The whole HTML document for `evidence`.
pub async fn static_page(evidence: Evidence) -> String {
    let doc = evidence.document();
    let title = escape(&doc.question);
    // A page that is only a file has no address of its own, so no image: a title and a description.
    let tags = share_tags(&evidence, None);
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
        takeover: None,
        built: PARTS,
    };
    let body = server_render::<Explainer>(props).await;
    format!(
        "<!doctype html>\n{html}\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n{tags}\
         <style>\n{WIDGET_CSS}\n{PAGE_CSS}</style>\n</head>\n<body>\n<main class=\"page\">\n{body}\n</main>\n</body>\n</html>\n"
    )
}
