// Benchmark (not a test): sizes of the built files and the page's time to first content.
//
//   npm run bench            (after `trunk build --release`; scripts/bench.sh does both)
//
// Sizes are bytes, raw, gzip -9 and brotli -q 11. Times are medians over RUNS fresh page loads
// in headless Chromium, beside a baseline measured in the same run: a static HTML page with the
// same question and no script, served by the same server.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { DIST, ROOT, serve } from '../e2e/support.mjs';
import { CHROMIUM_ARGS, EXECUTABLES } from '../e2e/support/drivers.mjs';

const RUNS = Number(process.env.RUNS || 7);

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function row(name, s) {
  return `${name.padEnd(48)}${String(s.raw).padStart(10)}${String(s.gzip).padStart(10)}${String(s.brotli).padStart(10)}`;
}

function add(a, b) {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/** The published evidence the last release build compiled into the wasm. */
function bundledEvidence() {
  const build = join(ROOT, 'target/wasm32-unknown-unknown/release/build');
  const candidates = readdirSync(build)
    .filter((d) => d.startsWith('explainer-'))
    .map((d) => join(build, d, 'out/evidence.published.json'))
    .filter((f) => { try { return statSync(f).isFile(); } catch { return false; } })
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!candidates.length) throw new Error('no release build found: run trunk build --release');
  return readFileSync(candidates[0]);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// --- sizes ---------------------------------------------------------------------------------
const files = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile()).sort();
console.log(`${'file'.padEnd(48)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
let total = { raw: 0, gzip: 0, brotli: 0 };
let widget = { raw: 0, gzip: 0, brotli: 0 };
const measured = {};
for (const file of files) {
  const s = sizes(readFileSync(join(DIST, file)));
  measured[file] = s;
  console.log(row(file, s));
  total = add(total, s);
  if (/^explainer-widget.*\.(wasm|js)$/.test(file) || file === 'explainer.css') widget = add(widget, s);
}
console.log(row('total (every file in dist/)', total));
const evidence = sizes(bundledEvidence());
console.log(row('bundled evidence, published JSON (inside the wasm)', evidence));
console.log(row('widget: wasm + JS + widget CSS', widget));
const own = { raw: widget.raw - evidence.raw, gzip: widget.gzip - evidence.gzip, brotli: widget.brotli - evidence.brotli };
console.log(row('widget without the evidence (budget: 75 KB brotli)', own));

// What a reader's browser transfers in each way of embedding (the bundled evidence set).
const sum = (names) => names.reduce((acc, name) => add(acc, measured[name] ?? { raw: 0, gzip: 0, brotli: 0 }), { raw: 0, gzip: 0, brotli: 0 });
const core = ['embed.js', 'explainer-widget.js', 'explainer-widget_bg.wasm', 'explainer.css'];
console.log('\ntransferred per embedding mode');
console.log(row('script embed (embed.js, glue, wasm, widget CSS)', sum(core)));
console.log(row('stand-alone page or iframe (+ index.html, page.css)', sum([...core, 'index.html', 'page.css'])));
console.log(row('offline single file (offline.html)', sum(['offline.html'])));

// --- time to first content -----------------------------------------------------------------
const question = 'Did Microsoft or Amazon end contracts with ICE and when?';
const baseline = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title>
<link rel="icon" href="data:,"></head><body><main><h2 class="ex-question">${question}</h2></main></body></html>`;
const server = await serve(DIST, { '/__baseline.html': ['text/html; charset=utf-8', baseline] });
const browser = await puppeteer.launch({ browser: 'chrome', executablePath: EXECUTABLES.chromium, headless: true, args: CHROMIUM_ARGS });

// Records when the question heading first exists, whoever puts it there, in the page or in a
// shadow root (the widget renders in one).
const observe = () => {
  const roots = [document];
  const seen = () => {
    if (!window.__questionAt && roots.some((root) => root.querySelector('.ex-question'))) {
      window.__questionAt = performance.now();
    }
  };
  const watch = (root) => new MutationObserver(seen).observe(root, { childList: true, subtree: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const shadow = attach.call(this, init);
    roots.push(shadow);
    watch(shadow);
    return shadow;
  };
  watch(document);
  document.addEventListener('DOMContentLoaded', seen);
};

async function load(path) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.evaluateOnNewDocument(observe);
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => window.__questionAt !== undefined);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    question: window.__questionAt,
  }));
  await context.close();
  return result;
}

const loads = { baseline: [], widget: [] };
await load('/'); // warm the server and the browser's process pool; not counted
for (let i = 0; i < RUNS; i += 1) {
  loads.baseline.push(await load('/__baseline.html'));
  loads.widget.push(await load('/'));
}
await browser.close();
await server.close();

console.log(`\nmedian of ${RUNS} loads (ms)       first contentful paint    question heading in DOM`);
for (const [name, runs] of Object.entries(loads)) {
  const fcp = median(runs.map((r) => r.fcp)).toFixed(1);
  const q = median(runs.map((r) => r.question)).toFixed(1);
  console.log(`${name.padEnd(34)}${fcp.padStart(22)}${q.padStart(27)}`);
}
