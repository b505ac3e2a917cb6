//! What every view of one widget instance shares, given to each by the root component: the
//! views below it import this, never the root, so the widget's imports run one way.

use std::rc::Rc;

use explainer_evidence::Evidence;
use yew::prelude::*;

use super::ids::Ids;
use super::state::Action;
use crate::locales::Locale;

/// What every view of one widget instance needs: the evidence, the id maker and the way to send
/// actions to the reducer. It never changes during the widget's life, and is cheap to clone.
#[derive(Clone)]
pub struct Shared {
    /// The validated evidence set.
    pub evidence: Rc<Evidence>,
    /// DOM ids for this instance.
    pub ids: Ids,
    /// Sends an action to the reducer.
    pub dispatch: Callback<Action>,
    /// False for a static page: everything shows expanded, with no controls that need script.
    pub interactive: bool,
    /// The heading level of the question (1–4); the widget's other headings follow below it.
    pub heading: u8,
    /// Whether deep links (`#section-id`, `#source-4`) name elements of the page too: on a page
    /// of its own, where the explainer is in the page itself, so they work with no script.
    pub anchors: bool,
    /// The words the widget adds, in the reader's language.
    pub locale: &'static Locale,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.evidence, &other.evidence)
            && self.ids == other.ids
            && self.dispatch == other.dispatch
            && self.interactive == other.interactive
            && self.heading == other.heading
            && self.anchors == other.anchors
            && std::ptr::eq(self.locale, other.locale)
    }
}
