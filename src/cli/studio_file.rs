//! `explainer studio-file`: Explainer Studio as one HTML file that opens from disk and works
//! with no network at all, for editors who write offline (a browser will not load a module's
//! wasm from a folder on disk, so the served studio cannot simply be copied). It carries the
//! studio page, its script and styles, the checker's wasm, the widget for the preview and for
//! the offline files it makes, and the sample.

use std::io::Write;
use std::path::Path;

use super::bundle::WidgetFiles;
use super::io::write_atomically;
use super::io::{io_failure, read_built};
use super::status::{Outcome, Status};
use crate::outputs::{
    BASE64_DECODER, BuiltFiles, base64_text, inert, json_string, policy, single_file_head,
    widget_script,
};

/// The studio's own built files, beside the widget's.
const STUDIO_FILES: [&str; 7] = [
    "studio.html",
    "studio.css",
    "studio.js",
    "explainer-studio.js",
    "explainer-studio_bg.wasm",
    "explainer-publisher.js",
    "explainer-publisher_bg.wasm",
];

/// The samples the studio starts from, in the built folder: the evidence file, and the report
/// and sources file it was imported from.
const SAMPLES: [&str; 3] = [
    "evidence/ice-contracts.json",
    "evidence/ice-contracts.report.txt",
    "evidence/ice-contracts.sources.json",
];

pub(super) fn studio_file(dist: &Path, output: &Path, err: &mut dyn Write) -> Outcome {
    let widget = WidgetFiles::read(dist, err)?;
    let mut studio = Vec::new();
    for name in STUDIO_FILES.iter().chain(&SAMPLES) {
        studio.push(read_built(&dist.join(name), err)?);
    }
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let Some(body) = body_of(&text(&studio[0])) else {
        let _ = writeln!(
            err,
            "explainer: {} is not the studio's page: it needs <body>…</body>",
            dist.join("studio.html").display()
        );
        return Err(Status::Failed);
    };
    let files = widget.built();
    let page = page(&Studio {
        body,
        css: &text(&studio[1]),
        script: &text(&studio[2]),
        checker: (&text(&studio[3]), &studio[4]),
        publisher: (&text(&studio[5]), &studio[6]),
        samples: [&text(&studio[7]), &text(&studio[8]), &text(&studio[9])],
        widget: &files,
    });
    write_atomically(output, page.as_bytes())
        .map_err(|error| io_failure(err, "write", output, &error))?;
    let _ = writeln!(err, "{}: {} bytes", output.display(), page.len());
    Ok(())
}

/// What goes into the studio's single file.
struct Studio<'a> {
    /// The studio page's body, its scripts left out (they come inline).
    body: String,
    css: &'a str,
    script: &'a str,
    /// The checker's wasm-bindgen glue and wasm.
    checker: (&'a str, &'a [u8]),
    /// The publisher's (snippets and offline files).
    publisher: (&'a str, &'a [u8]),
    /// The sample evidence file, report and sources file.
    samples: [&'a str; 3],
    widget: &'a BuiltFiles<'a>,
}

/// The content of the page's `<body>`, without its script elements.
fn body_of(html: &str) -> Option<String> {
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

fn page(s: &Studio<'_>) -> String {
    let widget = s.widget;
    // The widget, as in an offline file: embed.js shows the preview from it.
    let widget_script = widget_script(widget);
    // What the studio would otherwise fetch: the sample, and the widget's files for the
    // offline files it makes (the widget's wasm from the widget script above, which carries it).
    let studio = format!(
        r#"
globalThis.EXPLAINER_STUDIO = {{
  modules: {{}},
  load: (name) => globalThis.EXPLAINER_STUDIO.modules[name](),
  sample: {sample},
  report: {report},
  sources: {sources},
  files: () => [{widget_glue}, globalThis.EXPLAINER_OFFLINE.wasm(), {widget_css}, {page_css}, {embed}],
}};
"#,
        sample = inert(&json_string(s.samples[0])),
        report = inert(&json_string(s.samples[1])),
        sources = inert(&json_string(s.samples[2])),
        widget_glue = inert(&json_string(widget.glue)),
        widget_css = inert(&json_string(widget.widget_css)),
        page_css = inert(&json_string(widget.page_css)),
        embed = inert(&json_string(widget.embed)),
    );
    // Each of the studio's wasm modules in a script of its own (their glues share names),
    // started only when the studio asks for it.
    let module = |name: &str, (glue, wasm): (&str, &[u8]), exports: &str| {
        format!(
            r#"
{glue}
{decoder}
const explainerModuleWasm = "{wasm}";
globalThis.EXPLAINER_STUDIO.modules["{name}"] = () => __wbg_init({{ module_or_path: explainerBytes(explainerModuleWasm) }})
  .then(() => ({{ {exports} }}));
"#,
            glue = inert(glue),
            decoder = BASE64_DECODER,
            wasm = base64_text(wasm),
        )
    };
    let checker = module("explainer-studio", s.checker, "check, importReport, limits");
    let publisher = module("explainer-publisher", s.publisher, "offlineFile, snippet");
    let script = inert(s.script);
    let css = inert(s.css);
    let policy = policy(
        &[&widget_script, &studio, &checker, &publisher, &script],
        &[&css, widget.widget_css],
    );
    // Module scripts run in order: the widget, what the studio finds, its two wasm modules, and
    // the studio.
    let head = single_file_head("en", &policy, "Explainer Studio", &[&css]);
    format!(
        r#"{head}
<body>{body}<script type="module">{widget_script}</script>
<script type="module">{studio}</script>
<script type="module">{checker}</script>
<script type="module">{publisher}</script>
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
