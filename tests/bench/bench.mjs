// Benchmark (not a test): sizes of the built files and the page's time to first content.
//
//   npm run bench            (after `trunk build --release`; scripts/bench.sh does both)
//
// Sizes are bytes, raw, gzip -9 and brotli -q 11. Times are medians over RUNS fresh page loads
// in headless Chromium, in each way of showing the explainer, beside a baseline measured in the
// same run: the static page `explainer render` makes of the same evidence, with no script.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { built, DIST, explainer, ROOT, scratchDir, serve } from '../e2e/support/harness.mjs';
import { CHROMIUM_ARGS, EXECUTABLES } from '../e2e/support/drivers/index.mjs';
import { add, blocking, markerCentre, median, observe, observeArticle, row, sizes } from './measure.mjs';
import { bigSets, busyPage } from './scale.mjs';
import { cardTimes } from './card.mjs';

const RUNS = Number(process.env.RUNS || 7);
// Which parts to run after the sizes (all by default): BENCH=times,lazy,cache,big,busy,card
const PARTS = new Set((process.env.BENCH || 'times,lazy,cache,big,busy,card').split(','));

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
}
// The widget's own files under the names embed.js loads (content-hashed after the build).
const [glue, wasm, css] = ['explainer-widget.js', 'explainer-widget_bg.wasm', 'explainer.css'].map((f) => built(f).slice(1));
for (const file of [glue, wasm, css]) widget = add(widget, measured[file]);
console.log(row('total (every file in dist/)', total));
const evidence = sizes(bundledEvidence());
console.log(row('bundled evidence, published JSON (inside the wasm)', evidence));
console.log(row('widget: wasm + JS + widget CSS', widget));
const own = { raw: widget.raw - evidence.raw, gzip: widget.gzip - evidence.gzip, brotli: widget.brotli - evidence.brotli };
console.log(row('widget without the evidence', own));
const withEmbed = add(own, measured['embed.js']);
console.log(row(`widget's own files: wasm, glue, embed.js, CSS, no evidence`, withEmbed));
// What tests/dist/size.test.mjs holds: the files as shipped (evidence in the wasm included).
const shipped = ['embed.js', 'embed-frame.js'].reduce((acc, name) => add(acc, measured[name]), widget);
const BUDGET = 126 * 1024;
console.log(row('widget, as the size test counts it', shipped));
console.log(`  size test: ${BUDGET} bytes brotli (126 KiB): ${shipped.brotli <= BUDGET ? 'within' : `over by ${shipped.brotli - BUDGET}`}`);

// What a reader's browser transfers in each way of embedding (the bundled evidence set).
const sum = (names) => names.reduce((acc, name) => add(acc, measured[name] ?? { raw: 0, gzip: 0, brotli: 0 }), { raw: 0, gzip: 0, brotli: 0 });
const core = ['embed.js', glue, wasm, css];
console.log('\ntransferred per embedding mode');
console.log(row('script embed (embed.js, glue, wasm, widget CSS)', sum(core)));
console.log(row('stand-alone page or iframe (+ index.html, its styles inline)', sum(['embed.js', glue, wasm, 'index.html'])));
console.log(row('offline single file (offline.html)', sum(['offline.html'])));

