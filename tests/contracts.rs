//! The contracts between the widget's wasm and the page's scripts, held equal on both sides:
//! each is defined once in Rust, and the script's side is checked against it here.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;

use explainer::widget::MountOptions;

/// The `@property` names of the JSDoc `@typedef` called `name` in `script`.
fn typedef_properties(script: &str, name: &str) -> BTreeSet<String> {
    let start = script
        .find(&format!("@typedef {{object}} {name}"))
        .unwrap_or_else(|| panic!("no @typedef {name}"));
    let end = start
        + script[start..]
            .find("*/")
            .expect("end of the typedef's comment");
    script[start..end]
        .lines()
        .filter_map(|line| {
            line.split_once("@property {")?
                .1
                .split_once("} [")?
                .1
                .split_once(']')
        })
        .map(|(field, _)| field.to_owned())
        .collect()
}

#[test]
fn embed_js_describes_the_mount_options_the_widget_reads() {
    let embed = fs::read_to_string("www/embed.js").unwrap();
    let script = typedef_properties(&embed, "MountOptions");
    let rust: BTreeSet<String> = MountOptions::FIELDS
        .iter()
        .map(|f| (*f).to_owned())
        .collect();
    assert_eq!(
        script, rust,
        "embed.js's MountOptions typedef (left) and src/widget/mount.rs (right) name different fields"
    );
}

#[test]
fn deep_links_are_made_and_read_as_the_shared_cases_say() {
    use explainer::widget::deep_link::{fragment, part};
    let fixture: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("tests/fixtures/deep-links.json").unwrap())
            .unwrap();
    let cases = fixture["cases"].as_array().expect("cases");
    assert!(cases.len() >= 8, "the fixture lost its cases");
    for case in cases {
        let instance = case["instance"].as_str().unwrap();
        let own_page = case["ownPage"].as_bool().unwrap();
        let link = case["fragment"].as_str().unwrap();
        let expected = case["part"].as_str();
        assert_eq!(part(link, instance, own_page), expected, "reading {case}");
        assert_eq!(
            part(&format!("#{link}"), instance, own_page),
            expected,
            "reading {case} with its #"
        );
        if case["readOnly"].as_bool() != Some(true) {
            let made = fragment(instance, own_page, expected.unwrap());
            assert_eq!(made, link, "making {case}");
        }
    }
}

/// The names after `prefix` in `text` (`button.dataset.` gives `part`, `title`).
fn names_after(text: &str, prefix: &str) -> BTreeSet<String> {
    text.match_indices(prefix)
        .map(|(at, _)| {
            text[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The `data-*` attribute names (without `data-`) of the elements with class `class`.
fn data_attributes(html: &str, class: &str) -> BTreeSet<String> {
    html.split('<')
        .filter(|tag| tag.contains(&format!("class=\"{class}\"")))
        .flat_map(|tag| names_after(tag, " data-"))
        .collect()
}

#[test]
fn share_buttons_carry_what_embed_js_reads_from_them() {
    let props = explainer::widget::WidgetProps::new(explainer::BUNDLED_EVIDENCE, "x");
    let html = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(
            yew::LocalServerRenderer::<explainer::widget::Widget>::with_props(props)
                .hydratable(false)
                .render(),
        );
    let embed = fs::read_to_string("www/embed.js").unwrap();
    assert!(html.contains("class=\"ex-share-button\"") && embed.contains("'.ex-share-button'"));
    assert!(html.contains("class=\"ex-share-status\"") && embed.contains("'.ex-share-status'"));
    // The button names its part and title; the status line holds a word for each outcome
    // embed.js's share() reports (but `cancelled`, which says nothing).
    assert_eq!(
        names_after(&embed, "button.dataset."),
        data_attributes(&html, "ex-share-button"),
        "what embed.js reads from a share button (left) and what the widget gives it (right)"
    );
    let share = &embed[embed
        .find("async function share(")
        .expect("share() in embed.js")..];
    let share = &share[..share.find("\n}\n").unwrap()];
    let mut outcomes = names_after(share, "return '");
    outcomes.remove("cancelled");
    assert_eq!(
        outcomes,
        data_attributes(&html, "ex-share-status"),
        "the outcomes embed.js says (left) and the words the widget gives for them (right)"
    );
}
