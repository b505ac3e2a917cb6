//! What a published evidence set becomes for a page: the explainer prerendered by the widget's
//! own views, the paste-in snippet and the offline single file. The tool (`explainer snippet`,
//! `bundle`, `page`) and Explainer Studio both make them here, so the studio's outputs are the
//! tool's byte for byte; reading and writing files is the caller's.

pub mod embed_words;

use base64::Engine;
use explainer_evidence::Evidence;
use sha2::{Digest, Sha256};

use crate::widget::{Presentation, Widget, WidgetProps, stamp::stamp};

/// The HTML the widget's views make of `props` through Yew's server renderer, with no
/// hydration markers (the widget takes prerendered markup over by rendering afresh).
pub async fn server_render<C: yew::BaseComponent>(props: C::Properties) -> String {
    yew::LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The explainer as the widget first renders it with `props`, in the root `embed.js` takes
/// over, stamped with the evidence text the page will hand the widget (`props.json`).
pub async fn prerendered(props: WidgetProps) -> String {
    let stamp = stamp(&props.json);
    let markup = server_render::<Widget>(props).await;
    format!("<div class=\"ex-prerendered\" data-stamp=\"{stamp}\">{markup}</div>")
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

/// The opening `<html>` tag of a page in `language`: its `lang`, and `dir="rtl"` for a language
/// written right to left, so the page around the explainer (its scrollbar, its margins) follows.
pub fn html_tag(language: &str) -> String {
    let dir = crate::locales::direction(Some(language))
        .map(|dir| format!(" dir=\"{dir}\""))
        .unwrap_or_default();
    format!("<html lang=\"{}\"{dir}>", escape(language))
}

/// `text` with the characters HTML gives meaning to replaced by entities.
pub fn escape(text: &str) -> String {
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
    format!(
        "<evidence-explainer id=\"{id}\" src=\"{src}\"{language}><template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"{base}explainer.css\">{root}\
         </template></evidence-explainer>\n<script type=\"module\" src=\"{base}embed.js\"></script>\n",
        id = escape(&id),
        src = escape(src),
    )
}

/// ` name="value"`, escaped, for an attribute that is there only when it has a value.
pub fn attribute(name: &str, value: Option<&str>) -> String {
    value.map_or_else(String::new, |value| {
        format!(" {name}=\"{}\"", escape(value))
    })
}

/// An element id from a file name: `library-hours.published.json` gives `library-hours`.
pub fn element_id(name: &str) -> String {
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

/// The built widget files an offline file carries, as the build wrote them.
pub struct BuiltFiles<'a> {
    /// `explainer-widget.js`, wasm-bindgen's glue.
    pub glue: &'a str,
    /// `explainer-widget_bg.wasm`.
    pub wasm: &'a [u8],
    /// `explainer.css`, the widget's stylesheet.
    pub widget_css: &'a str,
    /// `page.css`, the stand-alone page's stylesheet.
    pub page_css: &'a str,
    /// `embed.js`.
    pub embed: &'a str,
}

/// The names of [`BuiltFiles`] in a built folder, in its fields' order (before content hashes).
pub const BUILT_FILES: [&str; 5] = [
    "explainer-widget.js",
    "explainer-widget_bg.wasm",
    "explainer.css",
    "page.css",
    "embed.js",
];

/// One HTML file with the widget, its styles and `evidence` (or, with none, the set bundled in
/// the wasm) inside it, which opens from disk with no network at all. The explainer is in it
/// already rendered, so it shows before (and without) the script, which then takes it over.
pub async fn offline_file(files: &BuiltFiles<'_>, evidence: Option<&Evidence>) -> String {
    let bundled;
    let (json, doc) = match evidence {
        None => {
            bundled = explainer_evidence::load_published(crate::BUNDLED_EVIDENCE)
                .expect("the bundled set is valid");
            (None, bundled.document())
        }
        Some(evidence) => (
            Some(inert(evidence.to_json(false).trim_end())),
            evidence.document(),
        ),
    };
    // The explainer as the widget first renders it on its own page, from the very text the
    // page hands the widget (the element's JSON, or the set inside the wasm).
    let handed = json.as_deref().unwrap_or(crate::BUNDLED_EVIDENCE);
    let prerendered = prerendered_own_page(handed.to_owned(), None).await;
    page(&Page {
        files,
        json: json.as_deref(),
        prerendered: &prerendered,
        question: &doc.question,
        language: doc.meta.language.as_deref().unwrap_or("en"),
    })
}

/// The offline single file of the published set whose text is `published`, exactly as
/// [`offline_file`] makes it of the same set (as Explainer Studio asks for it); or, for text
/// that is not a valid published set, the first of its problems in the tool's words.
pub async fn offline_file_of(published: &str, files: &BuiltFiles<'_>) -> Result<String, String> {
    let evidence = explainer_evidence::load_published(published).map_err(|problems| {
        problems
            .first()
            .map_or_else(String::new, |p| format!("{}: {}", p.path, p.kind))
    })?;
    Ok(offline_file(files, Some(&evidence)).await)
}

/// What goes into the single file.
struct Page<'a> {
    files: &'a BuiltFiles<'a>,
    /// The element's JSON, already made inert for a `<script>` element.
    json: Option<&'a str>,
    /// The explainer prerendered, for the page to show before (and without) its script.
    prerendered: &'a str,
    question: &'a str,
    language: &'a str,
}

/// Text made safe inside a `<script>` or `<style>` element: nothing in it can close the element.
pub(crate) fn inert(text: &str) -> String {
    text.replace("</", "<\\/")
}

/// The policy the single file carries: nothing from anywhere, and only its own script and
/// styles, named by their hashes, so it needs neither `'unsafe-inline'` nor `'self'` (which
/// means nothing for a file on disk).
pub(crate) fn policy(scripts: &[&str], styles: &[&str]) -> String {
    let hash = |text: &&str| {
        let digest = Sha256::digest(text.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    let scripts: Vec<String> = scripts.iter().map(hash).collect();
    let styles: Vec<String> = styles.iter().map(hash).collect();
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         object-src 'none'; base-uri 'none'; form-action 'none'; \
         require-trusted-types-for 'script'; trusted-types 'none'",
        scripts.join(" "),
        styles.join(" ")
    )
}

/// `bytes` as base64 text.
pub(crate) fn base64_text(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The offline file's module script: the widget's glue, its wasm as base64 text, its stylesheet,
/// and `embed.js`, which then uses them instead of fetching anything.
pub(crate) fn widget_script(files: &BuiltFiles<'_>) -> String {
    let wasm = base64_text(files.wasm);
    let css = json_string(files.widget_css);
    format!(
        r#"
{glue}
// Offline: the wasm is instantiated asynchronously from the bytes below, and the stylesheet
// comes from text; embed.js (below, in a block so its names stay its own) uses these instead
// of fetching anything. One module script, so the order is certain.
const explainerWasm = "{wasm}";
{decoder}
globalThis.EXPLAINER_OFFLINE = {{
  load: () => __wbg_init({{ module_or_path: explainerBytes(explainerWasm) }}).then(() => ({{ mount }})),
  css: {css},
  wasm: () => explainerBytes(explainerWasm),
}};
{{
{embed}
}}
"#,
        glue = inert(files.glue),
        embed = inert(files.embed),
        css = inert(&css),
        decoder = BASE64_DECODER,
    )
}

/// The offline files' script function that turns base64 text back into bytes.
pub(crate) const BASE64_DECODER: &str = "function explainerBytes(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}";

fn page(p: &Page<'_>) -> String {
    let files = p.files;
    // The element's child JSON, when the set is not the one compiled into the wasm. JSON allows
    // "<\/", so escaping it keeps the data intact.
    let evidence = p
        .json
        .map(|json| format!("<script type=\"application/json\">{json}</script>"))
        .unwrap_or_default();
    let script = widget_script(files);
    let page_css = inert(files.page_css);
    // embed.js puts the widget's stylesheet into each shadow root as a <style> with this text.
    let policy = policy(&[&script], &[&page_css, files.widget_css]);
    let head = single_file_head(
        p.language,
        &policy,
        p.question,
        // The same text embed.js gives a shadow root's <style>, so one hash covers both.
        &[&page_css, files.widget_css],
    );
    format!(
        r#"{head}
<body>
<main class="page"><evidence-explainer id="explainer" own-page>{prerendered}{evidence}</evidence-explainer></main>
<script type="module">{script}</script>
</body>
</html>
"#,
        prerendered = p.prerendered,
    )
}

/// The start of a page that carries everything in itself (the offline file, the studio's single
/// file), through `</head>`: its language, its Content-Security-Policy, its `title` (escaped
/// here) and its inline `styles` (made inert by the caller), with no request for an icon.
pub fn single_file_head(language: &str, policy: &str, title: &str, styles: &[&str]) -> String {
    let styles: String = styles
        .iter()
        .map(|css| format!("<style>{css}</style>\n"))
        .collect();
    format!(
        r#"<!doctype html>
{html}
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
<link rel="icon" href="data:,">
{styles}</head>"#,
        html = html_tag(language),
        title = escape(title),
    )
}

/// `text` as a JSON string literal.
pub(crate) fn json_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serializes")
}