// --- time to content, to a working card, and layout shift -----------------------------------
// Each way of showing the explainer is loaded beside a baseline of the same kind: the static
// page `explainer render` makes of the same evidence (all of it, no script), served or opened
// the same way. Each is loaded RUNS times with no throttling and RUNS times on a slow phone:
// Chromium's 4x CPU throttling and a 1.6 Mbit/s, 150 ms network (no network for a file).
const authored = join(ROOT, 'www/evidence/ice-contracts.json');
// The tool's output, or a stop saying why there is none.
const cli = (...args) => {
  const run = explainer(...args);
  if (run.status !== 0) throw new Error(`explainer ${args[0]} failed: ${run.stderr}`);
  return run.stdout;
};
const rendered = cli('render', authored);
const scratch = scratchDir('bench');
writeFileSync(join(scratch, 'static.html'), rendered);
const embedPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>article</title>
<link rel="icon" href="data:,"><script type="module" src="embed.js"></script></head>
<body><main><h1>An article</h1><evidence-explainer></evidence-explainer></main></body></html>`;
// The same evidence, published, and the prerendered script embed `explainer snippet` makes of it.
const published = cli('build', authored);
writeFileSync(join(scratch, 'ice.published.json'), published);
const snippet = cli('snippet', join(scratch, 'ice.published.json'), '--src', '/__ice.published.json', '--base', '/', '--id', 'explainer');
const inlineSnippet = cli('snippet', join(scratch, 'ice.published.json'), '--src', '/__ice.published.json', '--base', '/', '--id', 'explainer', '--inline-style', '--dist', DIST);
// A page of its own as `explainer page` makes it for a newsroom (no ?src=, so no page.js).
const ownPage = cli('page', join(scratch, 'ice.published.json'), '--src', '/__ice.published.json', '--dist', DIST);
// An article of thirty paragraphs with the prerendered snippet below them, and the same
// article without it: what the widget costs an article's load while the reader is at the top.
const paragraph = '<p>The article goes on here, as long as a reported story does, with a sentence after another about what was found and who said it, and then some more of it.</p>';
const longArticle = (widget) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>article</title>
<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>An article</h1>${paragraph.repeat(30)}${widget}</main></body></html>`;
const server = await serve(DIST, {
  '/__static.html': ['text/html; charset=utf-8', rendered],
  '/__embed.html': ['text/html; charset=utf-8', embedPage],
  '/__ice.published.json': ['application/json', published],
  '/__article-a.html': ['text/html; charset=utf-8', embedPage.replace('<evidence-explainer>', '<evidence-explainer src="/__ice.published.json">')],
  '/__article-b.html': ['text/html; charset=utf-8', embedPage.replace('<evidence-explainer>', '<evidence-explainer src="/evidence/library-hours.published.json">')],
  '/__snippet.html': ['text/html; charset=utf-8', embedPage.replace(/<script type="module" src="embed.js"><\/script>/, '').replace('<evidence-explainer></evidence-explainer>', snippet)],
  '/__snippet-inline.html': ['text/html; charset=utf-8', embedPage.replace(/<script type="module" src="embed.js"><\/script>/, '').replace('<evidence-explainer></evidence-explainer>', inlineSnippet)],
  '/__own-page.html': ['text/html; charset=utf-8', ownPage],
  '/__long.html': ['text/html; charset=utf-8', longArticle(snippet)],
  '/__long-bare.html': ['text/html; charset=utf-8', longArticle('')],
  '/__long-element.html': ['text/html; charset=utf-8', longArticle('<evidence-explainer src="/__ice.published.json"></evidence-explainer><script type="module" src="/embed.js"></script>')],
});
const MODES = {
  'stand-alone page': { page: `${server.url}/index.html`, baseline: `${server.url}/__static.html` },
  'script embed': { page: `${server.url}/__embed.html`, baseline: `${server.url}/__static.html` },
  'page of its own': { page: `${server.url}/__own-page.html`, baseline: `${server.url}/__static.html` },
  'prerendered snippet': { page: `${server.url}/__snippet.html`, baseline: `${server.url}/__static.html` },
  'snippet, style inline': { page: `${server.url}/__snippet-inline.html`, baseline: `${server.url}/__static.html` },
  'offline file': { page: pathToFileURL(join(DIST, 'offline.html')).href, baseline: pathToFileURL(join(scratch, 'static.html')).href },
};
const ALL_CONDITIONS = {
  'no throttling': null,
  'slow phone': { cpu: 4, network: { download: 1.6e6 / 8, upload: 750e3 / 8, latency: 150 } },
};
// Which conditions to run (both by default): CONDITIONS=slow runs the slow phone alone.
const CONDITIONS = Object.fromEntries(Object.entries(ALL_CONDITIONS)
  .filter(([name]) => !process.env.CONDITIONS || process.env.CONDITIONS.split(',').some((c) => name.includes(c))));
