//! The widget's wasm entry point: mounts the explainer on the bundled evidence set.

#[cfg(target_arch = "wasm32")]
fn main() {
    use explainer::widget::{Widget, WidgetProps};

    let props = WidgetProps {
        json: explainer::BUNDLED_EVIDENCE.into(),
        instance: "explainer".into(),
        interactive: true,
    };
    let document = web_sys::window().and_then(|w| w.document());
    // This entry point owns its page, so the page is titled by the question (WCAG 2.4.2),
    // whatever evidence set was bundled.
    if let (Some(document), Ok(evidence)) = (
        &document,
        explainer::evidence::load_published(explainer::BUNDLED_EVIDENCE),
    ) {
        document.set_title(&evidence.document().question);
    }
    let mount = document.and_then(|d| d.get_element_by_id("explainer"));
    match mount {
        Some(element) => yew::Renderer::<Widget>::with_root_and_props(element, props).render(),
        None => yew::Renderer::<Widget>::with_props(props).render(),
    };
}

/// The widget runs in a browser; natively there is nothing to mount.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("explainer-widget runs in a browser: build it with `trunk build` (see README.md)");
    std::process::exit(2);
}
