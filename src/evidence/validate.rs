//! Checks a published document and reports every problem at once, each with its path.
//!
//! Publishing an authored file runs the same checks on the converted document, so a file that
//! publishes cleanly is exactly a file the widget will render.

use crate::error::{Problem, ProblemKind};
use crate::path::Path;
use crate::published::{CitationNumber, Inline, Published, for_each_citation};
use crate::published::{FORMAT_VERSION, MAX_INLINE_DEPTH, MAX_LIST_LEN, MAX_TEXT_CHARS};

/// Every problem in `doc`; empty when it is valid.
pub fn validate(doc: &Published) -> Vec<Problem> {
    let mut problems = Vec::new();
    let root = Path::root();
    let mut report = |path: Path, kind: ProblemKind| problems.push(Problem::new(path, kind));

    if doc.version != FORMAT_VERSION {
        report(
            root.key("version"),
            ProblemKind::UnsupportedVersion { found: doc.version },
        );
    }
    check_meta(doc, &mut report);
    check_changes(doc, &mut report);
    check_sizes(doc, &mut report);
    require_text(
        &doc.question,
        root.key("question"),
        "the question",
        &mut report,
    );
    require_text(
        &doc.verdict.label,
        root.key("verdict").key("label"),
        "the verdict label",
        &mut report,
    );
    if doc.verdict.sentences.is_empty() {
        report(
            root.key("verdict").key("sentences"),
            ProblemKind::Empty {
                what: "the verdict",
                optional: false,
            },
        );
    }

    let section_firsts = first_uses(doc.sections.iter().map(|s| s.id.as_str()));
    for (i, section) in doc.sections.iter().enumerate() {
        let path = root.key("sections").index(i);
        let id = section.id.as_str();
        if !is_section_id(id) {
            report(
                path.key("id"),
                ProblemKind::BadSectionId { id: id.to_owned() },
            );
        } else if section_firsts[i] != i {
            let first = root.key("sections").index(section_firsts[i]).key("id");
            let id = id.to_owned();
            report(
                path.key("id"),
                ProblemKind::DuplicateSectionId { id, first },
            );
        }
        require_text(
            &section.title,
            path.key("title"),
            "the section title",
            &mut report,
        );
        if section.sentences.is_empty() {
            report(
                path.key("sentences"),
                ProblemKind::Empty {
                    what: "the section",
                    optional: false,
                },
            );
        }
    }

    let source_firsts = first_uses(doc.sources.iter().map(|s| s.number));
    for (i, source) in doc.sources.iter().enumerate() {
        let path = root.key("sources").index(i);
        if source.number.0 == 0 {
            report(path.key("number"), ProblemKind::ZeroSource);
        } else if source_firsts[i] != i {
            let first = root.key("sources").index(source_firsts[i]).key("number");
            report(
                path.key("number"),
                ProblemKind::DuplicateSource {
                    number: source.number.0,
                    first,
                },
            );
        }
        let optional = [
            ("title", &source.title, "the title"),
            ("publisher", &source.publisher, "the publisher"),
            ("author", &source.author, "the author"),
            ("note", &source.note, "the note"),
        ];
        for (key, value, what) in optional {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                report(
                    path.key(key),
                    ProblemKind::Empty {
                        what,
                        optional: true,
                    },
                );
            }
        }
        if let Some(date) = &source.date {
            check_date(date, path.key("date"), &mut report);
        }
        check_web_address(&source.url, path.key("url"), &mut report);
        if let Some(archived) = &source.archived {
            let path = path.key("archived");
            check_web_address(&Some(archived.url.clone()), path.key("url"), &mut report);
            check_date(&archived.date, path.key("date"), &mut report);
        }
        for (e, excerpt) in source.excerpts.iter().enumerate() {
            require_text(
                excerpt,
                path.key("excerpts").index(e),
                "the excerpt",
                &mut report,
            );
        }
    }

    // Sources by number, to look citations up; `cited` is marked in the same order.
    let numbers: Vec<CitationNumber> = doc.sources.iter().map(|s| s.number).collect();
    let order = crate::order::sorted_indices(numbers.len(), &|a, b| numbers[a].cmp(&numbers[b]));
    let find = |n: CitationNumber| order.binary_search_by(|&i| numbers[i].cmp(&n)).ok();
    let mut cited = vec![false; numbers.len()];
    // Reported once per dangling number, at its first use, so one typo gives one message.
    let mut dangling: Vec<CitationNumber> = Vec::new();
    for (_, path, text) in doc.texts() {
        if text.is_empty() {
            let kind = ProblemKind::Empty {
                what: "the text",
                optional: false,
            };
            report(path.clone(), kind);
        }
        let chars = text_chars(text);
        if chars > MAX_TEXT_CHARS {
            report(path.clone(), ProblemKind::TooLong { chars });
        }
        check_inlines(text, &path, 1, false, &mut report);
        for_each_citation(text, &mut |n| match find(n) {
            Some(slot) => cited[slot] = true,
            None => {
                if let Err(at) = dangling.binary_search(&n) {
                    dangling.insert(at, n);
                    let kind = ProblemKind::CitationWithoutSource { number: n.0 };
                    report(path.clone(), kind);
                }
            }
        });
    }
    // binary_search gives the same slot for the same number every time, so duplicate numbers
    // (reported above) share the slot their citations marked.
    let is_cited = |n: CitationNumber| find(n).is_some_and(|slot| cited[slot]);
    for (i, source) in doc.sources.iter().enumerate() {
        let counted = source.number.0 != 0 && source_firsts[i] == i;
        if counted && !is_cited(source.number) {
            let path = root.key("sources").index(i).key("number");
            let kind = ProblemKind::UncitedSource {
                number: source.number.0,
            };
            report(path, kind);
        }
    }
    problems
}

