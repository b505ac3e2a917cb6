// The end-to-end tests' harness: which engine this run drives (EXPLAINER_ENGINE: chromium,
// firefox or webkit; scripts/test.sh runs the suite once for each), the test server, and the
// per-file harness. The API a test uses is the Page of page.mjs, the same in every engine.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { probe } from './in-page.mjs';
import { launch, putFirst } from './drivers/index.mjs';
import { serve } from './server.mjs';
import { DIST, ROOT, scratchDir } from './paths.mjs';

export { built, DIST, RESULTS, ROOT, scratchDir } from './paths.mjs';
export { serve } from './server.mjs';
export { launch } from './drivers/index.mjs';

/** The engine this run of the suite drives. */
export const ENGINE = process.env.EXPLAINER_ENGINE || 'chromium';

/** The policy the widget is built for (docs/embedding.md), with Trusted Types enforced. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Where WebKit's pages load the test's probe script from (the server puts a tag in each). */
export const PROBE_PATH = '/__probe.js';

/** Puts the probe first in an HTML page's head, for engines whose driver cannot run a script
 * before the page's own. It is a file of the page's own origin, so a strict policy allows it. */
const injectProbe = (html) => putFirst(html, `<script src="${PROBE_PATH}"></script>`);

/** Longest the harness may take to start or stop its servers and browser: a hook that hangs
 * fails, named, instead of holding the run open (the runner's --test-timeout is for tests). */
const HOOK_DEADLINE = 120_000;

/** For a test file: serves `dir` (with `extra` pages, as for `serve`) and starts the engine
 * before its tests, and stops both after them. Read `server` and `browser` inside tests.
 * `other` is a second server of `dir` on another port, so another origin: the widget's own
 * host, as a newsroom's static host is another origin than its articles. */
export function harness(extra = {}, dir = DIST) {
  const env = { server: null, other: null, browser: null, engine: ENGINE };
  before(async () => {
    const probeFile = { [PROBE_PATH]: ['text/javascript; charset=utf-8', `(${probe})();`] };
    const inject = ENGINE === 'webkit' ? injectProbe : undefined;
    env.server = await serve(dir, { ...extra, ...probeFile }, { inject });
    env.other = await serve(dir, probeFile, { inject });
    // One log for both, in order, for an engine that sees requests through the proxy.
    env.browser = await launch(ENGINE, { proxy: env.server.url, requestLog: () => env.server.log });
  }, { timeout: HOOK_DEADLINE });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    await env.other?.close();
  }, { timeout: HOOK_DEADLINE });
  return env;
}

/** Why WebKit cannot run the widget in a frame sandboxed without allow-same-origin. */
export const WEBKIT_OPAQUE_SELF = "WebKit's Content-Security-Policy does not match 'self' in a frame with an opaque origin (sandboxed without allow-same-origin), so the stand-alone page's strict policy refuses the widget's own files there; the frame shows the explainer rendered into the page, unstyled and without its cards, and docs/embedding.md recommends the widget on its own origin with allow-same-origin, tested in every engine";

/** Whether the widget can run in a frame sandboxed without allow-same-origin in this engine. */
export const OPAQUE_FRAMES_RUN = ENGINE !== 'webkit';

/** The Page of the iframe `selector` names in `tab`, once its document has loaded: the
 * article is scrolled to it, as a reader's would be, since a lazy frame (loading="lazy")
 * loads only then, and again while widgets above it that start as they are neared push it
 * down. The frame is found again until its own document is there, since a driver may still
 * hold the frame's first, empty one. */
export async function loadedFrame(tab, selector) {
  return tab.until(async () => {
    await tab.evalOn(selector, (e) => e.scrollIntoView());
    const frame = await tab.frame(selector);
    const loaded = await frame.eval(() => location.href !== 'about:blank' && document.readyState === 'complete').catch(() => false);
    return loaded && frame;
  }, `the frame ${selector} loads`);
}

/** The height of the iframe `selector` names in `tab`, and its document's content, scroll and
 * client heights. */
export async function frameHeights(tab, selector) {
  const outer = (await tab.box(selector)).height;
  const frame = await tab.frame(selector);
  const inner = await frame.eval(() => ({
    content: document.documentElement.getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  return { outer, ...inner };
}

/** Whether a frame (as `frameHeights` measured it) is as tall as its content, to the pixel,
 * with nothing left to scroll inside it. */
export const fits = (h) => Math.abs(h.outer - Math.ceil(h.content)) <= 1 && h.scroll <= h.client;

/** Asserts what WebKit shows in a frame sandboxed without allow-same-origin: the explainer
 * rendered into the stand-alone page, which no widget took over. */
export async function assertPrerenderedOnly(frame) {
  await frame.until(() => frame.eval(() => document.readyState === 'complete'), 'the frame loads');
  assert.match(await frame.text('.ex-prerendered .ex-question'), /\?$/);
  assert.equal(await frame.eval(() => document.querySelector('evidence-explainer').explainerStarted === true), false, 'the widget did not start');
}

/** Waits until the widget is live under `scope` (a query prefix such as '#ice >> '): its root
 * shows and no prerendered explainer is left for it to take over. Elements found earlier may
 * be the prerendered ones, which the takeover replaces. */
export async function live(tab, scope = '') {
  await tab.waitFor(`${scope}.ex-root`);
  await tab.waitFor(`${scope}.ex-prerendered`, { state: 'detached' });
}

/** Clicks `target` in `frame`, the Page of the iframe `frameSel` of `tab`, with the article
 * first scrolled to it as a reader's would be: WebKit's driver cannot click in a part of a frame
 * outside the article's viewport. */
export async function clickInFrame(tab, frameSel, frame, target) {
  await frame.waitFor(target);
  const { y } = await frame.box(target);
  await tab.evalOn(frameSel, (e, y) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY + y - 100), y);
  await frame.click(target);
}

/** Says, in the test's output, where this engine is held to a degraded behaviour by design. */
export function degraded(t, reason) {
  t.diagnostic(`${ENGINE}: degraded by design: ${reason}`);
}

/** Says so when a page narrower than MiniBrowser's window is shown in a frame of its size. */
export function noteFramedViewport(t, page) {
  if (page.framedViewport) {
    degraded(t, "MiniBrowser's window cannot be narrower than 460 px, so the page is shown in a frame of the asked size at the window's top left: its viewport is that size");
  }
}

/** Runs the `explainer` tool with `args` (through cargo, so it is the tool of this tree). */
export function explainer(...args) {
  return spawnSync('cargo', ['run', '--quiet', '--bin', 'explainer', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The prerendered script embed of the demo's library-hours set, loading it and the widget's
 * files from the root of the test server. */
export function librarySnippet() {
  const made = explainer('snippet', join(DIST, 'evidence/library-hours.published.json'),
    '--src', '/evidence/library-hours.published.json', '--base', '/');
  assert.equal(made.status, 0, made.stderr);
  return made.stdout;
}

/** A copy of dist/offline.html with its one script taken out, as a reader whose browser runs
 * none gets it; returns its path. */
export function scriptlessOffline() {
  const page = readFileSync(join(DIST, 'offline.html'), 'utf8');
  const scriptless = page.replace(/<script type="module">[\s\S]*<\/script>/, '');
  assert.notEqual(scriptless, page, 'the script was taken out');
  const file = join(scratchDir('scriptless'), 'scriptless.html');
  writeFileSync(file, scriptless);
  return file;
}

/** What a reader sees first of an explainer: a takeover must leave each of these where it was. */
export const FIRST_SEEN = ['.ex-question', '.ex-verdict', '.ex-section-heading', '.ex-limits', '.ex-source'];
