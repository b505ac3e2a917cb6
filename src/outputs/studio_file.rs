//! Explainer Studio as one HTML file that opens from disk and works with no network at all
//! (`explainer studio-file`): the studio page, its script and styles, the checker's wasm, the
//! widget for the preview and for the offline files it makes, and the sample.

use super::html::{inert, json_string};
use super::offline_file::widget_script;
use super::single_file::{
    BASE64_DECODER, BuiltFiles, base64_text, filled, policy, single_file_head,
};

/// What goes into the studio's single file.
pub struct Studio<'a> {
    /// The studio page's body, its scripts left out (they come inline).
    pub body: String,
    /// `studio.css`.
    pub css: &'a str,
    /// `studio.js`.
    pub script: &'a str,
    /// The checker's wasm-bindgen glue and wasm.
    pub checker: (&'a str, &'a [u8]),
    /// The publisher's (snippets and offline files).
    pub publisher: (&'a str, &'a [u8]),
    /// The card maker's (the share image).
    pub card: (&'a str, &'a [u8]),
    /// The sample evidence file, report and sources file.
    pub samples: [&'a str; 3],
    /// The widget's built files, for the preview and the offline files the studio makes.
    pub widget: &'a BuiltFiles<'a>,
}

/// The content of the page's `<body>`, without its script elements.
pub fn body_of(html: &str) -> Option<String> {
    let start = html.find("<body>")? + "<body>".len();
    let end = start + html[start..].find("</body>")?;
    let mut body = String::new();
    let mut rest = &html[start..end];
    while let Some(at) = rest.find("<script") {
        body.push_str(&rest[..at]);
        let close = rest[at..].find("</script>")? + "</script>".len();
        rest = &rest[at + close..];
    }
    body.push_str(rest);
    Some(body)
}

/// The studio's single file.
pub fn studio_file(s: &Studio<'_>) -> String {
    let widget = s.widget;
    // The widget, as in an offline file: embed.js shows the preview from it.
    let widget_script = widget_script(widget);
    // What the studio would otherwise fetch: the sample, and the widget's files for the
    // offline files it makes (the widget's wasm from the widget script above, which carries it).
    let studio = filled(
        include_str!("scripts/studio-finds.js"),
        &[
            ("sample", &inert(&json_string(s.samples[0]))),
            ("report", &inert(&json_string(s.samples[1]))),
            ("sources", &inert(&json_string(s.samples[2]))),
            ("glue", &inert(&json_string(widget.glue))),
            ("widget_css", &inert(&json_string(widget.widget_css))),
            ("page_css", &inert(&json_string(widget.page_css))),
            ("embed", &inert(&json_string(widget.embed))),
        ],
    );
    // Each of the studio's wasm modules in a script of its own (their glues share names),
    // started only when the studio asks for it.
    let module = |name: &str, (glue, wasm): (&str, &[u8]), exports: &str| {
        let script = filled(
            include_str!("scripts/studio-module.js"),
            &[
                ("glue", &inert(glue)),
                ("decoder", BASE64_DECODER),
                ("wasm", &base64_text(wasm)),
                ("name", name),
                ("exports", exports),
            ],
        );
        format!("\n{script}")
    };
    let checker = module("explainer-studio", s.checker, "check, importReport, limits");
    let publisher = module("explainer-publisher", s.publisher, "offlineFile, snippet");
    let card = module("explainer-card", s.card, "card");
    let script = inert(s.script);
    let css = inert(s.css);
    let policy = policy(
        &[
            &widget_script,
            &studio,
            &checker,
            &publisher,
            &card,
            &script,
        ],
        &[&css, widget.widget_css],
    );
    // Module scripts run in order: the widget, what the studio finds, its three wasm modules, and
    // the studio.
    let head = single_file_head("en", &policy, "Explainer Studio", "", &[&css]);
    format!(
        r#"{head}
<body>{body}<script type="module">{widget_script}</script>
<script type="module">{studio}</script>
<script type="module">{checker}</script>
<script type="module">{publisher}</script>
<script type="module">{card}</script>
<script type="module">{script}</script>
</body>
</html>
"#,
        body = s.body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_keeps_everything_but_its_scripts() {
        let html = "<html><head><script src=a.js></script></head><body><main>x</main>\
                    <script type=\"module\" src=\"b.js\"></script><p>y</p></body></html>";
        assert_eq!(body_of(html).as_deref(), Some("<main>x</main><p>y</p>"));
        assert_eq!(body_of("<html></html>"), None);
    }
}