/// Advice for a valid document: things that are allowed but that an editor should know, such as
/// a missing language or a source the widget will show as unidentified. Never stops publishing.
pub fn advise(doc: &Published) -> Vec<Problem> {
    let mut advice = Vec::new();
    if doc.meta.language.is_none() {
        advice.push(Problem::new(
            Path::root().key("meta"),
            ProblemKind::NoLanguage,
        ));
    }
    if doc.limits.is_empty() {
        advice.push(Problem::new(Path::root(), ProblemKind::NoLimits));
    }
    for (i, source) in doc.sources.iter().enumerate() {
        if !source.is_identified() {
            let path = Path::root().key("sources").index(i);
            let kind = ProblemKind::UnidentifiedSource {
                number: source.number.0,
            };
            advice.push(Problem::new(path, kind));
        }
    }
    advice
}

/// For each item, the position of the first item equal to it: its own position unless it
/// repeats an earlier one. Sorting keeps this O(n log n) for hostile files with many items.
fn first_uses<T: Ord>(items: impl Iterator<Item = T>) -> Vec<usize> {
    let items: Vec<T> = items.collect();
    let order =
        crate::order::sorted_indices(items.len(), &|a, b| items[a].cmp(&items[b]).then(a.cmp(&b)));
    let mut first = vec![0; items.len()];
    let mut group_start = 0;
    for (k, &i) in order.iter().enumerate() {
        if k == 0 || items[i] != items[order[k - 1]] {
            group_start = i;
        }
        first[i] = group_start;
    }
    first
}

fn check_meta(doc: &Published, report: &mut impl FnMut(Path, ProblemKind)) {
    let path = Path::root().key("meta");
    if let Some(language) = &doc.meta.language
        && !is_language_tag(language)
    {
        let value = language.clone();
        report(path.key("language"), ProblemKind::BadLanguage { value });
    }
    for (key, value) in [
        ("published", &doc.meta.published),
        ("updated", &doc.meta.updated),
    ] {
        if let Some(value) = value {
            check_date(value, path.key(key), report);
        }
    }
    check_web_address(&doc.meta.url, path.key("url"), report);
    if doc
        .meta
        .publisher
        .as_deref()
        .is_some_and(|p| p.trim().is_empty())
    {
        let kind = ProblemKind::Empty {
            what: "the publisher",
            optional: true,
        };
        report(path.key("publisher"), kind);
    }
    for (key, names, what) in [
        ("authors", &doc.meta.authors, "an author's name"),
        ("editors", &doc.meta.editors, "an editor's name"),
    ] {
        for (i, name) in names.iter().enumerate() {
            if name.trim().is_empty() {
                let kind = ProblemKind::Empty {
                    what,
                    optional: false,
                };
                report(path.key(key).index(i), kind);
            }
        }
    }
}