const browser = await puppeteer.launch({ browser: 'chrome', executablePath: EXECUTABLES.chromium, headless: true, args: CHROMIUM_ARGS });

async function load(url, condition, hover) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  if (condition) {
    await page.emulateCPUThrottling(condition.cpu);
    if (!url.startsWith('file:')) await page.emulateNetworkConditions(condition.network);
  }
  await page.evaluateOnNewDocument(observe);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__questionAt !== undefined, { timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  if (hover) {
    // The reader points at a citation as soon as one shows, and keeps the pointer moving a
    // little on it, as a hand does; the card opens once the widget runs.
    const at = await (await page.waitForFunction(markerCentre, { timeout: 120_000 })).jsonValue();
    const deadline = Date.now() + 120_000;
    for (let i = 0; !(await page.evaluate(() => window.__cardAt !== undefined)); i += 1) {
      if (Date.now() > deadline) throw new Error(`no card on ${url}`);
      await page.mouse.move(at.x + (i % 2), at.y);
      await new Promise((done) => setTimeout(done, 20));
    }
  }
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    question: window.__questionAt,
    card: window.__cardAt ?? null,
    cls: window.__cls,
    tasks: window.__longTasks,
    // The widget's work starts when embed.js asks for its code (the offline file has it inline).
    widgetFrom: performance.getEntriesByType('resource').find((e) => /explainer-widget/.test(e.name))?.startTime ?? 0,
  }));
  await context.close();
  const { tasks, widgetFrom, ...measured } = result;
  const widgetTasks = tasks.filter((t) => t.start >= widgetFrom).map((t) => t.duration);
  return { ...measured, ...blocking(tasks.map((t) => t.duration)), widgetLongest: blocking(widgetTasks).longest };
}

/** The median of `values` in whole ms, or a dash when a load had none. */
const ms = (values) => (values.some((v) => v == null) ? '—' : median(values).toFixed(0));

const results = [];
if (PARTS.has('times')) await load(MODES['stand-alone page'].page, null, true); // warm the server and browser; not counted
for (const [condition, throttle] of PARTS.has('times') ? Object.entries(CONDITIONS) : []) {
  for (const [mode, { page, baseline }] of Object.entries(MODES)) {
    const runs = { baseline: [], widget: [] };
    for (let i = 0; i < RUNS; i += 1) {
      runs.baseline.push(await load(baseline, throttle, false));
      runs.widget.push(await load(page, throttle, true));
    }
    results.push({ condition, mode, runs });
  }
}

