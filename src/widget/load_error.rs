//! The panel shown instead of the explainer when the evidence set cannot be used.

use explainer_evidence::Problem;
use yew::prelude::*;

/// Lists every problem with where it is, so an editor can fix the file; never a blank box.
pub fn view(problems: &[Problem]) -> Html {
    let count = problems.len();
    let summary = if count == 1 {
        "The evidence set has 1 problem:".to_owned()
    } else {
        format!("The evidence set has {count} problems:")
    };
    let items = problems.iter().map(|problem| {
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
