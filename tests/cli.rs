//! The `explainer` binary run as a user runs it: exit codes, standard output and error.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use explainer::evidence::{authored::publish, load_published};
use tempfile::TempDir;

fn explainer(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_explainer"))
        .args(args)
        .output()
        .expect("run explainer")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

/// A scratch folder for one test, removed when the test is done with it.
fn scratch(name: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("explainer-cli-{name}-"))
        .tempdir()
        .expect("scratch folder")
}

#[test]
fn help_is_there_for_the_tool_and_every_command() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["build", "--help"],
        vec!["import", "--help"],
        vec!["render", "--help"],
        vec!["claimreview", "--help"],
        vec!["schema", "--help"],
        vec!["bundle", "--help"],
    ] {
        let output = explainer(&args);
        assert_eq!(code(&output), 0, "{args:?}");
        assert!(stdout(&output).contains("Usage: explainer"), "{args:?}");
    }
    assert!(
        stdout(&explainer(&["--help"]))
            .contains("Exit codes: 0 ok, 1 invalid evidence, 2 usage or I/O error")
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["frob"],
        vec!["check"],
        vec!["check", "--format", "xml", "x.json"],
    ] {
        let output = explainer(&args);
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(
            stderr(&output).contains("error") || stderr(&output).contains("Usage"),
            "{args:?}"
        );
    }
}

#[test]
fn an_explainer_that_states_no_limits_is_warned_not_refused() {
    let folder = scratch("no-limits");
    let dir = folder.path();
    let file = dir.join("no-limits.json");
    let text = fs::read_to_string(fixture("valid/bridge.json")).expect("fixture");
    let without = text.replace(
        "  \"limits\": [\"No source says when the north lane reopens [1].\"],\n",
        "",
    );
    assert_ne!(without, text);
    fs::write(&file, without).expect("write");
    let file = file.display().to_string();
    let output = explainer(&["check", &file]);
    assert_eq!(code(&output), 0, "a warning, not an error");
    assert!(
        stdout(&output).contains(&format!("{file}:1:1: (document): warning: no reporting limits are stated: add \"limits\", what the evidence cannot show, so readers see them under \"Reporting limits\"\n")),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).ends_with(&format!("{file}: ok, 2 warnings\n")));
}

