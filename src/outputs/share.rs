//! What messaging apps and social sites read from a page's head when its address is shared: the
//! title and description of every page an evidence set becomes, and, on a page of its own at
//! its public address (`explainer page --url`), the share image beside it (Open Graph and
//! Twitter's card tags, with absolute addresses).

use explainer_evidence::Evidence;
use explainer_evidence::published::Inline;

use super::card::{SIZE, alt_text};
use super::html::escape;
use crate::locales::Locale;

/// How long a description may be before it is cut at a word: what link previews show.
const DESCRIPTION_LENGTH: usize = 200;

/// A page's share image at its public address.
pub struct SharedImage<'a> {
    /// The page's own address.
    pub page: &'a str,
    /// The image's address.
    pub image: &'a str,
}

/// The set's description: the verdict's label, then its sentences, cut at a word with an
/// ellipsis when longer than a preview shows.
pub fn description(evidence: &Evidence) -> String {
    let doc = evidence.document();
    let words = &Locale::of(doc.meta.language.as_deref()).words;
    let sentences: Vec<String> = doc.verdict.sentences.iter().map(|s| prose(s)).collect();
    let label = doc.verdict.label.trim_end_matches(['.', '。']);
    let text = format!("{}: {label}. {}", words.verdict, sentences.join(" "));
    // A citation leaves its spaces behind: "in 2026 ." reads "in 2026.".
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.replace(" .", ".").replace(" ,", ",");
    let text = text.as_str();
    if text.chars().count() <= DESCRIPTION_LENGTH {
        return text.to_owned();
    }
    let cut: String = text.chars().take(DESCRIPTION_LENGTH).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '،', '؛']))
}

/// The words of `nodes` without their citation markers, which a preview cannot follow.
fn prose(nodes: &[Inline]) -> String {
    nodes
        .iter()
        .map(|node| match node {
            Inline::Text(t) | Inline::Code(t) => t.clone(),
            Inline::Em(children) | Inline::Strong(children) => prose(children),
            Inline::Link(link) => prose(&link.children),
            Inline::Cite(_) => String::new(),
        })
        .collect()
}

/// The tags that say what a page of `evidence` is when its address is shared: its description,
/// and its Open Graph title, description and type; with `image`, also its address, the image,
/// its size and alt text, and a large Twitter card.
pub fn share_tags(evidence: &Evidence, image: Option<&SharedImage>) -> String {
    let doc = evidence.document();
    let description = escape(&description(evidence));
    let mut tags = vec![
        format!("<meta name=\"description\" content=\"{description}\">"),
        "<meta property=\"og:type\" content=\"article\">".to_owned(),
        format!(
            "<meta property=\"og:title\" content=\"{}\">",
            escape(&doc.question)
        ),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
    ];
    if let Some(publisher) = &doc.meta.publisher {
        tags.push(format!(
            "<meta property=\"og:site_name\" content=\"{}\">",
            escape(publisher)
        ));
    }
    match image {
        Some(shared) => {
            let alt = escape(&alt_text(evidence));
            tags.extend([
                format!(
                    "<meta property=\"og:url\" content=\"{}\">",
                    escape(shared.page)
                ),
                format!(
                    "<meta property=\"og:image\" content=\"{}\">",
                    escape(shared.image)
                ),
                "<meta property=\"og:image:type\" content=\"image/png\">".to_owned(),
                format!("<meta property=\"og:image:width\" content=\"{}\">", SIZE.0),
                format!("<meta property=\"og:image:height\" content=\"{}\">", SIZE.1),
                format!("<meta property=\"og:image:alt\" content=\"{alt}\">"),
                "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
                format!("<meta name=\"twitter:image:alt\" content=\"{alt}\">"),
            ]);
        }
        None => tags.push("<meta name=\"twitter:card\" content=\"summary\">".to_owned()),
    }
    tags.iter().map(|tag| format!("{tag}\n")).collect()
}

/// `page` with `tags` at the end of its head, in place of any description and share tags it
/// had (so a page written again over its own output comes out the same); `None` when it has no
/// head.
pub fn with_share_tags(page: &str, tags: &str) -> Option<String> {
    const OURS: [&str; 3] = [
        "<meta name=\"description\"",
        "<meta property=\"og:",
        "<meta name=\"twitter:",
    ];
    let head_end = page.find("</head>")?;
    let mut head = page[..head_end].to_owned();
    while let Some(start) = OURS.iter().filter_map(|tag| head.find(tag)).min() {
        let end = start + head[start..].find('>')? + 1;
        // The line it stood on goes with it.
        let end = end + usize::from(head[end..].starts_with('\n'));
        let start = head[..start].trim_end_matches(' ').len();
        head.replace_range(start..end, "");
    }
    Some(format!("{head}{tags}{}", &page[head_end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(question: &str, label: &str, sentence: &str) -> Evidence {
        let json = serde_json::json!({
            "version": 1, "form": "published", "meta": {"language": "en"},
            "question": question,
            "verdict": {"label": label, "sentences": [[{"text": sentence}]]},
            "sections": [], "limits": [], "sources": []
        });
        explainer_evidence::load_published(&json.to_string()).expect("a valid set")
    }

    #[test]
    fn a_description_is_the_label_then_the_verdict_cut_at_a_word() {
        let short = evidence("Q?", "No.", "Nothing says so.");
        assert_eq!(description(&short), "Verdict: No. Nothing says so.");
        let long = evidence(
            "Q?",
            "No",
            &"The records show nothing of the kind. ".repeat(10),
        );
        let said = description(&long);
        assert!(said.ends_with('…') && said.chars().count() <= DESCRIPTION_LENGTH + 1);
        let shown = said.trim_end_matches('…');
        assert!(
            format!(
                "Verdict: No. {}",
                "The records show nothing of the kind. ".repeat(10)
            )
            .starts_with(&format!("{shown} "))
        );
    }

    #[test]
    fn the_tags_replace_a_description_the_page_had() {
        let page =
            "<head>\n  <title>t</title>\n  <meta name=\"description\" content=\"old\">\n</head>";
        assert_eq!(
            with_share_tags(page, "<meta name=\"description\" content=\"new\">\n").unwrap(),
            "<head>\n  <title>t</title>\n<meta name=\"description\" content=\"new\">\n</head>"
        );
        assert_eq!(with_share_tags("<p>", ""), None);
        let tags = "<meta property=\"og:title\" content=\"q\">\n<meta name=\"twitter:card\" content=\"summary\">\n";
        let once = with_share_tags(page, tags).unwrap();
        assert_eq!(
            with_share_tags(&once, tags).unwrap(),
            once,
            "written again, the same"
        );
    }

    #[test]
    fn tags_are_escaped_and_name_the_image_only_with_an_address() {
        let set = evidence("\"Q\" & <b>?", "No", "S.");
        let plain = share_tags(&set, None);
        assert!(
            plain.contains("content=\"&quot;Q&quot; &amp; &lt;b&gt;?\""),
            "{plain}"
        );
        assert!(!plain.contains("og:image") && plain.contains("content=\"summary\""));
        let shared = share_tags(
            &set,
            Some(&SharedImage {
                page: "https://n.example/q.html",
                image: "https://n.example/q.png",
            }),
        );
        assert!(
            shared.contains("<meta property=\"og:image\" content=\"https://n.example/q.png\">")
        );
        assert!(shared.contains("<meta property=\"og:image:width\" content=\"1200\">"));
        assert!(shared.contains("summary_large_image"));
    }
}