/// The log's dates: full dates, oldest first, none before first publication, and none after
/// the date the explainer says it was last updated. Each date is compared only when valid, so a
/// bad date gets one message, not several.
fn check_changes(doc: &Published, report: &mut impl FnMut(Path, ProblemKind)) {
    if doc.changes.is_empty() {
        return;
    }
    let root = Path::root();
    let published = doc.meta.published.as_deref().filter(|d| is_date(d));
    if doc.meta.published.is_none() {
        report(root.key("changes"), ProblemKind::ChangesWithoutPublication);
    }
    let mut latest: Option<(usize, &str)> = None;
    for (i, change) in doc.changes.iter().enumerate() {
        let path = root.key("changes").index(i);
        let date = change.date.as_str();
        if date.len() != 10 || !is_date(date) {
            let value = date.to_owned();
            report(path.key("date"), ProblemKind::BadChangeDate { value });
        } else if let Some(published) = published.filter(|p| on(date, p).is_lt()) {
            let kind = ProblemKind::ChangeBeforePublication {
                date: date.to_owned(),
                published: published.to_owned(),
            };
            report(path.key("date"), kind);
        } else if let Some((_, previous)) = latest.filter(|(_, p)| date < *p) {
            let kind = ProblemKind::ChangeOutOfOrder {
                date: date.to_owned(),
                previous: previous.to_owned(),
            };
            report(path.key("date"), kind);
        } else {
            latest = Some((i, date));
        }
        if let Some(replaced) = &change.replaces {
            require_text(
                replaced,
                path.key("replaces"),
                "the verdict label it replaced",
                report,
            );
        }
    }
    if let (Some(updated), Some((i, date))) = (&doc.meta.updated, latest)
        && is_date(updated)
        && on(date, updated).is_gt()
    {
        // Only the log's dates are full; `updated` may say just a month or a year.
        let kind = ProblemKind::UpdatedBeforeChange {
            updated: updated.clone(),
            latest: date.to_owned(),
            at: root.key("changes").index(i),
        };
        report(root.key("meta").key("updated"), kind);
    }
}

/// How the full date `day` falls against `date` (YYYY, YYYY-MM or YYYY-MM-DD), to the precision
/// `date` gives: 2026-03-30 is before 2026-04 and on 2026. Both are valid dates.
fn on(day: &str, date: &str) -> std::cmp::Ordering {
    day.get(..date.len()).unwrap_or(day).cmp(date)
}

fn check_web_address(url: &Option<String>, path: Path, report: &mut impl FnMut(Path, ProblemKind)) {
    if let Some(url) = url
        && !is_web_address(url)
    {
        report(path, ProblemKind::UnsafeSourceUrl { url: url.clone() });
    }
}