#[test]
fn a_valid_file_checks_ok_with_its_warnings_apart() {
    let file = fixture("valid/bridge.json");
    let output = explainer(&["check", &file]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert!(
        text.contains(&format!(
            "{file}:45:5: sources[1]: warning: source 2 has no title, publisher, author or address: readers will be told the report does not identify it\n"
        )),
        "{text}"
    );
    assert!(
        text.ends_with(&format!("{file}: ok, 1 warning\n")),
        "{text}"
    );
}

#[test]
fn check_prints_every_fixture_message_with_file_line_and_column() {
    for dir in ["invalid", "invalid-published"] {
        for entry in fs::read_dir(fixture(dir)).expect("fixtures") {
            let path = entry.expect("entry").path();
            // Valid files of the other form check clean; those fixtures are about `build` and the
            // widget (tested below and in tests/fixtures.rs).
            let other_form = [
                "published-given-to-build.json",
                "authored-given-to-widget.json",
            ];
            if path.extension().is_none_or(|e| e != "json")
                || other_form.iter().any(|f| path.ends_with(f))
            {
                continue;
            }
            let file = path.display().to_string();
            let output = explainer(&["check", &file]);
            assert_eq!(code(&output), 1, "{file}");
            let expected =
                fs::read_to_string(path.with_extension("expected")).expect("expected messages");
            let printed: Vec<String> = stdout(&output)
                .lines()
                .filter_map(|line| line.strip_prefix(&format!("{file}:")))
                .filter_map(|rest| {
                    // LINE:COL: then the message exactly as the fixture expects it.
                    let mut parts = rest.splitn(3, ':');
                    let (line, column) = (parts.next()?, parts.next()?);
                    assert!(
                        line.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
                        "{rest}"
                    );
                    parts.next().map(|m| m.trim_start().to_owned())
                })
                .collect();
            let expected: Vec<&str> = expected.lines().collect();
            assert_eq!(printed, expected, "{file}");
        }
    }
}

#[test]
fn semantic_problems_point_at_the_line_of_their_value() {
    let file = fixture("invalid/ids-and-numbers.json");
    let text = stdout(&explainer(&["check", &file]));
    assert!(
        text.contains(&format!(
            "{file}:5:13: sections[1].id: section id `same` is already used"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{file}:8:62: sources[2].number: source 2 is already defined"
        )),
        "{text}"
    );
}

#[test]
fn check_speaks_json_for_tools() {
    let bad = fixture("invalid/dangling-and-uncited.json");
    let good = fixture("valid/bridge.json");
    let output = explainer(&["check", "--format", "json", &bad, &good]);
    assert_eq!(code(&output), 1);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    assert_eq!(report[0]["file"], bad.as_str());
    assert_eq!(report[0]["valid"], false);
    assert_eq!(report[0]["errors"][0]["path"], "verdict.sentences[0]");
    assert_eq!(report[0]["errors"][0]["line"], 2);
    assert!(
        report[0]["errors"][0]["message"]
            .as_str()
            .expect("message")
            .starts_with("citation [11] has no source")
    );
    assert_eq!(report[1]["valid"], true);
    assert_eq!(report[1]["warnings"].as_array().expect("warnings").len(), 1);
}

#[test]
fn a_missing_file_is_an_io_error() {
    let output = explainer(&["check", "/nonexistent/evidence.json"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).starts_with("explainer: cannot read /nonexistent/evidence.json:"));
}

#[test]
fn hostile_files_get_clear_messages_and_no_panic() {
    let folder = scratch("hostile");
    let dir = folder.path();
    let mut deep = "[".repeat(100_000);
    deep.push_str(&"]".repeat(100_000));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "latin1.json",
            b"{\"question\": \"caf\xe9\"}".to_vec(),
            "1:18: (document): the file is not UTF-8 text (first bad byte at line 1, column 18): save it as UTF-8\n",
        ),
        (
            "truncated.json",
            b"{\"version\": 1, \"form\": \"authored\",".to_vec(),
            "1:34: (document): the JSON ends at line 1 before it is complete: the file may be cut short, or a bracket or quote is missing\n",
        ),
        (
            "deep.json",
            deep.into_bytes(),
            "1:1: (document): the file holds an array, not an evidence set: an evidence file is one JSON object with \"version\", \"form\", \"question\", \"verdict\", \"sections\" and \"sources\"\n",
        ),
        (
            "deep-inline.json",
            format!(
                "{{\"version\":1,\"form\":\"published\",\"question\":\"q\",\"verdict\":{{\"label\":\"l\",\"sentences\":[{}{}]}}}}",
                "[".repeat(100_000),
                "]".repeat(100_000)
            )
            .into_bytes(),
            "verdict.sentences[0]: expected an inline node, an object such as {\"text\": \"…\"} or {\"cite\": 1} (line 1, column 85)",
        ),
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "(document): the file is not UTF-8 text",
        ),
        (
            "prose.json",
            b"Did Microsoft end its ICE contracts?".to_vec(),
            "1:1: (document): not valid JSON at line 1, column 1: expected value",
        ),
        (
            "huge.json",
            vec![b' '; 50 * 1024 * 1024],
            "1:1: (document): the file is 50.0 MB: an evidence file may be at most 16 MB\n",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = dir.join(name);
        fs::write(&path, bytes).expect("write case");
        let output = explainer(&["check", &path.display().to_string()]);
        assert_eq!(code(&output), 1, "{name}: {}", stderr(&output));
        assert!(
            stdout(&output).contains(message),
            "{name}: {}",
            stdout(&output)
        );
        assert!(stderr(&output).is_empty(), "{name}: {}", stderr(&output));
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let folder = scratch("bom");
    let dir = folder.path();
    let path = dir.join("bom.json");
    let text = fs::read_to_string(fixture("valid/bridge.json")).expect("fixture");
    fs::write(&path, format!("\u{feff}{text}")).expect("write");
    assert_eq!(code(&explainer(&["check", &path.display().to_string()])), 0);
}

