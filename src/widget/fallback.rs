//! What readers see if the widget's code ever panics: a plain message in place of every widget
//! on the page, instead of an explainer that looks alive but no longer answers.

use std::cell::RefCell;
use std::sync::Once;

use web_sys::Element;

use super::takeover::Takeover;
use crate::locales::Locale;

thread_local! {
    /// The root of every widget mounted on the page, the words its message is said in, and
    /// for a widget built off the page, what puts it in the page.
    static ROOTS: RefCell<Vec<(Element, &'static Locale, Option<Takeover>)>> = const { RefCell::new(Vec::new()) };
}

static INSTALL: Once = Once::new();

/// Remembers `root` as a widget to replace by its locale's `stopped_working` message on a
/// panic (put in the page first if it is being built off it, by `takeover`), installing the
/// panic hook the first time. Through Yew, which otherwise installs its own on the first
/// render; the hook still logs the panic to the console as Yew's would.
pub fn guard(root: &Element, locale: &'static Locale, takeover: Option<Takeover>) {
    ROOTS.with(|roots| roots.borrow_mut().push((root.clone(), locale, takeover)));
    INSTALL.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            show();
            console_error_panic_hook::hook(info);
        }));
    });
}

/// Replaces every widget by the message: the message takes the root's place, so that Yew,
/// which may still render (a widget being built goes on with its parts), renders where no
/// one sees it. Plain DOM calls only: the panic may have left Yew's own state half-changed,
/// and a second panic inside the hook would abort without a word.
fn show() {
    let _ = ROOTS.try_with(|roots| {
        let Ok(roots) = roots.try_borrow() else {
            return;
        };
        for (root, locale, takeover) in roots.iter() {
            if let Some(takeover) = takeover.as_ref().filter(|_| !root.is_connected()) {
                takeover.left(true);
            }
            let Some(document) = root.owner_document() else {
                continue;
            };
            let Ok(message) = document.create_element("p") else {
                continue;
            };
            message.set_class_name("ex-root ex-fallback");
            let _ = message.set_attribute("role", "alert");
            message.set_text_content(Some(locale.words.stopped_working));
            let _ = message.set_attribute("lang", locale.tag);
            let _ = root.replace_with_with_node_1(&message);
        }
    });
}
