//! The page of its own (`explainer page`): the stand-alone page (the built `index.html`) with an
//! evidence set's explainer already rendered into it, so the page, and an iframe showing it,
//! paints the whole explainer before and without any script, and `embed.js` takes it over.

use explainer_evidence::Evidence;

use super::{Presentation, attribute, escape, html_tag, prerendered};
use crate::widget::WidgetProps;

/// What a page of its own is made of.
pub struct OwnPage<'a> {
    /// The built `index.html`, whose explainer element, title and language are replaced.
    pub template: &'a str,
    /// The published set's text, exactly as the page's widget will be handed it.
    pub text: &'a str,
    /// The same set, validated.
    pub evidence: &'a Evidence,
    /// The address the page's element loads the set from (none: the set bundled in the wasm).
    pub src: Option<&'a str>,
    /// The language of the words the widget adds, over the set's own.
    pub language: Option<&'a str>,
}

/// The page of its own, or `None` when the template is not the widget's page (it needs
/// `<html>`, `<title>` and `<evidence-explainer own-page>…</evidence-explainer>`).
pub async fn own_page(page: &OwnPage<'_>) -> Option<String> {
    let element = format!(
        "<evidence-explainer id=\"explainer\" own-page{}{}>",
        attribute("src", page.src),
        attribute("language", page.language)
    );
    let doc = page.evidence.document();
    // The page is in the language of the words around the explainer, which the reader's
    // browser and the loading line follow; the explainer's root keeps the set's own.
    let language = page
        .language
        .or(doc.meta.language.as_deref())
        .unwrap_or("en");
    let root = prerendered_own_page(page.text.to_owned(), page.language).await;
    fill(
        &without_comments(page.template),
        &element,
        &root,
        &doc.question,
        language,
    )
}

/// The explainer as the widget first renders it on a page of its own (the question as the page's
/// `h1`, deep links as page anchors), from the very JSON text the page hands the widget, its
/// words in `language` when the page's element asks for one over the set's.
pub async fn prerendered_own_page(json: String, language: Option<&str>) -> String {
    let mut props = WidgetProps::new(json, "explainer");
    props.presentation = Presentation {
        own_page: true,
        heading: 1,
        language: language.map(|tag| tag.to_owned().into()),
        ..props.presentation
    };
    prerendered(props).await
}

/// `html` without its comments: the template's notes are for the people who edit it, not for
/// every reader's download.
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        match rest[at..].find("-->") {
            Some(end) => rest = &rest[at + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_left_out_and_the_rest_kept() {
        let html = "<p>a</p>\n  <!-- a note\n over lines -->\n<p>b<!--x--></p>";
        assert_eq!(without_comments(html), "<p>a</p>\n  \n<p>b</p>");
    }
}
