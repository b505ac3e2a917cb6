//! `explainer bundle`: one HTML file with the widget's wasm, JavaScript, styles and an evidence
//! set inside it, which opens from disk with no network at all. The explainer is in it already
//! rendered, so it shows before (and without) the script, which then takes it over.

use std::io::Write;
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

use super::check::{read_valid, write_atomically};
use super::render::prerendered_own_page;
use super::{Status, io_failure, read_built};

/// The built widget files `bundle` reads from the dist folder.
const PARTS: [&str; 5] = [
    "explainer-widget.js",
    "explainer-widget_bg.wasm",
    "explainer.css",
    "page.css",
    "embed.js",
];

pub(super) fn bundle(
    evidence: Option<&Path>,
    dist: &Path,
    output: &Path,
    err: &mut dyn Write,
) -> Status {
    let mut parts = Vec::new();
    for name in PARTS {
        match read_built(&super::fingerprint::built(dist, name), err) {
            Ok(bytes) => parts.push(bytes),
            Err(status) => return status,
        }
    }
    let (json, question, language) = match evidence {
        None => {
            let bundled = explainer_evidence::load_published(crate::BUNDLED_EVIDENCE)
                .expect("the bundled set is valid");
            let doc = bundled.document();
            (None, doc.question.clone(), doc.meta.language.clone())
        }
        Some(file) => {
            let (evidence, _) = match read_valid(file, err) {
                Ok(read) => read,
                Err(status) => return status,
            };
            let doc = evidence.document();
            let (question, language) = (doc.question.clone(), doc.meta.language.clone());
            (
                Some(inert(evidence.to_json(false).trim_end())),
                question,
                language,
            )
        }
    };
    // The explainer as the widget first renders it on its own page, from the very text the
    // page hands the widget (the element's JSON, or the set inside the wasm).
    let handed = json.as_deref().unwrap_or(crate::BUNDLED_EVIDENCE);
    let prerendered = match prerendered_own_page(handed.to_owned()) {
        Ok(root) => root,
        Err(error) => return io_failure(err, "render", output, &error),
    };
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let page = page(&Page {
        glue: &text(&parts[0]),
        wasm: &parts[1],
        widget_css: &text(&parts[2]),
        page_css: &text(&parts[3]),
        embed: &text(&parts[4]),
        json: json.as_deref(),
        prerendered: &prerendered,
        question: &question,
        language: language.as_deref().unwrap_or("en"),
    });
    match write_atomically(output, page.as_bytes()) {
        Ok(()) => {
            let _ = writeln!(err, "{}: {} bytes", output.display(), page.len());
            Status::Ok
        }
        Err(error) => io_failure(err, "write", output, &error),
    }
}

/// What goes into the single file.
struct Page<'a> {
    glue: &'a str,
    wasm: &'a [u8],
    widget_css: &'a str,
    page_css: &'a str,
    embed: &'a str,
    /// The element's JSON, already made inert for a `<script>` element.
    json: Option<&'a str>,
    /// The explainer prerendered, for the page to show before (and without) its script.
    prerendered: &'a str,
    question: &'a str,
    language: &'a str,
}

/// Text made safe inside a `<script>` or `<style>` element: nothing in it can close the element.
fn inert(text: &str) -> String {
    text.replace("</", "<\\/")
}

/// The policy the single file carries: nothing from anywhere, and only its own script and
/// styles, named by their hashes, so it needs neither `'unsafe-inline'` nor `'self'` (which
/// means nothing for a file on disk).
fn policy(script: &str, styles: &[&str]) -> String {
    let hash = |text: &str| {
        let digest = Sha256::digest(text.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    let styles: Vec<String> = styles.iter().map(|s| hash(s)).collect();
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         object-src 'none'; base-uri 'none'; form-action 'none'; \
         require-trusted-types-for 'script'; trusted-types 'none'",
        hash(script),
        styles.join(" ")
    )
}

fn page(p: &Page<'_>) -> String {
    let wasm = base64::engine::general_purpose::STANDARD.encode(p.wasm);
    let css = serde_json::to_string(p.widget_css).expect("a string");
    // The element's child JSON, when the set is not the one compiled into the wasm. JSON allows
    // "<\/", so escaping it keeps the data intact.
    let evidence = p
        .json
        .map(|json| format!("<script type=\"application/json\">{json}</script>"))
        .unwrap_or_default();
    let script = format!(
        r#"
{glue}
// Offline: the wasm is instantiated asynchronously from the bytes below, and the stylesheet
// comes from text; embed.js (below, in a block so its names stay its own) uses these instead
// of fetching anything. One module script, so the order is certain.
const explainerWasm = "{wasm}";
function explainerBytes(text) {{
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}}
globalThis.EXPLAINER_OFFLINE = {{
  load: () => __wbg_init({{ module_or_path: explainerBytes(explainerWasm) }}).then(() => ({{ mount }})),
  css: {css},
}};
{{
{embed}
}}
"#,
        glue = inert(p.glue),
        embed = inert(p.embed),
        css = inert(&css),
    );
    let page_css = inert(p.page_css);
    // embed.js puts the widget's stylesheet into each shadow root as a <style> with this text.
    let policy = policy(&script, &[&page_css, p.widget_css]);
    format!(
        r#"<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>{page_css}</style>
<style>{widget_css}</style>
</head>
<body>
<main class="page"><evidence-explainer id="explainer" own-page>{prerendered}{evidence}</evidence-explainer></main>
<script type="module">{script}</script>
</body>
</html>
"#,
        language = super::render::escape(p.language),
        title = super::render::escape(p.question),
        // The same text embed.js gives a shadow root's <style>, so one hash covers both.
        widget_css = p.widget_css,
        prerendered = p.prerendered,
    )
}
