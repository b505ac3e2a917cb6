//! What the files that carry everything in themselves share (the offline file, the studio's
//! single file): the widget's built files they carry, their Content-Security-Policy of hashes,
//! their head, and the scripts written in `scripts/` filled in.

use base64::Engine;
use sha2::{Digest, Sha256};

use super::html::{escape, html_tag};

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

/// The policy the single file carries: nothing from anywhere, and only its own script and
/// styles, named by their hashes, so it needs neither `'unsafe-inline'` nor `'self'` (which
/// means nothing for a file on disk).
pub(crate) fn policy(scripts: &[&str], styles: &[&str]) -> String {
    let scripts: Vec<String> = scripts.iter().map(|text| source_hash(text)).collect();
    let styles: Vec<String> = styles.iter().map(|text| source_hash(text)).collect();
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         object-src 'none'; base-uri 'none'; form-action 'none'; \
         require-trusted-types-for 'script'; trusted-types 'none'",
        scripts.join(" "),
        styles.join(" ")
    )
}

/// The source expression a Content-Security-Policy names an inline script or style by:
/// `'sha256-…'` of its text.
pub fn source_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `bytes` as base64 text.
pub(crate) fn base64_text(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The offline files' script function that turns base64 text back into bytes.
pub(crate) const BASE64_DECODER: &str = include_str!("scripts/base64-decoder.js");

/// `template` (a script from `scripts/`) with each `/*@name*/` in it replaced by the value of
/// that name in `values`, in one pass, so nothing in a value is ever read as a marker.
///
/// # Panics
/// When the template has a marker `values` does not name: the templates are this crate's own,
/// and each output's tests fill them.
pub(crate) fn filled(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(at) = rest.find("/*@") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let end = after.find("*/").expect("a marker ends with */");
        let name = &after[..end];
        let value = values
            .iter()
            .find(|(key, _)| *key == name)
            .unwrap_or_else(|| panic!("no value for /*@{name}*/"))
            .1;
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// The start of a page that carries everything in itself (the offline file, the studio's single
/// file), through `</head>`: its language, its Content-Security-Policy, its `title` (escaped
/// here), the `tags` that say what it is when shared, and its inline `styles` (made inert by
/// the caller), with no request for an icon.
pub fn single_file_head(
    language: &str,
    policy: &str,
    title: &str,
    tags: &str,
    styles: &[&str],
) -> String {
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
{tags}<link rel="icon" href="data:,">
{styles}</head>"#,
        html = html_tag(language),
        title = escape(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_filled_once_and_values_are_not_read_again() {
        let template = "a /*@x*/ b /*@y*/ c";
        assert_eq!(
            filled(template, &[("x", "/*@y*/"), ("y", "2")]),
            "a /*@y*/ b 2 c"
        );
    }

    #[test]
    #[should_panic(expected = "no value for /*@z*/")]
    fn a_marker_without_a_value_is_a_bug() {
        filled("/*@z*/", &[]);
    }
}
