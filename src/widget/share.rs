//! "Copy link": the address of the explainer, a section or a source, for a reader to share.
//!
//! The page that holds the widget knows what that address is (the page's own, the article's
//! around a script embed, or the article's around an iframe), so `embed.js` answers the button:
//! it builds the address from the part the button names (`data-part`), hands it to the Web
//! Share sheet where the browser has one or else the clipboard, and writes what happened into
//! the status line beside it, in the words the widget gives it there. The widget only renders
//! the two, which also keeps the wasm free of promises and timers for it, and lets the button
//! work as soon as `embed.js` runs, before the wasm.

use yew::prelude::*;

use crate::locales::Locale;

/// A "Copy link" button for the part with deep link `part` (a section id, `source-4`, or empty
/// for the whole explainer), named `title` after the question in a share sheet (empty for the
/// whole; `embed.js` adds the question, which each button would otherwise repeat); `name` ends
/// its accessible name (" to section 2: Amazon").
pub fn view(locale: &Locale, part: String, title: String, name: String) -> Html {
    let words = &locale.words;
    html! {
        <span class="ex-share">
            <button type="button" class="ex-share-button" data-part={part} data-title={title}>
                { words.copy_link }<span class="ex-vh">{ name }</span>
            </button>
            <span
                class="ex-share-status"
                role="status"
                data-copied={words.link_copied}
                data-shared={words.link_shared}
                data-manual={words.copy_this_link}
            ></span>
        </span>
    }
}
