//! The widget's components, one per file, and the state they share.
//!
//! [`Widget`] loads a published evidence set and shows either the [`explainer::Explainer`] or
//! the [`load_error::LoadError`] panel. Interactive state lives in one reducer ([`state`]);
//! the other components only render what they are given.

pub mod changes;
pub mod citation;
pub mod context;
pub mod deep_link;
pub mod disclosure;
pub mod explainer;
pub mod fallback;
mod hooks;
pub mod ids;
pub mod inlines;
pub mod labels;
pub mod limits;
mod load;
pub mod load_error;
pub mod mount;
pub mod section;
pub mod sentence;
pub mod share;
pub mod source_details;
pub mod source_list;
pub mod stamp;
pub mod state;
pub mod takeover;
pub mod verdict;

pub use explainer::{Presentation, Widget, WidgetProps};
pub use mount::MountOptions;
pub use takeover::Takeover;

/// Renders a widget into `root`, guarded so that a panic shows a message there (in the
/// language of the words the widget would add, as far as it is known before reading the set).
pub fn mount(root: web_sys::Element, props: WidgetProps) {
    let language = (props.presentation.language.as_deref()).or(props.page_language.as_deref());
    let locale = crate::locales::Locale::of(language);
    fallback::guard(&root, locale, props.takeover.clone());
    yew::Renderer::<Widget>::with_root_and_props(root, props).render();
}