/// Lists and plain texts past the size limits: each is reported once, where it is.
fn check_sizes(doc: &Published, report: &mut impl FnMut(Path, ProblemKind)) {
    let root = Path::root();
    // Paths are only made for what is too big: most files have nothing.
    let mut list = |len: usize, path: &dyn Fn() -> Path| {
        if len > MAX_LIST_LEN {
            report(path(), ProblemKind::TooMany { count: len });
        }
    };
    list(doc.verdict.sentences.len(), &|| {
        root.key("verdict").key("sentences")
    });
    list(doc.sections.len(), &|| root.key("sections"));
    list(doc.limits.len(), &|| root.key("limits"));
    list(doc.changes.len(), &|| root.key("changes"));
    list(doc.sources.len(), &|| root.key("sources"));
    list(doc.meta.authors.len(), &|| root.key("meta").key("authors"));
    list(doc.meta.editors.len(), &|| root.key("meta").key("editors"));
    for (i, section) in doc.sections.iter().enumerate() {
        list(section.sentences.len(), &|| {
            root.key("sections").index(i).key("sentences")
        });
    }
    for (i, source) in doc.sources.iter().enumerate() {
        list(source.excerpts.len(), &|| {
            root.key("sources").index(i).key("excerpts")
        });
    }

    let mut text = |value: &str, path: &dyn Fn() -> Path| {
        // Bytes first: only a text long in bytes can be long in characters.
        if value.len() > MAX_TEXT_CHARS {
            let chars = value.chars().count();
            if chars > MAX_TEXT_CHARS {
                report(path(), ProblemKind::TooLong { chars });
            }
        }
    };
    text(&doc.question, &|| root.key("question"));
    for (key, names) in [
        ("authors", &doc.meta.authors),
        ("editors", &doc.meta.editors),
    ] {
        for (i, name) in names.iter().enumerate() {
            text(name, &|| root.key("meta").key(key).index(i));
        }
    }
    text(&doc.verdict.label, &|| root.key("verdict").key("label"));
    for (i, change) in doc.changes.iter().enumerate() {
        if let Some(replaced) = &change.replaces {
            text(replaced, &|| root.key("changes").index(i).key("replaces"));
        }
    }
    for (i, section) in doc.sections.iter().enumerate() {
        text(&section.title, &|| {
            root.key("sections").index(i).key("title")
        });
    }
    for (i, source) in doc.sources.iter().enumerate() {
        let path = || root.key("sources").index(i);
        let fields = [
            ("title", &source.title),
            ("publisher", &source.publisher),
            ("author", &source.author),
            ("note", &source.note),
            ("url", &source.url),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                text(value, &|| path().key(key));
            }
        }
        for (e, excerpt) in source.excerpts.iter().enumerate() {
            text(excerpt, &|| path().key("excerpts").index(e));
        }
        if let Some(archived) = &source.archived {
            text(&archived.url, &|| path().key("archived").key("url"));
        }
    }
}

/// The characters of parsed text, markup aside. Recursion is bounded by the JSON reader's own
/// nesting limit of 128.
fn text_chars(nodes: &[Inline]) -> usize {
    nodes
        .iter()
        .map(|node| match node {
            Inline::Text(t) | Inline::Code(t) => t.chars().count(),
            Inline::Em(children) | Inline::Strong(children) => text_chars(children),
            Inline::Link(link) => text_chars(&link.children),
            Inline::Cite(_) => 0,
        })
        .sum()
}

fn require_text(
    value: &str,
    path: Path,
    what: &'static str,
    report: &mut impl FnMut(Path, ProblemKind),
) {
    if value.trim().is_empty() {
        report(
            path,
            ProblemKind::Empty {
                what,
                optional: false,
            },
        );
    }
}

fn check_date(value: &str, path: Path, report: &mut impl FnMut(Path, ProblemKind)) {
    if !is_date(value) {
        report(
            path,
            ProblemKind::BadDate {
                value: value.to_owned(),
            },
        );
    }
}

/// Walks parsed text. Recursion is bounded: the depth check stops at [`MAX_INLINE_DEPTH`], and
/// serde_json refuses input nested deeper than 128 before it gets here.
fn check_inlines(
    nodes: &[Inline],
    path: &Path,
    depth: usize,
    in_link: bool,
    report: &mut impl FnMut(Path, ProblemKind),
) {
    if depth > MAX_INLINE_DEPTH {
        report(path.clone(), ProblemKind::TooDeep);
        return;
    }
    for node in nodes {
        match node {
            Inline::Text(_) | Inline::Code(_) => {}
            Inline::Cite(_) if in_link => report(
                path.clone(),
                ProblemKind::NestedInLink {
                    what: "a citation marker",
                },
            ),
            Inline::Cite(_) => {}
            Inline::Em(children) | Inline::Strong(children) => {
                check_inlines(children, path, depth + 1, in_link, report);
            }
            Inline::Link(link) => {
                if in_link {
                    report(path.clone(), ProblemKind::NestedInLink { what: "a link" });
                }
                if !is_link_address(&link.href) {
                    report(
                        path.clone(),
                        ProblemKind::UnsafeLink {
                            href: link.href.clone(),
                        },
                    );
                }
                check_inlines(&link.children, path, depth + 1, true, report);
            }
        }
    }
}

