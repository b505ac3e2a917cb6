//! The offline single file: the widget, its styles and an evidence set in one HTML file that
//! opens from disk with no network at all (`explainer bundle`, and the studio).

use explainer_evidence::Evidence;

use super::html::{inert, json_string};
use super::own_page::prerendered_own_page;
use super::share::share_tags;
use super::single_file::{
    BASE64_DECODER, BuiltFiles, base64_text, filled, policy, single_file_head,
};

/// One HTML file with the widget, its styles and `evidence` (or, with none, the set bundled in
/// the wasm) inside it, which opens from disk with no network at all. The explainer is in it
/// already rendered, so it shows before (and without) the script, which then takes it over.
pub async fn offline_file(files: &BuiltFiles<'_>, evidence: Option<&Evidence>) -> String {
    let bundled;
    let (json, shown) = match evidence {
        None => {
            bundled = explainer_evidence::load_published(crate::BUNDLED_EVIDENCE)
                .expect("the bundled set is valid");
            (None, &bundled)
        }
        Some(evidence) => (Some(inert(evidence.to_json(false).trim_end())), evidence),
    };
    let doc = shown.document();
    // The explainer as the widget first renders it on its own page, from the very text the
    // page hands the widget (the element's JSON, or the set inside the wasm).
    let handed = json.as_deref().unwrap_or(crate::BUNDLED_EVIDENCE);
    let prerendered = prerendered_own_page(handed.to_owned(), None).await;
    page(&Page {
        files,
        json: json.as_deref(),
        prerendered: &prerendered,
        question: &doc.question,
        // A file has no address, so no image: a title and a description.
        tags: &share_tags(shown, None),
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
    /// What the file is when it is shared (`share_tags`).
    tags: &'a str,
    language: &'a str,
}
/// The offline file's module script: the widget's glue, its wasm as base64 text, its stylesheet,
/// and `embed.js`, which then uses them instead of fetching anything.
pub(crate) fn widget_script(files: &BuiltFiles<'_>) -> String {
    let wasm = base64_text(files.wasm);
    let css = inert(&json_string(files.widget_css));
    let script = filled(
        include_str!("scripts/offline-widget.js"),
        &[
            ("glue", &inert(files.glue)),
            ("wasm", &wasm),
            ("decoder", BASE64_DECODER),
            ("css", &css),
            ("embed", &inert(files.embed)),
        ],
    );
    format!("\n{script}")
}

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
        p.tags,
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
