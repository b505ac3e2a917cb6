//! What a published evidence set becomes for a page, one file an output: the paste-in snippet
//! (`snippet.rs`), the offline single file (`offline_file.rs`), the static page
//! (`static_page.rs`), the page of its own (`own_page.rs`), the studio's single file
//! (`studio_file.rs`), and what the build writes into the page's scripts (`script_data.rs`).
//! The tool and Explainer Studio both make them here, so the studio's outputs are the tool's
//! byte for byte; reading and writing files is the caller's. The scripts these outputs carry
//! are written as scripts, in `scripts/`, and filled in with [`filled`]. This file holds what
//! they share: the widget's server rendering, escaping, the built files and the policy of a
//! page that carries everything in itself.

mod offline_file;
mod own_page;
pub mod script_data;
mod snippet;
mod static_page;
mod studio_file;

pub use offline_file::{offline_file, offline_file_of};
pub use own_page::{OwnPage, linked_stylesheets, own_page, prerendered_own_page};
pub use snippet::{SnippetOptions, snippet};
pub use static_page::static_page;
pub use studio_file::{Studio, body_of, studio_file};

use base64::Engine;
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

/// Text made safe inside a `<script>` or `<style>` element: nothing in it can close the element.
pub fn inert(text: &str) -> String {
    text.replace("</", "<\\/")
}

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
