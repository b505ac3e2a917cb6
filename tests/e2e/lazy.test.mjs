// End-to-end: a widget in an article is lazy. Nothing of it but embed.js is fetched until the
// reader nears it, points at or focuses something in it, or the address deep-links into it;
// `loading="eager"` starts it at once; on a page of twenty, only the ones neared start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { built, harness, librarySnippet, live } from './support/harness.mjs';

const snippet = librarySnippet();
// Thirty paragraphs of article above the widget: far more than one and a half screens below
// the first at any width the tests use.
const sentence = 'The article goes on here, as long as a reported story does, with a sentence after another about what was found and who said it. ';
const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i + 1}. ${sentence.repeat(5)}</p>`).join('\n');
const article = (widget) => ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>An article</h1>${paragraphs}${widget}<p>After the fact check.</p></main></body></html>`];

const env = harness({
  '/t-lazy.html': article(snippet),
  '/t-lazy-eager.html': article(snippet.replace('<evidence-explainer ', '<evidence-explainer loading="eager" ')),
  '/t-lazy-bare.html': article('<evidence-explainer id="bare" src="/evidence/library-hours.published.json"></evidence-explainer><script type="module" src="/embed.js"></script>'),
});

const open = (path) => env.browser.open(`${env.server.url}${path}`);
const WIDGET = '#library-hours';

/** The requests for the widget's wasm, its glue and the evidence since `from` (a log index). */
function widgetRequests(from) {
  const files = [built('explainer-widget_bg.wasm'), built('explainer-widget.js'), '/evidence/library-hours.published.json'];
  return env.server.log.slice(from).filter((url) => files.some((file) => new URL(url).pathname === file));
}

/** Waits until embed.js has handled the element and the observer has had the frames it reports
 * in: what it would have fetched at load is asked for by then. */
async function settled(tab, selector) {
  await tab.untilInPage('embed.js has seen the element', (s) => document.querySelector(s)?.explainerStarted === true, selector);
  await tab.eval(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
  const screens = await tab.evalOn(selector, (e) => e.getBoundingClientRect().top / innerHeight);
  assert.ok(screens > 2.5, `the widget is ${screens.toFixed(1)} screens down: more than 2.5 are needed for it to be far`);
}

test('far below the fold, a prerendered widget fetches nothing until the reader nears it', async () => {
  const from = env.server.log.length;
  const tab = await open('/t-lazy.html');
  await settled(tab, WIDGET);
  assert.deepEqual(widgetRequests(from), [], 'no wasm, glue or evidence at load');
  assert.equal(await tab.count(`${WIDGET} >> .ex-prerendered`), 1, 'the prerendered explainer is still there');
  assert.equal(await tab.eval(() => window.scrollY), 0, 'the page did not move');
  // The reader scrolls down to it: it takes over, and a card opens.
  await tab.evalOn(WIDGET, (e) => e.scrollIntoView());
  await live(tab, `${WIDGET} >> `);
  await tab.hover(`${WIDGET} >> .ex-marker`);
  await tab.waitFor(`${WIDGET} >> .ex-card`);
  assert.ok(widgetRequests(from).length >= 2, 'the wasm and the evidence were fetched then');
  assert.deepEqual((await tab.probe()).errors, []);
  await tab.close();
});

test('until it starts, its sections open and close in plain script', async () => {
  const tab = await open('/t-lazy.html');
  await settled(tab, WIDGET);
  const from = env.server.log.length;
  const button = `${WIDGET} >> .ex-prerendered .ex-section .ex-disclosure`;
  await tab.evalOn(button, (b) => b.click());
  assert.equal(await tab.evalOn(button, (b) => b.getAttribute('aria-expanded')), 'true');
  assert.deepEqual(widgetRequests(from), [], 'a script click (no pointer) starts nothing');
  await tab.close();
});

test('an address that deep-links into it starts it at once, with no scroll by the reader', async () => {
  const tab = await open('/t-lazy.html#library-hours/the-branches');
  await live(tab, `${WIDGET} >> `);
  await tab.waitFor(`${WIDGET} >> #library-hours-panel-the-branches`);
  await tab.close();
});

test('a reader who focuses something in it before nearing it starts it', async () => {
  const from = env.server.log.length;
  const tab = await open('/t-lazy.html');
  await settled(tab, WIDGET);
  await tab.evalOn(`${WIDGET} >> .ex-prerendered .ex-section .ex-disclosure`, (b) => b.focus({ preventScroll: true }));
  await live(tab, `${WIDGET} >> `);
  assert.ok(widgetRequests(from).length >= 2);
  await tab.close();
});

test('loading="eager" starts it at load, far below the fold', async () => {
  const tab = await open('/t-lazy-eager.html');
  await live(tab, `${WIDGET} >> `);
  assert.equal(await tab.eval(() => window.scrollY), 0, 'the page did not move');
  await tab.close();
});

test('a bare element far below holds its place with its loading line, and starts when neared', async () => {
  const from = env.server.log.length;
  const tab = await open('/t-lazy-bare.html');
  await settled(tab, '#bare');
  assert.deepEqual(widgetRequests(from), [], 'no wasm, glue or evidence at load');
  assert.equal(await tab.evalOn('#bare >> p[role="status"]', (p) => p.textContent), 'Loading the explainer…');
  await tab.evalOn('#bare', (e) => e.scrollIntoView());
  await tab.waitFor('#bare >> .ex-question');
  await tab.close();
});
