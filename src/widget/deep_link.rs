//! Deep links: the one format of the addresses that open a part of an explainer. A *part* is a
//! section id (`amazon`), a source (`source-4`), or empty for the whole explainer. On a page of
//! its own the address's fragment is the part; in an article, where other widgets and the
//! article's own anchors share the address, it is `<instance>/<part>`, or `<instance>` for the
//! whole. `www/embed.js` and `www/embed-frame.js` build and read the same fragments;
//! `tests/fixtures/deep-links.json` holds the cases both sides are tested against.

use explainer_evidence::CitationNumber;

/// What a source's part starts with: `source-4` is source 4.
pub const SOURCE_PART: &str = "source-";

/// The part that names source `n`.
pub fn source_part(n: CitationNumber) -> String {
    format!("{SOURCE_PART}{n}")
}

/// The number of the source `part` names, if it names one.
pub fn source_number(part: &str) -> Option<CitationNumber> {
    part.strip_prefix(SOURCE_PART)?
        .parse()
        .ok()
        .map(CitationNumber)
}

/// The fragment (without `#`) of the link to `part` of the widget `instance`.
pub fn fragment(instance: &str, own_page: bool, part: &str) -> String {
    match (own_page, part) {
        (true, _) => part.to_owned(),
        (false, "") => instance.to_owned(),
        (false, _) => format!("{instance}/{part}"),
    }
}

/// The part `fragment` (with or without its `#`) names in the widget `instance`: empty for the
/// whole explainer, `None` when the fragment is not a link into this widget. On a page of its
/// own, what WordPress adds to the address of a page it embeds (`#?secret=…`) is no part.
pub fn part<'a>(fragment: &'a str, instance: &str, own_page: bool) -> Option<&'a str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if own_page {
        let part = fragment.split("#?").next().unwrap_or_default();
        return Some(if part.starts_with('?') { "" } else { part });
    }
    match fragment.strip_prefix(instance)? {
        "" => Some(""),
        rest => rest.strip_prefix('/'),
    }
}
