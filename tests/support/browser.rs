//! What the browser test files share: mounting a widget on the test page and waiting for a
//! condition (polling, never a fixed wait).

use std::time::Duration;

use explainer::widget::WidgetProps;
use gloo_timers::future::sleep;
use web_sys::Element;

/// How long a condition may take to come true before the test fails.
// Generous: a busy machine slows the browser, and passing tests never wait it out.
const PATIENCE: Duration = Duration::from_secs(10);

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a widget on `json` in a new element at the end of the page, as `embed.js` does.
pub fn mount(json: &str, instance: &str) -> Element {
    let host = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let props = WidgetProps::new(json.to_owned(), instance.to_owned());
    explainer::widget::mount(host.clone(), props);
    host
}

/// Waits until `condition` holds; fails the test, naming `what`, if it takes too long.
pub async fn until(what: &str, mut condition: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    while !condition() {
        assert!(
            js_sys::Date::now() - start < PATIENCE.as_millis() as f64,
            "timed out waiting until {what}"
        );
        sleep(Duration::from_millis(10)).await;
    }
}
