//! The widget's views through Yew's server renderer: the explainer as the widget first renders
//! it, which every output but the static page carries.

use crate::widget::{Widget, WidgetProps, stamp::stamp};

/// The HTML the widget's views make of `props` through Yew's server renderer, with no
/// hydration markers (the widget takes prerendered markup over by rendering afresh).
pub async fn server_render<C: yew::BaseComponent>(props: C::Properties) -> String {
    yew::LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The explainer as the widget first renders it with `props`, in the root `embed.js` takes
/// over, stamped with the evidence text the page will hand the widget (`props.json`).
pub async fn prerendered(props: WidgetProps) -> String {
    let stamp = stamp(&props.json);
    let markup = server_render::<Widget>(props).await;
    format!("<div class=\"ex-prerendered\" data-stamp=\"{stamp}\">{markup}</div>")
}