// --- the second article ------------------------------------------------------------------
// A reader opens one article with an explainer, then another with a different evidence file,
// in the same browser (same HTTP cache). Bytes are what crossed the network for each response
// (headers included; the test server does not compress), from Chromium's own accounting.
async function articles(first, second) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  let seen = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => seen.set(requestId, { url: response.url, status: response.status, bytes: 0, cached: response.fromDiskCache || response.fromMemoryCache }));
  cdp.on('Network.requestServedFromCache', ({ requestId }) => { if (seen.has(requestId)) seen.get(requestId).cached = true; });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => { if (seen.has(requestId)) seen.get(requestId).bytes = encodedDataLength; });
  const visits = [];
  for (const url of [first, second]) {
    seen = new Map();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('evidence-explainer')?.shadowRoot?.querySelector('.ex-toggle-all'), { timeout: 60_000 });
    visits.push([...seen.values()]);
  }
  await context.close();
  return visits;
}
if (PARTS.has('cache')) {
  const [first, second] = await articles(`${server.url}/__article-a.html`, `${server.url}/__article-b.html`);
  const total = (list) => list.reduce((sum, r) => sum + r.bytes, 0);
  console.log('\nthe second article a reader opens (bytes over the network, raw, headers included)');
  for (const r of second) {
    const how = r.cached || (r.status === 200 && r.bytes === 0) ? 'from the cache' : `HTTP ${r.status}`;
    console.log(`  ${new URL(r.url).pathname.padEnd(52)}${how.padEnd(16)}${String(r.bytes).padStart(9)}`);
  }
  const widgetFiles = (list) => list.filter((r) => /embed\.js|explainer-widget|explainer-[0-9a-f]+\.css|explainer\.css/.test(r.url));
  console.log(`  widget files: ${total(widgetFiles(second))} bytes on the second article, against ${total(widgetFiles(first))} on the first`);
  console.log(`  its evidence file: ${total(second.filter((r) => r.url.endsWith('.json')))} bytes; the whole second article: ${total(second)} bytes (first: ${total(first)})`);
}

// --- an article far above its widget ---------------------------------------------------------
// Thirty paragraphs, then the prerendered snippet (or a bare element), beside the same article
// without it, on a fast machine and on the slow phone. Loaded until the network is quiet, the
// reader still at the top: the article's LCP, its total blocking time and longest task, and the
// bytes that crossed the network (the widget's among them). Then the reader scrolls to the
// widget and points at its first citation: the time from the widget entering the viewport to
// its card opening, and the longest task from the scroll on (the widget's).
const WIDGET_FILE = /explainer-widget|explainer-[0-9a-f]+\.css|explainer\.css|\.published\.json/;
async function farBelow(url, condition) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  if (condition) {
    await page.emulateCPUThrottling(condition.cpu);
    await page.emulateNetworkConditions(condition.network);
  }
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  const seen = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => seen.set(requestId, { url: response.url, bytes: 0 }));
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => { if (seen.has(requestId)) seen.get(requestId).bytes = encodedDataLength; });
  await page.evaluateOnNewDocument(observeArticle);
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 120_000 });
  const atTop = await page.evaluate(() => ({ tasks: window.__tasks, lcp: window.__lcp ?? null, now: performance.now() }));
  const files = [...seen.values()];
  const bytes = files.reduce((sum, r) => sum + r.bytes, 0);
  const widgetBytes = files.filter((r) => WIDGET_FILE.test(r.url)).reduce((sum, r) => sum + r.bytes, 0);
  const result = { ...blocking(atTop.tasks.map((t) => t.duration)), lcp: atTop.lcp, bytes, widgetBytes, card: null, scrolledLongest: null };
  if (await page.$('evidence-explainer')) {
    // When the widget enters the viewport, as the page itself sees it.
    await page.evaluate(() => {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          window.__enteredAt ??= performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.querySelector('evidence-explainer'));
      document.querySelector('evidence-explainer').scrollIntoView({ block: 'start' });
    });
    const deadline = Date.now() + 120_000;
    for (let i = 0; await page.evaluate(() => window.__cardAt === undefined); i += 1) {
      if (Date.now() > deadline) throw new Error(`no card on ${url}`);
      // A widget that grows as it starts can push its first citation below the screen.
      const at = await page.evaluate(markerCentre);
      if (at && (at.y < 0 || at.y > (await page.evaluate(() => innerHeight)))) {
        await page.evaluate(() => {
          const marker = [...document.querySelectorAll('evidence-explainer')].map((h) => h.shadowRoot?.querySelector('.ex-verdict .ex-marker')).find(Boolean);
          marker.scrollIntoView({ block: 'center' });
        });
      } else if (at) {
        await page.mouse.move(at.x + (i % 2), at.y);
      }
      await new Promise((done) => setTimeout(done, 20));
    }
    const after = await page.evaluate((from) => ({
      card: window.__cardAt - window.__enteredAt,
      tasks: window.__tasks.filter((t) => t.start >= from).map((t) => t.duration),
    }), atTop.now);
    result.card = after.card;
    result.scrolledLongest = blocking(after.tasks).longest;
  }
  await context.close();
  return result;
}
if (PARTS.has('lazy')) {
  const ARTICLES = { 'without the widget': '__long-bare.html', 'with the snippet': '__long.html', 'with a bare element': '__long-element.html' };
  const kb = (values) => (median(values) / 1024).toFixed(1);
  console.log(`\nan article of thirty paragraphs, the widget below them (medians of ${RUNS}; at the top: loaded until the network is quiet; then scrolled to the widget and its first citation pointed at)`);
  console.log(`${'condition'.padEnd(15)}${'article'.padEnd(22)}${'LCP'.padStart(6)}${'TBT'.padStart(6)}${'longest'.padStart(9)}${'KiB in'.padStart(8)}${'widget KiB'.padStart(12)}${'viewport → card'.padStart(17)}${'longest after'.padStart(15)}`);
  for (const [condition, throttle] of Object.entries(CONDITIONS)) {
    const runs = Object.fromEntries(Object.keys(ARTICLES).map((name) => [name, []]));
    for (let i = 0; i < RUNS; i += 1) {
      for (const [name, file] of Object.entries(ARTICLES)) runs[name].push(await farBelow(`${server.url}/${file}`, throttle));
    }
    for (const [name, list] of Object.entries(runs)) {
      console.log(`${condition.padEnd(15)}${name.padEnd(22)}${ms(list.map((r) => r.lcp)).padStart(6)}${ms(list.map((r) => r.tbt)).padStart(6)}${ms(list.map((r) => r.longest)).padStart(9)}${kb(list.map((r) => r.bytes)).padStart(8)}${kb(list.map((r) => r.widgetBytes)).padStart(12)}${ms(list.map((r) => r.card)).padStart(17)}${ms(list.map((r) => r.scrolledLongest)).padStart(15)}`);
    }
  }
}