/// The scheme of an absolute address, lowercased; `None` for a relative one. Any character that
/// cannot be part of a scheme (white space, control characters, entities left undecoded) makes
/// the address relative, and therefore refused by the allow-lists below.
fn scheme(address: &str) -> Option<String> {
    let (scheme, _) = address.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| scheme.to_ascii_lowercase())
}

/// Whether a link in text may point at `href`: http, https or mailto, nothing else.
pub fn is_link_address(href: &str) -> bool {
    matches!(scheme(href).as_deref(), Some("http" | "https" | "mailto"))
        && !has_space_or_control(href)
}

/// Whether `url` is an absolute http or https address.
pub fn is_web_address(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https"))
        && url
            .split_once("://")
            .is_some_and(|(_, rest)| !rest.is_empty())
        && !has_space_or_control(url)
}

fn has_space_or_control(address: &str) -> bool {
    address.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `id` can be a section id.
pub fn is_section_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.len() <= 64
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether `value` is YYYY, YYYY-MM or YYYY-MM-DD with a month 01–12 and a day that month has.
fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?
    };
    let Some(year) = parts.first().and_then(|y| number(y, 4)) else {
        return false;
    };
    match parts.as_slice() {
        [_] => true,
        [_, m] => number(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [_, m, d] => match (number(m, 2), number(d, 2)) {
            (Some(m), Some(d)) if (1..=12).contains(&m) => {
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                let days = match m {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                (1..=days).contains(&d)
            }
            _ => false,
        },
        _ => false,
    }
}

/// Whether `tag` has the shape of a BCP 47 tag: alphanumeric subtags of 1–8 characters joined
/// by hyphens, the first a language code of 2–3 letters (so a word like `English` is refused).
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or("");
    let first_ok = matches!(first.len(), 2 | 3) && first.bytes().all(|b| b.is_ascii_alphabetic());
    first_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_uses_point_every_repeat_at_its_first_occurrence() {
        let items = ["b", "a", "b", "c", "a", "b"];
        assert_eq!(first_uses(items.into_iter()), vec![0, 1, 0, 3, 1, 0]);
        assert!(first_uses(std::iter::empty::<u32>()).is_empty());
    }

    #[test]
    fn link_addresses_allow_only_web_and_mail() {
        for ok in [
            "https://example.org/a",
            "http://x.y",
            "mailto:desk@example.org",
            "HTTPS://EXAMPLE.ORG",
        ] {
            assert!(is_link_address(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "&#106;avascript:alert(1)",
            "/relative/path",
            "//example.org",
            "#fragment",
            "",
            "https://example.org/a b",
        ] {
            assert!(!is_link_address(bad), "{bad:?}");
        }
    }

    #[test]
    fn web_addresses_need_a_host_part() {
        assert!(is_web_address("https://finance.yahoo.com/news/x"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("mailto:a@b.c"));
        assert!(!is_web_address("ftp://example.org"));
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        for ok in ["2018", "2018-06", "2018-06-30", "2024-02-29", "2000-02-29"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "18",
            "2018-6",
            "2018-13",
            "2018-06-31",
            "2023-02-29",
            "1900-02-29",
            "2018/06/30",
            "June 2018",
            "2018-06-30T00:00",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn section_ids_are_lowercase_slugs() {
        assert!(is_section_id("bottom-line"));
        assert!(is_section_id("2018"));
        for bad in ["", "-x", "Bottom", "a b", "a_b", "é", &"a".repeat(65)] {
            assert!(!is_section_id(bad), "{bad}");
        }
    }

    #[test]
    fn language_tags_have_the_bcp47_shape() {
        for ok in ["en", "pt-BR", "zh-Hant-TW", "es-419"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "English",
            "english language",
            "en_US",
            "en-",
            "123",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
