//! Native render tests: the widget's own components through Yew's server renderer, no browser.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use explainer::evidence::{
    CitationNumber, authored::publish, load_published, published::for_each_citation,
};
use explainer::widget::{Widget, WidgetProps};
use serde_json::json;

async fn render(json: &str, instance: &str) -> String {
    let props = WidgetProps::new(json.to_owned(), instance.to_owned());
    yew::LocalServerRenderer::<Widget>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

fn ids(html: &str) -> Vec<String> {
    html.split(" id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or("").to_owned())
        .collect()
}

#[tokio::test]
async fn the_bundled_set_shows_question_verdict_sections_limits_and_sources() {
    let html = render(explainer::BUNDLED_EVIDENCE, "explainer").await;
    assert!(html.contains("Did Microsoft or Amazon end contracts with ICE and when?"));
    assert!(html.contains("No documented end to either company’s ICE work"));
    assert_eq!(count(&html, "class=\"ex-section\""), 7);
    assert_eq!(
        count(&html, "aria-expanded=\"false\""),
        8,
        "seven sections and the limits, all closed"
    );
    assert_eq!(count(&html, "class=\"ex-panel\""), 8);
    assert_eq!(
        count(&html.to_lowercase(), "hidden=\"until-found\""),
        8,
        "every panel starts hidden, and findable"
    );
    assert!(html.contains("Reporting limits"));
    assert!(html.contains("What this evidence cannot show"));
    assert_eq!(count(&html, "class=\"ex-source\""), 10);
    assert!(html.contains("Expand all sections"));
}

#[tokio::test]
async fn every_citation_marker_is_a_link_to_its_source_with_a_name() {
    let evidence = load_published(explainer::BUNDLED_EVIDENCE).expect("valid");
    let mut markers = 0;
    for (_, _, text) in evidence.document().texts() {
        for_each_citation(text, &mut |_| markers += 1);
    }
    let html = render(explainer::BUNDLED_EVIDENCE, "explainer").await;
    assert_eq!(count(&html, "class=\"ex-marker\""), markers);
    assert!(html.contains(
        "href=\"#explainer-source-4\" aria-label=\"Source 4: Amazon Employees Continue to Urge Company to Cut Ties With ICE\""
    ));
    assert!(html.contains("aria-label=\"Source 9, not identified by the report\""));
    assert_eq!(
        count(&html, ">[5]</a>"),
        evidence.cited_at(CitationNumber(5)).len()
    );
}

#[tokio::test]
async fn sources_say_what_is_known_and_link_back_to_every_citing_sentence() {
    let evidence = load_published(explainer::BUNDLED_EVIDENCE).expect("valid");
    let html = render(explainer::BUNDLED_EVIDENCE, "explainer").await;
    assert_eq!(count(&html, "The report does not identify this source."), 8);
    assert_eq!(
        count(
            &html,
            "The report gives no title or address for this source."
        ),
        1,
        "source 3: Forbes only"
    );
    let places: usize = evidence
        .sources_by_number()
        .iter()
        .map(|s| evidence.cited_at(s.number).len())
        .sum();
    assert_eq!(count(&html, "class=\"ex-src-place\""), places);
    assert!(html.contains(
        "<cite dir=\"auto\">Amazon Employees Continue to Urge Company to Cut Ties With ICE</cite>"
    ));
    // Each part of the byline is isolated: a Latin name keeps its place in Arabic words.
    assert!(html.contains("<bdi>Yahoo Finance</bdi> · <bdi>Michael Tedder</bdi>"));
}

#[tokio::test]
async fn ids_are_unique_within_a_widget_and_apart_between_widgets() {
    let a = ids(&render(explainer::BUNDLED_EVIDENCE, "first").await);
    let b = ids(&render(explainer::BUNDLED_EVIDENCE, "second").await);
    let set_a: HashSet<&String> = a.iter().collect();
    assert_eq!(set_a.len(), a.len(), "duplicate ids in one widget");
    assert!(
        b.iter().all(|id| !set_a.contains(id)),
        "two widgets share an id"
    );
    assert!(a.iter().all(|id| id.starts_with("first-")));
}

#[tokio::test]
async fn every_aria_reference_points_at_an_element_of_the_widget() {
    let html = render(explainer::BUNDLED_EVIDENCE, "explainer").await;
    let ids: HashSet<String> = ids(&html).into_iter().collect();
    for attribute in ["aria-controls", "aria-labelledby"] {
        for rest in html.split(&format!(" {attribute}=\"")).skip(1) {
            let target = rest.split('"').next().unwrap_or("");
            assert!(
                ids.contains(target),
                "{attribute} points at a missing id: {target}"
            );
        }
    }
    for rest in html.split(" href=\"#").skip(1) {
        let target = rest.split('"').next().unwrap_or("");
        assert!(
            ids.contains(target),
            "in-page link to a missing id: {target}"
        );
    }
}

#[tokio::test]
async fn evidence_text_is_shown_as_text_never_as_markup() {
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    let authored = json!({
        "version": 1, "form": "authored",
        "question": hostile,
        "verdict": { "label": hostile, "sentences": [format!("{hostile} [1].")] },
        "sections": [{ "id": "a", "title": hostile, "sentences": [format!("*{hostile}* `{hostile}` [1].")] }],
        "limits": [hostile],
        "sources": [{ "number": 1, "title": hostile, "publisher": hostile, "excerpts": [hostile], "note": hostile }]
    });
    let published = publish(&authored.to_string())
        .expect("hostile text is still valid text")
        .to_json(false);
    let html = render(&published, "x").await;
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[tokio::test]
async fn links_in_text_open_in_a_new_tab_without_an_opener() {
    let authored = include_str!("fixtures/valid/bridge.json");
    let html = render(&publish(authored).expect("valid").to_json(false), "b").await;
    let blank = count(&html, "target=\"_blank\"");
    assert!(blank >= 2, "the text link and the source title link");
    assert_eq!(
        count(&html, "target=\"_blank\" rel=\"noopener noreferrer\""),
        blank
    );
    assert!(
        html.contains("<em>north</em>")
            && html.contains("<strong>Monday</strong>")
            && html.contains("<code>EB-12</code>")
    );
    assert!(
        html.contains("&lt;b&gt;nothing&lt;/b&gt;"),
        "raw HTML shows as text"
    );
}

#[tokio::test]
async fn the_byline_under_the_verdict_says_who_wrote_edited_and_published_it() {
    let authored = include_str!("fixtures/valid/bridge.json");
    let html = render(&publish(authored).expect("valid").to_json(false), "b").await;
    let credits = "<p class=\"ex-credits\">By <bdi>Alex Example</bdi> and <bdi>Robin Example</bdi>. Edited by <bdi>Sam Example</bdi>. Published by <bdi>Example Gazette</bdi>.</p>";
    assert_eq!(count(&html, credits), 1);
    // Under the verdict: after its sentences, inside its section.
    let answer = html
        .find("class=\"ex-answer\"")
        .expect("the verdict's sentences");
    let verdict_end = answer
        + html[answer..]
            .find("</section>")
            .expect("the verdict's end");
    let at = html.find(credits).expect("credits");
    assert!(answer < at && at < verdict_end);
    // The bundled set names nobody, and shows no line.
    let bundled = render(explainer::BUNDLED_EVIDENCE, "x").await;
    assert!(!bundled.contains("ex-credits"));
}

#[tokio::test]
async fn a_source_with_an_archived_copy_offers_it_beside_the_original() {
    let authored = include_str!("fixtures/valid/bridge.json");
    let html = render(&publish(authored).expect("valid").to_json(false), "b").await;
    let archived = "<span class=\"ex-src-archived\"><a href=\"https://archive.example.org/2026-11-19/example.org/notice\" target=\"_blank\" rel=\"noopener noreferrer\">Archived copy<span class=\"ex-vh\"> (opens in a new tab)</span></a>, captured November 19, 2026</span>";
    assert_eq!(count(&html, archived), 1, "in the source list");
    // Beside the original: right after the source's title link.
    // The source list closes the page: the last link to the original is its title.
    let original = html
        .rfind("href=\"https://example.org/notice\"")
        .expect("the original");
    assert!(html[original..].find(archived).is_some_and(|at| at < 400));
    // The source without one offers none.
    assert_eq!(count(&html, "ex-src-archived"), 1);
}

#[tokio::test]
async fn a_corrected_verdict_shows_its_correction_and_the_whole_log() {
    let authored = include_str!("fixtures/valid/bridge.json");
    let html = render(&publish(authored).expect("valid").to_json(false), "b").await;
    // Beside the verdict: the latest entry, and the label the correction replaced.
    let note = "<p class=\"ex-changes-note\">Corrected on November 21, 2026. The verdict was \u{201c}<bdi>Yes: the bridge is closed</bdi>\u{201d} until November 21, 2026. <a href=\"#b-changes-button\" class=\"ex-to-changes\">See all corrections and updates</a></p>";
    assert_eq!(count(&html, note), 1, "{html}");
    let label = html.find("class=\"ex-verdict-label\"").expect("label");
    let answer = html.find("class=\"ex-answer\"").expect("answer");
    let at = html.find(note).expect("note");
    assert!(
        label < at && at < answer,
        "between the label and the sentences"
    );
    // The log: a closed disclosure after the limits, its entries newest first.
    let button = "<button type=\"button\" id=\"b-changes-button\" aria-expanded=\"false\" aria-controls=\"b-changes-panel\" class=\"ex-disclosure ex-changes-button\">";
    assert_eq!(count(&html, button), 1, "{html}");
    assert!(html.find("class=\"ex-limits\"") < html.find("class=\"ex-changes\""));
    let panel = html
        .find("id=\"b-changes-panel\" HIDDEN=\"until-found\"")
        .expect("closed, findable panel");
    let correction = html[panel..]
        .find("<strong>Correction</strong>, <time datetime=\"2026-11-21\">November 21, 2026</time>")
        .expect("the correction");
    let clarification = html[panel..]
        .find("<strong>Clarification</strong>, <time datetime=\"2026-11-20\">November 20, 2026</time>")
        .expect("the clarification");
    assert!(correction < clarification, "newest first");
    assert!(html[panel..].contains(
        "<p class=\"ex-change-replaced\">Verdict before this change: <q>Yes: the bridge is closed</q></p>"
    ));
    // Its text is sentence text: markup, links and citation markers.
    assert!(html.contains("id=\"b-change-1\""));
    assert!(html[panel..].contains("<em>all</em>"));
    assert!(
        html.contains("id=\"b-change-2-c1\""),
        "a citation marker in the log"
    );
    // The bundled set was never changed, and shows neither.
    let bundled = render(explainer::BUNDLED_EVIDENCE, "x").await;
    assert!(!bundled.contains("ex-changes"));
}

#[tokio::test]
async fn the_explainer_each_section_and_each_source_offer_a_link_to_copy() {
    let html = render(explainer::BUNDLED_EVIDENCE, "x").await;
    let names: Vec<&str> = html
        .split("class=\"ex-share-button\">Copy link<span class=\"ex-vh\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .collect();
    assert_eq!(names.len(), 1 + 7 + 10, "{names:?}");
    assert_eq!(names[0], " to this fact check");
    assert_eq!(
        names[1],
        " to section 1: The flashpoint: 2018 employee rebellions and public pressure"
    );
    assert_eq!(names[8], " to source 1");
    // Each names its part's deep link, which embed.js makes an address of.
    assert_eq!(count(&html, "data-part=\"source-"), 10);
    assert_eq!(count(&html, "data-part=\"amazon\""), 1);
    assert_eq!(count(&html, "data-part=\"\""), 1, "the whole explainer");
    // Each with a status line, which screen readers announce.
    assert_eq!(
        count(
            &html,
            "<span role=\"status\" data-copied=\"Link copied\" data-shared=\"Link shared\" data-manual=\"Copy this link: \" class=\"ex-share-status\"></span>"
        ),
        18
    );
    // (A page read without script has nothing to press: tests/cli.rs finds no button there.)
}

#[tokio::test]
async fn invalid_evidence_shows_every_problem_in_an_error_panel() {
    let html = render("{ \"version\": 1,", "x").await;
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("This explainer cannot be shown"));
    assert!(html.contains("the JSON ends at line 1 before it is complete"));

    let dangling = include_str!("fixtures/invalid-published/hand-edited.json");
    let html = render(dangling, "x").await;
    assert!(html.contains("The evidence set has 6 problems:"));
    assert!(html.contains("citation [7] has no source"));
    assert!(html.contains("<code class=\"ex-error-path\">verdict.sentences[0]</code>"));
    assert!(!html.contains("ex-question"), "no half-rendered explainer");
}

#[tokio::test]
async fn an_authored_file_given_to_the_widget_says_how_to_publish_it() {
    let html = render(include_str!("fixtures/valid/bridge.json"), "x").await;
    assert!(html.contains("this is an authored evidence file"));
}

/// The element name of the first element with `class` in `html`.
fn tag_of<'a>(html: &'a str, class: &str) -> &'a str {
    let at = html
        .find(&format!("class=\"{class}\""))
        .unwrap_or_else(|| panic!("no element with class {class}"));
    let open = html[..at].rfind('<').expect("an opening tag");
    html[open + 1..at]
        .split_whitespace()
        .next()
        .expect("a name")
}

#[tokio::test]
async fn heading_levels_follow_the_page_outline() {
    let at = |level: u8| async move {
        let mut props = WidgetProps::new(explainer::BUNDLED_EVIDENCE, "x");
        props.presentation.heading = level;
        yew::LocalServerRenderer::<Widget>::with_props(props)
            .hydratable(false)
            .render()
            .await
    };
    let levels = |html: &str| {
        [
            "ex-question",
            "ex-verdict-label",
            "ex-h3",
            "ex-section-heading",
        ]
        .map(|class| tag_of(html, class).to_owned())
    };
    let default = render(explainer::BUNDLED_EVIDENCE, "x").await;
    assert_eq!(levels(&default), ["h2", "h3", "h3", "h4"]);
    assert_eq!(levels(&at(1).await), ["h1", "h2", "h2", "h3"]);
    assert_eq!(levels(&at(4).await), ["h4", "h5", "h5", "h6"]);
    // Out of range is brought into range: a question is never below h4.
    assert_eq!(levels(&at(9).await)[0], "h4");

    let mut props = WidgetProps::new("{", "x");
    props.presentation.heading = 1;
    let panel = yew::LocalServerRenderer::<Widget>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert_eq!(tag_of(&panel, "ex-error-title"), "h1");
}

#[test]
fn the_checker_words_what_the_widget_cannot_use_as_explainer_check_does() {
    use explainer::studio::diagnose;
    // A fetch that failed.
    let failed = diagnose(None, None, "evidence/x.json", Some("HTTP 404".to_owned()));
    assert_eq!(
        failed,
        [(
            "(document)".to_owned(),
            "the evidence could not be loaded from evidence/x.json (HTTP 404): check the src address, and that the file is published beside the page".to_owned()
        )]
    );
    // Bytes that are not UTF-8, at their place.
    let latin1 = diagnose(None, Some(b"{\"q\": \"caf\xe9\"}".to_vec()), "", None);
    assert!(
        latin1[0]
            .1
            .starts_with("the file is not UTF-8 text (first bad byte at line 1, column 11)"),
        "{latin1:?}"
    );
    // Text with problems: each in the tool's words; a good file has none.
    let authored = include_str!("fixtures/valid/bridge.json");
    let words = diagnose(Some(authored), None, "", None);
    assert_eq!(words.len(), 1);
    assert!(words[0].1.starts_with("this is an authored evidence file"));
    assert!(diagnose(Some(explainer::BUNDLED_EVIDENCE), None, "", None).is_empty());
}

#[tokio::test]
async fn a_long_source_list_is_marked_so_only_its_entries_on_screen_are_laid_out() {
    let set = |sources: usize| {
        let cited: String = (1..=sources).map(|n| format!(" [{n}]")).collect();
        let list: Vec<_> = (1..=sources)
            .map(|n| json!({ "number": n, "title": format!("Source title {n}") }))
            .collect();
        let authored = json!({
            "version": 1, "form": "authored",
            "question": "How long is the list?",
            "verdict": { "label": "Long", "sentences": [format!("It is long{cited}.")] },
            "sections": [{ "id": "a", "title": "A", "sentences": ["Short [1]."] }],
            "limits": ["None [1]."],
            "sources": list
        });
        publish(&authored.to_string())
            .expect("valid")
            .to_json(false)
    };
    let limit = explainer::widget::source_list::LONG_LIST;
    let long = render(&set(limit + 1), "l").await;
    assert_eq!(count(&long, "class=\"ex-source-list ex-long\""), 1);
    let short = render(&set(limit), "s").await;
    assert_eq!(count(&short, "class=\"ex-source-list\""), 1);
}

#[tokio::test]
async fn a_set_in_a_language_written_right_to_left_is_rendered_right_to_left() {
    let arabic = include_str!("../www/evidence/example-ar.json");
    let html = render(&publish(arabic).expect("valid").to_json(false), "ar").await;
    assert_eq!(count(&html, "lang=\"ar\" dir=\"rtl\""), 1, "{html}");
    let english = render(explainer::BUNDLED_EVIDENCE, "en").await;
    assert_eq!(count(&english, "dir=\"rtl\""), 0);
}

/// Every English phrase the widget adds (en.toml's words, cut at their `{placeholders}`), long
/// enough to mean something on its own.
fn english_phrases() -> Vec<String> {
    let table: toml::Table = include_str!("../src/locales/en.toml")
        .parse()
        .expect("en.toml");
    let words = table["words"].as_table().expect("[words]");
    let texts = words.values().flat_map(|value| match value {
        toml::Value::Table(forms) => forms.values().filter_map(|v| v.as_str()).collect(),
        other => vec![other.as_str().unwrap_or_default()],
    });
    texts
        .flat_map(|text| text.split(['{', '}']).map(str::trim).collect::<Vec<_>>())
        .filter(|fragment| fragment.chars().filter(|c| c.is_alphabetic()).count() >= 5)
        .map(str::to_owned)
        .collect()
}

/// The text of `html` a reader meets: its text and the attributes screen readers say or the
/// page's script shows, without the markup's own names.
fn said(html: &str) -> String {
    let mut out = String::new();
    let html = html.replace("<bdi>", "").replace("</bdi>", "");
    for part in html.split('<').skip(1) {
        let (tag, text) = part.split_once('>').unwrap_or((part, ""));
        for attribute in [
            "aria-label=\"",
            "data-copied=\"",
            "data-shared=\"",
            "data-manual=\"",
        ] {
            if let Some(at) = tag.find(attribute) {
                out.push_str(tag[at + attribute.len()..].split('"').next().unwrap_or(""));
                out.push('\n');
            }
        }
        out.push_str(text);
        out.push('\n');
    }
    out
}

#[tokio::test]
async fn a_set_in_spanish_or_arabic_says_every_word_the_widget_adds_in_its_language() {
    let phrases = english_phrases();
    assert!(phrases.len() > 40, "{phrases:?}");
    for (file, words) in [
        (
            include_str!("../www/evidence/example-es.json"),
            [
                "Verificación",
                "Fuentes",
                "Veredicto",
                "Actualizado el 12 de marzo de 2026. El veredicto era «Sí, todos los días» hasta el 11 de marzo de 2026.",
            ],
        ),
        (
            include_str!("../www/evidence/example-ar.json"),
            ["تدقيق الحقائق", "المصادر", "الحكم", "صُحّح في 5 أبريل 2026."],
        ),
    ] {
        let html = render(&publish(file).expect("valid").to_json(false), "x").await;
        let text = said(&html);
        for word in words {
            assert!(text.contains(word), "{word} in {text}");
        }
        let english: Vec<&String> = phrases
            .iter()
            .filter(|p| text.contains(p.as_str()))
            .collect();
        assert!(english.is_empty(), "English left: {english:?}");
    }
    // The oracle sees English where there is some.
    let english = said(&render(explainer::BUNDLED_EVIDENCE, "x").await);
    assert!(
        phrases
            .iter()
            .filter(|p| english.contains(p.as_str()))
            .count()
            > 15
    );
}

#[tokio::test]
async fn the_embed_language_overrides_the_sets_for_the_words_the_widget_adds() {
    let mut props = WidgetProps::new(explainer::BUNDLED_EVIDENCE, "x");
    props.presentation.language = Some("es-MX".into());
    let html = yew::LocalServerRenderer::<Widget>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains(">Verificación<") && html.contains(">Fuentes<"));
    // The set's own text stays in its language, and the root says so.
    assert!(html.contains("lang=\"en\""), "{html}");
    assert!(!html.contains(">Sources<"));
    // A set that says no language: the root has the language of the widget's words.
    let mut unsaid: serde_json::Value = serde_json::from_str(explainer::BUNDLED_EVIDENCE).unwrap();
    unsaid["meta"].as_object_mut().unwrap().remove("language");
    let unsaid = unsaid.to_string();
    for (language, lang) in [(None, "en"), (Some("fr"), "fr")] {
        let mut props = WidgetProps::new(unsaid.clone(), "x");
        props.presentation.language = language.map(Into::into);
        let html = yew::LocalServerRenderer::<Widget>::with_props(props)
            .hydratable(false)
            .render()
            .await;
        assert!(
            html.starts_with(&format!("<article lang=\"{lang}\"")),
            "{}",
            &html[..80]
        );
    }
}
