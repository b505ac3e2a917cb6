//! The page of its own (`explainer page`): the stand-alone page (the built `index.html`) with an
//! evidence set's explainer already rendered into it, so the page, and an iframe showing it,
//! paints the whole explainer before and without any script, and `embed.js` takes it over.

use explainer_evidence::Evidence;

use super::html::{attribute, escape, html_tag, inert};
use super::render::prerendered;
use super::share::{SharedImage, share_tags, with_share_tags};
use super::single_file::source_hash;
use crate::widget::Presentation;
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
    /// The stylesheets the template links (see [`linked_stylesheets`]), by address, with their
    /// text: each goes into the page as a `<style>` its policy names by hash, so the page's
    /// first paint waits for no stylesheet's round trip.
    pub styles: &'a [(String, String)],
    /// For a page that also shows other sets its address names (`index.html?src=…`), the text
    /// of `page.js`, which hides the rendered set before the first paint when the address asks
    /// for another: it goes into the page inline, named by hash, so it costs no round trip.
    /// Any other page has no need of it, and it is left out.
    pub page_script: Option<&'a str>,
    /// The page's public address and its share image's, for the tags that name the image;
    /// without them the page still says its title and description.
    pub shared: Option<&'a SharedImage<'a>>,
}

/// The addresses of the stylesheets `template` links, in order.
pub fn linked_stylesheets(template: &str) -> Vec<String> {
    stylesheet_links(template)
        .into_iter()
        .map(|(_, href)| href)
        .collect()
}

/// Each `<link rel="stylesheet" href="…">` of `html`: the whole tag and its address.
fn stylesheet_links(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<link ") {
        let Some(end) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..at + end + 1];
        if tag.contains("rel=\"stylesheet\"")
            && let Some(href) = tag
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
        {
            found.push((tag.to_owned(), href.to_owned()));
        }
        rest = &rest[at + end + 1..];
    }
    found
}

/// `html` with each of `styles`' links replaced by a `<style>` of its text, and the policy's
/// `style-src 'self'` followed by their hashes; `None` when the page has no such policy to add
/// them to, or a style's link is not there.
fn with_inline_styles(html: &str, styles: &[(String, String)]) -> Option<String> {
    let mut page = html.to_owned();
    let mut hashes = String::new();
    for (href, css) in styles {
        let (tag, _) = stylesheet_links(&page)
            .into_iter()
            .find(|(_, h)| h == href)?;
        let text = inert(css);
        hashes.push_str(&format!(" {}", source_hash(&text)));
        page = page.replacen(&tag, &format!("<style>{text}</style>"), 1);
    }
    if hashes.is_empty() {
        return Some(page);
    }
    allowed(&page, "style-src 'self'", &hashes)
}

/// `html` with its `<script src="page.js">` replaced by the text of `script` inline and the
/// policy's `script-src 'self'` followed by its hash, or left out when there is no `script`;
/// `None` when the page has no such policy to name it in.
fn with_page_script(html: &str, script: Option<&str>) -> Option<String> {
    const TAG: &str = "<script src=\"page.js\"></script>";
    let Some(script) = script.filter(|_| html.contains(TAG)) else {
        return Some(html.replace(TAG, ""));
    };
    let text = inert(script);
    let page = html.replacen(TAG, &format!("<script>{text}</script>"), 1);
    allowed(
        &page,
        "script-src 'self'",
        &format!(" {}", source_hash(&text)),
    )
}

/// `html` with `sources` added to its policy after `directive`; `None` when it has none.
fn allowed(html: &str, directive: &str, sources: &str) -> Option<String> {
    let at = html.find(directive)? + directive.len();
    let mut page = html.to_owned();
    page.insert_str(at, sources);
    Some(page)
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
    let template = with_page_script(&without_comments(page.template), page.page_script)?;
    let template = with_inline_styles(&without_blank_lines(&template), page.styles)?;
    let made = fill(&template, &element, &root, &doc.question, language)?;
    with_share_tags(&made, &share_tags(page.evidence, page.shared))
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

/// `html` without the lines that hold nothing but spaces (where the build took a tag out).
fn without_blank_lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for line in html.split_inclusive('\n') {
        if !line.trim().is_empty() {
            out.push_str(line);
        }
    }
    out
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
    fn stylesheets_go_inline_under_the_policy() {
        let html = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; style-src 'self'; img-src data:\">\n\
                    <link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"./a.css\"/>\n";
        assert_eq!(linked_stylesheets(html), ["./a.css"]);
        let css = "p { color: red }".to_owned();
        let page = with_inline_styles(html, &[("./a.css".to_owned(), css.clone())]).unwrap();
        assert!(page.contains("<style>p { color: red }</style>"), "{page}");
        assert!(!page.contains("a.css"), "{page}");
        assert!(
            page.contains(&format!("style-src 'self' {};", source_hash(&css))),
            "{page}"
        );
        assert_eq!(
            with_inline_styles(
                "<link rel=\"stylesheet\" href=\"a.css\">",
                &[("a.css".to_owned(), css)]
            ),
            None,
            "no policy to name it in"
        );
    }

    #[test]
    fn the_page_script_goes_inline_under_the_policy_or_is_left_out() {
        let html = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'wasm-unsafe-eval'\">\n<script src=\"page.js\"></script>";
        let page = with_page_script(html, Some("go();")).unwrap();
        assert!(page.contains("<script>go();</script>"), "{page}");
        let expected = format!(
            "script-src 'self' {} 'wasm-unsafe-eval'",
            source_hash("go();")
        );
        assert!(page.contains(&expected), "{page}");
        let without = with_page_script(html, None).unwrap();
        assert!(
            !without.contains("page.js") && !without.contains("<script>"),
            "{without}"
        );
    }

    #[test]
    fn comments_are_left_out_and_the_rest_kept() {
        let html = "<p>a</p>\n  <!-- a note\n over lines -->\n<p>b<!--x--></p>";
        assert_eq!(without_comments(html), "<p>a</p>\n  \n<p>b</p>");
    }
}
