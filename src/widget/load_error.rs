//! The panel shown instead of the explainer when the evidence set cannot be used.

use explainer_evidence::Problem;
use yew::prelude::*;

use super::disclosure::heading_tag;

/// How many problems the panel lists.
pub const SHOWN: usize = 100;

/// Lists the problems with where they are, so an editor can fix the file; never a blank box.
pub fn view(problems: &[Problem], heading: u8) -> Html {
    let count = problems.len();
    let summary = if count == 1 {
        "The evidence set has 1 problem:".to_owned()
    } else {
        format!("The evidence set has {count} problems:")
    };
    // A hostile file can hold thousands of problems; the first ones are what an editor fixes
    // first, and the command-line check lists them all.
    let items = problems.iter().take(SHOWN).map(|problem| {
        html! {
            <li><code class="ex-error-path">{ problem.path.to_string() }</code>{ ": " }{ problem.kind.to_string() }</li>
        }
    });
    html! {
        <div class="ex-error" role="alert">
            <@{heading_tag(heading)} class="ex-error-title">{ "This explainer cannot be shown" }</@>
            <p>{ summary }</p>
            <ul class="ex-error-list">{ for items }</ul>
            if count > SHOWN {
                <p>{ format!("…and {} more. `explainer check FILE` lists them all.", count - SHOWN) }</p>
            }
        </div>
    }
}
