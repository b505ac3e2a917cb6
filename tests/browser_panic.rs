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
async fn a_panic_replaces_every_widget_by_the_fallback_message() {
    let bundled = explainer::BUNDLED_EVIDENCE;
    let (first, second) = (mount(bundled, "one"), mount(bundled, "two"));
    until("both render", || {
        text(&first).contains("Did Microsoft") && text(&second).contains("Did Microsoft")
    })
    .await;

    // A panic in a task of its own, as a bug in an event handler or a timer would raise.
    let fail = Closure::once_into_js(|| -> () { panic!("a bug in the widget") });
    web_sys::window()
        .expect("window")
        .set_timeout_with_callback(fail.unchecked_ref())
        .expect("timer");

    // The page says no language, nor the embed: the message is in English.
    let stopped = Locale::english().words.stopped_working;
    until("the fallback shows in both", || {
        text(&first) == stopped && text(&second) == stopped
    })
    .await;
    let message = first.first_element_child().expect("the message");
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
}
