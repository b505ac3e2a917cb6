//! `explainer page`: the stand-alone page (the built `index.html`) with an evidence set's
//! explainer already rendered into it, so the page (and an iframe showing it) paints the whole
//! explainer before and without any script, and `embed.js` takes it over. The build runs it on
//! the bundled set; a newsroom runs it on each published file it shows in an iframe.

use std::io::Write;
use std::path::Path;

use super::io::rendered;
use super::io::{emit, read_published};
use super::io::{io_failure, read_built};
use super::report::warn_of_language;
use super::status::{Outcome, Status};
use crate::outputs::{attribute, escape, html_tag, prerendered_own_page};

/// What `explainer page` is asked for.
pub(super) struct Options<'a> {
    /// The published evidence file (default: the set bundled with the widget).
    pub file: Option<&'a Path>,
    /// The address the page loads the file from (default: the file's name).
    pub src: Option<&'a str>,
    /// The built widget's folder, whose `index.html` is the template.
    pub dist: &'a Path,
    /// The language of the words the widget adds (default: the set's `meta.language`).
    pub language: Option<&'a str>,
    /// Where to write the page (default: standard output).
    pub output: Option<&'a Path>,
}

pub(super) fn page(options: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let template_path = options.dist.join("index.html");
    let template = String::from_utf8_lossy(&read_built(&template_path, err)?).into_owned();
    let (evidence, text, src) = match options.file {
        None => (
            explainer_evidence::load_published(crate::BUNDLED_EVIDENCE)
                .expect("the bundled set is valid"),
            crate::BUNDLED_EVIDENCE.to_owned(),
            None,
        ),
        Some(file) => {
            let (evidence, text) = read_published(file, err)?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                evidence,
                text,
                Some(options.src.map_or(name, str::to_owned)),
            )
        }
    };
    let element = format!(
        "<evidence-explainer id=\"explainer\" own-page{}{}>",
        attribute("src", src.as_deref()),
        attribute("language", options.language)
    );
    warn_of_language(options.language, err);
    let doc = evidence.document();
    // The page is in the language of the words around the explainer, which the reader's
    // browser and the loading line follow; the explainer's root keeps the set's own.
    let language = options
        .language
        .or(doc.meta.language.as_deref())
        .unwrap_or("en");
    let root = rendered(prerendered_own_page(text, options.language))
        .map_err(|error| io_failure(err, "render", &template_path, &error))?;
    match fill(&template, &element, &root, &doc.question, language) {
        Some(page) => emit(options.output, page.as_bytes(), out, err),
        None => {
            let _ = writeln!(
                err,
                "explainer: {} is not the widget's page: it needs <html>, <title> and <evidence-explainer own-page>…</evidence-explainer>",
                template_path.display()
            );
            Err(Status::Failed)
        }
    }
}

/// The template with the explainer element's start tag replaced by `element` and its content
/// by `root`, its title by the question and its `<html>` tag by one in the set's language;
/// `None` when the template lacks one of them. The built page is minified (attribute quotes
/// may be gone), so tags are found by name and replaced whole.
fn fill(
    template: &str,
    element: &str,
    root: &str,
    question: &str,
    language: &str,
) -> Option<String> {
    let start = template.find("<evidence-explainer ")?;
    let open_end = start + template[start..].find('>')? + 1;
    if !template[start..open_end].contains("own-page") {
        return None;
    }
    let end = open_end + template[open_end..].find("</evidence-explainer>")?;
    let page = format!("{}{element}{root}{}", &template[..start], &template[end..]);
    let title_start = page.find("<title>")? + "<title>".len();
    let title_end = title_start + page[title_start..].find("</title>")?;
    let page = format!(
        "{}{}{}",
        &page[..title_start],
        escape(question),
        &page[title_end..]
    );
    let html_start = page.find("<html")?;
    let html_end = html_start + page[html_start..].find('>')? + 1;
    Some(format!(
        "{}{}{}",
        &page[..html_start],
        html_tag(language),
        &page[html_end..]
    ))
}
