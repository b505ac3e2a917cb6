//! The panel shown instead of the explainer when the evidence set cannot be used.

use std::rc::Rc;

use explainer_evidence::Problem;
use yew::prelude::*;

/// Properties of [`LoadError`].
#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    /// Every problem found.
    pub problems: Rc<Vec<Problem>>,
}

/// Lists every problem with where it is, so an editor can fix the file; never a blank box.
#[component]
pub fn LoadError(props: &LoadErrorProps) -> Html {
    let count = props.problems.len();
    let summary = if count == 1 {
        "The evidence set has 1 problem:".to_owned()
    } else {
        format!("The evidence set has {count} problems:")
    };
    let items = props.problems.iter().map(|problem| {
        html! {
            <li><code class="ex-error-path">{ problem.path.to_string() }</code>{ ": " }{ problem.kind.to_string() }</li>
        }
    });
    html! {
        <div class="ex-error" role="alert">
            <h2 class="ex-error-title">{ "This explainer cannot be shown" }</h2>
            <p>{ summary }</p>
            <ul class="ex-error-list">{ for items }</ul>
        </div>
    }
}
