// The three engines behind one API (../page.mjs). Chromium and Firefox are driven by
// puppeteer-core: Chromium over the DevTools protocol, Firefox ESR over WebDriver BiDi, both
// from Debian's packages. WebKit (WebKitGTK's MiniBrowser, the engine behind Safari) has no
// puppeteer support and no BiDi in the version Debian ships, so it is driven over classic
// WebDriver with WebKitWebDriver, under Xvfb since it has no headless mode.
//
// What an engine's driver cannot do is done another way, named where it happens:
// - per-page emulation of the colour scheme and reduced motion exists only in Chromium; Firefox
//   gets them as preferences of a browser launched for them, WebKit as MiniBrowser's
//   --dark-mode and a GTK setting of a driver started for them;
// - a script before the page's own (the probe) exists in puppeteer; for WebKit the test server
//   puts it first in every HTML page it serves, and a page from disk is opened as a copy with
//   it first;
// - request events exist in puppeteer; WebKit's browser uses the test server as its proxy, and
//   the server's log is the page's requests.
import { launchPuppeteer } from './puppeteer.mjs';
import { launchWebKit } from './webkit.mjs';

export { EXECUTABLES, putFirst, VIEWPORT } from './engines.mjs';
export { CHROMIUM_ARGS } from './puppeteer.mjs';

/** Starts `engine` ("chromium", "firefox" or "webkit"). `requestLog()` returns the test
 * server's log, and `proxy` its address, for engines that see requests through it. `env` is
 * added to the environment of the browsers started (WebKit's JavaScriptCore reads its tiers'
 * switches from there). */
export async function launch(engine, { proxy, requestLog, env = {} } = {}) {
  if (engine === 'chromium' || engine === 'firefox') return launchPuppeteer(engine, env);
  if (engine === 'webkit') return launchWebKit({ proxy, requestLog, env });
  throw new Error(`unknown engine ${engine}: chromium, firefox or webkit`);
}
