//! The heading of a disclosure (a section, the reporting limits): a button that opens and closes
//! its panel, or on a static page a plain heading, since there is no script to open anything.

use yew::prelude::*;

use super::context::Shared;

/// What a disclosure heading needs.
pub struct Heading {
    /// The id of the button (or of the heading on a static page); navigation focuses it.
    pub id: String,
    /// The id of the panel it controls.
    pub panel: String,
    /// Whether the panel is open.
    pub open: bool,
    /// A class added beside `ex-disclosure`.
    pub class: &'static str,
    /// The visible label.
    pub label: Html,
    /// Opens or closes the panel.
    pub onclick: Callback<MouseEvent>,
    /// The heading level.
    pub level: u8,
}

/// The `hidden` attribute of a disclosure's panel: none when open, and `until-found` when
/// closed, so that the browser's find in page and links into the panel still reach its text
/// and open it (the widget hears `beforematch` and opens the disclosure in its state too).
/// Views spell it `HIDDEN`: Yew's `html!` takes `hidden` as a boolean only, and HTML lowercases
/// attribute names, both in the parser and in `setAttribute`.
pub fn hidden(open: bool) -> Option<AttrValue> {
    (!open).then_some(AttrValue::Static("until-found"))
}

/// The element name of a heading of `level`, kept within `h1`–`h6`.
pub fn heading_tag(level: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(1, 6)) - 1]
}

/// Renders `heading` as a heading holding a disclosure button (WAI-ARIA disclosure pattern), or
/// a plain heading when the widget is not interactive.
pub fn view(shared: &Shared, heading: Heading) -> Html {
    let Heading {
        id,
        panel,
        open,
        class,
        label,
        onclick,
        level,
    } = heading;
    let tag = heading_tag(level);
    if !shared.interactive {
        return html! {
            <@{tag} class="ex-section-heading" {id}>
                <span class={classes!("ex-disclosure", class)}>{ label }</span>
            </@>
        };
    }
    html! {
        <@{tag} class="ex-section-heading">
            <button
                type="button"
                class={classes!("ex-disclosure", class)}
                {id}
                aria-expanded={open.to_string()}
                aria-controls={panel}
                {onclick}
            >
                { label }
                <span class="ex-chevron" aria-hidden="true"></span>
            </button>
        </@>
    }
}
