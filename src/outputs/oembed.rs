//! A page of its own at its public address (`explainer page --url`): the oEmbed response a CMS
//! fetches when an author pastes the page's address on a line of its own (WordPress, or any
//! oEmbed consumer), written beside the page as a static file, and what the page itself needs
//! for it: the discovery link in its head, and its own origin named in its policy (in an
//! embed's sandboxed frame its origin is opaque, and WebKit then matches nothing to `'self'`).

use explainer_evidence::Evidence;

use super::html::escape;
use crate::locales::Locale;

/// The frame's size the response proposes; the page then tells its host its real height.
const FRAME: (u32, u32) = (640, 600);

/// A page's public address: absolute, http or https, with no query or fragment.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicAddress {
    url: String,
    origin: String,
}

impl PublicAddress {
    /// `url` checked, or why it cannot be a page's public address.
    pub fn parse(url: &str) -> Result<Self, String> {
        let (scheme, rest) = url
            .split_once("://")
            .filter(|(scheme, _)| matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https"))
            .ok_or_else(|| format!("{url}: not an absolute http or https address"))?;
        if url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        {
            return Err(format!(
                "{url}: an address has no spaces, quotes or angle brackets"
            ));
        }
        if url.contains(['?', '#']) {
            return Err(format!(
                "{url}: the page's own address, with no ? or # part"
            ));
        }
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() || host.contains('@') {
            return Err(format!("{url}: no host, or a user name in it"));
        }
        Ok(Self {
            url: url.to_owned(),
            origin: format!(
                "{}://{}",
                scheme.to_ascii_lowercase(),
                host.to_ascii_lowercase()
            ),
        })
    }

    /// The address itself.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Its origin: scheme, host and port.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The address of the file `name` beside the page.
    pub fn beside(&self, name: &str) -> String {
        let folder = match self.url[self.origin.len()..].rfind('/') {
            Some(at) => &self.url[..self.origin.len() + at + 1],
            None => &self.url,
        };
        let slash = if folder.ends_with('/') { "" } else { "/" };
        format!("{folder}{slash}{name}")
    }
}

/// The frame's title: the kicker and the question, in the set's language.
fn frame_title(evidence: &Evidence) -> String {
    let doc = evidence.document();
    let words = &Locale::of(doc.meta.language.as_deref()).words;
    format!("{}: {}", words.fact_check, doc.question)
}

/// The oEmbed response (type `rich`) for the page at `address`: the frame, after a link to the
/// page in a `<blockquote>` (where a consumer shows no frame, and the sign WordPress waits for
/// before it sizes the frame to the page's messages).
pub fn oembed_response(evidence: &Evidence, address: &PublicAddress) -> String {
    let doc = evidence.document();
    let title = frame_title(evidence);
    let (width, height) = FRAME;
    let url = escape(address.url());
    let html = format!(
        "<blockquote class=\"explainer-embed\"><a href=\"{url}\">{}</a></blockquote>\
         <iframe src=\"{url}\" width=\"{width}\" height=\"{height}\" title=\"{}\" \
         sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" \
         allow=\"clipboard-write; web-share\" loading=\"lazy\"></iframe>",
        escape(&doc.question),
        escape(&title),
    );
    let provider = doc.meta.publisher.clone().unwrap_or_else(|| {
        address
            .origin()
            .split("://")
            .nth(1)
            .unwrap_or_default()
            .to_owned()
    });
    let response = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": doc.question,
        "provider_name": provider,
        "provider_url": address.origin(),
        "html": html,
        "width": width,
        "height": height,
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&response).expect("JSON of strings and numbers")
    )
}

/// `page` (a page of its own) with the discovery link of its oEmbed response (`oembed`, its
/// address) in its head, and `origin` beside each `'self'` of its policy; `None` when it has
/// no head or no policy.
pub fn with_discovery(page: &str, oembed: &str, title: &str, origin: &str) -> Option<String> {
    let link = format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">\n",
        escape(oembed),
        escape(title)
    );
    let policy_start = page.find("http-equiv=\"Content-Security-Policy\"")?;
    let content_start =
        policy_start + page[policy_start..].find("content=\"")? + "content=\"".len();
    let content_end = content_start + page[content_start..].find('"')?;
    let policy = page[content_start..content_end].replace("'self'", &format!("'self' {origin}"));
    let page = format!("{}{policy}{}", &page[..content_start], &page[content_end..]);
    let head_end = page.find("</head>")?;
    Some(format!("{}{link}{}", &page[..head_end], &page[head_end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_address_is_absolute_http_and_its_own() {
        let page = PublicAddress::parse("https://News.Example:8443/checks/ice.html").unwrap();
        assert_eq!(page.origin(), "https://news.example:8443");
        assert_eq!(
            page.beside("ice.oembed.json"),
            "https://News.Example:8443/checks/ice.oembed.json"
        );
        let root = PublicAddress::parse("http://news.example").unwrap();
        assert_eq!(root.beside("x.json"), "http://news.example/x.json");
        for bad in [
            "news.example/ice.html",
            "ftp://news.example/ice.html",
            "javascript://alert(1)",
            "https://",
            "https://news.example/ice.html?x=1",
            "https://news.example/ice.html#part",
            "https://user@news.example/",
            "https://news.example/a b.html",
            "https://news.example/\"x",
        ] {
            assert!(PublicAddress::parse(bad).is_err(), "{bad} taken");
        }
    }

    #[test]
    fn discovery_and_the_origin_go_into_the_page() {
        let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; style-src 'self' 'sha256-x'\"><title>t</title></head><body></body></html>";
        let out = with_discovery(
            page,
            "https://n.example/a.oembed.json",
            "Q & A",
            "https://n.example",
        )
        .unwrap();
        assert!(out.contains("content=\"default-src 'self' https://n.example; style-src 'self' https://n.example 'sha256-x'\""), "{out}");
        assert!(out.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://n.example/a.oembed.json\" title=\"Q &amp; A\">\n</head>"), "{out}");
        assert_eq!(
            with_discovery("<html><head></head></html>", "x", "t", "o"),
            None,
            "no policy"
        );
    }
}
