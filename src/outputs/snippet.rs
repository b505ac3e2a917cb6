//! The paste-in snippet: the `<evidence-explainer>` element with the explainer already
//! rendered in a declarative shadow root, and the script tag that loads `embed.js`.

use super::html::{attribute, element_id, escape, inert};
use super::render::prerendered;
use crate::widget::WidgetProps;

/// Where a snippet's page finds its files.
pub struct SnippetOptions<'a> {
    /// The published file's name: the default address and element id come from it.
    pub file_name: &'a str,
    /// The address the page loads the file from (default: the file's name).
    pub src: Option<&'a str>,
    /// The address of the widget's folder, ending in `/` (empty: beside the page).
    pub base: &'a str,
    /// The element's id, which starts the widget's DOM ids (default: from the file name).
    pub id: Option<&'a str>,
    /// The language of the words the widget adds, over the set's own (the element's
    /// `language` attribute).
    pub language: Option<&'a str>,
    /// The widget's stylesheet, to carry inline instead of linking `explainer.css`.
    pub style: Option<&'a str>,
}

/// The paste-in script embed for the published file whose text is `text`: the
/// `<evidence-explainer>` element with the explainer already rendered in a declarative shadow
/// root beside the widget's stylesheet, and the script tag that loads `embed.js`.
pub async fn snippet(text: String, options: &SnippetOptions<'_>) -> String {
    let src = options.src.unwrap_or(options.file_name);
    let id = options
        .id
        .map_or_else(|| element_id(options.file_name), str::to_owned);
    let mut props = WidgetProps::new(text, id.clone());
    props.presentation.language = options.language.map(|tag| tag.to_owned().into());
    let root = prerendered(props).await;
    let base = escape(options.base);
    let language = attribute("language", options.language);
    let style = options.style.map_or_else(
        || format!("<link rel=\"stylesheet\" href=\"{base}explainer.css\">"),
        |css| format!("<style>{}</style>", inert(css)),
    );
    format!(
        "<evidence-explainer id=\"{id}\" src=\"{src}\"{language}><template shadowrootmode=\"open\">\
         {style}{root}\
         </template></evidence-explainer>\n<script type=\"module\" src=\"{base}embed.js\"></script>\n",
        id = escape(&id),
        src = escape(src),
    )
}
