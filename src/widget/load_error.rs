//! The panel shown instead of the explainer when the evidence set cannot be used, and the
//! words it lists.
//!
//! The words are those of `explainer check`. The widget's wasm in the browser does not carry
//! them (nor the JSON reader that knows where a problem is): it reads a good file with the
//! browser's `JSON.parse`, and for a file it cannot use, `embed.js` loads the checker (Explainer
//! Studio's wasm, which has the tool's code) to say what is wrong, with `studio::diagnose`.

use explainer_evidence::Problem;
use yew::prelude::*;

use super::disclosure::heading_tag;
use crate::locales::Locale;

/// How many problems the panel lists.
pub const SHOWN: usize = 100;

/// A problem in words: where it is (a JSON path) and what is wrong.
pub type Worded = (String, String);

/// `problems` in the words the panel lists.
pub fn worded(problems: &[Problem]) -> Vec<Worded> {
    problems
        .iter()
        .map(|p| (p.path.to_string(), p.kind.to_string()))
        .collect()
}

/// Lists the problems with where they are, so an editor can fix the file; never a blank box.
pub fn view(locale: &Locale, problems: &[Worded], heading: u8) -> Html {
    let words = &locale.words;
    let count = problems.len();
    // A hostile file can hold thousands of problems; the first ones are what an editor fixes
    // first, and the command-line check lists them all.
    let items = problems.iter().take(SHOWN).map(|(path, message)| {
        html! {
            <li><code class="ex-error-path">{ path.clone() }</code>{ ": " }{ message.clone() }</li>
        }
    });
    html! {
        <div class="ex-error" role="alert">
            <@{heading_tag(heading)} class="ex-error-title">{ words.cannot_show }</@>
            <p>{ words.problems.say(count) }</p>
            <ul class="ex-error-list">{ for items }</ul>
            if count > SHOWN {
                <p>{ words.more_problems.say(count - SHOWN) }</p>
            }
        </div>
    }
}
