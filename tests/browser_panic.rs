//! A panic in the widget's code, in a browser: every widget on the page is replaced by the
//! fallback message instead of freezing. Its own test binary, so the panic cannot disturb the
//! other browser tests.
#![cfg(target_arch = "wasm32")]

use explainer::locales::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_test::*;
use web_sys::Element;

#[path = "support/browser.rs"]
mod support;

use support::{mount, until};

wasm_bindgen_test_configure!(run_in_browser);

fn text(host: &Element) -> String {
    host.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_panic_replaces_every_widget_by_the_fallback_message_even_one_built_off_the_page() {
    let bundled = explainer::BUNDLED_EVIDENCE;
    let (first, second) = (mount(bundled, "one"), mount(bundled, "two"));
    until("both render", || {
        text(&first).contains("Did Microsoft") && text(&second).contains("Did Microsoft")
    })
    .await;
    // A third, being built off the page when the panic comes, in place of a loading line.
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let loading = document.create_element("p").expect("p");
    loading.set_text_content(Some("Loading…"));
    document
        .body()
        .expect("body")
        .append_child(&loading)
        .expect("append");
    let third = document.create_element("div").expect("div");
    loading.set_id("loading-three");
    // Plain script, as embed.js's is: the panic hook cannot call back into the widget's code.
    js_sys::Reflect::set(
        &web_sys::window().expect("window"),
        &"__third".into(),
        &third,
    )
    .expect("set");
    let put_in_place = js_sys::Function::new_with_args(
        "swap",
        "if (swap) document.getElementById('loading-three').replaceWith(window.__third); return '';",
    );
    let mut props = explainer::widget::WidgetProps::new(bundled, "three");
    props.takeover = Some(explainer::widget::Takeover::new(
        put_in_place,
        None,
        bundled,
    ));
    explainer::widget::mount(third.clone(), props);

    // A panic in a task of its own, as a bug in an event handler or a timer would raise.
    let fail = Closure::once_into_js(|| -> () { panic!("a bug in the widget") });
    web_sys::window()
        .expect("window")
        .set_timeout_with_callback(fail.unchecked_ref())
        .expect("timer");

    // The page says no language, nor the embed: the message is in English.
    let stopped = Locale::english().words.stopped_working;
    let messages = || {
        let list = document
            .query_selector_all(".ex-fallback")
            .expect("selector");
        (0..list.length())
            .filter_map(|i| list.get(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect::<Vec<_>>()
    };
    until("the fallback shows for all three", || messages().len() == 3).await;
    for message in messages() {
        assert_eq!(text(&message), stopped);
        assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    }
    assert!(
        [&first, &second, &third, &loading]
            .iter()
            .all(|e| !e.is_connected()),
        "each message in its widget's place, the one being built off the page's in its loading line's"
    );
    // The widget that was being built goes on with its parts, out of sight.
    until("its last part is built", || {
        third.query_selector(".ex-sources").ok().flatten().is_some()
    })
    .await;
    assert_eq!(messages().len(), 3);
    assert!(!third.is_connected(), "it stays off the page");
}