#[test]
fn build_writes_the_published_form_the_widget_reads() {
    let folder = scratch("build");
    let dir = folder.path();
    let out = dir.join("bridge.published.json");
    let input = fixture("valid/bridge.json");
    let output = explainer(&["build", &input, "-o", &out.display().to_string()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let written = fs::read_to_string(&out).expect("published file");
    let expected = publish(&fs::read_to_string(&input).expect("input")).expect("valid");
    assert_eq!(
        load_published(&written).expect("loads in the widget"),
        expected
    );
    assert!(stderr(&output).contains("published to"));

    let to_stdout = explainer(&["build", &input]);
    assert_eq!(code(&to_stdout), 0);
    assert_eq!(stdout(&to_stdout), written);
}

#[test]
fn build_refuses_to_write_anything_when_the_file_has_errors() {
    let folder = scratch("refuse");
    let dir = folder.path();
    let out = dir.join("out.json");
    let output = explainer(&[
        "build",
        &fixture("invalid/dangling-and-uncited.json"),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code(&output), 1);
    assert!(!out.exists(), "nothing written");
    let messages = stderr(&output);
    assert!(
        messages.contains("citation [11] has no source"),
        "{messages}"
    );
    assert!(messages.contains("2 errors; nothing written"), "{messages}");
}

#[test]
fn build_says_a_published_file_needs_no_building() {
    let folder = scratch("published");
    let dir = folder.path();
    let path = dir.join("p.json");
    let evidence = publish(&fs::read_to_string(fixture("valid/bridge.json")).expect("fixture"))
        .expect("valid");
    fs::write(&path, evidence.to_json(true)).expect("write");
    let output = explainer(&["build", &path.display().to_string()]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("already published"));
}

#[test]
fn build_reports_an_unwritable_output_as_an_io_error() {
    let output = explainer(&[
        "build",
        &fixture("valid/bridge.json"),
        "-o",
        "/nonexistent/dir/out.json",
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("explainer: cannot write /nonexistent/dir/out.json"));
}

#[test]
fn render_writes_a_static_page_readable_without_script() {
    let folder = scratch("render");
    let dir = folder.path();
    let page = dir.join("bridge.html");
    let output = explainer(&[
        "render",
        &fixture("valid/bridge.json"),
        "-o",
        &page.display().to_string(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = fs::read_to_string(&page).expect("page");
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(html.contains("<title>Is the Elm Street bridge closed?</title>"));
    let body = &html[html.find("<body>").expect("body")..];
    for absent in [
        "<script",
        "<button",
        " hidden",
        "aria-expanded",
        "Expand all",
    ] {
        assert!(!body.contains(absent), "a static page has no {absent}");
    }
    assert!(
        body.contains("What the city closed")
            && body.contains("The city closed the <em>north</em> lane")
    );
    assert!(
        body.contains("No source says when the north lane reopens"),
        "the limits are shown"
    );
    assert!(
        body.contains("Corrected on November 21, 2026.")
            && body.contains("Verdict before this change: <q>Yes: the bridge is closed</q>")
            && body.contains("Buses, not <em>all</em> traffic"),
        "the note beside the verdict, and the whole log, open"
    );
    let ids: Vec<&str> = body
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    for target in body
        .split(" href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
    {
        assert!(
            ids.contains(&target),
            "in-page link to a missing id: {target}"
        );
    }
    assert!(
        body.contains("href=\"#explainer-source-1\""),
        "citations link to the numbered sources"
    );
}

#[test]
fn render_escapes_the_title_and_refuses_invalid_files() {
    let folder = scratch("render-hostile");
    let dir = folder.path();
    let source = dir.join("hostile.json");
    let text = fs::read_to_string(fixture("valid/bridge.json")).expect("fixture");
    fs::write(
        &source,
        text.replace(
            "Is the Elm Street bridge closed?",
            "</title><script>alert(1)</script>",
        ),
    )
    .expect("write");
    let output = explainer(&["render", &source.display().to_string()]);
    assert_eq!(code(&output), 0);
    let html = stdout(&output);
    assert!(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    assert!(!html.contains("<script>"));

    let page = dir.join("never.html");
    let output = explainer(&[
        "render",
        &fixture("invalid/missing-field.json"),
        "-o",
        &page.display().to_string(),
    ]);
    assert_eq!(code(&output), 1);
    assert!(!page.exists());
    assert!(stderr(&output).contains("missing field `sentences`"));
}

/// The JSON inside the script element `explainer claimreview` prints.
fn json_ld(html: &str) -> serde_json::Value {
    let inner = html
        .strip_prefix("<script type=\"application/ld+json\">\n")
        .and_then(|rest| rest.strip_suffix("\n</script>\n"))
        .expect("one script element");
    serde_json::from_str(inner).expect("JSON-LD")
}

#[test]
fn claimreview_has_what_google_requires() {
    let output = explainer(&["claimreview", &fixture("valid/bridge.json")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let review = json_ld(&stdout(&output));
    assert_eq!(review["@context"], "https://schema.org");
    assert_eq!(review["@type"], "ClaimReview");
    assert_eq!(review["claimReviewed"], "Is the Elm Street bridge closed?");
    assert_eq!(review["reviewRating"]["@type"], "Rating");
    assert_eq!(
        review["reviewRating"]["alternateName"],
        "Partly: one lane is closed"
    );
    assert_eq!(
        review["url"],
        "https://example.org/fact-checks/elm-street-bridge"
    );
    assert_eq!(review["author"]["name"], "Example Gazette");
    // The byline: the writers as schema.org creators, the editors as editors, all people.
    let people = |key: &str| -> Vec<(String, String)> {
        review[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} is a list"))
            .iter()
            .map(|p| (p["@type"].to_string(), p["name"].to_string()))
            .collect()
    };
    assert_eq!(
        people("creator"),
        [
            ("\"Person\"".to_owned(), "\"Alex Example\"".to_owned()),
            ("\"Person\"".to_owned(), "\"Robin Example\"".to_owned())
        ]
    );
    assert_eq!(
        people("editor"),
        [("\"Person\"".to_owned(), "\"Sam Example\"".to_owned())]
    );
    assert_eq!(review["datePublished"], "2026-11-20");
    assert_eq!(review["inLanguage"], "en");
    // The log: modified on its latest date, and the correction (not the clarification) told.
    assert_eq!(review["dateModified"], "2026-11-21");
    assert_eq!(
        review["correction"],
        serde_json::json!([{
            "@type": "CorrectionComment",
            "datePublished": "2026-11-21",
            "text": "The first version said the whole bridge was closed; the city notice closes the north lane only [1]."
        }])
    );
    assert_eq!(review["itemReviewed"]["@type"], "Claim");
    assert!(
        stderr(&output).is_empty(),
        "nothing missing: {}",
        stderr(&output)
    );
}

#[test]
fn claimreview_warns_about_what_the_file_lacks() {
    let output = explainer(&["claimreview", "--json", "www/evidence/ice-contracts.json"]);
    assert_eq!(code(&output), 0);
    let review: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("bare JSON");
    assert_eq!(
        review["reviewRating"]["alternateName"],
        "No documented end to either company’s ICE work"
    );
    assert!(review.get("url").is_none(), "no url is invented");
    let warnings = stderr(&output);
    let expected = [
        "warning: Google requires \"url\", the address of the page hosting the fact check: add \"url\" to \"meta\"",
        "warning: Google recommends \"author\", who publishes the fact check: add \"publisher\" to \"meta\"",
        "warning: Google recommends \"datePublished\": add \"published\" (YYYY-MM-DD) to \"meta\"",
    ];
    let lines: Vec<&str> = warnings.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{warnings}");
    for (line, expected) in lines.iter().zip(expected) {
        assert_eq!(
            *line,
            format!("www/evidence/ice-contracts.json: {expected}")
        );
    }
}

#[test]
fn claimreview_text_cannot_close_its_script_element() {
    let folder = scratch("claimreview");
    let dir = folder.path();
    let source = dir.join("hostile.json");
    let text = fs::read_to_string(fixture("valid/bridge.json")).expect("fixture");
    fs::write(
        &source,
        text.replace(
            "Partly: one lane is closed",
            "</script><script>alert(1)</script>",
        ),
    )
    .expect("write");
    let html = stdout(&explainer(&["claimreview", &source.display().to_string()]));
    assert_eq!(html.matches("</script>").count(), 1, "{html}");
    assert_eq!(
        json_ld(&html)["reviewRating"]["alternateName"],
        "</script><script>alert(1)</script>"
    );
}

/// A stand-in for a built dist/ folder, so `bundle` can be tested before any wasm build.
fn fake_dist(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    fs::create_dir_all(&dist).expect("dist");
    for (name, body) in [
        (
            "explainer-widget.js",
            "export function mount() {} /* </script> */",
        ),
        ("explainer.css", ".ex-root { color: red } /* </style> */"),
        ("page.css", "body { margin: 0 }"),
        ("embed.js", "const offline = globalThis.EXPLAINER_OFFLINE;"),
    ] {
        fs::write(dist.join(name), body).expect("part");
    }
    fs::write(dist.join("explainer-widget_bg.wasm"), b"\0asm\x01\0\0\0").expect("wasm");
    dist
}

#[test]
fn bundle_writes_one_self_contained_file() {
    let folder = scratch("bundle");
    let dir = folder.path();
    let dist = fake_dist(dir);
    let out = dir.join("offline.html");
    let source = dir.join("hostile.json");
    let text = fs::read_to_string(fixture("valid/bridge.json")).expect("fixture");
    fs::write(
        &source,
        text.replace(
            "Is the Elm Street bridge closed?",
            "Closed </script><script>alert(1)</script>?",
        ),
    )
    .expect("write");
    let output = explainer(&[
        "bundle",
        "--evidence",
        &source.display().to_string(),
        "--dist",
        &dist.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = fs::read_to_string(&out).expect("page");
    assert!(
        html.contains("const explainerWasm = \"AGFzbQEAAAA=\";"),
        "the wasm, in base64"
    );
    assert!(
        html.contains(
            "<title>Closed &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;?</title>"
        )
    );
    assert_eq!(
        html.matches("</script>").count(),
        2,
        "only the page's own script elements close"
    );
    assert!(
        html.contains("Closed <\\/script><script>alert(1)<\\/script>?"),
        "the evidence, inert"
    );
    assert!(!html.contains(" src=") && !html.contains("<link rel=\"stylesheet\""));
    // Web addresses only on links a reader may follow (the prerendered sources), never on
    // anything the page would load.
    assert!(
        html.split('<')
            .filter(|tag| tag.contains("href=\"http"))
            .all(|tag| tag.starts_with("a ")),
        "nothing loaded from the web"
    );
    assert!(
        html.contains("own-page><div class=\"ex-prerendered\""),
        "the explainer, prerendered in the page itself"
    );
    assert!(stderr(&output).contains("bytes"), "it reports its size");
}

#[test]
fn bundle_needs_a_built_widget_and_valid_evidence() {
    let folder = scratch("bundle-errors");
    let dir = folder.path();
    let out = dir.join("offline.html");
    let output = explainer(&[
        "bundle",
        "--dist",
        &dir.join("nothing").display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("(build the widget first: trunk build --release)"));
    let dist = fake_dist(dir);
    let output = explainer(&[
        "bundle",
        "--evidence",
        &fixture("invalid/missing-field.json"),
        "--dist",
        &dist.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code(&output), 1);
    assert!(!out.exists());
}

#[test]
fn snippet_prints_the_explainer_prerendered_in_a_declarative_shadow_root() {
    let published = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/evidence/library-hours.published.json")
        .display()
        .to_string();
    let output = explainer(&[
        "snippet",
        &published,
        "--base",
        "https://static.example.org/x/",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = stdout(&output);
    assert!(html.starts_with(
        "<evidence-explainer id=\"library-hours\" src=\"library-hours.published.json\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"https://static.example.org/x/explainer.css\">"
    ), "{html}");
    assert!(html.contains("Did the city library cut its weekend opening hours in 2026?"));
    let text = fs::read_to_string(&published).expect("published file");
    let stamp = explainer::widget::stamp::stamp(&text);
    assert!(
        html.contains(&format!("data-stamp=\"{stamp}\"")),
        "stamped with its file"
    );
    assert!(html.ends_with(
        "<script type=\"module\" src=\"https://static.example.org/x/embed.js\"></script>\n"
    ));
}

#[test]
fn fingerprint_gives_the_large_files_hashed_names_that_embed_js_and_the_pages_follow() {
    use sha2::{Digest, Sha256};
    let folder = scratch("fingerprint");
    let dir = folder.path();
    let dist = fake_dist(dir);
    fs::write(
        dist.join("embed.js"),
        "new URL('explainer-widget.js', b);fetch(\"explainer-widget_bg.wasm\");link('explainer.css')",
    )
    .expect("embed");
    // Explainer Studio's script names the files it fetches to make offline files.
    fs::write(
        dist.join("studio.js"),
        "['explainer-widget.js','explainer-widget_bg.wasm','explainer.css','page.css']",
    )
    .expect("studio");
    fs::write(
        dist.join("index.html"),
        BUILT_PAGE.replace(
            "</title>",
            "</title><link rel=stylesheet href=./explainer.css>",
        ),
    )
    .expect("page");
    let output = explainer(&["fingerprint", "--dist", &dist.display().to_string()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let hex = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let glue = format!(
        "explainer-widget-{}.js",
        hex(b"export function mount() {} /* </script> */")
    );
    let wasm = format!("explainer-widget-{}_bg.wasm", hex(b"\0asm\x01\0\0\0"));
    let css = format!(
        "explainer-{}.css",
        hex(b".ex-root { color: red } /* </style> */")
    );
    for name in [&glue, &wasm, &css] {
        assert!(dist.join(name).exists(), "{name} written");
    }
    assert!(
        !dist.join("explainer-widget.js").exists()
            && !dist.join("explainer-widget_bg.wasm").exists()
    );
    assert!(
        dist.join("explainer.css").exists(),
        "the plain stylesheet stays for pasted snippets"
    );
    assert_eq!(
        fs::read_to_string(dist.join("embed.js")).expect("embed"),
        format!("new URL('{glue}', b);fetch(\"{wasm}\");link('{css}')")
    );
    assert_eq!(
        fs::read_to_string(dist.join("studio.js")).expect("studio"),
        format!("['{glue}','{wasm}','{css}','page.css']")
    );
    assert!(
        fs::read_to_string(dist.join("index.html"))
            .expect("page")
            .contains(&format!("href=./{css}>"))
    );
    // The offline bundler finds the files under their new names.
    let out = dir.join("offline.html");
    let output = explainer(&[
        "bundle",
        "--dist",
        &dist.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    // Run again, there is nothing to rename: it says so and fails, rather than name nothing.
    let again = explainer(&["fingerprint", "--dist", &dist.display().to_string()]);
    assert_eq!(code(&again), 2);
    assert!(
        stderr(&again).contains("explainer-widget.js"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn fingerprint_refuses_an_embed_js_that_does_not_name_a_file() {
    let folder = scratch("fingerprint-unnamed");
    let dir = folder.path();
    let dist = fake_dist(dir);
    let output = explainer(&["fingerprint", "--dist", &dist.display().to_string()]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("does not name explainer-widget.js"),
        "{}",
        stderr(&output)
    );
}

/// A built page as Trunk writes it in a release build: minified, attribute quotes gone.
const BUILT_PAGE: &str = "<!doctype html><html lang=en><head><title>Explainer</title><script src=page.js></script></head><body><main class=page><evidence-explainer id=explainer own-page><p>This explainer needs JavaScript and WebAssembly.</p></evidence-explainer></main></body></html>";

#[test]
fn page_renders_the_bundled_set_into_the_built_page() {
    let folder = scratch("page");
    let dir = folder.path();
    let dist = fake_dist(dir);
    fs::write(dist.join("index.html"), BUILT_PAGE).expect("page");
    let output = explainer(&["page", "--dist", &dist.display().to_string()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = stdout(&output);
    let stamp = explainer::widget::stamp::stamp(explainer::BUNDLED_EVIDENCE);
    assert!(
        html.starts_with("<!doctype html><html lang=\"en\"><head><title>Did Microsoft or Amazon end contracts with ICE and when?</title><script src=page.js></script>"),
        "{html}"
    );
    assert!(
        html.contains(&format!("<evidence-explainer id=\"explainer\" own-page><div class=\"ex-prerendered\" data-stamp=\"{stamp}\"><article ")),
        "the explainer in the element, stamped with the bundled set"
    );
    assert!(
        !html.contains("needs JavaScript"),
        "the plain line gives way to the explainer"
    );
    assert!(html.ends_with("</evidence-explainer></main></body></html>"));
    // Written again over its own output, the page is the same: the build can run it twice.
    fs::write(dist.join("index.html"), &html).expect("page");
    let again = explainer(&["page", "--dist", &dist.display().to_string()]);
    assert_eq!(stdout(&again), html);
}

#[test]
fn page_in_another_language_is_rendered_in_it_and_says_so_to_the_widget() {
    let folder = scratch("page-language");
    let dir = folder.path();
    let dist = fake_dist(dir);
    fs::write(dist.join("index.html"), BUILT_PAGE).expect("page");
    let published = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/evidence/library-hours.published.json")
        .display()
        .to_string();
    let dist_arg = dist.display().to_string();
    let output = explainer(&["page", &published, "--dist", &dist_arg, "--language", "es"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = stdout(&output);
    assert!(
        html.starts_with("<!doctype html><html lang=\"es\">"),
        "{html}"
    );
    assert!(
        html.contains("own-page src=\"library-hours.published.json\" language=\"es\"><div class=\"ex-prerendered\""),
        "the element asks the widget for the words it was rendered in"
    );
    assert!(
        html.contains(">Verificación</p>") && html.contains(">Fuentes</h2>"),
        "{html}"
    );
    assert!(!html.contains(">Fact check</p>") && !html.contains(">Sources</h2>"));
    // The set's own text keeps its language on the explainer's root.
    assert!(html.contains(" lang=\"en\""), "{html}");
    assert_eq!(stderr(&output), "", "a language the widget speaks");
    // One it has no words in: made all the same, in English, and said so.
    for args in [
        ["page", &published, "--dist", &dist_arg],
        ["snippet", &published, "--base", "/"],
    ] {
        let output = explainer(&[&args[..], &["--language", "de"]].concat());
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        assert!(stdout(&output).contains(">Fact check</p>"));
        assert!(
            stderr(&output)
                .contains("--language: warning: the widget has no words of its own in \"de\""),
            "{}: {}",
            args[0],
            stderr(&output)
        );
    }
}

/// A page of its own written at a public address (`explainer page --url`) into a fake built
/// folder whose page has `head` before its title; the page made and where things are.
struct AtAddress {
    /// The scratch folder, removed when this is dropped: bind it for the test's life.
    _folder: TempDir,
    dir: PathBuf,
    dist: PathBuf,
    dist_arg: String,
    published: String,
    out: PathBuf,
    out_arg: String,
    url: &'static str,
    html: String,
}

fn page_at_address(name: &str, head: &str) -> AtAddress {
    let folder = scratch(name);
    let dir = folder.path().to_owned();
    let dist = fake_dist(&dir);
    let built = BUILT_PAGE.replace("<title>", &format!("{head}<title>"));
    fs::write(dist.join("index.html"), &built).expect("page");
    let published = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/evidence/library-hours.published.json")
        .display()
        .to_string();
    let out = dist.join("library-hours.html");
    let (dist_arg, out_arg) = (dist.display().to_string(), out.display().to_string());
    let url = "https://news.example/checks/library-hours.html";
    let output = explainer(&[
        "page", &published, "--dist", &dist_arg, "-o", &out_arg, "--url", url,
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = fs::read_to_string(&out).expect("page");
    AtAddress {
        _folder: folder,
        dir,
        dist,
        dist_arg,
        published,
        out,
        out_arg,
        url,
        html,
    }
}

#[test]
fn page_at_a_public_address_writes_its_oembed_response_beside_it() {
    let AtAddress {
        _folder,
        dist,
        dist_arg,
        published,
        out,
        out_arg,
        url,
        html,
        ..
    } = page_at_address(
        "page-oembed",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'\">",
    );
    assert!(
        html.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://news.example/checks/library-hours.oembed.json\" title=\"Did the city library cut its weekend opening hours in 2026?\">\n</head>"),
        "the discovery link, absolute: {html}"
    );
    assert!(
        html.contains("content=\"default-src 'self' https://news.example; script-src 'self' https://news.example 'wasm-unsafe-eval'\""),
        "the policy names the page's origin: {html}"
    );
    let response: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(dist.join("library-hours.oembed.json"))
            .expect("oEmbed response beside the page"),
    )
    .expect("JSON");
    assert_eq!(response["version"], "1.0");
    assert_eq!(response["type"], "rich");
    assert_eq!(
        response["title"],
        "Did the city library cut its weekend opening hours in 2026?"
    );
    assert_eq!(response["provider_url"], "https://news.example");
    assert!(response["width"].is_u64() && response["height"].is_u64());
    let frame = response["html"].as_str().expect("html");
    assert!(
        frame.starts_with("<blockquote class=\"explainer-embed\"><a href=\"https://news.example/checks/library-hours.html\">Did the city library")
            && frame.contains("<iframe src=\"https://news.example/checks/library-hours.html\" ")
            && frame.contains(" title=\"Fact check: Did the city library"),
        "{frame}"
    );
    // An address that is not a page's public address, or nowhere to write the response beside:
    // said, and nothing written.
    fs::remove_file(&out).expect("remove");
    for (bad, says) in [
        (
            "news.example/x.html",
            "not an absolute http or https address",
        ),
        ("javascript://x", "not an absolute http or https address"),
        ("https://news.example/x.html#part", "with no ? or # part"),
    ] {
        let output = explainer(&[
            "page", &published, "--dist", &dist_arg, "-o", &out_arg, "--url", bad,
        ]);
        assert_eq!(code(&output), 2, "{bad}");
        let said = stderr(&output);
        assert!(
            said.contains(&format!("--url {bad}: ")) && said.contains(says),
            "{said}"
        );
        assert!(!out.exists(), "nothing written for {bad}");
    }
    let output = explainer(&["page", &published, "--dist", &dist_arg, "--url", url]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("--url needs -o FILE"),
        "{}",
        stderr(&output)
    );
}

/// Each `<meta>` tag of `html` by its `property` or `name`, with its content unescaped.
fn meta_tags(html: &str) -> Vec<(String, String)> {
    let attribute = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = start + tag[start..].find('"')?;
        Some(
            tag[start..end]
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        )
    };
    html.split("<meta ")
        .skip(1)
        .filter_map(|rest| {
            let tag = format!(" {}", &rest[..rest.find('>')?]);
            let tag = tag.as_str();
            let key = attribute(tag, "property").or_else(|| attribute(tag, "name"))?;
            Some((key, attribute(tag, "content")?))
        })
        .collect()
}

#[test]
fn page_at_a_public_address_names_its_share_image_with_absolute_addresses() {
    let AtAddress {
        _folder,
        dir,
        dist,
        dist_arg,
        published,
        out,
        out_arg,
        url,
        html,
    } = page_at_address(
        "page-card",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"><meta name=\"description\" content=\"the template's\">",
    );
    let tags = meta_tags(&html);
    let one = |key: &str| {
        let found: Vec<&String> = tags
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v)
            .collect();
        assert_eq!(found.len(), 1, "one {key}: {tags:?}");
        found[0].clone()
    };
    // The image beside the page is the one `explainer card` makes of the same set.
    let card_path = dir.join("card.png");
    let card = explainer(&["card", &published, "-o", &card_path.display().to_string()]);
    assert_eq!(code(&card), 0, "{}", stderr(&card));
    let png = fs::read(dist.join("library-hours.png")).expect("the image beside the page");
    assert_eq!(png, fs::read(&card_path).expect("card"), "the same image");
    let image = resvg::tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    assert_eq!(
        one("og:image"),
        "https://news.example/checks/library-hours.png"
    );
    assert_eq!(one("og:url"), url);
    assert_eq!(one("og:image:width"), image.width().to_string());
    assert_eq!(one("og:image:height"), image.height().to_string());
    assert_eq!(one("og:image:type"), "image/png");
    assert_eq!(one("og:image:alt"), stdout(&card).trim_end());
    assert_eq!(one("twitter:image:alt"), stdout(&card).trim_end());
    assert_eq!(one("twitter:card"), "summary_large_image");
    assert_eq!(one("og:type"), "article");
    let evidence =
        load_published(&fs::read_to_string(&published).expect("the set")).expect("valid");
    let doc = evidence.document();
    assert_eq!(one("og:title"), doc.question);
    let description = one("description");
    assert_eq!(
        one("og:description"),
        description,
        "one description, the set's"
    );
    assert!(
        description.starts_with(&format!("Verdict: {}.", doc.verdict.label))
            && !description.contains("[1]")
            && description.chars().count() <= 201,
        "{description}"
    );
    for (key, value) in &tags {
        if key == "og:url" || key == "og:image" {
            assert!(
                value.starts_with("https://news.example/"),
                "{key} absolute: {value}"
            );
        }
    }

    // A set the card cannot draw is refused whole, naming the field; nothing is written.
    fs::remove_file(&out).expect("remove");
    fs::remove_file(dist.join("library-hours.png")).expect("remove");
    fs::remove_file(dist.join("library-hours.oembed.json")).expect("remove");
    let mut set: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&published).expect("set")).expect("JSON");
    set["verdict"]["label"] = serde_json::Value::from("Да");
    let cyrillic = dir.join("cyrillic.published.json");
    fs::write(&cyrillic, set.to_string()).expect("write");
    let output = explainer(&[
        "page",
        &cyrillic.display().to_string(),
        "--dist",
        &dist_arg,
        "-o",
        &out_arg,
        "--url",
        url,
    ]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("verdict.label: the share image's fonts cannot draw"),
        "{}",
        stderr(&output)
    );
    assert!(
        !out.exists()
            && !dist.join("library-hours.png").exists()
            && !dist.join("library-hours.oembed.json").exists()
    );
}

#[test]
fn pages_without_an_address_say_their_title_and_description_but_name_no_image() {
    let folder = scratch("render-share");
    let dir = folder.path();
    let out = dir.join("page.html");
    let output = explainer(&[
        "render",
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("www/evidence/example-es.json")
            .display()
            .to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let tags = meta_tags(&fs::read_to_string(&out).expect("page"));
    let value = |key: &str| tags.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    assert_eq!(
        value("og:title"),
        Some("¿Amplió la ciudad de ejemplo el horario del autobús nocturno en 2026?")
    );
    assert!(
        value("og:description")
            .is_some_and(|d| d.starts_with("Veredicto: Sí, pero solo los fines de semana."))
    );
    assert_eq!(value("og:description"), value("description"));
    assert_eq!(
        value("og:image"),
        None,
        "a file has no address for an image"
    );
    assert_eq!(value("twitter:card"), Some("summary"));
}

#[test]
fn page_of_a_published_file_names_it_and_refuses_what_is_not_one() {
    let folder = scratch("page-file");
    let dir = folder.path();
    let dist = fake_dist(dir);
    fs::write(dist.join("index.html"), BUILT_PAGE).expect("page");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/evidence");
    let published = root
        .join("library-hours.published.json")
        .display()
        .to_string();
    let out = dist.join("library-hours.html");
    let dist_arg = dist.display().to_string();
    let output = explainer(&[
        "page",
        &published,
        "--src",
        "/files/a&b.json",
        "--dist",
        &dist_arg,
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = fs::read_to_string(&out).expect("written");
    assert!(
        html.contains("<title>Did the city library cut its weekend opening hours in 2026?</title>")
    );
    assert!(html.contains("<evidence-explainer id=\"explainer\" own-page src=\"/files/a&amp;b.json\"><div class=\"ex-prerendered\""), "{html}");
    let authored = root.join("library-hours.json").display().to_string();
    let output = explainer(&["page", &authored, "--dist", &dist_arg]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("is not a published evidence file"));
    // No built page, or a page that is not the widget's: said, and nothing written.
    let output = explainer(&["page", "--dist", &dir.join("nothing").display().to_string()]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("(build the widget first: trunk build --release)"));
    fs::write(
        dist.join("index.html"),
        "<html><title>x</title><body></body></html>",
    )
    .expect("page");
    let output = explainer(&["page", "--dist", &dist_arg]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("is not the widget's page"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn snippet_refuses_an_authored_file_and_says_what_to_do() {
    let authored = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/evidence/library-hours.json")
        .display()
        .to_string();
    let output = explainer(&["snippet", &authored]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("is not a published evidence file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_set_in_a_language_the_widget_does_not_speak_is_warned_that_its_words_stay_english() {
    let folder = scratch("no-words");
    let dir = folder.path();
    let text = fs::read_to_string(fixture("valid/bridge.json")).expect("fixture");
    for (language, warned) in [("de-AT", true), ("es-MX", false), ("en-GB", false)] {
        let file = dir.join(format!("{language}.json"));
        let changed = text.replace(
            "\"language\": \"en\"",
            &format!("\"language\": \"{language}\""),
        );
        assert_ne!(changed, text);
        fs::write(&file, changed).expect("write");
        let file = file.display().to_string();
        let output = explainer(&["check", &file]);
        assert_eq!(code(&output), 0, "a warning, not an error");
        let warning = format!(
            "{file}:5:25: meta.language: warning: the widget has no words of its own in \"{language}\": its headings, buttons and dates will be in English (docs/authoring.md, \"Adding a language\", says how to add them)\n"
        );
        assert_eq!(
            stdout(&output).contains(&warning),
            warned,
            "{}",
            stdout(&output)
        );
    }
}
