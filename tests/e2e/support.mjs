// Shared by the end-to-end tests and the benchmark: a static file server for dist/ on loopback,
// and a headless Chromium launched from the Debian package.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Serves `dir` on 127.0.0.1 at a free port; `extra` maps paths to [type, body, headers?]
 * served as-is. */
export async function serve(dir = DIST, extra = {}) {
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: build first (trunk build --release)`);
  });
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path]) {
      const [type, body, headers = {}] = extra[path];
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      // As static hosts commonly do: a sandboxed iframe (opaque origin) can then load the widget.
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) };
}

/** Headless Chromium with the flags this machine needs (no background network at all). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The policy the widget is built for (docs/embedding.md), with Trusted Types enforced. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Collects every Content-Security-Policy violation in `context`, in every frame, sandboxed
 * ones included: the listener reports through a binding, which no page policy can block. */
export async function watchViolations(context) {
  const violations = [];
  await context.exposeBinding('__explainerViolation', ({ frame }, v) => violations.push(`${frame.url()}: ${v}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__explainerViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  return violations;
}

/** For a test file: serves `dir` (with `extra` pages, as for `serve`) and starts a browser
 * before its tests, and stops both after them. Read `server` and `browser` inside tests. */
export function harness(extra = {}, dir = DIST) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serve(dir, extra);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
