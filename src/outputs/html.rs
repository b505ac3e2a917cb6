//! Writing HTML by hand, safely: escaped text and attributes, inert script and style text, the
//! `<html>` tag of a language, element ids.

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

/// Text made safe inside a `<script>` or `<style>` element: nothing in it can close the element.
pub fn inert(text: &str) -> String {
    text.replace("</", "<\\/")
}

/// `text` as a JSON string literal.
pub(crate) fn json_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serializes")
}
