// What every engine's driver shares: where the browsers are, the viewport a page gets, the probe
// put first in every page, and how a page gets a tag first in its head.
import { probe } from '../in-page.mjs';

/** Where each engine's browser is installed (scripts/setup.sh installs them). */
export const EXECUTABLES = {
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  firefox: process.env.FIREFOX || '/usr/bin/firefox-esr',
  webkit: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};


/** The viewport every page has unless a test asks for another. */
export const VIEWPORT = { width: 1280, height: 720 };

/** The probe (in-page.mjs) as source text, to run before a page's own scripts. */
export const PROBE = `(${probe})()`;

/** `html` with `tag` first in its head: after the head's start tag or, where minifying left it
 * out, after the doctype; never before the doctype, which would put the page in quirks mode. */
export function putFirst(html, tag) {
  for (const start of [/<head(\s[^>]*)?>/i, /<!doctype[^>]*>/i]) {
    if (start.test(html)) return html.replace(start, (found) => found + tag);
  }
  return tag + html;
}
