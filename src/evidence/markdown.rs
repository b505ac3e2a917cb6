//! The markdown subset of sentence text, parsed natively into [`Inline`] nodes.
//!
//! Allowed: *emphasis*, **strong**, `code`, links to http, https and mailto addresses, and
//! citation markers `[n]`. Raw HTML is kept as visible text. Everything else (headings, lists,
//! images, block quotes…) is reported, so an author learns that the text would not show as typed.

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::error::ProblemKind;
use crate::published::MAX_INLINE_DEPTH;
use crate::published::{CitationNumber, Inline, Inlines, Link};

/// How the converter marks a citation while pulldown-cmark parses: a destination no author can
/// produce through markdown, because only the broken-link callback returns it.
const CITE_PREFIX: &str = "\u{0}cite:";

enum Frame {
    Em,
    Strong,
    Link(String),
    Cite(CitationNumber),
}

/// Parses one text. Returns the parsed nodes (best effort, so later checks still see its
/// citations) and the problems found; the text is valid only when there are none.
pub fn parse_inline(src: &str) -> (Inlines, Vec<ProblemKind>) {
    let mut problems = Vec::new();
    let report = |kind: ProblemKind, problems: &mut Vec<ProblemKind>| {
        if !problems.contains(&kind) {
            problems.push(kind);
        }
    };
    let mut callback = |link: BrokenLink<'_>| {
        let digits = link.reference.as_ref();
        let number = (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u32>().ok())
            .flatten()?;
        Some((
            CowStr::from(format!("{CITE_PREFIX}{number}")),
            CowStr::from(""),
        ))
    };
    let parser = Parser::new_with_broken_link_callback(src, Options::empty(), Some(&mut callback));

    // An explicit stack rather than recursion: hostile input may nest thousands of levels. Frames
    // past the depth cap are flattened into their parent, so the result never nests deeper.
    let mut stack: Vec<(Option<Frame>, Inlines)> = vec![(None, Vec::new())];
    let mut paragraphs = 0;
    for event in parser {
        match event {
            Event::Start(Tag::Paragraph) => {
                paragraphs += 1;
                if paragraphs == 2 {
                    report(
                        ProblemKind::OutsideSubset {
                            construct: "a second paragraph (a blank line)",
                        },
                        &mut problems,
                    );
                }
            }
            Event::Start(Tag::Emphasis) => open(&mut stack, Frame::Em, &mut problems),
            Event::Start(Tag::Strong) => open(&mut stack, Frame::Strong, &mut problems),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let frame = match dest_url.strip_prefix(CITE_PREFIX) {
                    Some(number) => {
                        if link_type != LinkType::ShortcutUnknown {
                            report(ProblemKind::JoinedCitations, &mut problems);
                        }
                        Frame::Cite(CitationNumber(number.parse().unwrap_or(0)))
                    }
                    None => Frame::Link(dest_url.into_string()),
                };
                open(&mut stack, frame, &mut problems);
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => close(&mut stack),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                if !matches!(stack.last(), Some((Some(Frame::Cite(_)), _))) {
                    push_text(&mut stack, &text);
                }
            }
            Event::Code(code) => push(&mut stack, Inline::Code(code.into_string())),
            Event::SoftBreak => push_text(&mut stack, " "),
            Event::HardBreak => report(
                ProblemKind::OutsideSubset {
                    construct: "a line break",
                },
                &mut problems,
            ),
            Event::Rule => report(
                ProblemKind::OutsideSubset {
                    construct: "a horizontal rule",
                },
                &mut problems,
            ),
            Event::Start(tag) => {
                if let Some(construct) = outside_subset(&tag) {
                    report(ProblemKind::OutsideSubset { construct }, &mut problems);
                }
            }
            Event::End(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    let (_, nodes) = stack.pop().unwrap_or((None, Vec::new()));
    (nodes, problems)
}

fn outside_subset(tag: &Tag<'_>) -> Option<&'static str> {
    Some(match tag {
        Tag::Heading { .. } => "a heading",
        Tag::BlockQuote(_) => "a block quote (a line starting with >)",
        Tag::CodeBlock(_) => "a code block (an indented or fenced block)",
        Tag::List(_) | Tag::Item => "a list (a line starting with -, * or a number and a dot)",
        Tag::Image { .. } => "an image",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "a table",
        Tag::HtmlBlock | Tag::Paragraph | Tag::Emphasis | Tag::Strong | Tag::Link { .. } => {
            return None;
        }
        _ => "markup of this kind",
    })
}

fn open(stack: &mut Vec<(Option<Frame>, Inlines)>, frame: Frame, problems: &mut Vec<ProblemKind>) {
    if stack.len() > MAX_INLINE_DEPTH {
        if !problems.contains(&ProblemKind::TooDeep) {
            problems.push(ProblemKind::TooDeep);
        }
        if let Frame::Cite(_) = frame {
            stack.push((Some(frame), Vec::new()));
        } else {
            // Flattened: its children go straight to the parent when it closes.
            stack.push((None, Vec::new()));
        }
        return;
    }
    stack.push((Some(frame), Vec::new()));
}

fn close(stack: &mut Vec<(Option<Frame>, Inlines)>) {
    if stack.len() <= 1 {
        return;
    }
    let Some((frame, children)) = stack.pop() else {
        return;
    };
    let node = match frame {
        Some(Frame::Em) => Inline::Em(children),
        Some(Frame::Strong) => Inline::Strong(children),
        Some(Frame::Link(href)) => Inline::Link(Link { href, children }),
        Some(Frame::Cite(number)) => Inline::Cite(number),
        None => {
            for child in children {
                push(stack, child);
            }
            return;
        }
    };
    push(stack, node);
}

fn push(stack: &mut [(Option<Frame>, Inlines)], node: Inline) {
    if let Some((_, nodes)) = stack.last_mut() {
        match (nodes.last_mut(), node) {
            (Some(Inline::Text(previous)), Inline::Text(text)) => previous.push_str(&text),
            (_, node) => nodes.push(node),
        }
    }
}

fn push_text(stack: &mut [(Option<Frame>, Inlines)], text: &str) {
    push(stack, Inline::Text(text.to_owned()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    fn ok(src: &str) -> Inlines {
        let (nodes, problems) = parse_inline(src);
        assert!(problems.is_empty(), "{src:?}: {problems:?}");
        nodes
    }

    #[test]
    fn citation_groups_keep_their_positions() {
        let nodes = ok("law enforcement [5] [6] [3]; those protests [2] [1].");
        assert_eq!(
            nodes,
            vec![
                text("law enforcement "),
                Inline::Cite(CitationNumber(5)),
                text(" "),
                Inline::Cite(CitationNumber(6)),
                text(" "),
                Inline::Cite(CitationNumber(3)),
                text("; those protests "),
                Inline::Cite(CitationNumber(2)),
                text(" "),
                Inline::Cite(CitationNumber(1)),
                text("."),
            ]
        );
    }

    #[test]
    fn the_subset_parses_into_nodes() {
        let nodes = ok("*a* **b** `c` [d](https://example.org) <b>e</b>");
        assert_eq!(
            nodes,
            vec![
                Inline::Em(vec![text("a")]),
                text(" "),
                Inline::Strong(vec![text("b")]),
                text(" "),
                Inline::Code("c".into()),
                text(" "),
                Inline::Link(Link {
                    href: "https://example.org".into(),
                    children: vec![text("d")]
                }),
                text(" <b>e</b>"),
            ]
        );
    }

    #[test]
    fn bracketed_words_and_escaped_markers_stay_text() {
        assert_eq!(ok("[sic] and \\[2]"), vec![text("[sic] and [2]")]);
    }

    #[test]
    fn entity_encoded_schemes_are_decoded_for_the_validator_to_see() {
        let nodes = ok("[x](&#106;avascript:alert(1))");
        assert_eq!(
            nodes,
            vec![Inline::Link(Link {
                href: "javascript:alert(1)".into(),
                children: vec![text("x")]
            })]
        );
    }

    #[test]
    fn joined_markers_are_reported() {
        let (_, problems) = parse_inline("claim [1][2].");
        assert_eq!(problems, vec![ProblemKind::JoinedCitations]);
    }

    #[test]
    fn block_markdown_is_reported() {
        for (src, construct) in [
            ("# Title", "a heading"),
            ("> quote", "a block quote (a line starting with >)"),
            (
                "- item",
                "a list (a line starting with -, * or a number and a dot)",
            ),
            ("![alt](https://example.org/a.png)", "an image"),
            ("one\n\ntwo", "a second paragraph (a blank line)"),
        ] {
            let (_, problems) = parse_inline(src);
            assert_eq!(
                problems,
                vec![ProblemKind::OutsideSubset { construct }],
                "{src:?}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_capped_and_reported() {
        let src = format!("{}x{}", "*a ".repeat(10_000), " a*".repeat(10_000));
        let (nodes, problems) = parse_inline(&src);
        assert!(problems.contains(&ProblemKind::TooDeep));
        fn depth(nodes: &[Inline]) -> usize {
            nodes
                .iter()
                .map(|n| match n {
                    Inline::Em(c) | Inline::Strong(c) => 1 + depth(c),
                    Inline::Link(l) => 1 + depth(&l.children),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&nodes) <= MAX_INLINE_DEPTH);
    }
}
