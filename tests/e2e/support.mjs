// Shared by the end-to-end tests: which engine this run drives (EXPLAINER_ENGINE: chromium,
// firefox or webkit; scripts/test.sh runs the suite once for each), the test server, and the
// per-file harness. The API a test uses is the Page of support/page.mjs, the same in every engine.
import { after, before } from 'node:test';
import { probe } from './support/in-page.mjs';
import { launch } from './support/drivers.mjs';
import { serve } from './support/server.mjs';
import { DIST } from './support/paths.mjs';

export { DIST, RESULTS, ROOT } from './support/paths.mjs';
export { serve } from './support/server.mjs';
export { launch } from './support/drivers.mjs';

/** The engine this run of the suite drives. */
export const ENGINE = process.env.EXPLAINER_ENGINE || 'chromium';

/** The policy the widget is built for (docs/embedding.md), with Trusted Types enforced. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

const PROBE_PATH = '/__probe.js';

/** Puts the probe first in an HTML page's head, for engines whose driver cannot run a script
 * before the page's own. It is a file of the page's own origin, so a strict policy allows it. */
function injectProbe(html) {
  const tag = `<script src="${PROBE_PATH}"></script>`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + tag) : tag + html;
}

/** For a test file: serves `dir` (with `extra` pages, as for `serve`) and starts the engine
 * before its tests, and stops both after them. Read `server` and `browser` inside tests. */
export function harness(extra = {}, dir = DIST) {
  const env = { server: null, browser: null, engine: ENGINE };
  before(async () => {
    const pages = { ...extra, [PROBE_PATH]: ['text/javascript; charset=utf-8', `(${probe})();`] };
    env.server = await serve(dir, pages, { inject: ENGINE === 'webkit' ? injectProbe : undefined });
    env.browser = await launch(ENGINE, { proxy: env.server.url, requestLog: () => env.server.log });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Says, in the test's output, where this engine is held to a degraded behaviour by design. */
export function degraded(t, reason) {
  t.diagnostic(`${ENGINE}: degraded by design: ${reason}`);
}