if (PARTS.has('big')) await bigSets(browser, RUNS);
if (PARTS.has('busy')) await busyPage(browser, RUNS);
if (PARTS.has('card')) await cardTimes(browser, RUNS);

await browser.close();
await server.close();

if (results.length) {
  console.log(`\nmedians of ${RUNS} loads, ms (CLS: worst load; long task: the longest over 50 ms until the card, 0 if none; widget's: of those from the widget's first file on; TBT: their time over 50 ms)`);
  console.log(`${'condition'.padEnd(15)}${'mode'.padEnd(23)}${'page'.padEnd(10)}${'first paint'.padStart(12)}${'question'.padStart(10)}${'card'.padStart(8)}${'CLS'.padStart(8)}${'long task'.padStart(11)}${"widget's".padStart(10)}${'TBT'.padStart(7)}${'question ÷ baseline'.padStart(21)}`);
  for (const { condition, mode, runs } of results) {
    for (const [name, list] of Object.entries(runs)) {
      const ratio = name === 'widget'
        ? (median(list.map((r) => r.question)) / median(runs.baseline.map((r) => r.question))).toFixed(2)
        : '';
      console.log(`${condition.padEnd(15)}${mode.padEnd(23)}${name.padEnd(10)}${ms(list.map((r) => r.fcp)).padStart(12)}${ms(list.map((r) => r.question)).padStart(10)}${ms(list.map((r) => r.card)).padStart(8)}${Math.max(...list.map((r) => r.cls)).toFixed(3).padStart(8)}${ms(list.map((r) => r.longest)).padStart(11)}${(name === 'widget' ? ms(list.map((r) => r.widgetLongest)) : '').padStart(10)}${ms(list.map((r) => r.tbt)).padStart(7)}${ratio.padStart(21)}`);
    }
  }
}
