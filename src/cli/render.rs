//! `explainer render`: a standalone static HTML page of an evidence set, made by the widget's own
//! views through Yew's server renderer: everything expanded, citations as links to the numbered
//! sources, readable without script and in print.

use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use explainer_evidence::Evidence;

use super::check::{emit, read_valid};
use super::{Status, io_failure};
use crate::widget::explainer::{Explainer, ExplainerProps};
use crate::widget::{Widget, WidgetProps, stamp::stamp};

const WIDGET_CSS: &str = include_str!("../../www/explainer.css");
const PAGE_CSS: &str = include_str!("../../www/page.css");

pub(super) fn render(
    file: &Path,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Status {
    let (evidence, _) = match read_valid(file, err) {
        Ok(read) => read,
        Err(status) => return status,
    };
    let page = match page(evidence) {
        Ok(page) => page,
        Err(error) => return io_failure(err, "render", file, &error),
    };
    emit(output, page.as_bytes(), out, err)
}

/// The whole HTML document for `evidence`.
pub fn page(evidence: Evidence) -> std::io::Result<String> {
    let doc = evidence.document();
    let title = escape(&doc.question);
    // Validation guarantees the tag is letters, digits and hyphens.
    let language = doc.meta.language.clone().unwrap_or_else(|| "en".to_owned());
    let props = ExplainerProps {
        evidence: Rc::new(evidence),
        instance: "explainer".into(),
        interactive: false,
        theme: None,
        own_page: false,
        framed: false,
        // The page is the explainer's own: its question is the page's heading.
        heading: 1,
        restore: None,
    };
    let body = server_render::<Explainer>(props)?;
    Ok(format!(
        "<!doctype html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n\
         <style>\n{WIDGET_CSS}\n{PAGE_CSS}</style>\n</head>\n<body>\n<main class=\"page\">\n{body}\n</main>\n</body>\n</html>\n"
    ))
}

/// The explainer as the widget first renders it with `props`, in the root `embed.js` takes
/// over, stamped with the evidence text the page will hand the widget (`props.json`).
pub(super) fn prerendered(props: WidgetProps) -> std::io::Result<String> {
    let stamp = stamp(&props.json);
    let markup = server_render::<Widget>(props)?;
    Ok(format!(
        "<div class=\"ex-prerendered\" data-stamp=\"{stamp}\">{markup}</div>"
    ))
}

/// The explainer as the widget first renders it on a page of its own (the question as the page's
/// `h1`, deep links as page anchors), from the very JSON text the page hands the widget.
pub(super) fn prerendered_own_page(json: String) -> std::io::Result<String> {
    prerendered(WidgetProps {
        own_page: true,
        heading: 1,
        ..WidgetProps::new(json, "explainer")
    })
}

/// The HTML the widget's views make of `props` through Yew's server renderer, with no
/// hydration markers (the widget takes prerendered markup over by rendering afresh).
pub(super) fn server_render<C: yew::BaseComponent>(
    props: C::Properties,
) -> std::io::Result<String> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    Ok(runtime.block_on(
        yew::LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    ))
}

/// `text` with the characters HTML gives meaning to replaced by entities.
pub(super) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}
